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
//! or remove an entry (see [`Lexicon::from_config`]).
//!
//! # Stemmer
//! [`stem`] strips, in this order and only while at least [`MIN_ROOT`] letters remain:
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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::text::fold;

/// The shortest stem the stemmer leaves: stripping that would leave fewer letters is refused.
pub const MIN_ROOT: usize = 4;

/// Words that look affixed but are roots (or whose stripping would confuse them with a
/// frequent unrelated word).
const ROOTS: &[&str] = &[
    "bersama",
    "kediri",
    "kemudian",
    "kepada",
    "kepala",
    "melalui",
    "memang",
    "menteri",
    "menurut",
    "mereka",
    "pemalang",
    "pematang",
    "pemerintah",
    "pemilu",
    "pemkot",
    "pemprov",
    "pengaruh",
    "penjabat",
    "perdana",
    "perempuan",
    "perintah",
    "peroleh",
    "pertama",
    "terhadap",
    "terlalu",
    "tersebut",
];

/// Roots ending in "lah" (a word ending in one of them keeps it: `bersekolah`).
const LAH_ROOTS: &[&str] = &[
    "allah", "belah", "celah", "istilah", "jumlah", "kalah", "lelah", "masalah", "olah", "salah",
    "sekolah", "telah",
];

/// Roots ending in "nya".
const NYA_ROOTS: &[&str] = &["hanya", "punya", "tanya"];

/// Forms whose prefix is irregular (`be-` before `kerja`, `bel-`/`pel-` before `ajar`).
const IRREGULAR: &[(&str, &str)] = &[
    ("bekerja", "kerja"),
    ("belajar", "ajar"),
    ("pekerja", "kerja"),
    ("pelajar", "ajar"),
];

fn is_root(w: &str) -> bool {
    ROOTS.binary_search(&w).is_ok()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The primary stem of `word` (see the module docs for the rules). The word is folded first,
/// so `Diviralkan` and `diviralkan` give the same stem.
///
/// ```
/// use warta::lexicon::stem;
/// assert_eq!(stem("memviralkan"), "viral");
/// assert_eq!(stem("keviralan"), "viral");
/// assert_eq!(stem("bupati"), "bupati");
/// ```
pub fn stem(word: &str) -> String {
    let folded = fold(word);
    stems(&folded)
        .into_iter()
        .next()
        .map_or_else(String::new, Cow::into_owned)
}

/// Every candidate stem of an already folded word, the most likely first. Matching treats two
/// words as the same when their candidates intersect.
pub fn stems(word: &str) -> Vec<Cow<'_, str>> {
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    if word.len() < MIN_ROOT + 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) || is_root(word) {
        out.push(Cow::Borrowed(word));
        return out;
    }
    let mut w = word;
    if let Some(rest) = w.strip_suffix("lah")
        && rest.len() > MIN_ROOT
        && !LAH_ROOTS.iter().any(|r| w.ends_with(r))
    {
        w = rest;
    }
    if let Some(rest) = w.strip_suffix("nya")
        && rest.len() >= MIN_ROOT
        && !NYA_ROOTS.iter().any(|r| w.ends_with(r))
    {
        w = rest;
    }
    for suffix in ["kan", "an", "i"] {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        if base.len() < MIN_ROOT || is_root(w) {
            continue;
        }
        let (first, cands) = strip_prefixes(base);
        let allowed = match (suffix, first) {
            ("i", None | Some("ke" | "ber" | "pe")) => false,
            ("kan", None) => base.len() > MIN_ROOT,
            // pe-…-kan is no Indonesian confix: `pendidikan` is pen-didik-an, and reading it
            // as pen-didi-kan would make it match the name Didi.
            ("kan", Some("ke" | "pe")) => false,
            ("an", Some("di" | "me" | "ter")) => false,
            _ => true,
        };
        if allowed {
            push_unique(&mut out, cands);
        }
    }
    // The word without a derivational suffix is always a candidate: `bertahan` is ber-tahan,
    // not ber-tah-an.
    push_unique(&mut out, strip_prefixes(w).1);
    out
}

fn push_unique<'a>(out: &mut Vec<Cow<'a, str>>, cands: Vec<Cow<'a, str>>) {
    for c in cands {
        if !out.contains(&c) {
            out.push(c);
        }
    }
}

