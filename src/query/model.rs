//! The parsed form of a query: AND-ed groups of `|`-joined terms, each a predicate on one
//! article, and what can be told about a query without running it ([`Query::refines`]).

use std::collections::HashSet;
use std::ops::{Bound, RangeBounds};
use std::sync::Arc;

use super::fuzzy::FuzzyPattern;
use super::text_index::TextQuery;
use super::words::TextTerm;
use crate::model::Date;
use crate::triage::TriageTerm;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong, for the status line: "date:2024-13: month must be 1-12".
    pub message: String,
}

impl QueryError {
    pub(super) fn new(message: impl Into<String>) -> QueryError {
        QueryError {
            message: message.into(),
        }
    }
}

/// What a single term tests. String payloads of the metadata predicates are already folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pred {
    /// Words or a phrase in the title and/or body, with synonyms (plain words, quoted
    /// phrases, `'literal`, `title:`, `body:`, `topic:`): resolved against the whole corpus
    /// before articles are tested (see [`super::words`]).
    Text(TextTerm),
    /// `~term`: fzf-style fuzzy over the title, for finding a title half remembered.
    Fuzzy(FuzzyPattern),
    /// `^x`: the title starts with x.
    Prefix(String),
    /// `x$`: the title ends with x.
    Suffix(String),
    /// `^x$`: the whole title.
    Whole(String),
    Outlet(String),
    Dateline(String),
    Author(String),
    Tag(String),
    /// One of the provinces the article names.
    Province(Place),
    /// One of the regencies and cities the article is about (not those named in passing).
    Region(Place),
    /// One of the regencies and cities the article names, about it or in passing.
    Named(Place),
    Date(DateRange),
    /// Triage state (`is:starred`, `label:banjir`, `has:note`), looked up by article id in
    /// the state the caller supplies.
    Triage(TriageTerm),
    /// `is:new`: the article arrived while the browser ran (a live corpus); the ids are
    /// bound by the caller with [`Query::with_new_ids`], and none match until then.
    New(NewIds),
    /// `has:copies`: the article belongs to a group of syndicated copies (see
    /// [`Scope::copies`](super::Scope::copies)).
    Copies,
}

impl Pred {
    /// Evaluation order: 0 metadata and resolved word sets, 1 fuzzy titles.
    pub(super) fn cost(&self) -> u8 {
        match self {
            Pred::Fuzzy(_) => 1,
            _ => 0,
        }
    }
}

/// What a `prov:` or `region:` value matches among an article's place names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    /// Names containing this folded text: a part of an official name ("sumatera").
    Contains(String),
    /// Exactly these display names: what a spelling the region finder knows resolved to
    /// ("jabar" → Jawa Barat), fixed at parse time.
    Named(Vec<String>),
}

impl Place {
    pub(super) fn matches(&self, name: &str) -> bool {
        match self {
            Place::Contains(n) => super::eval::contains_folded(name, n),
            Place::Named(names) => names.iter().any(|n| n == name),
        }
    }

    /// Every name `self` matches is matched by `other`.
    fn implies(&self, other: &Place) -> bool {
        match (self, other) {
            (Place::Contains(a), Place::Contains(b)) => a.starts_with(b.as_str()),
            (Place::Named(a), Place::Named(b)) => a.iter().all(|n| b.contains(n)),
            (Place::Named(a), Place::Contains(_)) => a.iter().all(|n| other.matches(n)),
            (Place::Contains(_), Place::Named(_)) => false,
        }
    }
}

/// The ids an `is:new` term matches; shared, since every search request carries them.
#[derive(Clone, Default, PartialEq, Eq)]
pub(super) struct NewIds(pub(super) Arc<HashSet<String>>);

impl std::fmt::Debug for NewIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NewIds({} ids)", self.0.len())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    pub(super) negated: bool,
    pub(super) pred: Pred,
}

/// Terms joined by `|`; a group matches when any of its terms does.
pub(super) type Group = Vec<Term>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateRange {
    pub(super) lo: Bound<Date>,
    pub(super) hi: Bound<Date>,
}

