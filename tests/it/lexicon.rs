//! Indonesian-aware search over the bundled seeds. Measurements of the stemmer and of
//! stem-aware `body:` search on the local corpora are in `benches/measures`.

use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::lexicon::{Lexicon, stem};
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;
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
