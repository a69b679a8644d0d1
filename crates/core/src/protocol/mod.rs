//! The wire protocol: one typed enum per direction, shared verbatim by the Durable Object,
//! the load generator and (through generated TypeScript) the frontend.

pub mod client;
pub mod error_code;
pub mod server;
pub mod views;

pub use crate::options::{GameOptions, Pacing};
pub use crate::palate::{
    CategoryAverage, CategoryTally, HostPalate, PalateReport, ParticipantPalate,
};
pub use client::ClientMessage;
pub use error_code::ErrorCode;
pub use server::{Palate, Reveal, ServerMessage};
pub use views::*;

pub use crate::api::limits::MAX_FRAME_BYTES;
