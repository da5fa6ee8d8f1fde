//! warta's own directories (the cache and the data directory) met inside a corpus: the loader
//! does not read them as articles, and the watcher does not count their changes. One rule for
//! both, so a folder the list leaves out never triggers a reload, and the other way round.
//!
//! A cache or data directory inside a corpus folder is easy to get (`WARTA_CACHE_DIR=./cache`
//! run from the corpus, a data dir kept beside the scrapes). Read as articles, the cache's
//! body files (JSON lines) came back as new articles on every start, and were cached again.
//!
//! A directory is warta's own when it is this run's cache or data directory, or when it holds
//! files only warta writes there: a per-corpus cache folder (`v<N>/<16 hex digits>/` with
//! `meta.bin` or `lock`), or a data folder (the triage `lock` beside the journal, the
//! snapshot or `sessions/`). The latter catches the folders of another run, with other
//! settings, that ended up inside the corpus.

use std::path::{Path, PathBuf};

use crate::triage::store::{JOURNAL_FILE, LOCK_FILE, SNAPSHOT_FILE};

/// Directories to leave out of a corpus.
#[derive(Debug, Clone, Default)]
pub struct OwnDirs {
    /// This run's cache and data directories, absolute with symlinks resolved.
    dirs: Vec<PathBuf>,
}

impl OwnDirs {
    /// `dirs` (this run's cache and data directories; they need not exist yet) and every
    /// directory that looks like warta's own.
    pub fn new<P: AsRef<Path>>(dirs: impl IntoIterator<Item = P>) -> OwnDirs {
        OwnDirs {
            dirs: dirs.into_iter().map(|d| resolve(d.as_ref())).collect(),
        }
    }

    /// Whether the directory `dir`, met in a walk, is warta's own.
    pub fn is_own(&self, dir: &Path) -> bool {
        self.dirs.iter().any(|d| d == dir) || looks_own(dir)
    }

    /// Whether `path`, under the watched directory `root`, is inside one of warta's own
    /// directories: this run's (anywhere), or one found by its files between `root` and
    /// `path`. `root` itself was named by the user and is never left out.
    pub fn contains(&self, root: &Path, path: &Path) -> bool {
        if self.dirs.iter().any(|d| path.starts_with(d)) {
            return true;
        }
        let Some(rel) = path.strip_prefix(root).ok().and_then(Path::parent) else {
            return false;
        };
        let mut dir = root.to_path_buf();
        rel.components().any(|c| {
            dir.push(c);
            looks_own(&dir)
        })
    }
}

/// Whether `dir` holds the files only warta puts in its cache or data directories.
pub fn looks_own(dir: &Path) -> bool {
    looks_like_root_cache(dir) || looks_like_data_dir(dir)
}

/// `<cache>/v<N>/<16 hex digits>/` with the meta file or the writer's lock: the name is
/// checked first, so other folders cost no file system call.
fn looks_like_root_cache(dir: &Path) -> bool {
    let name_is = |p: &Path, ok: &dyn Fn(&str) -> bool| {
        p.file_name().and_then(|n| n.to_str()).is_some_and(ok)
    };
    let hex = |n: &str| n.len() == 16 && n.bytes().all(|b| b.is_ascii_hexdigit());
    let version = |n: &str| {
        n.strip_prefix('v')
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    name_is(dir, &hex)
        && dir.parent().is_some_and(|p| name_is(p, &version))
        && (dir.join("meta.bin").is_file() || dir.join("lock").is_file())
}

/// The triage store's lock beside its journal, its snapshot or the sessions folder: the
/// lock alone is too common a name to go by.
fn looks_like_data_dir(dir: &Path) -> bool {
    dir.join(LOCK_FILE).is_file()
        && (dir.join(JOURNAL_FILE).is_file()
            || dir.join(SNAPSHOT_FILE).is_file()
            || dir.join("sessions").is_dir())
}

/// `p` made absolute with symlinks resolved, as a walk of a canonical root and the watcher
/// report paths under it. A path that does not exist yet (a cache directory not created so
/// far) keeps its missing tail on its deepest existing ancestor.
pub(crate) fn resolve(p: &Path) -> PathBuf {
    let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut tail = Vec::new();
    let mut head = absolute.as_path();
    loop {
        if let Ok(real) = head.canonicalize() {
            return tail.iter().rev().fold(real, |acc, t| acc.join(t));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                head = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
    }

    #[test]
    fn cache_and_data_folders_are_known_by_their_files() {
        let tmp = tempfile::tempdir().unwrap();
        let root = resolve(tmp.path());
        let cache = root.join("c/v2/0123456789abcdef");
        touch(&cache.join("meta.bin"));
        assert!(looks_own(&cache));
        let writing = root.join("c/v2/fedcba9876543210");
        touch(&writing.join("lock"));
        assert!(looks_own(&writing));
        // The shape alone, or the files in another shape, is not enough.
        std::fs::create_dir_all(root.join("c/v2/00000000000000ff")).unwrap();
        assert!(!looks_own(&root.join("c/v2/00000000000000ff")));
        touch(&root.join("x/0123456789abcdef/meta.bin"));
        assert!(!looks_own(&root.join("x/0123456789abcdef")));

        let data = root.join("d");
        touch(&data.join("lock"));
        assert!(!looks_own(&data), "a lock alone is anybody's");
        touch(&data.join("journal.jsonl"));
        assert!(looks_own(&data));
        let other = root.join("e");
        touch(&other.join("lock"));
        std::fs::create_dir(other.join("sessions")).unwrap();
        assert!(looks_own(&other));
        touch(&root.join("f/state.json"));
        assert!(!looks_own(&root.join("f")));
    }

    #[test]
    fn paths_inside_own_folders_are_contained_below_the_root_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = resolve(tmp.path());
        let data = root.join("warta-data");
        touch(&data.join("lock"));
        touch(&data.join("state.json"));
        let own = OwnDirs::new([root.join("my-cache")]);
        assert!(own.contains(&root, &root.join("my-cache/v2/x/bodies-1.jsonl")));
        assert!(own.contains(&root, &data.join("sessions/a.json")));
        assert!(!own.contains(&root, &root.join("berita/a.txt")));
        assert!(
            !own.contains(&root, &data),
            "the folder itself is looked at by is_own"
        );
        assert!(own.is_own(&data) && own.is_own(&root.join("my-cache")));
        // The root the user named is read whatever it holds.
        assert!(!own.contains(&data, &data.join("a.txt")));
    }

    #[test]
    fn resolve_keeps_the_missing_tail_of_a_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().canonicalize().expect("canonical");
        assert_eq!(resolve(dir.path()), real);
        assert_eq!(
            resolve(&dir.path().join("not/yet")),
            real.join("not").join("yet")
        );
    }
}
