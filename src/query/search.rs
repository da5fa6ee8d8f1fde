//! The search driver: every article of a corpus (or of a scope) matching a query and the
//! facet filters, scanned in parallel, then sorted.

use std::sync::LazyLock;

use rayon::prelude::*;

use super::eval::{Env, TEXT_SCALE};
use super::model::Query;
use super::words::{ScanScope, WordForms, resolve};
use crate::corpus::{Corpus, when_key};
use crate::facets::Filters;
use crate::model::Meta;
use crate::text::fold;
use crate::triage::{ArticleState, NoState, StateLookup};

/// An extra per-article predicate supplied by the caller (e.g. triage state such as `is:read`),
/// evaluated after the cheap metadata predicates and before fuzzy scoring and body matching.
pub type ExtraFilter<'a> = &'a (dyn Fn(&Meta, usize) -> bool + Sync);

/// One matching article: its index in the corpus and its score (0 when the query has no
/// fuzzy terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Score, then date (newest first), then id; only offered while a query is active.
    Relevance,
    #[default]
    DateDesc,
    DateAsc,
    Outlet,
    Title,
}

/// What a search may look at besides the corpus: which articles to scan, an extra
/// predicate, and the triage state that `is:`/`label:`/`has:` terms and triage facets test
/// (without it every article is unread and undecided). `Scope::default()` scans the whole
/// corpus with none of these.
#[derive(Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Scan only these corpus indices, e.g. the previous results when [`Query::refines`]
    /// says the new query cannot match anything else; indices out of range are ignored.
    /// `None` scans everything.
    pub candidates: Option<&'a [usize]>,
    /// Tested after the metadata terms, before fuzzy scoring and body terms.
    pub extra: Option<ExtraFilter<'a>>,
    pub triage: Option<&'a dyn StateLookup>,
    /// Polled while scanning; once it returns true the scan stops early and its (partial)
    /// result is meaningless. Lets the browser drop a search the user has already typed past.
    pub cancel: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// Whether the article at a corpus index belongs to a group of copies, for `has:copies`.
    /// Without it (grouping not done, or not run at all) `has:copies` matches nothing.
    pub copies: Option<&'a (dyn Fn(usize) -> bool + Sync)>,
    /// The full-text index for this corpus, when there is one: word, phrase and synonym terms
    /// are answered from it, and scanned from titles and bodies when it is absent or cannot
    /// answer yet.
    pub text: Option<&'a dyn super::TextIndex>,
}

