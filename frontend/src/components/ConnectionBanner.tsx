// A visible, announced "reconnecting" state while the session socket is down, and the
// "open somewhere else" state when a newer tab or device took this seat (with a way back).
import "../styles/base.css";
import type { ConnectionStatus } from "../lib/socket";
import { t } from "../i18n";

export function ConnectionBanner({ status, onResume }: { status: ConnectionStatus; onResume?: () => void }) {
  if (status === "replaced") {
    return (
      <div class="conn-banner conn-replaced" role="status" aria-live="polite" data-testid="connection">
        <span>{t("conn.replaced")}</span>
        {onResume ? (
          <button type="button" class="btn btn-small" onClick={onResume} data-testid="use-here">
            {t("conn.useHere")}
          </button>
        ) : null}
      </div>
    );
  }
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
