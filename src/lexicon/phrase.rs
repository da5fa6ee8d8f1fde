//! Finding words and phrases in text as written: stem-aware or literal, whole words only,
//! ignoring case and diacritics.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::fold;

use super::stem::stems;

/// True for the characters words are made of; everything else separates words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of already folded text with their byte offsets, in order: how every matcher
/// (phrases, the text index's tokenizers, loose query words) splits text, so they agree.
pub fn folded_words(folded: &str) -> impl Iterator<Item = (usize, &str)> {
    folded
        .split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - folded.as_ptr() as usize, w))
}

/// The folded words of `text` joined by single spaces: the normal form of a lexicon term, so
/// "Kemenpan-RB", "kemenpan rb" and "KEMENPAN  RB" are one term.
pub fn normalize(text: &str) -> String {
    folded_words(&fold(text))
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One folded word of a [`Phrase`] and what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Needle {
    word: String,
    /// Candidate stems; empty for a literal word, which matches only itself.
    stems: Vec<String>,
    /// Substrings that every matching word contains, so a text is searched with memmem and
    /// only the words around a hit are stemmed.
    probes: Vec<String>,
}

impl Needle {
    fn new(word: &str, literal: bool) -> Needle {
        if literal {
            return Needle {
                word: word.to_string(),
                stems: Vec::new(),
                probes: vec![word.to_string()],
            };
        }
        let stems: Vec<String> = stems(word).into_iter().map(Cow::into_owned).collect();
        // A nasal prefix may have replaced the root's first letter (k, p, s or t: `menulis`
        // for tulis), so such a stem is only sure to appear without that letter.
        let mut probes: Vec<String> = stems
            .iter()
            .map(|s| match s.as_bytes() {
                [b'k' | b'p' | b's' | b't', _, ..] => s[1..].to_string(),
                _ => s.clone(),
            })
            .collect();
        probes.sort_by_key(String::len);
        let mut kept: Vec<String> = Vec::new();
        for p in probes {
            if !kept.iter().any(|k| p.contains(k.as_str())) {
                kept.push(p);
            }
        }
        Needle {
            word: word.to_string(),
            stems,
            probes: kept,
        }
    }

    /// Whether the folded word `w` matches: the same word, or a candidate stem in common.
    fn matches(&self, w: &str) -> bool {
        if w == self.word {
            return true;
        }
        if self.stems.is_empty() || !self.probes.iter().any(|p| w.contains(p.as_str())) {
            return false;
        }
        stems(w)
            .iter()
            .any(|c| self.stems.iter().any(|s| s == c.as_ref()))
    }
}

/// A word or a sequence of words to find in text: stem-aware ([`Phrase::new`]: `viral` finds
/// "diviralkan", `media sosial` finds "medianya sosial") or [`Phrase::literal`] (whole words
/// as written). Both ignore case and diacritics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    words: Vec<Needle>,
    text: String,
}

impl Phrase {
    /// A stem-aware phrase; `None` when `text` has no word (letters or digits).
    pub fn new(text: &str) -> Option<Phrase> {
        Phrase::build(text, false)
    }

    /// A phrase of whole words matched as written (after folding).
    pub fn literal(text: &str) -> Option<Phrase> {
        Phrase::build(text, true)
    }

    fn build(text: &str, literal: bool) -> Option<Phrase> {
        let text = normalize(text);
        let words: Vec<Needle> = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| Needle::new(w, literal))
            .collect();
        (!words.is_empty()).then_some(Phrase { words, text })
    }

    /// The phrase's normal form (folded words separated by spaces).
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_literal(&self) -> bool {
        self.words.iter().all(|w| w.stems.is_empty())
    }

    /// True when already folded `text` contains the phrase's words in order, separated only
    /// by non-word characters.
    pub fn is_in(&self, text: &str) -> bool {
        self.count_up_to(text, 1) > 0
    }

    /// How many times already folded `text` holds the phrase (occurrences starting at
    /// different words), for scoring.
    pub fn count_in(&self, text: &str) -> usize {
        self.count_up_to(text, usize::MAX)
    }

    fn count_up_to(&self, text: &str, limit: usize) -> usize {
        let Some((first, rest)) = self.words.split_first() else {
            return 0;
        };
        // Probes of one needle can hit the same word (a stem and its recoded form), so the
        // words already counted are remembered by their start.
        let mut seen: Vec<usize> = Vec::new();
        for probe in &first.probes {
            let mut last_start = usize::MAX;
            for hit in memchr::memmem::find_iter(text.as_bytes(), probe.as_bytes()) {
                // memmem positions are char boundaries: both sides are valid UTF-8.
                let (start, end) = word_around(text, hit, hit + probe.len());
                if start == last_start {
                    continue;
                }
                last_start = start;
                if !seen.contains(&start)
                    && first.matches(&text[start..end])
                    && rest_follows(text, end, rest)
                {
                    seen.push(start);
                    if seen.len() >= limit {
                        return seen.len();
                    }
                }
            }
        }
        seen.len()
    }
}

