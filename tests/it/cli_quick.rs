//! `warta search` and `warta list` answered from the headline snapshot: never stale, and the
//! same rows as a full load. Most changes below leave the folder's own modification time as
//! it was (an edit in place does; a tool that copies times can for the others), so only the
//! check of every file, or of the folder's change time, can see them.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

fn warta(args: &[&str], cache: &Path) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env("WARTA_DATA_DIR", cache.join("data"))
        .env("WARTA_LOG", "debug")
        // The folders were made a moment ago: trusted at once, or no snapshot would answer.
        .env("WARTA_SNAPSHOT_SETTLE_MS", "0")
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    for e in std::fs::read_dir(data).expect("data") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// How many commands so far were answered from the snapshot (from warta.log).
fn quick_answers(cache: &Path) -> usize {
    std::fs::read_to_string(cache.join("data").join(warta::log::LOG_FILE))
        .unwrap_or_default()
        .matches("answered from the headline snapshot")
        .count()
}

fn has_snapshot(cache: &Path) -> bool {
    walkdir::WalkDir::new(cache)
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "headlines.bin")
}

/// Runs `change` on the corpus folder, then puts the folder's modification time back.
fn behind_the_folders_back(dir: &Path, change: impl FnOnce()) {
    let before = std::fs::metadata(dir)
        .and_then(|m| m.modified())
        .expect("mtime");
    change();
    File::open(dir)
        .and_then(|f| f.set_modified(before))
        .expect("folder time put back");
    let after = std::fs::metadata(dir)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after);
}

/// The files were copied a moment ago: young, so even the default check stats each of them.
#[test]
fn a_file_edited_in_place_between_two_searches_is_seen_by_the_second() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");

    let first = out(&warta(&["search", "muratara", d, "--quiet"], cache.path()));
    assert_eq!(first.lines().count(), 1, "{first}");
    assert!(
        has_snapshot(cache.path()),
        "the full load wrote the snapshot"
    );
    // Answered again from the snapshot: the same rows.
    assert_eq!(
        out(&warta(&["search", "muratara", d, "--quiet"], cache.path())),
        first
    );
    assert_eq!(quick_answers(cache.path()), 1);
    assert!(out(&warta(&["search", "zebralut", d, "--quiet"], cache.path())).is_empty());

    // The title rewritten in place, to the same length, with a later modification time,
    // the folder untouched: only the stat of this young file can see it.
    let file = dir.path().join("000_4c0f888a8b7f48f0.txt");
    rewrite(
        dir.path(),
        "000_4c0f888a8b7f48f0.txt",
        "Viral ASN di Muratara Live",
        "Viral ASN di Zebralut Live",
    );
    File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(SystemTime::now() + Duration::from_secs(5)))
        .expect("touch");
    let found = out(&warta(&["search", "zebralut", d, "--quiet"], cache.path()));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.contains("Zebralut"), "{found}");
    assert_eq!(quick_answers(cache.path()), 2, "the edit is a full load");
    let listed = out(&warta(
        &["list", d, "--query", "zebralut", "--quiet"],
        cache.path(),
    ));
    assert!(listed.contains("Zebralut"), "{listed}");

    // A file removed is gone from the next answer too.
    behind_the_folders_back(dir.path(), || std::fs::remove_file(&file).expect("rm"));
    assert!(out(&warta(&["search", "zebralut", d, "--quiet"], cache.path())).is_empty());
    let all = out(&warta(&["list", d, "--quiet"], cache.path()));
    assert_eq!(all.lines().count(), 4, "{all}");
}

#[test]
fn the_summary_line_is_the_full_loads_when_answered_from_the_snapshot() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");
    let full = warta(&["list", d], cache.path());
    let quick = warta(&["list", d], cache.path());
    assert!(has_snapshot(cache.path()));
    assert_eq!(quick_answers(cache.path()), 1);
    assert_eq!(out(&quick), out(&full));
    let said = String::from_utf8_lossy(&quick.stderr).into_owned();
    assert!(
        said.contains("loaded 5 articles from 5 files; cache: 5 hits, 0 misses"),
        "{said}"
    );
}

