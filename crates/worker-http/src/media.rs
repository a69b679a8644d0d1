//! Media types: only `application/json` (any parameters, any case) counts as JSON.
//!
//! Browsers send `text/plain`, `application/x-www-form-urlencoded` and `multipart/form-data`
//! across origins without a CORS preflight; refusing them stops any web page from making its
//! visitors' browsers write to the API (a JSON body from another origin needs a preflight).

/// Whether a `Content-Type` header value declares JSON (`application/json; charset=utf-8` does;
/// `text/plain`, `application/jsonx` and a missing header do not).
pub fn is_json_media_type(content_type: Option<&str>) -> bool {
    let Some(value) = content_type else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_application_json_is_json() {
        for yes in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            " application/json ;charset=UTF-8",
        ] {
            assert!(is_json_media_type(Some(yes)), "{yes}");
        }
        for no in [
            "text/plain",
            "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "application/ld+json",
            "json",
            "",
        ] {
            assert!(!is_json_media_type(Some(no)), "{no}");
        }
        assert!(!is_json_media_type(None));
    }
}
