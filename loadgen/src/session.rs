//! One session from start to finish: create it over HTTP, open the host, let the join storm
//! loose, play the game, then check the results and read the Durable Object's counters.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::time::Instant as Deadline;

use crate::api::{Api, KvOps};
use crate::board::Reporter;
use crate::config::Config;
use crate::host::{Host, HostOutcome};
use crate::metrics::ErrorCounts;
use crate::participant::{self, Outcome, Plan};
use crate::tasting::load_tasting;
use crate::verify::{verify, Verification};

/// Everything one session produced.
#[derive(Debug, Default)]
pub struct SessionOutcome {
    pub code: Option<String>,
    pub host: HostOutcome,
    pub participants: Vec<Outcome>,
    pub verification: Verification,
    /// `GET /api/sessions/{code}/stats` as returned.
    pub stats: Option<serde_json::Value>,
    pub stats_error: Option<String>,
    /// Whether the counters cover the whole session: they count since the object was last
    /// loaded (`sinceMs`), so an object that hibernated or was evicted mid-run restarted them.
    pub stats_complete: bool,
    /// KV operations of the HTTP calls (the answers worker's `X-KV-Ops`).
    pub kv: KvOps,
    pub create: Option<Duration>,
    /// Failures outside the game itself (creating, results).
    pub errors: ErrorCounts,
}

/// A fresh host key: 32 random hex characters (128 bits).
pub fn new_host_key() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No OS randomness: fall back to the clock (a local load test, not a real host).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        bytes = nanos.to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Milliseconds since the Unix epoch (the same clock as the server's on this machine).
fn epoch_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

pub async fn run(cfg: Arc<Config>, index: usize, deadline: Deadline) -> SessionOutcome {
    let mut out = SessionOutcome::default();
    let api = Api::new(&cfg.addr, cfg.step_timeout);
    let host_key = new_host_key();

    if cfg.host_form {
        match api.load_answers().await {
            Ok(kv) => out.kv.add(kv),
            Err(e) => {
                eprintln!("session {index}: {}", e.detail);
                out.errors.add(e.code);
            }
        }
    }
    let cap = u32::try_from(cfg.players.max(2)).unwrap_or(1000);
    let title = format!("Load test {}", index + 1);
    let tasting = load_tasting(&title, cfg.wines, cfg.timer_seconds, cap);
    let started = std::time::Instant::now();
    let (code, created_by_ms) = match api.create_session(&host_key, &tasting).await {
        Ok((code, res)) => {
            out.create = Some(started.elapsed());
            if let Some(kv) = res.kv_ops {
                out.kv.add(kv);
            }
            (code, epoch_ms())
        }
        Err(e) => {
            eprintln!("session {index}: {}", e.detail);
            out.errors.add(e.code);
            return out;
        }
    };
    out.code = Some(code.clone());

    let (tx, rx) = mpsc::unbounded_channel();
    let ws_base = cfg.ws_base();
    let mut host =
        match Host::open(&ws_base, &code, &host_key, rx, cfg.players, &cfg, deadline).await {
            Ok(h) => h,
            Err((e, code)) => {
                eprintln!("session {index}: host: {e}");
                out.errors.add(
                    code.map(|c| c.as_str())
                        .unwrap_or_else(|| e.code().to_string()),
                );
                return out;
            }
        };

    // The join storm: every participant connects and joins at once.
    let (abort_tx, abort_rx) = watch::channel(false);
    let barrier = cfg
        .connect_first
        .then(|| Arc::new(tokio::sync::Barrier::new(cfg.players)));
    let handles: Vec<_> = (0..cfg.players)
        .map(|i| {
            let plan = Plan {
                index: i,
                ws_base: ws_base.clone(),
                code: code.clone(),
                changes_answer: cfg.change_every > 0 && i % cfg.change_every == 0,
                seed: cfg.seed.wrapping_add(index as u64 * 1_000_003),
                deadline,
                join_timeout: cfg.step_timeout,
                connected: barrier.clone(),
            };
            let reporter = Reporter::new(i, tx.clone());
            tokio::spawn(participant::run(plan, reporter, abort_rx.clone()))
        })
        .collect();
    drop(tx);

    host.play().await;
    if !host.out.completed {
        let _ = abort_tx.send(true);
    }
    for h in handles {
        match h.await {
            Ok(o) => out.participants.push(o),
            Err(_) => out.errors.add("PARTICIPANT_PANICKED"),
        }
    }
    out.host = host.close().await;

    match api.results(&code, &host_key).await {
        Ok(results) => match &out.host.tasting {
            Some(t) => out.verification = verify(t, &out.participants, &results),
            None => out.errors.add("NO_TASTING"),
        },
        Err(e) => {
            eprintln!("session {index}: {}", e.detail);
            out.errors.add(e.code);
        }
    }
    match api.stats(&code, &host_key).await {
        Ok(v) => {
            // The object was loaded by the POST that created it; a later `sinceMs` means it
            // was reloaded since.
            out.stats_complete = v["sinceMs"]
                .as_u64()
                .is_some_and(|since| since <= created_by_ms);
            out.stats = Some(v);
        }
        Err(e) => out.stats_error = Some(e.detail),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sommelier_core::secrets::host_key_problem;

    #[test]
    fn host_keys_are_acceptable_and_fresh() {
        let a = new_host_key();
        assert_eq!(a.len(), 32);
        assert_eq!(host_key_problem(&a), None);
        assert_ne!(a, new_host_key());
    }
}