/// The whole word of `text` around the byte range `from..to`.
fn word_around(text: &str, from: usize, to: usize) -> (usize, usize) {
    let start = text[..from]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(from, |(i, _)| i);
    let end = text[to..]
        .find(|c: char| !is_word(c))
        .map_or(text.len(), |i| to + i);
    (start, end)
}

/// True when the words after byte `pos` of `text` match `rest` one by one.
fn rest_follows(text: &str, mut pos: usize, rest: &[Needle]) -> bool {
    for needle in rest {
        let Some(gap) = text[pos..].find(is_word) else {
            return false;
        };
        let start = pos + gap;
        let end = text[start..]
            .find(|c: char| !is_word(c))
            .map_or(text.len(), |i| start + i);
        if !needle.matches(&text[start..end]) {
            return false;
        }
        pos = end;
    }
    true
}

/// Byte ranges in `text` of the words whose folded form `wanted` accepts.
pub fn find_words(text: &str, wanted: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    words_of(text)
        .into_iter()
        .filter(|(_, w)| wanted(w))
        .map(|(r, _)| r)
        .collect()
}

/// The words of `text` as written: each one's byte range and folded form.
fn words_of(text: &str) -> Vec<(Range<usize>, String)> {
    let mut words: Vec<(Range<usize>, String)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s..i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Byte ranges in `text` (as written, not folded) of every occurrence of any of `phrases`,
/// sorted and merged: for highlighting. Each match covers whole words.
pub fn find_phrases(text: &str, phrases: &[Phrase]) -> Vec<Range<usize>> {
    if phrases.is_empty() {
        return Vec::new();
    }
    let words = words_of(text);
    let mut found: Vec<Range<usize>> = Vec::new();
    for phrase in phrases {
        let n = phrase.words.len();
        for (i, window) in words.windows(n).enumerate() {
            if window
                .iter()
                .zip(&phrase.words)
                .all(|((_, w), needle)| needle.matches(w))
            {
                found.push(words[i].0.start..words[i + n - 1].0.end);
            }
        }
    }
    crate::text::merge_ranges(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_inflections_as_whole_words() {
        let p = Phrase::new("viral").unwrap();
        assert!(p.is_in("video itu diviralkan warganet"));
        assert!(p.is_in("keviralan, kata dia"));
        assert!(!p.is_in("viralitas"));
        assert!(!p.is_in("nonviral"));
        let p = Phrase::new("media sosial").unwrap();
        assert!(p.is_in("viral di media sosial."));
        assert!(p.is_in("di medianya - sosial"));
        assert!(!p.is_in("media dan sosial"));
        assert!(!p.is_in("media"));
        // Recoded nasal prefixes: the probe misses the root's first letter.
        let p = Phrase::new("tulis").unwrap();
        assert!(p.is_in("ia menulis surat"));
        let lit = Phrase::literal("viral").unwrap();
        assert!(lit.is_literal() && lit.is_in("itu viral") && !lit.is_in("diviralkan"));
        assert!(Phrase::new(" ... ").is_none());
        assert_eq!(Phrase::new("Kemenpan-RB").unwrap().text(), "kemenpan rb");
    }

    #[test]
    fn finds_phrases_in_text_as_written() {
        let text = "Video DIVIRALKAN di Média Sosial; viral!";
        let found = find_phrases(
            text,
            &[
                Phrase::new("viral").unwrap(),
                Phrase::new("media sosial").unwrap(),
            ],
        );
        let parts: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["DIVIRALKAN", "Média Sosial", "viral"]);
        assert!(find_phrases(text, &[]).is_empty());
    }
}
