//! Dates in running text: a byte scanner for the forms Indonesian news uses, with what the
//! words around each date say of it (weekday, reporting clause, past or future, today);
//! `published.rs` picks the article's own date among them.
//!
//! Every pattern is ASCII, so the scanner works on bytes and never slices a `&str`; it makes
//! one pass with bounded look-around, which keeps it linear on arbitrarily long lines.

use crate::model::Date;

use super::date_sentences::{
    fixture_list, fixture_sentence, happened_sentence, note_on_itself, said_tomorrow,
};
use super::date_words::{
    BETWEEN_WORDS, Quotes, RULE_WORDS, TADI_WORDS, event_before, has_word, marked_after,
    marked_before, month_number, other_day_opener, paired, past_span, quoted, reporting,
    scheduled_after, scheduled_sentence, span_end, span_unfinished, today_after, today_before,
    weekday_word, word_start, words_after, zone_pair,
};

/// Whether the date at `start` is bracketed just after a score (`menang 3-0 (28/5/2019)`,
/// `X 4-2 Y (17 November 2018, Piala ...)`): a past result in a list of meetings, not the
/// report's day, which a bare date in parentheses otherwise is.
fn after_score(b: &[u8], start: usize) -> bool {
    if start == 0 || b[start - 1] != b'(' {
        return false;
    }
    let mut i = start - 1;
    while i > 0 && b[i - 1] == b' ' && start - i < 3 {
        i -= 1;
    }
    // A score, or a score then the other side's name (`4-2 Indonesia (...)`).
    b[i.saturating_sub(40)..i]
        .split(|&c| c == b' ')
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(is_score)
}

/// `3-0`, `4-2`: digits, a dash, digits.
fn is_score(w: &[u8]) -> bool {
    let Some(p) = w.iter().position(|&c| c == b'-') else {
        return false;
    };
    let (l, r) = (&w[..p], &w[p + 1..]);
    (1..=2).contains(&l.len())
        && (1..=2).contains(&r.len())
        && l.iter().chain(r).all(u8::is_ascii_digit)
}

/// One date found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date; in year 2000 (a leap year, so 29/2 is kept) when it was written without one.
    pub date: Date,
    /// Byte range of the date itself (without a weekday before it).
    pub start: usize,
    pub end: usize,
    /// Anchored by a weekday name just before it: `Rabu (10/4/2024)`, `Rabu, 19 Juni 2024`,
    /// `Rabu malam (10/4/2024)`, a weekday glued to the word before or misspelt by a letter.
    pub weekday: bool,
    /// That weekday, 0 = Sunday.
    pub weekday_no: u8,
    /// The weekday name contradicts the date (`Senin (19/10/2025)`, a Sunday): a typo in the
    /// day, the year or the weekday. Measured on detik2025, no single fix (year - 1, year + 1,
    /// day ± 1) is right more often than wrong, so the date is kept as written and only ranks
    /// below consistent ones.
    pub inconsistent: bool,
    /// Marked as past (`... 8 April 2024 lalu`, `sebelumnya`, `sejak`) or future (`akan ...`,
    /// `mendatang`, `besok`, `dijadwalkan`, `terhitung`): such a date is about another event,
    /// not the report's own day.
    pub displaced: bool,
    /// In the reporting clause (`kata X, Selasa (...)`, `kepada wartawan (...)`,
    /// `saat dihubungi, ...`): the day the reporter heard it, the report's own day.
    pub report: bool,
    /// The reporting clause cites another outlet or a post (`dikutip dari X, Selasa (...)`,
    /// `dilansir X`): that source's day, which may be before events the report tells of.
    pub cited: bool,
    /// Written in parentheses, `(20/10/2025)`: the convention for the day of the report.
    pub paren: bool,
    /// Written without a year (`Jumat (27/9)`), only kept with a weekday before it.
    pub yearless: bool,
    /// Said to be today (`Jumat pagi ini (...)`, `(...) hari ini`, `hari ini, Jumat (...)`):
    /// the report's own day.
    pub today: bool,
    /// Introduced by `pada`, `tanggal` or `per` (`digelar pada Sabtu (...)`): the day of an
    /// event the report tells of, which may lie after the report's own day.
    pub event: bool,
    /// Marked as future only by a verb earlier in its sentence (`KPK akan memeriksa X,
    /// Kamis (...)`): a schedule, or the report's own dateline after the plan it reports,
    /// so it ranks above a bare date of another event.
    pub planned: bool,
    /// Said to be yesterday in the reporting clause (`kata dia, Senin (16/9) kemarin`): the
    /// day the reporter heard it, written the next day, which is the report's own day.
    /// Such a date is not `displaced`.
    pub yesterday: bool,
    /// Followed by `kemarin` anywhere (`Pelaku ditangkap Senin (16/9) kemarin`): the day
    /// before the report's, which is the day after it.
    pub day_before: bool,
    /// Inside quoted words (`"... masuk kembali Rabu (18/9)," ujarnya`): the speaker's,
    /// later than the day they spoke only as a plan.
    pub quoted: bool,
    /// In a sentence about a match or race, not its result (`menjamu X di Stadion Y, Kamis
    /// (...)`): later than the report's day, it is the fixture a preview announces.
    pub fixture: bool,
    /// In a sentence that tells of something done (`meninggal pada Selasa (...) dinihari`):
    /// an event later than the last quote that is the report's news, not a schedule.
    pub happened: bool,
    /// Restated in Indonesian time (`Selasa (17/9) waktu lokal atau Rabu (18/9) dini hari
    /// WIB`): an event close enough for the hour to matter, so a plan written this way is
    /// the preview's own day or the next, not one of many days ahead.
    pub zone: bool,
    /// Said to be tomorrow (`Rabu (11/9) besok`, `besok, Rabu (...)`): the report's own day
    /// is the day before. Such a date is also `displaced`.
    pub tomorrow: bool,
}

