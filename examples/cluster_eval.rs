//! Precision and recall of syndicated-copy detection on a labelled set built at run time.
//!
//! ```text
//! cargo run --release --example cluster_eval -- [--shared DIR] [--clickid N] [--copies N] [--seed S]
//! ```
//!
//! The labelled set:
//! * **Originals**: every `detik2025/*.txt` article plus `--clickid` (default 2,000) articles of
//!   `clickid2019/*.txt`, spread over the whole (outlet-ordered) folder, from `../shared/corpora`
//!   (or `--shared DIR`). Nothing is copied into the repository; without the folder the example
//!   says so and exits successfully.
//! * **Synthetic copies**: `--copies` (default 300) originals with at least
//!   [`cluster::MIN_WORDS`] words get one to three copies, written as raw text and run through
//!   the real parser (`parse_text`), the way another outlet's file would arrive. Every copy has a
//!   new headline and boilerplate added or removed ("Baca juga: …", "Dikutip dari Sripoku.com",
//!   editor and reporter lines, the original's own closing line); by level:
//!   - *light*: only that;
//!   - *medium*: plus 1–3 sentences replaced or deleted and paragraphs re-wrapped (joined and
//!     split at sentence ends);
//!   - *heavy*: medium plus the last quarter of the paragraphs cut (an aggregator's excerpt).
//! * **Natural near-duplicates**: the corpora already hold some (detik articles collected under
//!   two keywords, updated versions). Every pair of documents is scored by the *exact* Jaccard
//!   similarity of its shingle sets: pairs at ≥ 0.8 are labelled copies (they are the same text
//!   with small changes), pairs between 0.2 and 0.8 that are not synthetic relatives are *gray*
//!   (an update or a follow-up: neither answer is wrong) and left out of precision and recall
//!   (their number is reported, with a sample), everything else is a non-copy.
//!
//! Truth is transitive (union-find over labelled pairs), like the detector's clusters. A pair is
//! predicted a copy when detection puts both in one cluster. The report gives, per threshold,
//! pair precision and recall of the detector (MinHash + LSH) and of the exact-Jaccard rule at
//! the same threshold (what a perfect estimator would do), recall per mutation level, and
//! cluster-level stats at the default threshold.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use warta::cluster::{self, Clusters, MIN_WORDS, THRESHOLD};
use warta::loader::parse::parse_text;
use warta::loader::{Input, LoadOptions, load};
use warta::model::Article;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Level {
    Light,
    Medium,
    Heavy,
}

const LEVELS: [Level; 3] = [Level::Light, Level::Medium, Level::Heavy];

struct Args {
    shared: PathBuf,
    clickid: usize,
    copies: usize,
    seed: u64,
}

fn args() -> Args {
    let mut a = Args {
        shared: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora")),
        clickid: 2000,
        copies: 300,
        seed: 7,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut it = argv.iter();
    while let Some(flag) = it.next() {
        let val = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--shared" => a.shared = PathBuf::from(val),
            "--clickid" => a.clickid = val.parse().unwrap_or(a.clickid),
            "--copies" => a.copies = val.parse().unwrap_or(a.copies),
            "--seed" => a.seed = val.parse().unwrap_or(a.seed),
            other => eprintln!("ignoring unknown argument {other}"),
        }
    }
    a
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn word_count(paras: &[String]) -> usize {
    paras.iter().map(|p| p.split_whitespace().count()).sum()
}

/// Sentences of a paragraph, split after `. ` / `? ` / `! `.
fn sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 0..b.len().saturating_sub(1) {
        if matches!(b[i], b'.' | b'?' | b'!') && b[i + 1] == b' ' && i + 1 > start {
            out.push(p[start..=i].to_string());
            start = i + 2;
        }
    }
    if start < p.len() {
        out.push(p[start..].to_string());
    }
    out
}

