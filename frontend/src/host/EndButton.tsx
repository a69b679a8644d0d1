// "End tasting" with a second, explicit confirmation (host page and projector control bar).
import { useState } from "preact/hooks";
import { t } from "../i18n";

export function EndButton({ onEnd, label, small, disabled }: { onEnd: () => void; label?: string; small?: boolean; disabled?: boolean }) {
  const [confirm, setConfirm] = useState(false);
  const size = small ? " btn-small" : "";
  if (!confirm) {
    return (
      <button type="button" class={`btn btn-danger${size}`} disabled={disabled} onClick={() => setConfirm(true)}>
        {label ?? t("session.end")}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        class={`btn btn-danger${size}`}
        onClick={() => {
          setConfirm(false);
          onEnd();
        }}
      >
        {t("session.endConfirm")}
      </button>
      <button type="button" class={`btn btn-secondary${size}`} onClick={() => setConfirm(false)}>
        {t("session.keepPlaying")}
      </button>
    </>
  );
}
