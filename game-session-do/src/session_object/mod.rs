//! The `GameSession` Durable Object, one per session code: a thin shell around the core
//! engine. Every event (HTTP request, WebSocket frame, close, alarm) loads the engine from
//! SQLite if needed, hands the input to the engine, applies the returned effects in order
//! (storage writes first, then identities, sends and closes) and re-arms the single alarm
//! from the engine's wake-up queue. No timers live in memory; sockets hibernate.

mod frame_io;
mod http;
mod limits;
mod sockets;
mod sql_io;
mod stats;
mod storage;
mod transaction;

use std::cell::RefCell;

use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;
use sommelier_core::api::{CloseCode, SessionStats};
use sommelier_core::engine::{
    decode_frame, Effect, Engine, EngineConfig, FrameEncoder, Recipient, Write,
};
use sommelier_core::protocol::{ClientMessage, ErrorCode, ServerMessage};
use sommelier_core::Phase;
use worker::{
    durable_object, js_sys, DurableObject, Env, Request, Response, Result, ScheduledTime, State,
    WebSocket, WebSocketIncomingMessage,
};

use limits::{BucketKey, RateLimits, Verdict, IDENTIFY_TIMEOUT_MS};
use sockets::{Attachment, Sockets};
use stats::Stats;
use storage::Repo;

#[durable_object]
pub struct GameSession {
    state: State,
    env: Env,
    inner: RefCell<Inner>,
}

/// What the object keeps between events while it stays in memory; all of it can be rebuilt
/// from storage and socket attachments.
struct Inner {
    loaded: bool,
    engine: Option<Engine>,
    sockets: Sockets,
    limits: RateLimits,
    /// Seeded from the runtime's CSPRNG on first use; never from anything weaker.
    rng: Option<ChaCha20Rng>,
    /// The alarm last set (`Some(None)` = none set); `None` when unknown.
    alarm_at: Option<Option<u64>>,
    stats: Stats,
    /// Client addresses whose lookup of this code was already counted (see `admit_lookup`).
    admitted: std::collections::HashSet<String>,
    /// Effects of answers and joins not applied yet (group commit, see `BATCH_MS`): their
    /// writes and sends go out with the next flush, before any later event's effects.
    pending: Vec<Effect>,
    /// When the last answer or join arrived (see `QUIET_MS`).
    last_batched_ms: u64,
}

/// How long the effects of an answer or a join wait for more of them before they are
/// written in one transaction and sent (group commit). Every event's writes are a storage
/// commit, and its sends wait for that commit (the output gate): 1,000 players answering at
/// once made 1,000 commits in a row. Batched, a burst costs a few commits. Only a burst
/// waits: see `QUIET_MS` and `Engine::awaits_answers`.
const BATCH_MS: u64 = 2;

/// An answer or join that comes at least this long after the previous one is applied at
/// once instead of opening a batch: after such a gap a window of `BATCH_MS` would most
/// likely stay alone, and its wait would buy nothing (a real room's answers, seconds
/// apart). Inside a burst the gaps are far shorter. Not `BATCH_MS` itself: at 1,000
/// players the gaps inside a burst often reach 2–3 ms when the machine is busy, and each
/// answer then committed alone, slower than waiting (docs/benchmarks.md, fourth pass).
const QUIET_MS: u64 = 50;

/// What `on_batched` did with an event's effects.
#[derive(Debug, PartialEq, Eq)]
enum Batched {
    /// Nothing left pending by this event (applied at once, or nothing to apply).
    Done,
    /// Added to the batch another event opened; that event flushes it.
    Joined,
    /// Opened a batch: wait `BATCH_MS`, then flush.
    Opened,
}

pub(crate) fn now_ms() -> u64 {
    // `Date.now()`: one call, where `worker::Date::now()` makes a `Date` object and reads it.
    js_sys::Date::now() as u64
}

/// A generator seeded by `fill` (the runtime's `crypto.getRandomValues`), or `None` when the
/// random source fails: tokens and shuffles must never come from a predictable seed.
fn seeded_rng(fill: impl FnOnce(&mut [u8]) -> bool) -> Option<ChaCha20Rng> {
    let mut seed = [0u8; 32];
    fill(&mut seed).then(|| ChaCha20Rng::from_seed(seed))
}

