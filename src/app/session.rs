//! Session restore: the last query, filters, sort and cursor per corpus, whether the
//! filter column was hidden, and the query history (see [`super::recall`]).
//!
//! One JSON file per set of corpus paths, `<data dir>/sessions/<key>.json`, where the key is
//! the xxh3 of the canonical paths (sorted, duplicates dropped), so `warta a b` and
//! `warta b ./a` share a session and another corpus never sees this one's filters. The
//! bundled corpus has the key `bundled`.
//!
//! Restoring is all or nothing: a file that cannot be read or parsed, or whose query no
//! longer parses, changes nothing and says why. Filter values that no longer occur are
//! kept (the filter then matches nothing until cleared, and the filters pane shows the
//! facet's other values); an unknown facet or sort name (from a later version) is dropped.
//! The cursor article is looked up by id once the first results arrive; if it is gone the
//! cursor starts at the top.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::facets::{Facet, Filters};
use crate::query::{Query, Sort};

use super::state::{App, Focus};

/// The format written; files with a larger version come from a newer warta and are left
/// alone.
const VERSION: u32 = 1;

/// A session file is a few hundred bytes; anything huge is not ours.
const MAX_BYTES: u64 = 1 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    version: u32,
    /// RFC 3339, for people reading the file.
    #[serde(default)]
    saved_at: String,
    #[serde(default)]
    query: String,
    /// Facet name -> selected values.
    #[serde(default)]
    filters: BTreeMap<String, BTreeSet<String>>,
    #[serde(default)]
    sort: Option<String>,
    /// The id of the article under the cursor.
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    focus: Option<String>,
    /// The wide layout's filter column was hidden (`F`).
    #[serde(default)]
    filters_hidden: bool,
    /// The query history, oldest first (↑ in the search bar).
    #[serde(default)]
    history: Vec<String>,
}

/// Where the session for these corpus paths is kept under the data dir.
pub fn path_for(data_dir: &Path, paths: &[PathBuf]) -> PathBuf {
    data_dir
        .join("sessions")
        .join(format!("{}.json", key(paths)))
}

/// `bundled` for no paths, else 16 hex digits of xxh3 over the canonical paths, sorted,
/// without duplicates, joined by NUL (which no path contains). A path that cannot be
/// canonicalised (gone since) is used as given.
pub fn key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "bundled".into();
    }
    let canonical: BTreeSet<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let mut bytes = Vec::new();
    for (i, p) in canonical.iter().enumerate() {
        if i > 0 {
            bytes.push(0);
        }
        bytes.extend_from_slice(p.as_os_str().as_encoded_bytes());
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
}

fn focus_name(f: Focus) -> &'static str {
    match f {
        Focus::List => "list",
        Focus::Detail => "detail",
        Focus::Filters => "filters",
    }
}

fn focus_from(name: &str) -> Option<Focus> {
    match name {
        "list" => Some(Focus::List),
        "detail" => Some(Focus::Detail),
        "filters" => Some(Focus::Filters),
        _ => None,
    }
}

fn from_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

fn to_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Applies the saved session at `path` to a fresh app; `Ok(false)` when there is none.
pub fn restore(app: &mut App, path: &Path) -> Result<bool, String> {
    let shown = path.display();
    let bytes = match crate::safe_read::read_own_file(path, MAX_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        // The save on quit replaces whatever is there by a rename.
        Err(e) => return Err(format!("{e}; ignored")),
    };
    let saved: Saved = serde_json::from_slice(&bytes)
        .map_err(|e| format!("{shown} is damaged ({e}); it is replaced on quit"))?;
    if saved.version > VERSION {
        return Err(format!(
            "{shown} was written by a newer warta (format {}); it is replaced on quit",
            saved.version
        ));
    }
    // The history is the reader's own typing, cleaned like typed text (the file is input
    // too); it survives a query that no longer parses.
    app.recall.history.clear();
    for q in &saved.history {
        let q = super::line::clean_paste(q);
        if q.chars().count() <= super::line::MAX_LINE_CHARS {
            app.recall.remember(&q);
        }
    }
    let query = Query::parse_with(&saved.query, &app.search.lexicon).map_err(|e| {
        format!(
            "the saved query {:?} no longer parses ({e}); starting afresh",
            crate::text::sanitize(&saved.query)
        )
    })?;
    let mut filters = Filters::default();
    for (name, values) in &saved.filters {
        let Some(facet) = from_name::<Facet>(name) else {
            continue;
        };
        for v in values {
            if !filters.is_selected(facet, v) {
                filters.toggle(facet, v);
            }
        }
    }
    let mut sort = saved
        .sort
        .as_deref()
        .and_then(from_name::<Sort>)
        .unwrap_or_default();
    // Relevance only means something while the query scores (as `update` keeps it).
    if sort == Sort::Relevance && !query.has_score() {
        sort = Sort::DateDesc;
    }
    app.search.input.set(saved.query.clone());
    app.search.query = query;
    app.search.filters = filters;
    app.search.sort = sort;
    app.arrivals.restore_cursor = saved.cursor.filter(|id| !id.is_empty());
    app.filter_pane.hidden = saved.filters_hidden;
    if let Some(focus) = saved.focus.as_deref().and_then(focus_from) {
        app.focus = focus;
        // Below 120 columns the filters are an overlay: open it, or the focus has nowhere
        // to go (`fix_view` moves it back to the list if the filters still cannot show).
        if focus == Focus::Filters {
            app.filter_pane.open = true;
        }
    }
    Ok(true)
}

