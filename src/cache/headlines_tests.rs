use super::*;
use crate::corpus::BodySource;

fn meta(id: &str, title: &str, path: &str, record: Option<usize>) -> Meta {
    Meta {
        id: id.into(),
        title: title.into(),
        outlet: Some("Kompas.com".into()),
        published: Date::new(2025, 3, 9),
        source_path: path.into(),
        record,
        ..Meta::default()
    }
}

struct Empty;
impl BodySource for Empty {
    fn body(&self, _: usize) -> Result<Body, String> {
        Ok(Body::default())
    }
}

/// The text index's key stands in for itself here: any function of the headline.
fn key(m: &Meta) -> u64 {
    xxhash_rust::xxh3::xxh3_64(format!("{}\0{}", m.source_path, m.id).as_bytes())
}

struct Entry {
    path: PathBuf,
    size: u64,
    mtime_ns: i128,
}

fn stamps(walk: &[Entry]) -> Vec<Stamp<'_>> {
    walk.iter()
        .map(|e| (e.path.as_path(), e.size, e.mtime_ns))
        .collect()
}

/// A corpus folder with two files and a snapshot of it.
struct Fixture {
    _dir: tempfile::TempDir,
    cache: tempfile::TempDir,
    root: PathBuf,
    metas: Vec<Meta>,
    walk: Vec<Entry>,
    folders: Vec<FolderStamp>,
}

/// Files modified a minute ago: young, so every check stats them.
fn fixture() -> Fixture {
    fixture_aged(Duration::from_secs(60))
}

/// The fixture with files (and folder) last modified `age` ago.
fn fixture_aged(age: Duration) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    std::fs::write(root.join("a.txt"), "Satu\n").expect("write");
    std::fs::write(root.join("b.jsonl"), "{}\n{}\n").expect("write");
    let old = SystemTime::now() - age;
    for f in ["a.txt", "b.jsonl"] {
        std::fs::File::options()
            .write(true)
            .open(root.join(f))
            .and_then(|f| f.set_modified(old))
            .expect("touch");
    }
    std::fs::File::open(&root)
        .and_then(|f| f.set_modified(old))
        .expect("touch folder");
    let walk: Vec<Entry> = ["a.txt", "b.jsonl"]
        .iter()
        .map(|f| {
            let p = root.join(f);
            let m = std::fs::metadata(&p).expect("stat");
            let mtime = m.modified().expect("mtime").duration_since(UNIX_EPOCH);
            Entry {
                size: m.len(),
                mtime_ns: mtime.expect("after 1970").as_nanos() as i128,
                path: p,
            }
        })
        .collect();
    let (a, b) = (
        root.join("a.txt").display().to_string(),
        root.join("b.jsonl").display().to_string(),
    );
    let metas = vec![
        meta("1", "Satu", &a, None),
        Meta {
            // A time of day travels with the date (the newest-first rank uses it too).
            published_time: Some(20 * 60 + 43),
            ..meta("2", "Dua", &b, Some(0))
        },
        Meta {
            outlet: None,
            published: None,
            ..meta("3", "Tiga", &b, Some(1))
        },
    ];
    // The folder's change time is now (its time was just set): stamped as if walked a
    // while after that, or it would not be trusted.
    let folders = stamp_folders(
        vec![root.clone()],
        SystemTime::now() + RACY + Duration::from_secs(1),
    );
    Fixture {
        _dir: dir,
        cache: tempfile::tempdir().expect("tempdir"),
        root,
        metas,
        walk,
        folders,
    }
}

impl Fixture {
    fn write(&self) {
        let corpus = Corpus::new(self.metas.clone(), Arc::new(Empty));
        write(
            self.cache.path(),
            &self.root,
            &self.folders,
            &stamps(&self.walk),
            &corpus,
            &key,
        )
        .expect("written");
    }

    fn open(&self) -> Result<Option<Headlines>, String> {
        Headlines::open(self.cache.path(), &self.root)
    }

    fn file(&self) -> PathBuf {
        self.cache.path().join(FILE)
    }
}

