// Wire messages for the unit tests, typed by the generated protocol so they stay real.
import type { QuestionView, ServerMessage } from "../src/protocol.gen";

export function question(over: Partial<QuestionView> = {}): QuestionView {
  return {
    questionId: "q-0-0",
    roundIndex: 0,
    totalRounds: 2,
    questionIndex: 0,
    totalQuestions: 3,
    category: "color",
    prompt: "What is the colour of this wine?",
    options: [
      { id: "a", text: "Red" },
      { id: "b", text: "White" },
      { id: "c", text: "Rosé" },
      { id: "d", text: "Orange" },
    ],
    durationMs: 30_000,
    remainingMs: 20_000,
    serverTime: 1_000_000,
    ...over,
  };
}

export const questionMsg = (over: Partial<QuestionView> = {}): ServerMessage => ({ type: "game:question", ...question(over) });

export function playerSnapshot(over: Record<string, unknown> = {}): ServerMessage {
  return {
    type: "participant:state_snapshot",
    code: "1234",
    title: "Friday flight",
    phase: "question_open",
    pseudonym: "TANNIC-FALCON",
    score: 0,
    participantCount: 3,
    maxParticipants: 12,
    totalRounds: 2,
    currentQuestion: question(),
    remainingMs: 20_000,
    paused: false,
    serverTime: 1_000_000,
    selectedOptionId: null,
    reveal: null,
    rankings: null,
    me: null,
    wine: null,
    hostAway: false,
    endReason: null,
    ...over,
  } as ServerMessage;
}

/** A clock that puts the deadline at serverTime + remaining (offset 0). */
export const clock = (remaining: number, serverTime: number) => serverTime + remaining;
