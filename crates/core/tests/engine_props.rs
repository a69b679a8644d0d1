//! Property tests over random command sequences at random times (public API only), with
//! random game options and near misses: no panic, a score is the sum of its answers' points
//! under the tasting's rules (speed points between half and all of the base, partial points
//! only from the tasting), ranks follow scores, phases move only along legal edges,
//! participants never see a correct option before its reveal, a restore from the persisted
//! writes after any prefix gives the same state, snapshots and next wake-up, and public
//! info's `joinable` always matches what a join would do. Then: pauses never change a speed
//! score; auto-advance needs no host and never skips or repeats a question.

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sommelier_core::engine::{MemoryStore, Records, SeatStatus, Write, HOUR_MS};
use sommelier_core::protocol::{
    AnswerOutcome, ClientMessage, GameOptions, Pacing, Reveal, ServerMessage as S, TastingInput,
};
use sommelier_core::{ConnId, Effect, Engine, EngineConfig, Identity, Phase, Recipient};

const KEY: &str = "property-test-host-key-0123456789";

#[derive(Debug, Clone)]
enum Op {
    Open,
    Close(usize),
    Host(usize, bool),
    Join(usize),
    Rejoin(usize, usize, bool),
    Start,
    Pause,
    Resume,
    Reveal,
    Next,
    End,
    Kick(usize),
    Update(usize),
    Submit(usize, u8, u8),
    Leave(usize),
    Ping(usize),
    Alarm,
    Restore,
    Delete,
    /// A host command sent by some connection (maybe not the host).
    Stray(usize, u8),
    /// The host does the natural next step (reveal an open question, else next).
    Drive,
    /// A new socket identifies as the host.
    NewHost,
    /// The host locks (true) or unlocks the lobby.
    Lock(bool),
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0usize..16;
    prop_oneof![
        4 => Just(Op::Open),
        2 => i.clone().prop_map(Op::Close),
        3 => (i.clone(), proptest::bool::weighted(0.9)).prop_map(|(c, k)| Op::Host(c, k)),
        5 => i.clone().prop_map(Op::Join),
        2 => (i.clone(), 0usize..8, proptest::bool::weighted(0.8)).prop_map(|(c, p, t)| Op::Rejoin(c, p, t)),
        2 => Just(Op::Start),
        2 => Just(Op::Pause),
        8 => Just(Op::Drive),
        2 => Just(Op::NewHost),
        1 => Just(Op::Resume),
        2 => Just(Op::Reveal),
        4 => Just(Op::Next),
        1 => Just(Op::End),
        1 => (0usize..8).prop_map(Op::Kick),
        1 => (0usize..3).prop_map(Op::Update),
        8 => (i.clone(), 0u8..3, 0u8..5).prop_map(|(c, q, o)| Op::Submit(c, q, o)),
        1 => i.clone().prop_map(Op::Leave),
        1 => i.clone().prop_map(Op::Ping),
        2 => Just(Op::Alarm),
        2 => Just(Op::Restore),
        1 => proptest::bool::weighted(0.05).prop_map(|d| if d { Op::Delete } else { Op::Alarm }),
        1 => (i, 0u8..7).prop_map(|(c, k)| Op::Stray(c, k)),
        1 => proptest::bool::ANY.prop_map(Op::Lock),
    ]
}

fn dt() -> impl Strategy<Value = u64> {
    prop_oneof![
        12 => 0u64..3_000,
        3 => 0u64..70_000,
        1 => Just(HOUR_MS),
        1 => Just(25 * HOUR_MS),
    ]
}

struct World {
    e: Engine,
    store: MemoryStore,
    rng: ChaCha8Rng,
    now: u64,
    /// Live sockets and what their attachment says.
    live: BTreeMap<ConnId, Identity>,
    next_conn: ConnId,
    tokens: HashMap<String, String>,
    names: Vec<String>,
    host_conns_seen: Vec<ConnId>,
}

