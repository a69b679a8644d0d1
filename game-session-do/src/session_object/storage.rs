//! The session's SQLite schema (versioned, with migrations) and its repository: the only code
//! that reads or writes the Durable Object's tables. `apply` mirrors the engine's
//! `MemoryStore::apply` exactly; `load` reads the rows back into `Records`.

use serde::Deserialize;
use sommelier_core::api::SessionStats;
use sommelier_core::engine::{
    AnswerRecord, ParticipantRecord, Records, SeatStatus, SessionRecord, StateRecord, Write,
};
use sommelier_core::protocol::{
    EndReason, GameOptions, HostQuestion, HostTasting, HostWine, OptionPoints, OptionView, Pacing,
};
use sommelier_core::{Category, Phase};
use worker::{SqlStorage, SqlStorageValue};

use super::stats::Stats;

/// The schema's migrations: entry `i` moves a database from version `i` to `i + 1`, so the
/// current version is `MIGRATIONS.len()` (recorded in `schema_meta`). Each is a list of
/// single statements, run one by one (never SQL split on `;`). Append, never edit.
const MIGRATIONS: &[&[&str]] = &[
    // v0 → v1: the first schema.
    &[
        "CREATE TABLE session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            code TEXT NOT NULL,
            host_key_hash TEXT NOT NULL,
            host_handle TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            host_grace_ms INTEGER NOT NULL,
            lobby_expiry_ms INTEGER NOT NULL,
            retention_ms INTEGER NOT NULL
        )",
        "CREATE TABLE tasting (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL,
            timer_seconds INTEGER NOT NULL,
            max_participants INTEGER NOT NULL
        )",
        "CREATE TABLE wines (
            round_index INTEGER PRIMARY KEY,
            name TEXT NOT NULL
        )",
        "CREATE TABLE questions (
            question_id TEXT PRIMARY KEY,
            round_index INTEGER NOT NULL,
            question_index INTEGER NOT NULL,
            category TEXT NOT NULL,
            prompt TEXT NOT NULL,
            options TEXT NOT NULL,
            correct_option_id TEXT NOT NULL,
            UNIQUE (round_index, question_index)
        )",
        "CREATE TABLE state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            phase TEXT NOT NULL,
            round_index INTEGER NOT NULL,
            question_index INTEGER NOT NULL,
            revealed_count INTEGER NOT NULL,
            deadline_ms INTEGER,
            remaining_ms INTEGER,
            host_grace_deadline_ms INTEGER,
            ended_ms INTEGER,
            end_reason TEXT
        )",
        "CREATE TABLE participants (
            pseudonym TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL,
            seq INTEGER NOT NULL,
            joined_ms INTEGER NOT NULL,
            status TEXT NOT NULL,
            score INTEGER NOT NULL,
            online INTEGER NOT NULL
        )",
        "CREATE TABLE answers (
            pseudonym TEXT NOT NULL,
            question_id TEXT NOT NULL,
            option_id TEXT NOT NULL,
            PRIMARY KEY (pseudonym, question_id)
        )",
        "CREATE TABLE wakeups (
            kind TEXT PRIMARY KEY,
            at_ms INTEGER NOT NULL
        )",
    ],
    // v1 → v2: the object's cost counters (instrumentation, not session data).
    &[
        "CREATE TABLE stats (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            counters TEXT NOT NULL
        )",
    ],
    // v2 → v3: the hot tables keyed by text become WITHOUT ROWID (one b-tree instead of a
    // table plus its key index), which halves the rows written per answer and per join.
    &[
        "CREATE TABLE participants_v3 (
            pseudonym TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL,
            seq INTEGER NOT NULL,
            joined_ms INTEGER NOT NULL,
            status TEXT NOT NULL,
            score INTEGER NOT NULL,
            online INTEGER NOT NULL
        ) WITHOUT ROWID",
        "INSERT INTO participants_v3 SELECT pseudonym, token_hash, seq, joined_ms, status, score, online FROM participants",
        "DROP TABLE participants",
        "ALTER TABLE participants_v3 RENAME TO participants",
        "CREATE TABLE answers_v3 (
            pseudonym TEXT NOT NULL,
            question_id TEXT NOT NULL,
            option_id TEXT NOT NULL,
            PRIMARY KEY (pseudonym, question_id)
        ) WITHOUT ROWID",
        "INSERT INTO answers_v3 SELECT pseudonym, question_id, option_id FROM answers",
        "DROP TABLE answers",
        "ALTER TABLE answers_v3 RENAME TO answers",
    ],
    // v3 → v4: write only what restore reads. The wake-up queue is derived from the state
    // row, scores from the answers, presence from the live sockets: their table and columns
    // go, and with them a row write per state change, per correct answer and per reconnect.
    &[
        "DROP TABLE wakeups",
        "CREATE TABLE participants_v4 (
            pseudonym TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL,
            seq INTEGER NOT NULL,
            joined_ms INTEGER NOT NULL,
            status TEXT NOT NULL
        ) WITHOUT ROWID",
        "INSERT INTO participants_v4 SELECT pseudonym, token_hash, seq, joined_ms, status FROM participants",
        "DROP TABLE participants",
        "ALTER TABLE participants_v4 RENAME TO participants",
    ],
    // v4 → v5: the host can lock the lobby (no more joins).
    &["ALTER TABLE state ADD COLUMN locked INTEGER NOT NULL DEFAULT 0"],
    // v5 → v6: the game options (speed bonus, pacing, auto-advance with its delays), each
    // distractor's partial points, the pending auto-advance and each answer's time.
    &[
        "ALTER TABLE session ADD COLUMN reveal_delay_ms INTEGER NOT NULL DEFAULT 6000",
        "ALTER TABLE session ADD COLUMN leaderboard_delay_ms INTEGER NOT NULL DEFAULT 8000",
        "ALTER TABLE tasting ADD COLUMN speed_bonus INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE tasting ADD COLUMN pacing TEXT NOT NULL DEFAULT 'every_question'",
        "ALTER TABLE tasting ADD COLUMN auto_advance INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE questions ADD COLUMN partial_points TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE state ADD COLUMN advance_at_ms INTEGER",
        "ALTER TABLE answers ADD COLUMN elapsed_ms INTEGER NOT NULL DEFAULT 0",
    ],
];