#[test]
fn a_snapshot_gives_back_the_headlines_and_only_what_is_asked() {
    let f = fixture();
    f.write();
    let h = f.open().expect("usable").expect("there");
    assert!(h.unchanged(Check::Folders));
    assert_eq!(h.len(), 3);
    assert_eq!(h.file_counts(), (2, 2));
    let full = h.corpus(Needs::ALL).expect("decoded");
    assert_eq!(full.metas(), &f.metas[..]);
    assert!(full.body(0).is_err(), "no bodies behind a snapshot");
    let reference = Corpus::new(f.metas.clone(), Arc::new(Empty));
    assert_eq!(full.newest_rank(), reference.newest_rank());

    let lean = h
        .corpus(Needs {
            id: false,
            title: false,
            outlet: false,
            file: false,
        })
        .expect("decoded");
    assert!(lean.metas().iter().all(|m| m.id.is_empty()
        && m.title.is_empty()
        && m.outlet.is_none()
        && m.source_path.is_empty()));
    assert_eq!(lean.meta(0).published, f.metas[0].published);
    assert_eq!(lean.meta(1).published_time, Some(20 * 60 + 43));
    assert_eq!(lean.meta(2).record, Some(1));

    let rows = h.rows([2, 0].into_iter()).expect("rows");
    let pathless = |m: &Meta| Meta {
        source_path: String::new(),
        ..m.clone()
    };
    assert_eq!(
        rows.metas(),
        &[pathless(&f.metas[2]), pathless(&f.metas[0])]
    );
    assert!(h.rows([3].into_iter()).is_none(), "no such article");

    let keys = h.keys().expect("keys");
    let mut want: Vec<(u64, u32)> = f
        .metas
        .iter()
        .enumerate()
        .map(|(i, m)| (key(m), i as u32))
        .collect();
    want.sort_unstable();
    assert_eq!(keys, want);
}

#[test]
fn a_file_edited_added_removed_or_renamed_is_a_change() {
    let touch = |p: &Path| {
        std::fs::File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(SystemTime::now()))
            .expect("touch")
    };
    // Edited in place: the file's time.
    let f = fixture();
    f.write();
    touch(&f.root.join("a.txt"));
    assert!(
        !f.open()
            .expect("usable")
            .expect("there")
            .unchanged(Check::Folders)
    );
    // Grown, same time.
    let f = fixture();
    f.write();
    let before = std::fs::metadata(f.root.join("b.jsonl")).expect("stat");
    std::fs::write(f.root.join("b.jsonl"), "{}\n{}\n{}\n").expect("write");
    std::fs::File::options()
        .write(true)
        .open(f.root.join("b.jsonl"))
        .and_then(|x| x.set_modified(before.modified().expect("mtime")))
        .expect("touch");
    assert!(
        !f.open()
            .expect("usable")
            .expect("there")
            .unchanged(Check::Folders)
    );
    // Added, removed, renamed: the folder.
    for change in ["add", "remove", "rename"] {
        let f = fixture();
        f.write();
        assert!(
            f.open()
                .expect("usable")
                .expect("there")
                .unchanged(Check::Folders)
        );
        match change {
            "add" => std::fs::write(f.root.join("c.txt"), "Tiga\n").expect("write"),
            "remove" => std::fs::remove_file(f.root.join("a.txt")).expect("rm"),
            _ => std::fs::rename(f.root.join("a.txt"), f.root.join("z.txt")).expect("mv"),
        }
        assert!(
            !f.open()
                .expect("usable")
                .expect("there")
                .unchanged(Check::Folders),
            "{change}"
        );
    }
}

#[test]
fn a_folder_changed_around_its_walk_is_never_trusted() {
    let f = fixture();
    // Walked just now: the folder's times are too close to the walk to prove anything.
    let folders = stamp_folders(vec![f.root.clone()], SystemTime::now());
    let corpus = Corpus::new(f.metas.clone(), Arc::new(Empty));
    let walk = stamps(&f.walk);
    write(f.cache.path(), &f.root, &folders, &walk, &corpus, &key).expect("written");
    assert!(
        !f.open()
            .expect("usable")
            .expect("there")
            .unchanged(Check::Folders)
    );
}

#[test]
fn a_damaged_cut_or_foreign_snapshot_is_refused_with_a_reason() {
    let f = fixture();
    assert!(f.open().expect("no error").is_none(), "none yet");
    f.write();
    let good = std::fs::read(f.file()).expect("read");
    let line = memchr::memchr(b'\n', &good).expect("header");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("cut in the header", good[..line / 2].to_vec()),
        ("cut in the records", good[..good.len() - 7].to_vec()),
        ("garbage", b"\x00\xffnot a snapshot\n\x01\x02".to_vec()),
        ("a flipped bit", {
            let mut b = good.clone();
            let last = b.len() - 1;
            b[last] ^= 1;
            b
        }),
        ("longer", [&good[..], b"x"].concat()),
        ("another version", {
            let text = String::from_utf8_lossy(&good[..line]).replace(
                &format!("\"format\":{FORMAT}"),
                &format!("\"format\":{}", FORMAT + 1),
            );
            [text.as_bytes(), &good[line..]].concat()
        }),
    ];
    for (what, bytes) in cases {
        std::fs::write(f.file(), &bytes).expect("write");
        assert!(f.open().is_err(), "{what}");
    }
    std::fs::write(f.file(), &good).expect("write");
    assert!(Headlines::open(f.cache.path(), Path::new("/other")).is_err());
    assert!(f.open().expect("usable").is_some());
}