/// The tasting of a world: its options and near misses follow from the seed.
fn world_input(seed: u64, wines: usize) -> TastingInput {
    let mut input = sommelier_core::tasting::example_input(wines);
    input.max_participants = Some(5);
    input.options = Some(GameOptions {
        speed_bonus: seed & 1 != 0,
        pacing: if seed & 2 != 0 {
            Pacing::PerWine
        } else {
            Pacing::EveryQuestion
        },
        auto_advance: seed & 4 != 0,
    });
    if seed & 8 != 0 {
        for (w, wine) in input.wines.iter_mut().enumerate() {
            for (q, question) in wine.questions.iter_mut().enumerate() {
                let k = (seed >> 4).wrapping_add((w * 5 + q) as u64);
                question.partial_points = Some(vec![(k % 91) as u32, 0, (k * 7 % 91) as u32]);
            }
        }
    }
    input
}

/// `round(base × (1 − t / 2T))`, computed apart from the engine.
fn speed(base: u32, t: u64, duration: u64) -> u32 {
    let t = t.min(duration);
    ((u64::from(base) * (2 * duration - t)) as f64 / (2 * duration) as f64).round() as u32
}

impl World {
    fn new(seed: u64) -> World {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let input = world_input(seed, 2);
        let (e, fx) = Engine::create(
            "4321",
            KEY,
            None,
            &input,
            EngineConfig::default(),
            1_000,
            &mut rng,
        )
        .unwrap();
        let mut store = MemoryStore::default();
        store.apply_effects(&fx);
        World {
            e,
            store,
            rng,
            now: 1_000,
            live: BTreeMap::new(),
            next_conn: 1,
            tokens: HashMap::new(),
            names: Vec::new(),
            host_conns_seen: Vec::new(),
        }
    }

    fn conn(&self, i: usize) -> Option<ConnId> {
        if self.live.is_empty() {
            return None;
        }
        self.live.keys().nth(i % self.live.len()).copied()
    }

    fn send(&mut self, i: usize, msg: ClientMessage) -> Vec<Effect> {
        let Some(c) = self.conn(i) else {
            return Vec::new();
        };
        let id = self.live.get(&c).cloned().unwrap_or_default();
        self.e.handle(c, &id, msg, self.now, &mut self.rng)
    }

    fn host_send(&mut self, msg: ClientMessage) -> Vec<Effect> {
        let host = self
            .live
            .iter()
            .find(|(_, id)| **id == Identity::Host)
            .map(|(c, _)| *c);
        match host {
            Some(c) => self
                .e
                .handle(c, &Identity::Host, msg, self.now, &mut self.rng),
            None => Vec::new(),
        }
    }

    /// The current question id and its option ids (as the host sees them).
    fn question(&self, which: u8) -> (String, Vec<String>) {
        let snap = self.e.host_snapshot(self.now);
        let all: Vec<_> = snap
            .tasting
            .wines
            .iter()
            .flat_map(|w| w.questions.iter())
            .collect();
        let current = snap
            .current_question
            .as_ref()
            .map(|q| q.question_id.clone());
        let q = match (which, current) {
            (0, Some(id)) => all.iter().find(|q| q.question_id == id).copied(),
            (1, _) | (0, None) => all.get(usize::from(which) * 3 % all.len()).copied(),
            _ => None,
        };
        match q {
            Some(q) => (
                q.question_id.clone(),
                q.options.iter().map(|o| o.id.clone()).collect(),
            ),
            None => ("q-unknown".into(), vec![]),
        }
    }

