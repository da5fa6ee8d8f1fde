//! The article's own publication date, chosen among the dates its text names the way a
//! reader would: the day of the reporting clause first, scheduled and background dates
//! last, year-less dates given the year the rest of the article (or its URL, record or file)
//! points to, and impossible dates refused.

use std::collections::HashMap;

use crate::model::{Date, DateSource, Yearless};

use super::dates::{Found, weekday_of};

/// What the article says about its date apart from its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// No publication date can be later than this plus a day: the file's modification time,
    /// or the record's or URL's own date.
    pub bound: Option<Date>,
    /// A date known to be near the publication (the record's or URL's): where a year-less
    /// date's year is looked for first.
    pub near: Option<Date>,
    /// The headline says its news happens today (`Timnas Main Malam Ini`): an event the
    /// text tells of as ahead of the day it was heard is the report's own day.
    pub headline_today: bool,
}

/// The publication date among `found` (in order of appearance); `years` are the four-digit
/// years the text writes as words.
///
/// In order, the first rank that has a date gives the latest date of that rank:
/// 1. a date said to be today (`Kamis (12/3/2026) hari ini`, `hari ini, Jumat (...)`),
///    unless more than a week before the latest date of rank 2 (an older article's);
/// 2. a date with a weekday that agrees, in parentheses, year-less, or bare but closing a
///    reporting clause (`kata X kepada wartawan, 9 Maret 2026`);
/// 3. a date whose weekday contradicts it, when another date of the article has its year or
///    it is the article's only date (a `2028` among `2025`s is the typo);
/// 4. a dateline after a plan its sentence tells (`KPK akan memeriksa X, Kamis (...)`):
///    the report's own day as often as a schedule's;
/// 5. a bare date (`Pada 9 Maret 2026,`): about another event more often than a weekday
///    date is, so only when nothing better is there;
/// 6. as a last resort, an anchored date marked as past or future (`hingga Senin (...)`),
///    then such a year-less one.
///
/// Dates marked as past or future (`lalu`, `besok`, `akan … pada`, `terhitung sejak`,
/// `Sebelumnya, Senin (...)`) do not count before rank 6, nor, in ranks 2-5, an event
/// introduced by `pada` later than the latest date of a reporting clause that heard
/// someone (`kata X, Selasa (...)`, not `dikutip dari X`). A day heard yesterday (`kata X,
/// Senin (...) kemarin`) stands for the day after. Dates later than the bound plus a day
/// never count. "Latest" because a report comes on or after every day it tells of.
///
/// A year-less date chosen with no record, URL or anchored full date to place it is also
/// returned as [`Picked::yearless`], for the corpus to give its year (`loader::years`):
/// undated meanwhile when the article writes no year at all, else dated by the years it
/// writes (a guess the corpus's years overrule). Measured with `examples/eval_parse.rs`:
/// preferring the reporting clause's date outright lost more (same-day events after an
/// older quote) than it won.
pub fn pick(found: &[Found], years: &[u16], hints: Hints) -> Picked {
    let with_weekdays = weekdays_from_neighbours(found);
    let found = with_weekdays.as_deref().unwrap_or(found);
    let limit = hints.bound.map(|b| b.days() + 1);
    let in_bound = |d: Date| {
        u32::from(d.year) >= super::dates::EARLIEST_NEWS_YEAR && limit.is_none_or(|l| d.days() <= l)
    };
    let full: Vec<&Found> = found
        .iter()
        .filter(|f| !f.yearless && in_bound(f.date))
        .collect();
    let anchor =
        |f: &Found| !f.displaced && ((f.weekday && !f.inconsistent) || (f.paren && !f.weekday));
    // Where year-less dates are placed: near the record/URL date, else the latest sound full
    // date, else the year the text writes most.
    let reference = hints.near.or_else(|| {
        full.iter()
            .filter(|f| anchor(f))
            .map(|f| f.date)
            .max()
            .or_else(|| common_year(years, hints.bound).and_then(|y| Date::new(y, 7, 1)))
            .or(hints.bound)
    });
    // Distinct years only: a hostile text may write millions of dates.
    let mut evidence: Vec<u16> = full.iter().map(|f| f.date.year).collect();
    evidence.extend(years.iter().copied());
    evidence.extend(hints.near.map(|d| d.year));
    evidence.sort_unstable();
    evidence.dedup();
    // Nothing in the article gives a year: its year-less date is ranked in a year of its own
    // (2000, where the scanner puts it) and handed to the corpus, whose other articles say
    // which years its folder covers (`loader::years`). The file's time alone is no guide: a
    // copied archive (2019 texts with 2026 file times) would get arbitrary recent years.
    let open = evidence.is_empty();
    // Only years written as words or bare dates (a birth year, last season's final): the
    // year they give is a guess the corpus's years overrule.
    let weak = hints.near.is_none() && !full.iter().any(|f| anchor(f));
    // A year-less date that restates a day the article writes with its year (`Senin
    // (18/9/2019)` ... `kata X, Selasa (18/9)`) is that day, whichever weekday is the typo;
    // not a day decades before (a birth date `16 September 1949`).
    // The latest full date of each day and month, kept once, so the lookup stays linear in
    // the dates.
    let mut restatable: HashMap<(u8, u8), Date> = HashMap::new();
    for d in full
        .iter()
        .map(|g| g.date)
        .filter(|d| reference.is_none_or(|r| (d.days() - r.days()).abs() <= 366))
    {
        let slot = restatable.entry((d.month, d.day)).or_insert(d);
        *slot = (*slot).max(d);
    }
    let restated = |f: &Found| restatable.get(&(f.date.month, f.date.day)).copied();
    let place = |f: &Found| {
        if open {
            Some(f.date)
        } else {
            restated(f).or_else(|| year_for(f, &evidence, reference, limit))
        }
    };
    let report_day = |f: &Found, d: Date| report_day(f, d);
    let mut candidates: Vec<(Date, &Found)> = Vec::new();
    for f in found.iter().filter(|f| !f.displaced || f.planned) {
        let day = if f.yearless { place(f) } else { Some(f.date) };
        if let Some(d) = day.and_then(|d| report_day(f, d))
            && in_bound(d)
        {
            candidates.push((d, f));
        }
    }
    // A date in parentheses is the report's convention; with a weekday that contradicts it
    // it is a typo like any other. So is a bare date closing a reporting clause (`kata X
    // kepada wartawan, 9 Maret 2026`), unless it is an event's (`kata X, rapat digelar pada
    // 9 Maret 2026`).
    let sound_form = |f: &Found| {
        (f.weekday && !f.inconsistent)
            || (!f.weekday && (f.paren || (f.report && !f.event)))
            || f.yearless
    };
    // Planned dates are candidates of their own rank only (below).
    // A plan restated in Indonesian time is as sound as a dateline: the kick-off is that
    // near (`akan menjamu X, Selasa (17/9) waktu lokal atau Rabu (18/9) dini hari WIB`).
    let sound = |f: &Found| (!f.displaced || (f.zone && f.planned)) && sound_form(f);
    // A contradicting weekday is a typo somewhere; the date stands only if the article's
    // other dates share its year (a `2028` among `2025`s is the typo).
    // Counted once, so that the check per date is constant time.
    let mut per_year: HashMap<u16, usize> = HashMap::new();
    for g in &full {
        *per_year.entry(g.date.year).or_default() += 1;
    }
    let first_full = full.first().map(|g| g.date);
    let one_date = full.iter().all(|g| Some(g.date) == first_full);
    let supported = |f: &Found| {
        // `full` holds `f` itself when it is in bound, so its year counts once for it.
        let same_year = per_year.get(&f.date.year).copied().unwrap_or(0);
        !f.displaced
            && f.inconsistent
            && (one_date
                || same_year > usize::from(in_bound(f.date))
                || hints.near.is_some_and(|n| n.year == f.date.year))
    };
    // An event introduced by `pada` after the last day the reporter heard something is
    // scheduled, not the report's day (`kata X, Selasa (...). ... dibuka pada Sabtu (...)`).
    // A citation of another outlet or a post (`dikutip dari X, Senin (...)`) gives that
    // source's day, not the reporter's: events after it may be the report's own.
    let heard = candidates
        .iter()
        .filter(|(_, f)| f.report && !f.cited && (sound(f) || supported(f)))
        .map(|(d, _)| *d)
        .max();
    // A day said to be today is never scheduled (`sidang pada Kamis (...) hari ini`). Nor
    // is a day in quoted words later than the report's a day that has come (`"Sekolah
    // masuk kembali Rabu (18/9)," ujarnya, Senin (16/9)`).
    // With no one heard, the quote is measured against the article's other sound days.
    let said = heard.or_else(|| {
        candidates
            .iter()
            .filter(|(_, f)| !f.quoted && !f.displaced && sound_form(f))
            .map(|(d, _)| *d)
            .max()
    });
    // A match or race later than any reporting clause's day, cited ones too (`kata pelatih
    // dikutip laman klub, Rabu (...)`), is the fixture a preview announces.
    let reported = candidates
        .iter()
        .filter(|(_, f)| f.report && (sound(f) || supported(f)))
        .map(|(d, _)| *d)
        .max();
    let ahead = |d: Date, f: &Found| {
        !f.report
            && !f.today
            && ((f.event && !f.happened && heard.is_some_and(|h| d > h))
                || (f.quoted && said.is_some_and(|h| d > h))
                || (f.fixture && reported.is_some_and(|h| d > h)))
    };
    let ranked = |rank: &dyn Fn(&Found) -> bool| {
        candidates
            .iter()
            .filter(|(d, f)| rank(f) && !ahead(*d, f))
            .max_by_key(|(d, f)| (*d, !f.yearless))
            .copied()
    };
    let plain = |f: &Found| !f.displaced && !f.weekday && !f.paren && !f.yearless;
    // A dateline after a plan (`KPK akan memeriksa X, Kamis (...)`): after every unmarked
    // anchored date, before a bare one.
    let planned = |f: &Found| f.planned && sound_form(f);
    let by_sound = ranked(&sound);
    // A `hari ini` more than a week before the article's latest sound date is an older
    // article's (a related story appended to the text).
    let stale = by_sound.map_or(i64::MIN, |(d, _)| d.days() - 7);
    let today = candidates
        .iter()
        .filter(|(d, f)| {
            // A bare date said to be today is as sound as a weekday's (`pada rapat hari
            // ini, 16 September 2019`), unless someone was heard later.
            // Nor is a day someone was heard after (`... Senin (16/9) malam ini," ujarnya,
            // Selasa (17/9)`): that today is the speaker's or an older article's.
            let bare = !f.weekday;
            f.today
                && (sound(f) || supported(f) || bare)
                && d.days() >= stale
                && heard.is_none_or(|h| *d >= h)
        })
        .max_by_key(|(d, f)| (*d, !f.yearless))
        .copied();
    // A reporting clause whose weekday contradicts its date (`kata X, Rabu (19/9/2019)`, a
    // Thursday) is still the day someone spoke, whichever of the two is the typo: the report
    // is not earlier than either, so it beats the sound days of earlier events. Not when it
    // lies more than a few days after them: then the day number is as likely the typo
    // (`Kamis (19/9)` for Thursday the 11th) as the weekday.
    let heard_typo = ranked(&|f: &Found| f.report && supported(f))
        .filter(|(d, _)| by_sound.is_none_or(|(s, _)| *d > s && d.days() - s.days() <= 7));
    let chosen = today
        .or(heard_typo)
        .or(by_sound)
        .or_else(|| ranked(&supported))
        .or_else(|| tomorrow_eve(found, &place, &in_bound))
        .or_else(|| {
            // Plans lie after the report: the nearest is the best guess at its day.
            candidates
                .iter()
                .filter(|(d, f)| planned(f) && !ahead(*d, f))
                .min_by_key(|(d, f)| (*d, f.yearless))
                .copied()
        })
        .or_else(|| ranked(&plain))
        .or_else(|| last_resort(found, &in_bound, one_date))
        .or_else(|| {
            // A year-less date marked as past or future (`Jumat (5/9) lalu`) as the last
            // resort: a few days off the report's day rather than none.
            found
                .iter()
                .filter(|f| f.yearless)
                .filter_map(|f| place(f).and_then(|d| report_day(f, d)).map(|d| (d, f)))
                .max_by_key(|(d, _)| *d)
        });
    // A headline that puts its news today (`Timnas Main Malam Ini`) over a body that tells
    // the event as ahead (`akan digelar pada Selasa (10/9/2019)`, quotes gathered the day
    // before): the event's day, the nearest a few days after the chosen one, is the
    // report's, also where its plan marked it as another day than the report's. Not a day
    // the text calls tomorrow or writes only in quoted words (the speaker's), nor past a few
    // days (a later round the preview also lists).
    let tomorrows: Vec<Date> = found
        .iter()
        .filter(|f| f.tomorrow)
        .filter_map(|f| if f.yearless { place(f) } else { Some(f.date) })
        .collect();
    let chosen = match chosen {
        Some((d, f)) if hints.headline_today && !f.today => full
            .iter()
            .filter(|g| {
                let e = g.date;
                (1..=HEADLINE_REACH).contains(&(e.days() - d.days()))
                    && !g.tomorrow
                    && !g.quoted
                    && !g.day_before
                    && !tomorrows.contains(&e)
                    && (!g.displaced || g.planned || g.event || g.fixture)
            })
            .min_by_key(|g| g.date)
            .map(|g| (g.date, *g))
            .or(chosen),
        other => other,
    };
    // The same day also written with its year (`hari ini Jumat (9/6)` beside `Jumat
    // (9/6/2023)`) is a stated date, not an inferred one.
    let chosen = chosen.map(|(d, f)| {
        if f.yearless {
            candidates
                .iter()
                .find(|(e, g)| *e == d && !g.yearless)
                .copied()
                .unwrap_or((d, f))
        } else {
            (d, f)
        }
    });
    match chosen {
        Some((d, f)) if f.yearless && weak => Picked {
            date: (!open).then_some((d, DateSource::InferredYear)),
            yearless: Some(Yearless {
                day: d.day,
                month: d.month,
                weekday: f.weekday.then(|| {
                    let w = i64::from(f.weekday_no) + offset(f) + 7;
                    // In 0..7 by the modulo, so the conversion cannot fail.
                    u8::try_from(w % 7).unwrap_or(0)
                }),
                bound: hints.bound,
                guess: (!open).then_some(d),
            }),
        },
        Some((d, f)) => Picked {
            date: Some((d, source_of(f))),
            yearless: None,
        },
        None => Picked::default(),
    }
}

