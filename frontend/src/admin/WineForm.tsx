// One wine's form, for adding and for editing: the name, then colour, region and grape as
// comboboxes offering the collection's values (a new value may be typed: the worker adds it to
// the collection and says so). Checked by the catalog's rules before any request; the server's
// refusals come back field by field and show under their fields.
import { useEffect, useState } from "preact/hooks";
import type { CatalogWine } from "../answers-api.gen";
import { ApiFailure } from "../lib/api";
import { Combobox } from "../components/Combobox";
import { t, textOf } from "../i18n";
import { parseWinePath, trimWine, wineProblems, type WineField } from "./catalog";
import { failureLine, line, type Collection, type Line } from "./shared";

/** What a submission's failure shows: per field, and one line for the rest. */
export interface FormErrors {
  fields: Partial<Record<WineField, Line>>;
  general: Line | null;
}

/** A refused request as form errors: `wines[0].region` goes under the region field. */
export function formErrors(e: unknown): FormErrors {
  if (e instanceof ApiFailure && e.fields.length) {
    const fields: FormErrors["fields"] = {};
    const rest: string[] = [];
    for (const f of e.fields) {
      const at = parseWinePath(f.path);
      if (at?.field && !fields[at.field]) fields[at.field] = line(() => t("field.refused", { reason: f.message }));
      else rest.push(f.message);
    }
    return { fields, general: rest.length ? line(() => t("field.refused", { reason: rest.join("; ") })) : null };
  }
  return { fields: {}, general: failureLine(e) };
}

interface Props {
  /** Prefix of the fields' ids (several forms can be on the page). */
  idPrefix: string;
  initial: CatalogWine;
  collection: Collection | null;
  submitLabel: string;
  /** Saves the (trimmed, valid) wine; resolves to errors to show, or null when done. */
  onSubmit: (wine: CatalogWine) => Promise<FormErrors | null>;
  onCancel?: () => void;
  /** Puts focus in the name field when the form appears (editing replaces the row). */
  focusOnMount?: boolean;
}

export function WineForm({ idPrefix, initial, collection, submitLabel, onSubmit, onCancel, focusOnMount }: Props) {
  const [wine, setWine] = useState<CatalogWine>(initial);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (focusOnMount) document.getElementById(`${idPrefix}-name`)?.focus();
  }, []);

  const set = (f: WineField) => (v: string) => {
    setWine((w) => ({ ...w, [f]: v }));
    setErrors((e) => ({ fields: { ...e.fields, [f]: undefined }, general: null }));
  };
  const fieldError = (f: WineField) => errors.fields[f]?.text() ?? null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = wineProblems(wine);
    if (problems.size) {
      const fields: FormErrors["fields"] = {};
      for (const [f, p] of problems) fields[f] = line(() => textOf(p));
      setErrors({ fields, general: null });
      document.getElementById(`${idPrefix}-${[...problems.keys()][0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await onSubmit(trimWine(wine));
      if (result) setErrors(result);
    } finally {
      setBusy(false);
    }
  };

  const combo = (f: Exclude<WineField, "name">, label: string) => (
    <Combobox id={`${idPrefix}-${f}`} label={label} value={wine[f]} suggestions={collection?.[f] ?? []} error={fieldError(f)} onChange={set(f)} />
  );

  return (
    <form class="wine-form" noValidate onSubmit={(e) => void submit(e)}>
      <div class="wine-fields">
        <div class="field">
          <label for={`${idPrefix}-name`}>{t("catalog.name")}</label>
          <input
            id={`${idPrefix}-name`}
            class="input"
            value={wine.name}
            autoComplete="off"
            aria-invalid={fieldError("name") ? "true" : undefined}
            aria-describedby={fieldError("name") ? `${idPrefix}-name-err` : undefined}
            onInput={(e) => set("name")((e.currentTarget as HTMLInputElement).value)}
          />
          {fieldError("name") ? (
            <span id={`${idPrefix}-name-err`} class="field-error">
              {fieldError("name")}
            </span>
          ) : null}
        </div>
        {combo("color", t("catalog.color"))}
        {combo("region", t("catalog.region"))}
        {combo("grape_variety", t("catalog.grape"))}
      </div>
      {errors.general ? (
        <p class="field-error" role="alert">
          {errors.general.text()}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="btn" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
