//! What participants tell their session's host driver (joined, reached a step, answered,
//! gone) and the host's tally of it, so the host knows when a broadcast has reached every
//! participant and when every answer is in.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use tokio::sync::mpsc;

/// A broadcast every participant must receive before the host moves on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Question(String),
    Reveal(String),
    QuestionLeaderboard { round: u32, question: u32 },
    RoundLeaderboard { round: u32 },
    FinalLeaderboard,
    Ended,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `participant:joined` arrived.
    Joined,
    /// The participant stopped (failed or finished early); nobody waits for it any more.
    Gone,
    /// The participant received the broadcast of this step.
    Reached(Step),
    /// The participant's last answer to this question is acknowledged (or was refused).
    Answered(String),
}

#[derive(Debug, Clone)]
pub struct Event {
    pub who: usize,
    pub at: Instant,
    pub kind: Kind,
}

/// The participant's end of the channel.
#[derive(Debug, Clone)]
pub struct Reporter {
    who: usize,
    tx: mpsc::UnboundedSender<Event>,
}

impl Reporter {
    pub fn new(who: usize, tx: mpsc::UnboundedSender<Event>) -> Reporter {
        Reporter { who, tx }
    }

    /// Reports with an explicit time (the frame's arrival, not the time of the report).
    pub fn at(&self, at: Instant, kind: Kind) {
        // The host may be gone already; then nobody is listening, which is fine.
        let _ = self.tx.send(Event {
            who: self.who,
            at,
            kind,
        });
    }

    pub fn now(&self, kind: Kind) {
        self.at(Instant::now(), kind);
    }
}

/// The host's view: who joined, who is gone, who reached which step and when.
#[derive(Debug, Default)]
pub struct Tally {
    pub joined: HashSet<usize>,
    pub gone: HashSet<usize>,
    reached: HashMap<Step, HashMap<usize, Instant>>,
    answered: HashMap<String, HashSet<usize>>,
}

impl Tally {
    pub fn apply(&mut self, event: Event) {
        match event.kind {
            Kind::Joined => {
                self.joined.insert(event.who);
            }
            Kind::Gone => {
                self.gone.insert(event.who);
            }
            Kind::Reached(step) => {
                self.reached
                    .entry(step)
                    .or_default()
                    .entry(event.who)
                    .or_insert(event.at);
            }
            Kind::Answered(q) => {
                self.answered.entry(q).or_default().insert(event.who);
            }
        }
    }

    /// Participants whose outcome of the join is known (joined, or gone without joining).
    pub fn join_settled(&self) -> usize {
        self.joined.len() + self.gone.difference(&self.joined).count()
    }

    /// Joined participants still playing.
    pub fn active(&self) -> usize {
        self.joined.difference(&self.gone).count()
    }

    /// Whether every joined participant reached `step` or is gone.
    pub fn all_reached(&self, step: &Step) -> bool {
        let reached = self.reached.get(step);
        self.joined
            .iter()
            .all(|p| self.gone.contains(p) || reached.is_some_and(|r| r.contains_key(p)))
    }

    /// Whether every joined participant still playing has its answer to `question` settled.
    pub fn all_answered(&self, question: &str) -> bool {
        let answered = self.answered.get(question);
        self.joined
            .iter()
            .all(|p| self.gone.contains(p) || answered.is_some_and(|a| a.contains(p)))
    }

    /// Arrival times of `step` at each participant that reached it.
    pub fn arrivals(&self, step: &Step) -> Vec<Instant> {
        self.reached
            .get(step)
            .map(|r| r.values().copied().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(who: usize, kind: Kind) -> Event {
        Event {
            who,
            at: Instant::now(),
            kind,
        }
    }

    #[test]
    fn waits_for_every_joined_participant_unless_gone() {
        let mut t = Tally::default();
        t.apply(ev(0, Kind::Joined));
        t.apply(ev(1, Kind::Joined));
        t.apply(ev(2, Kind::Gone)); // never joined
        assert_eq!(t.join_settled(), 3);
        assert_eq!(t.active(), 2);
        let q = Step::Question("q1".into());
        assert!(!t.all_reached(&q));
        t.apply(ev(0, Kind::Reached(q.clone())));
        assert!(!t.all_reached(&q));
        t.apply(ev(1, Kind::Gone));
        assert!(t.all_reached(&q));
        assert_eq!(t.active(), 1);
        assert_eq!(t.arrivals(&q).len(), 1);
        assert!(!t.all_answered("q1"));
        t.apply(ev(0, Kind::Answered("q1".into())));
        assert!(t.all_answered("q1"));
        assert!(!t.all_answered("q2"));
    }

    #[test]
    fn the_first_arrival_counts() {
        let mut t = Tally::default();
        t.apply(ev(0, Kind::Joined));
        let first = Instant::now();
        t.apply(Event {
            who: 0,
            at: first,
            kind: Kind::Reached(Step::Ended),
        });
        t.apply(ev(0, Kind::Reached(Step::Ended)));
        assert_eq!(t.arrivals(&Step::Ended), vec![first]);
    }
}
