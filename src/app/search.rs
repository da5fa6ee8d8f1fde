//! Running a search: the request the app emits as an effect, the results it gets back, and
//! the function that turns one into the other. The terminal front end runs [`execute`] on a
//! worker thread; tests call it inline.

use crate::corpus::Corpus;
use crate::facets::{self, Facet, Filters};
use crate::query::{self, Hit, Query, Scope, Sort};
use crate::triage::ArticleState;

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
}

type HashMapState = std::collections::HashMap<String, ArticleState>;

/// What the last search matched before facet filters, so a query that only narrows the
/// previous one (typing another character) rescans those matches instead of the corpus.
#[derive(Debug, Default)]
pub struct SearchMemo {
    last: Option<(Query, Vec<usize>)>,
}

/// Runs a request from scratch.
pub fn execute(corpus: &Corpus, req: &SearchRequest) -> SearchResults {
    execute_with(corpus, req, &mut SearchMemo::default())
}

/// Runs a request, reusing `memo` when the new query refines the previous one.
pub fn execute_with(corpus: &Corpus, req: &SearchRequest, memo: &mut SearchMemo) -> SearchResults {
    let none = Filters::default();
    let triage: &HashMapState = &req.triage;
    let candidates = match &memo.last {
        Some((prev, cands)) if req.query.refines(prev) => Some(cands.as_slice()),
        _ => None,
    };
    let base = query::search_in(
        corpus,
        &req.query,
        &none,
        req.sort,
        Scope {
            candidates,
            extra: None,
            triage: Some(triage),
        },
    );
    let base_idx: Vec<usize> = base.iter().map(|h| h.index).collect();
    let default = ArticleState::default();
    let hits: Vec<Hit> = if req.filters.is_empty() {
        base
    } else {
        base.into_iter()
            .filter(|h| {
                let meta = corpus.meta(h.index);
                let state = triage.get(&meta.id).unwrap_or(&default);
                req.filters.matches_with(meta, state)
            })
            .collect()
    };
    let hit_idx: Vec<usize> = hits.iter().map(|h| h.index).collect();
    let mut facet_list = Vec::with_capacity(Facet::TRIAGE.len() + Facet::ALL.len());
    // Triage facets first: while triaging they are the ones used most.
    for facet in Facet::TRIAGE.into_iter().chain(Facet::ALL) {
        let mut values = facets::facet_counts_with(corpus, &base_idx, &req.filters, facet, triage);
        if facet == Facet::Month {
            // Months read best in calendar order, newest first.
            values.sort_by(|a, b| b.0.cmp(&a.0));
        }
        facet_list.push((facet, values));
    }
    let histogram = facets::month_histogram(corpus, &hit_idx);
    memo.last = Some((req.query.clone(), base_idx));
    SearchResults {
        generation: req.generation,
        hits,
        facets: facet_list,
        histogram,
    }
}