/// Candidates of `w` with up to two prefixes removed, and the name of the first prefix
/// removed (`None` when none was).
fn strip_prefixes(w: &str) -> (Option<&'static str>, Vec<Cow<'_, str>>) {
    if let Some(root) = irregular(w) {
        return (Some("be"), vec![Cow::Borrowed(root)]);
    }
    if is_root(w) {
        return (None, vec![Cow::Borrowed(w)]);
    }
    let Some((name, rests)) = first_prefix(w) else {
        return (None, vec![Cow::Borrowed(w)]);
    };
    let mut out = Vec::new();
    for rest in rests {
        let next = match &rest {
            Cow::Borrowed(r) => second_prefix(r, name).map(Cow::Borrowed),
            Cow::Owned(r) => second_prefix(r, name).map(|s| Cow::Owned(s.to_string())),
        };
        push_unique(&mut out, vec![next.unwrap_or(rest)]);
    }
    (Some(name), out)
}

fn irregular(w: &str) -> Option<&'static str> {
    IRREGULAR.iter().find(|(f, _)| *f == w).map(|(_, r)| *r)
}

/// A second prefix after the first (`memper-`, `diper-`, `keber-`, `berke-`), or an irregular
/// form (`mempelajari` → pelajar → ajar). `None` when nothing more comes off.
fn second_prefix<'a>(w: &'a str, first: &str) -> Option<&'a str> {
    if let Some(root) = irregular(w) {
        return Some(root);
    }
    if is_root(w) {
        return None;
    }
    ["per", "ber", "ter", "ke"]
        .into_iter()
        .filter(|p| *p != first)
        .find_map(|p| w.strip_prefix(p).filter(|r| r.len() >= MIN_ROOT))
}

/// The first prefix of `w`: its name and the candidate remainders (several when a nasal
/// prefix may have replaced the root's first letter).
fn first_prefix(w: &str) -> Option<(&'static str, Vec<Cow<'_, str>>)> {
    fn keep(v: Vec<Cow<'_, str>>) -> Vec<Cow<'_, str>> {
        v.into_iter().filter(|c| c.len() >= MIN_ROOT).collect()
    }
    let ok = |r: &str| r.len() >= MIN_ROOT;
    let restore = |c: char, r: &str| Cow::Owned(format!("{c}{r}"));
    // me- and pe- take the same nasal forms; "per-" is its own prefix.
    for (name, lead) in [("me", "me"), ("pe", "pe")] {
        let Some(r) = w.strip_prefix(lead) else {
            continue;
        };
        if name == "pe"
            && let Some(rest) = w.strip_prefix("per")
        {
            let v = keep(vec![Cow::Borrowed(rest)]);
            return (!v.is_empty()).then_some(("per", v));
        }
        let rb = r.as_bytes();
        let v: Vec<Cow<'_, str>> = if let Some(rest) = r.strip_prefix("ng") {
            match rest.as_bytes().first() {
                Some(&c) if is_vowel(c) => vec![restore('k', rest), Cow::Borrowed(rest)],
                Some(b'g' | b'h' | b'k') => vec![Cow::Borrowed(rest)],
                _ => Vec::new(),
            }
        } else if let Some(rest) = r.strip_prefix("ny") {
            match rest.as_bytes().first() {
                Some(&c) if is_vowel(c) => vec![restore('s', rest), Cow::Borrowed(r)],
                _ => Vec::new(),
            }
        } else if let Some(rest) = r.strip_prefix('m') {
            match rest.as_bytes().first() {
                Some(b'b' | b'f' | b'v' | b'p') => vec![Cow::Borrowed(rest)],
                Some(&c) if is_vowel(c) => {
                    vec![restore('p', rest), Cow::Borrowed(rest), Cow::Borrowed(r)]
                }
                _ => Vec::new(),
            }
        } else if let Some(rest) = r.strip_prefix('n') {
            match rest.as_bytes().first() {
                Some(b'c' | b'd' | b'j' | b't' | b's' | b'z') => vec![Cow::Borrowed(rest)],
                Some(&c) if is_vowel(c) => {
                    vec![restore('t', rest), Cow::Borrowed(rest), Cow::Borrowed(r)]
                }
                _ => Vec::new(),
            }
        } else if matches!(rb.first(), Some(b'l' | b'r' | b'w' | b'y')) {
            vec![Cow::Borrowed(r)]
        } else {
            Vec::new()
        };
        let v = keep(v);
        if !v.is_empty() {
            return Some((name, v));
        }
        return None;
    }
    for p in ["di", "ber", "ter", "ke"] {
        if let Some(rest) = w.strip_prefix(p)
            && ok(rest)
        {
            return Some((p, vec![Cow::Borrowed(rest)]));
        }
    }
    None
}

