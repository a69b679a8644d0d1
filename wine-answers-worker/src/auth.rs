//! Admin authentication: `Authorization: Bearer <ADMIN_SECRET>`, compared in constant time
//! (both sides hashed with SHA-256 first, so neither content nor length leaks through timing).
//! An unset or empty secret refuses every admin call.

use sha2::{Digest, Sha256};
use sommelier_core::protocol::ErrorCode;
use subtle::ConstantTimeEq;
use worker::{Env, Request};

use crate::http::ApiError;

/// Why an admin call was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailure {
    /// No `ADMIN_SECRET` is configured (or it is empty): admin calls are disabled.
    Disabled,
    /// No `Authorization` header.
    Missing,
    /// An `Authorization` header that is not `Bearer <token>`.
    NotBearer,
    /// A bearer token that is not the secret.
    Wrong,
}

impl AuthFailure {
    pub fn into_error(self) -> ApiError {
        let message = match self {
            AuthFailure::Disabled => "admin access is disabled: no ADMIN_SECRET is configured",
            AuthFailure::Missing => "admin access needs an `Authorization: Bearer <secret>` header",
            AuthFailure::NotBearer => "the Authorization header must be `Bearer <secret>`",
            AuthFailure::Wrong => "wrong admin secret",
        };
        ApiError::new(ErrorCode::Unauthorized, message)
    }
}

/// The token of a `Bearer <token>` header (scheme case-insensitive, surrounding blanks ignored).
pub fn bearer_token(header: &str) -> Option<&str> {
    let header = header.trim();
    let (scheme, token) = header.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Checks an `Authorization` header value against the configured secret.
pub fn check(header: Option<&str>, secret: Option<&str>) -> Result<(), AuthFailure> {
    let secret = secret
        .filter(|s| !s.is_empty())
        .ok_or(AuthFailure::Disabled)?;
    let header = header.ok_or(AuthFailure::Missing)?;
    let token = bearer_token(header).ok_or(AuthFailure::NotBearer)?;
    let given = Sha256::digest(token.as_bytes());
    let expected = Sha256::digest(secret.as_bytes());
    if bool::from(given.ct_eq(&expected)) {
        Ok(())
    } else {
        Err(AuthFailure::Wrong)
    }
}

/// The configured secret: a Worker secret in production, `.dev.vars` locally.
fn configured_secret(env: &Env) -> Option<String> {
    env.secret("ADMIN_SECRET")
        .map(|s| s.to_string())
        .or_else(|_| env.var("ADMIN_SECRET").map(|v| v.to_string()))
        .ok()
}

/// Whether the request carries the admin secret.
pub fn is_admin(req: &Request, env: &Env) -> Result<(), AuthFailure> {
    let header = req.headers().get("Authorization").ok().flatten();
    check(header.as_deref(), configured_secret(env).as_deref())
}

/// Refuses the request with `401` unless it carries the admin secret.
pub fn require_admin(req: &Request, env: &Env) -> Result<(), ApiError> {
    is_admin(req, env).map_err(AuthFailure::into_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_the_exact_bearer_secret() {
        let s = Some("s3cret-value");
        assert_eq!(check(Some("Bearer s3cret-value"), s), Ok(()));
        assert_eq!(check(Some("bearer   s3cret-value "), s), Ok(()));
        assert_eq!(
            check(Some("Bearer s3cret-valu"), s),
            Err(AuthFailure::Wrong)
        );
        assert_eq!(
            check(Some("Bearer s3cret-value2"), s),
            Err(AuthFailure::Wrong)
        );
        assert_eq!(check(Some("s3cret-value"), s), Err(AuthFailure::NotBearer));
        assert_eq!(
            check(Some("Basic s3cret-value"), s),
            Err(AuthFailure::NotBearer)
        );
        assert_eq!(check(Some("Bearer "), s), Err(AuthFailure::NotBearer));
        assert_eq!(check(None, s), Err(AuthFailure::Missing));
    }

    #[test]
    fn an_unset_or_empty_secret_refuses_everything() {
        assert_eq!(check(Some("Bearer x"), None), Err(AuthFailure::Disabled));
        assert_eq!(check(Some("Bearer "), Some("")), Err(AuthFailure::Disabled));
        assert_eq!(check(None, Some("")), Err(AuthFailure::Disabled));
    }
}
