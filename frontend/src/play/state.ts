// The participant's view of a game, rebuilt from `participant:state_snapshot` and kept current
// by the live messages. Pure: the socket's clock and outbox come in as arguments, so the
// reducer runs (and is tested) without a socket or a DOM.
import type { EndReason, GameOptions, ParticipantPalate, ParticipantReveal, Phase, QuestionView, RankingEntry, ServerMessage, WineReveal } from "../protocol.gen";
import { NO_TIMER, resynced, timerFrom, type LocalDeadline, type Timer } from "../lib/countdown";
import type { PendingAnswer } from "../lib/outbox";

export interface Game {
  phase: Phase | "joining";
  title: string;
  /** Whether `title` is the server's English default (shown in the reader's language). */
  titleIsDefault: boolean;
  pseudonym: string;
  score: number;
  count: number;
  max: number;
  totalRounds: number;
  /** Questions in the current wine, as the server counts them. */
  totalQuestions: number;
  question: QuestionView | null;
  timer: Timer;
  paused: boolean;
  /** The option this participant picked (acknowledged or still on its way). */
  selected: string | null;
  acknowledged: boolean;
  reveal: ParticipantReveal | null;
  rankings: RankingEntry[] | null;
  me: RankingEntry | null;
  /** Participants ranked on the last leaderboard (null until the server sends it). */
  ranked: number | null;
  wine: WineReveal | null;
  roundIndex: number;
  questionIndex: number;
  final: boolean;
  hostAway: boolean;
  endReason: EndReason | null;
  /** How scoring and pacing work tonight (shown in the lobby). */
  options: GameOptions;
  /** This participant's palate report and the room's averages, once the game has ended. */
  palate: ParticipantPalate | null;
}

/** The options of a tasting that sets none (the server leaves them out of lobby pushes then). */
export const DEFAULT_OPTIONS: GameOptions = { speedBonus: false, pacing: "every_question", autoAdvance: false };

export const EMPTY_GAME: Game = {
  phase: "joining",
  title: "",
  titleIsDefault: false,
  pseudonym: "",
  score: 0,
  count: 0,
  max: 0,
  totalRounds: 0,
  totalQuestions: 0,
  question: null,
  timer: NO_TIMER,
  paused: false,
  selected: null,
  acknowledged: false,
  reveal: null,
  rankings: null,
  me: null,
  ranked: null,
  wine: null,
  roundIndex: 0,
  questionIndex: 0,
  final: false,
  hostAway: false,
  endReason: null,
  options: DEFAULT_OPTIONS,
  palate: null,
};

/** What the reducer needs from the socket: its clock, and the answer still in its outbox. */
export interface SocketView {
  deadline: LocalDeadline;
  pending: PendingAnswer | null;
}

