//! Evaluation of terms against one article: metadata tests, anchored title tests, word
//! terms looked up in their resolved match sets, and fuzzy titles, groups in cost order.

use super::fuzzy::fuzzy_score;
use super::model::{Group, Pred, Query, Term};
use super::words::Resolved;
use crate::model::Meta;
use crate::triage::{ArticleState, StateLookup};

impl Query {
    /// Evaluates every group; `None` as soon as one fails, else the article's score.
    pub(super) fn eval(&self, meta: &Meta, env: &Env<'_>) -> Option<i64> {
        let mut total: i64 = 0;
        for &g in &self.order {
            total = total.saturating_add(eval_group(&self.groups[g], meta, env)?);
        }
        Some(total)
    }
}

impl Query {
    /// Every group is one word term, not negated: an article's match is then decided by the
    /// word sets alone.
    pub(super) fn only_words(&self) -> bool {
        self.required_slots().len() == self.groups.len()
    }

    /// What [`Query::eval`] gives an article in the set of every word of a query of
    /// [`Query::only_words`], without the per-term dispatch.
    pub(super) fn words_score(&self, resolved: &Resolved, index: usize, scored: bool) -> i64 {
        if !scored {
            return 0;
        }
        self.order.iter().fold(0i64, |total, &g| {
            let score = match self.groups[g].as_slice() {
                [
                    Term {
                        pred: Pred::Text(t),
                        ..
                    },
                ] => (resolved.score(t.slot, index) * TEXT_SCALE).round() as i64,
                _ => 0,
            };
            total.saturating_add(score)
        })
    }
}

/// Case- and diacritic-insensitive substring test against an already folded needle, without
/// allocating for ASCII haystacks.
pub(super) fn contains_folded(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        crate::text::with_folded(hay, |h| h.contains(needle))
    }
}

#[derive(Clone, Copy)]
enum Anchor {
    Start,
    End,
    Whole,
}

/// Case- and diacritic-insensitive prefix, suffix or equality test against an already folded
/// needle, without allocating for ASCII haystacks.
fn anchored_folded(hay: &str, needle: &str, anchor: Anchor) -> bool {
    if hay.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let part = match anchor {
            Anchor::Start => h.get(..n.len()),
            Anchor::End => h.len().checked_sub(n.len()).and_then(|s| h.get(s..)),
            Anchor::Whole => Some(h),
        };
        return part.is_some_and(|p| p.eq_ignore_ascii_case(n));
    }
    crate::text::with_folded(hay, |hay| match anchor {
        Anchor::Start => hay.starts_with(needle),
        Anchor::End => hay.ends_with(needle),
        Anchor::Whole => hay == needle,
    })
}

/// What a term is evaluated against besides the article itself.
pub(super) struct Env<'a> {
    /// The article's position in the corpus (word terms look it up in `resolved`).
    pub(super) index: usize,
    pub(super) resolved: &'a Resolved,
    pub(super) triage: &'a dyn StateLookup,
    /// The article belongs to a group of copies (for `has:copies`).
    pub(super) copies: bool,
    /// Scores are wanted (ranking by relevance). Without, a fuzzy term only has to match,
    /// which is cheaper than skim's scoring matrix.
    pub(super) scored: bool,
}

/// Word scores are BM25 values of a few units; scaled so that they add up with fuzzy title
/// scores (skim's, in the tens to hundreds) as integers without losing their order.
pub(super) const TEXT_SCALE: f32 = 100.0;

/// The group's score when one of its terms matches: the best of those that do.
fn eval_group(group: &Group, meta: &Meta, env: &Env<'_>) -> Option<i64> {
    group
        .iter()
        .filter_map(|term| eval_term(term, meta, env))
        .max()
}

