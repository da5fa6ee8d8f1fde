//! The words sites are named with (`Pikiran Rakyat`, `Radar Bogor`, `Murianews`,
//! `JATIMTIMES`): what makes a dateline's part an outlet rather than a place.

use super::{is_all_caps, lower};

/// Words that make an unmarked name an outlet rather than a place.
const MEDIA_WORDS: &[&str] = &[
    "media",
    "news",
    "pos",
    "post",
    "tv",
    "online",
    "times",
    "today",
    "indonesia",
    "radio",
    "berita",
    "kabar",
    "klik",
    "radar",
    "info",
    "pers",
    "ekspres",
    "express",
    "harian",
    "tribun",
    "antara",
    "detik",
    "kompas",
    "tempo",
    "okezone",
    "sindonews",
    "liputan6",
    "republika",
    "merdeka",
    "suara",
    "viva",
    "cnn",
    "jpnn",
    "kumparan",
    "sumeks",
    // The vocabulary regional outlets are named from (`Pikiran Rakyat`, `Radar Bogor`,
    // `Jurnal Metro`, `Warta Kota`, `Koran Jakarta`, `Bogor Daily`, `Banten Network`).
    "rakyat",
    "radar",
    "jurnal",
    "koran",
    "warta",
    "daily",
    "channel",
    "network",
    "portal",
    // News in brief and latest news (`Kilas Bengkulu`, `Lingga Terkini`).
    "kilas",
    "terkini",
];

pub(in crate::loader::parse) fn is_media_named(part: &str) -> bool {
    lower(part)
        .split([' ', '.'])
        .any(|w| MEDIA_WORDS.contains(&w.trim_end_matches(|c: char| c.is_ascii_digit())))
        || (!part.contains([' ', '.']) && media_compound(part, false))
}

/// Media words a regional site glues to a place or a word to make its one-word name, at
/// its end (`Murianews`, `JATIMTIMES`, `IDXChannel`) or its start (`Kabarminang`,
/// `Infonegeri`, `VOICESULSEL`). Short or place-like affixes (`pos`: Poso; `tv`) are left
/// out: no place of the gazetteer is built this way.
const MEDIA_SUFFIXES: &[&str] = &[
    "news", "times", "channel", "online", "today", "daily", "network", "portal", "post", "ekspres",
    "express", "xpress",
];
const MEDIA_PREFIXES: &[&str] = &[
    "kabar", "info", "berita", "warta", "radar", "media", "voice", "jurnal", "portal", "suara",
    "klik", "lensa", "kilas",
];
/// Letters a compound's other part has at least (`IDX` in `IDXChannel`).
const COMPOUND_REST: usize = 3;

/// Whether one word is a site's name made of a media word and another part. Words start
/// with a media word too (`Informasi`, `Wartawan`, `Kabarnya`, `Jurnalis`): a media word
/// first counts only with its other part capitalised (`InfoNegeri`, `VOICESULSEL`), unless
/// `loose` (the word stands beside a known place in a dateline, `Infonegeri, BENGKULU -`).
pub(in crate::loader::parse) fn media_compound(word: &str, loose: bool) -> bool {
    let low = lower(word);
    if !low.chars().all(char::is_alphanumeric) || crate::regions::is_place_name(word) {
        return false;
    }
    let long = |r: &str| r.chars().count() >= COMPOUND_REST;
    let suffixed = MEDIA_SUFFIXES
        .iter()
        .any(|m| low.strip_suffix(m).is_some_and(long));
    // A media word and a place's name run together (`Lensapapua`, `Klikbanggai`) is a
    // site's name in any case: no word is built so.
    let prefixed = MEDIA_PREFIXES.iter().any(|m| {
        low.strip_prefix(m).is_some_and(|r| {
            long(r)
                && (loose
                    || is_all_caps(word)
                    || word
                        .get(m.len()..)
                        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
                    || crate::regions::is_place_name(r)
                    || crate::regions::is_province_name(r))
        })
    });
    // A place and a paper's word run together (`batampos`, `Sumutpos`); `pos` alone ends
    // words too (`kompos`).
    let paper = PLACE_SUFFIXES.iter().any(|m| {
        low.strip_suffix(m)
            .is_some_and(|r| long(r) && crate::regions::is_place_name(r))
    });
    suffixed || prefixed || paper
}

/// Media words that make a site's name only after a place's (`batampos`).
const PLACE_SUFFIXES: &[&str] = &["pos", "terkini", "kita"];
