//! The parsed-article cache.
//!
//! Layout, one directory per input root (a file or directory given on the command line):
//!
//! ```text
//! <cache_dir>/v<CACHE_FORMAT>/<xxh3-64 of the canonical root, 16 hex>/
//!     meta.bin            a JSON header line, then checksummed binary chunks of entries, one
//!                         per source file (metadata + body refs), sorted by path
//!     bodies-<gen>.jsonl  one JSON line per article body; meta points into it by offset
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

use crate::model::{Body, Meta, PARSER_VERSION};
use crate::skip::{SkipReason, Skipped};

mod bodies;
mod codec;
mod info;

pub use bodies::{BodyFile, LoadedBodies};
pub use info::{CacheInfo, CorpusInfo, clear, info};

/// Bumped whenever the on-disk layout changes; each format lives in its own `v<N>` directory.
/// Format 2: binary metadata in checksummed chunks (format 1 was JSON lines).
pub const CACHE_FORMAT: u32 = 2;

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

/// `WARTA_CACHE_DIR` when set (and not empty), else the platform cache dir
/// (`~/.cache/warta` on Linux).
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WARTA_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "warta").map(|p| p.cache_dir().to_path_buf())
}

/// The directory holding the cache of one input root (`root` should be canonical).
pub fn root_dir(cache_dir: &Path, root: &Path) -> PathBuf {
    let key = xxhash_rust::xxh3::xxh3_64(root.as_os_str().as_encoded_bytes());
    cache_dir
        .join(format!("v{CACHE_FORMAT}"))
        .join(format!("{key:016x}"))
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    parser: u32,
    root: String,
    files: usize,
    articles: usize,
    /// File name of the body file, inside the same directory.
    bodies: String,
    /// How many bytes of the body file this meta file vouches for.
    bodies_len: u64,
    #[serde(default)]
    generation: u64,
    /// Number of binary chunks after the header line.
    chunks: usize,
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

/// A cache write in progress, from [`RootCache::begin`]; holds the cache's lock.
pub(crate) struct Writer {
    dir: PathBuf,
    root: String,
    _lock: File,
    body_name: String,
    generation: u64,
    out: BufWriter<File>,
    /// Where the next body goes.
    pos: u64,
    /// After a compaction, the new offset of each kept article, in order.
    kept_at: Option<Vec<u64>>,
    /// A read handle on the body file being written.
    body: Arc<BodyFile>,
}

impl Writer {
    /// The body file the entries [`append`](Self::append) returns point into; they can be
    /// read through it at once.
    pub(crate) fn body_file(&self) -> Arc<BodyFile> {
        Arc::clone(&self.body)
    }

    /// Writes the bodies of `fresh` to the body file and returns the files as cached
    /// entries pointing at them, readable through [`body_file`](Self::body_file) as soon as
    /// this returns. After an error the writer must not be used again: what earlier calls
    /// returned is still readable, but nothing of this call is.
    pub(crate) fn append(&mut self, fresh: &[FreshFile]) -> io::Result<Vec<CachedFile>> {
        let mut new_files: Vec<CachedFile> = fresh
            .iter()
            .map(|f| CachedFile {
                path: f.stamp.path.clone(),
                size: f.stamp.size,
                mtime_ns: f.stamp.mtime_ns,
                articles: Vec::with_capacity(f.bodies.len()),
                skipped: f.skipped.iter().map(CachedSkip::from_skipped).collect(),
                notes: f.notes.clone(),
            })
            .collect();
        // Serialise bodies on all cores, a batch at a time whatever the files (one JSONL
        // file can hold most of a corpus), and write them in order: a batch's encoded
        // bodies are what this costs in memory.
        let all: Vec<(usize, usize)> = fresh
            .iter()
            .enumerate()
            .flat_map(|(fi, f)| (0..f.bodies.len().min(f.metas.len())).map(move |bi| (fi, bi)))
            .collect();
        for batch in all.chunks(BODY_BATCH) {
            let encoded: Vec<Vec<u8>> = batch
                .par_iter()
                .map(|&(fi, bi)| serde_json::to_vec(&*fresh[fi].bodies[bi]))
                .collect::<Result<_, _>>()?;
            for (&(fi, bi), bytes) in batch.iter().zip(encoded) {
                self.out.write_all(&bytes)?;
                self.out.write_all(b"\n")?;
                let len = bytes.len() as u64;
                new_files[fi].articles.push(CachedArticle {
                    m: fresh[fi].metas[bi].clone(),
                    at: self.pos,
                    len,
                    h: xxhash_rust::xxh3::xxh3_64(&bytes),
                });
                self.pos += len + 1;
            }
        }
        // Readers use their own handle on the file, so the bytes must be in the kernel.
        self.out.flush()?;
        Ok(new_files)
    }

    /// Makes what is written so far durable and vouched for: `kept` and `written` (every
    /// entry [`append`](Self::append) returned) become the cache, so a load stopped after
    /// this keeps them. Files not listed yet are simply parsed again next time.
    pub(crate) fn checkpoint(
        &mut self,
        kept: &[CachedFile],
        written: &[CachedFile],
    ) -> io::Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        self.write_meta(kept, written)?;
        // The new meta vouches only for bodies written since the cache was found damaged
        // (or copied with their hashes, which a read still checks). Best effort.
        let _ = fs::remove_file(self.dir.join(DAMAGED_FILE));
        Ok(())
    }

    fn write_meta(&self, kept: &[CachedFile], written: &[CachedFile]) -> io::Result<()> {
        let header = Header {
            format: CACHE_FORMAT,
            parser: PARSER_VERSION,
            root: self.root.clone(),
            files: kept.len() + written.len(),
            articles: kept.iter().chain(written).map(|f| f.articles.len()).sum(),
            bodies: self.body_name.clone(),
            bodies_len: self.pos,
            generation: self.generation,
            chunks: 0,
        };
        write_meta(&self.dir, header, kept, self.kept_at.as_deref(), written)
    }

    /// Ends the write: the body file is made durable, then the meta file naming `kept` and
    /// `written` replaces the old one, and older body generations are removed. After an
    /// error, `written` can still be read through [`body_file`](Self::body_file)'s handle.
    pub(crate) fn finish(
        mut self,
        kept: &[CachedFile],
        written: &[CachedFile],
    ) -> io::Result<Stored> {
        self.checkpoint(kept, written)?;
        // Best effort: leftovers only waste space, and a running warta keeps its open handle.
        remove_other_body_files(&self.dir, &self.body_name);
        Ok(Stored {
            body: self.body,
            kept_at: self.kept_at,
        })
    }
}

