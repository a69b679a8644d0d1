// The tasting form's settings card: title, timer slider, participant cap and the game
// options (speed bonus, pacing, auto-advance), each with its hint or error.
import type { GameOptions } from "../protocol.gen";
import { t } from "../i18n";
import { CAP_RANGE, MAX_TITLE_CHARS, TIMER_RANGE, draftOptions, type Draft } from "../lib/validate";
import "../i18n/staff"; // the host-only texts this module shows

interface Props {
  draft: Draft;
  /** Changes these fields on the latest draft (a /plausible reply may have landed since this render). */
  patch: (change: Partial<Draft>) => void;
  errorFor: (path: string) => string | null;
  touch: (path: string) => void;
  markEdited: (path: string) => void;
}

export function SettingsSection({ draft, patch, errorFor, touch, markEdited }: Props) {
  const options = draftOptions(draft);
  const setOption = (change: Partial<GameOptions>) => patch({ options: { ...options, ...change } });
  return (
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
            patch({ title: (e.currentTarget as HTMLInputElement).value });
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
            onInput={(e) => patch({ timerSeconds: Number((e.currentTarget as HTMLInputElement).value) })}
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
              patch({ maxParticipants: Number.parseInt((e.currentTarget as HTMLInputElement).value, 10) });
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
  );
}