/// The object's generator, seeded on first use; `None` (logged) when no randomness is
/// available, and the caller refuses what needed it.
fn rng_of(slot: &mut Option<ChaCha20Rng>) -> Option<&mut ChaCha20Rng> {
    if slot.is_none() {
        *slot = seeded_rng(|seed| getrandom::fill(seed).is_ok());
        if slot.is_none() {
            worker::console_error!("the random source failed");
        }
    }
    slot.as_mut()
}

fn send_frame(ws: &WebSocket, msg: &ServerMessage) {
    let _ = ws.send_with_str(msg.encode());
}

impl DurableObject for GameSession {
    fn new(state: State, env: Env) -> Self {
        // A panic would otherwise surface only as an opaque "unreachable" trap.
        std::panic::set_hook(Box::new(|info| worker::console_error!("panic: {info}")));
        GameSession {
            state,
            env,
            inner: RefCell::new(Inner {
                loaded: false,
                engine: None,
                sockets: Sockets::default(),
                limits: RateLimits::default(),
                rng: None,
                alarm_at: None,
                stats: Stats {
                    counters: SessionStats {
                        since_ms: now_ms(),
                        ..SessionStats::default()
                    },
                    ..Stats::default()
                },
                admitted: Default::default(),
                pending: Vec::new(),
                last_batched_ms: 0,
            }),
        }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        let response = match self.route(req).await {
            Ok(r) => r,
            Err(e) => e.into_response(),
        };
        self.sync_alarm_logged().await;
        Ok(response)
    }

    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        if let Some((att, msg)) = self.accept_frame(&ws, message) {
            let limited = if matches!(msg, ClientMessage::JoinSession {}) {
                self.join_refusal(&att).await
            } else {
                None
            };
            let batched = matches!(
                msg,
                ClientMessage::SubmitAnswer { .. } | ClientMessage::JoinSession {}
            );
            match limited {
                Some(refusal) => send_frame(&ws, &refusal),
                None if batched => {
                    // Group commit: the answers and joins that arrive meanwhile join this
                    // transaction; whichever event comes first applies them all, in order.
                    // Only the event that opens a batch waits (one timer per batch); it
                    // stays open meanwhile, so the object cannot hibernate with effects
                    // pending.
                    if self.on_batched(&ws, att, msg) == Batched::Opened {
                        worker::Delay::from(std::time::Duration::from_millis(BATCH_MS)).await;
                        self.flush_pending();
                    }
                }
                None => self.on_message(&ws, att, msg),
            }
        }
        self.sync_alarm_logged().await;
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        _code: usize,
        _reason: String,
        _was_clean: bool,
    ) -> Result<()> {
        self.on_socket_gone(&ws);
        // Complete the closing handshake; never echo the reserved 1005/1006.
        let _ = ws.close(Some(1000), Some("closed"));
        self.sync_alarm_logged().await;
        Ok(())
    }

    async fn websocket_error(&self, ws: WebSocket, _error: worker::Error) -> Result<()> {
        self.on_socket_gone(&ws);
        self.sync_alarm_logged().await;
        Ok(())
    }

    /// An error makes the runtime retry the alarm (with backoff): a session that could not
    /// load or save keeps its deadlines instead of silently dropping them.
    async fn alarm(&self) -> Result<Response> {
        let handled = self.on_alarm();
        let armed = self.sync_alarm().await;
        handled?;
        armed?;
        Response::empty()
    }
}

impl GameSession {
    /// Durations for new sessions; tests shorten them through worker variables.
    fn config(&self) -> EngineConfig {
        let var = |name: &str, default: u64| {
            self.env
                .var(name)
                .ok()
                .and_then(|v| v.to_string().parse::<u64>().ok())
                .unwrap_or(default)
        };
        let d = EngineConfig::default();
        EngineConfig {
            host_grace_ms: var("HOST_GRACE_MS", d.host_grace_ms),
            lobby_expiry_ms: var("LOBBY_EXPIRY_MS", d.lobby_expiry_ms),
            retention_ms: var("RETENTION_MS", d.retention_ms),
            reveal_delay_ms: var("REVEAL_DELAY_MS", d.reveal_delay_ms),
            leaderboard_delay_ms: var("LEADERBOARD_DELAY_MS", d.leaderboard_delay_ms),
        }
    }

