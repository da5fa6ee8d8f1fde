//! The loader and the parsed-article cache, driven through `load_with` and a small synthetic
//! parser (so these tests do not depend on the news parser's heuristics), plus a few
//! end-to-end checks with the real parser.

use crate::common;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::Duration;

use warta::cache;
use warta::loader::{
    self, CacheMode, Input, LoadOptions, LoadReport, SkipReason, Skipped, load, load_with,
};
use warta::model::{Article, Body, Format, Meta, article_id};

type Parsed = Result<(Vec<Article>, Vec<Skipped>), SkipReason>;

/// Each `\n===\n`-separated chunk is one article: first line the title, the other non-empty
/// lines its paragraphs. A chunk `BAD` is a bad record; a file containing `PANIC` panics.
fn fake_parse(path: &str, bytes: &[u8], format: Format) -> Parsed {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    if bytes.contains(&0) {
        return Err(SkipReason::Binary);
    }
    let text = String::from_utf8_lossy(bytes);
    if text.contains("PANIC") {
        panic!("synthetic parser bug");
    }
    let chunks: Vec<&str> = text.split("\n===\n").collect();
    let multi = chunks.len() > 1;
    let mut arts = Vec::new();
    let mut skipped = Vec::new();
    for (i, chunk) in chunks.into_iter().enumerate() {
        if chunk.trim() == "BAD" {
            skipped.push(Skipped {
                path: format!("{path} (record {i})"),
                reason: SkipReason::Malformed("bad record".into()),
            });
            continue;
        }
        let mut lines = chunk.lines().filter(|l| !l.trim().is_empty());
        let title = lines.next().unwrap_or_default().to_string();
        let body: Vec<String> = lines.map(str::to_string).collect();
        arts.push(Article {
            meta: Meta {
                id: article_id(chunk),
                title,
                source_path: path.to_string(),
                record: multi.then_some(i),
                format,
                word_count: body.iter().map(|p| p.split_whitespace().count()).sum(),
                ..Meta::default()
            },
            body: Body {
                body,
                related: vec![format!("related to {i}")],
                ..Body::default()
            },
        });
    }
    Ok((arts, skipped))
}

struct Fixture {
    _tmp: tempfile::TempDir,
    corpus: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new(files: &[(&str, &str)]) -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        let cache = tmp.path().join("cache");
        fs::create_dir(&corpus).unwrap();
        let f = Fixture {
            _tmp: tmp,
            corpus,
            cache,
        };
        for (name, text) in files {
            f.write(name, text);
        }
        f
    }

    fn write(&self, name: &str, text: &str) {
        let p = self.corpus.join(name);
        fs::write(&p, text).unwrap();
    }

    /// Rewrites a file and moves its mtime on, so even a same-size edit within the
    /// filesystem's timestamp granularity is seen as a change.
    fn modify(&self, name: &str, text: &str) {
        let p = self.corpus.join(name);
        let old = fs::metadata(&p).unwrap().modified().unwrap();
        fs::write(&p, text).unwrap();
        File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(old + Duration::from_secs(5))
            .unwrap();
    }

    fn opts(&self) -> LoadOptions {
        LoadOptions {
            cache: CacheMode::Dir(self.cache.clone()),
        }
    }

    fn load(&self) -> LoadReport {
        load_with(
            &[Input::Path(self.corpus.clone())],
            &self.opts(),
            &fake_parse,
        )
    }

    fn root_dir(&self) -> PathBuf {
        cache::root_dir(&self.cache, &fs::canonicalize(&self.corpus).unwrap())
    }

    fn body_file(&self) -> PathBuf {
        let mut v: Vec<PathBuf> = fs::read_dir(self.root_dir())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("bodies-")
            })
            .collect();
        assert_eq!(v.len(), 1, "exactly one body file: {v:?}");
        v.pop().unwrap()
    }
}

fn articles(r: &LoadReport) -> Vec<Article> {
    (0..r.corpus.len())
        .map(|i| r.corpus.article(i).expect("body readable"))
        .collect()
}