/// The current schema (version `MIGRATIONS.len()`) for a database that has none, made in one
/// step: what the migrations above lead to, without their intermediate tables, copies and
/// `ALTER`s. Every new session's object used to run all of them in its first transaction
/// (~40 statements, most of them schema changes): 8 % of the game isolate's CPU in a short
/// game (docs/benchmarks.md, third pass). Edit together with `MIGRATIONS`.
const CURRENT_SCHEMA: &[&str] = &[
    "CREATE TABLE session (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        host_key_hash TEXT NOT NULL,
        host_handle TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        host_grace_ms INTEGER NOT NULL,
        lobby_expiry_ms INTEGER NOT NULL,
        retention_ms INTEGER NOT NULL,
        reveal_delay_ms INTEGER NOT NULL DEFAULT 6000,
        leaderboard_delay_ms INTEGER NOT NULL DEFAULT 8000
    )",
    "CREATE TABLE tasting (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL,
        timer_seconds INTEGER NOT NULL,
        max_participants INTEGER NOT NULL,
        speed_bonus INTEGER NOT NULL DEFAULT 0,
        pacing TEXT NOT NULL DEFAULT 'every_question',
        auto_advance INTEGER NOT NULL DEFAULT 0
    )",
    "CREATE TABLE wines (
        round_index INTEGER PRIMARY KEY,
        name TEXT NOT NULL
    )",
    "CREATE TABLE questions (
        question_id TEXT PRIMARY KEY,
        round_index INTEGER NOT NULL,
        question_index INTEGER NOT NULL,
        category TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options TEXT NOT NULL,
        correct_option_id TEXT NOT NULL,
        partial_points TEXT NOT NULL DEFAULT '[]',
        UNIQUE (round_index, question_index)
    )",
    "CREATE TABLE state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        phase TEXT NOT NULL,
        round_index INTEGER NOT NULL,
        question_index INTEGER NOT NULL,
        revealed_count INTEGER NOT NULL,
        deadline_ms INTEGER,
        remaining_ms INTEGER,
        host_grace_deadline_ms INTEGER,
        ended_ms INTEGER,
        end_reason TEXT,
        locked INTEGER NOT NULL DEFAULT 0,
        advance_at_ms INTEGER
    )",
    "CREATE TABLE participants (
        pseudonym TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL,
        seq INTEGER NOT NULL,
        joined_ms INTEGER NOT NULL,
        status TEXT NOT NULL
    ) WITHOUT ROWID",
    "CREATE TABLE answers (
        pseudonym TEXT NOT NULL,
        question_id TEXT NOT NULL,
        option_id TEXT NOT NULL,
        elapsed_ms INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (pseudonym, question_id)
    ) WITHOUT ROWID",
    "CREATE TABLE stats (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        counters TEXT NOT NULL
    )",
];

