//! The year of a year-less publication date (`Jumat (27/9)`) that nothing in its own article
//! places, taken from the rest of the corpus.
//!
//! Articles of one scrape cluster in time: the dates the other articles of the same folder
//! (or the same file of records) state in full say which years, and which months of them,
//! the scrape covers. Among those years the one whose calendar puts the day on its weekday
//! is the reader's answer; between several, the one with the most articles near that day.
//! The file's time is only a bound (a copied archive carries the copy's time), and the last
//! resort when the corpus states no year at all.
//!
//! Parsing is per file and cached; this pass runs over the whole corpus after every load
//! and live patch. It reads only dates the articles state (text, URL, record), never the
//! years it gave itself, so running it again gives the same answer.

use std::collections::HashMap;
use std::path::Path;

use super::parse::weekday_of;
use crate::model::{Article, Date, DateSource, Meta, Yearless};

/// Fewer dated articles than this in a folder say little about it: the whole corpus is
/// asked instead.
const MIN_PRIOR: usize = 3;

/// Days either side of the year-less date in which other articles count as "near" it.
const NEAR_DAYS: i64 = 45;

/// A year qualifies only when it holds at least this share (in percent) of the dated
/// articles: a few articles dated to a year they only mention (a 1976 anniversary) must not
/// give it to a year-less date whose weekday the scrape's own years do not fit.
const MIN_SHARE: usize = 5;

/// With no article near the day in any year, a year still qualifies when it holds at least
/// this share (in percent): a scrape's core years.
const CORE_SHARE: usize = 20;

/// Gives every article waiting with a year-less date ([`Meta::yearless`]) its year, then
/// those nothing dates their file's day where their folder's files track their articles
/// ([`super::file_day`]).
pub fn settle(metas: &mut [Meta]) {
    settle_years(metas);
    super::file_day::settle(metas);
}

fn settle_years(metas: &mut [Meta]) {
    if metas.iter().all(|m| m.yearless.is_none()) {
        return;
    }
    let mut groups: HashMap<&str, usize> = HashMap::new();
    let mut group_of = Vec::with_capacity(metas.len());
    for m in metas.iter() {
        let n = groups.len();
        group_of.push(*groups.entry(group_key(m)).or_insert(n));
    }
    let groups = groups.len();
    let mut priors: Vec<Vec<i64>> = vec![Vec::new(); groups];
    let mut all: Vec<i64> = Vec::new();
    for (m, &g) in metas.iter().zip(&group_of) {
        if let (Some(d), Some(DateSource::Text | DateSource::Url | DateSource::Record)) =
            (m.published, m.date_source)
        {
            priors[g].push(d.days());
            all.push(d.days());
        }
    }
    let priors: Vec<Prior> = priors.into_iter().map(Prior::new).collect();
    let all = Prior::new(all);
    for (m, &g) in metas.iter_mut().zip(&group_of) {
        let Some(y) = m.yearless else { continue };
        let prior = [&priors[g], &all]
            .into_iter()
            .find(|p| p.days.len() >= MIN_PRIOR);
        // The corpus's years overrule the article's weak guess; where they exist and fit no
        // year, the article stays undated rather than take a year they contradict. Only a
        // corpus that states no year at all leaves it to the file's time.
        let placed = match prior {
            Some(p) => p
                .place(y)
                .map(|d| (d, DateSource::CorpusYear))
                .or_else(|| y.guess.map(|d| (d, DateSource::InferredYear))),
            None => y
                .guess
                .or_else(|| by_file(y))
                .map(|d| (d, DateSource::InferredYear)),
        };
        m.published = placed.map(|(d, _)| d);
        m.date_source = placed.map(|(_, s)| s);
    }
}

/// [`settle`] over whole articles: a file read on its own, as its own corpus.
pub fn settle_articles(articles: &mut [Article]) {
    let mut metas: Vec<Meta> = articles.iter().map(|a| a.meta.clone()).collect();
    settle(&mut metas);
    for (a, m) in articles.iter_mut().zip(metas) {
        a.meta = m;
    }
}

/// Articles share a prior with those of the same file of records, else of the same folder.
/// Borrowed from the path: this runs over every article after every live change.
pub(super) fn group_key(m: &Meta) -> &str {
    if m.record.is_some() {
        return &m.source_path;
    }
    Path::new(&m.source_path)
        .parent()
        .and_then(Path::to_str)
        .unwrap_or_default()
}