fn titles(r: &LoadReport) -> Vec<String> {
    r.corpus.metas().iter().map(|m| m.title.clone()).collect()
}

fn three() -> Fixture {
    Fixture::new(&[
        ("a.txt", "Alpha\nfirst para\nsecond para\n"),
        ("b.txt", "Beta\nbeta body\n"),
        ("c.txt", "Gamma\ngamma body\n"),
    ])
}

#[test]
fn first_load_misses_and_writes_then_all_hits_with_equal_bodies() {
    let f = three();
    let cold = f.load();
    assert_eq!((cold.cache_hits, cold.cache_misses), (0, 3));
    assert!(cold.warnings.is_empty(), "{:?}", cold.warnings);
    assert_eq!(titles(&cold), ["Alpha", "Beta", "Gamma"]);
    assert!(f.root_dir().join("meta.bin").is_file());
    assert!(cold.bytes_read > 0);

    let warm = f.load();
    assert_eq!((warm.cache_hits, warm.cache_misses), (3, 0));
    assert!(warm.warnings.is_empty(), "{:?}", warm.warnings);
    assert_eq!(warm.bytes_read, 0, "a warm load reads no input file");
    assert_eq!(articles(&warm), articles(&cold));
    assert_eq!(articles(&warm)[0].body.body, ["first para", "second para"]);
    assert_eq!(
        warm.summary(),
        "loaded 3 articles from 3 files; cache: 3 hits, 0 misses"
    );
    // Nothing was written next to the inputs.
    assert_eq!(fs::read_dir(&f.corpus).unwrap().count(), 3);
}

#[test]
fn the_root_spelled_differently_still_hits_and_shows_canonical_paths() {
    let f = three();
    let cold = f.load();
    assert_eq!((cold.cache_hits, cold.cache_misses), (0, 3));
    fs::create_dir(f.corpus.join("sub")).unwrap();
    let canonical = fs::canonicalize(&f.corpus).unwrap();
    for spelling in [f.corpus.join("."), f.corpus.join("sub").join("..")] {
        let r = load_with(&[Input::Path(spelling.clone())], &f.opts(), &fake_parse);
        assert_eq!(
            (r.cache_hits, r.cache_misses),
            (3, 0),
            "spelled {}",
            spelling.display()
        );
        for m in r.corpus.metas() {
            assert!(
                Path::new(&m.source_path).starts_with(&canonical),
                "{} under {}",
                m.source_path,
                canonical.display()
            );
        }
    }
}

#[test]
fn modified_file_alone_is_reparsed() {
    let f = three();
    f.load();
    f.modify("b.txt", "Beta two\nnew body, longer than before\n");
    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (2, 1));
    assert_eq!(titles(&r), ["Alpha", "Beta two", "Gamma"]);
    assert_eq!(
        r.corpus.body(1).unwrap().body,
        ["new body, longer than before"]
    );
    assert_eq!(
        r.corpus.body(0).unwrap().body,
        ["first para", "second para"]
    );

    // The new state was cached.
    let again = f.load();
    assert_eq!((again.cache_hits, again.cache_misses), (3, 0));
    assert_eq!(articles(&again), articles(&r));
}

#[test]
fn touched_file_with_same_content_is_reparsed() {
    let f = three();
    f.load();
    let text = fs::read_to_string(f.corpus.join("c.txt")).unwrap();
    f.modify("c.txt", &text);
    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (2, 1));
    assert_eq!(titles(&r), ["Alpha", "Beta", "Gamma"]);
}

#[test]
fn deleted_file_is_dropped_and_added_file_is_added() {
    let f = three();
    f.load();
    fs::remove_file(f.corpus.join("a.txt")).unwrap();
    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (2, 0));
    assert_eq!(titles(&r), ["Beta", "Gamma"]);

    f.write("0.txt", "Zero\nzero body\n");
    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (2, 1));
    assert_eq!(titles(&r), ["Zero", "Beta", "Gamma"]);
    assert_eq!(r.corpus.body(0).unwrap().body, ["zero body"]);

    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (3, 0));
    assert_eq!(r.corpus.body(2).unwrap().body, ["gamma body"]);
}

