//! The library's records reaching warta.log, with the logger installed as the binary does.
//! One test only: the logger is global to the process, so this binary holds nothing else.

use std::path::Path;

use warta::loader::{self, CacheMode, Input, LoadOptions, SkipReason};
use warta::model::{Article, Format, Meta};

fn parse(
    path: &str,
    bytes: &[u8],
    _: Format,
) -> Result<(Vec<Article>, Vec<loader::Skipped>), SkipReason> {
    if bytes.starts_with(b"PANIC") {
        panic!("synthetic parser bug");
    }
    let meta = Meta {
        title: String::from_utf8_lossy(bytes).into_owned(),
        source_path: path.to_string(),
        ..Meta::default()
    };
    Ok((
        vec![Article {
            meta,
            ..Article::default()
        }],
        Vec::new(),
    ))
}

#[test]
fn a_parser_panic_and_an_unremovable_file_are_logged_with_their_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    warta::log::init(Some(&data), log::LevelFilter::Warn);
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("ok.txt"), "Judul").unwrap();
    std::fs::write(corpus.join("bad.txt"), "PANIC").unwrap();
    let opts = LoadOptions {
        cache: CacheMode::Disabled,
    };
    let r = loader::load_with(&[Input::Path(corpus.clone())], &opts, &parse);
    assert_eq!(r.corpus.len(), 1);

    // A folder where a stale file was to be removed cannot go with remove_file.
    let stuck = tmp.path().join("stuck");
    std::fs::create_dir(&stuck).unwrap();
    std::fs::write(stuck.join("inside"), "x").unwrap();
    warta::fsutil::remove_stale(&stuck);
    warta::fsutil::remove_stale(&tmp.path().join("already-gone"));

    let log = std::fs::read_to_string(data.join(warta::log::LOG_FILE)).expect("a log");
    let shown = |p: &Path| p.display().to_string();
    assert!(
        log.lines().any(|l| l.contains(" ERROR ")
            && l.contains(&shown(&corpus.join("bad.txt")))
            && l.contains("synthetic parser bug")),
        "{log}"
    );
    assert!(
        log.lines().any(
            |l| l.contains(" WARN ") && l.contains(&format!("cannot remove {}", shown(&stuck)))
        ),
        "{log}"
    );
    assert!(
        !log.contains("already-gone"),
        "a file already gone is no problem: {log}"
    );
}
