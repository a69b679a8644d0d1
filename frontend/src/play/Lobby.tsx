// The player's lobby: own pseudonym, player count, the private rejoin link, leave.
import { playerCredentials, playerDeviceLink } from "../lib/storage";
import { useScreenHeading } from "../lib/a11y";
import { CopyButton } from "../components/CopyButton";
import { GlassIcon } from "../components/Icons";
import type { Game } from "./state";

export function Lobby({ game, code, onLeave }: { game: Game; code: string; onLeave: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const creds = playerCredentials(code);
  return (
    <section class="lobby" aria-labelledby="lobby-h">
      <p class="progress-label">{game.title || `Tasting ${code}`}</p>
      <h1 id="lobby-h" ref={h} tabIndex={-1}>
        You're in!
      </h1>
      <div class="pseudonym-card">
        <span class="muted">Your name tonight</span>
        <strong class="pseudonym" data-testid="pseudonym">
          {game.pseudonym}
        </strong>
      </div>
      <p class="player-count" role="status" data-testid="player-count">
        <strong>{game.count}</strong> {game.count === 1 ? "player has" : "players have"} joined
        {game.max ? <span class="muted"> (max {game.max})</span> : null}
      </p>
      <p class="waiting-line">
        <GlassIcon class="glass-pulse" /> Waiting for the host to start…
      </p>
      {creds ? <DeviceLink link={playerDeviceLink(code, creds)} /> : null}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onLeave}>
          Leave this tasting
        </button>
      </p>
    </section>
  );
}

function DeviceLink({ link }: { link: string }) {
  return (
    <details class="device-link">
      <summary>Continue on another device</summary>
      <p class="hint">Open this private link on your other device to keep your seat and score. Don't share it.</p>
      <label class="sr-only" for="rejoin-link">
        Your private rejoin link
      </label>
      <input id="rejoin-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      <CopyButton text={link} label="Copy private link" />
    </details>
  );
}
