//! `prov:` and `region:` values: the region finder's spellings resolved to the names
//! articles carry, parts of names as typed, and hints for values that name nothing.

use crate::query::model::Place;
use crate::regions::{Gazetteer, PlaceKind};
use crate::text::fold;

/// `prov:` and `region:`: a spelling the region finder knows ("jabar", "OKI", "Solo") means
/// those places by their display names, as the facets show them; anything else matches part
/// of a name as typed ("sumatera"). A value that is part of no name at all would silently
/// find nothing, so it is an error saying what it might have meant.
pub(super) fn parse_place(kind: PlaceKind, value: &str) -> Result<Place, String> {
    let g = Gazetteer::get();
    let named = g.resolve(kind, value);
    if !named.is_empty() {
        return Ok(Place::Named(named.iter().map(|n| n.to_string()).collect()));
    }
    let folded = fold(value);
    let names: Vec<&str> = match kind {
        PlaceKind::Province => g.provinces.iter().map(|p| p.name.as_str()).collect(),
        PlaceKind::Region => g.regions.iter().map(|r| r.name.as_str()).collect(),
    };
    if names.iter().any(|n| fold(n).contains(&folded)) {
        return Ok(Place::Contains(folded));
    }
    // Short: the status line shows these after the counts, cut at the terminal's width.
    let (what, field, other_field) = match kind {
        PlaceKind::Province => ("province", "prov", "region"),
        PlaceKind::Region => ("regency or city", "region", "prov"),
    };
    let other = match kind {
        PlaceKind::Province => PlaceKind::Region,
        PlaceKind::Region => PlaceKind::Province,
    };
    let shown = quoted_value(value);
    if let Some(other_name) = g.resolve(other, value).first() {
        let other_what = match other {
            PlaceKind::Province => "a province",
            PlaceKind::Region => "a regency or city",
        };
        return Err(format!(
            "{other_name} is {other_what}, try {other_field}:{shown}"
        ));
    }
    let guesses = g.spellings_starting(kind, value, 3);
    if !guesses.is_empty() {
        let list = guesses
            .iter()
            .map(|(s, d)| format!("{field}:{} ({d})", quoted_value(s)))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!("no such {what}; did you mean {list}?"));
    }
    Err(format!(
        "no such {what}; e.g. {}",
        match kind {
            PlaceKind::Province => "prov:jabar, prov:sumsel, prov:\"jawa tengah\"",
            PlaceKind::Region => "region:oki, region:solo, region:\"musi rawas\"",
        }
    ))
}

/// A field value as it would be typed: quoted when it has spaces.
fn quoted_value(v: &str) -> String {
    if v.contains(char::is_whitespace) {
        format!("\"{v}\"")
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::query::testing::*;

    /// The groups a query parses to, for comparing two spellings of one query.
    fn groups(q: &str) -> Vec<crate::query::model::Group> {
        crate::query::Query::parse(q).expect("query parses").groups
    }

    #[test]
    fn places_resolve_short_forms_to_the_names_articles_carry() {
        let place = |id: &str, provinces: &[&str], regions: &[&str]| {
            let mut a = article(&A { id, ..BLANK });
            a.meta.provinces = provinces.iter().map(|s| s.to_string()).collect();
            a.meta.regions = regions.iter().map(|s| s.to_string()).collect();
            a
        };
        let c = crate::corpus::Corpus::from_articles(vec![
            place("p0", &["Jawa Barat"], &["Kota Bekasi"]),
            place(
                "p1",
                &["Sumatera Selatan"],
                &["Ogan Komering Ilir", "Palembang"],
            ),
            place("p2", &["DI Yogyakarta"], &["Yogyakarta"]),
            place("p3", &["DKI Jakarta"], &["Jakarta Selatan"]),
            place("p4", &["Jawa Tengah"], &["Surakarta", "Blora"]),
            place("p5", &["Sumatera Barat"], &["Kota Solok"]),
            place("p6", &["Papua Barat"], &["Manokwari"]),
        ]);
        for (q, want) in [
            ("prov:jabar", &["p0"][..]),
            ("prov:JABAR", &["p0"]),
            ("prov:sumsel", &["p1"]),
            ("prov:diy", &["p2"]),
            ("prov:jogja", &["p2"]),
            ("region:oki", &["p1"]),
            ("region:jaksel", &["p3"]),
            ("region:solo", &["p4"]),
            ("region:Jogja", &["p2"]),
            ("region:bekasi", &["p0"]),
            ("region:\"kabupaten bekasi\"", &[]),
            // Parts of official names match as before.
            ("prov:sumatera", &["p1", "p5"]),
            ("prov:papua", &["p6"]),
            ("region:sol", &["p5"]),
            ("prov:\"jawa barat\"", &["p0"]),
            ("prov:jabar|prov:diy", &["p0", "p2"]),
            ("!(prov:jabar|prov:diy) region:bl", &["p4"]),
        ] {
            assert_eq!(sorted_ids(&c, q), want, "{q}");
        }
        // `region:` keeps to the article's places; `named:` also finds a region named in
        // passing.
        let mut passing = place("p7", &["Sumatera Utara"], &["Karo"]);
        passing.meta.regions_passing = vec!["Medan".to_string()];
        let c = crate::corpus::Corpus::from_articles(vec![
            place("p0", &["Sumatera Utara"], &["Medan"]),
            passing,
        ]);
        assert_eq!(sorted_ids(&c, "region:medan"), ["p0"]);
        assert_eq!(sorted_ids(&c, "named:medan"), ["p0", "p7"]);
        assert_eq!(sorted_ids(&c, "named:karo"), ["p7"]);
        assert_eq!(sorted_ids(&c, "named:medan !region:medan"), ["p7"]);
        // The short form and the official name are one query.
        assert_eq!(groups("prov:jabar"), groups("prov:\"Jawa Barat\""));
        assert_eq!(groups("region:solo"), groups("region:surakarta"));
    }

    #[test]
    fn a_place_that_names_nothing_says_what_would() {
        assert_eq!(
            err("prov:blora"),
            "prov:blora: Blora is a regency or city, try region:blora"
        );
        assert_eq!(
            err("region:jabar"),
            "region:jabar: Jawa Barat is a province, try prov:jabar"
        );
        assert_eq!(
            err("prov:jab"),
            "prov:jab: no such province; did you mean prov:jabar (Jawa Barat)?"
        );
        let e = err("region:\"zzz qqq\"");
        assert!(
            e.starts_with("region:\"zzz qqq\": no such regency or city; e.g. "),
            "{e}"
        );
        assert!(err("prov:zzz").contains("prov:jabar"));
    }
}
