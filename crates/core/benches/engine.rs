//! Engine figures with 1,000 participants in one session: `submit_answer` latency, a full
//! reveal and a leaderboard with every outgoing frame encoded, a host snapshot, and memory
//! per participant (measured with a counting allocator); then again with every game option
//! on (speed bonus, near misses, per-wine pacing, auto-advance) plus the final leaderboard
//! with its palate reports. Prints numbers; asserts nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sommelier_core::protocol::{ClientMessage, GameOptions, Pacing, ServerMessage, TastingInput};
use sommelier_core::{ConnId, Effect, Engine, EngineConfig, Identity};

/// Counts live heap bytes so memory per participant can be reported.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const PLAYERS: usize = 1000;
const WINES: usize = 10;
const KEY: &str = "benchmark-host-key-0123456789abcdef";
const HOST: ConnId = 1;
const T0: u64 = 1_700_000_000_000;

struct Session {
    e: Engine,
    rng: ChaCha8Rng,
    names: Vec<(ConnId, Identity)>,
}

/// Every game option on, and near misses on every question.
const ALL_OPTIONS: GameOptions = GameOptions {
    speed_bonus: true,
    pacing: Pacing::PerWine,
    auto_advance: true,
};

fn input(options: Option<GameOptions>) -> TastingInput {
    let mut input = sommelier_core::tasting::example_input(WINES);
    input.max_participants = Some(PLAYERS as u32);
    if options.is_some() {
        input.options = options;
        for w in &mut input.wines {
            for q in &mut w.questions {
                q.partial_points = Some(vec![50, 25, 0]);
            }
        }
    }
    input
}

fn lobby(options: Option<GameOptions>) -> Session {
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let input = input(options);
    let (mut e, _) = Engine::create(
        "2026",
        KEY,
        None,
        &input,
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap();
    e.handle(
        HOST,
        &Identity::Unidentified,
        ClientMessage::RejoinHost {
            host_key: KEY.into(),
        },
        T0,
        &mut rng,
    );
    let mut names = Vec::new();
    for i in 0..PLAYERS {
        let conn = 10 + i as ConnId;
        let fx = e.handle(
            conn,
            &Identity::Unidentified,
            ClientMessage::JoinSession {},
            T0,
            &mut rng,
        );
        for f in fx {
            if let Effect::SetIdentity { identity, .. } = f {
                names.push((conn, identity));
            }
        }
    }
    Session { e, rng, names }
}

fn host(s: &mut Session, msg: ClientMessage, now: u64) -> Vec<Effect> {
    s.e.handle(HOST, &Identity::Host, msg, now, &mut s.rng)
}

/// Times `msg` from the host 60 times, each on a fresh copy of `s` so every run does the
/// same work; returns the samples, the last run's effects and (when `encode`) its bytes.
fn time_host_command(
    s: &Session,
    msg: ClientMessage,
    now: u64,
    encode: bool,
) -> (Vec<Duration>, Vec<Effect>, usize) {
    let mut samples = Vec::with_capacity(60);
    let mut last = (Vec::new(), 0);
    for _ in 0..60 {
        let mut c = Session {
            e: s.e.clone(),
            rng: s.rng.clone(),
            names: Vec::new(),
        };
        let t = Instant::now();
        let fx = host(&mut c, msg.clone(), now);
        let bytes = if encode { encode_all(&fx) } else { 0 };
        samples.push(t.elapsed());
        last = (std::hint::black_box(fx), bytes);
    }
    (samples, last.0, last.1)
}

/// Encodes every frame like the shell would (one encode per Send effect).
fn encode_all(fx: &[Effect]) -> usize {
    let mut enc = sommelier_core::engine::FrameEncoder::new();
    fx.iter()
        .map(|f| match f {
            Effect::Send { msg, .. } => enc.encode(msg).len(),
            _ => 0,
        })
        .sum()
}

fn stats(name: &str, mut samples: Vec<Duration>, budget: &str) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p99 = samples[samples.len() * 99 / 100];
    println!(
        "{name:<44} median {:>10.2?}  p99 {:>10.2?}  (n={}, target {budget})",
        median,
        p99,
        samples.len()
    );
}

fn answer(s: &mut Session, i: usize, now: u64) -> Vec<Effect> {
    let q = s.e.host_snapshot(now).current_question.unwrap();
    let (conn, id) = s.names[i].clone();
    let option_id = q.options[i % 4].id.clone();
    s.e.handle(
        conn,
        &id,
        ClientMessage::SubmitAnswer {
            question_id: q.question_id,
            option_id,
        },
        now,
        &mut s.rng,
    )
}

fn main() {
    run(None);
    run(Some(ALL_OPTIONS));
}