/// Bound values per statement at most: Durable Objects' SQLite allows 100 per query.
const MAX_BOUND_VALUES: usize = 100;

/// Tables holding session data (not `schema_meta`), cleared by `Write::DeleteAll`.
const DATA_TABLES: &[&str] = &[
    "session",
    "tasting",
    "wines",
    "questions",
    "state",
    "participants",
    "answers",
    "stats",
];

/// The repository over one Durable Object's SQL storage, counting rows for the stats.
pub struct Repo<'a> {
    sql: SqlStorage,
    stats: &'a mut Stats,
}

fn int(v: u64) -> SqlStorageValue {
    // Times and counts stay far below 2^63.
    SqlStorageValue::from(v as i64)
}

fn opt_int(v: Option<u64>) -> SqlStorageValue {
    v.map(int).unwrap_or(SqlStorageValue::Null)
}

fn text(v: &str) -> SqlStorageValue {
    SqlStorageValue::from(v)
}

impl<'a> Repo<'a> {
    pub fn new(sql: SqlStorage, stats: &'a mut Stats) -> Repo<'a> {
        Repo { sql, stats }
    }

    fn exec(&mut self, query: &str, args: Vec<SqlStorageValue>) -> worker::Result<()> {
        let (read, written) = super::sql_io::exec(&self.sql, query, args)?;
        self.stats.sql_rows_read += read;
        self.stats.sql_rows_written += written;
        Ok(())
    }

    fn query<T: for<'de> Deserialize<'de>>(
        &mut self,
        query: &str,
        args: Vec<SqlStorageValue>,
    ) -> worker::Result<Vec<T>> {
        let cursor = self.sql.exec(query, args)?;
        let rows = cursor.to_array::<T>()?;
        self.stats.sql_rows_read += cursor.rows_read() as u64;
        Ok(rows)
    }

    /// Whether this object ever created its schema (a session was stored here once). Reads
    /// SQLite's catalogue only, so asking writes nothing.
    pub fn has_schema(&mut self) -> worker::Result<bool> {
        #[derive(Deserialize)]
        struct Found {
            #[allow(dead_code)]
            name: String,
        }
        Ok(!self
            .query::<Found>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_meta'",
                vec![],
            )?
            .is_empty())
    }

