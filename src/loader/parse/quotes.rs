//! Quotations in `"..."` or `“...”` and their speakers (`"...," ujar Ratu Dewa`).

use crate::model::Quote;

/// Fewer words than this in quotes is a scare-quoted term (`"eksis"`), not a quotation.
const MIN_WORDS: usize = 4;

/// Speech verbs after a quotation, as roots; `-nya` forms (`ujarnya`) are pronouns.
const VERBS: &[&str] = &[
    "ujar",
    "kata",
    "tegas",
    "ungkap",
    "jelas",
    "sebut",
    "imbuh",
    "terang",
    "ucap",
    "tutur",
    "tambah",
    "pungkas",
    "papar",
    "tandas",
    "beber",
    "urai",
    "sambung",
    "kilah",
    "timpal",
    "lanjut",
    "tukas",
    "cetus",
    "seru",
    "aku",
    "bilang",
    "tanya",
    "pinta",
    "sergah",
    "tulis",
    "kenang",
    "klaim",
    "jawab",
    "balas",
    "sahut",
    "harap",
    "ajak",
    "kisah",
    "tanggap",
    "katakan",
    "tambahkan",
    "jelaskan",
    "ungkapkan",
    "tegaskan",
    "sebutkan",
    "terangkan",
];

/// Active speech verbs after a speaker who introduces a quotation or a paragraph
/// (`Kapolres AKBP Budi mengatakan, "..."`, `Tito menjelaskan ...`).
const INTRO_VERBS: &[&str] = &[
    "mengatakan",
    "menjelaskan",
    "menegaskan",
    "mengungkapkan",
    "menyebut",
    "menyebutkan",
    "menuturkan",
    "menambahkan",
    "menerangkan",
    "memaparkan",
    "mengaku",
    "menilai",
    "berkata",
    "bercerita",
    "menyampaikan",
    "mengimbau",
    "meminta",
    "menyatakan",
    "mengingatkan",
    "berharap",
    "membenarkan",
    "menekankan",
    "mengklaim",
    "menanggapi",
    "menduga",
];

const PRONOUNS: &[&str] = &["dia", "ia", "beliau", "mereka"];

/// Honorifics and lowercase particles allowed inside a speaker's name or title.
const NAME_PARTICLES: &[&str] = &[
    "bin", "binti", "van", "de", "der", "dr.", "h.", "hj.", "bicara", "al", "el",
];

/// Words that make a phrase a job title, after which a comma is followed by the holder's
/// name (`kata Kepala Dinas Kesehatan, Budi Santoso`).
const TITLE_WORDS: &[&str] = &[
    "kepala",
    "ketua",
    "wakil",
    "direktur",
    "dirut",
    "menteri",
    "sekretaris",
    "juru",
    "kasi",
    "kasat",
    "kabid",
    "kabag",
    "kasubag",
    "kasubbag",
    "kanit",
    "kapolres",
    "kapolda",
    "kapolsek",
    "kapolri",
    "kajari",
    "kajati",
    "camat",
    "lurah",
    "gubernur",
    "bupati",
    "wali",
    "walikota",
    "presiden",
    "pengamat",
    "ekonom",
    "koordinator",
    "komisioner",
    "anggota",
    "humas",
    "plt",
    "pj",
    "pjs",
    "kadis",
    "kadin",
    "dekan",
    "rektor",
    "jubir",
    "manajer",
    "pimpinan",
    "pelaksana",
    "panglima",
    "komandan",
    "dandim",
    "danrem",
    "pangdam",
    "kapendam",
    "sekjen",
    "dirjen",
    "deputi",
    "asisten",
    "staf",
    "kuasa",
    "hukum",
    "pakar",
    "peneliti",
    "analis",
    "founder",
    "ceo",
    "head",
    "general",
    "kabareskrim",
    "kadiv",
];

/// A speaker's name is at most this many words (titles and ranks included).
const MAX_NAME_WORDS: usize = 12;

/// How far after a closing quote the attribution is read, in bytes.
const ATTRIBUTION_BYTES: usize = 240;

/// The end of a window of at most `len` bytes from `start`, on a char boundary: found in
/// constant time, since a long line has a window per quotation.
pub(super) fn window_end(p: &str, start: usize, len: usize) -> usize {
    let mut end = start.saturating_add(len).min(p.len());
    while !p.is_char_boundary(end) {
        end -= 1;
    }
    end
}

const WEEKDAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
];

/// Who a speech verb points at.
enum Speaker {
    Named(String),
    Pronoun,
    Unknown,
}

fn clean_word(w: &str) -> &str {
    w.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201d}'])
}

/// Reads a name (title, rank and name) from the start of `words`: capitalised words and name
/// particles, across one comma after a job title. Returns the name's words.
fn read_name<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut name: Vec<&str> = Vec::new();
    let mut comma_used = false;
    for w in words.take(MAX_NAME_WORDS + 1) {
        let clean = clean_word(w);
        if clean.is_empty() {
            break;
        }
        let low = clean.to_lowercase();
        let first = clean.chars().next().unwrap_or(' ');
        let ok = first.is_uppercase()
            || (!name.is_empty() && NAME_PARTICLES.contains(&low.as_str()))
            || (first.is_ascii_digit() && !name.is_empty() && clean.len() <= 3);
        if !ok || name.len() >= MAX_NAME_WORDS {
            break;
        }
        if WEEKDAYS.contains(&low.as_str()) {
            break;
        }
        name.push(clean);
        if clean.len() != w.len() {
            // A comma after a job title leads to the holder's name; other punctuation (or a
            // comma after a name, `kata Jamiah, Jumat`) ends it.
            let is_title = name
                .iter()
                .any(|n| TITLE_WORDS.contains(&n.to_lowercase().as_str()));
            if w.ends_with(',') && !comma_used && is_title && !w.ends_with("),") {
                comma_used = true;
                continue;
            }
            break;
        }
    }
    // A weekday, or a title left without its name, is not the end of a name.
    while let Some(last) = name.last() {
        if WEEKDAYS.contains(&last.to_lowercase().as_str()) {
            name.pop();
        } else {
            break;
        }
    }
    name
}

/// `word` (letters only) reports speech: `kata`, `ujarnya`, `mengatakan`.
pub(super) fn is_speech_verb(word: &str) -> bool {
    if word.len() > 16 || word.is_empty() {
        return false;
    }
    let low = word.to_lowercase();
    let root = low.strip_suffix("nya").unwrap_or(&low);
    VERBS.contains(&root) || INTRO_VERBS.contains(&low.as_str())
}

/// Reads the speaker after a closing quote: `, ujar Ratu Dewa, Kamis` -> Named("Ratu Dewa").
fn speaker_after(after: &str) -> Speaker {
    let after = after.trim_start_matches([',', ' ', '.']);
    let mut words = after.split(' ').filter(|w| !w.is_empty());
    let Some(verb) = words.next() else {
        return Speaker::Unknown;
    };
    let verb = verb.trim_end_matches([',', '.', ';']).to_lowercase();
    let (root, nya) = match verb.strip_suffix("nya") {
        Some(r) => (r, true),
        None => (verb.as_str(), false),
    };
    if !VERBS.contains(&root) {
        return Speaker::Unknown;
    }
    if nya {
        return Speaker::Pronoun;
    }
    let mut words = words.peekable();
    if let Some(w) = words.peek()
        && PRONOUNS.contains(&clean_word(w).to_lowercase().as_str())
    {
        return Speaker::Pronoun;
    }
    let name = read_name(words);
    if name.is_empty() {
        Speaker::Unknown
    } else {
        Speaker::Named(name.join(" "))
    }
}

