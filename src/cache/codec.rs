//! The binary encoding of the metadata file's entries.
//!
//! Hand-written rather than derived: decoding 100k metas from JSON took ~1.2 s, about four
//! times the whole warm-start budget, and the serde forms of [`Meta`] are shaped for JSON
//! (`skip_serializing_if`, dates as strings), which a non-self-describing format such as
//! postcard would misread. The layout is plain: LEB128 integers, length-prefixed UTF-8
//! strings, a presence byte before optional values. Everything read is bounds-checked and
//! UTF-8-validated, so a damaged file is an error, never a panic; the per-chunk checksum in
//! the meta file catches damage that would still decode.

use crate::model::{Date, DateSource, Format, Meta, Yearless};

/// The weekday byte of a year-less date written without one.
const NO_WEEKDAY: u8 = 0xff;
/// A date without a time of day, as the cache and the headline snapshot write it.
pub(super) const NO_TIME: u16 = u16::MAX;

/// A stored time of day: `Some(None)` for [`NO_TIME`], `None` for a value no day has.
pub(super) fn time_of_day(raw: u16) -> Option<Option<u16>> {
    match raw {
        NO_TIME => Some(None),
        m if m < 24 * 60 => Some(Some(m)),
        _ => None,
    }
}

use super::{CachedArticle, CachedFile, CachedSkip};

pub(super) struct Enc {
    pub buf: Vec<u8>,
}

impl Enc {
    pub fn new() -> Enc {
        Enc { buf: Vec::new() }
    }

    pub fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.buf.push(0),
            Some(s) => {
                self.buf.push(1);
                self.str(s);
            }
        }
    }

    fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    fn meta(&mut self, m: &Meta) {
        self.str(&m.id);
        self.str(&m.title);
        self.buf.push(u8::from(m.title_derived));
        self.opt_str(&m.outlet);
        self.opt_str(&m.dateline);
        self.strs(&m.authors);
        self.opt_str(&m.editor);
        match m.published {
            None => self.buf.push(0),
            Some(d) => {
                // The presence byte carries the date's source: 1 for none, else 2 + its
                // place in ALL.
                let k = m
                    .date_source
                    .and_then(|s| DateSource::ALL.iter().position(|a| *a == s))
                    .map_or(1, |k| 2 + k as u8);
                self.buf.push(k);
                self.buf.extend_from_slice(&d.year.to_le_bytes());
                self.buf.push(d.month);
                self.buf.push(d.day);
                self.buf
                    .extend_from_slice(&m.published_time.unwrap_or(NO_TIME).to_le_bytes());
            }
        }
        match m.yearless {
            None => self.buf.push(0),
            Some(y) => {
                self.buf.push(1);
                self.buf.push(y.day);
                self.buf.push(y.month);
                self.buf.push(y.weekday.unwrap_or(NO_WEEKDAY));
                self.date(y.bound);
                self.date(y.guess);
            }
        }
        self.date(m.file_day);
        self.strs(&m.tags);
        self.strs(&m.regions);
        self.strs(&m.regions_passing);
        self.strs(&m.provinces);
        self.opt_str(&m.url);
        self.str(&m.source_path);
        match m.record {
            None => self.buf.push(0),
            Some(r) => {
                self.buf.push(1);
                self.uint(r as u64);
            }
        }
        self.buf.push(match m.format {
            Format::Txt => 0,
            Format::Json => 1,
            Format::Jsonl => 2,
            Format::Csv => 3,
        });
        self.uint(m.word_count as u64);
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.buf.push(0),
            Some(d) => {
                self.buf.push(1);
                self.buf.extend_from_slice(&d.year.to_le_bytes());
                self.buf.push(d.month);
                self.buf.push(d.day);
            }
        }
    }

    /// One file's entry; `m` gives each article's meta, `loc` its `(at, len, h)`, so that
    /// callers holding metas and locations apart need not build [`CachedArticle`]s.
    pub fn file(
        &mut self,
        path: &str,
        size: u64,
        mtime_ns: i128,
        articles: &mut dyn ExactSizeIterator<Item = (&Meta, u64, u64, u64)>,
        skipped: &[CachedSkip],
        notes: &[String],
    ) {
        self.str(path);
        self.uint(size);
        self.buf.extend_from_slice(&mtime_ns.to_le_bytes());
        self.uint(articles.len() as u64);
        for (m, at, len, h) in articles {
            self.meta(m);
            self.uint(at);
            self.uint(len);
            self.buf.extend_from_slice(&h.to_le_bytes());
        }
        self.uint(skipped.len() as u64);
        for s in skipped {
            self.str(&s.path);
            self.str(&s.kind);
            self.str(&s.detail);
        }
        self.strs(notes);
    }
}

