// The host's view of a running session, rebuilt from `host:state_snapshot` and kept current
// by the live messages (deltas). Shared by the host page and the projector screen. Pure: the
// socket's clock comes in as a function, so the reducer runs (and is tested) without a socket.
import { t } from "../i18n/core";
import type {
  EndReason,
  HostPalate,
  HostParticipant,
  HostReveal,
  HostTasting,
  Phase,
  QuestionView,
  RankingEntry,
  ServerMessage,
  WineReveal,
} from "../protocol.gen";
import { NO_TIMER, resynced, timerFrom as timer, type LocalDeadline, type Timer } from "./countdown";
import "../i18n/staff"; // the host-only texts this module shows

export interface HostState {
  ready: boolean;
  code: string;
  hostHandle: string;
  phase: Phase;
  tasting: HostTasting | null;
  /** Whether the tasting's title is the server's English default (shown in the reader's language). */
  titleIsDefault: boolean;
  question: QuestionView | null;
  timer: Timer;
  paused: boolean;
  participants: HostParticipant[];
  answered: string[];
  reveal: HostReveal | null;
  rankings: RankingEntry[] | null;
  /** The leaderboard shown before the current one (for points gained and rank movement). */
  previousBoard: RankingEntry[] | null;
  /** The last leaderboard shown (kept while questions run, unlike `rankings`). */
  lastBoard: RankingEntry[] | null;
  wine: WineReveal | null;
  roundIndex: number;
  questionIndex: number;
  totalRounds: number;
  /** Questions in the current wine, as the server counts them. */
  totalQuestions: number;
  /** Participants ranked on the last leaderboard (null until the server sends it). */
  ranked: number | null;
  final: boolean;
  endReason: EndReason | null;
  /** Whether the host locked the lobby (no more joins). */
  locked: boolean;
  /** Every participant's palate report and the room's averages, once the game has ended. */
  palate: HostPalate | null;
}

export const INITIAL_HOST: HostState = {
  ready: false,
  code: "",
  hostHandle: "",
  phase: "waiting",
  tasting: null,
  titleIsDefault: false,
  question: null,
  timer: NO_TIMER,
  paused: false,
  participants: [],
  answered: [],
  reveal: null,
  rankings: null,
  previousBoard: null,
  lastBoard: null,
  wine: null,
  roundIndex: 0,
  questionIndex: 0,
  totalRounds: 0,
  totalQuestions: 0,
  ranked: null,
  final: false,
  endReason: null,
  locked: false,
  palate: null,
};

function upsert(list: HostParticipant[], p: { pseudonym: string; online: boolean; left: boolean }): HostParticipant[] {
  if (p.left) return list.filter((x) => x.pseudonym !== p.pseudonym);
  const i = list.findIndex((x) => x.pseudonym === p.pseudonym);
  if (i < 0) return [...list, { pseudonym: p.pseudonym, online: p.online, score: 0 }];
  const next = list.slice();
  next[i] = { ...next[i]!, online: p.online };
  return next;
}

/** Questions of wine `round` in the host's copy of the tasting (0 when unknown). */
function questionsOf(tasting: HostTasting | null, round: number): number {
  return tasting?.wines[round]?.questions.length ?? 0;
}

