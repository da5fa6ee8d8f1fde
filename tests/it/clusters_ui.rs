//! Syndicated copies in the browser: grouped rows, expanding and collapsing, triage on a
//! group, `has:copies`, the export's `cluster` field, and a snapshot of a grouped list.
//! The corpus is the five bundled seeds plus two copies of seed 000 with new headlines.

use std::sync::Arc;

use insta::assert_snapshot;

use crate::common::screen::screen;
use warta::app::clusters::RowKind;
use warta::app::search::{self, SearchRequest};
use warta::app::{self, Action, App};
use warta::cluster;
use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::keymap::Keymap;
use warta::loader::EMBEDDED;
use warta::loader::parse::parse_text;
use warta::query::{Query, Sort};
use warta::triage::export::export_team;
use warta::triage::{Decision, ExportContext, ExportFormat, Store};

fn seed_text(n: usize) -> String {
    String::from_utf8_lossy(EMBEDDED[n].1).replace("\r\n", "\n")
}

/// Seed 000 under a new headline (its first line) and with a credit line appended.
fn copy_of_seed0(headline: &str) -> String {
    let text = seed_text(0);
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[0] = headline;
    let mut out = lines.join("\n");
    out.push_str("\n\nDikutip dari Sripoku.com\n");
    out
}

/// Seeds 0..5 at indices 0..5, then two copies of seed 000 at 5 and 6.
fn corpus(with_copies: bool) -> Corpus {
    let mut articles: Vec<_> = (0..EMBEDDED.len())
        .map(|n| parse_text(&seed_text(n), EMBEDDED[n].0))
        .collect();
    if with_copies {
        articles.push(parse_text(
            &copy_of_seed0("Heboh Siaran Langsung Pegawai Pemkab Muratara"),
            "copy_a.txt",
        ));
        articles.push(parse_text(
            &copy_of_seed0("Kabag Prokopim Muratara Minta Maaf Soal Live"),
            "copy_b.txt",
        ));
    }
    Corpus::from_articles(articles)
}

fn app_at(corpus: Corpus, width: u16, height: u16) -> App {
    let mut app = App::new(corpus, Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(width, height));
    app::search_now(&mut app);
    app
}

fn grouped_app() -> App {
    let mut app = app_at(corpus(true), 80, 24);
    install(&mut app);
    app
}

fn install(app: &mut App) {
    let (_, clusters) = cluster::cluster_corpus(&app.corpus);
    let identity = app.corpus.identity();
    assert!(app.install_clusters(identity, Arc::new(clusters)));
}

fn group_row(app: &App) -> usize {
    app.list
        .kinds
        .iter()
        .position(|k| matches!(k, RowKind::Group { .. }))
        .expect("a group row")
}

#[test]
fn the_copies_of_a_story_become_one_row() {
    let mut app = app_at(corpus(true), 80, 24);
    // Before grouping every article is a row of its own.
    assert_eq!((app.list.shown.len(), app.list.matches.len()), (7, 7));
    assert!(app.list.kinds.iter().all(|k| *k == RowKind::Single));
    install(&mut app);
    assert_eq!((app.list.shown.len(), app.list.matches.len()), (5, 7));
    let pos = group_row(&app);
    assert_eq!(
        app.list.kinds[pos],
        RowKind::Group {
            cluster: app.copies.clusters.as_ref().unwrap().cluster_of(0).unwrap(),
            copies: 2,
            expanded: false
        }
    );
    // The row shows the earliest copy: the cluster's representative.
    let head = app.list.shown[pos].index;
    assert!(
        app.copies
            .clusters
            .as_ref()
            .unwrap()
            .is_representative(head)
    );
    assert_eq!(app.row_targets(pos).len(), 3);
    // Progress still counts articles.
    assert_eq!(app.triage.progress.total, 7);
    let s = screen(&app);
    assert!(s.contains("Articles 7/7 · 1 group"), "{s}");
    assert!(s.contains("+2 copies"), "{s}");
}

#[test]
fn without_copies_nothing_changes() {
    let mut app = app_at(corpus(false), 80, 24);
    let before = screen(&app);
    install(&mut app);
    assert!(app.copies.clusters.as_ref().unwrap().is_empty());
    assert_eq!(app.list.shown, app.list.matches);
    assert_eq!(screen(&app), before);
}

#[test]
fn stale_clusters_are_dropped() {
    let mut app = app_at(corpus(true), 80, 24);
    let (_, clusters) = cluster::cluster_corpus(&app.corpus);
    assert!(!app.install_clusters(app.corpus.identity() + 1_000, Arc::new(clusters)));
    assert!(app.copies.clusters.is_none());
    assert_eq!(app.list.shown.len(), 7);
}

