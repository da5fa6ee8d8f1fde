//! The parsed-article cache.
//!
//! Layout, one directory per input root (a file or directory given on the command line):
//!
//! ```text
//! <cache_dir>/v<CACHE_FORMAT>/<xxh3-64 of the canonical root, 16 hex>/
//!     meta.bin            a JSON header line, then checksummed binary chunks of entries, one
//!                         per source file (metadata + body refs), sorted by path
//!     bodies-<gen>.jsonl  one JSON line per article body; meta points into it by offset
//!     headlines.bin       what `warta search`/`list` print, with every file's stamp
//!                         ([`headlines`]; written by those commands)
//!     lock                advisory lock held while writing
//!     damaged             marker left when a body read found corruption
//! ```
//!
//! Start-up only decodes `meta.bin` (metadata is ~10% of the bytes); bodies are read
//! one at a time with `read_exact_at` when the UI asks for them, and checked against an
//! xxh3 of their bytes, so a damaged body file yields an error, never a wrong article.
//!
//! Body file updates: new bodies are *appended* to the current generation and the meta file
//! is rewritten atomically; once dead bytes (bodies of changed or deleted files, or a crashed
//! writer's tail) outweigh the live ones, the live bodies are copied (raw bytes, no
//! deserialising) into a new generation. Rewriting the whole body file on every change would
//! copy ~3 GB at a million articles to update one file; appending costs only the new bodies,
//! and existing offsets never move, so a running warta reading the same file is unaffected.
//! A new generation gets a new file name, and meta names its body file, so a crash between
//! the two renames cannot pair a meta file with the wrong bodies.
//!
//! A load writes bodies as it parses them ([`RootCache::begin`], [`Writer::append`]), so a
//! cold load holds only metadata in memory, and rewrites the meta file now and then
//! ([`Writer::checkpoint`]) so that a load stopped part-way keeps what it had parsed.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::fsutil::{is_temp_for, write_atomic};
use crate::model::{Body, Meta, PARSER_VERSION};
use crate::skip::{SkipReason, Skipped};

mod bodies;
mod codec;
pub mod headlines;
mod info;
mod meta;
mod writer;

use meta::*;
pub(crate) use writer::{Stored, Writer};

pub use bodies::{BodyFile, LoadedBodies};
pub use info::{CacheInfo, CorpusInfo, clear, info};

/// Bumped whenever the on-disk layout changes; each format lives in its own `v<N>` directory.
/// Format 2: binary metadata in checksummed chunks (format 1 was JSON lines).
/// Format 4: a meta carries the year-less date waiting for the corpus's year.
/// Format 5: a dated meta carries its time of day (two bytes, `u16::MAX` for none).
/// Format 6: a meta carries the regions named in passing after the article's places.
pub const CACHE_FORMAT: u32 = 6;

const META_FILE: &str = "meta.bin";
/// Entries per chunk of the meta file: chunks are checksummed and decoded in parallel, and
/// ~100 of them at 100k files keep both cores busy without much framing.
const CHUNK_ENTRIES: usize = 1024;
/// Bytes before each chunk: entry count (u32), payload length (u64), xxh3-64 (u64), LE.
const FRAME_BYTES: usize = 20;
/// Chunks of the meta file encoded or decoded at once (a few MB): enough to keep both cores
/// busy, without ever holding the whole file.
const CHUNK_GROUP: usize = 16;
/// The meta file's first line (JSON naming the format, root and counts) is far shorter.
const MAX_HEADER_BYTES: u64 = 1 << 20;
/// Bodies serialised at once when writing: enough to keep both cores busy, few enough that
/// their encoded bytes stay a few MB.
const BODY_BATCH: usize = 4096;
const LOCK_FILE: &str = "lock";
const DAMAGED_FILE: &str = "damaged";

/// The cache directory when no `--cache-dir` was given (see [`crate::paths::cache_dir`]).
pub fn default_cache_dir() -> Option<PathBuf> {
    crate::paths::cache_dir(None)
}

/// The directory holding the cache of one input root (`root` should be canonical).
pub fn root_dir(cache_dir: &Path, root: &Path) -> PathBuf {
    let key = xxhash_rust::xxh3::xxh3_64(root.as_os_str().as_encoded_bytes());
    cache_dir
        .join(format!("v{CACHE_FORMAT}"))
        .join(format!("{key:016x}"))
}

