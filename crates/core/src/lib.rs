//! Sommelier Arena's domain core: everything that decides, nothing that does I/O.
//!
//! Layout:
//! - `api`: the HTTP bodies, error envelope, close codes and limits of both workers.
//! - `catalog`: the wine catalog's entry and batch rules, a region's country.
//! - `category`: the five question categories, their order and prompts.
//! - `answer_text`: the one rule for answer texts (tasting options and curated answers).
//! - `phase`: session phases and the legal moves between them.
//! - `plausible`: plausible distractors and their suggested partial points (pure rules).
//! - `protocol`: client and server messages, error codes and the views they carry.
//! - `options`: the game options of a tasting (speed bonus, pacing, auto-advance).
//! - `palate`: the end-of-game palate report per participant and the room's averages.
//! - `tasting`: tasting validation with field paths, option shuffling, session-unique ids.
//! - `secrets`: host key and token hashing (SHA-256), constant-time checks, token drawing.
//! - `pseudonym`: `ADJECTIVE-NOUN` pseudonyms and host handles from wine-themed word lists.
//! - `ranking`: competition rankings (1, 1, 3) with a deterministic tie order.
//! - `engine`: the session engine, a pure state machine: commands, time and randomness in;
//!   storage writes, messages and closes out; snapshots, records, restore and HTTP queries.
//!
//! Compiles natively and to wasm; the `ts` feature derives the frontend's TypeScript types.

pub mod answer_text;
pub mod api;
pub mod catalog;
pub mod category;
pub mod engine;
pub mod options;
pub mod palate;
pub mod phase;
pub mod plausible;
pub mod protocol;
pub mod pseudonym;
pub mod ranking;
pub mod secrets;
pub mod tasting;

pub use category::Category;
pub use engine::{decode_frame, ConnId, Effect, Engine, EngineConfig, Identity, Recipient};
pub use phase::Phase;