/// Damages meta.bin with `damage`, then checks one warning, a full rebuild with the right
/// result, and a clean cache afterwards.
fn check_meta_damage(damage: impl Fn(&Path)) {
    let f = three();
    let cold = articles(&f.load());
    damage(&f.root_dir().join("meta.bin"));
    let r = f.load();
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("corrupt"), "{:?}", r.warnings);
    assert!(r.warnings[0].contains("rebuilt"), "{:?}", r.warnings);
    assert_eq!((r.cache_hits, r.cache_misses), (0, 3));
    assert_eq!(articles(&r), cold);

    let again = f.load();
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!((again.cache_hits, again.cache_misses), (3, 0));
    assert_eq!(articles(&again), cold);
}

#[test]
fn meta_truncated_mid_line_is_rebuilt() {
    check_meta_damage(|p| {
        let b = fs::read(p).unwrap();
        fs::write(p, &b[..b.len() - 20]).unwrap();
    });
}

#[test]
fn meta_missing_its_chunks_is_rebuilt() {
    check_meta_damage(|p| {
        let b = fs::read(p).unwrap();
        let header_end = b.iter().position(|&c| c == b'\n').unwrap();
        fs::write(p, &b[..=header_end]).unwrap();
    });
}

#[test]
fn meta_with_a_flipped_byte_is_rebuilt() {
    // A byte inside an entry: it may still decode, the chunk checksum must catch it.
    check_meta_damage(|p| {
        let mut b = fs::read(p).unwrap();
        let n = b.len();
        b[n - 10] ^= 0x01;
        fs::write(p, &b).unwrap();
    });
}

#[test]
fn meta_with_trailing_bytes_is_rebuilt() {
    check_meta_damage(|p| {
        let mut b = fs::read(p).unwrap();
        b.extend_from_slice(b"tail");
        fs::write(p, &b).unwrap();
    });
}

/// Replaces `from` by `to` once in the JSON header line of the binary meta file.
fn edit_header(p: &Path, from: &str, to: &str) {
    let b = fs::read(p).unwrap();
    let end = b.iter().position(|&c| c == b'\n').unwrap();
    let header = std::str::from_utf8(&b[..end]).unwrap();
    assert!(header.contains(from), "{from} not in {header}");
    let mut out = header.replacen(from, to, 1).into_bytes();
    out.extend_from_slice(&b[end..]);
    fs::write(p, out).unwrap();
}

#[test]
fn meta_of_garbage_bytes_is_rebuilt() {
    check_meta_damage(|p| fs::write(p, b"\x00\xff\xfe garbage {{{\n\x01\x02").unwrap());
}

#[test]
fn empty_meta_is_rebuilt() {
    check_meta_damage(|p| fs::write(p, b"").unwrap());
}

#[test]
fn meta_with_another_format_version_is_rebuilt() {
    check_meta_damage(|p| {
        edit_header(
            p,
            &format!("\"format\":{},", cache::CACHE_FORMAT),
            "\"format\":999,",
        );
    });
}

#[test]
fn meta_pointing_past_the_body_file_is_rebuilt() {
    // The header vouches for fewer body bytes than the entries point into.
    check_meta_damage(|p| {
        let b = fs::read(p).unwrap();
        let end = b.iter().position(|&c| c == b'\n').unwrap();
        let header = std::str::from_utf8(&b[..end]).unwrap();
        let at = header.find("\"bodies_len\":").unwrap() + "\"bodies_len\":".len();
        let len: String = header[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        edit_header(p, &format!("\"bodies_len\":{len}"), "\"bodies_len\":10");
    });
}

#[test]
fn truncated_body_file_is_detected_at_load() {
    let f = three();
    // Read now: a loaded corpus reads its bodies from the very file damaged below.
    let cold = articles(&f.load());
    let body = f.body_file();
    let len = fs::metadata(&body).unwrap().len();
    File::options()
        .write(true)
        .open(&body)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let r = f.load();
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.cache_misses, 3);
    assert_eq!(articles(&r), cold);
}