/// Saves the app's query, filters, sort and cursor article to `path`.
pub fn save(app: &App, path: &Path) -> Result<(), String> {
    // The last query that parsed: an edit left invalid in the search bar is not what the
    // results on screen were showing.
    let saved = Saved {
        version: VERSION,
        saved_at: crate::triage::time::now_rfc3339(),
        query: app.search.query.source().to_string(),
        filters: app
            .search
            .filters
            .selected
            .iter()
            .map(|(f, values)| (to_name(f), values.clone()))
            .collect(),
        sort: Some(to_name(&app.search.sort)),
        cursor: saved_cursor(app),
        focus: Some(focus_name(app.focus).to_string()),
        filters_hidden: app.filter_pane.hidden,
        // The query on screen is the newest, also when it was never left with Enter.
        history: {
            let mut recall = crate::app::recall::Recall::default();
            recall.history.clone_from(&app.recall.history);
            recall.remember(app.search.query.source());
            recall.history
        },
    };
    write(&saved, path)
}

/// The article the reader put the cursor on; none while the cursor just sits on the first
/// row, so the next start shows the first row of its own results (say, articles that
/// arrived since). A saved article not found yet (the load still running) is kept.
fn saved_cursor(app: &App) -> Option<String> {
    if app.list.anchored {
        app.selected().map(|i| app.corpus.meta(i).id.clone())
    } else {
        app.arrivals.restore_cursor.clone()
    }
}