#[test]
fn z_expands_and_collapses_the_group_under_the_cursor() {
    let mut app = grouped_app();
    let pos = group_row(&app);
    app.list.cursor = pos;
    let head = app.list.shown[pos].index;
    app::update_sync(&mut app, Action::ToggleGroup);
    assert_eq!(app.list.shown.len(), 7);
    assert_eq!(app.list.cursor, pos, "the cursor stays on the group's row");
    assert!(matches!(
        app.list.kinds[pos],
        RowKind::Group { expanded: true, .. }
    ));
    assert!(matches!(app.list.kinds[pos + 1], RowKind::Copy { .. }));
    assert!(matches!(app.list.kinds[pos + 2], RowKind::Copy { .. }));
    // An expanded group's row acts on its own article only.
    assert_eq!(app.row_targets(pos), vec![head]);
    assert!(screen(&app).contains("└"));
    // On a copy, z collapses the group and returns to its row.
    app::update_sync(&mut app, Action::MoveDown);
    assert!(matches!(
        app.list.kinds[app.list.cursor],
        RowKind::Copy { .. }
    ));
    app::update_sync(&mut app, Action::ToggleGroup);
    assert_eq!(app.list.shown.len(), 5);
    assert_eq!(app.list.cursor, pos);
    assert_eq!(app.selected(), Some(head));
    // On an ordinary row z only says so.
    app.list.cursor = if pos == 0 { 1 } else { 0 };
    app::update_sync(&mut app, Action::ToggleGroup);
    assert_eq!(app.list.shown.len(), 5);
    assert!(app.message.as_ref().unwrap().text.contains("no copies"));
}

#[test]
fn shift_z_expands_and_collapses_all() {
    let mut app = grouped_app();
    app::update_sync(&mut app, Action::ToggleAllGroups);
    assert_eq!(app.list.shown.len(), 7);
    app::update_sync(&mut app, Action::ToggleAllGroups);
    assert_eq!(app.list.shown.len(), 5);
}

#[test]
fn the_cursor_stays_on_its_article_when_groups_arrive() {
    let mut app = app_at(corpus(true), 80, 24);
    // On an article without copies: it stays selected.
    let lone = app.list.shown.iter().position(|h| h.index == 3).unwrap();
    app.list.cursor = lone;
    app.anchor();
    install(&mut app);
    assert_eq!(app.selected(), Some(3));
    // On a copy that becomes hidden: the cursor goes to its group's row.
    let mut app = app_at(corpus(true), 80, 24);
    let (_, clusters) = cluster::cluster_corpus(&app.corpus);
    let hidden = *clusters
        .members(clusters.cluster_of(0).unwrap())
        .last()
        .unwrap();
    app.list.cursor = app
        .list
        .shown
        .iter()
        .position(|h| h.index == hidden)
        .unwrap();
    app.anchor();
    assert!(app.install_clusters(app.corpus.identity(), Arc::new(clusters)));
    assert_eq!(app.list.cursor, group_row(&app));
    // The same search again (as a triage change runs it) keeps the group row selected.
    let req = app.request();
    app.apply_results(search::execute(&app.corpus, &req));
    assert_eq!(app.list.cursor, group_row(&app));
    // Another sort is a new view: it starts on its first row.
    app::update_sync(&mut app, Action::CycleSort);
    assert_eq!((app.list.cursor, app.list.offset), (0, 0));
}

#[test]
fn a_decision_on_a_group_applies_to_every_copy_and_undoes_at_once() {
    let mut app = grouped_app();
    let mut store = Store::in_memory("test");
    let pos = group_row(&app);
    app.list.cursor = pos;
    let members = app.row_targets(pos);
    assert_eq!(members.len(), 3);
    app::update_with_store(&mut app, &mut store, Action::MarkRelevant);
    for &i in &members {
        assert_eq!(app.state_of(i).decision, Decision::Relevant, "article {i}");
    }
    assert_eq!(app.triage.progress.relevant, 3);
    // Labels too, through the prompt.
    app.list.cursor = group_row(&app);
    app::update_with_store(&mut app, &mut store, Action::EditLabels);
    for c in "sindikasi".chars() {
        app::update_with_store(&mut app, &mut store, Action::Insert(c));
    }
    app::update_with_store(&mut app, &mut store, Action::Submit);
    for &i in &members {
        assert!(app.state_of(i).has_label("sindikasi"), "article {i}");
    }
    // One undo per action, whatever the number of copies.
    app::update_with_store(&mut app, &mut store, Action::Undo);
    app::update_with_store(&mut app, &mut store, Action::Undo);
    for &i in &members {
        assert_eq!(app.state_of(i).decision, Decision::Undecided, "article {i}");
        assert!(!app.state_of(i).has_label("sindikasi"));
    }
    // Selecting a group row selects its copies.
    app.list.cursor = group_row(&app);
    app::update_sync(&mut app, Action::ToggleSelect);
    assert_eq!(app.list.selection.len(), 3);
}

