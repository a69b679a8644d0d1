//! No public surface carries answer text before its reveal (issue 11, 6a): the title of a
//! tasting created or edited without one, public info, the history summary, and every
//! message sent to sockets that are not the host, until the game starts.

use super::*;

/// Every answer text of the session's tasting.
fn answer_texts(h: &H) -> Vec<String> {
    h.e.tasting()
        .wines
        .iter()
        .flat_map(|w| w.questions.iter())
        .flat_map(|q| q.options.iter().map(|o| o.text.clone()))
        .collect()
}

fn assert_no_answer_in(what: &str, text: &str, answers: &[String]) {
    for answer in answers {
        assert!(
            !text.contains(answer.as_str()),
            "{what} reveals the answer {answer:?}: {text}"
        );
    }
}

/// Messages of `fx` for anyone but the host, as JSON text.
fn non_host_frames(fx: &[Effect]) -> Vec<String> {
    fx.iter()
        .filter_map(|f| match f {
            Effect::Send { to, msg } if *to != Recipient::Hosts => {
                Some(serde_json::to_string(msg).unwrap())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_blank_title_is_neutral_everywhere_in_the_lobby() {
    let mut h = H::new(2, 5);
    let answers = answer_texts(&h);
    let title = h.e.public_info().title;
    assert_eq!(title, "Blind tasting · 14 Nov 2023");
    assert_no_answer_in(
        "public info",
        &serde_json::to_string(&h.e.public_info()).unwrap(),
        &answers,
    );
    assert_no_answer_in(
        "summary",
        &serde_json::to_string(&h.e.summary()).unwrap(),
        &answers,
    );

    let mut frames = Vec::new();
    h.host(HOST);
    // An unidentified socket, then participants joining and rejoining.
    h.next_conn += 1;
    let stranger = h.next_conn;
    frames.extend(non_host_frames(&h.e.connection_opened(stranger, h.now)));
    let seat = h.join();
    frames.extend(non_host_frames(
        &h.send(seat.conn, ClientMessage::Ping { t: 1.0 }),
    ));
    let other = h.open();
    frames.extend(non_host_frames(&h.send(
        other,
        ClientMessage::RejoinSession {
            pseudonym: seat.pseudonym.clone(),
            token: seat.token.clone(),
        },
    )));
    frames.extend(non_host_frames(
        &h.send(other, ClientMessage::JoinSession {}),
    ));
    h.now += 1_000;
    frames.extend(non_host_frames(&h.alarm()));
    // An edit in the lobby keeps a blank title neutral.
    let mut edited = crate::tasting::example_input(2);
    edited.title = Some("  ".into());
    frames.extend(non_host_frames(
        &h.cmd(ClientMessage::UpdateSession { tasting: edited }),
    ));
    h.now += 1_000;
    frames.extend(non_host_frames(&h.alarm()));
    let answers = answer_texts(&h);
    assert!(!frames.is_empty());
    for frame in &frames {
        assert_no_answer_in("a lobby message", frame, &answers);
    }
    assert_no_answer_in(
        "public info",
        &serde_json::to_string(&h.e.public_info()).unwrap(),
        &answers,
    );
}

#[test]
fn a_given_title_is_kept() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    let mut input = crate::tasting::example_input(1);
    input.title = Some("Friday reds".into());
    let (e, _) = Engine::create(
        "0001",
        HOST_KEY,
        None,
        &input,
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap();
    assert_eq!(e.public_info().title, "Friday reds");
    assert_eq!(e.tasting_input().title.as_deref(), Some("Friday reds"));
    input.title = None;
    let (blank, _) = Engine::create(
        "0002",
        HOST_KEY,
        None,
        &input,
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap();
    assert!(blank.title_is_default());
    assert_eq!(
        blank.tasting_input().title,
        None,
        "a default title reads back blank"
    );
}
