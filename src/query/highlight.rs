//! What to highlight for a query: char positions in a title (mapped back through folding)
//! and the words to mark in the detail body.

use super::model::{Pred, Query};
use super::text_index::Word;
use super::words::{WordForms, loose_match};
use crate::lexicon::{find_phrases, find_words};
use crate::text::fold;

impl Query {
    /// Positions (char indices) in `title` to highlight for this query, sorted and unique.
    /// A word term marks what it matched with in the search that gave `forms`: itself (and
    /// its affixed forms and synonyms), or the words its prefix or typo form accepts when the
    /// search had to widen to one; the word being typed also the words it begins.
    pub fn title_highlights(&self, title: &str, forms: &WordForms) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut folded: Option<FoldedChars> = None;
        for term in self.terms().filter(|t| !t.negated) {
            match &term.pred {
                Pred::Text(t) => {
                    let found = match forms.loose(self, t) {
                        Some(w) => find_words(title, |word| loose_match(word, w)),
                        None => {
                            let mut found = find_phrases(title, &t.marks);
                            if let Some(w) = t.typed() {
                                found.extend(find_words(title, |word| loose_match(word, w)));
                            }
                            found
                        }
                    };
                    for r in &found {
                        let first = title[..r.start].chars().count();
                        out.extend(first..first + title[r.clone()].chars().count());
                    }
                }
                Pred::Fuzzy(p) => out.extend(p.indices(title, &mut folded)),
                Pred::Prefix(n) | Pred::Suffix(n) | Pred::Whole(n) => {
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

    /// Words to highlight in the detail body (from word, phrase, `body:`, `title:` and
    /// `topic:` terms and their synonyms), in query order without duplicates. A phrase
    /// ("aparatur sipil negara", `body:"jam kerja"`) is one entry.
    pub fn highlight_terms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for term in self.terms().filter(|t| !t.negated) {
            let words: Vec<String> = match &term.pred {
                Pred::Fuzzy(p) => vec![p.raw.clone()],
                Pred::Text(t) => t.marks.iter().map(|p| p.text().to_string()).collect(),
                _ => continue,
            };
            for word in words {
                if !word.is_empty() && !out.contains(&word) {
                    out.push(word);
                }
            }
        }
        out
    }
}

impl Query {
    /// The words that matched loosely in the search that gave `forms`, besides the whole
    /// words of [`Query::highlight_terms`]: a word no article used whole, as the prefix
    /// (`bupa`) or typo (`bupatti`) form the search widened to, and the word being typed as a
    /// prefix. The detail pane marks the text words each [`Word::accepts`], as the list does
    /// in titles.
    pub fn highlight_loose(&self, forms: &WordForms) -> Vec<Word> {
        let mut out: Vec<Word> = Vec::new();
        for term in self.terms().filter(|t| !t.negated) {
            if let Pred::Text(x) = &term.pred
                && let Some(w) = forms.loose(self, x).or_else(|| x.typed())
                && !out.contains(w)
            {
                out.push(w.clone());
            }
        }
        out
    }
}

/// A title folded char by char, remembering which original char each folded char came from,
/// so matches in folded text map back to highlight positions.
pub(super) struct FoldedChars {
    pub(super) text: String,
    /// For each char of `text`, the index of the original char.
    pub(super) origin: Vec<usize>,
}

impl FoldedChars {
    pub(super) fn new(title: &str) -> FoldedChars {
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
            _ => Vec::new(),
        };
        starts.into_iter().flat_map(|s| self.span(s, n)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::facets::Filters;
    use crate::query::testing::*;
    use crate::query::{Scope, Sort, matches};

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
        assert_eq!(sorted_ids(&c, "SENOR"), vec!["x"]);
        let q = Query::parse("~kfsnr").unwrap();
        assert_eq!(
            q.title_highlights("Kafé Señor di Bandung", &WordForms::default()),
            vec![0, 2, 5, 7, 9]
        );
        assert_eq!(sorted_ids(&c, "!'senor"), vec!["y"]);
        let q = Query::parse("'senor").unwrap();
        assert_eq!(
            q.title_highlights("Kafé Señor di Bandung", &WordForms::default()),
            vec![5, 6, 7, 8, 9]
        );
    }

    /// A word marks the form it matched with in the search: whole words when some article
    /// holds it whole, else the words its prefix or its typo form accepts.
    #[test]
    fn titles_mark_the_form_the_search_used() {
        let c = corpus();
        let marked = |q: &str, title: &str| -> String {
            let q = Query::parse(q).unwrap();
            let none = Filters::default();
            let (_, forms) = matches(&c, &q, &none, Sort::Relevance, Scope::default());
            let chars: Vec<char> = title.chars().collect();
            q.title_highlights(title, &forms)
                .iter()
                .map(|&i| chars[i])
                .collect()
        };
        let title = "Bupati bupatinya Bupatu karaoke karaokean Karang";
        // Held whole somewhere: whole words (and affixed forms) only.
        assert_eq!(marked("bupati", title), "Bupatibupatinya");
        assert_eq!(marked("karaoke", title), "karaokekaraokean");
        // Nobody holds "bupa" or "kar" whole: the words they begin.
        assert_eq!(marked("bupa", title), "BupatibupatinyaBupatu");
        assert_eq!(marked("kar", title), "karaokekaraokeanKarang");
        // A typo: the words within one edit ("bupatu" is two away), as the search matched them.
        assert_eq!(marked("bupatti", title), "Bupati");
        // Forms of another query are not used: whole words only.
        let q = Query::parse("kar").unwrap();
        let other = matches(
            &c,
            &Query::parse("bupa").unwrap(),
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        )
        .1;
        assert!(q.title_highlights(title, &other).is_empty());
    }

    #[test]
    fn highlights() {
        let q = Query::parse("'pemkab ^bantahan simalungun$ tim !soal outlet:pab").unwrap();
        let title = "Bantahan Pemkab Simalungun soal tim medsos";
        let h = q.title_highlights(title, &WordForms::default());
        let chars: Vec<char> = title.chars().collect();
        let lit: String = h.iter().map(|&i| chars[i]).collect();
        // Prefix "Bantahan" + exact "Pemkab" + fuzzy "tim"; the suffix does not match here.
        assert!(lit.starts_with("BantahanPemkab"), "{lit}");
        assert!(h.windows(2).all(|w| w[0] < w[1]));
        let q = Query::parse("'ab").unwrap();
        assert_eq!(
            q.title_highlights("Ab ab", &WordForms::default()),
            vec![0, 1, 3, 4]
        );
        assert_eq!(
            Query::parse("ka$")
                .unwrap()
                .title_highlights("kaka", &WordForms::default()),
            vec![2, 3]
        );
        let q = Query::parse("tiktok 'live !viral body:\"jam kerja\" outlet:x tiktok").unwrap();
        // Synonyms are highlighted too; the exact 'live is not expanded.
        assert_eq!(
            q.highlight_terms(),
            vec!["tiktok", "tik tok", "live", "jam kerja"]
        );
    }
}
