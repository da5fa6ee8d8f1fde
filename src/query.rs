//! The query language shared by the TUI, `warta list --query` and `warta search`.
//!
//! A query is a list of space-separated terms that are AND-ed; `a | b` ORs adjacent terms.
//! Plain terms are fuzzy (skim v2, smart case) over the title, falling back to the outlet,
//! dateline and authors; `'exact`, `^prefix`, `suffix$` and `!negation` follow fzf's extended
//! syntax; `field:value` terms (see `FIELDS`) filter on metadata, dates and body words.
//!
//! Evaluation is ordered by cost so the TUI can run it on every keystroke: facet filters and
//! metadata predicates first, then the caller's extra filter, then fuzzy scoring, and `body:`
//! last, since it may read the body from disk.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::{Bound, RangeBounds};
use std::sync::{Arc, LazyLock};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::facets::Filters;
use crate::lexicon::{Lexicon, Phrase, find_phrases};
use crate::model::{Date, Meta, days_in_month};
use crate::text::fold;
use crate::triage::{ArticleState, NoState, StateLookup, TriageTerm};

/// One matcher for the whole process: it keeps per-thread scratch buffers, so sharing it across
/// rayon workers avoids reallocating them for every search.
static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(SkimMatcherV2::default);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong, for the status line: "date:2024-13: month must be 1-12".
    pub message: String,
}

impl QueryError {
    fn new(message: impl Into<String>) -> QueryError {
        QueryError {
            message: message.into(),
        }
    }
}

/// An extra per-article predicate supplied by the caller (e.g. triage state such as `is:read`),
/// evaluated after the cheap metadata predicates and before fuzzy scoring and body matching.
pub type ExtraFilter<'a> = &'a (dyn Fn(&Meta, usize) -> bool + Sync);

/// What a single term tests. String payloads of non-fuzzy predicates are already folded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pred {
    Fuzzy(FuzzyPattern),
    /// Substring of the title, outlet, dateline or an author.
    Contains(String),
    Prefix(String),
    Suffix(String),
    /// `^x$`: the whole title.
    Whole(String),
    Outlet(String),
    Dateline(String),
    Author(String),
    Tag(String),
    /// Substring of one of the provinces the article names.
    Province(String),
    /// Substring of one of the regencies and cities the article names.
    Region(String),
    Date(DateRange),
    /// Any of these phrases in the body: the typed one first, then its synonyms.
    Body(Vec<Phrase>),
    /// `topic:NAME`: any of the topic's phrases in the title or the body.
    Topic(String, Vec<Phrase>),
    /// Triage state (`is:starred`, `label:banjir`, `has:note`), looked up by article id in
    /// the state the caller supplies.
    Triage(TriageTerm),
    /// `is:new`: the article arrived while the browser ran (a live corpus); the ids are
    /// bound by the caller with [`Query::with_new_ids`], and none match until then.
    New(NewIds),
    /// `has:copies`: the article belongs to a group of syndicated copies (see
    /// [`Scope::copies`]).
    Copies,
}

impl Pred {
    /// Evaluation order: 0 metadata, 1 fuzzy, 2 body.
    fn cost(&self) -> u8 {
        match self {
            Pred::Fuzzy(_) => 1,
            Pred::Body(_) | Pred::Topic(..) => 2,
            _ => 0,
        }
    }
}

/// The ids an `is:new` term matches; shared, since every search request carries them.
#[derive(Clone, Default, PartialEq, Eq)]
struct NewIds(Arc<HashSet<String>>);

impl std::fmt::Debug for NewIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NewIds({} ids)", self.0.len())
    }
}

/// A fuzzy pattern with skim's smart case: an upper-case letter makes it case-sensitive and
/// matched against the text as written; otherwise both sides are folded, so it also ignores
/// diacritics ("senor" finds "Señor").
#[derive(Debug, Clone, PartialEq, Eq)]
struct FuzzyPattern {
    raw: String,
    folded: String,
    case_sensitive: bool,
}

impl FuzzyPattern {
    fn new(raw: &str) -> FuzzyPattern {
        FuzzyPattern {
            raw: raw.to_string(),
            folded: fold(raw),
            case_sensitive: raw.chars().any(|c| c.is_ascii_uppercase()),
        }
    }

    fn score(&self, hay: &str) -> Option<i64> {
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
    fn matches(&self, hay: &str) -> bool {
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
    fn matches_any(&self, meta: &Meta) -> bool {
        self.matches(&meta.title)
            || meta
                .outlet
                .iter()
                .chain(meta.dateline.iter())
                .chain(meta.authors.iter())
                .any(|f| self.matches(f))
    }

    /// Char indices in `title` matched by the pattern.
    fn indices(&self, title: &str, folded: &mut Option<FoldedChars>) -> Vec<usize> {
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

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    negated: bool,
    pred: Pred,
    /// Synonyms of a plain or quoted term ("asn" → "pns", "aparatur sipil negara"): the term
    /// also matches when one of them is in the title, outlet, dateline or an author, as whole
    /// words, stem-aware.
    alts: Vec<Phrase>,
}

/// Terms joined by `|`; a group matches when any of its terms does.
type Group = Vec<Term>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateRange {
    lo: Bound<Date>,
    hi: Bound<Date>,
}

impl DateRange {
    fn contains(&self, d: &Date) -> bool {
        (self.lo, self.hi).contains(d)
    }
}

/// A field the query language knows: its names (the first is the canonical one, the rest are
/// aliases) and how its value is parsed. Adding a field is adding an entry here.
struct FieldSpec {
    names: &'static [&'static str],
    parse: fn(&str, &Lexicon) -> Result<Pred, String>,
}

const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        names: &["outlet"],
        parse: |v, _| Ok(Pred::Outlet(fold(v))),
    },
    FieldSpec {
        names: &["city", "dateline"],
        parse: |v, _| Ok(Pred::Dateline(fold(v))),
    },
    FieldSpec {
        names: &["author"],
        parse: |v, _| Ok(Pred::Author(fold(v))),
    },
    FieldSpec {
        names: &["tag"],
        parse: |v, _| Ok(Pred::Tag(fold(v))),
    },
    FieldSpec {
        names: &["prov", "province"],
        parse: |v, _| Ok(Pred::Province(fold(v))),
    },
    FieldSpec {
        names: &["region", "regency"],
        parse: |v, _| Ok(Pred::Region(fold(v))),
    },
    FieldSpec {
        names: &["body"],
        parse: parse_body,
    },
    FieldSpec {
        names: &["topic"],
        parse: parse_topic,
    },
    FieldSpec {
        names: &["date"],
        parse: |v, _| parse_date(v),
    },
    FieldSpec {
        names: &["is"],
        parse: |v, _| {
            if v.trim().eq_ignore_ascii_case("new") {
                Ok(Pred::New(NewIds::default()))
            } else {
                triage_field("is", v)
            }
        },
    },
    FieldSpec {
        names: &["label"],
        parse: |v, _| triage_field("label", v),
    },
    FieldSpec {
        names: &["has"],
        parse: |v, _| {
            if fold(v) == "copies" {
                Ok(Pred::Copies)
            } else {
                triage_field("has", v)
            }
        },
    },
];

