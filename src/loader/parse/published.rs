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
    let limit = hints.bound.map(|b| b.days() + 1);
    let in_bound = |d: Date| limit.is_none_or(|l| d.days() <= l);
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
    let place = |f: &Found| {
        if open {
            Some(f.date)
        } else {
            year_for(f, &evidence, reference, limit)
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
    let sound = |f: &Found| !f.displaced && sound_form(f);
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
            let bare = !f.weekday && heard.is_none_or(|h| *d >= h);
            f.today && (sound(f) || supported(f) || bare) && d.days() >= stale
        })
        .max_by_key(|(d, f)| (*d, !f.yearless))
        .copied();
    // A reporting clause whose weekday contradicts its date (`kata X, Rabu (19/9/2019)`, a
    // Thursday) is still the day someone spoke, whichever of the two is the typo: the report
    // is not earlier than either, so it beats the sound days of earlier events. Not when it
    // lies more than a few days after them: then the day number is as likely the typo
    // (`Kamis (19/9)` for Thursday the 11th) as the weekday.
    let heard_typo = ranked(&|f: &Found| f.report && supported(f))
        .filter(|(d, _)| by_sound.is_none_or(|(s, _)| *d > s && d.days() - s.days() <= 3));
    let chosen = today
        .or(heard_typo)
        .or(by_sound)
        .or_else(|| ranked(&supported))
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
                weekday: f
                    .weekday
                    .then_some((f.weekday_no + u8::from(shifted(f))) % 7),
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

/// What [`pick`] found: the publication date, or the year-less date it would be once the
/// corpus gives it a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Picked {
    pub date: Option<(Date, DateSource)>,
    pub yearless: Option<Yearless>,
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

