// One wine of the tasting form: its legend, show/hide, "Shuffle distractors" for the wine and
// per question, and the five questions, each with its correct answer and three distractors
// (comboboxes over the collection; the name also offers catalog wines) and every distractor's
// near-miss points.
import type { CatalogWine } from "../answers-api.gen";
import { Combobox } from "../components/Combobox";
import { t } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import { MAX_PARTIAL_POINTS, fieldPath, pointsPath, type DraftQuestion } from "../lib/validate";
import { findWine, wineDetail } from "./fill";
import { fieldId } from "./fieldId";
import type { Suggestions } from "./TastingForm";
import "../i18n/staff"; // the host-only texts this module shows

export interface WineActions {
  setAnswer: (w: number, q: number, slot: number, value: string) => void;
  setPoints: (w: number, q: number, k: number, value: number) => void;
  touch: (path: string) => void;
  errorFor: (path: string) => string | null;
  shuffle: (w: number, q: number | null) => void;
  pickName: (w: number, name: string) => void;
  vintageTyped: (w: number) => void;
  ensureCatalog: () => void;
}

interface Props {
  wine: DraftQuestion[];
  w: number;
  collapsed: boolean;
  problems: number;
  suggestions: Suggestions;
  catalog: CatalogWine[] | null;
  /** Catalog names first, then the collection's other wine names. */
  nameSuggestions: string[];
  actions: WineActions;
  onToggle: () => void;
  onRemove: (() => void) | null;
}

const slotLabel = (slot: number) => (slot === 0 ? t("form.slotCorrect") : t("form.slotWrong", { n: slot }));

export function WineFieldset({ wine, w, collapsed, problems, suggestions, catalog, nameSuggestions, actions, onToggle, onRemove }: Props) {
  const name = wine[4]?.correct.trim();
  const describe = (value: string) => {
    const hit = catalog && findWine(catalog, value);
    return hit ? wineDetail(hit) : null;
  };
  return (
    <fieldset class="card wine-fieldset">
      <legend class="wine-legend">
        <span class="wine-num">{t("form.wine", { n: w + 1 })}</span>
        <span class="wine-name">{name || t("form.unnamed")}</span>
      </legend>
      <div class="wine-tools">
        <button type="button" class="btn btn-secondary btn-small" aria-expanded={!collapsed} aria-controls={`wine-${w}-body`} onClick={onToggle}>
          {collapsed ? t("form.showQuestions") : t("form.hideQuestions")}
          <span class="sr-only"> {t("form.ofWine", { n: w + 1 })}</span>
        </button>
        <button type="button" class="btn btn-secondary btn-small" onClick={() => actions.shuffle(w, null)}>
          {t("author.shuffleWine")}
          <span class="sr-only"> {t("form.ofWine", { n: w + 1 })}</span>
        </button>
        {collapsed ? <WineSummary wine={wine} problems={problems} /> : null}
      </div>
      <div id={`wine-${w}-body`} hidden={collapsed}>
        {wine.map((q, qi) => (
          <div key={q.category} class="question-block">
            <div class="question-block-head">
              <h3>{categoryLabel(q.category)}</h3>
              <button type="button" class="btn btn-secondary btn-small" onClick={() => actions.shuffle(w, qi)}>
                {t("author.shuffle")}
                <span class="sr-only"> {t("form.suggestFor", { n: w + 1, category: categoryLabel(q.category) })}</span>
              </button>
            </div>
            <div class="answer-grid">
              {[q.correct, ...q.distractors].map((value, slot) => {
                const path = fieldPath(w, qi, slot);
                const context = t("form.fieldContext", { n: w + 1, category: categoryLabel(q.category) });
                const isName = slot === 0 && q.category === "wine_name";
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
                      suggestions={isName ? nameSuggestions : (suggestions[q.category] ?? [])}
                      error={actions.errorFor(path)}
                      onChange={(v) => {
                        actions.setAnswer(w, qi, slot, v);
                        if (slot === 0 && q.category === "vintage_year") actions.vintageTyped(w);
                      }}
                      onBlur={() => actions.touch(path)}
                      {...(isName ? { onFocus: actions.ensureCatalog, onPick: (v: string) => actions.pickName(w, v), describe } : {})}
                    />
                    {slot > 0 ? (
                      <PointsField
                        path={pointsPath(w, qi, slot - 1)}
                        label={`${context} ${slotLabel(slot)}:`}
                        value={q.partialPoints?.[slot - 1] ?? 0}
                        hintId={`q-${w}-${qi}-points-hint`}
                        error={actions.errorFor(pointsPath(w, qi, slot - 1))}
                        onChange={(v) => actions.setPoints(w, qi, slot - 1, v)}
                        onBlur={() => actions.touch(pointsPath(w, qi, slot - 1))}
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
      {onRemove ? (
        <button type="button" class="btn btn-danger btn-small" onClick={onRemove}>
          {t("form.removeWine", { n: w + 1 })}
        </button>
      ) : null}
    </fieldset>
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
