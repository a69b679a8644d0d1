//! Security headers for the workers' own replies (JSON, CSV, errors), which the static
//! assets' `_headers` file does not cover: nothing they send is a page to run or frame.

use worker::{Headers, Response};

/// The headers every API reply carries, with their values.
pub const SECURITY_HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
];

/// Adds [`SECURITY_HEADERS`] to `headers` (a fresh, mutable set).
pub fn add_security_headers(headers: &Headers) {
    for (name, value) in SECURITY_HEADERS {
        let _ = headers.set(name, value);
    }
}

/// `response` with [`SECURITY_HEADERS`] added. Its headers are copied into a new set first,
/// because a reply relayed from a Durable Object or another worker has immutable headers.
/// WebSocket upgrades (101) pass through untouched.
pub fn with_security_headers(response: Response) -> Response {
    if response.status_code() == 101 {
        return response;
    }
    let headers = Headers::new();
    for (name, value) in response.headers().entries() {
        let _ = headers.append(&name, &value);
    }
    add_security_headers(&headers);
    response.with_headers(headers)
}
