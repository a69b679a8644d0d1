//! Unit tests of the plausibility rules on a small hand-made catalog (the property tests over
//! the whole seeded catalog are in `tests/plausible_props.rs`).

use super::*;
use crate::api::answers::{AnswerCollection, CatalogWine};

/// A catalog wine (also used by `knowledge`'s tests).
pub(super) fn w(name: &str, color: &str, region: &str, grape: &str) -> CatalogWine {
    CatalogWine {
        name: name.into(),
        color: color.into(),
        region: region.into(),
        grape_variety: grape.into(),
    }
}

fn knowledge() -> Knowledge {
    let coll = AnswerCollection {
        color: [
            "Red",
            "White",
            "Rosé",
            "Orange",
            "Sparkling white",
            "Sparkling rosé",
            "Sweet white",
            "Fortified red",
            "Tawny",
        ]
        .map(String::from)
        .to_vec(),
        region: vec!["Jura, France".into()],
        ..AnswerCollection::default()
    };
    Knowledge::new(
        &coll,
        &[
            w(
                "Château Margaux",
                "Red",
                "Margaux, France",
                "Cabernet Sauvignon",
            ),
            w(
                "Château Latour",
                "Red",
                "Pauillac, France",
                "Cabernet Sauvignon",
            ),
            w(
                "Château Lafite Rothschild",
                "Red",
                "Pauillac, France",
                "Cabernet Sauvignon",
            ),
            w("Pétrus", "Red", "Pomerol, France", "Merlot"),
            w(
                "Opus One",
                "Red",
                "Napa Valley, United States",
                "Cabernet Sauvignon",
            ),
            w(
                "Domaine de la Romanée-Conti",
                "Red",
                "Côte de Nuits, France",
                "Pinot Noir",
            ),
            w(
                "Cloudy Bay Sauvignon Blanc",
                "White",
                "Marlborough, New Zealand",
                "Sauvignon Blanc",
            ),
            w(
                "Sancerre Les Monts Damnés",
                "White",
                "Sancerre, France",
                "Sauvignon Blanc",
            ),
            w(
                "Meursault Charmes",
                "White",
                "Meursault, France",
                "Chardonnay",
            ),
            w(
                "Krug Grande Cuvée",
                "Sparkling white",
                "Champagne, France",
                "Pinot Noir",
            ),
            w(
                "Château d'Yquem",
                "Sweet white",
                "Sauternes, France",
                "Sémillon",
            ),
            w(
                "Vega Sicilia Único",
                "Red",
                "Ribera del Duero, Spain",
                "Tempranillo",
            ),
        ],
    )
}

fn input(name: &str, vintage: &str) -> PlausibleInput {
    PlausibleInput {
        wine_name: Some(name.into()),
        vintage_year: Some(vintage.into()),
        ..PlausibleInput::default()
    }
}

fn texts(options: &[SuggestedOption]) -> Vec<&str> {
    options.iter().map(|o| o.text.as_str()).collect()
}

#[test]
fn a_name_alone_fills_the_wine_from_the_catalog() {
    let k = knowledge();
    let out = plausible_options(&k, &input("château latour", "2010"), 7, 2026);
    for c in Category::ALL {
        assert_eq!(out.get(c).len(), 3, "{c}: {:?}", out.get(c));
    }
    // Colours: still wines first.
    for o in &out.color {
        assert_eq!(family(&o.text), colour::Family::Still, "{o:?}");
    }
    // Regions: French, with 50 points.
    for o in &out.region {
        assert!(o.text.ends_with(", France"), "{o:?}");
        assert_eq!(o.points, 50);
    }
    // Grapes: red, grown in France first.
    for o in &out.grape_variety {
        assert!(
            ["Merlot", "Pinot Noir", "Tempranillo"].contains(&o.text.as_str()),
            "{o:?}"
        );
    }
    let tempranillo = out.grape_variety.iter().find(|o| o.text == "Tempranillo");
    assert!(
        tempranillo.is_none_or(|o| o.points == 0),
        "not grown in France"
    );
    // Wines: red Cabernets from France first (25 points), then the Napa one.
    assert!(texts(&out.wine_name).contains(&"Château Margaux"));
    assert!(!texts(&out.wine_name).contains(&"Château Latour"));
    for o in &out.vintage_year {
        let y: i32 = o.text.parse().unwrap();
        assert!((2008..=2012).contains(&y) && y != 2010, "{o:?}");
        assert_eq!(o.points, points::vintage((y - 2010).unsigned_abs()));
    }
}

#[test]
fn the_same_seed_gives_the_same_options_and_another_seed_reshuffles() {
    let k = knowledge();
    let a = plausible_options(&k, &input("Château Latour", "2010"), 1, 2026);
    assert_eq!(
        a,
        plausible_options(&k, &input("Château Latour", "2010"), 1, 2026)
    );
    let differs =
        (2..40).any(|s| plausible_options(&k, &input("Château Latour", "2010"), s, 2026) != a);
    assert!(differs);
}

