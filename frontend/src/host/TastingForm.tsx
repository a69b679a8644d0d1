// The tasting form: the settings card, "add a wine from the catalog", and the wines, each
// five questions of comboboxes over the answers collection with near-miss points per
// distractor (WineFieldset). Picking a catalog wine fills a wine and its plausible
// distractors (useAuthoring). Validation runs with the server's rules as the host types;
// server field errors (INVALID_TASTING) show next to their fields.
import { useMemo, useRef, useState } from "preact/hooks";
import type { Category } from "../protocol.gen";
import { t, textOf } from "../i18n";
import { CATEGORIES } from "../lib/labels";
import { MAX_WINES, answerKey, fieldPath, pointsPath, validateDraft, type Draft, type DraftQuestion, type Problem } from "../lib/validate";
import { CatalogPicker } from "./CatalogPicker";
import { SettingsSection } from "./SettingsSection";
import { WineFieldset, type WineActions } from "./WineFieldset";
import { fieldId } from "./fieldId";
import { isBlankWine } from "./fill";
import { useAuthoring } from "./useAuthoring";
import "../i18n/staff"; // the host-only texts this module shows

export { fieldId };

export type Suggestions = Partial<Record<Category, string[]>>;

export function emptyWine(): DraftQuestion[] {
  return CATEGORIES.map((category) => ({ category, correct: "", distractors: ["", "", ""] }));
}

export function emptyDraft(): Draft {
  return { title: "", timerSeconds: 60, maxParticipants: 50, wines: [emptyWine()] };
}

interface Props {
  initial: Draft;
  suggestions: Suggestions;
  mode: "create" | "edit";
  serverErrors: Map<string, Problem>;
  busy: boolean;
  onSubmit: (draft: Draft) => void;
  onCancel?: () => void;
  onDraftChange?: (draft: Draft) => void;
}

