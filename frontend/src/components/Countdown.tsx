// The question countdown: a ring and the seconds left, computed locally from the timer.
import { formatSeconds, useRemaining, type Timer } from "../lib/countdown";
import { t } from "../i18n";

export function Countdown({ timer, paused, size = "md" }: { timer: Timer; paused: boolean; size?: "md" | "lg" }) {
  const left = useRemaining(timer);
  const fraction = timer.durationMs > 0 ? Math.min(1, left / timer.durationMs) : 0;
  const seconds = Math.ceil(left / 1000);
  const urgent = !paused && seconds <= 5 && seconds > 0;
  const r = 45;
  const c = 2 * Math.PI * r;
  return (
    <div class={`countdown countdown-${size}${urgent ? " urgent" : ""}${paused ? " paused" : ""}`} data-testid="countdown">
      <svg viewBox="0 0 100 100" aria-hidden="true">
        <circle class="countdown-track" cx="50" cy="50" r={r} />
        <circle
          class="countdown-bar"
          cx="50"
          cy="50"
          r={r}
          stroke-dasharray={c}
          stroke-dashoffset={c * (1 - fraction)}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <span class="countdown-value">
        <span class="countdown-num">{formatSeconds(left)}</span>
        <span class="countdown-unit">{paused ? t("countdown.paused") : t("countdown.unit")}</span>
      </span>
      {/* Announced rarely: only at a few thresholds, not every second. */}
      <span class="sr-only" aria-live="polite">
        {paused ? t("countdown.pausedAnnounce") : seconds === 10 ? t("countdown.tenLeft") : seconds === 0 ? t("countdown.timeUp") : ""}
      </span>
    </div>
  );
}
