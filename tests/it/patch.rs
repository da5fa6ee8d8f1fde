//! Patching a live corpus with only the paths that changed (`loader::patch`): whatever the
//! changes, the patched corpus must be the corpus a full load gives, and its lineage must say
//! truly which articles moved where. The watcher must name the paths it saw change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::common;

use proptest::prelude::*;
use warta::corpus::{Corpus, Lineage};
use warta::loader::patch::{Patched, reload_paths};
use warta::loader::{self, Input, LoadOptions};
use warta::watch::{self, Note, Watch};

/// A made-up article (not corpus text) in the seeds' plain-text shape; `n` makes each one a
/// different article (and id).
fn article(n: usize) -> String {
    format!(
        "Warga Kelurahan {n} Gotong Royong Bersihkan Sungai Jelang Musim Hujan\n\n\
         LUBUKLINGGAU - Ratusan warga kelurahan nomor {n} membersihkan aliran sungai, \
         Minggu (14/9/2025), untuk mencegah banjir saat musim hujan tiba.\n\n\
         Lurah setempat mengatakan sampah plastik yang menumpuk membuat air meluap ke \
         permukiman setiap kali hujan deras turun di wilayah {n}.\n"
    )
}

/// Two records in one JSON Lines file, so one path holds several articles.
fn feed(n: usize) -> String {
    format!(
        "{{\"title\":\"Rapat Dewan Nomor {n}\",\"body\":\"Dewan menggelar rapat ke-{n} tentang anggaran daerah.\"}}\n\
         {{\"title\":\"Banjir Melanda Desa {n}\",\"body\":\"Banjir setinggi {n} sentimeter merendam rumah warga.\"}}\n"
    )
}

fn full_load(root: &Path) -> Corpus {
    loader::load(&[Input::Path(root.to_path_buf())], &LoadOptions::default()).corpus
}

fn inputs(root: &Path) -> Vec<Input> {
    vec![Input::Path(root.to_path_buf())]
}

/// Everything a reader sees of a corpus, in order: metadata and bodies.
fn contents(c: &Corpus) -> Vec<String> {
    (0..c.len())
        .map(|i| {
            let a = c.article(i).expect("body readable");
            format!("{:?}\n{:?}", a.meta, a.body)
        })
        .collect()
}

/// The lineage's promises, checked against the two corpora it relates.
fn check_lineage(old: &Corpus, new: &Corpus, p: &Patched) {
    let l = &p.lineage;
    assert_eq!(l.base, old.identity());
    assert_eq!(l.moved.len(), old.len());
    let mut reached = BTreeSet::new();
    for (i, m) in l.moved.iter().enumerate() {
        if let Some(j) = *m {
            assert_eq!(
                old.meta(i).id,
                new.meta(j).id,
                "article {i} moved to another"
            );
            assert!(reached.insert(j), "two articles moved to {j}");
        }
    }
    assert!(l.added.windows(2).all(|w| w[0] < w[1]), "added ascending");
    assert!(
        p.removed.windows(2).all(|w| w[0] < w[1]),
        "removed ascending"
    );
    for &i in &p.removed {
        // A removed article comes back only as one of the articles read again.
        if let Some(j) = l.moved[i] {
            assert!(
                l.added.contains(&j),
                "{i} came back at {j}, not a fresh article"
            );
        }
    }
    // Every article of the new corpus was kept or read again.
    for j in 0..new.len() {
        assert!(
            l.added.contains(&j) || l.moved.contains(&Some(j)),
            "article {j} came from nowhere"
        );
    }
    for (i, m) in l.moved.iter().enumerate() {
        if m.is_some() && !p.removed.contains(&i) {
            assert!(
                !l.added.contains(&m.unwrap()),
                "kept article {i} also counted added"
            );
        }
    }
}

