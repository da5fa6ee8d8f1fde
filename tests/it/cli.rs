//! The command line, driven through the real binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_on_the_bundled_corpus_shows_five_articles_newest_first() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["list"], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[0].contains("2025-09-10") && lines[0].contains("Infoku"),
        "{out}"
    );
    assert!(lines[4].contains("2023-06-09"), "{out}");
    assert!(stderr(&o).contains("loaded 5 articles"), "{}", stderr(&o));
}

#[test]
fn search_ranks_the_palembang_article_first_for_tiktok() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["search", "tiktok"], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let first = out.lines().next().expect("a result");
    let cols: Vec<&str> = first.split('\t').collect();
    assert_eq!(cols.len(), 4, "{first}");
    assert_eq!(cols[1], "2023-06-09");
    assert_eq!(cols[2], "Grow Media");
}

#[test]
fn list_query_formats_and_limit() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(
        &["list", "--query", "date:2024", "--format", "csv"],
        cache.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[2], "outlet");
    let outlets: Vec<String> = rows.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert_eq!(outlets.len(), 2, "{out}");
    assert!(outlets.contains(&"PAB".to_string()));
    assert!(outlets.contains(&"Sumeks.co".to_string()));

    let o = warta(&["list", "--format", "json", "-n", "2"], cache.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    for key in [
        "id",
        "title",
        "outlet",
        "published",
        "date_source",
        "body",
        "related",
        "word_count",
    ] {
        assert!(arr[0].get(key).is_some(), "missing {key}");
    }

    let o = warta(
        &["list", "--format", "jsonl", "--sort", "title"],
        cache.path(),
    );
    let titles: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
}

#[test]
fn invalid_query_is_a_clear_error() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["list", "--query", "date:2024-13"], cache.path());
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("date:2024-13") && err.contains("month"),
        "{err}"
    );
}

/// Issue 18: the operators analysts bring from other search tools mean what they mean there,
/// a leading `-` reaches the query instead of being taken for a flag, and a doubled negation
/// is an error, never the same rows as one.
#[test]
fn operators_from_other_tools_work_or_say_why_not() {
    let cache = tempfile::tempdir().unwrap();
    let rows = |args: &[&str]| {
        let o = warta(args, cache.path());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o).lines().count()
    };
    assert_eq!(rows(&["list", "--query", "tag:tiktok"]), 1);
    for q in [
        "tag:tiktok OR tag:facebook",
        "tag:tiktok|tag:facebook",
        "tag:(tiktok | facebook)",
    ] {
        assert_eq!(rows(&["list", "--query", q]), 2, "{q}");
    }
    for args in [
        &["list", "--query", "-tag:tiktok"][..],
        &["list", "-q", "-tag:tiktok"],
        &["list", "--query", "NOT tag:tiktok"],
        &["search", "-tag:tiktok"],
        &["search", "-n", "9", "-tag:tiktok"],
        &["export", "--format", "jsonl", "--query", "-tag:tiktok"],
    ] {
        assert_eq!(rows(args), 4, "{args:?}");
    }
    assert_eq!(rows(&["list", "--query", "bupati AND asn"]), 3);
    assert_eq!(
        rows(&["list", "--query", "bupati AND asn"]),
        rows(&["list", "--query", "bupati asn"])
    );
    for (q, says) in [
        ("!!tag:tiktok", "two negations in a row"),
        ("asn AND", "dangling \"AND\""),
        ("title:(body:x)", "inside title:( … )"),
    ] {
        let o = warta(&["list", "--query", q], cache.path());
        assert!(!o.status.success(), "{q}");
        assert!(stderr(&o).contains(says), "{q}: {}", stderr(&o));
    }
}

