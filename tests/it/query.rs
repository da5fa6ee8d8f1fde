//! The query language, ranking and facets over the five bundled seeds and a synthetic corpus.
//!
//! Most behaviour is checked on hand-made articles so it does not depend on the parser's
//! details; the tests marked SEED run the real parser over `data/*.txt`.

use proptest::prelude::*;
use warta::corpus::Corpus;
use warta::facets::{self, Facet, Filters};
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;
use warta::model::{Article, Meta};
use warta::query::{Hit, Query, Scope, Sort, search};

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

/// The seed number (0-4) of each hit, from the file name the article came from.
fn seed_numbers(corpus: &Corpus, hits: &[Hit]) -> Vec<usize> {
    hits.iter()
        .map(|h| {
            let path = &corpus.meta(h.index).source_path;
            let name = path.rsplit('/').next().unwrap_or(path);
            name[..3]
                .parse()
                .expect("seed file names start with a number")
        })
        .collect()
}

fn run(corpus: &Corpus, q: &str) -> Vec<Hit> {
    let query = Query::parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    search(
        corpus,
        &query,
        &Filters::default(),
        Sort::Relevance,
        Scope::default(),
    )
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

// SEED: required seed-level assertions.

#[test]
fn seed_tiktok_ranks_the_palembang_article_first() {
    let c = seeds();
    let hits = run(&c, "tiktok");
    assert_eq!(seed_numbers(&c, &hits).first(), Some(&3));
    let top = c.meta(hits[0].index);
    assert_eq!(top.outlet.as_deref(), Some("Grow Media"));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn seed_date_2024_is_seeds_1_and_2() {
    let c = seeds();
    assert_eq!(sorted(seed_numbers(&c, &run(&c, "date:2024"))), vec![1, 2]);
}

#[test]
fn seed_outlet_sumeks_is_seed_2() {
    let c = seeds();
    assert_eq!(seed_numbers(&c, &run(&c, "outlet:sumeks")), vec![2]);
}

#[test]
fn seed_body_karaoke_is_seed_3() {
    let c = seeds();
    assert_eq!(seed_numbers(&c, &run(&c, "body:karaoke")), vec![3]);
}

#[test]
fn seed_not_viral_excludes_every_title_containing_viral() {
    let c = seeds();
    let hits = run(&c, "!viral");
    let with_viral: Vec<usize> = (0..c.len())
        .filter(|&i| c.meta(i).title.to_lowercase().contains("viral"))
        .collect();
    // Seed 000's title is "Viral ASN di Muratara Live ...", so the negation removes something.
    assert!(!with_viral.is_empty());
    assert_eq!(hits.len() + with_viral.len(), c.len());
    assert!(hits.iter().all(|h| !with_viral.contains(&h.index)));
    assert!(!seed_numbers(&c, &hits).contains(&0));
}

#[test]
fn seed_invalid_month_error_message() {
    let e = Query::parse("date:2024-13").expect_err("month 13");
    assert_eq!(e.message, "date:2024-13: month must be 1-12");
    assert_eq!(e.to_string(), "date:2024-13: month must be 1-12");
}

#[test]
fn seed_facets_cover_all_seeds() {
    let c = seeds();
    let all: Vec<usize> = (0..c.len()).collect();
    let outlets = facets::counts(&c, &all, Facet::Outlet);
    assert!(outlets.iter().any(|(o, _)| o == "Grow Media"));
    let hist = facets::month_histogram(&c, &all);
    // Dated seeds span 2023-06 .. 2025-09: every month in between is present.
    assert!(hist.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(
        hist.iter().map(|(_, n)| *n as usize).sum::<usize>(),
        (0..c.len())
            .filter(|&i| c.meta(i).published.is_some())
            .count()
    );
}

// Synthetic corpus.

fn art(id: &str, title: &str, outlet: Option<&str>, date: Option<&str>) -> Article {
    let mut a = Article::default();
    a.meta.id = id.to_string();
    a.meta.title = title.to_string();
    a.meta.outlet = outlet.map(str::to_string);
    a.meta.published = date.map(|d| d.parse().expect("test date"));
    a.body.body = vec![format!("{title} isi berita")];
    a
}

/// The synthetic corpus plus articles that need the lexicon: one says only "aparatur sipil
/// negara", one only "PNS", one has "diviralkan" and "teguran" in its body.
fn with_lexicon_articles() -> Corpus {
    let base = synthetic();
    let mut all: Vec<Article> = (0..base.len())
        .map(|i| Article {
            meta: base.meta(i).clone(),
            body: base.body(i).expect("in memory"),
        })
        .collect();
    let mut extra = vec![
        art(
            "id6",
            "Aparatur sipil negara dilarang pamer harta",
            Some("Infoku"),
            Some("2024-07-01"),
        ),
        art("id7", "PNS bolos kerja", Some("Detik"), Some("2024-07-02")),
        art(
            "id8",
            "Video pegawai beredar",
            Some("Detik"),
            Some("2024-07-03"),
        ),
    ];
    extra[2].body.body = vec![
        "Video itu diviralkan warganet di media sosial.".to_string(),
        "Pegawai tersebut mendapat teguran dari atasannya.".to_string(),
    ];
    all.extend(extra);
    Corpus::from_articles(all)
}

fn synthetic() -> Corpus {
    Corpus::from_articles(vec![
        art(
            "id3",
            "Banjir di Palembang",
            Some("Infoku"),
            Some("2024-06-01"),
        ),
        art(
            "id1",
            "Banjir di Palembang",
            Some("Infoku"),
            Some("2024-06-01"),
        ),
        art(
            "id2",
            "Banjir di Palembang",
            Some("Sumeks.co"),
            Some("2024-08-15"),
        ),
        art("id0", "Banjir di Palembang", None, None),
        art(
            "id4",
            "Jalan rusak di Blora",
            Some("Sumeks.co"),
            Some("2024-06-20"),
        ),
        art("id5", "Pasar Blora sepi", Some("Detik"), Some("2023-12-31")),
    ])
}

fn hit_ids(c: &Corpus, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| c.meta(h.index).id.clone()).collect()
}

#[test]
fn equal_scores_are_ordered_by_date_desc_then_id_and_are_repeatable() {
    let c = synthetic();
    let hits = run(&c, "banjir");
    assert!(hits.windows(2).all(|w| w[0].score == w[1].score));
    assert_eq!(hit_ids(&c, &hits), vec!["id2", "id1", "id3", "id0"]);
    for _ in 0..10 {
        assert_eq!(run(&c, "banjir"), hits);
    }
}

#[test]
fn or_negation_and_fields_combine() {
    let c = synthetic();
    let ids = |q: &str| {
        let mut v = hit_ids(&c, &run(&c, q));
        v.sort();
        v
    };
    assert_eq!(
        ids("'blora | 'banjir !outlet:sumeks"),
        vec!["id0", "id1", "id3", "id5"]
    );
    assert_eq!(ids("^pasar | rusak$ date:2024"), Vec::<String>::new());
    assert_eq!(ids("^jalan | sepi$ date:..2023"), vec!["id5"]);
    assert_eq!(
        ids("outlet:\"sumeks.co\" date:2024-06.."),
        vec!["id2", "id4"]
    );
}

#[test]
fn facet_selection_or_within_and_across() {
    let c = synthetic();
    let q = Query::default();
    let mut f = Filters::default();
    f.toggle(Facet::Outlet, "Infoku");
    f.toggle(Facet::Outlet, "Detik");
    assert_eq!(
        hit_ids(&c, &search(&c, &q, &f, Sort::DateDesc, Scope::default())),
        vec!["id1", "id3", "id5"]
    );
    f.toggle(Facet::Month, "2023-12");
    assert_eq!(
        hit_ids(&c, &search(&c, &q, &f, Sort::DateDesc, Scope::default())),
        vec!["id5"]
    );
    assert_eq!(f.to_string(), "outlet: Detik, Infoku; month: 2023-12");
}

#[test]
fn facet_counts_use_the_other_facets_selections() {
    let c = synthetic();
    let q = Query::parse("'banjir | 'blora").unwrap();
    let query_hits: Vec<usize> = search(
        &c,
        &q,
        &Filters::default(),
        Sort::DateDesc,
        Scope::default(),
    )
    .iter()
    .map(|h| h.index)
    .collect();
    let mut f = Filters::default();
    f.toggle(Facet::Month, "2024-06");
    let outlets = facets::facet_counts(&c, &query_hits, &f, Facet::Outlet);
    assert_eq!(
        outlets,
        vec![("Infoku".to_string(), 2), ("Sumeks.co".to_string(), 1)]
    );
    f.toggle(Facet::Outlet, "Infoku");
    // The month panel ignores the month selection but honours the outlet one.
    let months = facets::facet_counts(&c, &query_hits, &f, Facet::Month);
    assert_eq!(months, vec![("2024-06".to_string(), 2)]);
    // The outlet panel still lists Sumeks.co although Infoku is selected.
    let outlets = facets::facet_counts(&c, &query_hits, &f, Facet::Outlet);
    assert_eq!(outlets.len(), 2);
}

#[test]
fn histogram_fills_gaps() {
    let c = synthetic();
    let all: Vec<usize> = (0..c.len()).collect();
    let h = facets::month_histogram(&c, &all);
    let labels: Vec<&str> = h.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07",
            "2024-08"
        ]
    );
    assert_eq!(h[0].1, 1);
    assert_eq!(h[1].1, 0);
    assert_eq!(h[6].1, 3);
    assert_eq!(h[8].1, 1);
}