/// One change a scraper or a person makes to a corpus directory.
#[derive(Debug, Clone)]
enum Op {
    /// Write (or rewrite) `dir/file.txt` with article `n`.
    Write {
        dir: u8,
        file: u8,
        n: usize,
    },
    /// Write a two-record feed.
    Feed {
        file: u8,
        n: usize,
    },
    /// Rewrite a file with what it already holds (a touch by a careless sync).
    Touch {
        dir: u8,
        file: u8,
    },
    Remove {
        dir: u8,
        file: u8,
    },
    /// Remove a whole subdirectory.
    RemoveDir {
        dir: u8,
    },
    /// Move a subdirectory to another name (within the corpus).
    MoveDir {
        from: u8,
        to: u8,
    },
    /// A file that is not an article (empty): skipped, never an article.
    Empty {
        dir: u8,
        file: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let d = 0u8..3;
    let f = 0u8..4;
    prop_oneof![
        4 => (d.clone(), f.clone(), 0usize..40).prop_map(|(dir, file, n)| Op::Write { dir, file, n }),
        1 => (f.clone(), 0usize..40).prop_map(|(file, n)| Op::Feed { file, n }),
        1 => (d.clone(), f.clone()).prop_map(|(dir, file)| Op::Touch { dir, file }),
        2 => (d.clone(), f.clone()).prop_map(|(dir, file)| Op::Remove { dir, file }),
        1 => d.clone().prop_map(|dir| Op::RemoveDir { dir }),
        1 => (d.clone(), d.clone()).prop_map(|(from, to)| Op::MoveDir { from, to }),
        1 => (d, f).prop_map(|(dir, file)| Op::Empty { dir, file }),
    ]
}

/// `dir` 0 is the root itself; others are subdirectories `d1`, `d2`.
fn dir_path(root: &Path, dir: u8) -> PathBuf {
    if dir == 0 {
        root.to_path_buf()
    } else {
        root.join(format!("d{dir}"))
    }
}

/// Applies `op` under `root`, returning the paths a watcher would name (what changed).
fn apply(root: &Path, op: &Op) -> Vec<PathBuf> {
    let file = |dir: u8, file: u8| dir_path(root, dir).join(format!("{file}.txt"));
    let ensure = |dir: u8| {
        let d = dir_path(root, dir);
        if !d.exists() {
            std::fs::create_dir_all(&d).expect("mkdir");
            return vec![d];
        }
        vec![]
    };
    match *op {
        Op::Write { dir, file: f, n } => {
            let mut named = ensure(dir);
            std::fs::write(file(dir, f), article(n)).expect("write");
            named.push(file(dir, f));
            named
        }
        Op::Feed { file: f, n } => {
            let p = root.join(format!("feed{f}.jsonl"));
            std::fs::write(&p, feed(n)).expect("write");
            vec![p]
        }
        Op::Touch { dir, file: f } => {
            let p = file(dir, f);
            match std::fs::read(&p) {
                Ok(bytes) => {
                    std::fs::write(&p, bytes).expect("rewrite");
                    vec![p]
                }
                Err(_) => vec![],
            }
        }
        Op::Remove { dir, file: f } => {
            let p = file(dir, f);
            if std::fs::remove_file(&p).is_ok() {
                vec![p]
            } else {
                vec![]
            }
        }
        Op::RemoveDir { dir } if dir > 0 => {
            let d = dir_path(root, dir);
            if std::fs::remove_dir_all(&d).is_ok() {
                vec![d]
            } else {
                vec![]
            }
        }
        Op::RemoveDir { .. } => vec![],
        Op::MoveDir { from, to } if from > 0 && to > 0 && from != to => {
            let (a, b) = (dir_path(root, from), dir_path(root, to));
            if !a.exists() || b.exists() {
                return vec![];
            }
            std::fs::rename(&a, &b).expect("mv");
            vec![a, b]
        }
        Op::MoveDir { .. } => vec![],
        Op::Empty { dir, file: f } => {
            let mut named = ensure(dir);
            std::fs::write(file(dir, f), "").expect("write");
            named.push(file(dir, f));
            named
        }
    }
}

/// The paths as the watcher reports them: absolute, symlinks resolved (a temp dir may sit
/// behind one).
fn canonical(root: &Path, paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let real = std::fs::canonicalize(root).expect("root");
    paths
        .into_iter()
        .map(|p| real.join(p.strip_prefix(root).expect("under root")))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// After any run of changes, patching with the changed paths gives the corpus a full load
    /// gives: same articles, same order, same bodies. Batches of changes (one debounce window)
    /// and chains of patches (a long live session) both hold.
    #[test]
    fn patching_equals_a_full_load(
        start in prop::collection::vec(op(), 0..8),
        batches in prop::collection::vec(prop::collection::vec(op(), 1..4), 1..5),
    ) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        for o in &start {
            apply(root, o);
        }
        let mut corpus = full_load(root);
        let first = corpus.identity();
        let mut chained: Option<Lineage> = None;
        for batch in &batches {
            let mut changed = Vec::new();
            for o in batch {
                changed.extend(apply(root, o));
            }
            let changed = canonical(root, changed);
            let patched = reload_paths(&corpus, &inputs(root), &changed)
                .expect("changes inside the root patch");
            let fresh = full_load(root);
            prop_assert_eq!(contents(&patched.report.corpus), contents(&fresh));
            check_lineage(&corpus, &patched.report.corpus, &patched);
            chained = Some(match chained {
                None => patched.lineage.clone(),
                Some(l) => l.then(&patched.lineage),
            });
            corpus = patched.report.corpus;
        }
        // The composed lineage relates the first corpus to the last one.
        let l = chained.expect("at least one batch");
        prop_assert_eq!(l.base, first);
        for &j in &l.added {
            prop_assert!(j < corpus.len());
        }
    }
}

