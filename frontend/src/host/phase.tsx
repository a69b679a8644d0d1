// What every phase panel of the host's live session receives, and the progress line the
// question and reveal panels share.
import type { ClientMessage } from "../protocol.gen";
import type { HostState } from "../lib/hostState";
import { t } from "../i18n";
import "../i18n/staff"; // the host-only texts this module shows

export interface PhaseProps {
  state: HostState;
  code: string;
  hostKey: string;
  send: (m: ClientMessage) => void;
  onEdit: () => void;
  onDashboard: () => void;
}

/** "Wine n of N · question q of Q" above a question or its reveal. */
export function Progress({ state }: { state: HostState }) {
  return (
    <p class="progress-label">
      {t("session.progress", { n: state.roundIndex + 1, total: state.totalRounds, q: state.questionIndex + 1, questions: state.totalQuestions || "?" })}
    </p>
  );
}
