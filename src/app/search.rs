//! Running a search: the request the app emits as an effect, the results it gets back, and
//! the function that turns one into the other. The terminal front end runs [`execute`] on a
//! worker thread; tests call it inline.

use std::sync::Arc;

use rayon::prelude::*;

use crate::cluster::Clusters;
use crate::corpus::Corpus;
use crate::facets::{Facet, FacetIndex, Filters};
use crate::query::{self, Hit, Query, Scope, Sort, TextIndex, WordForms};
use crate::triage::{ArticleState, Progress};

use super::triage::TriageMap;

/// Everything a search depends on, stamped with a generation so stale answers are dropped.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Query,
    pub filters: Filters,
    pub sort: Sort,
    /// The triage state the search sees (for `is:` terms and the triage facets).
    pub triage: TriageMap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    pub generation: u64,
    /// Matches of the query and the filters, in display order.
    pub hits: Vec<Hit>,
    /// Per facet, values with counts over the query's matches filtered by the other facets.
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    /// Articles per month over `hits`, chronological.
    pub histogram: Vec<(String, u64)>,
    /// Triage progress over `hits`, counted here rather than on the UI thread.
    pub progress: Progress,
    /// The forms the query's words matched with, so the panes mark what matched.
    pub forms: WordForms,
}

type HashMapState = std::collections::HashMap<String, ArticleState>;

/// What the last search matched before facet filters, so a query that only narrows the
/// previous one (typing another character) rescans those matches instead of the corpus.
///
/// Both parts hold corpus indices, so both are tagged with the [`Corpus::identity`] they were
/// computed on and ignored for any other corpus: a corpus replaced while loading or reloading
/// can have the same length and different articles at the same indices.
#[derive(Default)]
pub struct SearchMemo {
    last: Option<(u64, Query, Vec<usize>)>,
    /// The corpus's facet values, interned on the first search over it.
    index: Option<(u64, FacetIndex)>,
    /// The corpus's groups of copies, once clustering delivered them (for `has:copies`).
    clusters: Option<(u64, Arc<Clusters>)>,
    /// The full-text index of the corpus, once built or synced for it.
    text: Option<(u64, Arc<dyn TextIndex>)>,
}

impl std::fmt::Debug for SearchMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchMemo")
            .field("last", &self.last.as_ref().map(|(id, q, _)| (id, q)))
            .field("clusters", &self.clusters.as_ref().map(|(id, _)| id))
            .field("text", &self.text.as_ref().map(|(id, _)| id))
            .finish_non_exhaustive()
    }
}

impl SearchMemo {
    /// A memo that knows the groups of copies of the corpus with `identity`. Clusters are
    /// handed to the search worker once, like the corpus, rather than with every request.
    pub fn set_clusters(&mut self, identity: u64, clusters: Arc<Clusters>) {
        self.clusters = Some((identity, clusters));
    }

    /// Forgets the last result, so the next query is searched from scratch (the facet index
    /// and the rest are kept).
    pub fn forget_last(&mut self) {
        self.last = None;
    }

    /// A memo whose searches of the corpus with `identity` look words up in `text`.
    pub fn set_text(&mut self, identity: u64, text: Arc<dyn TextIndex>) {
        self.text = Some((identity, text));
    }
}

/// Runs a request from scratch, with `clusters` (computed for `corpus`) answering
/// `has:copies`.
pub fn execute_clustered(
    corpus: &Corpus,
    req: &SearchRequest,
    clusters: Option<Arc<Clusters>>,
) -> SearchResults {
    let mut memo = SearchMemo::default();
    if let Some(c) = clusters {
        memo.set_clusters(corpus.identity(), c);
    }
    execute_with(corpus, req, &mut memo)
}

/// Runs a request from scratch.
pub fn execute(corpus: &Corpus, req: &SearchRequest) -> SearchResults {
    execute_with(corpus, req, &mut SearchMemo::default())
}

/// Runs a request, reusing `memo` when the new query refines the previous one.
#[expect(
    clippy::expect_used,
    reason = "only a cancelled search returns None, and this one never is"
)]
pub fn execute_with(corpus: &Corpus, req: &SearchRequest, memo: &mut SearchMemo) -> SearchResults {
    execute_cancellable(corpus, req, memo, &|| false)
        .expect("a search that is never cancelled completes")
}

