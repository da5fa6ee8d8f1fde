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

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::loader::{SkipReason, Skipped};
use crate::model::{Body, Meta, PARSER_VERSION};

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
            SkipReason::Unreadable(d) | SkipReason::Malformed(d) => d.clone(),
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
            "not a file" => SkipReason::NotAFile,
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
    /// The entries by path, built from `files` at the first [`take`](Self::take) (the
    /// validation, which runs after the first frame).
    by_path: HashMap<String, CachedFile>,
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
        let buf = match fs::read(&meta_path) {
            Ok(b) => b,
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
            Err(e) => return Err(ReadError::Corrupt(format!("cannot read {META_FILE}: {e}"))),
        };
        if self.dir.join(DAMAGED_FILE).exists() {
            return Err(ReadError::Corrupt("a body could not be read".into()));
        }
        let nl = memchr::memchr(b'\n', &buf)
            .ok_or_else(|| ReadError::Corrupt(format!("{META_FILE} has no header")))?;
        let header: Header = serde_json::from_slice(&buf[..nl])
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
        let chunks = split_chunks(&buf[nl + 1..], header.chunks).map_err(ReadError::Corrupt)?;
        let decoded: Vec<Vec<CachedFile>> = chunks
            .par_iter()
            .map(|&(n, payload, hash)| decode_chunk(n, payload, hash))
            .collect::<Result<_, _>>()
            .map_err(|e| ReadError::Corrupt(format!("bad entry: {e}")))?;
        drop(buf);
        let mut files = Vec::with_capacity(decoded.iter().map(Vec::len).sum());
        for d in decoded {
            files.extend(d);
        }
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
        let file = File::open(&body_path)
            .map_err(|e| ReadError::Corrupt(format!("cannot open {}: {e}", header.bodies)))?;
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
        if !self.files.is_empty() {
            let files = std::mem::take(&mut self.files);
            self.by_path
                .extend(files.into_iter().map(|f| (f.path.clone(), f)));
        }
        let f = self.by_path.remove(&stamp.path)?;
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

    /// Takes every cached file out, in path order unless some were
    /// [`take`](Self::take)n, leaving the cache empty (open it again to validate).
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
        fs::create_dir_all(&self.dir)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_FILE))?;
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
            (Some(_), Some(h)) if h.bodies_len < 2 * live.max(1) => Some(h),
            _ => None,
        };

        let mut kept_at = None;
        let (body_name, generation, mut out, mut pos) = match append_to {
            Some(h) => {
                let f = OpenOptions::new()
                    .append(true)
                    .open(self.dir.join(&h.bodies))?;
                let pos = f.metadata()?.len();
                (h.bodies.clone(), h.generation, f, pos)
            }
            None => {
                // Past every generation on disk: a running warta may still read an orphan.
                let generation = max_generation(&self.dir) + 1;
                let name = format!("bodies-{generation}.jsonl");
                let f = File::create(self.dir.join(&name))?;
                let mut w = BufWriter::with_capacity(1 << 20, f);
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
                kept_at = Some(offsets);
                let f = w.into_inner().map_err(|e| e.into_error())?;
                (name, generation, f, pos)
            }
        };

        // Serialise new bodies on all cores, a batch of files at a time (a whole corpus's
        // encoded bodies at once would double the peak memory of a cold load), and write
        // them in order.
        let mut new_files = Vec::with_capacity(fresh.len());
        let mut w = BufWriter::with_capacity(1 << 20, &mut out);
        for batch in fresh.chunks(CHUNK_ENTRIES) {
            let encoded: Vec<Vec<Vec<u8>>> = batch
                .par_iter()
                // Nested: one JSONL file can hold most of a corpus.
                .map(|f| {
                    f.bodies
                        .par_iter()
                        .map(|b| serde_json::to_vec(&**b))
                        .collect::<Result<_, _>>()
                })
                .collect::<Result<_, _>>()?;
            for (f, bodies) in batch.iter().zip(encoded) {
                let mut articles = Vec::with_capacity(bodies.len());
                for (meta, bytes) in f.metas.iter().zip(bodies) {
                    w.write_all(&bytes)?;
                    w.write_all(b"\n")?;
                    let len = bytes.len() as u64;
                    articles.push(CachedArticle {
                        m: meta.clone(),
                        at: pos,
                        len,
                        h: xxhash_rust::xxh3::xxh3_64(&bytes),
                    });
                    pos += len + 1;
                }
                new_files.push(CachedFile {
                    path: f.stamp.path.clone(),
                    size: f.stamp.size,
                    mtime_ns: f.stamp.mtime_ns,
                    articles,
                    skipped: f.skipped.iter().map(CachedSkip::from_skipped).collect(),
                    notes: f.notes.clone(),
                });
            }
        }
        w.flush()?;
        drop(w);
        out.sync_all()?;
        drop(out);

        let header = Header {
            format: CACHE_FORMAT,
            parser: PARSER_VERSION,
            root: self.root.clone(),
            files: kept.len() + new_files.len(),
            articles: kept
                .iter()
                .chain(&new_files)
                .map(|f| f.articles.len())
                .sum(),
            bodies: body_name.clone(),
            bodies_len: pos,
            generation,
            chunks: 0,
        };
        write_meta(&self.dir, header, kept, kept_at.as_deref(), &new_files)?;
        // Best effort: leftovers only waste space, and a running warta keeps its open handle.
        let _ = fs::remove_file(self.dir.join(DAMAGED_FILE));
        remove_other_body_files(&self.dir, &body_name);

        let file = File::open(self.dir.join(&body_name))?;
        Ok(Some(Stored {
            body: Arc::new(BodyFile::new(file, self.dir.clone())),
            kept_at,
            fresh: new_files,
        }))
    }
}

