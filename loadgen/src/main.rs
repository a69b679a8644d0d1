//! `sommelier-loadgen`: a native load generator that plays real Sommelier Arena tastings
//! against a local stack (`wrangler dev`) and reports latencies, traffic and correctness.
//!
//! Layout:
//! - `config`: command-line options and the loopback-only rule.
//! - `api`: the HTTP calls (create a session, results, Durable Object counters, answers).
//! - `tasting`: valid tastings built from the protocol's input types.
//! - `ws`: one typed WebSocket (sends `ClientMessage`, receives stamped `ServerMessage`s).
//! - `board`: what participants report to their host driver, and its tally.
//! - `participant`: the participant bot (join, answer, maybe change, record).
//! - `host`: the host driver (start, reveal, next as fast as the protocol allows; fan-outs).
//! - `session`: one session end to end, with the results check and the counters.
//! - `verify`: acknowledged answers against the results API.
//! - `metrics`: histograms (p50/p95/p99/max) and error counts.
//! - `report`: aggregation, the table and the JSON file.
//! - `limits`: the open-file limit for 1,000+ sockets.

mod api;
mod board;
mod config;
mod host;
mod limits;
mod metrics;
mod participant;
mod report;
mod session;
mod tasting;
mod verify;
mod ws;

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use config::{Command, Config};

fn main() -> ExitCode {
    let cfg = match config::parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(cfg)) => cfg,
        Ok(Command::Help) => {
            println!("{}", config::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("sommelier-loadgen: {e}");
            return ExitCode::from(2);
        }
    };
    // Participants, hosts and HTTP calls each hold a socket.
    let sockets = cfg.sessions * (cfg.players + 2);
    match limits::ensure_open_files(limits::needed(sockets)) {
        Ok(limits::Limit::Raised { from, to }) => {
            eprintln!("sommelier-loadgen: raised the open-file limit from {from} to {to}")
        }
        Ok(limits::Limit::TooLow { soft, hard, needed }) => {
            eprintln!(
                "sommelier-loadgen: {needed} open files needed but the hard limit is {hard} (soft now {soft}); raise it with `ulimit -Hn` or run fewer participants"
            );
            return ExitCode::from(2);
        }
        Ok(limits::Limit::Enough { .. }) => {}
        Err(e) => eprintln!("sommelier-loadgen: could not check the open-file limit: {e}"),
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("sommelier-loadgen: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(run(cfg))
}

async fn run(cfg: Config) -> ExitCode {
    let cfg = Arc::new(cfg);
    metrics::mark_run_start();
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + cfg.timeout;
    eprintln!(
        "sommelier-loadgen: {} session(s) × {} participants × {} wine(s) against {}",
        cfg.sessions, cfg.players, cfg.wines, cfg.base_url
    );
    let tasks: Vec<_> = (0..cfg.sessions)
        .map(|i| tokio::spawn(session::run(cfg.clone(), i, deadline)))
        .collect();
    // Every wait inside is bounded by `deadline`; this is the last guard.
    let all = futures_util::future::join_all(tasks);
    let joined = match tokio::time::timeout_at(deadline + Duration::from_secs(30), all).await {
        Ok(results) => results,
        Err(_) => {
            eprintln!("sommelier-loadgen: the run did not finish within --timeout; stopping");
            return ExitCode::from(3);
        }
    };
    let mut sessions = Vec::new();
    let mut panicked = 0;
    for r in joined {
        match r {
            Ok(s) => sessions.push(s),
            Err(_) => panicked += 1,
        }
    }
    let mut report = report::build(&cfg, &sessions, started.elapsed());
    if panicked > 0 {
        report.errors.0.insert("SESSION_PANICKED".into(), panicked);
        report.error_total += panicked;
        report.ok = false;
    }
    // A closed stdout (`| head`) must not turn the run into a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout(), report::render(&report).as_bytes());
    if let Some(path) = &cfg.json {
        let written = serde_json::to_vec_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => eprintln!("sommelier-loadgen: wrote {}", path.display()),
            Err(e) => {
                eprintln!("sommelier-loadgen: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
