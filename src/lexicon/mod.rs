//! Indonesian-aware matching: a synonym table (abbreviations and their long forms), a light
//! affix stemmer, and named keyword sets ("topics") that the query language and the detail
//! pane share.
//!
//! Everything here works on folded text ([`crate::text::fold`]: lower case, no diacritics).
//!
//! # Synonyms
//! A *group* is a set of terms that mean the same (`asn`, `pns`, `aparatur sipil negara`):
//! searching for any of them finds all. Groups that share a term are merged. A group may also
//! *include* narrower terms one way: `kepala daerah` includes `bupati`, `wali kota` and
//! `gubernur`, so a search for "kepala daerah" finds a bupati, but "bupati" does not find a
//! gubernur. The built-in table ([`Lexicon::default`]) is keyed so a config file can replace
//! or remove an entry (see the config (`config::lexicon_from_tables`)).
//!
//! # Stemmer
//! [`stem()`] strips, in this order and only while at least [`MIN_ROOT`] letters remain:
//! 1. the particle `-lah` (only when 5 letters remain and the word does not end in a root like
//!    `masalah`, `sekolah`, `salah`);
//! 2. the possessive `-nya` (not in `hanya`, `bertanya`, `punya`);
//! 3. one derivational suffix `-kan`, `-an` or `-i`, allowed only with a compatible prefix:
//!    `-i` needs a `me-`, `di-`, `per-` or `ter-` prefix (so `bupati`, `pegawai`, `polisi`
//!    keep their final i), `-kan` without a prefix needs 5 letters left (`viralkan` → viral
//!    but `makanan` is not "maka"), and the forbidden confixes `ke-…-i`, `ke-…-kan`, `pe-…-kan`, `ber-…-i`,
//!    `di-…-an`, `me-…-an`, `ter-…-an` are refused;
//! 4. up to two prefixes: `me-`/`pe-` with their nasal forms (`meng-`, `meny-`, `mem-`, `men-`,
//!    `peng-`, …, restoring the dropped k/p/s/t: `menulis` → tulis, `memukul` → pukul), `di-`,
//!    `ber-`, `ter-`, `per-`, `ke-`, then a second `per-`, `ber-`, `ter-` or `ke-`.
//!
//! Where the affix is ambiguous (`pendidikan` is pen-didik-an, not pen-didi-kan; `menulis` may
//! be me-tulis or men-ulis) a word has several candidate stems ([`stems`]); two words match when
//! their candidates share one. A short list of roots that look affixed (`pemerintah`, `mereka`,
//! `menteri`, `tersebut`, `kepada`) is never stripped, so they are not confused with
//! `perintah`, `reka`, `teri`, `sebut`, `pada`. Words with digits or non-ASCII letters are left
//! alone.

use std::collections::{BTreeMap, HashMap};

mod builtin;
mod phrase;
mod stem;

pub use phrase::{Phrase, find_phrases, find_words, folded_words, normalize};
pub use stem::{MIN_ROOT, STEMMER_VERSION, stem, stems};

/// One entry of the synonym table: a key term, the terms that mean the same, and narrower
/// terms that a search for the key (or its synonyms) also finds, one way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Synonyms {
    pub same: Vec<String>,
    pub includes: Vec<String>,
}

/// The synonym table and topics search uses. [`Lexicon::default`] is the built-in Indonesian
/// table; the config (`config::lexicon_from_tables`) merges a config file's tables over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexicon {
    /// Synonym groups of normalized terms, each in the order its terms were first seen.
    groups: Vec<Vec<String>>,
    /// Term → its group.
    group_of: HashMap<String, usize>,
    /// Group → the groups it includes one way.
    narrower: Vec<Vec<usize>>,
    /// Topic name (folded) → its keywords, normalized.
    topics: BTreeMap<String, Vec<String>>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::build(builtin::entries(), builtin::topics())
    }
}

impl Lexicon {
    /// The built-in synonym table, by key term, for a config to merge its own over.
    pub fn builtin_synonyms() -> BTreeMap<String, Synonyms> {
        builtin::entries()
    }

    /// The built-in topics, by name, for a config to merge its own over.
    pub fn builtin_topics() -> BTreeMap<String, Vec<String>> {
        builtin::topics()
    }

