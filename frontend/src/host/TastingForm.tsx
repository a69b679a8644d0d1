// The tasting form: title, timer slider, participant cap, game options and wines × five
// questions, every answer field a combobox fed by the answers collection, every distractor
// with its near-miss points. Validation runs with the server's
// rules as the host types; server field errors (INVALID_TASTING) show next to their fields.
import { useMemo, useState } from "preact/hooks";
import type { Category, GameOptions } from "../protocol.gen";
import { Combobox } from "../components/Combobox";
import { t, textOf } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import { CATEGORIES } from "../lib/labels";
import {
  CAP_RANGE,
  MAX_PARTIAL_POINTS,
  MAX_TITLE_CHARS,
  MAX_WINES,
  TIMER_RANGE,
  answerKey,
  draftOptions,
  fieldPath,
  pointsPath,
  validateDraft,
  type Draft,
  type DraftQuestion,
  type Problem,
} from "../lib/validate";
import "../i18n/staff"; // the host-only texts this module shows

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

const slotLabel = (slot: number) => (slot === 0 ? t("form.slotCorrect") : t("form.slotWrong", { n: slot }));

function pickDistractors(pool: string[], taken: string[], count: number): string[] {
  const used = new Set(taken.map(answerKey).filter(Boolean));
  const candidates = pool.filter((v) => !used.has(answerKey(v)));
  const out: string[] = [];
  while (out.length < count && candidates.length) {
    const i = Math.floor(Math.random() * candidates.length);
    out.push(candidates.splice(i, 1)[0]!);
  }
  return out;
}

