//! The headline snapshot of a root: what `warta search` and `warta list` rank, filter and
//! print for the queries that need no more (each article's id, title, outlet, date, file and
//! record), with the stamps that tell whether the root's files are still the ones it was
//! made from.
//!
//! A command that loaded the root without a problem writes it ([`write()`]). A later command
//! maps it into memory ([`Headlines::open`]) and asks [`Headlines::unchanged`]: every folder
//! the walk went into has the same inode and change time (so no file was added, removed or
//! renamed in it), and every file has the same size and modification time (so none was
//! edited in place: only a stat of each file can see that). Anything else sends the
//! command down the full load. The check needs no walk: the names come from the snapshot,
//! and each file is looked up in its folder's open handle.
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
//!     pool      the strings; a file name is followed by a NUL (it is stat'ed as is)
//! ```
//!
//! The file is only ever replaced by renaming a new one over it, so a mapping always sees a
//! whole file; one cut short or damaged fails the header's length and hash checks and is
//! reported by the caller, which loads in full.

use std::collections::HashMap;
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

use crate::corpus::{BodySource, Corpus, date_key};
use crate::model::{Body, Date, Format, Meta, PARSER_VERSION};

const FILE: &str = "headlines.bin";
/// Bumped with any change of the layout below (3: the time of day).
const FORMAT: u32 = 3;
/// Far above a million articles' headlines (~150 MB); a bigger file is not one of ours.
const MAX_BYTES: u64 = 1 << 30;
const DIR_REC: usize = 44;
const FILE_REC: usize = 28;
const ART_REC: usize = 48;
const KEY_REC: usize = 12;
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
    pool: usize,
    /// xxh3-64 of everything after the header line.
    hash: u64,
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
        ]
        .iter()
        .try_fold(header.pool, |sum, &(n, rec)| {
            n.checked_mul(rec).and_then(|s| s.checked_add(sum))
        });
        let fits = [header.dirs, header.files, header.articles]
            .iter()
            .all(|&n| u32::try_from(n).is_ok());
        if size != Some(map.len() - payload) || !fits || header.sources > header.files {
            return Err("cut short or damaged (lengths)".into());
        }
        Ok(Headlines {
            hash: header.hash,
            payload,
            dirs: header.dirs,
            files: header.files,
            articles: header.articles,
            sources: header.sources,
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
        ];
        let start = self.payload + sizes[..n].iter().sum::<usize>();
        let end = sizes.get(n).map_or(self.map.len(), |s| start + s);
        self.map.get(start..end).unwrap_or_default()
    }

    fn str_at(&self, rec: &[u8], at: usize) -> Option<&str> {
        let (off, len) = (u32_at(rec, at)? as usize, u32_at(rec, at + 4)? as usize);
        std::str::from_utf8(self.section(4).get(off..off.checked_add(len)?)?).ok()
    }

    fn opt_str_at(&self, rec: &[u8], at: usize) -> Option<Option<&str>> {
        if u32_at(rec, at + 4)? == NONE {
            return Some(None);
        }
        self.str_at(rec, at).map(Some)
    }

    fn dir_path(&self, dir: usize) -> Option<&str> {
        let rec = self.section(0).get(dir * DIR_REC..(dir + 1) * DIR_REC)?;
        self.str_at(rec, 0)
    }

    /// A file's folder and its name, NUL-terminated.
    fn file_name(&self, rec: &[u8]) -> Option<(usize, &CStr)> {
        let dir = u32_at(rec, 0)? as usize;
        let (off, len) = (u32_at(rec, 4)? as usize, u32_at(rec, 8)? as usize);
        let name = self
            .section(4)
            .get(off..off.checked_add(len)?.checked_add(1)?)?;
        Some((dir, CStr::from_bytes_with_nul(name).ok()?))
    }

    fn file_path(&self, file: usize) -> Option<String> {
        let rec = self
            .section(1)
            .get(file * FILE_REC..(file + 1) * FILE_REC)?;
        let (dir, name) = self.file_name(rec)?;
        Some(format!("{}/{}", self.dir_path(dir)?, name.to_str().ok()?))
    }

    /// Whether the root's files are still those the snapshot was made from: no folder
    /// walked has changed (a file added, removed or renamed changes its folder), and each
    /// file still has the same size and modification time (an edit in place changes only
    /// the file). Stats every folder and file, on every core; walks nothing.
    pub fn unchanged(&self) -> bool {
        self.unchanged_unless(&AtomicBool::new(false))
    }

    /// [`Headlines::unchanged`], giving up (false) once `stop` is set: the caller has found
    /// another reason not to use the snapshot.
    pub fn unchanged_unless(&self, stop: &AtomicBool) -> bool {
        let dirs = self.section(0);
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
        folders_same && !stop.load(Ordering::Relaxed) && self.files_same(stop)
    }

    fn files_same(&self, stop: &AtomicBool) -> bool {
        use rustix::fs::{AtFlags, FileType, Mode, OFlags};
        let files = self.section(1);
        // Runs of files in one folder (the walk gives each folder's files together), each
        // stat'ed by name in its folder's handle: the kernel resolves one name per file.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut last = None;
        for (i, rec) in files.chunks_exact(FILE_REC).enumerate() {
            let dir = u32_at(rec, 0);
            if last != Some(dir) {
                runs.push((i, i + 1));
                last = Some(dir);
            } else if let Some(run) = runs.last_mut() {
                run.1 = i + 1;
            }
        }
        runs.into_par_iter().all(|(start, end)| {
            if stop.load(Ordering::Relaxed) {
                return false;
            }
            let Some(recs) = files.get(start * FILE_REC..end * FILE_REC) else {
                return false;
            };
            let Some(folder) = u32_at(recs, 0).and_then(|d| self.dir_path(d as usize)) else {
                return false;
            };
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let Ok(fd) = rustix::fs::open(folder, flags, Mode::empty()) else {
                return false;
            };
            recs.chunks_exact(FILE_REC).all(|rec| {
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
        for r in self.section(3).chunks_exact(KEY_REC) {
            keys.push((u64_at(r, 0)?, u32_at(r, 8)?));
        }
        Some(keys)
    }

    /// Article `i` with the strings `needs` asks for (the others empty).
    pub fn meta(&self, i: usize, needs: Needs) -> Option<Meta> {
        let rec = self.section(2).get(i * ART_REC..(i + 1) * ART_REC)?;
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
            .section(2)
            .chunks_exact(ART_REC)
            .map(|r| u32_at(r, 0).filter(|&n| (n as usize) < self.articles))
            .collect::<Option<_>>()?;
        Some(Corpus::new(metas, Arc::new(NoBodies)).with_newest_rank(ranks))
    }
}

/// Writes the snapshot of `root` (canonical) to `root_dir`: `walk` and `folders` are a walk
/// of the root made before `corpus` was loaded from it, so that a file changed in between
/// differs from the snapshot at the next check; `key` is the text index's article key.
/// Writes nothing (and removes an older snapshot) when a file's name could not be cached or
/// its time is unknown, or an article's file is not in the walk: such roots are always
/// loaded in full.
pub fn write(
    root_dir: &Path,
    root: &Path,
    folders: &[FolderStamp],
    walk: &[Stamp<'_>],
    corpus: &Corpus,
    key: &(dyn Fn(&Meta) -> u64 + Sync),
) -> io::Result<()> {
    let path = root_dir.join(FILE);
    match encode(root, folders, walk, corpus, key) {
        None => remove(&path),
        Some((line, payload)) => {
            std::fs::create_dir_all(root_dir)?;
            crate::fsutil::write_atomic(&path, &mut |w| {
                w.write_all(&line)?;
                w.write_all(b"\n")?;
                w.write_all(&payload)
            })
        }
    }
}

#[derive(Default)]
struct Pool(Vec<u8>);

impl Pool {
    fn add(&mut self, s: &str, nul: bool) -> Option<[u8; 8]> {
        let off = u32::try_from(self.0.len()).ok()?;
        let len = u32::try_from(s.len()).ok().filter(|&l| l != NONE)?;
        self.0.extend_from_slice(s.as_bytes());
        if nul {
            self.0.push(0);
        }
        let mut out = [0; 8];
        out[..4].copy_from_slice(&off.to_le_bytes());
        out[4..].copy_from_slice(&len.to_le_bytes());
        Some(out)
    }
}

/// A name the snapshot can hold: UTF-8, shown as is, without NUL.
fn plain(s: &str) -> Option<&str> {
    let shown = matches!(crate::text::escape_path(s), std::borrow::Cow::Borrowed(_));
    (shown && !s.contains('\0')).then_some(s)
}

fn encode(
    root: &Path,
    folders: &[FolderStamp],
    walk: &[Stamp<'_>],
    corpus: &Corpus,
    key: &(dyn Fn(&Meta) -> u64 + Sync),
) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut pool = Pool::default();
    let mut dirs = Vec::with_capacity(folders.len() * DIR_REC);
    let mut dir_at: HashMap<&str, u32> = HashMap::with_capacity(folders.len());
    for (i, f) in folders.iter().enumerate() {
        let p = plain(f.path.to_str()?)?;
        dir_at.insert(p, u32::try_from(i).ok()?);
        dirs.extend_from_slice(&pool.add(p, false)?);
        dirs.extend_from_slice(&f.dev.to_le_bytes());
        dirs.extend_from_slice(&f.ino.to_le_bytes());
        let (m, c) = f.times.unwrap_or((0, 0));
        dirs.extend_from_slice(&m.to_le_bytes());
        dirs.extend_from_slice(&c.to_le_bytes());
        dirs.extend_from_slice(&1u32.to_le_bytes());
    }
    let mut files = Vec::with_capacity(walk.len() * FILE_REC);
    let mut file_at: HashMap<&str, u32> = HashMap::with_capacity(walk.len());
    for (i, &(path, size, mtime_ns)) in walk.iter().enumerate() {
        let p = plain(path.to_str()?)?;
        let slash = p.rfind('/')?;
        let dir = match dir_at.get(&p[..slash]) {
            Some(&d) => d,
            // A file named as the root: its folder is not the corpus, only its handle.
            None => {
                let d = u32::try_from(dirs.len() / DIR_REC).ok()?;
                dir_at.insert(&p[..slash], d);
                dirs.extend_from_slice(&pool.add(&p[..slash], false)?);
                dirs.extend_from_slice(&[0; 32]);
                dirs.extend_from_slice(&0u32.to_le_bytes());
                d
            }
        };
        let mtime = i64::try_from(mtime_ns).ok().filter(|&t| t != 0)?;
        file_at.insert(p, u32::try_from(i).ok()?);
        files.extend_from_slice(&dir.to_le_bytes());
        files.extend_from_slice(&pool.add(&p[slash + 1..], true)?);
        files.extend_from_slice(&size.to_le_bytes());
        files.extend_from_slice(&mtime.to_le_bytes());
    }
    let ranks = corpus.newest_rank();
    let mut articles = Vec::with_capacity(corpus.len() * ART_REC);
    let mut keys = Vec::with_capacity(corpus.len());
    let mut sources = std::collections::HashSet::new();
    for (i, m) in corpus.metas().iter().enumerate() {
        let file = *file_at.get(m.source_path.as_str())?;
        sources.insert(file);
        let n = u32::try_from(i).ok()?;
        keys.push((key(m), n));
        articles.extend_from_slice(&ranks.get(i)?.to_le_bytes());
        articles.extend_from_slice(&date_key(m.published).to_le_bytes());
        articles.extend_from_slice(&file.to_le_bytes());
        articles.extend_from_slice(&m.record.map_or(NO_RECORD, |r| r as u64).to_le_bytes());
        articles.extend_from_slice(&pool.add(&m.id, false)?);
        articles.extend_from_slice(&pool.add(&m.title, false)?);
        match &m.outlet {
            Some(o) => articles.extend_from_slice(&pool.add(o, false)?),
            None => {
                articles.extend_from_slice(&0u32.to_le_bytes());
                articles.extend_from_slice(&NONE.to_le_bytes());
            }
        }
        articles.push(match m.format {
            Format::Txt => 0,
            Format::Json => 1,
            Format::Jsonl => 2,
            Format::Csv => 3,
        });
        articles.push(u8::from(m.title_derived));
        articles.extend_from_slice(
            &m.published_time
                .unwrap_or(super::codec::NO_TIME)
                .to_le_bytes(),
        );
    }
    keys.sort_unstable();
    let payload_dirs = dirs.len() / DIR_REC;
    let mut payload = dirs;
    payload.extend_from_slice(&files);
    payload.extend_from_slice(&articles);
    for (k, n) in keys {
        payload.extend_from_slice(&k.to_le_bytes());
        payload.extend_from_slice(&n.to_le_bytes());
    }
    payload.extend_from_slice(&pool.0);
    let header = Header {
        format: FORMAT,
        parser: PARSER_VERSION,
        root: root.to_string_lossy().into_owned(),
        dirs: payload_dirs,
        files: walk.len(),
        articles: corpus.len(),
        sources: sources.len(),
        pool: pool.0.len(),
        hash: xxhash_rust::xxh3::xxh3_64(&payload),
    };
    let line = serde_json::to_vec(&header).ok()?;
    Some((line, payload))
}

fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "headlines_tests.rs"]
mod tests;
