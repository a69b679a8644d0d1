//! The wine catalog's rules (SPEC section 8): what a catalog entry is, how a batch is checked,
//! and the links the plausibility rules read from it (a region's country).
//!
//! A catalog wine has four texts, each following the answer-text rule; its region is written
//! "Region, Country" (the country is what follows the last comma), or with the larger areas
//! it lies in between them, smallest first: "Pauillac, Bordeaux, France". Names are unique ignoring
//! case (the same key as answers). The vintage is the bottle's, never the catalog's.

use std::collections::HashMap;

use crate::answer_text::{answer_key, normalize_answer};
use crate::api::answers::CatalogWine;
use crate::protocol::{FieldCode, FieldError};

/// Most wines the catalog holds.
pub const MAX_WINES: usize = 5_000;
/// Most wines one `PUT /wines` may carry (with the attribute values it may add, one request
/// stays under the Workers limit of 1,000 KV operations per invocation).
pub const MAX_WINES_PER_BATCH: usize = 200;

/// The country of a region written "Region, Country" (text after the last comma, trimmed).
pub fn country_of(region: &str) -> Option<&str> {
    let (_, country) = region.rsplit_once(',')?;
    let country = country.trim();
    (!country.is_empty()).then_some(country)
}

/// The areas a region lies in, nearest first, each written as a region itself:
/// "Meursault, Côte de Beaune, Burgundy, France" lies in "Côte de Beaune, Burgundy, France"
/// and "Burgundy, France". A country alone is not an area. Empty for "Region, Country".
pub fn enclosing_areas(region: &str) -> Vec<&str> {
    let mut areas = Vec::new();
    let mut rest = region;
    while let Some((_, outer)) = rest.split_once(',') {
        let outer = outer.trim_start();
        if !outer.contains(',') {
            break;
        }
        areas.push(outer);
        rest = outer;
    }
    areas
}

/// The identity of a wine in the catalog: its name's answer key.
pub fn wine_key(name: &str) -> String {
    answer_key(name)
}

/// Checks and normalises one wine (trimmed texts); errors carry `prefix.field` paths.
pub fn check_wine(wine: &CatalogWine, prefix: &str) -> Result<CatalogWine, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |name: &str, raw: &str| match normalize_answer(raw) {
        Ok(text) => text,
        Err(e) => {
            errors.push(FieldError::new(
                format!("{prefix}{name}"),
                e.code(),
                format!("{name} {e}"),
            ));
            String::new()
        }
    };
    let checked = CatalogWine {
        name: field("name", &wine.name),
        color: field("color", &wine.color),
        region: field("region", &wine.region),
        grape_variety: field("grape_variety", &wine.grape_variety),
    };
    let has_country = |region: &str| {
        region
            .rsplit_once(',')
            .is_some_and(|(r, c)| !r.trim().is_empty() && !c.trim().is_empty())
    };
    if !checked.region.is_empty() && !has_country(&checked.region) {
        errors.push(FieldError::new(
            format!("{prefix}region"),
            FieldCode::Format,
            "region must be written \"Region, Country\" (e.g. \"Rioja, Spain\")",
        ));
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}

/// Checks a whole `PUT /wines` batch: 1–[`MAX_WINES_PER_BATCH`] wines, each valid, no name
/// twice (ignoring case). Any problem refuses the batch; every problem is reported.
pub fn check_batch(wines: &[CatalogWine]) -> Result<Vec<CatalogWine>, Vec<FieldError>> {
    if wines.is_empty() || wines.len() > MAX_WINES_PER_BATCH {
        let code = if wines.is_empty() {
            FieldCode::TooFew { min: 1 }
        } else {
            FieldCode::TooMany {
                max: MAX_WINES_PER_BATCH as u32,
            }
        };
        return Err(vec![FieldError::new(
            "wines",
            code,
            format!(
                "send 1 to {MAX_WINES_PER_BATCH} wines per request (got {})",
                wines.len()
            ),
        )]);
    }
    let mut errors = Vec::new();
    let mut checked = Vec::with_capacity(wines.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, wine) in wines.iter().enumerate() {
        match check_wine(wine, &format!("wines[{i}].")) {
            Ok(w) => {
                if let Some(first) = seen.insert(wine_key(&w.name), i) {
                    errors.push(FieldError::new(
                        format!("wines[{i}].name"),
                        FieldCode::Duplicate,
                        format!("repeats the name of wines[{first}] (ignoring case)"),
                    ));
                }
                checked.push(w);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wine(name: &str, region: &str) -> CatalogWine {
        CatalogWine {
            name: name.into(),
            color: "Red".into(),
            region: region.into(),
            grape_variety: "Tempranillo".into(),
        }
    }

    #[test]
    fn areas_are_the_larger_regions_a_region_lies_in() {
        assert_eq!(
            enclosing_areas("Meursault, Côte de Beaune, Burgundy, France"),
            vec!["Côte de Beaune, Burgundy, France", "Burgundy, France"]
        );
        assert_eq!(
            enclosing_areas("Pauillac, Bordeaux, France"),
            vec!["Bordeaux, France"]
        );
        assert!(enclosing_areas("Rioja, Spain").is_empty());
        assert!(enclosing_areas("Rioja").is_empty());
    }

    #[test]
    fn countries_follow_the_last_comma() {
        assert_eq!(country_of("Rioja, Spain"), Some("Spain"));
        assert_eq!(
            country_of("Sonoma, California, United States"),
            Some("United States")
        );
        assert_eq!(country_of("Rioja"), None);
        assert_eq!(country_of("Rioja, "), None);
    }

    #[test]
    fn a_wine_is_trimmed_and_checked_field_by_field() {
        let ok = check_wine(&wine("  Viña Ardanza ", " Rioja, Spain "), "").unwrap();
        assert_eq!(ok.name, "Viña Ardanza");
        assert_eq!(ok.region, "Rioja, Spain");
        for (w, path) in [
            (wine("", "Rioja, Spain"), "name"),
            (wine("a\u{7}b", "Rioja, Spain"), "name"),
            (wine(&"x".repeat(101), "Rioja, Spain"), "name"),
            (wine("Viña Ardanza", "Rioja"), "region"),
            (wine("Viña Ardanza", ", Spain"), "region"),
        ] {
            let errors = check_wine(&w, "").unwrap_err();
            assert_eq!(errors[0].path, path, "{w:?}");
        }
    }

    #[test]
    fn a_batch_with_one_bad_entry_or_a_repeat_is_refused_whole() {
        let good = wine("Viña Ardanza", "Rioja, Spain");
        assert_eq!(check_batch(std::slice::from_ref(&good)).unwrap().len(), 1);
        let errors = check_batch(&[good.clone(), wine("", "Rioja, Spain")]).unwrap_err();
        assert_eq!(errors[0].path, "wines[1].name");
        let errors =
            check_batch(&[good.clone(), wine("VIÑA ARDANZA", "Rioja, Spain")]).unwrap_err();
        assert_eq!(errors[0].path, "wines[1].name");
        assert!(check_batch(&[]).is_err());
        assert!(check_batch(&vec![good; MAX_WINES_PER_BATCH + 1]).is_err());
    }
}
