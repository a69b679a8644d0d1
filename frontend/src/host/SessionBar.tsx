// The session's top bar on the host page: code and title, the projector link, "continue on
// another device" (QR and links carrying the host key) and End.
import { useState } from "preact/hooks";
import type { HostState } from "../lib/hostState";
import { t, tx } from "../i18n";
import { titleText } from "../i18n/wire";
import { hostDeviceLink, screenDeviceLink } from "../lib/storage";
import { QrCode } from "../lib/qr";
import { CopyButton } from "../components/CopyButton";
import { EndButton } from "./EndButton";
import "../i18n/staff"; // the host-only texts this module shows

export function SessionBar({ state, code, hostKey, onEnd }: { state: HostState; code: string; hostKey: string; onEnd: () => void }) {
  const [device, setDevice] = useState(false);
  const link = hostDeviceLink(hostKey, code);
  const tvLink = screenDeviceLink(hostKey, code);
  return (
    <div class="session-bar">
      <div class="session-bar-info">
        <span class="session-bar-code">
          {tx("session.code", { code: <strong>{code}</strong> })}
        </span>
        {state.tasting ? <span class="session-bar-title">{titleText(state.tasting.title, state.titleIsDefault)}</span> : null}
      </div>
      <div class="actions desk-only">
        <a class="btn btn-secondary btn-small" href={`/screen?code=${code}`} target="_blank" rel="noopener">
          {t("session.projector")}
        </a>
        <button type="button" class="btn btn-secondary btn-small" aria-expanded={device} aria-controls="device-panel" onClick={() => setDevice(!device)}>
          {t("play.otherDevice")}
        </button>
        {state.phase !== "ended" ? <EndButton onEnd={onEnd} small /> : null}
      </div>
      {device ? (
        <section id="device-panel" class="card device-panel" aria-labelledby="device-h">
          <h2 id="device-h">{t("play.otherDevice")}</h2>
          <p class="muted">{t("session.deviceText")}</p>
          <div class="device-grid">
            <QrCode text={link} label={t("session.deviceQr")} class="qr qr-small" />
            <div class="device-link-box">
              <label for="host-device-link">{t("session.deviceLink")}</label>
              <input id="host-device-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={link} label={t("play.copyPrivate")} />
              <label for="host-tv-link">{t("session.tvLink")}</label>
              <input id="host-tv-link" class="input" readOnly value={tvLink} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={tvLink} label={t("session.copyTv")} />
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}