/// Records carry a time of day: one day's articles come newest first by it, from a full
/// load and from the snapshot alike, and `warta parse` shows it.
#[test]
fn one_days_records_are_ordered_by_their_time_from_the_cache_and_the_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    // Ids are content hashes, so the titles' alphabetical order says nothing of id order;
    // the times are chosen against the file order too.
    let lines = [
        ("Pagi hari bupati meninjau banjir", "2025-10-21T07:05"),
        ("Malam hari warga mengungsi dari banjir", "2025-10-21T20:43"),
        ("Siang hari bantuan banjir tiba", "2025-10-21T12:30"),
        ("Sehari sebelumnya hujan deras", "2025-10-20T23:59"),
    ];
    let body: String = lines
        .iter()
        .map(|(t, d)| {
            format!(
                "{}\n",
                serde_json::json!({"title": t, "date": d, "body": format!("{t}. Isi berita tentang banjir.")})
            )
        })
        .collect();
    std::fs::write(dir.path().join("hari.jsonl"), body).expect("write");
    let root = dir.path().to_str().expect("utf-8");
    let titles = |o: &Output| -> Vec<String> {
        out(o)
            .lines()
            .map(|l| l.rsplit("  ").next().unwrap_or("").trim().to_string())
            .collect()
    };
    let want = vec![
        "Malam hari warga mengungsi dari banjir",
        "Siang hari bantuan banjir tiba",
        "Pagi hari bupati meninjau banjir",
        "Sehari sebelumnya hujan deras",
    ];
    assert!(!has_snapshot(cache.path()));
    let full = warta(
        &["list", root, "--query", "banjir", "--sort", "date"],
        cache.path(),
    );
    assert_eq!(titles(&full), want, "from a full load: {}", out(&full));
    assert!(has_snapshot(cache.path()));
    let listed = warta(&["list", root], cache.path());
    assert_eq!(titles(&listed), want, "from the snapshot: {}", out(&listed));
    let parsed = warta(&["parse", &format!("{root}/hari.jsonl")], cache.path());
    assert!(
        out(&parsed).contains(r#""published_time": "20:43""#),
        "{}",
        out(&parsed)
    );
}

/// Searches `word` twice (the second from the snapshot), makes `change` behind the folder's
/// back, and returns what the next search prints.
fn after(change: impl FnOnce(&Path), word: &str) -> (String, String) {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");
    let before = out(&warta(&["search", word, d, "--quiet"], cache.path()));
    assert_eq!(
        out(&warta(&["search", word, d, "--quiet"], cache.path())),
        before
    );
    assert_eq!(
        quick_answers(cache.path()),
        1,
        "the second answered quickly"
    );
    behind_the_folders_back(dir.path(), || change(dir.path()));
    let now = out(&warta(&["search", word, d, "--quiet"], cache.path()));
    assert_eq!(quick_answers(cache.path()), 1, "a change is a full load");
    // And the load that saw it wrote a snapshot that answers the same.
    assert_eq!(
        out(&warta(&["search", word, d, "--quiet"], cache.path())),
        now
    );
    assert_eq!(quick_answers(cache.path()), 2);
    (before, now)
}

#[test]
fn a_file_added_behind_the_folders_back_is_found() {
    let (before, now) = after(
        |dir| {
            std::fs::write(
                dir.join("zz_new.txt"),
                "Bupati Zebralut Resmikan Pasar\n\nZEBRALUT - Bupati meresmikan pasar.\n",
            )
            .expect("write")
        },
        "zebralut",
    );
    assert!(before.is_empty(), "{before}");
    assert!(now.contains("Bupati Zebralut"), "{now}");
}

#[test]
fn a_file_renamed_behind_the_folders_back_is_listed_once_under_its_new_name() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");
    let list = |cache: &Path| out(&warta(&["list", d, "--format", "table"], cache));
    let before = list(cache.path());
    assert_eq!(list(cache.path()), before);
    assert_eq!(quick_answers(cache.path()), 1);
    behind_the_folders_back(dir.path(), || {
        std::fs::rename(
            dir.path().join("000_4c0f888a8b7f48f0.txt"),
            dir.path().join("zzz_moved.txt"),
        )
        .expect("mv")
    });
    let now = list(cache.path());
    assert_eq!(quick_answers(cache.path()), 1, "a rename is a full load");
    assert_eq!(now.lines().count(), before.lines().count(), "{now}");
    // The path is not in the table, but a full export says where each article is now.
    let full = out(&warta(
        &["list", d, "--format", "jsonl", "--quiet"],
        cache.path(),
    ));
    assert!(full.contains("zzz_moved.txt"), "{full}");
    assert!(!full.contains("000_4c0f888a8b7f48f0.txt"), "{full}");
}