fn request(q: &str) -> SearchRequest {
    SearchRequest {
        generation: 1,
        query: Query::parse(q).expect("valid query"),
        filters: Filters::default(),
        sort: Sort::DateDesc,
        triage: Default::default(),
    }
}

#[test]
fn has_copies_matches_the_grouped_articles_once_grouping_is_done() {
    let corpus = corpus(true);
    let (_, clusters) = cluster::cluster_corpus(&corpus);
    let clusters = Arc::new(clusters);
    let mut grouped: Vec<usize> =
        search::execute_clustered(&corpus, &request("has:copies"), Some(Arc::clone(&clusters)))
            .hits
            .iter()
            .map(|h| h.index)
            .collect();
    grouped.sort();
    assert_eq!(grouped, vec![0, 5, 6]);
    let others = search::execute_clustered(&corpus, &request("!has:copies"), Some(clusters));
    assert_eq!(others.hits.len(), 4);
    // Before grouping finished nothing is known to have copies.
    assert!(
        search::execute(&corpus, &request("has:copies"))
            .hits
            .is_empty()
    );
    assert!(Query::parse("has:copies").unwrap().has_copies_term());
    let err = Query::parse("has:copy").unwrap_err().message;
    assert!(err.contains("copies"), "{err}");
}

#[test]
fn exports_carry_the_cluster_and_the_brief_nests_copies() {
    let app = grouped_app();
    let clusters = app.copies.clusters.clone().unwrap();
    let store = Store::in_memory("test");
    let indices: Vec<usize> = app.list.matches.iter().map(|h| h.index).collect();
    let ctx = ExportContext::default();
    let rep_id = app.corpus.meta(clusters.representative(0)).id.clone();
    let export = |format| {
        let mut out = Vec::new();
        export_team(
            &mut out,
            format,
            &app.corpus,
            &indices,
            &store,
            &ctx,
            Some(&clusters),
            None,
        )
        .expect("export");
        String::from_utf8(out).expect("utf-8")
    };
    let csv = export(ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, warta::report::columns(&warta::report::Part::ALL));
    let col = header.iter().position(|h| h == "cluster").unwrap();
    let id_col = header.iter().position(|h| h == "id").unwrap();
    let mut with_cluster = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let id = &row[id_col];
        let is_member = [0, 5, 6].iter().any(|&i| app.corpus.meta(i).id == id);
        if is_member {
            assert_eq!(&row[col], rep_id);
            with_cluster += 1;
        } else {
            assert_eq!(&row[col], "");
        }
    }
    assert_eq!(with_cluster, 3);
    let jsonl = export(ExportFormat::Jsonl);
    let clustered = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["cluster"] == serde_json::Value::String(rep_id.clone()))
        .count();
    assert_eq!(clustered, 3);
    let md = export(ExportFormat::Markdown);
    assert_eq!(md.matches("\n  - copy: ").count(), 2, "{md}");
    // The two copies' entries follow their story's.
    let story = md
        .lines()
        .position(|l| {
            l.starts_with("- ") && l.contains(&app.corpus.meta(clusters.representative(0)).title)
        })
        .expect("the story's entry");
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[story + 1].starts_with("  - copy: "), "{md}");
    assert!(lines[story + 2].starts_with("  - copy: "), "{md}");
    // Without clusters the field is empty and nothing nests.
    let mut plain = Vec::new();
    warta::triage::export(
        &mut plain,
        ExportFormat::Markdown,
        &app.corpus,
        &indices,
        &store,
        &ctx,
    )
    .unwrap();
    assert!(!String::from_utf8(plain).unwrap().contains("copy:"));
}

#[test]
fn grouped_list_80x24() {
    let app = grouped_app();
    assert_snapshot!("grouped_80x24", screen(&app));
    let mut app = grouped_app();
    app.list.cursor = group_row(&app);
    app::update_sync(&mut app, Action::ToggleGroup);
    assert_snapshot!("grouped_expanded_80x24", screen(&app));
}

