// The toast after a wine is deleted: "Deleted …" with Undo for about 8 seconds, then it goes
// and the deletion stands. The countdown pauses while the pointer is over it or focus is in it
// (time enough for anyone to reach the button), and it can be dismissed at once. Its live
// region is always in the page, so screen readers announce each new message.
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";

export const UNDO_MS = 8_000;

export interface Toast {
  /** Tells one toast from the next (a new deletion replaces the toast). */
  id: number;
  message: () => string;
  undoLabel: () => string;
  undo: () => Promise<void>;
}

/** `returnFocus`: the id of what gets focus when the toast closes with focus inside it. */
export function UndoToast({ toast, onClose, returnFocus }: { toast: Toast | null; onClose: () => void; returnFocus: string }) {
  const [paused, setPaused] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = () => {
    if (box.current?.contains(document.activeElement)) document.getElementById(returnFocus)?.focus();
    setPaused(false);
    onClose();
  };
  const [busy, setBusy] = useState(false);
  const left = useRef(UNDO_MS);

  // A new toast gets the full time.
  useEffect(() => {
    left.current = UNDO_MS;
    setBusy(false);
  }, [toast?.id]);

  useEffect(() => {
    if (!toast || paused || busy) return;
    const started = performance.now();
    const timer = setTimeout(close, left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(1000, left.current - (performance.now() - started));
    };
  }, [toast?.id, paused, busy]);

  return (
    <div class="toast-region" aria-live="polite">
      {toast ? (
        <div
          ref={box}
          class="toast"
          data-testid="undo-toast"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocusIn={() => setPaused(true)}
          onFocusOut={() => setPaused(false)}
        >
          <span>{toast.message()}</span>
          <div class="actions">
            <button
              type="button"
              class="btn btn-small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await toast.undo();
                } finally {
                  close();
                }
              }}
            >
              <span aria-hidden="true">{t("admin.undo")}</span>
              <span class="sr-only">{toast.undoLabel()}</span>
            </button>
            <button type="button" class="btn btn-secondary btn-small" onClick={close}>
              {t("catalog.dismiss")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
