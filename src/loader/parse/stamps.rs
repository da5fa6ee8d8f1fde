//! Publication stamps: the line above a lede that gives the article's own date and time
//! (`Senin, 20 Okt 2025 14:30 WIB`, `Kompas.com - 20/10/2025, 14:30 WIB`, `Diperbarui …`,
//! `Oct 16, 2025 09:12`), told apart from a sentence that carries a date.

use crate::model::Date;

use super::date_words::{month_number, weekday_word};
use super::dates::{parse_time_loose, scan};

/// Words a publication stamp may carry besides its date and time (`Diperbarui 20 Okt 2025,
/// 14:30 WIB`, `Dipublikasikan: …`, `Terbit …`, `Published …`).
const STAMP_WORDS: &[&str] = &[
    "wib",
    "wita",
    "wit",
    "pukul",
    "jam",
    "diterbitkan",
    "dipublikasikan",
    "terbit",
    "tayang",
    "dibuat",
    "published",
    "posted",
    "tanggal",
    "tgl",
    "pada",
    "on",
    "at",
];
/// Stamp words of a later update rather than the first publication.
const UPDATE_WORDS: &[&str] = &[
    "diperbarui",
    "pembaruan",
    "update",
    "updated",
    "diupdate",
    "terakhir",
    "last",
];

/// Words of a view counter printed beside a stamp, and the units after its number.
const VIEW_WORDS: &[&str] = &["dilihat", "dibaca", "views", "viewed"];
const VIEW_UNITS: &[&str] = &["kali", "orang", "pengunjung", "pembaca", "views", "x"];

/// A line that is only the article's publication stamp: one date with its year, and at
/// most a weekday, a time with its zone, stamp words and two capitalised words (an outlet's
/// name), with no full stop at its end:
/// `Senin, 20 Okt 2025 14:30 WIB`, `Kompas.com - 20/10/2025, 14:30 WIB`, `Selasa, 21
/// Oktober 2025 | 10:15 WIB`. Outlets print it above the lede; scrapers keep it as a line
/// of its own. Returns the date, the time in minutes when written, and whether the stamp
/// says it is an update's.
pub fn stamp(line: &str) -> Option<(Date, Option<u16>, bool)> {
    if line.len() > 100 {
        return None;
    }
    whole_stamp(line).or_else(|| meta_row(line))
}

/// Keys of the fields a page's meta row sets beside its date (`Oleh : | 03 Februari 2026 |
/// Dibaca : 3 Pengunjung`).
const META_KEYS: &[&str] = &[
    "oleh", "dibaca", "dilihat", "views", "editor", "penulis", "reporter", "redaktur", "kategori",
];

/// A meta row of fields parted by pipes, one of them the stamp and the others keyed fields.
fn meta_row(line: &str) -> Option<(Date, Option<u16>, bool)> {
    if !line.contains('|') {
        return None;
    }
    let mut found = None;
    for field in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
        let key = field
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if META_KEYS.contains(&key.as_str()) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(whole_stamp(field)?);
    }
    found
}

/// A line that is one stamp as a whole.
fn whole_stamp(line: &str) -> Option<(Date, Option<u16>, bool)> {
    let found = scan(line);
    let (date, start, end) = match found.as_slice() {
        // `Rabu (10/4/2024)` alone is a sentence the scraper broke, not a stamp: the bracket
        // is the reporting clause's form.
        [f] if !(f.yearless || f.inconsistent || f.paren) => (f.date, f.start, f.end),
        [] => month_first(line).or_else(|| year_first(line))?,
        _ => return None,
    };
    let head = &line[..start];
    let tail = &line[end..];
    let mut update = false;
    let mut others = 0;
    let mut after_count = false;
    let mut words = head
        .split_whitespace()
        .chain(tail.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .peekable();
    let number = |w: &str| {
        w.bytes()
            .all(|c| c.is_ascii_digit() || c == b':' || c == b'.')
    };
    while let Some(w) = words.next() {
        if number(w) {
            after_count = true;
            continue;
        }
        let lower = w.to_ascii_lowercase();
        // A view counter beside the stamp (`Berita 20 Agustus 2024 Dilihat 255 Orang`): its
        // word before a count, its unit after one.
        let counted = after_count && VIEW_UNITS.contains(&lower.as_str());
        after_count = false;
        if counted
            || (VIEW_WORDS.contains(&lower.as_str()) && words.peek().is_some_and(|n| number(n)))
        {
            continue;
        }
        if weekday_word(lower.as_bytes(), lower.len()).is_some_and(|(s, _)| s == 0) {
            continue;
        }
        if UPDATE_WORDS.contains(&lower.as_str()) {
            update = true;
            continue;
        }
        if STAMP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        // Only a name may stand beside the stamp (`Kompas.com`, `CNN Indonesia`): a word in
        // lower case makes it a sentence (`Rapat digelar Jumat, 17 Oktober 2025`).
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        others += 1;
    }
    if others > 2 || line.trim_end().ends_with('.') {
        return None;
    }
    let time = parse_time_loose(&format!("x {}", tail.replace('|', " ")));
    Some((date, time, update))
}

/// A date written year first (`2023.10.09`, `2023-10-09`), as some content systems print
/// their stamps: the date and its byte range. Read only on a stamp line, like
/// [`month_first`].
fn year_first(line: &str) -> Option<(Date, usize, usize)> {
    let start = line.len() - line.trim_start().len();
    let token = line[start..].split_whitespace().next()?;
    let token = token.trim_end_matches(',');
    let sep = *token.as_bytes().get(4)?;
    if !matches!(sep, b'.' | b'-' | b'/') {
        return None;
    }
    let mut parts = token.split(sep as char);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some((date, start, start + token.len()))
}

/// A date written month first, as content systems set in English print their stamps
/// (`Oct 16, 2025`, `October 16 2025`): the date and its byte range. Running text never
/// writes it so, which is why only a stamp line is read for it.
fn month_first(line: &str) -> Option<(Date, usize, usize)> {
    // Byte offsets of the words, which are slices of `line`.
    let offset = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize;
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).find_map(|w| {
        let name = w[0].trim_end_matches('.');
        if name.len() < 3 || !name.bytes().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let month = month_number(name.as_bytes())?;
        let day: u8 = w[1].parse().ok()?;
        let year: u16 = (w[2].len() == 4).then(|| w[2].parse().ok())??;
        let date = Date::new(year, month, day)?;
        Some((date, offset(w[0]), offset(w[2]) + w[2].len()))
    })
}
