//! Extraction fidelity against the corpora's own metadata (issue 19), shared by
//! `examples/eval_parse.rs` (which prints the table) and `tests/it/eval_parse.rs` (which
//! enforces the targets). Both include this file with `#[path]`.
//!
//! The truth is each JSONL record's `title`, `source`, `url` and `date`; a `.txt` file is
//! named by its record's `id`, so both forms of a corpus join the same records. Every check
//! here is computed apart from the parser (plain substring scans over the raw text), so a
//! parser change cannot move its own yardstick:
//!
//! - *stated*: the raw text writes the metadata date with its year, as `d/m/yyyy` (either
//!   part zero-padded or not) or `d Month yyyy` (Indonesian or English month, full or
//!   abbreviated), not glued to a digit before it;
//! - *year-less*: the text has a weekday name followed within a few characters by
//!   `(d/m)` with no year; it is *resolved* when the article gets a date from its text,
//!   URL or record;
//! - *URL-dated*: the record's URL carries `/yyyy/mm/dd/`;
//! - *outlet named*: the outlet family of the record's `source` (detik, kompas, tribun …)
//!   occurs in the raw text or the article has a URL;
//! - *boilerplate left*: body paragraphs in one of the non-body forms
//!   ([`boiler_form`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use warta::corpus::Corpus;
use warta::loader::{self, Input, LoadOptions};
use warta::model::{Article, Date, Format, Meta};

/// The corpora: (column name, path under the shared folder, metadata JSONL, how to read).
pub const CORPORA: [(&str, &str, &str, Mode); 5] = [
    ("detik2025 txt", "detik2025", "detik2025.jsonl", Mode::Load),
    (
        "detik2025.jsonl",
        "detik2025.jsonl",
        "detik2025.jsonl",
        Mode::Load,
    ),
    (
        "clickid2019 txt",
        "clickid2019",
        "clickid2019.jsonl",
        Mode::Load,
    ),
    (
        "clickid2019.jsonl",
        "clickid2019.jsonl",
        "clickid2019.jsonl",
        Mode::Load,
    ),
    (
        "clickid2019 bodies",
        "clickid2019.jsonl",
        "clickid2019.jsonl",
        Mode::BodiesAsText,
    ),
];

/// How a corpus is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// With the crate's loader, as `warta` reads it (record fields win in JSONL).
    Load,
    /// Each JSONL record's title and body as a plain text file, without its URL, date or
    /// source: the whole clickid2019 set as the parser sees a scraped `.txt`.
    BodiesAsText,
}

/// The shared corpora folder beside the repository (`../shared/corpora`), when there.
pub fn shared_corpora(manifest_dir: &Path) -> Option<PathBuf> {
    let dir = manifest_dir.parent()?.join("shared").join("corpora");
    dir.is_dir().then_some(dir)
}

/// One JSONL record's metadata.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub id: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub date: Option<Date>,
    /// The page's own stamp where the record keeps it apart from `date` (clickid2019's
    /// `date_raw`, `2019-09-12 00:00:00 08:32:00`) and it names another day than `date`,
    /// which that corpus takes from the URL: okezone's URLs carry the day the story's page
    /// was opened, its stamp (and the story's own `dikutip Okezone …, Kamis (12/9/2019)`)
    /// the day it came out, a day or more later in one record in ten. Not a stamp that is
    /// `date` with day and month swapped (Excel did that to some kompas rows).
    pub page_date: Option<Date>,
    pub body: String,
}

/// The records of a JSONL file, in line order (blank lines skipped, as the loader does).
pub fn read_truth(path: &Path) -> Vec<Truth> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            Truth {
                id: s("id"),
                title: s("title"),
                source: s("source"),
                url: s("url"),
                date: s("date").get(..10).and_then(|d| d.parse().ok()),
                page_date: page_date(&s("date_raw"), s("date").get(..10)),
                body: s("body"),
            }
        })
        .collect()
}

/// The day of a record's `date_raw` written `YYYY-MM-DD 00:00:00 …`, where it is not `date`
/// (`YYYY-MM-DD`) itself nor `date` with day and month swapped.
pub fn page_date(raw: &str, date: Option<&str>) -> Option<Date> {
    let day = raw.get(..10)?;
    if raw.get(10..19) != Some(" 00:00:00") {
        return None;
    }
    let swapped = date.and_then(|d| {
        Some(format!(
            "{}-{}-{}",
            d.get(..4)?,
            d.get(8..10)?,
            d.get(5..7)?
        ))
    });
    if Some(day) == date || swapped.as_deref() == Some(day) {
        return None;
    }
    day.parse().ok()
}

