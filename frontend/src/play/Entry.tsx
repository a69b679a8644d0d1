// The player's screens before a seat exists: enter a code, confirm the tasting found, and the
// screens after losing a seat (kicked, left, refused).
import type { ErrorCode } from "../protocol.gen";
import type { SessionInfo } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { CodeForm } from "../components/CodeForm";
import { Shell } from "./Shell";

export type Gone = { kind: "kicked" } | { kind: "left" } | { kind: "error"; code: ErrorCode | "NETWORK"; message: string };

export function EnterScreen({ onCode }: { onCode: (code: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("enter");
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        Join a tasting
      </h1>
      <p class="muted">Type the 4-digit code shown on the host's screen.</p>
      <CodeForm onCode={onCode} submitLabel="Join" />
    </Shell>
  );
}

/** Why `join_session` would be refused now, in words; null when the server says it is joinable. */
export function refusalText(info: SessionInfo): string | null {
  if (info.joinable) return null;
  if (info.phase === "ended") return "This tasting is over.";
  if (info.phase !== "waiting") return "This tasting has already started, so new players cannot join.";
  if (info.locked) return "The host has closed this tasting to new players.";
  return info.participantCount >= info.maxParticipants ? "This tasting is full." : "This tasting is not taking new players right now.";
}

export function ConfirmScreen({ info, onJoin, onBack }: { info: SessionInfo; onJoin: () => void; onBack: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("confirm");
  const reason = refusalText(info);
  return (
    <Shell>
      <p class="progress-label">Tasting {info.code}</p>
      <h1 ref={h} tabIndex={-1}>
        {info.title || "Blind tasting"}
      </h1>
      <p class="muted">
        {info.participantCount} {info.participantCount === 1 ? "player" : "players"} waiting.
      </p>
      {reason ? (
        <div class="alert" role="alert">
          {reason}
        </div>
      ) : (
        <button type="button" class="btn btn-big btn-block" onClick={onJoin}>
          Join the tasting
        </button>
      )}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onBack}>
          Use another code
        </button>
      </p>
    </Shell>
  );
}

export function GoneScreen({ gone, code, onRetry }: { gone: Gone; code: string; onRetry: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("gone");
  const title = gone.kind === "kicked" ? "You were removed" : gone.kind === "left" ? "You left the tasting" : "Can't join";
  const text =
    gone.kind === "kicked"
      ? "The host removed you from this tasting."
      : gone.kind === "left"
        ? "Your seat is free again. Thanks for tasting with us!"
        : gone.message;
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        {title}
      </h1>
      <p role={gone.kind === "error" ? "alert" : undefined}>{text}</p>
      <button type="button" class="btn btn-big btn-block" onClick={onRetry}>
        {code && gone.kind === "error" ? "Try another code" : "Join a tasting"}
      </button>
    </Shell>
  );
}

/** A seat link opened in a browser that already holds another seat in the same tasting: ask. */
export function SeatSwitchScreen(props: { code: string; incoming: string; stored: string; onSwitch: () => void; onKeep: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("seat-switch");
  return (
    <Shell>
      <p class="progress-label">Tasting {props.code}</p>
      <h1 ref={h} tabIndex={-1}>
        Switch seats?
      </h1>
      <p data-testid="seat-switch">
        This link holds the seat of <strong>{props.incoming}</strong>. This browser already plays this tasting as{" "}
        <strong>{props.stored}</strong>.
      </p>
      <p class="muted">Only switch if the link is your own, from your other device. You can switch back later.</p>
      <button type="button" class="btn btn-big btn-block" onClick={props.onKeep}>
        Keep playing as {props.stored}
      </button>
      <p class="center spaced">
        <button type="button" class="btn btn-secondary btn-block" onClick={props.onSwitch}>
          Switch to {props.incoming}
        </button>
      </p>
    </Shell>
  );
}