fn write(saved: &Saved, path: &Path) -> Result<(), String> {
    let mut json = serde_json::to_vec_pretty(saved).map_err(|e| e.to_string())?;
    json.push(b'\n');
    let dir = crate::fsutil::parent_dir(path);
    std::fs::create_dir_all(&dir)
        .and_then(|()| crate::fsutil::write_atomic(path, &mut |w| w.write_all(&json)))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update_sync};
    use crate::corpus::Corpus;
    use crate::model::{Article, Date};

    fn app() -> App {
        let articles = (0..6)
            .map(|i| {
                let mut a = Article::default();
                a.meta.id = format!("{i:016x}");
                a.meta.title = format!("Berita {i}");
                a.meta.outlet = Some(if i % 2 == 0 { "Genap" } else { "Ganjil" }.into());
                a.meta.published = Date::new(2025, 1, 1 + i as u8);
                a.body.body = vec![format!("Isi berita {i}.")];
                a
            })
            .collect();
        let mut app = App::new(Corpus::from_articles(articles), Default::default());
        update_sync(&mut app, Action::Resize(120, 40));
        crate::app::search_now(&mut app);
        app
    }

    fn search(app: &mut App) {
        crate::app::search_now(app);
    }

    #[test]
    fn round_trip_restores_query_filters_sort_cursor_and_focus() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(dir.path(), &[]);
        let mut a = app();
        a.search.input = "berita".into();
        a.search.query = Query::parse("berita").unwrap();
        a.search.filters.toggle(Facet::Outlet, "Genap");
        a.search.sort = Sort::Title;
        search(&mut a);
        a.list.cursor = 1;
        a.anchor();
        a.focus = Focus::Detail;
        let id = a.corpus.meta(a.selected().unwrap()).id.clone();
        save(&a, &path).unwrap();
        assert!(path.starts_with(dir.path().join("sessions")));
        assert_eq!(path.file_name().unwrap(), "bundled.json");

        let mut b = app();
        assert_eq!(restore(&mut b, &path), Ok(true));
        assert_eq!(b.search.input, "berita");
        assert_eq!(b.search.input.cursor, 6);
        assert_eq!(b.search.query.source(), "berita");
        assert_eq!(b.search.filters, a.search.filters);
        assert_eq!(b.search.sort, Sort::Title);
        assert_eq!(b.focus, Focus::Detail);
        assert_eq!(b.arrivals.restore_cursor.as_deref(), Some(id.as_str()));
        search(&mut b);
        assert_eq!(b.corpus.meta(b.selected().unwrap()).id, id);
        assert_eq!(b.arrivals.restore_cursor, None, "used once");
        // No temp file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["bundled.json"]);
    }

    /// A cursor the reader never moved off the first row is not the reader's article: the
    /// next start begins on its own first row. One still being looked for is kept.
    #[test]
    fn only_an_article_the_reader_chose_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(dir.path(), &[]);
        let mut a = app();
        search(&mut a);
        assert!(a.selected().is_some());
        save(&a, &path).unwrap();
        let mut b = app();
        assert_eq!(restore(&mut b, &path), Ok(true));
        assert_eq!(b.arrivals.restore_cursor, None);

        a.arrivals.restore_cursor = Some("0000000000000009".into());
        save(&a, &path).unwrap();
        assert_eq!(restore(&mut b, &path), Ok(true));
        assert_eq!(
            b.arrivals.restore_cursor.as_deref(),
            Some("0000000000000009")
        );
    }

    #[test]
    fn a_missing_file_is_no_session() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app();
        assert_eq!(restore(&mut a, &dir.path().join("none.json")), Ok(false));
        assert_eq!(a.search.input, "");
    }

    #[test]
    fn a_damaged_file_changes_nothing_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        for bad in [
            &b"{\"version\": 1, \"query\": \"ber"[..],
            b"\xff\xfe",
            b"[]",
            b"{\"version\": \"one\"}",
        ] {
            std::fs::write(&path, bad).unwrap();
            let mut a = app();
            let err = restore(&mut a, &path).unwrap_err();
            assert!(err.contains("is damaged"), "{err}");
            assert_eq!(a.search.input, "");
            assert!(a.search.filters.is_empty());
        }
        std::fs::write(&path, r#"{"version": 99, "query": "x"}"#).unwrap();
        let err = restore(&mut app(), &path).unwrap_err();
        assert!(err.contains("newer warta"), "{err}");
        // A directory where the file should be cannot be read.
        std::fs::create_dir(dir.path().join("d.json")).unwrap();
        assert!(restore(&mut app(), &dir.path().join("d.json")).is_err());
    }

    #[test]
    fn a_fifo_as_the_session_file_is_named_and_ignored_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("s.json");
        crate::safe_read::testing::mkfifo(&fifo);
        let err =
            crate::safe_read::testing::within(move || restore(&mut app(), &fifo)).unwrap_err();
        assert!(
            err.ends_with("s.json is not a regular file (a FIFO); ignored"),
            "{err}"
        );
    }

    #[test]
    fn a_query_that_no_longer_parses_restores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        std::fs::write(
            &path,
            r#"{"version": 1, "query": "berita |", "filters": {"outlet": ["Genap"]}, "sort": "title"}"#,
        )
        .unwrap();
        let mut a = app();
        let err = restore(&mut a, &path).unwrap_err();
        assert!(
            err.starts_with("the saved query \"berita |\" no longer parses"),
            "{err}"
        );
        assert_eq!(a.search.input, "");
        assert!(a.search.filters.is_empty());
        assert_eq!(a.search.sort, Sort::DateDesc);
    }

    #[test]
    fn unknown_names_are_dropped_and_relevance_needs_a_scoring_query() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        std::fs::write(
            &path,
            r#"{"version": 1, "query": "", "filters": {"colour": ["red"], "outlet": ["Gone"]},
                "sort": "relevance", "focus": "sideways", "cursor": "ffffffffffffffff"}"#,
        )
        .unwrap();
        let mut a = app();
        assert_eq!(restore(&mut a, &path), Ok(true));
        assert_eq!(a.search.filters.count(), 1);
        assert!(a.search.filters.is_selected(Facet::Outlet, "Gone"));
        assert_eq!(a.search.sort, Sort::DateDesc);
        assert_eq!(a.focus, Focus::List);
        // A value no article has any more: nothing matches, the cursor id is not found, and
        // nothing panics.
        search(&mut a);
        assert!(a.list.shown.is_empty());
        assert_eq!(a.selected(), None);
    }

    #[test]
    fn the_key_follows_the_set_of_paths() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        std::fs::create_dir(&x).unwrap();
        std::fs::create_dir(&y).unwrap();
        let data = Path::new("/data");
        let xy = path_for(data, &[x.clone(), y.clone()]);
        assert_eq!(xy, path_for(data, &[y.clone(), x.clone()]), "order");
        assert_eq!(
            xy,
            path_for(data, &[y.clone(), x.clone(), y.clone()]),
            "dups"
        );
        // The same directory spelt another way.
        assert_eq!(xy, path_for(data, &[x.join("."), y.join("../y")]));
        assert_ne!(xy, path_for(data, std::slice::from_ref(&x)));
        assert_ne!(path_for(data, &[x]), path_for(data, &[y]));
        let name = xy.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(name.len(), "0123456789abcdef.json".len(), "{name}");
        assert!(name[..16].chars().all(|c| c.is_ascii_hexdigit()), "{name}");
    }
}