/// The speaker who introduces what follows: `<Name> mengatakan,` at the end of `before` (text
/// before an opening quote), or at the start of a paragraph (`Tito menjelaskan ...`).
/// `Menurut <Name>,` counts as well. Looks at a bounded number of words.
fn introducer(text: &str, at_end: bool) -> Option<String> {
    let words: Vec<&str> = if at_end {
        let mut v: Vec<&str> = text
            .split_whitespace()
            .rev()
            .take(MAX_NAME_WORDS + 2)
            .collect();
        v.reverse();
        v
    } else {
        text.split_whitespace().take(MAX_NAME_WORDS + 2).collect()
    };
    if !at_end
        && let Some(first) = words.first()
        && first.eq_ignore_ascii_case("menurut")
    {
        let name = read_name(words[1..].iter().copied());
        return (!name.is_empty()).then(|| name.join(" "));
    }
    // The verb: the last word (at_end) or the first speech verb after a capitalised run.
    let verb_at = if at_end {
        let last = words.len().checked_sub(1)?;
        let v = clean_word(words[last]).to_lowercase();
        INTRO_VERBS.contains(&v.as_str()).then_some(last)?
    } else {
        words
            .iter()
            .position(|w| INTRO_VERBS.contains(&clean_word(w).to_lowercase().as_str()))?
    };
    // The name runs back from the verb over capitalised words and particles.
    let mut start = verb_at;
    while start > 0 {
        let w = words[start - 1];
        let clean = clean_word(w);
        let first = clean.chars().next().unwrap_or(' ');
        let ok = clean.len() == w.len()
            && (first.is_uppercase() || NAME_PARTICLES.contains(&clean.to_lowercase().as_str()));
        if !ok {
            break;
        }
        start -= 1;
    }
    if !at_end && start != 0 {
        return None;
    }
    let name: Vec<&str> = words[start..verb_at].to_vec();
    let first_low = name.first()?.to_lowercase();
    // `Dia mengatakan`, `Namun ia ...`, sentence-initial connectives are not names.
    if PRONOUNS.contains(&first_low.as_str())
        || [
            "namun",
            "sementara",
            "selain",
            "kemudian",
            "lalu",
            "saat",
            "ketika",
            "pihaknya",
        ]
        .contains(&first_low.as_str())
    {
        return None;
    }
    Some(name.join(" "))
}

fn is_open(c: char) -> bool {
    matches!(c, '"' | '\u{201c}')
}

fn is_close(c: char) -> bool {
    matches!(c, '"' | '\u{201d}')
}

/// Quotations of every paragraph, in order. A pronoun speaker (`ujarnya`, `kata dia`) takes
/// the speaker of the previous named quotation in the same or the previous paragraph: a run of
/// quotes from one source is the common case, and farther back the referent is a guess.
pub fn extract(paras: &[String]) -> Vec<Quote> {
    let mut out = Vec::new();
    // (paragraph index, speaker) of the last named speaker.
    let mut last_named: Option<(usize, String)> = None;
    for (pi, p) in paras.iter().enumerate() {
        // A paragraph led by its speaker (`Tito menjelaskan ...`) makes them the referent of
        // a later `ujarnya`.
        if let Some(n) = introducer(p, false) {
            last_named = Some((pi, n));
        }
        let mut open: Option<usize> = None;
        let mut prev_close = 0;
        for (i, c) in p.char_indices() {
            match open {
                None if is_open(c) => open = Some(i + c.len_utf8()),
                Some(s) if is_close(c) => {
                    open = None;
                    let inner = p[s..i].trim().trim_end_matches([',', ' ']).trim();
                    if inner.split_whitespace().count() < MIN_WORDS {
                        prev_close = i + c.len_utf8();
                        continue;
                    }
                    let after_end = window_end(p, i + c.len_utf8(), ATTRIBUTION_BYTES);
                    let before = p[prev_close.min(s)..s]
                        .trim_end_matches(['"', '\u{201c}'])
                        .trim_end();
                    // Only the text since the previous quotation can introduce this one.
                    let before = before.trim_end_matches([',', ':']);
                    prev_close = i + c.len_utf8();
                    let speaker = match speaker_after(&p[i + c.len_utf8()..after_end]) {
                        Speaker::Named(n) => {
                            last_named = Some((pi, n.clone()));
                            Some(n)
                        }
                        other => {
                            if let Some(n) = introducer(before, true) {
                                last_named = Some((pi, n.clone()));
                                Some(n)
                            } else if matches!(other, Speaker::Pronoun) {
                                // A run of quotes from one source: the referent is the last
                                // named speaker a few paragraphs back at most.
                                let n = last_named
                                    .as_ref()
                                    .filter(|(lp, _)| pi - lp <= PRONOUN_REACH)
                                    .map(|(_, n)| n.clone());
                                if let Some(n) = &n {
                                    last_named = Some((pi, n.clone()));
                                }
                                n
                            } else {
                                None
                            }
                        }
                    };
                    out.push(Quote {
                        text: inner.to_string(),
                        speaker,
                    });
                }
                _ => {}
            }
        }
    }
    out
}

