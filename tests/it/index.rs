//! The full-text index answers exactly what the scan would ([`Phrase::is_in`] on folded
//! titles and paragraphs), survives restarts, damage and live changes.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use warta::corpus::Corpus;
use warta::index::{IndexStore, IndexView, Progress};
use warta::lexicon::Phrase;
use warta::model::Article;
use warta::query::{Field, TextIndex, TextQuery, Word};
use warta::text::fold;

fn art(path: &str, record: Option<usize>, title: &str, body: &[String]) -> Article {
    let mut a = Article::default();
    a.meta.id = warta::model::article_id(&format!("{title}\n{}", body.join("\n")));
    a.meta.title = title.to_string();
    a.meta.source_path = path.to_string();
    a.meta.record = record;
    a.body.body = body.to_vec();
    a
}

fn word(text: &str, literal: bool) -> Word {
    Word::new(text, literal)
}

fn open(dir: &Path) -> (IndexStore, Option<String>) {
    IndexStore::open(dir).expect("index opens")
}

fn synced(dir: &Path, c: &Corpus) -> IndexView {
    let (mut s, _) = open(dir);
    s.sync(c, &Progress::default(), &|| false).expect("sync");
    let v = s.view(c).expect("view");
    assert!(v.complete());
    v
}

fn found(v: &dyn TextIndex, q: &TextQuery) -> BTreeSet<u32> {
    v.find(q)
        .expect("the index answers")
        .iter()
        .map(|h| h.index)
        .collect()
}

/// What the scan finds: the phrase in the folded title or in one folded paragraph.
fn scanned(c: &Corpus, field: Field, phrase: &Phrase) -> BTreeSet<u32> {
    (0..c.len())
        .filter(|&i| {
            let a = c.article(i).expect("article");
            let title =
                matches!(field, Field::Title | Field::Any) && phrase.is_in(&fold(&a.meta.title));
            let body = matches!(field, Field::Body | Field::Any)
                && a.body.body.iter().any(|p| phrase.is_in(&fold(p)));
            title || body
        })
        .map(|i| i as u32)
        .collect()
}

const VOCAB: &[&str] = &[
    "viral",
    "diviralkan",
    "memviralkan",
    "keviralan",
    "viralnya",
    "Viralitas",
    "nonviral",
    "media",
    "medianya",
    "sosial",
    "tulis",
    "menulis",
    "ditulis",
    "penulis",
    "bupati",
    "Bupati",
    "kerja",
    "bekerja",
    "pekerjaan",
    "ambil",
    "mengambil",
    "kinerja",
    "ASN",
    "pegawai",
    "pegawainya",
    "Média",
    "sosiál",
    "2024",
    "makan",
    "makanan",
    "maka",
    "pendidikan",
    "didik",
];

fn text_of(words: &[usize], seps: &[usize]) -> String {
    const SEP: &[&str] = &[" ", ", ", " - ", ". ", "-", "  ", "/"];
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            s.push_str(SEP[seps[k % seps.len()] % SEP.len()]);
        }
        s.push_str(VOCAB[*w % VOCAB.len()]);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Words and two-word phrases, stem-aware and literal, in titles, bodies or either: the
    /// index finds the articles the scan finds.
    #[test]
    fn index_agrees_with_the_scan(
        docs in prop::collection::vec(
            (prop::collection::vec(0usize..100, 0..5),
             prop::collection::vec(prop::collection::vec(0usize..100, 0..8), 0..3),
             prop::collection::vec(0usize..10, 1..4)),
            1..12),
        queries in prop::collection::vec((0usize..100, 0usize..100, any::<bool>(), 0u8..3, 0u8..3), 1..8),
    ) {
        let articles: Vec<Article> = docs
            .iter()
            .enumerate()
            .map(|(i, (t, paras, seps))| {
                let body: Vec<String> = paras.iter().map(|p| text_of(p, seps)).collect();
                art(&format!("f{}.jsonl", i % 4), Some(i), &text_of(t, seps), &body)
            })
            .collect();
        let c = Corpus::from_articles(articles);
        let tmp = tempfile::tempdir().unwrap();
        let v = synced(tmp.path(), &c);
        for (a, b, literal, kind, field) in queries {
            let field = [Field::Title, Field::Body, Field::Any][field as usize];
            let (wa, wb) = (fold(VOCAB[a % VOCAB.len()]), fold(VOCAB[b % VOCAB.len()]));
            let (text, q) = if kind == 0 {
                (wa.clone(), TextQuery::Word(field, word(&wa, literal)))
            } else {
                (format!("{wa} {wb}"), TextQuery::Phrase(field, vec![word(&wa, literal), word(&wb, literal)]))
            };
            let phrase = if literal { Phrase::literal(&text) } else { Phrase::new(&text) }.unwrap();
            prop_assert_eq!(found(&v, &q), scanned(&c, field, &phrase), "{:?} {}", field, text);
        }
    }
}

