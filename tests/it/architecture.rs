//! The rules of the layout, checked on every `cargo test` (ARCHITECTURE.md explains them):
//! domain modules never reach the terminal or the front end, and no two top-level modules
//! import each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that know nothing of a terminal: the data, the files, search, triage.
const DOMAIN: &[&str] = &[
    "cache",
    "cluster",
    "corpus",
    "facets",
    "fsutil",
    "index",
    "lexicon",
    "loader",
    "log",
    "model",
    "own_dirs",
    "paths",
    "query",
    "quick",
    "regions",
    "report",
    "safe_read",
    "skip",
    "style",
    "team",
    "text",
    "triage",
    "url",
    "watch",
];
/// The front end: what a domain module must not import.
const FRONT: &[&str] = &[
    "app", "ui", "tui", "cli", "commands", "config", "keymap", "external", "man",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Each file's top-level module and its text without its unit tests.
fn sources() -> Vec<(String, PathBuf, String)> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&root).ok()?.to_path_buf();
            let top = rel.components().next()?.as_os_str().to_string_lossy();
            let top = top.trim_end_matches(".rs").to_string();
            if top == "main" || top == "lib" {
                return None;
            }
            let text = std::fs::read_to_string(&p).ok()?;
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default()
                .to_string();
            Some((top, rel, code))
        })
        .collect()
}

/// The top-level modules `code` names through `crate::`.
fn crate_refs(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn domain_modules_never_import_the_terminal_or_the_front_end() {
    let mut wrong = Vec::new();
    for (top, rel, code) in sources() {
        if !DOMAIN.contains(&top.as_str()) {
            continue;
        }
        for lib in ["ratatui", "crossterm"] {
            if code.contains(&format!("{lib}::")) {
                wrong.push(format!("{}: uses {lib}", rel.display()));
            }
        }
        for m in crate_refs(&code) {
            if FRONT.contains(&m.as_str()) {
                wrong.push(format!("{}: imports crate::{m}", rel.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_module_is_listed_as_domain_or_front_end() {
    let known: BTreeSet<&str> = DOMAIN.iter().chain(FRONT).copied().collect();
    let tops: BTreeSet<String> = sources().into_iter().map(|(t, _, _)| t).collect();
    let unlisted: Vec<&String> = tops
        .iter()
        .filter(|t| !known.contains(t.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "say in tests/it/architecture.rs (and ARCHITECTURE.md) whether these are domain or \
         front end: {unlisted:?}"
    );
}

#[test]
fn no_two_top_level_modules_import_each_other() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (top, _, code) in sources() {
        let refs = crate_refs(&code);
        edges
            .entry(top.clone())
            .or_default()
            .extend(refs.into_iter().filter(|m| *m != top));
    }
    let mut cycles = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if a < b && edges.get(b).is_some_and(|t| t.contains(a)) {
                cycles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(cycles.is_empty(), "module cycles: {cycles:?}");
}