/// The report's day as the date `d` of `f` tells it.
fn report_day(f: &Found, d: Date) -> Option<Date> {
    if shifted(f) {
        Date::from_days(d.days() + 1)
    } else {
        Some(d)
    }
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
            if weekday_of(d) != f.weekday_no || limit.is_some_and(|l| d.days() > l) {
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
            if weekday_of(d) != f.weekday_no || limit.is_some_and(|l| d.days() > l) {
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
mod tests {
    use super::*;
    use crate::loader::parse::dates::{scan, years};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// The publication date of made-up text with these hints.
    fn pub_of(text: &str, hints: Hints) -> Option<(Date, DateSource)> {
        pick(&scan(text), &years(text), hints).date
    }

    fn date_of(text: &str) -> Option<Date> {
        pub_of(text, Hints::default()).map(|(d, _)| d)
    }

    #[test]
    fn scheduled_and_future_dates_give_way_to_the_report_day() {
        for text in [
            "Rapat digelar pada Kamis (12/3/2026) besok. Kata dia, Rabu (11/3/2026).",
            "Aturan berlaku terhitung sejak Senin, 2 Maret 2026, kata dia, Rabu (11/3/2026).",
            "Hakim menjadwalkan sidang putusan pada Senin, 16 Maret 2026. Kata dia, Rabu (11/3/2026).",
            "Laga akan digelar pada Sabtu (14/3/2026). Ujar pelatih, Rabu (11/3/2026).",
            "Kata dia, Rabu (11/3/2026). Rapat lanjutan pekan depan, Rabu (18/3/2026) depan.",
            // The future verb clauses away from the date, and a start day (`mulai`).
            "Tim tamu akan bertandang ke kota itu, laga pekan kelima, Sabtu (14/3/2026). \
             Kata pelatih, Rabu (11/3/2026).",
            "Tarif baru berlaku mulai Minggu, 15 Maret 2026. Kata dia, Rabu (11/3/2026).",
            "Rencana, Senin (16/3/2026) presiden meresmikan jalan itu. Kata dia, Rabu (11/3/2026).",
            // A day said to be yesterday is not the report's.
            "Hingga Rabu (11/3/2026) tersangka bertambah dari yang diumumkan Selasa \
             (10/3/2026) kemarin.",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
        }
    }

    #[test]
    fn future_talk_in_a_reporting_clause_keeps_its_date() {
        // What someone said will happen, said on the report's day.
        assert_eq!(
            date_of("Harga akan naik pekan ini, kata menteri itu, Rabu (11/3/2026)."),
            Some(d("2026-03-11"))
        );
        assert_eq!(
            date_of(
                "Sidang akan digelar di pengadilan negeri, Rabu (11/3/2026) hari ini. \
                 Kata jaksa saat dikonfirmasi, Selasa (10/3/2026) malam."
            ),
            Some(d("2026-03-11"))
        );
        // Nor does a future verb make `hari ini` another day.
        assert_eq!(
            date_of(
                "Sinetron itu akan tayang untuk terakhir kali pada hari ini, Rabu (11/3/2026). \
                 Episode lalu tayang Senin (9/3/2026)."
            ),
            Some(d("2026-03-11"))
        );
    }

    #[test]
    fn a_day_heard_yesterday_is_reported_the_next_day() {
        for text in [
            "Hal itu disampaikan saat dikonfirmasi wartawan, Senin (9/3/2026) kemarin.",
            "\"Kami siap,\" kata dia, Senin kemarin (9/3/2026).",
            // Beside an older event and an earlier report.
            "Pelaku ditangkap Jumat (6/3/2026). Kata Kapolres, Senin (9/3/2026) kemarin.",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-10")), "{text}");
        }
        // Year-less, the year from the record: the day after, on the next weekday.
        let near = Hints {
            bound: Some(d("2026-03-10")),
            near: Some(d("2026-03-10")),
        };
        assert_eq!(
            pub_of("Kata dia kepada wartawan, Senin (9/3) kemarin.", near),
            Some((d("2026-03-10"), DateSource::InferredYear))
        );
        // Left to the corpus for its year, the weekday moves with the day.
        let picked = pick(
            &scan("Kata dia kepada wartawan, Senin (9/3) kemarin."),
            &[],
            Hints::default(),
        );
        assert_eq!(
            picked.yearless.map(|y| (y.day, y.month, y.weekday)),
            Some((10, 3, Some(2)))
        );
        // Outside a reporting clause, yesterday is an event before the report's day.
        assert_eq!(
            date_of("Kata dia, Rabu (11/3/2026). Pelaku ditangkap Senin (9/3/2026) kemarin."),
            Some(d("2026-03-11"))
        );
    }

    #[test]
    fn a_dateline_after_a_plan_is_the_report_day() {
        // The plan is the day's news; the other dates are older events.
        assert_eq!(
            date_of(
                "KPK akan memeriksa Budi sebagai saksi, Kamis (12/3/2026). Budi ditahan \
                 pada 20 Februari 2026."
            ),
            Some(d("2026-03-12"))
        );
        let near = Hints {
            bound: Some(d("2026-03-12")),
            near: Some(d("2026-03-12")),
        };
        assert_eq!(
            pub_of(
                "KPK akan memeriksa Budi sebagai saksi, Kamis (12/3). Budi menjadi \
                 tersangka pada 20 Februari 2026.",
                near
            ),
            Some((d("2026-03-12"), DateSource::InferredYear))
        );
        // Planned for a day said to be today, whatever else is heard.
        for text in [
            "Dinas akan menguji rute baru pada Jumat (13/3/2026) pagi ini. Kata kepala \
             dinas, Kamis (12/3/2026).",
            "Sidang gugatan digelar pada Jumat (13/3/2026) hari ini. \"Kami siap,\" ujar \
             pengacara saat dikonfirmasi, Kamis (12/3/2026) malam.",
            "Kata dia kepada wartawan hari ini, Jumat (13/3/2026). Lalu Kamis (12/3/2026).",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-13")), "{text}");
        }
        // `pekan ini` is this week, not today; a `hari ini` in the next sentence is not
        // the date's.
        for text in [
            "Pembalap akan absen di seri akhir pekan ini, (15/3/2026). Kata dia, Kamis \
             (12/3/2026).",
            "Kata dia, Kamis (12/3/2026). \"Kami siap,\" ujarnya, Selasa (10/3/2026). Hari \
             ini, tim berlatih.",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-12")), "{text}");
        }
    }

    #[test]
    fn reporting_clauses_and_what_is_not_one() {
        // A bare date closing a reporting clause is the report's.
        assert_eq!(
            date_of(
                "Kata dia kepada wartawan, 12 Maret 2026. Rapat digelar Selasa, 10 Maret 2026."
            ),
            Some(d("2026-03-12"))
        );
        // Not when it is an event's, inside the quoted words, or after a clause of its own.
        for text in [
            "\"Berkas diserahkan paling lambat 20 Maret 2026,\" ujarnya, Kamis (12/3/2026).",
            "Kata dia, syarat berlaku bagi yang berusia 60 tahun per 4 Desember 2026. Rapat \
             Kamis (12/3/2026).",
            "Kata dia, pesta itu digelar pada 28 Maret 2026. Lalu Kamis (12/3/2026).",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-12")), "{text}");
        }
        // `Menurut keterangan saksi, peristiwa terjadi Kamis (...)` is an event, which does
        // not make a later event scheduled.
        assert_eq!(
            date_of(
                "Korban ditemukan pada Minggu (15/3/2026) subuh. Menurut keterangan saksi, awal \
                 mula peristiwa itu terjadi hari Kamis (12/3/2026)."
            ),
            Some(d("2026-03-15"))
        );
        // A citation's day does not make the report's own later event scheduled.
        assert_eq!(
            date_of(
                "Topik itu ramai pada Rabu (11/3/2026). Dikutip dari media lain, Selasa \
                 (10/3/2026), perangkat itu diluncurkan."
            ),
            Some(d("2026-03-11"))
        );
        // The outlet's own gathering is a reporting clause.
        assert_eq!(
            date_of(
                "Redaksi merangkum tiket murah, Selasa (10/3/2026). Tiket untuk terbang pada \
                 Senin (16/3/2026)."
            ),
            Some(d("2026-03-10"))
        );
        // A reporting day whose weekday contradicts it still bounds later events.
        assert_eq!(
            date_of(
                "Pameran dimulai besok, Rabu 11 Maret 2026, ujarnya, Rabu 10 Maret 2026. \
                 Pengunjung gratis pada Kamis 12 Maret 2026."
            ),
            Some(d("2026-03-10"))
        );
    }

    #[test]
    fn other_days_told_by_openers_deadlines_and_old_articles() {
        for text in [
            "Kata ketua, Rabu (11/3/2026). Sebelumnya, Kamis 12 Maret 2026, komisi rapat.",
            "Kata ketua, Rabu (11/3/2026). Esoknya, Kamis, 12 Maret 2026, lomba dimulai.",
            "Kata ketua, Rabu (11/3/2026). Berkas diserahkan paling lambat Senin, 16 Maret 2026.",
            // An older article's `hari ini` appended to the text.
            "Kata dia, Rabu (11/3/2026). Artikel lama: hari ini, Senin (23/2/2026), cerai.",
        ] {
            assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
        }
        // The article's only date, its weekday contradicting it and marked past: still the
        // best there is.
        assert_eq!(
            date_of("Utas itu ramai sejak Minggu (17/3/2026)."),
            Some(d("2026-03-17"))
        );
    }

    #[test]
    fn a_day_written_with_its_year_too_is_stated() {
        assert_eq!(
            pub_of(
                "\"Hari ini Jumat (13/3) pagi kami panggil,\" kata dia, Jumat (13/3/2026).",
                Hints::default()
            ),
            Some((d("2026-03-13"), DateSource::Text))
        );
    }

    #[test]
    fn today_events_and_last_resorts() {
        // `hari ini` names the report's day over a later scheduled one.
        assert_eq!(
            date_of("Sidang digelar Kamis (12/3/2026) hari ini. Lalu Sabtu (14/3/2026)."),
            Some(d("2026-03-12"))
        );
        // `esok` between weekday and date marks tomorrow.
        assert_eq!(
            date_of("Kata dia, Rabu (11/3/2026). Acara Kamis esok hari (12/3/2026)."),
            Some(d("2026-03-11"))
        );
        // An event introduced by `pada` after the day the reporter heard it is scheduled.
        assert_eq!(
            date_of("Kata dia, Rabu (11/3/2026). Pameran dibuka pada Sabtu (14/3/2026)."),
            Some(d("2026-03-11"))
        );
        // A marked date is still better than none when it is the only one.
        assert_eq!(
            date_of("Korban bertambah hingga Senin (9/3/2026) pagi."),
            Some(d("2026-03-09"))
        );
        assert_eq!(
            pub_of(
                "Musim 2026. Tim tampil Jumat (27/2) lalu.",
                Hints::default()
            ),
            Some((d("2026-02-27"), DateSource::InferredYear))
        );
        // A bare date is the last resort, after every anchored one.
        assert_eq!(
            date_of("Pada 9 Maret 2026, rapat digelar."),
            Some(d("2026-03-09"))
        );
        assert_eq!(
            date_of("Pada 20 Maret 2026 rapat. Kata dia, Senin (9/3/2026)."),
            Some(d("2026-03-09"))
        );
    }

    #[test]
    fn forms_between_weekday_and_date_and_without_weekday() {
        for (text, want) in [
            ("kata dia, Senin malam (9/3/2026).", "2026-03-09"),
            ("kata dia, Selasa dini hari (10/3/2026).", "2026-03-10"),
            ("kata dia kepada wartawan (9/3/2026).", "2026-03-09"),
            ("saat dihubungiwartaSenin (9/3/2026).", "2026-03-09"),
            ("kata dia, Selsa (10/3/2026).", "2026-03-10"),
            ("kata dia, Kamsi (12/3/2026).", "2026-03-12"),
        ] {
            assert_eq!(date_of(text), Some(d(want)), "{text}");
        }
        // `pekan lalu` marks a past event: below any other date.
        assert_eq!(
            date_of("Acara digelar Jumat pekan lalu (6/3/2026). Kata dia, (9/3/2026)."),
            Some(d("2026-03-09"))
        );
    }

    #[test]
    fn spans_of_days_give_their_first_day_unless_two_days_have_passed() {
        // Ahead, under way, or longer than two days: the first day.
        let f = scan(
            "Pameran akan digelar 7 - 8 Maret 2026 dan 14-15 Maret 2026 ini, lalu 1–5 April \
             2026. Libur dua hari ke depan pada Senin dan Selasa, 9-10 Maret 2026.",
        );
        let got: Vec<Date> = f.iter().map(|x| x.date).collect();
        assert_eq!(
            got,
            vec![
                d("2026-03-07"),
                d("2026-03-14"),
                d("2026-04-01"),
                d("2026-03-09")
            ]
        );
        // Two days told as done: the report comes as they close, the weekday range's last
        // day agreeing with the date's.
        let f = scan("Festival digelar selama dua hari, Senin-Selasa, 9-10 Maret 2026.");
        assert_eq!(f[0].date, d("2026-03-10"));
        assert!(f[0].weekday && !f[0].inconsistent);
        // A range of weekdays puts the words before it in the date's clause.
        assert!(
            scan("Expo akan digelar di balai kota, Kamis–Minggu 12-15 Maret 2026.")[0].displaced
        );
        // A range that runs backwards or a score is not a span.
        assert!(
            scan("skor 3 - 1 Maret 2026")
                .iter()
                .all(|x| x.date.day != 3)
        );
    }

    #[test]
    fn year_less_dates_take_the_year_the_article_points_to() {
        // From the article's other dates, the weekday agreeing (27/2/2026 is a Friday).
        let text = "Tim tiba Senin (23/2/2026). Kata pelatih, Jumat (27/2).";
        assert_eq!(
            pub_of(text, Hints::default()),
            Some((d("2026-02-27"), DateSource::InferredYear))
        );
        // From a year the text writes as a word.
        assert_eq!(
            date_of("Musim 2026 dimulai. Kata pelatih, Jumat (27/2)."),
            Some(d("2026-02-27"))
        );
        // From the URL or record date: the nearest fitting year.
        let near = Hints {
            bound: Some(d("2026-03-01")),
            near: Some(d("2026-03-01")),
        };
        assert_eq!(
            pub_of("Kata pelatih, Jumat (27/2).", near),
            Some((d("2026-02-27"), DateSource::InferredYear))
        );
        // Nothing in the article gives a year: the date waits for the corpus's years
        // (`loader::years`), with the file's time as its bound.
        let file = Hints {
            bound: Some(d("2026-03-20")),
            near: None,
        };
        let text = "Tiba Kamis (26/2) lalu. Kata pelatih, Jumat (27/2). Laga Sabtu (28/2) besok.";
        assert_eq!(
            pick(&scan(text), &years(text), file),
            Picked {
                date: None,
                yearless: Some(Yearless {
                    day: 27,
                    month: 2,
                    weekday: Some(5),
                    bound: Some(d("2026-03-20")),
                    guess: None,
                }),
            }
        );
        // Only a year written as a word (a birth year): a guess, handed on with the date.
        let text = "Lahir 1976, kata pelatih, Jumat (27/2).";
        let picked = pick(&scan(text), &years(text), Hints::default());
        assert_eq!(
            picked.date,
            Some((d("1976-02-27"), DateSource::InferredYear))
        );
        assert_eq!(picked.yearless.and_then(|y| y.guess), Some(d("1976-02-27")));
        // An anchored full date places it for good.
        let text = "Tim tiba Senin (23/2/2026). Kata pelatih, Jumat (27/2).";
        assert_eq!(
            pick(&scan(text), &years(text), Hints::default()).yearless,
            None
        );
        // A weekday that fits no year next to the evidence: the nearest year it fits.
        assert_eq!(
            date_of("Musim 2026. Kata pelatih, Minggu (27/2)."),
            Some(d("2028-02-27"))
        );
        // No weekday: `(2/1)` is a score, not a date.
        assert_eq!(date_of("Musim 2026 menang (2/1)."), None);
    }

    #[test]
    fn impossible_dates_are_refused() {
        // A weekday contradicting a year that no other date shares: the typo is the year.
        assert_eq!(
            date_of("Acara Senin (2/3/2026). Kata dia, Senin (9/3/2028)."),
            Some(d("2026-03-02"))
        );
        // Supported by another date of its year, an inconsistent date still stands alone.
        assert_eq!(
            date_of("Sejak 1 Januari 2026 lalu. Kata dia, Selasa (9/3/2026)."),
            Some(d("2026-03-09"))
        );
        // Later than the bound plus a day.
        let bound = Hints {
            bound: Some(d("2026-03-10")),
            near: None,
        };
        assert_eq!(pub_of("Kata dia, Kamis (12/3/2026).", bound), None);
        assert_eq!(
            pub_of("Kata dia, Rabu (11/3/2026).", bound),
            Some((d("2026-03-11"), DateSource::Text))
        );
    }

    #[test]
    fn many_dates_on_one_line_stay_linear() {
        // Quadratic work over 60k dates would take minutes; linear work takes milliseconds.
        let line = "Senin (9/3/2026) Selasa (9/3/2025) Rabu (27/2) 2024 ".repeat(20_000);
        let t = std::time::Instant::now();
        let found = scan(&line);
        assert_eq!(found.len(), 60_000);
        assert!(pick(&found, &years(&line), Hints::default()).date.is_some());
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            url_date("https://x.test/news/2026/03/09/judul-berita"),
            Some(d("2026-03-09"))
        );
        assert_eq!(url_date("https://x.test/read/4067609/judul"), None);
        assert_eq!(url_date("https://x.test/2026/13/09/x"), None);
        assert_eq!(url_date("https://x.test/12026/03/09/x"), None);
    }
}