/// Day of the week, 0 = Sunday (Sakamoto's method).
pub fn weekday_of(d: Date) -> u8 {
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = usize::from(d.month.clamp(1, 12));
    let y = u32::from(d.year) - u32::from(d.month < 3);
    let w = (y + y / 4 - y / 100 + y / 400 + T[m - 1] + u32::from(d.day)) % 7;
    // `w` < 7, so the conversion cannot fail.
    u8::try_from(w).unwrap_or(0)
}

/// Reads a run of ASCII digits at `i`; returns (value, end). At most 4 digits count.
fn digits(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && b[j].is_ascii_digit() {
        if j - i == 4 {
            return None;
        }
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j > i).then_some((v, j))
}

fn ymd(y: u32, m: u32, d: u32) -> Option<Date> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

fn boundary_after(b: &[u8], j: usize) -> bool {
    j >= b.len() || !(b[j].is_ascii_alphanumeric() || b[j] == b'/')
}

/// A date form found at a byte: the date, where it ends, whether it had no year, and the
/// last day of a span (`7 - 8 September 2019`, whose `date` is the first).
struct At {
    date: Date,
    end: usize,
    yearless: bool,
    last: Option<Date>,
}

/// `d Month yyyy` with the day already read (`n1`, ending at `j`): `19 Juni 2024`,
/// `8 Agt. 2024`.
fn day_month_year(b: &[u8], n1: u32, j: usize) -> Option<At> {
    let mut k = j;
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    let ws = k;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    let month = month_number(&b[ws..k])?;
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    let ys = k;
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    if k == ys {
        return None;
    }
    let (y, e) = digits(b, k)?;
    if e - k != 4 || !boundary_after(b, e) {
        return None;
    }
    let date = ymd(y, u32::from(month), n1)?;
    Some(At {
        date,
        end: e,
        yearless: false,
        last: None,
    })
}

/// A two-day span, `7 - 8 September 2019`, `7-8 September 2019`, `7–8 ...`: the first day
/// (`j` is just after the first day's digits).
fn span(b: &[u8], n1: u32, j: usize) -> Option<At> {
    let mut k = j;
    while k < b.len() && b[k] == b' ' && k - j < 2 {
        k += 1;
    }
    // `-`, or an en dash (E2 80 93).
    if b.get(k) == Some(&b'-') {
        k += 1;
    } else if b[k..].starts_with("\u{2013}".as_bytes()) {
        k += 3;
    } else {
        return None;
    }
    let ds = k;
    while k < b.len() && b[k] == b' ' && k - ds < 2 {
        k += 1;
    }
    let (n2, e) = digits(b, k)?;
    if e - k > 2 || n2 <= n1 {
        return None;
    }
    let last = day_month_year(b, n2, e)?;
    let date = Date::new(last.date.year, last.date.month, u8::try_from(n1).ok()?)?;
    Some(At {
        date,
        last: Some(last.date),
        ..last
    })
}