/// Like [`execute_with`], polling `cancelled` while scanning: `None` once it returned true
/// (a newer request is waiting; this one's results would be dropped anyway).
pub fn execute_cancellable(
    corpus: &Corpus,
    req: &SearchRequest,
    memo: &mut SearchMemo,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<SearchResults> {
    let none = Filters::default();
    let triage: &HashMapState = &req.triage;
    let identity = corpus.identity();
    let candidates = match &memo.last {
        Some((id, prev, cands)) if *id == identity && req.query.refines(prev) => {
            Some(cands.as_slice())
        }
        _ => None,
    };
    let clusters = match &memo.clusters {
        Some((id, c)) if *id == identity => Some(Arc::clone(c)),
        _ => None,
    };
    let grouped = |i: usize| clusters.as_ref().is_some_and(|c| c.cluster_of(i).is_some());
    let text = match &memo.text {
        Some((id, t)) if *id == identity => Some(Arc::clone(t)),
        _ => None,
    };
    let (mut base, forms) = query::matches(
        corpus,
        &req.query,
        &none,
        req.sort,
        Scope {
            candidates,
            extra: None,
            triage: Some(triage),
            cancel: Some(cancelled),
            copies: clusters
                .is_some()
                .then_some(&grouped as &(dyn Fn(usize) -> bool + Sync)),
            text: text.as_deref(),
        },
    );
    if cancelled() {
        // The partial scan is thrown away; `memo.last` still holds the last complete one,
        // which bounds the next query when it refines that one (typing on past a cancelled
        // keystroke keeps narrowing instead of rescanning the corpus).
        return None;
    }
    // In corpus order: the facet tally and the next keystroke's scan walk these indices
    // through per-article arrays, and in display (date) order every step is a cache miss,
    // which at a million hits made both several times slower. The hits come in the order of
    // the candidates, which are in corpus order themselves.
    let mut laps = query::phases::Laps::start();
    let mut base_idx: Vec<usize> = base.iter().map(|h| h.index).collect();
    if !base_idx.is_sorted() {
        base_idx.par_sort_unstable();
    }
    laps.lap("corpus-order indices");
    query::sort_hits(
        &mut base,
        corpus,
        query::effective_sort(&req.query, req.sort),
    );
    laps.lap("sort");
    let default = ArticleState::default();
    // Filtered in corpus order too (each test reads the article's metadata), then the hits
    // kept in display order by a mark per article.
    let filtered: Option<Vec<usize>> = (!req.filters.is_empty()).then(|| {
        base_idx
            .par_iter()
            .copied()
            .filter(|&i| {
                let meta = corpus.meta(i);
                let state = triage.get(&meta.id).unwrap_or(&default);
                req.filters.matches_with(meta, state)
            })
            .collect()
    });
    let (hits, hit_idx): (Vec<Hit>, &[usize]) = match &filtered {
        None => (base, &base_idx),
        Some(kept) => {
            let mut keep = vec![false; corpus.len()];
            for &i in kept {
                keep[i] = true;
            }
            let hits = base.into_iter().filter(|h| keep[h.index]).collect();
            (hits, kept)
        }
    };
    laps.lap("facet filter");
    let index = match &mut memo.index {
        Some((id, index)) if *id == identity && index.fits(corpus) => &*index,
        slot => &slot.insert((identity, FacetIndex::build(corpus))).1,
    };
    // Triage facets first: while triaging they are the ones used most.
    let order: Vec<Facet> = Facet::TRIAGE.into_iter().chain(Facet::ALL).collect();
    let mut facet_list = index.counts(corpus, &base_idx, &req.filters, &order, triage);
    for (facet, values) in &mut facet_list {
        if *facet == Facet::Month {
            // Months read best in calendar order, newest first.
            values.sort_by(|a, b| b.0.cmp(&a.0));
        }
    }
    // The family panel helps only where it groups outlets (detik's desks under Detik); when
    // every family is one outlet it would repeat the outlet panel line for line.
    let groups = facet_list
        .iter()
        .find(|(f, _)| *f == Facet::Outlet)
        .is_some_and(|(_, outlets)| {
            let families: std::collections::HashSet<&str> = outlets
                .iter()
                .map(|(o, _)| crate::loader::parse::outlet_family(o))
                .collect();
            families.len() < outlets.len()
        });
    let family_chosen = req.filters.selected.contains_key(&Facet::Family);
    facet_list.retain(|(f, _)| *f != Facet::Family || family_chosen || groups);
    laps.lap("facet counts");
    let histogram = index.month_histogram(hit_idx);
    laps.lap("histogram");
    let progress = if triage.is_empty() {
        Progress {
            total: hit_idx.len(),
            ..Progress::default()
        }
    } else {
        hit_idx
            .par_iter()
            .fold(Progress::default, |mut p, &i| {
                p.add(triage.get(&corpus.meta(i).id).unwrap_or(&default));
                p
            })
            .reduce(Progress::default, Progress::merge)
    };
    laps.lap("progress");
    memo.last = Some((identity, req.query.clone(), base_idx));
    Some(SearchResults {
        generation: req.generation,
        hits,
        facets: facet_list,
        histogram,
        progress,
        forms,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::facets;
    use crate::loader::{self, LoadOptions};

    fn request(q: &str, generation: u64) -> SearchRequest {
        SearchRequest {
            generation,
            query: Query::parse(q).expect("valid query"),
            filters: Filters::default(),
            sort: Sort::DateDesc,
            triage: Default::default(),
        }
    }

    fn seeds() -> Corpus {
        loader::load(&loader::embedded_inputs(), &LoadOptions::default()).corpus
    }

    #[test]
    fn a_cancelled_search_returns_nothing_and_keeps_the_last_complete_scan() {
        let corpus = seeds();
        let mut memo = SearchMemo::default();
        let full = execute_with(&corpus, &request("a", 1), &mut memo);
        assert!(!full.hits.is_empty());
        let seen = |m: &SearchMemo| format!("{:?}", m.last);
        let complete = seen(&memo);
        assert!(memo.last.is_some());
        // Cancelled after the first article: the scan stops and leaves no trace.
        let polls = AtomicUsize::new(0);
        let cancel = || polls.fetch_add(1, Ordering::SeqCst) >= 1;
        assert!(execute_cancellable(&corpus, &request("ab", 2), &mut memo, &cancel).is_none());
        assert_eq!(seen(&memo), complete, "the partial scan is not remembered");
        // A query typed on past the cancelled one narrows the complete scan and finds what
        // a fresh search finds; so does going back to a broader one.
        let on = execute_with(&corpus, &request("abu", 3), &mut memo);
        assert_eq!(on.hits, execute(&corpus, &request("abu", 3)).hits);
        let back = execute_with(&corpus, &request("a", 4), &mut memo);
        assert_eq!(back.hits, full.hits);
    }

    /// A facet selection keeps exactly the matching hits, in the order the query gave them.
    #[test]
    fn filters_keep_the_matching_hits_in_display_order() {
        let corpus = seeds();
        let all = execute(&corpus, &request("", 1)).hits;
        let outlets: Vec<String> = all
            .iter()
            .filter_map(|h| corpus.meta(h.index).outlet.clone())
            .take(2)
            .collect();
        let mut req = request("", 2);
        for o in &outlets {
            req.filters.toggle(Facet::Outlet, o);
        }
        let got = execute(&corpus, &req).hits;
        let want: Vec<Hit> = all
            .into_iter()
            .filter(|h| {
                corpus
                    .meta(h.index)
                    .outlet
                    .as_ref()
                    .is_some_and(|o| outlets.contains(o))
            })
            .collect();
        assert!(want.len() >= 2, "{want:?}");
        assert_eq!(got, want);
    }

    #[test]
    fn family_panel_shows_only_when_it_groups_outlets() {
        let panels = |corpus: &Corpus, filters: Filters| -> Vec<(Facet, Vec<(String, usize)>)> {
            let mut req = request("", 1);
            req.filters = filters;
            execute(corpus, &req).facets
        };
        // The sample corpus has one outlet per family: no family panel.
        let seeds = seeds();
        assert!(
            panels(&seeds, Filters::default())
                .iter()
                .all(|(f, _)| *f != Facet::Family)
        );
        let art = |id: &str, outlet: &str| {
            let mut a = crate::model::Article::default();
            a.meta.id = id.to_string();
            a.meta.title = format!("judul {id}");
            a.meta.outlet = Some(outlet.to_string());
            a
        };
        let corpus = Corpus::from_articles(vec![
            art("a", "detikJatim"),
            art("b", "Detik.com"),
            art("c", "Tribunsumsel.com"),
        ]);
        let family = |filters: Filters| {
            panels(&corpus, filters)
                .into_iter()
                .find(|(f, _)| *f == Facet::Family)
                .map(|(_, v)| v)
        };
        assert_eq!(
            family(Filters::default()),
            Some(vec![("Detik".to_string(), 2), ("Tribun".to_string(), 1)])
        );
        // Choosing a family keeps its desks and the panel, so it can be unchosen.
        let mut f = Filters::default();
        f.toggle(Facet::Family, "Detik");
        let mut req = request("", 2);
        req.filters = f.clone();
        assert_eq!(execute(&corpus, &req).hits.len(), 2);
        assert!(family(f).is_some());
    }

    #[test]
    fn facet_counts_come_from_the_interned_index_built_once() {
        let corpus = seeds();
        let mut memo = SearchMemo::default();
        let first = execute_with(&corpus, &request("", 1), &mut memo);
        assert!(memo.index.as_ref().is_some_and(|(_, i)| i.fits(&corpus)));
        let outlets = first
            .facets
            .iter()
            .find(|(f, _)| *f == Facet::Outlet)
            .map(|(_, v)| v.clone())
            .expect("outlet facet");
        let hits: Vec<usize> = (0..corpus.len()).collect();
        let reference = facets::facet_counts(&corpus, &hits, &Filters::default(), Facet::Outlet);
        assert_eq!(outlets, reference);
    }
}