fn corpus3() -> Corpus {
    let p = |s: &str| vec![s.to_string()];
    Corpus::from_articles(vec![
        art(
            "a.txt",
            None,
            "Bupati Musi Rawas diviralkan",
            &p("Video itu viral di media sosial."),
        ),
        art(
            "b.txt",
            None,
            "Pegawai bekerja",
            &p("Bupatinya menulis surat kepada ASN."),
        ),
        art("c.jsonl", Some(0), "Kabar", &p("Makanan khas Palembang.")),
        art("c.jsonl", Some(1), "Kabar", &p("Makanan khas Palembang.")),
    ])
}

#[test]
fn prefixes_typos_and_mixed_phrases() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    let v = synced(tmp.path(), &c);
    let w = |text: &str, prefix: bool, edits: u8| Word {
        prefix,
        edits,
        ..word(text, false)
    };
    // "bupa" as typed: bupati, bupatinya.
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Any, w("bupa", true, 0))),
        [0, 1].into()
    );
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Title, w("bupa", true, 0))),
        [0].into()
    );
    // One typo, first letter kept; a transposition is one edit.
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Any, w("bupatu", false, 1))),
        [0].into()
    );
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Any, w("bpuati", false, 1))),
        [0].into()
    );
    assert!(found(&v, &TextQuery::Word(Field::Any, w("upati", false, 1))).is_empty());
    assert!(found(&v, &TextQuery::Word(Field::Any, w("bupatu", false, 0))).is_empty());
    // Copies in one file (same id, two records) are two articles.
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Body, w("makan", false, 0))),
        [2, 3].into()
    );
    // A phrase ending in a word being typed, and one with a literal word.
    let typed = TextQuery::Phrase(Field::Body, vec![w("media", false, 0), w("sos", true, 0)]);
    assert_eq!(found(&v, &typed), [0].into());
    let mixed = TextQuery::Phrase(
        Field::Body,
        vec![word("menulis", true), w("surat", false, 0)],
    );
    assert_eq!(found(&v, &mixed), [1].into());
    let mixed = TextQuery::Phrase(Field::Body, vec![word("tulis", true), w("surat", false, 0)]);
    assert!(found(&v, &mixed).is_empty());
    let typo = TextQuery::Phrase(
        Field::Body,
        vec![w("medai", false, 1), word("sosial", false)],
    );
    assert_eq!(found(&v, &typo), [0].into());
}

#[test]
fn an_index_survives_a_restart() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    let q = TextQuery::Word(Field::Any, word("viral", false));
    let before = found(&synced(tmp.path(), &c), &q);
    assert_eq!(before, [0].into());
    let (mut s, warning) = open(tmp.path());
    assert!(warning.is_none());
    let report = s.sync(&c, &Progress::default(), &|| false).unwrap();
    assert_eq!(report.added, 0, "nothing to redo");
    assert_eq!(found(&s.view(&c).unwrap(), &q), before);
}