/// One parsed article joined with its record.
pub struct Case {
    pub truth: Truth,
    /// The raw text the parser read (title line, then body).
    pub text: String,
    pub meta: Meta,
    pub body: Vec<String>,
    /// The modification time of the file it came from.
    pub file_time: Option<Date>,
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days(d: Date) -> i64 {
    let (y, m, dd) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC date of a file time.
pub fn date_of_time(t: SystemTime) -> Option<Date> {
    let secs = t.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
    let z = i64::try_from(secs / 86_400).ok()? + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

fn mtime(path: &Path) -> Option<Date> {
    date_of_time(std::fs::metadata(path).ok()?.modified().ok()?)
}

/// Loads one corpus and joins every article with its record.
pub fn load(shared: &Path, rel: &str, jsonl: &str, mode: Mode) -> Vec<Case> {
    let truths = read_truth(&shared.join(jsonl));
    let path = shared.join(rel);
    if mode == Mode::BodiesAsText {
        let file_time = mtime(&path);
        let file_ns = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i128);
        let parsed: Vec<(Truth, String, Article)> = truths
            .into_par_iter()
            .map(|t| {
                let text = format!("{}\n{}", t.title, t.body);
                let name = format!("{}.txt", t.id);
                let mut articles = loader::parse_bytes(&name, text.as_bytes(), Format::Txt)
                    .map(|(a, _)| a)
                    .unwrap_or_default();
                if let Some(ns) = file_ns {
                    loader::date_by_file(&mut articles, ns);
                }
                let article = articles.pop().unwrap_or_default();
                (t, text, article)
            })
            .collect();
        // As the loader does once a folder of such files is read: year-less dates take the
        // years the other articles state.
        let mut metas: Vec<Meta> = parsed.iter().map(|(_, _, a)| a.meta.clone()).collect();
        loader::years::settle(&mut metas);
        return parsed
            .into_iter()
            .zip(metas)
            .map(|((truth, text, article), meta)| Case {
                truth,
                text,
                meta,
                body: article.body.body,
                file_time,
            })
            .collect();
    }
    let corpus: Corpus = loader::load(&[Input::Path(path.clone())], &LoadOptions::default()).corpus;
    let by_id: HashMap<&str, &Truth> = truths.iter().map(|t| (t.id.as_str(), t)).collect();
    (0..corpus.len())
        .into_par_iter()
        .filter_map(|i| {
            let meta = corpus.meta(i).clone();
            let src_buf = PathBuf::from(&meta.source_path);
            let src = src_buf.as_path();
            let (truth, text) = match meta.record {
                Some(r) => {
                    let t = truths.get(r)?.clone();
                    let text = format!("{}\n{}", t.title, t.body);
                    (t, text)
                }
                None => {
                    let stem = src.file_stem()?.to_str()?;
                    let t = (*by_id.get(stem)?).clone();
                    (t, std::fs::read_to_string(src).ok()?)
                }
            };
            let body = corpus.body(i).map(|b| b.body).unwrap_or_default();
            Some(Case {
                truth,
                text,
                meta,
                body,
                file_time: mtime(src),
            })
        })
        .collect()
}

const MONTH_NAMES: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "pebruari", "february", "feb", "peb"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "ags", "aug"],
    &["september", "sept", "sep"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nopember", "nov"],
    &["desember", "december", "des", "dec"],
];

const WEEKDAY_NAMES: [&str; 10] = [
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "jum’at",
];

/// Whether `needle` occurs in `hay` with no digit glued before it or after it.
fn occurs(hay: &str, needle: &str) -> bool {
    occurs_where(hay, needle, |c| c.is_ascii_digit())
}

/// `needle` in `hay` with no digit before it and no character `glued` after it.
fn occurs_where(hay: &str, needle: &str, glued: impl Fn(char) -> bool) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let at = from + p;
        let end = at + needle.len();
        let before_ok = !hay[..at].ends_with(|c: char| c.is_ascii_digit());
        let after_ok = !hay[end..].starts_with(&glued);
        if before_ok && after_ok {
            return true;
        }
        from = at + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Words that open a reporting clause, matched as word prefixes (`katanya`, `ujarnya`).
const REPORT_WORDS: [&str; 26] = [
    "kata",
    "ujar",
    "ungkap",
    "jelas",
    "tutur",
    "papar",
    "tegas",
    "terang",
    "imbuh",
    "tambah",
    "ucap",
    "sebut",
    "dikutip",
    "dilansir",
    "keterangan",
    "wartawan",
    "dihubungi",
    "ditemui",
    "dikonfirmasi",
    "mengatakan",
    "menjelaskan",
    "menuturkan",
    "mengungkapkan",
    "menyampaikan",
    "melansir",
    "mengutip",
];

/// Which split row of "exact where stated" an article whose record says `truth` counts in:
/// the text reports that day, reports no day, or writes it only as an event's beside
/// reported days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedRow {
    Reported,
    Unreported,
    EventOnly,
}

