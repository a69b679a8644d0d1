//! `GET /api/health`: the game worker answers, a Durable Object answers (the host registry's
//! `health` object, which touches no storage), and the answers worker answers with its KV
//! check. `200` when all pass, `503` with the same body when one fails (docs/operations.md).

use sommelier_core::api::{HealthCheck, HealthReply};
use worker::{Env, Method, Request, RequestInit, Response, Result};

/// The registry object asked for liveness; no host key hashes to this name.
const PROBE_OBJECT: &str = "health";

pub async fn handle(env: &Env) -> Result<Response> {
    let mut checks = vec![HealthCheck::passed("game_worker")];
    checks.push(match durable_object(env).await {
        Ok(()) => HealthCheck::passed("durable_objects"),
        Err(e) => HealthCheck::failed("durable_objects", e.to_string()),
    });
    match answers(env).await {
        Ok(reply) => {
            checks.push(HealthCheck::passed("answers_worker"));
            checks.extend(reply.checks);
        }
        Err(e) => checks.push(HealthCheck::failed("answers_worker", e.to_string())),
    }
    let reply = HealthReply::new(checks);
    Ok(Response::from_json(&reply)?.with_status(reply.status()))
}

async fn durable_object(env: &Env) -> Result<()> {
    let stub = env
        .durable_object("HOST_REGISTRY")?
        .get_by_name(PROBE_OBJECT)?;
    let res = stub.fetch_with_str("https://registry/health").await?;
    match res.status_code() {
        204 => Ok(()),
        other => Err(worker::Error::RustError(format!("answered {other}"))),
    }
}

/// The answers worker's own health reply (its status may be 503: the body says why).
async fn answers(env: &Env) -> Result<HealthReply> {
    let req = Request::new_with_init(
        "https://answers/health",
        RequestInit::new().with_method(Method::Get),
    )?;
    let mut res = env.service("WINE_ANSWERS")?.fetch_request(req).await?;
    res.json::<HealthReply>().await
}
