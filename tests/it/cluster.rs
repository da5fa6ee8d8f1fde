//! Syndicated-copy detection end to end: seed articles are mutated the way outlets copy each
//! other (new headline, other boilerplate, a few edited sentences, re-wrapped paragraphs),
//! run through the real text parser, and clustered. The five seeds are all about ASN and
//! social media, so they double as "different stories on the same topic".

use warta::cluster::{self, Clusters, MIN_WORDS, Signature};
use warta::corpus::Corpus;
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;
use warta::model::{Article, Date};

fn seeds() -> Vec<String> {
    EMBEDDED
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).replace("\r\n", "\n"))
        .collect()
}

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

/// A new headline on the first line.
fn new_headline(text: &str, n: usize) -> String {
    let mut l = lines(text);
    l[0] = format!("HEBOH! Kabar Terbaru Soal Pegawai Daerah Nomor {n}");
    l.join("\n")
}

/// Boilerplate the copying outlet adds: a source credit, an editor line, "Baca juga" links.
fn add_boilerplate(text: &str) -> String {
    let mut l = lines(text);
    let at = (l.len() / 3).max(1);
    l.insert(
        at,
        "Baca juga: Harga Cabai Merah di Pasar Induk Naik Jelang Akhir Pekan".into(),
    );
    l.insert(at, String::new());
    l.push(String::new());
    l.push("Dikutip dari Sripoku.com".into());
    l.push("Editor: Budi Santoso".into());
    l.insert(1, "Penulis: Redaksi | Editor: Rina Marlina".into());
    l.join("\n")
}

