//! Pseudonyms and host handles: `ADJECTIVE-NOUN` from two wine-themed word lists (60 × 60),
//! unique within a session. A random draw first, then a scan for a free pair; never a
//! non-unique fallback: when every pair is taken the caller refuses the join.

use rand::{Rng, RngCore};

/// Adjectives a taster might use.
pub const ADJECTIVES: [&str; 60] = [
    "TANNIC",
    "OAKY",
    "CRISP",
    "FRUITY",
    "DRY",
    "SWEET",
    "BOLD",
    "VELVETY",
    "EARTHY",
    "FLORAL",
    "SPICY",
    "JAMMY",
    "MINERAL",
    "ZESTY",
    "SILKY",
    "ROBUST",
    "SUPPLE",
    "LUSH",
    "RIPE",
    "TART",
    "SMOKY",
    "BUTTERY",
    "HONEYED",
    "PEPPERY",
    "FRESH",
    "AGED",
    "NUTTY",
    "TOASTY",
    "BRIGHT",
    "ELEGANT",
    "RICH",
    "CREAMY",
    "HERBAL",
    "CITRUSY",
    "PLUMMY",
    "MELLOW",
    "STRUCTURED",
    "BALANCED",
    "COMPLEX",
    "SPARKLING",
    "FIZZY",
    "GOLDEN",
    "RUBY",
    "GARNET",
    "AMBER",
    "DUSTY",
    "JUICY",
    "LIVELY",
    "ROUND",
    "FLINTY",
    "LEATHERY",
    "GRASSY",
    "MOSSY",
    "OPULENT",
    "RUSTIC",
    "VIBRANT",
    "STONY",
    "SMOOTH",
    "FIRM",
    "CHEWY",
];

/// Grapes and things of the cellar.
pub const NOUNS: [&str; 60] = [
    "MERLOT",
    "MALBEC",
    "SYRAH",
    "RIESLING",
    "GAMAY",
    "MUSCAT",
    "TEMPRANILLO",
    "SANGIOVESE",
    "NEBBIOLO",
    "GRENACHE",
    "CHARDONNAY",
    "VIOGNIER",
    "ZINFANDEL",
    "CARMENERE",
    "BARBERA",
    "PINOTAGE",
    "SEMILLON",
    "MOURVEDRE",
    "TANNAT",
    "AGLIANICO",
    "CORK",
    "CASK",
    "BARREL",
    "CELLAR",
    "VINEYARD",
    "DECANTER",
    "CARAFE",
    "GOBLET",
    "VINTNER",
    "SOMMELIER",
    "CORKSCREW",
    "MAGNUM",
    "JEROBOAM",
    "TERROIR",
    "CHATEAU",
    "CUVEE",
    "HARVEST",
    "TENDRIL",
    "VINE",
    "TRELLIS",
    "GRAPE",
    "BOTTLE",
    "GLASS",
    "TOAST",
    "BOUQUET",
    "CRU",
    "DOMAINE",
    "BODEGA",
    "WINERY",
    "PRESS",
    "SLOPE",
    "ESTATE",
    "AROMA",
    "LEES",
    "SOLERA",
    "VERAISON",
    "RIDDLER",
    "CELLARER",
    "TASTER",
    "NEGOCIANT",
];

/// How many distinct pseudonyms exist.
pub const COMBINATIONS: usize = ADJECTIVES.len() * NOUNS.len();

fn pair(index: usize) -> String {
    let adj = ADJECTIVES[(index / NOUNS.len()) % ADJECTIVES.len()];
    let noun = NOUNS[index % NOUNS.len()];
    format!("{adj}-{noun}")
}

/// A pseudonym for which `taken` is false, or `None` when all are taken.
pub fn draw_pseudonym(rng: &mut dyn RngCore, taken: impl Fn(&str) -> bool) -> Option<String> {
    let start = rng.random_range(0..COMBINATIONS);
    (0..COMBINATIONS)
        .map(|offset| pair((start + offset) % COMBINATIONS))
        .find(|candidate| !taken(candidate))
}

/// A host display handle (public, grants nothing).
pub fn random_handle(rng: &mut dyn RngCore) -> String {
    pair(rng.random_range(0..COMBINATIONS))
}

/// Whether a host-supplied handle has the `ADJECTIVE-NOUN` shape (upper-case words, ≤ 40 chars).
pub fn is_valid_handle(handle: &str) -> bool {
    handle.len() <= 40
        && handle.split('-').count() >= 2
        && handle.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use std::collections::HashSet;

    #[test]
    fn lists_are_large_unique_and_upper_case() {
        for list in [&ADJECTIVES[..], &NOUNS[..]] {
            assert!(list.len() >= 40);
            let set: HashSet<_> = list.iter().collect();
            assert_eq!(set.len(), list.len());
            assert!(list
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_uppercase())));
        }
    }

    #[test]
    fn every_combination_is_drawn_once_then_none() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut taken = HashSet::new();
        for _ in 0..COMBINATIONS {
            let p = draw_pseudonym(&mut rng, |c| taken.contains(c)).unwrap();
            assert!(is_valid_handle(&p));
            assert!(taken.insert(p));
        }
        assert_eq!(draw_pseudonym(&mut rng, |c| taken.contains(c)), None);
    }

    #[test]
    fn handle_shape() {
        assert!(is_valid_handle("TANNIC-FALCON"));
        assert!(!is_valid_handle("tannic-falcon"));
        assert!(!is_valid_handle("TANNIC"));
        assert!(!is_valid_handle("TANNIC--FALCON"));
    }
}
