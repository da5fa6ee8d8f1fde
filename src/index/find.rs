//! Answering a [`TextQuery`] from the index: the tantivy query each shape becomes, the term
//! automata for prefixes and typos, and the collector that gathers every match.
//!
//! A stem-aware word is the OR of its candidate stems in a `*_stem` field; a literal word its
//! folded text in a `*_raw` field; prefixes and typos run an automaton over the `*_raw`
//! terms. A phrase of plain stem-aware (or plain literal) words is a tantivy phrase query,
//! scored BM25; a phrase mixing literal, prefix or typo words is checked position by position
//! across both fields (both tokenizers count words the same way), scored as a constant.
//! A prefix or typo word matches every term its automaton accepts; the commonest of those
//! expansions are scored BM25 as well, the rest a constant (see [`AutoQuery`]).
//! Word queries do not cap prefix expansions (a one-letter prefix unions the postings of
//! every word starting with that letter); phrases cap them per word.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::postings::{Postings, TermInfo};
use tantivy::query::{
    AutomatonWeight, BitSetDocSet, BooleanQuery, BoostQuery, ConstScorer, DisjunctionMaxQuery,
    EmptyQuery, EnableScoring, Explanation, Occur, PhraseQuery, Query, RegexPhraseQuery, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::{Field as TField, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED, Term};
use tantivy_fst::Automaton;

use crate::query::{Field, TextQuery, Word};

/// How much more a match in the title weighs than one in the body for [`Field::Any`]: a
/// headline names what an article is about, and titles are ~30 times shorter than bodies,
/// so BM25 alone already favours them; 3 puts a title match ahead of a few body mentions
/// without letting a passing title word outrank an article about the word.
pub(super) const TITLE_BOOST: Score = 3.0;

/// Terms a phrase word may expand to (prefix and typo matches) before the positional check
/// gives up on it: a one-letter prefix in a phrase would otherwise read most postings.
const MAX_EXPANSIONS: usize = 4096;

/// The index's text fields.
#[derive(Debug, Clone, Copy)]
pub(super) struct TextFields {
    pub title_raw: TField,
    pub title_stem: TField,
    pub body_raw: TField,
    pub body_stem: TField,
}

/// One field of an article: its raw and stem fields.
#[derive(Debug, Clone, Copy)]
struct Pair {
    raw: TField,
    stem: TField,
}

impl TextFields {
    fn pairs(&self, field: Field) -> Vec<(Pair, Score)> {
        let title = Pair {
            raw: self.title_raw,
            stem: self.title_stem,
        };
        let body = Pair {
            raw: self.body_raw,
            stem: self.body_stem,
        };
        match field {
            Field::Title => vec![(title, 1.0)],
            Field::Body => vec![(body, 1.0)],
            Field::Any => vec![(title, TITLE_BOOST), (body, 1.0)],
        }
    }
}

/// The tantivy query for `q`.
pub(super) fn to_query(fields: &TextFields, q: &TextQuery) -> Box<dyn Query> {
    match q {
        TextQuery::Word(field, w) => per_field(fields, *field, |p| word_query(p, w)),
        TextQuery::Phrase(field, words) => match words.as_slice() {
            [] => Box::new(EmptyQuery),
            [w] => per_field(fields, *field, |p| word_query(p, w)),
            _ => per_field(fields, *field, |p| phrase_query(p, words)),
        },
        TextQuery::AnyOf(parts) => match parts.as_slice() {
            [] => Box::new(EmptyQuery),
            [one] => to_query(fields, one),
            _ => Box::new(DisjunctionMaxQuery::new(
                parts.iter().map(|p| to_query(fields, p)).collect(),
            )),
        },
    }
}

fn per_field(
    fields: &TextFields,
    field: Field,
    make: impl Fn(Pair) -> Box<dyn Query>,
) -> Box<dyn Query> {
    let mut parts: Vec<(Occur, Box<dyn Query>)> = fields
        .pairs(field)
        .into_iter()
        .map(|(pair, boost)| {
            let q = make(pair);
            let q: Box<dyn Query> = if boost == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, boost))
            };
            (Occur::Should, q)
        })
        .collect();
    match parts.len() {
        1 => parts.remove(0).1,
        _ => Box::new(BooleanQuery::new(parts)),
    }
}

