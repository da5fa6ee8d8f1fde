//! What the article says of its days beside its dates: a weekday named as tomorrow with no
//! date (`parade digelar Minggu besok`), a headline that puts its news today (`Timnas Main
//! Malam Ini`). `mod.rs` applies it to the dates `dates.rs` found.

use super::date_words::{TODAY_WORDS, month_number, weekday_word};

/// The alphabetic words of `b` (apostrophes kept, `Jum'at`), as byte ranges.
fn word_spans(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'') {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a date begins just after `end` (`Minggu besok (27/10)`, `besok Senin, 16
/// September`): then the date itself says it is tomorrow, which the scanner reads. A number
/// that starts no date (`Minggu besok, 3 ruas jalan ditutup`) is no date.
fn date_follows(b: &[u8], end: usize) -> bool {
    let mut i = end;
    while i < b.len() && matches!(b[i], b' ' | b',' | b'(') && i - end < 4 {
        i += 1;
    }
    let s = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == s || i - s > 2 {
        return false;
    }
    if b.get(i) == Some(&b'/') {
        return true;
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let w = i;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    month_number(&b[w..i]).is_some()
}

/// The weekdays `text` says are tomorrow without writing their date (`Minggu besok`,
/// `besok Senin`), 0 = Sunday.
pub(super) fn weekdays_tomorrow(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let spans = word_spans(b);
    let besok = |(s, e): (usize, usize)| {
        b[s..e].eq_ignore_ascii_case(b"besok") || b[s..e].eq_ignore_ascii_case(b"esok")
    };
    let mut out = Vec::new();
    for (k, &(s, e)) in spans.iter().enumerate() {
        let Some((ws, n)) = weekday_word(b, e) else {
            continue;
        };
        if ws != s {
            continue;
        }
        let after = spans.get(k + 1).copied().filter(|&x| besok(x));
        let before = k
            .checked_sub(1)
            .map(|j| spans[j])
            .filter(|&x| besok(x) && b[x.1..s].iter().all(|c| matches!(c, b' ' | b',')));
        let named = match (after, before) {
            (Some((_, be)), _) => !date_follows(b, be),
            (None, Some(_)) => !date_follows(b, e),
            _ => false,
        };
        if named && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Whether the headline says its news happens today (`Timnas Main Malam Ini`, `Sidang
/// Digelar Hari Ini`, `Dirilis Nanti Malam`): then an event the body tells of as ahead of
/// the day its quotes were gathered is the report's own day. Not a count of days and
/// nights (`3 Hari 2 Malam Ini`), days up to now (`Beberapa Hari Ini`), nor a day the
/// headline dates itself. Measured on clickid2019, the lede's `hari ini` (`... akan
/// bertanding sore ini.`) moved as many articles off their day as onto it.
pub(super) fn headline_today(title: &str) -> bool {
    let b = title.as_bytes();
    let spans = word_spans(b);
    let is = |(s, e): (usize, usize), w: &[u8]| b[s..e].eq_ignore_ascii_case(w);
    spans.windows(2).enumerate().any(|(k, pair)| {
        let (first, second) = (pair[0], pair[1]);
        let today = (TODAY_WORDS.iter().any(|w| is(first, w)) && is(second, b"ini"))
            || (is(first, b"nanti") && is(second, b"malam"))
            || (is(first, b"malam") && is(second, b"nanti"));
        // A number just before (`2 Malam Ini`) counts nights, not today.
        let counted = b[..first.0]
            .iter()
            .rev()
            .find(|c| **c != b' ')
            .is_some_and(u8::is_ascii_digit);
        let up_to_now = k.checked_sub(1).is_some_and(|j| {
            [&b"beberapa"[..], b"hingga", b"sampai", b"selama"]
                .iter()
                .any(|w| is(spans[j], w))
        });
        today && !counted && !up_to_now && !date_follows(b, second.1)
    })
}
