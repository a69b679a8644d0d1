// A visible, announced "reconnecting" state while the session socket is down.
import "../styles/base.css";
import type { ConnectionStatus } from "../lib/socket";
import { t } from "../i18n";

export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const show = status === "reconnecting";
  return (
    <div class={show ? "conn-banner" : "sr-only"} role="status" aria-live="polite" data-testid="connection">
      {show ? (
        <>
          <span class="spinner" aria-hidden="true" /> {t("conn.reconnecting")}
        </>
      ) : status === "connecting" ? (
        t("conn.connecting")
      ) : (
        ""
      )}
    </div>
  );
}
