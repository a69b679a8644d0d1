// Reading an import file into what the admin page sends: the export's JSON (`{answers, wines}`,
// from `GET /admin/export`), the older answers-only JSON (the five categories as keys), a JSON
// list of wines, or a CSV of wines (name, colour, region, grape; parsed by papaparse, loaded
// only when a CSV is read). Entries the server would refuse are left out and listed with why,
// so one bad line costs that line only; the server checks the rest again batch by batch.
import type { Category } from "../protocol.gen";
import type { CatalogWine } from "../answers-api.gen";
import type { Text } from "../i18n/core";
import { answerKey, answerProblem } from "../lib/validate";
import { CATEGORIES } from "../lib/labels";
import { trimWine, wineProblems, WINE_FIELDS, type WineField } from "./catalog";

/** A wine left out of the import: where it was (a `Text`) and why. */
export interface Skipped {
  where: Text;
  field: WineField | null;
  problem: Text;
}

export interface ImportPlan {
  /** Valid values per category, trimmed (absent: the file had none for it). */
  answers: Partial<Record<Category, string[]>>;
  /** Values left out (not text, empty, too long, control characters). */
  skippedValues: number;
  /** Valid wines, trimmed, each name once. */
  wines: CatalogWine[];
  skippedWines: Skipped[];
}

/** A file that cannot be read at all: the reason, to show next to the import button. */
export class ImportError extends Error {
  constructor(readonly text: Text) {
    super(text.key);
  }
}

/** Splits `items` into consecutive batches of at most `size`. */
export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type RawWine = { where: Text; value: unknown };

/** Checks raw wines; keeps the valid ones (first spelling of a name wins), lists the others. */
function collectWines(raw: RawWine[]): { wines: CatalogWine[]; skipped: Skipped[] } {
  const wines: CatalogWine[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, Text>();
  for (const { where, value } of raw) {
    const o = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    const missing = o ? WINE_FIELDS.find((f) => typeof o[f] !== "string") : "name";
    if (!o || missing) {
      skipped.push({ where, field: missing ?? null, problem: { key: "import.notAWine" } });
      continue;
    }
    const wine = trimWine({ name: o.name as string, color: o.color as string, region: o.region as string, grape_variety: o.grape_variety as string });
    const problems = wineProblems(wine);
    if (problems.size) {
      const [field, problem] = [...problems][0]!;
      skipped.push({ where, field, problem });
      continue;
    }
    const first = seen.get(answerKey(wine.name));
    if (first) {
      skipped.push({ where, field: "name", problem: { key: "import.repeatedName", vars: { first: first.vars?.n ?? "" } } });
      continue;
    }
    seen.set(answerKey(wine.name), where);
    wines.push(wine);
  }
  return { wines, skipped };
}

const entry = (n: number, value: unknown): Text => {
  const name = value && typeof value === "object" && typeof (value as { name?: unknown }).name === "string" ? (value as { name: string }).name.trim() : "";
  return name ? { key: "import.whereWineNamed", vars: { n, name } } : { key: "import.whereWine", vars: { n } };
};

/** Reads a parsed JSON document (any of the three shapes). */
export function planFromJson(doc: unknown): ImportPlan {
  const list = Array.isArray(doc) ? doc : null;
  const o = !list && doc && typeof doc === "object" ? (doc as Record<string, unknown>) : null;
  // `{answers, wines}` (the export), else the five categories at the top level (older exports).
  const answersObj = o && o.answers && typeof o.answers === "object" && !Array.isArray(o.answers) ? (o.answers as Record<string, unknown>) : o;
  const rawWines = list ?? (o && Array.isArray(o.wines) ? o.wines : null);
  const hasCategory = !!answersObj && CATEGORIES.some((c) => Array.isArray(answersObj[c]));
  if (!hasCategory && !rawWines) throw new ImportError({ key: "admin.notObject" });
  const answers: ImportPlan["answers"] = {};
  let skippedValues = 0;
  if (answersObj) {
    for (const c of CATEGORIES) {
      const raw = answersObj[c];
      if (!Array.isArray(raw)) continue;
      const values = raw.filter((v): v is string => typeof v === "string" && answerProblem(v) === null).map((v) => v.trim());
      skippedValues += raw.length - values.length;
      answers[c] = values;
    }
  }
  const { wines, skipped } = collectWines((rawWines ?? []).map((value, i) => ({ where: entry(i + 1, value), value })));
  return { answers, skippedValues, wines, skippedWines: skipped };
}

/** Reads a JSON file's text. */
export function planFromJsonText(text: string): ImportPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportError({ key: "admin.notJson" });
  }
  return planFromJson(doc);
}

/** Header names a CSV may use for each field (compared trimmed and ignoring case). */
const HEADERS: Record<WineField, string[]> = {
  name: ["name", "wine", "wine name", "wine_name"],
  color: ["colour", "color"],
  region: ["region"],
  grape_variety: ["grape", "grape variety", "grape_variety", "grape varieties"],
};

/** Reads CSV rows (the first names the columns, in any order) as wines. */
export function planFromCsvRows(rows: string[][]): ImportPlan {
  const header = (rows[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").trim().toLowerCase());
  const column = {} as Record<WineField, number>;
  const missing: string[] = [];
  for (const f of WINE_FIELDS) {
    const i = header.findIndex((h) => HEADERS[f].includes(h));
    if (i < 0) missing.push(HEADERS[f][0]!);
    column[f] = i;
  }
  if (missing.length) throw new ImportError({ key: "import.csvHeader", vars: { missing: missing.join(", ") } });
  const raw: RawWine[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return; // blank line
    const value = Object.fromEntries(WINE_FIELDS.map((f) => [f, cells[column[f]] ?? null]));
    raw.push({ where: { key: "import.whereRow", vars: { n: i + 2 } }, value });
  });
  const { wines, skipped } = collectWines(raw);
  return { answers: {}, skippedValues: 0, wines, skippedWines: skipped };
}

/** Parses a CSV file's text with papaparse (fetched on first use: most admins never import CSV). */
export async function planFromCsvText(text: string): Promise<ImportPlan> {
  const { default: Papa } = await import("papaparse");
  const parsed = Papa.parse<string[]>(text.trim(), { header: false, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === "Quotes" || e.type === "Delimiter");
  if (broken) throw new ImportError({ key: "import.csvBroken", vars: { n: (broken.row ?? 0) + 1 } });
  return planFromCsvRows(parsed.data);
}

/** Reads a picked file: CSV by its name or type, else JSON. */
export async function planFromFile(file: File): Promise<ImportPlan> {
  const text = await file.text();
  const csv = /\.csv$/i.test(file.name) || file.type === "text/csv";
  return csv ? planFromCsvText(text) : planFromJsonText(text);
}