/// The stated dates of a group, as days since the epoch, sorted, with the years they fall
/// in.
struct Prior {
    days: Vec<i64>,
    years: Vec<(u16, usize)>,
}

impl Prior {
    fn new(mut days: Vec<i64>) -> Prior {
        days.sort_unstable();
        let mut years: Vec<(u16, usize)> = Vec::new();
        for d in days.iter().filter_map(|&d| Date::from_days(d)) {
            match years.last_mut() {
                Some((y, n)) if *y == d.year => *n += 1,
                _ => years.push((d.year, 1)),
            }
        }
        Prior { days, years }
    }

    /// Articles stated within [`NEAR_DAYS`] of `d`.
    fn near(&self, d: Date) -> usize {
        let (lo, hi) = (d.days() - NEAR_DAYS, d.days() + NEAR_DAYS);
        self.days.partition_point(|&x| x <= hi) - self.days.partition_point(|&x| x < lo)
    }

    /// The year the group's dates point to for `y`: the weekday agreeing, not after the
    /// bound, most articles near the day, then most articles in the year.
    fn place(&self, y: Yearless) -> Option<Date> {
        let total = self.days.len();
        self.years
            .iter()
            .filter_map(|&(year, n)| Some((Date::new(year, y.month, y.day)?, n)))
            .filter(|&(d, _)| fits(d, y))
            .map(|(d, n)| (d, self.near(d), n))
            .filter(|&(_, near, n)| {
                n * 100 >= total * MIN_SHARE && (near > 0 || n * 100 >= total * CORE_SHARE)
            })
            .max_by_key(|&(d, near, n)| (near, n, d))
            .map(|(d, _, _)| d)
    }
}

/// Whether `d` is on the weekday written and not later than the bound plus a day.
fn fits(d: Date, y: Yearless) -> bool {
    y.weekday.is_none_or(|w| weekday_of(d) == w) && y.bound.is_none_or(|b| d.days() <= b.days() + 1)
}

