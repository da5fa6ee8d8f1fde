use super::*;

#[test]
fn a_write_removes_a_killed_writers_temp_meta_files_of_either_name() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new("/corpus");
    let dir = root_dir(tmp.path(), root);
    fs::create_dir_all(&dir).unwrap();
    let stale = [".meta.bin.4711.tmp", ".meta.bin.tmp-4712"];
    for name in stale {
        fs::write(dir.join(name), "half a meta file").unwrap();
    }
    // Not a temp file of the meta file: stays.
    fs::write(dir.join(".notes.4711.tmp"), "x").unwrap();
    let mut rc = RootCache::open(tmp.path(), root);
    let mut w = rc.begin(&[]).unwrap();
    let written = w.append(&[fresh("a.txt", "Judul\n\nIsi.")]).unwrap();
    w.finish(&[], &written).unwrap();
    for name in stale {
        assert!(!dir.join(name).exists(), "{name} left behind");
    }
    assert!(dir.join(".notes.4711.tmp").exists());
    assert!(dir.join(META_FILE).is_file());
}

fn fresh(name: &str, text: &str) -> FreshFile {
    FreshFile {
        stamp: FileStamp {
            path: format!("/corpus/{name}"),
            size: text.len() as u64,
            mtime_ns: 1,
        },
        metas: vec![Meta {
            title: name.to_string(),
            source_path: format!("/corpus/{name}"),
            ..Meta::default()
        }],
        bodies: vec![Arc::new(Body {
            body: vec![text.to_string()],
            ..Body::default()
        })],
        skipped: Vec::new(),
        notes: Vec::new(),
    }
}

fn stamp_of(f: &FreshFile) -> FileStamp {
    f.stamp.clone()
}

fn body_text(file: &BodyFile, a: &CachedArticle) -> String {
    file.read(a.at, a.len, a.h).unwrap().body.join("\n")
}

/// Bodies reach the disk as they are appended and can be read back at once; the old
/// cache stays what a new reader sees until a checkpoint, which vouches for exactly
/// what was written so far, and a writer dropped after it (a quit mid-load) keeps that.
#[test]
fn a_write_in_progress_is_readable_at_once_and_durable_from_each_checkpoint() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new("/corpus");
    let first = [fresh("a.txt", "alpha"), fresh("b.txt", "beta")];
    let mut rc = RootCache::open(tmp.path(), root);
    rc.store(&[], &first).unwrap().expect("written");

    // Next load: a.txt is kept, b.txt changed, c.txt and d.txt are new.
    let mut rc = RootCache::open(tmp.path(), root);
    let kept = vec![rc.take(&stamp_of(&first[0])).expect("a.txt cached")];
    let old_file = rc.body_file().unwrap();
    let mut w = rc.begin(&kept).unwrap();
    let written = w.append(&[fresh("b.txt", "beta two")]).unwrap();
    assert_eq!(
        body_text(&w.body_file(), &written[0].articles[0]),
        "beta two"
    );
    // Before a checkpoint a new reader still sees the old cache, bodies included.
    let mut other = RootCache::open(tmp.path(), root);
    assert_eq!(other.files().count(), 2);
    let b = other.take(&stamp_of(&first[1])).expect("old b.txt");
    assert_eq!(
        body_text(&other.body_file().unwrap(), &b.articles[0]),
        "beta"
    );
    assert!(other.problem.is_none());

    w.checkpoint(&kept, &written).unwrap();
    let mut more = written.clone();
    more.extend(w.append(&[fresh("c.txt", "gamma")]).unwrap());
    drop(w); // stopped before d.txt, and before `finish`

    let mut after = RootCache::open(tmp.path(), root);
    assert!(after.problem.is_none(), "{:?}", after.problem);
    let mut paths: Vec<String> = after.files().map(|f| f.path.clone()).collect();
    paths.sort();
    assert_eq!(
        paths,
        ["/corpus/a.txt", "/corpus/b.txt"],
        "what the checkpoint named"
    );
    let file = after.body_file().unwrap();
    let a = after.take(&stamp_of(&first[0])).unwrap();
    assert_eq!(body_text(&file, &a.articles[0]), "alpha");
    let b = after.take(&stamp_of(&fresh("b.txt", "beta two"))).unwrap();
    assert_eq!(body_text(&file, &b.articles[0]), "beta two");
    // The kept body is still where the first load's reader expects it.
    assert_eq!(body_text(&old_file, &kept[0].articles[0]), "alpha");

    // A finished write names everything, and a second writer can then take the lock.
    let mut rc = RootCache::open(tmp.path(), root);
    let kept: Vec<CachedFile> = [&first[0]]
        .iter()
        .map(|f| rc.take(&stamp_of(f)).unwrap())
        .collect();
    let mut w = rc.begin(&kept).unwrap();
    let mut written = w.append(&[fresh("b.txt", "beta two")]).unwrap();
    written.extend(
        w.append(&[fresh("c.txt", "gamma"), fresh("d.txt", "delta")])
            .unwrap(),
    );
    w.finish(&kept, &written).unwrap();
    let mut rc = RootCache::open(tmp.path(), root);
    assert_eq!(rc.files().count(), 4);
    let d = rc.take(&stamp_of(&fresh("d.txt", "delta"))).unwrap();
    assert_eq!(body_text(&rc.body_file().unwrap(), &d.articles[0]), "delta");
    assert!(rc.begin(&[]).is_ok(), "the lock was released");
}