/// Raw text of a copy of `orig` made by another outlet.
fn make_copy(
    orig: &Article,
    level: Level,
    rng: &mut Rng,
    pool: &[&str],
    titles: &[&str],
) -> String {
    let mut paras = orig.body.body.clone();
    // The original's own closing boilerplate, when the parser left it in the body.
    if rng.chance(0.5)
        && paras.last().is_some_and(|l| {
            let l = l.to_lowercase();
            l.starts_with("simak") || l.starts_with("baca") || l.starts_with("(")
        })
    {
        paras.pop();
    }
    paras.retain(|p| !p.contains("SCROLL TO CONTINUE") || rng.chance(0.5));
    if level >= Level::Medium {
        let edits = 1 + rng.below(3);
        for _ in 0..edits {
            let candidates: Vec<usize> = (0..paras.len())
                .filter(|&i| paras[i].split_whitespace().count() >= 8)
                .collect();
            if candidates.is_empty() {
                break;
            }
            let pi = candidates[rng.below(candidates.len())];
            let mut s = sentences(&paras[pi]);
            let si = rng.below(s.len());
            if rng.chance(0.5) && s.len() > 1 {
                s.remove(si);
            } else {
                let n = 8 + rng.below(10);
                let mut words: Vec<&str> = (0..n).map(|_| pool[rng.below(pool.len())]).collect();
                if let Some(w) = words.first_mut() {
                    *w = "Menurutnya,";
                }
                s[si] = format!("{}.", words.join(" "));
            }
            paras[pi] = s.join(" ");
        }
        // Re-wrap: join some neighbours, split some paragraphs at a sentence end.
        let mut out: Vec<String> = Vec::new();
        for p in paras {
            let joined = match out.last_mut() {
                Some(prev) if rng.chance(0.2) => {
                    prev.push(' ');
                    prev.push_str(&p);
                    true
                }
                _ => false,
            };
            if !joined {
                let s = sentences(&p);
                if s.len() > 2 && rng.chance(0.3) {
                    let cut = 1 + rng.below(s.len() - 1);
                    out.push(s[..cut].join(" "));
                    out.push(s[cut..].join(" "));
                } else {
                    out.push(p);
                }
            }
        }
        paras = out;
    }
    if level == Level::Heavy {
        let keep = (paras.len() * 3).div_ceil(4).max(1);
        paras.truncate(keep);
    }
    let boiler = [
        format!("Baca juga: {}", titles[rng.below(titles.len())]),
        "Dikutip dari Sripoku.com".to_string(),
        "Editor: Slamet Teguh".to_string(),
        "Laporan Wartawan Tribunsumsel.com, Eko Hepronis".to_string(),
        format!("Baca juga: {}", titles[rng.below(titles.len())]),
        "Ikuti dan bergabung dalam saluran whatsapp Tribunsumsel.com".to_string(),
    ];
    for _ in 0..1 + rng.below(3) {
        let line = boiler[rng.below(boiler.len())].clone();
        let at = rng.below(paras.len() + 1);
        paras.insert(at, line);
    }
    if let Some(first) = paras.first_mut()
        && rng.chance(0.5)
    {
        *first = format!("SRIPOKU.COM, PALEMBANG - {first}");
    }
    let headline = format!(
        "{} {}",
        ["HEBOH!", "Viral:", "Terungkap,", "Begini Kata Warga:"][rng.below(4)],
        orig.meta
            .title
            .split_whitespace()
            .rev()
            .collect::<Vec<_>>()
            .join(" ")
    );
    format!("{headline}\n\n{}\n", paras.join("\n\n"))
}

