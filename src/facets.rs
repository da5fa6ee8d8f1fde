//! Facets (outlet, year-month, dateline, tag, province, region, and the triage facets decision, read, star and
//! label) and their counts. Triage facets read the state through a
//! [`crate::triage::StateLookup`], so the counts follow every triage change.
//!
//! Selections follow the usual faceted-search rules: values selected under one facet are OR-ed,
//! facets are AND-ed, and the counts shown for a facet ignore that facet's own selection (see
//! [`facet_counts`]) so the reader can still see, and add, the alternatives.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

mod index;
pub use index::FacetIndex;

use crate::corpus::Corpus;
use crate::loader::parse::outlet_family;
use crate::model::Meta;
use crate::triage::{ArticleState, Decision, NoState, StateLookup};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Outlet,
    /// The outlet's family: detik's desks under Detik, Tribun's regional sites under Tribun.
    Family,
    Month,
    Dateline,
    Tag,
    /// Provinces the article names (its dateline's, or through one of its regions).
    Province,
    /// Regencies and cities the article is about (see `regions::salience`).
    Region,
    /// Regencies and cities the article names only in passing.
    Passing,
    /// relevant / irrelevant / maybe / undecided.
    Decision,
    /// read / unread.
    Read,
    /// starred (unstarred articles have no value).
    Star,
    /// Each label an article carries.
    Label,
    /// Each analyst of a team who touched the article (only with a team server).
    Analyst,
    /// Where the analysts' decisions stand: conflict, agreed, one analyst, undecided.
    Conflict,
}

impl Facet {
    /// The metadata facets.
    pub const ALL: [Facet; 8] = [
        Facet::Outlet,
        Facet::Family,
        Facet::Month,
        Facet::Dateline,
        Facet::Tag,
        Facet::Province,
        Facet::Region,
        Facet::Passing,
    ];
    /// The facets over triage state (the team's two have values only with a team server).
    pub const TRIAGE: [Facet; 6] = [
        Facet::Decision,
        Facet::Conflict,
        Facet::Read,
        Facet::Star,
        Facet::Label,
        Facet::Analyst,
    ];

    /// The lower-case name used in the status line and in exports.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Family => "family",
            Facet::Month => "month",
            Facet::Dateline => "dateline",
            Facet::Tag => "tag",
            Facet::Province => "province",
            Facet::Region => "region",
            Facet::Passing => "passing",
            Facet::Decision => "decision",
            Facet::Read => "read",
            Facet::Star => "star",
            Facet::Label => "label",
            Facet::Analyst => "analyst",
            Facet::Conflict => "conflict",
        }
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Selected facet values: OR within a facet, AND across facets.
///
/// A facet never maps to an empty set (toggling the last value off removes the facet), so
/// `is_empty` and equality mean what they say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub selected: BTreeMap<Facet, BTreeSet<String>>,
}

impl Filters {
    /// Selects `value` under `facet`, or deselects it when it was selected.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let set = self.selected.entry(facet).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.selected.remove(&facet);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.selected.values().all(BTreeSet::is_empty)
    }

    pub fn clear(&mut self) {
        self.selected.clear();
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected
            .get(&facet)
            .is_some_and(|set| set.contains(value))
    }

    /// The number of selected values over all facets.
    pub fn count(&self) -> usize {
        self.selected.values().map(BTreeSet::len).sum()
    }

    /// Whether `meta` passes the selection, taking triage facets as the default state
    /// (unread, undecided); see [`Filters::matches_with`].
    pub fn matches(&self, meta: &Meta) -> bool {
        self.matches_with(meta, &ArticleState::default())
    }

    /// Whether the article with `meta` and triage `state` passes the selection.
    pub fn matches_with(&self, meta: &Meta, state: &ArticleState) -> bool {
        self.matches_except(meta, state, None)
    }

    /// Like [`Filters::matches_with`] but ignoring the selection of `skip`.
    fn matches_except(&self, meta: &Meta, state: &ArticleState, skip: Option<Facet>) -> bool {
        self.selected.iter().all(|(&facet, wanted)| {
            Some(facet) == skip || wanted.is_empty() || has_any(meta, state, facet, wanted)
        })
    }
}