/// The result of [`RootCache::store`].
pub(crate) struct Stored {
    /// The body file every entry now points into.
    pub body: Arc<BodyFile>,
    /// After a compaction, the new offset of each kept article, in order.
    pub kept_at: Option<Vec<u64>>,
}

/// One entry to write: a cached file, with its articles' new offsets after a compaction.
struct Entry<'a> {
    file: &'a CachedFile,
    new_at: Option<&'a [u64]>,
}

impl Entry<'_> {
    fn encode(&self, e: &mut codec::Enc) {
        let f = self.file;
        let mut articles = f.articles.iter().enumerate().map(|(i, a)| {
            let at = self.new_at.and_then(|v| v.get(i).copied()).unwrap_or(a.at);
            (&a.m, at, a.len, a.h)
        });
        e.file(
            &f.path,
            f.size,
            f.mtime_ns,
            &mut articles,
            &f.skipped,
            &f.notes,
        );
    }
}

/// Writes the meta file: `kept` (with `kept_at`, their articles' new offsets in order, after
/// a compaction) and `fresh`, sorted by path so that a warm start gets them in corpus order,
/// encoded in parallel chunks.
fn write_meta(
    dir: &Path,
    mut header: Header,
    kept: &[CachedFile],
    kept_at: Option<&[u64]>,
    fresh: &[CachedFile],
) -> io::Result<()> {
    let mut entries: Vec<Entry<'_>> = Vec::with_capacity(kept.len() + fresh.len());
    let mut next = 0;
    for f in kept {
        let n = f.articles.len();
        let new_at = kept_at.and_then(|v| v.get(next..next + n));
        next += n;
        entries.push(Entry { file: f, new_at });
    }
    entries.extend(fresh.iter().map(|file| Entry { file, new_at: None }));
    entries.par_sort_unstable_by(|a, b| a.file.path.cmp(&b.file.path));
    header.chunks = entries.len().div_ceil(CHUNK_ENTRIES);
    write_atomic(&dir.join(META_FILE), |w| {
        serde_json::to_writer(&mut *w, &header)?;
        w.write_all(b"\n")?;
        // A group of chunks at a time: the encoded file is as big as the metadata's share
        // of the corpus (380 MB at 1M articles), and a cold load writes it last, when it
        // holds the most.
        for group in entries.chunks(CHUNK_ENTRIES * CHUNK_GROUP) {
            let chunks: Vec<(u32, Vec<u8>)> = group
                .par_chunks(CHUNK_ENTRIES)
                .map(|c| {
                    let mut e = codec::Enc::new();
                    for entry in c {
                        entry.encode(&mut e);
                    }
                    (c.len() as u32, e.buf)
                })
                .collect();
            for (n, payload) in &chunks {
                w.write_all(&n.to_le_bytes())?;
                w.write_all(&(payload.len() as u64).to_le_bytes())?;
                w.write_all(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes())?;
                w.write_all(payload)?;
            }
        }
        Ok(())
    })
}