#[test]
fn damaged_body_read_fails_gracefully_and_is_rebuilt_next_time() {
    let f = three();
    let cold = articles(&f.load());
    let body = f.body_file();
    // Same length, different bytes: only the per-body checksum can tell.
    let mut bytes = fs::read(&body).unwrap();
    for b in bytes.iter_mut().take(12) {
        *b = b'#';
    }
    fs::write(&body, &bytes).unwrap();

    let warm = f.load();
    assert_eq!(warm.cache_hits, 3, "damage inside a body is found on read");
    let err = warm.corpus.body(0).unwrap_err();
    assert!(err.contains("damaged"), "{err}");
    assert!(warm.corpus.article(0).is_err());
    // The other bodies are still fine.
    assert_eq!(warm.corpus.body(2).unwrap(), cold[2].body);

    let next = f.load();
    assert_eq!(next.warnings.len(), 1, "{:?}", next.warnings);
    assert_eq!(next.cache_misses, 3);
    assert_eq!(articles(&next), cold);
    let after = f.load();
    assert!(after.warnings.is_empty(), "{:?}", after.warnings);
    assert_eq!(after.cache_hits, 3);
}

#[test]
fn other_parser_version_is_reparsed_without_warning() {
    let f = three();
    let cold = f.load();
    let meta = f.root_dir().join("meta.bin");
    let other = warta::model::PARSER_VERSION + 1;
    edit_header(
        &meta,
        &format!("\"parser\":{}", warta::model::PARSER_VERSION),
        &format!("\"parser\":{other}"),
    );
    let r = f.load();
    assert_eq!((r.cache_hits, r.cache_misses), (0, 3));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(articles(&r), articles(&cold));
    assert_eq!(f.load().cache_hits, 3);
}

#[test]
fn disabled_cache_writes_nothing() {
    let f = three();
    let r = load_with(
        &[Input::Path(f.corpus.clone())],
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
        &fake_parse,
    );
    assert_eq!(r.corpus.len(), 3);
    assert_eq!((r.cache_hits, r.cache_misses), (0, 0));
    assert_eq!(r.summary(), "loaded 3 articles from 3 files");
    assert!(!f.cache.exists());
    assert_eq!(fs::read_dir(&f.corpus).unwrap().count(), 3);
    assert_eq!(r.corpus.body(1).unwrap().body, ["beta body"]);
}

/// The cache disappears while a cold load is writing it (a `cache clear`, a full disk's
/// cleanup): the bodies already written stay readable through the open file, the rest of the
/// load goes on, and one warning says the cache was not written. Nothing is lost.
#[test]
fn a_cache_removed_mid_load_costs_no_article() {
    let n = 1200; // three parse chunks: the cache write has begun before the removal
    let files: Vec<(String, String)> = (0..n)
        .map(|i| (format!("{i:04}.txt"), format!("Judul {i}\nisi {i}\n")))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    let root = f.root_dir();
    let parse = move |path: &str, bytes: &[u8], format: Format| {
        if path.ends_with("/0900.txt") {
            let _ = fs::remove_dir_all(&root);
        }
        fake_parse(path, bytes, format)
    };
    let r = load_with(&[Input::Path(f.corpus.clone())], &f.opts(), &parse);
    assert_eq!(
        r.corpus.len(),
        n,
        "{:?} {:?}",
        r.warnings,
        r.skipped.first()
    );
    for i in [0, 511, 512, 899, 900, n - 1] {
        assert_eq!(r.corpus.meta(i).title, format!("Judul {i}"));
        assert_eq!(r.corpus.body(i).expect("body").body, [format!("isi {i}")]);
    }
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].contains("cannot write the cache"),
        "{:?}",
        r.warnings
    );
    // The next load parses again and writes a whole cache.
    let again = f.load();
    assert_eq!(again.cache_misses, n);
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(f.load().cache_hits, n);
}

