//! Pasting (bracketed paste arrives as one `Action::Paste`): one line of typeable text at the
//! cursor of the search bar or the open prompt, cut to the line limit with a message, one
//! search whatever its length.

use crate::common::app::message;
use warta::app::line::{MAX_LINE_CHARS, clean_paste};
use warta::app::{self, Action, App, Effect, MessageKind, Mode, update};
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};

fn app() -> App {
    let corpus = loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus;
    let mut app = App::new(corpus, Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app::search_now(&mut app);
    app
}

fn paste(app: &mut App, text: &str) -> Effect {
    app::update_sync(app, Action::Paste(text.to_string()))
}

#[test]
fn a_paste_becomes_one_line_of_typeable_text() {
    assert_eq!(
        clean_paste("Viral\r\nASN\rdi\tMuratara\n"),
        "Viral ASN di Muratara "
    );
    assert_eq!(clean_paste("satu\u{2028}dua\u{2029}tiga"), "satu dua tiga");
    // Escape sequences go whole, as in article text; other controls and invisibles go too.
    assert_eq!(
        clean_paste("a\x1b[31mb\x1b]0;judul\x07c\x07\u{202e}d\u{200b}e\x7f"),
        "abcde"
    );
    let flag = "\u{1F1EE}\u{1F1E9}";
    assert_eq!(clean_paste(&format!("{flag} é")), format!("{flag} é"));
    assert!(clean_paste("\x1b[2J\r\n").trim().is_empty());
}

#[test]
fn a_paste_in_the_search_bar_searches_once() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    for c in "asn ".chars() {
        update(&mut app, Action::Insert(c));
    }
    let effect = paste(&mut app, "Viral\r\nMuratara\t");
    assert!(matches!(effect, Effect::Search(_)), "{effect:?}");
    assert_eq!(app.search.input, "asn Viral Muratara ");
    assert_eq!(app.search.input.cursor, app.search.input.chars().count());
    assert_eq!(app.mode, Mode::Search);
    assert_eq!(app.list.shown.len(), 1, "the Muratara article");
    // At the cursor, not at the end.
    update(&mut app, Action::CursorHome);
    paste(&mut app, "live\n");
    assert_eq!(app.search.input, "live asn Viral Muratara ");
    assert_eq!(app.search.input.cursor, 5);
}

#[test]
fn a_paste_from_the_list_opens_the_search_bar() {
    let mut app = app();
    assert_eq!(app.mode, Mode::Normal);
    // Without bracketed paste these would be keys: `r` would mark the article relevant.
    let effect = paste(&mut app, "rrr");
    assert!(matches!(effect, Effect::Search(_)), "{effect:?}");
    assert_eq!((app.mode, app.search.input.as_str()), (Mode::Search, "rrr"));
    // Nothing typeable: nothing happens.
    let mut app2 = self::app();
    assert!(matches!(paste(&mut app2, "\x1b[A\r\n"), Effect::None));
    assert_eq!(app2.mode, Mode::Normal);
    // The help overlay takes no text.
    update(&mut app2, Action::ToggleHelp);
    assert!(matches!(paste(&mut app2, "kata"), Effect::None));
    assert_eq!((app2.mode, app2.search.input.as_str()), (Mode::Help, ""));
}

#[test]
fn a_long_paste_is_cut_to_the_line_limit_with_a_message() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    // 50,000 characters of words, lines and tabs, with a flag (two characters, one
    // grapheme) straddling the limit.
    let mut text = "x".repeat(MAX_LINE_CHARS - 1);
    text.push_str("\u{1F1EE}\u{1F1E9}");
    while text.chars().count() < 50_000 {
        text.push_str("Viral ASN\tMuratara\r\n");
    }
    // Counted once made one line (CRLF is one space).
    let total = clean_paste(&text).chars().count();
    assert!(total > 45_000);
    let effect = paste(&mut app, &text);
    assert!(matches!(effect, Effect::Search(_)));
    // The flag does not fit whole, so it is left out rather than split.
    assert_eq!(app.search.input.chars().count(), MAX_LINE_CHARS - 1);
    assert!(app.search.input.chars().all(|c| c == 'x'));
    let m = app.message.as_ref().expect("a message");
    assert_eq!(m.kind, MessageKind::Info);
    assert_eq!(
        m.text,
        format!(
            "pasted text cut to 3,999 of {} characters: a line holds at most 4,000",
            loader::thousands(total as u64)
        )
    );
    // The line is full: typing says so and types nothing, and so does another paste.
    update(&mut app, Action::Insert('y'));
    update(&mut app, Action::Insert('y'));
    assert_eq!(app.search.input.chars().count(), MAX_LINE_CHARS);
    update(&mut app, Action::Insert('z'));
    assert_eq!(app.search.input.chars().count(), MAX_LINE_CHARS);
    assert!(
        message(&app).contains("the line is full"),
        "{}",
        message(&app)
    );
    assert!(matches!(paste(&mut app, "more"), Effect::None));
    assert!(message(&app).starts_with("pasted text cut to 0 of 4"));
}

#[test]
fn an_invalid_pasted_query_is_said_with_the_cut() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    let text = format!("date:{}", "9".repeat(2 * MAX_LINE_CHARS));
    paste(&mut app, &text);
    let m = app.message.as_ref().expect("a message");
    assert_eq!(m.kind, MessageKind::Error, "{}", m.text);
    assert!(m.text.starts_with("invalid query"), "{}", m.text);
    assert!(m.text.contains("pasted text cut to 4,000"), "{}", m.text);
}

#[test]
fn a_paste_in_a_prompt_goes_into_the_prompt() {
    let mut app = app();
    update(&mut app, Action::EditNote);
    assert_eq!(app.mode, Mode::Prompt);
    let effect = paste(&mut app, "perlu dicek\r\nlagi\tbesok");
    assert!(matches!(effect, Effect::None), "{effect:?}");
    let p = app.prompt.as_ref().expect("the note prompt");
    assert_eq!(p.input, "perlu dicek lagi besok");
    assert_eq!(p.input.cursor, p.input.chars().count());
    assert_eq!(app.search.input, "", "the search is untouched");
    paste(&mut app, &"n".repeat(2 * MAX_LINE_CHARS));
    let p = app.prompt.as_ref().expect("the note prompt");
    assert_eq!(p.input.chars().count(), MAX_LINE_CHARS);
    assert!(message(&app).starts_with("pasted text cut to"));
}