/// True when the article has at least one of `wanted` for `facet`, without allocating the
/// values.
fn has_any(meta: &Meta, state: &ArticleState, facet: Facet, wanted: &BTreeSet<String>) -> bool {
    match facet {
        Facet::Outlet => meta.outlet.as_ref().is_some_and(|o| wanted.contains(o)),
        Facet::Family => meta
            .outlet
            .as_deref()
            .is_some_and(|o| wanted.contains(outlet_family(o))),
        Facet::Dateline => meta.dateline.as_ref().is_some_and(|d| wanted.contains(d)),
        Facet::Tag => meta.tags.iter().any(|t| wanted.contains(t)),
        Facet::Province => meta.provinces.iter().any(|p| wanted.contains(p)),
        Facet::Region => meta.regions.iter().any(|r| wanted.contains(r)),
        Facet::Passing => meta.regions_passing.iter().any(|r| wanted.contains(r)),
        Facet::Month => meta
            .published
            .is_some_and(|d| wanted.contains(&d.year_month())),
        Facet::Decision
        | Facet::Read
        | Facet::Star
        | Facet::Label
        | Facet::Analyst
        | Facet::Conflict => state_has_any(state, facet, wanted),
    }
}

/// [`has_any`] for a triage facet (decision, read, star, label): the article's triage state
/// is all it needs, so a facet count can test it without reading the metadata. False for
/// the metadata facets.
fn state_has_any(state: &ArticleState, facet: Facet, wanted: &BTreeSet<String>) -> bool {
    match facet {
        Facet::Decision => wanted.contains(state.decision.as_str()),
        Facet::Read => wanted.contains(read_value(state)),
        Facet::Star => state.starred && wanted.contains(STARRED),
        Facet::Label => state.labels.iter().any(|l| wanted.contains(l)),
        Facet::Analyst => state
            .team
            .as_ref()
            .is_some_and(|t| t.analysts.iter().any(|a| wanted.contains(a))),
        Facet::Conflict => state
            .team
            .as_ref()
            .is_some_and(|t| wanted.contains(t.agreement.as_str())),
        _ => false,
    }
}

impl fmt::Display for Filters {
    /// `outlet: Infoku, Sumeks.co; month: 2024-06`, for the status line and export headers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (facet, values) in self.selected.iter().filter(|(_, v)| !v.is_empty()) {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{facet}: ")?;
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(v)?;
            }
        }
        Ok(())
    }
}

const STARRED: &str = "starred";

fn read_value(state: &ArticleState) -> &'static str {
    if state.read { "read" } else { "unread" }
}

/// The values `meta` has for `facet` ("(none)" is not a value: an article without an outlet
/// has no outlet value). Triage facets see the default state; see [`values_with`].
pub fn values(meta: &Meta, facet: Facet) -> Vec<String> {
    values_with(meta, &ArticleState::default(), facet)
}

/// The values an article with `meta` and triage `state` has for `facet`.
pub fn values_with(meta: &Meta, state: &ArticleState, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Decision => vec![state.decision.as_str().to_string()],
        Facet::Read => vec![read_value(state).to_string()],
        Facet::Star => {
            if state.starred {
                vec![STARRED.to_string()]
            } else {
                Vec::new()
            }
        }
        Facet::Label => state.labels.iter().cloned().collect(),
        Facet::Analyst => state
            .team
            .as_ref()
            .map(|t| t.analysts.clone())
            .unwrap_or_default(),
        Facet::Conflict => state
            .team
            .as_ref()
            .map(|t| vec![t.agreement.as_str().to_string()])
            .unwrap_or_default(),
        Facet::Outlet => meta.outlet.iter().cloned().collect(),
        Facet::Family => meta
            .outlet
            .iter()
            .map(|o| outlet_family(o).to_string())
            .collect(),
        Facet::Dateline => meta.dateline.iter().cloned().collect(),
        Facet::Month => meta.published.iter().map(|d| d.year_month()).collect(),
        // The parser deduplicates these, so each article counts once per value.
        Facet::Province => meta.provinces.clone(),
        Facet::Region => meta.regions.clone(),
        Facet::Passing => meta.regions_passing.clone(),
        Facet::Tag => {
            // A tag repeated in one article must count that article once.
            let mut tags: Vec<String> = meta.tags.clone();
            tags.sort();
            tags.dedup();
            tags
        }
    }
}

