//! The palate report from the engine's state: built for every ranked participant once the
//! game has ended (at least one question revealed), carried by the final leaderboard, the
//! snapshots and the results export.

use super::Engine;
use crate::palate::{report, room_average, HostPalate, PalateReport, ParticipantPalate};
use crate::phase::Phase;
use crate::protocol::EndReason;

impl Engine {
    /// Whether the session has a palate report to show: ended (not deleted) after at least
    /// one reveal.
    pub(crate) fn palate_due(&self) -> bool {
        self.state.phase == Phase::Ended
            && self.state.revealed_count > 0
            && self.state.end_reason != Some(EndReason::Deleted)
    }

    fn report_of(&self, pseudonym: &str) -> Option<PalateReport> {
        let &i = self.by_name.get(pseudonym)?;
        Some(report(pseudonym, self.scored_answers(i)))
    }

    /// Every ranked participant's report, in ranking order, and the room's averages.
    pub(crate) fn host_palate(&self) -> HostPalate {
        let reports: Vec<PalateReport> = self
            .rankings()
            .iter()
            .filter_map(|line| self.report_of(&line.pseudonym))
            .collect();
        let room = room_average(&reports);
        HostPalate { reports, room }
    }

    /// Participant `i`'s own report beside the room's averages.
    pub(crate) fn participant_palate(&self, i: usize) -> Option<ParticipantPalate> {
        let p = self.participants.get(i)?;
        let room = self.host_palate().room;
        Some(ParticipantPalate {
            report: report(&p.pseudonym, self.scored_answers(i)),
            room,
        })
    }
}