/// Warta's own files in the index folder are opened without blocking: a FIFO put where the
/// list of validated segments lives must not hang the open (nobody writes to it).
#[test]
fn a_fifo_in_the_index_folder_does_not_hang_the_open() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    let q = TextQuery::Word(Field::Any, word("viral", false));
    let before = found(&synced(tmp.path(), &c), &q);
    let validated = walkdir(tmp.path())
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == "validated"))
        .expect("the validated list");
    std::fs::remove_file(&validated).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&validated)
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Segments are checked again instead; the answers are the same.
    let (s, _) = open(tmp.path());
    assert_eq!(found(&s.view(&c).unwrap(), &q), before);
}

#[test]
fn a_damaged_index_is_rebuilt_with_one_warning() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    synced(tmp.path(), &c);
    let dir = tmp.path().join("index");
    // Garbage in the middle of every segment file.
    let mut damaged = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".idx") || name.ends_with(".pos") || name.ends_with(".term") {
            let mut bytes = std::fs::read(&p).unwrap();
            let (mid, len) = (bytes.len() / 2, bytes.len());
            for b in &mut bytes[mid..(mid + 8).min(len)] {
                *b ^= 0x5a;
            }
            std::fs::write(&p, bytes).unwrap();
            damaged += 1;
        }
    }
    assert!(damaged > 0);
    let (mut s, warning) = open(tmp.path());
    assert!(warning.expect("one warning").contains("rebuilt"));
    s.sync(&c, &Progress::default(), &|| false).unwrap();
    let v = s.view(&c).unwrap();
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Any, word("viral", false))),
        [0].into()
    );
    // Rebuilt: the next open is quiet.
    drop(s);
    assert!(open(tmp.path()).1.is_none());

    // A garbage format file, and a garbage meta.json.
    std::fs::write(dir.join("warta-index.json"), b"\x00garbage").unwrap();
    let (mut s, warning) = open(tmp.path());
    assert!(warning.is_some());
    s.sync(&c, &Progress::default(), &|| false).unwrap();
    drop(s);
    std::fs::write(dir.join("meta.json"), b"{not json").unwrap();
    let (mut s, warning) = open(tmp.path());
    assert!(warning.is_some());
    s.sync(&c, &Progress::default(), &|| false).unwrap();
    let v = s.view(&c).unwrap();
    assert_eq!(
        found(&v, &TextQuery::Word(Field::Any, word("bekerja", false))),
        [1].into()
    );
}

#[test]
fn live_changes_are_synced() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    synced(tmp.path(), &c);
    let q = |w: &str| TextQuery::Word(Field::Any, word(w, false));
    // b.txt edited, c.jsonl gone, d.txt new.
    let p = |s: &str| vec![s.to_string()];
    let changed = Corpus::from_articles(vec![
        art(
            "a.txt",
            None,
            "Bupati Musi Rawas diviralkan",
            &p("Video itu viral di media sosial."),
        ),
        art("b.txt", None, "Pegawai libur", &p("Tidak ada surat.")),
        art("d.txt", None, "Makan siang", &p("Sosial.")),
    ]);
    let (mut s, _) = open(tmp.path());
    let stale = s.view(&changed).unwrap();
    assert!(!stale.complete() && stale.find(&q("libur")).is_none());
    let report = s.sync(&changed, &Progress::default(), &|| false).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(report.files_removed, 2);
    let v = s.view(&changed).unwrap();
    assert_eq!(v.docs(), 3);
    assert_eq!(found(&v, &q("libur")), [1].into());
    assert!(found(&v, &q("bekerja")).is_empty());
    assert_eq!(found(&v, &q("makan")), [2].into());
    assert_eq!(found(&v, &q("sosial")), [0, 2].into());
}