/// True for the characters words are made of; everything else separates words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The folded words of `text` joined by single spaces: the normal form of a lexicon term, so
/// "Kemenpan-RB", "kemenpan rb" and "KEMENPAN  RB" are one term.
pub fn normalize(text: &str) -> String {
    fold(text)
        .split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
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
        let Some((first, rest)) = self.words.split_first() else {
            return false;
        };
        for probe in &first.probes {
            let mut last_start = usize::MAX;
            for hit in memchr::memmem::find_iter(text.as_bytes(), probe.as_bytes()) {
                // memmem positions are char boundaries: both sides are valid UTF-8.
                let (start, end) = word_around(text, hit, hit + probe.len());
                if start == last_start {
                    continue;
                }
                last_start = start;
                if first.matches(&text[start..end]) && rest_follows(text, end, rest) {
                    return true;
                }
            }
        }
        false
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

/// Byte ranges in `text` (as written, not folded) of every occurrence of any of `phrases`,
/// sorted and merged: for highlighting. Each match covers whole words.
pub fn find_phrases(text: &str, phrases: &[Phrase]) -> Vec<Range<usize>> {
    if phrases.is_empty() {
        return Vec::new();
    }
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

/// One entry of the synonym table: a key term, the terms that mean the same, and narrower
/// terms that a search for the key (or its synonyms) also finds, one way.
struct Entry {
    same: Vec<String>,
    includes: Vec<String>,
}

/// The built-in synonym groups, keyed by their first term. Chosen from what the monitoring
/// corpora actually write: civil-service, regional-government and police abbreviations, and
/// social-media words.
const DEFAULT_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "asn",
        &["pns", "aparatur sipil negara", "pegawai negeri sipil"],
    ),
    (
        "pppk",
        &["p3k", "pegawai pemerintah dengan perjanjian kerja"],
    ),
    ("honorer", &["tenaga honorer"]),
    ("medsos", &["media sosial"]),
    ("warganet", &["netizen"]),
    ("hoaks", &["hoax", "berita bohong"]),
    ("live", &["siaran langsung", "live streaming"]),
    ("tiktok", &["tik tok"]),
    ("ig", &["instagram"]),
    ("fb", &["facebook"]),
    ("flexing", &["pamer kemewahan", "pamer harta"]),
    ("ujaran kebencian", &["hate speech"]),
    ("pemda", &["pemerintah daerah"]),
    ("pemkab", &["pemerintah kabupaten"]),
    ("pemkot", &["pemerintah kota"]),
    ("pemprov", &["pemerintah provinsi"]),
    ("opd", &["organisasi perangkat daerah"]),
    ("sekda", &["sekretaris daerah"]),
    ("wali kota", &["walikota", "walkot"]),
    ("wabup", &["wakil bupati"]),
    ("wawali", &["wakil wali kota", "wakil walikota"]),
    ("wagub", &["wakil gubernur"]),
    ("kades", &["kepala desa"]),
    ("kabag", &["kepala bagian"]),
    ("prokopim", &["protokol dan komunikasi pimpinan"]),
    (
        "bkpsdm",
        &[
            "bkd",
            "bkpsdmd",
            "badan kepegawaian daerah",
            "badan kepegawaian dan pengembangan sumber daya manusia",
        ],
    ),
    ("bkn", &["badan kepegawaian negara"]),
    ("kasn", &["komisi aparatur sipil negara"]),
    ("inspektorat", &["itda", "inspektorat daerah"]),
    ("dprd", &["dewan perwakilan rakyat daerah"]),
    ("satpol pp", &["satpol", "satuan polisi pamong praja"]),
    ("polres", &["polresta", "kepolisian resor"]),
    ("polda", &["kepolisian daerah"]),
    ("polsek", &["kepolisian sektor"]),
    ("polri", &["kepolisian negara republik indonesia"]),
    ("kpk", &["komisi pemberantasan korupsi"]),
    ("tipikor", &["tindak pidana korupsi"]),
    ("kejari", &["kejaksaan negeri"]),
    ("kejati", &["kejaksaan tinggi"]),
    ("kemendagri", &["kementerian dalam negeri"]),
    ("mendagri", &["menteri dalam negeri"]),
    (
        "kemenpan rb",
        &[
            "kemenpanrb",
            "kemenpan",
            "kementerian pendayagunaan aparatur negara dan reformasi birokrasi",
        ],
    ),
    (
        "menpan rb",
        &[
            "menpanrb",
            "menpan",
            "menteri pendayagunaan aparatur negara dan reformasi birokrasi",
        ],
    ),
    ("kominfo", &["kementerian komunikasi dan informatika"]),
    ("diskominfo", &["dinas komunikasi dan informatika"]),
    ("dinkes", &["dinas kesehatan"]),
    ("disdik", &["dinas pendidikan"]),
    ("bpbd", &["badan penanggulangan bencana daerah"]),
    ("rsud", &["rumah sakit umum daerah"]),
    ("apbd", &["anggaran pendapatan dan belanja daerah"]),
    ("pj", &["penjabat"]),
    ("plt", &["pelaksana tugas"]),
    ("plh", &["pelaksana harian"]),
    ("pilkada", &["pemilihan kepala daerah"]),
    ("pemilu", &["pemilihan umum"]),
    ("kpu", &["komisi pemilihan umum"]),
    (
        "bawaslu",
        &["badan pengawas pemilu", "badan pengawas pemilihan umum"],
    ),
    ("hukuman disiplin", &["sanksi disiplin"]),
];