#[test]
fn the_help_names_the_team_terms_and_columns() {
    let cache = tempfile::tempdir().unwrap();
    let top = stdout(&warta(&["--help"], cache.path()));
    let list = stdout(&warta(&["list", "--help"], cache.path()));
    let export = stdout(&warta(&["export", "--help"], cache.path()));
    for term in ["by:NAME", "is:mine", "is:conflict", "is:agreed"] {
        assert!(top.contains(term), "--help lacks {term}");
        assert!(list.contains(term), "list --help lacks {term}");
    }
    for op in ["a OR b", "-not", "NOT", "title:(asn | pns)"] {
        assert!(top.contains(op), "--help lacks {op}");
    }
    for column in ["analyst", "conflict", "decision:NAME"] {
        assert!(export.contains(column), "export --help lacks {column}");
    }
}

#[test]
fn show_by_id_prefix_in_text_and_json() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(
        &["list", "--query", "outlet:infoku", "--format", "jsonl"],
        cache.path(),
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let id = v["id"].as_str().unwrap().to_string();

    let o = warta(&["show", &id[..6]], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("ASN Dibatasi Bermedsos, Bupati Blora Melarang Pamer Kemewahan\n"),
        "{out}"
    );
    assert!(out.contains("Outlet:   Infoku"), "{out}");
    assert!(out.contains("\nRegions:  Blora\n"), "{out}");
    assert!(!out.contains("Passing:"), "{out}");
    assert!(out.contains("\nProvince: Jawa Tengah\n"), "{out}");
    assert!(!out.to_lowercase().contains("baca juga :"), "{out}");

    let o = warta(&["show", &id, "--format", "json"], cache.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["published"], "2025-09-10");
    assert_eq!(v["date_source"], "text");

    let o = warta(&["show", "zzzz"], cache.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no article has id"), "{}", stderr(&o));
}

#[test]
fn parse_prints_the_parsers_view_of_one_file() {
    let cache = tempfile::tempdir().unwrap();
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/001_2701c3b0c1794c03.txt");
    let o = warta(&["parse", seed], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // The same shape as for a .jsonl: an array, here of one article.
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v[0]["outlet"], "PAB");
    assert_eq!(v[0]["published"], "2024-04-10");
    assert_eq!(v[0]["date_source"], "text");
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("a.jsonl");
    std::fs::write(&jsonl, "{\"title\": \"Satu\", \"body\": \"Isi.\"}\n").unwrap();
    let o = warta(&["parse", jsonl.to_str().unwrap()], cache.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v[0]["title"], "Satu");

    let o = warta(&["parse", "/no/such/file.txt"], cache.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("/no/such/file.txt: no such file or directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stats_counts_facets_and_files() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&["stats"], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("articles      5"), "{out}");
    assert!(out.contains("outlet (5 values)"), "{out}");
    assert!(out.contains("Tribunsumsel.com"), "{out}");
}

#[test]
fn folders_are_walked_cached_and_bad_files_reported() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    for e in std::fs::read_dir(data).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.path().join("kosong.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("gambar.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();

    let o = warta(&["stats", d], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    // stats lists the skipped files on stdout, with the report; stderr has the summary.
    let out = stdout(&o);
    assert!(
        out.contains("kosong.txt") && out.contains("gambar.txt"),
        "{out}"
    );
    let err = stderr(&o);
    assert!(
        err.contains("loaded 5 articles from 5 files (2 skipped: 1 binary, 1 empty)"),
        "{err}"
    );
    assert!(stdout(&o).contains("0 hits, 7 misses"), "{}", stdout(&o));

    let o = warta(&["stats", d], cache.path());
    assert!(stdout(&o).contains("7 hits, 0 misses"), "{}", stdout(&o));

    let o = warta(&["cache", "info"], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = warta(&["cache", "clear"], cache.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = warta(&["stats", d, "--no-cache"], cache.path());
    assert!(stdout(&o).contains("0 hits, 0 misses"), "{}", stdout(&o));
}

#[test]
fn nothing_to_load_is_one_clear_line_and_a_failure() {
    let cache = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let o = warta(&["list", empty.path().to_str().unwrap()], cache.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));

    let o = warta(&["list", "/no/such/folder"], cache.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("/no/such/folder") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn browser_refuses_without_a_terminal() {
    let cache = tempfile::tempdir().unwrap();
    let o = warta(&[], cache.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a terminal"), "{}", stderr(&o));
}

#[test]
fn closed_pipe_is_not_an_error() {
    let cache = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["list", "--format", "json"])
        .env("WARTA_CACHE_DIR", cache.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

// ---- Triage state from the command line ----

use warta::loader::{self, CacheMode, LoadOptions};
use warta::triage::{Decision, Mode, Op, Saved, Store};

fn warta_in(args: &[&str], cache: &Path, data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env("WARTA_DATA_DIR", data)
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta")
}

/// The bundled corpus's (id, title), newest first, as `warta list` orders them.
fn seed_ids() -> Vec<(String, String)> {
    let c = loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus;
    let mut v: Vec<_> = (0..c.len())
        .map(|i| {
            let m = c.meta(i);
            (m.published, m.id.clone(), m.title.clone())
        })
        .collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.0));
    v.into_iter().map(|(_, id, t)| (id, t)).collect()
}

/// A store holding: article 0 relevant + starred + labelled, 1 relevant, 2 maybe, 3
/// irrelevant with a note. The store stays open (and locked), like a running browser.
fn triaged_store(dir: &Path) -> (Store, Vec<(String, String)>) {
    let ids = seed_ids();
    let mut store = Store::open(dir);
    assert_eq!(store.mode(), Mode::ReadWrite);
    let one = |i: usize| vec![ids[i].0.clone()];
    let ops = [
        Op::Decide {
            ids: vec![ids[0].0.clone(), ids[1].0.clone()],
            decision: Decision::Relevant,
            mark_read: false,
        },
        Op::SetStar {
            ids: one(0),
            star: true,
        },
        Op::AddLabel {
            ids: one(0),
            label: "banjir".into(),
        },
        Op::Decide {
            ids: one(2),
            decision: Decision::Maybe,
            mark_read: false,
        },
        Op::Decide {
            ids: one(3),
            decision: Decision::Irrelevant,
            mark_read: false,
        },
        Op::SetNote {
            ids: one(3),
            note: "bukan wilayah kita".into(),
        },
    ];
    for op in ops {
        assert_eq!(store.apply(op).unwrap(), Saved::Durable);
    }
    (store, ids)
}

#[test]
fn list_and_search_read_triage_state_while_the_store_is_locked() {
    let cache = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (_held, ids) = triaged_store(data.path());
    let o = warta_in(
        &["list", "--query", "is:starred"],
        cache.path(),
        data.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(&ids[0].1[..20]), "{out}");
    let o = warta_in(
        &["list", "--query", "is:relevant", "--format", "jsonl"],
        cache.path(),
        data.path(),
    );
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
    let o = warta_in(
        &["list", "--query", "is:undecided"],
        cache.path(),
        data.path(),
    );
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = warta_in(&["search", "label:BANJIR"], cache.path(), data.path());
    assert!(stdout(&o).starts_with(&ids[0].0), "{}", stdout(&o));
    let o = warta_in(&["list", "--query", "is:bogus"], cache.path(), data.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("unread, read, starred"),
        "{}",
        stderr(&o)
    );
    // Reading never disturbed the holder: it still writes durably.
    let mut held = _held;
    let op = Op::SetRead {
        ids: vec![ids[4].0.clone()],
        read: true,
    };
    assert_eq!(held.apply(op).unwrap(), Saved::Durable);
    assert_eq!(held.mode(), Mode::ReadWrite);
}

#[test]
fn export_csv_rows_carry_the_triage_state() {
    let cache = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (_held, ids) = triaged_store(data.path());
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("relevan.csv");
    let o = warta_in(
        &[
            "export",
            "--query",
            "is:relevant",
            "-o",
            file.to_str().unwrap(),
        ],
        cache.path(),
        data.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_path(&file).unwrap();
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let mut got: Vec<&str> = rows.iter().map(|r| &r[col("id")]).collect();
    got.sort();
    let mut want = vec![ids[0].0.as_str(), ids[1].0.as_str()];
    want.sort();
    assert_eq!(got, want);
    for row in &rows {
        assert_eq!(&row[col("decision")], "relevant");
        assert_eq!(&row[col("query")], "is:relevant");
    }
    let starred = rows.iter().find(|r| r[col("id")] == ids[0].0).unwrap();
    assert_eq!(&starred[col("starred")], "true");
    assert_eq!(&starred[col("labels")], "banjir");
    // Without -o: CSV on stdout.
    let o = warta_in(&["export", "-q", "has:note"], cache.path(), data.path());
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.contains("bukan wilayah kita") && text.contains("irrelevant"),
        "{text}"
    );
}

#[test]
fn export_json_jsonl_and_markdown() {
    let cache = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (_held, ids) = triaged_store(data.path());
    let o = warta_in(&["export", "--format", "json"], cache.path(), data.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 5);
    let first = arts.iter().find(|a| a["id"] == ids[0].0.as_str()).unwrap();
    assert_eq!(first["decision"], "relevant");
    assert_eq!(first["starred"], true);

    let out_dir = tempfile::tempdir().unwrap();
    let jl = out_dir.path().join("x.jsonl");
    let o = warta_in(
        &["export", "-q", "is:maybe", "-o", jl.to_str().unwrap()],
        cache.path(),
        data.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&jl).unwrap();
    assert_eq!(text.lines().count(), 1);
    let rec: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(rec["id"], ids[2].0.as_str());
    assert_eq!(rec["decision"], "maybe");

    let o = warta_in(&["export", "--format", "md"], cache.path(), data.path());
    let md = stdout(&o);
    // Grouped by decision: relevant before maybe before irrelevant, each article under its group.
    let pos = |s: &str| {
        md.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing in\n{md}"))
    };
    let (rel, may, irr) = (pos("Relevant"), pos("Maybe"), pos("Irrelevant"));
    assert!(rel < may && may < irr, "{md}");
    let t0 = pos(&ids[0].1[..15]);
    let t2 = pos(&ids[2].1[..15]);
    assert!(rel < t0 && t0 < may && may < t2 && t2 < irr, "{md}");

    // An unknown extension without --format is a clear error.
    let o = warta_in(&["export", "-o", "out.txt"], cache.path(), data.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(".csv, .json, .jsonl or .md"),
        "{}",
        stderr(&o)
    );
}

// ---- Completions, man pages, config and help ----

fn warta_cfg(args: &[&str], config: Option<&Path>) -> Output {
    let cache = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.args(args)
        .env("WARTA_CACHE_DIR", cache.path())
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null());
    if let Some(c) = config {
        cmd.env("WARTA_CONFIG", c);
    }
    cmd.output().expect("run warta")
}

const SUBCOMMANDS: [&str; 10] = [
    "list",
    "show",
    "search",
    "parse",
    "stats",
    "export",
    "cache",
    "config",
    "completions",
    "man",
];

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh"] {
        let o = warta_cfg(&["completions", shell], None);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        for sub in SUBCOMMANDS {
            assert!(out.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let o = warta_cfg(&["completions", "tcsh"], None);
    assert_eq!(o.status.code(), Some(2), "unknown shells are a usage error");
}

#[test]
fn man_page_on_stdout_and_into_a_folder() {
    let o = warta_cfg(&["man"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.lines().take(5).any(|l| l.starts_with(".TH warta 1")),
        "{out}"
    );
    assert!(out.contains("list"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man1");
    let o = warta_cfg(&["man", "--dir", target.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in ["warta.1", "warta-list.1", "warta-cache-info.1"] {
        let text = std::fs::read_to_string(target.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page} missing or not roff");
    }
    assert!(!target.join("warta-help.1").exists());
}

#[test]
fn default_config_is_valid_toml_with_the_key_tables() {
    let o = warta_cfg(&["config", "--default"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let v: toml::Table = toml::from_str(&out).expect("default config parses as TOML");
    assert!(v["keys"].get("list").is_some(), "{out}");
    assert!(out.contains("[keys.list]"), "{out}");
}

#[test]
fn config_path_follows_warta_config_and_reports_problems() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    let o = warta_cfg(&["config", "--path"], Some(&missing));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), missing.to_str().unwrap());
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));

    let o = warta_cfg(&["config"], Some(&missing));
    assert!(stdout(&o).contains("not found"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("warta config --default >"),
        "{}",
        stdout(&o)
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[keys.list]\n\"j\" = \n").unwrap();
    let o = warta_cfg(&["config"], Some(&bad));
    // Problems are reported and fail the check, so a script can tell.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("has a problem"), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("(exists)"), "{out}");
    assert!(out.contains("warning") && out.contains("line 2"), "{out}");

    let o = warta_cfg(&["config", "--path"], Some(&bad));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).trim(), bad.to_str().unwrap());
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));

    // An explicit --config wins over WARTA_CONFIG.
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[keys.list]\n\"ctrl-n\" = \"move_down\"\n").unwrap();
    let o = warta_cfg(&["--config", good.to_str().unwrap(), "config"], Some(&bad));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("good.toml") && out.contains("problems     none"),
        "{out}"
    );
}

#[test]
fn every_help_has_examples_and_the_top_level_lists_every_subcommand() {
    let o = warta_cfg(&["--help"], None);
    let top = stdout(&o);
    assert!(top.contains("Examples:"), "{top}");
    for sub in SUBCOMMANDS {
        assert!(top.contains(&format!("\n  {sub} ")), "--help lacks {sub}");
        assert!(top.contains(&format!("warta {sub}")), "no example of {sub}");
        let o = warta_cfg(&[sub, "--help"], None);
        assert!(o.status.success(), "{sub}: {}", stderr(&o));
        assert!(
            stdout(&o).contains("Examples"),
            "{sub} --help lacks examples"
        );
    }
    for sub in ["info", "clear"] {
        let o = warta_cfg(&["cache", sub, "--help"], None);
        assert!(stdout(&o).contains("Examples"), "cache {sub} --help");
    }
}

#[test]
fn a_missing_path_is_one_line_naming_it() {
    let o = warta_cfg(&["/no/such/place"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("/no/such/place: no such file or directory; check the path"),
        "{err}"
    );
    let o = warta_cfg(&["parse", "/no/such/file.txt"], None);
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}

#[test]
fn a_folder_of_only_bad_files_says_why_nothing_loaded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "").unwrap();
    let o = warta_cfg(&["list", dir.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("a.txt") && err.contains("empty"), "{err}");

    std::fs::write(dir.path().join("b.txt"), b"\0\0\0\0").unwrap();
    let o = warta_cfg(&["list", "--quiet", dir.path().to_str().unwrap()], None);
    let err = stderr(&o);
    assert!(
        err.contains("all 2 files were skipped (1 ") && err.contains("binary"),
        "{err}"
    );
}

#[test]
fn show_names_the_regions_an_article_names_only_in_passing() {
    let cache = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("banjir.txt"),
        "Banjir Rendam Ratusan Rumah\n\
         Banjir merendam ratusan rumah di Kabupaten Kerinci sejak Senin.\n\n\
         Warga mengungsi ke balai desa.\n\n\
         Bantuan datang dari relawan.\n\n\
         Kepala Basarnas Pekanbaru ikut memantau.\n",
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();
    let o = warta(&["list", "--format", "jsonl", dir], cache.path());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let o = warta(&["show", &id, dir], cache.path());
    let out = stdout(&o);
    assert!(out.contains("\nRegions:  Kerinci\n"), "{out}");
    assert!(out.contains("\nPassing:  Pekanbaru\n"), "{out}");
}
