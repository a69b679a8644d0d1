// The host's panel for the session's phase: lobby, question, reveal, leaderboard or final.
import type { PhaseProps } from "./phase";
import { LobbyPanel } from "./LobbyPanel";
import { QuestionPanel } from "./QuestionPanel";
import { RevealPanel } from "./RevealPanel";
import { BoardPanel } from "./BoardPanel";
import { FinalPanel } from "./FinalPanel";

export function PhaseScreen(p: PhaseProps) {
  switch (p.state.phase) {
    case "waiting":
      return <LobbyPanel {...p} />;
    case "question_open":
    case "question_paused":
      return p.state.question ? <QuestionPanel {...p} question={p.state.question} /> : null;
    case "question_revealed":
      return <RevealPanel {...p} />;
    case "question_leaderboard":
    case "round_leaderboard":
      return <BoardPanel {...p} />;
    case "ended":
      return <FinalPanel {...p} />;
  }
}