fn term_query(field: TField, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn word_query(p: Pair, w: &Word) -> Box<dyn Query> {
    let mut parts: Vec<Box<dyn Query>> = Vec::new();
    if w.stems.is_empty() {
        parts.push(term_query(p.raw, &w.text));
    } else {
        parts.extend(w.stems.iter().map(|s| term_query(p.stem, s)));
    }
    if w.prefix {
        parts.push(Box::new(AutoQuery {
            field: p.raw,
            auto: Arc::new(FirstFixed::prefix(&w.text)),
        }));
    }
    if w.edits > 0 {
        parts.push(Box::new(AutoQuery {
            field: p.raw,
            auto: Arc::new(FirstFixed::typo(&w.text, w.edits)),
        }));
    }
    match parts.len() {
        1 => parts.remove(0),
        _ => Box::new(BooleanQuery::new(
            parts.into_iter().map(|q| (Occur::Should, q)).collect(),
        )),
    }
}

fn is_plain(w: &Word) -> bool {
    !w.prefix && w.edits == 0
}

fn phrase_query(p: Pair, words: &[Word]) -> Box<dyn Query> {
    let plain = words.iter().all(is_plain);
    if plain && words.iter().all(|w| w.stems.is_empty()) {
        let terms = words
            .iter()
            .map(|w| Term::from_field_text(p.raw, &w.text))
            .collect();
        return Box::new(PhraseQuery::new(terms));
    }
    if plain && words.iter().all(|w| w.stems.len() == 1) {
        let terms = words
            .iter()
            .map(|w| Term::from_field_text(p.stem, &w.stems[0]))
            .collect();
        return Box::new(PhraseQuery::new(terms));
    }
    // Words are alphanumeric runs, so a stem needs no escaping in a regex.
    if plain
        && words
            .iter()
            .all(|w| !w.stems.is_empty() && is_regex_safe(w))
    {
        let alts = words
            .iter()
            .map(|w| format!("(?:{})", w.stems.join("|")))
            .collect();
        let mut q = RegexPhraseQuery::new(p.stem, alts);
        q.set_max_expansions(u32::MAX);
        return Box::new(q);
    }
    Box::new(PositionalPhrase {
        pair: p,
        words: Arc::new(words.to_vec()),
    })
}

fn is_regex_safe(w: &Word) -> bool {
    w.stems
        .iter()
        .all(|s| !s.is_empty() && s.chars().all(char::is_alphanumeric))
}

/// Terms starting with fixed bytes (a prefix, or a typo word's first letter), then, for a
/// typo word, within a Levenshtein distance of the rest of the word.
pub(super) struct FirstFixed {
    lead: Vec<u8>,
    /// `None`: anything may follow the lead (a prefix).
    dfa: Option<DFA>,
}

impl fmt::Debug for FirstFixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FirstFixed")
            .field("lead", &String::from_utf8_lossy(&self.lead))
            .field("typo", &self.dfa.is_some())
            .finish()
    }
}

/// Building a Levenshtein automaton builder costs milliseconds (distance 2 most), so each is
/// built once.
fn builder(edits: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    if edits <= 1 {
        ONE.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
    } else {
        TWO.get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))
    }
}

impl FirstFixed {
    pub(super) fn prefix(text: &str) -> FirstFixed {
        FirstFixed {
            lead: text.as_bytes().to_vec(),
            dfa: None,
        }
    }

    /// Words within `edits` of `text` that keep its first letter: the edits apply to the
    /// rest of the word only.
    pub(super) fn typo(text: &str, edits: u8) -> FirstFixed {
        let split = text.chars().next().map_or(0, char::len_utf8);
        FirstFixed {
            lead: text.as_bytes()[..split].to_vec(),
            dfa: Some(builder(edits.min(2)).build_dfa(&text[split..])),
        }
    }

