//! Counting what changed after a churn of files deleted, restored, rewritten and renamed:
//! the changed count never exceeds the files checked (it was "checked 4,061 files: 5,450
//! changed", because every cached file not found any more was counted as changed too).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use warta::loader::patch::reload_paths;
use warta::loader::{self, CacheMode, Input, LoadOptions};

const FILES: usize = 40;

fn article(n: usize) -> String {
    format!(
        "Berita Uji Nomor {n} Tentang Pelayanan Publik\n\n\
         PALEMBANG - Kelurahan {n} membuka layanan baru bagi warga, Senin (1/9/2025).\n"
    )
}

fn name(n: usize) -> String {
    format!("{n:03}.txt")
}

/// Writes `text` at `path` with a modification time of its own, so the cache cannot take
/// it for the file it had (file systems with coarse times would).
fn write_at(path: &Path, text: &str, minutes: u64) {
    std::fs::write(path, text).expect("write");
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_750_000_000 + minutes * 60);
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set mtime");
}

/// Deletes 25 files, restores 5 (deleted, then written again with the same text), rewrites
/// 5 with another text and renames 3; returns the paths touched.
fn churn(root: &Path) -> Vec<PathBuf> {
    let mut touched = Vec::new();
    for n in 0..25 {
        std::fs::remove_file(root.join(name(n))).expect("rm");
        touched.push(root.join(name(n)));
    }
    for n in 25..30 {
        let p = root.join(name(n));
        std::fs::remove_file(&p).expect("rm");
        write_at(&p, &article(n), 1);
        touched.push(p);
    }
    for n in 30..35 {
        let p = root.join(name(n));
        write_at(&p, &article(n + 100), 2);
        touched.push(p);
    }
    for n in 35..38 {
        let to = root.join(format!("moved-{}", name(n)));
        std::fs::rename(root.join(name(n)), &to).expect("mv");
        touched.push(root.join(name(n)));
        touched.push(to);
    }
    touched
}

#[test]
fn after_a_churn_the_changed_files_are_counted_among_those_checked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root).expect("mkdir");
    for n in 0..FILES {
        write_at(&root.join(name(n)), &article(n), 0);
    }
    let inputs = [Input::Path(root.clone())];
    let opts = LoadOptions {
        cache: CacheMode::Dir(tmp.path().join("cache")),
    };
    let first = loader::load(&inputs, &opts);
    assert_eq!(first.corpus.len(), FILES);

    churn(&root);
    let r = loader::load(&inputs, &opts);
    // 40 - 25 deleted = 15 found: 5 restored + 5 rewritten + 3 renamed are changed; 25
    // deleted and the 3 old names are gone.
    assert_eq!(r.files_seen, 15);
    assert!(r.files_changed <= r.files_seen, "{}", r.checked());
    assert_eq!((r.files_changed, r.files_gone), (13, 28), "{}", r.checked());
    assert_eq!(r.checked(), "checked 15 files: 13 changed, 28 gone");

    // Nothing since: nothing changed, nothing gone, and the line says no more than that.
    let r = loader::load(&inputs, &opts);
    assert_eq!((r.files_seen, r.files_changed, r.files_gone), (15, 0, 0));
    assert_eq!(r.checked(), "checked 15 files: 0 changed");
}

#[test]
fn a_live_patch_counts_files_read_and_files_gone_apart() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root).expect("mkdir");
    for n in 0..FILES {
        write_at(&root.join(name(n)), &article(n), 0);
    }
    let root = root.canonicalize().expect("canonical");
    let inputs = [Input::Path(root.clone())];
    let base = loader::load(&inputs, &LoadOptions::default()).corpus;
    let touched = churn(&root);
    let p = reload_paths(&base, &inputs, &touched).expect("patched");
    let r = &p.report;
    assert_eq!(
        r.files_seen, 13,
        "restored, rewritten and renamed files are read"
    );
    assert_eq!((r.files_changed, r.files_gone), (13, 28));
    assert_eq!(r.corpus.len(), 15);
}