/// How many days after the day a report's quotes were heard a headline's `hari ini` may
/// still place the event it previews.
const HEADLINE_REACH: i64 = 3;

/// What [`pick`] found: the publication date, or the year-less date it would be once the
/// corpus gives it a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Picked {
    pub date: Option<(Date, DateSource)>,
    pub yearless: Option<Yearless>,
}

/// The day before the nearest day said to be tomorrow (`Rabu (11/9) besok`): with no sound
/// day, the report's own day as the text states it. Not above a sound day: `besok` is also
/// loose for "the coming" (`paling cepat Jumat (13/9) besok`, three days ahead).
fn tomorrow_eve<'a>(
    found: &'a [Found],
    place: &dyn Fn(&Found) -> Option<Date>,
    in_bound: &dyn Fn(Date) -> bool,
) -> Option<(Date, &'a Found)> {
    found
        .iter()
        .filter(|f| f.tomorrow && !f.inconsistent && (f.weekday || f.paren))
        .filter_map(|f| {
            let d = if f.yearless { place(f)? } else { f.date };
            report_day(f, d).filter(|&e| in_bound(e)).map(|e| (e, f))
        })
        .min_by_key(|(d, _)| *d)
}

/// With nothing else, the latest date with a weekday or in parentheses even though it is
/// marked (`hingga Senin (...)`, `sejak Minggu (...)`): a report's only date is more often
/// its own day or the day before than not, also when its weekday contradicts it
/// (`one_date`: the article writes no other full date).
fn last_resort<'a>(
    found: &'a [Found],
    in_bound: &dyn Fn(Date) -> bool,
    one_date: bool,
) -> Option<(Date, &'a Found)> {
    found
        .iter()
        .filter(|f| {
            !f.yearless
                && (!f.inconsistent || one_date)
                && (f.weekday || f.paren)
                && in_bound(f.date)
        })
        .filter_map(|f| report_day(f, f.date).map(|d| (d, f)))
        .max_by_key(|(d, _)| *d)
}

