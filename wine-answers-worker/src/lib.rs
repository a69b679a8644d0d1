//! The wine answers worker: a stateless REST API over the `WINE_ANSWERS_KV` namespace.

use worker::{event, Context, Env, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, _env: Env, _ctx: Context) -> Result<Response> {
    let url = req.url()?;
    match url.path() {
        "/answers" => Response::from_json(&serde_json::json!({
            "color": [], "region": [], "grape_variety": [], "vintage_year": [], "wine_name": []
        })),
        _ => Response::from_json(&serde_json::json!({
            "error": {"code": "NOT_FOUND", "message": "no such route"}
        }))
        .map(|r| r.with_status(404)),
    }
}
