//! Word terms: what a plain word, a quoted phrase, `title:`, `body:` and `topic:` ask for
//! ([`TextTerm`]), how they are resolved to scored match sets before the per-article pass
//! (through a [`TextIndex`] when one can answer, by scanning titles and bodies when not), and
//! the scan itself.
//!
//! A plain word matches itself and its affixed forms as whole words. Only when no article
//! holds it that way does it match more loosely: first as the start of words (`bupa` finds
//! "bupati"), then, for words of 5 letters or more, with one typo (two from 9 letters).
//! Always matching typos would let `kades` find every "kader" and `banjir` every "Banjar",
//! and always matching prefixes would let `asn` find "Asnawi": the match set, its counts and
//! exports would no longer be the articles that use the word. The one exception is the
//! word still being typed in the browser's search bar (see [`super::typing`]).

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::text_index::{Field, TextHit, TextIndex, TextQuery, Word};
use crate::corpus::Corpus;
use crate::lexicon::{Phrase, folded_words};
use crate::text::fold;

/// A word term of a query, resolved against a corpus before articles are tested.
#[derive(Debug, Clone, Eq)]
pub(super) struct TextTerm {
    /// Index of this term's match set in [`Resolved`], in query order.
    pub(super) slot: usize,
    /// What the term matches when the corpus has it: the word or phrase and its synonyms.
    pub(super) exact: TextQuery,
    /// Looser forms tried in order when `exact` matches nothing (a plain single word only).
    pub(super) loose: Vec<TextQuery>,
    /// The phrases to mark in titles and bodies.
    pub(super) marks: Vec<Phrase>,
}

/// Two terms are the same question whatever their place in the query.
impl PartialEq for TextTerm {
    fn eq(&self, other: &TextTerm) -> bool {
        self.exact == other.exact && self.loose == other.loose
    }
}

impl TextTerm {
    /// The plain word itself (not a synonym), for a plain single stem-aware word in the
    /// title or the body: the only kind of term the search bar widens while it is typed.
    fn own_word_mut(&mut self) -> Option<&mut Word> {
        if self.loose.is_empty() {
            // Quoted, `'literal`, negated, a phrase, a topic: matched as written.
            return None;
        }
        let own = match &mut self.exact {
            TextQuery::Word(Field::Any, w) => w,
            TextQuery::AnyOf(parts) => match parts.first_mut() {
                Some(TextQuery::Word(Field::Any, w)) => w,
                _ => return None,
            },
            _ => return None,
        };
        (!own.stems.is_empty()).then_some(own)
    }

    /// Makes `word`, when it is this term's plain word, also match every word it begins,
    /// alongside its whole and affixed forms and synonyms (the index scores the whole word's
    /// articles above those with only a longer word), and the terms of `begun` (the
    /// synonyms of the words it begins, see [`super::typing`]). Its looser prefix form is
    /// then redundant; its typo form stays for when nothing starts with it.
    pub(super) fn widen(&mut self, word: &str, begun: &[String]) -> bool {
        match self.own_word_mut() {
            Some(own) if own.text == word => own.prefix = true,
            _ => return false,
        }
        self.loose
            .retain(|q| !matches!(q, TextQuery::Word(_, w) if w.prefix));
        let mut parts = match std::mem::replace(&mut self.exact, TextQuery::AnyOf(Vec::new())) {
            TextQuery::AnyOf(parts) => parts,
            one => vec![one],
        };
        for term in begun {
            let words = split_words(term);
            if words.is_empty() {
                continue;
            }
            let q = word_or_phrase(Field::Any, &words, false);
            let same = |p: &TextQuery| match (p, &q) {
                (TextQuery::Word(_, a), TextQuery::Word(_, b)) => a.text == b.text,
                _ => *p == q,
            };
            if !parts.iter().any(same) {
                parts.push(q);
                self.marks.extend(Phrase::new(term));
            }
        }
        self.exact = match parts.len() {
            1 => parts.remove(0),
            _ => TextQuery::AnyOf(parts),
        };
        true
    }