    /// Loads the engine from storage and the socket index from attachments, once per
    /// in-memory lifetime of the object (after construction, eviction or a storage error).
    fn ensure_loaded(&self, inner: &mut Inner) -> Result<()> {
        if inner.loaded {
            return Ok(());
        }
        let mut repo = Repo::new(self.state.storage().sql(), &mut inner.stats);
        // An object that never stored a session has no tables: a GET or an upgrade to an
        // unused code reads that and writes nothing (only `create` makes the schema).
        let (records, saved) = if repo.has_schema()? {
            repo.migrate()?;
            (repo.load()?, repo.load_stats()?)
        } else {
            (None, None)
        };
        if let Some(saved) = saved {
            let fresh = std::mem::take(&mut inner.stats.counters);
            inner.stats = Stats {
                counters: SessionStats {
                    sql_rows_read: saved.sql_rows_read + fresh.sql_rows_read,
                    sql_rows_written: saved.sql_rows_written + fresh.sql_rows_written,
                    ..saved
                },
                saved_ms: now_ms(),
                saved_at_end: false,
            };
        }
        inner.sockets = Sockets::rebuild(&self.state);
        inner.engine = match records {
            Some(records) => {
                let live = inner.sockets.live();
                let engine = Engine::restore(records, &live)
                    .map_err(|e| worker::Error::RustError(e.to_string()))?;
                Some(engine)
            }
            None => None,
        };
        inner.loaded = true;
        // Deadlines that passed while nobody was here, and presence changes since.
        let now = now_ms();
        if let Some(engine) = inner.engine.as_mut() {
            let effects = engine.alarm(now);
            self.apply(inner, effects)?;
        }
        Ok(())
    }

    /// Applies the engine's effects in order. A failed storage write drops the in-memory
    /// engine (it is ahead of storage) so the next event reloads the truth; nothing of that
    /// call is sent.
    fn apply(&self, inner: &mut Inner, effects: Vec<Effect>) -> Result<()> {
        self.apply_writes_then(inner, effects, false)
    }

    /// `apply` for a new session: the same transaction first readies the tables
    /// (`Repo::prepare_for_create`).
    fn apply_created(&self, inner: &mut Inner, effects: Vec<Effect>) -> Result<()> {
        self.apply_writes_then(inner, effects, true)
    }

    /// Stores every `Persist` of the pending answers' effects and of `effects` in one
    /// transaction, then applies the rest in order (the pending ones first).
    fn apply_writes_then(
        &self,
        inner: &mut Inner,
        effects: Vec<Effect>,
        fresh: bool,
    ) -> Result<()> {
        let mut all = std::mem::take(&mut inner.pending);
        all.extend(effects);
        // One pass: the writes out, the rest in order (a batch of answers is a write and two
        // sends each).
        let mut writes: Vec<Write> = Vec::with_capacity(all.len() / 2);
        let mut rest: Vec<Effect> = Vec::with_capacity(all.len());
        for effect in all {
            match effect {
                Effect::Persist(w) => writes.push(w),
                other => rest.push(other),
            }
        }
        if fresh || !writes.is_empty() {
            let stored = if !fresh && storage::is_one_statement(&writes) {
                // One statement is atomic by itself: most events (a host command, a batch of
                // answers) skip the transaction's savepoint and its JS glue.
                Repo::new(self.state.storage().sql(), &mut inner.stats).apply_all(&writes)
            } else {
                transaction::in_transaction(&self.state, &mut inner.stats, move |repo| {
                    if fresh {
                        repo.prepare_for_create()?;
                    }
                    repo.apply_all(&writes)
                })
            };
            if let Err(e) = stored {
                worker::console_error!("storage write failed: {e}");
                inner.engine = None;
                inner.loaded = false;
                return Err(e);
            }
        }
        let mut encoder = FrameEncoder::new();
        for effect in rest {
            match effect {
                Effect::Persist(_) => {}
                Effect::SetIdentity { conn, identity } => {
                    inner.sockets.set_identity(conn, identity)?;
                }
                Effect::Send { to, msg } => {
                    if let ServerMessage::Error { code, .. } = &msg {
                        // Operators see which session refused what; never who (no key, no token).
                        let session = inner.engine.as_ref().map_or("-", |e| e.code());
                        worker::console_log!("session {session}: refused {}", code.as_str());
                    }
                    let frame = frame_io::SharedFrame::new(&encoder.encode(&msg));
                    let mut send = |ws: &WebSocket| {
                        if frame.send(ws) {
                            inner.stats.ws_messages_sent += 1;
                            inner.stats.ws_bytes_sent += frame.bytes as u64;
                        }
                    };
                    match &to {
                        // A reply (every answer's acknowledgement): no list of one to build.
                        Recipient::Conn(conn) => {
                            if let Some(ws) = inner.sockets.socket(*conn) {
                                send(ws);
                            }
                        }
                        to => inner.sockets.resolve(to).into_iter().for_each(send),
                    }
                }
                Effect::Close { to, code, reason } => {
                    for ws in inner.sockets.resolve(&to) {
                        let _ = ws.close(Some(code.code()), Some(reason.as_str()));
                    }
                }
            }
        }
        if inner.engine.as_ref().is_some_and(Engine::is_deleted) {
            inner.engine = None;
        }
        Ok(())
    }