#[test]
fn a_file_added_in_a_new_subfolder_is_found() {
    let (_, now) = after(
        |dir| {
            let sub = dir.join("baru");
            std::fs::create_dir(&sub).expect("mkdir");
            std::fs::write(
                sub.join("a.txt"),
                "Zebralut Banjir Lagi\n\nZEBRALUT - Banjir melanda.\n",
            )
            .expect("write");
        },
        "zebralut",
    );
    assert!(now.contains("Zebralut Banjir Lagi"), "{now}");
}

#[test]
fn a_file_removed_behind_the_folders_back_is_gone() {
    let (before, now) = after(
        |dir| std::fs::remove_file(dir.join("000_4c0f888a8b7f48f0.txt")).expect("rm"),
        "muratara",
    );
    assert_eq!(before.lines().count(), 1, "{before}");
    assert!(now.is_empty(), "{now}");
}

/// A corpus of `n` synthetic articles in three folders and a JSONL file, with titles and
/// outlets from small word lists (many ties in date and words, to test the orders).
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let words = [
        "banjir", "bupati", "pasar", "jalan", "sekolah", "viral", "asn", "medsos", "pemkab",
        "warga",
    ];
    let places = ["Palembang", "Blora", "Sorong", "Muratara", "Bandung"];
    let outlets = ["Kompas", "Detik", "Tribunsumsel.com"];
    let mut jsonl = String::new();
    for i in 0..n {
        let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
        let title = format!(
            "{} {} di {} {}",
            w(0).to_uppercase(),
            w(1),
            places[i % places.len()],
            w(2)
        );
        // The number keeps each text (and so each id) unique: copies are a load warning,
        // and a load with warnings writes no snapshot.
        let body = format!(
            "{} {} {} {} nomor {i}.",
            w(3),
            w(4),
            places[(i + 2) % 5],
            w(5)
        );
        let date = format!("2025-0{}-{:02}", 1 + i % 3, 1 + i % 5);
        if i % 4 == 3 {
            jsonl.push_str(
                &serde_json::json!({
                    "title": title, "body": body, "date": date,
                    "source": outlets[i % outlets.len()],
                })
                .to_string(),
            );
            jsonl.push('\n');
            continue;
        }
        let folder = match i % 3 {
            0 => dir.path().to_path_buf(),
            1 => dir.path().join("satu"),
            _ => dir.path().join("dua").join("tiga"),
        };
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join(format!("{i:03}.txt")),
            format!(
                "{title}\n\n{}, {} - {body}\n",
                places[i % 5].to_uppercase(),
                outlets[i % 3]
            ),
        )
        .expect("write");
    }
    std::fs::write(dir.path().join("records.jsonl"), jsonl).expect("write");
    dir
}

