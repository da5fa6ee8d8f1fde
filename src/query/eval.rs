//! Evaluation of terms against one article: folded substring and anchored tests, the body
//! read on first use, synonym hits, and the groups scored in cost order.

use super::fuzzy::{FuzzyPattern, fuzzy_score};
use super::model::{Group, Pred, Query, Term, group_cost};
use crate::corpus::Corpus;
use crate::lexicon::Phrase;
use crate::model::Meta;
use crate::text::fold;
use crate::triage::{ArticleState, NoState, StateLookup};

impl Query {
    /// Score of `meta` when it matches the query's non-body predicates (higher is better).
    /// A group that needs the body counts as matching here; [`search`](fn@super::search) checks
    /// it for real.
    pub fn score_meta(&self, meta: &Meta) -> Option<i64> {
        let mut total = 0;
        for &g in &self.order {
            let group = &self.groups[g];
            let has_body = group.iter().any(|t| t.pred.cost() == 2);
            match eval_group(group, meta, &mut BodyCache::Unavailable, &Env::SCORED) {
                Some(s) => total += s,
                None if has_body => {}
                None => return None,
            }
        }
        Some(total)
    }

    /// Evaluates the groups whose cost is within `costs`; `None` as soon as one fails.
    pub(super) fn eval_costs(
        &self,
        meta: &Meta,
        costs: std::ops::RangeInclusive<u8>,
        body: &mut BodyCache,
        env: &Env<'_>,
    ) -> Option<i64> {
        let mut total = 0;
        for &g in &self.order {
            let group = &self.groups[g];
            if costs.contains(&group_cost(group)) {
                total += eval_group(group, meta, body, env)?;
            }
        }
        Some(total)
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

/// The body's paragraphs, folded, loaded on first use.
pub(super) enum BodyCache<'a> {
    Pending(&'a Corpus, usize),
    Loaded(Vec<String>),
    /// No body to look at ([`Query::score_meta`]); body terms are not evaluated.
    Unavailable,
}

impl BodyCache<'_> {
    /// `None` when there is no body to evaluate against.
    fn paragraphs(&mut self) -> Option<&[String]> {
        if let BodyCache::Pending(corpus, index) = *self {
            // An unreadable body is searched as an empty one: `body:x` fails, `!body:x` holds.
            let paras = corpus
                .body(index)
                .map(|b| b.body.iter().map(|p| fold(p)).collect())
                .unwrap_or_default();
            *self = BodyCache::Loaded(paras);
        }
        match self {
            BodyCache::Loaded(p) => Some(p),
            _ => None,
        }
    }
}

/// What a term is evaluated against besides the article itself.
pub(super) struct Env<'a> {
    pub(super) triage: &'a dyn StateLookup,
    /// The article belongs to a group of copies (for `has:copies`).
    pub(super) copies: bool,
    /// Scores are wanted (ranking by relevance). Without, a fuzzy term only has to match,
    /// which is a subsequence test instead of skim's scoring matrix.
    pub(super) scored: bool,
}

impl Env<'static> {
    const SCORED: Env<'static> = Env {
        triage: &NoState,
        copies: false,
        scored: true,
    };
}

/// The group's score when one of its terms matches. Body terms are tried only when no cheaper
/// alternative matched.
fn eval_group(group: &Group, meta: &Meta, body: &mut BodyCache, env: &Env<'_>) -> Option<i64> {
    let mut best: Option<i64> = None;
    for term in group.iter().filter(|t| t.pred.cost() < 2) {
        if let Some(s) = eval_term(term, meta, body, env) {
            best = Some(best.map_or(s, |b| b.max(s)));
        }
    }
    if best.is_none() {
        for term in group.iter().filter(|t| t.pred.cost() == 2) {
            if let Some(s) = eval_term(term, meta, body, env) {
                return Some(s);
            }
        }
    }
    best
}

fn eval_term(term: &Term, meta: &Meta, body: &mut BodyCache, env: &Env<'_>) -> Option<i64> {
    let matched = match &term.pred {
        Pred::New(ids) => ids.0.contains(&meta.id),
        Pred::Copies => env.copies,
        Pred::Triage(t) => match env.triage.lookup(&meta.id) {
            Some(st) => t.matches(st),
            None => t.matches(&ArticleState::default()),
        },
        Pred::Fuzzy(p) if !env.scored => {
            p.matches_any(meta) || synonym_hit(meta, &term.alts).is_some()
        }
        Pred::Fuzzy(p) => {
            return fuzzy_score(meta, p).or_else(|| synonym_score(meta, &term.alts));
        }
        // Undated articles match no date term, negated or not: their date is unknown.
        Pred::Date(r) => meta.published.as_ref().map(|d| r.contains(d))?,
        Pred::Contains(n) => {
            contains_folded(&meta.title, n)
                || synonym_hit(meta, &term.alts).is_some()
                || meta
                    .outlet
                    .as_deref()
                    .is_some_and(|o| contains_folded(o, n))
                || meta
                    .dateline
                    .as_deref()
                    .is_some_and(|d| contains_folded(d, n))
                || meta.authors.iter().any(|a| contains_folded(a, n))
        }
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
        Pred::Tag(n) => meta
            .tags
            .iter()
            .any(|t| anchored_folded(t, n, Anchor::Whole)),
        Pred::Body(phrases) => {
            let paras = body.paragraphs()?;
            paras.iter().any(|p| phrases.iter().any(|ph| ph.is_in(p)))
        }
        Pred::Topic(_, phrases) => {
            let in_title =
                crate::text::with_folded(&meta.title, |t| phrases.iter().any(|ph| ph.is_in(t)));
            if in_title {
                true
            } else {
                let paras = body.paragraphs()?;
                paras.iter().any(|p| phrases.iter().any(|ph| ph.is_in(p)))
            }
        }
    };
    (matched != term.negated).then_some(0)
}

