//! The query as it is being typed in the browser's search bar. Its last plain word, the one
//! at the end with no space after it yet, also matches every word it begins, so each letter
//! narrows the list: `kor`, `koru`, `korup`, `korups`, `korupsi` each find the articles with
//! a word starting so, the articles using the word itself ranked first. Under the precise
//! rule of [`super::words`] the count jumps instead (a word nobody uses whole matches every
//! word it begins, the next letter may make it a word somebody uses, which matches only
//! itself), and a half-typed second word (`asn me`) empties the list.
//!
//! Once the query is confirmed (the search bar left), and always on the command line, the
//! precise rule holds, so counts, exports and the precision evaluation are those of the
//! words themselves. Quoted words, `'literal` words, field terms (`title:`, `body:` …),
//! negated words and `~fuzzy` are never widened.

use super::model::{Pred, Query};
use super::words::split_words;
use crate::lexicon::Lexicon;

impl Query {
    /// This query read while it is typed: its last plain word also matches the words it
    /// begins. Unchanged when the text ends with a space, or its last word is not a plain
    /// one (a field term, quoted, negated, `~fuzzy`, a closing parenthesis).
    pub fn while_typing(mut self, lexicon: &Lexicon) -> Query {
        let Some(word) = trailing_word(&self.source) else {
            return self;
        };
        let begun = begun_synonyms(&word, lexicon);
        for term in self.groups.iter_mut().flatten() {
            if let (false, Pred::Text(t)) = (term.negated, &mut term.pred) {
                t.widen(&word, &begun);
            }
        }
        self
    }

    /// The word matched as a prefix because it is still being typed
    /// ([`Query::while_typing`]); `None` for a confirmed query.
    pub fn typed_word(&self) -> Option<&str> {
        self.terms().find_map(|t| match &t.pred {
            Pred::Text(x) if !t.negated => x.typed().map(|w| w.text.as_str()),
            _ => None,
        })
    }
}

