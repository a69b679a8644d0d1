//! Keeps `frontend/src/protocol.gen.ts` (the WebSocket protocol) and `frontend/src/api.gen.ts`
//! (HTTP bodies, close codes, limits) in step with the Rust types.
//!
//! The tests fail when a committed file differs from what the types generate; run
//! `npm run gen:types` (sets `UPDATE_TS_TYPES=1`) to rewrite them.
#![cfg(feature = "ts")]

use sommelier_core::api::{self, limits, CloseCode};
use sommelier_core::protocol::*;
use sommelier_core::{Category, Phase};
use ts_rs::{Config, TS};

fn generated() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from crates/core by `npm run gen:types` (ts-rs). Do not edit by hand.\n",
    );
    let decls = [
        Category::decl(&cfg),
        Phase::decl(&cfg),
        ErrorCode::decl(&cfg),
        EndReason::decl(&cfg),
        GameOptions::decl(&cfg),
        Pacing::decl(&cfg),
        TastingInput::decl(&cfg),
        WineInput::decl(&cfg),
        QuestionInput::decl(&cfg),
        FieldError::decl(&cfg),
        OptionView::decl(&cfg),
        OptionPoints::decl(&cfg),
        HostQuestion::decl(&cfg),
        HostWine::decl(&cfg),
        HostTasting::decl(&cfg),
        QuestionView::decl(&cfg),
        RankingEntry::decl(&cfg),
        WineAnswer::decl(&cfg),
        WineReveal::decl(&cfg),
        AnswerOutcome::decl(&cfg),
        ParticipantResult::decl(&cfg),
        OptionCount::decl(&cfg),
        HostReveal::decl(&cfg),
        ParticipantReveal::decl(&cfg),
        ParticipantPresence::decl(&cfg),
        HostParticipant::decl(&cfg),
        HostSnapshot::decl(&cfg),
        ParticipantSnapshot::decl(&cfg),
        PublicSessionInfo::decl(&cfg),
        CategoryTally::decl(&cfg),
        PalateReport::decl(&cfg),
        CategoryAverage::decl(&cfg),
        ParticipantPalate::decl(&cfg),
        HostPalate::decl(&cfg),
        server::Palate::decl(&cfg),
        ResultQuestion::decl(&cfg),
        ResultAnswer::decl(&cfg),
        SessionResults::decl(&cfg),
        SessionStatus::decl(&cfg),
        HostSessionSummary::decl(&cfg),
        server::Reveal::decl(&cfg),
        ClientMessage::decl(&cfg),
        ServerMessage::decl(&cfg),
    ];
    for decl in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

/// The HTTP edges: bodies as types (importing the protocol's shapes they carry), close
/// codes and limits as `as const` objects so the frontend has no magic numbers.
fn generated_api() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from crates/core by `npm run gen:types` (ts-rs). Do not edit by hand.\n",
    );
    out.push_str(
        "import type { ErrorCode, FieldError, HostSessionSummary, TastingInput } from \"./protocol.gen\";\n",
    );
    out.push_str(
        "export type { HostSessionSummary, PublicSessionInfo, SessionResults, TastingInput } from \"./protocol.gen\";\n",
    );
    let decls = [
        api::ErrorBody::decl(&cfg),
        api::ErrorDetail::decl(&cfg),
        api::CreateSessionRequest::decl(&cfg),
        api::CreateSessionReply::decl(&cfg),
        api::DeleteSessionReply::decl(&cfg),
        api::HostSessionsReply::decl(&cfg),
        api::SessionStats::decl(&cfg),
        api::HealthReply::decl(&cfg),
        api::HealthCheck::decl(&cfg),
    ];
    for decl in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push_str("\n/** WebSocket close codes the server uses. */\nexport const CloseCode = {\n");
    for c in CloseCode::ALL {
        out.push_str(&format!("  {}: {},\n", c.name(), c.code()));
    }
    out.push_str(
        "} as const;\nexport type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];\n",
    );
    out.push_str(
        "\n/** Limits the server enforces, with their numbers. */\nexport const LIMITS = {\n",
    );
    for (name, value) in limits::EXPORTED {
        out.push_str(&format!("  {name}: {value},\n"));
    }
    out.push_str("} as const;\n");
    out
}

/// Compares (or, with `UPDATE_TS_TYPES=1`, rewrites) one generated file.
fn check(file: &str, want: &str) {
    let path = format!("{}/../../frontend/src/{file}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("UPDATE_TS_TYPES").as_deref() == Ok("1") {
        std::fs::write(&path, want).expect("write the generated file");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "frontend/src/{file} is stale: run `npm run gen:types` and commit the result"
    );
}

#[test]
fn generated_typescript_is_up_to_date() {
    check("protocol.gen.ts", &generated());
}

#[test]
fn generated_api_typescript_is_up_to_date() {
    check("api.gen.ts", &generated_api());
}