impl DateRange {
    pub(super) fn contains(&self, d: &Date) -> bool {
        (self.lo, self.hi).contains(d)
    }
}

/// A parsed query. The empty query matches everything.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub(super) source: String,
    /// AND-ed groups in the order typed.
    pub(super) groups: Vec<Group>,
    /// Indices into `groups`, cheapest first, for evaluation.
    pub(super) order: Vec<usize>,
    /// Two or more plain words typed in a row, as a phrase: articles holding them together
    /// rank above those holding them apart.
    pub(super) together: Option<TextQuery>,
}

impl Query {
    /// The text the query was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when the query has word or fuzzy terms, so ranking by relevance is meaningful.
    pub fn has_score(&self) -> bool {
        self.terms()
            .any(|t| !t.negated && matches!(t.pred, Pred::Fuzzy(_) | Pred::Text(_)))
    }

    /// True when the query has word terms (plain words, phrases, `title:`, `body:`,
    /// `topic:`), the ones a text index answers; a query of metadata fields needs none.
    pub fn has_words(&self) -> bool {
        self.terms().any(|t| matches!(t.pred, Pred::Text(_)))
    }

    /// The word terms, in slot order (see [`super::words::resolve`]).
    pub(super) fn text_terms(&self) -> Vec<&TextTerm> {
        let mut out: Vec<&TextTerm> = self
            .terms()
            .filter_map(|t| match &t.pred {
                Pred::Text(x) => Some(x),
                _ => None,
            })
            .collect();
        out.sort_by_key(|t| t.slot);
        out
    }

    /// The slots of the word terms every match has: those alone in their group, not
    /// negated. An article outside any of their match sets fails the query.
    pub(super) fn required_slots(&self) -> Vec<usize> {
        self.groups
            .iter()
            .filter_map(|g| match g.as_slice() {
                [
                    Term {
                        negated: false,
                        pred: Pred::Text(t),
                    },
                ] => Some(t.slot),
                _ => None,
            })
            .collect()
    }

    /// True when the query tests triage state (`is:`, `label:`, `has:`), so its results
    /// change when the state does.
    pub fn has_triage(&self) -> bool {
        self.terms().any(|t| matches!(t.pred, Pred::Triage(_)))
    }

    /// True when the query asks about a team's analysts (`by:`, `is:mine`, `is:conflict`,
    /// `is:agreed`), which only a team server can answer: without one, say so rather than
    /// show an empty list.
    pub fn needs_team(&self) -> bool {
        self.terms()
            .any(|t| matches!(&t.pred, Pred::Triage(tt) if tt.needs_team()))
    }

    /// True when the query has an `is:new` term.
    pub fn has_new(&self) -> bool {
        self.terms().any(|t| matches!(t.pred, Pred::New(_)))
    }

    /// This query with `ids` as the articles `is:new` matches (those that arrived since the
    /// browser started). A plain clone when there is no `is:new` term.
    pub fn with_new_ids(&self, ids: &Arc<HashSet<String>>) -> Query {
        let mut q = self.clone();
        if q.has_new() {
            for term in q.groups.iter_mut().flatten() {
                if let Pred::New(bound) = &mut term.pred {
                    *bound = NewIds(Arc::clone(ids));
                }
            }
        }
        q
    }

