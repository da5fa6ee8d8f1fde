//! Precision and recall of plain single-word queries over a corpus, shared by
//! `examples/eval_search.rs` (which prints the table) and `tests/it/eval_search.rs` (which
//! asserts the thresholds). Both include this file with `#[path]`.
//!
//! The truth for a word is computed apart from the query engine: the articles whose folded
//! title or body paragraphs contain, as whole words, the word, one of its affixed forms or one
//! of its synonyms (the built-in lexicon's expansion). Stem-aware whole-word matching is
//! [`Phrase::is_in`], the same matcher `body:` terms and topics use; the search under test is
//! [`query::search`] with the parsed word and the default scope, as the browser runs it.
//!
//! An engine that answers words with that same stemmer and lexicon scores perfectly by
//! construction, whatever the stemmer makes of a word (`camat` finds "kecamatan"). So a
//! second truth, free of the stemmer, is checked too: the articles holding the word or a
//! synonym exactly as written (whole words, after folding). Every one of those must be
//! found whatever the engine's affix rules are.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::lexicon::{Lexicon, Phrase};
use warta::loader::{self, Input, LoadOptions};
use warta::query::{self, Query, Scope, Sort};
use warta::text::fold;

/// Common words of local-government and social-media monitoring.
pub const WORDS: [&str; 20] = [
    "asn", "pns", "bupati", "viral", "tiktok", "medsos", "flexing", "korupsi", "banjir", "pemkab",
    "camat", "gubernur", "polisi", "sekda", "kades", "disiplin", "pungli", "demo", "jalan",
    "bantuan",
];

/// The targets for every word.
pub const MIN_PRECISION: f64 = 0.95;
pub const MIN_RECALL: f64 = 0.9;

/// The corpora the evaluation runs on, relative to the shared corpora folder: (name, path).
pub const CORPORA: [(&str, &str); 2] = [
    ("detik2025", "detik2025"),
    ("clickid2019.jsonl", "clickid2019.jsonl"),
];

/// The shared corpora folder beside the repository (`../shared/corpora` from the manifest
/// directory), when it is there.
pub fn shared_corpora(manifest_dir: &Path) -> Option<PathBuf> {
    let dir = manifest_dir.parent()?.join("shared").join("corpora");
    dir.is_dir().then_some(dir)
}

/// Loads `path` (a folder or a file) with the crate's loader, without a cache.
pub fn load(path: &Path) -> Corpus {
    loader::load(&[Input::Path(path.to_path_buf())], &LoadOptions::default()).corpus
}

/// Each article's folded title and body paragraphs, folded once for every word.
pub struct Folded {
    texts: Vec<Vec<String>>,
}

impl Folded {
    pub fn new(corpus: &Corpus) -> Folded {
        let texts = (0..corpus.len())
            .into_par_iter()
            .map(|i| {
                let mut parts = vec![fold(&corpus.meta(i).title)];
                // An unreadable body counts as empty: the search cannot see it either.
                if let Ok(body) = corpus.body(i) {
                    parts.extend(body.body.iter().map(|p| fold(p)));
                }
                parts
            })
            .collect();
        Folded { texts }
    }

    /// The articles containing `word`, an affixed form or a synonym as whole words.
    pub fn truth(&self, word: &str, lexicon: &Lexicon) -> HashSet<usize> {
        self.containing(word, lexicon, Phrase::new)
    }

    /// The articles containing `word` or a synonym as written, as whole words.
    pub fn as_written(&self, word: &str, lexicon: &Lexicon) -> HashSet<usize> {
        self.containing(word, lexicon, Phrase::literal)
    }