#[test]
fn the_snapshot_answers_every_query_as_the_full_load_does() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = generated(60);
    let d = dir.path().to_str().expect("utf-8");
    // The first command loads in full and writes the snapshot.
    warta(&["search", "banjir", d, "--quiet"], cache.path());
    let snapshot_file = || {
        walkdir::WalkDir::new(cache.path())
            .into_iter()
            .flatten()
            .find(|e| e.file_name() == "headlines.bin")
            .expect("snapshot")
            .into_path()
    };
    let queries = [
        "banjir",
        "bup",
        "pasar warga",
        "banjir | viral",
        "!banjir",
        "banjir date:2025-02",
        "outlet:detik",
        "^banjir",
        "sorong$",
        "~bpt",
        "\"bupati di\"",
        "title:asn",
        "zzzz",
        "",
    ];
    let mut quick = 0;
    for q in queries {
        for (cmd, extra) in [
            ("search", &[][..]),
            ("search", &["--limit", "3"][..]),
            ("list", &[][..]),
            ("list", &["--sort", "title"][..]),
            ("list", &["--sort", "outlet"][..]),
            ("list", &["--sort", "date-asc"][..]),
            ("list", &["--sort", "relevance", "--limit", "5"][..]),
        ] {
            let mut args: Vec<&str> = if cmd == "search" {
                vec!["search", q, d]
            } else {
                vec!["list", d, "--query", q]
            };
            if cmd == "search" && q.is_empty() {
                continue;
            }
            args.extend_from_slice(extra);
            args.push("--quiet");
            let snapshot = out(&warta(&args, cache.path()));
            quick += 1;
            assert_eq!(
                quick_answers(cache.path()),
                quick,
                "{args:?} answered quickly"
            );
            // Without the snapshot: the full load (the same cache and text index), which
            // writes the snapshot again.
            std::fs::remove_file(snapshot_file()).expect("rm");
            let full = out(&warta(&args, cache.path()));
            assert_eq!(
                quick_answers(cache.path()),
                quick,
                "{args:?} loaded in full"
            );
            assert_eq!(snapshot, full, "{args:?}");
        }
    }
}

#[test]
fn a_damaged_snapshot_is_said_once_and_the_full_load_answers() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");
    let want = out(&warta(&["search", "asn", d, "--quiet"], cache.path()));
    let file = walkdir::WalkDir::new(cache.path())
        .into_iter()
        .flatten()
        .find(|e| e.file_name() == "headlines.bin")
        .expect("snapshot")
        .into_path();
    let good = std::fs::read(&file).expect("read");
    let line = good.iter().position(|&b| b == b'\n').expect("header");
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", good[..good.len() / 2].to_vec()),
        ("garbage", b"\x7fELF garbage\n\x00\x01".repeat(50)),
        ("empty", Vec::new()),
        // Found only by the checksum, which is computed beside the check of the files.
        ("a flipped bit in the records", {
            let mut b = good.clone();
            let mid = line + (b.len() - line) / 2;
            b[mid] ^= 1;
            b
        }),
        ("wrong version", {
            let header =
                String::from_utf8_lossy(&good[..line]).replacen("\"format\":", "\"format\":9", 1);
            [header.as_bytes(), &good[line..]].concat()
        }),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("write");
        let o = warta(&["search", "asn", d], cache.path());
        assert_eq!(out(&o), want, "{what}");
        let said = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            said.contains("headline snapshot not used") && said.contains("loading in full"),
            "{what}: {said}"
        );
        // The full load put a good one back: the next answer is quick and says nothing.
        let before = quick_answers(cache.path());
        let o = warta(&["search", "asn", d], cache.path());
        assert_eq!(out(&o), want, "{what}");
        assert_eq!(quick_answers(cache.path()), before + 1, "{what}");
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("snapshot"),
            "{what}"
        );
    }
}

/// Sets every file's modification time two hours back: older than the hour within which a
/// snapshot still has each file stat'ed by default.
fn age(dir: &Path) {
    let old = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            File::options()
                .write(true)
                .open(e.path())
                .and_then(|f| f.set_modified(old))
                .expect("aged");
        }
    }
}

