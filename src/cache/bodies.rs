//! Reading cached bodies lazily, one at a time, by offset.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::corpus::BodySource;
use crate::model::Body;

use super::DAMAGED_FILE;

/// An open body file of one root's cache.
pub struct BodyFile {
    pub(super) file: File,
    dir: PathBuf,
    damaged: AtomicBool,
}

impl BodyFile {
    pub(super) fn new(file: File, dir: PathBuf) -> BodyFile {
        BodyFile {
            file,
            dir,
            damaged: AtomicBool::new(false),
        }
    }

    pub(super) fn read(&self, at: u64, len: u64, hash: u64) -> Result<Body, String> {
        let result = (|| {
            let len = usize::try_from(len).map_err(|_| "body too large".to_string())?;
            let mut buf = vec![0; len];
            self.file
                .read_exact_at(&mut buf, at)
                .map_err(|e| format!("cannot read the cached body: {e}"))?;
            if xxhash_rust::xxh3::xxh3_64(&buf) != hash {
                return Err("the cached body is damaged".to_string());
            }
            serde_json::from_slice::<Body>(&buf)
                .map_err(|e| format!("the cached body is damaged: {e}"))
        })();
        if result.is_err() && !self.damaged.swap(true, Ordering::Relaxed) {
            // Leave a marker so the next start rebuilds this cache; best effort.
            let _ = crate::safe_read::open_own_with(
                &self.dir.join(DAMAGED_FILE),
                std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true),
            );
        }
        result.map_err(|e| format!("{e}; the cache will be rebuilt at the next start"))
    }
}

/// Where one article's body is.
#[derive(Debug, Clone, Copy)]
enum BodyLoc {
    /// Index into the in-memory bodies.
    Mem(u32),
    /// In body file `file`, bytes `at..at+len`, with that xxh3.
    Disk {
        file: u32,
        at: u64,
        len: u64,
        h: u64,
    },
}

/// Bodies of a loaded corpus: some in memory (embedded inputs, or when caching is off or
/// failed), the rest read lazily from the cache's body files.
pub struct LoadedBodies {
    /// Shared, so the snapshots shown while a load is still running cost no body copies.
    mem: Vec<Arc<Body>>,
    files: Vec<Arc<BodyFile>>,
    locs: Vec<BodyLoc>,
}

impl LoadedBodies {
    pub(crate) fn new() -> LoadedBodies {
        LoadedBodies {
            mem: Vec::new(),
            files: Vec::new(),
            locs: Vec::new(),
        }
    }

    pub(crate) fn with_capacity(n: usize) -> LoadedBodies {
        LoadedBodies {
            mem: Vec::new(),
            files: Vec::new(),
            locs: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push_mem(&mut self, body: Arc<Body>) {
        self.locs.push(BodyLoc::Mem(self.mem.len() as u32));
        self.mem.push(body);
    }

    /// Registers a body file; returns its number for [`push_disk`](Self::push_disk).
    pub(crate) fn add_file(&mut self, f: Arc<BodyFile>) -> u32 {
        self.files.push(f);
        (self.files.len() - 1) as u32
    }

    pub(crate) fn push_disk(&mut self, file: u32, at: u64, len: u64, h: u64) {
        self.locs.push(BodyLoc::Disk { file, at, len, h });
    }
}

impl BodySource for LoadedBodies {
    fn in_memory(&self, index: usize) -> bool {
        !matches!(self.locs.get(index), Some(BodyLoc::Disk { .. }))
    }

    fn body(&self, index: usize) -> Result<Body, String> {
        match self.locs.get(index) {
            None => Err(format!("no article at index {index}")),
            Some(BodyLoc::Mem(i)) => self
                .mem
                .get(*i as usize)
                .map(|b| Body::clone(b))
                .ok_or_else(|| format!("no article at index {index}")),
            Some(BodyLoc::Disk { file, at, len, h }) => match self.files.get(*file as usize) {
                Some(f) => f.read(*at, *len, *h),
                None => Err(format!("no body file for article {index}")),
            },
        }
    }
}
