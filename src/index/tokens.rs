//! The two tokenizers the index registers: both fold a text ([`crate::text::fold`]) and split
//! it into words ([`crate::lexicon::folded_words`], the split every matcher uses), exactly as
//! [`crate::lexicon::Phrase`] reads text, so a word's position is its count of words before
//! it. The raw one emits each folded word; the stem one emits, at each position, every
//! candidate stem of the word there ([`crate::lexicon::stems`]).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::lexicon::{folded_words, stems};
use crate::text::fold;

pub(super) const RAW: &str = "warta_raw";
pub(super) const STEM: &str = "warta_stem";

/// One folded word per token.
#[derive(Clone, Default)]
pub(super) struct RawTokenizer;

/// Every candidate stem of each folded word, all at the word's position.
#[derive(Clone, Default)]
pub(super) struct StemTokenizer;

/// The tokens of a text, computed at once: texts are a paragraph or a title, and a stream
/// that borrowed the folded text would have to own it anyway.
pub(super) struct Tokens {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

fn token(at: usize, len: usize, position: usize, text: String) -> Token {
    Token {
        offset_from: at,
        offset_to: at + len,
        position,
        text,
        position_length: 1,
    }
}

impl Tokenizer for RawTokenizer {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let folded = fold(text);
        let tokens = folded_words(&folded)
            .enumerate()
            .map(|(pos, (at, w))| token(at, w.len(), pos, w.to_string()))
            .collect();
        Tokens { tokens, next: 0 }
    }
}

impl Tokenizer for StemTokenizer {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let folded = fold(text);
        let mut tokens = Vec::new();
        for (pos, (at, w)) in folded_words(&folded).enumerate() {
            for s in stems(w) {
                tokens.push(token(at, w.len(), pos, s.into_owned()));
            }
        }
        Tokens { tokens, next: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(mut t: impl Tokenizer, text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut s = t.token_stream(text);
        while s.advance() {
            out.push((s.token().position, s.token().text.clone()));
        }
        out
    }

    #[test]
    fn words_are_folded_alphanumeric_runs_counted_from_zero() {
        assert_eq!(
            all(RawTokenizer, "Bupati  MÉMVIRALKAN-video, 2024!"),
            [
                (0, "bupati".to_string()),
                (1, "memviralkan".to_string()),
                (2, "video".to_string()),
                (3, "2024".to_string()),
            ]
        );
        assert!(all(RawTokenizer, " -- ").is_empty());
    }

    #[test]
    fn every_candidate_stem_shares_the_word_position() {
        let toks = all(StemTokenizer, "Diviralkan mengambil");
        assert_eq!(toks[0], (0, "viral".to_string()));
        let second: Vec<&str> = toks
            .iter()
            .filter(|(p, _)| *p == 1)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(second, stems("mengambil"));
        assert!(second.contains(&"ambil"));
    }
}