/// One-way entries: the key (with its synonyms) also finds these narrower terms.
const DEFAULT_INCLUDES: &[(&str, &[&str])] = &[
    ("kepala daerah", &["bupati", "wali kota", "gubernur"]),
    ("wakil kepala daerah", &["wabup", "wawali", "wagub"]),
    ("pemda", &["pemkab", "pemkot", "pemprov"]),
    ("kepolisian", &["polri", "polda", "polres", "polsek"]),
    ("sanksi", &["hukuman disiplin"]),
];

/// The built-in topics: named keyword sets highlighted in the detail pane and usable as
/// `topic:NAME`.
const DEFAULT_TOPICS: &[(&str, &[&str])] = &[
    (
        "disiplin",
        &[
            "sanksi",
            "teguran",
            "kode etik",
            "inspektorat",
            "bkpsdm",
            "hukuman disiplin",
            "pecat",
        ],
    ),
    (
        "viral",
        &["viral", "medsos", "warganet", "trending", "live"],
    ),
    (
        "korupsi",
        &[
            "korupsi",
            "kpk",
            "suap",
            "gratifikasi",
            "pungli",
            "pungutan liar",
        ],
    ),
];

/// The synonym table and topics search uses. [`Lexicon::default`] is the built-in Indonesian
/// table; [`Lexicon::from_config`] merges a config file's tables over it.
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
        Lexicon::build(default_entries(), default_topics())
    }
}

fn default_entries() -> BTreeMap<String, Entry> {
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for (key, same) in DEFAULT_SYNONYMS {
        entries
            .entry(key.to_string())
            .or_insert_with(|| Entry {
                same: Vec::new(),
                includes: Vec::new(),
            })
            .same = same.iter().map(|s| s.to_string()).collect();
    }
    for (key, includes) in DEFAULT_INCLUDES {
        entries
            .entry(key.to_string())
            .or_insert_with(|| Entry {
                same: Vec::new(),
                includes: Vec::new(),
            })
            .includes = includes.iter().map(|s| s.to_string()).collect();
    }
    entries
}

fn default_topics() -> BTreeMap<String, Vec<String>> {
    DEFAULT_TOPICS
        .iter()
        .map(|(name, words)| {
            (
                name.to_string(),
                words.iter().map(|w| w.to_string()).collect(),
            )
        })
        .collect()
}