/// The triage fields; the message lists the valid values ("must be one of unread, read,
/// …") because the term is already shown in front of it.
fn triage_field(field: &str, value: &str) -> Result<Pred, String> {
    TriageTerm::parse(field, value)
        .map(Pred::Triage)
        .map_err(|e| match field {
            "is" => {
                "must be one of unread, read, starred, relevant, irrelevant, maybe, undecided, new"
                    .to_string()
            }
            "has" => "must be note or labels (triage), or copies (syndicated copies)".to_string(),
            _ => e,
        })
}

fn field_list() -> String {
    FIELDS
        .iter()
        .map(|f| format!("{}:", f.names[0]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A parsed query. The empty query matches everything.
#[derive(Debug, Clone, Default)]
pub struct Query {
    source: String,
    /// AND-ed groups in the order typed.
    groups: Vec<Group>,
    /// Indices into `groups`, cheapest first, for evaluation.
    order: Vec<usize>,
}

impl Query {
    /// Parses with the built-in synonym table and topics ([`Lexicon::builtin`]).
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        Query::parse_with(input, Lexicon::builtin())
    }

    /// Parses with `lexicon`'s synonyms (plain, quoted and `body:` terms also find their
    /// synonyms) and topics (`topic:NAME`). The expansions are fixed at parse time.
    pub fn parse_with(input: &str, lexicon: &Lexicon) -> Result<Query, QueryError> {
        let mut groups: Vec<Group> = Vec::new();
        let mut pending_or = false;
        for tok in tokenize(input)? {
            if tok.quote_at.is_none() && tok.text == "|" {
                if groups.is_empty() || pending_or {
                    return Err(dangling_or());
                }
                pending_or = true;
                continue;
            }
            let term = parse_term(&tok, lexicon)?;
            match groups.last_mut() {
                Some(group) if pending_or => group.push(term),
                _ => groups.push(vec![term]),
            }
            pending_or = false;
        }
        if pending_or {
            return Err(dangling_or());
        }
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| group_cost(&groups[g]));
        Ok(Query {
            source: input.to_string(),
            groups,
            order,
        })
    }

    /// The text the query was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when the query has fuzzy terms, so ranking by relevance is meaningful.
    pub fn has_score(&self) -> bool {
        self.terms()
            .any(|t| !t.negated && matches!(t.pred, Pred::Fuzzy(_)))
    }

    /// True when the query tests triage state (`is:`, `label:`, `has:`), so its results
    /// change when the state does.
    pub fn has_triage(&self) -> bool {
        self.terms().any(|t| matches!(t.pred, Pred::Triage(_)))
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

    fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }

    /// Positions (char indices) in `title` to highlight for this query, sorted and unique.
    pub fn title_highlights(&self, title: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut folded: Option<FoldedChars> = None;
        for term in self.terms().filter(|t| !t.negated) {
            // A title found through a synonym ("pns" for asn) shows the synonym rather than
            // the letters a fuzzy match happened to pick.
            if !term.alts.is_empty() {
                let found = find_phrases(title, &term.alts);
                for r in &found {
                    let first = title[..r.start].chars().count();
                    out.extend(first..first + title[r.clone()].chars().count());
                }
                if !found.is_empty() {
                    continue;
                }
            }
            match &term.pred {
                Pred::Fuzzy(p) => out.extend(p.indices(title, &mut folded)),
                Pred::Contains(n) | Pred::Prefix(n) | Pred::Suffix(n) | Pred::Whole(n) => {
                    let f = folded.get_or_insert_with(|| FoldedChars::new(title));
                    out.extend(f.highlight(&term.pred, n));
                }
                _ => {}
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Words to highlight in the detail body (from plain, exact, body: and topic: terms and
    /// their synonyms), in query order without duplicates. A phrase ("aparatur sipil negara",
    /// `body:"jam kerja"`) is one entry.
    pub fn highlight_terms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for term in self.terms().filter(|t| !t.negated) {
            let mut words: Vec<String> = match &term.pred {
                Pred::Fuzzy(p) => vec![p.raw.clone()],
                Pred::Contains(s) => vec![s.clone()],
                Pred::Body(phrases) | Pred::Topic(_, phrases) => {
                    phrases.iter().map(|p| p.text().to_string()).collect()
                }
                _ => continue,
            };
            words.extend(term.alts.iter().map(|p| p.text().to_string()));
            for word in words {
                if !word.is_empty() && !out.contains(&word) {
                    out.push(word);
                }
            }
        }
        out
    }

    /// Score of `meta` when it matches the query's non-body predicates (higher is better).
    /// A group that needs the body counts as matching here; [`search`] checks it for real.
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
    /// True when the query has a `has:copies` term, whose matches depend on the groups of
    /// copies the caller knows (see [`Scope::copies`]).
    pub fn has_copies_term(&self) -> bool {
        self.terms().any(|t| t.pred == Pred::Copies)
    }

    fn eval_costs(
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

fn dangling_or() -> QueryError {
    QueryError::new("dangling \"|\": put a term on each side, e.g. tiktok | instagram")
}

fn group_cost(group: &Group) -> u8 {
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
    // A term with synonyms matches articles its own text does not ("asn" finds "PNS"), so
    // extending its text proves nothing.
    if s.negated || p.negated || !s.alts.is_empty() {
        return false;
    }
    match (&s.pred, &p.pred) {
        // A fuzzy match of "abc" contains a subsequence match of "ab"; smart case only ever
        // makes the longer pattern stricter (an upper-case letter turns case sensitivity on).
        (Pred::Fuzzy(a), Pred::Fuzzy(b)) => a.raw.starts_with(b.raw.as_str()),
        (Pred::Contains(a), Pred::Contains(b))
        | (Pred::Prefix(a), Pred::Prefix(b))
        | (Pred::Outlet(a), Pred::Outlet(b))
        | (Pred::Dateline(a), Pred::Dateline(b))
        | (Pred::Author(a), Pred::Author(b))
        | (Pred::Province(a), Pred::Province(b))
        | (Pred::Region(a), Pred::Region(b)) => a.starts_with(b.as_str()),
        _ => false,
    }
}

/// One whitespace-separated piece of the query, with quotes removed.
struct Token {
    /// The text with quote characters removed.
    text: String,
    /// Byte offset in `text` where the first quoted part starts.
    quote_at: Option<usize>,
    /// The piece as typed, for error messages.
    raw: String,
}

fn tokenize(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut cur: Option<Token> = None;
    let mut in_quote = false;
    for c in input.chars() {
        if c.is_whitespace() && !in_quote {
            out.extend(cur.take());
            continue;
        }
        let tok = cur.get_or_insert_with(|| Token {
            text: String::new(),
            quote_at: None,
            raw: String::new(),
        });
        tok.raw.push(c);
        if c == '"' {
            in_quote = !in_quote;
            tok.quote_at.get_or_insert(tok.text.len());
        } else {
            tok.text.push(c);
        }
    }
    if in_quote {
        let raw = cur.map(|t| t.raw).unwrap_or_default();
        return Err(QueryError::new(format!(
            "{raw}: unterminated quote (add a closing \")"
        )));
    }
    out.extend(cur);
    Ok(out)
}

fn parse_term(tok: &Token, lexicon: &Lexicon) -> Result<Term, QueryError> {
    let raw = tok.raw.as_str();
    let (negated, text, quote_at) = match tok.text.strip_prefix('!') {
        Some(rest) if tok.quote_at != Some(0) => (true, rest, tok.quote_at.map(|q| q - 1)),
        _ => (false, tok.text.as_str(), tok.quote_at),
    };
    let unquoted = &text[..quote_at.unwrap_or(text.len())];
    if let Some(colon) = unquoted.find(':') {
        let name = &unquoted[..colon];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
            return parse_field(name, &text[colon + 1..], raw, negated, lexicon);
        }
    }
    let nothing = |what: &str| QueryError::new(format!("{raw}: nothing {what}"));
    if text.trim().is_empty() {
        return Err(nothing(if negated {
            "to negate"
        } else {
            "inside the quotes"
        }));
    }
    // Plain and double-quoted terms find their synonyms; 'exact, ^prefix and suffix$ do not.
    let synonyms = || -> Vec<Phrase> {
        lexicon
            .expand(text)
            .iter()
            .skip(1)
            .filter_map(|t| Phrase::new(t))
            .collect()
    };
    let mut alts = Vec::new();
    let pred = if quote_at == Some(0) {
        alts = synonyms();
        Pred::Contains(fold(text))
    } else if let Some(rest) = text.strip_prefix('\'') {
        Pred::Contains(fold(non_empty(rest).ok_or_else(|| nothing("to match"))?))
    } else if let Some(rest) = text.strip_prefix('^') {
        let (rest, whole) = strip_dollar(rest, quote_at.map(|q| q.saturating_sub(1)));
        let rest = fold(non_empty(rest).ok_or_else(|| nothing("after ^"))?);
        if whole {
            Pred::Whole(rest)
        } else {
            Pred::Prefix(rest)
        }
    } else if let (rest, true) = strip_dollar(text, quote_at) {
        Pred::Suffix(fold(non_empty(rest).ok_or_else(|| nothing("before $"))?))
    } else if negated {
        // fzf semantics: a negated plain term is an exact "does not contain".
        alts = synonyms();
        Pred::Contains(fold(text))
    } else {
        alts = synonyms();
        Pred::Fuzzy(FuzzyPattern::new(text))
    };
    Ok(Term {
        negated,
        pred,
        alts,
    })
}

/// Strips a trailing `$` that was typed outside quotes.
fn strip_dollar(text: &str, quote_at: Option<usize>) -> (&str, bool) {
    match text.strip_suffix('$') {
        Some(rest) if quote_at.is_none() => (rest, true),
        _ => (text, false),
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

fn parse_field(
    name: &str,
    value: &str,
    raw: &str,
    negated: bool,
    lexicon: &Lexicon,
) -> Result<Term, QueryError> {
    let lower = name.to_ascii_lowercase();
    let Some(spec) = FIELDS.iter().find(|f| f.names.contains(&lower.as_str())) else {
        return Err(QueryError::new(format!(
            "unknown field \"{name}:\"; fields are {}",
            field_list()
        )));
    };
    let shown = raw.strip_prefix('!').unwrap_or(raw);
    let value = value.trim();
    if value.is_empty() {
        return Err(QueryError::new(format!(
            "{shown} needs a value: {}",
            value_hint(spec.names[0], lexicon)
        )));
    }
    let pred =
        (spec.parse)(value, lexicon).map_err(|m| QueryError::new(format!("{shown}: {m}")))?;
    Ok(Term {
        negated,
        pred,
        alts: Vec::new(),
    })
}

/// What a field takes, for a term typed without a value: the values themselves where they
/// are few, else an example.
fn value_hint(field: &str, lexicon: &Lexicon) -> String {
    let hint = match field {
        "is" => "unread, read, starred, relevant, irrelevant, maybe, undecided or new",
        "has" => "note, labels or copies",
        "label" => "a triage label, e.g. label:banjir",
        "date" => {
            "YYYY, YYYY-MM or YYYY-MM-DD, a range a..b, or >, >=, <, <= and a date, e.g. date:2024-06"
        }
        "outlet" => "an outlet's name, e.g. outlet:kompas",
        "city" => "a dateline's city, e.g. city:palembang",
        "author" => "an author's name, e.g. author:budi",
        "tag" => "a tag, e.g. tag:pemilu",
        "prov" => "a province, e.g. prov:\"sumatera selatan\"",
        "region" => "a regency or city, e.g. region:muratara",
        "body" => "a word of the text, e.g. body:viral",
        "topic" => {
            let names = lexicon.topic_names();
            return if names.is_empty() {
                "a topic, but none are configured (add a [topics] table to the config file)"
                    .to_string()
            } else {
                format!("a topic: {}", names.join(", "))
            };
        }
        _ => "a value after the colon",
    };
    hint.to_string()
}

/// `body:viral` finds the word's inflections and synonyms; `body:'viral` only the word.
fn parse_body(value: &str, lexicon: &Lexicon) -> Result<Pred, String> {
    let needs = || "needs a word (letters or digits)".to_string();
    if let Some(rest) = value.strip_prefix('\'') {
        return Phrase::literal(rest)
            .map(|p| Pred::Body(vec![p]))
            .ok_or_else(needs);
    }
    let phrases: Vec<Phrase> = lexicon
        .expand(value)
        .iter()
        .filter_map(|t| Phrase::new(t))
        .collect();
    if phrases.is_empty() {
        return Err(needs());
    }
    Ok(Pred::Body(phrases))
}

fn parse_topic(value: &str, lexicon: &Lexicon) -> Result<Pred, String> {
    match lexicon.topic_phrases(value) {
        Some(phrases) => Ok(Pred::Topic(crate::lexicon::normalize(value), phrases)),
        None if lexicon.topic_names().is_empty() => Err(
            "unknown topic: no topics are configured (add a [topics] table to the config file)"
                .to_string(),
        ),
        None => Err(format!(
            "unknown topic; topics are {}",
            lexicon.topic_names().join(", ")
        )),
    }
}

/// Parses `2024`, `2024-06`, `2024-06-19`, `a..b` (either end open), `>d`, `>=d`, `<d`, `<=d`.
fn parse_date(value: &str) -> Result<Pred, String> {
    let cmp = [">=", "<=", ">", "<"]
        .into_iter()
        .find_map(|op| value.strip_prefix(op).map(|rest| (op, rest)));
    let range = if let Some((op, rest)) = cmp {
        let (first, last) = date_span(rest)?;
        match op {
            ">=" => DateRange {
                lo: Bound::Included(first),
                hi: Bound::Unbounded,
            },
            ">" => DateRange {
                lo: Bound::Excluded(last),
                hi: Bound::Unbounded,
            },
            "<=" => DateRange {
                lo: Bound::Unbounded,
                hi: Bound::Included(last),
            },
            _ => DateRange {
                lo: Bound::Unbounded,
                hi: Bound::Excluded(first),
            },
        }
    } else if let Some((a, b)) = value.split_once("..") {
        if a.is_empty() && b.is_empty() {
            return Err("a range needs at least one end, e.g. date:2024-01..2024-06".to_string());
        }
        let lo = if a.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(date_span(a)?.0)
        };
        let hi = if b.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(date_span(b)?.1)
        };
        if let (Bound::Included(l), Bound::Included(h)) = (lo, hi)
            && l > h
        {
            return Err("the range ends before it starts".to_string());
        }
        DateRange { lo, hi }
    } else {
        let (first, last) = date_span(value)?;
        DateRange {
            lo: Bound::Included(first),
            hi: Bound::Included(last),
        }
    };
    Ok(Pred::Date(range))
}

/// The first and last day covered by `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date_span(s: &str) -> Result<(Date, Date), String> {
    let expected = || {
        if s.is_empty() {
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found nothing".to_string()
        } else {
            format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not {s:?}")
        }
    };
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(expected());
    }
    if parts[0].len() != 4 {
        return Err("the year must have 4 digits".to_string());
    }
    let year: u16 = parts[0].parse().map_err(|_| expected())?;
    let month = match parts.get(1) {
        None => None,
        Some(m) => {
            let m: u8 = m.parse().unwrap_or(0);
            if !(1..=12).contains(&m) {
                return Err("month must be 1-12".to_string());
            }
            Some(m)
        }
    };
    let day = match (month, parts.get(2)) {
        (Some(m), Some(d)) => {
            let max = days_in_month(year, m);
            let d: u8 = d.parse().unwrap_or(0);
            if d == 0 || d > max {
                return Err(format!("invalid day: {year:04}-{m:02} has days 1-{max}"));
            }
            Some(d)
        }
        _ => None,
    };
    let make = |m: u8, d: u8| Date::new(year, m, d).ok_or_else(expected);
    match (month, day) {
        (None, _) => Ok((make(1, 1)?, make(12, 31)?)),
        (Some(m), None) => Ok((make(m, 1)?, make(m, days_in_month(year, m))?)),
        (Some(m), Some(d)) => Ok((make(m, d)?, make(m, d)?)),
    }
}

/// Case- and diacritic-insensitive substring test against an already folded needle, without
/// allocating for ASCII haystacks.
fn contains_folded(hay: &str, needle: &str) -> bool {
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
enum BodyCache<'a> {
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

/// The group's score when one of its terms matches. Body terms are tried only when no cheaper
/// alternative matched.
/// What a term is evaluated against besides the article itself.
struct Env<'a> {
    triage: &'a dyn StateLookup,
    /// The article belongs to a group of copies (for `has:copies`).
    copies: bool,
    /// Scores are wanted (ranking by relevance). Without, a fuzzy term only has to match,
    /// which is a subsequence test instead of skim's scoring matrix.
    scored: bool,
}

impl Env<'static> {
    const SCORED: Env<'static> = Env {
        triage: &NoState,
        copies: false,
        scored: true,
    };
}

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
        Pred::Province(n) => meta.provinces.iter().any(|p| contains_folded(p, n)),
        Pred::Region(n) => meta.regions.iter().any(|r| contains_folded(r, n)),
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

/// Best fuzzy score over the title (weighted double) or, when the title does not match, the
/// outlet, dateline and authors. Only title misses pay for the secondary fields.
fn fuzzy_score(meta: &Meta, pattern: &FuzzyPattern) -> Option<i64> {
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

/// A title folded char by char, remembering which original char each folded char came from,
/// so matches in folded text map back to highlight positions.
struct FoldedChars {
    text: String,
    /// For each char of `text`, the index of the original char.
    origin: Vec<usize>,
}

impl FoldedChars {
    fn new(title: &str) -> FoldedChars {
        let mut text = String::new();
        let mut origin = Vec::new();
        let mut buf = [0u8; 4];
        for (i, c) in title.chars().enumerate() {
            for f in fold(c.encode_utf8(&mut buf)).chars() {
                text.push(f);
                origin.push(i);
            }
        }
        FoldedChars { text, origin }
    }

    /// Original char indices covered by the folded char range `[start, start + len)`.
    fn span(&self, start: usize, len: usize) -> impl Iterator<Item = usize> + '_ {
        self.origin.iter().skip(start).take(len).copied()
    }

    fn highlight(&self, pred: &Pred, needle: &str) -> Vec<usize> {
        let n = needle.chars().count();
        let total = self.origin.len();
        let starts: Vec<usize> = match pred {
            Pred::Prefix(_) if self.text.starts_with(needle) => vec![0],
            Pred::Suffix(_) if self.text.ends_with(needle) => vec![total - n],
            Pred::Whole(_) if self.text == needle => vec![0],
            Pred::Contains(_) => self
                .text
                .match_indices(needle)
                .map(|(b, _)| self.text[..b].chars().count())
                .collect(),
            _ => Vec::new(),
        };
        starts.into_iter().flat_map(|s| self.span(s, n)).collect()
    }
}

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

/// Every article matching `query` and `filters`, ordered by `sort`.
pub fn search(corpus: &Corpus, query: &Query, filters: &Filters, sort: Sort) -> Vec<Hit> {
    search_with(corpus, query, filters, sort, None)
}

/// [`search`] with an extra caller-supplied predicate.
pub fn search_with(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    extra: Option<ExtraFilter<'_>>,
) -> Vec<Hit> {
    search_in(
        corpus,
        query,
        filters,
        sort,
        Scope {
            extra,
            ..Scope::default()
        },
    )
}

/// What a search may look at besides the corpus: which articles to scan, an extra
/// predicate, and the triage state that `is:`/`label:`/`has:` terms and triage facets test
/// (without it every article is unread and undecided).
#[derive(Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Scan only these corpus indices (see [`Query::refines`]); `None` scans everything.
    pub candidates: Option<&'a [usize]>,
    pub extra: Option<ExtraFilter<'a>>,
    pub triage: Option<&'a dyn StateLookup>,
    /// Polled while scanning; once it returns true the scan stops early and its (partial)
    /// result is meaningless. Lets the browser drop a search the user has already typed past.
    pub cancel: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// Whether the article at a corpus index belongs to a group of copies, for `has:copies`.
    /// Without it (grouping not done, or not run at all) `has:copies` matches nothing.
    pub copies: Option<&'a (dyn Fn(usize) -> bool + Sync)>,
}

