//! The game options of a tasting (SPEC section 5): speed bonus, leaderboard pacing and
//! auto-advance. Every field has a default, so a tasting without options (or with only some
//! of them) plays exactly as before: no speed bonus, a leaderboard after every question, the
//! host moves the game on.

use serde::{Deserialize, Serialize};

/// When leaderboards are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Pacing {
    /// A question leaderboard after every reveal, a round leaderboard after each wine.
    #[default]
    EveryQuestion,
    /// No question leaderboards: after a wine's fifth reveal comes its round leaderboard.
    PerWine,
}

/// How scoring and pacing work tonight. Unknown fields are refused (a typo must not turn an
/// option silently off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct GameOptions {
    /// A scoring answer earns `round(base × (1 − t / 2T))`: between half and all of its base.
    #[serde(default)]
    pub speed_bonus: bool,
    #[serde(default)]
    pub pacing: Pacing,
    /// Reveals when the timer ends or every connected participant answered, and moves
    /// through reveals and leaderboards after fixed delays, with or without a host.
    #[serde(default)]
    pub auto_advance: bool,
}

impl GameOptions {
    pub fn per_wine(self) -> bool {
        self.pacing == Pacing::PerWine
    }

    /// The options, or `None` when all are at their defaults (messages then leave them out,
    /// so a tasting without options reads on the wire exactly as before).
    pub fn if_set(self) -> Option<GameOptions> {
        (self != GameOptions::default()).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_optional_and_typos_are_refused() {
        let none: GameOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(none, GameOptions::default());
        assert!(!none.speed_bonus && !none.auto_advance && !none.per_wine());
        let some: GameOptions =
            serde_json::from_str(r#"{"pacing":"per_wine","speedBonus":true}"#).unwrap();
        assert!(some.speed_bonus && some.per_wine() && !some.auto_advance);
        assert!(serde_json::from_str::<GameOptions>(r#"{"speedbonus":true}"#).is_err());
        assert!(serde_json::from_str::<GameOptions>(r#"{"pacing":"sometimes"}"#).is_err());
        assert_eq!(
            serde_json::to_string(&GameOptions::default()).unwrap(),
            r#"{"speedBonus":false,"pacing":"every_question","autoAdvance":false}"#
        );
    }
}