#[test]
fn refined_query_over_previous_results_equals_a_full_search() {
    let c = synthetic();
    let f = Filters::default();
    for (old, new) in [
        ("banjir", "banjir blora"),
        ("banjir", "blora banjir"),
        ("'blora", "'blora banjir"),
    ] {
        let (old, new) = (Query::parse(old).unwrap(), Query::parse(new).unwrap());
        assert!(new.refines(&old));
        let prev: Vec<usize> = search(&c, &old, &f, Sort::Relevance, Scope::default())
            .iter()
            .map(|h| h.index)
            .collect();
        assert_eq!(
            search(
                &c,
                &new,
                &f,
                Sort::Relevance,
                Scope {
                    candidates: Some(&prev),
                    ..Scope::default()
                }
            ),
            search(&c, &new, &f, Sort::Relevance, Scope::default())
        );
    }
    assert!(
        !Query::parse("ba")
            .unwrap()
            .refines(&Query::parse("ban").unwrap())
    );
}

fn sorted_ids(c: &Corpus, q: &str) -> Vec<String> {
    let mut v = hit_ids(c, &run(c, q));
    v.sort();
    v
}

#[test]
fn an_abbreviation_finds_its_long_form_and_the_other_way_round() {
    let c = with_lexicon_articles();
    // id6 says only "aparatur sipil negara", id7 only "PNS".
    let asn = sorted_ids(&c, "asn");
    assert!(
        asn.contains(&"id6".to_string()) && asn.contains(&"id7".to_string()),
        "{asn:?}"
    );
    assert!(sorted_ids(&c, "pns").contains(&"id6".to_string()));
    assert_eq!(
        sorted_ids(&c, "\"aparatur sipil negara\""),
        vec!["id6", "id7"]
    );
    // 'exact is literal: no synonyms.
    assert_eq!(sorted_ids(&c, "'pns"), vec!["id7"]);
    assert_eq!(sorted_ids(&c, "!asn"), sorted_ids(&c, "!pns"));
    assert!(!sorted_ids(&c, "!asn").contains(&"id6".to_string()));
    // The title shows the synonym that matched.
    let q = Query::parse("asn").unwrap();
    let title = "Aparatur sipil negara dilarang pamer harta";
    let lit: String = q
        .title_highlights(title, &Default::default())
        .iter()
        .map(|&i| title.chars().nth(i).unwrap())
        .collect();
    assert_eq!(lit, "Aparatur sipil negara");
    let terms = q.highlight_terms();
    assert!(
        terms.contains(&"aparatur sipil negara".to_string()),
        "{terms:?}"
    );
}