    pub(super) fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }

    /// True when no term reads more of an article than its headline (id, title, outlet,
    /// date, file and record) and its words, which the text index answers: such a query can
    /// be answered without the rest of the metadata (the command line's quick answer).
    pub fn reads_headlines_only(&self) -> bool {
        self.terms().all(|t| {
            matches!(
                t.pred,
                Pred::Text(_)
                    | Pred::Fuzzy(_)
                    | Pred::Prefix(_)
                    | Pred::Suffix(_)
                    | Pred::Whole(_)
                    | Pred::Outlet(_)
                    | Pred::Date(_)
                    | Pred::New(_)
                    | Pred::Triage(_)
            )
        })
    }

    /// Which of the headline's strings evaluating the query reads: (ids, titles, outlets).
    /// Word terms answered by the text index read none of them; dates are not strings.
    pub fn reads_strings(&self) -> (bool, bool, bool) {
        self.terms()
            .fold((false, false, false), |(id, title, outlet), t| {
                (
                    id || matches!(t.pred, Pred::New(_) | Pred::Triage(_)),
                    title
                        || matches!(
                            t.pred,
                            Pred::Fuzzy(_) | Pred::Prefix(_) | Pred::Suffix(_) | Pred::Whole(_)
                        ),
                    outlet || matches!(t.pred, Pred::Outlet(_)),
                )
            })
    }

    /// True when the query has a `has:copies` term, whose matches depend on the groups of
    /// copies the caller knows (see [`Scope::copies`](super::Scope::copies)).
    pub fn has_copies_term(&self) -> bool {
        self.terms().any(|t| t.pred == Pred::Copies)
    }

    /// True when every article matching `self` is guaranteed to match `previous` (with the
    /// same facet filters and extra filter), so a search for `self` may scan only `previous`'s
    /// results. Conservative: it holds when each of `previous`'s groups is implied by one of
    /// `self`'s, where a term implies another when they are equal, or when a fuzzy, exact,
    /// prefix or substring-field term was extended by appending characters.
    ///
    /// Queries with triage terms never refine: triage state can change between two searches
    /// (starring an article adds it to `is:starred`), so earlier results are no bound.
    pub fn refines(&self, previous: &Query) -> bool {
        // The set `is:new` tests grows with every reload of a live corpus.
        if self.has_new() || previous.has_new() {
            return false;
        }
        // Groups of copies arrive after the first searches, so `has:copies` is no bound either.
        if self.has_triage()
            || previous.has_triage()
            || self.has_copies_term()
            || previous.has_copies_term()
        {
            return false;
        }
        previous
            .groups
            .iter()
            .all(|p| self.groups.iter().any(|s| group_implies(s, p)))
    }
}

pub(super) fn group_cost(group: &Group) -> u8 {
    group.iter().map(|t| t.pred.cost()).max().unwrap_or(0)
}

/// `s` implies `p` when every alternative of `s` implies some alternative of `p`.
fn group_implies(s: &Group, p: &Group) -> bool {
    s.iter().all(|st| p.iter().any(|pt| term_implies(st, pt)))
}