/// Counts per value of `facet` over `hits` (indices into the corpus), most frequent first,
/// ties by value.
pub fn counts(corpus: &Corpus, hits: &[usize], facet: Facet) -> Vec<(String, usize)> {
    count_where(corpus, hits, facet, &NoState, |_, _| true)
}

fn count_where(
    corpus: &Corpus,
    hits: &[usize],
    facet: Facet,
    triage: &dyn StateLookup,
    keep: impl Fn(&Meta, &ArticleState) -> bool,
) -> Vec<(String, usize)> {
    let metas = corpus.metas();
    let default = ArticleState::default();
    let mut map: HashMap<String, usize> = HashMap::new();
    for meta in hits.iter().filter_map(|&i| metas.get(i)) {
        let state = triage.lookup(&meta.id).unwrap_or(&default);
        if !keep(meta, state) {
            continue;
        }
        for v in values_with(meta, state, facet) {
            *map.entry(v).or_default() += 1;
        }
    }
    let mut out = sorted_counts(map);
    if facet == Facet::Decision {
        // A fixed order reads faster while triaging than one that reshuffles with the counts.
        out.sort_by_key(|(v, _)| decision_rank(v));
    }
    out
}

fn decision_rank(value: &str) -> usize {
    [
        Decision::Relevant,
        Decision::Maybe,
        Decision::Irrelevant,
        Decision::Undecided,
    ]
    .iter()
    .position(|d| d.as_str() == value)
    .unwrap_or(usize::MAX)
}

