//! [`read_json_body`]: the one body reader of both workers.

use futures_util::StreamExt;
use sommelier_core::protocol::ErrorCode;
use worker::Request;

use crate::error::HttpError;
use crate::limit::BodyLimit;
use crate::media::is_json_media_type;

/// Reads a JSON request body of at most `limit` bytes.
///
/// - `415 UNSUPPORTED_MEDIA_TYPE` unless `Content-Type` is `application/json` (checked first,
///   so a refused body is never read);
/// - `413 PAYLOAD_TOO_LARGE` when `Content-Length` declares more than `limit`, or when the
///   stream passes `limit` (bodies sent without `Content-Length`, or lying about it): at most
///   `limit` bytes are ever held;
/// - `400 BAD_REQUEST` when the stream breaks.
///
/// Parsing the JSON is the caller's (each route has its own typed body).
pub async fn read_json_body(req: &mut Request, limit: usize) -> Result<Vec<u8>, HttpError> {
    let content_type = req.headers().get("Content-Type").ok().flatten();
    if !is_json_media_type(content_type.as_deref()) {
        return Err(HttpError::new(
            ErrorCode::UnsupportedMediaType,
            format!(
                "the body must be JSON sent with `Content-Type: application/json` (got {})",
                content_type.as_deref().unwrap_or("no Content-Type")
            ),
        ));
    }
    let too_large = || {
        HttpError::new(
            ErrorCode::PayloadTooLarge,
            format!("the body must be at most {limit} bytes"),
        )
    };
    let mut body = BodyLimit::new(limit);
    let declared = req.headers().get("Content-Length").ok().flatten();
    body.check_declared(declared.as_deref())
        .map_err(|_| too_large())?;
    let Ok(mut stream) = req.stream() else {
        return Ok(Vec::new()); // no body at all: the caller's parser says what was expected
    };
    while let Some(chunk) = stream.next().await {
        let chunk = chunk
            .map_err(|_| HttpError::new(ErrorCode::BadRequest, "the body could not be read"))?;
        body.push(&chunk).map_err(|_| too_large())?;
    }
    Ok(body.into_bytes())
}