    /// The word this term matches as a prefix besides its whole forms, when it was widened
    /// while being typed ([`TextTerm::widen`]).
    pub(super) fn typed(&self) -> Option<&Word> {
        let own = match &self.exact {
            TextQuery::Word(_, w) => w,
            TextQuery::AnyOf(parts) => match parts.first() {
                Some(TextQuery::Word(_, w)) => w,
                _ => return None,
            },
            _ => return None,
        };
        own.prefix.then_some(own)
    }
}

/// Typo tolerance for a typed word: none below 5 letters, where one edit turns most words
/// into other words, nor for words with digits (numbers, codes).
pub(super) fn edits_for(word: &str) -> u8 {
    let letters = word.chars().count();
    if word.chars().any(|c| !c.is_alphabetic()) || letters < 5 {
        0
    } else if letters < 9 {
        1
    } else {
        2
    }
}

/// The words of `text`, folded.
pub(super) fn split_words(text: &str) -> Vec<String> {
    folded_words(&fold(text))
        .map(|(_, w)| w.to_string())
        .collect()
}

/// A word or a phrase of `words`.
pub(super) fn word_or_phrase(field: Field, words: &[String], literal: bool) -> TextQuery {
    match words {
        [one] => TextQuery::Word(field, Word::new(one, literal)),
        _ => TextQuery::Phrase(field, words.iter().map(|w| Word::new(w, literal)).collect()),
    }
}

/// One scored match set per word term of a query, indexed by corpus position (0 = no match).
#[derive(Debug, Default)]
pub(super) struct Resolved {
    pub(super) sets: Vec<Vec<f32>>,
    /// Per term, the form its set came from: 0 for the word itself, `k` for `loose[k - 1]`.
    pub(super) forms: Vec<u8>,
    /// Per term, how many articles its set holds.
    pub(super) counts: Vec<usize>,
    /// Per term, the hits its set was made of, in no order (some may be out of range).
    members: Vec<Vec<TextHit>>,
}

impl Resolved {
    pub(super) fn score(&self, slot: usize, index: usize) -> f32 {
        self.sets
            .get(slot)
            .and_then(|s| s.get(index))
            .copied()
            .unwrap_or(0.0)
    }

    /// The articles of `within` (the corpus without it) in every one of the sets of `slots`,
    /// `None` when `slots` is empty: a query whose every match has those terms need test no
    /// other article. In the order of `within`, corpus order without it.
    /// The rarest set is walked first, so a rare word bounds the work whatever its place
    /// in the query.
    pub(super) fn intersection(
        &self,
        slots: &[usize],
        within: Option<&[usize]>,
    ) -> Option<Vec<usize>> {
        let mut slots: Vec<usize> = slots
            .iter()
            .copied()
            .filter(|&s| s < self.sets.len())
            .collect();
        slots.sort_by_key(|&s| self.counts[s]);
        slots.dedup();
        let in_all = |i: usize| slots.iter().all(|&s| self.score(s, i) > 0.0);
        let &rarest = slots.first()?;
        let few = |of: usize| self.counts[rarest].saturating_mul(16) < of;
        let n = self.sets[rarest].len();
        // A rare word: its own hits, sorted, rather than a walk over every article.
        let sparse = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
            let mut out: Vec<usize> = self.members[rarest]
                .iter()
                .map(|h| h.index as usize)
                .filter(|&i| in_all(i) && keep(i))
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        // In long pieces, each filtered on one thread: a parallel filter split down to
        // single items spends more on collecting than on testing.
        const PIECE: usize = 1 << 15;
        Some(match within {
            Some(c) if few(c.len()) && c.is_sorted() => sparse(&|i| c.binary_search(&i).is_ok()),
            Some(c) => c
                .par_iter()
                .with_min_len(PIECE)
                .copied()
                .filter(|&i| in_all(i))
                .collect(),
            None if few(n) => sparse(&|_| true),
            None => (0..n)
                .into_par_iter()
                .with_min_len(PIECE)
                .filter(|&i| in_all(i))
                .collect(),
        })
    }
}

