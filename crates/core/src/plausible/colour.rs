//! What a colour text says about a wine: its family (still, sparkling, sweet, fortified) and
//! its tint (red, rosé, white, orange), read from the words of the text itself, so any colour
//! the admin adds is classified without a second list of colours.
//!
//! Words: `sparkling` → sparkling; `sweet` → sweet; `fortified` or `tawny` → fortified;
//! anything else is still. `rosé`/`rose` → rosé; `red`, `tawny`, `clairet` → red; `white` →
//! white; `orange`, `amber` → orange. A colour with none of the tint words has no tint.

use crate::answer_text::answer_key;

/// How a wine is made, as far as its colour text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Still,
    Sparkling,
    Sweet,
    Fortified,
}

/// What a wine looks like in the glass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tint {
    Red,
    Rose,
    White,
    Orange,
}

/// A grape's skin colour, derived from the wines made of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skin {
    Red,
    White,
}

impl Tint {
    /// The skin of the grapes such a wine is made from (rosé from red grapes, orange wine from
    /// white grapes macerated on their skins).
    pub fn skin(self) -> Skin {
        match self {
            Tint::Red | Tint::Rose => Skin::Red,
            Tint::White | Tint::Orange => Skin::White,
        }
    }
}

fn words(colour: &str) -> Vec<String> {
    answer_key(colour)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The family of a colour text.
pub fn family(colour: &str) -> Family {
    let words = words(colour);
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("sparkling") {
        Family::Sparkling
    } else if has("fortified") || has("tawny") {
        Family::Fortified
    } else if has("sweet") {
        Family::Sweet
    } else {
        Family::Still
    }
}

/// The tint of a colour text, if it names one.
pub fn tint(colour: &str) -> Option<Tint> {
    let words = words(colour);
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("rosé") || has("rose") {
        Some(Tint::Rose)
    } else if has("red") || has("tawny") || has("clairet") {
        Some(Tint::Red)
    } else if has("white") {
        Some(Tint::White)
    } else if has("orange") || has("amber") {
        Some(Tint::Orange)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_family_and_tint_from_the_words() {
        let cases = [
            ("Red", Family::Still, Some(Tint::Red)),
            ("White", Family::Still, Some(Tint::White)),
            ("Rosé", Family::Still, Some(Tint::Rose)),
            ("Orange", Family::Still, Some(Tint::Orange)),
            ("Amber", Family::Still, Some(Tint::Orange)),
            ("Clairet", Family::Still, Some(Tint::Red)),
            ("Sparkling white", Family::Sparkling, Some(Tint::White)),
            ("Sparkling rosé", Family::Sparkling, Some(Tint::Rose)),
            ("Sweet white", Family::Sweet, Some(Tint::White)),
            ("Fortified red", Family::Fortified, Some(Tint::Red)),
            ("Fortified white", Family::Fortified, Some(Tint::White)),
            ("Tawny", Family::Fortified, Some(Tint::Red)),
            ("SPARKLING RED", Family::Sparkling, Some(Tint::Red)),
            ("Golden", Family::Still, None),
        ];
        for (text, fam, t) in cases {
            assert_eq!((family(text), tint(text)), (fam, t), "{text}");
        }
        assert_eq!(Tint::Rose.skin(), Skin::Red);
        assert_eq!(Tint::Orange.skin(), Skin::White);
    }
}