/// The synonym among `alts` that an article holds as whole words, and where: in the title
/// (true), else the first of the outlet, dateline or an author holding one.
fn synonym_hit<'m>(meta: &'m Meta, alts: &'m [Phrase]) -> Option<(&'m Phrase, &'m str, bool)> {
    if alts.is_empty() {
        return None;
    }
    let in_title = crate::text::with_folded(&meta.title, |t| alts.iter().find(|a| a.is_in(t)));
    if let Some(alt) = in_title {
        return Some((alt, &meta.title, true));
    }
    meta.outlet
        .iter()
        .chain(meta.dateline.iter())
        .chain(meta.authors.iter())
        .find_map(|f| {
            crate::text::with_folded(f, |folded| alts.iter().find(|a| a.is_in(folded)))
                .map(|a| (a, f.as_str(), false))
        })
}

/// The score of a term matched through one of its synonyms `alts` (see [`synonym_hit`]):
/// what the synonym would score if it had been typed, so "asn" ranks an article titled
/// "PNS ..." like the query "pns" would.
fn synonym_score(meta: &Meta, alts: &[Phrase]) -> Option<i64> {
    let (alt, hay, in_title) = synonym_hit(meta, alts)?;
    let typed = FuzzyPattern::new(alt.text()).score(hay).unwrap_or(1).max(1);
    Some(if in_title {
        typed.saturating_mul(2)
    } else {
        typed
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::corpus::BodySource;
    use crate::facets::Filters;
    use crate::model::Body;
    use crate::query::testing::*;
    use crate::query::{Scope, Sort, search};

    #[test]
    fn exact_prefix_suffix_and_whole() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "'jam kerja"), vec!["a0"]);
        // Exact is a substring: "pemkab" is in two titles; "grow media" via quotes.
        assert_eq!(sorted_ids(&c, "'PEMKAB"), vec!["a1", "a2"]);
        assert_eq!(sorted_ids(&c, "\"grow media\""), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "^bupati"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "^pati"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "viral$"), vec!["a1"]);
        assert_eq!(
            sorted_ids(&c, "^bupati blora larang pamer kemewahan$"),
            vec!["a3"]
        );
        assert!(!Query::parse("'x ^y z$").unwrap().has_score());
    }

    #[test]
    fn negation() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "!viral"), vec!["a0", "a2", "a3", "a4"]);
        assert_eq!(sorted_ids(&c, "!^tanpa !^bupati"), vec!["a0", "a1", "a2"]);
        assert_eq!(sorted_ids(&c, "!kerja$"), vec!["a1", "a2", "a3", "a4"]);
        assert_eq!(
            sorted_ids(&c, "!outlet:sumeks !outlet:infoku"),
            vec!["a0", "a2", "a4"]
        );
        // Negated terms do not score.
        assert!(!Query::parse("!viral").unwrap().has_score());
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
    fn body_terms_are_whole_words_and_phrases() {
        let c = corpus();
        // Stem-aware: "karaokean" is karaoke with -an; `body:'` is the word as written.
        assert_eq!(sorted_ids(&c, "body:karaoke"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "body:'karaoke"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "body:'KARAOKEAN"), vec!["a2"]);
        assert_eq!(sorted_ids(&c, "body:KARAOKEAN"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "body:\"media sosial\""), vec!["a3"]);
        assert_eq!(
            sorted_ids(&c, "body:\"sosial media\""),
            Vec::<String>::new()
        );
        assert_eq!(sorted_ids(&c, "!body:live"), vec!["a1", "a2", "a3"]);
        assert_eq!(sorted_ids(&c, "body:'karaoke | 'blora"), vec!["a0", "a3"]);
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
    fn better_fuzzy_match_ranks_higher_and_scores_add_up() {
        let c = corpus();
        let q = Query::parse("pemkab").unwrap();
        let hits = search(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        let one = Query::parse("live").unwrap().score_meta(c.meta(0)).unwrap();
        let two = Query::parse("live tiktok")
            .unwrap()
            .score_meta(c.meta(0))
            .unwrap();
        let tik = Query::parse("tiktok")
            .unwrap()
            .score_meta(c.meta(0))
            .unwrap();
        assert_eq!(two, one + tik);
        assert!(
            Query::parse("zzzz")
                .unwrap()
                .score_meta(c.meta(0))
                .is_none()
        );
        // Body groups are assumed to match in score_meta.
        assert_eq!(
            Query::parse("body:zzzz").unwrap().score_meta(c.meta(0)),
            Some(0)
        );
    }

    /// Records which bodies were requested, to prove body terms run last.
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
    fn body_is_read_only_for_candidates_that_passed_everything_else() {
        let base = corpus();
        let (metas, bodies): (Vec<Meta>, Vec<Body>) = (0..base.len())
            .map(|i| (base.meta(i).clone(), base.body(i).unwrap()))
            .unzip();
        let source = std::sync::Arc::new(CountingBodies(bodies, Mutex::new(Vec::new())));
        let c = Corpus::new(metas, source.clone());
        let q = Query::parse("body:live outlet:grow 'tiktok").unwrap();
        let hits = search(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(*source.1.lock().unwrap(), vec![0]);
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
