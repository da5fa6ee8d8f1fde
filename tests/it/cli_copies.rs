//! Syndicated copies outside the browser's list: `has:copies` in `list`, `search` and
//! `export` (driven through the real binary), the export's `cluster` column and nested
//! Markdown copies, and the detail pane's `Copies` / `Copy of` header lines.
//!
//! The corpus is the five seeds from `data/` plus a copy of seed 000 under a new headline
//! with a "Baca juga" line added, as a syndicating outlet would publish it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use warta::app::{self, Action, App};
use warta::cluster;
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;

const COPY_HEADLINE: &str = "Kabag Prokopim Muratara Minta Maaf Usai Siaran Langsung Pegawai";

fn seed_text(n: usize) -> String {
    String::from_utf8_lossy(EMBEDDED[n].1).replace("\r\n", "\n")
}

/// Seed 000 with its headline (the first line and its repeat) replaced and a related-story
/// line added: the body paragraphs are unchanged.
fn copy_of_seed0() -> String {
    let text = seed_text(0);
    let original = text.lines().next().unwrap_or_default().to_string();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for l in &mut lines {
        if l.trim().starts_with(original.trim()) {
            *l = COPY_HEADLINE.to_string();
        }
    }
    let mut out = lines.join("\n");
    out.push_str("\n\nBaca juga: Harga Cabai Merah di Pasar Induk Naik Jelang Akhir Pekan\n");
    out
}

/// A folder with the five seeds and the copy.
fn corpus_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("berita");
    std::fs::create_dir(&root).unwrap();
    for (name, bytes) in EMBEDDED {
        std::fs::write(root.join(name), bytes).unwrap();
    }
    std::fs::write(root.join("copy_000.txt"), copy_of_seed0()).unwrap();
    (dir, root)
}

/// Runs warta with its cache and triage store in `tmp` (never the user's).
fn warta(args: &[&str], tmp: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .arg("--cache-dir")
        .arg(tmp.join("cache"))
        .env("WARTA_DATA_DIR", tmp.join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "warta failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn seed0_title() -> String {
    parse_text(&seed_text(0), EMBEDDED[0].0).meta.title
}

#[test]
fn list_and_search_with_has_copies_print_exactly_the_two_copies() {
    let (tmp, root) = corpus_dir();
    let root = root.to_str().unwrap();
    let all = ok(&warta(&["list", root], tmp.path()));
    assert_eq!(all.lines().count(), 6, "{all}");

    let out = ok(&warta(&["list", "--query", "has:copies", root], tmp.path()));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(
        lines.iter().filter(|l| l.ends_with(COPY_HEADLINE)).count(),
        1,
        "{out}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.ends_with(&seed0_title())).count(),
        1,
        "{out}"
    );

    // Negated, the other four seeds remain.
    let out = ok(&warta(
        &["list", "--query", "!has:copies", root],
        tmp.path(),
    ));
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(!out.contains(COPY_HEADLINE), "{out}");

    // Combined with a text term in `search`: only the copies that also match it.
    let out = ok(&warta(&["search", "has:copies prokopim", root], tmp.path()));
    assert_eq!(out.lines().count(), 2, "{out}");
    let out = ok(&warta(&["search", "has:copies blora", root], tmp.path()));
    assert_eq!(out.lines().count(), 0, "{out}");
}

#[test]
fn export_csv_carries_one_cluster_id_for_both_copies() {
    let (tmp, root) = corpus_dir();
    let csv_path = tmp.path().join("x.csv");
    let root = root.to_str().unwrap();
    let o = warta(
        &[
            "export",
            "--query",
            "has:copies",
            "-o",
            csv_path.to_str().unwrap(),
            root,
        ],
        tmp.path(),
    );
    ok(&o);
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let header = r.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, cluster) = (at("id"), at("cluster"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(!rows[0][cluster].is_empty());
    assert_eq!(rows[0][cluster], rows[1][cluster]);
    // The cluster id is the article id of one of them: the story's earliest copy.
    assert!(rows.iter().any(|row| row[id] == rows[0][cluster]));

    // A full export still lists every article; only the two copies carry a cluster.
    let all = ok(&warta(&["export", "--format", "jsonl", root], tmp.path()));
    let records: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6);
    let clustered: Vec<&serde_json::Value> =
        records.iter().filter(|r| !r["cluster"].is_null()).collect();
    assert_eq!(clustered.len(), 2);
    assert_eq!(clustered[0]["cluster"], rows[0][cluster]);
}

#[test]
fn the_markdown_brief_lists_the_copy_under_its_story() {
    let (tmp, root) = corpus_dir();
    let md = ok(&warta(
        &["export", "--format", "md", root.to_str().unwrap()],
        tmp.path(),
    ));
    let (original, copy) = (seed0_title(), COPY_HEADLINE.to_string());
    let entry = |title: &str| {
        md.lines()
            .position(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title:?} missing in\n{md}"))
    };
    let (a, b) = (entry(&original), entry(&copy));
    let lines: Vec<&str> = md.lines().collect();
    // One of the two is the story's entry, the other a copy nested right under it.
    let (head, nested) = if a < b { (a, b) } else { (b, a) };
    assert!(lines[head].starts_with("- "), "{md}");
    assert!(lines[nested].starts_with("  - copy: "), "{md}");
    assert_eq!(nested, head + 1, "{md}");
    assert_eq!(md.matches("  - copy: ").count(), 1, "{md}");
}

// ---- The detail pane ----

/// Seeds at 0..5, the copy at 5.
fn app_with_copy() -> App {
    let mut articles: Vec<_> = (0..EMBEDDED.len())
        .map(|n| parse_text(&seed_text(n), EMBEDDED[n].0))
        .collect();
    articles.push(parse_text(&copy_of_seed0(), "copy_000.txt"));
    let mut app = App::new(
        Corpus::from_articles(articles),
        Keymap::default().key_help(),
    );
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(100, 30));
    app::search_now(&mut app);
    app
}

