//! `warta cache info` and `warta cache clear`.

use std::fmt;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use super::{Header, META_FILE};
use crate::skip::{count, human_bytes};

/// What `warta cache info` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheInfo {
    pub dir: PathBuf,
    pub corpora: Vec<CorpusInfo>,
    pub total_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusInfo {
    /// The input root, or `None` when the header could not be read.
    pub root: Option<String>,
    pub files: usize,
    pub articles: usize,
    pub bytes: u64,
}

/// Describes what is cached under `cache_dir`; unreadable parts show up as unknown roots.
pub fn info(cache_dir: &Path) -> CacheInfo {
    let mut corpora = Vec::new();
    for vdir in version_dirs(cache_dir) {
        let Ok(rd) = fs::read_dir(&vdir) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = rd
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for d in dirs {
            let header = read_header(&d.join(META_FILE));
            corpora.push(CorpusInfo {
                root: header.as_ref().map(|h| h.root.clone()),
                files: header.as_ref().map_or(0, |h| h.files),
                articles: header.as_ref().map_or(0, |h| h.articles),
                bytes: dir_bytes(&d),
            });
        }
    }
    let total_bytes = version_dirs(cache_dir).iter().map(|d| dir_bytes(d)).sum();
    CacheInfo {
        dir: cache_dir.to_path_buf(),
        corpora,
        total_bytes,
    }
}

impl fmt::Display for CacheInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "cache: {}", self.dir.display())?;
        let n = self.corpora.len();
        writeln!(
            f,
            "{n} {} cached, {}",
            if n == 1 { "corpus" } else { "corpora" },
            human_bytes(self.total_bytes)
        )?;
        for c in &self.corpora {
            writeln!(
                f,
                "  {}: {}, {}, {}",
                c.root.as_deref().unwrap_or("(unreadable)"),
                count(c.files as u64, "file", "files"),
                count(c.articles as u64, "article", "articles"),
                human_bytes(c.bytes)
            )?;
        }
        Ok(())
    }
}

/// Removes everything warta cached under `cache_dir` (the `v<N>` directories only, so a
/// mistaken `--cache-dir ~` cannot delete anything else); returns the bytes freed.
pub fn clear(cache_dir: &Path) -> io::Result<u64> {
    let mut freed = 0;
    for d in version_dirs(cache_dir) {
        freed += dir_bytes(&d);
        fs::remove_dir_all(&d)?;
    }
    Ok(freed)
}

fn version_dirs(cache_dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(cache_dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.len() > 1
                && name.starts_with('v')
                && name[1..].bytes().all(|b| b.is_ascii_digit())
                && e.file_type().is_ok_and(|t| t.is_dir())
        })
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

fn read_header(meta: &Path) -> Option<Header> {
    use std::io::BufRead;
    let f = crate::safe_read::open_own_file(meta).ok()?;
    let mut line = Vec::new();
    // Headers are small; a cap keeps a garbage file from being read whole.
    io::BufReader::new(f.take(1 << 20))
        .read_until(b'\n', &mut line)
        .ok()?;
    serde_json::from_slice(&line).ok()
}

fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_bytes_units() {
        // The same units as every other size warta prints.
        assert_eq!(human_bytes(999), "999 bytes");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(count(1, "file", "files"), "1 file");
        assert_eq!(count(21940, "file", "files"), "21,940 files");
    }
}