#[test]
fn unwritable_cache_dir_loads_with_one_warning() {
    let f = three();
    let blocker = f.corpus.parent().unwrap().join("plain-file");
    fs::write(&blocker, "not a dir").unwrap();
    let opts = LoadOptions {
        cache: CacheMode::Dir(blocker.join("cache")),
    };
    let inputs = [
        Input::Path(f.corpus.join("a.txt")),
        Input::Path(f.corpus.join("b.txt")),
    ];
    let r = load_with(&inputs, &opts, &fake_parse);
    assert_eq!(titles(&r), ["Alpha", "Beta"]);
    assert_eq!(
        r.warnings.len(),
        1,
        "one warning for all roots: {:?}",
        r.warnings
    );
    assert!(r.warnings[0].contains("cannot write the cache"));
    assert_eq!(r.corpus.body(1).unwrap().body, ["beta body"]);
}

#[test]
fn info_and_clear() {
    let f = three();
    f.load();
    let other = f.corpus.parent().unwrap().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("x.txt"), "X\nx body\n").unwrap();
    load_with(&[Input::Path(other.clone())], &f.opts(), &fake_parse);
    // Something warta did not create, which clear must leave alone.
    fs::write(f.cache.join("keep-me"), "user file").unwrap();
    fs::create_dir(f.cache.join("vault")).unwrap();

    let info = cache::info(&f.cache);
    assert_eq!(info.corpora.len(), 2);
    let mut rows: Vec<(String, usize, usize)> = info
        .corpora
        .iter()
        .map(|c| (c.root.clone().unwrap(), c.files, c.articles))
        .collect();
    rows.sort();
    let root = fs::canonicalize(&f.corpus).unwrap();
    let other = fs::canonicalize(&other).unwrap();
    let mut want = vec![
        (root.to_string_lossy().into_owned(), 3, 3),
        (other.to_string_lossy().into_owned(), 1, 1),
    ];
    want.sort();
    assert_eq!(rows, want);
    assert!(info.total_bytes > 0);
    assert_eq!(
        info.total_bytes,
        info.corpora.iter().map(|c| c.bytes).sum::<u64>()
    );
    let shown = info.to_string();
    assert!(shown.contains("2 corpora cached"), "{shown}");
    assert!(shown.contains("3 files, 3 articles"), "{shown}");

    let freed = cache::clear(&f.cache).unwrap();
    assert_eq!(freed, info.total_bytes);
    assert!(f.cache.join("keep-me").is_file());
    assert!(f.cache.join("vault").is_dir());
    assert!(cache::info(&f.cache).corpora.is_empty());
    assert_eq!(f.load().cache_misses, 3);
    // Clearing a directory that does not exist frees nothing.
    assert_eq!(cache::clear(&f.cache.join("nope")).unwrap(), 0);
}

#[test]
fn parser_panic_costs_one_file_and_is_not_cached() {
    let f = three();
    f.write("p.txt", "PANIC here\n");
    let r = f.load();
    assert_eq!(titles(&r), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0].path.ends_with("p.txt"));
    assert_eq!(
        r.skipped[0].reason,
        SkipReason::Malformed("internal parser error".into())
    );
    let again = f.load();
    assert_eq!((again.cache_hits, again.cache_misses), (3, 1));
    assert_eq!(again.skipped.len(), 1);
}

