//! `warta list` and `warta export` write the same report rows: the same columns in the same
//! order for the same fields, with the triage state, through the real binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use warta::triage::{Decision, Op, Store};

fn warta(args: &[&str], dir: &Path) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", dir.join("cache"))
        .env("WARTA_DATA_DIR", dir.join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn csv_table(o: &Output) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&o.stdout[..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The bundled corpus with one article decided, labelled and noted.
fn triaged(dir: &Path) -> String {
    let o = warta(&["list", "--format", "jsonl", "--sort", "title"], dir);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&o.stdout).lines().next().unwrap()).unwrap();
    let id = first["id"].as_str().unwrap().to_string();
    let mut store = Store::open(&dir.join("data"));
    for op in [
        Op::Decide {
            ids: vec![id.clone()],
            decision: Decision::Relevant,
            mark_read: false,
        },
        Op::AddLabel {
            ids: vec![id.clone()],
            label: "=banjir".into(),
        },
    ] {
        assert_eq!(store.apply(op).unwrap(), warta::triage::Saved::Durable);
    }
    store.close().unwrap();
    id
}

#[test]
fn list_and_export_csv_share_their_columns_and_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let id = triaged(tmp.path());
    let list = csv_table(&warta(
        &["list", "--format", "csv", "--sort", "title"],
        tmp.path(),
    ));
    let export = csv_table(&warta(
        &["export", "--format", "csv", "--sort", "title"],
        tmp.path(),
    ));
    let (lh, eh) = (&list[0], &export[0]);
    // The list's columns are the export's first ones: the article, its triage state, then
    // its places.
    assert_eq!(lh[..], eh[..lh.len()], "{lh:?}\n{eh:?}");
    assert_eq!(&lh[..5], ["id", "title", "outlet", "dateline", "published"]);
    assert_eq!(
        &lh[lh.len() - 4..],
        ["note_at", "provinces", "regions", "regions_passing"]
    );
    assert_eq!(list.len(), 6);
    assert_eq!(list.len(), export.len());
    for (l, e) in list.iter().zip(&export).skip(1) {
        assert_eq!(l[..], e[..l.len()]);
    }
    let col = |name: &str| lh.iter().position(|h| h == name).unwrap();
    let row = list.iter().find(|r| r[0] == id).unwrap();
    assert_eq!(row[col("decision")], "relevant");
    assert_eq!(row[col("labels")], "'=banjir");
    // Every bundled article names its province (the sample is about Sumatra and Java).
    for r in &list[1..] {
        assert!(!r[col("provinces")].is_empty(), "{r:?}");
    }
    assert!(
        list.iter()
            .any(|r| r[col("regions")].contains("Ogan Komering Ilir"))
    );
}

#[test]
fn list_json_keeps_every_parsed_field_and_adds_the_triage_state() {
    let tmp = tempfile::tempdir().unwrap();
    let id = triaged(tmp.path());
    let o = warta(&["list", "--format", "json"], tmp.path());
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(all.len(), 5);
    for a in &all {
        for key in [
            "id", "title", "outlet", "body", "related", "quotes", "regions", "format", "decision",
            "labels", "read",
        ] {
            assert!(a.get(key).is_some(), "no {key} in {a}");
        }
    }
    let it = all.iter().find(|a| a["id"] == id.as_str()).unwrap();
    assert_eq!(it["decision"], "relevant");
    assert_eq!(it["labels"], serde_json::json!(["=banjir"]));
}

#[test]
fn a_damaged_cached_body_gives_body_error_and_the_rest_is_still_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, title) in [("a.txt", "Banjir Rob"), ("b.txt", "Gempa Kecil")] {
        let text = format!("{title}\n\nJAKARTA - Isi berita tentang {title} yang cukup panjang.\n");
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let root = corpus.to_str().unwrap();
    warta(&["list", root], tmp.path());
    // Damage the cached bodies in place (same size): the cache still vouches for them, and
    // each read finds the checksum wrong.
    let bodies: Vec<_> = walk(&tmp.path().join("cache"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bodies-")
        })
        .collect();
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let mut bytes = std::fs::read(&bodies[0]).unwrap();
    for b in bytes.iter_mut().filter(|b| b.is_ascii_lowercase()) {
        *b = b'x';
    }
    std::fs::write(&bodies[0], bytes).unwrap();

    let o = warta(&["list", "--format", "jsonl", root], tmp.path());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert!(r.get("body").is_none(), "{r}");
        assert!(r["body_error"].as_str().unwrap().contains("damaged"), "{r}");
        assert!(r["title"].as_str().unwrap().contains(' '), "{r}");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