pub(super) struct Dec<'a> {
    buf: &'a [u8],
}

type R<T> = Result<T, String>;

fn short() -> String {
    "entry cut short".to_string()
}

impl<'a> Dec<'a> {
    pub fn new(buf: &'a [u8]) -> Dec<'a> {
        Dec { buf }
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn bytes(&mut self, n: usize) -> R<&'a [u8]> {
        if n > self.buf.len() {
            return Err(short());
        }
        let (a, b) = self.buf.split_at(n);
        self.buf = b;
        Ok(a)
    }

    pub fn byte(&mut self) -> R<u8> {
        Ok(self.bytes(1)?[0])
    }

    pub fn flag(&mut self) -> R<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(format!("bad flag byte {b}")),
        }
    }

    pub fn uint(&mut self) -> R<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("integer too long".to_string())
    }

    /// A count of items that each take at least one byte, so a damaged count cannot make
    /// a huge allocation.
    pub fn count(&mut self) -> R<usize> {
        let n = self.uint()?;
        if n > self.buf.len() as u64 {
            return Err(short());
        }
        Ok(n as usize)
    }

    pub fn str(&mut self) -> R<String> {
        let n = self.count()?;
        let b = self.bytes(n)?;
        std::str::from_utf8(b)
            .map(str::to_owned)
            .map_err(|_| "invalid UTF-8".to_string())
    }

    pub fn opt_str(&mut self) -> R<Option<String>> {
        Ok(if self.flag()? {
            Some(self.str()?)
        } else {
            None
        })
    }

    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn date(&mut self) -> R<Option<Date>> {
        if !self.flag()? {
            return Ok(None);
        }
        let y = self.bytes(2)?;
        let (year, month, day) = (u16::from_le_bytes([y[0], y[1]]), self.byte()?, self.byte()?);
        Ok(Some(
            Date::new(year, month, day).ok_or_else(|| "bad date".to_string())?,
        ))
    }

    fn u64_le(&mut self) -> R<u64> {
        let b = self.bytes(8)?;
        Ok(u64::from_le_bytes(b.try_into().map_err(|_| short())?))
    }

    fn meta(&mut self) -> R<Meta> {
        let id = self.str()?;
        let title = self.str()?;
        let title_derived = self.flag()?;
        let outlet = self.opt_str()?;
        let dateline = self.opt_str()?;
        let authors = self.strs()?;
        let editor = self.opt_str()?;
        let (published, date_source, published_time) = match self.byte()? {
            0 => (None, None, None),
            k => {
                let source = match k {
                    1 => None,
                    _ => Some(
                        *DateSource::ALL
                            .get(usize::from(k) - 2)
                            .ok_or_else(|| format!("bad date source {k}"))?,
                    ),
                };
                let y = self.bytes(2)?;
                let (year, month, day) =
                    (u16::from_le_bytes([y[0], y[1]]), self.byte()?, self.byte()?);
                let date = Date::new(year, month, day).ok_or_else(|| "bad date".to_string())?;
                let t = self.bytes(2)?;
                let raw = u16::from_le_bytes([t[0], t[1]]);
                let time = time_of_day(raw).ok_or_else(|| format!("bad time of day {raw}"))?;
                (Some(date), source, time)
            }
        };
        let yearless = if self.flag()? {
            let (day, month, weekday) = (self.byte()?, self.byte()?, self.byte()?);
            // Any year that has the day will do for the check: 2000 has 29/2.
            Date::new(2000, month, day).ok_or_else(|| "bad year-less date".to_string())?;
            let weekday = match weekday {
                NO_WEEKDAY => None,
                w if w < 7 => Some(w),
                w => return Err(format!("bad weekday {w}")),
            };
            Some(Yearless {
                day,
                month,
                weekday,
                bound: self.date()?,
                guess: self.date()?,
            })
        } else {
            None
        };
        let file_day = self.date()?;
        let tags = self.strs()?;
        let regions = self.strs()?;
        let regions_passing = self.strs()?;
        let provinces = self.strs()?;
        let url = self.opt_str()?;
        let source_path = self.str()?;
        let record = if self.flag()? {
            Some(usize::try_from(self.uint()?).map_err(|_| "bad record index".to_string())?)
        } else {
            None
        };
        let format = match self.byte()? {
            0 => Format::Txt,
            1 => Format::Json,
            2 => Format::Jsonl,
            3 => Format::Csv,
            b => return Err(format!("bad format {b}")),
        };
        let word_count = usize::try_from(self.uint()?).map_err(|_| "bad word count".to_string())?;
        Ok(Meta {
            id,
            title,
            title_derived,
            outlet,
            dateline,
            authors,
            editor,
            published,
            published_time,
            date_source,
            yearless,
            file_day,
            tags,
            regions,
            regions_passing,
            provinces,
            url,
            source_path,
            record,
            format,
            word_count,
        })
    }

    pub fn file(&mut self) -> R<CachedFile> {
        let path = self.str()?;
        let size = self.uint()?;
        let mt = self.bytes(16)?;
        let mtime_ns = i128::from_le_bytes(mt.try_into().map_err(|_| short())?);
        let n = self.count()?;
        let mut articles = Vec::with_capacity(n);
        for _ in 0..n {
            let m = self.meta()?;
            let at = self.uint()?;
            let len = self.uint()?;
            let h = self.u64_le()?;
            articles.push(CachedArticle { m, at, len, h });
        }
        let n = self.count()?;
        let mut skipped = Vec::with_capacity(n);
        for _ in 0..n {
            skipped.push(CachedSkip {
                path: self.str()?,
                kind: self.str()?,
                detail: self.str()?,
            });
        }
        let notes = self.strs()?;
        Ok(CachedFile {
            path,
            size,
            mtime_ns,
            articles,
            skipped,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CachedFile {
        CachedFile {
            path: "a/b.jsonl".into(),
            size: 123_456,
            mtime_ns: -1_700_000_000_123_456_789,
            articles: vec![
                CachedArticle {
                    m: Meta {
                        id: "0123456789abcdef".into(),
                        title: "Judul \u{e9}".into(),
                        title_derived: true,
                        outlet: Some("Kompas.com".into()),
                        dateline: None,
                        authors: vec!["A".into(), "B".into()],
                        editor: Some("E".into()),
                        published: Date::new(2024, 2, 29),
                        published_time: Some(23 * 60 + 59),
                        date_source: Some(DateSource::InferredYear),
                        yearless: Some(Yearless {
                            day: 29,
                            month: 2,
                            weekday: Some(4),
                            bound: Date::new(2024, 3, 1),
                            guess: None,
                        }),
                        file_day: Date::new(2024, 3, 1),
                        tags: vec!["t".into()],
                        regions: vec!["Kota Sorong".into()],
                        regions_passing: vec!["Raja Ampat".into()],
                        provinces: vec![],
                        url: Some("https://x".into()),
                        source_path: "a/b.jsonl".into(),
                        record: Some(300),
                        format: Format::Jsonl,
                        word_count: 1_000_000,
                    },
                    at: 1 << 40,
                    len: 77,
                    h: u64::MAX,
                },
                CachedArticle {
                    m: Meta::default(),
                    at: 0,
                    len: 0,
                    h: 0,
                },
            ],
            skipped: vec![CachedSkip {
                path: "a/b.jsonl (record 2)".into(),
                kind: "malformed".into(),
                detail: "bad".into(),
            }],
            notes: vec!["cut".into()],
        }
    }

    fn encode(f: &CachedFile) -> Vec<u8> {
        let mut e = Enc::new();
        e.file(
            &f.path,
            f.size,
            f.mtime_ns,
            &mut f.articles.iter().map(|a| (&a.m, a.at, a.len, a.h)),
            &f.skipped,
            &f.notes,
        );
        e.buf
    }

    #[test]
    fn round_trip() {
        let f = sample();
        let bytes = encode(&f);
        let mut d = Dec::new(&bytes);
        let back = d.file().unwrap();
        assert!(d.is_empty());
        assert_eq!(back.path, f.path);
        assert_eq!((back.size, back.mtime_ns), (f.size, f.mtime_ns));
        assert_eq!(back.articles.len(), 2);
        for (a, b) in back.articles.iter().zip(&f.articles) {
            assert_eq!(a.m, b.m);
            assert_eq!((a.at, a.len, a.h), (b.at, b.len, b.h));
        }
        assert_eq!(back.skipped[0].detail, "bad");
        assert_eq!(back.notes, f.notes);
    }

    #[test]
    fn every_truncation_and_many_corruptions_are_errors_not_panics() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(Dec::new(&bytes[..cut]).file().is_err(), "cut at {cut}");
        }
        // Flipped bytes may still decode (the chunk checksum catches those); they must not
        // panic or allocate wildly.
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = Dec::new(&b).file();
        }
    }
}
