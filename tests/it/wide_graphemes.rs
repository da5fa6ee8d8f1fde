//! Wide graphemes of several characters on screen: a flag (two regional indicators) is kept
//! and drawn in two cells, a lone regional indicator is shown as U+FFFD, and moving from an
//! article with a flag to one without leaves nothing of the flag behind in a terminal that
//! draws each indicator in a cell of its own (as tmux 3.3a does).

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell, CellWidth};
use unicode_width::UnicodeWidthChar;

use warta::app::{self, Action, App};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::loader::parse::parse_text;
use warta::ui;

const FLAG: &str = "\u{1F1EE}\u{1F1E9}";

fn article(name: &str, title: &str, day: u8) -> warta::model::Article {
    // The body repeats the title: the detail pane draws body text unstyled, the way the
    // list draws every row but the cursor's.
    let text = format!("{title}\n\nJAKARTA - {title}, Senin ({day}/6/2024).\n");
    let clean = warta::text::decode(text.as_bytes()).expect("text");
    parse_text(&clean, name)
}

/// Newest first: a plain article, the flag, its narrow twin with a space where the flag's
/// second half was, and the lone indicator.
fn app_at(width: u16, height: u16) -> App {
    let corpus = Corpus::from_articles(vec![
        article("plain.txt", "Berita biasa tanpa bendera", 4),
        article(
            "flag.txt",
            &format!("Bendera {FLAG} berkibar di Jakarta"),
            3,
        ),
        article("twin.txt", "Bendera X berkibar di Jakarta", 2),
        article("lone.txt", "Huruf \u{1F1EE} sendiri di judul", 1),
    ]);
    let mut app = App::new(corpus, Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(width, height));
    app::search_now(&mut app);
    app
}

/// Draws `app` and returns the frame's buffer as ratatui diffs it (marks included).
fn frame(term: &mut Terminal<TestBackend>, app: &App) -> Buffer {
    let mut out = None;
    term.draw(|f| {
        ui::render(f, app);
        out = Some(f.buffer_mut().clone());
    })
    .expect("draw");
    out.expect("a frame")
}

/// Each row's text, skipping the cells a wide grapheme covers.
fn rows(buf: &Buffer) -> Vec<String> {
    buf.content
        .chunks(usize::from(buf.area.width))
        .map(|row| {
            let mut line = String::new();
            let mut covered = 0;
            for cell in row {
                if covered == 0 {
                    line.push_str(cell.symbol());
                }
                covered = covered
                    .max(usize::from(cell.cell_width()))
                    .saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// A terminal that draws every character in cells of its own (zero-width ones join the cell
/// before), the way tmux 3.3a draws regional indicators. One string per cell.
struct SplitTerminal(Vec<Vec<String>>);

impl SplitTerminal {
    fn new(width: u16, height: u16) -> Self {
        SplitTerminal(vec![
            vec![" ".to_string(); usize::from(width)];
            usize::from(height)
        ])
    }

    fn apply(&mut self, updates: &[(u16, u16, &Cell)]) {
        for &(x, y, cell) in updates {
            let row = &mut self.0[usize::from(y)];
            let mut x = usize::from(x);
            for c in cell.symbol().chars() {
                match c.width().unwrap_or(0) {
                    0 if x > 0 => row[x - 1].push(c),
                    0 => {}
                    w => {
                        if let Some(at) = row.get_mut(x) {
                            *at = c.to_string();
                        }
                        if let Some(behind) = row.get_mut(x + 1).filter(|_| w == 2) {
                            behind.clear();
                        }
                        x += w;
                    }
                }
            }
        }
    }

    fn rows(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|r| r.concat().trim_end().to_string())
            .collect()
    }
}

#[test]
fn flags_stay_and_a_lone_indicator_is_replaced_80x24() {
    let mut app = app_at(80, 24);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    app::update_sync(&mut app, Action::MoveDown);
    let screen = rows(&frame(&mut term, &app)).join("\n");
    assert!(
        screen.contains(&format!("Bendera {FLAG} berkib")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("Bendera {FLAG} berkibar di Jakarta, Senin")),
        "{screen}"
    );
    assert!(!screen.contains("\u{1F1EE}\u{1F1EE}"), "{screen}");
    assert!(screen.contains("Huruf \u{FFFD} sendiri"), "{screen}");
    assert!(!screen.contains("\u{1F1EE} sendiri"), "{screen}");
    assert_snapshot!("flags_80x24", screen);
    // The flag counts two cells in the list, as in the terminal: the row is as wide as its twin's.
    app::update_sync(&mut app, Action::Bottom);
    let screen = rows(&frame(&mut term, &app));
    let width = |needle: &str| {
        let row = screen.iter().find(|r| r.contains(needle)).expect(needle);
        unicode_width::UnicodeWidthStr::width(row.as_str())
    };
    assert_eq!(width("Bendera \u{1F1EE}"), width("Bendera X"));
}

#[test]
fn moving_off_a_flag_leaves_no_stale_glyph() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = app_at(w, h);
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let mut screen = SplitTerminal::new(w, h);
        let mut shown = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
        // To the flag and off it to its twin (the detail pane changes), back and forth; then
        // oldest first, which puts the twin's row where the flag's was.
        let steps = [
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveUp,
            Action::Open,
            Action::Back,
            Action::MoveDown,
            Action::MoveDown,
            Action::Top,
            Action::CycleSort,
        ];
        for step in std::iter::once(None).chain(steps.map(Some)) {
            if let Some(action) = &step {
                app::update_sync(&mut app, action.clone());
            }
            let next = frame(&mut term, &app);
            screen.apply(&shown.diff(&next));
            assert_eq!(screen.rows(), rows(&next), "{w}x{h} after {step:?}");
            shown = next;
        }
    }
}