/// The result of [`RootCache::store`].
pub(crate) struct Stored {
    /// The body file every entry now points into.
    pub body: Arc<BodyFile>,
    /// After a compaction, the new offset of each kept article, in order.
    pub kept_at: Option<Vec<u64>>,
    /// The fresh files as cached.
    pub fresh: Vec<CachedFile>,
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
    let chunks: Vec<(u32, Vec<u8>)> = entries
        .par_chunks(CHUNK_ENTRIES)
        .map(|c| {
            let mut e = codec::Enc::new();
            for entry in c {
                entry.encode(&mut e);
            }
            (c.len() as u32, e.buf)
        })
        .collect();
    header.chunks = chunks.len();
    write_atomic(&dir.join(META_FILE), |w| {
        serde_json::to_writer(&mut *w, &header)?;
        w.write_all(b"\n")?;
        for (n, payload) in &chunks {
            w.write_all(&n.to_le_bytes())?;
            w.write_all(&(payload.len() as u64).to_le_bytes())?;
            w.write_all(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes())?;
            w.write_all(payload)?;
        }
        Ok(())
    })
}

/// The `expected` chunks after the header line, as `(entries, payload, xxh3)`; an error
/// when the framing does not add up (truncated, extended, or damaged lengths).
/// One chunk of the meta file: entry count, payload, xxh3-64 of the payload.
type Chunk<'a> = (u32, &'a [u8], u64);

fn split_chunks(mut rest: &[u8], expected: usize) -> Result<Vec<Chunk<'_>>, String> {
    let mut out = Vec::with_capacity(expected.min(rest.len() / FRAME_BYTES));
    while !rest.is_empty() {
        if rest.len() < FRAME_BYTES {
            return Err("truncated chunk header".into());
        }
        let (frame, after) = rest.split_at(FRAME_BYTES);
        let word = |r: std::ops::Range<usize>| {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(&frame[r]);
            u64::from_le_bytes(b)
        };
        let (n, len, hash) = (word(0..4) as u32, word(4..12), word(12..20));
        let len = usize::try_from(len)
            .ok()
            .filter(|&l| l <= after.len())
            .ok_or("truncated chunk")?;
        let (payload, after) = after.split_at(len);
        out.push((n, payload, hash));
        rest = after;
    }
    if out.len() != expected {
        return Err(format!("{} of {expected} chunks", out.len()));
    }
    Ok(out)
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
