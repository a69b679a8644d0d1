// The lobby on the host page: the join code, QR and link, and the participants panel (who is
// in and online, kick with confirmation, lock), Start and Edit.
import { useState } from "preact/hooks";
import type { HostParticipant } from "../protocol.gen";
import { useScreenHeading } from "../lib/a11y";
import { t, tx } from "../i18n";
import { titleText } from "../i18n/wire";
import { joinLink } from "../lib/storage";
import { QrCode } from "../lib/qr";
import { CopyButton } from "../components/CopyButton";
import type { PhaseProps } from "./phase";
import "../i18n/staff"; // the host-only texts this module shows

export function LobbyPanel({ state, code, send, onEdit }: PhaseProps) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const link = joinLink(code);
  const [shared, setShared] = useState(false);
  const canShare = typeof navigator.share === "function";
  const players = state.participants;
  const max = state.tasting?.maxParticipants ?? 0;
  return (
    <section aria-labelledby="lobby-h" class="host-lobby">
      <div class="lobby-grid">
        <div class="card lobby-join">
          <h1 id="lobby-h" ref={h} tabIndex={-1}>
            {t("session.lobby")}
          </h1>
          <p class="muted">{t("session.joinAt", { host: location.host })}</p>
          <p class="code-big" data-testid="session-code" aria-label={t("session.code", { code: code.split("").join(" ") })}>
            {code}
          </p>
          <QrCode text={link} label={t("session.qr", { code })} />
          <div class="actions spaced-sm">
            <CopyButton text={link} label={t("session.copyJoin")} />
            {canShare ? (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                onClick={() =>
                  navigator
                    .share({ title: state.tasting ? titleText(state.tasting.title, state.titleIsDefault) : "Sommelier Arena", text: t("session.shareText", { code }), url: link })
                    .then(() => setShared(true))
                    .catch(() => setShared(false))
                }
              >
                {t("session.share")}
              </button>
            ) : null}
          </div>
          {shared ? <p role="status">{t("session.shared")}</p> : null}
        </div>
        <div class="card lobby-players">
          <h2>
            {t("session.players")} <span class="count-pill" data-testid="participant-count">{players.length}{max ? ` / ${max}` : ""}</span>
          </h2>
          <p class="sr-only" aria-live="polite">
            {t("play.joined", { count: players.length })}
          </p>
          {players.length === 0 ? (
            <p class="muted">{t("session.waitingFirst")}</p>
          ) : (
            <ul class="player-list">
              {players.map((pl) => (
                <PlayerItem key={pl.pseudonym} p={pl} onKick={() => send({ type: "host:kick", pseudonym: pl.pseudonym })} />
              ))}
            </ul>
          )}
          <div class="lock-row">
            <button
              type="button"
              class="btn btn-secondary btn-small desk-only"
              aria-pressed={state.locked}
              onClick={() => send({ type: state.locked ? "host:unlock" : "host:lock" })}
              data-testid="lock"
            >
              {state.locked ? t("session.unlockLobby") : t("session.lockLobby")}
            </button>
            <span class="hint" role="status" data-testid="lock-status">
              {state.locked ? t("session.lockedHint") : t("session.openHint")}
            </span>
          </div>
          <div class="actions spaced-sm desk-only">
            <button type="button" class="btn btn-big" disabled={players.length === 0} onClick={() => send({ type: "host:start" })} aria-describedby={players.length === 0 ? "start-hint" : undefined}>
              <span aria-hidden="true">▶ </span>
              {t("session.start")}
            </button>
            <button type="button" class="btn btn-secondary" onClick={onEdit}>
              {t("form.editLabel")}
            </button>
          </div>
          {players.length === 0 ? (
            <p id="start-hint" class="hint">
              {t("session.startHint")}
            </p>
          ) : null}
          <p class="hint tv-hint" data-testid="tv-hint">
            {tx("session.tvHint", {
              link: (
                <a href={`/screen?code=${code}`} target="_blank" rel="noopener">
                  {t("session.tvHintLink")}
                </a>
              ),
            })}
          </p>
          {state.tasting ? (
            <p class="hint">
              {t("session.wines", { count: state.tasting.wines.length })} · {t("session.perQuestion", { time: t("common.secondsShort", { count: state.tasting.timerSeconds }) })}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function PlayerItem({ p, onKick }: { p: HostParticipant; onKick: () => void }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <li class={`player ${p.online ? "online" : "offline"}`} data-pseudonym={p.pseudonym}>
      <span class="presence" aria-hidden="true" />
      <span class="player-name">{p.pseudonym}</span>
      <span class="presence-text">{p.online ? t("session.online") : t("session.offlineTag")}</span>
      {confirm ? (
        <>
          <button type="button" class="btn btn-danger btn-small" onClick={onKick} aria-label={t("session.removeLabel", { name: p.pseudonym })}>
            {t("session.remove")}
          </button>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(false)}>
            {t("session.keep")}
          </button>
        </>
      ) : (
        <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(true)} aria-label={t("session.kickLabel", { name: p.pseudonym })}>
          {t("session.kick")}
        </button>
      )}
    </li>
  );
}
