// The unacknowledged-answer outbox, as pure rules: a participant's last submitted answer is
// kept until the server acknowledges it (`answer:accepted`), re-sent when it may not have
// arrived (after a reconnect's snapshot, after a resume), and dropped when it no longer can
// count (reveal, another question, a refusal, the end). `SessionSocket` holds one and obeys.
import type { ServerMessage } from "../protocol.gen";

export interface PendingAnswer {
  questionId: string;
  optionId: string;
}

/** The outbox's content after a server message, and whether to send it again now. */
export interface OutboxStep {
  pending: PendingAnswer | null;
  resend: boolean;
}

const keep = (pending: PendingAnswer | null): OutboxStep => ({ pending, resend: false });
const DROP: OutboxStep = { pending: null, resend: false };

/** Refusals after which re-sending the same answer can never succeed. */
const FINAL_REFUSALS = new Set(["ANSWERS_CLOSED", "UNKNOWN_QUESTION", "UNKNOWN_OPTION"]);

export function outboxAfter(pending: PendingAnswer | null, msg: ServerMessage): OutboxStep {
  if (!pending) return DROP;
  switch (msg.type) {
    case "participant:state_snapshot": {
      // A snapshot follows every (re)connect: it says whether the answer arrived.
      const q = msg.currentQuestion;
      const open = msg.phase === "question_open" || msg.phase === "question_paused";
      if (!q || q.questionId !== pending.questionId || !open) return DROP;
      if (msg.selectedOptionId === pending.optionId) return DROP;
      return { pending, resend: msg.phase === "question_open" };
    }
    case "game:timer_resumed":
      return { pending, resend: true };
    case "game:question":
      return msg.questionId === pending.questionId ? keep(pending) : DROP;
    case "answer:accepted":
      return msg.questionId === pending.questionId && msg.optionId === pending.optionId ? DROP : keep(pending);
    case "game:answer_revealed":
    case "session:ended":
      return DROP;
    case "error":
      return FINAL_REFUSALS.has(msg.code) ? DROP : keep(pending);
    default:
      return keep(pending);
  }
}