/// Tries every date form starting at byte `i` (a digit with no digit/letter before it).
fn date_at(b: &[u8], i: usize) -> Option<At> {
    let (n1, j) = digits(b, i)?;
    let len1 = j - i;
    if len1 == 4 {
        // ISO 2025-06-22
        if b.get(j) != Some(&b'-') {
            return None;
        }
        let (m, k) = digits(b, j + 1)?;
        if k - (j + 1) > 2 || b.get(k) != Some(&b'-') {
            return None;
        }
        let (d, e) = digits(b, k + 1)?;
        // `2025-06-22T10:00` carries a time; any other letter or digit glued on is not a date.
        let time = b.get(e) == Some(&b'T') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
        if e - (k + 1) > 2 || !(time || boundary_after(b, e)) {
            return None;
        }
        let date = ymd(n1, m, d)?;
        return Some(At {
            date,
            end: e,
            yearless: false,
            last: None,
        });
    }
    if len1 > 2 {
        return None;
    }
    match b.get(j) {
        Some(&sep @ (b'/' | b'-')) => {
            // 22/6/2025, 22/06/2025 (day first, the Indonesian order)
            let slashed = || {
                let (m, k) = digits(b, j + 1)?;
                if k - (j + 1) > 2 {
                    return None;
                }
                // `(27/9)`: a year-less date, only in parentheses (a bare `2/1` is a score
                // or a fraction); the caller keeps it only after a weekday.
                if sep == b'/' && i > 0 && b[i - 1] == b'(' && b.get(k) == Some(&b')') {
                    let date = Date::new(2000, u8::try_from(m).ok()?, u8::try_from(n1).ok()?)?;
                    return Some(At {
                        date,
                        end: k,
                        yearless: true,
                        last: None,
                    });
                }
                if b.get(k) != Some(&sep) {
                    return None;
                }
                let (y, e) = digits(b, k + 1)?;
                // `(9/9/19)`: a two-digit year, only in parentheses, where the form is the
                // report's date and never a fraction, a score or a file number.
                let short = sep == b'/'
                    && e - (k + 1) == 2
                    && i > 0
                    && b[i - 1] == b'('
                    && b.get(e) == Some(&b')');
                if !(short || e - (k + 1) == 4 && boundary_after(b, e)) {
                    return None;
                }
                let y = if short { 2000 + y } else { y };
                let date = ymd(y, m, n1)?;
                Some(At {
                    date,
                    end: e,
                    yearless: false,
                    last: None,
                })
            };
            slashed().or_else(|| (sep == b'-').then(|| span(b, n1, j)).flatten())
        }
        Some(b' ') => day_month_year(b, n1, j).or_else(|| span(b, n1, j)),
        Some(0xE2) => span(b, n1, j),
        _ => None,
    }
}

/// What the words between a weekday and its date say (`Senin malam (...)`, `Jumat pekan
/// lalu (...)`, `Senin kemarin (...)`).
#[derive(Debug, Clone, Copy, Default)]
struct Between {
    /// Another day than the report's (`lalu`, `esok`).
    other: bool,
    /// Today (`ini`).
    today: bool,
    /// Yesterday (`kemarin`).
    yesterday: bool,
}

/// The weekday before the date at `start`, allowing `, ` and `(` and up to three words of
/// time between: its start, day number, and what the words between say of the day.
fn weekday_before(b: &[u8], start: usize) -> Option<(usize, u8, Between)> {
    let mut i = start;
    let mut skipped = 0;
    while i > 0 && matches!(b[i - 1], b' ' | b'(' | b',') && skipped < 4 {
        i -= 1;
        skipped += 1;
    }
    let mut between = Between::default();
    for _ in 0..4 {
        if let Some((s, n)) = weekday_word(b, i) {
            return Some((range_start(b, s), n, between));
        }
        let ws = word_start(b, i);
        let word = &b[ws..i];
        if word.is_empty() || !BETWEEN_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return None;
        }
        between.other |= word.eq_ignore_ascii_case(b"lalu") || word.eq_ignore_ascii_case(b"esok");
        // `Jumat pagi ini (...)` is today, `Jumat pekan ini (...)` this week; `Kamis pagi tadi
        // (...)` earlier today.
        if word.eq_ignore_ascii_case(b"ini") {
            let before = word_start(b, ws.saturating_sub(1));
            between.today |= !(ws > 0 && b[before..ws - 1].eq_ignore_ascii_case(b"pekan"));
        }
        if word.eq_ignore_ascii_case(b"tadi") && ws > 0 {
            let before = word_start(b, ws - 1);
            between.today |= TADI_WORDS
                .iter()
                .any(|t| b[before..ws - 1].eq_ignore_ascii_case(t));
        }
        between.yesterday |= word.eq_ignore_ascii_case(b"kemarin");
        i = ws;
        while i > 0 && b[i - 1] == b' ' && ws - i < 2 {
            i -= 1;
        }
    }
    None
}

