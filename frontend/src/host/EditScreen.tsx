// Editing the tasting from the lobby: the authoring form filled from the live session.
import type { HostState } from "../lib/hostState";
import { useScreenHeading } from "../lib/a11y";
import { t } from "../i18n";
import type { Draft, Problem } from "../lib/validate";
import { TastingForm, type Suggestions } from "./TastingForm";
import { draftFromTasting } from "./suggest";
import "../i18n/staff"; // the host-only texts this module shows

export function EditScreen(props: { state: HostState; suggestions: Suggestions; errors: Map<string, Problem>; saving: boolean; onSave: (d: Draft) => void; onCancel: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("edit");
  return (
    <section aria-labelledby="edit-h">
      <h1 id="edit-h" ref={h} tabIndex={-1}>
        {t("form.editLabel")}
      </h1>
      <p class="muted">{t("session.editIntro")}</p>
      <TastingForm
        // The server's default title stays blank in the form: saving gives a fresh default.
        initial={{ ...draftFromTasting(props.state.tasting!), ...(props.state.titleIsDefault ? { title: "" } : {}) }}
        suggestions={props.suggestions}
        mode="edit"
        serverErrors={props.errors}
        busy={props.saving}
        onSubmit={props.onSave}
        onCancel={props.onCancel}
      />
    </section>
  );
}
