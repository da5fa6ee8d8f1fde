//! Opening, repairing and syncing an index on disk (the view that answers for a corpus is in
//! `view.rs`).

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use tantivy::schema::{FAST, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term,
};

use super::find::TextFields;
use super::tokens::{RAW, RawTokenizer, STEM, StemTokenizer};
use super::view::alive;
use crate::corpus::Corpus;
use crate::model::{Meta, PARSER_VERSION};
use crate::query::BuildProgress;

/// Bumped whenever the schema or the tokenizers change: an index of another format is
/// rebuilt.
const INDEX_FORMAT: u32 = 1;
const FORMAT_FILE: &str = "warta-index.json";
const VALIDATED_FILE: &str = "validated";
/// The format file is one short JSON object.
const SMALL_FILE: u64 = 64 << 10;
/// One line per segment file; a few hundred at most.
const VALIDATED_LIMIT: u64 = 4 << 20;
const INDEX_DIR: &str = "index";
const LOCK_FILE: &str = "index.lock";
/// Articles added between commits: a build killed part-way keeps what it had committed, and
/// each commit costs a flush of the writer's segments (~0.1 s).
const COMMIT_EVERY: usize = 25_000;
/// Articles whose bodies are read and turned into documents at once, on every core.
const BATCH: usize = 1024;
/// The writer's memory for segments being built, shared by its threads.
const WRITER_HEAP: usize = 128 << 20;

/// The index directory for the corpus loaded from `paths` with `cache` (see the module
/// docs); `None` without a cache, or for the bundled corpus (no paths). The CLI and the
/// browser both find it here, so they share one index.
pub fn index_dir(cache: &crate::loader::CacheMode, paths: &[PathBuf]) -> Option<PathBuf> {
    let crate::loader::CacheMode::Dir(cache_dir) = cache else {
        return None;
    };
    let roots: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let key = match roots.as_slice() {
        [] => return None,
        [one] => PathBuf::from(one),
        many => {
            let mut names = many.to_vec();
            names.sort();
            names.dedup();
            PathBuf::from(names.join("\n"))
        }
    };
    Some(crate::cache::root_dir(cache_dir, &key))
}

/// Why no index could be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("text index: {0}")]
    Io(#[from] io::Error),
    #[error("text index: {0}")]
    Tantivy(#[from] TantivyError),
    /// Another warta holds the lock and there is no usable index to read yet.
    #[error("text index in use by another warta")]
    Busy,
}

/// An index on disk, opened: memory-mapped segments, and the lock when this process may
/// write it.
pub struct IndexStore {
    dir: PathBuf,
    index: Index,
    pub(super) reader: IndexReader,
    pub(super) fields: TextFields,
    key: tantivy::schema::Field,
    file: tantivy::schema::Field,
    stamp: tantivy::schema::Field,
    /// Held while this process may write the index; `None`: another warta does, and this
    /// one only reads what it has committed.
    lock: Option<File>,
}

/// Articles done out of the corpus's, shared between a build and whoever shows it.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
}

impl Progress {
    pub fn get(&self) -> BuildProgress {
        BuildProgress {
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }

    fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Articles (re)indexed.
    pub added: usize,
    /// Source files whose documents were deleted (changed or gone).
    pub files_removed: usize,
    /// The index was not written: another warta holds it.
    pub read_only: bool,
}

fn schema() -> (Schema, TextFields, [tantivy::schema::Field; 3]) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = TextFields {
        title_raw: b.add_text_field("title_raw", text(RAW)),
        title_stem: b.add_text_field("title_stem", text(STEM)),
        body_raw: b.add_text_field("body_raw", text(RAW)),
        body_stem: b.add_text_field("body_stem", text(STEM)),
    };
    let key = b.add_u64_field("key", FAST);
    let file = b.add_u64_field("file", INDEXED | FAST);
    let stamp = b.add_u64_field("stamp", FAST);
    (b.build(), fields, [key, file, stamp])
}

