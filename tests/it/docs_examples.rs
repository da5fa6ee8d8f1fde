//! The examples in the README, `--help` and the man page run against the bundled corpus, so
//! an id they name cannot drift from the articles again.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env("WARTA_DATA_DIR", cache.join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta")
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// Every help text: the top one and each subcommand's.
fn help_texts(cache: &Path) -> Vec<String> {
    let top = String::from_utf8(warta(&["--help"], cache).stdout).unwrap();
    let mut out = vec![top.clone()];
    for sub in [
        "list",
        "show",
        "search",
        "parse",
        "stats",
        "export",
        "cache",
        "config",
        "repair",
        "completions",
        "man",
    ] {
        let o = warta(&[sub, "--help"], cache);
        assert!(o.status.success(), "{sub} --help");
        out.push(String::from_utf8(o.stdout).unwrap());
    }
    out
}

/// `warta show ID …` examples as the arguments to run on the bundled corpus: up to a
/// comment, a pipe or a redirection, without the example's own folder (`~/berita`).
fn show_examples(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|l| {
            let at = l.find("warta show ")?;
            let example = &l[at + "warta ".len()..];
            // A help line's description follows after a run of spaces.
            let example = example.split("  ").next().unwrap_or_default();
            let args: Vec<String> = example
                .split_whitespace()
                .take_while(|w| !matches!(*w, "#" | "|" | ">") && !w.starts_with('`'))
                .filter(|w| !w.starts_with('~'))
                .map(str::to_string)
                .collect();
            // The README's usage table (`warta show ID [PATH]...`) is syntax, not an example.
            (args
                .get(1)
                .is_some_and(|id| id.chars().all(|c| c.is_ascii_hexdigit())))
            .then_some(args)
        })
        .collect()
}

#[test]
fn every_show_example_finds_its_article() {
    let cache = tempfile::tempdir().unwrap();
    let mut texts = help_texts(cache.path());
    texts.push(readme());
    let examples: Vec<Vec<String>> = texts.iter().flat_map(|t| show_examples(t)).collect();
    // The top help and `show --help` have them; the test must not pass by finding none.
    assert!(examples.len() >= 3, "{examples:?}");
    for args in examples {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = warta(&args, cache.path());
        assert!(
            o.status.success() && !o.stdout.is_empty(),
            "warta {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn ids_in_the_readme_samples_are_the_bundled_articles() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["list", "--format", "csv"], cache.path());
    let mut rows = csv::Reader::from_reader(&o.stdout[..]);
    let articles: Vec<(String, String)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    let mut checked = 0;
    for line in readme().lines() {
        // A sample row: `ID,TITLE…,…`.
        let line = line.trim();
        let Some((id, rest)) = line.split_once(',') else {
            continue;
        };
        if id.len() != 16 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        let title = rest.split([',', '…']).next().unwrap_or_default();
        let found = articles.iter().find(|(i, _)| i == id);
        assert!(
            found.is_some(),
            "README names {id}, which no bundled article has"
        );
        let (_, real) = found.unwrap();
        assert!(
            real.starts_with(title),
            "{id} is \"{real}\", README says \"{title}\""
        );
        checked += 1;
    }
    assert!(checked >= 1, "no sample row found in the README");
}

#[test]
fn the_man_page_has_keys_query_files_and_unmangled_examples() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["man"], cache.path());
    assert!(o.status.success());
    let page = String::from_utf8(o.stdout).unwrap();
    for section in [
        ".SH EXAMPLES",
        ".SH KEYS",
        ".SH \"QUERY LANGUAGE\"",
        ".SH FILES",
        ".SH \"SEE ALSO\"",
    ] {
        assert!(page.contains(section), "{section} missing:\n{page}");
    }
    assert!(
        !page.contains("warta-help"),
        "names a page that is not written"
    );
    // Examples keep one per line (no-fill), aligned as in --help.
    let examples = &page[page.find(".SH EXAMPLES").unwrap()..];
    let block = &examples[examples.find(".nf").unwrap()..examples.find(".fi").unwrap()];
    assert!(
        block.lines().any(|l| l.starts_with("warta show 22dee9 ")),
        "{block}"
    );
    assert!(block.lines().count() > 10, "{block}");
    // Keys come from the keymap; query rows from the help overlay.
    assert!(page.contains("\\fBq, ctrl\\-c\\fR\nquit"), "{page}");
    assert!(page.contains("topic:"), "{page}");
    // Every page `man --dir` writes exists, and none is named that is not written.
    let dir = tempfile::tempdir().unwrap();
    let o = warta(
        &["man", "--dir", dir.path().to_str().unwrap()],
        cache.path(),
    );
    assert!(o.status.success());
    let see_also = &page[page.find(".SH \"SEE ALSO\"").unwrap()..];
    for name in see_also.split("\\fBwarta\\-").skip(1) {
        let name = &name[..name.find("\\fR").unwrap()];
        let file = dir
            .path()
            .join(format!("warta-{}.1", name.replace("\\-", "-")));
        assert!(file.exists(), "SEE ALSO names {}", file.display());
    }
}

#[test]
fn the_query_summary_in_help_names_every_field() {
    let cache = tempfile::tempdir().unwrap();
    let top = String::from_utf8(warta(&["--help"], cache.path()).stdout).unwrap();
    for field in [
        "topic:",
        "is:new",
        "has:copies",
        "prov:",
        "region:",
        "label:",
    ] {
        assert!(top.contains(field), "{field} missing from --help");
    }
}
