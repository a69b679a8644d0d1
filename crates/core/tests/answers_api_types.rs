//! Keeps `frontend/src/answers-api.gen.ts` (the answers worker's HTTP bodies) in step with
//! `sommelier_core::api::answers`. The shared error envelope is in `api.gen.ts`.
//!
//! The test fails when the committed file differs from what the types generate; run
//! `npm run gen:types` (sets `UPDATE_TS_TYPES=1`) to rewrite it.
#![cfg(feature = "ts")]

use sommelier_core::api::answers::*;
use ts_rs::{Config, TS};

fn generated() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from crates/core/src/api by `npm run gen:types` (ts-rs). Do not edit by hand.\n\
         import type { Category } from \"./protocol.gen\";\n",
    );
    let decls = [
        ByCategory::<()>::decl(&cfg),
        CategoryValues::decl(&cfg),
        ValuesInput::decl(&cfg),
        AddedValues::decl(&cfg),
        RemovedValue::decl(&cfg),
        SuggestValueInput::decl(&cfg),
        SuggestionStatus::decl(&cfg),
        SuggestedValue::decl(&cfg),
        PendingValue::decl(&cfg),
        PendingWine::decl(&cfg),
        SuggestionQueue::decl(&cfg),
        CatalogWine::decl(&cfg),
        WineList::decl(&cfg),
        WinesWritten::decl(&cfg),
        RemovedWine::decl(&cfg),
        SuggestedWine::decl(&cfg),
        CollectionExport::decl(&cfg),
        PlausibleInput::decl(&cfg),
        SuggestedOption::decl(&cfg),
        PlausibleOptions::decl(&cfg),
    ];
    for decl in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push_str("\n/** `GET /answers`: every category's values. */\n");
    out.push_str("export type AnswerCollection = ByCategory<Array<string>>;\n");
    out
}

#[test]
fn generated_typescript_is_up_to_date() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../frontend/src/answers-api.gen.ts"
    );
    let want = generated();
    if std::env::var("UPDATE_TS_TYPES").as_deref() == Ok("1") {
        std::fs::write(path, &want).expect("write answers-api.gen.ts");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "frontend/src/answers-api.gen.ts is stale: run `npm run gen:types` and commit the result"
    );
}
