// "Add a wine from the catalog": one combobox over the catalog's names, each option with its
// colour · region · grape. Picking fills the last wine if it is blank, else adds one, and the
// focus moves to that wine's vintage. The catalog loads on the first focus. The form shows it
// above a fresh form's blank wine and below the wines after that.
import { useState } from "preact/hooks";
import type { CatalogWine } from "../answers-api.gen";
import { Combobox } from "../components/Combobox";
import { t, textOf } from "../i18n";
import { findWine, wineDetail } from "./fill";
import type { AuthoringStatus } from "./useAuthoring";
import "../i18n/staff"; // the host-only texts this module shows

interface Props {
  catalog: CatalogWine[] | null;
  status: AuthoringStatus;
  ensureCatalog: () => void;
  onPick: (name: string) => void;
}

export function CatalogPicker({ catalog, status, ensureCatalog, onPick }: Props) {
  const [query, setQuery] = useState("");
  const names = catalog?.map((w) => w.name) ?? [];
  return (
    <section class="card catalog-picker" aria-labelledby="catalog-h">
      <h2 id="catalog-h">{t("author.addTitle")}</h2>
      <Combobox
        id="f-catalog"
        label={t("author.find")}
        value={query}
        suggestions={names}
        hintId="f-catalog-hint"
        onChange={setQuery}
        onFocus={ensureCatalog}
        onPick={(name) => {
          if (!catalog || !findWine(catalog, name)) return;
          setQuery("");
          onPick(name);
        }}
        describe={(name) => {
          const wine = catalog && findWine(catalog, name);
          return wine ? wineDetail(wine) : null;
        }}
      />
      <p id="f-catalog-hint" class="hint">
        {catalog && !catalog.length ? t("author.catalogEmpty") : t("author.findHint")}
      </p>
      <p class={status?.alert ? "field-error" : "muted small"} role="status" data-testid="author-status">
        {status ? textOf(status.text) : ""}
      </p>
    </section>
  );
}
