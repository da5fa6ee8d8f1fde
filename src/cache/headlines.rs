//! The headline snapshot of a root: what `warta search` and `warta list` rank, filter and
//! print for the queries that need no more (each article's id, title, outlet, date, file and
//! record), with the stamps that tell whether the root's files are still the ones it was
//! made from.
//!
//! A command that loaded the root without a problem writes it ([`write()`]). A later command
//! maps it into memory ([`Headlines::open`]) and asks [`Headlines::unchanged`]: every folder
//! the walk went into has the same inode and change time (so no file was added, removed or
//! renamed in it), and the files it stats have the same size and modification time (so none
//! was edited in place: only a stat of the file can see that). Anything else sends the
//! command down the full load. The check needs no walk: the names come from the snapshot,
//! and each file is looked up in its folder's open handle.
//!
//! Which files it stats is the [`Check`]. By default ([`Check::Folders`]) only the files
//! listed as young: modified within [`YOUNG`] of the snapshot's writing (a scraper may still
//! be writing or rewriting them), changed since the walk the snapshot was made from, reached
//! through a symbolic link (the folder that would see the target replaced is not walked),
//! or not in a checked folder (a file named as the root). The list is made by a stat of
//! every file when the snapshot is written, on the full load's path, so the check is
//! O(young files). An older file rewritten in place under the same name is therefore not
//! seen here: the browser and every full load stat each file, and [`Check::Files`] (`warta
//! search --check files`) restores the stat of every file. The trade is measured: the stat
//! of 100k files alone cost more than `fzf --filter`'s whole run on a selective query.
//!
//! Nothing is decoded for the articles a command does not print: ranking and newest-first
//! order read fixed-size records (date, precomputed newest-first rank), the text index is
//! matched to the articles through a stored sorted table of their keys, and the strings
//! (id, title, outlet, file) are read from the pool only for what a query or a printed row
//! needs ([`Needs`]).
//!
//! ```text
//! <cache_dir>/v2/<root hash>/headlines.bin
//!     a JSON header line (format, parser version, root, counts, xxh3-64 of the rest), then
//!     folders   44 B each: path (pool offset, length), dev, inode, mtime ns, ctime ns,
//!                          whether it is checked (not when it only holds a file named
//!                          as the root)
//!     files     28 B each: folder, name (pool offset, length), size, mtime ns
//!     articles  48 B each: newest-first rank, date, file, record, id, title and outlet
//!                          (pool offset, length), format, derived title, time of day
//!                          (minutes, u16::MAX for none)
//!     keys      12 B each: the text index's article key and article number, sorted
//!     young      4 B each: the number of a file every check stats, ascending
//!     pool      the strings; a file name is followed by a NUL (it is stat'ed as is)
//! ```
//!
//! The file is only ever replaced by renaming a new one over it, so a mapping always sees a
//! whole file; one cut short or damaged fails the header's length and hash checks and is
//! reported by the caller, which loads in full.

use std::ffi::CStr;
use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use memmap2::Mmap;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{BodySource, Corpus};
use crate::model::{Body, Date, Format, Meta, PARSER_VERSION};

const FILE: &str = "headlines.bin";
/// Bumped with any change of the layout below (3: the time of day; 4: the young files, whose
/// absence would make a check by folders trust every file).
const FORMAT: u32 = 4;
/// Far above a million articles' headlines (~150 MB); a bigger file is not one of ours.
const MAX_BYTES: u64 = 1 << 30;
const DIR_REC: usize = 44;
const FILE_REC: usize = 28;
const ART_REC: usize = 48;
const KEY_REC: usize = 12;
const YOUNG_REC: usize = 4;
/// The sections of the payload, in order.
const DIRS: usize = 0;
const FILES: usize = 1;
const ARTICLES: usize = 2;
const KEYS: usize = 3;
const YOUNGS: usize = 4;
const POOL: usize = 5;
/// An absent outlet's length.
const NONE: u32 = u32::MAX;
/// A record number that says "the whole file".
const NO_RECORD: u64 = u64::MAX;
/// A folder changed this close to the walk that listed it (or later) may have changed
/// between its listing and its stat, so its times prove nothing: it is stored as never
/// matching. Covers coarse file-system clocks (FAT's 2 s) and a little clock skew.
const RACY: Duration = Duration::from_secs(5);