/// The original's own boilerplate lines removed.
fn drop_boilerplate(text: &str) -> String {
    text.split('\n')
        .filter(|l| {
            let t = l.trim_start().to_lowercase();
            !(t.starts_with("baca juga") || t.starts_with("penulis") || t.starts_with("editor"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `count` long paragraphs (from the middle on) get one sentence rewritten.
fn edit_sentences(text: &str, count: usize) -> String {
    let mut l = lines(text);
    let mut edited = 0;
    let start = l.len() / 2;
    for line in l.iter_mut().skip(start) {
        if edited == count {
            break;
        }
        if line.split_whitespace().count() >= 12 {
            *line = format!(
                "Menurut keterangan pihak terkait nomor {edited}, persoalan ini masih ditelusuri \
                 lebih lanjut oleh instansi yang berwenang. {line}"
            );
            let mut words: Vec<&str> = line.split_whitespace().collect();
            let last = words.len() - 1;
            words.swap(last, last - 3);
            *line = words.join(" ");
            edited += 1;
        }
    }
    assert_eq!(edited, count, "seed too short for the test");
    l.join("\n")
}

/// Paragraphs re-wrapped: pairs of paragraphs joined, long ones broken after a sentence.
fn rewrap(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut out = Vec::new();
    for pair in paras.chunks(2) {
        let joined = pair.join(" ");
        match joined.find(". ") {
            Some(p) if p > 40 => {
                out.push(joined[..=p].to_string());
                out.push(joined[p + 2..].to_string());
            }
            _ => out.push(joined),
        }
    }
    out.join("\n\n")
}

fn parse(text: &str, path: &str) -> Article {
    parse_text(text, path)
}

/// Each seed followed by three differently mutated copies; returns the corpus and, per
/// article, which seed it came from.
fn seeds_with_copies() -> (Vec<Article>, Vec<usize>) {
    let mut articles = Vec::new();
    let mut origin = Vec::new();
    for (s, text) in seeds().iter().enumerate() {
        let copies = [
            text.clone(),
            add_boilerplate(&new_headline(text, s)),
            rewrap(&edit_sentences(&drop_boilerplate(text), 2)),
            edit_sentences(&add_boilerplate(&rewrap(&new_headline(text, s + 10))), 3),
        ];
        for (k, c) in copies.iter().enumerate() {
            articles.push(parse(c, &format!("seed{s}/copy{k}.txt")));
            origin.push(s);
        }
    }
    (articles, origin)
}

#[test]
fn edited_copies_are_grouped_and_same_topic_stories_are_not() {
    let (articles, origin) = seeds_with_copies();
    // The copies really differ from their originals, or the test would prove nothing.
    for (i, a) in articles.iter().enumerate() {
        if i % 4 != 0 {
            let original = &articles[i - i % 4];
            assert_ne!(
                (&a.meta.title, &a.body.body),
                (&original.meta.title, &original.body.body),
                "copy {i}"
            );
            assert_ne!(a.meta.id, articles[i - i % 4].meta.id);
        }
    }
    let corpus = Corpus::from_articles(articles);
    let (sigs, clusters) = cluster::cluster_corpus(&corpus);
    assert!(sigs.iter().all(Option::is_some));
    assert_eq!(clusters.len(), 5, "one cluster per seed");
    for (i, &o) in origin.iter().enumerate() {
        let c = clusters.cluster_of(i).expect("every article has copies");
        let mut members: Vec<usize> = clusters.members(c).to_vec();
        members.sort_unstable();
        let expected: Vec<usize> = (0..origin.len()).filter(|&j| origin[j] == o).collect();
        assert_eq!(members, expected, "article {i}");
        assert_eq!(clusters.copies(i), 3);
    }
    // Same topic, different stories: far below the threshold, not just under it.
    for a in (0..origin.len()).step_by(4) {
        for b in (a + 4..origin.len()).step_by(4) {
            let (Some(x), Some(y)) = (&sigs[a], &sigs[b]) else {
                unreachable!()
            };
            assert!(x.similarity(y) < 0.15, "seeds {a} and {b}");
        }
    }
}

#[test]
fn copies_score_well_above_the_threshold() {
    let (articles, _) = seeds_with_copies();
    let sigs: Vec<Signature> = articles
        .iter()
        .map(|a| cluster::signature(&a.body.body).expect("long enough"))
        .collect();
    for i in (0..sigs.len()).filter(|i| i % 4 != 0) {
        let orig = &sigs[i - i % 4];
        let sim = orig.similarity(&sigs[i]);
        assert!(sim >= cluster::THRESHOLD + 0.1, "copy {i}: {sim}");
    }
}

#[test]
fn same_topic_stories_sharing_stock_phrases_are_not_grouped() {
    // Two stories written for this test: the same regency, the same actors and the same
    // stock phrases of local news, but different events.
    let a = "Viral di media sosial, seorang oknum ASN di lingkungan Pemkab Musi Rawas Utara \
             terekam sedang bermain gim saat jam kerja. Video berdurasi satu menit itu diunggah \
             akun Fakta Muratara dan langsung menuai kritik warganet. Bupati Muratara meminta \
             Inspektorat memeriksa pegawai tersebut dan memberikan sanksi sesuai aturan yang \
             berlaku. Kepala BKPSDM menyebut pegawai itu sudah dipanggil dan diminta membuat \
             klarifikasi. Saya sudah menegur yang bersangkutan, ujarnya saat dikonfirmasi.";
    let b = "Viral di media sosial, Bupati Musi Rawas Utara meminta seluruh ASN di lingkungan \
             Pemkab Muratara lebih bijak menggunakan media sosial setelah sejumlah unggahan \
             pegawai menuai kritik warganet. Sekda Muratara menyebut aturan penggunaan akun \
             resmi pemerintah akan diperketat dan setiap OPD wajib menunjuk admin. Inspektorat \
             akan memantau unggahan pegawai selama tiga bulan ke depan. Kami ingin akun resmi \
             menjadi tempat pelayanan publik, ujarnya saat dikonfirmasi.";
    let body = |t: &str| vec![t.to_string()];
    let (sa, sb) = (cluster::signature(&body(a)), cluster::signature(&body(b)));
    let (Some(sa), Some(sb)) = (sa, sb) else {
        panic!("both stories are over {MIN_WORDS} words");
    };
    assert!(sa.similarity(&sb) < 0.1, "{}", sa.similarity(&sb));
    let c = Clusters::build(&[Some(sa.clone()), Some(sb), Some(sa)], |i| i);
    assert_eq!(c.len(), 1);
    assert_eq!(c.members(c.cluster_of(0).unwrap()), &[0, 2]);
    assert_eq!(c.cluster_of(1), None);
}

#[test]
fn short_bodies_are_never_grouped() {
    let stub = "Video: Detik-detik ASN viral di media sosial saat jam kerja, simak selengkapnya";
    let short = format!("Judul Singkat\n\n{stub}\n\nBaca juga: Berita lain yang tidak penting");
    let articles: Vec<Article> = (0..4)
        .map(|i| parse(&short, &format!("stub{i}.txt")))
        .collect();
    assert!(articles[0].body.body.join(" ").split_whitespace().count() < MIN_WORDS);
    let corpus = Corpus::from_articles(articles);
    let (sigs, clusters) = cluster::cluster_corpus(&corpus);
    assert!(sigs.iter().all(Option::is_none));
    assert!(clusters.is_empty());
    assert_eq!(clusters.copies(0), 0);
    assert_eq!(clusters.representative(2), 2);
    assert!(clusters.is_representative(2));
}

#[test]
fn representative_is_the_earliest_then_the_smallest_id() {
    let (mut articles, _) = seeds_with_copies();
    articles.truncate(4);
    let d = |day| Date::new(2025, 6, day);
    articles[0].meta.published = Some(d(22).unwrap());
    articles[1].meta.published = None;
    articles[2].meta.published = Some(d(20).unwrap());
    articles[3].meta.published = Some(d(20).unwrap());
    let earliest_ids: Vec<&str> = vec![&articles[2].meta.id, &articles[3].meta.id];
    let first = if earliest_ids[0] < earliest_ids[1] {
        2
    } else {
        3
    };
    let second = 5 - first;
    let corpus = Corpus::from_articles(articles);
    let (_, clusters) = cluster::cluster_corpus(&corpus);
    let c = clusters.cluster_of(1).unwrap();
    // Dated before undated; among equal dates the smaller id.
    assert_eq!(clusters.members(c), &[first, second, 0, 1]);
    for i in 0..4 {
        assert_eq!(clusters.representative(i), first);
        assert_eq!(clusters.is_representative(i), i == first);
        assert_eq!(
            clusters.export_id(i, corpus.metas()),
            Some(corpus.meta(first).id.as_str())
        );
    }
}

#[test]
fn clusters_do_not_depend_on_thread_count() {
    let (articles, _) = seeds_with_copies();
    // Interleave the stories so cluster members are not adjacent.
    let mut mixed: Vec<Article> = Vec::new();
    for k in 0..4 {
        mixed.extend(articles.iter().skip(k).step_by(4).cloned());
    }
    let corpus = Corpus::from_articles(mixed);
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let (sigs, c) = cluster::cluster_corpus(&corpus);
            let groups: Vec<Vec<usize>> = c.iter().map(|(_, m)| m.to_vec()).collect();
            (sigs, groups)
        })
    };
    let (sigs1, groups1) = run(1);
    let (sigs3, groups3) = run(3);
    assert_eq!(sigs1, sigs3);
    assert_eq!(groups1, groups3);
    assert_eq!(groups1.len(), 5);
    // Clusters are numbered by their representative's index.
    let reps: Vec<usize> = groups1.iter().map(|g| g[0]).collect();
    let mut sorted = reps.clone();
    sorted.sort_unstable();
    assert_eq!(reps, sorted);
    // Signatures are a pure function of the body text.
    let again: Vec<Option<Signature>> = (0..corpus.len())
        .map(|i| cluster::signature(&corpus.body(i).unwrap().body))
        .collect();
    assert_eq!(again, sigs1);
}