fn eval_term(term: &Term, meta: &Meta, env: &Env<'_>) -> Option<i64> {
    let matched = match &term.pred {
        Pred::Text(t) => {
            let score = env.resolved.score(t.slot, env.index);
            if term.negated {
                return (score <= 0.0).then_some(0);
            }
            if score <= 0.0 {
                return None;
            }
            return Some(if env.scored {
                (score * TEXT_SCALE).round() as i64
            } else {
                0
            });
        }
        // Negated or not ranked, a fuzzy term only has to match.
        Pred::Fuzzy(p) if term.negated || !env.scored => p.matches_title(&meta.title),
        Pred::Fuzzy(p) => return fuzzy_score(meta, p),
        Pred::New(ids) => ids.0.contains(&meta.id),
        Pred::Copies => env.copies,
        Pred::Triage(t) => match env.triage.lookup(&meta.id) {
            Some(st) => t.matches(st),
            None => t.matches(&ArticleState::default()),
        },
        // Undated articles match no date term, negated or not: their date is unknown.
        Pred::Date(r) => meta.published.as_ref().map(|d| r.contains(d))?,
        Pred::Prefix(n) => anchored_folded(&meta.title, n, Anchor::Start),
        Pred::Suffix(n) => anchored_folded(&meta.title, n, Anchor::End),
        Pred::Whole(n) => anchored_folded(&meta.title, n, Anchor::Whole),
        Pred::Outlet(n) => meta
            .outlet
            .as_deref()
            .is_some_and(|o| contains_folded(o, n)),
        Pred::Dateline(n) => meta
            .dateline
            .as_deref()
            .is_some_and(|d| contains_folded(d, n)),
        Pred::Author(n) => meta.authors.iter().any(|a| contains_folded(a, n)),
        Pred::Province(place) => meta.provinces.iter().any(|p| place.matches(p)),
        Pred::Region(place) => meta.regions.iter().any(|r| place.matches(r)),
        Pred::Named(place) => meta
            .regions
            .iter()
            .chain(&meta.regions_passing)
            .any(|r| place.matches(r)),
        Pred::Tag(n) => meta
            .tags
            .iter()
            .any(|t| anchored_folded(t, n, Anchor::Whole)),
    };
    (matched != term.negated).then_some(0)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::corpus::{BodySource, Corpus};
    use crate::facets::Filters;
    use crate::lexicon::Phrase;
    use crate::model::Body;
    use crate::query::testing::*;
    use crate::query::{Scope, Sort, search};

    #[test]
    fn plain_words_match_whole_words_in_title_and_body() {
        let c = corpus();
        // "live" is in a0's title and a4's title and body; never inside another word.
        assert_eq!(sorted_ids(&c, "live"), vec!["a0", "a4"]);
        // Only in a body: "karaoke" (a0) and its affixed form "karaokean" (a2).
        assert_eq!(sorted_ids(&c, "karaoke"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "flexing"), vec!["a3"]);
        // Case and diacritics never matter.
        assert_eq!(sorted_ids(&c, "LIVE"), sorted_ids(&c, "live"));
        assert_eq!(sorted_ids(&c, "Lïve"), sorted_ids(&c, "live"));
        // Scattered letters are no match: "lve" is in no word, and no word starts with it.
        assert!(sorted_ids(&c, "tmt").is_empty());
        // Words are ANDed.
        assert_eq!(sorted_ids(&c, "live instagram"), vec!["a4"]);
    }

    #[test]
    fn a_word_nobody_uses_matches_as_a_prefix_then_with_a_typo() {
        let c = corpus();
        // No article has the word "bupa": it is being typed.
        assert_eq!(sorted_ids(&c, "bupa"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "kar"), vec!["a0", "a2"]);
        // "media" is a word of a3's body: it does not widen to longer words.
        assert_eq!(sorted_ids(&c, "media"), vec!["a3"]);
        // One typo from five letters on; not below, and never the first letter.
        assert_eq!(sorted_ids(&c, "bupatti"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "flexnig"), vec!["a3"]);
        assert!(sorted_ids(&c, "vupati").is_empty());
        assert!(sorted_ids(&c, "liev").is_empty());
        // Negated, however written, the word never widens: no article uses "bupa".
        for q in ["!bupa", "!(bupa)", "!body:bupa", "!(title:bupa | bupa)"] {
            assert_eq!(sorted_ids(&c, q).len(), c.len(), "{q}");
        }
    }

    #[test]
    fn literal_phrases_and_fields() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "'karaoke"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "'KARAOKEAN"), vec!["a2"]);
        // A quoted phrase finds its synonyms too ("medsos" in a2's title).
        assert_eq!(sorted_ids(&c, "\"media sosial\""), vec!["a2", "a3"]);
        assert!(sorted_ids(&c, "\"sosial media\"").is_empty());
        assert_eq!(sorted_ids(&c, "\"jam kerja\""), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "title:live"), vec!["a0", "a4"]);
        assert_eq!(sorted_ids(&c, "body:live"), vec!["a0", "a4"]);
        assert_eq!(sorted_ids(&c, "title:karaoke"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "body:karaoke"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "body:'karaoke"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "!body:live"), vec!["a1", "a2", "a3"]);
        assert_eq!(sorted_ids(&c, "!viral"), vec!["a0", "a2", "a3", "a4"]);
        assert_eq!(sorted_ids(&c, "body:'karaoke | 'blora"), vec!["a0", "a3"]);
    }

    #[test]
    fn synonyms_match_like_the_word() {
        let c = corpus();
        // "medsos" finds "media sosial" (a3) besides the word itself (a2).
        assert_eq!(sorted_ids(&c, "medsos"), vec!["a2", "a3"]);
    }

    #[test]
    fn anchors_stay_on_the_title() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "^bupati"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "^pati"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "viral$"), vec!["a1"]);
        assert_eq!(
            sorted_ids(&c, "^bupati blora larang pamer kemewahan$"),
            vec!["a3"]
        );
        assert!(!Query::parse("^y z$").unwrap().has_score());
        assert!(Query::parse("'x").unwrap().has_score());
    }

    #[test]
    fn fields() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "outlet:sumeks"), vec!["a1"]);
        assert_eq!(sorted_ids(&c, "outlet:\"grow media\""), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "Outlet:GROW"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "city:palem"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "dateline:blora"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "author:eko"), vec!["a0"]);
        // Tags are compared whole.
        assert_eq!(sorted_ids(&c, "tag:asn"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "tag:as"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "tag:VIRAL"), vec!["a0"]);
    }

    #[test]
    fn phrase_matching_respects_word_boundaries() {
        let p = |t: &str, ph: &str| Phrase::literal(ph).is_some_and(|ph| ph.is_in(t));
        let s = |t: &str, ph: &str| Phrase::new(ph).is_some_and(|ph| ph.is_in(t));
        assert!(p("live karaoke.", "karaoke"));
        assert!(!p("karaokean", "karaoke"));
        assert!(!p("berkaraoke", "karaoke"));
        // Stem-aware, the affixed forms match, but never part of another word.
        assert!(s("karaokean", "karaoke") && s("berkaraoke", "karaoke"));
        assert!(!s("karaokes", "karaoke") && !s("xkaraoke", "karaoke"));
        assert!(p("media massa dan media, sosial", "media sosial"));
        assert!(!p("media sosialnya", "media sosial"));
        assert!(s("media sosialnya", "media sosial"));
        assert!(!p("mediasosial", "media sosial") && !s("mediasosial", "media sosial"));
        assert!(!p("media", "media sosial"));
        assert!(p("é media  sosial", "media sosial"));
        assert!(!p("", "x"));
        assert!(!p("abc", ""));
    }

    #[test]
    fn title_words_rank_above_body_words_and_words_together_above_apart() {
        let c = Corpus::from_articles(
            [
                A {
                    id: "body",
                    title: "Rapat kerja",
                    date: Some("2025-01-03"),
                    body: &["Bupati hadir."],
                    ..BLANK
                },
                A {
                    id: "title",
                    title: "Bupati meninjau banjir",
                    date: Some("2025-01-01"),
                    ..BLANK
                },
                A {
                    id: "apart",
                    title: "Kota ramai",
                    date: Some("2025-01-02"),
                    body: &["Wakil bupati datang. Lalu banjir surut."],
                    ..BLANK
                },
                A {
                    id: "together",
                    title: "Kota sepi",
                    date: Some("2024-01-02"),
                    body: &["Bupati banjir di sana."],
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        );
        // One body mention each for the last three: newest first.
        assert_eq!(
            ids(&c, "bupati"),
            vec!["title", "body", "apart", "together"]
        );
        let both = ids(&c, "bupati banjir");
        assert_eq!(both[0], "title");
        assert!(
            both.iter().position(|i| i == "together") < both.iter().position(|i| i == "apart"),
            "{both:?}"
        );
    }

    #[test]
    fn fuzzy_title_finder_takes_dense_matches_only() {
        let c = corpus();
        assert_eq!(ids(&c, "~pemkb"), vec!["a1", "a2"]);
        assert_eq!(ids(&c, "~PEMKAB oki"), vec!["a1"]);
        // b-u-p-a-t-i is a subsequence of a0's title only with letters strewn across it.
        assert_eq!(ids(&c, "~blora"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "!~pemkab"), vec!["a0", "a3", "a4"]);
    }

    /// Records which bodies were requested, to prove title-only terms read none.
    struct CountingBodies(Vec<Body>, Mutex<Vec<usize>>);

    impl BodySource for CountingBodies {
        fn body(&self, index: usize) -> Result<Body, String> {
            self.1.lock().map_err(|e| e.to_string())?.push(index);
            self.0
                .get(index)
                .cloned()
                .ok_or_else(|| "missing".to_string())
        }
    }

    #[test]
    fn title_terms_scan_no_body() {
        let base = corpus();
        let (metas, bodies): (Vec<Meta>, Vec<Body>) = (0..base.len())
            .map(|i| (base.meta(i).clone(), base.body(i).unwrap()))
            .unzip();
        let source = std::sync::Arc::new(CountingBodies(bodies, Mutex::new(Vec::new())));
        let c = Corpus::new(metas, source.clone());
        let q = Query::parse("title:live outlet:grow ~tiktok").unwrap();
        let hits = search(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert_eq!(hits.len(), 1);
        assert!(source.1.lock().unwrap().is_empty());
        search(
            &c,
            &Query::parse("body:live").unwrap(),
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert_eq!(source.1.lock().unwrap().len(), c.len());
        // Several body terms, each with looser forms to try: still one read per body.
        source.1.lock().unwrap().clear();
        search(
            &c,
            &Query::parse("body:live karaoke bupa").unwrap(),
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert_eq!(source.1.lock().unwrap().len(), c.len());
    }

    #[test]
    fn unreadable_body_fails_body_terms_without_panicking() {
        let base = corpus();
        let metas: Vec<Meta> = base.metas().to_vec();
        let c = Corpus::new(
            metas,
            std::sync::Arc::new(crate::corpus::MemoryBodies(Vec::new())),
        );
        assert!(ids(&c, "body:live").is_empty());
        assert_eq!(ids(&c, "!body:live").len(), 5);
    }

    #[test]
    fn triage_terms_parse_evaluate_and_never_refine() {
        use crate::triage::{ArticleState, Decision};
        use std::collections::HashMap;
        let c = corpus();
        let ids: Vec<String> = (0..c.len()).map(|i| c.meta(i).id.clone()).collect();
        let mut states: HashMap<String, ArticleState> = HashMap::new();
        states.insert(
            ids[0].clone(),
            ArticleState {
                starred: true,
                decision: Decision::Relevant,
                labels: ["Banjir".to_string()].into(),
                ..Default::default()
            },
        );
        states.insert(
            ids[1].clone(),
            ArticleState {
                read: true,
                decision: Decision::Maybe,
                note: Some("cek".into()),
                ..Default::default()
            },
        );
        let run = |q: &str| -> Vec<String> {
            let q = Query::parse(q).unwrap();
            let mut hits: Vec<String> = search(
                &c,
                &q,
                &Filters::default(),
                Sort::DateDesc,
                Scope {
                    triage: Some(&states),
                    ..Scope::default()
                },
            )
            .iter()
            .map(|h| c.meta(h.index).id.clone())
            .collect();
            hits.sort();
            hits
        };
        assert_eq!(run("is:starred"), vec![ids[0].clone()]);
        assert_eq!(run("is:relevant"), vec![ids[0].clone()]);
        assert_eq!(run("is:maybe"), vec![ids[1].clone()]);
        assert_eq!(run("is:read"), vec![ids[1].clone()]);
        assert_eq!(run("label:banjir"), vec![ids[0].clone()]);
        assert_eq!(run("has:note"), vec![ids[1].clone()]);
        assert_eq!(run("has:labels"), vec![ids[0].clone()]);
        assert_eq!(run("is:starred | is:maybe").len(), 2);
        assert_eq!(run("is:undecided").len(), c.len() - 2);
        assert_eq!(run("!is:unread"), vec![ids[1].clone()]);
        assert_eq!(run("is:unread").len(), c.len() - 1);
        // Without a lookup every article has the default state.
        let q = Query::parse("is:starred").unwrap();
        assert!(
            search(
                &c,
                &q,
                &Filters::default(),
                Sort::DateDesc,
                Scope::default()
            )
            .is_empty()
        );
        assert!(q.has_triage() && !Query::parse("banjir").unwrap().has_triage());
        let e = Query::parse("is:bogus").unwrap_err().message;
        assert!(
            e.contains("is:bogus") && e.contains("unread, read, starred, relevant"),
            "{e}"
        );
        assert!(
            Query::parse("has:stars")
                .unwrap_err()
                .message
                .contains("note or labels")
        );
        // Triage state changes between searches, so no reuse of earlier results.
        let a = Query::parse("is:starred").unwrap();
        let b = Query::parse("is:starred banjir").unwrap();
        assert!(!b.refines(&a) && !a.refines(&a));
    }
}
