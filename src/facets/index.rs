//! Facet counts for every facet in one pass over the hits, with metadata values interned.
//!
//! [`super::facet_counts_with`] counts one facet at a time and clones every value it sees
//! into a `HashMap<String, _>`: at 100k hits and ten facets that is a million allocations
//! and ~300 ms per keystroke. Here each article's metadata facet values are interned once
//! per corpus ([`FacetIndex::build`]) and counting is integer work: one pass over the hits,
//! one triage lookup per hit, a bit mask of the facets whose selection the hit fails, and
//! `counts[value] += 1` for the facets the hit may count towards. The results are exactly
//! those of [`super::facet_counts_with`] for each facet, which stays the reference
//! implementation (and is what the tests compare against).

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Facet, Filters, STARRED, decision_rank, read_value, state_has_any};
use crate::corpus::Corpus;
use crate::model::Meta;
use crate::triage::{Agreement, ArticleState, Decision, StateLookup};

/// One metadata facet's values: a dictionary and, per article, the ids of its values.
#[derive(Debug, Default)]
struct Table {
    names: Vec<String>,
    /// Article `i`'s values are `ids[starts[i]..starts[i + 1]]`, without duplicates.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Table {
    fn values(&self, article: usize) -> &[u32] {
        let (a, b) = (self.starts[article], self.starts[article + 1]);
        &self.ids[a as usize..b as usize]
    }
}

/// The metadata facets' values of every article in a corpus, interned.
#[derive(Debug, Default)]
pub struct FacetIndex {
    /// In [`Facet::ALL`] order.
    tables: Vec<Table>,
    len: usize,
}

/// The values `meta` has for a metadata facet, borrowed where the metadata holds them.
fn meta_values<'a>(meta: &'a Meta, facet: Facet, month: &'a mut String) -> Vec<&'a str> {
    match facet {
        Facet::Outlet => meta.outlet.as_deref().into_iter().collect(),
        Facet::Family => meta
            .outlet
            .as_deref()
            .map(crate::loader::parse::outlet_family)
            .into_iter()
            .collect(),
        Facet::Dateline => meta.dateline.as_deref().into_iter().collect(),
        Facet::Month => match meta.published {
            Some(d) => {
                *month = d.year_month();
                vec![month.as_str()]
            }
            None => Vec::new(),
        },
        Facet::Tag => meta.tags.iter().map(String::as_str).collect(),
        Facet::Province => meta.provinces.iter().map(String::as_str).collect(),
        Facet::Region => meta.regions.iter().map(String::as_str).collect(),
        Facet::Passing => meta.regions_passing.iter().map(String::as_str).collect(),
        Facet::Decision
        | Facet::Read
        | Facet::Star
        | Facet::Label
        | Facet::Analyst
        | Facet::Conflict => Vec::new(),
    }
}

impl FacetIndex {
    /// Interns every article's metadata facet values (~50 ms for 100k articles on 2 cores).
    pub fn build(corpus: &Corpus) -> FacetIndex {
        let metas = corpus.metas();
        let tables = Facet::ALL
            .par_iter()
            .map(|&facet| {
                let mut table = Table {
                    starts: Vec::with_capacity(metas.len() + 1),
                    ..Table::default()
                };
                let mut lookup: HashMap<String, u32> = HashMap::new();
                let mut month = String::new();
                table.starts.push(0);
                for meta in metas {
                    let first = table.ids.len();
                    for v in meta_values(meta, facet, &mut month) {
                        let id = match lookup.get(v) {
                            Some(&id) => id,
                            None => {
                                let id = table.names.len() as u32;
                                table.names.push(v.to_string());
                                lookup.insert(v.to_string(), id);
                                id
                            }
                        };
                        // An article counts once per value even when it repeats a tag.
                        if !table.ids[first..].contains(&id) {
                            table.ids.push(id);
                        }
                    }
                    table.starts.push(table.ids.len() as u32);
                }
                table
            })
            .collect();
        FacetIndex {
            tables,
            len: metas.len(),
        }
    }