/// `take` is fed in the walk's order, which is not always the cache's (`a/b` comes
/// before `a-b` as paths, after it as strings), and files come, go and change between
/// loads: whatever the order, each cached file is found once, with its own body, and
/// what is not taken is what vanished.
#[test]
fn take_finds_every_file_in_any_order() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new("/corpus");
    let names = ["a-b.txt", "a/b.txt", "a/c.txt", "b.txt", "c.txt", "d.txt"];
    let stored: Vec<FreshFile> = names.iter().map(|n| fresh(n, n)).collect();
    RootCache::open(tmp.path(), root)
        .store(&[], &stored)
        .unwrap()
        .expect("written");
    let walk_order = [1, 2, 0, 3, 5];
    let orders: [&[usize]; 3] = [&walk_order, &[5, 3, 1, 0, 2], &[3, 0, 5, 2, 1]];
    for order in orders {
        let mut rc = RootCache::open(tmp.path(), root);
        let file = rc.body_file().unwrap();
        // A file the cache never saw, first and in the middle.
        assert!(rc.take(&stamp_of(&fresh("0.txt", "new"))).is_none());
        for (k, &i) in order.iter().enumerate() {
            if k == 2 {
                assert!(rc.take(&stamp_of(&fresh("a/bb.txt", "new"))).is_none());
            }
            let hit = rc.take(&stamp_of(&stored[i])).expect(names[i]);
            assert_eq!(hit.path, format!("/corpus/{}", names[i]));
            assert_eq!(body_text(&file, &hit.articles[0]), names[i]);
            assert!(rc.take(&stamp_of(&stored[i])).is_none(), "taken once");
        }
        let left: Vec<&str> = rc.files().map(|f| f.path.as_str()).collect();
        assert_eq!(left, ["/corpus/c.txt"], "{order:?}");
        assert!(!rc.dirty, "nothing changed");
    }
    // A changed file is not taken, and the next write must drop its entry.
    let mut rc = RootCache::open(tmp.path(), root);
    assert!(
        rc.take(&stamp_of(&fresh("b.txt", "b.txt, edited")))
            .is_none()
    );
    assert!(rc.dirty);
}

