//! The HTTP edge shared by the game worker and the wine answers worker, so both refuse the
//! same bodies the same way.
//!
//! Layout:
//! - `media`: is a `Content-Type` JSON? (pure)
//! - `limit`: the streaming size cap (pure)
//! - `body`: [`read_json_body`], the one body reader of both workers: `415` unless the body is
//!   declared `application/json`, `413` beyond the cap whether or not `Content-Length` is sent
//!   (the stream is read chunk by chunk and abandoned at the cap, never buffered whole)
//! - `error`: [`HttpError`] and the JSON error envelope `{error: {code, message}}`
//! - `security`: the security headers of every API reply

mod body;
mod error;
mod limit;
mod media;
mod security;

pub use body::read_json_body;
pub use error::{error_envelope, HttpError};
pub use limit::BodyLimit;
pub use media::is_json_media_type;
pub use security::{add_security_headers, with_security_headers, SECURITY_HEADERS};