    /// [`super::month_histogram`] of `hits`, counted from the interned months: a tally per
    /// value rather than a map entry per hit, and no article's metadata read (at a million
    /// hits, a cache miss each).
    pub fn month_histogram(&self, hits: &[usize]) -> Vec<(String, u64)> {
        let Some(table) = Facet::ALL
            .iter()
            .position(|f| *f == Facet::Month)
            .and_then(|at| self.tables.get(at))
        else {
            return Vec::new();
        };
        let piece = hits
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(1 << 14);
        let counts = hits
            .par_iter()
            .with_min_len(piece)
            .fold(
                || vec![0u64; table.names.len()],
                |mut counts, &i| {
                    if i < self.len {
                        for &id in table.values(i) {
                            counts[id as usize] += 1;
                        }
                    }
                    counts
                },
            )
            .reduce_with(|mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            })
            .unwrap_or_default();
        let mut by_month = std::collections::BTreeMap::new();
        for (name, n) in table.names.iter().zip(counts) {
            // Names are `Date::year_month`: `YYYY-MM`.
            let key = name.split_once('-').and_then(|(y, m)| {
                let (y, m) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
                Some(y * 12 + m.saturating_sub(1))
            });
            if let (Some(key), true) = (key, n > 0) {
                *by_month.entry(key).or_default() += n;
            }
        }
        super::histogram_of(&by_month)
    }

    /// Whether this index was built for a corpus of `len` articles.
    pub fn fits(&self, corpus: &Corpus) -> bool {
        self.len == corpus.len()
    }

    /// Counts for each of `facets` over `query_hits` (articles matching the query alone),
    /// each facet's counts filtered by every other facet's selection; the same as calling
    /// [`super::facet_counts_with`] for each facet.
    pub fn counts(
        &self,
        corpus: &Corpus,
        query_hits: &[usize],
        filters: &Filters,
        facets: &[Facet],
        triage: &dyn StateLookup,
    ) -> Vec<(Facet, Vec<(String, usize)>)> {
        let metas = corpus.metas();
        let selection = Selection::new(self, filters);
        let default = ArticleState::default();
        // Without triage state and triage selections, counting is all in the index: the
        // articles' metadata (a cache miss or two per hit at a million) is never read.
        let untriaged = triage.is_empty() && selection.triage.is_empty();
        // A few pieces per thread: every piece allocates and merges a count per value of
        // every facet (tens of thousands of datelines and regions at a million articles), so
        // rayon's default splitting into hundreds of pieces cost more than the counting.
        let piece = query_hits
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(4096);
        let limit = self.len.min(metas.len());
        if untriaged && selection.meta.iter().all(Option::is_none) {
            // Nothing selected and no triage state: every hit counts towards every facet,
            // so each facet is a plain tally over the hits, on a thread of its own, and
            // every hit's state is the default one.
            let mut tally = Tally::new(self);
            tally.meta = self
                .tables
                .par_iter()
                .map(|table| {
                    let mut counts = vec![0; table.names.len()];
                    for &i in query_hits.iter().filter(|&&i| i < limit) {
                        for &id in table.values(i) {
                            counts[id as usize] += 1;
                        }
                    }
                    counts
                })
                .collect();
            let n = query_hits.iter().filter(|&&i| i < limit).count();
            tally.add_state(&default, n, &|_| true);
            return facets
                .iter()
                .map(|&facet| (facet, tally.values(self, filters, facet)))
                .collect();
        }
        let tally = query_hits
            .par_iter()
            .with_min_len(piece)
            .fold(
                || Tally::new(self),
                |mut tally, &i| {
                    if i >= limit {
                        return tally;
                    }
                    let state = if untriaged {
                        &default
                    } else {
                        triage.lookup(&metas[i].id).unwrap_or(&default)
                    };
                    tally.add(self, &selection, filters, i, state);
                    tally
                },
            )
            .reduce(|| Tally::new(self), Tally::merge);
        facets
            .iter()
            .map(|&facet| (facet, tally.values(self, filters, facet)))
            .collect()
    }
}

/// Bit of `facet` in a fail mask.
fn bit(facet: Facet) -> u16 {
    1 << (facet as u16)
}

/// The filters resolved against the index: per metadata facet, the selected value ids.
struct Selection {
    /// In [`Facet::ALL`] order; `None` when the facet has no selection.
    meta: Vec<Option<Vec<u32>>>,
    /// Triage facets with a selection.
    triage: Vec<Facet>,
}

impl Selection {
    fn new(index: &FacetIndex, filters: &Filters) -> Selection {
        let meta = Facet::ALL
            .iter()
            .zip(&index.tables)
            .map(|(facet, table)| {
                let wanted = filters.selected.get(facet).filter(|w| !w.is_empty())?;
                Some(
                    table
                        .names
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| wanted.contains(*n))
                        .map(|(id, _)| id as u32)
                        .collect(),
                )
            })
            .collect();
        let triage = Facet::TRIAGE
            .into_iter()
            .filter(|f| filters.selected.get(f).is_some_and(|w| !w.is_empty()))
            .collect();
        Selection { meta, triage }
    }
}

