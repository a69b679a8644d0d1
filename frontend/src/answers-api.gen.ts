// Generated from crates/core/src/api by `npm run gen:types` (ts-rs). Do not edit by hand.
import type { Category } from "./protocol.gen";

export type ByCategory<T> = { color: T, region: T, grape_variety: T, vintage_year: T, wine_name: T, };

export type CategoryValues = { category: Category, values: Array<string>, };

export type ValuesInput = { value?: string, values?: Array<string>, };

export type AddedValues = { category: Category, added: Array<string>, existing: Array<string>, };

export type RemovedValue = { category: Category, removed: string, };

export type SuggestValueInput = { value: string, };

export type SuggestionStatus = "pending" | "known";

export type SuggestedValue = { category: Category, value: string, status: SuggestionStatus, };

export type PendingValue = { category: Category, value: string, 
/**
 * When it was proposed (ms since epoch).
 */
suggestedAt: number | null, };

export type PendingWine = { wine: CatalogWine, suggestedAt: number | null, };

export type SuggestionQueue = { suggestions: Array<PendingValue>, wines: Array<PendingWine>, };

export type CatalogWine = { name: string, color: string, region: string, grape_variety: string, };

export type WineList = { wines: Array<CatalogWine>, };

export type WinesWritten = { added: Array<string>, updated: Array<string>, unchanged: Array<string>, valuesAdded: ByCategory<Array<string>>, };

export type RemovedWine = { removed: CatalogWine, };

export type SuggestedWine = { wine: CatalogWine, status: SuggestionStatus, };

export type CollectionExport = { answers: ByCategory<Array<string>>, wines: Array<CatalogWine>, };

export type PlausibleInput = { color?: string, region?: string, grape_variety?: string, vintage_year?: string, wine_name?: string, seed?: number, };

export type SuggestedOption = { text: string, points: number, };

export type PlausibleOptions = { options: ByCategory<Array<SuggestedOption>>, seed: number, };

/** `GET /answers`: every category's values. */
export type AnswerCollection = ByCategory<Array<string>>;
