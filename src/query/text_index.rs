//! What the search asks of a full-text index, and nothing of how one is built: the query side
//! ([`search`](fn@super::search)) resolves its word, phrase and synonym terms through a
//! [`TextIndex`] when one is given and can answer, and scans titles and bodies itself when not
//! (no index yet, or one still being built).
//!
//! The matching rules are those of [`crate::lexicon::Phrase`], so an index and the scan agree
//! on every article:
//! - text is folded ([`crate::text::fold`]: lower case, no diacritics) and split into words,
//!   maximal runs of alphanumeric characters; a word's position counts words from 0 in its
//!   field;
//! - a stem-aware query word matches a text word when their candidate stems
//!   ([`crate::lexicon::stems`]) intersect, so an index holds, at each position, every
//!   candidate stem of the word there, and looks a query word up as the OR of its own
//!   candidates;
//! - a literal word matches the folded word exactly;
//! - a prefix word matches every folded text word starting with it (typing `bupa` finds
//!   "bupati"), and also as a stem-aware word;
//! - a word with `edits > 0` also matches folded text words within that many Levenshtein edits
//!   (a transposition counts as one), never changing the first letter.

/// Where a word is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Body,
    /// The title or the body; the title weighs more in the score.
    Any,
}

/// One folded query word and how loosely it matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Folded, a single word (no separators).
    pub text: String,
    /// Its candidate stems ([`crate::lexicon::stems`]); empty for a literal word, which
    /// matches only itself.
    pub stems: Vec<String>,
    /// Words starting with `text` match too: the last word of a query being typed.
    pub prefix: bool,
    /// Typo tolerance: 0, 1 or 2 edits.
    pub edits: u8,
}

impl Word {
    /// A folded word matched as itself only: stem-aware (with its candidate stems) unless
    /// `literal`, no prefix, no typos.
    pub fn new(text: &str, literal: bool) -> Word {
        Word {
            text: text.to_string(),
            stems: if literal {
                Vec::new()
            } else {
                crate::lexicon::stems(text)
                    .into_iter()
                    .map(|s| s.into_owned())
                    .collect()
            },
            prefix: false,
            edits: 0,
        }
    }

    /// Whether this word matches folded text word `t` as a prefix (when [`Word::prefix`]) or
    /// within its edits, as the search does: what the panes mark for a word that matched
    /// loosely.
    pub fn accepts(&self, t: &str) -> bool {
        super::words::loose_match(t, self)
    }
}

/// A question for the index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextQuery {
    /// Articles with the word in the field.
    Word(Field, Word),
    /// Articles with the words at consecutive positions, in order, in the field (a quoted
    /// phrase, or a synonym of several words such as "aparatur sipil negara").
    Phrase(Field, Vec<Word>),
    /// Articles matching any of these (a word and its synonyms, a topic's phrases); the score
    /// is the best of the parts that match.
    AnyOf(Vec<TextQuery>),
}

/// One matching article: its position in the corpus the index answers for, and its
/// relevance (BM25 over title and body, the title boosted; higher is better, always > 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextHit {
    pub index: u32,
    pub score: f32,
}

/// A full-text index answering for one corpus (the positions it returns are that corpus's).
pub trait TextIndex: Send + Sync {
    /// Every article matching `query`, in no particular order; `None` when the index cannot
    /// answer (it is still being built, or does not cover every article of the corpus), and
    /// the search scans instead.
    fn find(&self, query: &TextQuery) -> Option<Vec<TextHit>>;

    /// How far a build is, for the status line: `None` when the index is complete.
    fn building(&self) -> Option<BuildProgress> {
        None
    }
}

/// A build in progress: articles indexed so far out of the corpus's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildProgress {
    pub done: usize,
    pub total: usize,
}