#[test]
fn a_new_file_is_added_and_everything_else_kept_in_place() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    std::fs::write(root.join("a.txt"), article(1)).expect("write");
    std::fs::write(root.join("c.txt"), article(3)).expect("write");
    let base = full_load(root);
    std::fs::write(root.join("b.txt"), article(2)).expect("write");
    let changed = canonical(root, vec![root.join("b.txt")]);
    let p = reload_paths(&base, &inputs(root), &changed).expect("patched");
    assert_eq!(p.report.corpus.len(), 3);
    // Path order, like a full load: b lands between a and c.
    assert_eq!(p.lineage.moved, vec![Some(0), Some(2)]);
    assert_eq!(p.lineage.added, vec![1]);
    assert!(p.removed.is_empty());
    assert_eq!(p.report.files_seen, 1, "only the new file was read");
    assert!(p.report.corpus.meta(1).title.contains("Kelurahan 2"));
}

#[test]
fn a_rewritten_file_keeps_its_place_and_a_same_text_rewrite_follows_the_article() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    std::fs::write(root.join("a.txt"), article(1)).expect("write");
    std::fs::write(root.join("b.txt"), article(2)).expect("write");
    let base = full_load(root);
    std::fs::write(root.join("a.txt"), article(1)).expect("same text");
    std::fs::write(root.join("b.txt"), article(9)).expect("new text");
    let changed = canonical(root, vec![root.join("a.txt"), root.join("b.txt")]);
    let p = reload_paths(&base, &inputs(root), &changed).expect("patched");
    assert_eq!(p.removed, vec![0, 1]);
    assert_eq!(p.lineage.added, vec![0, 1]);
    // The same text is the same article (the cursor and marks follow it); new text is not.
    assert_eq!(p.lineage.moved, vec![Some(0), None]);
    let diff = watch::diff_patched(&base, &p.report.corpus, &p.removed, &p.lineage.added);
    assert_eq!(diff, watch::diff(&base, &p.report.corpus));
    assert_eq!(
        (diff.new, diff.changed, diff.removed),
        (0, 1, 0),
        "{diff:?}"
    );
}

#[test]
fn a_deleted_directory_drops_everything_under_it_but_not_its_namesakes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    std::fs::create_dir_all(root.join("d/e")).expect("mkdir");
    std::fs::create_dir_all(root.join("d-2")).expect("mkdir");
    std::fs::write(root.join("d/1.txt"), article(1)).expect("write");
    std::fs::write(root.join("d/e/2.txt"), article(2)).expect("write");
    // Shares the prefix "d" but is not under d/.
    std::fs::write(root.join("d-2/3.txt"), article(3)).expect("write");
    std::fs::write(root.join("d.txt"), article(4)).expect("write");
    let base = full_load(root);
    assert_eq!(base.len(), 4);
    std::fs::remove_dir_all(root.join("d")).expect("rm");
    let changed = canonical(root, vec![root.join("d")]);
    let p = reload_paths(&base, &inputs(root), &changed).expect("patched");
    let left: Vec<_> = p
        .report
        .corpus
        .metas()
        .iter()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.iter().any(|t| t.contains("Kelurahan 3")));
    assert!(left.iter().any(|t| t.contains("Kelurahan 4")));
    assert_eq!(p.removed.len(), 2);
    assert!(p.lineage.added.is_empty());
}

#[test]
fn changes_to_the_root_itself_ask_for_a_full_reload() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("a.txt"), article(1)).expect("write");
    let base = full_load(&root);
    let real = std::fs::canonicalize(&root).expect("root");
    assert!(reload_paths(&base, &inputs(&root), std::slice::from_ref(&real)).is_none());
    // A root that is gone cannot be patched either: a full reload says what happened.
    std::fs::remove_dir_all(&root).expect("rm");
    let changed = vec![real.join("a.txt")];
    assert!(reload_paths(&base, &inputs(&root), &changed).is_none());
}