/// A config value that should be a list of strings: the non-empty normalized terms, with a
/// warning for anything else.
fn string_list(value: &toml::Value, what: &str, warnings: &mut Vec<String>) -> Vec<String> {
    let Some(items) = value.as_array() else {
        warnings.push(format!(
            "{what}: expected a list of strings, e.g. [\"pns\", \"aparatur sipil negara\"]; ignored"
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_str().map(normalize) {
            Some(t) if !t.is_empty() => out.push(t),
            Some(_) => warnings.push(format!(
                "{what}: an entry has no letters or digits; ignored"
            )),
            None => warnings.push(format!("{what}: {item} is not a string; ignored")),
        }
    }
    out
}

impl Lexicon {
    /// The built-in table with a config file's `[synonyms]` and `[topics]` tables merged over
    /// it, and a message for every entry that was ignored (the caller adds the file name).
    ///
    /// `[synonyms]`: each key is a term. A list value gives terms that mean the same as the
    /// key (`asn = ["pns", "aparatur sipil negara"]`); a table value may give `same` and
    /// `includes`, the latter one-way (`"kepala daerah" = { includes = ["bupati"] }`). A key
    /// that is a built-in entry replaces it; an empty list removes it.
    ///
    /// `[topics]`: each key is a topic name and its value the keywords
    /// (`disiplin = ["sanksi", "teguran"]`); a built-in topic of the same name is replaced,
    /// and an empty list removes it.
    pub fn from_config(
        synonyms: Option<&toml::Table>,
        topics: Option<&toml::Table>,
    ) -> (Lexicon, Vec<String>) {
        let mut warnings = Vec::new();
        let mut entries = default_entries();
        for (key, value) in synonyms.into_iter().flatten() {
            let norm = normalize(key);
            let what = format!("[synonyms] {key:?}");
            if norm.is_empty() {
                warnings.push(format!(
                    "{what}: the term has no letters or digits; ignored"
                ));
                continue;
            }
            let entry = match value {
                toml::Value::Array(_) => Entry {
                    same: string_list(value, &what, &mut warnings),
                    includes: Vec::new(),
                },
                toml::Value::Table(t) => {
                    for k in t
                        .keys()
                        .filter(|k| !matches!(k.as_str(), "same" | "includes"))
                    {
                        warnings.push(format!(
                            "{what}: unknown key {k:?} (expected same or includes); ignored"
                        ));
                    }
                    let list = |name: &str, warnings: &mut Vec<String>| {
                        t.get(name).map_or_else(Vec::new, |v| {
                            string_list(v, &format!("{what}.{name}"), warnings)
                        })
                    };
                    Entry {
                        same: list("same", &mut warnings),
                        includes: list("includes", &mut warnings),
                    }
                }
                _ => {
                    warnings.push(format!(
                        "{what}: expected a list of terms or a table with same/includes; ignored"
                    ));
                    continue;
                }
            };
            if entry.same.is_empty() && entry.includes.is_empty() {
                entries.remove(&norm);
            } else {
                entries.insert(norm, entry);
            }
        }
        let mut topic_table = default_topics();
        for (name, value) in topics.into_iter().flatten() {
            let norm = normalize(name);
            let what = format!("[topics] {name:?}");
            if norm.is_empty() {
                warnings.push(format!(
                    "{what}: the name has no letters or digits; ignored"
                ));
                continue;
            }
            if value.as_array().is_some_and(Vec::is_empty) {
                topic_table.remove(&norm);
                continue;
            }
            let words = string_list(value, &what, &mut warnings);
            if !words.is_empty() {
                topic_table.insert(norm, words);
            }
        }
        (Lexicon::build(entries, topic_table), warnings)
    }

    fn build(entries: BTreeMap<String, Entry>, topics: BTreeMap<String, Vec<String>>) -> Lexicon {
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
    fn exception_lists_are_sorted_for_binary_search() {
        assert!(ROOTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn strips_the_affixes_of_viral_and_friends() {
        for w in [
            "viral",
            "memviralkan",
            "diviralkan",
            "keviralan",
            "viralnya",
            "viralkan",
            "Diviralkan",
            "viralnyalah",
        ] {
            assert_eq!(stem(w), "viral", "{w}");
        }
        let cases = [
            ("bermedsos", "medsos"),
            ("menyampaikan", "sampai"),
            ("disampaikan", "sampai"),
            ("pelayanan", "layan"),
            ("kepolisian", "polisi"),
            ("kecamatan", "camat"),
            ("ditetapkan", "tetap"),
            ("diketahui", "tahu"),
            ("keberhasilan", "hasil"),
            ("memperkenalkan", "kenal"),
            ("diperkenalkan", "kenal"),
            ("pemberhentian", "henti"),
            ("pekerjaan", "kerja"),
            ("bekerja", "kerja"),
            ("mempelajari", "ajar"),
            ("pemerintahan", "pemerintah"),
            ("pegawainya", "pegawai"),
            ("terbuka", "buka"),
            ("menulis", "tulis"),
            ("memukul", "pukul"),
            ("dipecat", "pecat"),
            ("teguran", "tegur"),
        ];
        for (w, s) in cases {
            assert_eq!(stem(w), s, "{w}");
        }
        // Ambiguous forms keep every plausible reading, but not invalid confixes.
        assert!(stems("pendidikan").iter().any(|c| c == "didik"));
        assert!(!stems("pendidikan").iter().any(|c| c == "didi"));
        assert!(!stems("diperoleh").iter().any(|c| c == "oleh"));
        assert!(!stems("terlalu").iter().any(|c| c == "lalu"));
        assert!(!stems("pemalang").iter().any(|c| c == "malang"));
        assert!(stems("mengambil").iter().any(|c| c == "ambil"));
        assert!(stems("memiliki").iter().any(|c| c == "milik"));
        assert!(stems("bertahan").iter().any(|c| c == "tahan"));
    }

    #[test]
    fn leaves_roots_that_only_look_affixed_alone() {
        for w in [
            "bupati",
            "pegawai",
            "polisi",
            "sosial",
            "kinerja",
            "lubuklinggau",
            "berita",
            "pemerintah",
            "perintah",
            "kepala",
            "mereka",
            "menteri",
            "tersebut",
            "kepada",
            "masalah",
            "sekolah",
            "bersekolah",
            "hanya",
            "bukan",
            "ketua",
            "media",
            "medsos",
            "pemkab",
            "pemprov",
            "kabupaten",
            "makan",
            "2024an",
            "señor",
        ] {
            let folded = fold(w);
            let s = stem(w);
            assert!(
                s == folded || (w == "bersekolah" && s == "sekolah"),
                "{w} became {s}"
            );
        }
        // "makanan" is food, not "maka" (therefore).
        assert!(!stems("makanan").iter().any(|c| c == "maka"));
        assert!(stems("makanan").iter().any(|c| c == "makan"));
        assert_eq!(stem(""), "");
    }

    #[test]
    fn stems_never_shorter_than_the_minimum_unless_the_word_is() {
        for w in [
            "dia", "diam", "dinas", "berat", "terus", "perlu", "kelas", "menu",
        ] {
            assert_eq!(stem(w), w);
        }
    }

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

    fn table(text: &str) -> toml::Table {
        text.parse().unwrap()
    }

    #[test]
    fn config_adds_replaces_and_removes_entries() {
        let syn = table(
            r#"
            asn = ["abdi negara", "pns"]
            medsos = []
            puskesmas = ["pusat kesehatan masyarakat"]
            "kepala daerah" = { includes = ["bupati"] }
            pns = ["aparatur negara"]
            "#,
        );
        let (lex, warnings) = Lexicon::from_config(Some(&syn), None);
        assert!(warnings.is_empty(), "{warnings:?}");
        let asn = lex.expand("asn");
        assert!(asn.contains(&"abdi negara".to_string()));
        // Replaced: the built-in long forms are gone; merged with the pns entry.
        assert!(!asn.contains(&"aparatur sipil negara".to_string()));
        assert!(asn.contains(&"aparatur negara".to_string()));
        assert_eq!(lex.expand("medsos"), ["medsos"]);
        assert!(
            lex.expand("Puskesmas")
                .contains(&"pusat kesehatan masyarakat".to_string())
        );
        let kd = lex.expand("kepala daerah");
        assert!(kd.contains(&"bupati".to_string()) && !kd.contains(&"gubernur".to_string()));
        // Untouched built-ins stay.
        assert!(
            lex.expand("pemkab")
                .contains(&"pemerintah kabupaten".to_string())
        );
    }

    #[test]
    fn config_problems_become_warnings() {
        let syn = table(
            r#"
            "..." = ["x"]
            asn = "pns"
            pns = ["ok", 3, "..."]
            x = { same = ["y"], extra = 1 }
            z = 5
            "#,
        );
        let topics = table(
            r#"
            disiplin = ["teguran"]
            viral = []
            banjir = "air"
            "" = ["x"]
            "#,
        );
        let (lex, warnings) = Lexicon::from_config(Some(&syn), Some(&topics));
        let all = warnings.join("\n");
        assert_eq!(warnings.len(), 8, "{all}");
        assert!(
            all.contains("[topics] \"\": the name has no letters"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"...\": the term has no letters"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"asn\": expected a list of terms"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"pns\": 3 is not a string"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"pns\": an entry has no letters"),
            "{all}"
        );
        assert!(all.contains("unknown key \"extra\""), "{all}");
        assert!(
            all.contains("[synonyms] \"z\": expected a list of terms or a table"),
            "{all}"
        );
        assert!(
            all.contains("[topics] \"banjir\": expected a list"),
            "{all}"
        );
        assert!(lex.expand("pns").contains(&"ok".to_string()));
        assert!(lex.expand("x").contains(&"y".to_string()));
        assert_eq!(lex.topic("disiplin").unwrap(), ["teguran"]);
        assert!(lex.topic("viral").is_none());
        assert_eq!(lex.topic_names(), ["disiplin", "korupsi"]);
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
