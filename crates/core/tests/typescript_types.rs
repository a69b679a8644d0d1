//! Keeps `frontend/src/protocol.gen.ts` in step with the Rust protocol types.
//!
//! The test fails when the committed file differs from what the types generate; run
//! `npm run gen:types` (sets `UPDATE_TS_TYPES=1`) to rewrite it.
#![cfg(feature = "ts")]

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
        TastingInput::decl(&cfg),
        WineInput::decl(&cfg),
        QuestionInput::decl(&cfg),
        FieldError::decl(&cfg),
        OptionView::decl(&cfg),
        HostQuestion::decl(&cfg),
        HostWine::decl(&cfg),
        HostTasting::decl(&cfg),
        QuestionView::decl(&cfg),
        RankingEntry::decl(&cfg),
        WineAnswer::decl(&cfg),
        WineReveal::decl(&cfg),
        ParticipantResult::decl(&cfg),
        OptionCount::decl(&cfg),
        HostReveal::decl(&cfg),
        ParticipantReveal::decl(&cfg),
        ParticipantPresence::decl(&cfg),
        HostParticipant::decl(&cfg),
        HostSnapshot::decl(&cfg),
        ParticipantSnapshot::decl(&cfg),
        PublicSessionInfo::decl(&cfg),
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

#[test]
fn generated_typescript_is_up_to_date() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../frontend/src/protocol.gen.ts"
    );
    let want = generated();
    if std::env::var("UPDATE_TS_TYPES").as_deref() == Ok("1") {
        std::fs::write(path, &want).expect("write protocol.gen.ts");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "frontend/src/protocol.gen.ts is stale: run `npm run gen:types` and commit the result"
    );
}