/// The meta file is read a group of chunks at a time: every chunk arrives, in order,
/// in groups of [`CHUNK_GROUP`]; and framing that does not add up is an error before
/// anything is allocated for a damaged length.
#[test]
fn meta_chunks_stream_in_groups_and_bad_framing_is_caught() {
    let frame = |n: u32, payload: &[u8]| {
        let mut b = n.to_le_bytes().to_vec();
        b.extend((payload.len() as u64).to_le_bytes());
        b.extend(xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
        b.extend(payload);
        b
    };
    let count = 2 * CHUNK_GROUP + 3;
    let bytes: Vec<u8> = (0..count)
        .flat_map(|i| frame(i as u32, format!("chunk {i}").as_bytes()))
        .collect();
    let read = |bytes: &[u8], expected: usize| {
        let mut groups = Vec::new();
        read_chunks(&mut &bytes[..], bytes.len() as u64, expected, |g| {
            groups.push(g);
            Ok(())
        })
        .map(|()| groups)
    };
    let groups = read(&bytes, count).unwrap();
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    assert_eq!(sizes, [CHUNK_GROUP, CHUNK_GROUP, 3]);
    for (i, (n, payload, hash)) in groups.iter().flatten().enumerate() {
        assert_eq!(*n as usize, i);
        assert_eq!(payload, format!("chunk {i}").as_bytes());
        assert_eq!(*hash, xxhash_rust::xxh3::xxh3_64(payload));
    }

    let short = format!("{count} of {} chunks", count + 1);
    assert_eq!(read(&bytes, count + 1).unwrap_err(), short);
    let long = format!("{count} of {} chunks", count - 1);
    assert_eq!(read(&bytes, count - 1).unwrap_err(), long);
    assert_eq!(
        read(&bytes[..bytes.len() - 1], count).unwrap_err(),
        "truncated chunk"
    );
    let mut tail = bytes.clone();
    tail.extend([0u8; FRAME_BYTES - 1]);
    assert_eq!(read(&tail, count).unwrap_err(), "truncated chunk header");
    // A length of 2^62 bytes in a short file: refused, not allocated.
    let mut huge = frame(1, b"x");
    huge[4..12].copy_from_slice(&(1u64 << 62).to_le_bytes());
    assert_eq!(read(&huge, 1).unwrap_err(), "truncated chunk");
    assert!(read(&[], 0).unwrap().is_empty());
    // An error from the consumer (a bad entry) stops the read.
    let err = read_chunks(&mut &bytes[..], bytes.len() as u64, count, |_| {
        Err("bad entry".to_string())
    });
    assert_eq!(err.unwrap_err(), "bad entry");
}

/// The header line has no checksum: a damaged file count (here far more files than
/// the machine has memory for) is reported as a damaged cache, not reserved for.
#[test]
fn a_damaged_file_count_in_the_header_is_corruption() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new("/corpus");
    let mut rc = RootCache::open(tmp.path(), root);
    rc.store(&[], &[fresh("a.txt", "alpha")])
        .unwrap()
        .expect("written");
    let meta = rc.dir().join(META_FILE);
    let bytes = fs::read(&meta).unwrap();
    let nl = bytes.iter().position(|&b| b == b'\n').unwrap();
    let header = String::from_utf8(bytes[..nl].to_vec()).unwrap();
    let damaged = header.replace("\"files\":1,", "\"files\":999999999999999,");
    assert_ne!(damaged, header);
    let mut out = damaged.into_bytes();
    out.extend(&bytes[nl..]);
    fs::write(&meta, out).unwrap();
    let rc = RootCache::open(tmp.path(), root);
    let why = rc.problem.as_deref().expect("reported");
    assert!(
        why.contains("truncated: 1 of 999999999999999 files"),
        "{why}"
    );
    assert_eq!(rc.files().count(), 0);
}

/// Only one writer at a time per cache: the second is told, and writes nothing.
#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new("/corpus");
    let mut one = RootCache::open(tmp.path(), root);
    let mut two = RootCache::open(tmp.path(), root);
    let w = one.begin(&[]).unwrap();
    let err = two.begin(&[]).err().expect("refused");
    assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
    drop(w);
    assert!(two.begin(&[]).is_ok());
}

#[test]
fn safe_names_only() {
    assert!(safe_name("bodies-1.jsonl").is_some());
    assert!(safe_name("../x").is_none());
    assert!(safe_name("..").is_none());
    assert!(safe_name("").is_none());
}

#[test]
fn skip_round_trip() {
    for reason in [
        SkipReason::Empty,
        SkipReason::Binary,
        SkipReason::Malformed("line 3: bad".into()),
    ] {
        let s = Skipped {
            path: "a.jsonl".into(),
            reason,
        };
        assert_eq!(CachedSkip::from_skipped(&s).to_skipped(), s);
    }
}