impl StatedRow {
    pub fn of(lower: &str, truth: Date) -> StatedRow {
        let reported = reported_days(lower);
        if reported.contains(&truth) {
            StatedRow::Reported
        } else if reported.is_empty() {
            StatedRow::Unreported
        } else {
            StatedRow::EventOnly
        }
    }

    /// How `--show` tags a miss in this row.
    #[allow(dead_code)] // printed by the example only; the test binary includes this file too
    pub fn tag(self) -> &'static str {
        match self {
            StatedRow::Reported => "day reported",
            StatedRow::Unreported => "no day reported",
            StatedRow::EventOnly => "event only",
        }
    }
}

/// The days the lower-cased text writes at the end of a reporting clause (`kata x, senin
/// (9/9/2019)`, `ujarnya kepada wartawan, senin, 9 september 2019`): the days someone was
/// heard or a source read. Deliberately simpler than the parser's reading, so that it can
/// judge it: a reporting word in the date's sentence before it, no quotation mark between.
pub fn reported_days(lower: &str) -> Vec<Date> {
    let mut found: Vec<(usize, Date)> = Vec::new();
    let num = |s: &str| -> Option<u16> { s.parse().ok() };
    for (at, _) in lower.match_indices('(') {
        let rest = &lower[at + 1..];
        let Some(close) = rest.find(')').filter(|&c| c <= 10) else {
            continue;
        };
        let parts: Vec<&str> = rest[..close].split('/').collect();
        if let [dd, mm, yy] = parts[..]
            && yy.len() == 4
            && let (Some(day), Some(month), Some(year)) = (num(dd), num(mm), num(yy))
            && let (Ok(day), Ok(month)) = (u8::try_from(day), u8::try_from(month))
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            found.push((at, Date { year, month, day }));
        }
    }
    for (m, names) in MONTH_NAMES.iter().enumerate() {
        let needle = format!(" {} ", names[0]);
        for (at, _) in lower.match_indices(&needle) {
            let day = lower[..at]
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(num);
            let year = lower[at + needle.len()..].get(..4).and_then(num);
            if let (Some(day), Some(year)) = (day, year)
                && let Ok(day) = u8::try_from(day)
                && (1..=31).contains(&day)
                && year >= 1900
            {
                let month = u8::try_from(m + 1).unwrap_or(1);
                found.push((at, Date { year, month, day }));
            }
        }
    }
    found
        .into_iter()
        .filter(|&(at, _)| {
            let mut from = at.saturating_sub(160);
            while !lower.is_char_boundary(from) {
                from += 1;
            }
            let window = &lower[from..at];
            let clause = window
                .rfind(['.', '"', '\u{201c}', '\u{201d}', '\n'])
                .map_or(window, |p| {
                    let stop = window[p..].chars().next().map_or(1, char::len_utf8);
                    &window[p + stop..]
                });
            clause
                .split(|c: char| !c.is_alphabetic())
                .any(|w| REPORT_WORDS.iter().any(|r| w.starts_with(r)))
        })
        .map(|(_, d)| d)
        .collect()
}

/// Whether the lower-cased text writes `d` with its year (see the module doc).
pub fn states(lower: &str, d: Date) -> bool {
    let days = [format!("{}", d.day), format!("{:02}", d.day)];
    let months = [format!("{}", d.month), format!("{:02}", d.month)];
    for dd in &days {
        for mm in &months {
            if occurs(lower, &format!("{dd}/{mm}/{}", d.year)) {
                return true;
            }
        }
        for name in MONTH_NAMES[usize::from(d.month) - 1] {
            if occurs(lower, &format!("{dd} {name} {}", d.year))
                || occurs(lower, &format!("{dd} {name}. {}", d.year))
            {
                return true;
            }
        }
    }
    false
}