/// Whether the report's day is the day after the date: heard yesterday (`kata dia, Senin
/// (16/9) kemarin`), or, for a date marked as past, an event yesterday (`ditangkap Senin
/// (16/9) kemarin`), which only counts when nothing better dates the article.
fn shifted(f: &Found) -> bool {
    f.yesterday || (f.day_before && f.displaced)
}

/// A year-less day with no weekday (`hari ini (6/4)`) takes the weekday a year-less
/// neighbour's gives it (`dikutip Minggu (5/4)`: a Monday), so that its year is found as
/// theirs is; `None` when no date needs one. The scanner puts year-less dates in one leap
/// year, so the days between them count as written.
fn weekdays_from_neighbours(found: &[Found]) -> Option<Vec<Found>> {
    let needs = |f: &Found| f.yearless && !f.weekday;
    if !found.iter().any(needs) {
        return None;
    }
    let mut out = found.to_vec();
    for f in out.iter_mut().filter(|f| needs(f)) {
        let near = found
            .iter()
            .filter(|g| g.yearless && g.weekday)
            .min_by_key(|g| (g.date.days() - f.date.days()).abs())
            .filter(|g| (g.date.days() - f.date.days()).abs() <= 7);
        if let Some(g) = near {
            let w = i64::from(g.weekday_no) + f.date.days() - g.date.days();
            f.weekday = true;
            // In 0..7 by the Euclidean remainder, so the conversion cannot fail.
            f.weekday_no = u8::try_from(w.rem_euclid(7)).unwrap_or(0);
        }
    }
    Some(out)
}

