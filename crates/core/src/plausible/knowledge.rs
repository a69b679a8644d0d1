//! What the plausibility rules know, derived once from the collection and the catalog (no
//! second hand-kept list): every colour, grape, region and catalog wine, a grape's skin colour
//! and the countries it is grown in, the grapes a region is known for, a region's country and
//! the larger areas it lies in (written in its own text: "Pauillac, Bordeaux, France").
//!
//! Texts are interned to small ids so a query compares integers; the first spelling seen wins.

use std::collections::HashMap;

use crate::answer_text::answer_key;
use crate::api::answers::{AnswerCollection, CatalogWine};
use crate::catalog::{country_of, enclosing_areas};
use crate::category::Category;

use super::colour::{family, tint, Family, Skin, Tint};

/// Index of an interned text.
pub type Id = u32;

/// Texts of one kind, unique by answer key, in first-seen order.
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub texts: Vec<String>,
    pub keys: Vec<String>,
    index: HashMap<String, Id>,
}

impl Names {
    fn intern(&mut self, text: &str) -> Id {
        let key = answer_key(text);
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let id = self.texts.len() as Id;
        self.texts.push(text.to_string());
        self.keys.push(key.clone());
        self.index.insert(key, id);
        id
    }

    /// The id of a text, matched ignoring case.
    pub fn find(&self, text: &str) -> Option<Id> {
        self.index.get(&answer_key(text)).copied()
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// One catalog wine, by ids.
#[derive(Debug, Clone, Copy)]
pub struct WineIds {
    pub name: Id,
    pub colour: Id,
    pub region: Id,
    pub grape: Id,
    pub country: Option<Id>,
}

/// Evidence of a grape's skin colour, gathered from its wines.
#[derive(Debug, Default, Clone, Copy)]
struct SkinEvidence {
    /// A still, sweet or fortified wine that is red or rosé.
    red: bool,
    /// A wine that is white or orange.
    white: bool,
    /// A sparkling red or rosé (blends of both skins: weakest evidence).
    sparkling_red: bool,
}

impl SkinEvidence {
    /// Red-skinned if any non-sparkling red or rosé is made from it (a Pinot Noir in
    /// Champagne stays red); else white if any white or orange wine is; else red if only
    /// sparkling reds or rosés are.
    fn skin(self) -> Option<Skin> {
        if self.red {
            Some(Skin::Red)
        } else if self.white {
            Some(Skin::White)
        } else if self.sparkling_red {
            Some(Skin::Red)
        } else {
            None
        }
    }
}

/// The derived knowledge the rules read.
#[derive(Debug, Default, Clone)]
pub struct Knowledge {
    pub colours: Names,
    pub grapes: Names,
    pub regions: Names,
    pub countries: Names,
    pub wines: Names,
    /// Per colour id: family and tint.
    pub colour_kind: Vec<(Family, Option<Tint>)>,
    /// Per grape id: skin colour, if the catalog shows it.
    pub grape_skin: Vec<Option<Skin>>,
    /// Per grape id: countries it is grown in (sorted ids).
    pub grape_countries: Vec<Vec<Id>>,
    /// Per region id: its country.
    pub region_country: Vec<Option<Id>>,
    /// Per region id: the answer keys of the larger areas it lies in, nearest first.
    pub region_areas: Vec<Vec<String>>,
    /// Per region id: grapes the catalog's wines from it are made of (sorted ids).
    pub region_grapes: Vec<Vec<Id>>,
    /// Per wine-name id: the catalog entry.
    pub wine: Vec<WineIds>,
}

fn push_sorted(list: &mut Vec<Id>, id: Id) {
    if let Err(at) = list.binary_search(&id) {
        list.insert(at, id);
    }
}

impl Knowledge {
    /// Derives everything from the collection and the catalog (deterministic for their order).
    pub fn new(collection: &AnswerCollection, catalog: &[CatalogWine]) -> Knowledge {
        let mut k = Knowledge::default();
        for c in collection.get(Category::Color) {
            k.colours.intern(c);
        }
        for g in collection.get(Category::GrapeVariety) {
            k.grapes.intern(g);
        }
        for r in collection.get(Category::Region) {
            k.regions.intern(r);
        }
        let mut wines = Vec::with_capacity(catalog.len());
        for w in catalog {
            let region = k.regions.intern(&w.region);
            let country = country_of(&w.region).map(|c| k.countries.intern(c));
            let ids = WineIds {
                name: k.wines.intern(&w.name),
                colour: k.colours.intern(&w.color),
                region,
                grape: k.grapes.intern(&w.grape_variety),
                country,
            };
            if ids.name as usize == wines.len() {
                wines.push(ids);
            }
        }
        // Regions only in the collection still have a country.
        k.region_country = k
            .regions
            .texts
            .clone()
            .iter()
            .map(|r| country_of(r).map(|c| k.countries.intern(c)))
            .collect();
        k.region_areas = k
            .regions
            .texts
            .iter()
            .map(|r| enclosing_areas(r).into_iter().map(answer_key).collect())
            .collect();
        k.colour_kind = k
            .colours
            .texts
            .iter()
            .map(|c| (family(c), tint(c)))
            .collect();
        let mut evidence = vec![SkinEvidence::default(); k.grapes.len()];
        k.grape_countries = vec![Vec::new(); k.grapes.len()];
        k.region_grapes = vec![Vec::new(); k.regions.len()];
        for w in &wines {
            let (fam, t) = k.colour_kind[w.colour as usize];
            let e = &mut evidence[w.grape as usize];
            match (fam, t) {
                (Family::Sparkling, Some(Tint::Red | Tint::Rose)) => e.sparkling_red = true,
                (_, Some(Tint::Red | Tint::Rose)) => e.red = true,
                (_, Some(Tint::White | Tint::Orange)) => e.white = true,
                (_, None) => {}
            }
            if let Some(country) = w.country {
                push_sorted(&mut k.grape_countries[w.grape as usize], country);
            }
            push_sorted(&mut k.region_grapes[w.region as usize], w.grape);
        }
        k.grape_skin = evidence.into_iter().map(SkinEvidence::skin).collect();
        k.wine = wines;
        k
    }

    /// The skin colour the catalog shows for a grape (matched ignoring case).
    pub fn skin_of(&self, grape: &str) -> Option<Skin> {
        self.grapes
            .find(grape)
            .and_then(|g| self.grape_skin[g as usize])
    }

    /// Whether a grape is grown in a country, by the catalog.
    pub fn grown_in(&self, grape: Id, country: Id) -> bool {
        self.grape_countries[grape as usize]
            .binary_search(&country)
            .is_ok()
    }

    /// Whether a region is known for a grape, by the catalog.
    pub fn known_for(&self, region: Id, grape: Id) -> bool {
        self.region_grapes[region as usize]
            .binary_search(&grape)
            .is_ok()
    }

    /// Whether one region lies in the other (either way), or both name the same place with
    /// other areas ("Pauillac, France" beside "Pauillac, Bordeaux, France", as a collection
    /// seeded before areas were written holds): such a region is never a wrong answer for
    /// the other ("Bordeaux" is not wrong for a Pauillac).
    pub fn overlaps(&self, a: Id, b: Id) -> bool {
        let (a, b) = (a as usize, b as usize);
        let (ka, kb) = (&self.regions.keys[a], &self.regions.keys[b]);
        let place = |key: &str| key.split(',').next().unwrap_or("").trim().to_string();
        self.region_areas[a].contains(kb)
            || self.region_areas[b].contains(ka)
            || (country_of(ka) == country_of(kb) && place(ka) == place(kb))
    }

    /// Whether two regions lie in a common area (Pauillac and Margaux, in Bordeaux).
    pub fn same_area(&self, a: Id, b: Id) -> bool {
        let theirs = &self.region_areas[b as usize];
        self.region_areas[a as usize]
            .iter()
            .any(|area| theirs.contains(area))
    }

    /// The catalog entry of a wine name (matched ignoring case).
    pub fn catalog_wine(&self, name: &str) -> Option<WineIds> {
        self.wines.find(name).map(|id| self.wine[id as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plausible::tests::w;

    #[test]
    fn derives_skins_countries_and_regions_from_the_catalog() {
        let coll = AnswerCollection {
            grape_variety: vec!["Assyrtiko".into()],
            region: vec!["Santorini, Greece".into()],
            ..AnswerCollection::default()
        };
        let k = Knowledge::new(
            &coll,
            &[
                w(
                    "Bollinger Special Cuvée",
                    "Sparkling white",
                    "Champagne, France",
                    "Pinot Noir",
                ),
                w(
                    "Domaine de la Romanée-Conti",
                    "Red",
                    "Côte de Nuits, France",
                    "Pinot Noir",
                ),
                w(
                    "Krug Grande Cuvée",
                    "Sparkling white",
                    "Champagne, France",
                    "Chardonnay",
                ),
                w(
                    "Ruinart Rosé",
                    "Sparkling rosé",
                    "Champagne, France",
                    "Chardonnay",
                ),
                w(
                    "Gravner Ribolla",
                    "Amber",
                    "Friuli-Venezia Giulia, Italy",
                    "Ribolla Gialla",
                ),
                w("Whispering Angel", "Rosé", "Provence, France", "Grenache"),
            ],
        );
        assert_eq!(
            k.skin_of("pinot noir"),
            Some(Skin::Red),
            "red despite Champagne"
        );
        assert_eq!(
            k.skin_of("Chardonnay"),
            Some(Skin::White),
            "white despite a rosé blend"
        );
        assert_eq!(
            k.skin_of("Ribolla Gialla"),
            Some(Skin::White),
            "orange wine: white grape"
        );
        assert_eq!(k.skin_of("Grenache"), Some(Skin::Red), "rosé: red grape");
        assert_eq!(k.skin_of("Assyrtiko"), None, "not in the catalog: unknown");
        let france = k.countries.find("France").unwrap();
        let pinot = k.grapes.find("Pinot Noir").unwrap();
        assert!(k.grown_in(pinot, france));
        let champagne = k.regions.find("champagne, france").unwrap();
        assert!(k.known_for(champagne, pinot));
        let santorini = k.regions.find("Santorini, Greece").unwrap();
        assert_eq!(
            k.region_country[santorini as usize],
            k.countries.find("Greece")
        );
        assert_eq!(
            k.catalog_wine("KRUG GRANDE CUVÉE").unwrap().grape,
            k.grapes.find("Chardonnay").unwrap()
        );
    }
}