fn detail_text(app: &App) -> Vec<String> {
    let doc = app.detail.doc.as_ref().expect("a detail document");
    doc.lines.iter().map(|l| l.text()).collect()
}

/// Moves the cursor to the row showing article `index` and lays its detail out.
fn show(app: &mut App, index: usize) {
    let row = app
        .list
        .shown
        .iter()
        .position(|h| h.index == index)
        .expect("a row for the article");
    app.list.cursor = row;
    app.anchor();
    app.fix_view();
    assert_eq!(app.detail.doc.as_ref().map(|d| d.index), Some(index));
}

#[test]
fn the_detail_header_names_copies_once_clusters_arrive() {
    let mut app = app_with_copy();
    let (_, clusters) = cluster::cluster_corpus(&app.corpus);
    let members = clusters
        .cluster_of(0)
        .map(|c| clusters.members(c).to_vec())
        .expect("seed 000 and its copy are grouped");
    assert_eq!(members.len(), 2);
    let (rep, copy) = (members[0], members[1]);

    show(&mut app, rep);
    let before = detail_text(&app);
    assert!(
        !before
            .iter()
            .any(|l| l.starts_with("Copies") || l.starts_with("Copy of")),
        "{before:#?}"
    );

    // Installing the clusters re-lays the shown article out with its copies named.
    let identity = app.corpus.identity();
    assert!(app.install_clusters(identity, Arc::new(clusters)));
    assert_eq!(app.detail.doc.as_ref().map(|d| d.index), Some(rep));
    let lines = detail_text(&app);
    let copy_meta = app.corpus.meta(copy).clone();
    let date = copy_meta
        .published
        .map(|d| d.to_string())
        .unwrap_or_default();
    let place = copy_meta.outlet.clone().unwrap_or_default();
    let copies = lines
        .iter()
        .find(|l| l.starts_with("Copies     +1: "))
        .unwrap_or_else(|| panic!("no Copies line in {lines:#?}"));
    assert!(
        copies.contains(&place) && copies.contains(&date),
        "{copies}"
    );

    // The copy (listed under its expanded group) names the story's earliest run.
    show(&mut app, rep);
    app::update_sync(&mut app, Action::ToggleGroup);
    show(&mut app, copy);
    let lines = detail_text(&app);
    let rep_meta = app.corpus.meta(rep).clone();
    // The field wraps: its value is the label line plus the indented lines under it.
    let at = lines
        .iter()
        .position(|l| l.starts_with("Copy of    "))
        .unwrap_or_else(|| panic!("no Copy of line in {lines:#?}"));
    let mut of = lines[at]["Copy of".len()..].trim().to_string();
    for l in lines[at + 1..]
        .iter()
        .take_while(|l| l.starts_with("           "))
    {
        of.push(' ');
        of.push_str(l.trim());
    }
    let place = rep_meta.outlet.clone().unwrap_or_default();
    let date = rep_meta
        .published
        .map(|d| d.to_string())
        .unwrap_or_default();
    assert_eq!(of, format!("{place} {date}, {}", rep_meta.title));
    assert!(!lines.iter().any(|l| l.starts_with("Copies")), "{lines:#?}");
}