fn run(options: Option<GameOptions>) {
    match options {
        None => {
            println!("sommelier-core engine benchmarks: {PLAYERS} participants, {WINES} wines\n")
        }
        Some(o) => println!("\nwith every game option on ({o:?}, near misses on every question)\n"),
    }

    // Memory: live heap before and after seating the participants.
    let before = LIVE.load(Ordering::Relaxed);
    let empty = {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let input = input(options);
        Engine::create(
            "2026",
            KEY,
            None,
            &input,
            EngineConfig::default(),
            T0,
            &mut rng,
        )
        .unwrap()
        .0
    };
    let empty_bytes = LIVE.load(Ordering::Relaxed) - before;
    drop(empty);
    let before = LIVE.load(Ordering::Relaxed);
    let mut s = lobby(options);
    let full_bytes = LIVE.load(Ordering::Relaxed) - before;
    let rng_and_names = s.names.capacity() * std::mem::size_of::<(ConnId, Identity)>()
        + s.names
            .iter()
            .map(|(_, id)| match id {
                Identity::Participant { pseudonym } => pseudonym.capacity(),
                _ => 0,
            })
            .sum::<usize>();
    let per = (full_bytes
        .saturating_sub(empty_bytes)
        .saturating_sub(rng_and_names)) as f64
        / PLAYERS as f64;
    println!("memory: session without participants {empty_bytes} B; per participant {per:.0} B (incl. connection entry, {} answer slots)\n", WINES * 5);

    host(&mut s, ClientMessage::HostStart {}, T0);
    let now = T0 + 1_000;

    // submit_answer: first answers of all, then changes. With auto-advance the last
    // participant keeps thinking (all answered would reveal the question at once).
    let mut samples = Vec::new();
    let question = s.e.host_snapshot(now).current_question.unwrap();
    let answering = if options.is_some() {
        PLAYERS - 1
    } else {
        PLAYERS
    };
    for round in 0..5 {
        for i in 0..answering {
            let (conn, id) = s.names[i].clone();
            let msg = ClientMessage::SubmitAnswer {
                question_id: question.question_id.clone(),
                option_id: question.options[(i + round) % 4].id.clone(),
            };
            let t = Instant::now();
            let fx = s.e.handle(conn, &id, msg, now, &mut s.rng);
            let n = encode_all(&fx);
            samples.push(t.elapsed());
            std::hint::black_box(n);
        }
    }
    stats("submit_answer (incl. encoding replies)", samples, "<= 5 us");

    // Reveal: scoring, per-participant results and every frame encoded.
    let (samples, fx, bytes) = time_host_command(&s, ClientMessage::HostReveal {}, now, true);
    let frames = fx
        .iter()
        .filter(|f| matches!(f, Effect::Send { .. }))
        .count();
    stats(
        "reveal (score, results, all frames encoded)",
        samples,
        "<= 1 ms",
    );
    println!("{:<44} {frames} frames, {bytes} bytes", "");
    let (samples, _, _) = time_host_command(&s, ClientMessage::HostReveal {}, now, false);
    stats("reveal (effects built, not encoded)", samples, "-");

    host(&mut s, ClientMessage::HostReveal {}, now);
    if options.is_some() {
        // Per-wine pacing: play the wine's other questions, then time its round leaderboard
        // and, after the last wine, the final one with every palate report.
        for _ in 0..WINES {
            while s.e.phase() != sommelier_core::Phase::QuestionRevealed
                || s.e
                    .host_snapshot(now)
                    .current_question
                    .map(|q| q.question_index)
                    != Some(4)
            {
                let msg = match s.e.phase() {
                    sommelier_core::Phase::QuestionOpen => ClientMessage::HostReveal {},
                    _ => ClientMessage::HostNext {},
                };
                host(&mut s, msg, now);
            }
            if s.e
                .host_snapshot(now)
                .current_question
                .map(|q| q.round_index)
                == Some(WINES as u32 - 1)
            {
                break;
            }
            host(&mut s, ClientMessage::HostNext {}, now);
            host(&mut s, ClientMessage::HostNext {}, now);
        }
        host(&mut s, ClientMessage::HostNext {}, now);
        let (samples, _, bytes) = time_host_command(&s, ClientMessage::HostNext {}, now, true);
        stats("final leaderboard + palate reports (encoded)", samples, "-");
        println!("{:<44} {bytes} bytes", "");
        return;
    }
    let (samples, _, _) = time_host_command(&s, ClientMessage::HostNext {}, now, false);
    stats("question leaderboard (built, not encoded)", samples, "-");
    let (samples, _, mut bytes) = time_host_command(&s, ClientMessage::HostNext {}, now, true);
    stats(
        "question leaderboard (rankings, encoded)",
        samples,
        "<= 1 ms",
    );
    println!("{:<44} {bytes} bytes", "");

    let mut samples = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let snap = s.e.host_snapshot(now);
        samples.push(t.elapsed());
        std::hint::black_box(snap);
    }
    stats("host snapshot (built)", samples, "<= 200 us");
    let mut samples = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let frame = ServerMessage::HostStateSnapshot(Box::new(s.e.host_snapshot(now))).encode();
        samples.push(t.elapsed());
        bytes = frame.len();
    }
    stats("host snapshot (built and encoded)", samples, "-");
    println!("{:<44} {bytes} bytes", "");

    let mut samples = Vec::new();
    for i in 0..1000 {
        let (_, id) = &s.names[i % PLAYERS];
        let Identity::Participant { pseudonym } = id else {
            continue;
        };
        let t = Instant::now();
        let snap = s.e.participant_snapshot(pseudonym, now);
        samples.push(t.elapsed());
        std::hint::black_box(snap);
    }
    stats("participant snapshot (built)", samples, "-");

    let _ = answer;
}