/// Every article in `scope` matching `query` and `filters`, in `sort` order.
pub fn search(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> Vec<Hit> {
    let (mut hits, _) = matches(corpus, query, filters, sort, scope);
    sort_hits(&mut hits, corpus, effective_sort(query, sort));
    hits
}

/// The order [`search`] gives hits in when asked for `sort`: relevance needs a query that
/// scores, and is newest first without one.
pub fn effective_sort(query: &Query, sort: Sort) -> Sort {
    if sort == Sort::Relevance && !query.has_score() {
        Sort::DateDesc
    } else {
        sort
    }
}

/// What [`search`] finds, scored for `sort`, in the order of `scope.candidates` (corpus order
/// without them) rather than sorted: a caller that needs the hits in corpus order too gets
/// them without sorting twice. With them, the forms its words matched with, for marking.
pub fn matches(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> (Vec<Hit>, WordForms) {
    let triage: &dyn StateLookup = scope.triage.unwrap_or(&NoState);
    let default = ArticleState::default();
    let metas = corpus.metas();
    let scan = ScanScope {
        corpus,
        candidates: scope.candidates,
        cancel: scope.cancel,
    };
    let mut terms = query.text_terms();
    let together = query.together.as_ref().filter(|_| sort == Sort::Relevance);
    let together_term;
    if let Some(q) = together {
        together_term = super::words::TextTerm {
            slot: terms.len(),
            exact: q.clone(),
            loose: Vec::new(),
            marks: Vec::new(),
        };
        terms.push(&together_term);
    }
    let resolved = resolve(&terms, scope.text, &scan);
    // Scores only order hits by relevance; any other order needs only to know what matches.
    let scored = sort == Sort::Relevance;
    let check = |index: usize| -> Option<Hit> {
        if scope.cancel.is_some_and(|c| c()) {
            return None;
        }
        let meta = metas.get(index)?;
        let state = triage.lookup(&meta.id).unwrap_or(&default);
        if !filters.matches_with(meta, state) {
            return None;
        }
        if let Some(extra) = scope.extra
            && !extra(meta, index)
        {
            return None;
        }
        let env = Env {
            index,
            resolved: &resolved,
            triage,
            copies: scope.copies.is_some_and(|f| f(index)),
            scored,
        };
        let mut score = query.eval(meta, &env)?;
        if together.is_some() {
            // Words found together as typed count as much again as found apart.
            let bonus = resolved.score(terms.len() - 1, index);
            score = score.saturating_add((bonus * TEXT_SCALE).round() as i64);
        }
        Some(Hit { index, score })
    };
    let hits = match scope.candidates {
        Some(c) => c.par_iter().filter_map(|&i| check(i)).collect(),
        None => (0..corpus.len())
            .into_par_iter()
            .filter_map(check)
            .collect(),
    };
    (hits, WordForms::new(query.source(), resolved.forms))
}

/// Orders hits in place; ties are broken by date (newest first), then id, so output is stable.
pub fn sort_hits(hits: &mut [Hit], corpus: &Corpus, sort: Sort) {
    match sort {
        Sort::Relevance => sort_by_rank(hits, corpus, true),
        Sort::DateDesc => sort_by_rank(hits, corpus, false),
        Sort::DateAsc => sort_by_primary(hits, corpus, |m, _| {
            if m.published.is_some() {
                when_key(m)
            } else {
                u64::MAX
            }
        }),
        // Folding allocates, so it happens once per hit while building keys, not per comparison.
        Sort::Outlet => sort_by_primary(hits, corpus, |m, _| {
            (m.outlet.is_none(), m.outlet.as_deref().map(fold))
        }),
        Sort::Title => sort_by_primary(hits, corpus, |m, _| fold(&m.title)),
    }
}

static NO_META: LazyLock<Meta> = LazyLock::new(Meta::default);

/// The rank of `index` in [`Corpus::newest_rank`]; stale hits (from another corpus) last.
fn rank_of(ranks: &[u32], index: usize) -> u32 {
    ranks.get(index).copied().unwrap_or(u32::MAX)
}

/// Sorts by score (highest first, when `scored`), then newest first: the two orders the
/// browser sorts on every keystroke, so each hit becomes one integer key (score, rank, its
/// position in `hits`) and a million of them sort in a few tens of milliseconds, where
/// tuples of dates and ids took several times that.
fn sort_by_rank(hits: &mut [Hit], corpus: &Corpus, scored: bool) {
    let ranks = corpus.newest_rank();
    let old = hits.to_vec();
    let low = |pos: usize, h: &Hit| (u64::from(rank_of(ranks, h.index)) << 32) | pos as u64;
    let positions: Vec<usize> = if scored {
        let mut keys: Vec<u128> = old
            .par_iter()
            .enumerate()
            .map(|(pos, h)| {
                // Flipping the sign bit orders an i64 as an unsigned; inverted, highest first.
                let score = !((h.score as u64) ^ (1 << 63));
                (u128::from(score) << 64) | u128::from(low(pos, h))
            })
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|k| k as u32 as usize).collect()
    } else {
        let mut keys: Vec<u64> = old
            .par_iter()
            .enumerate()
            .map(|(pos, h)| low(pos, h))
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|k| k as u32 as usize).collect()
    };
    for (slot, pos) in hits.iter_mut().zip(positions) {
        *slot = old[pos];
    }
}