/// One source file as cached: enough to decide validity and to rebuild its articles' metadata.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedFile {
    pub path: String,
    pub size: u64,
    pub mtime_ns: i128,
    pub articles: Vec<CachedArticle>,
    #[serde(default)]
    pub skipped: Vec<CachedSkip>,
    /// Load-report notes about the file (cut at a size limit), repeated on every cache hit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An article's metadata and where its body lives. Nested rather than flattened: serde's
/// `flatten` buffers every field and is several times slower to deserialise.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedArticle {
    pub m: Meta,
    pub at: u64,
    pub len: u64,
    /// xxh3-64 of the body's bytes.
    pub h: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedSkip {
    pub path: String,
    pub kind: String,
    #[serde(default)]
    pub detail: String,
}

impl CachedSkip {
    pub(crate) fn from_skipped(s: &Skipped) -> CachedSkip {
        let detail = match &s.reason {
            SkipReason::Unreadable(d) | SkipReason::Malformed(d) | SkipReason::NotAFile(d) => {
                d.clone()
            }
            SkipReason::TooLarge { size, limit } => format!("{size}/{limit}"),
            _ => String::new(),
        };
        CachedSkip {
            path: s.path.clone(),
            kind: s.reason.kind().to_string(),
            detail,
        }
    }

    pub(crate) fn to_skipped(&self) -> Skipped {
        let reason = match self.kind.as_str() {
            "empty" => SkipReason::Empty,
            "binary" => SkipReason::Binary,
            "unreadable" => SkipReason::Unreadable(self.detail.clone()),
            "symlink loop" => SkipReason::SymlinkLoop,
            "not a file" => SkipReason::NotAFile(self.detail.clone()),
            "too large" => match self.detail.split_once('/') {
                Some((size, limit)) => SkipReason::TooLarge {
                    size: size.parse().unwrap_or(0),
                    limit: limit.parse().unwrap_or(0),
                },
                None => SkipReason::Malformed(self.detail.clone()),
            },
            _ => SkipReason::Malformed(self.detail.clone()),
        };
        Skipped {
            path: self.path.clone(),
            reason,
        }
    }
}

/// A source file's state as found on disk now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileStamp {
    pub path: String,
    pub size: u64,
    pub mtime_ns: i128,
}

/// A file parsed during this load, to be written to the cache. Bodies are shared so that a
/// snapshot of a load in progress can show them without a copy.
pub(crate) struct FreshFile {
    pub stamp: FileStamp,
    pub metas: Vec<Meta>,
    pub bodies: Vec<Arc<Body>>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
}

/// The cache of one input root as read at start-up. Opening never fails: anything wrong
/// with what is on disk makes it empty and sets [`RootCache::problem`].
pub(crate) struct RootCache {
    dir: PathBuf,
    root: String,
    header: Option<Header>,
    /// The entries as read, in path order: what a warm start shows, with no map to build.
    files: Vec<CachedFile>,
    /// Entries the validation's walk has passed without taking (see [`take`](Self::take)).
    by_path: HashMap<String, CachedFile>,
    /// Whether [`take`](Self::take) has begun: `files` is then reversed, the next entry
    /// in path order last.
    taking: bool,
    body_file: Option<Arc<BodyFile>>,
    /// Why an existing cache was thrown away (for the one warning), if it was.
    pub problem: Option<String>,
    /// Something was found that the next write must drop (deleted files, stale parser...).
    dirty: bool,
}