/** Applies one server message to the participant's view of the game. */
export function applyPlayer(g: Game, msg: ServerMessage, sock: SocketView): Game {
  switch (msg.type) {
    case "participant:state_snapshot": {
      const q = msg.currentQuestion;
      const p = sock.pending && q && sock.pending.questionId === q.questionId ? sock.pending : null;
      return {
        ...g,
        phase: msg.phase,
        title: msg.title,
        titleIsDefault: msg.titleIsDefault,
        pseudonym: msg.pseudonym,
        score: msg.score,
        count: msg.participantCount,
        max: msg.maxParticipants,
        totalRounds: msg.totalRounds,
        totalQuestions: q?.totalQuestions ?? g.totalQuestions,
        question: q,
        timer: q ? resynced(g.timer, timerFrom(sock.deadline, msg.remainingMs, msg.serverTime, q.durationMs, msg.paused), g.question?.questionId === q.questionId) : NO_TIMER,
        paused: msg.paused,
        selected: p ? p.optionId : msg.selectedOptionId,
        acknowledged: !p || p.optionId === msg.selectedOptionId,
        reveal: msg.reveal,
        rankings: msg.rankings,
        me: msg.me,
        // Snapshots carry no count: keep the last one a leaderboard sent.
        ranked: g.ranked,
        wine: msg.wine,
        roundIndex: q?.roundIndex ?? g.roundIndex,
        questionIndex: q?.questionIndex ?? g.questionIndex,
        final: msg.phase === "ended" && msg.rankings !== null,
        hostAway: msg.hostAway,
        endReason: msg.endReason,
        options: msg.options,
        palate: msg.palate,
      };
    }
    case "participant:joined":
      return { ...g, phase: "waiting", pseudonym: msg.pseudonym, count: Math.max(g.count, 1) };
    case "lobby:updated":
      return { ...g, count: msg.count, max: msg.maxParticipants, options: msg.options ?? DEFAULT_OPTIONS };
    case "game:started":
      return { ...g, totalRounds: msg.totalRounds };
    case "game:question": {
      const { type: _t, ...q } = msg;
      return {
        ...g,
        phase: "question_open",
        question: q,
        totalRounds: q.totalRounds,
        totalQuestions: q.totalQuestions,
        roundIndex: q.roundIndex,
        questionIndex: q.questionIndex,
        timer: timerFrom(sock.deadline, q.remainingMs, q.serverTime, q.durationMs, false),
        paused: false,
        selected: null,
        acknowledged: false,
        reveal: null,
        wine: null,
      };
    }
    case "game:timer_paused":
      return { ...g, phase: "question_paused", paused: true, timer: resynced(g.timer, timerFrom(sock.deadline, msg.remainingMs, msg.serverTime, g.timer.durationMs, true), true) };
    case "game:timer_resumed":
      return { ...g, phase: "question_open", paused: false, timer: resynced(g.timer, timerFrom(sock.deadline, msg.remainingMs, msg.serverTime, g.timer.durationMs, false), true) };
    case "answer:accepted":
      if (g.question?.questionId !== msg.questionId) return g;
      return { ...g, selected: msg.optionId, acknowledged: true };
    case "game:answer_revealed":
      if ("results" in msg) return g;
      return { ...g, phase: "question_revealed", reveal: msg, score: msg.myTotalScore, paused: false, timer: NO_TIMER };
    case "game:question_leaderboard":
      return {
        ...g,
        phase: "question_leaderboard",
        rankings: msg.rankings,
        me: msg.me ?? null,
        ranked: msg.rankedCount,
        roundIndex: msg.roundIndex,
        questionIndex: msg.questionIndex,
        totalQuestions: msg.totalQuestions,
      };
    case "game:round_leaderboard":
      return { ...g, phase: "round_leaderboard", rankings: msg.rankings, me: msg.me ?? null, ranked: msg.rankedCount, wine: msg.wine, roundIndex: msg.roundIndex };
    case "game:final_leaderboard":
      return {
        ...g,
        phase: "ended",
        final: true,
        rankings: msg.rankings,
        me: msg.me ?? null,
        ranked: msg.rankedCount,
        question: null,
        timer: NO_TIMER,
        palate: msg.palate && "report" in msg.palate ? msg.palate : null,
      };
    case "session:ended":
      return { ...g, phase: "ended", endReason: msg.reason, question: null, timer: NO_TIMER };
    case "host:away":
      return { ...g, hostAway: true };
    case "host:back":
      return { ...g, hostAway: false };
    default:
      return g;
  }
}

/** The player's picked option, shown at once while its frame is on its way. */
export function choose(g: Game, optionId: string): Game {
  return { ...g, selected: optionId, acknowledged: false };
}

/** Whether the server says this participant's rank is shared (it alone sees every score). */
export function myTied(g: Game): boolean {
  return g.me?.tied === true;
}

/** The rank of this participant on the current leaderboard, if known. */
export function myRank(g: Game): number | undefined {
  return g.me?.rank ?? g.rankings?.find((r) => r.pseudonym === g.pseudonym)?.rank;
}