    /// Creates or upgrades the schema; cheap when already current. True when it created the
    /// schema (the tables are new, hence empty).
    pub fn migrate(&mut self) -> worker::Result<bool> {
        self.exec(
            "CREATE TABLE IF NOT EXISTS schema_meta (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
            vec![],
        )?;
        #[derive(Deserialize)]
        struct Version {
            version: i64,
        }
        let current = self
            .query::<Version>("SELECT version FROM schema_meta WHERE id = 1", vec![])?
            .first()
            .map_or(0, |v| v.version);
        if current <= 0 {
            // No schema yet: the current one in one step (see `CURRENT_SCHEMA`).
            for statement in CURRENT_SCHEMA {
                self.exec(statement, vec![])?;
            }
            self.exec(
                "INSERT INTO schema_meta (id, version) VALUES (1, ?)",
                vec![SqlStorageValue::from(MIGRATIONS.len() as i64)],
            )?;
            return Ok(true);
        }
        for (from, statements) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            for statement in *statements {
                self.exec(statement, vec![])?;
            }
            self.exec(
                "INSERT INTO schema_meta (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version",
                vec![SqlStorageValue::from(from as i64 + 1)],
            )?;
        }
        Ok(false)
    }

    /// Readies an object for a new session: the current schema, and no row of any session
    /// stored here before (a reused code, or a deletion cut short).
    /// Tables made just now are empty: nothing to clear.
    pub fn prepare_for_create(&mut self) -> worker::Result<()> {
        if self.migrate()? {
            return Ok(());
        }
        self.apply(&Write::DeleteAll)
    }

    /// Applies one engine write.
    pub fn apply(&mut self, write: &Write) -> worker::Result<()> {
        match write {
            Write::Session(s) => self.exec(
                "INSERT OR REPLACE INTO session (id, code, host_key_hash, host_handle, created_ms, host_grace_ms, lobby_expiry_ms, retention_ms, reveal_delay_ms, leaderboard_delay_ms) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                vec![
                    text(&s.code),
                    text(&s.host_key_hash),
                    text(&s.host_handle),
                    int(s.created_ms),
                    int(s.host_grace_ms),
                    int(s.lobby_expiry_ms),
                    int(s.retention_ms),
                    int(s.reveal_delay_ms),
                    int(s.leaderboard_delay_ms),
                ],
            ),
            Write::Tasting(t) => self.write_tasting(t),
            Write::State(s) => self.exec(
                "INSERT OR REPLACE INTO state (id, phase, round_index, question_index, revealed_count, deadline_ms, remaining_ms, host_grace_deadline_ms, ended_ms, end_reason, locked, advance_at_ms) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                vec![
                    text(s.phase.as_str()),
                    int(s.round_index.into()),
                    int(s.question_index.into()),
                    int(s.revealed_count.into()),
                    opt_int(s.deadline_ms),
                    opt_int(s.remaining_ms),
                    opt_int(s.host_grace_deadline_ms),
                    opt_int(s.ended_ms),
                    s.end_reason
                        .map(|r| text(&enum_name(&r)))
                        .unwrap_or(SqlStorageValue::Null),
                    int(u64::from(s.locked)),
                    opt_int(s.advance_at_ms),
                ],
            ),
            // Upserts update rows in place (INSERT OR REPLACE would delete and re-insert).
            Write::Participant(p) => self.upsert_participants(std::slice::from_ref(p)),
            Write::Answer(a) => self.upsert_answers(std::slice::from_ref(a)),
            Write::DeleteAll => {
                for table in DATA_TABLES {
                    self.exec(&format!("DELETE FROM {table}"), vec![])?;
                }
                Ok(())
            }
        }
    }

    /// Applies `writes` in order; each run of answers, and each run of participants, is one
    /// multi-row upsert (a batch of answers is one statement instead of one per answer).
    pub fn apply_all(&mut self, writes: &[Write]) -> worker::Result<()> {
        let mut rest = writes;
        while let Some(first) = rest.first() {
            let run = match first {
                Write::Answer(_) => {
                    let answers: Vec<AnswerRecord> = leading(rest, |w| match w {
                        Write::Answer(a) => Some(a.clone()),
                        _ => None,
                    });
                    self.upsert_answers(&answers)?;
                    answers.len()
                }
                Write::Participant(_) => {
                    let participants: Vec<ParticipantRecord> = leading(rest, |w| match w {
                        Write::Participant(p) => Some(p.clone()),
                        _ => None,
                    });
                    self.upsert_participants(&participants)?;
                    participants.len()
                }
                other => {
                    self.apply(other)?;
                    1
                }
            };
            rest = &rest[run..];
        }
        Ok(())
    }

    // Upserts update rows in place (INSERT OR REPLACE would delete and re-insert).
    fn upsert_participants(&mut self, participants: &[ParticipantRecord]) -> worker::Result<()> {
        let rows = participants
            .iter()
            .map(|p| {
                vec![
                    text(&p.pseudonym),
                    text(&p.token_hash),
                    int(p.seq.into()),
                    int(p.joined_ms),
                    text(p.status.as_str()),
                ]
            })
            .collect();
        self.insert_rows(
            "INSERT INTO participants (pseudonym, token_hash, seq, joined_ms, status) VALUES ",
            rows,
            " ON CONFLICT (pseudonym) DO UPDATE SET token_hash = excluded.token_hash, seq = excluded.seq, joined_ms = excluded.joined_ms, status = excluded.status",
        )
    }

    fn upsert_answers(&mut self, answers: &[AnswerRecord]) -> worker::Result<()> {
        let rows = answers
            .iter()
            .map(|a| {
                vec![
                    text(&a.pseudonym),
                    text(&a.question_id),
                    text(&a.option_id),
                    int(a.elapsed_ms),
                ]
            })
            .collect();
        self.insert_rows(
            "INSERT INTO answers (pseudonym, question_id, option_id, elapsed_ms) VALUES ",
            rows,
            " ON CONFLICT (pseudonym, question_id) DO UPDATE SET option_id = excluded.option_id, elapsed_ms = excluded.elapsed_ms",
        )
    }

    fn write_tasting(&mut self, t: &HostTasting) -> worker::Result<()> {
        for table in ["tasting", "wines", "questions"] {
            self.exec(&format!("DELETE FROM {table}"), vec![])?;
        }
        self.exec(
            "INSERT INTO tasting (id, title, timer_seconds, max_participants, speed_bonus, pacing, auto_advance) VALUES (1, ?, ?, ?, ?, ?, ?)",
            vec![
                text(&t.title),
                int(t.timer_seconds.into()),
                int(t.max_participants.into()),
                int(t.options.speed_bonus.into()),
                text(&enum_name(&t.options.pacing)),
                int(t.options.auto_advance.into()),
            ],
        )?;
        // Multi-row inserts: a statement per wine and per question was most of a new
        // session's statements. Chunks keep each statement's bound values under the
        // runtime's limit per query (`MAX_BOUND_VALUES`).
        let wines: Vec<Vec<SqlStorageValue>> = t
            .wines
            .iter()
            .enumerate()
            .map(|(round, wine)| vec![int(round as u64), text(&wine.name)])
            .collect();
        self.insert_rows("INSERT INTO wines (round_index, name) VALUES ", wines, "")?;
        let mut questions = Vec::new();
        for (round, wine) in t.wines.iter().enumerate() {
            for (index, q) in wine.questions.iter().enumerate() {
                let options = serde_json::to_string(&q.options).map_err(|e| e.to_string())?;
                let partial =
                    serde_json::to_string(&q.partial_points).map_err(|e| e.to_string())?;
                questions.push(vec![
                    text(&q.question_id),
                    int(round as u64),
                    int(index as u64),
                    text(q.category.as_str()),
                    text(&q.prompt),
                    text(&options),
                    text(&q.correct_option_id),
                    text(&partial),
                ]);
            }
        }
        self.insert_rows(
            "INSERT INTO questions (question_id, round_index, question_index, category, prompt, options, correct_option_id, partial_points) VALUES ",
            questions,
            "",
        )?;
        Ok(())
    }

    /// Runs `head` (an `INSERT … VALUES ` without its tuples) and `tail` (e.g. its `ON
    /// CONFLICT` clause) for `rows`, all of the same width, in as few statements as the limit
    /// on bound values allows. Rows are applied in order, so a later row of the same key wins
    /// as it would in separate statements.
    fn insert_rows(
        &mut self,
        head: &str,
        rows: Vec<Vec<SqlStorageValue>>,
        tail: &str,
    ) -> worker::Result<()> {
        let Some(width) = rows.first().map(Vec::len) else {
            return Ok(());
        };
        let tuple = format!("({})", vec!["?"; width].join(", "));
        let per_statement = (MAX_BOUND_VALUES / width).max(1);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<Vec<SqlStorageValue>> = rows.by_ref().take(per_statement).collect();
            let query = format!(
                "{head}{}{tail}",
                vec![tuple.as_str(); chunk.len()].join(", ")
            );
            self.exec(&query, chunk.into_iter().flatten().collect())?;
        }
        Ok(())
    }

    /// The cost counters saved by `save_stats`, if any.
    pub fn load_stats(&mut self) -> worker::Result<Option<SessionStats>> {
        #[derive(Deserialize)]
        struct Row {
            counters: String,
        }
        Ok(self
            .query::<Row>("SELECT counters FROM stats WHERE id = 1", vec![])?
            .first()
            .and_then(|r| serde_json::from_str(&r.counters).ok()))
    }

    pub fn save_stats(&mut self) -> worker::Result<()> {
        // This write is counted in the figures it saves, so the counts stay honest.
        self.stats.sql_rows_written += 1;
        let counters = serde_json::to_string(&self.stats.counters).map_err(|e| e.to_string())?;
        self.exec(
            "INSERT OR REPLACE INTO stats (id, counters) VALUES (1, ?)",
            vec![text(&counters)],
        )?;
        self.stats.sql_rows_written -= 1;
        Ok(())
    }

    /// The stored host key hash alone (readable even when the rest of storage is not).
    pub fn stored_host_key_hash(&mut self) -> worker::Result<Option<String>> {
        Ok(self.load_session()?.map(|s| s.host_key_hash))
    }

    /// Reads the stored session back; `None` when no session is stored here.
    pub fn load(&mut self) -> worker::Result<Option<Records>> {
        let Some(session) = self.load_session()? else {
            return Ok(None);
        };
        let tasting = self.load_tasting()?;
        let state = self.load_state()?;
        #[derive(Deserialize)]
        struct P {
            pseudonym: String,
            token_hash: String,
            seq: u32,
            joined_ms: u64,
            status: String,
        }
        let participants = self
            .query::<P>("SELECT pseudonym, token_hash, seq, joined_ms, status FROM participants ORDER BY seq", vec![])?
            .into_iter()
            .map(|p| {
                Ok(ParticipantRecord {
                    status: SeatStatus::parse(&p.status)
                        .ok_or_else(|| corrupt("participant status", &p.status))?,
                    pseudonym: p.pseudonym,
                    token_hash: p.token_hash,
                    seq: p.seq,
                    joined_ms: p.joined_ms,
                })
            })
            .collect::<worker::Result<Vec<_>>>()?;
        let answers = self.query::<AnswerRecord>(
            "SELECT pseudonym, question_id, option_id, elapsed_ms FROM answers ORDER BY pseudonym, question_id",
            vec![],
        )?;
        Ok(Some(Records {
            session,
            tasting,
            state,
            participants,
            answers,
        }))
    }

    fn load_session(&mut self) -> worker::Result<Option<SessionRecord>> {
        Ok(self
            .query::<SessionRecord>(
                "SELECT code, host_key_hash, host_handle, created_ms, host_grace_ms, lobby_expiry_ms, retention_ms, reveal_delay_ms, leaderboard_delay_ms FROM session WHERE id = 1",
                vec![],
            )?
            .into_iter()
            .next())
    }

    fn load_tasting(&mut self) -> worker::Result<HostTasting> {
        #[derive(Deserialize)]
        struct T {
            title: String,
            timer_seconds: u32,
            max_participants: u32,
            speed_bonus: i64,
            pacing: String,
            auto_advance: i64,
        }
        #[derive(Deserialize)]
        struct Wn {
            name: String,
        }
        #[derive(Deserialize)]
        struct Q {
            question_id: String,
            round_index: usize,
            category: String,
            prompt: String,
            options: String,
            correct_option_id: String,
            partial_points: String,
        }
        let t = self
            .query::<T>(
                "SELECT title, timer_seconds, max_participants, speed_bonus, pacing, auto_advance FROM tasting WHERE id = 1",
                vec![],
            )?
            .into_iter()
            .next()
            .ok_or_else(|| corrupt("tasting", "missing"))?;
        let mut wines: Vec<HostWine> = self
            .query::<Wn>("SELECT name FROM wines ORDER BY round_index", vec![])?
            .into_iter()
            .map(|w| HostWine {
                name: w.name,
                questions: Vec::new(),
            })
            .collect();
        let questions = self.query::<Q>(
            "SELECT question_id, round_index, category, prompt, options, correct_option_id, partial_points FROM questions ORDER BY round_index, question_index",
            vec![],
        )?;
        for q in questions {
            let options: Vec<OptionView> = serde_json::from_str(&q.options)
                .map_err(|_| corrupt("question options", &q.question_id))?;
            let partial_points: Vec<OptionPoints> = serde_json::from_str(&q.partial_points)
                .map_err(|_| corrupt("question partial points", &q.question_id))?;
            let category =
                Category::parse(&q.category).ok_or_else(|| corrupt("category", &q.category))?;
            let wine = wines
                .get_mut(q.round_index)
                .ok_or_else(|| corrupt("question round", &q.question_id))?;
            wine.questions.push(HostQuestion {
                question_id: q.question_id,
                category,
                prompt: q.prompt,
                options,
                correct_option_id: q.correct_option_id,
                partial_points,
            });
        }
        Ok(HostTasting {
            title: t.title,
            timer_seconds: t.timer_seconds,
            max_participants: t.max_participants,
            wines,
            options: GameOptions {
                speed_bonus: t.speed_bonus != 0,
                pacing: parse_enum::<Pacing>(&t.pacing)?,
                auto_advance: t.auto_advance != 0,
            },
        })
    }

    fn load_state(&mut self) -> worker::Result<StateRecord> {
        #[derive(Deserialize)]
        struct S {
            phase: String,
            round_index: u32,
            question_index: u32,
            revealed_count: u32,
            deadline_ms: Option<u64>,
            remaining_ms: Option<u64>,
            host_grace_deadline_ms: Option<u64>,
            ended_ms: Option<u64>,
            end_reason: Option<String>,
            locked: u8,
            advance_at_ms: Option<u64>,
        }
        let s = self
            .query::<S>("SELECT phase, round_index, question_index, revealed_count, deadline_ms, remaining_ms, host_grace_deadline_ms, ended_ms, end_reason, locked, advance_at_ms FROM state WHERE id = 1", vec![])?
            .into_iter()
            .next()
            .ok_or_else(|| corrupt("state", "missing"))?;
        Ok(StateRecord {
            phase: Phase::parse(&s.phase).ok_or_else(|| corrupt("phase", &s.phase))?,
            round_index: s.round_index,
            question_index: s.question_index,
            revealed_count: s.revealed_count,
            deadline_ms: s.deadline_ms,
            remaining_ms: s.remaining_ms,
            host_grace_deadline_ms: s.host_grace_deadline_ms,
            ended_ms: s.ended_ms,
            end_reason: s
                .end_reason
                .as_deref()
                .map(parse_enum::<EndReason>)
                .transpose()?,
            locked: s.locked != 0,
            advance_at_ms: s.advance_at_ms,
        })
    }
}