fn term_implies(s: &Term, p: &Term) -> bool {
    if s == p {
        return true;
    }
    // Word terms never imply one another unless equal: a word the corpus lacks matches as a
    // prefix, a longer one it has matches only itself (`tik` then `tikt`).
    if s.negated || p.negated {
        return false;
    }
    match (&s.pred, &p.pred) {
        // A fuzzy match of "abc" contains a subsequence match of "ab"... but only a dense
        // enough one counts, and the density threshold grows with the pattern.
        (Pred::Prefix(a), Pred::Prefix(b))
        | (Pred::Outlet(a), Pred::Outlet(b))
        | (Pred::Dateline(a), Pred::Dateline(b))
        | (Pred::Author(a), Pred::Author(b)) => a.starts_with(b.as_str()),
        (Pred::Province(a), Pred::Province(b))
        | (Pred::Region(a), Pred::Region(b))
        | (Pred::Named(a), Pred::Named(b))
        | (Pred::Region(a), Pred::Named(b)) => a.implies(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::*;

    #[test]
    fn only_word_terms_need_a_text_index() {
        let w = |q: &str| Query::parse(q).unwrap().has_words();
        assert!(w("bupati") && w("!viral") && w("body:x") && w("title:x") && w("\"a b\""));
        assert!(w("topic:disiplin") && w("outlet:x | 'y"));
        assert!(!w("outlet:x date:2024 ~pmkb ^viral is:starred") && !w(""));
    }

    #[test]
    fn refines_is_conservative_and_sound() {
        let r = |new: &str, old: &str| {
            Query::parse(new)
                .unwrap()
                .refines(&Query::parse(old).unwrap())
        };
        // A word the corpus lacks matches as a prefix, one it has only itself, so a longer
        // word proves nothing.
        assert!(!r("tikt", "tik"));
        assert!(r("tik", "tik"));
        assert!(r("tik live", "tik"));
        assert!(r("live tik", "tik"));
        assert!(!r("'pemkab", "'pem"));
        assert!(r("^bupa", "^bu"));
        assert!(r("outlet:sumeks", "outlet:sum"));
        assert!(r("prov:\"sumatera sel\"", "prov:sumatera"));
        assert!(r("region:blora", "region:blo"));
        assert!(!r("region:jambi", "prov:jambi"));
        assert!(r("region:blora", "region:bl"));
        // An article's place is also a region it names; not the reverse.
        assert!(r("region:blora", "named:blora"));
        assert!(r("named:blora", "named:blo"));
        assert!(!r("named:blora", "region:blora"));
        assert!(r("prov:jabar", "prov:jawa"));
        assert!(r("prov:jabar", "prov:\"jawa barat\""));
        assert!(r("prov:\"papua barat\"", "prov:papua"));
        assert!(!r("prov:papua", "prov:\"papua barat\""));
        assert!(!r("region:solo", "region:sol"));
        assert!(!r("prov:jawa", "prov:jabar"));
        assert!(r("tik", ""));
        assert!(r("a", "a | b"));
        assert!(!r("", "tik"));
        assert!(!r("ti", "tik"));
        assert!(!r("tik | x", "tik"));
        assert!(!r("!vira", "!vir"));
        assert!(!r("kerja$", "rja$"));
        assert!(!r("tag:asn", "tag:as"));
        assert!(!r("body:karaokean", "body:karaoke"));
        assert!(!r("date:2024-06", "date:2024"));
        // Soundness over the corpus for the pairs claimed to refine.
        let c = corpus();
        for (new, old) in [
            ("'pemkab x", "'pemkab"),
            ("live tik", "tik"),
            ("a", "a | b"),
        ] {
            assert!(r(new, old));
            let old_hits = sorted_ids(&c, old);
            assert!(
                sorted_ids(&c, new).iter().all(|i| old_hits.contains(i)),
                "{new} vs {old}"
            );
        }
    }

    /// Every pair of these queries that `refines` claims is checked against the corpus, so
    /// grouped and negated forms cannot make it unsound.
    #[test]
    fn refines_stays_sound_for_grouped_queries() {
        let c = corpus();
        let queries = [
            "",
            "tik",
            "tikt",
            "'pem",
            "'pemkab",
            "('tiktok | 'instagram)",
            "('tiktok | 'instagram) 'live",
            "('tiktok | 'instagram) 'live 'pejabat",
            "!('tiktok | 'instagram)",
            "!('tiktok | 'instagram) 'pem",
            "!('live 'tiktok)",
            "('live 'tiktok) | 'blora",
            "('live 'tiktok) | 'blora 'bupati",
            "tag:asn|tag:pelayanan",
            "(tag:asn|tag:pelayanan) 'oki",
            "!(!'pem)",
            "(outlet:sum | outlet:grow) (city:pal | city:kay)",
            "(outlet:sume | outlet:grow) (city:pal | city:kay)",
        ];
        let mut claimed = 0;
        for new in queries {
            for old in queries {
                let (qn, qo) = (Query::parse(new).unwrap(), Query::parse(old).unwrap());
                if !qn.refines(&qo) {
                    continue;
                }
                claimed += 1;
                let old_hits = sorted_ids(&c, old);
                assert!(
                    sorted_ids(&c, new).iter().all(|i| old_hits.contains(i)),
                    "{new} claims to refine {old}"
                );
            }
        }
        // Beyond each query refining itself and "": grouped forms do refine.
        assert!(claimed > 2 * queries.len(), "{claimed}");
        let r = |new: &str, old: &str| {
            Query::parse(new)
                .unwrap()
                .refines(&Query::parse(old).unwrap())
        };
        assert!(r("('tiktok | 'instagram) 'live", "'tiktok|'instagram"));
        assert!(r("!(a | b) c", "!a"));
        assert!(!r("(a | b)", "a"));
        assert!(r(
            "(outlet:sume | outlet:grow) city:pal",
            "(outlet:sum | outlet:grow)"
        ));
    }
}