export function TastingForm({ initial, suggestions, mode, serverErrors, busy, onSubmit, onCancel, onDraftChange }: Props) {
  const [draft, setDraftState] = useState<Draft>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const errors = useMemo(() => validateDraft(draft), [draft]);

  // Replies from the catalog and /plausible land after later keystrokes: every change starts
  // from the latest draft, never from a render's stale copy.
  const draftRef = useRef(draft);
  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
    onDraftChange?.(next);
  };
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  const markEdited = (path: string) => setEdited((e) => (e.has(path) ? e : new Set(e).add(path)));
  const errorFor = (path: string): string | null => {
    const server = !edited.has(path) ? serverErrors.get(path) : undefined;
    if (server) return textOf(server);
    const problem = submitted || touched.has(path) ? errors.get(path) : undefined;
    return problem ? textOf(problem) : null;
  };

  const updateQuestion = (w: number, q: number, change: (question: DraftQuestion) => DraftQuestion) => {
    const d = draftRef.current;
    setDraft({ ...d, wines: d.wines.map((wine, wi) => (wi !== w ? wine : wine.map((qq, qi) => (qi === q ? change(qq) : qq)))) });
  };

  const setAnswer = (w: number, q: number, slot: number, value: string) => {
    markEdited(fieldPath(w, q, slot));
    updateQuestion(w, q, (question) => {
      if (slot === 0) return { ...question, correct: value };
      const k = slot - 1;
      const d = [...question.distractors] as [string, string, string];
      const points = [...(question.partialPoints ?? [0, 0, 0])] as [number, number, number];
      if (authoring.typedOver(fieldPath(w, q, slot), d[k], points[k])) points[k] = 0;
      d[k] = value;
      return { ...question, distractors: d, partialPoints: points };
    });
  };

  const setPoints = (w: number, q: number, k: number, value: number) => {
    markEdited(pointsPath(w, q, k));
    updateQuestion(w, q, (question) => {
      const points = [...(question.partialPoints ?? [0, 0, 0])] as [number, number, number];
      points[k] = value;
      return { ...question, partialPoints: points };
    });
  };

  const authoring = useAuthoring({
    draftRef,
    setDraft,
    suggestions,
    newWine: emptyWine,
    focus: (path) => setTimeout(() => document.getElementById(fieldId(path))?.focus(), 0),
  });
  const actions: WineActions = {
    setAnswer,
    setPoints,
    touch,
    errorFor,
    shuffle: (w, q) => void authoring.shuffle(w, q),
    pickName: authoring.pickName,
    vintageTyped: authoring.vintageTyped,
    ensureCatalog: authoring.ensureCatalog,
  };
  // The name fields offer catalog wines first, then the collection's other wine names.
  const nameSuggestions = useMemo(() => {
    const names = authoring.catalog?.map((w) => w.name) ?? [];
    const known = new Set(names.map(answerKey));
    return [...names, ...(suggestions.wine_name ?? []).filter((n) => !known.has(answerKey(n)))];
  }, [authoring.catalog, suggestions]);

  // The catalog picker: above a fresh form's one blank wine, where a host starts; below the
  // wines once there is one, where the next wine goes.
  const fresh = draft.wines.length === 1 && isBlankWine(draft.wines[0]!);
  const picker = <CatalogPicker catalog={authoring.catalog} status={authoring.status} ensureCatalog={authoring.ensureCatalog} onPick={authoring.addFromCatalog} />;

  const firstErrorId = (): string | null => {
    for (const path of errors.keys()) return fieldId(path);
    return null;
  };

  return (
    <form
      class="tasting-form"
      noValidate
      aria-label={mode === "create" ? t("host.newTitle") : t("form.editLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (errors.size > 0) {
          // Open the wines that need attention, then focus the first bad field.
          setCollapsed((c) => new Set([...c].filter((w) => ![...errors.keys()].some((p) => p.startsWith(`wines[${w}].`)))));
          const id = firstErrorId();
          setTimeout(() => id && document.getElementById(id)?.focus(), 0);
          return;
        }
        setEdited(new Set());
        onSubmit(draft);
      }}
    >
      <SettingsSection draft={draft} patch={(change) => setDraft({ ...draftRef.current, ...change })} errorFor={errorFor} touch={touch} markEdited={markEdited} />
      {fresh ? picker : null}

      {draft.wines.map((wine, w) => (
        <WineFieldset
          key={w}
          wine={wine}
          w={w}
          collapsed={collapsed.has(w)}
          problems={[...errors.keys()].filter((p) => p.startsWith(`wines[${w}].`)).length}
          suggestions={suggestions}
          catalog={authoring.catalog}
          nameSuggestions={nameSuggestions}
          actions={actions}
          onToggle={() =>
            setCollapsed((c) => {
              const next = new Set(c);
              if (next.has(w)) next.delete(w);
              else next.add(w);
              return next;
            })
          }
          onRemove={
            draft.wines.length > 1
              ? () => {
                  setCollapsed(new Set());
                  setDraft({ ...draftRef.current, wines: draftRef.current.wines.filter((_, i) => i !== w) });
                }
              : null
          }
        />
      ))}
      {fresh ? null : picker}
      {errorFor("wines") ? <p class="field-error">{errorFor("wines")}</p> : null}

      <div class="form-footer">
        <button
          type="button"
          class="btn btn-secondary"
          disabled={draft.wines.length >= MAX_WINES}
          onClick={() => setDraft({ ...draftRef.current, wines: [...draftRef.current.wines, emptyWine()] })}
        >
          {t("form.addWine")}
        </button>
        <span class="spacer" />
        {onCancel ? (
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
        <button type="submit" class="btn btn-big" disabled={busy}>
          {busy ? t("form.saving") : mode === "create" ? t("form.create") : t("form.save")}
        </button>
      </div>
      {submitted && errors.size > 0 ? (
        <p class="alert" role="alert">
          {t("form.attention", { count: errors.size })}
        </p>
      ) : null}
    </form>
  );
}
