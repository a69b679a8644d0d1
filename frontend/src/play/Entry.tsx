// The player's screens before a seat exists: enter a code, confirm the tasting found, and the
// screens after losing a seat (kicked, left, refused).
import type { SessionInfo } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { CodeForm } from "../components/CodeForm";
import { t, tx, type MessageKey } from "../i18n";
import { errorText, titleText } from "../i18n/wire";
import { Shell } from "./Shell";

/** Why the seat is gone; a refusal keeps what failed (an error frame or an ApiFailure), written from its code when shown. */
export type Gone = { kind: "kicked" } | { kind: "left" } | { kind: "error"; failure: unknown };

export function EnterScreen({ onCode }: { onCode: (code: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("enter");
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        {t("home.joinTitle")}
      </h1>
      <p class="muted">{t("play.enterIntro")}</p>
      <CodeForm onCode={onCode} submitLabel={t("home.join")} />
    </Shell>
  );
}

/** Why `join_session` would be refused now; null when the server says it is joinable. */
export function refusalKey(info: SessionInfo): MessageKey | null {
  if (info.joinable) return null;
  if (info.phase === "ended") return "error.SESSION_ENDED";
  if (info.phase !== "waiting") return "error.GAME_STARTED";
  if (info.locked) return "error.SESSION_LOCKED";
  return info.participantCount >= info.maxParticipants ? "error.SESSION_FULL" : "play.locked";
}

/** The refusal in words, in the reader's language. */
export function refusalText(info: SessionInfo): string | null {
  const key = refusalKey(info);
  return key ? t(key) : null;
}

export function ConfirmScreen({ info, onJoin, onBack }: { info: SessionInfo; onJoin: () => void; onBack: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("confirm");
  const reason = refusalText(info);
  return (
    <Shell>
      <p class="progress-label">{t("common.tasting", { code: info.code })}</p>
      <h1 ref={h} tabIndex={-1}>
        {titleText(info.title, info.titleIsDefault) || t("play.defaultTitle")}
      </h1>
      <p class="muted">{t("play.waiting", { count: info.participantCount })}</p>
      {reason ? (
        <div class="alert" role="alert">
          {reason}
        </div>
      ) : (
        <button type="button" class="btn btn-big btn-block" onClick={onJoin}>
          {t("play.join")}
        </button>
      )}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onBack}>
          {t("play.otherCode")}
        </button>
      </p>
    </Shell>
  );
}

export function GoneScreen({ gone, code, onRetry }: { gone: Gone; code: string; onRetry: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("gone");
  const title = gone.kind === "kicked" ? t("play.kickedTitle") : gone.kind === "left" ? t("play.leftTitle") : t("play.errorTitle");
  const text = gone.kind === "kicked" ? t("play.kickedText") : gone.kind === "left" ? t("play.leftText") : refusal(gone.failure, code);
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        {title}
      </h1>
      <p role={gone.kind === "error" ? "alert" : undefined}>{text}</p>
      <button type="button" class="btn btn-big btn-block" onClick={onRetry}>
        {code && gone.kind === "error" ? t("play.tryOther") : t("home.joinTitle")}
      </button>
    </Shell>
  );
}

/** A refusal in words; an unknown code names the code typed. */
function refusal(failure: unknown, code: string): string {
  const f = failure as { code?: unknown; status?: unknown } | null;
  const notFound = f?.code === "SESSION_NOT_FOUND" || f?.status === 404;
  return notFound && code ? t("play.noSuchCode", { code }) : errorText(failure);
}

/** A seat link opened in a browser that already holds another seat in the same tasting: ask. */
export function SeatSwitchScreen(props: { code: string; incoming: string; stored: string; onSwitch: () => void; onKeep: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("seat-switch");
  return (
    <Shell>
      <p class="progress-label">{t("common.tasting", { code: props.code })}</p>
      <h1 ref={h} tabIndex={-1}>
        {t("play.switchTitle")}
      </h1>
      <p data-testid="seat-switch">{tx("play.switchText", { incoming: <strong>{props.incoming}</strong>, stored: <strong>{props.stored}</strong> })}</p>
      <p class="muted">{t("play.switchHint")}</p>
      <button type="button" class="btn btn-big btn-block" onClick={props.onKeep}>
        {t("play.keepAs", { name: props.stored })}
      </button>
      <p class="center spaced">
        <button type="button" class="btn btn-secondary btn-block" onClick={props.onSwitch}>
          {t("play.switchTo", { name: props.incoming })}
        </button>
      </p>
    </Shell>
  );
}
