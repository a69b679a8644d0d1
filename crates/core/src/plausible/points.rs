//! The suggested partial points of a near miss (SPEC section 5): proposals the host sees and
//! may change in the form, never imposed. docs/answers-api.md prints this table.

/// A vintage one year off.
pub const VINTAGE_ONE_YEAR: u8 = 50;
/// A vintage two years off.
pub const VINTAGE_TWO_YEARS: u8 = 25;
/// A region in the right country.
pub const REGION_SAME_COUNTRY: u8 = 50;
/// A grape of the same colour grown in the wine's country.
pub const GRAPE_SAME_COUNTRY: u8 = 25;
/// A colour of the right tint in another family ("White" for "Sparkling white").
pub const COLOUR_SAME_TINT: u8 = 25;
/// Another wine of the same colour, grape and country.
pub const WINE_SAME_GRAPE_AND_COUNTRY: u8 = 25;

/// The points of a vintage `distance` years off.
pub fn vintage(distance: u32) -> u8 {
    match distance {
        1 => VINTAGE_ONE_YEAR,
        2 => VINTAGE_TWO_YEARS,
        _ => 0,
    }
}