#[test]
fn paths_outside_the_inputs_and_scratch_files_change_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("a.txt"), article(1)).expect("write");
    let base = full_load(&root);
    std::fs::write(tmp.path().join("elsewhere.txt"), article(2)).expect("write");
    std::fs::write(root.join(".a.txt.swp"), article(3)).expect("write");
    let real = std::fs::canonicalize(tmp.path()).expect("tmp");
    let changed = vec![
        real.join("elsewhere.txt"),
        real.join("corpus").join(".a.txt.swp"),
    ];
    let p = reload_paths(&base, &inputs(&root), &changed).expect("patched");
    assert_eq!(contents(&p.report.corpus), contents(&base));
    assert!(p.lineage.added.is_empty() && p.removed.is_empty());
}

#[test]
fn a_single_file_input_is_patched_by_its_own_path() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("feed.jsonl");
    std::fs::write(&file, feed(1)).expect("write");
    let ins = vec![Input::Path(file.clone())];
    let base = loader::load(&ins, &LoadOptions::default()).corpus;
    assert_eq!(base.len(), 2);
    std::fs::write(&file, format!("{}{}", feed(1), feed(2))).expect("append");
    let real = std::fs::canonicalize(&file).expect("file");
    let p = reload_paths(&base, &ins, &[real]).expect("patched");
    assert_eq!(p.report.corpus.len(), 4);
    let fresh = loader::load(&ins, &LoadOptions::default()).corpus;
    assert_eq!(contents(&p.report.corpus), contents(&fresh));
    // The two records that were there already are the same articles.
    assert_eq!(p.lineage.moved.iter().flatten().count(), 2);
}

#[test]
fn lineages_compose() {
    // A (3 articles) to B: the middle one gone, one added at the front.
    let ab = Lineage {
        base: 7,
        moved: vec![Some(1), None, Some(2)],
        added: vec![0],
    };
    // B to C: B's 0 (the one added) gone, one added at the end.
    let bc = Lineage {
        base: 8,
        moved: vec![None, Some(0), Some(1)],
        added: vec![2],
    };
    let ac = ab.then(&bc);
    assert_eq!(ac.base, 7);
    assert_eq!(ac.moved, vec![Some(0), None, Some(1)]);
    // Added in A to C: C's own addition; B's addition died on the way.
    assert_eq!(ac.added, vec![2]);
}

#[test]
fn the_watcher_names_the_paths_that_changed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = std::fs::canonicalize(tmp.path()).expect("root");
    std::fs::create_dir(root.join("old")).expect("mkdir");
    let (tx, rx) = mpsc::channel();
    let _w = Watch::start(
        std::slice::from_ref(&root),
        &[],
        Duration::from_millis(200),
        move |n| tx.send(n).is_ok(),
    )
    .expect("starts");
    std::fs::write(root.join("a.txt"), article(1)).expect("write");
    std::fs::remove_dir(root.join("old")).expect("rmdir");
    let mut named = BTreeSet::new();
    let deadline = std::time::Instant::now() + common::timeout();
    while !(named.contains(&root.join("a.txt")) && named.contains(&root.join("old"))) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(Note::Changed {
                paths: Some(paths), ..
            }) => named.extend(paths),
            Ok(Note::Changed { paths: None, .. }) => panic!("a rescan where paths were known"),
            Ok(Note::Problem(p)) => panic!("watcher problem: {p}"),
            Ok(n @ Note::Root { .. }) => panic!("the corpus folder was not touched: {n:?}"),
            Err(_) => panic!("paths not all named in time: {named:?}"),
        }
    }
}

/// A made-up article whose only date has no year: `Jumat (27/9)`, a Friday in 2019 and 2024.
fn yearless_article(n: usize) -> String {
    format!(
        "Pasar Murah Nomor {n} Digelar di Alun-alun\n\n\
         SEKAYU - Pemerintah kabupaten menggelar pasar murah nomor {n}, Jumat (27/9), \
         untuk menekan harga bahan pokok.\n"
    )
}

/// A made-up article stating its date with the year.
fn dated_article(n: usize, date: &str) -> String {
    format!(
        "Rapat Koordinasi Nomor {n} Membahas Banjir\n\n\
         SEKAYU - Rapat koordinasi nomor {n} membahas penanganan banjir, kata bupati, \
         {date}.\n"
    )
}