/// How many days after the date the report comes: one when [`shifted`], minus one for a
/// day said to be tomorrow.
fn offset(f: &Found) -> i64 {
    if shifted(f) {
        1
    } else if f.tomorrow {
        -1
    } else {
        0
    }
}

/// The report's day as the date `d` of `f` tells it.
fn report_day(f: &Found, d: Date) -> Option<Date> {
    Date::from_days(d.days() + offset(f))
}

fn source_of(f: &Found) -> DateSource {
    if f.yearless {
        DateSource::InferredYear
    } else {
        DateSource::Text
    }
}

/// The year the text writes most (the latest on a tie), not after the bound.
fn common_year(years: &[u16], bound: Option<Date>) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for &y in years.iter().filter(|&&y| bound.is_none_or(|b| y <= b.year)) {
        match counts.iter_mut().find(|(c, _)| *c == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The year of a year-less date: among the evidence years and their neighbours, those
/// whose calendar puts the date on its weekday and not after the limit; the one closest to
/// the reference date.
fn year_for(
    f: &Found,
    evidence: &[u16],
    reference: Option<Date>,
    limit: Option<i64>,
) -> Option<Date> {
    let mut best: Option<(i64, Date)> = None;
    for &y in evidence {
        for y in [y.saturating_sub(1), y, y.saturating_add(1)] {
            let Some(d) = Date::new(y, f.date.month, f.date.day) else {
                continue;
            };
            // A day said to be today (`hari ini (6/4)`) has no weekday to fit.
            if (f.weekday && weekday_of(d) != f.weekday_no) || limit.is_some_and(|l| d.days() > l) {
                continue;
            }
            // Without a reference the latest fitting year wins.
            let distance = reference.map_or(-d.days(), |r| (d.days() - r.days()).abs());
            if best.is_none_or(|(b, _)| distance < b) {
                best = Some((distance, d));
            }
        }
    }
    if best.is_none()
        && let Some(r) = reference
    {
        // The weekday fits none of the years written: the nearest year that it fits, a
        // year's calendar repeating within six years either way (the later on a tie).
        for y in r.year.saturating_sub(6)..=r.year.saturating_add(6) {
            let Some(d) = Date::new(y, f.date.month, f.date.day) else {
                continue;
            };
            if (f.weekday && weekday_of(d) != f.weekday_no) || limit.is_some_and(|l| d.days() > l) {
                continue;
            }
            let distance = (d.days() - r.days()).abs();
            if best.is_none_or(|(b, _)| distance <= b) {
                best = Some((distance, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

/// The `/yyyy/mm/dd/` date in a URL's path (`…/2019/09/10/judul`), as news sites write it.
pub fn url_date(url: &str) -> Option<Date> {
    let mut parts = url.split('/');
    let mut window: [&str; 3] = ["", "", ""];
    for p in parts.by_ref() {
        window = [window[1], window[2], p];
        let [y, m, d] = window;
        if y.len() == 4
            && m.len() == 2
            && d.len() == 2
            && [y, m, d]
                .iter()
                .all(|s| s.bytes().all(|c| c.is_ascii_digit()))
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
            && (1990..=2100).contains(&y)
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
#[path = "published_tests.rs"]
mod tests;