#[test]
fn body_terms_match_affixed_forms_and_synonyms() {
    let c = with_lexicon_articles();
    assert_eq!(sorted_ids(&c, "body:viral"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "body:memviralkan"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "body:VIRAL"), vec!["id8"]);
    assert!(sorted_ids(&c, "body:'viral").is_empty());
    assert_eq!(sorted_ids(&c, "body:'diviralkan"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "body:medsos"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "body:netizen"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "body:\"media sosial\""), vec!["id8"]);
    assert!(!sorted_ids(&c, "!body:viral").contains(&"id8".to_string()));
}

#[test]
fn topics_match_title_or_body_and_unknown_topics_are_errors() {
    let c = with_lexicon_articles();
    assert_eq!(sorted_ids(&c, "topic:disiplin"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "topic:DISIPLIN"), vec!["id8"]);
    assert_eq!(sorted_ids(&c, "topic:viral"), vec!["id8"]);
    assert!(!sorted_ids(&c, "!topic:disiplin").contains(&"id8".to_string()));
    let e = Query::parse("topic:cuaca").unwrap_err().message;
    assert_eq!(
        e,
        "topic:cuaca: unknown topic; topics are disiplin, korupsi, viral"
    );
    // A configured lexicon: its own topics and synonyms.
    let topics: toml::Table = "banjir = [\"genangan\", \"luapan air\"]\nviral = []\n"
        .parse()
        .unwrap();
    let syn: toml::Table = "pasar = [\"jalan\"]\n".parse().unwrap();
    let (lex, warnings) = warta::config::lexicon_from_tables(Some(&syn), Some(&topics));
    assert!(warnings.is_empty());
    let q = Query::parse_with("topic:banjir", &lex).unwrap();
    assert!(
        search(
            &c,
            &q,
            &Filters::default(),
            Sort::DateDesc,
            Scope::default()
        )
        .is_empty()
    );
    assert!(Query::parse_with("topic:viral", &lex).is_err());
    let q = Query::parse_with("'pasar | pasar", &lex).unwrap();
    let hits = hit_ids(
        &c,
        &search(
            &c,
            &q,
            &Filters::default(),
            Sort::DateDesc,
            Scope::default(),
        ),
    );
    assert!(hits.contains(&"id4".to_string()), "{hits:?}");
    let (empty, _) = warta::config::lexicon_from_tables(
        None,
        Some(&"disiplin = []\nviral = []\nkorupsi = []".parse().unwrap()),
    );
    assert!(
        Query::parse_with("topic:x", &empty)
            .unwrap_err()
            .message
            .contains("no topics are configured")
    );
}