    fn after_lead(&self) -> AutoState {
        match &self.dfa {
            Some(d) => AutoState::Dfa(d.initial_state()),
            None => AutoState::All,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AutoState {
    Lead(usize),
    Dfa(u32),
    All,
    Dead,
}

impl Automaton for FirstFixed {
    type State = AutoState;

    fn start(&self) -> AutoState {
        if self.lead.is_empty() {
            self.after_lead()
        } else {
            AutoState::Lead(0)
        }
    }

    fn is_match(&self, state: &AutoState) -> bool {
        match (*state, &self.dfa) {
            (AutoState::All, _) => true,
            (AutoState::Dfa(s), Some(d)) => matches!(d.distance(s), Distance::Exact(_)),
            _ => false,
        }
    }

    fn can_match(&self, state: &AutoState) -> bool {
        match *state {
            AutoState::Dead => false,
            AutoState::Dfa(s) => s != SINK_STATE,
            _ => true,
        }
    }

    fn will_always_match(&self, state: &AutoState) -> bool {
        *state == AutoState::All
    }

    fn accept(&self, state: &AutoState, byte: u8) -> AutoState {
        match *state {
            AutoState::Lead(i) if self.lead.get(i) == Some(&byte) => {
                if i + 1 == self.lead.len() {
                    self.after_lead()
                } else {
                    AutoState::Lead(i + 1)
                }
            }
            AutoState::Dfa(s) => match &self.dfa {
                Some(d) => AutoState::Dfa(d.transition(s, byte)),
                None => AutoState::Dead,
            },
            AutoState::All => AutoState::All,
            _ => AutoState::Dead,
        }
    }
}

/// Every document with a term of `field` the automaton accepts. The match set is the
/// automaton's; on top, the [`SCORED_EXPANSIONS`] expansions found in most documents are
/// scored BM25, so a typed prefix (`bupa`) ranks articles about bupati above one that
/// mentions a rarer word it begins, instead of leaving every expansion tied.
#[derive(Debug, Clone)]
struct AutoQuery {
    field: TField,
    auto: Arc<FirstFixed>,
}

/// Expansions of a prefix or typo word that get a BM25 score. Typing `p` expands to
/// thousands of terms; scoring the commonest few keeps a keystroke's cost bounded, and a
/// rarer expansion still matches (with the set's constant score). Their postings together
/// are also held to about one per indexed article (the first term is always scored), so a
/// short prefix whose commonest expansions are in most articles reads one list, not 32.
const SCORED_EXPANSIONS: usize = 32;

impl Query for AutoQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let set = AutoSet(self.clone());
        let (true, Some(searcher)) = (scoring.is_scoring_enabled(), scoring.searcher()) else {
            return set.weight(scoring);
        };
        let terms = self.commonest_expansions(searcher)?;
        if terms.is_empty() {
            return set.weight(scoring);
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(set))];
        parts.extend(terms.into_iter().map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        }));
        BooleanQuery::new(parts).weight(scoring)
    }
}

impl AutoQuery {
    /// The accepted terms with the highest document frequency over all segments.
    fn commonest_expansions(&self, searcher: &tantivy::Searcher) -> tantivy::Result<Vec<Term>> {
        let mut freq: HashMap<Vec<u8>, u64> = HashMap::new();
        for reader in searcher.segment_readers() {
            let inverted = reader.inverted_index(self.field)?;
            let mut stream = inverted.terms().search(&*self.auto).into_stream()?;
            while stream.advance() {
                *freq.entry(stream.key().to_vec()).or_default() +=
                    u64::from(stream.value().doc_freq);
            }
        }
        let mut terms: Vec<(Vec<u8>, u64)> = freq.into_iter().collect();
        // Ties by the term's bytes, so the same index always scores the same terms.
        terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(SCORED_EXPANSIONS);
        let budget = searcher.num_docs();
        let mut postings = 0;
        let keep = terms
            .iter()
            .take_while(|(_, df)| {
                postings += df;
                postings <= budget
            })
            .count();
        terms.truncate(keep.max(1));
        Ok(terms
            .into_iter()
            .map(|(bytes, _)| Term::from_field_bytes(self.field, &bytes))
            .collect())
    }
}

/// The automaton's match set, every document scored alike.
#[derive(Debug, Clone)]
struct AutoSet(AutoQuery);

impl Query for AutoSet {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<FirstFixed>::new(
            self.0.field,
            Arc::clone(&self.0.auto),
        )))
    }
}

/// A phrase checked position by position: each word is the union of its terms (stems in the
/// stem field, the literal word, prefix and typo expansions in the raw field), and a
/// document matches when some position holds the first word and each next position the
/// next word.
#[derive(Debug, Clone)]
struct PositionalPhrase {
    pair: Pair,
    words: Arc<Vec<Word>>,
}

impl Query for PositionalPhrase {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

type Positions = HashMap<DocId, Vec<u32>>;

impl PositionalPhrase {
    fn word_terms(
        &self,
        reader: &SegmentReader,
        w: &Word,
    ) -> tantivy::Result<Vec<(TField, TermInfo)>> {
        let mut out = Vec::new();
        let raw = reader.inverted_index(self.pair.raw)?;
        if w.stems.is_empty() {
            if let Some(ti) = raw.get_term_info(&Term::from_field_text(self.pair.raw, &w.text))? {
                out.push((self.pair.raw, ti));
            }
        } else {
            let stem = reader.inverted_index(self.pair.stem)?;
            for s in &w.stems {
                if let Some(ti) = stem.get_term_info(&Term::from_field_text(self.pair.stem, s))? {
                    out.push((self.pair.stem, ti));
                }
            }
        }
        let mut autos = Vec::new();
        if w.prefix {
            autos.push(FirstFixed::prefix(&w.text));
        }
        if w.edits > 0 {
            autos.push(FirstFixed::typo(&w.text, w.edits));
        }
        for auto in autos {
            let mut stream = raw.terms().search(auto).into_stream()?;
            let mut n = 0;
            while stream.advance() {
                n += 1;
                if n > MAX_EXPANSIONS {
                    break;
                }
                out.push((self.pair.raw, stream.value().clone()));
            }
        }
        Ok(out)
    }