#[derive(serde::Serialize, serde::Deserialize, PartialEq, Eq)]
struct FormatFile {
    format: u32,
    parser: u32,
    /// The stems in the index are the stemmer's (see [`crate::lexicon::STEMMER_VERSION`]).
    #[serde(default)]
    stemmer: u32,
}

const FORMAT: FormatFile = FormatFile {
    format: INDEX_FORMAT,
    parser: PARSER_VERSION,
    stemmer: crate::lexicon::STEMMER_VERSION,
};

impl IndexStore {
    /// Opens the index in `root_dir` (see [`index_dir`]), creating it when there is none. One
    /// that cannot be read (damaged files, another format) is deleted and created empty; the
    /// second value then says why, for the one warning the caller shows (it is logged too).
    /// When another warta holds the index, it is opened read-only as it is, or
    /// [`OpenError::Busy`] when there is nothing usable to read.
    pub fn open(root_dir: &Path) -> Result<(IndexStore, Option<String>), OpenError> {
        fs::create_dir_all(root_dir)?;
        let (lock, _) = crate::safe_read::open_own_with(
            &root_dir.join(LOCK_FILE),
            OpenOptions::new().create(true).truncate(false).write(true),
        )?;
        let lock = match lock.try_lock() {
            Ok(()) => Some(lock),
            Err(fs::TryLockError::WouldBlock) => None,
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        };
        let dir = root_dir.join(INDEX_DIR);
        if lock.is_none() {
            return IndexStore::read(&dir, None)
                .map(|s| (s, None))
                .map_err(|_| OpenError::Busy);
        }
        match IndexStore::read(&dir, lock) {
            Ok(s) => Ok((s, None)),
            Err((why, lock)) => {
                let warning = why.map(|why| {
                    let w = format!("text index rebuilt: {why}");
                    log::warn!("{}: {w}", dir.display());
                    w
                });
                // Made whole beside it and renamed into place: a warta that exits while the
                // index is being created (the first run quits before its background open is
                // done) leaves no index rather than one without its format file, which the
                // next run would rebuild with a warning.
                let fresh = root_dir.join(format!("{INDEX_DIR}.new"));
                if fresh.exists() {
                    fs::remove_dir_all(&fresh)?;
                }
                fs::create_dir_all(&fresh)?;
                let (schema, _, _) = schema();
                let index = Index::create_in_dir(&fresh, schema)?;
                drop(index);
                write_format(&fresh)?;
                if dir.exists() {
                    fs::remove_dir_all(&dir)?;
                }
                fs::rename(&fresh, &dir)?;
                let s = IndexStore::read(&dir, lock).map_err(|(why, _)| {
                    OpenError::Io(io::Error::other(
                        why.unwrap_or_else(|| "not created".into()),
                    ))
                })?;
                Ok((s, warning))
            }
        }
    }

    /// Opens the index in `root_dir` to read only, as it is: never locked, repaired or
    /// created, so measurements can share an index another warta may be using.
    pub fn open_read_only(root_dir: &Path) -> Result<IndexStore, OpenError> {
        IndexStore::read(&root_dir.join(INDEX_DIR), None).map_err(|(why, _)| {
            OpenError::Io(io::Error::other(why.unwrap_or_else(|| "no index".into())))
        })
    }