#[test]
fn a_term_with_synonyms_refines_only_itself() {
    let r = |new: &str, old: &str| {
        Query::parse(new)
            .unwrap()
            .refines(&Query::parse(old).unwrap())
    };
    // "pns" finds "aparatur sipil negara", which "pn" need not.
    assert!(!r("pns", "pn"));
    assert!(!r("asn", "as"));
    assert!(r("asn", "asn"));
    assert!(r("asn banjir", "asn"));
    // A longer word is another word, not a narrower one.
    assert!(!r("pnsx", "pns"));
    assert!(Query::parse("topic:disipli").is_err());
    assert!(!r("topic:disiplin", "topic:korupsi"));
    assert!(r("topic:disiplin x", "topic:disiplin"));
}

#[test]
fn extra_filter_is_applied() {
    let c = synthetic();
    let q = Query::parse("banjir").unwrap();
    let only_infoku = |m: &Meta, _: usize| m.outlet.as_deref() == Some("Infoku");
    let hits = search(
        &c,
        &q,
        &Filters::default(),
        Sort::Relevance,
        Scope {
            extra: Some(&only_infoku),
            ..Scope::default()
        },
    );
    assert_eq!(hit_ids(&c, &hits), vec!["id1", "id3"]);
}

/// Query-ish strings: mostly syntax characters and a few words, so the parser's branches
/// (fields, quotes, ranges, operators) are reached far more often than with random text.
fn query_strategy() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("date:".to_string()),
        Just("outlet:".to_string()),
        Just("body:".to_string()),
        Just("tag:".to_string()),
        Just("city:".to_string()),
        Just("topic:".to_string()),
        Just("disiplin".to_string()),
        Just("asn".to_string()),
        Just("pns".to_string()),
        Just("medsos".to_string()),
        Just("viral".to_string()),
        Just("..".to_string()),
        Just("|".to_string()),
        Just(" ".to_string()),
        Just("\"".to_string()),
        Just("!".to_string()),
        Just("^".to_string()),
        Just("$".to_string()),
        Just("'".to_string()),
        Just(">=".to_string()),
        Just("<".to_string()),
        "[0-9]{1,4}(-[0-9]{1,2}){0,2}",
        "[a-zA-Zé]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(atom, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn parse_never_panics_on_arbitrary_input(s in any::<String>()) {
        let _ = Query::parse(&s);
    }

    #[test]
    fn search_never_panics_and_respects_refines(s in query_strategy(), t in query_strategy()) {
        let c = synthetic();
        let f = Filters::default();
        if let Ok(q) = Query::parse(&s) {
            for sort in [Sort::Relevance, Sort::DateDesc, Sort::DateAsc, Sort::Outlet, Sort::Title] {
                let hits = search(&c, &q, &f, sort, Scope::default());
                prop_assert!(hits.len() <= c.len());
            }
            for i in 0..c.len() {
                let _ = q.title_highlights(&c.meta(i).title, &Default::default());
            }
            let _ = q.highlight_terms();
            if let Ok(q2) = Query::parse(&format!("{s}{t}"))
                && q2.refines(&q)
            {
                    let old: Vec<usize> = search(&c, &q, &f, Sort::DateDesc, Scope::default())
                        .iter()
                        .map(|h| h.index)
                        .collect();
                    let new = search(&c, &q2, &f, Sort::DateDesc, Scope::default());
                    prop_assert!(new.iter().all(|h| old.contains(&h.index)), "{} !< {}", s, t);
            }
        }
    }
}

