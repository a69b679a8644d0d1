// The projector's sound cues, synthesised with Web Audio (no audio files): a chime when a
// player joins the lobby, a rising pair when a question opens, a tick in each of the last ten
// seconds, a chord on the reveal and a fanfare for the podium. Loaded lazily after the first
// user gesture (browsers only let audio start after one).

export type Cue = "join" | "question" | "tick" | "reveal" | "fanfare";

/** [frequency Hz, start s, duration s] notes of each cue. */
const NOTES: Record<Cue, [number, number, number][]> = {
  join: [[880, 0, 0.12], [1320, 0.08, 0.18]],
  question: [[523.25, 0, 0.16], [783.99, 0.14, 0.28]],
  tick: [[1046.5, 0, 0.05]],
  reveal: [[523.25, 0, 0.6], [659.25, 0.02, 0.6], [783.99, 0.04, 0.7]],
  fanfare: [[523.25, 0, 0.16], [659.25, 0.16, 0.16], [783.99, 0.32, 0.16], [1046.5, 0.48, 0.7], [783.99, 0.48, 0.7]],
};

const VOLUME: Record<Cue, number> = { join: 0.12, question: 0.2, tick: 0.08, reveal: 0.2, fanfare: 0.22 };

export interface Cues {
  play(cue: Cue): void;
}

export function createCues(): Cues {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return { play: () => undefined };
  const ctx = new Ctx();
  return {
    play(cue) {
      if (ctx.state === "suspended") void ctx.resume();
      const t0 = ctx.currentTime + 0.02;
      for (const [freq, start, dur] of NOTES[cue]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = cue === "tick" ? "square" : "triangle";
        osc.frequency.value = freq;
        // A short attack and an exponential decay: a soft bell rather than a beep.
        gain.gain.setValueAtTime(0.0001, t0 + start);
        gain.gain.exponentialRampToValueAtTime(VOLUME[cue], t0 + start + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + dur);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + start);
        osc.stop(t0 + start + dur + 0.05);
      }
    },
  };
}