/// Where a range of weekdays ending at the weekday at `s` starts (`Kamis–Minggu 3-6
/// Oktober`, `Rabu-Kamis, 18-19 September`): the words before the range are the date's
/// clause, not a dash.
fn range_start(b: &[u8], s: usize) -> usize {
    let mut k = s;
    while k > 0 && b[k - 1] == b' ' && s - k < 2 {
        k -= 1;
    }
    if b[..k].ends_with(b"-") {
        k -= 1;
    } else if b[..k].ends_with("\u{2013}".as_bytes()) {
        k -= 3;
    } else {
        return s;
    }
    let e = k;
    while k > 0 && b[k - 1] == b' ' && e - k < 2 {
        k -= 1;
    }
    weekday_word(b, k).map_or(s, |(start, _)| start)
}

/// How many days after its first a span may end for its last day to be the report's when
/// it has passed: a two-day event is reported as it closes, while a fair or a festival of
/// three days or more is reported while it runs or ahead as often as after (measured with
/// `examples/eval_parse.rs`: three-day spans lost as many articles as they won).
const SHORT_SPAN: i64 = 1;

/// Every date in `text`, in order of appearance.
pub fn scan(text: &str) -> Vec<Found> {
    scan_paragraph(text, false)
}

/// Words a date names a place or a body after (`Universitas 17 Agustus 1945`, `Jalan 17
/// Agustus`, `Stadion Gelora 10 November`): the date there is part of a name.
const NAMED_BY_DATE: &[&[u8]] = &[
    b"universitas",
    b"jalan",
    b"jl",
    b"jln",
    b"gelora",
    b"stadion",
    b"gedung",
    b"lapangan",
    b"taman",
    b"monumen",
    b"tugu",
];

