// "End tasting" with a second, explicit confirmation (host page and projector control bar).
import { useState } from "preact/hooks";

export function EndButton({ onEnd, label = "End tasting", small, disabled }: { onEnd: () => void; label?: string; small?: boolean; disabled?: boolean }) {
  const [confirm, setConfirm] = useState(false);
  const size = small ? " btn-small" : "";
  if (!confirm) {
    return (
      <button type="button" class={`btn btn-danger${size}`} disabled={disabled} onClick={() => setConfirm(true)}>
        {label}
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
        Yes, end the tasting
      </button>
      <button type="button" class={`btn btn-secondary${size}`} onClick={() => setConfirm(false)}>
        Keep playing
      </button>
    </>
  );
}
