//! The word being typed in the search bar (issue 18): it also matches the words it begins, so
//! each letter narrows the list, and leaving the bar reads the query precisely again. Also
//! what the detail pane marks for a word that matched loosely (a prefix or a typo), and
//! `n`/`N` over those marks. Pure `update()` tests on a small corpus written here.

use warta::app::{self, Action, App, Effect};
use warta::corpus::Corpus;
use warta::model::{Article, Date};

use crate::common::app::{app_with, message};

fn article(i: usize, title: &str, body: &[&str]) -> Article {
    let mut a = Article::default();
    a.meta.id = format!("{i:016x}");
    a.meta.title = title.to_string();
    a.meta.source_path = format!("{i}.txt");
    a.meta.published = Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8);
    a.body.body = body.iter().map(|s| s.to_string()).collect();
    a
}

/// One article with "korup" itself, three with "korupsi", others starting with "kor" and
/// "ko", and some with none of them.
fn corpus() -> Corpus {
    let mut arts = vec![
        article(0, "Pejabat korup ditangkap", &["Warga nomor nol."]),
        article(1, "Kasus korupsi dana desa", &["Warga nomor satu."]),
        article(2, "Dugaan korupsi proyek jalan", &["Warga nomor dua."]),
        article(3, "Sidang korupsi bansos", &["Warga nomor tiga."]),
        article(4, "Koran pagi terbit", &["Warga nomor empat."]),
        article(5, "Korban banjir mengungsi", &["Warga nomor lima."]),
        article(6, "Kota bersih lagi", &["Warga nomor enam."]),
    ];
    arts.extend((7..10).map(|i| article(i, &format!("Berita desa {i}"), &["Tanpa kata itu."])));
    Corpus::from_articles(arts)
}

fn count(app: &App) -> usize {
    app.list.matches.len()
}

