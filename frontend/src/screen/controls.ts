// The control room's rules, pure: the one main action of each phase (what Space, → or a
// presentation clicker does), and which keyboard shortcut does what. Shared by the projector's
// control bar and its key handler so a key and a button can never disagree.
import type { ClientMessage } from "../protocol.gen";
import { nextLabel, type HostState } from "../lib/hostState";
import { t } from "../i18n/core";
import "../i18n/staff"; // the host-only texts this module shows

export type HostCommand = "start" | "reveal" | "next" | "pause" | "resume" | "end";

export const COMMAND: Record<HostCommand, ClientMessage> = {
  start: { type: "host:start" },
  reveal: { type: "host:reveal" },
  next: { type: "host:next" },
  pause: { type: "host:pause" },
  resume: { type: "host:resume" },
  end: { type: "host:end" },
};

/** Whether every connected participant has answered the open question. */
export function everyoneAnswered(s: HostState): boolean {
  const online = s.participants.filter((p) => p.online).map((p) => p.pseudonym);
  return online.length > 0 && online.every((p) => s.answered.includes(p));
}

/** The main action of the moment with its label, or null when there is none. */
export function mainAction(s: HostState): { command: HostCommand; label: string } | null {
  switch (s.phase) {
    case "waiting":
      return s.participants.length ? { command: "start", label: t("session.start") } : null;
    case "question_open":
    case "question_paused":
      return { command: "reveal", label: everyoneAnswered(s) ? t("screen.everyoneReveal") : t("session.reveal") };
    case "question_revealed":
    case "question_leaderboard":
    case "round_leaderboard":
      return { command: "next", label: nextLabel(s) };
    case "ended":
      return null;
  }
}

/** The pause control of the moment: pause a running question, resume a paused one. */
export function pauseAction(s: HostState): HostCommand | null {
  return s.phase === "question_open" ? "pause" : s.phase === "question_paused" ? "resume" : null;
}

export type KeyAction = { kind: "command"; command: HostCommand } | { kind: "fullscreen" | "mute" | "help" | "close" };

/** The documented shortcuts (shown by `?`), in the reader's language. */
export function shortcuts(): [string, string][] {
  return [
    [t("screen.scMainKeys"), t("screen.scMain")],
    ["R", t("screen.scReveal")],
    ["P", t("screen.scPause")],
    ["F", t("screen.scFullscreen")],
    ["M", t("screen.scMute")],
    ["?", t("screen.scHelp")],
    [t("screen.scEscKey"), t("screen.scClose")],
  ];
}

/**
 * What a key does in a state, or null. Space and Enter on a focused button belong to the
 * button (the caller passes `onControl`), so a clicker never acts twice.
 */
export function keyAction(key: string, s: HostState, onControl = false): KeyAction | null {
  switch (key) {
    case " ":
    case "ArrowRight":
    case "PageDown": {
      if (onControl && key === " ") return null;
      const main = mainAction(s);
      return main ? { kind: "command", command: main.command } : null;
    }
    case "r":
    case "R":
      return s.phase === "question_open" || s.phase === "question_paused" ? { kind: "command", command: "reveal" } : null;
    case "p":
    case "P": {
      const pause = pauseAction(s);
      return pause ? { kind: "command", command: pause } : null;
    }
    case "f":
    case "F":
      return { kind: "fullscreen" };
    case "m":
    case "M":
      return { kind: "mute" };
    case "?":
      return { kind: "help" };
    case "Escape":
      return { kind: "close" };
    default:
      return null;
  }
}