/// Whether the lower-cased text writes the day and month of `d`, a day before or a day after,
/// in any form (`10/9`, `10/09/2019`, `(10/9)`, `10 september`): without that, no reading
/// of the text can date the article within a day of `d`.
pub fn writes_near(lower: &str, d: Date) -> bool {
    (-1..=1).any(|k| {
        let secs = (days(d) + k) * 86_400;
        let Some(x) = u64::try_from(secs)
            .ok()
            .and_then(|s| date_of_time(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(s)))
        else {
            return false;
        };
        let dd = [format!("{}", x.day), format!("{:02}", x.day)];
        let mm = [format!("{}", x.month), format!("{:02}", x.month)];
        dd.iter().any(|a| {
            mm.iter().any(|b| occurs(lower, &format!("{a}/{b}")))
                || MONTH_NAMES[usize::from(x.month) - 1]
                    .iter()
                    .any(|name| occurs_word(lower, &format!("{a} {name}")))
        })
    })
}

/// [`occurs`] with no letter after `needle` either (`10 sep` is not `10 sepeda`).
fn occurs_word(hay: &str, needle: &str) -> bool {
    occurs_where(hay, needle, char::is_alphanumeric)
}

/// Whether the lower-cased text has a weekday followed by a year-less `(d/m)`.
pub fn has_yearless(lower: &str) -> bool {
    let b = lower.as_bytes();
    let mut from = 0;
    while let Some(p) = lower[from..].find('(') {
        let at = from + p;
        from = at + 1;
        let mut j = at + 1;
        let d0 = j;
        while j < b.len() && b[j].is_ascii_digit() && j - d0 < 3 {
            j += 1;
        }
        if !(1..=2).contains(&(j - d0)) || b.get(j) != Some(&b'/') {
            continue;
        }
        j += 1;
        let m0 = j;
        while j < b.len() && b[j].is_ascii_digit() && j - m0 < 3 {
            j += 1;
        }
        if !(1..=2).contains(&(j - m0)) || b.get(j) != Some(&b')') {
            continue;
        }
        let mut s = at.saturating_sub(24);
        while !lower.is_char_boundary(s) {
            s += 1;
        }
        if WEEKDAY_NAMES.iter().any(|w| lower[s..at].contains(w)) {
            return true;
        }
    }
    false
}

/// The `/yyyy/mm/dd/` date of a URL.
pub fn url_date(url: &str) -> Option<Date> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2;
        ok.then(|| format!("{}-{}-{}", w[0], w[1], w[2]).parse().ok())
            .flatten()
    })
}

/// The outlet family a record's `source` belongs to, as it is written in text.
pub fn family(source: &str) -> Option<&'static str> {
    let s = source.to_lowercase();
    [
        "detik",
        "kompas",
        "tribun",
        "tempo",
        "okezone",
        "sindo",
        "wowkeren",
        "kapanlagi",
        "fimela",
        "posmetro",
        "liputan6",
        "antara",
        "cnn",
    ]
    .into_iter()
    .find(|f| s.contains(f))
}

/// Whether `text` writes the outlet family `fam` (lower case) as a name: a word starting
/// with it, capitalised or written as a site (`Tempo`, `TEMPO.CO`, `detikcom`,
/// `detikJatim`, `Tribunnews`), not the common word inside prose (`detik ini`, `jatuh
/// tempo`, `kontemporer`).
pub fn names_outlet(text: &str, fam: &str) -> bool {
    let lower = text.to_lowercase();
    // Lower-casing these ASCII names keeps byte offsets only where the text before is ASCII
    // alike; compare on chars of the original at the same offsets when they line up.
    if lower.len() != text.len() {
        return names_outlet(&text.replace(|c: char| !c.is_ascii(), " "), fam);
    }
    let mut from = 0;
    while let Some(p) = lower[from..].find(fam) {
        let at = from + p;
        from = at + fam.len();
        // A digit may come before (`20detik`, a video brand), a letter may not.
        if lower[..at].ends_with(char::is_alphabetic) {
            continue;
        }
        let first_upper = text[at..].starts_with(|c: char| c.is_uppercase());
        let rest = &text[at + fam.len()..];
        let site = rest.starts_with(|c: char| c.is_uppercase())
            || rest.starts_with("com")
            || rest.starts_with(".co")
            || rest.starts_with("news");
        let word_end = !rest.starts_with(|c: char| c.is_lowercase());
        if site || (first_upper && (word_end || fam.len() > 6)) {
            return true;
        }
    }
    false
}