    fn positions(&self, reader: &SegmentReader, w: &Word) -> tantivy::Result<Positions> {
        let mut map: Positions = HashMap::new();
        let mut buf = Vec::new();
        for (field, ti) in self.word_terms(reader, w)? {
            let ii = reader.inverted_index(field)?;
            let mut postings =
                ii.read_postings_from_terminfo(&ti, IndexRecordOption::WithFreqsAndPositions)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if reader.alive_bitset().is_none_or(|a| a.is_alive(doc)) {
                    postings.positions(&mut buf);
                    map.entry(doc).or_default().extend_from_slice(&buf);
                }
                doc = postings.advance();
            }
        }
        for v in map.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Ok(map)
    }

    fn matching(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        let mut found = BitSet::with_max_value(reader.max_doc());
        let mut maps = Vec::with_capacity(self.words.len());
        for w in self.words.iter() {
            let m = self.positions(reader, w)?;
            if m.is_empty() {
                return Ok(found);
            }
            maps.push(m);
        }
        let Some((first, rest)) = maps.split_first() else {
            return Ok(found);
        };
        'docs: for (&doc, starts) in first {
            let mut others = Vec::with_capacity(rest.len());
            for m in rest {
                match m.get(&doc) {
                    Some(p) => others.push(p),
                    None => continue 'docs,
                }
            }
            let hit = starts.iter().any(|&s| {
                others.iter().enumerate().all(|(i, p)| {
                    u32::try_from(i + 1)
                        .ok()
                        .and_then(|d| s.checked_add(d))
                        .is_some_and(|want| p.binary_search(&want).is_ok())
                })
            });
            if hit {
                found.insert(doc);
            }
        }
        Ok(found)
    }
}

impl Weight for PositionalPhrase {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let docs = BitSetDocSet::from(self.matching(reader)?);
        Ok(Box::new(ConstScorer::new(docs, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("PositionalPhrase", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(
                "document does not match".to_string(),
            ))
        }
    }
}

/// Collects every matching document with its score: the search wants all matches (often
/// 100k+), not the best few.
pub(super) struct All;

pub(super) struct AllSegment {
    segment: SegmentOrdinal,
    hits: Vec<(SegmentOrdinal, DocId, Score)>,
}

impl Collector for All {
    type Fruit = Vec<(SegmentOrdinal, DocId, Score)>;
    type Child = AllSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<AllSegment> {
        Ok(AllSegment {
            segment,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllSegment {
    type Fruit = Vec<(SegmentOrdinal, DocId, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.hits.push((self.segment, doc, score));
    }

    fn harvest(self) -> Self::Fruit {
        self.hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(a: &FirstFixed, word: &str) -> bool {
        let mut s = a.start();
        for &b in word.as_bytes() {
            s = a.accept(&s, b);
            if !a.can_match(&s) {
                return false;
            }
        }
        a.is_match(&s)
    }

    #[test]
    fn typos_keep_the_first_letter() {
        let a = FirstFixed::typo("bupati", 1);
        assert!(accepts(&a, "bupati"));
        assert!(accepts(&a, "bupat"));
        assert!(accepts(&a, "bpuati"), "a transposition is one edit");
        assert!(accepts(&a, "bupatii"));
        assert!(!accepts(&a, "upati"));
        assert!(!accepts(&a, "xupati"));
        assert!(!accepts(&a, "ubpati"));
        assert!(!accepts(&a, "bupxyi"));
        let two = FirstFixed::typo("bupati", 2);
        assert!(accepts(&two, "bupxyi"));
    }

    #[test]
    fn prefixes_match_words_starting_with_them() {
        let a = FirstFixed::prefix("bupa");
        assert!(accepts(&a, "bupa"));
        assert!(accepts(&a, "bupati"));
        assert!(!accepts(&a, "bup"));
        assert!(!accepts(&a, "abupati"));
    }
}
