//! Per-client rate limits on the Workers rate-limiting binding (issue 11 item 6c, issue 17
//! item 3): session creation per client address and per host key, lookups of codes per
//! client address (public info and WebSocket upgrades), and joins per client address.
//! The numbers live in `wrangler.toml` (`[[ratelimits]]`, one binding each) and are
//! explained in docs/operations.md. Counters are kept per Cloudflare location: a client
//! that reaches the app through several locations gets each location's budget.
//!
//! A missing binding fails closed (the request is refused with a clear error), so a
//! deployment without its limits is noticed at once instead of running unprotected.

use sommelier_core::protocol::ErrorCode;
use worker::{Env, Request};

use crate::api_error::ApiError;

/// Session creations per client address.
pub const CREATE_PER_ADDRESS: &str = "CREATE_LIMITER";
/// Session creations per host key (keyed by the key's hash, never the key).
pub const CREATE_PER_HOST: &str = "HOST_CREATE_LIMITER";
/// Distinct session codes looked up per client address (see `GameSession::admit_lookup`).
pub const LOOKUP_PER_ADDRESS: &str = "LOOKUP_LIMITER";
/// `join_session` attempts per client address.
pub const JOIN_PER_ADDRESS: &str = "JOIN_LIMITER";

/// The client address Cloudflare sets (clients cannot forge it there) as a limiter key;
/// "unknown" when absent, so that clients without one share a single budget rather than
/// escaping it.
pub fn client_address(req: &Request) -> String {
    let header = req.headers().get("CF-Connecting-IP").ok().flatten();
    limiter_address(header.as_deref().unwrap_or(""))
}

/// An IPv4 address as is; an IPv6 address as its /64 prefix, since one subscriber usually
/// holds a whole /64 and could otherwise draw a fresh budget from each of its addresses.
fn limiter_address(raw: &str) -> String {
    let raw = raw.trim();
    if let Ok(v6) = raw.parse::<std::net::Ipv6Addr>() {
        let s = v6.segments();
        return format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3]);
    }
    if raw.is_empty() {
        "unknown".into()
    } else {
        raw.to_string()
    }
}

/// Counts one event for `key` on `binding`; `Ok(false)` when the key is over its limit.
pub async fn allow(env: &Env, binding: &str, key: &str) -> Result<bool, ApiError> {
    let limiter = env.rate_limiter(binding).map_err(|_| {
        worker::console_error!("the {binding} rate limiter binding is missing");
        ApiError::new(
            ErrorCode::ServiceUnavailable,
            "the server is missing its rate limits; refusing rather than running unprotected",
        )
    })?;
    let outcome = limiter.limit(key.to_string()).await?;
    Ok(outcome.success)
}

/// `allow`, or the `429 RATE_LIMITED` to answer (with a `Retry-After` of one period).
pub async fn require(env: &Env, binding: &str, key: &str, what: &str) -> Result<(), ApiError> {
    if allow(env, binding, key).await? {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::RateLimited, format!("{what}; wait a minute")).retry_after(60))
    }
}

#[cfg(test)]
mod tests {
    use super::limiter_address;

    #[test]
    fn ipv6_addresses_share_their_64_prefix() {
        assert_eq!(
            limiter_address("2001:db8:1:2:aaaa::1"),
            limiter_address("2001:db8:1:2:bbbb:cccc:dddd:eeee")
        );
        assert_eq!(limiter_address("2001:db8:1:2::9"), "2001:db8:1:2::/64");
        assert_ne!(
            limiter_address("2001:db8:1:2::1"),
            limiter_address("2001:db8:1:3::1")
        );
        assert_eq!(limiter_address("203.0.113.7"), "203.0.113.7");
        assert_eq!(limiter_address(""), "unknown");
    }
}
