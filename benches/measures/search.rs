//! Search over the local corpora: per-keystroke cost, stem-aware `body:` search, and the
//! stemmer's groups.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::lexicon::{stem, stems};
use warta::model::Article;
use warta::query::{Query, Scope, Sort, search};

use crate::{corpus_dir, read_articles};

/// Groups the corpora's vocabulary by stem and writes the groups with several surface forms,
/// most frequent first, to `out_path`, for reading by eye; checks that every candidate list
/// starts with the primary stem.
pub fn stem_report(out_path: Option<PathBuf>) {
    let mut freq: HashMap<String, usize> = HashMap::new();
    for name in ["detik2025", "clickid2019"] {
        let Some(dir) = corpus_dir(name) else {
            eprintln!("skipped: {name} not present");
            return;
        };
        for a in read_articles(&dir) {
            for p in &a.body.body {
                for w in warta::text::fold(p).split(|c: char| !c.is_alphanumeric()) {
                    if !w.is_empty() {
                        *freq.entry(w.to_string()).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut groups: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    let mut changed = 0usize;
    for (w, n) in &freq {
        let s = stem(w);
        if &s != w {
            changed += 1;
        }
        groups.entry(s).or_default().push((w.clone(), *n));
    }
    // (stem, total uses, [(word, uses)]) for stems shared by several words.
    type Group = (String, usize, Vec<(String, usize)>);
    let mut multi: Vec<Group> = groups
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(s, mut v)| {
            v.sort_by_key(|x| std::cmp::Reverse(x.1));
            (s, v.iter().map(|x| x.1).sum(), v)
        })
        .collect();
    multi.sort_by_key(|g| std::cmp::Reverse(g.1));
    let mut out = format!(
        "{} distinct words, {} changed by the stemmer, {} stems with several forms\n",
        freq.len(),
        changed,
        multi.len()
    );
    for (s, total, forms) in multi.iter().take(400) {
        let forms: Vec<String> = forms
            .iter()
            .take(12)
            .map(|(w, n)| format!("{w}:{n}"))
            .collect();
        out += &format!("{s} ({total}): {}\n", forms.join(" "));
    }
    let path = out_path
        .or_else(|| std::env::var_os("STEM_REPORT").map(PathBuf::from))
        .unwrap_or_else(|| std::env::temp_dir().join("stem_report.txt"));
    std::fs::write(&path, out).expect("write report");
    eprintln!(
        "wrote {}; {} words, {changed} changed",
        path.display(),
        freq.len()
    );
    // Every candidate list starts with the primary stem.
    for w in freq.keys().take(2000) {
        assert_eq!(stems(w)[0], stem(w).as_str());
    }
}

/// Stem-aware against literal `body:` search on ~100k articles (clickid2019 ×20).
pub fn body_stemmed_vs_literal() {
    let Some(dir) = corpus_dir("clickid2019") else {
        eprintln!("skipped: clickid2019 not present");
        return;
    };
    let articles = read_articles(&dir);
    let big: Vec<Article> = (0..20).flat_map(|_| articles.iter().cloned()).collect();
    let c = Corpus::from_articles(big);
    let f = Filters::default();
    for q in [
        "body:'viral",
        "body:viral",
        "body:'tulis",
        "body:tulis",
        "body:'\"media sosial\"",
        "body:\"media sosial\"",
        "body:'asn",
        "body:asn",
        "topic:disiplin",
        "asn",
        "'asn",
    ] {
        let query = Query::parse(q).expect("valid");
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..3 {
            let t = Instant::now();
            n = search(&c, &query, &f, Sort::DateDesc, Scope::default()).len();
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        eprintln!("{} articles, {q:>24}: {best:7.0} ms, {n} hits", c.len());
    }
}

/// Search time for each prefix of a few queries typed on ~100k articles (clickid2019 ×20),
/// narrowing the previous hits when the query refines the last one, as the browser does.
pub fn keystrokes() {
    let Some(dir) = corpus_dir("clickid2019") else {
        eprintln!("skipped: clickid2019 not present");
        return;
    };
    let articles = read_articles(&dir);
    // 20 copies give a ~100k-article corpus, the size PERF.md budgets for.
    let big: Vec<Article> = (0..20).flat_map(|_| articles.iter().cloned()).collect();
    let c = Corpus::from_articles(big);
    let f = Filters::default();
    for typed in [
        "presiden",
        "outlet:kompas jokowi",
        "date:2019-05 banjir",
        "body:banjir",
    ] {
        let mut prev: Option<(Query, Vec<usize>)> = None;
        let mut line = format!("{} articles, {typed:?}:", c.len());
        for k in 1..=typed.len() {
            let Ok(q) = Query::parse(&typed[..k]) else {
                continue;
            };
            let t = Instant::now();
            let hits = match &prev {
                Some((pq, ph)) if q.refines(pq) => search(
                    &c,
                    &q,
                    &f,
                    Sort::Relevance,
                    Scope {
                        candidates: Some(ph),
                        ..Scope::default()
                    },
                ),
                _ => search(&c, &q, &f, Sort::Relevance, Scope::default()),
            };
            line += &format!(
                " {:.0}ms/{}",
                t.elapsed().as_secs_f64() * 1000.0,
                hits.len()
            );
            prev = Some((q, hits.iter().map(|h| h.index).collect()));
        }
        eprintln!("{line}");
    }
}
