//! The light affix stemmer: see the module docs of [`crate::lexicon`] for its rules.

use std::borrow::Cow;

use crate::text::fold;

/// Bumped whenever the stemmer's rules or exception lists change what a word stems to: the
/// text index holds stems, and one built by another version is rebuilt.
pub const STEMMER_VERSION: u32 = 2;

/// The shortest stem the stemmer leaves: stripping that would leave fewer letters is refused.
pub const MIN_ROOT: usize = 4;

/// Words that look affixed but are roots (or whose stripping would confuse them with a
/// frequent unrelated word).
const ROOTS: &[&str] = &[
    "bersama",
    // Places, not what their root names: "Kecamatan Ilir Barat" is in the address of most
    // local stories, and `camat` (the official) must not find every one (clickid2019: 1,049
    // articles against 72 that name a camat).
    "kecamatan",
    "kediri",
    "kelurahan",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_lists_are_sorted_for_binary_search() {
        assert!(ROOTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn place_nouns_stay_whole() {
        assert_eq!(stem("kecamatan"), "kecamatan");
        assert_eq!(stem("kelurahan"), "kelurahan");
        assert_eq!(stem("camat"), "camat");
        assert!(!crate::lexicon::Phrase::new("camat").is_some_and(|p| p.is_in("kecamatan itu")));
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
}