/// The non-body forms, by name, for a body paragraph.
pub fn boiler_form(p: &str) -> Option<&'static str> {
    let l = p.to_lowercase();
    let l = l.trim_start_matches(['"', '\'', '“', '‘', ' ', '-', '*', '•']);
    let starts = |s: &[&str]| s.iter().any(|x| l.starts_with(x));
    if l.contains("scroll to continue") || starts(&["advertisement"]) {
        Some("advert")
    } else if starts(&["baca juga", "baca:", "(baca:", "baca selengkapnya"]) {
        Some("related")
    } else if starts(&[
        "simak juga",
        "simak video",
        "lihat juga",
        "tonton juga",
        "saksikan juga",
        "[gambas:",
    ]) {
        Some("prompt")
    } else if l.contains("artikel ini telah tayang")
        || l.contains("artikel ini tayang di")
        || starts(&["(penulis:", "penulis:", "editor:", "(editor:"])
    {
        Some("credit")
    } else if l == "loading..." || l.ends_with(" loading...") {
        Some("footer")
    } else if starts(&["halaman selanjutnya", "halaman berikutnya", "next page"]) {
        Some("pagination")
    } else if starts(&["(foto:", "foto:"]) && l.chars().count() < 200 {
        Some("caption")
    } else {
        None
    }
}

/// A share: hits of a count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub hit: usize,
    pub of: usize,
}

impl Share {
    pub fn add(&mut self, counted: bool, hit: bool) {
        if counted {
            self.of += 1;
            self.hit += usize::from(hit);
        }
    }
    pub fn rate(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
    fn cell(&self) -> String {
        if self.of == 0 {
            "–".into()
        } else {
            format!("{:.1}% ({}/{})", 100.0 * self.rate(), self.hit, self.of)
        }
    }
}

/// The scores of one corpus.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub articles: usize,
    pub title: Share,
    pub date_exact: Share,
    pub date_near: Share,
    pub date_none: usize,
    /// Where the text states the record's day or the page's stamp ([`Truth::page_date`]),
    /// the article has one of them.
    pub stated_exact: Share,
    /// The same against the record's `date` alone.
    pub stated_record: Share,
    /// "Exact where stated" split three ways: the record's day is a day the text reports
    /// someone heard or read / the text reports no day / the text writes the record's day
    /// only as an event's while its reporting clauses name other days, where a reader
    /// cannot tell on which of them the report came out.
    pub stated_reported: Share,
    pub stated_unreported: Share,
    pub stated_event_only: Share,
    pub yearless_resolved: Share,
    pub yearless_near: Share,
    pub url_near: Share,
    /// URL-dated articles whose text writes a day within one of the URL's (any form).
    pub url_written: Share,
    /// ±1 day of the URL among those.
    pub url_near_written: Share,
    pub later_than_record: usize,
    pub later_than_file: usize,
    pub outlet: Share,
    /// The same over texts with the family's letters anywhere (`detik ini` included): the
    /// measure before it asked for a name.
    pub outlet_loose: Share,
    pub authors: Share,
    pub boiler_lines: usize,
    pub boiler_articles: usize,
    /// Articles by `date_source` (or "none").
    pub sources: Vec<(String, usize)>,
    /// The misses of "stated", "URL-dated", "year-less resolved" and "later than the
    /// record", for `--show`.
    pub stated_misses: Vec<usize>,
    pub url_misses: Vec<usize>,
    pub yearless_misses: Vec<usize>,
    /// Year-less articles dated more than a day off the record.
    pub yearless_far: Vec<usize>,
    pub later_misses: Vec<usize>,
    /// Articles whose outlet is named but not found, for `--show`.
    pub outlet_misses: Vec<usize>,
    /// Articles with a furniture line left in the body, for `--show`.
    pub boiler_misses: Vec<usize>,
}

fn near(a: Option<Date>, b: Option<Date>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (days(a) - days(b)).abs() <= 1)
}