#[test]
fn a_file_with_an_unknown_time_or_outside_the_walk_means_no_snapshot() {
    let f = fixture();
    f.write();
    let mut unknown = stamps(&f.walk);
    unknown[0].2 = 0;
    let corpus = Corpus::new(f.metas.clone(), Arc::new(Empty));
    write(f.cache.path(), &f.root, &f.folders, &unknown, &corpus, &key).expect("no error");
    assert!(!f.file().exists());
    f.write();
    let walk = stamps(&f.walk);
    write(
        f.cache.path(),
        &f.root,
        &f.folders,
        &walk[..1],
        &corpus,
        &key,
    )
    .expect("no error");
    assert!(!f.file().exists());
}

#[test]
fn a_file_named_as_the_root_needs_no_folder() {
    let f = fixture();
    let file = f.root.join("b.jsonl");
    let metas: Vec<Meta> = f.metas[1..].to_vec();
    let corpus = Corpus::new(metas.clone(), Arc::new(Empty));
    let walk = stamps(&f.walk);
    write(f.cache.path(), &file, &[], &walk[1..], &corpus, &key).expect("written");
    let h = Headlines::open(f.cache.path(), &file)
        .expect("usable")
        .expect("there");
    assert!(h.unchanged(Check::Folders));
    assert_eq!(h.corpus(Needs::ALL).expect("decoded").metas(), &metas[..]);
    // Another file next to it is no change to it.
    std::fs::write(f.root.join("c.txt"), "Tiga\n").expect("write");
    assert!(h.unchanged(Check::Folders));
}

/// The checksum is what [`Headlines::open_unverified`] leaves for later: a flipped bit in
/// the records maps, and [`Headlines::verify`] refuses it.
#[test]
fn a_damaged_payload_maps_unverified_and_fails_its_verification() {
    let f = fixture();
    f.write();
    let h = Headlines::open_unverified(f.cache.path(), &f.root)
        .expect("usable")
        .expect("there");
    assert_eq!(h.verify(), Ok(()));
    let mut bytes = std::fs::read(f.file()).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(f.file(), &bytes).expect("write");
    let h = Headlines::open_unverified(f.cache.path(), &f.root)
        .expect("lengths still fit")
        .expect("there");
    assert!(h.verify().is_err());
    assert!(f.open().is_err());
}

/// A check told to stop says "changed" (never "unchanged" for files it did not stat), and
/// one left alone says what [`Headlines::unchanged`] says.
#[test]
fn a_stopped_check_never_vouches_for_the_files() {
    let f = fixture();
    f.write();
    let h = f.open().expect("usable").expect("there");
    assert!(h.unchanged_unless(Check::Folders, &AtomicBool::new(false)));
    assert!(!h.unchanged_unless(Check::Folders, &AtomicBool::new(true)));
}

/// Decoding straight into place keeps the articles' order, for any subset.
#[test]
fn rows_come_in_the_order_asked_and_a_bad_number_fails_them_all() {
    let f = fixture();
    f.write();
    let h = f.open().expect("usable").expect("there");
    let rows = h.rows([2, 0, 1, 0].into_iter()).expect("rows");
    let ids: Vec<&str> = rows.metas().iter().map(|m| m.id.as_str()).collect();
    let want: Vec<&str> = [2, 0, 1, 0]
        .iter()
        .map(|&i| f.metas[i].id.as_str())
        .collect();
    assert_eq!(ids, want);
    assert!(h.rows([0, 1, 3, 2].into_iter()).is_none());
}

const HOURS_2: Duration = Duration::from_secs(2 * 60 * 60);

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .and_then(|f| f.set_modified(t))
        .expect("touch");
}

/// Files modified within [`YOUNG`] of the writing are listed, older ones left to their
/// folder; one whose stamp moved since the walk is listed however old it is.
#[test]
fn only_young_or_moved_files_are_listed_for_every_check() {
    let f = fixture();
    f.write();
    let h = f.open().expect("usable").expect("there");
    assert_eq!(h.young(), Some(vec![0, 1]), "a minute old");

    let f = fixture_aged(HOURS_2);
    f.write();
    let h = f.open().expect("usable").expect("there");
    assert_eq!(h.young(), Some(vec![]), "two hours old");
    assert!(h.unchanged(Check::Folders) && h.unchanged(Check::Files));

    // Changed after the walk (during the load): still old by its time, but not the file
    // the walk saw, so the next check must look at it.
    let f = fixture_aged(HOURS_2);
    set_mtime(&f.root.join("b.jsonl"), SystemTime::now() - 3 * HOURS_2);
    f.write();
    let h = f.open().expect("usable").expect("there");
    assert_eq!(h.young(), Some(vec![1]));
    assert!(!h.unchanged(Check::Folders));
}

