//! The query language in brief, for the help overlay: (what to type, what it does) rows.
//! Each row's left side is a query that parses (the test below checks), so an example cannot
//! drift from the language.

/// The rows, in the order the help shows them. Descriptions stay under 45 columns so the
/// overlay (72 wide at most, 24 of them for the left side) does not wrap them.
pub const SYNTAX_HELP: &[(&str, &str)] = &[
    ("bupati", "the word, affixed forms, synonyms; title+body"),
    ("bupa bupatti", "unused word: word start, then one typo"),
    ("asn viral", "both: space-separated terms are AND-ed"),
    ("tiktok|instagram", "either; spaces optional; also a OR b"),
    ("(a | b) c", "parentheses group, nested as deep as needed"),
    (
        "!viral !(a | b)",
        "not; !(a | b) is !a !b, !(a b) is !a | !b",
    ),
    (
        "-viral NOT pns",
        "not, too; a AND b is a b; !!x is an error",
    ),
    ("\"kode etik\"", "a phrase; | ( ) inside quotes are text"),
    ("'viral", "the word as written: no affixes, synonyms"),
    (
        "title:asn body:tiktok",
        "the word in the title only / body only",
    ),
    (
        "title:(asn | pns)",
        "a group after a field: each term gets it",
    ),
    ("~pmkb", "fuzzy title finder: letters close together"),
    ("^start end$", "title starts with / ends with"),
    ("outlet:kompas", "also city: author: tag: topic:"),
    (
        "prov:jabar region:oki",
        "place; short forms too: sumsel diy solo",
    ),
    ("named:medan", "a town named, even only in passing"),
    (
        "date:2024-06",
        "also date:2024-01..2024-06 date:>2025-01-01",
    ),
    (
        "is:starred label:x",
        "triage state; also has:note has:copies",
    ),
    (
        "by:budi is:conflict",
        "team: also is:mine is:agreed (needs --team)",
    ),
    (
        "\"foo:bar\" \"10:30\"",
        "quote text with a colon (10:30 works bare)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    #[test]
    fn every_example_parses_and_fits_the_overlay() {
        for (query, what) in SYNTAX_HELP {
            assert!(Query::parse(query).is_ok(), "{query}");
            assert!(what.chars().count() <= 45, "{what}");
        }
    }
}
