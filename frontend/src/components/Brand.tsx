// The top bar shared by every page: the brand link and an optional right-hand slot.
import "../styles/base.css";
import type { ComponentChildren } from "preact";
import { GlassIcon } from "./Icons";

export function TopBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      <a class="brand" href="/">
        <GlassIcon class="brand-glass" />
        Sommelier Arena
      </a>
      {children ? <div class="meta">{children}</div> : null}
    </header>
  );
}