    fn step(&mut self, op: &Op) -> Vec<Effect> {
        match op.clone() {
            Op::Open => {
                self.next_conn += 1;
                let c = self.next_conn;
                self.live.insert(c, Identity::Unidentified);
                self.e.connection_opened(c, self.now)
            }
            Op::Close(i) => match self.conn(i) {
                Some(c) => {
                    let id = self.live.remove(&c).unwrap_or_default();
                    self.e.connection_closed(c, &id, self.now)
                }
                None => Vec::new(),
            },
            Op::Host(i, good) => {
                let key = if good {
                    KEY.to_string()
                } else {
                    "wrong-key-wrong-key-wrong".into()
                };
                self.send(i, ClientMessage::RejoinHost { host_key: key })
            }
            Op::Join(i) => self.send(i, ClientMessage::JoinSession {}),
            Op::Rejoin(i, p, good) => {
                let Some(name) =
                    (!self.names.is_empty()).then(|| self.names[p % self.names.len()].clone())
                else {
                    return Vec::new();
                };
                let token = if good {
                    self.tokens.get(&name).cloned().unwrap_or_default()
                } else {
                    "00".repeat(32)
                };
                self.send(
                    i,
                    ClientMessage::RejoinSession {
                        pseudonym: name,
                        token,
                    },
                )
            }
            Op::Start => self.host_send(ClientMessage::HostStart {}),
            Op::Pause => self.host_send(ClientMessage::HostPause {}),
            Op::Resume => self.host_send(ClientMessage::HostResume {}),
            Op::Reveal => self.host_send(ClientMessage::HostReveal {}),
            Op::Next => self.host_send(ClientMessage::HostNext {}),
            Op::End => self.host_send(ClientMessage::HostEnd {}),
            Op::Lock(true) => self.host_send(ClientMessage::HostLock {}),
            Op::Lock(false) => self.host_send(ClientMessage::HostUnlock {}),
            Op::Kick(p) => {
                let name = self
                    .names
                    .get(p % self.names.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                self.host_send(ClientMessage::HostKick { pseudonym: name })
            }
            Op::Update(w) => {
                let mut t = world_input(self.now, w + 1);
                if w == 2 {
                    t.wines[0].questions[0].distractors[0] = "red".into();
                }
                self.host_send(ClientMessage::UpdateSession { tasting: t })
            }
            Op::Submit(i, q, o) => {
                let (question_id, options) = self.question(q);
                let option_id = options
                    .get(usize::from(o))
                    .cloned()
                    .unwrap_or_else(|| "o-unknown".into());
                self.send(
                    i,
                    ClientMessage::SubmitAnswer {
                        question_id,
                        option_id,
                    },
                )
            }
            Op::Leave(i) => self.send(i, ClientMessage::Leave {}),
            Op::Ping(i) => self.send(i, ClientMessage::Ping { t: 3.0 }),
            Op::Alarm => self.e.alarm(self.now),
            Op::Restore => {
                if let Some(r) = self.store.records() {
                    let live: Vec<_> = self.live.iter().map(|(c, i)| (*c, i.clone())).collect();
                    self.e = Engine::restore(r, &live).expect("restore");
                }
                Vec::new()
            }
            Op::Delete => self.e.delete(self.now),
            Op::Drive => match self.e.phase() {
                Phase::QuestionOpen | Phase::QuestionPaused => {
                    self.host_send(ClientMessage::HostReveal {})
                }
                _ => self.host_send(ClientMessage::HostNext {}),
            },
            Op::NewHost => {
                self.next_conn += 1;
                let c = self.next_conn;
                self.live.insert(c, Identity::Unidentified);
                // No `connection_opened` first: the engine must cope with sockets it never saw.
                self.e.handle(
                    c,
                    &Identity::Unidentified,
                    ClientMessage::RejoinHost {
                        host_key: KEY.into(),
                    },
                    self.now,
                    &mut self.rng,
                )
            }
            Op::Stray(i, k) => {
                let msg = match k {
                    0 => ClientMessage::HostStart {},
                    1 => ClientMessage::HostReveal {},
                    2 => ClientMessage::HostNext {},
                    3 => ClientMessage::HostEnd {},
                    4 => ClientMessage::HostPause {},
                    5 => ClientMessage::HostResume {},
                    _ => ClientMessage::HostKick {
                        pseudonym: "X".into(),
                    },
                };
                self.send(i, msg)
            }
        }
    }

    /// Applies effects like the shell: storage, identities, closes (which close sockets).
    fn apply(&mut self, fx: &[Effect]) -> Vec<Effect> {
        self.store.apply_effects(fx);
        let mut follow = Vec::new();
        for f in fx {
            match f {
                Effect::SetIdentity { conn, identity } => {
                    if *identity == Identity::Host {
                        self.host_conns_seen.push(*conn);
                    }
                    self.live.insert(*conn, identity.clone());
                }
                Effect::Send {
                    msg: S::ParticipantJoined { pseudonym, token },
                    ..
                } => {
                    self.tokens.insert(pseudonym.clone(), token.clone());
                    self.names.push(pseudonym.clone());
                }
                Effect::Close { to, .. } => {
                    let victims: Vec<ConnId> = self
                        .live
                        .iter()
                        .filter(|(c, id)| match to {
                            Recipient::Participant(p) => {
                                matches!(id, Identity::Participant { pseudonym } if pseudonym == p)
                            }
                            Recipient::AllSockets => true,
                            Recipient::Conn(x) => *c == x,
                            _ => false,
                        })
                        .map(|(c, _)| *c)
                        .collect();
                    for c in victims {
                        let id = self.live.remove(&c).unwrap_or_default();
                        follow.extend(self.e.connection_closed(c, &id, self.now));
                    }
                }
                _ => {}
            }
        }
        follow
    }
}

/// Which question ids are revealed, from the engine's own records.
fn revealed_ids(r: &Records) -> Vec<String> {
    r.tasting
        .wines
        .iter()
        .flat_map(|w| w.questions.iter())
        .take(r.state.revealed_count as usize)
        .map(|q| q.question_id.clone())
        .collect()
}

fn check_no_leak(fx: &[Effect], world: &World, revealed: &[String]) {
    let mut hosts: Vec<ConnId> = world
        .live
        .iter()
        .filter(|(_, i)| **i == Identity::Host)
        .map(|(c, _)| *c)
        .collect();
    for f in fx {
        if let Effect::SetIdentity {
            conn,
            identity: Identity::Host,
        } = f
        {
            hosts.push(*conn);
        }
        let Effect::Send { to, msg } = f else {
            continue;
        };
        let to_host = match to {
            Recipient::Hosts => true,
            Recipient::Conn(c) => hosts.contains(c),
            _ => false,
        };
        if to_host {
            continue;
        }
        match msg {
            S::HostStateSnapshot(_) | S::SessionUpdated { .. } | S::ParticipantAnswered { .. } => {
                panic!("host message to {to:?}: {msg:?}")
            }
            S::LobbyUpdated {
                participant: Some(_),
                ..
            } => panic!("roster delta to {to:?}"),
            S::AnswerRevealed(Reveal::Host(_)) => panic!("host reveal to {to:?}"),
            S::AnswerRevealed(Reveal::Participant(r)) => {
                assert!(revealed.contains(&r.question_id), "reveal before reveal")
            }
            S::ParticipantStateSnapshot(s) => {
                if let Some(r) = &s.reveal {
                    assert!(revealed.contains(&r.question_id), "snapshot reveal leaks");
                }
                if s.wine.is_some() {
                    assert_eq!(s.phase, Phase::RoundLeaderboard);
                }
            }
            _ => {}
        }
    }
}

/// Every participant's reveal carries their rank among the seated, the count ranked and the
/// gap to the place above, as the host's reveal of the same batch gives the scores.
fn check_reveal_standings(fx: &[Effect]) {
    let Some(host) = fx.iter().find_map(|f| match f {
        Effect::Send {
            msg: S::AnswerRevealed(Reveal::Host(r)),
            ..
        } => Some(r),
        _ => None,
    }) else {
        return;
    };
    let scores: Vec<u32> = host.results.iter().map(|r| r.total_score).collect();
    for f in fx {
        let Effect::Send {
            to: Recipient::Participant(name),
            msg: S::AnswerRevealed(Reveal::Participant(r)),
        } = f
        else {
            continue;
        };
        let mine = r.my_total_score;
        let better: Vec<u32> = scores.iter().copied().filter(|s| *s > mine).collect();
        assert_eq!(r.my_rank, better.len() as u32 + 1, "rank of {name}");
        assert_eq!(r.ranked_count, scores.len() as u32);
        let above = better.iter().copied().min();
        assert_eq!(r.gap_to_next, above.map(|a| a - mine));
        assert_eq!(
            r.next_rank,
            above.map(|a| scores.iter().filter(|s| **s > a).count() as u32 + 1)
        );
    }
}

fn check_state(world: &World) {
    let r = world.e.records();
    // Storage built from the writes is exactly the engine's records.
    assert_eq!(
        world.store.records().map(Records::normalized),
        Some(r.clone())
    );
    // Scores: the sum of the final answers' points to revealed questions, under the
    // tasting's rules (base from the tasting, speed from the answer's time).
    let questions: Vec<_> = r
        .tasting
        .wines
        .iter()
        .flat_map(|w| w.questions.iter())
        .take(r.state.revealed_count as usize)
        .collect();
    let duration = u64::from(r.tasting.timer_seconds) * 1000;
    let base_of = |question_id: &str, option_id: &str| -> Option<u32> {
        let q = questions.iter().find(|q| q.question_id == question_id)?;
        Some(if q.correct_option_id == option_id {
            100
        } else {
            q.partial_points
                .iter()
                .find(|p| p.option_id == option_id)
                .map_or(0, |p| p.points)
        })
    };
    // The engine's live scores (storage keeps none: restore recomputes them).
    let live = world.e.host_snapshot(world.now);
    for p in &r.participants {
        let Some(score) = live
            .participants
            .iter()
            .find(|x| x.pseudonym == p.pseudonym)
            .map(|x| x.score)
        else {
            continue;
        };
        let expected: u32 = r
            .answers
            .iter()
            .filter(|a| a.pseudonym == p.pseudonym)
            .filter_map(|a| {
                let base = base_of(&a.question_id, &a.option_id)?;
                Some(if r.tasting.options.speed_bonus {
                    speed(base, a.elapsed_ms, duration)
                } else {
                    base
                })
            })
            .sum();
        assert_eq!(score, expected, "score of {}", p.pseudonym);
    }
    // Each scored answer: points between half and all of its base (all of it without the
    // speed bonus), a base only the tasting gives, and the outcome that goes with it.
    for a in &world.e.results().answers {
        let base = base_of(&a.question_id, &a.option_id).expect("revealed question");
        assert!(
            a.points <= base && 2 * a.points >= base,
            "{a:?} base {base}"
        );
        if !r.tasting.options.speed_bonus {
            assert_eq!(a.points, base);
        }
        let want = match base {
            100 if a.correct => AnswerOutcome::Correct,
            0 => AnswerOutcome::Wrong,
            _ => AnswerOutcome::NearMiss,
        };
        assert_eq!(a.outcome, want, "{a:?}");
    }
    // Ranks follow scores (competition ranking, ties by pseudonym).
    let snap = world.e.host_snapshot(world.now);
    if let Some(rankings) = &snap.rankings {
        let seated = r
            .participants
            .iter()
            .filter(|p| p.status == SeatStatus::Active)
            .count();
        assert_eq!(rankings.len(), seated);
        for (i, line) in rankings.iter().enumerate() {
            let better = rankings.iter().filter(|o| o.score > line.score).count() as u32;
            assert_eq!(line.rank, better + 1);
            if i > 0 {
                let prev = &rankings[i - 1];
                assert!(
                    prev.score > line.score
                        || (prev.score == line.score && prev.pseudonym < line.pseudonym)
                );
            }
        }
    }
    // A restore from storage plus the live sockets gives the same state and snapshots.
    let live: Vec<_> = world.live.iter().map(|(c, i)| (*c, i.clone())).collect();
    let back = Engine::restore(world.store.records().unwrap(), &live).expect("restore");
    assert_eq!(back.records(), r);
    // The same next wake-up (the coalesced lobby push is the only in-memory one, and it is
    // never later than the durable queue's).
    assert_eq!(back.wakeups(), world.e.wakeups());
    let durable = world.e.wakeups().iter().map(|w| w.at_ms).min();
    assert_eq!(back.next_wakeup(), durable);
    if let (Some(mine), Some(d)) = (world.e.next_wakeup(), durable) {
        assert!(mine <= d);
    } else {
        assert!(durable.is_none() || world.e.next_wakeup().is_some());
    }
    assert_eq!(back.host_snapshot(world.now), snap);
    for p in &r.participants {
        assert_eq!(
            back.participant_snapshot(&p.pseudonym, world.now),
            world.e.participant_snapshot(&p.pseudonym, world.now)
        );
    }
    assert_eq!(back.public_info(), world.e.public_info());
    // Public info's `joinable` tells the truth: a join tried on a copy succeeds exactly
    // when it says so (once due deadlines are handled, as the shell does on every load and
    // alarm).
    let mut probe = world.e.clone();
    probe.alarm(world.now);
    let joinable = probe.public_info().joinable;
    let conn = world.live.keys().max().copied().unwrap_or(0) + 1_000;
    probe.connection_opened(conn, world.now);
    let fx = probe.handle(
        conn,
        &Identity::Unidentified,
        ClientMessage::JoinSession {},
        world.now,
        &mut ChaCha8Rng::seed_from_u64(9),
    );
    let joined = fx.iter().any(|f| {
        matches!(
            f,
            Effect::Send {
                msg: S::ParticipantJoined { .. },
                ..
            }
        )
    });
    assert_eq!(joinable, joined, "joinable vs a real join");
}

/// The generator is only useful if random walks reach every phase; check it does.
#[test]
fn random_walks_reach_every_phase() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    // Long enough walks to pass five questions and reach a round leaderboard.
    let strategy = proptest::collection::vec((op(), dt()), 160);
    let mut seen = std::collections::HashSet::new();
    for seed in 0..200 {
        let ops = strategy.new_tree(&mut runner).unwrap().current();
        let mut world = World::new(seed);
        for (op, dt) in &ops {
            if world.e.is_deleted() {
                break;
            }
            world.now += dt;
            let fx = world.step(op);
            let follow = world.apply(&fx);
            world.apply(&follow);
            seen.insert(world.e.phase());
        }
    }
    assert_eq!(seen.len(), 7, "phases reached: {seen:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_every_invariant(seed in any::<u64>(), ops in proptest::collection::vec((op(), dt()), 1..120)) {
        let mut world = World::new(seed);
        let mut phase = world.e.phase();
        for (op, dt) in &ops {
            if world.e.is_deleted() {
                break;
            }
            world.now += dt;
            let fx = world.step(op);
            // Persist effects come first.
            if let Some(first_other) = fx.iter().position(|f| !matches!(f, Effect::Persist(_))) {
                prop_assert!(fx[first_other..].iter().all(|f| !matches!(f, Effect::Persist(_))));
            }
            // Phases move only along legal edges, one persisted state at a time.
            for f in &fx {
                if let Effect::Persist(Write::State(s)) = f {
                    prop_assert!(s.phase == phase || phase.can_move_to(s.phase), "{} -> {}", phase, s.phase);
                    phase = s.phase;
                }
            }
            let revealed = revealed_ids(&world.e.records());
            check_no_leak(&fx, &world, &revealed);
            check_reveal_standings(&fx);
            let follow = world.apply(&fx);
            let more = world.apply(&follow);
            prop_assert!(more.is_empty() || world.e.is_deleted());
            prop_assert_eq!(phase, world.e.phase());
            if world.e.is_deleted() {
                prop_assert!(world.store.records().is_none());
                break;
            }
            check_state(&world);
            // Nothing due is left pending after a call (an empty result may mean no call).
            if let Some(at) = world.e.next_wakeup().filter(|_| !fx.is_empty()) {
                prop_assert!(at > world.now, "wake-up {} not after now {}", at, world.now);
            }
        }
    }
}

