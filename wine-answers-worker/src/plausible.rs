//! `POST /plausible`: feeds the cached collection and catalog to the pure rules in
//! `sommelier_core::plausible`. The derived knowledge is rebuilt only when either cached
//! aggregate changes, so a warm request costs no KV operation and no rebuild.

use std::cell::RefCell;
use std::rc::Rc;

use sommelier_core::answer_text::normalize_answer;
use sommelier_core::api::answers::{
    AnswerCollection, CatalogWine, PlausibleInput, PlausibleOptions,
};
use sommelier_core::plausible::{plausible_options, Knowledge};
use sommelier_core::protocol::FieldError;
use sommelier_core::Category;

use crate::answers::collection;
use crate::http::{ApiError, Reply};
use crate::store::Store;
use crate::wines::catalog;

type Derived = (Rc<AnswerCollection>, Rc<Vec<CatalogWine>>, Rc<Knowledge>);

thread_local! {
    static KNOWLEDGE: RefCell<Option<Derived>> = const { RefCell::new(None) };
}

/// The knowledge derived from exactly these aggregates (reused while they are the cached ones).
fn knowledge(answers: Rc<AnswerCollection>, wines: Rc<Vec<CatalogWine>>) -> Rc<Knowledge> {
    KNOWLEDGE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some((a, w, k)) = slot.as_ref() {
            if Rc::ptr_eq(a, &answers) && Rc::ptr_eq(w, &wines) {
                return k.clone();
            }
        }
        let k = Rc::new(Knowledge::new(&answers, &wines));
        *slot = Some((answers, wines, k.clone()));
        k
    })
}

/// Parses a `POST /plausible` body: unknown fields refused, each given answer checked by the
/// answer-text rule (a blank one is simply absent).
pub fn parse(bytes: &[u8]) -> Result<PlausibleInput, ApiError> {
    // serde would read a struct from a JSON array too (`[]` = every field absent).
    if !bytes.trim_ascii_start().starts_with(b"{") {
        return Err(ApiError::bad_request("the body must be a JSON object"));
    }
    let input: PlausibleInput = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "the body must be {{color?, region?, grape_variety?, vintage_year?, wine_name?, seed?}}: {e}"
        ))
    })?;
    let errors: Vec<FieldError> = Category::ALL
        .into_iter()
        .filter_map(|c| {
            let raw = input.answer(c)?;
            normalize_answer(raw)
                .err()
                .map(|e| FieldError::new(c.as_str(), e.code(), format!("{} {e}", c.as_str())))
        })
        .collect();
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(ApiError::fields(errors))
    }
}

/// `POST /plausible`
pub async fn options(store: &Store, input: PlausibleInput) -> Result<Reply, ApiError> {
    let answers = collection(store, false).await?;
    let wines = catalog(store, false).await?;
    let k = knowledge(answers, wines);
    let seed = input.seed.unwrap_or(0);
    let year = worker::js_sys::Date::new_0().get_utc_full_year() as i32;
    Reply::ok(PlausibleOptions {
        options: plausible_options(&k, &input, seed, year),
        seed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_answers_and_refuses_bad_ones() {
        let ok = parse(br#"{"wine_name":"Opus One","vintage_year":" 2015 ","color":"","seed":7}"#)
            .unwrap();
        assert_eq!(ok.answer(Category::VintageYear), Some("2015"));
        assert_eq!(ok.answer(Category::Color), None);
        assert_eq!(ok.seed, Some(7));
        for bad in [
            &br#"{"wine":"Opus One"}"#[..],
            br#"{"wine_name":3}"#,
            br#"{"seed":-1}"#,
            br#"[]"#,
        ] {
            assert_eq!(parse(bad).unwrap_err().status(), 400);
        }
        let long = format!(r#"{{"region":"{}"}}"#, "x".repeat(101));
        let e = parse(long.as_bytes()).unwrap_err();
        assert_eq!(e.fields.unwrap()[0].path, "region");
        assert!(parse(b"{\"grape_variety\":\"a\\u0007\"}").is_err());
    }
}
