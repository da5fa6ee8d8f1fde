//! What the parser removes from bodies, what non-body text it leaves in them, and which
//! authors it finds, over the real corpora in `../shared/corpora`.
//!
//! ```text
//! cargo run --example boilerplate_audit -- [--shared DIR] [--dump DIR]
//! ```
//!
//! Prints, per corpus: articles; removed lines by kind; body paragraphs that still look like
//! non-body text, by form (the suspects are found by deliberately loose patterns, so the
//! counts are an upper bound to be read, not a score); authors and editors found and authors
//! that look bogus (an outlet, a unit, a fragment). With `--dump DIR` every removed line
//! (`DIR/removed-<kind>.txt`), every suspect (`DIR/left-<form>.txt`) and every author
//! (`DIR/authors.txt`, with counts) is written out for reading, each line prefixed by its
//! article, so that no real paragraph is dropped unseen. Nothing is copied into the
//! repository; without the corpora the example says so and exits successfully.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use warta::loader::parse_bytes;
use warta::model::{Article, Format, RemovedKind};

/// Forms of non-body text that can stay in a body. Loose on purpose (a suspect is read, not
/// trusted), but each pattern is one a furniture line has and prose rarely does.
fn left_form(p: &str) -> Option<&'static str> {
    let low = p.to_lowercase();
    let bare = low.trim_start_matches(['\'', '"', '\u{201c}', '\u{2018}', '(', '[', ' ', '*']);
    let short = p.len() < 200;
    if !p.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    if low.contains("advertisement") || low.contains("scroll to continue") {
        return Some("ad-scroll");
    }
    if low.contains("[gambas")
        || (short
            && [
                "simak juga",
                "simak video",
                "tonton juga",
                "tonton video",
                "lihat juga video",
                "lihat video",
                "saksikan video",
            ]
            .iter()
            .any(|w| bare.starts_with(w)))
    {
        return Some("video-prompt");
    }
    let numbers: Vec<&str> = p.split_whitespace().collect();
    if p.len() < 60
        && ([
            "halaman selanjutnya",
            "halaman berikutnya",
            "next page",
            "baca halaman",
        ]
        .iter()
        .any(|w| low.contains(w))
            || low.trim_end_matches(['.', ' ']) == "selanjutnya"
            || (numbers.len() >= 2
                && numbers
                    .iter()
                    .all(|w| w.bytes().all(|b| b.is_ascii_digit()))))
    {
        return Some("pagination");
    }
    if low.contains("loading...") || low.starts_with('\u{a9}') || low.contains("copyright") {
        return Some("footer");
    }
    if p.len() < 150
        && ([
            "penulis:",
            "editor:",
            "reporter:",
            "pewarta:",
            "narator:",
            "narasi:",
            "penyunting:",
        ]
        .iter()
        .any(|w| low.contains(w))
            || bare.starts_with("laporan wartawan")
            || bare.starts_with("penulis adalah"))
    {
        return Some("credit");
    }
    if p.len() < 50
        && !p.contains(',')
        && (bare.starts_with("oleh ") || bare.starts_with("oleh:"))
        && !bare.starts_with("oleh karena")
        && !bare.starts_with("oleh sebab")
    {
        return Some("column-byline");
    }
    if p.len() < 150
        && (bare.starts_with("foto:")
            || bare.starts_with("foto :")
            || low.contains("(foto:")
            || bare.starts_with("dok.")
            || bare.starts_with("ilustrasi -")
            || bare.starts_with("caption:")
            || (bare.starts_with("tangkapan layar") && p.contains(['/', '@'])))
    {
        return Some("caption");
    }
    if short && (bare.starts_with("baca:") || bare.starts_with("baca juga")) {
        return Some("related");
    }
    None
}

/// A last paragraph with no closing punctuation, most words capitalised: a headline?
fn last_line_headline(p: &str) -> bool {
    if p.len() > 200 || p.ends_with(['.', '"', '\u{201d}', ')', '\'', ':', ',']) {
        return false;
    }
    let words: Vec<&str> = p.split_whitespace().filter(|w| w.len() > 3).collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 3 >= words.len() * 2
}

/// An author that is not a person: an outlet, a unit, a sentence fragment, a tag.
fn bogus_author(a: &str) -> bool {
    let low = a.to_lowercase();
    let words = a.split_whitespace().count();
    words == 0
        || words > 6
        || a.contains(['#', '@', ':', '|'])
        || a.chars().any(|c| c.is_ascii_digit())
        || !a.chars().next().is_some_and(char::is_uppercase)
        || [
            ".com", ".co", ".id", "detik", "kompas", "tribun", "tempo", "okezone", "antara",
            "sindo", "kominfo", "humas", "ikp", "polres", "pemkab", "pemkot", "artikel", "foto",
            "redaksi", "tim ", "media", "news", "fimela", "liputan6",
        ]
        .iter()
        .any(|w| low.contains(w))
}

#[derive(Default)]
struct Tally {
    articles: usize,
    removed: BTreeMap<RemovedKind, usize>,
    left: BTreeMap<&'static str, usize>,
    with_author: usize,
    with_editor: usize,
    authors: BTreeMap<String, usize>,
    bogus: usize,
}

