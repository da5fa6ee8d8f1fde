//! warta's cache and data directories inside the corpus folder are not read as articles: the
//! count stays the same however often warta starts (it grew by the cache's own bodies on
//! every start: 5, 10, 15 …), and no triage or session file is reported as a skipped article.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn seeds(to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for e in std::fs::read_dir(&data).expect("data dir") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}

fn stats(corpus: &Path, cache: &Path, data: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("stats")
        .arg(corpus)
        .env("HOME", corpus.parent().expect("parent"))
        .env("WARTA_CACHE_DIR", cache)
        .env("WARTA_DATA_DIR", data)
        .env("WARTA_CONFIG", corpus.join("no-config.toml"))
        .output()
        .expect("run warta");
    assert!(out.status.success(), "{out:?}");
    out
}

/// The `articles` line of `warta stats`, and every line of stderr.
fn count_and_problems(out: &Output) -> (String, String) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let articles = stdout
        .lines()
        .find(|l| l.starts_with("articles"))
        .expect("an articles line")
        .split_whitespace()
        .last()
        .expect("a count")
        .to_string();
    (articles, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_cache_and_data_dirs_inside_the_corpus_are_left_out_on_every_start() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    seeds(&corpus);
    let (cache, data) = (corpus.join("cache"), corpus.join("data"));
    // A data directory as the browser leaves it.
    std::fs::create_dir_all(data.join("sessions")).expect("mkdir");
    std::fs::write(data.join("lock"), "123\n").expect("lock");
    std::fs::write(
        data.join("journal.jsonl"),
        "{\"seq\":1,\"at\":\"2025-01-01T00:00:00Z\",\"op\":{\"star\":[\"abc\"]},\"before\":{}}\n",
    )
    .expect("journal");
    for start in 1..=3 {
        let (count, problems) = count_and_problems(&stats(&corpus, &cache, &data));
        assert_eq!(count, "5", "start {start}: {problems}");
        assert!(!problems.contains("skipped"), "start {start}: {problems}");
        assert!(!problems.contains("same text"), "start {start}: {problems}");
    }
}

#[test]
fn another_runs_cache_and_data_dirs_are_known_by_their_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    seeds(&corpus);
    // An earlier run kept its cache inside the corpus; this one keeps it elsewhere.
    let old_cache = corpus.join("old-cache");
    let elsewhere: PathBuf = tmp.path().join("elsewhere");
    stats(&corpus, &old_cache, &elsewhere.join("data"));
    // A data folder of another setup, with a session in it.
    let old_data = corpus.join("warta-data");
    std::fs::create_dir_all(old_data.join("sessions")).expect("mkdir");
    std::fs::write(old_data.join("lock"), "").expect("lock");
    std::fs::write(
        old_data.join("sessions/0123456789abcdef.json"),
        "{\"version\":1,\"query\":\"viral\"}",
    )
    .expect("session");
    for start in 1..=2 {
        let out = stats(&corpus, &elsewhere.join("cache"), &elsewhere.join("data"));
        let (count, problems) = count_and_problems(&out);
        assert_eq!(count, "5", "start {start}: {problems}");
        assert!(!problems.contains("skipped"), "start {start}: {problems}");
    }
    // A folder that only looks a bit like one is read as usual.
    let lookalike = corpus.join("v2/0123456789abcdef");
    std::fs::create_dir_all(&lookalike).expect("mkdir");
    std::fs::copy(
        corpus.join("000_4c0f888a8b7f48f0.txt"),
        lookalike.join("copy.txt"),
    )
    .expect("copy");
    let out = stats(&corpus, &elsewhere.join("cache"), &elsewhere.join("data"));
    assert_eq!(count_and_problems(&out).0, "6");
}