/// Which form each word term of a query matched with in one search: the word itself, or,
/// when no article held it whole, the prefix or typo form the search widened to. The
/// display marks what matched: a word found whole marks only whole words, so a title word
/// that merely begins with it ("Asnawi" for `asn`) is not marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordForms {
    /// The query (as typed) the forms are for; another query reads them as all exact.
    source: String,
    /// The query was the search bar's while typing ([`super::typing`]): its terms' looser
    /// forms are not those of the same text confirmed.
    typing: bool,
    /// Per term slot, as in [`Resolved::forms`].
    used: Vec<u8>,
}

impl WordForms {
    pub(super) fn new(query: &super::Query, used: Vec<u8>) -> WordForms {
        WordForms {
            source: query.source().to_string(),
            typing: query.typed_word().is_some(),
            used,
        }
    }

    /// The loose form `term` of `query` matched with in the search for it; `None` when it
    /// matched as the word itself (or the forms are for another query).
    pub(super) fn loose<'t>(&self, query: &super::Query, term: &'t TextTerm) -> Option<&'t Word> {
        if self.source != query.source() || self.typing != query.typed_word().is_some() {
            return None;
        }
        let k = usize::from(*self.used.get(term.slot)?);
        match term.loose.get(k.checked_sub(1)?)? {
            TextQuery::Word(_, w) => Some(w),
            _ => None,
        }
    }
}

/// Where the articles for a scan come from, and when to give up.
pub(super) struct ScanScope<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) candidates: Option<&'a [usize]>,
    pub(super) cancel: Option<&'a (dyn Fn() -> bool + Sync)>,
}

/// Resolves each term (in slot order) through `index`, or by scanning. A term's looser forms
/// are asked only while its stricter ones find nothing; what the index cannot answer is
/// scanned in one pass, every body read once for all of them.
pub(super) fn resolve(
    terms: &[&TextTerm],
    index: Option<&dyn TextIndex>,
    scope: &ScanScope<'_>,
) -> Resolved {
    let mut laps = super::phases::Laps::start();
    let n = scope.corpus.len();
    let in_range = |hits: &[TextHit]| hits.iter().any(|h| (h.index as usize) < n);
    // Per term, the answer to each of its forms, strictest first; `None` where the index
    // could not answer (that form and the looser ones are scanned).
    let mut answers: Vec<Vec<Option<Vec<TextHit>>>> = Vec::with_capacity(terms.len());
    let mut to_scan: Vec<&TextQuery> = Vec::new();
    for term in terms {
        let mut forms = Vec::new();
        let mut scanning = false;
        for q in std::iter::once(&term.exact).chain(&term.loose) {
            let answer = if scanning {
                None
            } else {
                index.and_then(|i| i.find(q))
            };
            match answer {
                Some(hits) => {
                    let found = in_range(&hits);
                    forms.push(Some(hits));
                    if found {
                        break;
                    }
                }
                None => {
                    scanning = true;
                    to_scan.push(q);
                    forms.push(None);
                }
            }
        }
        answers.push(forms);
    }
    laps.lap("index lookups");
    let mut scanned = scan(&to_scan, scope).into_iter();
    laps.lap("scan");
    let mut out = Resolved::default();
    for (term, forms) in terms.iter().zip(answers) {
        let mut set = vec![0.0f32; n];
        // Every scanned form is taken in order, the ones after the form used too, so the next
        // term gets its own.
        let forms: Vec<Vec<TextHit>> = forms
            .into_iter()
            .map(|f| f.or_else(|| scanned.next()).unwrap_or_default())
            .collect();
        let mut used = 0;
        let mut count = 0;
        let mut members = Vec::new();
        for (form, hits) in forms.into_iter().enumerate() {
            if in_range(&hits) {
                used = u8::try_from(form).unwrap_or(u8::MAX);
                for h in &hits {
                    if let Some(slot) = set.get_mut(h.index as usize) {
                        count += usize::from(*slot == 0.0);
                        *slot = h.score.max(f32::MIN_POSITIVE);
                    }
                }
                members = hits;
                break;
            }
        }
        debug_assert_eq!(out.sets.len(), term.slot);
        out.sets.push(set);
        out.forms.push(used);
        out.counts.push(count);
        out.members.push(members);
    }
    laps.lap("score sets");
    out
}