#[test]
fn a_year_less_date_takes_its_folders_year_in_a_full_load_a_cached_load_and_a_patch() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("scrape");
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("a.txt"), yearless_article(1)).expect("write");
    for (n, date) in [(2, "Senin (23/9/2019)"), (3, "Rabu (2/10/2019)")] {
        std::fs::write(root.join(format!("d{n}.txt")), dated_article(n, date)).expect("write");
    }
    let date_of = |c: &Corpus| {
        let m = &c.metas()[0];
        (
            m.published.map(|d| d.to_string()),
            m.date_source.map(|s| s.name()),
        )
    };
    // Two stated dates are too few for a folder's prior; the third makes it one.
    assert_eq!(date_of(&full_load(&root)).0, None);
    std::fs::write(root.join("d4.txt"), dated_article(4, "Jumat (20/9/2019)")).expect("write");
    let want = (Some("2019-09-27".to_string()), Some("corpus-year"));
    let opts = LoadOptions {
        cache: loader::CacheMode::Dir(cache.path().to_path_buf()),
    };
    let cold = loader::load(&inputs(&root), &opts);
    assert_eq!(date_of(&cold.corpus), want);
    let warm = loader::load(&inputs(&root), &opts);
    assert!(warm.cache_hits > 0, "read from the cache");
    assert_eq!(
        date_of(&warm.corpus),
        want,
        "the cache keeps the year-less date"
    );
    // A live patch that adds a folder's worth of 2024 dates: the year follows, as a full load
    // of the same files would give.
    let mut changed = Vec::new();
    for (n, date) in [
        (5, "Senin (23/9/2024)"),
        (6, "Rabu (25/9/2024)"),
        (7, "Kamis (26/9/2024)"),
        (8, "Senin (30/9/2024)"),
    ] {
        let p = root.join(format!("e{n}.txt"));
        std::fs::write(&p, dated_article(n, date)).expect("write");
        changed.push(p);
    }
    let base = full_load(&root);
    let p = reload_paths(&base, &inputs(&root), &canonical(&root, changed)).expect("patched");
    assert_eq!(date_of(&p.report.corpus).0.as_deref(), Some("2024-09-27"));
    assert_eq!(contents(&p.report.corpus), contents(&full_load(&root)));
}

/// Sets a file's modification time to noon UTC of `day` (`YYYY-MM-DD`).
fn saved_on(path: &Path, day: &str) {
    let days = day.parse::<warta::model::Date>().expect("date").days();
    let secs = u64::try_from(days * 86_400 + 12 * 3_600).expect("after 1970");
    let t = std::time::UNIX_EPOCH + Duration::from_secs(secs);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set mtime");
}

/// A made-up article that states no date at all.
fn undated_article() -> String {
    "Warga Gotong Royong Bersihkan Saluran Air\n\n\
     SEKAYU - Warga bergotong royong membersihkan saluran air di kampung mereka.\n"
        .to_string()
}

#[test]
fn an_undated_article_takes_its_files_day_where_the_folder_was_saved_as_it_came_out() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("scrape");
    std::fs::create_dir(&root).expect("mkdir");
    // A scraper's folder: each file saved the day after the date its article states.
    for (n, date, saved) in [
        (1, "Senin (6/10/2025)", "2025-10-07"),
        (2, "Selasa (7/10/2025)", "2025-10-08"),
        (3, "Rabu (8/10/2025)", "2025-10-09"),
        (4, "Kamis (9/10/2025)", "2025-10-10"),
        (5, "Jumat (10/10/2025)", "2025-10-11"),
    ] {
        let p = root.join(format!("d{n}.txt"));
        std::fs::write(&p, dated_article(n, date)).expect("write");
        saved_on(&p, saved);
    }
    let undated = root.join("u.txt");
    std::fs::write(&undated, undated_article()).expect("write");
    saved_on(&undated, "2025-10-14");
    let date_of = |c: &Corpus| {
        let m = c
            .metas()
            .iter()
            .find(|m| m.source_path.ends_with("u.txt"))
            .expect("the undated article");
        (
            m.published.map(|d| d.to_string()),
            m.date_source.map(|s| s.name()),
        )
    };
    let want = (Some("2025-10-13".to_string()), Some("file-time"));
    let opts = LoadOptions {
        cache: loader::CacheMode::Dir(cache.path().to_path_buf()),
    };
    assert_eq!(date_of(&loader::load(&inputs(&root), &opts).corpus), want);
    let warm = loader::load(&inputs(&root), &opts);
    assert!(warm.cache_hits > 0, "read from the cache");
    assert_eq!(
        date_of(&warm.corpus),
        want,
        "the cache keeps the file's day"
    );
    // Copied today, the same files carry the copy's time: the article stays undated.
    for entry in std::fs::read_dir(&root).expect("read dir") {
        saved_on(&entry.expect("entry").path(), "2026-12-01");
    }
    assert_eq!(date_of(&full_load(&root)), (None, None));
}