/// The general search: every article in `scope` matching `query` and `filters`, in `sort`
/// order.
pub fn search_in(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> Vec<Hit> {
    let triage: &dyn StateLookup = scope.triage.unwrap_or(&NoState);
    let default = ArticleState::default();
    let metas = corpus.metas();
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
        let mut body = BodyCache::Pending(corpus, index);
        let env = Env {
            triage,
            copies: scope.copies.is_some_and(|f| f(index)),
            scored,
        };
        let cheap = query.eval_costs(meta, 0..=0, &mut body, &env)?;
        if let Some(extra) = scope.extra
            && !extra(meta, index)
        {
            return None;
        }
        let rest = query.eval_costs(meta, 1..=2, &mut body, &env)?;
        Some(Hit {
            index,
            score: cheap + rest,
        })
    };
    let mut hits: Vec<Hit> = match scope.candidates {
        Some(c) => c.par_iter().filter_map(|&i| check(i)).collect(),
        None => (0..corpus.len())
            .into_par_iter()
            .filter_map(check)
            .collect(),
    };
    let sort = if sort == Sort::Relevance && !query.has_score() {
        Sort::DateDesc
    } else {
        sort
    };
    sort_hits(&mut hits, corpus, sort);
    hits
}

/// Like [`search_with`] but scanning only `candidates` (e.g. the previous results when
/// [`Query::refines`] says the new query cannot match anything else). Indices out of range are
/// ignored.
pub fn search_subset(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    candidates: &[usize],
    extra: Option<ExtraFilter<'_>>,
) -> Vec<Hit> {
    search_in(
        corpus,
        query,
        filters,
        sort,
        Scope {
            candidates: Some(candidates),
            extra,
            ..Scope::default()
        },
    )
}