fn later(d: Option<Date>, bound: Option<Date>) -> bool {
    matches!((d, bound), (Some(d), Some(b)) if days(d) > days(b) + 1)
}

/// How an article's date was found, as the cache and exports write it.
fn source_of(m: &Meta) -> String {
    match m.published {
        None => "none".into(),
        Some(_) => serde_json::to_value(m)
            .ok()
            .and_then(|v| {
                v.get("date_source")
                    .and_then(|s| s.as_str().map(String::from))
            })
            .unwrap_or_else(|| "unknown".into()),
    }
}

/// Scores one corpus.
pub fn score(cases: &[Case]) -> Scores {
    let mut s = Scores {
        articles: cases.len(),
        ..Scores::default()
    };
    let mut sources: HashMap<String, usize> = HashMap::new();
    for (i, c) in cases.iter().enumerate() {
        let t = &c.truth;
        let got = c.meta.published;
        let clean = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
        s.title.add(true, clean(&c.meta.title) == clean(&t.title));
        s.date_exact.add(t.date.is_some(), got == t.date);
        s.date_near.add(t.date.is_some(), near(got, t.date));
        s.date_none += usize::from(got.is_none());
        let lower = c.text.to_lowercase();
        let stated = t.date.is_some_and(|d| states(&lower, d));
        s.stated_record.add(stated, got == t.date);
        let page_stated = t.page_date.is_some_and(|d| states(&lower, d));
        let exact = got == t.date || (got.is_some() && got == t.page_date);
        s.stated_exact.add(stated || page_stated, exact);
        if let (true, Some(truth)) = (stated, t.date) {
            let row = StatedRow::of(&lower, truth);
            let exact = got == t.date;
            s.stated_reported.add(row == StatedRow::Reported, exact);
            s.stated_unreported.add(row == StatedRow::Unreported, exact);
            s.stated_event_only.add(row == StatedRow::EventOnly, exact);
        }
        if (stated || page_stated) && !exact {
            s.stated_misses.push(i);
        }
        let yl = has_yearless(&lower);
        let guessed = c.meta.date_source.is_none();
        s.yearless_resolved.add(yl, !guessed);
        if yl && guessed {
            s.yearless_misses.push(i);
        }
        s.yearless_near.add(yl, near(got, t.date));
        if yl && !guessed && !near(got, t.date) {
            s.yearless_far.push(i);
        }
        let ud = url_date(&t.url);
        s.url_near.add(ud.is_some(), near(got, ud));
        let written = ud.is_some_and(|d| writes_near(&lower, d));
        s.url_written.add(ud.is_some(), written);
        s.url_near_written.add(written, near(got, ud));
        if ud.is_some() && !near(got, ud) {
            s.url_misses.push(i);
        }
        let late = !guessed && later(got, t.date);
        s.later_than_record += usize::from(late);
        if late {
            s.later_misses.push(i);
        }
        s.later_than_file += usize::from(later(got, c.file_time));
        let fam = family(&t.source);
        let named = fam.is_some_and(|f| names_outlet(&c.text, f) || c.meta.url.is_some());
        let found = fam.is_some_and(|f| {
            c.meta
                .outlet
                .as_deref()
                .is_some_and(|o| o.to_lowercase().contains(f))
        });
        s.outlet.add(named, found);
        s.outlet_loose.add(
            fam.is_some_and(|f| lower.contains(f) || c.meta.url.is_some()),
            found,
        );
        if named && !found {
            s.outlet_misses.push(i);
        }
        s.authors.add(true, !c.meta.authors.is_empty());
        let left = c.body.iter().filter(|p| boiler_form(p).is_some()).count();
        s.boiler_lines += left;
        s.boiler_articles += usize::from(left > 0);
        if left > 0 {
            s.boiler_misses.push(i);
        }
        *sources.entry(source_of(&c.meta)).or_default() += 1;
    }
    let mut sources: Vec<(String, usize)> = sources.into_iter().collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    s.sources = sources;
    s
}

/// One measure's cell for a corpus.
type Row = dyn Fn(&Scores) -> String;