/// Member sets of every group, by article id, for comparing groupings of one corpus.
fn groups_by_id(clusters: &cluster::Clusters, corpus: &Corpus) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = clusters
        .iter()
        .map(|(_, m)| {
            let mut ids: Vec<String> = m.iter().map(|&i| corpus.meta(i).id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_live_reload_keeps_the_groups_on_screen_and_new_copies_join_them() {
    use warta::app::clusters::{SignatureMemo, cluster_added, cluster_with_memo};
    use warta::corpus::Piece;

    let mut app = grouped_app();
    let pos = group_row(&app);
    app.list.cursor = pos;
    app.anchor();
    let head = app.list.shown[pos].index;
    app::update_sync(&mut app, Action::ToggleGroup);
    assert_eq!(app.list.shown.len(), 7, "the group is expanded");
    let mut memo = SignatureMemo::default();
    let never = || false;
    let before = cluster_with_memo(&app.corpus, &mut memo, &never).expect("grouped");

    // A file arrives with a third copy of seed 000 (sorted first: it gets index 0, so every
    // earlier article moves down one place).
    let old = app.corpus.clone();
    let mut pieces = vec![Piece::Fresh(Box::new(parse_text(
        &copy_of_seed0("Video Live Pegawai Muratara Jadi Sorotan"),
        "0_copy_c.txt",
    )))];
    pieces.extend((0..old.len()).map(Piece::Kept));
    let new = old.patch(pieces);
    let moved: Vec<Option<usize>> = (0..old.len()).map(|i| Some(i + 1)).collect();
    let diff = warta::watch::diff(&old, &new);
    assert_eq!(diff.new, 1);
    let req = app.reload_patched(new.clone(), &diff, &moved);
    app.apply_results(search::execute(&app.corpus, &req));

    // Until the new corpus is grouped, the old groups stay (moved with their articles),
    // still expanded, and the cursor stays on its article.
    let carried = app.copies.clusters.clone().expect("groups carried over");
    assert_eq!(
        groups_by_id(&carried, &new),
        groups_by_id(&before, &old),
        "the same groups, by id"
    );
    assert_eq!(app.selected(), Some(head + 1));
    assert!(matches!(
        app.list.kinds[app.list.cursor],
        RowKind::Group { expanded: true, .. }
    ));
    assert_eq!(
        app.list.shown.len(),
        8,
        "7 rows of the expanded story and a lone row"
    );

    // Joining the one new article gives what grouping the whole corpus again gives.
    let mut full_memo = SignatureMemo::default();
    let full = cluster_with_memo(&new, &mut full_memo, &never).expect("grouped");
    let joined = cluster_added(&new, &mut memo, &carried, &[0]);
    assert_eq!(groups_by_id(&joined, &new), groups_by_id(&full, &new));
    assert_eq!(joined.copies(0), 3, "the new copy joined the story");

    // Installing them keeps the story expanded, now with three copies under it.
    assert!(app.install_clusters(new.identity(), Arc::new(joined)));
    let group = app
        .list
        .kinds
        .iter()
        .position(|k| matches!(k, RowKind::Group { expanded: true, .. }))
        .expect("still expanded");
    let copies = app.list.kinds[group + 1..]
        .iter()
        .take_while(|k| matches!(k, RowKind::Copy { .. }))
        .count();
    assert_eq!(copies, 3);
}

#[test]
fn a_removed_copy_leaves_its_group_and_a_lone_survivor_is_no_group() {
    let app = grouped_app();
    let clusters = app.copies.clusters.clone().expect("grouped");
    let story = clusters.cluster_of(0).expect("seed 000 has copies");
    assert_eq!(clusters.members(story).len(), 3);
    // Copy 6 is gone: the story keeps two members.
    let n = app.corpus.len();
    let keep_all_but = |gone: Vec<usize>| {
        move |i: usize| (!gone.contains(&i)).then(|| i - gone.iter().filter(|&&g| g < i).count())
    };
    let one_less = clusters.remap(n - 1, keep_all_but(vec![6]));
    assert_eq!(one_less.len(), 1);
    assert_eq!(one_less.copies(0), 1);
    // Both copies gone: seed 000 stands alone, and no group is left.
    let none = clusters.remap(n - 2, keep_all_but(vec![5, 6]));
    assert!(none.is_empty());
    assert_eq!(none.cluster_of(0), None);
    assert_eq!(none.articles(), n - 2);
}

#[test]
fn after_expanding_all_the_view_never_starts_on_a_copy_without_its_story() {
    let mut app = grouped_app();
    // The window starts at the row below the group's, where its copies will appear.
    let head = group_row(&app);
    app.list.cursor = head + 1;
    app.list.offset = head + 1;
    app::update_sync(&mut app, Action::ToggleAllGroups);
    assert!(matches!(app.list.kinds[head + 1], RowKind::Copy { .. }));
    assert_eq!(app.list.offset, head, "{:?}", app.list.kinds);
    let s = screen(&app);
    let first_row = s.lines().nth(2).expect("a row");
    assert!(first_row.contains("+2 copies"), "{s}");
}