/// Orders hits in place; ties are broken by date (newest first), then id, so output is stable.
pub fn sort_hits(hits: &mut [Hit], corpus: &Corpus, sort: Sort) {
    match sort {
        Sort::Relevance => sort_by_primary(hits, corpus, |_, h| Reverse(h.score)),
        Sort::DateDesc => sort_by_primary(hits, corpus, |_, _| ()),
        Sort::DateAsc => sort_by_primary(hits, corpus, |m, _| {
            m.published.map_or(u32::MAX, |d| date_key(Some(d)))
        }),
        // Folding allocates, so it happens once per hit while building keys, not per comparison.
        Sort::Outlet => sort_by_primary(hits, corpus, |m, _| {
            (m.outlet.is_none(), m.outlet.as_deref().map(fold))
        }),
        Sort::Title => sort_by_primary(hits, corpus, |m, _| fold(&m.title)),
    }
}

static NO_META: LazyLock<Meta> = LazyLock::new(Meta::default);

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
    let mut keyed: Vec<(K, Reverse<u32>, u128, &str, Hit)> = hits
        .par_iter()
        .map(|h| {
            // Stale hits (from another corpus) sort as empty articles rather than panicking.
            let m = metas.get(h.index).unwrap_or(&NO_META);
            let date = Reverse(date_key(m.published));
            (primary(m, h), date, id_prefix(&m.id), m.id.as_str(), *h)
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| {
        (&a.0, a.1, a.2, a.3, a.4.index).cmp(&(&b.0, b.1, b.2, b.3, b.4.index))
    });
    for (slot, k) in hits.iter_mut().zip(keyed) {
        *slot = k.4;
    }
}