/// Sorts by `primary`, then date (newest first, undated last), then id, then index.
///
/// Keys are built once per hit: comparators that looked the metadata up on every comparison
/// took ~100 ms for 86k hits, dominated by cache misses on ties (many articles share a date).
fn sort_by_primary<K: Ord + Send>(
    hits: &mut [Hit],
    corpus: &Corpus,
    primary: impl Fn(&Meta, &Hit) -> K + Sync,
) {
    let metas = corpus.metas();
    let ranks = corpus.newest_rank();
    let mut keyed: Vec<(K, u32, Hit)> = hits
        .par_iter()
        .map(|h| {
            // Stale hits sort as empty articles rather than panicking.
            let m = metas.get(h.index).unwrap_or(&NO_META);
            (primary(m, h), rank_of(ranks, h.index), *h)
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| (&a.0, a.1, a.2.index).cmp(&(&b.0, b.1, b.2.index)));
    for (slot, k) in hits.iter_mut().zip(keyed) {
        *slot = k.2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{date_key, id_prefix};
    use crate::model::Date;
    use crate::query::testing::*;
    use std::cmp::Reverse;

    #[test]
    fn empty_query_matches_everything_newest_first() {
        let c = corpus();
        let q = Query::parse("   ").unwrap();
        assert!(q.is_empty());
        assert!(!q.has_score());
        assert_eq!(ids(&c, ""), vec!["a3", "a1", "a2", "a0", "a4"]);
    }

    /// Sorted by date, fuzzy terms are only tested, not scored: the same articles come out
    /// in the same order as when they were scored.
    #[test]
    fn date_order_finds_what_relevance_order_finds() {
        let c = corpus();
        for q in [
            "asn",
            "viral live",
            "Palembang",
            "ehp",
            "-asn medsos",
            "pns | tim",
            "zzz",
            "é",
        ] {
            let query = Query::parse(q).unwrap();
            let by_date = search(
                &c,
                &query,
                &Filters::default(),
                Sort::DateDesc,
                Scope::default(),
            );
            let mut ranked = search(
                &c,
                &query,
                &Filters::default(),
                Sort::Relevance,
                Scope::default(),
            );
            sort_hits(&mut ranked, &c, Sort::DateDesc);
            let idx = |h: &[Hit]| h.iter().map(|h| h.index).collect::<Vec<_>>();
            assert_eq!(idx(&by_date), idx(&ranked), "{q}");
            assert!(by_date.iter().all(|h| h.score == 0), "{q}: not scored");
        }
    }

    #[test]
    fn sort_keys_order_like_the_values() {
        let mut ids = [
            "b",
            "ab",
            "abc",
            "ab\0",
            "",
            "0123456789abcdefX",
            "0123456789abcdef",
        ];
        let mut by_key = ids;
        by_key.sort_by_key(|id| (id_prefix(id), *id));
        ids.sort();
        assert_eq!(by_key, ids);
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        assert!(date_key(d("2024-01-31")) < date_key(d("2024-02-01")));
        assert!(date_key(d("2023-12-31")) < date_key(d("2024-01-01")));
        assert!(date_key(None) < date_key(d("0000-01-01")));
        // Stale indices do not panic.
        let mut hits = vec![
            Hit {
                index: 99,
                score: 1,
            },
            Hit { index: 0, score: 1 },
        ];
        sort_hits(&mut hits, &corpus(), Sort::Title);
        assert_eq!(hits.len(), 2);
    }

    /// The comparison every sort used before ranks: primary key, date (newest first), the
    /// whole id, then the position.
    fn reference_sort(hits: &mut [Hit], corpus: &Corpus, sort: Sort) {
        let key = |h: &Hit| {
            let m = corpus.meta(h.index);
            let primary = match sort {
                Sort::Relevance => (Reverse(h.score), 0, None, String::new()),
                Sort::DateDesc => (Reverse(0), 0, None, String::new()),
                Sort::DateAsc => (
                    Reverse(0),
                    if m.published.is_some() {
                        when_key(m)
                    } else {
                        u64::MAX
                    },
                    None,
                    String::new(),
                ),
                Sort::Outlet => (
                    Reverse(0),
                    0,
                    Some((m.outlet.is_none(), m.outlet.as_deref().map(fold))),
                    String::new(),
                ),
                Sort::Title => (Reverse(0), 0, None, fold(&m.title)),
            };
            (primary, Reverse(when_key(m)), m.id.clone(), h.index)
        };
        hits.sort_by_key(key);
    }

    proptest::proptest! {
        /// Ranks computed once per corpus order hits exactly as comparing dates and ids did,
        /// in every sort order, with equal scores, dates and ids among them.
        #[test]
        fn rank_sorts_agree_with_comparing_dates_and_ids(
            arts in proptest::collection::vec(
                (0u8..4, proptest::option::of(0u8..3), "[ab]{0,2}", proptest::option::of("[xY]{0,2}")),
                1..40,
            ),
            picks in proptest::collection::vec((0usize..40, -3i64..4), 0..60),
        ) {
            let dates = ["2024-01-01", "2024-01-02", "2023-12-31"];
            let c = Corpus::from_articles(
                arts.iter()
                    .map(|(id, date, title, outlet)| {
                        let id = format!("id{id}");
                        article(&A {
                            id: &id,
                            title,
                            outlet: outlet.as_deref(),
                            date: date.map(|d| dates[usize::from(d)]),
                            ..BLANK
                        })
                    })
                    .collect(),
            );
            let mut hits: Vec<Hit> = picks
                .iter()
                .map(|&(i, score)| Hit { index: i % c.len(), score: score * (i64::MAX / 4) })
                .collect();
            hits.sort_by_key(|h| h.index);
            hits.dedup_by_key(|h| h.index);
            for sort in [Sort::Relevance, Sort::DateDesc, Sort::DateAsc, Sort::Outlet, Sort::Title] {
                let mut got = hits.clone();
                sort_hits(&mut got, &c, sort);
                let mut want = hits.clone();
                reference_sort(&mut want, &c, sort);
                proptest::prop_assert_eq!(got, want, "{:?}", sort);
            }
        }
    }

    #[test]
    fn ranking_ties_are_broken_by_date_then_id() {
        let c = Corpus::from_articles(
            [
                A {
                    id: "b",
                    title: "same title",
                    date: Some("2024-01-01"),
                    ..BLANK
                },
                A {
                    id: "a",
                    title: "same title",
                    date: Some("2024-01-01"),
                    ..BLANK
                },
                A {
                    id: "c",
                    title: "same title",
                    date: None,
                    ..BLANK
                },
                A {
                    id: "d",
                    title: "same title",
                    date: Some("2025-01-01"),
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        );
        assert_eq!(ids(&c, "same"), vec!["d", "a", "b", "c"]);
        let q = Query::parse("same").unwrap();
        let asc = search(&c, &q, &Filters::default(), Sort::DateAsc, Scope::default());
        let asc: Vec<&str> = asc.iter().map(|h| c.meta(h.index).id.as_str()).collect();
        assert_eq!(asc, vec!["a", "b", "d", "c"]);
    }

    #[test]
    fn sort_orders() {
        let c = corpus();
        let q = Query::default();
        let order = |s: Sort| -> Vec<String> {
            search(&c, &q, &Filters::default(), s, Scope::default())
                .iter()
                .map(|h| c.meta(h.index).id.clone())
                .collect()
        };
        assert_eq!(order(Sort::DateDesc), vec!["a3", "a1", "a2", "a0", "a4"]);
        assert_eq!(order(Sort::DateAsc), vec!["a0", "a2", "a1", "a3", "a4"]);
        // Case-insensitive; undated-outlet a4 last.
        assert_eq!(order(Sort::Outlet), vec!["a0", "a3", "a2", "a1", "a4"]);
        assert_eq!(order(Sort::Title), vec!["a0", "a2", "a3", "a1", "a4"]);
        // Relevance without fuzzy terms falls back to newest first.
        assert_eq!(order(Sort::Relevance), order(Sort::DateDesc));
    }

    #[test]
    fn facets_and_extra_filter_restrict_results() {
        let c = corpus();
        let q = Query::default();
        let mut f = Filters::default();
        f.toggle(crate::facets::Facet::Outlet, "Infoku");
        f.toggle(crate::facets::Facet::Outlet, "PAB");
        let hits = search(&c, &q, &f, Sort::DateDesc, Scope::default());
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![3, 2]);
        let even = |_: &Meta, i: usize| i.is_multiple_of(2);
        let hits = search(
            &c,
            &q,
            &f,
            Sort::DateDesc,
            Scope {
                extra: Some(&even),
                ..Scope::default()
            },
        );
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![2]);
        let sub = search(
            &c,
            &q,
            &Filters::default(),
            Sort::DateAsc,
            Scope {
                candidates: Some(&[4, 99, 0]),
                ..Scope::default()
            },
        );
        assert_eq!(sub.iter().map(|h| h.index).collect::<Vec<_>>(), vec![0, 4]);
    }
}