/// What searches for the words of `lexicon` that `word` begins would find through their
/// synonyms: typing `meds` already finds "media sosial", as `medsos` will, so the list does
/// not grow again when the word is complete (`asn meds` 2 articles, `asn medsos` 13 on a
/// real corpus). Only single words of the table count; the word itself expands as usual.
fn begun_synonyms(word: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in lexicon.groups().iter().flatten() {
        let one_word = term.chars().all(char::is_alphanumeric);
        if one_word && term.len() > word.len() && term.starts_with(word) {
            for t in lexicon.expand(term) {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// The folded word at the very end of `source` when it is written plainly (letters and digits
/// only, after a space, `|` or `(`), the one the cursor is still writing.
fn trailing_word(source: &str) -> Option<String> {
    let last = source
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '|' | '(' | ')'))
        .next()?;
    if last.is_empty() || !last.chars().all(char::is_alphanumeric) {
        return None;
    }
    match split_words(last).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::facets::Filters;
    use crate::query::testing::*;
    use crate::query::{Scope, Sort, matches, search};

    fn typing_ids(c: &Corpus, q: &str, typing: bool) -> Vec<String> {
        let mut query = Query::parse(q).expect("query parses");
        if typing {
            query = query.while_typing(Lexicon::builtin());
        }
        let mut ids: Vec<String> = search(
            c,
            &query,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        )
        .iter()
        .map(|h| c.meta(h.index).id.clone())
        .collect();
        ids.sort();
        ids
    }

    fn korup() -> Corpus {
        Corpus::from_articles(
            [
                A {
                    id: "whole",
                    title: "Pejabat korup ditangkap",
                    ..BLANK
                },
                A {
                    id: "longer",
                    title: "Kasus korupsi dana desa",
                    body: &["Ditemui Har di kantor."],
                    ..BLANK
                },
                A {
                    id: "affixed",
                    title: "Dana yang dikorupsi kembali",
                    ..BLANK
                },
                A {
                    id: "other",
                    title: "Koran pagi",
                    body: &["Berita medsos hari ini."],
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        )
    }

    #[test]
    fn the_word_being_typed_also_matches_the_words_it_begins() {
        let c = korup();
        // Typing: the whole word and every word it begins.
        assert_eq!(typing_ids(&c, "korup", true), ["longer", "whole"]);
        // Confirmed: "korup" is a word some article uses, so it matches only that.
        assert_eq!(typing_ids(&c, "korup", false), ["whole"]);
        // A typed word keeps its affixed forms: "dikorupsi" for `korupsi`.
        assert_eq!(typing_ids(&c, "korupsi", true), ["affixed", "longer"]);
        assert_eq!(typing_ids(&c, "korupsi", false), ["affixed", "longer"]);
        // The article with the word itself ranks above the one with a longer word.
        let q = Query::parse("korup")
            .unwrap()
            .while_typing(Lexicon::builtin());
        let hits = search(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        assert_eq!(c.meta(hits[0].index).id, "whole");
    }

    /// Each letter typed narrows the list or keeps it, where the precise rule jumps between
    /// a prefix's many matches and a word's few.
    #[test]
    fn typing_letter_by_letter_narrows() {
        let c = korup();
        let mut last = usize::MAX;
        let mut precise = Vec::new();
        for n in 1..="korupsi".len() {
            let q = &"korupsi"[..n];
            let now = typing_ids(&c, q, true).len();
            assert!(now <= last, "{q}: {now} after {last}");
            last = now;
            precise.push(typing_ids(&c, q, false).len());
        }
        assert_eq!(last, 2);
        // The precise rule does not narrow: "koru" 2, "korup" 1, "korups" 2.
        assert!(precise.windows(2).any(|w| w[1] > w[0]), "{precise:?}");
        // A half-typed second word narrows instead of emptying the list: "har" is a whole
        // word elsewhere, so confirmed it matches only that.
        assert_eq!(typing_ids(&c, "koran har", true), ["other"]);
        assert!(typing_ids(&c, "koran har", false).is_empty());
    }

    /// A word being typed finds what the words of the synonym table it begins find, so the
    /// list does not grow back when the word is complete.
    #[test]
    fn a_word_being_typed_finds_the_synonyms_of_the_words_it_begins() {
        let c = Corpus::from_articles(
            [
                A {
                    id: "short",
                    title: "ASN ramai di medsos",
                    ..BLANK
                },
                A {
                    id: "long",
                    title: "ASN ramai di media sosial",
                    ..BLANK
                },
                A {
                    id: "none",
                    title: "ASN rapat",
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        );
        let mut last = usize::MAX;
        for q in ["asn meds", "asn medso", "asn medsos"] {
            let now = typing_ids(&c, q, true);
            assert_eq!(now, ["long", "short"], "{q}");
            assert!(now.len() <= last);
            last = now.len();
        }
        // Confirmed, `meds` is only the start of "medsos" as written.
        assert_eq!(typing_ids(&c, "asn meds", false), ["short"]);
        // The synonym found is marked like the word.
        let q = Query::parse("asn meds")
            .unwrap()
            .while_typing(Lexicon::builtin());
        let (_, forms) = matches(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        );
        let title = "ASN ramai di media sosial";
        let marked: String = q
            .title_highlights(title, &forms)
            .iter()
            .map(|&i| title.chars().nth(i).unwrap_or('?'))
            .collect();
        assert_eq!(marked, "ASNmedia sosial");
    }

    #[test]
    fn only_the_last_plain_word_widens() {
        let typed = |q: &str| {
            Query::parse(q)
                .unwrap()
                .while_typing(Lexicon::builtin())
                .typed_word()
                .map(str::to_string)
        };
        assert_eq!(typed("asn me").as_deref(), Some("me"));
        assert_eq!(typed("asn|me").as_deref(), Some("me"));
        assert_eq!(typed("(asn | pns) Me").as_deref(), Some("me"));
        for q in [
            "asn me ",
            "me asn\u{a0}",
            "\"me\"",
            "'me",
            "!me",
            "~me",
            "^me",
            "me$",
            "title:me",
            "body:me",
            "topic:disiplin",
            "(asn | me)",
            "covid-19",
            "",
        ] {
            assert_eq!(typed(q), None, "{q:?}");
        }
        // Only the typed word: `me` earlier in the query stays whole.
        let q = Query::parse("me asn")
            .unwrap()
            .while_typing(Lexicon::builtin());
        assert_eq!(q.typed_word(), Some("asn"));
        let c = korup();
        assert!(typing_ids(&c, "korup koran", true).is_empty());
        assert!(Query::parse("korup").unwrap().typed_word().is_none());
    }

    /// The forms a typing search matched with are not read for the confirmed query of the
    /// same text, whose terms' looser forms differ.
    #[test]
    fn forms_of_the_typing_search_are_its_own() {
        let c = korup();
        let none = Filters::default();
        let typing = Query::parse("korupsii")
            .unwrap()
            .while_typing(Lexicon::builtin());
        let (hits, forms) = matches(&c, &typing, &none, Sort::Relevance, Scope::default());
        // Nothing begins with "korupsii": one typo finds "korupsi".
        assert_eq!(hits.len(), 1);
        assert_eq!(
            typing.title_highlights("Kasus korupsi dana", &forms),
            (6..13).collect::<Vec<_>>()
        );
        let confirmed = Query::parse("korupsii").unwrap();
        assert!(
            confirmed
                .title_highlights("Kasus korupsi dana", &forms)
                .is_empty()
        );
    }
}