/// An order-preserving integer for a date; 0 (below every real date) when there is none.
fn date_key(d: Option<Date>) -> u32 {
    d.map_or(0, |d| {
        (u32::from(d.year) << 16) | (u32::from(d.month) << 8) | u32::from(d.day)
    })
}

/// The id's first 16 bytes as a big-endian integer: ordered like the strings themselves (a
/// shorter id pads with zeros), so most id comparisons never touch the heap.
fn id_prefix(id: &str) -> u128 {
    let mut buf = [0u8; 16];
    let n = id.len().min(16);
    buf[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(buf)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::corpus::BodySource;
    use crate::model::{Article, Body};

    struct A<'a> {
        id: &'a str,
        title: &'a str,
        outlet: Option<&'a str>,
        city: Option<&'a str>,
        authors: &'a [&'a str],
        date: Option<&'a str>,
        tags: &'a [&'a str],
        body: &'a [&'a str],
    }

    const BLANK: A<'static> = A {
        id: "",
        title: "",
        outlet: None,
        city: None,
        authors: &[],
        date: None,
        tags: &[],
        body: &[],
    };

    fn article(a: &A) -> Article {
        let mut art = Article::default();
        art.meta.id = a.id.to_string();
        art.meta.title = a.title.to_string();
        art.meta.outlet = a.outlet.map(str::to_string);
        art.meta.dateline = a.city.map(str::to_string);
        art.meta.authors = a.authors.iter().map(|s| s.to_string()).collect();
        art.meta.published = a.date.map(|d| d.parse().expect("test date"));
        art.meta.tags = a.tags.iter().map(|s| s.to_string()).collect();
        art.body.body = a.body.iter().map(|s| s.to_string()).collect();
        art
    }

    fn corpus() -> Corpus {
        Corpus::from_articles(
            [
                A {
                    id: "a0",
                    title: "ASN Palembang live TikTok saat jam kerja",
                    outlet: Some("Grow Media"),
                    city: Some("Palembang"),
                    authors: &["Eko Hepronis"],
                    date: Some("2023-06-09"),
                    tags: &["asn", "viral"],
                    body: &["Tiga ASN karaoke di kantor.", "Mereka live streaming."],
                },
                A {
                    id: "a1",
                    title: "Pemkab OKI minta OPD tidak tunggu viral",
                    outlet: Some("Sumeks.co"),
                    city: Some("Kayuagung"),
                    date: Some("2024-06-19"),
                    tags: &["pelayanan"],
                    body: &["Pelayanan publik tanpa menunggu viral."],
                    ..BLANK
                },
                A {
                    id: "a2",
                    title: "Bantahan Pemkab Simalungun soal tim medsos",
                    outlet: Some("PAB"),
                    city: Some("Simalungun"),
                    date: Some("2024-04-10"),
                    body: &["Tidak ada pemaksaan karaokean."],
                    ..BLANK
                },
                A {
                    id: "a3",
                    title: "Bupati Blora larang pamer kemewahan",
                    outlet: Some("Infoku"),
                    city: Some("Blora"),
                    authors: &["Setyorini"],
                    date: Some("2025-09-10"),
                    body: &["Jangan flexing di media sosial."],
                    ..BLANK
                },
                A {
                    id: "a4",
                    title: "Tanpa tanggal: instagram live pejabat",
                    body: &["Live di instagram."],
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        )
    }

    fn ids(corpus: &Corpus, q: &str) -> Vec<String> {
        let query = Query::parse(q).expect("query parses");
        search(corpus, &query, &Filters::default(), Sort::Relevance)
            .iter()
            .map(|h| corpus.meta(h.index).id.clone())
            .collect()
    }

    fn sorted_ids(corpus: &Corpus, q: &str) -> Vec<String> {
        let mut v = ids(corpus, q);
        v.sort();
        v
    }

    fn err(q: &str) -> String {
        Query::parse(q).expect_err("query must fail").message
    }

    #[test]
    fn a_field_without_a_value_says_what_it_takes() {
        assert_eq!(
            err("is:"),
            "is: needs a value: unread, read, starred, relevant, irrelevant, maybe, undecided \
             or new"
        );
        assert_eq!(err("is: banjir"), err("is:"));
        assert_eq!(err("!has:"), "has: needs a value: note, labels or copies");
        assert!(err("date:").starts_with("date: needs a value: YYYY, YYYY-MM or YYYY-MM-DD"));
        assert_eq!(
            err("label:"),
            "label: needs a value: a triage label, e.g. label:banjir"
        );
        let topics = Lexicon::builtin().topic_names().join(", ");
        assert_eq!(
            err("topic:"),
            format!("topic: needs a value: a topic: {topics}")
        );
        let removed = "disiplin = []\nviral = []\nkorupsi = []".parse().unwrap();
        let (none, _) = Lexicon::from_config(None, Some(&removed));
        let e = Query::parse_with("topic:", &none).unwrap_err().message;
        assert!(e.contains("none are configured"), "{e}");
        // Every field and alias, so a new field cannot fall back to a meaningless example.
        for name in FIELDS.iter().flat_map(|f| f.names) {
            let e = err(&format!("{name}:"));
            assert!(e.starts_with(&format!("{name}: needs a value: ")), "{e}");
            assert!(
                !e.contains("after the colon") && !e.contains("grow media"),
                "{e}"
            );
        }
    }

    #[test]
    fn empty_query_matches_everything_newest_first() {
        let c = corpus();
        let q = Query::parse("   ").unwrap();
        assert!(q.is_empty());
        assert!(!q.has_score());
        assert_eq!(ids(&c, ""), vec!["a3", "a1", "a2", "a0", "a4"]);
    }

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
            let by_date = search(&c, &query, &Filters::default(), Sort::DateDesc);
            let mut ranked = search(&c, &query, &Filters::default(), Sort::Relevance);
            sort_hits(&mut ranked, &c, Sort::DateDesc);
            let idx = |h: &[Hit]| h.iter().map(|h| h.index).collect::<Vec<_>>();
            assert_eq!(idx(&by_date), idx(&ranked), "{q}");
            assert!(by_date.iter().all(|h| h.score == 0), "{q}: not scored");
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

    #[test]
    fn terms_are_anded_and_or_joins_adjacent_terms() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "'live 'tiktok"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "'tiktok | 'instagram"), vec!["a0", "a4"]);
        assert_eq!(sorted_ids(&c, "'tiktok | 'instagram 'pejabat"), vec!["a4"]);
        assert_eq!(sorted_ids(&c, "'blora | 'oki | 'zzz"), vec!["a1", "a3"]);
    }

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
        let hits = search(&c, &q, &Filters::default(), Sort::Relevance);
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
    fn dates() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "date:2024"), vec!["a1", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024-06"), vec!["a1"]);
        assert_eq!(sorted_ids(&c, "date:2024-06-19"), vec!["a1"]);
        assert_eq!(sorted_ids(&c, "date:2024-06-18"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "date:2023-06..2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024-04-10..2024"), vec!["a1", "a2"]);
        assert_eq!(sorted_ids(&c, "date:..2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024.."), vec!["a1", "a2", "a3"]);
        assert_eq!(sorted_ids(&c, "date:>2024-06-19"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "date:>=2024-06-19"), vec!["a1", "a3"]);
        assert_eq!(sorted_ids(&c, "date:<2024"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "date:<=2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:>2024"), vec!["a3"]);
        // Undated articles match no date term, negated or not.
        assert_eq!(sorted_ids(&c, "!date:2024"), vec!["a0", "a3"]);
    }

    #[test]
    fn error_messages() {
        assert_eq!(err("date:2024-13"), "date:2024-13: month must be 1-12");
        assert_eq!(
            err("date:2024-02-30"),
            "date:2024-02-30: invalid day: 2024-02 has days 1-29"
        );
        assert_eq!(
            err("date:abc"),
            "date:abc: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"abc\""
        );
        assert_eq!(err("date:24"), "date:24: the year must have 4 digits");
        assert_eq!(
            err("date:.."),
            "date:..: a range needs at least one end, e.g. date:2024-01..2024-06"
        );
        assert_eq!(
            err("date:2025..2024"),
            "date:2025..2024: the range ends before it starts"
        );
        assert!(err("date:>=").contains("found nothing"));
        assert_eq!(
            err("outlet:\"grow media"),
            "outlet:\"grow media: unterminated quote (add a closing \")"
        );
        assert_eq!(
            err("outlet:"),
            "outlet: needs a value: an outlet's name, e.g. outlet:kompas"
        );
        assert_eq!(
            err("!city:\"\""),
            "city:\"\" needs a value: a dateline's city, e.g. city:palembang"
        );
        assert_eq!(
            err("foo:bar"),
            "unknown field \"foo:\"; fields are outlet: city: author: tag: prov: region: body: topic: date: is: label: has:"
        );
        assert!(err("| a").starts_with("dangling \"|\""));
        assert!(err("a |").starts_with("dangling \"|\""));
        assert!(err("a | | b").starts_with("dangling \"|\""));
        assert_eq!(
            err("body:..."),
            "body:...: needs a word (letters or digits)"
        );
        assert_eq!(err("!"), "!: nothing to negate");
        assert_eq!(err("'"), "': nothing to match");
        assert_eq!(err("\"\""), "\"\": nothing inside the quotes");
        // Not fields: a colon after something other than a bare word, or inside quotes.
        assert!(Query::parse("10:30").is_ok());
        assert!(Query::parse("\"foo:bar\"").is_ok());
        assert!(Query::parse("\"|\"").is_ok());
    }

    #[test]
    fn matching_ignores_diacritics_and_highlights_map_back() {
        let c = Corpus::from_articles(
            [
                A {
                    id: "x",
                    title: "Kafé Señor di Bandung",
                    outlet: Some("Détik"),
                    body: &["Pertemuan di kafé."],
                    ..BLANK
                },
                A {
                    id: "y",
                    title: "Cafe biasa",
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        );
        assert_eq!(sorted_ids(&c, "'kafe"), vec!["x"]);
        assert_eq!(sorted_ids(&c, "'KAFÉ"), vec!["x"]);
        assert_eq!(sorted_ids(&c, "outlet:detik"), vec!["x"]);
        assert_eq!(sorted_ids(&c, "body:kafe"), vec!["x"]);
        assert_eq!(sorted_ids(&c, "^kafe senor"), vec!["x"]);
        assert_eq!(sorted_ids(&c, "Señor"), vec!["x"]);
        assert!(sorted_ids(&c, "Senor").is_empty());
        let q = Query::parse("kfsnr").unwrap();
        assert_eq!(
            q.title_highlights("Kafé Señor di Bandung"),
            vec![0, 2, 5, 7, 9]
        );
        assert_eq!(sorted_ids(&c, "!'senor"), vec!["y"]);
        let q = Query::parse("'senor").unwrap();
        assert_eq!(
            q.title_highlights("Kafé Señor di Bandung"),
            vec![5, 6, 7, 8, 9]
        );
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
        let asc = search(&c, &q, &Filters::default(), Sort::DateAsc);
        let asc: Vec<&str> = asc.iter().map(|h| c.meta(h.index).id.as_str()).collect();
        assert_eq!(asc, vec!["a", "b", "d", "c"]);
    }

    #[test]
    fn sort_orders() {
        let c = corpus();
        let q = Query::default();
        let order = |s: Sort| -> Vec<String> {
            search(&c, &q, &Filters::default(), s)
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
    fn better_fuzzy_match_ranks_higher_and_scores_add_up() {
        let c = corpus();
        let q = Query::parse("pemkab").unwrap();
        let hits = search(&c, &q, &Filters::default(), Sort::Relevance);
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

    #[test]
    fn facets_and_extra_filter_restrict_results() {
        let c = corpus();
        let q = Query::default();
        let mut f = Filters::default();
        f.toggle(crate::facets::Facet::Outlet, "Infoku");
        f.toggle(crate::facets::Facet::Outlet, "PAB");
        let hits = search(&c, &q, &f, Sort::DateDesc);
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![3, 2]);
        let even = |_: &Meta, i: usize| i.is_multiple_of(2);
        let hits = search_with(&c, &q, &f, Sort::DateDesc, Some(&even));
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![2]);
        let sub = search_subset(
            &c,
            &q,
            &Filters::default(),
            Sort::DateAsc,
            &[4, 99, 0],
            None,
        );
        assert_eq!(sub.iter().map(|h| h.index).collect::<Vec<_>>(), vec![0, 4]);
    }

    #[test]
    fn highlights() {
        let q = Query::parse("'pemkab ^bantahan simalungun$ tim !soal outlet:pab").unwrap();
        let title = "Bantahan Pemkab Simalungun soal tim medsos";
        let h = q.title_highlights(title);
        let chars: Vec<char> = title.chars().collect();
        let lit: String = h.iter().map(|&i| chars[i]).collect();
        // Prefix "Bantahan" + exact "Pemkab" + fuzzy "tim"; the suffix does not match here.
        assert!(lit.starts_with("BantahanPemkab"), "{lit}");
        assert!(h.windows(2).all(|w| w[0] < w[1]));
        let q = Query::parse("'ab").unwrap();
        assert_eq!(q.title_highlights("Ab ab"), vec![0, 1, 3, 4]);
        assert_eq!(
            Query::parse("ka$").unwrap().title_highlights("kaka"),
            vec![2, 3]
        );
        let q = Query::parse("tiktok 'live !viral body:\"jam kerja\" outlet:x tiktok").unwrap();
        // Synonyms are highlighted too; the exact 'live is not expanded.
        assert_eq!(
            q.highlight_terms(),
            vec!["tiktok", "tik tok", "live", "jam kerja"]
        );
    }

    #[test]
    fn refines_is_conservative_and_sound() {
        let r = |new: &str, old: &str| {
            Query::parse(new)
                .unwrap()
                .refines(&Query::parse(old).unwrap())
        };
        assert!(r("tikt", "tik"));
        assert!(r("tik", "tik"));
        assert!(r("tik live", "tik"));
        assert!(r("live tik", "tik"));
        assert!(r("'pemkab", "'pem"));
        assert!(r("^bupa", "^bu"));
        assert!(r("outlet:sumeks", "outlet:sum"));
        assert!(r("prov:\"sumatera sel\"", "prov:sumatera"));
        assert!(r("region:blora", "region:blo"));
        assert!(!r("region:blo", "prov:blo"));
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
            ("tikt", "tik"),
            ("'pemkab x", "'pem"),
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
            let mut hits: Vec<String> = search_in(
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
        assert!(search(&c, &q, &Filters::default(), Sort::DateDesc).is_empty());
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