    /// A lexicon of these synonym entries (keyed by normalized term) and topics.
    pub fn build(
        entries: BTreeMap<String, Synonyms>,
        topics: BTreeMap<String, Vec<String>>,
    ) -> Lexicon {
        // Union-find over terms: groups sharing a term are one group.
        let mut terms: Vec<String> = Vec::new();
        let mut id: HashMap<String, usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut intern = |t: &str, terms: &mut Vec<String>, parent: &mut Vec<usize>| -> usize {
            let norm = normalize(t);
            *id.entry(norm.clone()).or_insert_with(|| {
                terms.push(norm);
                parent.push(parent.len());
                parent.len() - 1
            })
        };
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for (key, entry) in &entries {
            let k = intern(key, &mut terms, &mut parent);
            for s in &entry.same {
                let s = intern(s, &mut terms, &mut parent);
                let (a, b) = (find(&mut parent, k), find(&mut parent, s));
                if a != b {
                    parent[b.max(a)] = a.min(b);
                }
            }
            for n in &entry.includes {
                let n = intern(n, &mut terms, &mut parent);
                edges.push((k, n));
            }
        }
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut group_of_root: HashMap<usize, usize> = HashMap::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            let root = find(&mut parent, i);
            let g = *group_of_root.entry(root).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(term.clone());
            group_of.insert(term.clone(), g);
        }
        let mut narrower: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for (k, n) in edges {
            let (gk, gn) = (group_of[&terms[k]], group_of[&terms[n]]);
            if gk != gn && !narrower[gk].contains(&gn) {
                narrower[gk].push(gn);
            }
        }
        Lexicon {
            groups,
            group_of,
            narrower,
            topics,
        }
    }

    /// Every term a search for `term` should also find, `term` (normalized) first: its
    /// synonyms, then the narrower terms it includes (and theirs, transitively). A term the
    /// table does not know expands to itself.
    pub fn expand(&self, term: &str) -> Vec<String> {
        let norm = normalize(term);
        if norm.is_empty() {
            return Vec::new();
        }
        let mut out = vec![norm.clone()];
        let Some(&start) = self.group_of.get(&norm) else {
            return out;
        };
        let mut seen = vec![start];
        let mut queue = vec![start];
        while let Some(g) = queue.pop() {
            for t in &self.groups[g] {
                if !out.contains(t) {
                    out.push(t.clone());
                }
            }
            for &n in self.narrower[g].iter().rev() {
                if !seen.contains(&n) {
                    seen.push(n);
                    queue.push(n);
                }
            }
        }
        out
    }

    /// True when `term` is in the synonym table.
    pub fn knows(&self, term: &str) -> bool {
        self.group_of.contains_key(&normalize(term))
    }

    /// The synonym groups (normalized terms), for `warta` to list them.
    pub fn groups(&self) -> &[Vec<String>] {
        &self.groups
    }

    /// The topic names, sorted.
    pub fn topic_names(&self) -> Vec<&str> {
        self.topics.keys().map(String::as_str).collect()
    }

    /// A topic's keywords as configured (normalized), or `None` for an unknown name.
    pub fn topic(&self, name: &str) -> Option<&[String]> {
        self.topics.get(&normalize(name)).map(Vec::as_slice)
    }

    /// What `topic:NAME` matches: each keyword and its synonyms, stem-aware.
    pub fn topic_phrases(&self, name: &str) -> Option<Vec<Phrase>> {
        let words = self.topic(name)?;
        let mut out: Vec<Phrase> = Vec::new();
        for w in words {
            for t in self.expand(w) {
                if let Some(p) = Phrase::new(&t)
                    && !out.contains(&p)
                {
                    out.push(p);
                }
            }
        }
        Some(out)
    }

    /// The phrases of every topic, for highlighting in the detail pane.
    pub fn all_topic_phrases(&self) -> Vec<Phrase> {
        let mut out: Vec<Phrase> = Vec::new();
        for name in self.topics.keys() {
            for p in self.topic_phrases(name).unwrap_or_default() {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

impl Lexicon {
    /// The built-in table, shared: for callers that have no config.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::default);
        &BUILTIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_are_symmetric_and_broader_terms_one_way() {
        let lex = Lexicon::default();
        let asn = lex.expand("ASN");
        assert_eq!(asn[0], "asn");
        for t in ["pns", "aparatur sipil negara", "pegawai negeri sipil"] {
            assert!(asn.contains(&t.to_string()), "{t}");
            assert!(lex.expand(t).contains(&"asn".to_string()), "{t}");
        }
        let kd = lex.expand("kepala daerah");
        for t in ["bupati", "wali kota", "walikota", "gubernur"] {
            assert!(kd.contains(&t.to_string()), "{t}");
        }
        assert!(!lex.expand("bupati").contains(&"gubernur".to_string()));
        assert!(!lex.expand("bupati").contains(&"kepala daerah".to_string()));
        // Narrower terms of narrower terms: pemda includes pemkab, whose long form comes too.
        assert!(
            lex.expand("pemerintah daerah")
                .contains(&"pemerintah kabupaten".to_string())
        );
        assert_eq!(lex.expand("banjir"), ["banjir"]);
        assert!(lex.expand("...").is_empty());
        assert!(lex.knows("Kemenpan-RB") && !lex.knows("banjir"));
        assert!(
            lex.groups()
                .iter()
                .any(|g| g.contains(&"medsos".to_string()))
        );
    }

    #[test]
    fn topics_expand_their_keywords() {
        let lex = Lexicon::default();
        let phrases = lex.topic_phrases("Disiplin").unwrap();
        let texts: Vec<&str> = phrases.iter().map(Phrase::text).collect();
        for t in ["teguran", "kode etik", "bkpsdm", "badan kepegawaian daerah"] {
            assert!(texts.contains(&t), "{t}: {texts:?}");
        }
        assert!(phrases.iter().any(|p| p.is_in("ia ditegur atasannya")));
        assert!(lex.topic_phrases("cuaca").is_none());
        assert!(!lex.all_topic_phrases().is_empty());
    }
}