/// One chunk of the meta file: entry count, payload, xxh3-64 of the payload.
type Chunk = (u32, Vec<u8>, u64);

/// Reads the meta file's chunks after its header line, [`CHUNK_GROUP`] at a time, handing
/// each group to `take`; an error when the framing does not add up (truncated, extended,
/// or damaged lengths). `left` is what the file holds after the header, so a damaged
/// length is caught before anything is allocated for it.
fn read_chunks(
    r: &mut impl io::Read,
    mut left: u64,
    expected: usize,
    mut take: impl FnMut(Vec<Chunk>) -> Result<(), String>,
) -> Result<(), String> {
    let mut seen = 0;
    let mut group = Vec::with_capacity(CHUNK_GROUP);
    while left > 0 {
        if left < FRAME_BYTES as u64 {
            return Err("truncated chunk header".into());
        }
        let mut frame = [0u8; FRAME_BYTES];
        r.read_exact(&mut frame)
            .map_err(|_| "truncated chunk header".to_string())?;
        left -= FRAME_BYTES as u64;
        let word = |r: std::ops::Range<usize>| {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(&frame[r]);
            u64::from_le_bytes(b)
        };
        let (n, len, hash) = (word(0..4) as u32, word(4..12), word(12..20));
        if len > left {
            return Err("truncated chunk".into());
        }
        let mut payload = vec![0u8; len as usize];
        r.read_exact(&mut payload)
            .map_err(|_| "truncated chunk".to_string())?;
        left -= len;
        seen += 1;
        if seen > expected {
            break;
        }
        group.push((n, payload, hash));
        if group.len() == CHUNK_GROUP {
            take(std::mem::take(&mut group))?;
        }
    }
    if seen != expected {
        return Err(format!("{seen} of {expected} chunks"));
    }
    if !group.is_empty() {
        take(group)?;
    }
    Ok(())
}

fn decode_chunk(n: u32, payload: &[u8], hash: u64) -> Result<Vec<CachedFile>, String> {
    if xxhash_rust::xxh3::xxh3_64(payload) != hash {
        return Err("checksum mismatch".into());
    }
    let mut d = codec::Dec::new(payload);
    let files = (0..n).map(|_| d.file()).collect::<Result<Vec<_>, _>>()?;
    if !d.is_empty() {
        return Err("trailing bytes in a chunk".into());
    }
    Ok(files)
}

enum ReadError {
    /// No cache yet.
    Absent,
    /// Made by another parser version: re-parse everything, quietly.
    Stale,
    /// Damaged or unrecognisable: rebuild and tell the user once.
    Corrupt(String),
}

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