/// The panic hook runs before the loader's guard catches the panic; it must be able to
/// tell, or the browser's hook restores the terminal under a running app.
#[test]
fn a_hook_can_tell_that_a_parser_panic_will_be_caught() {
    use std::sync::{Arc, Mutex};
    let seen: Arc<Mutex<Vec<(String, bool)>>> = Arc::default();
    let prev = std::panic::take_hook();
    {
        let seen = Arc::clone(&seen);
        std::panic::set_hook(Box::new(move |info| {
            let caught = warta::loader::panic_is_caught_here();
            seen.lock().unwrap().push((info.to_string(), caught));
        }));
    }
    let f = three();
    f.write("p.txt", "PANIC here\n");
    let r = f.load();
    drop(std::panic::take_hook());
    std::panic::set_hook(prev);
    assert_eq!(r.skipped.len(), 1);
    let seen = seen.lock().unwrap();
    assert!(
        seen.iter()
            .any(|(m, caught)| m.contains("synthetic parser bug") && *caught),
        "{seen:?}"
    );
    assert!(
        !warta::loader::panic_is_caught_here(),
        "only inside the guard"
    );
}

#[test]
fn records_come_out_by_path_then_index_and_bad_records_are_skipped() {
    let mut files: Vec<(String, String)> = (0..40)
        .rev()
        .map(|i| (format!("f{i:02}.txt"), format!("T{i:02}\nbody {i}\n")))
        .collect();
    files.push((
        "m.txt".into(),
        "M0\nx\n\n===\nBAD\n===\nM2\ny\n===\nM3\nz".into(),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    let mut want: Vec<String> = (0..40).map(|i| format!("T{i:02}")).collect();
    want.extend(["M0", "M2", "M3"].map(String::from));
    for _ in 0..2 {
        let r = f.load();
        assert_eq!(titles(&r), want);
        let m: Vec<Option<usize>> = r.corpus.metas()[40..].iter().map(|m| m.record).collect();
        assert_eq!(m, [Some(0), Some(2), Some(3)]);
        assert_eq!(r.skipped.len(), 1, "{:?}", r.skipped);
        assert!(r.skipped[0].path.ends_with("m.txt (record 1)"));
        assert_eq!(r.corpus.body(42).unwrap().body, ["z"]);
        assert_eq!(r.files_loaded, 41);
    }
}

#[test]
fn skipped_files_are_cached_with_their_reason() {
    let f = three();
    fs::write(f.corpus.join("bin.txt"), b"ab\x00cd").unwrap();
    fs::write(f.corpus.join("empty.txt"), b"").unwrap();
    let want = "loaded 3 articles from 3 files (2 skipped: 1 binary, 1 empty)";
    let cold = f.load();
    assert_eq!(cold.summary(), format!("{want}; cache: 0 hits, 5 misses"));
    let warm = f.load();
    assert_eq!(warm.summary(), format!("{want}; cache: 5 hits, 0 misses"));
    assert_eq!(warm.skipped, cold.skipped);
}

#[test]
fn duplicate_texts_keep_both_rows_with_one_warning() {
    let f = Fixture::new(&[("a.txt", "Same\nbody\n"), ("b.txt", "Same\nbody\n")]);
    let r = f.load();
    assert_eq!(r.corpus.len(), 2);
    assert_eq!(r.corpus.meta(0).id, r.corpus.meta(1).id);
    assert_eq!(r.duplicate_ids, 1);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
}

#[test]
fn repeated_edits_keep_the_body_file_compact() {
    let f = Fixture::new(&[
        ("a.txt", "A\naaaa\n"),
        ("b.txt", "B\nbbbb\n"),
        ("c.txt", "C\ncccc\n"),
        ("d.txt", "D\ndddd\n"),
    ]);
    f.load();
    for round in 0..12 {
        let text = format!("B{round}\n{}\n", "b".repeat(40 + round));
        f.modify("b.txt", &text);
        let r = f.load();
        assert_eq!((r.cache_hits, r.cache_misses), (3, 1), "round {round}");
        assert_eq!(r.corpus.meta(1).title, format!("B{round}"));
        assert_eq!(articles(&r), articles(&f.load()));
    }
    let r = f.load();
    let live: u64 = (0..r.corpus.len())
        .map(|i| {
            serde_json::to_vec(&r.corpus.body(i).unwrap())
                .unwrap()
                .len() as u64
                + 1
        })
        .sum();
    let on_disk = fs::metadata(f.body_file()).unwrap().len();
    assert!(
        on_disk <= 2 * live,
        "body file {on_disk} B for {live} B of live bodies"
    );
}

#[test]
fn overlapping_inputs_load_a_file_once() {
    let f = three();
    let inputs = [
        Input::Path(f.corpus.clone()),
        Input::Path(f.corpus.join("b.txt")),
    ];
    let r = load_with(&inputs, &f.opts(), &fake_parse);
    assert_eq!(titles(&r), ["Alpha", "Beta", "Gamma"]);
}

/// Runs in a child process of its own (`common::this_test`) with the variable set there:
/// setting it in this process would race with every other test reading the environment,
/// and leak into the warta processes they start.
#[test]
fn default_cache_dir_honours_the_environment() {
    const CHILD: &str = "WARTA_TEST_CACHE_DIR_CHILD";
    if let Some(want) = std::env::var_os(CHILD) {
        assert_eq!(cache::default_cache_dir(), Some(PathBuf::from(want)));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let want = dir.path().join("elsewhere");
    common::child_passes(
        common::this_test(module_path!(), "default_cache_dir_honours_the_environment")
            .env("WARTA_CACHE_DIR", &want)
            .env(CHILD, &want),
    );
}

// End to end with the real decoder and parser.

#[test]
fn real_parser_skips_binary_and_empty_files() {
    let f = Fixture::new(&[]);
    fs::write(
        f.corpus.join("good.txt"),
        "Warga Antusias Sambut Festival\n\nKOTA, KOMPAS.com - Ribuan warga datang ke alun-alun.\n",
    )
    .unwrap();
    fs::write(
        f.corpus.join("bin.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    fs::write(f.corpus.join("empty.txt"), b"").unwrap();
    let r = load(
        &[Input::Path(f.corpus.clone())],
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    );
    assert_eq!(
        r.summary(),
        "loaded 1 article from 1 file (2 skipped: 1 binary, 1 empty)"
    );
    let kinds: Vec<&str> = r.skipped.iter().map(|s| s.reason.kind()).collect();
    assert_eq!(kinds, ["binary", "empty"]);
    assert_eq!(r.files_seen, 3);
    assert!(r.corpus.meta(0).source_path.ends_with("good.txt"));
}

#[test]
fn embedded_inputs_load_five_articles() {
    let r = load(&loader::embedded_inputs(), &LoadOptions::default());
    assert_eq!(r.corpus.len(), 5, "{:?}", r.skipped);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.files_loaded, 5);
    assert_eq!(
        r.corpus.meta(0).source_path,
        "data/000_4c0f888a8b7f48f0.txt"
    );
    for i in 0..5 {
        assert!(!r.corpus.body(i).unwrap().body.is_empty());
    }
}

#[test]
fn real_corpus_warm_load_equals_cold_load() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/detik2025"
    ));
    if !dir.is_dir() {
        eprintln!("skipped: {} not present", dir.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let opts = LoadOptions {
        cache: CacheMode::Dir(tmp.path().to_path_buf()),
    };
    let inputs = [Input::Path(dir.to_path_buf())];
    let cold = load(&inputs, &opts);
    let warm = load(&inputs, &opts);
    assert!(cold.corpus.len() > 800, "{}", cold.summary());
    assert_eq!(warm.cache_misses, 0);
    assert_eq!(warm.corpus.metas(), cold.corpus.metas());
    for i in (0..cold.corpus.len()).step_by(37) {
        assert_eq!(warm.corpus.body(i).unwrap(), cold.corpus.body(i).unwrap());
    }
}

#[test]
fn loading_never_touches_a_missing_input() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let r = load_with(
        &[Input::Path(missing)],
        &LoadOptions {
            cache: CacheMode::Dir(tmp.path().join("cache")),
        },
        &fake_parse,
    );
    assert_eq!(r.corpus.len(), 0);
    assert_eq!(r.skipped.len(), 1, "{:?}", r.skipped);
}
