//! Credit lines that are not `Key: Name`: a byline printed inside the publication stamp
//! (`Ani Lestari | Rabu, 12 Oktober 2022 | 14:38`, `oleh Ani Lestari diperbarui …`), a desk
//! credit beside the outlet (`Redaksi Warta.com / Ani Lestari | WARTA.com`) and the credit
//! group that closes the last paragraph (`… katanya. (MS/Red)`, `(ANI LESTARI)`).

use crate::model::Date;

use super::date_words::is_calendar_word;
use super::dateline::{is_known_city, title_case};
use super::people;
use super::stamps;

/// A publication stamp: date, time in minutes when written, and whether it is an update's.
pub type Stamp = (Date, Option<u16>, bool);

/// Words that introduce the name in a stamped byline.
const BY_WORDS: &[&str] = &["oleh", "by", "penulis", "reporter"];
/// Time zones that close the time of a stamp.
const ZONES: &[&str] = &["wib", "wita", "wit"];
/// Share prompts some outlets print at the end of the stamp line.
const SHARE_WORDS: &[&str] = &["share", "bagikan"];

/// A word that may be part of a name in a stamp line: capitalised letters (`M.`, `Ani`),
/// not a word in capitals (`WIB`, `SLEMAN`), a weekday or a month.
fn name_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
        && (letters <= 1 || w.chars().any(char::is_lowercase))
        && !is_calendar_word(w)
}

