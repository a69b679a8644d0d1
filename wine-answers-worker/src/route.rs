//! The route table (pure): a method and a path become a [`Route`], a CORS preflight, or the
//! right refusal (404 unknown path, 405 wrong method, 400 unknown category or bad value).

use sommelier_core::protocol::ErrorCode;
use sommelier_core::Category;

use crate::http::ApiError;
use crate::values::{decode_segment, Answer};

/// One accepted request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `GET /answers`
    AllAnswers,
    /// `GET /answers/{category}`
    CategoryAnswers(Category),
    /// `POST /answers/{category}` (admin)
    AddAnswers(Category),
    /// `DELETE /answers/{category}/{value}` (admin)
    DeleteAnswer(Category, Answer),
    /// `POST /suggestions/{category}` (public, rate-limited)
    Suggest(Category),
    /// `GET /suggestions` (admin)
    ListSuggestions,
    /// `POST /suggestions/{category}/{value}/approve` (admin)
    ApproveSuggestion(Category, Answer),
    /// `DELETE /suggestions/{category}/{value}` (admin)
    RejectSuggestion(Category, Answer),
    /// `GET /admin/session` (admin)
    AdminSession,
    /// `GET /admin/export` (admin)
    Export,
    /// `GET /wines`
    Wines,
    /// `PUT /wines` (admin)
    PutWines,
    /// `DELETE /wines/{name}` (admin)
    DeleteWine(Answer),
    /// `POST /suggestions/wines` (public, rate-limited)
    SuggestWine,
    /// `POST /suggestions/wines/{name}/approve` (admin)
    ApproveWine(Answer),
    /// `DELETE /suggestions/wines/{name}` (admin)
    RejectWine(Answer),
    /// `POST /plausible`
    Plausible,
    /// `GET /health`
    Health,
}

impl Route {
    /// Whether the route needs the admin bearer token.
    pub fn is_admin(&self) -> bool {
        !matches!(
            self,
            Route::AllAnswers
                | Route::CategoryAnswers(_)
                | Route::Suggest(_)
                | Route::Wines
                | Route::SuggestWine
                | Route::Plausible
                | Route::Health
        )
    }

    /// Whether the route is a public read (cached, `Cache-Control: no-cache`).
    pub fn is_public_read(&self) -> bool {
        matches!(
            self,
            Route::AllAnswers | Route::CategoryAnswers(_) | Route::Wines
        )
    }
}

/// What the router decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    Route(Route),
    /// An `OPTIONS` preflight for a route accepting these methods.
    Preflight(&'static str),
}

