// The top bar shared by every page: the brand link and an optional right-hand slot.
import "../styles/base.css";
import type { ComponentChildren } from "preact";

export function TopBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      <a class="brand" href="/">
        <span class="brand-glass" aria-hidden="true">
          🍷
        </span>
        Sommelier Arena
      </a>
      {children ? <div class="meta">{children}</div> : null}
    </header>
  );
}