/// Every date in paragraph `text`, in order of appearance; `listed` when the paragraph goes
/// on with a list of fixtures to come that a paragraph above heads
/// ([`super::date_sentences::listed_fixtures`]): its days are another event's, as in the
/// list's head.
pub fn scan_paragraph(text: &str, listed: bool) -> Vec<Found> {
    let b = text.as_bytes();
    let mut out: Vec<Found> = Vec::new();
    let mut quotes = Quotes::new(b);
    // Where the last date (with its weekday) starts and ends, and whether it was marked as
    // another day.
    let mut prev: Option<(usize, usize, bool)> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric())) {
            // `pekan ke-25 Juni 2021`: an ordinal, not a day; `Universitas 17 Agustus 1945`,
            // `Jalan 10 November`: a name.
            let ordinal = i >= 3 && b[i - 1] == b'-' && b[i - 3..i - 1].eq_ignore_ascii_case(b"ke");
            // Only a capitalised name word right before, a space apart: `turun ke lapangan
            // 12 Mei 2025` is a day.
            let named = i >= 2 && b[i - 1] == b' ' && {
                let ws = super::date_words::word_start(b, i - 1);
                b[ws].is_ascii_uppercase()
                    && NAMED_BY_DATE
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(&b[ws..i - 1]))
            };
            if ordinal || named {
                i = digits(b, i).map_or(i + 1, |(_, j)| j);
                continue;
            }
            if let Some(at) = date_at(b, i) {
                let start = i;
                i = at.end;
                let wd = weekday_before(b, start);
                // A day and month alone are a date only after a weekday, or in brackets
                // after `hari ini` (`dijadwalkan, hari ini (6/4),`): a score or a ratio
                // is written so too.
                let today_paren =
                    start > 0 && b[start - 1] == b'(' && super::date_words::today_before(b, start);
                if at.yearless && wd.is_none() && !today_paren {
                    continue;
                }
                // The clause checks look before the weekday name, not inside it.
                let from = wd.map_or(start, |(s, ..)| s);
                let between = wd.map(|(.., w)| w).unwrap_or_default();
                let (report, cited) = reporting(b, from, at.end);
                let today = between.today || today_after(b, at.end) || today_before(b, from);
                // `kata dia, Senin (16/9) kemarin`: heard yesterday, so reported today.
                // `Kemarin (17/12/2018), Gubernur melantik ...`: yesterday, written today.
                // Not where the weekday contradicts the date (`kemarin, Kamis 20 September
                // 2019`, a Friday): the writer's yesterday is then the weekday's, and the
                // date as written is already the report's.
                let kemarin_before = super::date_words::yesterday_before(b, from)
                    && wd.is_none_or(|(_, n, _)| at.yearless || weekday_of(at.date) == n);
                let yesterday = kemarin_before
                    || (report
                        && (between.yesterday || has_word(words_after(b, at.end), &[b"kemarin"])));
                let marked = between.other
                    || marked_after(b, at.end, yesterday)
                    || marked_before(b, from)
                    || other_day_opener(b, from)
                    || listed
                    || fixture_list(b, from)
                    || (wd.is_none() && after_score(b, start));
                // `sepanjang Senin (16/9) hingga Selasa (17/9)`: the end of a span that
                // has passed is marked as its first day is, not by the `hingga` that joins
                // them.
                let span = prev.filter(|&(prev_from, prev_end, _)| {
                    span_end(b, prev_end, from) && past_span(b, prev_from)
                });
                let marked = match span {
                    Some((.., first_marked)) => {
                        between.other || first_marked || marked_after(b, at.end, yesterday)
                    }
                    None => marked,
                } || note_on_itself(b, from);
                let planned = scheduled_sentence(b, from)
                    || (!report && !cited && scheduled_after(b, at.end));
                // `digelar pada Rabu (11/9) dan Kamis (12/9)`: the second day of a pair is
                // told as the first is, its `pada` and its plan.
                let pair = prev
                    .filter(|&(_, prev_end, _)| wd.is_some() && paired(b, prev_end, from))
                    .and_then(|_| out.last().copied());
                let (marked, planned) = match pair {
                    Some(first) if !today => (
                        marked || (first.displaced && !first.planned),
                        planned || first.planned,
                    ),
                    _ => (marked, planned),
                };
                // A two-day span told as neither ahead nor under way (`digelar selama dua
                // hari, 13-14 September`) is over: the report comes on its last day, not
                // before its first, where a span ahead (`akan digelar`, `ke depan`) or still
                // running (`... 2019 ini`, `mulai hari ini 12 - 13 Sept`) puts it.
                let date = match at.last {
                    Some(last)
                        if last.days() - at.date.days() <= SHORT_SPAN
                            && !today
                            && !marked
                            && !planned
                            && !span_unfinished(b, from, at.end) =>
                    {
                        last
                    }
                    _ => at.date,
                };
                // `Selasa (17/9) waktu lokal atau Rabu (18/9) dini hari WIB`: one event. Ahead
                // (a plan, a marked day) it is the local day, which a preview comes on or
                // before; otherwise the Indonesian day, the reader's, when a result is
                // reported (also after a fixture's words, `menjamu X di Stadion Y`).
                if let Some((_, prev_end, _)) = prev
                    && wd.is_some()
                    && zone_pair(b, prev_end, from, at.end)
                    && let Some(last) = out.last_mut()
                {
                    last.zone = true;
                    if !(last.displaced || last.planned) {
                        last.date = date;
                        last.weekday_no = wd.map_or(0, |(_, n, _)| n);
                        last.inconsistent = !at.yearless && weekday_of(date) != last.weekday_no;
                        last.end = at.end;
                    }
                    prev = Some((from, at.end, last.displaced));
                    continue;
                }
                out.push(Found {
                    date,
                    start,
                    end: at.end,
                    weekday: wd.is_some(),
                    weekday_no: wd.map_or(0, |(_, n, _)| n),
                    inconsistent: !at.yearless && wd.is_some_and(|(_, n, _)| weekday_of(date) != n),
                    // A day said to be today is the report's, whatever is planned for it
                    // (`akan ... pada Jumat (...) pagi ini`).
                    displaced: !today && (marked || planned),
                    planned: !today && !marked && planned,
                    today,
                    report,
                    cited,
                    paren: start > 0 && b[start - 1] == b'(',
                    yearless: at.yearless,
                    event: event_before(b, from) || pair.is_some_and(|p| p.event),
                    yesterday,
                    day_before: kemarin_before
                        || between.yesterday
                        || has_word(words_after(b, at.end), &[b"kemarin"]),
                    quoted: quoted(b, at.end) || quotes.inside(start, at.end),
                    fixture: !report && !cited && fixture_sentence(b, from, at.end),
                    happened: happened_sentence(b, from, at.end),
                    zone: false,
                    tomorrow: !today && said_tomorrow(b, from, at.end),
                });
                prev = Some((from, at.end, !today && marked));
                continue;
            }
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    out
}

/// The first year scraped online news can be published in, or a year-less date in it be
/// placed in: the first news sites went up in the mid-1990s. An earlier date the text writes
/// is history (`18 September 48` in a speech on 1948), and a year-less day's weekday fits
/// some year of history as well as the right one.
pub(super) const EARLIEST_NEWS_YEAR: u32 = 1995;

