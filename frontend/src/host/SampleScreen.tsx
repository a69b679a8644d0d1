// /host?sample: pours a sample tasting from the catalog (sample.ts), creates it through the
// normal create API and hands its code on (the lobby opens). Reached in one click from the
// home page and the dashboard; any failure stays on screen with its reason, a retry and a
// way back.
import { useEffect, useRef, useState } from "preact/hooks";
import type { CreateSessionReply, CreateSessionRequest } from "../api.gen";
import { api } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { draftToInput } from "../lib/validate";
import { t } from "../i18n";
import { errorText } from "../i18n/wire";
import { loadCatalog, plausible } from "./catalog";
import { SampleFailure, buildSampleDraft } from "./sample";
import { loadSuggestions } from "./suggest";
import "../i18n/staff"; // the host-only texts this module shows

interface Props {
  hostKey: string;
  handle: string;
  onCreated: (code: string) => void;
  onBack: () => void;
}

/** The failure in the reader's language. */
function failureText(e: unknown): string {
  if (e instanceof SampleFailure) {
    if (e.reason === "tooFew") return t("sample.tooFew", { count: e.count });
    if (e.reason === "catalogDown") return t("sample.catalogDown", { reason: errorText(e.cause) });
    return t("sample.failed", { reason: errorText(e.cause) });
  }
  return t("sample.failed", { reason: errorText(e) });
}

export function SampleScreen({ hostKey, handle, onCreated, onBack }: Props) {
  const h = useScreenHeading<HTMLHeadingElement>("sample");
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const running = useRef(false);

  const pour = async () => {
    if (running.current) return;
    running.current = true;
    setFailure(null);
    try {
      const draft = await buildSampleDraft({ catalog: loadCatalog, plausible, pool: loadSuggestions, title: t("sample.title") });
      const body: CreateSessionRequest = { hostKey, hostHandle: handle, tasting: draftToInput(draft) };
      const res = await api<CreateSessionReply>("/api/sessions", { method: "POST", json: body });
      onCreated(res.code);
    } catch (e) {
      console.warn("sample tasting not created", e);
      setFailure({ error: e });
    } finally {
      running.current = false;
    }
  };

  useEffect(() => {
    void pour();
  }, []);

  return (
    <div class="wrap">
      <h1 ref={h} tabIndex={-1}>
        {t("sample.try")}
      </h1>
      {failure ? (
        <>
          <p class="alert" role="alert" data-testid="sample-error">
            {failureText(failure.error)}
          </p>
          <div class="actions">
            <button type="button" class="btn" onClick={() => void pour()}>
              {t("sample.retry")}
            </button>
            <button type="button" class="btn btn-secondary" onClick={onBack}>
              {t("sample.back")}
            </button>
          </div>
        </>
      ) : (
        <p class="muted" role="status">
          {t("sample.pouring")}
        </p>
      )}
    </div>
  );
}
