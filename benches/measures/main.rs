//! Measurements and reports over local corpora, run by hand: not tests (they assert little
//! and need data CI does not have), so they live here rather than as ignored tests.
//!
//! ```text
//! cargo bench --bench measures -- NAME [ARGS]
//!
//! decoding-rule          how often the UTF-8 / Windows-1252 rule in text::decode reads a
//!                        re-encoded or damaged article the other way
//! text-throughput        decode, sanitize, is_safe and parse_jsonl in MB/s
//! stem-report [OUT]      the corpora's words grouped by stem, for reading by eye
//!                        (default: stem_report.txt in the temp directory, or $STEM_REPORT)
//! body-search            stem-aware against literal `body:` search on ~100k articles
//! keystrokes             search time per typed prefix on ~100k articles
//! region-scan [DIR]      the region scan over a corpus folder (default: clickid2019)
//! staged-load PATH       where a staged load's time goes (WARTA_CACHE_DIR: the cache to use)
//! grouping PATH          copy grouping on one thread, again with the signature memo, and
//!                        installing the result in the app (cache under target/)
//! phases PATH...         where a search's time goes, phase by phase, with the full-text
//!                        index beside WARTA_CACHE_DIR opened read-only
//! ```
//!
//! The corpora are those of `../shared/corpora` next to the checkout; a measurement whose
//! corpus is absent says so and does nothing.

mod corpus;
mod phases;
mod search;
mod text;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use warta::loader::parse::parse_text;
use warta::model::Article;

// The allocator the binary ships with (src/main.rs), so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `../shared/corpora` next to the checkout.
fn corpora() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora")
}

/// The local corpus folder `name`, when present.
fn corpus_dir(name: &str) -> Option<PathBuf> {
    let dir = corpora().join(name);
    dir.is_dir().then_some(dir)
}

/// Every file of `dir` that decodes, parsed as a plain-text article.
fn read_articles(dir: &Path) -> Vec<Article> {
    let paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths
        .par_iter()
        .filter_map(|p| {
            let text = warta::text::decode(&std::fs::read(p).ok()?).ok()?;
            Some(parse_text(&text, &p.to_string_lossy()))
        })
        .collect()
}

fn main() {
    // cargo passes `--bench`; everything else is the measurement's name and arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let rest = args.get(1..).unwrap_or_default();
    let path = |what: &str| -> Option<PathBuf> {
        let p = rest.first().map(PathBuf::from);
        if p.is_none() {
            eprintln!("{what}: give a path after the name");
        }
        p
    };
    match args.first().map(String::as_str) {
        Some("decoding-rule") => text::decoding_rule(),
        Some("text-throughput") => text::throughput(),
        Some("stem-report") => search::stem_report(rest.first().map(PathBuf::from)),
        Some("body-search") => search::body_stemmed_vs_literal(),
        Some("keystrokes") => search::keystrokes(),
        Some("region-scan") => corpus::region_scan(rest.first().map(PathBuf::from)),
        Some("staged-load") => {
            if let Some(p) = path("staged-load") {
                corpus::staged_load(&p);
            }
        }
        Some("grouping") => {
            if let Some(p) = path("grouping") {
                corpus::grouping(&p);
            }
        }
        Some("phases") => {
            if rest.is_empty() {
                eprintln!("phases: give the corpus paths after the name");
            } else {
                let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
                phases::phases(&paths);
            }
        }
        _ => {
            // The list of measurements is the module's documentation.
            eprintln!("usage: cargo bench --bench measures -- NAME [ARGS]; names:");
            for name in [
                "decoding-rule",
                "text-throughput",
                "stem-report [OUT]",
                "body-search",
                "keystrokes",
                "region-scan [DIR]",
                "staged-load PATH",
                "grouping PATH",
                "phases PATH...",
            ] {
                eprintln!("  {name}");
            }
        }
    }
}