/// Counts accumulated over part of the hits.
struct Tally<'a> {
    /// In [`Facet::ALL`] order, indexed by value id.
    meta: Vec<Vec<u32>>,
    /// Indexed by [`decision_slot`].
    decision: [usize; 4],
    read: usize,
    unread: usize,
    starred: usize,
    labels: HashMap<&'a str, usize>,
    analysts: HashMap<&'a str, usize>,
    /// Indexed like [`Agreement::ALL`].
    agreement: [usize; 4],
}

const DECISIONS: [Decision; 4] = [
    Decision::Relevant,
    Decision::Maybe,
    Decision::Irrelevant,
    Decision::Undecided,
];

fn decision_slot(d: Decision) -> usize {
    DECISIONS.iter().position(|x| *x == d).unwrap_or(3)
}

impl<'a> Tally<'a> {
    fn new(index: &FacetIndex) -> Tally<'a> {
        Tally {
            meta: index
                .tables
                .iter()
                .map(|t| vec![0; t.names.len()])
                .collect(),
            decision: [0; 4],
            read: 0,
            unread: 0,
            starred: 0,
            labels: HashMap::new(),
            analysts: HashMap::new(),
            agreement: [0; 4],
        }
    }

    fn add(
        &mut self,
        index: &FacetIndex,
        selection: &Selection,
        filters: &Filters,
        article: usize,
        state: &'a ArticleState,
    ) {
        // Which facets' selections this article fails. Failing two or more means it counts
        // nowhere (every facet's counts respect all the other selections); failing exactly
        // one means it counts only for that facet.
        let mut fails: u16 = 0;
        for ((facet, table), wanted) in Facet::ALL.iter().zip(&index.tables).zip(&selection.meta) {
            if let Some(wanted) = wanted
                && !table.values(article).iter().any(|id| wanted.contains(id))
            {
                fails |= bit(*facet);
            }
        }
        for &facet in &selection.triage {
            if let Some(wanted) = filters.selected.get(&facet)
                && !state_has_any(state, facet, wanted)
            {
                fails |= bit(facet);
            }
        }
        if fails.count_ones() > 1 {
            return;
        }
        let counts_for = |facet: Facet| fails == 0 || fails == bit(facet);
        for ((facet, table), counts) in Facet::ALL.iter().zip(&index.tables).zip(&mut self.meta) {
            if counts_for(*facet) {
                for &id in table.values(article) {
                    counts[id as usize] += 1;
                }
            }
        }
        self.add_state(state, 1, &counts_for);
    }

    /// Counts `state` towards the triage facets `times` times, for the facets `counts_for`
    /// allows.
    fn add_state(
        &mut self,
        state: &'a ArticleState,
        times: usize,
        counts_for: &dyn Fn(Facet) -> bool,
    ) {
        if counts_for(Facet::Decision) {
            self.decision[decision_slot(state.decision)] += times;
        }
        if counts_for(Facet::Read) {
            if state.read {
                self.read += times;
            } else {
                self.unread += times;
            }
        }
        if counts_for(Facet::Star) && state.starred {
            self.starred += times;
        }
        if counts_for(Facet::Label) {
            for label in &state.labels {
                *self.labels.entry(label.as_str()).or_default() += times;
            }
        }
        if let Some(team) = &state.team {
            if counts_for(Facet::Analyst) {
                for a in &team.analysts {
                    *self.analysts.entry(a.as_str()).or_default() += times;
                }
            }
            if counts_for(Facet::Conflict) {
                let slot = Agreement::ALL.iter().position(|x| *x == team.agreement);
                self.agreement[slot.unwrap_or(0)] += times;
            }
        }
    }

    fn merge(mut self, other: Tally<'a>) -> Tally<'a> {
        for (mine, theirs) in self.meta.iter_mut().zip(other.meta) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
        for (m, t) in self.decision.iter_mut().zip(other.decision) {
            *m += t;
        }
        self.read += other.read;
        self.unread += other.unread;
        self.starred += other.starred;
        for (label, n) in other.labels {
            *self.labels.entry(label).or_default() += n;
        }
        for (a, n) in other.analysts {
            *self.analysts.entry(a).or_default() += n;
        }
        for (m, t) in self.agreement.iter_mut().zip(other.agreement) {
            *m += t;
        }
        self
    }

    /// One facet's values with non-zero counts, plus its selected values (zero when nothing
    /// has them), ordered as [`super::facet_counts_with`] orders them.
    fn values(&self, index: &FacetIndex, filters: &Filters, facet: Facet) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = match facet {
            Facet::Decision => DECISIONS
                .iter()
                .zip(self.decision)
                .filter(|(_, n)| *n > 0)
                .map(|(d, n)| (d.as_str().to_string(), n))
                .collect(),
            Facet::Read => [
                (read_value(&read_state(true)), self.read),
                (read_value(&read_state(false)), self.unread),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| (v.to_string(), n))
            .collect(),
            Facet::Star => (self.starred > 0)
                .then(|| (STARRED.to_string(), self.starred))
                .into_iter()
                .collect(),
            Facet::Label => self
                .labels
                .iter()
                .map(|(l, n)| (l.to_string(), *n))
                .collect(),
            Facet::Analyst => self
                .analysts
                .iter()
                .map(|(a, n)| (a.to_string(), *n))
                .collect(),
            Facet::Conflict => Agreement::ALL
                .iter()
                .zip(self.agreement)
                .filter(|(_, n)| *n > 0)
                .map(|(a, n)| (a.as_str().to_string(), n))
                .collect(),
            _ => {
                let slot = Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0);
                let names = &index.tables[slot].names;
                self.meta[slot]
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(id, n)| (names[id].clone(), *n as usize))
                    .collect()
            }
        };
        if let Some(selected) = filters.selected.get(&facet) {
            for v in selected {
                if !out.iter().any(|(have, _)| have == v) {
                    out.push((v.clone(), 0));
                }
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if facet == Facet::Decision {
            // A fixed order reads faster while triaging than one that reshuffles.
            out.sort_by_key(|(v, _)| decision_rank(v));
        }
        if facet == Facet::Conflict {
            out.sort_by_key(|(v, _)| Agreement::ALL.iter().position(|a| a.as_str() == v));
        }
        out
    }
}

