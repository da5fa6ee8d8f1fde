//! Quotations in `"..."` or `“...”` and their speakers (`"...," ujar Ratu Dewa`).

use crate::model::Quote;

/// Fewer words than this in quotes is a scare-quoted term (`"eksis"`), not a quotation.
const MIN_WORDS: usize = 4;

/// Speech verbs after a quotation, as roots; `-nya` forms (`ujarnya`) are pronouns.
const VERBS: &[&str] = &[
    "ujar", "kata", "tegas", "ungkap", "jelas", "sebut", "imbuh", "terang", "ucap", "tutur",
    "tambah", "pungkas", "papar", "tandas", "beber", "urai", "sambung", "kilah", "timpal",
    "lanjut",
];

const PRONOUNS: &[&str] = &["dia", "ia", "beliau", "mereka"];

/// Honorifics and lowercase particles allowed inside a speaker's name.
const NAME_PARTICLES: &[&str] = &["bin", "binti", "van", "de", "dr.", "h.", "hj."];

/// Who a speech verb points at.
enum Speaker {
    Named(String),
    Pronoun,
    Unknown,
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
    let mut name: Vec<&str> = Vec::new();
    for w in words.take(6) {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')']);
        let first = clean.chars().next().unwrap_or(' ');
        if name.is_empty() && PRONOUNS.contains(&clean.to_lowercase().as_str()) {
            return Speaker::Pronoun;
        }
        let ok = first.is_uppercase()
            || (!name.is_empty() && NAME_PARTICLES.contains(&clean.to_lowercase().as_str()));
        if !ok || clean.is_empty() {
            break;
        }
        name.push(clean);
        if clean.len() != w.len() {
            // Punctuation after the word ends the name (`kata Jamiah, Jumat ...`).
            break;
        }
    }
    // A weekday right after the verb is a date, not a speaker (`ujarnya, Rabu (...)`).
    while let Some(last) = name.last() {
        let l = last.to_lowercase();
        if [
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        ]
        .contains(&l.as_str())
        {
            name.pop();
        } else {
            break;
        }
    }
    if name.is_empty() {
        Speaker::Unknown
    } else {
        Speaker::Named(name.join(" "))
    }
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
    // (paragraph index, speaker) of the last named quotation.
    let mut last_named: Option<(usize, String)> = None;
    for (pi, p) in paras.iter().enumerate() {
        let mut open: Option<usize> = None;
        for (i, c) in p.char_indices() {
            match open {
                None if is_open(c) => open = Some(i + c.len_utf8()),
                Some(s) if is_close(c) => {
                    open = None;
                    let inner = p[s..i].trim().trim_end_matches([',', ' ']).trim();
                    if inner.split_whitespace().count() < MIN_WORDS {
                        continue;
                    }
                    let after_end = p[i + c.len_utf8()..]
                        .char_indices()
                        .nth(80)
                        .map_or(p.len(), |(k, _)| i + c.len_utf8() + k);
                    let speaker = match speaker_after(&p[i + c.len_utf8()..after_end]) {
                        Speaker::Named(n) => {
                            last_named = Some((pi, n.clone()));
                            Some(n)
                        }
                        Speaker::Pronoun => {
                            let n = last_named
                                .as_ref()
                                .filter(|(lp, _)| pi - lp <= 1)
                                .map(|(_, n)| n.clone());
                            // A resolved pronoun continues the run of quotes from that speaker.
                            if let Some(n) = &n {
                                last_named = Some((pi, n.clone()));
                            }
                            n
                        }
                        Speaker::Unknown => None,
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
            "\"Lima enam tujuh delapan,\" katanya.",
        ]);
        assert_eq!(r[1].1, None);
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