/// The title boost: a word in the title says more about what an article is about than one in
/// its body, and titles are short, so one title hit outweighs a few body mentions.
pub(super) const TITLE_WEIGHT: f32 = 3.0;

/// The articles of `scope` matching each of `queries`, with a BM25-like score from term
/// frequencies (no document frequencies: every article in a scan answers the same question,
/// so only the order within one query matters). One pass: each title and body is read and
/// folded once for all the queries.
pub(super) fn scan(queries: &[&TextQuery], scope: &ScanScope<'_>) -> Vec<Vec<TextHit>> {
    if queries.is_empty() {
        return Vec::new();
    }
    let matchers: Vec<Matcher> = queries.iter().map(|q| Matcher::new(q)).collect();
    let (in_title, in_body) = matchers.iter().fold((false, false), |(t, b), m| {
        let (mt, mb) = m.fields();
        (t || mt, b || mb)
    });
    let stop = AtomicBool::new(false);
    let check = |index: usize| -> Option<(u32, Vec<f32>)> {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        if scope.cancel.is_some_and(|c| c()) {
            stop.store(true, Ordering::Relaxed);
            return None;
        }
        let meta = scope.corpus.metas().get(index)?;
        let title = if in_title {
            fold(&meta.title)
        } else {
            String::new()
        };
        let body: Vec<String> = if in_body {
            // An unreadable body is searched as an empty one: `body:x` fails, `!body:x` holds.
            scope
                .corpus
                .body(index)
                .map(|b| b.body.iter().map(|p| fold(p)).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let scores: Vec<f32> = matchers
            .iter()
            .map(|m| m.score_text(&title, &body))
            .collect();
        scores
            .iter()
            .any(|&s| s > 0.0)
            .then_some((u32::try_from(index).ok()?, scores))
    };
    let found: Vec<(u32, Vec<f32>)> = match scope.candidates {
        Some(c) => c.par_iter().filter_map(|&i| check(i)).collect(),
        None => (0..scope.corpus.len())
            .into_par_iter()
            .filter_map(check)
            .collect(),
    };
    let mut out: Vec<Vec<TextHit>> = vec![Vec::new(); queries.len()];
    for (index, scores) in found {
        for (hits, score) in out.iter_mut().zip(scores) {
            if score > 0.0 {
                hits.push(TextHit { index, score });
            }
        }
    }
    out
}

/// Saturating term frequency, as BM25 weighs it (k1 = 1.2).
fn saturate(tf: usize) -> f32 {
    let tf = tf as f32;
    tf * 2.2 / (tf + 1.2)
}

/// A [`TextQuery`] compiled for scanning text.
enum Matcher {
    Phrase(Field, Phrase),
    /// A word matched loosely (as a prefix or with typos).
    Loose(Field, Word),
    AnyOf(Vec<Matcher>),
    /// Matches when any part does, scored as the sum of the parts that do.
    Sum(Vec<Matcher>),
    Nothing,
}

impl Matcher {
    fn new(q: &TextQuery) -> Matcher {
        match q {
            TextQuery::Word(f, w) if w.prefix || w.edits > 0 => {
                let loose = Matcher::Loose(*f, w.clone());
                if w.stems.is_empty() {
                    return loose;
                }
                // As in the index: a prefix or typo word matches its affixed forms too
                // ("dikorupsi" for `korupsi` being typed), and an article holding the word
                // itself scores both ways.
                let plain = Word {
                    prefix: false,
                    edits: 0,
                    ..w.clone()
                };
                Matcher::Sum(vec![
                    phrase_matcher(*f, std::slice::from_ref(&plain)),
                    loose,
                ])
            }
            TextQuery::Word(f, w) => phrase_matcher(*f, std::slice::from_ref(w)),
            TextQuery::Phrase(f, words) => phrase_matcher(*f, words),
            TextQuery::AnyOf(parts) => Matcher::AnyOf(parts.iter().map(Matcher::new).collect()),
        }
    }

    fn fields(&self) -> (bool, bool) {
        match self {
            Matcher::Phrase(f, _) | Matcher::Loose(f, _) => (*f != Field::Body, *f != Field::Title),
            Matcher::AnyOf(parts) | Matcher::Sum(parts) => {
                parts.iter().fold((false, false), |(t, b), p| {
                    let (pt, pb) = p.fields();
                    (t || pt, b || pb)
                })
            }
            Matcher::Nothing => (false, false),
        }
    }

    fn score_text(&self, title: &str, body: &[String]) -> f32 {
        let (field, count): (Field, &dyn Fn(&str) -> usize) = match self {
            Matcher::Nothing => return 0.0,
            Matcher::AnyOf(parts) => {
                return parts
                    .iter()
                    .map(|p| p.score_text(title, body))
                    .fold(0.0, f32::max);
            }
            Matcher::Sum(parts) => return parts.iter().map(|p| p.score_text(title, body)).sum(),
            Matcher::Phrase(f, p) => (*f, &|t: &str| p.count_in(t)),
            Matcher::Loose(f, w) => (*f, &|t: &str| count_loose(t, w)),
        };
        let t = if field == Field::Body {
            0
        } else {
            count(title)
        };
        let b = if field == Field::Title {
            0
        } else {
            body.iter().map(|p| count(p)).sum()
        };
        let mut score = 0.0;
        if t > 0 {
            score += TITLE_WEIGHT * saturate(t);
        }
        if b > 0 {
            score += saturate(b);
        }
        score
    }
}

fn phrase_matcher(field: Field, words: &[Word]) -> Matcher {
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let literal = words.iter().all(|w| w.stems.is_empty());
    let phrase = if literal {
        Phrase::literal(&text)
    } else {
        Phrase::new(&text)
    };
    phrase.map_or(Matcher::Nothing, |p| Matcher::Phrase(field, p))
}

/// Words of folded `text` that `w` matches as a prefix or within its edits.
fn count_loose(text: &str, w: &Word) -> usize {
    folded_words(text)
        .filter(|(_, t)| loose_match(t, w))
        .count()
}

/// Whether folded text word `t` matches `w` as a prefix (when `w.prefix`) or within `w.edits`
/// edits, never changing the first letter.
pub(super) fn loose_match(t: &str, w: &Word) -> bool {
    if t == w.text || (w.prefix && t.starts_with(w.text.as_str())) {
        return true;
    }
    if w.edits == 0 || t.chars().next() != w.text.chars().next() {
        return false;
    }
    within_edits(&w.text, t, usize::from(w.edits))
}

/// Optimal-string-alignment distance (a transposition is one edit) of `a` and `b` is at
/// most `max`.
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Three rows of the dynamic programme: two back for transpositions.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, prefix: bool, edits: u8) -> Word {
        Word {
            prefix,
            edits,
            ..Word::new(text, false)
        }
    }

    #[test]
    fn edits_grow_with_length_and_never_touch_short_words_or_codes() {
        assert_eq!(edits_for("asn"), 0);
        assert_eq!(edits_for("bupa"), 0);
        assert_eq!(edits_for("camat"), 1);
        assert_eq!(edits_for("gubernur"), 1);
        assert_eq!(edits_for("kabupatenn"), 2);
        assert_eq!(edits_for("covid19"), 0);
    }

    #[test]
    fn loose_words_match_prefixes_and_typos_but_keep_the_first_letter() {
        assert!(loose_match("bupati", &w("bupa", true, 0)));
        assert!(!loose_match("bupati", &w("bupa", false, 0)));
        assert!(loose_match("bupati", &w("bupatti", false, 1)));
        assert!(
            loose_match("bupati", &w("buapti", false, 1)),
            "transposition"
        );
        assert!(!loose_match("bupati", &w("bpuatti", false, 1)));
        assert!(
            !loose_match("kupati", &w("bupati", false, 1)),
            "first letter"
        );
        assert!(loose_match("kabupaten", &w("kabupatne", false, 2)));
        assert!(!within_edits("abc", "xyz", 2));
        assert!(within_edits("", "ab", 2) && !within_edits("", "abc", 2));
    }
}
