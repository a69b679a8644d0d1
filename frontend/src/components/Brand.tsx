// The top bar shared by every page: the brand link, an optional right-hand slot (a player's
// pseudonym, the host's handle) and the language picker. On a narrow phone with a name in the
// bar, the brand keeps only its glass (the words stay its accessible name) so the name fits.
import "../styles/base.css";
import type { ComponentChildren } from "preact";
import { GlassIcon } from "./Icons";
import { LanguagePicker } from "./LanguagePicker";

export function TopBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class={children ? "topbar topbar-named" : "topbar"}>
      <a class="brand" href="/">
        <GlassIcon class="brand-glass" />
        <span class="brand-name">Sommelier Arena</span>
      </a>
      <div class="topbar-end">
        {children ? <div class="meta">{children}</div> : null}
        <LanguagePicker />
      </div>
    </header>
  );
}
