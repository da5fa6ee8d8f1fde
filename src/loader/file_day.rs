//! The day an article's file was saved, as its date where nothing in the text dates it.
//!
//! A scraper that saves each article as it comes out leaves files whose times track the
//! articles' dates; a copied, unpacked or re-synced archive carries the copy's time, and
//! that day given as a date would sort every undated article above the real ones. So the
//! file's day dates an undated article only in a group (a folder, or a file of records)
//! whose dated articles show the tracking: at least [`MIN_DATED`] of them, and most saved
//! within [`MAX_LAG`] days after the date they state. The date given is the file's day less
//! the group's usual lag, and `date_source` says `file-time`, so a reader can tell it from a
//! stated date.
//!
//! Like the year pass it runs over the whole corpus after every load and live patch, reads
//! only stated dates, and first takes back the dates it gave, so running it again gives the
//! same answer.

use std::collections::HashMap;

use super::years::group_key;
use crate::model::{Date, DateSource, Meta};

/// Fewer stated dates than this say nothing about how a group's files were saved.
const MIN_DATED: usize = 5;

/// A file saved this many days after the date its article states, or fewer, was saved as
/// the article came out.
const MAX_LAG: i64 = 2;

/// The share (in percent) of a group's dated articles whose files must have been saved so.
const MIN_TRACKING: usize = 80;

/// Dates the undated articles of every group whose files track their articles' dates.
pub fn settle(metas: &mut [Meta]) {
    for m in metas.iter_mut() {
        if m.date_source == Some(DateSource::FileTime) {
            m.published = None;
            m.date_source = None;
        }
    }
    if metas
        .iter()
        .all(|m| m.published.is_some() || m.file_day.is_none())
    {
        return;
    }
    let mut lags: HashMap<&str, Vec<i64>> = HashMap::new();
    let mut all: Vec<i64> = Vec::new();
    for m in metas.iter() {
        if let (Some(p), Some(f), Some(DateSource::Text | DateSource::Url | DateSource::Record)) =
            (m.published, m.file_day, m.date_source)
        {
            let lag = f.days() - p.days();
            lags.entry(group_key(m)).or_default().push(lag);
            all.push(lag);
        }
    }
    // A group with enough dated articles answers for itself; a smaller one follows the
    // corpus.
    let usual: HashMap<&str, Option<i64>> = lags
        .iter()
        .filter(|(_, l)| l.len() >= MIN_DATED)
        .map(|(&g, l)| (g, usual_lag(l)))
        .collect();
    let whole = usual_lag(&all);
    let mut dated: Vec<(usize, Date)> = Vec::new();
    for (i, m) in metas.iter().enumerate() {
        let Some(f) = m.file_day.filter(|_| m.published.is_none()) else {
            continue;
        };
        let lag = usual.get(group_key(m)).copied().unwrap_or(whole);
        if let Some(d) = lag.and_then(|lag| Date::from_days(f.days() - lag)) {
            dated.push((i, d));
        }
    }
    for (i, d) in dated {
        let m = &mut metas[i];
        m.published = Some(d);
        m.date_source = Some(DateSource::FileTime);
        m.published_time = None;
    }
}

/// The lag (file day less stated day) a group's files were saved with, when they track
/// their articles: enough of them, most within `0..=MAX_LAG`; the median of those.
fn usual_lag(lags: &[i64]) -> Option<i64> {
    let mut close: Vec<i64> = lags
        .iter()
        .copied()
        .filter(|l| (0..=MAX_LAG).contains(l))
        .collect();
    if lags.len() < MIN_DATED || close.len() * 100 < lags.len() * MIN_TRACKING {
        return None;
    }
    close.sort_unstable();
    close.get(close.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn meta(path: &str, published: Option<&str>, file: &str) -> Meta {
        Meta {
            source_path: path.into(),
            published: published.map(d),
            date_source: published.map(|_| DateSource::Text),
            file_day: Some(d(file)),
            ..Meta::default()
        }
    }

    #[test]
    fn a_scrapers_folder_dates_its_undated_articles_by_their_files() {
        // Saved the day after each article came out, one day saved the same day.
        let mut metas = vec![
            meta("scrape/a.txt", Some("2025-10-01"), "2025-10-02"),
            meta("scrape/b.txt", Some("2025-10-03"), "2025-10-04"),
            meta("scrape/c.txt", Some("2025-10-05"), "2025-10-05"),
            meta("scrape/d.txt", Some("2025-10-07"), "2025-10-08"),
            meta("scrape/e.txt", Some("2025-10-09"), "2025-10-10"),
            meta("scrape/undated.txt", None, "2025-10-12"),
        ];
        settle(&mut metas);
        assert_eq!(metas[5].published, Some(d("2025-10-11")));
        assert_eq!(metas[5].date_source, Some(DateSource::FileTime));
        // Stated dates stand, and a second run gives the same answer.
        assert_eq!(metas[0].published, Some(d("2025-10-01")));
        let before = metas.clone();
        settle(&mut metas);
        assert_eq!(metas, before);
    }

    #[test]
    fn a_copied_archive_or_a_thin_folder_leaves_its_undated_articles_undated() {
        // Copied in 2026 from a 2019 scrape: every file carries the copy's day.
        let mut copied: Vec<Meta> = (1..=6)
            .map(|k| meta("old/a.txt", Some(&format!("2019-09-{k:02}")), "2026-03-01"))
            .collect();
        copied.push(meta("old/undated.txt", None, "2026-03-01"));
        settle(&mut copied);
        assert_eq!(copied[6].published, None);
        assert_eq!(copied[6].date_source, None);
        // Four dated articles say too little, and the rest of the corpus is a copy.
        let mut thin = vec![
            meta("new/a.txt", Some("2025-10-01"), "2025-10-01"),
            meta("new/b.txt", Some("2025-10-02"), "2025-10-02"),
            meta("new/undated.txt", None, "2025-10-03"),
        ];
        thin.extend(copied.iter().take(6).cloned());
        settle(&mut thin);
        assert_eq!(thin[2].published, None);
    }

    #[test]
    fn a_small_folder_follows_the_corpus_it_belongs_to() {
        let mut metas: Vec<Meta> = (1..=6)
            .map(|k| {
                let day = format!("2025-10-{k:02}");
                meta("big/a.txt", Some(&day), &day)
            })
            .collect();
        metas.push(meta("small/undated.txt", None, "2025-10-20"));
        settle(&mut metas);
        assert_eq!(metas[6].published, Some(d("2025-10-20")));
    }
}
