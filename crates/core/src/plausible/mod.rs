//! Plausible distractors (SPEC section 8): for a wine's correct answers, three wrong answers
//! per category that a taster could believe, each with suggested partial points. Pure and
//! deterministic: the same knowledge, answers, seed and current year give the same options.
//!
//! The rules, per category (candidates come in tiers; each tier is shuffled by the seed and
//! the tiers are taken in order until three are found):
//!
//! | category | a distractor is | tiers, best first (points) |
//! |---|---|---|
//! | colour | a colour of the same family, or of the same tint in another family; never another name for the right glass (Amber for Orange), one name per glass | same family (0); same tint (25) |
//! | region | a region in the same country or known for the same grape, never one that lies in the correct region or contains it | same area and grape (50); same area (50); same country and grape (50); same country (50); same grape elsewhere (0) |
//! | grape | a grape of the same skin colour | grown in the same country (25); elsewhere (0) |
//! | vintage | a distinct year within ±4, never after the current year | ±1 (50), ±2 (25); ±3, ±4 (0) |
//! | wine name | a catalog wine of the same colour sharing the grape or the country | same grape and country (25); same grape (0); same country (0) |
//!
//! Never the correct answer, no two equal ignoring case, fewer than three only when the data
//! has no more. A blank correct answer gets no distractors. Missing attributes are taken from
//! the catalog entry of the wine's name (so a name alone is enough).

pub mod colour;
pub mod knowledge;
pub mod points;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::answer_text::answer_key;
use crate::api::answers::{ByCategory, PlausibleInput, SuggestedOption};
use crate::catalog::country_of;
use crate::category::Category;

use colour::{family, tint, Family, Tint};
pub use knowledge::{Id, Knowledge};

/// Distractors proposed per question.
pub const DISTRACTORS: usize = 3;
/// Largest distance of a vintage distractor from the correct year.
pub const MAX_VINTAGE_DISTANCE: i32 = 4;

/// A candidate: its text and suggested points.
type Candidate<'a> = (&'a str, u8);

/// Takes up to three candidates, tier by tier (each shuffled), skipping the correct answer
/// and repeats ignoring case.
fn pick(
    tiers: Vec<Vec<Candidate<'_>>>,
    correct: &str,
    rng: &mut ChaCha8Rng,
) -> Vec<SuggestedOption> {
    let mut seen = vec![answer_key(correct)];
    let mut out = Vec::new();
    for mut tier in tiers {
        tier.shuffle(rng);
        for (text, points) in tier {
            if out.len() == DISTRACTORS {
                return out;
            }
            let key = answer_key(text);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.push(SuggestedOption {
                text: text.to_string(),
                points,
            });
        }
    }
    out
}

/// The wine's answers after filling blanks from its catalog entry.
struct Wine<'a> {
    colour: Option<&'a str>,
    region: Option<&'a str>,
    grape: Option<&'a str>,
    vintage: Option<&'a str>,
    name: Option<&'a str>,
}

impl<'a> Wine<'a> {
    fn new(k: &'a Knowledge, input: &'a PlausibleInput) -> Wine<'a> {
        let entry = input
            .answer(Category::WineName)
            .and_then(|n| k.catalog_wine(n));
        let from_entry = |category: Category| -> Option<&'a str> {
            let e = entry?;
            let (names, id) = match category {
                Category::Color => (&k.colours, e.colour),
                Category::Region => (&k.regions, e.region),
                _ => (&k.grapes, e.grape),
            };
            Some(names.texts[id as usize].as_str())
        };
        let get = |c: Category| input.answer(c).or_else(|| from_entry(c));
        Wine {
            colour: get(Category::Color),
            region: get(Category::Region),
            grape: get(Category::GrapeVariety),
            vintage: input.answer(Category::VintageYear),
            name: input.answer(Category::WineName),
        }
    }

    fn country(&self) -> Option<&'a str> {
        self.region.and_then(country_of)
    }
}

/// Colours of the same family first, then of the same tint in another family. A colour that
/// reads as the same glass as the right answer (Amber for Orange, Tawny for Fortified red)
/// would be a second right answer, so it is never offered; and two names for one glass
/// (Orange and Amber) never stand side by side: one of them, chosen at random, per kind.
fn colours<'a>(k: &'a Knowledge, correct: &str, rng: &mut ChaCha8Rng) -> Vec<Vec<Candidate<'a>>> {
    let own = (family(correct), tint(correct));
    let mut listed: Vec<(usize, (Family, Option<Tint>))> = k
        .colour_kind
        .iter()
        .enumerate()
        .map(|(i, &kind)| (i, kind))
        .filter(|&(_, kind)| own.1.is_none() || kind != own)
        .collect();
    listed.shuffle(rng);
    let mut kinds_seen = Vec::new();
    let mut same_family = Vec::new();
    let mut same_tint = Vec::new();
    for (i, kind) in listed {
        if kind.1.is_some() {
            if kinds_seen.contains(&kind) {
                continue;
            }
            kinds_seen.push(kind);
        }
        let text = k.colours.texts[i].as_str();
        if kind.0 == own.0 {
            same_family.push((text, 0));
        } else if own.1.is_some() && kind.1 == own.1 {
            same_tint.push((text, points::COLOUR_SAME_TINT));
        }
    }
    vec![same_family, same_tint]
}

