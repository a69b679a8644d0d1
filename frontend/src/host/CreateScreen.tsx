// /host?new: the new-tasting form, its draft kept across visits, and the create call; custom
// answers and hand-typed wines are proposed to the admin's review queue once it is created.
// Loaded lazily by the host page (it carries the authoring form and the catalog client).
import { useState } from "preact/hooks";
import type { CreateSessionReply, CreateSessionRequest } from "../api.gen";
import { api, ApiFailure } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { draftToInput, fieldErrorMap, type Draft, type Problem } from "../lib/validate";
import { t } from "../i18n";
import { errorText } from "../i18n/wire";
import { TastingForm, emptyDraft, type Suggestions } from "./TastingForm";
import { proposeCustomAnswers } from "./suggest";
import { proposeHandTypedWines } from "./catalog";
import { saveDraft, storedDraft } from "./draftStore";
import "../i18n/staff"; // the host-only texts this module shows

export function CreateScreen(props: { hostKey: string; handle: string; suggestions: Suggestions; onCreated: (code: string) => void; onCancel: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("new");
  const [initial] = useState(() => storedDraft() ?? emptyDraft());
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<string, Problem>>(new Map());
  // "fields" for field errors (shown beside them), else the failure itself; written when shown.
  const [error, setError] = useState<{ failure: unknown } | "fields" | null>(null);

  const submit = async (draft: Draft) => {
    setBusy(true);
    setError(null);
    try {
      const body: CreateSessionRequest = { hostKey: props.hostKey, hostHandle: props.handle, tasting: draftToInput(draft) };
      const res = await api<CreateSessionReply>("/api/sessions", { method: "POST", json: body });
      saveDraft(null);
      void proposeCustomAnswers(draft, props.suggestions);
      void proposeHandTypedWines(draft);
      props.onCreated(res.code);
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      if (f && f.fields.length) {
        setServerErrors(fieldErrorMap(f.fields));
        setError("fields");
      } else {
        setError({ failure: e });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="wrap">
      <h1 ref={h} tabIndex={-1}>
        {t("host.newTitle")}
      </h1>
      <p class="muted">{t("host.newIntro")}</p>
      {error ? (
        <p class="alert" role="alert">
          {error === "fields" ? t("host.refusedFields") : errorText(error.failure)}
        </p>
      ) : null}
      <TastingForm
        initial={initial}
        suggestions={props.suggestions}
        mode="create"
        serverErrors={serverErrors}
        busy={busy}
        onSubmit={(d) => void submit(d)}
        onCancel={props.onCancel}
        onDraftChange={saveDraft}
      />
    </div>
  );
}