#[derive(Serialize, Deserialize, PartialEq, Eq, Debug)]
struct Header {
    format: u32,
    parser: u32,
    root: String,
    dirs: usize,
    files: usize,
    articles: usize,
    /// Files with at least one article (a load's "from N files").
    sources: usize,
    /// Files every check stats (see [`Check`]). Absent from older formats: read as 0 so
    /// that such a header is refused for its format, not as unreadable.
    #[serde(default)]
    young: usize,
    pool: usize,
    /// xxh3-64 of everything after the header line.
    hash: u64,
}

/// A file modified this close before its snapshot was written (or later) may still be
/// written or rewritten in place by whatever is producing the corpus: every check stats it.
pub const YOUNG: Duration = Duration::from_secs(60 * 60);

/// Which files [`Headlines::unchanged`] stats, besides every folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Check {
    /// The young files only (see the module docs): an older file rewritten in place under
    /// the same name is not seen.
    #[default]
    Folders,
    /// Every file: also sees an older file rewritten in place, at a stat per file.
    Files,
}

/// A walked file: its path, size and modification time (ns since the epoch, 0 unknown).
pub type Stamp<'a> = (&'a Path, u64, i128);

/// A walked folder as stat'ed after its walk; `None` times when they cannot vouch for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderStamp {
    pub path: PathBuf,
    dev: u64,
    ino: u64,
    times: Option<(i64, i64)>,
}

/// Stats the folders a walk that started at `walk_started` went into.
pub fn stamp_folders(folders: Vec<PathBuf>, walk_started: SystemTime) -> Vec<FolderStamp> {
    let since = ns_since_epoch(walk_started - racy());
    let now = ns_since_epoch(SystemTime::now());
    folders
        .into_par_iter()
        .map(|path| {
            let (dev, ino, times) = match rustix::fs::stat(&path) {
                Ok(st) => {
                    let (m, c) = times_of(&st);
                    // A time in the future is a skewed clock: it proves nothing either.
                    let trusted = m < since && c < since && m <= now && c <= now;
                    (st.st_dev, st.st_ino, trusted.then_some((m, c)))
                }
                Err(_) => (0, 0, None),
            };
            FolderStamp {
                path,
                dev,
                ino,
                times,
            }
        })
        .collect()
}

/// [`RACY`], or `WARTA_SNAPSHOT_SETTLE_MS` milliseconds: the command-line tests make a
/// corpus and search it at once, and would otherwise never see a snapshot answer.
fn racy() -> Duration {
    std::env::var("WARTA_SNAPSHOT_SETTLE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(RACY, Duration::from_millis)
}

fn ns_since_epoch(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
    }
}

fn times_of(st: &rustix::fs::Stat) -> (i64, i64) {
    let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
    #[allow(clippy::unnecessary_cast)]
    (
        ns(st.st_mtime as i64, st.st_mtime_nsec as i64),
        ns(st.st_ctime as i64, st.st_ctime_nsec as i64),
    )
}

/// Which strings of an article a search reads (the rest are left empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    pub id: bool,
    pub title: bool,
    pub outlet: bool,
    pub file: bool,
}

impl Needs {
    pub const ALL: Needs = Needs {
        id: true,
        title: true,
        outlet: true,
        file: true,
    };
}

/// A root's headline snapshot, mapped and checked (header, lengths; the hash by
/// [`Headlines::verify`]) but not decoded.
pub struct Headlines {
    map: Mmap,
    /// The header's xxh3-64 of the payload, checked by [`Headlines::verify`].
    hash: u64,
    payload: usize,
    dirs: usize,
    files: usize,
    articles: usize,
    sources: usize,
    young: usize,
}

/// A snapshot's corpus has no bodies: the commands that use it answer word terms from the
/// text index only, and give up on the snapshot when the index cannot answer.
struct NoBodies;

