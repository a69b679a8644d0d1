//! HTTP request and reply bodies, typed once and generated into TypeScript like the protocol.

pub mod answers;
pub mod error;
