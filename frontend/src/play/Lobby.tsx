// The player's lobby: own pseudonym, player count, tonight's scoring in one line, the private
// rejoin link, leave.
import { playerCredentials, playerDeviceLink } from "../lib/storage";
import { useScreenHeading } from "../lib/a11y";
import { CopyButton } from "../components/CopyButton";
import { GlassIcon } from "../components/Icons";
import { formatNumber, t, tx } from "../i18n";
import { titleText } from "../i18n/wire";
import type { GameOptions } from "../protocol.gen";
import type { Game } from "./state";

export function Lobby({ game, code, onLeave }: { game: Game; code: string; onLeave: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const creds = playerCredentials(code);
  return (
    <section class="lobby" aria-labelledby="lobby-h">
      <p class="progress-label">{titleText(game.title, game.titleIsDefault) || t("common.tasting", { code })}</p>
      <h1 id="lobby-h" ref={h} tabIndex={-1}>
        {t("play.in")}
      </h1>
      <div class="pseudonym-card">
        <span class="muted">{t("play.nameTonight")}</span>
        <strong class="pseudonym" data-testid="pseudonym">
          {game.pseudonym}
        </strong>
      </div>
      <p class="player-count" role="status" data-testid="player-count">
        {tx("play.joined", { count: <strong>{formatNumber(game.count)}</strong> }, game.count)}
        {game.max ? <span class="muted"> {t("play.max", { max: game.max })}</span> : null}
      </p>
      <p class="rules-line" data-testid="rules-line">
        <strong>{t("rules.title")}</strong> {rulesLine(game.options)}
      </p>
      <p class="waiting-line">
        <GlassIcon class="glass-pulse" /> {t("play.waitingStart")}
      </p>
      {creds ? <DeviceLink link={playerDeviceLink(code, creds)} /> : null}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onLeave}>
          {t("play.leave")}
        </button>
      </p>
    </section>
  );
}

/** How scoring works tonight: speed, when leaderboards come, who moves the game on. */
function rulesLine(o: GameOptions): string {
  return [
    t(o.speedBonus ? "rules.speed" : "rules.noSpeed"),
    t(o.pacing === "per_wine" ? "rules.perWine" : "rules.everyQuestion"),
    t(o.autoAdvance ? "rules.auto" : "rules.host"),
  ].join(" · ");
}

function DeviceLink({ link }: { link: string }) {
  return (
    <details class="device-link">
      <summary>{t("play.otherDevice")}</summary>
      <p class="hint">{t("play.otherDeviceHint")}</p>
      <label class="sr-only" for="rejoin-link">
        {t("play.rejoinLink")}
      </label>
      <input id="rejoin-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      <CopyButton text={link} label={t("play.copyPrivate")} />
    </details>
  );
}