    fn containing(
        &self,
        word: &str,
        lexicon: &Lexicon,
        phrase: fn(&str) -> Option<Phrase>,
    ) -> HashSet<usize> {
        let phrases: Vec<Phrase> = lexicon
            .expand(word)
            .iter()
            .filter_map(|t| phrase(t))
            .collect();
        self.texts
            .par_iter()
            .enumerate()
            .filter(|(_, parts)| {
                parts
                    .iter()
                    .any(|text| phrases.iter().any(|p| p.is_in(text)))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// What the search found for `word`: every hit of the plain query, default scope.
pub fn found(corpus: &Corpus, word: &str) -> HashSet<usize> {
    let Ok(q) = Query::parse(word) else {
        return HashSet::new();
    };
    query::search(
        corpus,
        &q,
        &Filters::default(),
        Sort::DateDesc,
        Scope::default(),
    )
    .into_iter()
    .map(|h| h.index)
    .collect()
}

/// One word's counts.
#[derive(Debug, Clone)]
pub struct Score {
    pub word: String,
    /// Articles that should match.
    pub truth: usize,
    /// Articles the search returned.
    pub found: usize,
    /// Returned and should match.
    pub correct: usize,
    /// Articles holding the word or a synonym as written.
    pub written: usize,
    /// Of those, the ones returned.
    pub written_found: usize,
    /// Up to a few false positives and misses (corpus indices), for a closer look.
    pub false_hits: Vec<usize>,
    pub misses: Vec<usize>,
}

impl Score {
    /// Share of the returned articles that should match; 1 when nothing was returned.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    /// Share of the articles that should match that were returned; 1 when none should.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.truth)
    }

    /// Share of the articles holding the word as written that were returned.
    pub fn written_recall(&self) -> f64 {
        ratio(self.written_found, self.written)
    }

    pub fn passes(&self) -> bool {
        self.precision() >= MIN_PRECISION
            && self.recall() >= MIN_RECALL
            && self.written_recall() >= MIN_RECALL
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Scores every word of `words` on `corpus`, keeping up to `keep` examples of each error.
pub fn evaluate(corpus: &Corpus, words: &[&str], keep: usize) -> Vec<Score> {
    let folded = Folded::new(corpus);
    let lexicon = Lexicon::builtin();
    words
        .iter()
        .map(|&w| {
            let truth = folded.truth(w, lexicon);
            let written = folded.as_written(w, lexicon);
            let found = found(corpus, w);
            let mut false_hits: Vec<usize> = found.difference(&truth).copied().collect();
            let mut misses: Vec<usize> = truth.difference(&found).copied().collect();
            false_hits.sort_unstable();
            misses.sort_unstable();
            false_hits.truncate(keep);
            misses.truncate(keep);
            Score {
                word: w.to_string(),
                truth: truth.len(),
                found: found.len(),
                correct: found.intersection(&truth).count(),
                written: written.len(),
                written_found: found.intersection(&written).count(),
                false_hits,
                misses,
            }
        })
        .collect()
}

/// The scores as a Markdown table, with a closing line of totals (micro-averaged) and how
/// many words meet both targets.
pub fn table(corpus_name: &str, articles: usize, scores: &[Score]) -> String {
    let mut out = format!(
        "{corpus_name} ({articles} articles)\n\n\
         | word | truth | found | correct | precision | recall | as written | its recall | |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---|\n"
    );
    for s in scores {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.3} | {:.3} | {} | {:.3} | {} |",
            s.word,
            s.truth,
            s.found,
            s.correct,
            s.precision(),
            s.recall(),
            s.written,
            s.written_recall(),
            if s.passes() { "ok" } else { "MISS" }
        );
    }
    let total = Score {
        word: String::new(),
        truth: scores.iter().map(|s| s.truth).sum(),
        found: scores.iter().map(|s| s.found).sum(),
        correct: scores.iter().map(|s| s.correct).sum(),
        written: scores.iter().map(|s| s.written).sum(),
        written_found: scores.iter().map(|s| s.written_found).sum(),
        false_hits: Vec::new(),
        misses: Vec::new(),
    };
    let passing = scores.iter().filter(|s| s.passes()).count();
    let _ = writeln!(
        out,
        "| **all** | {} | {} | {} | {:.3} | {:.3} | {} | {:.3} | {passing}/{} ok |",
        total.truth,
        total.found,
        total.correct,
        total.precision(),
        total.recall(),
        total.written,
        total.written_recall(),
        scores.len()
    );
    out
}