fn sorted_counts(map: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = map.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Counts for one facet's panel in standard faceted-search style.
///
/// `query_hits` are the articles matching the query alone (no facet filters). The counts for
/// `facet` are taken over those hits filtered by every *other* facet's selection, so selecting
/// "Infoku" under outlet still shows how many articles each other outlet would add. Selected
/// values always appear, with a zero count when nothing matches them.
pub fn facet_counts(
    corpus: &Corpus,
    query_hits: &[usize],
    filters: &Filters,
    facet: Facet,
) -> Vec<(String, usize)> {
    facet_counts_with(corpus, query_hits, filters, facet, &NoState)
}

/// [`facet_counts`] with the triage state, for the triage facets and for selections that
/// include them.
pub fn facet_counts_with(
    corpus: &Corpus,
    query_hits: &[usize],
    filters: &Filters,
    facet: Facet,
    triage: &dyn StateLookup,
) -> Vec<(String, usize)> {
    let mut out = count_where(corpus, query_hits, facet, triage, |m, st| {
        filters.matches_except(m, st, Some(facet))
    });
    if let Some(selected) = filters.selected.get(&facet) {
        let missing: Vec<&String> = selected
            .iter()
            .filter(|v| !out.iter().any(|(have, _)| have == *v))
            .collect();
        if !missing.is_empty() {
            out.extend(missing.into_iter().map(|v| (v.clone(), 0)));
            out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            if facet == Facet::Decision {
                out.sort_by_key(|(v, _)| decision_rank(v));
            }
        }
    }
    out
}

/// Articles per published month (`YYYY-MM`) over `hits`, chronological, with the empty months
/// between the first and the last included so a bar chart's x axis is linear in time.
/// Undated articles are not counted, nor are outliers: a few months far from the rest at
/// either end (see [`core_span`]), which are typos or scheduled events, not publication
/// days, and would otherwise stretch the axis until the real months are a sliver.
pub fn month_histogram(corpus: &Corpus, hits: &[usize]) -> Vec<(String, u64)> {
    let metas = corpus.metas();
    // Keyed by months since year 0 so gap filling is plain integer arithmetic.
    let mut by_month: BTreeMap<u32, u64> = BTreeMap::new();
    for d in hits
        .iter()
        .filter_map(|&i| metas.get(i))
        .filter_map(|m| m.published)
    {
        let key = u32::from(d.year) * 12 + u32::from(d.month.saturating_sub(1));
        *by_month.entry(key).or_default() += 1;
    }
    histogram_of(&by_month)
}

/// The chart of counts keyed by months since year 0 (see [`month_histogram`]).
fn histogram_of(by_month: &BTreeMap<u32, u64>) -> Vec<(String, u64)> {
    let Some((first, last)) = core_span(by_month) else {
        return Vec::new();
    };
    (first..=last)
        .map(|k| {
            let label = format!("{:04}-{:02}", k / 12, k % 12 + 1);
            (label, by_month.get(&k).copied().unwrap_or(0))
        })
        .collect()
}

/// The share of dated articles an end of the chart may drop as outliers.
const OUTLIER_SHARE: f64 = 0.01;
/// How many months an outlier lies beyond the next month inward, at least.
const OUTLIER_GAP: u32 = 3;

/// The first and last month of the chart: the whole range, less the months at either end
/// that lie at least [`OUTLIER_GAP`] months beyond their neighbour inward and together hold
/// at most [`OUTLIER_SHARE`] of the articles.
fn core_span(by_month: &BTreeMap<u32, u64>) -> Option<(u32, u32)> {
    let months: Vec<(u32, u64)> = by_month.iter().map(|(&k, &n)| (k, n)).collect();
    let total: u64 = months.iter().map(|(_, n)| n).sum();
    let budget = (total as f64 * OUTLIER_SHARE) as u64;
    let (mut lo, mut hi) = (0, months.len().checked_sub(1)?);
    let mut dropped = 0;
    // Each step drops the run of months beyond the widest gap at an end, if it is small.
    loop {
        let mut moved = false;
        // From the top: the first gap (from the end) of OUTLIER_GAP or more.
        if let Some(g) = (lo + 1..=hi)
            .rev()
            .find(|&i| months[i].0 - months[i - 1].0 >= OUTLIER_GAP)
        {
            let n: u64 = months[g..=hi].iter().map(|(_, n)| n).sum();
            if dropped + n <= budget {
                dropped += n;
                hi = g - 1;
                moved = true;
            }
        }
        if let Some(g) = (lo..hi).find(|&i| months[i + 1].0 - months[i].0 >= OUTLIER_GAP) {
            let n: u64 = months[lo..=g].iter().map(|(_, n)| n).sum();
            if dropped + n <= budget {
                dropped += n;
                lo = g + 1;
                moved = true;
            }
        }
        if !moved {
            return Some((months[lo].0, months[hi].0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Date};

    fn art(id: &str, outlet: Option<&str>, date: Option<(u16, u8, u8)>, tags: &[&str]) -> Article {
        let mut a = Article::default();
        a.meta.id = id.to_string();
        a.meta.title = format!("title {id}");
        a.meta.outlet = outlet.map(str::to_string);
        a.meta.dateline = Some("Palembang".to_string());
        a.meta.published = date.and_then(|(y, m, d)| Date::new(y, m, d));
        a.meta.tags = tags.iter().map(|t| t.to_string()).collect();
        a
    }

    fn corpus() -> Corpus {
        Corpus::from_articles(vec![
            art("a", Some("Infoku"), Some((2024, 6, 1)), &["asn", "asn"]),
            art("b", Some("Infoku"), Some((2024, 8, 3)), &["viral"]),
            art("c", Some("Sumeks.co"), Some((2024, 6, 19)), &["asn"]),
            art("d", None, None, &[]),
            art("e", Some("Detik"), Some((2025, 1, 2)), &[]),
        ])
    }

    #[test]
    fn values_per_facet() {
        let c = corpus();
        assert_eq!(values(c.meta(0), Facet::Outlet), vec!["Infoku"]);
        assert_eq!(values(c.meta(0), Facet::Month), vec!["2024-06"]);
        assert_eq!(values(c.meta(0), Facet::Dateline), vec!["Palembang"]);
        assert_eq!(values(c.meta(0), Facet::Tag), vec!["asn"]);
        assert!(values(c.meta(3), Facet::Outlet).is_empty());
        assert!(values(c.meta(3), Facet::Month).is_empty());
    }

    #[test]
    fn family_groups_an_outlets_desks() {
        let c = Corpus::from_articles(vec![
            art("a", Some("detikJatim"), None, &[]),
            art("b", Some("Detik.com"), None, &[]),
            art("c", Some("Tribunsumsel.com"), None, &[]),
            art("d", Some("Infoku"), None, &[]),
        ]);
        assert_eq!(values(c.meta(0), Facet::Family), vec!["Detik"]);
        assert_eq!(values(c.meta(2), Facet::Family), vec!["Tribun"]);
        assert_eq!(values(c.meta(3), Facet::Family), vec!["Infoku"]);
        let all: Vec<usize> = (0..c.len()).collect();
        assert_eq!(
            counts(&c, &all, Facet::Family),
            vec![
                ("Detik".to_string(), 2),
                ("Infoku".to_string(), 1),
                ("Tribun".to_string(), 1)
            ]
        );
        let mut f = Filters::default();
        f.toggle(Facet::Family, "Detik");
        let kept: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| f.matches(c.meta(i)))
            .collect();
        assert_eq!(kept, vec![0, 1]);
        // The outlet facet still tells the desks apart.
        assert_eq!(counts(&c, &kept, Facet::Outlet).len(), 2);
    }

    #[test]
    fn toggle_clear_count_display() {
        let mut f = Filters::default();
        assert!(f.is_empty());
        f.toggle(Facet::Outlet, "Sumeks.co");
        f.toggle(Facet::Outlet, "Infoku");
        f.toggle(Facet::Month, "2024-06");
        assert_eq!(f.count(), 3);
        assert!(f.is_selected(Facet::Outlet, "Infoku"));
        assert!(!f.is_selected(Facet::Tag, "Infoku"));
        assert_eq!(f.to_string(), "outlet: Infoku, Sumeks.co; month: 2024-06");
        f.toggle(Facet::Month, "2024-06");
        assert!(!f.selected.contains_key(&Facet::Month));
        assert_eq!(f.to_string(), "outlet: Infoku, Sumeks.co");
        f.clear();
        assert!(f.is_empty());
        assert_eq!(f.count(), 0);
        assert_eq!(f.to_string(), "");
    }

    #[test]
    fn or_within_and_across() {
        let c = corpus();
        let mut f = Filters::default();
        f.toggle(Facet::Outlet, "Infoku");
        f.toggle(Facet::Outlet, "Sumeks.co");
        let hit = |f: &Filters| {
            (0..c.len())
                .filter(|&i| f.matches(c.meta(i)))
                .collect::<Vec<_>>()
        };
        assert_eq!(hit(&f), vec![0, 1, 2]);
        f.toggle(Facet::Month, "2024-06");
        assert_eq!(hit(&f), vec![0, 2]);
        f.toggle(Facet::Tag, "viral");
        assert!(hit(&f).is_empty());
    }

    #[test]
    fn counts_most_frequent_first_ties_by_value() {
        let c = corpus();
        let all: Vec<usize> = (0..c.len()).collect();
        assert_eq!(
            counts(&c, &all, Facet::Outlet),
            vec![
                ("Infoku".to_string(), 2),
                ("Detik".to_string(), 1),
                ("Sumeks.co".to_string(), 1)
            ]
        );
        // The duplicated tag in article "a" counts once.
        assert_eq!(counts(&c, &all, Facet::Tag)[0], ("asn".to_string(), 2));
        // Out-of-range indices are ignored rather than panicking.
        assert_eq!(counts(&c, &[99], Facet::Outlet), vec![]);
    }

    #[test]
    fn facet_counts_ignore_own_selection_and_keep_zero_selected() {
        let c = corpus();
        let all: Vec<usize> = (0..c.len()).collect();
        let mut f = Filters::default();
        f.toggle(Facet::Outlet, "Infoku");
        // The outlet panel still shows the other outlets.
        let outlets = facet_counts(&c, &all, &f, Facet::Outlet);
        assert_eq!(outlets.len(), 3);
        assert_eq!(outlets[0], ("Infoku".to_string(), 2));
        // The month panel is restricted by the outlet selection.
        let months = facet_counts(&c, &all, &f, Facet::Month);
        assert_eq!(
            months,
            vec![("2024-06".to_string(), 1), ("2024-08".to_string(), 1)]
        );
        // A selected month with no article under the other selections still shows, at 0.
        f.toggle(Facet::Month, "2025-01");
        let months = facet_counts(&c, &all, &f, Facet::Month);
        assert!(months.contains(&("2025-01".to_string(), 0)));
        // And the outlet panel now reflects the month selection: only Detik has 2025-01.
        let outlets = facet_counts(&c, &all, &f, Facet::Outlet);
        assert_eq!(
            outlets,
            vec![("Detik".to_string(), 1), ("Infoku".to_string(), 0)]
        );
    }

    #[test]
    fn histogram_fills_gaps_chronologically() {
        let c = corpus();
        let all: Vec<usize> = (0..c.len()).collect();
        let h = month_histogram(&c, &all);
        assert_eq!(h.first(), Some(&("2024-06".to_string(), 2)));
        assert_eq!(h.get(1), Some(&("2024-07".to_string(), 0)));
        assert_eq!(h.get(2), Some(&("2024-08".to_string(), 1)));
        assert_eq!(h.last(), Some(&("2025-01".to_string(), 1)));
        assert_eq!(h.len(), 8);
        assert_eq!(h.iter().map(|(_, n)| n).sum::<u64>(), 4);
        assert!(month_histogram(&c, &[3]).is_empty());
        // Counted from the facet index, the same chart.
        let index = FacetIndex::build(&c);
        for hits in [all.clone(), vec![3], vec![0, 2], vec![], vec![1, 99]] {
            assert_eq!(index.month_histogram(&hits), month_histogram(&c, &hits));
        }
    }

    #[test]
    fn the_chart_leaves_out_far_outlying_months() {
        let month = |y: u32, m: u32| y * 12 + m - 1;
        let mut by: BTreeMap<u32, u64> = BTreeMap::new();
        for m in 4..=12 {
            by.insert(month(2025, m), 100);
        }
        // A typo'd year and an old anniversary: far away and few.
        by.insert(month(2028, 10), 1);
        by.insert(month(1998, 5), 2);
        assert_eq!(core_span(&by), Some((month(2025, 4), month(2025, 12))));
        // Near the rest, a small month is real and stays.
        by.insert(month(2026, 2), 1);
        assert_eq!(core_span(&by), Some((month(2025, 4), month(2026, 2))));
        // Far but many: a real second period, kept (the old outlier still goes).
        by.insert(month(2030, 1), 300);
        assert_eq!(core_span(&by), Some((month(2025, 4), month(2030, 1))));
        // A small corpus keeps everything (no month is within the budget).
        let small: BTreeMap<u32, u64> = [(month(2020, 1), 1), (month(2024, 1), 1)].into();
        assert_eq!(core_span(&small), Some((month(2020, 1), month(2024, 1))));
    }
}