fn read_state(read: bool) -> ArticleState {
    ArticleState {
        read,
        ..ArticleState::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Article, Date};

    const OUTLETS: [&str; 3] = ["Infoku", "Detik", "Sumeks.co"];
    const TAGS: [&str; 4] = ["asn", "viral", "banjir", "pilkada"];
    const REGIONS: [&str; 3] = ["Blora", "Kota Palembang", "Simalungun"];
    const LABELS: [&str; 2] = ["banjir", "cek"];

    /// (outlet, month, tags as bits, regions as bits, state as bits) per article.
    type Spec = (Option<usize>, Option<u8>, u8, u8, u8);

    fn corpus_and_triage(specs: &[Spec]) -> (Corpus, HashMap<String, ArticleState>) {
        let mut triage = HashMap::new();
        let articles = specs
            .iter()
            .enumerate()
            .map(|(i, &(outlet, month, tags, regions, state))| {
                let mut a = Article::default();
                a.meta.id = format!("{i:016x}");
                a.meta.outlet = outlet.map(|o| OUTLETS[o].to_string());
                a.meta.published = month.and_then(|m| Date::new(2024, m % 12 + 1, 1));
                // Bit 4 repeats the first tag: an article still counts once per value.
                a.meta.tags = (0..5)
                    .filter(|b| tags & (1 << b) != 0)
                    .map(|b| TAGS[b % 4].to_string())
                    .collect();
                a.meta.regions = (0..3)
                    .filter(|b| regions & (1 << b) != 0)
                    .map(|b| REGIONS[b].to_string())
                    .collect();
                // Bits 3 to 5: the same regions named only in passing, where not places.
                a.meta.regions_passing = (0..3)
                    .filter(|b| regions & (1 << b) == 0 && regions & (8 << b) != 0)
                    .map(|b| REGIONS[b].to_string())
                    .collect();
                a.meta.provinces = a.meta.regions.iter().map(|r| format!("P {r}")).collect();
                if state != 0 {
                    let st = ArticleState {
                        read: state & 1 != 0,
                        starred: state & 2 != 0,
                        decision: DECISIONS[usize::from(state >> 2) % 4],
                        labels: (0..2)
                            .filter(|b| state & (16 << b) != 0)
                            .map(|b| LABELS[b].to_string())
                            .collect(),
                        ..ArticleState::default()
                    };
                    triage.insert(a.meta.id.clone(), st);
                }
                a
            })
            .collect();
        (Corpus::from_articles(articles), triage)
    }

    fn filters_from(picks: &[(usize, usize)]) -> Filters {
        let all: Vec<(Facet, String)> = OUTLETS
            .iter()
            .map(|o| (Facet::Outlet, o.to_string()))
            .chain(TAGS.iter().map(|t| (Facet::Tag, t.to_string())))
            .chain(REGIONS.iter().map(|r| (Facet::Region, r.to_string())))
            .chain(REGIONS.iter().map(|r| (Facet::Passing, r.to_string())))
            .chain([
                (Facet::Month, "2024-03".to_string()),
                (Facet::Month, "2024-07".to_string()),
                (Facet::Decision, "relevant".to_string()),
                (Facet::Decision, "undecided".to_string()),
                (Facet::Read, "unread".to_string()),
                (Facet::Star, "starred".to_string()),
                (Facet::Label, "cek".to_string()),
                // A value nothing has: it shows with a zero count.
                (Facet::Outlet, "Nowhere".to_string()),
            ])
            .collect();
        let mut f = Filters::default();
        for &(i, _) in picks {
            let (facet, value) = &all[i % all.len()];
            if !f.is_selected(*facet, value) {
                f.toggle(*facet, value);
            }
        }
        f
    }

    fn every_facet() -> Vec<Facet> {
        Facet::TRIAGE.into_iter().chain(Facet::ALL).collect()
    }

    proptest! {
        /// The one-pass counts equal the per-facet reference for any corpus, hit set,
        /// triage state and selection.
        #[test]
        fn counts_equal_the_reference(
            specs in prop::collection::vec(
                (prop::option::of(0usize..3), prop::option::of(0u8..12), 0u8..32, 0u8..64, 0u8..64),
                0..60,
            ),
            picks in prop::collection::vec((0usize..64, 0usize..1), 0..4),
            keep in 0usize..4,
        ) {
            let (corpus, triage) = corpus_and_triage(&specs);
            let filters = filters_from(&picks);
            // Some hit sets skip articles, as a query would.
            let hits: Vec<usize> = (0..corpus.len()).filter(|i| keep == 0 || i % (keep + 1) != 0).collect();
            let index = FacetIndex::build(&corpus);
            prop_assert!(index.fits(&corpus));
            let got = index.counts(&corpus, &hits, &filters, &every_facet(), &triage);
            for (facet, values) in got {
                let want = super::super::facet_counts_with(&corpus, &hits, &filters, facet, &triage);
                prop_assert_eq!(values, want, "facet {}", facet);
            }
            // Without any triage state the tally never reads the articles' metadata.
            let none: HashMap<String, ArticleState> = HashMap::new();
            let got = index.counts(&corpus, &hits, &filters, &every_facet(), &none);
            for (facet, values) in got {
                let want = super::super::facet_counts_with(&corpus, &hits, &filters, facet, &none);
                prop_assert_eq!(values, want, "facet {} without triage", facet);
            }
        }
    }

    #[test]
    fn repeated_tags_count_once_and_selected_values_show_with_zero() {
        let (corpus, triage) = corpus_and_triage(&[
            (Some(0), Some(2), 0b1_0001, 0, 0),
            (Some(1), None, 0b0010, 1, 0b0101),
        ]);
        let mut filters = Filters::default();
        filters.toggle(Facet::Outlet, "Nowhere");
        let index = FacetIndex::build(&corpus);
        let got = index.counts(&corpus, &[0, 1], &filters, &every_facet(), &triage);
        let of = |facet: Facet| {
            got.iter()
                .find(|(f, _)| *f == facet)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            of(Facet::Outlet).unwrap(),
            vec![
                ("Detik".to_string(), 1),
                ("Infoku".to_string(), 1),
                ("Nowhere".to_string(), 0)
            ]
        );
        // Every other facet counts nothing: no article passes the outlet selection.
        assert_eq!(of(Facet::Tag).unwrap(), vec![]);
        filters.toggle(Facet::Outlet, "Nowhere");
        let got = index.counts(&corpus, &[0, 1], &filters, &every_facet(), &triage);
        let tags = got.iter().find(|(f, _)| *f == Facet::Tag).unwrap();
        assert_eq!(
            tags.1,
            vec![("asn".to_string(), 1), ("viral".to_string(), 1)]
        );
        let decision = got.iter().find(|(f, _)| *f == Facet::Decision).unwrap();
        assert_eq!(
            decision.1,
            vec![("maybe".to_string(), 1), ("undecided".to_string(), 1)]
        );
    }
}