/// A session with `players` seated participants (no host socket left unless `keep_host`),
/// started; returns the engine, storage, participant connections and the time.
fn started(
    options: GameOptions,
    players: usize,
    keep_host: bool,
    seed: u64,
) -> (
    Engine,
    MemoryStore,
    Vec<(ConnId, Identity)>,
    u64,
    ChaCha8Rng,
) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut input = sommelier_core::tasting::example_input(2);
    input.options = Some(options);
    let mut now = 1_000;
    let (mut e, fx) = Engine::create(
        "4321",
        KEY,
        None,
        &input,
        EngineConfig::default(),
        now,
        &mut rng,
    )
    .unwrap();
    let mut store = MemoryStore::default();
    store.apply_effects(&fx);
    let host_msg = ClientMessage::RejoinHost {
        host_key: KEY.into(),
    };
    store.apply_effects(&e.handle(1, &Identity::Unidentified, host_msg, now, &mut rng));
    let mut seats = Vec::new();
    for c in 0..players as ConnId {
        let fx = e.handle(
            10 + c,
            &Identity::Unidentified,
            ClientMessage::JoinSession {},
            now,
            &mut rng,
        );
        store.apply_effects(&fx);
        let name = fx
            .iter()
            .find_map(|f| match f {
                Effect::Send {
                    msg: S::ParticipantJoined { pseudonym, .. },
                    ..
                } => Some(pseudonym.clone()),
                _ => None,
            })
            .unwrap();
        seats.push((10 + c, Identity::Participant { pseudonym: name }));
    }
    now += 10;
    store.apply_effects(&e.handle(
        1,
        &Identity::Host,
        ClientMessage::HostStart {},
        now,
        &mut rng,
    ));
    if !keep_host {
        store.apply_effects(&e.connection_closed(1, &Identity::Host, now));
    }
    (e, store, seats, now, rng)
}

