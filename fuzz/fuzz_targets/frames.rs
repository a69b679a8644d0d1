//! Raw frames into the decoder and the engine. The input is split on newlines; each line's
//! first byte picks the connection and how much time passes, the rest is the frame text.
//! A few control bytes open/close sockets, fire the alarm or restore from storage.
//! Invariants: nothing panics, storage built from the writes equals the engine's records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sommelier_core::engine::{MemoryStore, Records};
use sommelier_core::protocol::{ClientMessage, MAX_FRAME_BYTES};
use sommelier_core::{ConnId, Effect, Engine, EngineConfig, Identity};

const KEY: &str = "fuzz-host-key-0123456789abcdef";

fuzz_target!(|data: &[u8]| {
    let mut rng = ChaCha8Rng::seed_from_u64(data.len() as u64);
    let mut now = 1_000u64;
    let mut input = sommelier_core::tasting::example_input(2);
    input.max_participants = Some(4);
    let Ok((mut e, fx)) = Engine::create(
        "1234",
        KEY,
        None,
        &input,
        EngineConfig::default(),
        now,
        &mut rng,
    ) else {
        return;
    };
    let mut store = MemoryStore::default();
    store.apply_effects(&fx);
    let mut ids: Vec<Identity> = vec![Identity::Unidentified; 8];
    // Connection 0 starts as the host so host commands are reachable.
    let fx = e.handle(
        0,
        &Identity::Unidentified,
        ClientMessage::RejoinHost {
            host_key: KEY.into(),
        },
        now,
        &mut rng,
    );
    apply(&fx, &mut store, &mut ids);

    for line in data.split(|b| *b == b'\n') {
        if e.is_deleted() {
            break;
        }
        let Some((&head, frame)) = line.split_first() else {
            continue;
        };
        let conn = ConnId::from(head & 7);
        now += u64::from(head >> 3) * 997;
        let fx = match frame {
            b"!open" => e.connection_opened(conn, now),
            b"!close" => {
                let id = std::mem::take(&mut ids[conn as usize]);
                e.connection_closed(conn, &id, now)
            }
            b"!alarm" => e.alarm(now),
            b"!restore" => {
                if let Some(r) = store.records() {
                    let live: Vec<_> = ids
                        .iter()
                        .enumerate()
                        .map(|(c, i)| (c as ConnId, i.clone()))
                        .collect();
                    e = Engine::restore(r, &live).expect("restore from our own writes");
                }
                Vec::new()
            }
            _ if frame.len() > MAX_FRAME_BYTES => Vec::new(),
            _ => match ClientMessage::decode(&String::from_utf8_lossy(frame)) {
                Ok(msg) => {
                    let id = ids[conn as usize].clone();
                    e.handle(conn, &id, msg, now, &mut rng)
                }
                Err(_) => Vec::new(),
            },
        };
        for f in &fx {
            if let Effect::Send { msg, .. } = f {
                let _ = msg.encode();
            }
        }
        apply(&fx, &mut store, &mut ids);
        if !e.is_deleted() {
            assert_eq!(store.records().map(Records::normalized), Some(e.records()));
        }
    }
});

fn apply(fx: &[Effect], store: &mut MemoryStore, ids: &mut [Identity]) {
    store.apply_effects(fx);
    for f in fx {
        if let Effect::SetIdentity { conn, identity } = f {
            if let Some(slot) = ids.get_mut(*conn as usize) {
                *slot = identity.clone();
            }
        }
    }
}