#[test]
fn a_second_process_reads_without_writing() {
    let c = corpus3();
    let tmp = tempfile::tempdir().unwrap();
    let (mut first, _) = open(tmp.path());
    first.sync(&c, &Progress::default(), &|| false).unwrap();
    // The lock is per open file description: a second open in this process stands for
    // another warta.
    let (mut second, warning) = open(tmp.path());
    assert!(warning.is_none());
    assert!(!second.writable());
    let r = second.sync(&c, &Progress::default(), &|| false).unwrap();
    assert!(r.read_only);
    assert_eq!(
        found(
            &second.view(&c).unwrap(),
            &TextQuery::Word(Field::Any, word("viral", false))
        ),
        [0].into()
    );
}

/// `warta search` builds the index beside the cache, reuses it, and syncs a changed file.
#[test]
fn the_command_line_builds_and_syncs_the_index() {
    use std::process::{Command, Stdio};
    let cache = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(corpus.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Bupati diviralkan\n\nVideo itu viral di media sosial.\n",
    );
    write("b.txt", "Pegawai bekerja\n\nTidak ada yang viral.\n");
    let run = |q: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["search", q])
            .arg(corpus.path())
            .env("WARTA_CACHE_DIR", cache.path())
            .env_remove("WARTA_CONFIG")
            .stdin(Stdio::null())
            .output()
            .expect("run warta");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    // What the search prints is the query side's; this is about the index under it.
    let (_, err) = run("viral");
    assert!(err.contains("indexed 2 articles"), "{err}");
    let formats: Vec<_> = walkdir(cache.path())
        .into_iter()
        .filter(|p| p.ends_with("index/warta-index.json"))
        .collect();
    assert_eq!(formats.len(), 1, "one index beside the cache");
    let (_, err) = run("viral");
    assert!(
        !err.contains("indexed"),
        "a warm run indexes nothing: {err}"
    );
    write("b.txt", "Pegawai libur\n\nTidak ada kabar.\n");
    let (_, err) = run("viral");
    assert!(err.contains("indexed 1 article "), "{err}");
}

/// Every file under `dir`. A folder that vanishes while it is listed (the index's temporary
/// folders come and go while a browser builds it) is passed over, not a failure.
pub(crate) fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The browser builds the index on a background thread after the load, beside the cache.
#[test]
fn the_browser_builds_the_index_in_the_background() {
    use crate::common::{POLL, Tmux, have_tmux, quote, status_line, timeout};
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(
            corpus.path().join(format!("{i}.txt")),
            format!("Berita {i} viral\n\nIsi berita nomor {i} diviralkan warganet.\n"),
        )
        .unwrap();
    }
    let t = Tmux::start_warta(120, 40, None, &quote(&corpus.path().display().to_string()));
    t.wait("the list drawn", |s| {
        status_line(s).contains('/') && s.contains("Articles")
    });
    let start = std::time::Instant::now();
    loop {
        let built = walkdir(&t.path("cache"))
            .iter()
            .any(|p| p.ends_with("index/validated"));
        if built {
            break;
        }
        assert!(
            start.elapsed() < timeout(),
            "no index built; screen:\n{}",
            t.screen()
        );
        std::thread::sleep(POLL);
    }
}

#[test]
fn an_index_left_half_made_by_an_exit_is_made_again_without_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    // What a warta that exited while creating its index leaves: the half-made copy beside
    // where the index goes, and no index.
    let half = tmp.path().join("index.new");
    std::fs::create_dir_all(&half).unwrap();
    std::fs::write(half.join("meta.json"), b"{").unwrap();
    let (s, warning) = open(tmp.path());
    assert!(warning.is_none(), "{warning:?}");
    drop(s);
    assert!(!half.exists(), "the half-made copy is gone");
    assert!(tmp.path().join("index").join("warta-index.json").is_file());
    // The made index opens quietly.
    assert!(open(tmp.path()).1.is_none());
}