    /// Opens an existing index. The error is why it is unusable (`None`: there is none, or
    /// it is of an older parser or stemmer: no damage to warn of), with the lock handed back.
    fn read(dir: &Path, lock: Option<File>) -> Result<IndexStore, (Option<String>, Option<File>)> {
        let format = match crate::safe_read::read_own_file(&dir.join(FORMAT_FILE), SMALL_FILE) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let why = dir
                    .exists()
                    .then(|| "its format file is missing".to_string());
                return Err((why, lock));
            }
            Err(e) => return Err((Some(e.to_string()), lock)),
        };
        match serde_json::from_slice::<FormatFile>(&format) {
            Ok(f) if f == FORMAT => {}
            Ok(f) if f.format == INDEX_FORMAT => return Err((None, lock)),
            Ok(f) => {
                return Err((
                    Some(format!("format {} instead of {INDEX_FORMAT}", f.format)),
                    lock,
                ));
            }
            Err(e) => return Err((Some(format!("bad format file: {e}")), lock)),
        }
        let opened = (|| -> Result<IndexStore, String> {
            let mut index = Index::open_in_dir(dir).map_err(|e| e.to_string())?;
            let (schema, fields, [key, file, stamp]) = schema();
            if index.schema() != schema {
                return Err("another schema".into());
            }
            register(&mut index);
            validate(&index, dir)?;
            let reader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e: TantivyError| e.to_string())?;
            Ok(IndexStore {
                dir: dir.to_path_buf(),
                index,
                reader,
                fields,
                key,
                file,
                stamp,
                lock: None,
            })
        })();
        match opened {
            Ok(mut s) => {
                s.lock = lock;
                Ok(s)
            }
            Err(why) => Err((Some(why), lock)),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether this process may write the index (no other warta holds it).
    pub fn writable(&self) -> bool {
        self.lock.is_some()
    }

    /// Brings the index up to date with `corpus`: deletes the documents of files that are gone
    /// or changed, adds those of new and changed files (bodies read from the corpus), and
    /// commits every [`COMMIT_EVERY`] articles, so a cold build, a build resumed after a kill
    /// and a live change are one operation. `progress` follows it; `cancel` stops it at the
    /// next batch (what was committed stays). Read-only when another warta holds the index.
    pub fn sync(
        &mut self,
        corpus: &Corpus,
        progress: &Progress,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Result<SyncReport, OpenError> {
        let mut report = SyncReport::default();
        if self.lock.is_none() {
            // Another warta writes; what it has committed may be newer than what was opened.
            self.reader.reload()?;
            report.read_only = true;
            return Ok(report);
        }
        let wanted = files_of(corpus);
        let have = self.files_indexed()?;
        // Both lists are in file order: one merge finds what is gone, changed and new.
        let same = |w: &FileArticles, s: &Indexed| {
            w.stamp == s.stamp && w.articles.len() == s.count && !s.mixed
        };
        let mut remove: Vec<u64> = Vec::new();
        let mut add: Vec<&FileArticles> = Vec::new();
        let (mut wi, mut hi) = (0, 0);
        while wi < wanted.len() || hi < have.len() {
            match (wanted.get(wi), have.get(hi)) {
                (Some(w), Some(h)) if w.file == h.file => {
                    if !same(w, h) {
                        remove.push(h.file);
                        add.push(w);
                    }
                    wi += 1;
                    hi += 1;
                }
                (Some(w), h) if h.is_none_or(|h| w.file < h.file) => {
                    add.push(w);
                    wi += 1;
                }
                (_, Some(h)) => {
                    remove.push(h.file);
                    hi += 1;
                }
                (None, None) | (Some(_), None) => break,
            }
        }
        // Path order: a resumed build meets what it already did first.
        add.sort_unstable_by_key(|w| w.articles.first().copied());
        let total = corpus.len();
        let todo: usize = add.iter().map(|w| w.articles.len()).sum();
        let mut done = total - todo.min(total);
        progress.set(done, total);
        if remove.is_empty() && add.is_empty() {
            return Ok(report);
        }
        let mut writer: IndexWriter = match self.index.writer_with_num_threads(2, WRITER_HEAP) {
            Ok(w) => w,
            Err(TantivyError::LockFailure(..)) => {
                report.read_only = true;
                return Ok(report);
            }
            Err(e) => return Err(e.into()),
        };
        for f in &remove {
            writer.delete_term(Term::from_field_u64(self.file, *f));
        }
        report.files_removed = remove.len();
        let mut since_commit = 0;
        let mut batch: Vec<&FileArticles> = Vec::new();
        let mut in_batch = 0;
        let flush =
            |batch: &mut Vec<&FileArticles>, writer: &IndexWriter| -> Result<usize, OpenError> {
                let jobs: Vec<(usize, &FileArticles)> = batch
                    .iter()
                    .flat_map(|w| w.articles.iter().map(move |&i| (i, *w)))
                    .collect();
                let docs: Vec<TantivyDocument> = jobs
                    .par_iter()
                    .map(|&(i, w)| self.document(corpus, i, w))
                    .collect();
                let n = docs.len();
                for d in docs {
                    writer.add_document(d)?;
                }
                batch.clear();
                Ok(n)
            };
        for w in add {
            if cancel() {
                break;
            }
            batch.push(w);
            in_batch += w.articles.len();
            if in_batch >= BATCH {
                let n = flush(&mut batch, &writer)?;
                in_batch = 0;
                done += n;
                report.added += n;
                since_commit += n;
                progress.set(done, total);
                if since_commit >= COMMIT_EVERY {
                    writer.commit()?;
                    since_commit = 0;
                }
            }
        }
        if !cancel() && !batch.is_empty() {
            let n = flush(&mut batch, &writer)?;
            done += n;
            report.added += n;
            progress.set(done, total);
        }
        batch.clear();
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        // Checked now, while the new files are in the page cache, so the next open need not.
        if let Err(why) = validate(&self.index, &self.dir) {
            log::warn!(
                "{}: text index just written fails its check: {why}",
                self.dir.display()
            );
        }
        Ok(report)
    }

    fn document(&self, corpus: &Corpus, i: usize, w: &FileArticles) -> TantivyDocument {
        let meta = corpus.meta(i);
        let mut doc = TantivyDocument::default();
        doc.add_text(self.fields.title_raw, &meta.title);
        doc.add_text(self.fields.title_stem, &meta.title);
        // An unreadable body is indexed as an empty one, as the scan searches it.
        if let Ok(body) = corpus.body(i) {
            for p in &body.body {
                doc.add_text(self.fields.body_raw, p);
                doc.add_text(self.fields.body_stem, p);
            }
        }
        doc.add_u64(self.key, article_key(meta));
        doc.add_u64(self.file, w.file);
        doc.add_u64(self.stamp, w.stamp);
        doc
    }

    /// Per source file in the index: its stamp and document count.
    fn files_indexed(&self) -> Result<Vec<Indexed>, OpenError> {
        let searcher = self.reader.searcher();
        let mut docs: Vec<(u64, u64)> = Vec::with_capacity(searcher.num_docs() as usize);
        let mut ids: Vec<DocId> = Vec::new();
        let (mut files, mut stamps) = (Vec::new(), Vec::new());
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let file = ff.u64("file")?;
            let stamp = ff.u64("stamp")?;
            ids.clear();
            ids.extend(alive(seg));
            files.clear();
            files.resize(ids.len(), None);
            stamps.clear();
            stamps.resize(ids.len(), None);
            file.first_vals(&ids, &mut files);
            stamp.first_vals(&ids, &mut stamps);
            docs.extend(
                files
                    .iter()
                    .zip(&stamps)
                    .filter_map(|(f, s)| Some(((*f)?, (*s)?))),
            );
        }
        docs.par_sort_unstable();
        Ok(docs
            .chunk_by(|a, b| a.0 == b.0)
            .map(|g| Indexed {
                file: g[0].0,
                stamp: g[0].1,
                count: g.len(),
                mixed: g.iter().any(|d| d.1 != g[0].1),
            })
            .collect())
    }
}