fn regions<'a>(k: &'a Knowledge, wine: &Wine<'_>) -> Vec<Vec<Candidate<'a>>> {
    let country = wine.country().and_then(|c| k.countries.find(c));
    let grape = wine.grape.and_then(|g| k.grapes.find(g));
    let own = wine.region.and_then(|r| k.regions.find(r));
    let mut tiers = vec![Vec::new(); 5];
    for (id, text) in k.regions.texts.iter().enumerate() {
        let id = id as Id;
        // A region that holds the correct one, or lies in it, is not wrong.
        if own.is_some_and(|own| k.overlaps(own, id)) {
            continue;
        }
        let same_area = own.is_some_and(|own| k.same_area(own, id));
        let same_country = country.is_some() && k.region_country[id as usize] == country;
        let same_grape = grape.is_some_and(|g| k.known_for(id, g));
        let tier = match (same_area, same_country, same_grape) {
            (true, _, true) => 0,
            (true, _, false) => 1,
            (false, true, true) => 2,
            (false, true, false) => 3,
            (false, false, true) => 4,
            (false, false, false) => continue,
        };
        let points = if same_country {
            points::REGION_SAME_COUNTRY
        } else {
            0
        };
        tiers[tier].push((text.as_str(), points));
    }
    tiers
}

fn grapes<'a>(k: &'a Knowledge, wine: &Wine<'_>, correct: &str) -> Vec<Vec<Candidate<'a>>> {
    // The grape's own skin when the catalog knows it, else the wine's colour tells.
    let skin = k
        .skin_of(correct)
        .or_else(|| wine.colour.and_then(tint).map(|t| t.skin()));
    let Some(skin) = skin else {
        return Vec::new();
    };
    let country = wine.country().and_then(|c| k.countries.find(c));
    let mut local = Vec::new();
    let mut elsewhere = Vec::new();
    for (id, text) in k.grapes.texts.iter().enumerate() {
        if k.grape_skin[id] != Some(skin) {
            continue;
        }
        if country.is_some_and(|c| k.grown_in(id as u32, c)) {
            local.push((text.as_str(), points::GRAPE_SAME_COUNTRY));
        } else {
            elsewhere.push((text.as_str(), 0));
        }
    }
    vec![local, elsewhere]
}

fn wine_names<'a>(k: &'a Knowledge, wine: &Wine<'_>) -> Vec<Vec<Candidate<'a>>> {
    let Some(colour) = wine.colour.and_then(|c| k.colours.find(c)) else {
        return Vec::new();
    };
    let grape = wine.grape.and_then(|g| k.grapes.find(g));
    let country = wine.country().and_then(|c| k.countries.find(c));
    let mut tiers = vec![Vec::new(), Vec::new(), Vec::new()];
    for w in &k.wine {
        if w.colour != colour {
            continue;
        }
        let same_grape = grape == Some(w.grape);
        let same_country = country.is_some() && w.country == country;
        let (tier, points) = match (same_grape, same_country) {
            (true, true) => (0, points::WINE_SAME_GRAPE_AND_COUNTRY),
            (true, false) => (1, 0),
            (false, true) => (2, 0),
            (false, false) => continue,
        };
        tiers[tier].push((k.wines.texts[w.name as usize].as_str(), points));
    }
    tiers
}

/// Parses a vintage: a year of four digits.
pub fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim();
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// Vintage candidates in two tiers (±1–2, then ±3–4), years after `current_year` left out.
fn vintage_tiers(correct: &str, current_year: i32) -> [Vec<(String, u8)>; 2] {
    let mut tiers = [Vec::new(), Vec::new()];
    let Some(year) = parse_year(correct) else {
        return tiers;
    };
    for d in 1..=MAX_VINTAGE_DISTANCE {
        for y in [year - d, year + d] {
            if y <= current_year && y >= 1000 {
                tiers[usize::from(d > 2)].push((y.to_string(), points::vintage(d as u32)));
            }
        }
    }
    tiers
}

/// Up to three plausible distractors per category for a wine, with suggested points.
/// `current_year` bounds vintages (never in the future); `seed` picks among equals.
pub fn plausible_options(
    k: &Knowledge,
    input: &PlausibleInput,
    seed: u32,
    current_year: i32,
) -> ByCategory<Vec<SuggestedOption>> {
    let wine = Wine::new(k, input);
    let mut out = ByCategory::<Vec<SuggestedOption>>::default();
    for category in Category::ALL {
        // One stream per category, so shuffling one question leaves the others alone.
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed) << 8 | category.index() as u64);
        let correct = match category {
            Category::Color => wine.colour,
            Category::Region => wine.region,
            Category::GrapeVariety => wine.grape,
            Category::VintageYear => wine.vintage,
            Category::WineName => wine.name,
        };
        let Some(correct) = correct else { continue };
        let options = match category {
            Category::Color => pick(colours(k, correct, &mut rng), correct, &mut rng),
            Category::Region => pick(regions(k, &wine), correct, &mut rng),
            Category::GrapeVariety => pick(grapes(k, &wine, correct), correct, &mut rng),
            Category::WineName => pick(wine_names(k, &wine), correct, &mut rng),
            Category::VintageYear => {
                let owned = vintage_tiers(correct, current_year);
                let tiers = owned
                    .iter()
                    .map(|t| t.iter().map(|(y, p)| (y.as_str(), *p)).collect())
                    .collect();
                pick(tiers, correct, &mut rng)
            }
        };
        *out.get_mut(category) = options;
    }
    out
}

#[cfg(test)]
mod tests;