/// Minimal union-find for the truth groups.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn main() {
    let a = args();
    let detik = a.shared.join("detik2025");
    let click = a.shared.join("clickid2019");
    if !detik.is_dir() || !click.is_dir() {
        println!(
            "cluster_eval: {} not found (needs detik2025/ and clickid2019/); nothing to evaluate",
            a.shared.display()
        );
        return;
    }
    let t0 = Instant::now();
    let mut inputs: Vec<Input> = txt_files(&detik).into_iter().map(Input::Path).collect();
    let click_files = txt_files(&click);
    let step = (click_files.len() as f64 / a.clickid.max(1) as f64).max(1.0);
    let mut k = 0.0;
    while (k as usize) < click_files.len() && inputs.len() < 909 + a.clickid {
        inputs.push(Input::Path(click_files[k as usize].clone()));
        k += step;
    }
    let report = load(&inputs, &LoadOptions::default());
    let corpus = report.corpus;
    let mut docs: Vec<Article> = (0..corpus.len())
        .filter_map(|i| corpus.article(i).ok())
        .collect();
    let originals = docs.len();
    println!(
        "originals: {originals} articles ({} files) loaded in {:.1?}",
        inputs.len(),
        t0.elapsed()
    );

    // Synthetic copies.
    let mut rng = Rng(a.seed);
    let pool: Vec<String> = docs
        .iter()
        .flat_map(|d| d.body.body.iter().take(2))
        .flat_map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    let pool: Vec<&str> = pool.iter().map(String::as_str).collect();
    let titles: Vec<String> = docs.iter().map(|d| d.meta.title.clone()).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let eligible: Vec<usize> = (0..originals)
        .filter(|&i| word_count(&docs[i].body.body) >= MIN_WORDS + 20)
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = HashSet::new();
    while chosen.len() < a.copies.min(eligible.len()) {
        let i = eligible[rng.below(eligible.len())];
        if taken.insert(i) {
            chosen.push(i);
        }
    }
    // (copy index, original index, level)
    let mut synthetic: Vec<(usize, usize, Level)> = Vec::new();
    for &o in &chosen {
        for _ in 0..1 + rng.below(3) {
            let level = LEVELS[rng.below(3)];
            let text = make_copy(&docs[o], level, &mut rng, &pool, &titles);
            let copy = parse_text(&text, &format!("synthetic/copy-of-{o}.txt"));
            synthetic.push((docs.len(), o, level));
            docs.push(copy);
        }
    }
    let n = docs.len();
    println!(
        "synthetic: {} copies of {} originals (light {}, medium {}, heavy {})",
        synthetic.len(),
        chosen.len(),
        synthetic.iter().filter(|s| s.2 == Level::Light).count(),
        synthetic.iter().filter(|s| s.2 == Level::Medium).count(),
        synthetic.iter().filter(|s| s.2 == Level::Heavy).count(),
    );

    // Exact Jaccard of every pair that shares anything at all.
    let t1 = Instant::now();
    let shingles: Vec<Vec<u64>> = docs
        .par_iter()
        .map(|d| cluster::shingles(&d.body.body))
        .collect();
    let exact: Vec<(usize, usize, f64)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let sh = &shingles;
            (i + 1..n).filter_map(move |j| {
                let jac = cluster::jaccard(&sh[i], &sh[j]);
                (jac >= 0.05).then_some((i, j, jac))
            })
        })
        .collect();
    println!(
        "exact Jaccard of {} pairs in {:.1?} ({} pairs ≥ 0.05)",
        n * (n - 1) / 2,
        t1.elapsed(),
        exact.len()
    );
    let sim: BTreeMap<(usize, usize), f64> = exact.iter().map(|&(i, j, s)| ((i, j), s)).collect();
    let exact_of = |i: usize, j: usize| sim.get(&(i.min(j), i.max(j))).copied().unwrap_or(0.0);

    // Truth.
    let mut parent: Vec<usize> = (0..n).collect();
    for &(c, o, _) in &synthetic {
        union(&mut parent, c, o);
    }
    let natural: Vec<&(usize, usize, f64)> = exact
        .iter()
        .filter(|&&(i, j, s)| i < originals && j < originals && s >= 0.8)
        .collect();
    for &&(i, j, _) in &natural {
        union(&mut parent, i, j);
    }
    let truth: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let short = shingles.iter().filter(|s| s.is_empty()).count();
    let gray: Vec<&(usize, usize, f64)> = exact
        .iter()
        .filter(|&&(i, j, s)| truth[i] != truth[j] && (0.2..0.8).contains(&s))
        .collect();
    let gray_set: HashSet<(usize, usize)> = gray.iter().map(|&&(i, j, _)| (i, j)).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &t) in truth.iter().enumerate() {
        groups.entry(t).or_default().push(i);
    }
    let true_groups: Vec<&Vec<usize>> = groups.values().filter(|g| g.len() > 1).collect();
    let positives: usize = true_groups
        .iter()
        .map(|g| g.len() * (g.len() - 1) / 2)
        .sum();
    println!(
        "truth: {} copy groups, {positives} copy pairs; natural pairs ≥ 0.8: {}; gray pairs \
         (0.2–0.8, excluded): {}; bodies under {MIN_WORDS} words: {short}",
        true_groups.len(),
        natural.len(),
        gray.len()
    );
    for &&(i, j, s) in natural.iter().take(5) {
        println!(
            "  natural {s:.2}: {:?} | {:?}",
            docs[i].meta.title, docs[j].meta.title
        );
    }
    for &&(i, j, s) in gray.iter().take(8) {
        println!(
            "  gray {s:.2}: {:?} | {:?}",
            docs[i].meta.title, docs[j].meta.title
        );
    }

    // Detection.
    let t2 = Instant::now();
    let sigs: Vec<_> = docs
        .par_iter()
        .map(|d| cluster::signature(&d.body.body))
        .collect();
    let sig_time = t2.elapsed();
    let evaluate = |clusters: &Clusters| -> Counts {
        let mut c = Counts::default();
        let mut predicted: HashSet<(usize, usize)> = HashSet::new();
        for (_, m) in clusters.iter() {
            for x in 0..m.len() {
                for y in x + 1..m.len() {
                    predicted.insert((m[x].min(m[y]), m[x].max(m[y])));
                }
            }
        }
        for &(i, j) in &predicted {
            if gray_set.contains(&(i, j)) {
                continue;
            }
            if truth[i] == truth[j] {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        c.fn_ = positives - c.tp;
        c
    };
    println!("signatures: {n} in {sig_time:.1?}");
    println!();
    println!("| threshold | precision | recall | F1 | candidates | exact-rule P | exact-rule R |");
    println!("|---|---|---|---|---|---|---|");
    for t in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8] {
        let clusters = Clusters::build_with(&sigs, t, |i| i);
        let c = evaluate(&clusters);
        // The exact rule: union of pairs whose exact Jaccard reaches t (both long enough).
        let mut p: Vec<usize> = (0..n).collect();
        for &(i, j, s) in &exact {
            if s >= t && !shingles[i].is_empty() && !shingles[j].is_empty() {
                union(&mut p, i, j);
            }
        }
        let mut ex = Counts::default();
        let mut byroot: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = find(&mut p, i);
            byroot.entry(r).or_default().push(i);
        }
        for g in byroot.values() {
            for x in 0..g.len() {
                for y in x + 1..g.len() {
                    if gray_set.contains(&(g[x], g[y])) {
                        continue;
                    }
                    if truth[g[x]] == truth[g[y]] {
                        ex.tp += 1;
                    } else {
                        ex.fp += 1;
                    }
                }
            }
        }
        ex.fn_ = positives - ex.tp;
        println!(
            "| {t:.2}{} | {:.4} | {:.4} | {:.4} | {} | {:.4} | {:.4} |",
            if (t - THRESHOLD).abs() < 1e-9 {
                " (default)"
            } else {
                ""
            },
            c.p(),
            c.r(),
            c.f1(),
            clusters.stats().candidates,
            ex.p(),
            ex.r()
        );
    }

    // At the default threshold: recall per level, errors, cluster stats.
    let t3 = Instant::now();
    let clusters = Clusters::build(&sigs, |i| i);
    let build_time = t3.elapsed();
    println!();
    println!(
        "default threshold {THRESHOLD}: build (LSH + verify + union-find) {build_time:.1?}; {:?}",
        clusters.stats()
    );
    for level in LEVELS {
        let of_level: Vec<&(usize, usize, Level)> =
            synthetic.iter().filter(|s| s.2 == level).collect();
        let found = of_level
            .iter()
            .filter(|&&&(c, o, _)| {
                clusters.cluster_of(c).is_some() && clusters.cluster_of(c) == clusters.cluster_of(o)
            })
            .count();
        let mean_exact: f64 = of_level
            .iter()
            .map(|&&(c, o, _)| exact_of(c, o))
            .sum::<f64>()
            / of_level.len().max(1) as f64;
        let min_exact = of_level
            .iter()
            .map(|&&(c, o, _)| exact_of(c, o))
            .fold(1.0f64, f64::min);
        println!(
            "  {level:?}: {found}/{} copies grouped with their original (exact Jaccard to it: mean \
             {mean_exact:.2}, min {min_exact:.2})",
            of_level.len()
        );
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    let (mut pure, mut exact_match) = (0, 0);
    for (_, m) in clusters.iter() {
        *sizes.entry(m.len()).or_default() += 1;
        // Pure: no member pair that is labelled a non-copy (gray pairs are neither).
        let clean = m.iter().enumerate().all(|(x, &i)| {
            m[x + 1..]
                .iter()
                .all(|&j| truth[i] == truth[j] || gray_set.contains(&(i.min(j), i.max(j))))
        });
        if clean {
            pure += 1;
        }
        if m.iter().all(|&i| truth[i] == truth[m[0]]) && groups[&truth[m[0]]].len() == m.len() {
            exact_match += 1;
        }
    }
    println!(
        "clusters: {} (sizes {:?}); without a false pair {pure}, identical to a truth group \
         {exact_match}; truth groups {}",
        clusters.len(),
        sizes,
        true_groups.len()
    );
    let mut shown = 0;
    for (_, m) in clusters.iter() {
        for x in 0..m.len() {
            for y in x + 1..m.len() {
                let (i, j) = (m[x].min(m[y]), m[x].max(m[y]));
                if truth[i] != truth[j] && !gray_set.contains(&(i, j)) && shown < 8 {
                    shown += 1;
                    println!(
                        "  false pair (exact {:.2}, est {:.2}): {:?} | {:?}",
                        exact_of(i, j),
                        match (&sigs[i], &sigs[j]) {
                            (Some(a), Some(b)) => a.similarity(b),
                            _ => 0.0,
                        },
                        docs[i].meta.title,
                        docs[j].meta.title
                    );
                }
            }
        }
    }
    let mut missed = 0;
    for &(c, o, level) in &synthetic {
        let together =
            clusters.cluster_of(c).is_some() && clusters.cluster_of(c) == clusters.cluster_of(o);
        if !together && missed < 8 {
            missed += 1;
            println!(
                "  missed {level:?} copy (exact {:.2}, est {:.2}, {} words): {:?}",
                exact_of(c, o),
                match (&sigs[c], &sigs[o]) {
                    (Some(a), Some(b)) => a.similarity(b),
                    _ => 0.0,
                },
                word_count(&docs[c].body.body),
                docs[o].meta.title
            );
        }
    }
}
