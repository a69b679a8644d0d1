// The projector's sound cues follow the game: a chime per new player in the lobby, a rising
// pair when a question opens, ticks in the last ten seconds, a chord on the reveal, a fanfare
// on the podium. The synthesiser (lib/sound.ts) loads after the first key press or click, as
// browsers require; muted, nothing plays.
import { useEffect, useRef } from "preact/hooks";
import type { HostState } from "../lib/hostState";
import { useRemaining } from "../lib/countdown";
import type { Cue, Cues } from "../lib/sound";

export function useCues(state: HostState, muted: boolean): void {
  const cues = useRef<Cues | null>(null);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;

  useEffect(() => {
    const load = () => {
      removeEventListener("keydown", load);
      removeEventListener("pointerdown", load);
      void import("../lib/sound").then((m) => (cues.current = m.createCues()));
    };
    addEventListener("keydown", load);
    addEventListener("pointerdown", load);
    return () => {
      removeEventListener("keydown", load);
      removeEventListener("pointerdown", load);
    };
  }, []);

  const play = (cue: Cue) => {
    if (!mutedRef.current) cues.current?.play(cue);
  };

  const players = state.participants.length;
  const lastPlayers = useRef(players);
  useEffect(() => {
    if (state.phase === "waiting" && players > lastPlayers.current) play("join");
    lastPlayers.current = players;
  }, [players]);

  const questionId = state.question?.questionId;
  useEffect(() => {
    if (state.phase === "question_open" && questionId) play("question");
  }, [questionId]);

  useEffect(() => {
    if (state.phase === "question_revealed") play("reveal");
    if (state.phase === "ended" && state.final) play("fanfare");
  }, [state.phase]);

  const running = state.phase === "question_open";
  const seconds = Math.ceil(useRemaining(running ? state.timer : { ...state.timer, deadline: null }) / 1000);
  useEffect(() => {
    if (running && seconds > 0 && seconds <= 10) play("tick");
  }, [seconds, running]);
}