fn current_ids(e: &Engine, now: u64) -> Option<(String, Vec<String>)> {
    let snap = e.host_snapshot(now);
    let q = snap.current_question?;
    Some((q.question_id, q.options.into_iter().map(|o| o.id).collect()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The same answer at the same active time scores the same, however long and however
    /// many the pauses before it.
    #[test]
    fn pauses_never_change_a_speed_score(
        active in proptest::collection::vec(0u64..20_000, 1..4),
        pauses in proptest::collection::vec(0u64..3_000_000, 1..4),
        option in 0usize..4,
    ) {
        let options = GameOptions { speed_bonus: true, ..GameOptions::default() };
        let mut scores = Vec::new();
        for paused in [false, true] {
            let (mut e, _, seats, mut now, mut rng) = started(options, 1, true, 7);
            for (i, step) in active.iter().enumerate() {
                now += step;
                if paused {
                    e.handle(1, &Identity::Host, ClientMessage::HostPause {}, now, &mut rng);
                    now += pauses[i % pauses.len()];
                    e.handle(1, &Identity::Host, ClientMessage::HostResume {}, now, &mut rng);
                }
            }
            let (question_id, ids) = current_ids(&e, now).unwrap();
            let (conn, id) = &seats[0];
            let msg = ClientMessage::SubmitAnswer { question_id, option_id: ids[option].clone() };
            e.handle(*conn, id, msg, now, &mut rng);
            e.handle(1, &Identity::Host, ClientMessage::HostReveal {}, now, &mut rng);
            scores.push(e.results().rankings[0].score);
        }
        prop_assert_eq!(scores[0], scores[1]);
        let elapsed: u64 = active.iter().sum();
        prop_assert!(scores[0] == 0 || scores[0] == speed(100, elapsed, 60_000));
    }

    /// With no host connected, an auto-advancing game opens every question exactly once, in
    /// order, and reaches `completed`, whatever participants do (answer, drop, come back),
    /// however late the alarms fire; a restore at any point keeps state and next wake-up.
    #[test]
    fn auto_advance_needs_no_host_and_never_skips_or_repeats(
        seed in any::<u64>(),
        per_wine in any::<bool>(),
        steps in proptest::collection::vec((0usize..3, 0u8..6, 0u64..20_000), 1..80),
    ) {
        let options = GameOptions {
            auto_advance: true,
            speed_bonus: seed & 1 != 0,
            pacing: if per_wine { Pacing::PerWine } else { Pacing::EveryQuestion },
        };
        let (mut e, mut store, seats, mut now, mut rng) = started(options, 3, false, seed);
        let mut online: Vec<bool> = vec![true; seats.len()];
        let mut opened = vec![current_ids(&e, now).unwrap().0];
        let record = |fx: &[Effect], opened: &mut Vec<String>| {
            for f in fx {
                if let Effect::Send { msg: S::Question(q), .. } = f {
                    opened.push(q.question_id.clone());
                }
            }
        };
        let mut guard = 0;
        // The steps, then the alarm at its wake-up (so time always moves on), over and over.
        let alarm = (0, 5, 0);
        let mut step = steps.iter().chain(std::iter::once(&alarm)).cycle();
        while e.phase() != Phase::Ended {
            let (who, what, late) = *step.next().unwrap();
            let (conn, id) = &seats[who];
            let fx = match what {
                0..=2 => match current_ids(&e, now) {
                    Some((question_id, ids)) if online[who] => {
                        let msg = ClientMessage::SubmitAnswer { question_id, option_id: ids[usize::from(what)].clone() };
                        e.handle(*conn, id, msg, now, &mut rng)
                    }
                    _ => Vec::new(),
                },
                3 if online[who] => {
                    online[who] = false;
                    e.connection_closed(*conn, id, now)
                }
                3 => {
                    // Back on the same socket identity (presence comes from the attachment).
                    online[who] = true;
                    e.handle(*conn, id, ClientMessage::Ping { t: 1.0 }, now, &mut rng)
                }
                4 => {
                    let live: Vec<_> = seats.iter().zip(&online).filter(|(_, o)| **o).map(|(s, _)| s.clone()).collect();
                    let back = Engine::restore(store.records().unwrap(), &live).unwrap();
                    prop_assert_eq!(back.records(), e.records());
                    prop_assert_eq!(back.wakeups(), e.wakeups());
                    prop_assert_eq!(back.next_wakeup(), e.next_wakeup());
                    e = back;
                    Vec::new()
                }
                _ => {
                    // The alarm fires, possibly late.
                    let at = e.next_wakeup().expect("an auto-advancing game always has a wake-up");
                    now = now.max(at) + late;
                    e.alarm(now)
                }
            };
            store.apply_effects(&fx);
            record(&fx, &mut opened);
            guard += 1;
            prop_assert!(guard < 5_000, "stuck in {}", e.phase());
        }
        prop_assert_eq!(e.records().state.end_reason, Some(sommelier_core::protocol::EndReason::Completed));
        let order: Vec<String> = e
            .tasting()
            .wines
            .iter()
            .flat_map(|w| w.questions.iter().map(|q| q.question_id.clone()))
            .collect();
        prop_assert_eq!(opened, order);
    }
}
