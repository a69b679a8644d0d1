//! Sommelier Arena's domain core: everything that decides, nothing that does I/O.
//!
//! Layout:
//! - `category`: the five question categories, their order and prompts.
//! - `answer_text`: the one rule for answer texts (tasting options and curated answers).
//! - `phase`: session phases and the legal moves between them.
//! - `protocol`: client and server messages, error codes and the views they carry.
//!
//! Compiles natively and to wasm; the `ts` feature derives the frontend's TypeScript types.

pub mod answer_text;
pub mod category;
pub mod phase;
pub mod protocol;

pub use category::Category;
pub use phase::Phase;