/// `14:38`, `14.38`: a time of day.
fn is_clock(w: &str) -> bool {
    w.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// A stamp line that also names the writer (`Ani Lestari | Rabu, 12 Oktober 2022 | 14:38`,
/// `oleh Ani Lestari diperbarui 09 Sep 2021, 18:51 WIB`, `12 Maret 2020 17:37 WIB Ani
/// Lestari Sleman Share :`): the name, and the stamp the line is without it. A desk (a
/// place) or a share prompt after the name is left with the stamp.
pub fn stamped_byline(line: &str) -> Option<(String, Stamp)> {
    if line.len() > 120 {
        return None;
    }
    let offset = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize;
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        if !name_word(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && name_word(words[j]) {
            j += 1;
        }
        let mut end = j;
        while end > i
            && (is_known_city(words[end - 1])
                || SHARE_WORDS.contains(&words[end - 1].to_lowercase().as_str()))
        {
            end -= 1;
        }
        if (2..=4).contains(&(end - i)) {
            let (from, to) = (
                offset(words[i]),
                offset(words[end - 1]) + words[end - 1].len(),
            );
            let span = &line[from..to];
            let before = i.checked_sub(1).map(|k| words[k].to_lowercase());
            let by = before
                .as_deref()
                .is_some_and(|w| BY_WORDS.contains(&w.trim_end_matches(':')));
            // The name sits at a seam of the stamp: after `oleh`, a `|`, the time or its
            // zone, or first on the line before a `|`. A headline that merely ends in a date
            // (`Sinopsis Sinetron 'X' Tayang Senin, 22 April 2019`) has none.
            let anchored = by
                || before
                    .as_deref()
                    .is_some_and(|w| w == "|" || ZONES.contains(&w) || is_clock(w))
                || (i == 0 && words.get(end).is_some_and(|w| *w == "|"));
            let cut = if by { offset(words[i - 1]) } else { from };
            if anchored
                && !is_known_city(span)
                && !is_known_city(words[i])
                && let Some(name) = people::person(span)
                && let Some(st) = stamps::stamp(format!("{} {}", &line[..cut], &line[to..]).trim())
            {
                return Some((name, st));
            }
        }
        i = j;
    }
    None
}

/// `Redaksi Warta.com / Ani Lestari | WARTA.com` (the desk, the writer and the outlet) or
/// `Ani Lestari / Budi Santoso | WARTA.com` (writers, then the outlet after a pipe) in one
/// line. Returns the people; `None` unless the line is one of those two shapes, every other
/// part a person or an outlet's web name.
pub fn desk_credit(line: &str) -> Option<Vec<String>> {
    if line.len() > 100 {
        return None;
    }
    let parts: Vec<&str> = line
        .split(['/', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    // Writers first and the outlet's web name last, after a pipe (`Ani Lestari / Budi
    // Santoso | WARTA.com`): a byline. The other way round (`Warta.com / Ani`) is a photo's.
    let web = |p: &str| super::dateline::is_domain(p);
    // A place before the pipe is the dateline (`MEDAN | site.com`), not a writer.
    if let Some((writers, site)) = line.rsplit_once('|')
        && web(site.trim())
        && !writers.contains('|')
        && !super::dateline::is_known_city(writers.trim())
    {
        let names: Option<Vec<String>> = writers
            .split('/')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(people::person)
            .collect();
        if let Some(names) = names.filter(|n| !n.is_empty()) {
            return Some(names);
        }
    }
    let (mut desk, mut names) = (false, Vec::new());
    for part in parts {
        let low = part.to_lowercase();
        if low.starts_with("redaksi") || low.starts_with("tim redaksi") {
            desk = true;
        } else if web(part) {
            // The outlet's web name.
        } else {
            names.push(people::person(part)?);
        }
    }
    (desk && !names.is_empty()).then_some(names)
}

/// Service words in a closing credit group (`Red` = redaksi), which name nobody.
const SERVICE_WORDS: &[&str] = &[
    "red",
    "redaksi",
    "rls",
    "rilis",
    "adv",
    "advertorial",
    "ant",
    "antara",
    "*",
];

/// `(MS/Red)`, `.(Setyorini)`, `(adv/eth)`, `(ANI LESTARI)` at the very end of the last
/// paragraph: returns the byte offset where the credit starts and the person names in it
/// (service words, desk codes and units are not people).
pub fn trailing_credit(p: &str) -> Option<(usize, Vec<String>)> {
    // A full stop after the bracket closing a writer's one name (`… itu. (Hendra).`); not a
    // ticker's or a version's (`Tbk. (PGAS).`, `(Korean Ver.).`).
    let p = match p.strip_suffix(").") {
        Some(head)
            if head.rsplit_once('(').is_some_and(|(_, name)| {
                name.starts_with(|c: char| c.is_uppercase())
                    && name.chars().skip(1).all(char::is_lowercase)
                    && name.chars().count() >= 3
            }) =>
        {
            &p[..head.len() + 1]
        }
        _ => p,
    };
    // `(MS/Red)` or, in some outlets, `[MS]`.
    let (inner_end, open) = match p.strip_suffix(')') {
        Some(head) => (head.len(), head.rfind('(')?),
        None => {
            let head = p.strip_suffix(']')?;
            (head.len(), head.rfind('[')?)
        }
    };
    let inner = &p[open + 1..inner_end];
    // A writer's code may carry a digit (`(N1)`), alone and short.
    let coded = inner.chars().count() <= 4
        && inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner.chars().all(|c| c.is_ascii_alphanumeric());
    if inner.is_empty()
        || inner.chars().count() > 40
        || !(coded
            || inner
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '.' | ',' | '-' | '\'')))
    {
        return None;
    }
    let before = p[..open].trim_end();
    if !(before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')']))
    {
        return None;
    }
    let mut names = Vec::new();
    for (k, part) in inner
        .split(['/', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        // After the writer's name, a short code in capitals is an editor's mark
        // (`(MAHMUD/ROS/VEM)`); after a unit it is the writer's (`(IKP Kominfo/HK)`).
        if k > 0
            && !names.is_empty()
            && part.chars().count() <= 4
            && part.chars().all(|c| c.is_uppercase() || c == '.')
        {
            continue;
        }
        let low = part.to_lowercase();
        let first = part.chars().next().unwrap_or(' ');
        let words = part.split_whitespace().count();
        if SERVICE_WORDS.contains(&low.as_str()) || !first.is_uppercase() {
            // A desk code (`eth`) or a service word; a credit only if every part is one.
            if words > 1 {
                return None;
            }
            continue;
        }
        if words > 4 {
            return None;
        }
        // A writer's full name in capitals (`ANI LESTARI`) is a name; a unit or an outlet
        // (`Humas Pemkab`, `Warta.com`) credits the text but is nobody.
        let caps = words > 1 && !part.chars().any(char::is_lowercase);
        let part = if caps {
            title_case(part)
        } else {
            part.to_string()
        };
        names.extend(people::person(&part));
    }
    Some((open, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_stamps() {
        for (line, name, update) in [
            (
                "Ani Lestari | Rabu, 12 Oktober 2022 | 14:38",
                "Ani Lestari",
                false,
            ),
            (
                "oleh Budi Santoso diperbarui 09 Sep 2021, 18:51 WIB",
                "Budi Santoso",
                true,
            ),
            (
                "12 Maret 2020 17:37 WIB Citra Dewi Ayu Sleman Share :",
                "Citra Dewi Ayu",
                false,
            ),
        ] {
            let (n, st) = stamped_byline(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(n, name, "{line}");
            assert_eq!(st.2, update, "{line}");
        }
        for line in [
            "Rabu, 12 Oktober 2022 | 14:38",
            "Kota Jakarta Selatan | Rabu, 12 Oktober 2022 | 14:38",
            "Warga Desa Contoh menanam padi pada 12 Oktober 2022.",
            "Ani Lestari tiba di kota pada Rabu, 12 Oktober 2022 pukul 14.38",
            "Sinopsis Drama 'LANGIT BIRU' Tayang Senin, 22 April 2019",
        ] {
            assert_eq!(stamped_byline(line), None, "{line}");
        }
    }

    #[test]
    fn desk_credits() {
        assert_eq!(
            desk_credit("Redaksi Warta.com  /  Ani Lestari  | WARTA.com"),
            Some(vec!["Ani Lestari".to_string()])
        );
        // A photo credit names its photographer beside the outlet, with no desk.
        assert_eq!(desk_credit("Warta.com / Ani Lestari"), None);
        // Writers, then the outlet after a pipe: a byline.
        assert_eq!(
            desk_credit("Ani Lestari  /  Budi Santoso  | WARTA.com"),
            Some(vec!["Ani Lestari".to_string(), "Budi Santoso".to_string()])
        );
        assert_eq!(desk_credit("Redaksi Warta.com / Humas Pemkab"), None);
        // A place before the pipe is a dateline.
        assert_eq!(desk_credit("MEDAN | warta-kota.com"), None);
    }

    #[test]
    fn closing_groups() {
        let names = |p: &str| trailing_credit(p).map(|(_, n)| n);
        assert_eq!(
            names("Selesai. (ANI LESTARI)"),
            Some(vec!["Ani Lestari".into()])
        );
        assert_eq!(names("Selesai.(Setyorini)"), Some(vec!["Setyorini".into()]));
        // A capitalised desk code is the writer's mark; a lower-case one and a service word
        // name nobody.
        assert_eq!(names("Selesai. (Abd/Red)"), Some(vec!["Abd".into()]));
        assert_eq!(names("Selesai. [Fhr]"), Some(vec!["Fhr".into()]));
        assert_eq!(names("Selesai. (MS/Red)"), Some(vec!["MS".into()]));
        assert_eq!(names("Selesai. (ANI/ROS/VEM)"), Some(vec!["ANI".into()]));
        assert_eq!(names("Selesai. (eth/Red)"), Some(vec![]));
        assert_eq!(names("Selesai. (IKP DISKOMINFO)"), Some(vec![]));
        // A unit's name run into its region's.
        assert_eq!(names("Selesai. (Adv/DiskominfoKukar)"), Some(vec![]));
        assert_eq!(
            names("Selesai. (Humas/Hendra)"),
            Some(vec!["Hendra".into()])
        );
        assert_eq!(names("Komisi Pemberantasan Korupsi (KPK)"), None);
        // A full stop after the bracket; a code with a digit.
        assert_eq!(names("Selesai. (Hendra)."), Some(vec!["Hendra".into()]));
        assert_eq!(names("(N1)"), Some(vec![]));
        assert_eq!(names("Lihat tabel (2024)"), None);
    }
}