#[test]
fn each_letter_narrows_and_enter_reads_the_word_whole() {
    let mut app = app_with(corpus(), 80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    let mut counts = Vec::new();
    for c in "korup".chars() {
        match app::update_sync(&mut app, Action::Insert(c)) {
            // The request carries the query read as typed: its last word a prefix too.
            Effect::Search(req) => assert_eq!(
                req.query.typed_word(),
                Some(app.search.input.to_string().as_str())
            ),
            other => panic!("{c}: {other:?}"),
        }
        counts.push(count(&app));
    }
    assert!(
        counts.windows(2).all(|w| w[1] <= w[0]),
        "each letter narrows: {counts:?}"
    );
    // "korup" and the three "korupsi" while typing.
    assert_eq!(counts.last(), Some(&4), "{counts:?}");
    // Enter: the same text read precisely, searched again.
    match app::update_sync(&mut app, Action::LeaveSearch) {
        Effect::Search(req) => assert_eq!(req.query.typed_word(), None),
        other => panic!("Enter: {other:?}"),
    }
    assert_eq!(count(&app), 1);
    assert_eq!(
        app.corpus.meta(app.list.matches[0].index).id,
        format!("{:016x}", 0)
    );
    // The count changed under the reader's eyes: the status line says why.
    assert_eq!(
        message(&app),
        "korup: whole words now, 1 article (4 while typing, with the words it begins)"
    );
    // Typing on widens the new last word again; Esc confirms as Enter does.
    app::update_sync(&mut app, Action::StartSearch);
    for c in "si".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    assert_eq!(count(&app), 3);
    app.message = None;
    assert!(matches!(
        app::update_sync(&mut app, Action::LeaveSearch),
        Effect::Search(_)
    ));
    assert_eq!(count(&app), 3);
    // The same count: nothing to say.
    assert_eq!(message(&app), "");
}

#[test]
fn a_half_typed_second_word_narrows_instead_of_emptying_the_list() {
    let mut app = app_with(corpus(), 80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    let mut counts = Vec::new();
    for c in "warga n".chars() {
        app::update_sync(&mut app, Action::Insert(c));
        counts.push(count(&app));
    }
    // "warga" is in seven articles; "n" begins "nomor" in each of them.
    assert_eq!(counts.last(), Some(&7), "{counts:?}");
    for c in "omo".chars() {
        app::update_sync(&mut app, Action::Insert(c));
        assert_eq!(count(&app), 7);
    }
    // Confirmed: "nomo" is no word, so it matches the words it begins all the same.
    app::update_sync(&mut app, Action::LeaveSearch);
    assert_eq!(count(&app), 7);
}

#[test]
fn leaving_the_bar_after_a_space_or_a_field_searches_nothing_again() {
    let mut app = app_with(corpus(), 80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    for c in "korup ".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    // The space ends the word: it is read whole already.
    assert_eq!(count(&app), 1);
    assert!(matches!(
        app::update_sync(&mut app, Action::LeaveSearch),
        Effect::None
    ));
    app::update_sync(&mut app, Action::StartSearch);
    app::update_sync(&mut app, Action::ClearQuery);
    for c in "title:korup".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    assert_eq!(count(&app), 1);
    assert!(matches!(
        app::update_sync(&mut app, Action::LeaveSearch),
        Effect::None
    ));
}

/// A typo (`bupatti`) is marked in the detail pane as in the list, and `n`/`N` go from one
/// marked line to the next.
#[test]
fn a_typo_is_marked_in_the_detail_and_n_moves_between_marks() {
    let mut body: Vec<String> = Vec::new();
    for p in 0..30 {
        body.push(if p % 10 == 3 {
            format!("Paragraf {p}: Bupati datang ke desa.")
        } else {
            format!("Paragraf {p} tanpa kata itu.")
        });
    }
    let body: Vec<&str> = body.iter().map(String::as_str).collect();
    let corpus = Corpus::from_articles(vec![
        article(0, "Bupati Blora meninjau banjir", &body),
        article(1, "Kabar lain", &["Tidak ada."]),
    ]);
    let mut app = app_with(corpus, 80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    for c in "bupatti".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    app::update_sync(&mut app, Action::LeaveSearch);
    assert_eq!(count(&app), 1, "one typo away from bupati");
    app::update_sync(&mut app, Action::Open);
    let doc = app.detail.doc.as_ref().expect("laid out");
    let marked: Vec<String> = doc
        .lines
        .iter()
        .flat_map(|l| {
            l.pieces()
                .filter(|p| p.1 == app::detail::SpanKind::Match)
                .map(|p| p.0.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        marked,
        ["Bupati", "Bupati", "Bupati", "Bupati"],
        "title and three paragraphs"
    );
    let matches = doc.matches.clone();
    assert_eq!(matches.len(), 4, "{matches:?}");
    app::update_sync(&mut app, Action::NextMatch);
    let first = app.detail.scroll;
    assert!(
        first > 0 && matches.contains(&first),
        "{first} in {matches:?}"
    );
    app::update_sync(&mut app, Action::NextMatch);
    let second = app.detail.scroll;
    assert!(second > first, "{second} after {first}");
    app::update_sync(&mut app, Action::PrevMatch);
    assert_eq!(app.detail.scroll, first);
}

/// A click outside the search bar leaves it as Enter does: the query is confirmed and
/// searched again, and the click on the cursor's row does not open an article the new
/// results may have moved.
#[test]
fn a_click_on_the_list_confirms_the_query_as_enter_does() {
    use warta::app::action::{MouseInput, MouseKind};
    use warta::app::layout::Screen;
    let mut app = app_with(corpus(), 80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    for c in "korup".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    assert_eq!(count(&app), 4);
    let Screen::Main(panes) = app.screen() else {
        panic!("80x24 has a layout")
    };
    let list = panes.list.inner();
    let click = Action::Mouse(MouseInput {
        kind: MouseKind::Click,
        column: list.x + 2,
        row: list.y,
    });
    match app::update_sync(&mut app, click) {
        Effect::Search(req) => assert_eq!(req.query.typed_word(), None),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.mode, app::Mode::Normal);
    assert_eq!(count(&app), 1);
    assert_eq!(app.focus, app::Focus::List);
}