/// The longest prefix of `writes` that `pick` maps, mapped.
fn leading<T>(writes: &[Write], pick: impl Fn(&Write) -> Option<T>) -> Vec<T> {
    writes.iter().map_while(pick).collect()
}

/// Whether `Repo::apply_all` stores `writes` in a single statement (atomic without a
/// transaction): one row write, or one run of answers or of participants that fits one
/// statement's bound values. The tasting (several tables) and `DeleteAll` never do.
pub fn is_one_statement(writes: &[Write]) -> bool {
    match writes {
        [Write::Session(_) | Write::State(_)] => true,
        [Write::Answer(_), ..] => {
            writes.iter().all(|w| matches!(w, Write::Answer(_)))
                && writes.len() * ANSWER_VALUES <= MAX_BOUND_VALUES
        }
        [Write::Participant(_), ..] => {
            writes.iter().all(|w| matches!(w, Write::Participant(_)))
                && writes.len() * PARTICIPANT_VALUES <= MAX_BOUND_VALUES
        }
        _ => false,
    }
}

/// Bound values per row of `answers` and of `participants` (their upserts' widths).
const ANSWER_VALUES: usize = 4;
const PARTICIPANT_VALUES: usize = 5;

/// The snake_case wire name of a unit enum (`host_timeout`, `question_deadline`…).
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn parse_enum<T: for<'de> Deserialize<'de>>(name: &str) -> worker::Result<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string()))
        .map_err(|_| corrupt("enum value", name))
}

fn corrupt(what: &str, detail: &str) -> worker::Error {
    worker::Error::RustError(format!("corrupt session storage: {what} ({detail})"))
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;

    #[test]
    fn every_migration_step_is_one_statement() {
        for (version, statements) in MIGRATIONS.iter().enumerate() {
            assert!(!statements.is_empty(), "migration {version} is empty");
            for statement in *statements {
                let body = statement.trim();
                assert!(!body.is_empty(), "empty statement in migration {version}");
                assert!(
                    !body.contains(';'),
                    "migration {version} holds more than one statement: {body}"
                );
            }
        }
    }
}