struct Indexed {
    file: u64,
    stamp: u64,
    count: usize,
    /// Documents of the file with different stamps: a sync cut between two versions.
    mixed: bool,
}

/// The articles of one source file in a corpus.
struct FileArticles {
    file: u64,
    stamp: u64,
    articles: Vec<usize>,
}

pub fn article_key(m: &Meta) -> u64 {
    // One-shot hashing of a small buffer: the streaming hasher's set-up cost more than the
    // hashing, ~1 µs an article.
    let mut buf = Vec::with_capacity(m.source_path.len() + m.id.len() + 9);
    buf.extend_from_slice(m.source_path.as_bytes());
    buf.push(0);
    buf.extend_from_slice(&m.record.map_or(u64::MAX, |r| r as u64).to_le_bytes());
    buf.extend_from_slice(m.id.as_bytes());
    xxhash_rust::xxh3::xxh3_64(&buf)
}

/// The corpus's articles grouped by source file, with each file's fingerprint.
fn files_of(corpus: &Corpus) -> Vec<FileArticles> {
    let metas = corpus.metas();
    // (file, article index, what the fingerprint covers of the article), in file order and
    // the corpus's order within a file.
    let mut keyed: Vec<(u64, usize, u64, u64)> = metas
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            (
                xxhash_rust::xxh3::xxh3_64(m.source_path.as_bytes()),
                i,
                article_key(m),
                xxhash_rust::xxh3::xxh3_64(m.title.as_bytes()),
            )
        })
        .collect();
    keyed.par_sort_unstable_by_key(|&(f, i, _, _)| (f, i));
    let mut out: Vec<FileArticles> = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        buf.clear();
        for &(_, _, key, title) in group {
            buf.extend_from_slice(&key.to_le_bytes());
            buf.extend_from_slice(&title.to_le_bytes());
        }
        out.push(FileArticles {
            file: group[0].0,
            stamp: xxhash_rust::xxh3::xxh3_64(&buf),
            articles: group.iter().map(|&(_, i, _, _)| i).collect(),
        });
    }
    out
}