fn load(shared: &Path) -> Vec<(String, Vec<Article>)> {
    let mut out = Vec::new();
    for name in ["detik2025", "clickid2019"] {
        let dir = shared.join(name);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let arts: Vec<Article> = files
            .par_iter()
            .filter_map(|f| {
                let bytes = std::fs::read(f).ok()?;
                parse_bytes(&f.to_string_lossy(), &bytes, Format::Txt)
                    .ok()
                    .map(|(a, _)| a)
            })
            .flatten()
            .collect();
        out.push((format!("{name}/*.txt"), arts));
        let jl = shared.join(format!("{name}.jsonl"));
        if let Ok(bytes) = std::fs::read(&jl)
            && let Ok((arts, _)) = parse_bytes(&jl.to_string_lossy(), &bytes, Format::Jsonl)
        {
            out.push((format!("{name}.jsonl"), arts));
        }
    }
    out
}

fn short_source(a: &Article) -> String {
    let file = Path::new(&a.meta.source_path)
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    match a.meta.record {
        Some(r) => format!("{file}#{r}"),
        None => file,
    }
}

fn main() -> std::io::Result<()> {
    let mut shared = PathBuf::from("../shared/corpora");
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shared" => shared = args.next().map(PathBuf::from).unwrap_or(shared),
            "--dump" => dump = args.next().map(PathBuf::from),
            _ => {
                eprintln!("usage: boilerplate_audit [--shared DIR] [--dump DIR]");
                std::process::exit(2);
            }
        }
    }
    if !shared.is_dir() {
        println!("{} not found: nothing to audit", shared.display());
        return Ok(());
    }
    let corpora = load(&shared);
    let mut removed_txt: BTreeMap<RemovedKind, String> = BTreeMap::new();
    let mut left_txt: BTreeMap<&str, String> = BTreeMap::new();
    let mut all_authors: BTreeMap<String, usize> = BTreeMap::new();
    let mut tallies = Vec::new();
    for (name, arts) in &corpora {
        let mut t = Tally {
            articles: arts.len(),
            ..Tally::default()
        };
        for a in arts {
            let src = short_source(a);
            for r in &a.body.boilerplate {
                *t.removed.entry(r.kind).or_default() += 1;
                let _ = writeln!(removed_txt.entry(r.kind).or_default(), "{src}\t{}", r.text);
            }
            if let Some(last) = a.body.body.last().filter(|_| a.body.body.len() > 1)
                && last_line_headline(last)
            {
                *t.left.entry("last-line-headline").or_default() += 1;
                let _ = writeln!(
                    left_txt.entry("last-line-headline").or_default(),
                    "{src}\t{last}"
                );
            }
            for p in &a.body.body {
                if let Some(form) = left_form(p) {
                    *t.left.entry(form).or_default() += 1;
                    let _ = writeln!(left_txt.entry(form).or_default(), "{src}\t{p}");
                }
            }
            t.with_author += usize::from(!a.meta.authors.is_empty());
            t.with_editor += usize::from(a.meta.editor.is_some());
            for au in &a.meta.authors {
                *t.authors.entry(au.clone()).or_default() += 1;
                *all_authors.entry(au.clone()).or_default() += 1;
                t.bogus += usize::from(bogus_author(au));
            }
        }
        tallies.push((name.clone(), t));
    }
    let kinds = RemovedKind::ALL;
    let mut forms: Vec<&str> = tallies
        .iter()
        .flat_map(|(_, t)| t.left.keys().copied())
        .collect();
    forms.sort_unstable();
    forms.dedup();
    print!("| | ");
    println!(
        "{} |",
        tallies
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---:|".repeat(tallies.len()));
    let row = |label: &str, f: &dyn Fn(&Tally) -> usize| {
        let cells: Vec<String> = tallies.iter().map(|(_, t)| f(t).to_string()).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    row("articles", &|t| t.articles);
    for k in kinds {
        row(&format!("removed: {k}"), &|t| {
            t.removed.get(&k).copied().unwrap_or(0)
        });
    }
    for f in &forms {
        row(&format!("left in body: {f}"), &|t| {
            t.left.get(f).copied().unwrap_or(0)
        });
    }
    row("articles with an author", &|t| t.with_author);
    row("articles with an editor", &|t| t.with_editor);
    row("distinct authors", &|t| t.authors.len());
    row("bogus-looking author mentions", &|t| t.bogus);
    if let Some(dir) = dump {
        std::fs::create_dir_all(&dir)?;
        for (k, text) in &removed_txt {
            std::fs::write(dir.join(format!("removed-{k}.txt")), text)?;
        }
        for (f, text) in &left_txt {
            std::fs::write(dir.join(format!("left-{f}.txt")), text)?;
        }
        let mut authors: Vec<(&String, &usize)> = all_authors.iter().collect();
        authors.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut text = String::new();
        for (a, n) in authors {
            let flag = if bogus_author(a) { "BOGUS?" } else { "" };
            let _ = writeln!(text, "{n}\t{flag}\t{a}");
        }
        std::fs::write(dir.join("authors.txt"), text)?;
        println!("lists written to {}", dir.display());
    }
    Ok(())
}