impl RootCache {
    /// Reads the cache of `root` (canonical) under `cache_dir`.
    pub(crate) fn open(cache_dir: &Path, root: &Path) -> RootCache {
        let dir = root_dir(cache_dir, root);
        let mut rc = RootCache {
            root: root.to_string_lossy().into_owned(),
            dir,
            header: None,
            files: Vec::new(),
            by_path: HashMap::new(),
            taking: false,
            body_file: None,
            problem: None,
            dirty: false,
        };
        match rc.read() {
            Ok(()) => {}
            Err(ReadError::Absent) => rc.dirty = true,
            Err(ReadError::Stale) => {
                rc.files.clear();
                rc.by_path.clear();
                rc.dirty = true;
            }
            Err(ReadError::Corrupt(why)) => {
                rc.header = None;
                rc.files.clear();
                rc.by_path.clear();
                rc.body_file = None;
                rc.dirty = true;
                rc.problem = Some(why);
            }
        }
        rc
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn read(&mut self) -> Result<(), ReadError> {
        let meta_path = self.dir.join(META_FILE);
        // Read as a stream, a group of chunks at a time, never whole: at 1M articles the
        // file is 380 MB, held beside everything it decodes to.
        let file = match crate::safe_read::open_own_file(&meta_path) {
            Ok(f) => f,
            // A cache dir that cannot exist (a file in the way) is not a damaged cache; the
            // write will fail and say so.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Err(ReadError::Absent);
            }
            // Says what is in the way (a FIFO, a device) with its path.
            Err(e) => return Err(ReadError::Corrupt(e.to_string())),
        };
        if self.dir.join(DAMAGED_FILE).exists() {
            return Err(ReadError::Corrupt("a body could not be read".into()));
        }
        let size = file
            .metadata()
            .map_err(|e| ReadError::Corrupt(format!("cannot read {META_FILE}: {e}")))?
            .len();
        let mut r = io::BufReader::with_capacity(1 << 20, file);
        let mut line = Vec::new();
        io::Read::take(&mut r, MAX_HEADER_BYTES)
            .read_until(b'\n', &mut line)
            .map_err(|e| ReadError::Corrupt(format!("cannot read {META_FILE}: {e}")))?;
        if line.pop() != Some(b'\n') {
            return Err(ReadError::Corrupt(format!("{META_FILE} has no header")));
        }
        let header: Header = serde_json::from_slice(&line)
            .map_err(|e| ReadError::Corrupt(format!("bad header: {e}")))?;
        if header.format != CACHE_FORMAT {
            return Err(ReadError::Corrupt(format!(
                "format {} instead of {CACHE_FORMAT}",
                header.format
            )));
        }
        if header.root != self.root {
            return Err(ReadError::Corrupt("made for another input".into()));
        }
        if header.parser != PARSER_VERSION {
            // Not damage: a newer warta re-parses what an older parser produced.
            self.header = Some(header);
            return Err(ReadError::Stale);
        }
        let left = size.saturating_sub(line.len() as u64 + 1);
        // The header (not checksummed) is believed only as far as reserving no more memory
        // than the file's own size: a damaged count must not cost gigabytes before the
        // count check below reports it.
        let fit = usize::try_from(left).unwrap_or(usize::MAX) / std::mem::size_of::<CachedFile>();
        let mut files: Vec<CachedFile> = Vec::with_capacity(header.files.min(fit));
        read_chunks(&mut r, left, header.chunks, |group| {
            let decoded: Vec<Vec<CachedFile>> = group
                .par_iter()
                .map(|(n, payload, hash)| decode_chunk(*n, payload, *hash))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("bad entry: {e}"))?;
            files.extend(decoded.into_iter().flatten());
            Ok(())
        })
        .map_err(ReadError::Corrupt)?;
        if files.len() != header.files {
            return Err(ReadError::Corrupt(format!(
                "truncated: {} of {} files",
                files.len(),
                header.files
            )));
        }
        if safe_name(&header.bodies).is_none() {
            return Err(ReadError::Corrupt("bad body file name".into()));
        }
        let body_path = self.dir.join(&header.bodies);
        let file = crate::safe_read::open_own_file(&body_path)
            .map_err(|e| ReadError::Corrupt(e.to_string()))?;
        let actual = file
            .metadata()
            .map_err(|e| ReadError::Corrupt(format!("cannot stat {}: {e}", header.bodies)))?
            .len();
        if actual < header.bodies_len {
            return Err(ReadError::Corrupt("body file truncated".into()));
        }
        let mut articles = 0;
        for f in &files {
            articles += f.articles.len();
            for a in &f.articles {
                let end = a.at.checked_add(a.len);
                if end.is_none_or(|end| end > header.bodies_len) {
                    return Err(ReadError::Corrupt("body offset past the end".into()));
                }
            }
        }
        if articles != header.articles {
            return Err(ReadError::Corrupt("article count mismatch".into()));
        }
        self.body_file = Some(Arc::new(BodyFile::new(file, self.dir.clone())));
        self.files = files;
        self.header = Some(header);
        Ok(())
    }

    /// The cached entry for `stamp` when it is still valid (same path, size and mtime);
    /// removes it from the cache either way, so what remains afterwards was deleted.
    pub(crate) fn take(&mut self, stamp: &FileStamp) -> Option<CachedFile> {
        if !self.taking {
            self.taking = true;
            // Stored in path order, so the walk (in path order too) mostly meets each entry
            // at the end of the reversed list: no map of 100k paths to build (~0.1 s).
            if !self.files.is_sorted_by(|a, b| a.path <= b.path) {
                self.files.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
            }
            self.files.reverse();
        }
        let f = match self.by_path.remove(&stamp.path) {
            Some(f) => f,
            None => {
                // Entries before this path were passed by the walk: vanished files, or files
                // a walk meets in another order ("a-b" and "a/b"); the map keeps them.
                while let Some(last) = self.files.pop_if(|f| f.path < stamp.path) {
                    self.by_path.insert(last.path.clone(), last);
                }
                self.files.pop_if(|f| f.path == stamp.path)?
            }
        };
        // An unknown mtime cannot prove the file unchanged.
        if f.size == stamp.size && f.mtime_ns == stamp.mtime_ns && stamp.mtime_ns != 0 {
            Some(f)
        } else {
            self.dirty = true;
            None
        }
    }

    /// Every cached file not [`take`](Self::take)n yet: before validation, all of them
    /// (what a warm start shows at once); after it, the files that have vanished.
    pub(crate) fn files(&self) -> impl Iterator<Item = &CachedFile> {
        self.files.iter().chain(self.by_path.values())
    }

    /// Takes every cached file out, in path order if none was [`take`](Self::take)n yet,
    /// leaving the cache empty (open it again to validate).
    pub(crate) fn drain_files(&mut self) -> impl Iterator<Item = CachedFile> + '_ {
        self.files
            .drain(..)
            .chain(self.by_path.drain().map(|(_, f)| f))
    }

    /// The handle on the current body file (what [`take`](Self::take)n entries point into).
    pub(crate) fn body_file(&self) -> Option<Arc<BodyFile>> {
        self.body_file.clone()
    }

    /// Writes the cache for this root: `kept` entries (from [`take`](Self::take), still
    /// pointing into [`body_file`](Self::body_file)) plus `fresh` files. `Ok(None)` when
    /// nothing changed. On error the previous cache, and `kept`'s offsets into the old body
    /// file, are still valid.
    pub(crate) fn store(
        &mut self,
        kept: &[CachedFile],
        fresh: &[FreshFile],
    ) -> io::Result<Option<Stored>> {
        let deleted = !self.files.is_empty() || !self.by_path.is_empty();
        if !self.dirty && !deleted && fresh.is_empty() && self.body_file.is_some() {
            return Ok(None);
        }
        let mut w = self.begin(kept)?;
        let written = w.append(fresh)?;
        w.finish(kept, &written).map(Some)
    }

    /// Starts writing the cache for this root, keeping `kept` (entries from
    /// [`take`](Self::take), which point into [`body_file`](Self::body_file)): takes the
    /// lock, and either reopens the body file to append to it or starts a new generation
    /// holding a copy of the kept bodies. Bodies then go to disk as they are parsed
    /// ([`Writer::append`]), so a cold load never holds a corpus's bodies in memory; the
    /// meta file that vouches for them is written by [`Writer::checkpoint`] and
    /// [`Writer::finish`]. Until then, and after any error, the previous cache and `kept`'s
    /// offsets stay valid.
    pub(crate) fn begin(&mut self, kept: &[CachedFile]) -> io::Result<Writer> {
        fs::create_dir_all(&self.dir)?;
        let (lock, _) = crate::safe_read::open_own_with(
            &self.dir.join(LOCK_FILE),
            OpenOptions::new().create(true).truncate(false).write(true),
        )?;
        lock.try_lock().map_err(|e| match e {
            fs::TryLockError::WouldBlock => io::Error::new(
                io::ErrorKind::WouldBlock,
                "in use by another warta; not updated",
            ),
            fs::TryLockError::Error(e) => e,
        })?;
        // Holding the lock, no live writer owns a temp meta file here: those are a killed
        // writer's, and each can be as big as the meta file itself.
        remove_stale_temps(&self.dir);

        let old = self.body_file.clone();
        if old.is_none() && kept.iter().any(|f| !f.articles.is_empty()) {
            return Err(io::Error::other("kept bodies without a body file"));
        }
        let live: u64 = kept
            .iter()
            .flat_map(|f| &f.articles)
            .map(|a| a.len + 1)
            .sum();
        // Append only to a body file this meta vouched for, and only while live bodies are
        // at least half of it; otherwise compact into a new generation.
        let append_to = match (&old, &self.header) {
            (Some(old), Some(h)) if h.bodies_len < 2 * live.max(1) => Some((old, h)),
            _ => None,
        };

        let (body_name, generation, out, pos, kept_at, body) = match append_to {
            Some((old, h)) => {
                let (f, _) = crate::safe_read::open_own_with(
                    &self.dir.join(&h.bodies),
                    OpenOptions::new().append(true),
                )?;
                let pos = f.metadata()?.len();
                let out = BufWriter::with_capacity(1 << 20, f);
                // The same file: bodies appended are read through the handle the kept ones
                // already use.
                (
                    h.bodies.clone(),
                    h.generation,
                    out,
                    pos,
                    None,
                    Arc::clone(old),
                )
            }
            None => {
                // Past every generation on disk: a running warta may still read an orphan.
                let generation = max_generation(&self.dir) + 1;
                let name = format!("bodies-{generation}.jsonl");
                let path = self.dir.join(&name);
                let (file, _) = crate::safe_read::open_own_with(
                    &path,
                    OpenOptions::new().write(true).create(true).truncate(true),
                )?;
                let mut w = BufWriter::with_capacity(1 << 20, file);
                let mut pos = 0u64;
                let mut offsets = Vec::new();
                // Copy live bodies as raw bytes: no deserialising, hashes travel with them.
                if let Some(old) = &old {
                    let mut buf = Vec::new();
                    for a in kept.iter().flat_map(|f| &f.articles) {
                        buf.resize(usize::try_from(a.len).map_err(io::Error::other)?, 0);
                        old.file.read_exact_at(&mut buf, a.at)?;
                        w.write_all(&buf)?;
                        w.write_all(b"\n")?;
                        offsets.push(pos);
                        pos += a.len + 1;
                    }
                }
                let body = Arc::new(BodyFile::new(
                    crate::safe_read::open_own_file(&path)?,
                    self.dir.clone(),
                ));
                (name, generation, w, pos, Some(offsets), body)
            }
        };
        Ok(Writer {
            dir: self.dir.clone(),
            root: self.root.clone(),
            _lock: lock,
            body_name,
            generation,
            out,
            pos,
            kept_at,
            body,
        })
    }
}

/// One chunk of the meta file: entry count, payload, xxh3-64 of the payload.
type Chunk = (u32, Vec<u8>, u64);

fn safe_name(name: &str) -> Option<&str> {
    let ok = !name.is_empty()
        && !name.contains('/')
        && !name.contains('\0')
        && name != "."
        && name != "..";
    ok.then_some(name)
}

fn max_generation(dir: &Path) -> u64 {
    let Ok(rd) = fs::read_dir(dir) else { return 0 };
    rd.flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let name = name.to_str()?;
            name.strip_prefix("bodies-")?
                .strip_suffix(".jsonl")?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0)
}

/// Removes the meta file's temp files (both naming schemes, see [`is_temp_for`]).
fn remove_stale_temps(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        if is_temp_for(&e.file_name().to_string_lossy(), META_FILE) {
            crate::fsutil::remove_stale(&e.path());
        }
    }
}

fn remove_other_body_files(dir: &Path, keep: &str) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bodies-") && name != keep {
            crate::fsutil::remove_stale(&e.path());
        }
    }
}

#[cfg(test)]
mod tests;
