//! A cache write session: bodies appended as a cold load parses them, checkpoints of the
//! meta file, and the final write.

use super::*;

/// A cache write in progress, from [`RootCache::begin`]; holds the cache's lock.
pub(crate) struct Writer {
    pub(super) dir: PathBuf,
    pub(super) root: String,
    pub(super) _lock: File,
    pub(super) body_name: String,
    pub(super) generation: u64,
    pub(super) out: BufWriter<File>,
    /// Where the next body goes.
    pub(super) pos: u64,
    /// After a compaction, the new offset of each kept article, in order.
    pub(super) kept_at: Option<Vec<u64>>,
    /// A read handle on the body file being written.
    pub(super) body: Arc<BodyFile>,
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
        crate::fsutil::remove_stale(&self.dir.join(DAMAGED_FILE));
        Ok(())
    }

    pub(super) fn write_meta(&self, kept: &[CachedFile], written: &[CachedFile]) -> io::Result<()> {
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
