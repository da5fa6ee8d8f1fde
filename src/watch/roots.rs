//! The corpus folders themselves: replaced (`mv root root.old; mkdir root`, a prepared folder
//! renamed into place, `rm -rf` and a new one, a symlink switched with `ln -sfn`), gone, or
//! back.
//!
//! A recursive watch follows the folder it was set on, not its name: after a replacement it
//! reports on the old folder (or nothing), and files written into the new one are never seen.
//! So the folder holding each corpus folder is watched too, without recursion, for events
//! naming the corpus folder's own entry; the watch on a folder also reports the folder itself
//! moved or deleted. Either makes the debounce thread look at the folder again at the end of
//! its window: resolve the name (a symlink may point elsewhere now) and compare device and
//! inode with what is watched. A different folder moves the watch and asks for a full reload.
//! So does the same folder when its entry was moved or deleted in between: notify then drops
//! its watches, and a folder deleted and made again may get the same inode number back.

use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use notify::{RecursiveMode, Watcher};

use crate::own_dirs::resolve;

/// What happened to a corpus folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootChange {
    /// Another folder is there now (or the symlink points to another one): reloaded whole.
    Replaced,
    /// Nothing is there any more: what was loaded stays on screen.
    Gone,
    /// A folder is there again after it was gone: reloaded whole.
    Back,
}

/// A corpus folder given on the command line.
#[derive(Debug)]
pub(super) struct Root {
    /// As given, for messages.
    pub shown: String,
    /// As given, made absolute but not resolved: resolved again at each look.
    absolute: PathBuf,
    /// The directory entry that names the folder: its parent resolved, its own name kept
    /// (a symlink stays the symlink), as events in the parent report it.
    pub entry: PathBuf,
    /// Device and inode of the folder watched; `None` while it is gone.
    id: Option<(u64, u64)>,
    /// Index of the folder's watched path in the filter's directories.
    pub dir: usize,
}

impl Root {
    pub fn new(given: &Path, watched: &Path, dir: usize) -> Root {
        let absolute = std::path::absolute(given).unwrap_or_else(|_| given.to_path_buf());
        // `..` or `/` has no name of its own to look for: its resolved path is its entry.
        let entry = match (absolute.parent(), absolute.components().next_back()) {
            (Some(parent), Some(Component::Normal(name))) => resolve(parent).join(name),
            _ => watched.to_path_buf(),
        };
        Root {
            shown: crate::text::escape_path(&given.display().to_string()).into_owned(),
            absolute,
            entry,
            id: dir_id(watched),
            dir,
        }
    }

    /// The folder to watch without recursion for this folder's entry.
    pub fn parent(&self) -> Option<&Path> {
        self.entry.parent().filter(|p| !p.as_os_str().is_empty())
    }

    /// Looks at the folder again (its name may lead elsewhere now; `lost`: its entry was
    /// moved or deleted meanwhile). On a change, moves the recursive watch from `watched` to
    /// the folder there now (updating `watched`) and says what happened; a watch that cannot
    /// be set is the second value.
    pub fn recheck(
        &mut self,
        watched: &mut PathBuf,
        lost: bool,
        watcher: &mut impl Watcher,
    ) -> Option<(RootChange, Option<String>)> {
        let now = self.absolute.canonicalize().ok();
        let id = now.as_deref().and_then(dir_id);
        let change = match (self.id, id) {
            (Some(_), None) => RootChange::Gone,
            (None, Some(_)) => RootChange::Back,
            (Some(a), Some(b)) if lost || a != b || now.as_ref() != Some(watched) => {
                RootChange::Replaced
            }
            _ => return None,
        };
        self.id = id;
        // Gone already when the folder was moved or deleted (notify drops the watches of a
        // folder whose entry went away); harmless otherwise.
        if let Err(e) = watcher.unwatch(watched) {
            log::debug!("unwatch {}: {e}", watched.display());
        }
        let mut problem = None;
        if let Some(now) = now.filter(|_| id.is_some()) {
            if let Err(e) = watcher.watch(&now, RecursiveMode::Recursive) {
                problem = Some(format!("{}: {}", self.shown, super::describe(&e)));
            }
            *watched = now;
        }
        Some((change, problem))
    }
}

/// A directory's device and inode (`None`: not a directory, or nothing there).
fn dir_id(p: &Path) -> Option<(u64, u64)> {
    std::fs::metadata(p)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A watcher that records what it was asked to do.
    #[derive(Default)]
    struct Log(Vec<String>);

    impl Watcher for Log {
        fn new<F: notify::EventHandler>(_: F, _: notify::Config) -> notify::Result<Log> {
            Ok(Log::default())
        }
        fn watch(&mut self, path: &Path, _: RecursiveMode) -> notify::Result<()> {
            self.0.push(format!("watch {}", path.display()));
            Ok(())
        }
        fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
            self.0.push(format!("unwatch {}", path.display()));
            Ok(())
        }
        fn kind() -> notify::WatcherKind {
            notify::WatcherKind::NullWatcher
        }
    }

    #[test]
    fn a_folder_replaced_gone_back_or_switched_is_told_and_watched_anew() {
        let tmp = tempfile::tempdir().unwrap();
        let base = resolve(tmp.path());
        let root = base.join("berita");
        std::fs::create_dir(&root).unwrap();
        let mut watched = resolve(&root);
        let mut r = Root::new(&root, &watched, 0);
        assert_eq!(r.entry, root);
        assert_eq!(r.parent(), Some(base.as_path()));
        let mut w = Log::default();
        assert_eq!(
            r.recheck(&mut watched, false, &mut w),
            None,
            "nothing happened"
        );

        // mv root root.old; mkdir root
        std::fs::rename(&root, base.join("berita.old")).unwrap();
        std::fs::create_dir(&root).unwrap();
        assert_eq!(
            r.recheck(&mut watched, false, &mut w),
            Some((RootChange::Replaced, None))
        );
        let shown = root.display();
        assert_eq!(w.0, [format!("unwatch {shown}"), format!("watch {shown}")]);

        std::fs::remove_dir(&root).unwrap();
        assert_eq!(
            r.recheck(&mut watched, true, &mut w),
            Some((RootChange::Gone, None))
        );
        assert_eq!(r.recheck(&mut watched, false, &mut w), None, "still gone");
        std::fs::create_dir(&root).unwrap();
        assert_eq!(
            r.recheck(&mut watched, false, &mut w),
            Some((RootChange::Back, None))
        );
        // Moved away and back, or deleted and made again with its inode number reused: the
        // same folder by its id, but its watch was dropped with its entry.
        assert_eq!(
            r.recheck(&mut watched, true, &mut w),
            Some((RootChange::Replaced, None))
        );

        // A symlinked root switched to another folder: the watch follows the link.
        let (a, b) = (base.join("a"), base.join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        let link = base.join("current");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        let mut watched = resolve(&link);
        let mut r = Root::new(&link, &watched, 0);
        assert_eq!(r.entry, link, "the link's own entry");
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink(&b, &link).unwrap();
        let mut w = Log::default();
        assert_eq!(
            r.recheck(&mut watched, false, &mut w),
            Some((RootChange::Replaced, None))
        );
        assert_eq!(watched, b);
        assert_eq!(w.0.last().unwrap(), &format!("watch {}", b.display()));
    }
}
