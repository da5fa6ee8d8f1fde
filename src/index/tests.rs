use super::*;
use crate::corpus::Corpus;
use crate::model::Article;
use crate::query::search::tests::{TERMS, WORDS};
use crate::query::{Field, TextIndex, TextQuery, Word};

fn art(path: &str, title: &str, body: &[&str]) -> Article {
    let mut a = Article::default();
    a.meta.id = crate::model::article_id(&format!("{title}\n{}", body.join("\n")));
    a.meta.title = title.to_string();
    a.meta.source_path = path.to_string();
    a.body.body = body.iter().map(|s| s.to_string()).collect();
    a
}

fn word(text: &str) -> Word {
    Word::new(text, false)
}

fn built(c: &Corpus) -> (tempfile::TempDir, IndexView) {
    let tmp = tempfile::tempdir().unwrap();
    let (mut s, warning) = IndexStore::open(tmp.path()).unwrap();
    assert!(warning.is_none());
    s.sync(c, &Progress::default(), &|| false).unwrap();
    let v = s.view(c).unwrap();
    assert!(v.complete());
    (tmp, v)
}

fn found(v: &IndexView, q: &TextQuery) -> Vec<u32> {
    let mut ids: Vec<u32> = v.find(q).unwrap().iter().map(|h| h.index).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn phrases_do_not_span_paragraphs_and_titles_weigh_more() {
    let c = Corpus::from_articles(vec![
        art("a.txt", "Media sosial ramai", &["Tidak ada apa apa."]),
        art("b.txt", "Kabar", &["Viral di media", "sosial lagi"]),
        art(
            "c.txt",
            "Kabar lain",
            &["Viral di medianya sosial, juga media sosial."],
        ),
    ]);
    let (_t, v) = built(&c);
    let phrase = TextQuery::Phrase(Field::Any, vec![word("media"), word("sosial")]);
    assert_eq!(found(&v, &phrase), [0, 2]);
    let hits = v.find(&phrase).unwrap();
    let score = |i: u32| hits.iter().find(|h| h.index == i).unwrap().score;
    assert!(score(0) > score(2), "a title match outranks body mentions");
    assert!(hits.iter().all(|h| h.score > 0.0));
    // Separately, both words are in b.
    let both = TextQuery::Word(Field::Body, word("sosial"));
    assert_eq!(found(&v, &both), [1, 2]);
    let any = TextQuery::AnyOf(vec![
        TextQuery::Word(Field::Title, word("kabar")),
        TextQuery::Word(Field::Title, word("ramai")),
    ]);
    assert_eq!(found(&v, &any), [0, 1, 2]);
}

#[test]
fn a_view_of_another_corpus_does_not_answer() {
    let c = Corpus::from_articles(vec![art("a.txt", "Satu", &["dua"])]);
    let (tmp, _v) = built(&c);
    let (s, _) = IndexStore::open(tmp.path()).unwrap();
    let other = Corpus::from_articles(vec![art("a.txt", "Satu", &["tiga"])]);
    let v = s.view(&other).unwrap();
    assert!(!v.complete());
    assert!(v.find(&TextQuery::Word(Field::Any, word("satu"))).is_none());
}

#[test]
fn prefix_and_typo_matches_rank_by_their_commonest_expansions() {
    let c = Corpus::from_articles(vec![
        art("a.txt", "Kabar Blora", &["Bupati datang, bupati bicara."]),
        art("b.txt", "Kabar", &["Bupala menulis surat."]),
        art(
            "c.txt",
            "Lain",
            &["Warga dan bupati hadir di sini bersama camat."],
        ),
    ]);
    let (_t, v) = built(&c);
    let mut prefix = word("bupa");
    prefix.prefix = true;
    let mut typo = word("bupatu");
    typo.edits = 1;
    for w in [prefix, typo] {
        let q = TextQuery::Word(Field::Body, w.clone());
        let hits = v.find(&q).unwrap();
        let score = |i: u32| hits.iter().find(|h| h.index == i).map(|h| h.score);
        assert!(
            score(0) > score(2),
            "{w:?}: the article saying bupati most ranks first"
        );
        if w.prefix {
            // The rarer expansion still matches: the set is the automaton's.
            assert_eq!(found(&v, &q), [0, 1, 2]);
            assert!(score(1).is_some());
        } else {
            assert_eq!(found(&v, &q), [0, 2]);
        }
    }
}

/// The word being typed (its prefix too) finds through the index what the scan finds, and
/// the index ranks the article holding the word itself above those with a longer word.
#[test]
fn the_word_being_typed_finds_the_same_articles_through_the_index() {
    use crate::facets::Filters;
    use crate::query::{Query, Scope, Sort, search};
    let c = Corpus::from_articles(vec![
        art(
            "a.txt",
            "Kasus korupsi dana desa",
            &["Korupsi lagi, korupsi terus."],
        ),
        art("b.txt", "Pejabat korup ditangkap", &["Ia korup."]),
        art(
            "c.txt",
            "Dana yang dikorupsi",
            &["Ditemui Har di kantor.", "Ramai di media sosial."],
        ),
        art("d.txt", "Koran pagi", &["Berita medsos hari ini."]),
    ]);
    let (_t, v) = built(&c);
    let ids = |q: &Query, index: bool| -> Vec<usize> {
        let scope = Scope {
            text: index.then_some(&v as &dyn TextIndex),
            ..Scope::default()
        };
        let mut got: Vec<usize> = search(&c, q, &Filters::default(), Sort::Relevance, scope)
            .iter()
            .map(|h| h.index)
            .collect();
        got.sort_unstable();
        got
    };
    for text in [
        "k",
        "ko",
        "kor",
        "koru",
        "korup",
        "korups",
        "korupsi",
        "korupsii",
        "koran har",
        "dana k",
        "meds",
        "dana meds",
    ] {
        for typing in [false, true] {
            let mut q = Query::parse(text).unwrap();
            if typing {
                q = q.while_typing(crate::lexicon::Lexicon::builtin());
            }
            assert_eq!(ids(&q, true), ids(&q, false), "{text:?} typing {typing}");
        }
    }
    let typing = |text: &str| {
        Query::parse(text)
            .unwrap()
            .while_typing(crate::lexicon::Lexicon::builtin())
    };
    assert_eq!(ids(&typing("korup"), true), [0, 1]);
    assert_eq!(ids(&Query::parse("korup").unwrap(), true), [1]);
    // `meds` begins `medsos`: its synonym "media sosial" is found already.
    assert_eq!(ids(&typing("meds"), true), [2, 3]);
    let scope = Scope {
        text: Some(&v),
        ..Scope::default()
    };
    let ranked = search(
        &c,
        &typing("korup"),
        &Filters::default(),
        Sort::Relevance,
        scope,
    );
    assert_eq!(
        ranked[0].index, 1,
        "the word itself ranks first: {ranked:?}"
    );
}

/// The bucketed lookup of article keys finds what a binary search finds, whatever the
/// keys' spread: hashes, clustered small numbers, the extremes, one key, none.
#[test]
fn bucketed_keys_find_what_a_binary_search_finds() {
    use super::view::Buckets;
    let hashed: Vec<u64> = (0..5000u64)
        .map(|i| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes()))
        .collect();
    let sets: Vec<Vec<u64>> = vec![
        hashed,
        (0..300).collect(),
        vec![0, 1, u64::MAX - 1, u64::MAX],
        vec![42],
        Vec::new(),
    ];
    for keys in sets {
        let mut sorted: Vec<(u64, u32)> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        sorted.sort_unstable();
        let b = Buckets::new(&sorted);
        let probes = keys
            .iter()
            .copied()
            .chain([2, 7, u64::MAX / 2, 1 << 63, 12345]);
        for k in probes {
            let want = sorted
                .binary_search_by_key(&k, |&(key, _)| key)
                .ok()
                .map(|at| sorted[at].1);
            assert_eq!(b.find(&sorted, k), want, "key {k} of {} keys", sorted.len());
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// With the index answering, the fast path (only articles in every required word's
    /// match set tested, a radix sort) gives exactly the plain path's hits, scores and
    /// order.
    #[test]
    fn indexed_searches_agree_with_the_plain_path(
        arts in proptest::collection::vec(
            (
                proptest::collection::vec(0usize..20, 0..5),
                proptest::collection::vec(0usize..20, 0..9),
            ),
            1..30,
        ),
        queries in proptest::collection::vec(
            proptest::collection::vec(0usize..TERMS.len(), 1..4),
            1..6,
        ),
    ) {
        use crate::facets::Filters;
        use crate::query::{Query, Scope, Sort, search, search_plain};
        let words = |w: &[usize]| -> String {
            w.iter().map(|&i| WORDS[i % WORDS.len()]).collect::<Vec<_>>().join(" ")
        };
        let c = Corpus::from_articles(
            arts.iter()
                .enumerate()
                .map(|(i, (title, body))| {
                    let body = words(body);
                    let paragraphs: Vec<&str> = body.split(" bupati ").collect();
                    art(&format!("{i}.txt"), &words(title), &paragraphs)
                })
                .collect(),
        );
        let (_t, v) = built(&c);
        for terms in &queries {
            let text: Vec<&str> = terms.iter().map(|&t| TERMS[t]).collect();
            let Ok(q) = Query::parse(&text.join(" ")) else {
                continue;
            };
            // Typed in the search bar, the last word a prefix too.
            for (q, sort) in [
                (q.clone(), Sort::Relevance),
                (q.clone(), Sort::DateDesc),
                (q.while_typing(crate::lexicon::Lexicon::builtin()), Sort::Relevance),
            ] {
                let scope = Scope { text: Some(&v), ..Scope::default() };
                let fast = search(&c, &q, &Filters::default(), sort, scope);
                let plain = search_plain(&c, &q, &Filters::default(), sort, scope);
                proptest::prop_assert_eq!(&fast, &plain, "{:?} {:?}", text, sort);
            }
        }
    }
}
