//! How dense must a `~fuzzy` title match be? Measured on the real titles in ../shared/corpora.
//!
//! For a few hundred titles picked at random (fixed seed), it makes the patterns people type
//! when they half remember a title: one long word without its vowels ("pemkab" → "pmkb"), and
//! the starts of two neighbouring words ("bupati blora" → "bupblo"). For each candidate rule
//! (the matched letters must lie within K times the pattern's length, or anywhere) it reports
//! how often the title sought is found, and how many titles of the corpus match as well.
//!
//! Usage: cargo run --release --example eval_fuzzy [-- --shared DIR]

use std::path::{Path, PathBuf};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use warta::loader::{self, Input, LoadOptions};
use warta::text::fold;

/// The spreads compared: `None` is skim's own rule (any subsequence).
const RULES: [Option<f32>; 6] = [Some(1.5), Some(2.0), Some(2.5), Some(3.0), Some(4.0), None];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shared = args
        .iter()
        .position(|a| a == "--shared")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    for rel in ["detik2025", "clickid2019.jsonl"] {
        let path = shared.join(rel);
        if !path.exists() {
            println!("skipped {rel}: not in {}", shared.display());
            continue;
        }
        let corpus = loader::load(&[Input::Path(path.clone())], &LoadOptions::default()).corpus;
        let titles: Vec<String> = corpus.metas().iter().map(|m| fold(&m.title)).collect();
        report(rel, &titles);
    }
}

/// A small deterministic generator (xorshift), so the sample is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn words(title: &str) -> Vec<&str> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        .collect()
}

/// (pattern, index of the title it was made from, kind).
fn patterns(titles: &[String]) -> Vec<(String, usize, &'static str)> {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < 600 && tries < 100_000 {
        tries += 1;
        let i = rng.next(titles.len());
        let ws = words(&titles[i]);
        if out.len() % 2 == 0 {
            let long: Vec<&&str> = ws.iter().filter(|w| w.len() >= 6).collect();
            if long.is_empty() {
                continue;
            }
            let w = long[rng.next(long.len())];
            let skeleton: String = w
                .chars()
                .enumerate()
                .filter(|&(n, c)| n == 0 || !"aeiou".contains(c))
                .map(|(_, c)| c)
                .collect();
            if skeleton.len() >= 3 {
                out.push((skeleton, i, "skeleton"));
            }
        } else {
            if ws.len() < 2 {
                continue;
            }
            let k = rng.next(ws.len() - 1);
            let (a, b) = (ws[k], ws[k + 1]);
            if a.len() < 3 || b.len() < 3 {
                continue;
            }
            out.push((format!("{}{}", &a[..3], &b[..3]), i, "two starts"));
        }
    }
    out
}

/// The span of the match in chars, if the pattern is a subsequence.
fn span(matcher: &SkimMatcherV2, title: &str, pattern: &str) -> Option<usize> {
    let (_, idx) = matcher.fuzzy_indices(title, pattern)?;
    Some(idx.last()? - idx.first()? + 1)
}

fn report(name: &str, titles: &[String]) {
    let matcher = SkimMatcherV2::default();
    let pats = patterns(titles);
    println!(
        "\n{name}: {} titles, {} patterns\n",
        titles.len(),
        pats.len()
    );
    println!("| rule | kind | title sought found | median titles matching | p90 titles matching |");
    println!("|---|---|---:|---:|---:|");
    for kind in ["skeleton", "two starts"] {
        let of_kind: Vec<&(String, usize, &str)> = pats.iter().filter(|p| p.2 == kind).collect();
        // Every pattern's span in every title, computed once for all rules.
        let spans: Vec<(Option<usize>, Vec<usize>)> = of_kind
            .par_iter()
            .map(|(p, target, _)| {
                let all: Vec<usize> = titles.iter().filter_map(|t| span(&matcher, t, p)).collect();
                (span(&matcher, &titles[*target], p), all)
            })
            .collect();
        for rule in RULES {
            let fits = |s: usize, p: &str| rule.is_none_or(|k| s as f32 <= k * p.len() as f32);
            let mut found = 0;
            let mut counts: Vec<usize> = Vec::new();
            for ((p, _, _), (own, all)) in of_kind.iter().zip(&spans) {
                if own.is_some_and(|s| fits(s, p)) {
                    found += 1;
                }
                counts.push(all.iter().filter(|&&s| fits(s, p)).count());
            }
            counts.sort_unstable();
            let at = |q: f32| counts[((counts.len() - 1) as f32 * q) as usize];
            let label = rule.map_or("any subsequence".to_string(), |k| format!("span ≤ {k}×"));
            println!(
                "| {label} | {kind} | {:.2} | {} | {} |",
                found as f32 / of_kind.len().max(1) as f32,
                at(0.5),
                at(0.9)
            );
        }
    }
}