/// The four-digit years 1995..=2100 written as words (`Liga 1 2019`, `tahun 2025`): where
/// a year-less date's year may come from. Not a vehicle's number (`BH 1943 FM`).
pub fn years(text: &str) -> Vec<u16> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let glued = (s > 0 && b[s - 1].is_ascii_alphanumeric())
                || (i < b.len() && b[i].is_ascii_alphanumeric());
            if i - s == 4
                && !glued
                && !cites_a_rule(b, s)
                && !on_a_plate(b, s, i)
                && let Some((y, _)) = digits(b, s)
                && (EARLIEST_NEWS_YEAR..=2100).contains(&y)
            {
                out.push(y as u16);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the number at `s..e` is a vehicle's registration (`BH 1943 FM`, `B 2019 TKR`):
/// an area code of one or two capitals before it, one to three capitals after.
fn on_a_plate(b: &[u8], s: usize, e: usize) -> bool {
    let capitals = |w: &[u8], most: usize| {
        (1..=most).contains(&w.len()) && w.iter().all(u8::is_ascii_uppercase)
    };
    let Some(head) = s.checked_sub(1).and_then(|k| b.get(..k)) else {
        return false;
    };
    if b.get(s - 1) != Some(&b' ') || b.get(e) != Some(&b' ') {
        return false;
    }
    let area = head.rsplit(|&c| c == b' ').next().unwrap_or_default();
    let tail = b.get(e + 1..).unwrap_or_default();
    let series = tail
        .split(|c| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    // Words a headline in capitals sets around a year (`PON XX 2021 DI PAPUA`, `HUT RI 2024
    // DI ISTANA`).
    let word = |w: &[u8]| {
        matches!(
            w,
            b"DI" | b"KE" | b"RI" | b"DAN" | b"YANG" | b"TA" | b"TH" | b"THN" | b"HUT" | b"SE"
        )
    };
    capitals(area, 2) && capitals(series, 3) && !word(area) && !word(series)
}

/// Whether the year at `s` numbers a law or regulation (`Nomor 11 Tahun 2008`, `No. 5/2010`,
/// `UU 11/2008`): the year it was enacted, not one near the article's.
fn cites_a_rule(b: &[u8], s: usize) -> bool {
    let before = &b[s.saturating_sub(32)..s];
    let text = String::from_utf8_lossy(before).to_lowercase();
    let mut ws = text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .rev();
    let slashed = before.last() == Some(&b'/');
    let number = |w: Option<&str>| w.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let rule = |w: Option<&str>| w.is_some_and(|w| RULE_WORDS.contains(&w.trim_end_matches('.')));
    if slashed {
        number(ws.next()) && rule(ws.next())
    } else {
        ws.next() == Some("tahun") && number(ws.next()) && rule(ws.next())
    }
}

/// Parses a date written the way record fields write them. Tries, in order: ISO
/// (`2025-10-21`, `2025-10-21T20:43`), slashed `A/B/YYYY [HH:MM]`, `10-Sep-19 [23:04]`, and any
/// date form the text scanner knows (`Rabu, 19 Juni 2024`).
///
/// Slashed dates are ambiguous: `A/B/YYYY` is read month-first when `B` > 12 (so `10/21/2025`
/// is 21 October, as detik's export writes it), otherwise day-first, the Indonesian order
/// (`10/9/2025` is 10 September). Spreadsheet exports that are month-first with a day ≤ 12
/// cannot be told apart from the text alone.
/// The time of day a record's date field states after its date (`2025-10-21T20:43`,
/// `10/21/2025 20:43`, `10-Sep-19 23:04:05`, `21 Oktober 2025 20.43 WIB`), in minutes
/// after midnight, as written: a zone suffix is not applied, since the date beside it is
/// the publisher's too.
pub fn parse_time_loose(s: &str) -> Option<u16> {
    let s = s.trim();
    // The date comes first: a time is a later token, after a space or ISO's `T`.
    let rest = s.get(s.find([' ', 'T', '\t'])?..)?;
    rest.split(|c: char| c.is_whitespace() || c == 'T' || c == ',')
        .enumerate()
        .find_map(|(i, tok)| {
            let zone_follows = || {
                rest.split(|c: char| c.is_whitespace() || c == 'T' || c == ',')
                    .skip(i + 1)
                    .find(|t| !t.is_empty())
                    .is_some_and(|t| matches!(t, "WIB" | "WITA" | "WIT"))
            };
            let (h, m) = tok.split_once(':').or_else(|| {
                // `20.43` is a time only with a zone after it: alone it could be a number.
                tok.split_once('.').filter(|_| zone_follows())
            })?;
            // Seconds, fractions and an offset (`:05`, `.000Z`, `+07:00`) may follow.
            let m = m.get(..2)?;
            let digits =
                |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
            if !digits(h) || m.len() != 2 || !digits(m) {
                return None;
            }
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60).then_some(h * 60 + m)
        })
}

pub fn parse_date_loose(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && let Some(Ok(d)) = s.get(..10).map(str::parse::<Date>)
    {
        return Some(d);
    }
    let first_field_end = b
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'T')
        .unwrap_or(b.len());
    let field = &b[..first_field_end];
    let parts: Vec<&[u8]> = field.split(|&c| c == b'/').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.iter().all(u8::is_ascii_digit))
    {
        let num = |p: &[u8]| p.iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
        let (a, m, y) = (num(parts[0]), num(parts[1]), num(parts[2]));
        let y = if parts[2].len() == 2 { 2000 + y } else { y };
        return if m > 12 { ymd(y, a, m) } else { ymd(y, m, a) };
    }
    let dash: Vec<&[u8]> = field.split(|&c| c == b'-').collect();
    if dash.len() == 3 && dash[0].len() <= 2 && dash[2].len() == 2 {
        let num = |p: &[u8]| {
            p.iter()
                .all(u8::is_ascii_digit)
                .then(|| p.iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0')))
        };
        if let (Some(d), Some(m), Some(y)) = (num(dash[0]), month_number(dash[1]), num(dash[2]))
            && !dash[0].is_empty()
        {
            return ymd(2000 + y, u32::from(m), d);
        }
    }
    scan(s).into_iter().find(|f| !f.yearless).map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn pick_published(f: &[Found]) -> Option<Date> {
        super::super::published::pick(f, &[], Default::default())
            .date
            .map(|(d, _)| d)
    }

    fn dates(s: &str) -> Vec<Date> {
        scan(s).into_iter().map(|f| f.date).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            dates("kata dia, Minggu (22/6/2025)."),
            vec![d("2025-06-22")]
        );
        assert_eq!(dates("Rabu 19 Juni 2024."), vec![d("2024-06-19")]);
        assert_eq!(dates("Rabu, 19 Juni 2024"), vec![d("2024-06-19")]);
        assert_eq!(dates("tanggal 8 April 2024 lalu"), vec![d("2024-04-08")]);
        assert_eq!(dates("Kamis (8/6/2023)"), vec![d("2023-06-08")]);
        assert_eq!(dates("Jumat, (9/6/2023)"), vec![d("2023-06-09")]);
        assert_eq!(dates("pada 22/06/2025 pukul"), vec![d("2025-06-22")]);
        assert_eq!(dates("ISO 2025-06-22T10:00"), vec![d("2025-06-22")]);
        assert_eq!(
            dates("1 Agt. 2024 dan 2 Sept 2024, 3 December 2024"),
            vec![d("2024-08-01"), d("2024-09-02"), d("2024-12-03")]
        );
        assert_eq!(dates("17 AGUSTUS 1945"), vec![d("1945-08-17")]);
    }

    #[test]
    fn two_digit_years_only_in_parentheses() {
        assert_eq!(
            dates("kata dia di balai desa, Senin (9/9/19)."),
            vec![d("2019-09-09")]
        );
        assert_eq!(dates("Rabu (18/09/19) sore"), vec![d("2019-09-18")]);
        // Bare or unclosed, `9/9/19` is a number, a ratio or a reference.
        assert!(dates("nomor 9/9/19 dan (9/9/19 dan 9/9/19)").is_empty());
        assert!(dates("(9/9/195)").is_empty());
    }

    #[test]
    fn an_ordinal_before_a_month_is_no_day() {
        assert!(dates("kasus tertinggi pada pekan ke-25 Juni 2021, kata pejabat").is_empty());
        assert!(dates("dosen Universitas 17 Agustus 1945 Surabaya meneliti").is_empty());
        assert!(dates("macet di Jalan 17 Agustus 1945 pagi tadi").is_empty());
        assert_eq!(
            dates("Tim sudah turun ke lapangan 12 Mei 2025 lalu."),
            [d("2025-05-12")]
        );
        assert_eq!(dates("pada Jumat, 25 Juni 2021"), [d("2021-06-25")]);
    }

    #[test]
    fn rejects_impossible_and_partial() {
        assert!(dates("2024-13-40").is_empty());
        assert!(dates("31/2/2024 dan 40 Juni 2024").is_empty());
        assert!(scan("Jumat (9/6) pagi").iter().all(|f| f.yearless));
        assert!(scan("skor (2/1) dan 9/6 lalu").is_empty());
        assert!(dates("Rp 12/3/20245 dan 112/3/2024 dan a1/2/2024").is_empty());
        assert!(dates("10 ribu 2024").is_empty());
    }

    #[test]
    fn weekday_consistency() {
        assert_eq!(weekday_of(d("2025-10-20")), 1);
        assert_eq!(weekday_of(d("2024-02-29")), 4);
        assert_eq!(weekday_of(d("2000-01-01")), 6);
        let f = scan("Senin (20/10/2025), Senin (19/10/2025), 20/10/2026");
        assert_eq!(
            f.iter().map(|x| x.inconsistent).collect::<Vec<_>>(),
            vec![false, true, false]
        );
        assert_eq!(f[1].date, d("2025-10-19"));
        // A consistent anchored date outranks a later inconsistent one.
        let g = scan("kata dia, Senin (20/10/2025). Lalu Rabu (22/10/2026).");
        assert_eq!(pick_published(&g), Some(d("2025-10-20")));
        // Alone, a date whose weekday contradicts it is still the best there is.
        assert_eq!(
            pick_published(&scan("Rabu (22/10/2026).")),
            Some(d("2026-10-22"))
        );
    }

    #[test]
    fn weekday_and_markers() {
        let f = scan("kata Jum'at (9/6/2023) dan Ahad, 11 Juni 2023 serta 8 April 2024 lalu");
        assert!(f[0].weekday && f[1].weekday && !f[2].weekday);
        assert!(f[2].displaced && !f[0].displaced);
        let g = scan("Rapat akan digelar Sabtu (24/6/2023). Kata dia, Senin (19/6/2023).");
        assert!(g[0].displaced && !g[1].displaced);
        assert!(scan("Jum\u{2019}at (9/6/2023)")[0].weekday);
    }

    #[test]
    fn published_prefers_unmarked_weekday_dates() {
        // Seed 001: an earlier report "tanggal 8 April 2024 lalu", published Rabu (10/4/2024).
        let f = scan("tanggal 8 April 2024 lalu, ... membuatkan bantahan, Rabu (10/4/2024).");
        assert_eq!(pick_published(&f), Some(d("2024-04-10")));
        // Background weekday dates are earlier than the report's own day.
        let f = scan("diunggah Kamis (8/6/2023). Hal itu diungkapkan Jumat (9/6/2023).");
        assert_eq!(pick_published(&f), Some(d("2023-06-09")));
        // A future event is not the publication day.
        let f = scan("dihubungi Selasa (10/9/2019). Laga akan digelar Rabu (11/9/2019).");
        assert_eq!(pick_published(&f), Some(d("2019-09-10")));
        // Only a marked bare date: no publication day.
        assert_eq!(pick_published(&scan("sejak 8 April 2024 lalu")), None);
        // A bare date is the last resort (see published::pick).
        assert_eq!(
            pick_published(&scan("pada 8 April 2024")),
            Some(d("2024-04-08"))
        );
    }

    #[test]
    fn record_times_of_day() {
        let t = |s: &str| parse_time_loose(s);
        assert_eq!(t("2025-10-21T20:43"), Some(20 * 60 + 43));
        assert_eq!(t("2025-10-21T20:43:05.000+07:00"), Some(20 * 60 + 43));
        assert_eq!(t("10/21/2025 20:43"), Some(20 * 60 + 43));
        assert_eq!(t("10-Sep-19 23:04"), Some(23 * 60 + 4));
        assert_eq!(t("Senin, 21 Oktober 2025 07.05 WIB"), Some(7 * 60 + 5));
        assert_eq!(t("21 Oktober 2025 07:05 WITA"), Some(7 * 60 + 5));
        assert_eq!(t("2025-10-21"), None);
        assert_eq!(t("21 Oktober 2025"), None);
        assert_eq!(t("21.10.2025"), None, "a dotted date is not a time");
        assert_eq!(
            t("21 Oktober 2025 20.43"),
            None,
            "a dotted number alone is not a time"
        );
        assert_eq!(t("2025-10-21T25:61"), None);
        assert_eq!(t("2025-10-21T7:5"), None);
    }

    #[test]
    fn loose_record_dates() {
        assert_eq!(parse_date_loose("2025-10-21T20:43"), Some(d("2025-10-21")));
        assert_eq!(parse_date_loose(" 2025-10-21 "), Some(d("2025-10-21")));
        assert_eq!(parse_date_loose("10/21/2025 20:43"), Some(d("2025-10-21")));
        assert_eq!(parse_date_loose("10/9/2025"), Some(d("2025-09-10")));
        assert_eq!(parse_date_loose("10-Sep-19 23:04"), Some(d("2019-09-10")));
        assert_eq!(
            parse_date_loose("Rabu, 19 Juni 2024"),
            Some(d("2024-06-19"))
        );
        assert_eq!(parse_date_loose("2024-13-40"), None);
        assert_eq!(parse_date_loose("13/13/2024"), None);
        assert_eq!(parse_date_loose(""), None);
        assert_eq!(parse_date_loose("kemarin"), None);
        assert_eq!(parse_date_loose("-Sep-19"), None);
    }
}
