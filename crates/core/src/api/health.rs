//! `GET /api/health` (game worker) and `GET /health` (answers worker): whether each part
//! answers. `200` when every check passed, `503` with the same body otherwise, so a monitor
//! sees which part failed.

use serde::{Deserialize, Serialize};

/// The reply of both health routes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HealthReply {
    /// Every check passed.
    pub ok: bool,
    pub checks: Vec<HealthCheck>,
}

/// One part of the system and whether it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HealthCheck {
    /// `game_worker`, `durable_objects`, `answers_worker` or `kv`.
    pub name: String,
    pub ok: bool,
    /// Why it failed (never a secret: a runtime error's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub error: Option<String>,
}

impl HealthCheck {
    pub fn passed(name: &str) -> HealthCheck {
        HealthCheck {
            name: name.into(),
            ok: true,
            error: None,
        }
    }

    pub fn failed(name: &str, error: impl Into<String>) -> HealthCheck {
        HealthCheck {
            name: name.into(),
            ok: false,
            error: Some(error.into()),
        }
    }
}

impl HealthReply {
    pub fn new(checks: Vec<HealthCheck>) -> HealthReply {
        HealthReply {
            ok: checks.iter().all(|c| c.ok),
            checks,
        }
    }

    /// `200` when healthy, `503` otherwise.
    pub fn status(&self) -> u16 {
        if self.ok {
            200
        } else {
            503
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_failed_check_makes_the_whole_reply_unhealthy() {
        let good = HealthReply::new(vec![HealthCheck::passed("kv")]);
        assert!(good.ok);
        assert_eq!(good.status(), 200);
        let bad = HealthReply::new(vec![
            HealthCheck::passed("game_worker"),
            HealthCheck::failed("kv", "unreachable"),
        ]);
        assert!(!bad.ok);
        assert_eq!(bad.status(), 503);
        assert_eq!(
            serde_json::to_value(&bad.checks[0]).unwrap(),
            serde_json::json!({"name": "game_worker", "ok": true})
        );
    }
}