/// With no stated year anywhere in the corpus: the file's year or the year before, as a
/// reader of a fresh scrape would. Searching further back for a year the weekday fits dates
/// a copied archive (2019 texts with 2026 file times) to arbitrary recent years.
fn by_file(y: Yearless) -> Option<Date> {
    let b = y.bound?;
    [b.year, b.year.saturating_sub(1)]
        .into_iter()
        .filter_map(|year| Date::new(year, y.month, y.day))
        .find(|&d| fits(d, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn stated(path: &str, date: &str) -> Meta {
        Meta {
            source_path: path.into(),
            published: Some(d(date)),
            date_source: Some(DateSource::Text),
            ..Meta::default()
        }
    }

    fn waiting(path: &str, day: u8, month: u8, weekday: Option<u8>, bound: &str) -> Meta {
        Meta {
            source_path: path.into(),
            yearless: Some(Yearless {
                day,
                month,
                weekday,
                bound: Some(d(bound)),
                guess: None,
            }),
            ..Meta::default()
        }
    }

    fn placed(m: &Meta) -> Option<(String, DateSource)> {
        m.published.map(|p| (p.to_string(), m.date_source.unwrap()))
    }

    #[test]
    fn the_folder_gives_the_year_whose_weekday_fits() {
        // A 2019 scrape copied in 2026: 27/9 was a Friday (5) in 2019, not in 2025 or 2026.
        let mut metas = vec![
            stated("s/a.txt", "2019-09-20"),
            stated("s/b.txt", "2019-10-02"),
            stated("s/c.txt", "2019-08-30"),
            waiting("s/d.txt", 27, 9, Some(5), "2026-03-01"),
        ];
        settle(&mut metas);
        assert_eq!(
            placed(&metas[3]),
            Some(("2019-09-27".into(), DateSource::CorpusYear))
        );
        // Again: the pass reads only stated dates, so it gives the same answer.
        settle(&mut metas);
        assert_eq!(placed(&metas[3]).unwrap().0, "2019-09-27");
    }

    #[test]
    fn of_several_years_the_weekday_and_then_nearby_articles_decide() {
        // A scrape over the turn of a year: 30/12 was a Monday (1) in 2024, a Tuesday in 2025.
        let mut metas = vec![
            stated("s/a.txt", "2024-12-20"),
            stated("s/b.txt", "2025-01-05"),
            stated("s/c.txt", "2025-01-09"),
            waiting("s/d.txt", 30, 12, Some(1), "2026-01-01"),
            // No weekday: the year with most articles near the day.
            waiting("s/e.txt", 3, 1, None, "2026-01-01"),
        ];
        settle(&mut metas);
        assert_eq!(placed(&metas[3]).unwrap().0, "2024-12-30");
        assert_eq!(placed(&metas[4]).unwrap().0, "2025-01-03");
    }

    #[test]
    fn never_after_the_file_nor_from_a_stray_year() {
        let mut metas = vec![
            stated("s/a.txt", "2019-09-20"),
            stated("s/b.txt", "2019-09-25"),
            stated("s/c.txt", "2019-10-01"),
            stated("s/d.txt", "2019-10-03"),
            stated("s/e.txt", "2019-10-04"),
            stated("s/f.txt", "2019-10-07"),
            stated("s/g.txt", "2019-10-08"),
            stated("s/h.txt", "2019-10-09"),
            stated("s/i.txt", "2019-10-10"),
            stated("s/j.txt", "2019-10-11"),
            stated("s/k.txt", "2019-10-14"),
            stated("s/l.txt", "2019-10-15"),
            stated("s/m.txt", "2019-10-16"),
            stated("s/n.txt", "2019-10-17"),
            stated("s/o.txt", "2019-10-18"),
            stated("s/p.txt", "2019-10-21"),
            stated("s/q.txt", "2019-10-22"),
            stated("s/r.txt", "2019-10-23"),
            stated("s/s.txt", "2019-10-24"),
            stated("s/t.txt", "2019-10-25"),
            // An anniversary article dated to the year it remembers.
            stated("s/u.txt", "2013-09-27"),
            // 27/9/2019 is past this file's time.
            waiting("s/v.txt", 27, 9, Some(5), "2019-09-10"),
            // 27/9 was a Friday in 2013 but not 2019 (a Thursday 26/9 misspelt): one
            // article in 2013 is a stray year, and the file's year before (2018) is not
            // asked when the folder states its years.
            waiting("s/w.txt", 27, 9, Some(4), "2026-03-01"),
        ];
        settle(&mut metas);
        assert_eq!(placed(&metas[21]), None);
        assert_eq!(placed(&metas[22]), None);
        // The article's own guess stands where the folder gives no year.
        metas[22].yearless.as_mut().unwrap().guess = Some(d("2018-09-27"));
        settle(&mut metas);
        assert_eq!(
            placed(&metas[22]),
            Some(("2018-09-27".into(), DateSource::InferredYear))
        );
    }

    #[test]
    fn a_corpus_that_states_no_year_leaves_it_to_the_guess_then_the_file() {
        let mut metas = vec![
            waiting("s/a.txt", 27, 9, Some(5), "2019-10-10"),
            // 28/9 was a Friday in 2018: the file's year before.
            waiting("s/b.txt", 28, 9, Some(5), "2019-10-10"),
            // A Friday only years before the file: undated, not a year found by searching.
            waiting("s/c.txt", 27, 9, Some(5), "2026-03-01"),
            waiting("s/d.txt", 27, 9, Some(5), "2026-03-01"),
        ];
        metas[3].yearless.as_mut().unwrap().guess = Some(d("2024-09-27"));
        settle(&mut metas);
        let got: Vec<_> = metas.iter().map(|m| placed(m).map(|p| p.0)).collect();
        assert_eq!(
            got,
            vec![
                Some("2019-09-27".into()),
                Some("2018-09-28".into()),
                None,
                Some("2024-09-27".into())
            ]
        );
    }

    #[test]
    fn folders_and_record_files_keep_their_own_years() {
        let mut metas = vec![
            stated("a/1.txt", "2019-09-20"),
            stated("a/2.txt", "2019-09-25"),
            stated("a/3.txt", "2019-10-01"),
            stated("b/1.txt", "2024-09-20"),
            stated("b/2.txt", "2024-09-25"),
            stated("b/3.txt", "2024-10-01"),
            // 27/9 was a Friday in 2019 and 2024.
            waiting("a/4.txt", 27, 9, Some(5), "2026-03-01"),
            waiting("b/4.txt", 27, 9, Some(5), "2026-03-01"),
            // A folder with too few dates of its own asks the whole corpus, where both years
            // are as near: the later one.
            waiting("c/1.txt", 27, 9, Some(5), "2026-03-01"),
        ];
        settle(&mut metas);
        assert_eq!(placed(&metas[6]).unwrap().0, "2019-09-27");
        assert_eq!(placed(&metas[7]).unwrap().0, "2024-09-27");
        assert_eq!(placed(&metas[8]).unwrap().0, "2024-09-27");
    }
}