fn remove_other_body_files(dir: &Path, keep: &str) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bodies-") && name != keep {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes `path` so that a crash leaves either the old or the new content: a temp file in
/// the same directory, fsync, rename over, fsync the directory.
pub(crate) fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("no parent directory"))?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let f = File::create(&tmp)?;
        let mut w = BufWriter::with_capacity(1 << 20, &f);
        fill(&mut w)?;
        w.flush()?;
        drop(w);
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_replaces_and_leaves_no_temp_file() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("f.jsonl");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        // A failing writer leaves the old content and no temp file behind.
        let err = write_atomic(&p, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    fn fresh(name: &str, text: &str) -> FreshFile {
        FreshFile {
            stamp: FileStamp {
                path: format!("/corpus/{name}"),
                size: text.len() as u64,
                mtime_ns: 1,
            },
            metas: vec![Meta {
                title: name.to_string(),
                source_path: format!("/corpus/{name}"),
                ..Meta::default()
            }],
            bodies: vec![Arc::new(Body {
                body: vec![text.to_string()],
                ..Body::default()
            })],
            skipped: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn stamp_of(f: &FreshFile) -> FileStamp {
        f.stamp.clone()
    }

    fn body_text(file: &BodyFile, a: &CachedArticle) -> String {
        file.read(a.at, a.len, a.h).unwrap().body.join("\n")
    }

    /// Bodies reach the disk as they are appended and can be read back at once; the old
    /// cache stays what a new reader sees until a checkpoint, which vouches for exactly
    /// what was written so far, and a writer dropped after it (a quit mid-load) keeps that.
    #[test]
    fn a_write_in_progress_is_readable_at_once_and_durable_from_each_checkpoint() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Path::new("/corpus");
        let first = [fresh("a.txt", "alpha"), fresh("b.txt", "beta")];
        let mut rc = RootCache::open(tmp.path(), root);
        rc.store(&[], &first).unwrap().expect("written");

        // Next load: a.txt is kept, b.txt changed, c.txt and d.txt are new.
        let mut rc = RootCache::open(tmp.path(), root);
        let kept = vec![rc.take(&stamp_of(&first[0])).expect("a.txt cached")];
        let old_file = rc.body_file().unwrap();
        let mut w = rc.begin(&kept).unwrap();
        let written = w.append(&[fresh("b.txt", "beta two")]).unwrap();
        assert_eq!(
            body_text(&w.body_file(), &written[0].articles[0]),
            "beta two"
        );
        // Before a checkpoint a new reader still sees the old cache, bodies included.
        let mut other = RootCache::open(tmp.path(), root);
        assert_eq!(other.files().count(), 2);
        let b = other.take(&stamp_of(&first[1])).expect("old b.txt");
        assert_eq!(
            body_text(&other.body_file().unwrap(), &b.articles[0]),
            "beta"
        );
        assert!(other.problem.is_none());

        w.checkpoint(&kept, &written).unwrap();
        let mut more = written.clone();
        more.extend(w.append(&[fresh("c.txt", "gamma")]).unwrap());
        drop(w); // stopped before d.txt, and before `finish`

        let mut after = RootCache::open(tmp.path(), root);
        assert!(after.problem.is_none(), "{:?}", after.problem);
        let mut paths: Vec<String> = after.files().map(|f| f.path.clone()).collect();
        paths.sort();
        assert_eq!(
            paths,
            ["/corpus/a.txt", "/corpus/b.txt"],
            "what the checkpoint named"
        );
        let file = after.body_file().unwrap();
        let a = after.take(&stamp_of(&first[0])).unwrap();
        assert_eq!(body_text(&file, &a.articles[0]), "alpha");
        let b = after.take(&stamp_of(&fresh("b.txt", "beta two"))).unwrap();
        assert_eq!(body_text(&file, &b.articles[0]), "beta two");
        // The kept body is still where the first load's reader expects it.
        assert_eq!(body_text(&old_file, &kept[0].articles[0]), "alpha");

        // A finished write names everything, and a second writer can then take the lock.
        let mut rc = RootCache::open(tmp.path(), root);
        let kept: Vec<CachedFile> = [&first[0]]
            .iter()
            .map(|f| rc.take(&stamp_of(f)).unwrap())
            .collect();
        let mut w = rc.begin(&kept).unwrap();
        let mut written = w.append(&[fresh("b.txt", "beta two")]).unwrap();
        written.extend(
            w.append(&[fresh("c.txt", "gamma"), fresh("d.txt", "delta")])
                .unwrap(),
        );
        w.finish(&kept, &written).unwrap();
        let mut rc = RootCache::open(tmp.path(), root);
        assert_eq!(rc.files().count(), 4);
        let d = rc.take(&stamp_of(&fresh("d.txt", "delta"))).unwrap();
        assert_eq!(body_text(&rc.body_file().unwrap(), &d.articles[0]), "delta");
        assert!(rc.begin(&[]).is_ok(), "the lock was released");
    }

    /// `take` is fed in the walk's order, which is not always the cache's (`a/b` comes
    /// before `a-b` as paths, after it as strings), and files come, go and change between
    /// loads: whatever the order, each cached file is found once, with its own body, and
    /// what is not taken is what vanished.
    #[test]
    fn take_finds_every_file_in_any_order() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Path::new("/corpus");
        let names = ["a-b.txt", "a/b.txt", "a/c.txt", "b.txt", "c.txt", "d.txt"];
        let stored: Vec<FreshFile> = names.iter().map(|n| fresh(n, n)).collect();
        RootCache::open(tmp.path(), root)
            .store(&[], &stored)
            .unwrap()
            .expect("written");
        let walk_order = [1, 2, 0, 3, 5];
        let orders: [&[usize]; 3] = [&walk_order, &[5, 3, 1, 0, 2], &[3, 0, 5, 2, 1]];
        for order in orders {
            let mut rc = RootCache::open(tmp.path(), root);
            let file = rc.body_file().unwrap();
            // A file the cache never saw, first and in the middle.
            assert!(rc.take(&stamp_of(&fresh("0.txt", "new"))).is_none());
            for (k, &i) in order.iter().enumerate() {
                if k == 2 {
                    assert!(rc.take(&stamp_of(&fresh("a/bb.txt", "new"))).is_none());
                }
                let hit = rc.take(&stamp_of(&stored[i])).expect(names[i]);
                assert_eq!(hit.path, format!("/corpus/{}", names[i]));
                assert_eq!(body_text(&file, &hit.articles[0]), names[i]);
                assert!(rc.take(&stamp_of(&stored[i])).is_none(), "taken once");
            }
            let left: Vec<&str> = rc.files().map(|f| f.path.as_str()).collect();
            assert_eq!(left, ["/corpus/c.txt"], "{order:?}");
            assert!(!rc.dirty, "nothing changed");
        }
        // A changed file is not taken, and the next write must drop its entry.
        let mut rc = RootCache::open(tmp.path(), root);
        assert!(
            rc.take(&stamp_of(&fresh("b.txt", "b.txt, edited")))
                .is_none()
        );
        assert!(rc.dirty);
    }

    /// The meta file is read a group of chunks at a time: every chunk arrives, in order,
    /// in groups of [`CHUNK_GROUP`]; and framing that does not add up is an error before
    /// anything is allocated for a damaged length.
    #[test]
    fn meta_chunks_stream_in_groups_and_bad_framing_is_caught() {
        let frame = |n: u32, payload: &[u8]| {
            let mut b = n.to_le_bytes().to_vec();
            b.extend((payload.len() as u64).to_le_bytes());
            b.extend(xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
            b.extend(payload);
            b
        };
        let count = 2 * CHUNK_GROUP + 3;
        let bytes: Vec<u8> = (0..count)
            .flat_map(|i| frame(i as u32, format!("chunk {i}").as_bytes()))
            .collect();
        let read = |bytes: &[u8], expected: usize| {
            let mut groups = Vec::new();
            read_chunks(&mut &bytes[..], bytes.len() as u64, expected, |g| {
                groups.push(g);
                Ok(())
            })
            .map(|()| groups)
        };
        let groups = read(&bytes, count).unwrap();
        let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
        assert_eq!(sizes, [CHUNK_GROUP, CHUNK_GROUP, 3]);
        for (i, (n, payload, hash)) in groups.iter().flatten().enumerate() {
            assert_eq!(*n as usize, i);
            assert_eq!(payload, format!("chunk {i}").as_bytes());
            assert_eq!(*hash, xxhash_rust::xxh3::xxh3_64(payload));
        }

        let short = format!("{count} of {} chunks", count + 1);
        assert_eq!(read(&bytes, count + 1).unwrap_err(), short);
        let long = format!("{count} of {} chunks", count - 1);
        assert_eq!(read(&bytes, count - 1).unwrap_err(), long);
        assert_eq!(
            read(&bytes[..bytes.len() - 1], count).unwrap_err(),
            "truncated chunk"
        );
        let mut tail = bytes.clone();
        tail.extend([0u8; FRAME_BYTES - 1]);
        assert_eq!(read(&tail, count).unwrap_err(), "truncated chunk header");
        // A length of 2^62 bytes in a short file: refused, not allocated.
        let mut huge = frame(1, b"x");
        huge[4..12].copy_from_slice(&(1u64 << 62).to_le_bytes());
        assert_eq!(read(&huge, 1).unwrap_err(), "truncated chunk");
        assert!(read(&[], 0).unwrap().is_empty());
        // An error from the consumer (a bad entry) stops the read.
        let err = read_chunks(&mut &bytes[..], bytes.len() as u64, count, |_| {
            Err("bad entry".to_string())
        });
        assert_eq!(err.unwrap_err(), "bad entry");
    }

    /// The header line has no checksum: a damaged file count (here far more files than
    /// the machine has memory for) is reported as a damaged cache, not reserved for.
    #[test]
    fn a_damaged_file_count_in_the_header_is_corruption() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Path::new("/corpus");
        let mut rc = RootCache::open(tmp.path(), root);
        rc.store(&[], &[fresh("a.txt", "alpha")])
            .unwrap()
            .expect("written");
        let meta = rc.dir().join(META_FILE);
        let bytes = fs::read(&meta).unwrap();
        let nl = bytes.iter().position(|&b| b == b'\n').unwrap();
        let header = String::from_utf8(bytes[..nl].to_vec()).unwrap();
        let damaged = header.replace("\"files\":1,", "\"files\":999999999999999,");
        assert_ne!(damaged, header);
        let mut out = damaged.into_bytes();
        out.extend(&bytes[nl..]);
        fs::write(&meta, out).unwrap();
        let rc = RootCache::open(tmp.path(), root);
        let why = rc.problem.as_deref().expect("reported");
        assert!(
            why.contains("truncated: 1 of 999999999999999 files"),
            "{why}"
        );
        assert_eq!(rc.files().count(), 0);
    }

    /// Only one writer at a time per cache: the second is told, and writes nothing.
    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Path::new("/corpus");
        let mut one = RootCache::open(tmp.path(), root);
        let mut two = RootCache::open(tmp.path(), root);
        let w = one.begin(&[]).unwrap();
        let err = two.begin(&[]).err().expect("refused");
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        drop(w);
        assert!(two.begin(&[]).is_ok());
    }

    #[test]
    fn safe_names_only() {
        assert!(safe_name("bodies-1.jsonl").is_some());
        assert!(safe_name("../x").is_none());
        assert!(safe_name("..").is_none());
        assert!(safe_name("").is_none());
    }

    #[test]
    fn skip_round_trip() {
        for reason in [
            SkipReason::Empty,
            SkipReason::Binary,
            SkipReason::Malformed("line 3: bad".into()),
        ] {
            let s = Skipped {
                path: "a.jsonl".into(),
                reason,
            };
            assert_eq!(CachedSkip::from_skipped(&s).to_skipped(), s);
        }
    }
}