export function applyHost(s: HostState, msg: ServerMessage, clock: LocalDeadline): HostState {
  switch (msg.type) {
    case "host:state_snapshot": {
      const q = msg.currentQuestion;
      return {
        ready: true,
        code: msg.code,
        hostHandle: msg.hostHandle,
        phase: msg.phase,
        tasting: msg.tasting,
        titleIsDefault: msg.titleIsDefault,
        question: q,
        timer: q ? resynced(s.timer, timer(clock, msg.remainingMs, msg.serverTime, q.durationMs, msg.paused), s.question?.questionId === q.questionId) : NO_TIMER,
        paused: msg.paused,
        participants: msg.participants,
        answered: msg.answered,
        reveal: msg.reveal,
        rankings: msg.rankings,
        previousBoard: null,
        lastBoard: msg.rankings,
        wine: msg.wine,
        roundIndex: q?.roundIndex ?? s.roundIndex,
        questionIndex: q?.questionIndex ?? s.questionIndex,
        totalRounds: msg.tasting.wines.length,
        totalQuestions: q?.totalQuestions ?? questionsOf(msg.tasting, q?.roundIndex ?? s.roundIndex),
        ranked: s.ranked,
        final: msg.phase === "ended" && msg.rankings !== null,
        endReason: msg.endReason,
        locked: msg.locked,
        palate: msg.palate,
      };
    }
    case "host:session_updated":
      return { ...s, tasting: msg.tasting, titleIsDefault: msg.titleIsDefault, totalRounds: msg.tasting.wines.length };
    case "lobby:locked":
      return { ...s, locked: msg.locked };
    case "lobby:updated":
      return msg.participant ? { ...s, participants: upsert(s.participants, msg.participant) } : s;
    case "game:started":
      return { ...s, totalRounds: msg.totalRounds };
    case "game:question": {
      const { type: _t, ...q } = msg;
      return {
        ...s,
        phase: "question_open",
        question: q,
        timer: timer(clock, q.remainingMs, q.serverTime, q.durationMs, false),
        paused: false,
        answered: [],
        reveal: null,
        rankings: null,
        wine: null,
        roundIndex: q.roundIndex,
        questionIndex: q.questionIndex,
        totalRounds: q.totalRounds,
        totalQuestions: q.totalQuestions,
      };
    }
    case "game:timer_paused":
      return { ...s, phase: "question_paused", paused: true, timer: resynced(s.timer, timer(clock, msg.remainingMs, msg.serverTime, s.timer.durationMs, true), true) };
    case "game:timer_resumed":
      return { ...s, phase: "question_open", paused: false, timer: resynced(s.timer, timer(clock, msg.remainingMs, msg.serverTime, s.timer.durationMs, false), true) };
    case "game:participant_answered":
      return s.answered.includes(msg.pseudonym) ? s : { ...s, answered: [...s.answered, msg.pseudonym] };
    case "game:answer_revealed": {
      if (!("results" in msg)) return s;
      const { type: _t, ...reveal } = msg;
      const scores = new Map(reveal.results.map((r) => [r.pseudonym, r.totalScore]));
      return {
        ...s,
        phase: "question_revealed",
        reveal,
        paused: false,
        timer: NO_TIMER,
        participants: s.participants.map((p) => ({ ...p, score: scores.get(p.pseudonym) ?? p.score })),
      };
    }
    case "game:question_leaderboard":
      return {
        ...s,
        phase: "question_leaderboard",
        rankings: msg.rankings,
        previousBoard: s.lastBoard,
        lastBoard: msg.rankings,
        ranked: msg.rankedCount,
        roundIndex: msg.roundIndex,
        questionIndex: msg.questionIndex,
        totalRounds: msg.totalRounds,
        totalQuestions: msg.totalQuestions,
      };
    case "game:round_leaderboard":
      return { ...s, phase: "round_leaderboard", rankings: msg.rankings, previousBoard: s.lastBoard, lastBoard: msg.rankings, ranked: msg.rankedCount, wine: msg.wine, roundIndex: msg.roundIndex, totalRounds: msg.totalRounds };
    case "game:final_leaderboard":
      return {
        ...s,
        phase: "ended",
        final: true,
        rankings: msg.rankings,
        previousBoard: s.lastBoard,
        lastBoard: msg.rankings,
        ranked: msg.rankedCount,
        question: null,
        timer: NO_TIMER,
        palate: msg.palate && "reports" in msg.palate ? msg.palate : null,
      };
    case "session:ended":
      return { ...s, phase: "ended", endReason: msg.reason, question: null, timer: NO_TIMER };
    default:
      return s;
  }
}

/**
 * The label of the host's "next" button in a phase. The steps follow the server's totals
 * (questions in this wine, wines in the tasting), never a copy of them: every question gets
 * its leaderboard, the last question's leaderboard leads to the round leaderboard (the wine
 * unveiled), the last round's to the final results.
 */
export function nextLabel(s: HostState): string {
  if (s.phase === "question_revealed") return t("next.leaderboard");
  if (s.phase === "question_leaderboard") {
    const total = s.totalQuestions || questionsOf(s.tasting, s.roundIndex);
    return s.questionIndex + 1 >= total ? t("next.wine") : t("next.question");
  }
  if (s.phase === "round_leaderboard") return s.roundIndex + 1 >= s.totalRounds ? t("play.finalResults") : t("next.nextWine");
  return t("next.next");
}
