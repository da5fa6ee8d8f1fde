//! `~term`: fzf-style fuzzy matching over titles, for finding a title half remembered. Only
//! dense matches count: skim scores a subsequence wherever its letters are, and `~bupati`
//! would otherwise take in every title holding b, u, p, a, t and i in that order.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::highlight::FoldedChars;
use crate::model::Meta;
use crate::text::fold;

/// One matcher for the whole process: it keeps per-thread scratch buffers, so sharing it across
/// rayon workers avoids reallocating them for every search.
static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(SkimMatcherV2::default);

/// How far the matched letters may spread: the span from the first to the last may be at most
/// SPREAD_NUM/SPREAD_DEN (2.5) times the pattern's length. Skim's scores barely tell dense
/// from strewn ("pemkab" scores 131 in "Pemkab OKI" and 128 in "pemilu kabupaten"; "bupati"
/// 113 in "Bus untuk pasar tani"), so the rule is the span. `examples/eval_fuzzy.rs` chose
/// the factor on the real titles (README, "Fuzzy title finding"): at 2.5 the title sought is
/// found for 97-99% of half-remembered patterns ("pmkb" for Pemkab, "bupblo" for Bupati
/// Blora), while 20 to 50 times fewer other titles match than with any subsequence.
const SPREAD_NUM: usize = 5;
const SPREAD_DEN: usize = 2;

/// A fuzzy pattern, folded: case and diacritics never matter ("senor" finds "Señor").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FuzzyPattern {
    pub(super) raw: String,
    folded: String,
    /// The widest span of matched chars that counts.
    max_span: usize,
}

impl FuzzyPattern {
    pub(super) fn new(raw: &str) -> FuzzyPattern {
        let folded = fold(raw);
        FuzzyPattern {
            raw: raw.to_string(),
            max_span: (folded.chars().count() * SPREAD_NUM).div_ceil(SPREAD_DEN),
            folded,
        }
    }

    /// Skim's score of `hay` when the match is dense enough.
    pub(super) fn score(&self, hay: &str) -> Option<i64> {
        if !self.is_subsequence(hay) {
            return None;
        }
        let dense = |h: &str| {
            let (score, idx) = MATCHER.fuzzy_indices(h, &self.folded)?;
            let span = idx.last()? - idx.first()? + 1;
            (span <= self.max_span).then_some(score)
        };
        if hay.is_ascii() {
            // Folding ASCII only lower-cases, which the matcher already ignores.
            dense(hay)
        } else {
            crate::text::with_folded(hay, dense)
        }
    }

    /// Whether the title matches densely enough.
    pub(super) fn matches_title(&self, title: &str) -> bool {
        self.score(title).is_some()
    }

    /// The cheap test that rules most titles out before skim's scoring matrix: every letter
    /// of the pattern, in order.
    fn is_subsequence(&self, hay: &str) -> bool {
        let mut pattern = self.folded.chars().peekable();
        // Folded on the fly: titles with one curly quote or dash are not ASCII, and folding
        // each into a new string cost a fifth of a keystroke.
        crate::text::fold_each(hay, |c| {
            pattern.next_if_eq(&c);
            pattern.peek().is_some()
        });
        pattern.peek().is_none()
    }

    /// Char indices in `title` matched by the pattern.
    pub(super) fn indices(&self, title: &str, folded: &mut Option<FoldedChars>) -> Vec<usize> {
        if self.score(title).is_none() {
            return Vec::new();
        }
        if title.is_ascii() {
            return MATCHER
                .fuzzy_indices(title, &self.folded)
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

/// The fuzzy score of the article's title.
pub(super) fn fuzzy_score(meta: &Meta, pattern: &FuzzyPattern) -> Option<i64> {
    pattern.score(&meta.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::*;

    proptest::proptest! {
        /// The subsequence test that rules titles out before scoring never rules out one
        /// skim's matcher would score, whatever the case, accents and non-ASCII letters.
        #[test]
        fn the_cheap_test_agrees_with_the_scorer(
            hay in "[a-cA-C éÉñßİı.-]{0,12}",
            pattern in "[a-cA-Cé ñ]{0,4}",
        ) {
            let p = FuzzyPattern::new(&pattern);
            let scored = crate::text::with_folded(&hay, |h| MATCHER.fuzzy_match(h, &p.folded));
            proptest::prop_assert_eq!(p.is_subsequence(&hay), scored.is_some());
        }
    }

    #[test]
    fn case_never_matters_and_scattered_letters_do_not_count() {
        let c = corpus();
        assert_eq!(ids(&c, "~tiktok"), vec!["a0"]);
        assert_eq!(ids(&c, "~TIKTOK"), vec!["a0"]);
        let p = FuzzyPattern::new("bupati");
        assert!(p.matches_title("Bupati Blora"));
        assert!(p.matches_title("Bupatinya Blora"));
        assert!(
            FuzzyPattern::new("pmkb").matches_title("Pemkab OKI"),
            "letters left out"
        );
        assert!(!p.matches_title("Bus untuk pasar tani"), "strewn letters");
    }
}
