//! Precision and recall of plain single-word queries on the shared real corpora.
//!
//! ```text
//! cargo run --example eval_search -- [--shared DIR] [--words a,b,c] [--show N] [--check]
//! ```
//!
//! For each common monitoring word ([`search_eval::WORDS`], or `--words`) on `detik2025/` and
//! `clickid2019.jsonl` from `../shared/corpora` (or `--shared DIR`), the articles that should
//! match are those whose title or body contains the word, an affixed form or a synonym as a
//! whole word, computed apart from the query engine; they are compared with what
//! `warta::query::search` returns for the word typed as a query. So are the articles holding
//! the word or a synonym exactly as written, a truth free of the stemmer (see
//! `support/search_eval.rs`). Prints a Markdown table per corpus with totals. `--show N` lists
//! up to N false hits and misses per word (titles, on the terminal only). `--check` exits with
//! status 1 when a word misses precision 0.95, recall 0.9 or recall 0.9 of the word as
//! written. Without the corpora folder it says so and exits successfully.

#[path = "support/search_eval.rs"]
mod search_eval;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use search_eval::{CORPORA, MIN_PRECISION, MIN_RECALL, WORDS};

struct Args {
    shared: Option<PathBuf>,
    words: Vec<String>,
    show: usize,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        shared: None,
        words: WORDS.iter().map(|w| w.to_string()).collect(),
        show: 0,
        check: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--shared" => args.shared = Some(PathBuf::from(value("--shared")?)),
            "--words" => {
                args.words = value("--words")?
                    .split(',')
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
            }
            "--show" => {
                args.show = value("--show")?
                    .parse()
                    .map_err(|e| format!("--show: {e}"))?;
            }
            "--check" => args.check = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("eval_search: {e}");
            return ExitCode::from(2);
        }
    };
    let shared = args
        .shared
        .clone()
        .or_else(|| search_eval::shared_corpora(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))));
    let Some(shared) = shared.filter(|d| d.is_dir()) else {
        println!(
            "no shared corpora folder (../shared/corpora or --shared DIR): nothing to evaluate"
        );
        return ExitCode::SUCCESS;
    };
    let words: Vec<&str> = args.words.iter().map(String::as_str).collect();
    let mut missed = 0;
    for (name, rel) in CORPORA {
        let path = shared.join(rel);
        if !path.exists() {
            println!("{name}: not in {}; skipped\n", shared.display());
            continue;
        }
        let t = Instant::now();
        let corpus = search_eval::load(&path);
        let loaded = t.elapsed();
        let t = Instant::now();
        let scores = search_eval::evaluate(&corpus, &words, args.show);
        println!("{}", search_eval::table(name, corpus.len(), &scores));
        println!(
            "(loaded in {:.1} s, evaluated in {:.1} s)\n",
            loaded.as_secs_f64(),
            t.elapsed().as_secs_f64()
        );
        missed += scores.iter().filter(|s| !s.passes()).count();
        if args.show > 0 {
            for s in scores.iter().filter(|s| !s.passes()) {
                println!("{name} · {}:", s.word);
                for &i in &s.false_hits {
                    println!("  false hit: {}", corpus.meta(i).title);
                }
                for &i in &s.misses {
                    println!("  missed:    {}", corpus.meta(i).title);
                }
            }
            println!();
        }
    }
    println!(
        "targets: precision >= {MIN_PRECISION}, recall >= {MIN_RECALL} per word; {missed} word-corpus pairs miss them"
    );
    if args.check && missed > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
