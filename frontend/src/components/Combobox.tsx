// An accessible combobox (ARIA 1.2 pattern): a free-text input with a filtered list of
// suggestions, keyboard navigation (arrows, Enter, Escape) and pointer selection. Matching
// ignores case and accents ("chateau" finds "Château"); an option may carry a detail line
// (a catalog wine's colour · region · grape), read by screen readers with its name.
import { useMemo, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import "../i18n/staff"; // the host-only texts this module shows
import "../styles/combo.css";

interface Props {
  id: string;
  label: ComponentChildren;
  value: string;
  suggestions: string[];
  error?: string | null;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Called when the field gains focus (e.g. to load its suggestions lazily). */
  onFocus?: () => void;
  /** Called after `onChange` when an option is chosen from the list (not when typed). */
  onPick?: (value: string) => void;
  /** A second, quieter line for an option, or null. */
  describe?: (value: string) => string | null;
  /** The id of a hint that describes the field when it has no error. */
  hintId?: string;
  class?: string;
}

const MAX_SHOWN = 8;

/** Suggestions matching `query`: prefix matches first, then word and substring matches. */
/** Lower case without accents, so a plain keyboard finds accented names. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function filterSuggestions(all: string[], query: string): string[] {
  const q = fold(query.trim());
  if (!q) return all.slice(0, MAX_SHOWN);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const v of all) {
    const l = fold(v);
    if (l === q) continue;
    if (l.startsWith(q)) starts.push(v);
    else if (l.includes(q)) contains.push(v);
    if (starts.length >= MAX_SHOWN) break;
  }
  return [...starts, ...contains].slice(0, MAX_SHOWN);
}

export function Combobox({ id, label, value, suggestions, error, onChange, onBlur, onFocus, onPick, describe, hintId, class: className }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = useMemo(() => (open ? filterSuggestions(suggestions, value) : []), [open, suggestions, value]);
  const expanded = open && shown.length > 0;
  const listId = `${id}-list`;
  const errorId = `${id}-err`;

  const choose = (v: string) => {
    onChange(v);
    setOpen(false);
    setActive(-1);
    onPick?.(v);
  };

  return (
    <div class={`field combo ${className ?? ""}`}>
      <label for={id}>{label}</label>
      <div class="combo-wrap">
        <input
          id={id}
          class="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? errorId : hintId}
          value={value}
          onInput={(e) => {
            onChange((e.currentTarget as HTMLInputElement).value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => {
            setOpen(true);
            onFocus?.();
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            onBlur?.();
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (shown.length ? (a + 1) % shown.length : -1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (shown.length ? (a <= 0 ? shown.length - 1 : a - 1) : -1));
            } else if (e.key === "Enter" && expanded && active >= 0) {
              e.preventDefault();
              choose(shown[active]!);
            } else if (e.key === "Escape" && expanded) {
              e.preventDefault();
              setOpen(false);
            }
          }}
        />
        <ul id={listId} role="listbox" class="combo-list" hidden={!expanded} aria-label={t("combo.suggestions")}>
          {shown.map((s, i) => (
            <li
              key={s}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              {s}
              {describe?.(s) ? <span class="combo-detail"> {describe(s)}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      {error ? (
        <span id={errorId} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