fn register(index: &mut Index) {
    index.tokenizers().register(RAW, RawTokenizer);
    index.tokenizers().register(STEM, StemTokenizer);
}

fn write_format(dir: &Path) -> io::Result<()> {
    let json = serde_json::to_vec(&FORMAT).map_err(io::Error::other)?;
    crate::fsutil::write_atomic(&dir.join(FORMAT_FILE), &mut |w| w.write_all(&json))
}

/// Checks the checksum of every segment file not checked before (same name, size and
/// modification time as when it was), so garbage in a file is found on open and the index
/// rebuilt, rather than met by a search. Files are immutable once written, so a warm open
/// checks nothing but their sizes and times.
fn validate(index: &Index, dir: &Path) -> Result<(), String> {
    let metas = index.load_metas().map_err(|e| e.to_string())?;
    let mut files: Vec<PathBuf> = metas.list_segment_files().into_iter().collect();
    files.sort();
    // Warta's own files: a FIFO or device put there must not hang the open (see safe_read).
    let known: HashSet<String> =
        crate::safe_read::read_own_file(&dir.join(VALIDATED_FILE), VALIDATED_LIMIT)
            .map(|b| {
                String::from_utf8_lossy(&b)
                    .lines()
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
    let mut lines = Vec::new();
    let mut checked_any = false;
    {
        for rel in files {
            let path = dir.join(&rel);
            let Ok(md) = fs::metadata(&path) else {
                // Optional files (deletes, positions of an empty field) may not exist.
                continue;
            };
            let mtime = crate::loader::discover::mtime_ns(&md);
            let line = format!("{} {} {mtime}", rel.display(), md.len());
            if !known.contains(&line) {
                checked_any = true;
                match index.directory().validate_checksum(&rel) {
                    Ok(true) => {}
                    Ok(false) => return Err(format!("{} is damaged", rel.display())),
                    Err(e) => return Err(e.to_string()),
                }
            }
            lines.push(line);
        }
    }
    if checked_any || lines.len() != known.len() {
        let text = lines.join("\n");
        // Only a memo: failing to write it costs a check on the next open.
        let _ = crate::fsutil::write_atomic(&dir.join(VALIDATED_FILE), &mut |w| {
            w.write_all(text.as_bytes())
        });
    }
    Ok(())
}