/// How many paragraphs back a pronoun (`ujarnya`) may find its referent.
const PRONOUN_REACH: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    fn q(paras: &[&str]) -> Vec<(String, Option<String>)> {
        let v: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        extract(&v)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    #[test]
    fn speakers() {
        let r = q(&[
            "\"Ternyata PNS SDN 165 sudah saya minta,\" ujar Ratu Dewa, Kamis (8/6/2023).",
            "\u{201c}Dari Mendagri kemarin berpesan jangan flexing \u{201d} tegas Bupati Arief.",
            "\"Sekarang sedang ujian jadi mereka,\" kata Jamiah",
            "\"Akan kita panggil dan dimintai keterangan,\" kata dia.",
            "\"Saya selaku kabag menyampaikan maaf,\" ujarnya saat dikonfirmasi.",
        ]);
        assert_eq!(
            r[0],
            (
                "Ternyata PNS SDN 165 sudah saya minta".into(),
                Some("Ratu Dewa".into())
            )
        );
        assert_eq!(r[1].1.as_deref(), Some("Bupati Arief"));
        assert_eq!(r[2].1.as_deref(), Some("Jamiah"));
        assert_eq!(r[3].1.as_deref(), Some("Jamiah"));
        assert_eq!(r[4].1.as_deref(), Some("Jamiah"));
    }

    #[test]
    fn pronoun_without_recent_name_is_unknown() {
        let r = q(&["\"Saya selaku kabag menyampaikan maaf,\" ujarnya, Minggu (22/6/2025)."]);
        assert_eq!(r[0].1, None);
        let r = q(&[
            "\"Satu dua tiga empat,\" kata Ani.",
            "x",
            "y",
            "z",
            "\"Lima enam tujuh delapan,\" katanya.",
        ]);
        assert_eq!(r[1].1, None);
    }

    #[test]
    fn titles_ranks_and_long_names() {
        let r = q(&[
            "\"Satu dua tiga empat,\" kata Kepala Dinas Pangan Kota Contoh, Budi Santoso, Senin.",
            "\"Satu dua tiga empat,\" ujar Kasi Humas Polres Contoh Barat AKP Made Budi Artana.",
            "\"Satu dua tiga empat,\" kata Juru bicara Lembaga Contoh Andi Wijaya.",
            "\"Satu dua tiga empat,\" kata Ani, Jumat (1/9/2025).",
            "\"Satu dua tiga empat,\" tukas Rudi kepada wartawan.",
        ]);
        let who: Vec<Option<&str>> = r.iter().map(|x| x.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Kepala Dinas Pangan Kota Contoh Budi Santoso"),
                Some("Kasi Humas Polres Contoh Barat AKP Made Budi Artana"),
                Some("Juru bicara Lembaga Contoh Andi Wijaya"),
                Some("Ani"),
                Some("Rudi"),
            ]
        );
    }

    #[test]
    fn speaker_before_the_quote_and_pronouns_further_back() {
        let r = q(&[
            "Kapolres Contoh AKBP Budi Santoso mengatakan, \"Satu dua tiga empat lima.\"",
            "Budi menjelaskan langkah itu sudah disiapkan.",
            "Langkah itu menurut rencana dimulai pekan depan.",
            "\"Enam tujuh delapan sembilan,\" jelasnya.",
            "Dia mengatakan, \"Sepuluh sebelas dua belas tiga belas.\"",
        ]);
        assert_eq!(r[0].1.as_deref(), Some("Kapolres Contoh AKBP Budi Santoso"));
        assert_eq!(r[1].1.as_deref(), Some("Budi"));
        assert_eq!(r[2].1, None);
    }

    #[test]
    fn skips_short_and_unclosed() {
        assert!(q(&["Melainkan hanya digunakan untuk \"eksis\"."]).is_empty());
        assert!(q(&["\"Kalimat tanpa penutup yang cukup panjang"]).is_empty());
        let r =
            q(&["\"Satu dua tiga empat.\" Lalu \"lima enam tujuh delapan,\" sebut staf Kominfo."]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].1, None);
    }
}