/// The trade-off a check by folders makes, pinned: an older file rewritten in place under
/// its name (its folder untouched) is seen only by a check of every file.
#[test]
fn an_old_file_edited_in_place_is_seen_only_by_a_check_of_files() {
    let f = fixture_aged(HOURS_2);
    f.write();
    let folder = std::fs::metadata(&f.root).expect("stat");
    std::fs::write(f.root.join("a.txt"), "Sat2\n").expect("write");
    assert_eq!(
        std::fs::metadata(&f.root).expect("stat").modified().ok(),
        folder.modified().ok(),
        "an edit in place leaves the folder alone"
    );
    let h = f.open().expect("usable").expect("there");
    assert!(h.unchanged(Check::Folders));
    assert!(!h.unchanged(Check::Files));
}

#[test]
fn a_file_added_removed_or_renamed_in_an_old_folder_is_a_change_by_folders() {
    for change in ["add", "remove", "rename"] {
        let f = fixture_aged(HOURS_2);
        f.write();
        let h = f.open().expect("usable").expect("there");
        assert_eq!(h.young(), Some(vec![]));
        assert!(h.unchanged(Check::Folders));
        match change {
            "add" => std::fs::write(f.root.join("c.txt"), "Tiga\n").expect("write"),
            "remove" => std::fs::remove_file(f.root.join("a.txt")).expect("rm"),
            _ => std::fs::rename(f.root.join("a.txt"), f.root.join("z.txt")).expect("mv"),
        }
        assert!(!h.unchanged(Check::Folders), "{change}");
    }
}

/// A file outside a checked folder (named as the root) or reached through a link (whose
/// target's folder is not walked) has nothing else to vouch for it: always listed.
#[test]
fn a_file_named_as_the_root_or_reached_by_a_link_is_always_listed() {
    let f = fixture_aged(HOURS_2);
    let file = f.root.join("b.jsonl");
    let corpus = Corpus::new(f.metas[1..].to_vec(), Arc::new(Empty));
    let walk = stamps(&f.walk);
    write(f.cache.path(), &file, &[], &walk[1..], &corpus, &key).expect("written");
    let h = Headlines::open(f.cache.path(), &file)
        .expect("usable")
        .expect("there");
    assert_eq!(h.young(), Some(vec![0]));
    std::fs::write(&file, "{}\n{}\n{}\n").expect("write");
    assert!(!h.unchanged(Check::Folders));

    let f = fixture_aged(HOURS_2);
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let target = elsewhere.path().join("t.txt");
    std::fs::write(&target, "Empat\n").expect("write");
    set_mtime(&target, SystemTime::now() - HOURS_2);
    let link = f.root.join("c.txt");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let m = std::fs::metadata(&link).expect("stat");
    let mut walk = stamps(&f.walk);
    let mtime = m.modified().expect("mtime").duration_since(UNIX_EPOCH);
    walk.push((
        &link,
        m.len(),
        mtime.expect("after 1970").as_nanos() as i128,
    ));
    let corpus = Corpus::new(f.metas.clone(), Arc::new(Empty));
    write(f.cache.path(), &f.root, &f.folders, &walk, &corpus, &key).expect("written");
    let h = f.open().expect("usable").expect("there");
    assert_eq!(h.young(), Some(vec![2]));
}

/// A snapshot of the format before the young files (which would read as "no file is young",
/// trusting every file to its folder) is refused as another version's, never misread.
#[test]
fn a_snapshot_of_the_previous_format_is_refused() {
    let f = fixture_aged(HOURS_2);
    f.write();
    let good = std::fs::read(f.file()).expect("read");
    let line = memchr::memchr(b'\n', &good).expect("header");
    let mut header: serde_json::Value = serde_json::from_slice(&good[..line]).expect("json");
    header["format"] = 3.into();
    header.as_object_mut().expect("object").remove("young");
    let old = [
        serde_json::to_vec(&header).expect("json"),
        good[line..].to_vec(),
    ]
    .concat();
    std::fs::write(f.file(), old).expect("write");
    assert_eq!(
        f.open().err().as_deref(),
        Some("written by another version of warta")
    );
}