export function TastingForm({ initial, suggestions, mode, serverErrors, busy, onSubmit, onCancel, onDraftChange }: Props) {
  const [draft, setDraftState] = useState<Draft>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const errors = useMemo(() => validateDraft(draft), [draft]);

  const setDraft = (next: Draft) => {
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

  const options = draftOptions(draft);
  const setOption = (patch: Partial<GameOptions>) => setDraft({ ...draft, options: { ...options, ...patch } });

  const updateQuestion = (w: number, q: number, change: (question: DraftQuestion) => DraftQuestion) =>
    setDraft({ ...draft, wines: draft.wines.map((wine, wi) => (wi !== w ? wine : wine.map((qq, qi) => (qi === q ? change(qq) : qq)))) });

  const setAnswer = (w: number, q: number, slot: number, value: string) => {
    markEdited(fieldPath(w, q, slot));
    updateQuestion(w, q, (question) => {
      if (slot === 0) return { ...question, correct: value };
      const d = [...question.distractors] as [string, string, string];
      d[slot - 1] = value;
      return { ...question, distractors: d };
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

  const fillDistractors = (w: number, q: number) => {
    const question = draft.wines[w]![q]!;
    const empty = question.distractors.map((d, i) => (d.trim() ? -1 : i)).filter((i) => i >= 0);
    const picks = pickDistractors(suggestions[question.category] ?? [], [question.correct, ...question.distractors], empty.length);
    updateQuestion(w, q, (qq) => ({
      ...qq,
      distractors: qq.distractors.map((d, i) => {
        const k = empty.indexOf(i);
        return k >= 0 && picks[k] !== undefined ? picks[k] : d;
      }) as [string, string, string],
    }));
  };

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
      <section class="card form-settings" aria-labelledby="settings-h">
        <h2 id="settings-h">{t("form.settings")}</h2>
        <div class="field">
          <label for="f-title">{t("form.title")}</label>
          <input
            id="f-title"
            class="input"
            value={draft.title}
            maxLength={MAX_TITLE_CHARS * 2}
            placeholder={t("form.titlePlaceholder")}
            aria-invalid={errorFor("title") ? "true" : undefined}
            aria-describedby={errorFor("title") ? "f-title-err" : "f-title-hint"}
            onInput={(e) => {
              markEdited("title");
              setDraft({ ...draft, title: (e.currentTarget as HTMLInputElement).value });
            }}
            onBlur={() => touch("title")}
          />
          {errorFor("title") ? (
            <span id="f-title-err" class="field-error">
              {errorFor("title")}
            </span>
          ) : (
            <span id="f-title-hint" class="hint">
              {t("form.titleHint", { max: MAX_TITLE_CHARS })}
            </span>
          )}
        </div>
        <div class="settings-row">
          <div class="field">
            <label for="f-timer">
              {t("form.timer")} <output for="f-timer">{t("common.secondsShort", { count: draft.timerSeconds })}</output>
            </label>
            <input
              id="f-timer"
              type="range"
              class="slider"
              min={TIMER_RANGE[0]}
              max={TIMER_RANGE[1]}
              step={5}
              value={draft.timerSeconds}
              aria-valuetext={t("common.seconds", { count: draft.timerSeconds })}
              onInput={(e) => setDraft({ ...draft, timerSeconds: Number((e.currentTarget as HTMLInputElement).value) })}
            />
            <span class="hint">{t("field.timer", { min: TIMER_RANGE[0], max: TIMER_RANGE[1] })}</span>
          </div>
          <div class="field">
            <label for="f-maxParticipants">{t("form.cap")}</label>
            <input
              id="f-maxParticipants"
              class="input"
              type="number"
              inputMode="numeric"
              min={CAP_RANGE[0]}
              max={CAP_RANGE[1]}
              value={Number.isNaN(draft.maxParticipants) ? "" : draft.maxParticipants}
              aria-invalid={errorFor("maxParticipants") ? "true" : undefined}
              aria-describedby={errorFor("maxParticipants") ? "f-maxParticipants-err" : undefined}
              onInput={(e) => {
                markEdited("maxParticipants");
                setDraft({ ...draft, maxParticipants: Number.parseInt((e.currentTarget as HTMLInputElement).value, 10) });
              }}
              onBlur={() => touch("maxParticipants")}
            />
            {errorFor("maxParticipants") ? (
              <span id="f-maxParticipants-err" class="field-error">
                {errorFor("maxParticipants")}
              </span>
            ) : null}
          </div>
        </div>
        <fieldset class="form-options">
          <legend>{t("form.options")}</legend>
          <div class="option">
            <label class="check">
              <input type="checkbox" checked={options.speedBonus} aria-describedby="f-speedBonus-hint" onChange={(e) => setOption({ speedBonus: (e.currentTarget as HTMLInputElement).checked })} />
              {t("form.speedBonus")}
            </label>
            <span id="f-speedBonus-hint" class="hint">
              {t("form.speedBonusHint")}
            </span>
          </div>
          <fieldset class="option" aria-describedby="f-pacing-hint">
            <legend>{t("form.pacing")}</legend>
            {(["every_question", "per_wine"] as const).map((pacing) => (
              <label key={pacing} class="check">
                <input type="radio" name="pacing" value={pacing} checked={options.pacing === pacing} onChange={() => setOption({ pacing })} />
                {pacing === "per_wine" ? t("form.pacingWine") : t("form.pacingEvery")}
              </label>
            ))}
            <span id="f-pacing-hint" class="hint">
              {t("form.pacingHint")}
            </span>
          </fieldset>
          <div class="option">
            <label class="check">
              <input type="checkbox" checked={options.autoAdvance} aria-describedby="f-autoAdvance-hint" onChange={(e) => setOption({ autoAdvance: (e.currentTarget as HTMLInputElement).checked })} />
              {t("form.autoAdvance")}
            </label>
            <span id="f-autoAdvance-hint" class="hint">
              {t("form.autoAdvanceHint")}
            </span>
          </div>
        </fieldset>
      </section>

      {draft.wines.map((wine, w) => {
        const name = wine[4]?.correct.trim();
        return (
          <fieldset key={w} class="card wine-fieldset">
            <legend class="wine-legend">
              <span class="wine-num">{t("form.wine", { n: w + 1 })}</span>
              <span class="wine-name">{name || t("form.unnamed")}</span>
            </legend>
            <div class="wine-tools">
              <button
                type="button"
                class="btn btn-secondary btn-small"
                aria-expanded={!collapsed.has(w)}
                aria-controls={`wine-${w}-body`}
                onClick={() => setCollapsed((c) => {
                  const next = new Set(c);
                  if (next.has(w)) next.delete(w);
                  else next.add(w);
                  return next;
                })}
              >
                {collapsed.has(w) ? t("form.showQuestions") : t("form.hideQuestions")}
                <span class="sr-only"> {t("form.ofWine", { n: w + 1 })}</span>
              </button>
              {collapsed.has(w) ? <WineSummary wine={wine} problems={[...errors.keys()].filter((p) => p.startsWith(`wines[${w}].`)).length} /> : null}
            </div>
            <div id={`wine-${w}-body`} hidden={collapsed.has(w)}>
            {wine.map((q, qi) => (
              <div key={q.category} class="question-block">
                <div class="question-block-head">
                  <h3>{categoryLabel(q.category)}</h3>
                  <button type="button" class="btn btn-secondary btn-small" onClick={() => fillDistractors(w, qi)} disabled={!(suggestions[q.category]?.length)}>
                    {t("form.suggest")}
                    <span class="sr-only"> {t("form.suggestFor", { n: w + 1, category: categoryLabel(q.category) })}</span>
                  </button>
                </div>
                <div class="answer-grid">
                  {[q.correct, ...q.distractors].map((value, slot) => {
                    const path = fieldPath(w, qi, slot);
                    const context = t("form.fieldContext", { n: w + 1, category: categoryLabel(q.category) });
                    return (
                      <div key={slot} class="answer-slot">
                        <Combobox
                          id={fieldId(path)}
                          class={slot === 0 ? "slot-correct" : "slot-wrong"}
                          label={
                            <>
                              <span class="sr-only">{context} </span>
                              {slotLabel(slot)}
                            </>
                          }
                          value={value}
                          suggestions={suggestions[q.category] ?? []}
                          error={errorFor(path)}
                          onChange={(v) => setAnswer(w, qi, slot, v)}
                          onBlur={() => touch(path)}
                        />
                        {slot > 0 ? (
                          <PointsField
                            path={pointsPath(w, qi, slot - 1)}
                            label={`${context} ${slotLabel(slot)}:`}
                            value={q.partialPoints?.[slot - 1] ?? 0}
                            hintId={`q-${w}-${qi}-points-hint`}
                            error={errorFor(pointsPath(w, qi, slot - 1))}
                            onChange={(v) => setPoints(w, qi, slot - 1, v)}
                            onBlur={() => touch(pointsPath(w, qi, slot - 1))}
                          />
                        ) : null}
                      </div>
                    );
                  })}
                </div>
                <p id={`q-${w}-${qi}-points-hint`} class="hint points-hint">
                  {t("form.nearMissHint", { max: MAX_PARTIAL_POINTS })}
                </p>
              </div>
            ))}
            </div>
            {draft.wines.length > 1 ? (
              <button
                type="button"
                class="btn btn-danger btn-small"
                onClick={() => {
                  setCollapsed(new Set());
                  setDraft({ ...draft, wines: draft.wines.filter((_, i) => i !== w) });
                }}
              >
                {t("form.removeWine", { n: w + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {errorFor("wines") ? <p class="field-error">{errorFor("wines")}</p> : null}

      <div class="form-footer">
        <button
          type="button"
          class="btn btn-secondary"
          disabled={draft.wines.length >= MAX_WINES}
          onClick={() => setDraft({ ...draft, wines: [...draft.wines, emptyWine()] })}
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

/** A distractor's near-miss points: a small number input; empty reads as NaN (refused). */
function PointsField(props: { path: string; label: string; value: number; hintId: string; error: string | null; onChange: (v: number) => void; onBlur: () => void }) {
  const id = fieldId(props.path);
  return (
    <div class="field points-field">
      <label for={id}>
        <span class="sr-only">{props.label} </span>
        {t("form.nearMiss")}
      </label>
      <input
        id={id}
        class="input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_PARTIAL_POINTS}
        step={5}
        value={Number.isFinite(props.value) ? props.value : ""}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-err` : props.hintId}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          props.onChange(raw === "" ? Number.NaN : Number(raw));
        }}
        onBlur={props.onBlur}
      />
      {props.error ? (
        <span id={`${id}-err`} class="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function WineSummary({ wine, problems }: { wine: DraftQuestion[]; problems: number }) {
  const filled = wine.reduce((n, q) => n + [q.correct, ...q.distractors].filter((v) => v.trim()).length, 0);
  return (
    <span class="wine-summary">
      {t("form.filled", { count: filled, total: wine.length * 4 })}
      {problems ? <span class="field-error"> {t("form.problems", { count: problems })}</span> : null}
    </span>
  );
}

/** A DOM id for a field path (`wines[0].questions[2].distractors[1]` → `f-wines-0-questions-2-distractors-1`). */
export function fieldId(path: string): string {
  return "f-" + path.replace(/[[\].]+/g, "-").replace(/-$/, "");
}