/// A Markdown table, one column per corpus and one row per measure.
pub fn table(cols: &[(&str, Scores)]) -> String {
    let mut out = String::new();
    let _ = write!(out, "| measure |");
    for (name, _) in cols {
        let _ = write!(out, " {name} |");
    }
    let _ = write!(out, "\n|---|");
    for _ in cols {
        out.push_str("---|");
    }
    out.push('\n');
    let rows: [(&str, &Row); 23] = [
        ("articles", &|s| s.articles.to_string()),
        ("title exact", &|s| s.title.cell()),
        ("date exact", &|s| s.date_exact.cell()),
        ("date ±1 day", &|s| s.date_near.cell()),
        ("no date", &|s| s.date_none.to_string()),
        ("date exact where the text states it", &|s| {
            s.stated_exact.cell()
        }),
        ("… against the record's date alone", &|s| {
            s.stated_record.cell()
        }),
        ("… the record's day reported", &|s| {
            s.stated_reported.cell()
        }),
        ("… no day reported", &|s| s.stated_unreported.cell()),
        (
            "… the record's day only an event's beside reported days",
            &|s| s.stated_event_only.cell(),
        ),
        ("year-less date: resolved", &|s| s.yearless_resolved.cell()),
        ("year-less date: ±1 day", &|s| s.yearless_near.cell()),
        ("URL-dated: ±1 day of the URL", &|s| s.url_near.cell()),
        ("URL-dated: text writes a day within 1 of the URL's", &|s| {
            s.url_written.cell()
        }),
        ("URL-dated and written: ±1 day", &|s| {
            s.url_near_written.cell()
        }),
        ("later than the record's date + 1 day ", &|s| {
            s.later_than_record.to_string()
        }),
        ("later than the file's time + 1 day", &|s| {
            s.later_than_file.to_string()
        }),
        ("outlet found where text/URL names it", &|s| s.outlet.cell()),
        ("outlet found where its letters occur (old measure)", &|s| {
            s.outlet_loose.cell()
        }),
        ("authors present", &|s| s.authors.cell()),
        ("boilerplate lines left in bodies", &|s| {
            s.boiler_lines.to_string()
        }),
        ("articles with boilerplate left", &|s| {
            s.boiler_articles.to_string()
        }),
        ("date source", &|s| {
            s.sources
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    ];
    for (name, f) in &rows {
        let _ = write!(out, "| {name} |");
        for (_, s) in cols {
            let _ = write!(out, " {} |", f(s));
        }
        out.push('\n');
    }
    out
}

/// One sampled region of an article and the mention that gave it: (case index, region,
/// the mention's words in context, or the dateline when only the dateline named it).
#[allow(dead_code)] // printed by the example only; the test binary includes this file too
pub type RegionSample = (usize, String, String);

/// Up to `n` articles with a region, spread evenly over the corpus in a fixed shuffled order
/// (the same sample for the same `seed`; another seed starts and strides elsewhere, for a
/// fresh sample), each with one of its regions and the first mention that named it: the
/// finder's false positives are judged by reading these.
#[allow(dead_code)]
pub fn region_sample(cases: &[Case], n: usize, seed: usize) -> Vec<RegionSample> {
    let with: Vec<usize> = (0..cases.len())
        .filter(|&i| !cases[i].meta.regions.is_empty())
        .collect();
    let mut out = Vec::new();
    // A multiplicative walk over the indices: deterministic, no random-number dependency.
    let len = with.len();
    if len == 0 {
        return out;
    }
    // Seed 0 is the walk every earlier measurement read.
    let step = (0..)
        .map(|k| 7919 + seed.wrapping_mul(104_729) + k)
        .find(|s| gcd(*s, len) == 1)
        .unwrap_or(1);
    let start = seed.wrapping_mul(7_753) % len;
    for k in 0..n.min(len) {
        let i = with[(start + k * step) % len];
        let c = &cases[i];
        let region = &c.meta.regions[(k * 31 + seed) % c.meta.regions.len()];
        out.push((i, region.clone(), region_context(c, region)));
    }
    out
}

/// The first mention of `region` in `c`, in context, or its dateline when only that named it.
#[allow(dead_code)]
pub fn region_context(c: &Case, region: &str) -> String {
    let texts = std::iter::once(c.meta.title.as_str()).chain(c.body.iter().map(String::as_str));
    warta::regions::mentions(texts)
        .into_iter()
        .find(|m| m.place == region)
        .map(|m| m.context)
        .unwrap_or_else(|| format!("dateline: {}", c.meta.dateline.as_deref().unwrap_or("?")))
}

#[allow(dead_code)]
fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}