/// The shape of a known path, before the method is looked at.
enum Shape<'a> {
    AllAnswers,
    Category(&'a str),
    AnswerValue(&'a str, &'a str),
    Suggestions,
    SuggestCategory(&'a str),
    SuggestionValue(&'a str, &'a str),
    Approve(&'a str, &'a str),
    AdminSession,
    Export,
    Wines,
    Wine(&'a str),
    SuggestWines,
    SuggestedWine(&'a str),
    ApproveWine(&'a str),
    Plausible,
    Health,
}

impl Shape<'_> {
    fn allow(&self) -> &'static str {
        match self {
            Shape::AllAnswers
            | Shape::Suggestions
            | Shape::AdminSession
            | Shape::Export
            | Shape::Health => "GET",
            Shape::Category(_) => "GET, POST",
            Shape::Wines => "GET, PUT",
            Shape::AnswerValue(..)
            | Shape::SuggestionValue(..)
            | Shape::Wine(_)
            | Shape::SuggestedWine(_) => "DELETE",
            Shape::SuggestCategory(_)
            | Shape::Approve(..)
            | Shape::SuggestWines
            | Shape::ApproveWine(_)
            | Shape::Plausible => "POST",
        }
    }
}

fn shape(path: &str) -> Option<Shape<'_>> {
    let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    Some(match segments.as_slice() {
        ["answers"] => Shape::AllAnswers,
        ["answers", c] => Shape::Category(c),
        ["answers", c, v] => Shape::AnswerValue(c, v),
        ["suggestions"] => Shape::Suggestions,
        // `wines` is no category: these come before the category shapes.
        ["suggestions", "wines"] => Shape::SuggestWines,
        ["suggestions", "wines", n] => Shape::SuggestedWine(n),
        ["suggestions", "wines", n, "approve"] => Shape::ApproveWine(n),
        ["suggestions", c] => Shape::SuggestCategory(c),
        ["suggestions", c, v] => Shape::SuggestionValue(c, v),
        ["suggestions", c, v, "approve"] => Shape::Approve(c, v),
        ["admin", "session"] => Shape::AdminSession,
        ["admin", "export"] => Shape::Export,
        ["wines"] => Shape::Wines,
        ["plausible"] => Shape::Plausible,
        ["health"] => Shape::Health,
        ["wines", n] => Shape::Wine(n),
        _ => return None,
    })
}

fn category(raw: &str) -> Result<Category, ApiError> {
    let name: String = decode_segment(raw)
        .unwrap_or_default()
        .chars()
        .take(40)
        .collect();
    Category::parse(&name).ok_or_else(|| {
        ApiError::bad_request(format!(
            "unknown category `{name}`: use color, region, grape_variety, vintage_year or wine_name"
        ))
    })
}

fn value(raw: &str) -> Result<Answer, ApiError> {
    let text = decode_segment(raw).map_err(ApiError::bad_request)?;
    Answer::parse(&text).map_err(|e| ApiError::bad_request(format!("value {e}")))
}

fn name(raw: &str) -> Result<Answer, ApiError> {
    let text = decode_segment(raw).map_err(ApiError::bad_request)?;
    Answer::parse(&text).map_err(|e| ApiError::bad_request(format!("wine name {e}")))
}

/// Resolves a request line. `path` is the URL path as received (still percent-encoded).
pub fn resolve(method: &str, path: &str) -> Result<Resolved, ApiError> {
    let shape = shape(path)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no route for {path}")))?;
    if method == "OPTIONS" {
        return Ok(Resolved::Preflight(shape.allow()));
    }
    let route = match (method, shape) {
        ("GET", Shape::AllAnswers) => Route::AllAnswers,
        ("GET", Shape::Health) => Route::Health,
        ("GET", Shape::Category(c)) => Route::CategoryAnswers(category(c)?),
        ("POST", Shape::Category(c)) => Route::AddAnswers(category(c)?),
        ("DELETE", Shape::AnswerValue(c, v)) => Route::DeleteAnswer(category(c)?, value(v)?),
        ("GET", Shape::Suggestions) => Route::ListSuggestions,
        ("POST", Shape::SuggestCategory(c)) => Route::Suggest(category(c)?),
        ("DELETE", Shape::SuggestionValue(c, v)) => {
            Route::RejectSuggestion(category(c)?, value(v)?)
        }
        ("POST", Shape::Approve(c, v)) => Route::ApproveSuggestion(category(c)?, value(v)?),
        ("GET", Shape::AdminSession) => Route::AdminSession,
        ("GET", Shape::Export) => Route::Export,
        ("GET", Shape::Wines) => Route::Wines,
        ("PUT", Shape::Wines) => Route::PutWines,
        ("DELETE", Shape::Wine(n)) => Route::DeleteWine(name(n)?),
        ("POST", Shape::SuggestWines) => Route::SuggestWine,
        ("POST", Shape::ApproveWine(n)) => Route::ApproveWine(name(n)?),
        ("DELETE", Shape::SuggestedWine(n)) => Route::RejectWine(name(n)?),
        ("POST", Shape::Plausible) => Route::Plausible,
        (_, shape) => return Err(ApiError::method_not_allowed(shape.allow())),
    };
    Ok(Resolved::Route(route))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(method: &str, path: &str) -> Route {
        match resolve(method, path) {
            Ok(Resolved::Route(r)) => r,
            other => panic!("{method} {path}: {other:?}"),
        }
    }

    fn status(method: &str, path: &str) -> u16 {
        resolve(method, path).expect_err(path).status()
    }

    #[test]
    fn resolves_every_route() {
        assert_eq!(route("GET", "/answers"), Route::AllAnswers);
        assert_eq!(
            route("GET", "/answers/region"),
            Route::CategoryAnswers(Category::Region)
        );
        assert_eq!(
            route("POST", "/answers/wine_name"),
            Route::AddAnswers(Category::WineName)
        );
        let Route::DeleteAnswer(Category::WineName, a) =
            route("DELETE", "/answers/wine_name/Ch%C3%A2teau%20P%C3%A9trus")
        else {
            panic!()
        };
        assert_eq!(a.display, "Château Pétrus");
        assert_eq!(route("GET", "/suggestions"), Route::ListSuggestions);
        assert_eq!(
            route("POST", "/suggestions/color"),
            Route::Suggest(Category::Color)
        );
        assert!(matches!(
            route("POST", "/suggestions/color/Ros%C3%A9/approve"),
            Route::ApproveSuggestion(Category::Color, _)
        ));
        assert!(matches!(
            route("DELETE", "/suggestions/color/Red"),
            Route::RejectSuggestion(Category::Color, _)
        ));
        assert_eq!(route("GET", "/admin/session"), Route::AdminSession);
        assert_eq!(route("GET", "/admin/export"), Route::Export);
        assert_eq!(route("GET", "/wines"), Route::Wines);
        assert_eq!(route("PUT", "/wines"), Route::PutWines);
        let Route::DeleteWine(n) = route("DELETE", "/wines/Ch%C3%A2teau%20Latour") else {
            panic!()
        };
        assert_eq!(n.key, "château latour");
        assert_eq!(route("POST", "/suggestions/wines"), Route::SuggestWine);
        assert!(matches!(
            route("POST", "/suggestions/wines/Opus%20One/approve"),
            Route::ApproveWine(_)
        ));
        assert!(matches!(
            route("DELETE", "/suggestions/wines/Opus%20One"),
            Route::RejectWine(_)
        ));
        assert!(!Route::Wines.is_admin() && !Route::SuggestWine.is_admin());
        assert_eq!(route("POST", "/plausible"), Route::Plausible);
        assert!(!Route::Plausible.is_admin());
        assert!(Route::PutWines.is_admin() && Route::Export.is_admin());
        assert_eq!(
            resolve("OPTIONS", "/answers/region").unwrap(),
            Resolved::Preflight("GET, POST")
        );
    }

    #[test]
    fn refuses_with_the_right_status() {
        assert_eq!(status("GET", "/nope"), 404);
        assert_eq!(status("GET", "/answers/region/x/y"), 404);
        assert_eq!(status("GET", "answers"), 404);
        assert_eq!(status("PUT", "/answers"), 405);
        assert_eq!(status("DELETE", "/answers/region"), 405);
        assert_eq!(status("GET", "/suggestions/color"), 405);
        assert_eq!(status("POST", "/wines"), 405);
        assert_eq!(status("GET", "/plausible"), 405);
        assert_eq!(status("GET", "/suggestions/wines"), 405);
        assert_eq!(status("DELETE", "/wines/%ZZ"), 400);
        assert_eq!(status("DELETE", "/wines/a%07b"), 400);
        assert_eq!(status("GET", "/answers/colour"), 400);
        assert_eq!(status("DELETE", "/answers/region/%ZZ"), 400);
        assert_eq!(status("DELETE", "/answers/region/%E9"), 400);
        assert_eq!(status("DELETE", "/answers/region/%20%20"), 400);
        assert_eq!(status("DELETE", "/answers/region/a%07b"), 400);
        let long = "x".repeat(101);
        assert_eq!(status("DELETE", &format!("/answers/region/{long}")), 400);
        let err = resolve("PATCH", "/answers/region").unwrap_err();
        assert_eq!(err.allow, Some("GET, POST"));
    }
}
