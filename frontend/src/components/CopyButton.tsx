// Copies a text to the clipboard and says so (with a fallback for older browsers).
import { useState } from "preact/hooks";
import { t } from "../i18n";

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label, class: className = "btn btn-secondary btn-small" }: { text: string; label?: string; class?: string }) {
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  return (
    <button
      type="button"
      class={className}
      onClick={async () => {
        setState((await copyText(text)) ? "done" : "failed");
        setTimeout(() => setState("idle"), 2500);
      }}
    >
      {state === "done" ? `✓ ${t("copy.done")}` : state === "failed" ? t("copy.failed") : (label ?? t("copy.link"))}
      <span class="sr-only" aria-live="polite">
        {state === "done" ? t("copy.announce") : ""}
      </span>
    </button>
  );
}
