//! Indonesian-aware search over the bundled seeds, plus local-only measurements of the
//! stemmer and of stem-aware `body:` search on the real corpora in /work/shared (skipped when
//! absent).

use std::collections::HashMap;

use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::lexicon::{Lexicon, stem, stems};
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;
use warta::model::Article;
use warta::query::{Query, Scope, Sort, search};

fn seeds() -> Corpus {
    let articles = EMBEDDED
        .iter()
        .map(|(name, bytes)| {
            let text = warta::text::decode(bytes).expect("seed decodes");
            parse_text(&text, &format!("data/{name}"))
        })
        .collect();
    Corpus::from_articles(articles)
}

fn seed_numbers(c: &Corpus, q: &str) -> Vec<usize> {
    let q = Query::parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    let mut v: Vec<usize> = search(c, &q, &Filters::default(), Sort::DateDesc, Scope::default())
        .iter()
        .map(|h| {
            let path = &c.meta(h.index).source_path;
            let name = path.rsplit('/').next().unwrap_or(path);
            name[..3]
                .parse()
                .expect("seed file names start with a number")
        })
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn seed_searches_use_synonyms_and_stems() {
    let c = seeds();
    // Seed 000 says "Viral di media sosial", "langsung viral", "siaran langsung (live)".
    assert!(seed_numbers(&c, "body:viral").contains(&0));
    assert!(seed_numbers(&c, "body:medsos").contains(&0));
    assert!(seed_numbers(&c, "body:\"siaran langsung\"").contains(&0));
    assert!(seed_numbers(&c, "topic:viral").contains(&0));
    // Stem-aware matching finds at least what exact matching finds.
    for w in ["viral", "pemerintah", "pegawai", "bupati", "sanksi"] {
        let exact = seed_numbers(&c, &format!("body:'{w}"));
        let stemmed = seed_numbers(&c, &format!("body:{w}"));
        assert!(exact.iter().all(|s| stemmed.contains(s)), "{w}");
    }
}

#[test]
fn default_lexicon_covers_the_issue_examples() {
    let lex = Lexicon::default();
    let has = |term: &str, other: &str| lex.expand(term).iter().any(|t| t == other);
    assert!(has("ASN", "aparatur sipil negara") && has("ASN", "pns"));
    assert!(has("medsos", "media sosial"));
    assert!(has("pemkab", "pemerintah kabupaten"));
    assert!(has("Pemkot", "pemerintah kota") && has("pemprov", "pemerintah provinsi"));
    assert!(has("OPD", "organisasi perangkat daerah"));
    assert!(has("sekda", "sekretaris daerah"));
    assert!(has("kepala daerah", "bupati") && !has("bupati", "kepala daerah"));
    assert!(has("bkpsdm", "bkd"));
    assert!(has(
        "Kemenpan-RB",
        "kementerian pendayagunaan aparatur negara dan reformasi birokrasi"
    ));
    let disiplin = lex.topic("disiplin").expect("built-in topic");
    for k in ["sanksi", "teguran", "kode etik", "inspektorat", "bkpsdm"] {
        assert!(disiplin.iter().any(|d| d == k), "{k}");
    }
    assert_eq!(stem("keviralan"), "viral");
}

fn corpus_dir(name: &str) -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    dir.is_dir().then_some(dir)
}

fn read_articles(dir: &std::path::Path) -> Vec<Article> {
    use rayon::prelude::*;
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

/// Groups the corpora's vocabulary by stem and writes the groups with several surface forms,
/// most frequent first, to $STEM_REPORT (default /tmp/stem_report.txt), for reading by eye.
/// Run with `cargo test --release --test lexicon -- --ignored --nocapture stem_report`.
#[test]
#[ignore = "report over local corpora"]
fn stem_report() {
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
    let path = std::env::var("STEM_REPORT").unwrap_or_else(|_| "/tmp/stem_report.txt".into());
    std::fs::write(&path, out).expect("write report");
    eprintln!("wrote {path}; {} words, {changed} changed", freq.len());
    // Every candidate list starts with the primary stem.
    for w in freq.keys().take(2000) {
        assert_eq!(stems(w)[0], stem(w).as_str());
    }
}

/// Stem-aware against literal `body:` search on ~100k articles (clickid2019 ×20). Run with
/// `cargo test --release --test lexicon -- --ignored --nocapture bench_body`.
#[test]
#[ignore = "benchmark over local corpora"]
fn bench_body_stemmed_vs_literal() {
    use std::time::Instant;
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
