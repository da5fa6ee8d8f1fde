//! Fuzzy terms: skim's scorer with smart case and folding, the cheaper subsequence test
//! used when nothing is ranked, and the positions a match covers in a title.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::highlight::FoldedChars;
use crate::model::Meta;
use crate::text::fold;

/// One matcher for the whole process: it keeps per-thread scratch buffers, so sharing it across
/// rayon workers avoids reallocating them for every search.
static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(SkimMatcherV2::default);

/// A fuzzy pattern with skim's smart case: an upper-case letter makes it case-sensitive and
/// matched against the text as written; otherwise both sides are folded, so it also ignores
/// diacritics ("senor" finds "Señor").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FuzzyPattern {
    pub(super) raw: String,
    folded: String,
    case_sensitive: bool,
}

impl FuzzyPattern {
    pub(super) fn new(raw: &str) -> FuzzyPattern {
        FuzzyPattern {
            raw: raw.to_string(),
            folded: fold(raw),
            case_sensitive: raw.chars().any(|c| c.is_ascii_uppercase()),
        }
    }

    pub(super) fn score(&self, hay: &str) -> Option<i64> {
        if self.case_sensitive {
            MATCHER.fuzzy_match(hay, &self.raw)
        } else if hay.is_ascii() {
            // Folding ASCII only lower-cases, which the matcher already ignores.
            MATCHER.fuzzy_match(hay, &self.folded)
        } else {
            crate::text::with_folded(hay, |h| MATCHER.fuzzy_match(h, &self.folded))
        }
    }

    /// Whether [`score`](Self::score) would be `Some`: skim's matcher (without an element
    /// limit) scores exactly the texts holding the pattern as a subsequence, comparing
    /// ASCII letters without case unless the pattern has an upper-case one.
    pub(super) fn matches(&self, hay: &str) -> bool {
        let mut pattern = if self.case_sensitive {
            self.raw.chars()
        } else {
            self.folded.chars()
        }
        .peekable();
        // Each char of the haystack takes the next pattern char if they are equal; true
        // while some of the pattern is left to find.
        let mut step = |c: char| {
            pattern.next_if_eq(&c);
            pattern.peek().is_some()
        };
        if self.case_sensitive {
            for c in hay.chars() {
                if !step(c) {
                    break;
                }
            }
        } else {
            // Folded on the fly: titles with one curly quote or dash are not ASCII, and
            // folding each into a new string cost a fifth of a keystroke.
            crate::text::fold_each(hay, step);
        }
        pattern.peek().is_none()
    }

    /// Whether [`fuzzy_score`] would be `Some`.
    pub(super) fn matches_any(&self, meta: &Meta) -> bool {
        self.matches(&meta.title)
            || meta
                .outlet
                .iter()
                .chain(meta.dateline.iter())
                .chain(meta.authors.iter())
                .any(|f| self.matches(f))
    }

    /// Char indices in `title` matched by the pattern.
    pub(super) fn indices(&self, title: &str, folded: &mut Option<FoldedChars>) -> Vec<usize> {
        if self.case_sensitive || title.is_ascii() {
            let pattern = if self.case_sensitive {
                &self.raw
            } else {
                &self.folded
            };
            return MATCHER
                .fuzzy_indices(title, pattern)
                .map(|(_, idx)| idx)
                .unwrap_or_default();
        }
        let f = folded.get_or_insert_with(|| FoldedChars::new(title));
        MATCHER
            .fuzzy_indices(&f.text, &self.folded)
            .map(|(_, idx)| {
                idx.iter()
                    .filter_map(|&i| f.origin.get(i).copied())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Best fuzzy score over the title (weighted double) or, when the title does not match, the
/// outlet, dateline and authors. Only title misses pay for the secondary fields.
pub(super) fn fuzzy_score(meta: &Meta, pattern: &FuzzyPattern) -> Option<i64> {
    if let Some(s) = pattern.score(&meta.title) {
        return Some(s.saturating_mul(2));
    }
    meta.outlet
        .iter()
        .chain(meta.dateline.iter())
        .chain(meta.authors.iter())
        .filter_map(|f| pattern.score(f))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;
    use crate::query::testing::*;

    #[test]
    fn fuzzy_term_matches_title_then_secondary_fields() {
        let c = corpus();
        assert_eq!(ids(&c, "tiktok").first().map(String::as_str), Some("a0"));
        // "kayuagung" is only in a1's dateline.
        assert_eq!(ids(&c, "kayuagung"), vec!["a1"]);
        // Author fallback.
        assert_eq!(ids(&c, "setyorini"), vec!["a3"]);
        assert!(Query::parse("tiktok").unwrap().has_score());
    }

    proptest::proptest! {
        /// The subsequence test used when nothing is ranked by relevance agrees with skim's
        /// matcher on which texts match, whatever the case, accents and non-ASCII letters.
        #[test]
        fn matching_without_scores_agrees_with_the_scorer(
            hay in "[a-cA-C éÉñßİı.-]{0,12}",
            pattern in "[a-cA-Cé ñ]{0,4}",
        ) {
            let p = FuzzyPattern::new(&pattern);
            proptest::prop_assert_eq!(p.matches(&hay), p.score(&hay).is_some());
        }
    }

    #[test]
    fn fuzzy_is_smart_case() {
        let c = corpus();
        assert!(ids(&c, "asn").contains(&"a0".to_string()));
        assert!(ids(&c, "ASN").contains(&"a0".to_string()));
        // Upper case in the pattern turns case sensitivity on.
        assert!(ids(&c, "TIKTOK").is_empty());
    }
}