/// Rewrites `from` to `to` (the same length) in the file `name`, in place: its folder is
/// left alone (putting the folder's time back, as the other tests do, would change its
/// change time, which the snapshot holds).
fn rewrite(dir: &Path, name: &str, from: &str, to: &str) {
    use std::os::unix::fs::MetadataExt;
    let file = dir.join(name);
    let folder = std::fs::metadata(dir).expect("stat");
    let text = std::fs::read_to_string(&file).expect("read");
    let edited = text.replacen(from, to, 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    std::fs::write(&file, edited).expect("write");
    let after = std::fs::metadata(dir).expect("stat");
    assert_eq!(
        (after.mtime_nsec(), after.ctime_nsec(), after.ctime()),
        (folder.mtime_nsec(), folder.ctime_nsec(), folder.ctime())
    );
}

/// The trade-off of the default check, pinned: an older file rewritten in place under its
/// name (its folder untouched) is not seen by a quick answer; `--check files` and the
/// config's `[search] check = "files"` see it, and the full load they make writes a
/// snapshot in which the file is young, so the default sees its next edits.
#[test]
fn an_old_file_rewritten_in_place_is_seen_with_check_files_and_not_by_default() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    age(dir.path());
    let d = dir.path().to_str().expect("utf-8");
    let search = |args: &[&str]| {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[d, "--quiet"]);
        out(&warta(&all, cache.path()))
    };
    assert_eq!(search(&["muratara"]).lines().count(), 1);
    assert_eq!(search(&["muratara"]).lines().count(), 1);
    assert_eq!(quick_answers(cache.path()), 1);

    rewrite(
        dir.path(),
        "000_4c0f888a8b7f48f0.txt",
        "Viral ASN di Muratara Live",
        "Viral ASN di Zebralut Live",
    );
    assert!(search(&["zebralut"]).is_empty(), "not seen by default");
    let listed = out(&warta(
        &["list", d, "--query", "muratara", "--quiet"],
        cache.path(),
    ));
    assert!(listed.contains("Muratara"), "the old title: {listed}");
    assert_eq!(quick_answers(cache.path()), 3);
    let found = search(&["zebralut", "--check", "files"]);
    assert!(found.contains("Zebralut"), "{found}");
    assert_eq!(quick_answers(cache.path()), 3, "a full load");
    let listed = out(&warta(
        &["list", d, "--query", "zebralut", "--quiet"],
        cache.path(),
    ));
    assert!(listed.contains("Zebralut"), "{listed}");
    assert_eq!(quick_answers(cache.path()), 4, "answered quickly again");

    // Another old file: the config asks for the check of every file, --check overrides it.
    rewrite(
        dir.path(),
        "004_2693d6224899cf9b.txt",
        "Bupati Blora Melarang",
        "Bupati Xyzla Melarang",
    );
    let config = cache.path().join("config.toml");
    std::fs::write(&config, "[search]\ncheck = \"files\"\n").expect("write");
    let config = config.to_str().expect("utf-8");
    assert!(search(&["xyzla"]).is_empty(), "not seen by default");
    assert!(search(&["xyzla", "--config", config, "--check", "folders"]).is_empty());
    assert_eq!(quick_answers(cache.path()), 6);
    let found = search(&["xyzla", "--config", config]);
    assert!(found.contains("Xyzla"), "{found}");
    assert_eq!(quick_answers(cache.path()), 6, "a full load");
}

/// What the folders' stamps see without any file stat'ed: a file added, removed or renamed
/// among files too old to be stat'ed by default.
#[test]
fn a_file_added_removed_or_renamed_among_old_files_is_seen_by_default() {
    for change in ["add", "remove", "rename"] {
        let cache = tempfile::tempdir().expect("tempdir");
        let dir = corpus();
        age(dir.path());
        let d = dir.path().to_str().expect("utf-8");
        let list = || out(&warta(&["list", d, "--quiet"], cache.path()));
        let before = list();
        assert_eq!(list(), before);
        assert_eq!(quick_answers(cache.path()), 1, "{change}");
        behind_the_folders_back(dir.path(), || match change {
            "add" => std::fs::write(
                dir.path().join("zz_new.txt"),
                "Bupati Zebralut Resmikan Pasar\n\nZEBRALUT - Bupati meresmikan pasar.\n",
            )
            .expect("write"),
            "remove" => {
                std::fs::remove_file(dir.path().join("000_4c0f888a8b7f48f0.txt")).expect("rm")
            }
            _ => std::fs::rename(
                dir.path().join("000_4c0f888a8b7f48f0.txt"),
                dir.path().join("zzz_moved.txt"),
            )
            .expect("mv"),
        });
        let now = list();
        assert_eq!(quick_answers(cache.path()), 1, "{change}: a full load");
        let rows = now.lines().count();
        match change {
            "add" => {
                assert_eq!(rows, before.lines().count() + 1, "{now}");
                assert!(now.contains("Bupati Zebralut"), "{now}");
            }
            "remove" => {
                assert_eq!(rows, before.lines().count() - 1, "{now}");
                assert!(!now.contains("Muratara"), "{now}");
            }
            _ => assert_eq!(now, before),
        }
    }
}
