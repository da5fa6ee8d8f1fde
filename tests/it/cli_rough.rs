//! Command-line edges: a mistyped subcommand, `stats --query` and its month order.

use crate::common::{stderr, warta_in as warta};

#[test]
fn a_mistyped_command_is_suggested_but_a_real_path_wins() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, meant) in [("lsit", "list"), ("serach", "search"), ("stat", "stats")] {
        let o = warta(&[typed], dir.path());
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("did you mean `warta {meant}`")),
            "{err}"
        );
    }
    // A name far from every command is a missing path as before.
    let o = warta(&["berita"], dir.path());
    assert!(
        stderr(&o).contains("berita: no such file or directory"),
        "{}",
        stderr(&o)
    );
    // A folder that happens to be called `lsit` is browsed (here: refused, no terminal).
    std::fs::create_dir(dir.path().join("lsit")).unwrap();
    let o = warta(&["lsit"], dir.path());
    assert!(stderr(&o).contains("not a terminal"), "{}", stderr(&o));
}

#[test]
fn stats_takes_a_query_and_lists_months_in_order_with_outliers() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for (date, n, place) in [
        ("2025-01-05", 1, "Palembang"),
        ("2025-02-05", 3, "Surabaya"),
        ("2025-03-05", 2, "Palembang"),
        ("2009-07-01", 1, "Palembang"),
    ] {
        for k in 0..n {
            lines.push_str(&format!(
                "{{\"title\": \"Berita {date} {k}\", \"body\": \"Banjir di {place}.\", \"published\": \"{date}\"}}\n"
            ));
        }
    }
    std::fs::write(dir.path().join("a.jsonl"), lines).unwrap();
    let o = warta(&["stats", "a.jsonl"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let months: Vec<&str> = out
        .split("year-month")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(months.len(), 4, "{out}");
    // Oldest first, whatever the counts; the stray 2009 date is flagged.
    assert!(
        months[0].contains("2009-07") && months[0].contains("outlier"),
        "{out}"
    );
    assert!(months[1].contains("2025-01") && !months[1].contains("outlier"));
    assert!(months[2].contains("2025-02") && months[2].trim_start().starts_with('3'));
    assert!(months[3].contains("2025-03"));

    let o = warta(&["stats", "a.jsonl", "--query", "surabaya"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("matching      3"), "{out}");
    assert!(out.contains("year-month (1 values)"), "{out}");
    let o = warta(&["stats", "a.jsonl", "--query", "date:"], dir.path());
    assert!(!o.status.success(), "a bad query is an error");
}

#[test]
fn subcommand_help_keeps_global_options_apart_and_shows_no_empty_defaults() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["list", "export", "stats", "search", "show"] {
        let o = warta(&[sub, "--help"], dir.path());
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(!help.contains("[default: \"\"]"), "{sub}:\n{help}");
        assert!(
            !help.contains("[env: "),
            "{sub}: the text names the variable\n{help}"
        );
        let own = help.find("Options:").unwrap();
        let global = help
            .find("Global options (any subcommand):")
            .unwrap_or_else(|| panic!("{sub}:\n{help}"));
        // The subcommand's own options come first; the shared ones after their heading.
        assert!(own < global, "{sub}:\n{help}");
        assert!(help[global..].contains("--data-dir"), "{sub}:\n{help}");
        assert!(!help[..global].contains("--data-dir"), "{sub}:\n{help}");
    }
}
