//! Walking the inputs to find article files. (stub: being written)
use std::path::PathBuf;

use super::Skipped;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i128,
}

/// Finds every supported file under `paths` (files taken as given, directories walked
/// recursively), in a deterministic order; problems come back as [`Skipped`] entries.
pub fn discover(paths: &[PathBuf]) -> (Vec<FileEntry>, Vec<Skipped>) {
    let _ = paths;
    todo!()
}