impl BodySource for NoBodies {
    fn body(&self, _index: usize) -> Result<Body, String> {
        Err("not loaded from the headline snapshot".into())
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

fn i64_at(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

impl Headlines {
    /// The snapshot of `root` (canonical) in `root_dir`: `Ok(None)` when there is none,
    /// `Err` with the reason when there is one that cannot be used (damaged, cut short,
    /// written by another version of warta or for another root).
    pub fn open(root_dir: &Path, root: &Path) -> Result<Option<Headlines>, String> {
        let h = Headlines::open_unverified(root_dir, root)?;
        if let Some(h) = &h {
            h.verify()?;
        }
        Ok(h)
    }

    /// [`Headlines::open`] without the checksum, which [`Headlines::verify`] computes: the
    /// lengths are checked, so every read stays inside the file, but what is read may be
    /// damaged until it is verified. Lets the freshness check start while the checksum is
    /// computed.
    pub fn open_unverified(root_dir: &Path, root: &Path) -> Result<Option<Headlines>, String> {
        let path = root_dir.join(FILE);
        let (file, meta) =
            match crate::safe_read::open_own_with(&path, OpenOptions::new().read(true)) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e.to_string()),
                Ok(f) => f,
            };
        if meta.len() > MAX_BYTES {
            return Err("too large".into());
        }
        if meta.len() == 0 {
            return Err("empty".into());
        }
        // Safety: the file is a regular file of warta's own cache, which replaces it only by
        // renaming a new file over it (never by writing into it), so the mapped pages never
        // change or shrink under the mapping. Every read through it is bounds-checked.
        #[expect(
            unsafe_code,
            reason = "mapping a file that is only ever replaced whole"
        )]
        let map = unsafe { Mmap::map(&file) }.map_err(|e| e.to_string())?;
        Headlines::check(map, root).map(Some)
    }

    fn check(map: Mmap, root: &Path) -> Result<Headlines, String> {
        let line = memchr::memchr(b'\n', &map).ok_or("no header")?;
        let header: Header =
            serde_json::from_slice(&map[..line]).map_err(|_| "unreadable header")?;
        if header.format != FORMAT || header.parser != PARSER_VERSION {
            return Err("written by another version of warta".into());
        }
        if header.root != root.to_string_lossy() {
            return Err("written for another folder".into());
        }
        let payload = line + 1;
        let size = [
            (header.dirs, DIR_REC),
            (header.files, FILE_REC),
            (header.articles, ART_REC),
            (header.articles, KEY_REC),
            (header.young, YOUNG_REC),
        ]
        .iter()
        .try_fold(header.pool, |sum, &(n, rec)| {
            n.checked_mul(rec).and_then(|s| s.checked_add(sum))
        });
        let fits = [header.dirs, header.files, header.articles]
            .iter()
            .all(|&n| u32::try_from(n).is_ok());
        let counts_fit = header.sources <= header.files && header.young <= header.files;
        if size != Some(map.len() - payload) || !fits || !counts_fit {
            return Err("cut short or damaged (lengths)".into());
        }
        Ok(Headlines {
            hash: header.hash,
            payload,
            dirs: header.dirs,
            files: header.files,
            articles: header.articles,
            sources: header.sources,
            young: header.young,
            map,
        })
    }

    /// Whether the payload is the one the header's checksum was computed from.
    pub fn verify(&self) -> Result<(), String> {
        let payload = self.map.get(self.payload..).unwrap_or_default();
        if self.hash != xxhash_rust::xxh3::xxh3_64(payload) {
            return Err("damaged (checksum)".into());
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.articles
    }

    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Files the snapshot was made from, and those of them with articles.
    pub fn file_counts(&self) -> (usize, usize) {
        (self.files, self.sources)
    }

    fn section(&self, n: usize) -> &[u8] {
        let sizes = [
            self.dirs * DIR_REC,
            self.files * FILE_REC,
            self.articles * ART_REC,
            self.articles * KEY_REC,
            self.young * YOUNG_REC,
        ];
        let start = self.payload + sizes[..n].iter().sum::<usize>();
        let end = sizes.get(n).map_or(self.map.len(), |s| start + s);
        self.map.get(start..end).unwrap_or_default()
    }

    fn str_at(&self, rec: &[u8], at: usize) -> Option<&str> {
        let (off, len) = (u32_at(rec, at)? as usize, u32_at(rec, at + 4)? as usize);
        std::str::from_utf8(self.section(POOL).get(off..off.checked_add(len)?)?).ok()
    }

    fn opt_str_at(&self, rec: &[u8], at: usize) -> Option<Option<&str>> {
        if u32_at(rec, at + 4)? == NONE {
            return Some(None);
        }
        self.str_at(rec, at).map(Some)
    }

    fn dir_path(&self, dir: usize) -> Option<&str> {
        let rec = self.section(DIRS).get(dir * DIR_REC..(dir + 1) * DIR_REC)?;
        self.str_at(rec, 0)
    }

    /// A file's folder and its name, NUL-terminated.
    fn file_name(&self, rec: &[u8]) -> Option<(usize, &CStr)> {
        let dir = u32_at(rec, 0)? as usize;
        let (off, len) = (u32_at(rec, 4)? as usize, u32_at(rec, 8)? as usize);
        let name = self
            .section(POOL)
            .get(off..off.checked_add(len)?.checked_add(1)?)?;
        Some((dir, CStr::from_bytes_with_nul(name).ok()?))
    }

    fn file_path(&self, file: usize) -> Option<String> {
        let rec = self
            .section(FILES)
            .get(file * FILE_REC..(file + 1) * FILE_REC)?;
        let (dir, name) = self.file_name(rec)?;
        Some(format!("{}/{}", self.dir_path(dir)?, name.to_str().ok()?))
    }

    /// Whether the root's files are still those the snapshot was made from: no folder
    /// walked has changed (a file added, removed or renamed changes its folder), and each
    /// file `check` stats still has the same size and modification time (an edit in place
    /// changes only the file). Stats on every core; walks nothing.
    pub fn unchanged(&self, check: Check) -> bool {
        self.unchanged_unless(check, &AtomicBool::new(false))
    }

    /// [`Headlines::unchanged`], giving up (false) once `stop` is set: the caller has found
    /// another reason not to use the snapshot.
    pub fn unchanged_unless(&self, check: Check, stop: &AtomicBool) -> bool {
        let dirs = self.section(DIRS);
        let folders_same = dirs.par_chunks(DIR_REC).all(|rec| {
            let (Some(path), Some(dev), Some(ino), Some(m), Some(c), Some(checked)) = (
                self.str_at(rec, 0),
                u64_at(rec, 8),
                u64_at(rec, 16),
                i64_at(rec, 24),
                i64_at(rec, 32),
                u32_at(rec, 40),
            ) else {
                return false;
            };
            if checked == 0 {
                return true;
            }
            // Times of 0 were not trusted when the snapshot was made.
            (m, c) != (0, 0)
                && rustix::fs::stat(path)
                    .is_ok_and(|st| st.st_dev == dev && st.st_ino == ino && times_of(&st) == (m, c))
        });
        if !folders_same || stop.load(Ordering::Relaxed) {
            return false;
        }
        let files = match check {
            Check::Files => (0..self.files).collect(),
            Check::Folders => match self.young() {
                Some(young) => young,
                None => return false,
            },
        };
        self.files_same(&files, stop)
    }

    /// The files every check stats, ascending; `None` when a number is out of range.
    fn young(&self) -> Option<Vec<usize>> {
        self.section(YOUNGS)
            .chunks_exact(YOUNG_REC)
            .map(|r| u32_at(r, 0).map(|n| n as usize).filter(|&n| n < self.files))
            .collect()
    }

    /// Whether files `picked` (numbers in the snapshot, ascending) have their stamps.
    fn files_same(&self, picked: &[usize], stop: &AtomicBool) -> bool {
        use rustix::fs::{AtFlags, FileType, Mode, OFlags};
        let files = self.section(FILES);
        let rec_of = |i: usize| files.get(i * FILE_REC..(i + 1) * FILE_REC);
        // Runs of files in one folder (the walk gives each folder's files together), each
        // stat'ed by name in its folder's handle: the kernel resolves one name per file.
        let mut runs: Vec<&[usize]> = Vec::new();
        let mut last = None;
        let mut start = 0;
        for (at, &i) in picked.iter().enumerate() {
            let dir = rec_of(i).and_then(|r| u32_at(r, 0));
            if last != Some(dir) {
                if at > start {
                    runs.push(&picked[start..at]);
                }
                start = at;
                last = Some(dir);
            }
        }
        if picked.len() > start {
            runs.push(&picked[start..]);
        }
        runs.into_par_iter().all(|run| {
            if stop.load(Ordering::Relaxed) {
                return false;
            }
            let Some(folder) = run
                .first()
                .and_then(|&i| rec_of(i))
                .and_then(|r| u32_at(r, 0))
                .and_then(|d| self.dir_path(d as usize))
            else {
                return false;
            };
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let Ok(fd) = rustix::fs::open(folder, flags, Mode::empty()) else {
                return false;
            };
            run.iter().all(|&i| {
                let Some(rec) = rec_of(i) else {
                    return false;
                };
                let (Some((_, name)), Some(size), Some(mtime)) =
                    (self.file_name(rec), u64_at(rec, 12), i64_at(rec, 20))
                else {
                    return false;
                };
                // Links followed, as the walk follows them.
                rustix::fs::statat(&fd, name, AtFlags::empty()).is_ok_and(|st| {
                    FileType::from_raw_mode(st.st_mode) == FileType::RegularFile
                        && st.st_size.max(0) as u64 == size
                        && times_of(&st).0 == mtime
                })
            })
        })
    }

    /// The article keys of the text index, each with its article number, sorted by key.
    pub fn keys(&self) -> Option<Vec<(u64, u32)>> {
        let mut keys = Vec::with_capacity(self.articles);
        for r in self.section(KEYS).chunks_exact(KEY_REC) {
            keys.push((u64_at(r, 0)?, u32_at(r, 8)?));
        }
        Some(keys)
    }

    /// Article `i` with the strings `needs` asks for (the others empty).
    pub fn meta(&self, i: usize, needs: Needs) -> Option<Meta> {
        let rec = self.section(ARTICLES).get(i * ART_REC..(i + 1) * ART_REC)?;
        let date = u32_at(rec, 4)?;
        let published = match date {
            0 => None,
            k => Some(Date::new((k >> 16) as u16, (k >> 8) as u8, k as u8)?),
        };
        let file = u32_at(rec, 8)? as usize;
        if file >= self.files {
            return None;
        }
        let record = match u64_at(rec, 12)? {
            NO_RECORD => None,
            r => Some(usize::try_from(r).ok()?),
        };
        let published_time =
            super::codec::time_of_day(u16::from_le_bytes([*rec.get(46)?, *rec.get(47)?]))?
                .filter(|_| published.is_some());
        let format = match rec.get(44)? {
            0 => Format::Txt,
            1 => Format::Json,
            2 => Format::Jsonl,
            3 => Format::Csv,
            _ => return None,
        };
        let string = |want: bool, at: usize| -> Option<String> {
            Some(if want {
                self.str_at(rec, at)?.to_owned()
            } else {
                String::new()
            })
        };
        Some(Meta {
            id: string(needs.id, 20)?,
            title: string(needs.title, 28)?,
            title_derived: *rec.get(45)? != 0,
            outlet: if needs.outlet {
                self.opt_str_at(rec, 36)?.map(str::to_owned)
            } else {
                None
            },
            published,
            published_time,
            source_path: if needs.file {
                self.file_path(file)?
            } else {
                String::new()
            },
            record,
            format,
            ..Meta::default()
        })
    }

    /// The headlines of the articles numbered `indices`, in that order, as a corpus without
    /// bodies: the rows a command prints, with every string but the file's path (which no
    /// quick answer prints: building it was a tenth of printing 69k rows).
    pub fn rows(&self, indices: impl Iterator<Item = usize>) -> Option<Corpus> {
        let indices: Vec<usize> = indices.collect();
        let needs = Needs {
            file: false,
            ..Needs::ALL
        };
        let metas = self.metas(indices.into_par_iter(), needs)?;
        Some(Corpus::new(metas, Arc::new(NoBodies)))
    }

    /// Articles `indices`, decoded on every core straight into their place: collecting
    /// `Option`s grew the vector by copies and page faults, ~20 ms of CPU at 100k (an
    /// eighth of a quick answer).
    fn metas(
        &self,
        indices: impl IndexedParallelIterator<Item = usize>,
        needs: Needs,
    ) -> Option<Vec<Meta>> {
        let bad = AtomicBool::new(false);
        let mut metas = Vec::with_capacity(indices.len());
        indices
            .map(|i| {
                self.meta(i, needs).unwrap_or_else(|| {
                    bad.store(true, Ordering::Relaxed);
                    Meta::default()
                })
            })
            .collect_into_vec(&mut metas);
        (!bad.load(Ordering::Relaxed)).then_some(metas)
    }

    /// The snapshot's articles as a corpus without bodies, with only the strings `needs`
    /// asks for, and the full corpus's newest-first order.
    pub fn corpus(&self, needs: Needs) -> Option<Corpus> {
        let metas = self.metas((0..self.articles).into_par_iter(), needs)?;
        let ranks: Vec<u32> = self
            .section(ARTICLES)
            .chunks_exact(ART_REC)
            .map(|r| u32_at(r, 0).filter(|&n| (n as usize) < self.articles))
            .collect::<Option<_>>()?;
        Some(Corpus::new(metas, Arc::new(NoBodies)).with_newest_rank(ranks))
    }
}
#[path = "headlines_write.rs"]
mod writing;
pub use writing::write;

#[cfg(test)]
#[path = "headlines_tests.rs"]
mod tests;
