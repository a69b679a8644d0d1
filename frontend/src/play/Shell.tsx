// The frame of every player screen before the game: top bar, connection banner, main column.
import type { ComponentChildren } from "preact";
import type { ConnectionStatus } from "../lib/socket";
import { TopBar } from "../components/Brand";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { t } from "../i18n";

export function Shell({ children, status }: { children: ComponentChildren; status?: ConnectionStatus }) {
  return (
    <>
      <TopBar />
      {status ? <ConnectionBanner status={status} /> : null}
      <main class="play">{children}</main>
    </>
  );
}

export function Joining() {
  return (
    <p class="muted center" role="status">
      <span class="spinner" aria-hidden="true" /> {t("play.joining")}
    </p>
  );
}
