//! The run's report: aggregated from every session, printed as a table and written as JSON.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::api::KvOps;
use crate::config::Config;
use crate::host::TimelineEntry;
use crate::metrics::{ErrorCounts, Histogram, Summary};
use crate::session::SessionOutcome;
use crate::verify::Verification;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub ok: bool,
    pub config: ConfigView,
    pub duration_ms: f64,
    pub sessions: SessionsView,
    pub participants: ParticipantsView,
    /// Latencies in milliseconds, by name (see `LATENCIES`).
    pub latency_ms: BTreeMap<&'static str, Summary>,
    pub traffic: TrafficView,
    pub answers: AnswersView,
    pub errors: ErrorCounts,
    pub error_total: u64,
    pub kv_ops: KvOps,
    pub do_stats: DoStatsView,
    /// Per session, in play order: each broadcast's time to its last participant and each
    /// question's time until every answer was acknowledged (ms).
    pub timelines: Vec<Vec<TimelineEntry>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigView {
    pub base_url: String,
    pub sessions: usize,
    pub players: usize,
    pub wines: usize,
    pub timer_seconds: u32,
    pub reveal: &'static str,
    pub change_every: usize,
    pub seed: u64,
    pub connect_first: bool,
    pub start_delay_ms: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionsView {
    pub requested: usize,
    pub created: usize,
    pub completed: usize,
    pub codes: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantsView {
    pub expected: usize,
    pub joined: usize,
    pub completed: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrafficView {
    pub questions_played: u32,
    /// Frames received by one participant from one `game:question` to the next (reveal and
    /// leaderboards included), over every participant and question.
    pub messages_per_participant_per_question: Summary,
    pub bytes_per_participant_per_question: Summary,
    /// Frames received before the first question (snapshot, joined, lobby updates, start).
    pub lobby_messages_per_participant: Summary,
    pub lobby_bytes_per_participant: Summary,
    pub host_messages: u64,
    pub host_bytes: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswersView {
    pub submitted: u64,
    pub acknowledged: u64,
    pub changed: u64,
    /// Answers re-sent after `RATE_LIMITED` (counted, not failures).
    pub throttled: u64,
    /// Host commands re-sent after `RATE_LIMITED`.
    pub host_throttled: u64,
    pub verification: Verification,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoStatsView {
    /// Every numeric counter summed over the sessions (nested keys joined with `.`).
    pub total: BTreeMap<String, f64>,
    pub per_session: Vec<serde_json::Value>,
    pub unavailable: Option<String>,
    /// Every session's counters cover it whole: none was restarted after the session was
    /// created, and each counted every frame the generator sent to it.
    pub complete: bool,
    /// Frames the generator sent over WebSockets (what `wsMessagesReceived` should be).
    pub frames_sent_by_generator: u64,
}

/// The latency rows, in table order: (JSON key, table label).
pub const LATENCIES: [(&str, &str); 13] = [
    ("createSession", "POST /api/sessions"),
    ("upgrade", "join: TCP + WebSocket upgrade"),
    ("connect", "join: upgrade + first frame"),
    ("joinReply", "join: join_session → participant:joined"),
    ("join", "join: total (connect → joined)"),
    ("questionFanout", "question: host cmd → each participant"),
    (
        "questionFanoutLast",
        "question: host cmd → last participant",
    ),
    ("answerAck", "submit_answer → answer:accepted"),
    ("revealFanout", "reveal: host cmd → each participant"),
    ("revealFanoutLast", "reveal: host cmd → last participant"),
    ("leaderboardFanout", "leaderboard: host cmd → each"),
    ("leaderboardFanoutLast", "leaderboard: host cmd → last"),
    ("hostEcho", "host cmd → host's own broadcast"),
];

pub fn build(cfg: &Config, sessions: &[SessionOutcome], elapsed: Duration) -> Report {
    let mut h: BTreeMap<&'static str, Histogram> = BTreeMap::new();
    let mut errors = ErrorCounts::default();
    let mut verification = Verification::default();
    let mut kv = KvOps::default();
    let (mut msgs, mut bytes, mut lobby_msgs, mut lobby_bytes) = (
        Histogram::new(),
        Histogram::new(),
        Histogram::new(),
        Histogram::new(),
    );
    let (mut submitted, mut acknowledged, mut changed, mut throttled) = (0, 0, 0, 0);
    let (mut joined, mut completed_players, mut host_throttled) = (0, 0, 0);
    let (mut host_messages, mut host_bytes, mut questions_played) = (0, 0, 0);
    let mut codes = Vec::new();
    let mut stats = Vec::new();
    let mut stats_error = None;
    let mut stats_complete = true;
    let mut timelines = Vec::new();
    let mut frames_sent = 0;

    for s in sessions {
        errors.merge(&s.errors);
        errors.merge(&s.host.errors);
        verification.add(&s.verification);
        kv.add(s.kv);
        if let Some(c) = &s.code {
            codes.push(c.clone());
        }
        if let Some(d) = s.create {
            h.entry("createSession").or_default().record_duration(d);
        }
        let f = &s.host.fanouts;
        for (key, src) in [
            ("questionFanout", &f.question),
            ("questionFanoutLast", &f.question_last),
            ("revealFanout", &f.reveal),
            ("revealFanoutLast", &f.reveal_last),
            ("leaderboardFanout", &f.leaderboard),
            ("leaderboardFanoutLast", &f.leaderboard_last),
            ("hostEcho", &f.host_echo),
        ] {
            h.entry(key).or_default().merge(src);
        }
        timelines.push(s.host.fanouts.timeline.clone());
        host_throttled += s.host.throttled;
        host_messages += s.host.messages;
        host_bytes += s.host.bytes;
        questions_played = questions_played.max(s.host.questions_played);
        for p in &s.participants {
            errors.merge(&p.errors);
            if p.pseudonym.is_some() {
                joined += 1;
                lobby_msgs.record(p.lobby.messages);
                lobby_bytes.record(p.lobby.bytes);
            }
            if p.completed {
                completed_players += 1;
            }
            if let Some(d) = p.connect {
                h.entry("connect").or_default().record_duration(d);
            }
            for (key, d) in [
                ("upgrade", p.upgrade),
                ("joinReply", p.join_reply),
                ("join", p.join),
            ] {
                if let Some(d) = d {
                    h.entry(key).or_default().record_duration(d);
                }
            }
            h.entry("answerAck").or_default().merge(&p.ack);
            for t in &p.per_question {
                msgs.record(t.messages);
                bytes.record(t.bytes);
            }
            submitted += p.submitted;
            acknowledged += p.acknowledged;
            changed += p.changed;
            throttled += p.throttled;
        }
        let sent: u64 =
            s.host.frames_sent + s.participants.iter().map(|p| p.frames_sent).sum::<u64>();
        frames_sent += sent;
        let received = s
            .stats
            .as_ref()
            .and_then(|v| v["wsMessagesReceived"].as_u64());
        stats_complete &= s.stats_complete && received == Some(sent);
        match (&s.stats, &s.stats_error) {
            (Some(v), _) => stats.push(v.clone()),
            (None, Some(e)) => stats_error = Some(e.clone()),
            _ => {}
        }
    }

    let expected = cfg.sessions * cfg.players;
    let completed_sessions = sessions.iter().filter(|s| s.host.completed).count();
    // Failures of the checks count as errors too, by name.
    for (name, n) in [
        ("LOST_ANSWER", verification.lost),
        ("WRONG_POINTS", verification.wrong_points),
        ("UNEXPECTED_ANSWER", verification.unexpected),
        ("SCORE_MISMATCH", verification.score_mismatches),
        ("MISSING_FROM_RANKINGS", verification.missing_from_rankings),
        ("REVEAL_MISMATCH", verification.reveal_mismatches),
    ] {
        if n > 0 {
            *errors.0.entry(name.to_string()).or_default() += n;
        }
    }
    if joined < expected {
        *errors.0.entry("NOT_JOINED".into()).or_default() += (expected - joined) as u64;
    }
    let error_total = errors.total();
    let ok = error_total == 0
        && completed_sessions == cfg.sessions
        && completed_players == expected
        && verification.failures() == 0;

    Report {
        ok,
        config: ConfigView {
            base_url: cfg.base_url.clone(),
            sessions: cfg.sessions,
            players: cfg.players,
            wines: cfg.wines,
            timer_seconds: cfg.timer_seconds,
            reveal: cfg.reveal.as_str(),
            change_every: cfg.change_every,
            seed: cfg.seed,
            connect_first: cfg.connect_first,
            start_delay_ms: cfg.start_delay.as_millis() as u64,
        },
        duration_ms: elapsed.as_secs_f64() * 1000.0,
        sessions: SessionsView {
            requested: cfg.sessions,
            created: codes.len(),
            completed: completed_sessions,
            codes,
        },
        participants: ParticipantsView {
            expected,
            joined,
            completed: completed_players,
        },
        latency_ms: LATENCIES
            .iter()
            .map(|(k, _)| (*k, h.get(k).map(Histogram::summary_ms).unwrap_or_default()))
            .collect(),
        traffic: TrafficView {
            questions_played,
            messages_per_participant_per_question: msgs.summary(1.0),
            bytes_per_participant_per_question: bytes.summary(1.0),
            lobby_messages_per_participant: lobby_msgs.summary(1.0),
            lobby_bytes_per_participant: lobby_bytes.summary(1.0),
            host_messages,
            host_bytes,
        },
        answers: AnswersView {
            submitted,
            acknowledged,
            changed,
            throttled,
            host_throttled,
            verification,
        },
        errors,
        error_total,
        kv_ops: kv,
        do_stats: DoStatsView {
            total: sum_numbers(&stats),
            per_session: stats,
            unavailable: stats_error,
            complete: stats_complete && !sessions.is_empty(),
            frames_sent_by_generator: frames_sent,
        },
        timelines,
    }
}

/// Sums every numeric field of the JSON objects (nested objects as `outer.inner`).
pub fn sum_numbers(values: &[serde_json::Value]) -> BTreeMap<String, f64> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, f64>) {
        match v {
            // A time stamp, not a counter.
            serde_json::Value::Number(_) if prefix == "sinceMs" => {}
            serde_json::Value::Number(n) => {
                *out.entry(prefix.to_string()).or_default() += n.as_f64().unwrap_or(0.0);
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&key, v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for v in values {
        walk("", v, &mut out);
    }
    out
}

/// The human-readable table.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let c = &r.config;
    let _ = writeln!(
        s,
        "\nsommelier-loadgen: {} session(s) × {} participants × {} wine(s), timer {} s, reveal by {}, {}",
        c.sessions, c.players, c.wines, c.timer_seconds, c.reveal, c.base_url
    );
    let _ = writeln!(
        s,
        "run time {:.1} s; sessions created {}/{}, completed {}; participants joined {}/{}, saw the end {}; questions played {}",
        r.duration_ms / 1000.0,
        r.sessions.created,
        r.sessions.requested,
        r.sessions.completed,
        r.participants.joined,
        r.participants.expected,
        r.participants.completed,
        r.traffic.questions_played,
    );
    let _ = writeln!(
        s,
        "\n{:<40} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "latency (ms)", "count", "mean", "p50", "p95", "p99", "max"
    );
    for (key, label) in LATENCIES {
        let m = r.latency_ms.get(key).copied().unwrap_or_default();
        if m.count == 0 {
            continue;
        }
        let _ = writeln!(
            s,
            "{:<40} {:>7} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
            label, m.count, m.mean, m.p50, m.p95, m.p99, m.max
        );
    }
    let t = &r.traffic;
    let _ = writeln!(
        s,
        "\n{:<40} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "traffic per participant", "count", "mean", "p50", "p95", "p99", "max"
    );
    for (label, m) in [
        (
            "messages per question",
            t.messages_per_participant_per_question,
        ),
        ("bytes per question", t.bytes_per_participant_per_question),
        (
            "messages before the first question",
            t.lobby_messages_per_participant,
        ),
        (
            "bytes before the first question",
            t.lobby_bytes_per_participant,
        ),
    ] {
        let _ = writeln!(
            s,
            "{:<40} {:>7} {:>9.1} {:>9.0} {:>9.0} {:>9.0} {:>9.0}",
            label, m.count, m.mean, m.p50, m.p95, m.p99, m.max
        );
    }
    let _ = writeln!(
        s,
        "host received {} messages, {} bytes",
        t.host_messages, t.host_bytes
    );
    if let [timeline] = r.timelines.as_slice() {
        let _ = writeln!(
            s,
            "\ntimeline: step, started (s into the run), took (ms, to the last participant)"
        );
        for e in timeline {
            let _ = writeln!(
                s,
                "  {:<36} {:>8.2} {:>9.1}",
                e.step,
                e.at_ms / 1000.0,
                e.ms
            );
        }
    }
    let a = &r.answers;
    let v = &a.verification;
    let _ = writeln!(
        s,
        "\nanswers: {} submitted, {} acknowledged ({} changes), {} re-sent after RATE_LIMITED; host commands re-sent: {}",
        a.submitted, a.acknowledged, a.changed, a.throttled, a.host_throttled
    );
    let _ = writeln!(
        s,
        "results check: {} final answers acknowledged, {} counted, {} lost, {} wrong points, {} unexpected, {} score mismatches, {} reveal mismatches, {} missing from rankings",
        v.acknowledged,
        v.counted,
        v.lost,
        v.wrong_points,
        v.unexpected,
        v.score_mismatches,
        v.reveal_mismatches,
        v.missing_from_rankings
    );
    let _ = writeln!(
        s,
        "KV operations: list {} read {} write {} delete {}",
        r.kv_ops.list, r.kv_ops.read, r.kv_ops.write, r.kv_ops.delete
    );
    if r.do_stats.total.is_empty() {
        let why = r.do_stats.unavailable.as_deref().unwrap_or("none returned");
        let _ = writeln!(s, "Durable Object counters: unavailable ({why})");
    } else {
        let _ = writeln!(
            s,
            "Durable Object counters (sum over sessions){}:",
            if r.do_stats.complete {
                ""
            } else {
                ", INCOMPLETE: they missed events (an object reloaded after hibernation or eviction?)"
            }
        );
        let _ = writeln!(
            s,
            "  (frames the generator sent: {})",
            r.do_stats.frames_sent_by_generator
        );
        for (k, v) in &r.do_stats.total {
            let _ = writeln!(s, "  {k:<36} {v:>12}");
        }
    }
    if r.error_total == 0 {
        let _ = writeln!(s, "\nerrors: none");
    } else {
        let _ = writeln!(s, "\nerrors: {}", r.error_total);
        for (code, n) in &r.errors.0 {
            let _ = writeln!(s, "  {code:<36} {n:>8}");
        }
    }
    let _ = writeln!(s, "result: {}", if r.ok { "OK" } else { "FAILED" });
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::participant::{Outcome, Traffic};

    #[test]
    fn sums_nested_counters() {
        let a = serde_json::json!({"doRequests": 3, "sql": {"rowsRead": 10}, "name": "x", "sinceMs": 5});
        let b = serde_json::json!({"doRequests": 4, "sql": {"rowsRead": 1}});
        let t = sum_numbers(&[a, b]);
        assert_eq!(t["doRequests"], 7.0);
        assert_eq!(t["sql.rowsRead"], 11.0);
        assert!(!t.contains_key("name"));
        assert!(!t.contains_key("sinceMs"));
    }

    #[test]
    fn an_incomplete_run_is_not_ok_and_renders() {
        let cfg = Config {
            players: 2,
            ..Config::default()
        };
        let mut s = SessionOutcome {
            code: Some("1234".into()),
            ..SessionOutcome::default()
        };
        s.participants.push(Outcome {
            pseudonym: Some("OAKY-MERLOT".into()),
            completed: true,
            per_question: vec![Traffic {
                messages: 5,
                bytes: 900,
            }],
            ..Outcome::default()
        });
        let r = build(&cfg, &[s], Duration::from_secs(1));
        assert!(!r.ok);
        assert_eq!(r.participants.joined, 1);
        assert_eq!(r.errors.0["NOT_JOINED"], 1);
        assert_eq!(r.traffic.messages_per_participant_per_question.max, 5.0);
        let text = render(&r);
        assert!(text.contains("FAILED"));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["participants"]["expected"], 2);
        assert!(json["latencyMs"]["join"].is_object());
    }
}
