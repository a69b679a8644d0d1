// The control room's bar: the main action of the moment, pause/resume, end (confirmed), full
// screen, sound and help. It shows on mouse move, key press or focus, and hides itself after a
// few idle seconds (never while focus is inside it). The help lists every shortcut.
import { useEffect, useRef, useState } from "preact/hooks";
import type { HostState } from "../lib/hostState";
import { mainAction, pauseAction, shortcuts, type HostCommand } from "./controls";
import { EndButton } from "../host/EndButton";
import { t } from "../i18n";
import { LanguagePicker } from "../components/LanguagePicker";

const IDLE_MS = 3500;

interface Props {
  state: HostState;
  connected: boolean;
  muted: boolean;
  onCommand: (c: HostCommand) => void;
  onFullscreen: () => void;
  onMute: () => void;
  onHelp: () => void;
}

/** Whether the bar is shown: after activity, for IDLE_MS, or while it holds focus. */
function useShown(barRef: { current: HTMLElement | null }): boolean {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poke = () => {
      setShown(true);
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!barRef.current?.contains(document.activeElement)) setShown(false);
      }, IDLE_MS);
    };
    poke();
    const events = ["mousemove", "pointerdown", "keydown", "focusin"] as const;
    for (const e of events) addEventListener(e, poke);
    return () => {
      clearTimeout(timer);
      for (const e of events) removeEventListener(e, poke);
    };
  }, []);
  return shown;
}

export function ControlBar({ state, connected, muted, onCommand, onFullscreen, onMute, onHelp }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  const shown = useShown(bar);
  const main = mainAction(state);
  const pause = pauseAction(state);
  return (
    <div ref={bar} class={`control-bar${shown ? "" : " idle"}`} role="toolbar" aria-label={t("screen.controls")} data-testid="control-bar">
      {main ? (
        <button type="button" class="btn btn-big" disabled={!connected} onClick={() => onCommand(main.command)} data-testid="main-action">
          {main.label} <span aria-hidden="true">→</span>
        </button>
      ) : null}
      {pause ? (
        <button type="button" class="btn btn-secondary" disabled={!connected} onClick={() => onCommand(pause)}>
          {pause === "pause" ? t("session.pause") : t("session.resume")}
        </button>
      ) : null}
      {state.phase !== "ended" ? <EndButton label={t("screen.end")} disabled={!connected} onEnd={() => onCommand("end")} /> : null}
      <span class="control-spacer" />
      <button type="button" class="btn btn-secondary" onClick={onFullscreen} aria-keyshortcuts="F">
        {t("screen.fullscreen")}
      </button>
      <button type="button" class="btn btn-secondary" aria-pressed={muted} onClick={onMute} aria-keyshortcuts="M" data-testid="mute">
        {muted ? t("screen.soundOff") : t("screen.soundOn")}
      </button>
      <button type="button" class="btn btn-secondary" onClick={onHelp} aria-keyshortcuts="?">
        {t("screen.shortcuts")}
      </button>
      <LanguagePicker class="control-lang" />
    </div>
  );
}

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    ref.current?.focus();
    const back = opener.current;
    return () => (back instanceof HTMLElement ? back.focus() : undefined);
  }, []);
  return (
    <div class="help-backdrop" onClick={onClose}>
      <div ref={ref} class="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-h" tabIndex={-1} onClick={(e) => e.stopPropagation()} data-testid="help">
        <h2 id="help-h">{t("screen.helpTitle")}</h2>
        <dl class="help-keys">
          {shortcuts().map(([keys, what]) => (
            <div key={keys}>
              <dt>{keys}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p class="help-note">{t("screen.helpNote")}</p>
        <button type="button" class="btn" onClick={onClose}>
          {t("screen.close")}
        </button>
      </div>
    </div>
  );
}
