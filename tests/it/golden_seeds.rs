//! The five seed articles against the fields the loader issue names, full-article snapshots,
//! robustness properties, and a check over the real corpora when they are present.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use warta::loader::Record;
use warta::loader::parse::{from_record, parse_text};
use warta::model::{Article, Date, Format, RemovedKind};

fn seed(prefix: &str) -> Article {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let path = std::fs::read_dir(&dir)
        .expect("data/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    let text = std::fs::read_to_string(&path).expect("seed is UTF-8");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    parse_text(&text, name)
}

fn d(s: &str) -> Date {
    s.parse().expect("valid test date")
}

/// Footer lines, as (lower-case) paragraph starts.
const FOOTER_STARTS: &[&str] = &[
    "baca berita",
    "ikuti kami",
    "ikuti dan bergabung",
    "cek berita",
    "©",
    "all right",
    "post a comment",
    "berita lainnya",
    "berita terkini",
    "rekomendasi untuk",
    "sumber:",
    "sumber :",
];

/// Invariants every seed must meet.
fn check_common(a: &Article, tags: &[&str]) {
    for p in &a.body.body {
        let low = p.to_lowercase();
        assert!(
            !low.contains("baca juga"),
            "read-also line kept in body: {p}"
        );
        for f in FOOTER_STARTS {
            assert!(!low.starts_with(f), "footer {f:?} kept in body: {p}");
        }
        assert!(
            !low.contains("google news") && !low.contains("reserved"),
            "footer kept: {p}"
        );
        let short = p.split_whitespace().count() <= 2;
        assert!(
            !(short && (low.ends_with("komentar") || low.ends_with("comments"))),
            "count footer kept: {p}"
        );
        assert!(
            p.trim() != "Index" && p.trim() != "AA",
            "furniture kept: {p}"
        );
        assert_eq!(p.trim(), p, "untrimmed paragraph");
    }
    assert!(
        !a.body.quotes.is_empty(),
        "no quotes in {}",
        a.meta.source_path
    );
    for t in tags {
        assert!(
            a.meta.tags.iter().any(|x| x == t),
            "tag {t} missing: {:?}",
            a.meta.tags
        );
    }
    assert_eq!(a.meta.format, Format::Txt);
    assert_eq!(a.meta.record, None);
    let words: usize = a
        .body
        .body
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    assert_eq!(a.meta.word_count, words);
}

#[test]
fn seed_000_tribunsumsel() {
    let a = seed("000");
    assert_eq!(
        a.meta.title,
        "Viral ASN di Muratara Live Sebut Medsos Prokopim Bukan Tempat Ngeluh Tapi Eksis, Kabag Minta Maaf"
    );
    assert!(!a.meta.title_derived);
    assert_eq!(a.meta.outlet.as_deref(), Some("Tribunsumsel.com"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Lubuklinggau"));
    assert_eq!(a.meta.authors, vec!["Eko Hepronis"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Slamet Teguh"));
    assert_eq!(a.meta.published, Some(d("2025-06-22")));
    // The lead starts the body, without its dateline; captions and the summary are gone.
    assert!(a.body.body[0].starts_with("Viral di media sosial oknum pegawai ASN"));
    assert!(
        a.body.boilerplate.iter().any(
            |l| l.kind == RemovedKind::Caption && l.text.starts_with("Kolase Tribunsumsel.com")
        )
    );
    assert!(
        a.body.boilerplate.iter().any(
            |l| l.kind == RemovedKind::Summary && l.text.starts_with("VIRAL - ASN di Muratara")
        )
    );
    assert!(
        !a.body
            .body
            .iter()
            .any(|p| p.starts_with("VIRAL -") || p.starts_with("Kolase"))
    );
    assert_eq!(a.body.related.len(), 2);
    check_common(&a, &["live", "viral", "medsos"]);
}

#[test]
fn seed_001_simalungun() {
    let a = seed("001");
    assert_eq!(
        a.meta.title,
        "Dituding Paksa ASN Jadi Tim Medsos Bupati, Ini Bantahan Pemkab Simalungun"
    );
    assert!(
        !a.body.body.iter().any(|p| p == &a.meta.title),
        "title repeated in body"
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("PAB"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Simalungun"));
    assert_eq!(a.meta.published, Some(d("2024-04-10")));
    assert!(a.body.dates_mentioned.contains(&d("2024-04-08")));
    assert!(a.body.dates_mentioned.contains(&d("2024-04-10")));
    assert_eq!(a.meta.authors, vec!["MS"]);
    let last = a.body.body.last().expect("body");
    assert!(last.ends_with("Simalungun."), "credit not cut: {last}");
    check_common(&a, &["Facebook", "medsos"]);
}

#[test]
fn seed_002_sumeks() {
    let a = seed("002");
    assert_eq!(a.meta.outlet.as_deref(), Some("Sumeks.co"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Kayuagung"));
    assert_eq!(a.meta.published, Some(d("2024-06-19")));
    assert_eq!(a.body.related.len(), 3);
    assert!(a.body.related[0].starts_with("Mayat Mr X"));
    // The summary line ending in ` --` repeats the lede: boilerplate, so the lede appears once.
    let lede_like = a
        .body
        .body
        .iter()
        .filter(|p| p.starts_with("Beberapa instansi"))
        .count();
    assert_eq!(lede_like, 1);
    check_common(&a, &["viral", "medsos"]);
}

#[test]
fn seed_003_grow_media() {
    let a = seed("003");
    assert_eq!(a.meta.outlet.as_deref(), Some("Grow Media"));
    assert_eq!(a.meta.dateline, None);
    assert_eq!(a.meta.published, Some(d("2023-06-09")));
    assert!(a.meta.title_derived);
    assert!(
        a.meta.title.starts_with("Viral di media sosial sejumlah"),
        "{}",
        a.meta.title
    );
    assert!(!a.meta.title.contains("GROW MEDIA"));
    assert!(a.meta.title.chars().count() <= 121);
    assert!(
        a.body
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Ratu Dewa"))
    );
    check_common(&a, &["TikTok", "live", "viral"]);
}

#[test]
fn seed_004_infoku() {
    let a = seed("004");
    assert_eq!(a.meta.outlet.as_deref(), Some("Infoku"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Blora"));
    assert_eq!(a.meta.published, Some(d("2025-09-10")));
    assert_eq!(a.meta.authors, vec!["Setyorini"]);
    assert_eq!(a.body.related.len(), 3);
    assert!(
        a.body
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Bupati Arief"))
    );
    check_common(&a, &["flexing", "medsos"]);
}

#[test]
fn seed_snapshots() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let a = seed(prefix);
        insta::assert_json_snapshot!(format!("seed_{prefix}"), a);
    }
}

#[test]
fn record_fields_win() {
    let rec = Record {
        title: Some("Judul Rekaman".into()),
        body: Some("JAKARTA, KOMPAS.com - Presiden berbicara, Selasa (21/10/2025).\nBaca juga: Lain\n(Ani/Red)".into()),
        date: Some("10/21/2025 20:43".into()),
        outlet: Some("news.detik.com".into()),
        url: Some("https://news.detik.com/x".into()),
        authors: vec!["Budi".into()],
        source_fields: None,
    };
    let a = from_record(&rec, "x.jsonl", Some(3), Format::Jsonl);
    assert_eq!(a.meta.title, "Judul Rekaman");
    assert_eq!(a.meta.outlet.as_deref(), Some("Detik.com"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Jakarta"));
    assert_eq!(a.meta.published, Some(d("2025-10-21")));
    assert_eq!(a.meta.authors, vec!["Budi", "Ani"]);
    assert_eq!(a.meta.record, Some(3));
    assert_eq!(a.meta.format, Format::Jsonl);
    assert_eq!(a.meta.url.as_deref(), Some("https://news.detik.com/x"));
    assert_eq!(a.body.related, vec!["Lain"]);
    assert_eq!(
        a.body.body,
        vec!["Presiden berbicara, Selasa (21/10/2025)."]
    );
    assert_eq!(
        a.meta.id,
        warta::model::article_id(&format!(
            "Judul Rekaman\n\n{}",
            rec.body.as_deref().unwrap_or("")
        ))
    );

    let bare = Record {
        body: Some("Gubernur meresmikan jembatan baru di desa itu. Warga senang.".into()),
        ..Record::default()
    };
    let b = from_record(&bare, "y.csv", None, Format::Csv);
    assert_eq!(
        b.meta.title,
        "Gubernur meresmikan jembatan baru di desa itu"
    );
    assert!(b.meta.title_derived);
    assert_eq!(b.meta.outlet, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_text_never_panics(s in "\\PC*") {
        let a = parse_text(&s, "p.txt");
        prop_assert_eq!(a.meta.word_count, a.body.body.iter().map(|p| p.split_whitespace().count()).sum::<usize>());
    }

    #[test]
    fn parse_text_never_panics_on_structured_noise(
        s in "([A-Z]{1,8}|[a-z]{1,6}|[0-9]{1,4}|[ /\\-\u{2013}\u{2014},.():|\"\u{201c}\u{201d}\n]|Baca juga:|Rabu |\\(|é|\u{a0}){0,60}"
    ) {
        let _ = parse_text(&s, "p.txt");
    }

    #[test]
    fn from_record_never_panics(
        title in proptest::option::of("\\PC{0,40}"),
        body in proptest::option::of("[A-Za-z0-9 ,.\\-/()\"\n]{0,200}"),
        date in proptest::option::of("[0-9A-Za-z/: \\-T]{0,20}"),
        outlet in proptest::option::of("[a-zA-Z.()/: ]{0,30}"),
    ) {
        let rec = Record {
            title,
            body,
            date,
            outlet,
            url: None,
            authors: vec![],
            source_fields: None,
        };
        let _ = from_record(&rec, "r.jsonl", Some(0), Format::Jsonl);
    }
}

fn corpora() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    p.is_dir().then_some(p)
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    v.sort();
    v
}

/// The real corpora (local only): no panics, no furniture left, and counts of what was found.
/// For detik2025 the published date is compared with the dataset's own date. Set
/// `WARTA_DATE_DEBUG` to list the misses, `WARTA_DATELINE_DEBUG` to list what datelines gave.
#[test]
fn real_corpora() {
    let Some(root) = corpora() else {
        println!("note: ../shared/corpora absent; real-corpus check skipped");
        return;
    };
    for name in ["detik2025", "clickid2019"] {
        let files = txt_files(&root.join(name));
        if files.is_empty() {
            println!("note: {name} has no .txt files; skipped");
            continue;
        }
        let truth: std::collections::HashMap<String, Date> =
            std::fs::read_to_string(root.join(format!("{name}.jsonl")))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| {
                    let id = v.get("id")?.as_str()?.to_string();
                    let date = v.get("date")?.as_str()?.get(..10)?.parse().ok()?;
                    Some((id, date))
                })
                .collect();
        let (mut outlet, mut dateline, mut published, mut judged, mut right) = (0, 0, 0, 0, 0);
        for f in &files {
            let Ok(text) = std::fs::read_to_string(f) else {
                continue;
            };
            let a = parse_text(&text, &f.to_string_lossy());
            for p in &a.body.body {
                let low = p.to_lowercase();
                assert!(
                    !low.starts_with("baca juga") && !low.starts_with("scroll to continue"),
                    "{}: furniture in body: {p}",
                    f.display()
                );
            }
            if std::env::var_os("WARTA_DATELINE_DEBUG").is_some()
                && (a.meta.outlet.is_some() || a.meta.dateline.is_some())
            {
                eprintln!("DL {:?} {:?}", a.meta.outlet, a.meta.dateline);
            }
            outlet += usize::from(a.meta.outlet.is_some());
            dateline += usize::from(a.meta.dateline.is_some());
            if let Some(pubd) = a.meta.published {
                published += 1;
                let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                if let Some(t) = truth.get(stem) {
                    judged += 1;
                    right += usize::from(*t == pubd);
                    if *t != pubd && std::env::var_os("WARTA_DATE_DEBUG").is_some() {
                        eprintln!(
                            "MISS {stem} truth {t} got {pubd} mentioned {:?}",
                            a.body
                                .dates_mentioned
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
        println!(
            "{name}: {} files, outlet {outlet}, dateline {dateline}, published {published}; \
             published == dataset date on {right}/{judged} ({:.1}%)",
            files.len(),
            100.0 * right as f64 / judged.max(1) as f64
        );
    }
}

/// A news-shaped worst case (a quote and a date every 75 bytes) on one line parses right, and
/// in time that grows with the line, not its square. Measured as a ratio between two sizes
/// (the faster of three runs each), not against a clock, so a loaded machine cannot fail it:
/// 8x the text takes about 8x as long when linear, 64x when quadratic. (Parsing speed
/// itself is measured by `cargo bench --bench load`; a 50 MB line took about 1.1 s.)
#[test]
fn huge_single_line_parses_in_linear_time() {
    let unit = "Kata dia, Rabu (10/4/2024), \"satu dua tiga empat\" ujar Budi viral TikTok. ";
    let fastest = |size: usize| {
        let text: String = unit.repeat(size / unit.len());
        (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                let a = parse_text(&text, "big.txt");
                let took = t.elapsed();
                assert_eq!(a.body.body.len(), 1);
                assert!(a.meta.title_derived);
                assert_eq!(a.body.dates_mentioned, vec![d("2024-04-10")]);
                assert_eq!(a.meta.tags, vec!["TikTok", "viral"]);
                took
            })
            .min()
            .expect("three runs")
    };
    let (small, large) = (fastest(250_000), fastest(2_000_000));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 32.0,
        "8x the text took {ratio:.1}x as long ({small:?} against {large:?}): not linear"
    );
}