#[test]
fn vintages_stay_within_four_years_and_never_in_the_future() {
    let k = knowledge();
    for seed in 0..50 {
        let out = plausible_options(&k, &input("Pétrus", "2025"), seed, 2026);
        assert_eq!(out.vintage_year.len(), 3);
        for o in &out.vintage_year {
            let y: i32 = o.text.parse().unwrap();
            assert!((2021..=2026).contains(&y) && y != 2025, "{o:?}");
        }
    }
    let nv = plausible_options(&k, &input("Pétrus", "NV"), 0, 2026);
    assert!(nv.vintage_year.is_empty(), "not a year: nothing to be near");
}

#[test]
fn a_sparkling_colour_falls_back_to_its_tint_with_points() {
    let k = knowledge();
    let out = plausible_options(&k, &input("Krug Grande Cuvée", "2008"), 3, 2026);
    let colours = &out.color;
    assert_eq!(
        colours[0].text, "Sparkling rosé",
        "the only other sparkling colour comes first"
    );
    assert_eq!(colours[0].points, 0);
    for o in &colours[1..] {
        assert!(["White", "Sweet white"].contains(&o.text.as_str()), "{o:?}");
        assert_eq!(o.points, points::COLOUR_SAME_TINT);
    }
    // Pinot Noir is red-skinned (Burgundy), whatever the Champagne's colour.
    for o in &out.grape_variety {
        assert_eq!(k.skin_of(&o.text), Some(colour::Skin::Red), "{o:?}");
    }
}

#[test]
fn blank_answers_get_nothing_and_hand_typed_wines_still_work() {
    let k = knowledge();
    assert_eq!(
        plausible_options(&k, &PlausibleInput::default(), 0, 2026),
        ByCategory::default()
    );
    let typed = PlausibleInput {
        color: Some("White".into()),
        region: Some("Marlborough, New Zealand".into()),
        grape_variety: Some("Sauvignon Blanc".into()),
        wine_name: Some("My Own Sauvignon".into()),
        ..PlausibleInput::default()
    };
    let out = plausible_options(&k, &typed, 0, 2026);
    assert!(out
        .wine_name
        .iter()
        .any(|o| o.text == "Cloudy Bay Sauvignon Blanc"));
    for o in &out.grape_variety {
        assert_eq!(k.skin_of(&o.text), Some(colour::Skin::White));
    }
    assert!(out.vintage_year.is_empty());
}

#[test]
fn a_region_never_offers_the_area_it_lies_in_and_prefers_its_neighbours() {
    let coll = AnswerCollection {
        region: [
            "Bordeaux, France",
            "Burgundy, France",
            "Côte de Nuits, Burgundy, France",
            "Gevrey-Chambertin, Côte de Nuits, Burgundy, France",
            "Rhône, France",
            "Pauillac, France",
        ]
        .map(String::from)
        .to_vec(),
        ..AnswerCollection::default()
    };
    let k = Knowledge::new(
        &coll,
        &[
            w(
                "Château Latour",
                "Red",
                "Pauillac, Bordeaux, France",
                "Cabernet Sauvignon",
            ),
            w(
                "Château Margaux",
                "Red",
                "Margaux, Bordeaux, France",
                "Cabernet Sauvignon",
            ),
            w(
                "Château Léoville Las Cases",
                "Red",
                "Saint-Julien, Bordeaux, France",
                "Cabernet Sauvignon",
            ),
            w(
                "Château d'Yquem",
                "Sweet white",
                "Sauternes, Bordeaux, France",
                "Sémillon",
            ),
            w("Chapoutier Hermitage", "Red", "Hermitage, France", "Syrah"),
        ],
    );
    for seed in 0..40 {
        let out = plausible_options(&k, &input("Château Latour", "2010"), seed, 2026);
        let regions = texts(&out.region);
        assert!(!regions.contains(&"Bordeaux, France"), "{regions:?}");
        assert!(
            !regions.contains(&"Pauillac, France"),
            "the same place: {regions:?}"
        );
        // Neighbours in Bordeaux known for Cabernet first, then the rest of Bordeaux.
        assert!(
            regions.contains(&"Margaux, Bordeaux, France"),
            "{regions:?}"
        );
        assert!(
            regions.contains(&"Saint-Julien, Bordeaux, France"),
            "{regions:?}"
        );
        assert!(
            regions.contains(&"Sauternes, Bordeaux, France"),
            "{regions:?}"
        );
        // A larger area is never wrong for what lies in it, nor the other way round.
        let gevrey = PlausibleInput {
            region: Some("Gevrey-Chambertin, Côte de Nuits, Burgundy, France".into()),
            ..PlausibleInput::default()
        };
        let out = plausible_options(&k, &gevrey, seed, 2026);
        for o in &out.region {
            assert!(!o.text.contains("Burgundy"), "{o:?}");
        }
        let bordeaux = PlausibleInput {
            region: Some("Bordeaux, France".into()),
            ..PlausibleInput::default()
        };
        let out = plausible_options(&k, &bordeaux, seed, 2026);
        for o in &out.region {
            assert!(!o.text.ends_with("Bordeaux, France"), "{o:?}");
        }
    }
}