/// The README's table of example queries on the bundled corpus says how many articles each
/// returns; the docs must not drift from what the search does.
#[test]
fn readme_examples_return_what_they_say() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = readme
        .split("Examples on the bundled corpus")
        .nth(1)
        .expect("the examples table");
    let c = seeds();
    let mut checked = 0;
    for line in table.lines().skip_while(|l| !l.starts_with('|')) {
        let Some(row) = line.strip_prefix("| `") else {
            if line.starts_with('|') {
                continue;
            }
            break;
        };
        let (query, rest) = row.split_once("` |").expect("a query cell");
        let query = query.replace("\\|", "|");
        let want: usize = rest
            .trim()
            .trim_end_matches('|')
            .trim()
            .parse()
            .expect("a count");
        let q = Query::parse(&query).unwrap_or_else(|e| panic!("{query}: {e}"));
        let got = search(
            &c,
            &q,
            &Filters::default(),
            Sort::Relevance,
            Scope::default(),
        )
        .len();
        assert_eq!(got, want, "README says {query} finds {want}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} examples found");
}

/// Affixed forms of a few roots, and words that only look related, for the property below.
const VOCAB: &[&str] = &[
    "viral",
    "diviralkan",
    "memviralkan",
    "keviralan",
    "viralnya",
    "viralitas",
    "bupati",
    "bupatinya",
    "kades",
    "kader",
    "banjir",
    "kebanjiran",
    "banjar",
    "tulis",
    "menulis",
    "penulis",
    "tulisan",
    "asnawi",
    "sekolah",
    "bersekolah",
    "kerja",
    "bekerja",
    "pekerja",
    "pekerjaan",
    "kantor",
    "camat",
    "kecamatan",
];

proptest! {
    /// Every hit of a plain word uses the word (an affixed form of it) as a whole word in its
    /// title or body, and every article that does is a hit: the match set is precise.
    #[test]
    fn every_hit_of_a_plain_word_uses_the_word(
        docs in proptest::collection::vec(
            (proptest::collection::vec(0..VOCAB.len(), 0..4),
             proptest::collection::vec(0..VOCAB.len(), 0..12)),
            1..12),
        pick in 0..VOCAB.len(),
    ) {
        let words = |ix: &[usize]| ix.iter().map(|&i| VOCAB[i]).collect::<Vec<_>>().join(" ");
        let articles: Vec<Article> = docs
            .iter()
            .enumerate()
            .map(|(n, (t, b))| {
                let mut a = Article::default();
                a.meta.id = format!("d{n}");
                a.meta.title = words(t);
                a.body.body = vec![words(b)];
                a
            })
            .collect();
        let c = Corpus::from_articles(articles);
        let word = VOCAB[pick];
        let phrase = warta::lexicon::Phrase::new(word).expect("a word");
        let uses = |i: usize| {
            let m = c.meta(i);
            let body = c.body(i).expect("body").body.join(" ");
            phrase.is_in(&warta::text::fold(&m.title)) || phrase.is_in(&warta::text::fold(&body))
        };
        let q = Query::parse(word).expect("parses");
        let hits: Vec<usize> = search(&c, &q, &Filters::default(), Sort::Relevance, Scope::default())
            .iter()
            .map(|h| h.index)
            .collect();
        let users: Vec<usize> = (0..c.len()).filter(|&i| uses(i)).collect();
        if !users.is_empty() {
            let mut sorted = hits.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, users, "{}", word);
        }
    }
}