    /// The checks every frame passes before the engine sees it: the session loads, the
    /// socket is known, the seat's or connection's rate, text, decodable. `None` when the
    /// frame was refused (the reply is sent).
    fn accept_frame(
        &self,
        ws: &WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Option<(Attachment, ClientMessage)> {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if let Err(e) = self.ensure_loaded(inner) {
            worker::console_error!("cannot load session: {e}");
            send_frame(
                ws,
                &ServerMessage::error(ErrorCode::Internal, "the session is unavailable, retry"),
            );
            return None;
        }
        inner.stats.ws_messages_received += 1;
        let Some(att) = inner.sockets.attachment_of_socket(ws) else {
            let _ = ws.close(
                Some(CloseCode::LostState.code()),
                Some("lost connection state, reconnect"),
            );
            return None;
        };
        let now = now_ms();
        let is_host = att.identity == sommelier_core::engine::Identity::Host;
        match inner
            .limits
            .check(BucketKey::of(att.conn, &att.identity), is_host, now)
        {
            Verdict::Accept => {}
            Verdict::Refuse => {
                send_frame(
                    ws,
                    &ServerMessage::error(ErrorCode::RateLimited, "too many messages, slow down"),
                );
                return None;
            }
            Verdict::Close => {
                send_frame(
                    ws,
                    &ServerMessage::error(ErrorCode::RateLimited, "flooding: connection closed"),
                );
                let _ = ws.close(Some(CloseCode::Flood.code()), Some("rate limit exceeded"));
                return None;
            }
        }
        let text = match message {
            WebSocketIncomingMessage::String(s) => s,
            WebSocketIncomingMessage::Binary(_) => {
                send_frame(
                    ws,
                    &ServerMessage::error(ErrorCode::InvalidMessage, "frames must be JSON text"),
                );
                return None;
            }
        };
        match decode_frame(&text) {
            Ok(msg) => Some((att, msg)),
            Err(refusal) => {
                send_frame(ws, &refusal);
                None
            }
        }
    }

    /// Counts a `join_session` against the per-address join limit (the address the socket
    /// was opened from): the refusal to send when over it. A limiter failure refuses the
    /// join too (fails closed).
    async fn join_refusal(&self, att: &Attachment) -> Option<ServerMessage> {
        let address = att.client.as_deref().unwrap_or("unknown");
        let allowed = crate::rate_limit::allow(
            &self.env,
            crate::rate_limit::JOIN_PER_ADDRESS,
            &format!("join:{address}"),
        )
        .await;
        match allowed {
            Ok(true) => None,
            Ok(false) => Some(ServerMessage::error(
                ErrorCode::RateLimited,
                "too many joins from this address; wait a minute",
            )),
            Err(e) => Some(ServerMessage::error(e.code, e.message)),
        }
    }

    /// Hands an accepted frame to the engine and applies what it decides.
    fn on_message(&self, ws: &WebSocket, att: Attachment, msg: ClientMessage) {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        let now = now_ms();
        let Some(engine) = inner.engine.as_mut() else {
            send_frame(
                ws,
                &ServerMessage::error(ErrorCode::SessionNotFound, "no session with this code"),
            );
            let _ = ws.close(Some(CloseCode::NotFound.code()), Some("session not found"));
            return;
        };
        let Some(rng) = rng_of(&mut inner.rng) else {
            send_frame(
                ws,
                &ServerMessage::error(ErrorCode::Internal, "no randomness available, retry"),
            );
            return;
        };
        let effects = engine.handle(att.conn, &att.identity, msg, now, rng);
        if let Err(e) = self.apply(inner, effects) {
            worker::console_error!("applying effects failed: {e}");
            send_frame(
                ws,
                &ServerMessage::error(ErrorCode::Internal, "the server could not save that, retry"),
            );
        }
    }

    /// `on_message` for `submit_answer` and `join_session`: the engine decides now; a new
    /// identity is mirrored in the socket index at once (so the socket's next frame is
    /// known, as the engine knows it), the writes and sends wait in `pending` for
    /// `flush_pending` (or any earlier event's `apply`). They are applied at once instead
    /// when waiting buys nothing: the event comes after a quiet spell (`QUIET_MS`), or it
    /// is the answer that completes the question (every connected participant has now
    /// answered, so no first answer is coming; `Engine::awaits_answers`).
    fn on_batched(&self, ws: &WebSocket, att: Attachment, msg: ClientMessage) -> Batched {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        let now = now_ms();
        let Some(engine) = inner.engine.as_mut() else {
            drop(guard);
            self.on_message(ws, att, msg);
            return Batched::Done;
        };
        let Some(rng) = rng_of(&mut inner.rng) else {
            drop(guard);
            self.on_message(ws, att, msg);
            return Batched::Done;
        };
        let opens = inner.pending.is_empty();
        let quiet = now.saturating_sub(inner.last_batched_ms) >= QUIET_MS;
        inner.last_batched_ms = now;
        // Only the answer that completes the question ends the wait: a change of answer
        // after that (still possible until the reveal) batches as usual.
        let awaited = matches!(msg, ClientMessage::SubmitAnswer { .. }) && engine.awaits_answers();
        let effects = engine.handle(att.conn, &att.identity, msg, now, rng);
        let completes = awaited && !engine.awaits_answers();
        for effect in effects {
            match effect {
                Effect::SetIdentity { conn, identity } => {
                    if let Err(e) = inner.sockets.set_identity(conn, identity) {
                        worker::console_error!("storing a socket's identity failed: {e}");
                    }
                }
                other => inner.pending.push(other),
            }
        }
        if inner.pending.is_empty() {
            // An event that produced nothing to apply opens no batch.
            return Batched::Done;
        }
        if completes || (opens && quiet) {
            // The batch's opener (if any) later finds nothing pending.
            if let Err(e) = self.apply(inner, Vec::new()) {
                worker::console_error!("applying effects failed: {e}");
                send_frame(
                    ws,
                    &ServerMessage::error(
                        ErrorCode::Internal,
                        "the server could not save that, retry",
                    ),
                );
            }
            return Batched::Done;
        }
        if opens {
            Batched::Opened
        } else {
            Batched::Joined
        }
    }

    /// Applies the answers' effects still pending (one transaction, then their sends). A
    /// failed write drops the engine (see `apply`); the answers were not acknowledged, so
    /// their senders send them again.
    fn flush_pending(&self) {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if inner.pending.is_empty() {
            return;
        }
        if let Err(e) = self.apply(inner, Vec::new()) {
            worker::console_error!("applying answers failed: {e}");
        }
    }

    fn on_socket_gone(&self, ws: &WebSocket) {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if let Err(e) = self.ensure_loaded(inner) {
            worker::console_error!("cannot load session: {e}");
            return;
        }
        let Some(att) = inner.sockets.attachment_of_socket(ws) else {
            return;
        };
        inner.sockets.remove(att.conn);
        inner.limits.forget(att.conn);
        if let Some(engine) = inner.engine.as_mut() {
            let effects = engine.connection_closed(att.conn, &att.identity, now_ms());
            if let Err(e) = self.apply(inner, effects) {
                worker::console_error!("applying effects failed: {e}");
            }
        }
    }

    /// Acts on every due deadline. Fails (so the runtime retries) when the session cannot
    /// load or its writes cannot be saved.
    fn on_alarm(&self) -> Result<()> {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        // The alarm that fired is gone: whatever comes next must be set again.
        inner.alarm_at = None;
        if let Err(e) = self.ensure_loaded(inner) {
            worker::console_error!("cannot load session: {e}");
            return Err(e);
        }
        inner.stats.alarms += 1;
        let now = now_ms();
        for conn in inner.sockets.overdue(now, IDENTIFY_TIMEOUT_MS) {
            if let Some(ws) = inner.sockets.socket(conn) {
                let _ = ws.close(
                    Some(CloseCode::IdentifyTimeout.code()),
                    Some("identify within 10 seconds"),
                );
            }
            inner.sockets.remove(conn);
            inner.limits.forget(conn);
            if let Some(engine) = inner.engine.as_mut() {
                let effects = engine.connection_closed(conn, &Default::default(), now);
                self.apply(inner, effects)?;
            }
        }
        if let Some(engine) = inner.engine.as_mut() {
            let effects = engine.alarm(now);
            self.apply(inner, effects)?;
        }
        Ok(())
    }

    /// Saves the cost counters at most once a minute, and once more when the game ends
    /// (the counters then cover the whole tasting), so instrumentation stays cheap.
    fn save_stats_if_due(&self) {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        let now = now_ms();
        let Some(phase) = inner.engine.as_ref().map(Engine::phase) else {
            return;
        };
        let ended_unsaved = phase == Phase::Ended && !inner.stats.saved_at_end;
        if !ended_unsaved && now < inner.stats.saved_ms + stats::SAVE_EVERY_MS {
            return;
        }
        inner.stats.saved_ms = now;
        inner.stats.saved_at_end = phase == Phase::Ended;
        if let Err(e) = Repo::new(self.state.storage().sql(), &mut inner.stats).save_stats() {
            worker::console_error!("saving stats failed: {e}");
        }
    }

    /// `sync_alarm` for events the runtime does not retry: a failure is logged, and the
    /// alarm already set (if any) stays.
    async fn sync_alarm_logged(&self) {
        if let Err(e) = self.sync_alarm().await {
            worker::console_error!("setting the alarm failed: {e}");
        }
    }

    /// Ends every event: saves the counters when due, then sets the Durable Object's one
    /// alarm to the earliest of the engine's wake-up and the identify deadline of
    /// unidentified sockets (or clears it), when that changed. Nothing to decide while the
    /// object is not loaded (its last load or save failed): the alarm set before stays, and
    /// an alarm handler that failed is retried by the runtime.
    async fn sync_alarm(&self) -> Result<()> {
        self.save_stats_if_due();
        let want = {
            let inner = self.inner.borrow();
            if !inner.loaded {
                return Ok(());
            }
            let engine = inner.engine.as_ref().and_then(Engine::next_wakeup);
            let identify = inner.sockets.identify_deadline(IDENTIFY_TIMEOUT_MS);
            match (engine, identify) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        };
        // An alarm already set no later than needed stays: when it fires, the handler acts on
        // whatever is due and re-arms. This keeps a join storm (each socket moving the
        // identify deadline) from costing a storage write per event.
        match (self.inner.borrow().alarm_at, want) {
            (Some(current), _) if current == want => return Ok(()),
            (Some(Some(current)), Some(at)) if current <= at => return Ok(()),
            _ => {}
        }
        let storage = self.state.storage();
        let result = match want {
            Some(at) => {
                let date = js_sys::Date::new(&(at as f64).into());
                storage.set_alarm(ScheduledTime::new(date)).await
            }
            None => storage.delete_alarm().await,
        };
        result?;
        self.inner.borrow_mut().alarm_at = Some(want);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rand::RngCore;

    use super::seeded_rng;

    #[test]
    fn a_failing_random_source_gives_no_generator() {
        assert!(seeded_rng(|_| false).is_none());
        let mut a = seeded_rng(|s| {
            s.fill(7);
            true
        })
        .expect("seeded");
        let mut b = seeded_rng(|s| {
            s.fill(7);
            true
        })
        .expect("seeded");
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
