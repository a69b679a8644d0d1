//! Plausibility benchmark (a plain program that prints figures, not a test): builds a
//! 5,000-wine catalog from the seeded wines (`seeds/wines.json`, each repeated under new
//! names) and the seeded collection, then times the knowledge build and one wine's plausible
//! options for every wine. Run: `cargo bench -p sommelier-core --bench plausible`.

use std::time::Instant;

use sommelier_core::api::answers::{AnswerCollection, CatalogWine, PlausibleInput};
use sommelier_core::plausible::{plausible_options, Knowledge};

const WINES: usize = 5_000;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/");
    let collection: AnswerCollection = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}answers.json")).expect("seeds/answers.json"),
    )
    .expect("answers.json parses");
    let seeded: Vec<CatalogWine> = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}wines.json")).expect("seeds/wines.json"),
    )
    .expect("wines.json parses");
    let catalog: Vec<CatalogWine> = (0..WINES)
        .map(|i| {
            let base = &seeded[i % seeded.len()];
            let name = if i < seeded.len() {
                base.name.clone()
            } else {
                format!("{} · cuvée {i}", base.name)
            };
            CatalogWine {
                name,
                ..base.clone()
            }
        })
        .collect();

    let mut builds = Vec::new();
    let mut k = Knowledge::default();
    for _ in 0..5 {
        let t = Instant::now();
        k = Knowledge::new(&collection, &catalog);
        builds.push(t.elapsed().as_secs_f64() * 1e6);
    }
    builds.sort_by(f64::total_cmp);

    let mut times = Vec::with_capacity(WINES);
    let mut options = 0usize;
    for (i, w) in catalog.iter().enumerate() {
        let input = PlausibleInput {
            color: Some(w.color.clone()),
            region: Some(w.region.clone()),
            grape_variety: Some(w.grape_variety.clone()),
            vintage_year: Some("2015".into()),
            wine_name: Some(w.name.clone()),
            seed: None,
        };
        let t = Instant::now();
        let out = plausible_options(&k, &input, i as u32, 2026);
        times.push(t.elapsed().as_secs_f64() * 1e6);
        options += out.color.len() + out.region.len() + out.grape_variety.len();
        options += out.vintage_year.len() + out.wine_name.len();
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "plausible: catalog {WINES} wines ({} seeded), {} colours, {} regions, {} grapes",
        seeded.len(),
        k.colours.len(),
        k.regions.len(),
        k.grapes.len()
    );
    println!(
        "  knowledge build (once per cache fill): median {:.0} µs",
        builds[2]
    );
    println!(
        "  one wine's options: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs, mean {:.1} µs ({options} options for {WINES} wines)",
        pct(0.5),
        pct(0.99),
        times[times.len() - 1],
        mean
    );
}
