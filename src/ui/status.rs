//! The status line: result count, the latest message, key hints for the focused pane.
//!
//! ```text
//!  3/5 · triaged 1/3 · relevant 1 · maybe 0 · read-only: … · marked 1 article relevant   hints
//!  └count┘ └progress over the view ───────┘ └store status┘ └message (errors red/bold)┘
//! ```
//! The store status (read-only, not saved) stays as long as it holds; the rest of the line
//! is cut from the right when narrow, hints first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Focus, MessageKind, Mode};

use super::put_line;
use super::theme::Theme;
use crate::text::wrap;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let g = theme.glyphs;
    let sep = g.sep;
    let width = usize::from(area.width);
    let p = &app.triage.progress;
    // Counts read like every other number warta prints: "21,940".
    let n = |v: usize| crate::loader::thousands(v as u64);
    let count = if width >= 80 {
        format!(
            " {}/{} {sep} triaged {}/{} {sep} relevant {} {sep} maybe {} ",
            n(app.list.matches.len()),
            n(app.corpus.len()),
            n(p.triaged),
            n(p.total),
            n(p.relevant),
            n(p.maybe)
        )
    } else {
        format!(
            " {}/{} {sep} triaged {}/{} ",
            n(app.list.matches.len()),
            n(app.corpus.len()),
            n(p.triaged),
            n(p.total)
        )
    };
    // Said next to the counts rather than as a message: the load summary and other
    // messages stay readable while grouping runs.
    let count = if app.copies.grouping {
        format!("{count}{sep} grouping copies{} ", g.ellipsis)
    } else {
        count
    };
    // The search scans while the index is built; saying so explains slower typing.
    let count = match app.search.indexing {
        Some(p) if p.total > 0 => format!(
            "{count}{sep} index {}%{} ",
            p.done * 100 / p.total,
            g.ellipsis
        ),
        _ => count,
    };
    // Articles that arrived while warta ran (a live corpus): what `is:new` lists.
    let count = match app.arrivals.new_ids.len() {
        0 => count,
        n => format!("{count}{sep} {n} new "),
    };
    let hints = match (app.mode, app.focus) {
        (Mode::Search, _) => &app.settings.keys.search,
        (Mode::Prompt, _)
            if app
                .prompt
                .as_ref()
                .is_some_and(|p| p.kind == crate::app::PromptKind::Labels) =>
        {
            &app.settings.keys.prompt_labels
        }
        (Mode::Prompt, _) => &app.settings.keys.prompt,
        (Mode::Help, _) => &app.settings.keys.help,
        (Mode::Normal, Focus::List) => &app.settings.keys.list,
        (Mode::Normal, Focus::Detail) => &app.settings.keys.detail,
        (Mode::Normal, Focus::Filters) => &app.settings.keys.filters,
    };
    let left_w = width.saturating_sub(wrap::display_width(&count));
    let store = app
        .triage
        .store_status
        .as_ref()
        .map(|s| wrap::truncate_with(&g.plain(&format!("{sep} {s} ")), left_w, g.ellipsis))
        .unwrap_or_default();
    let left_w = left_w.saturating_sub(wrap::display_width(&store));
    let (message, style) = match &app.message {
        Some(m) => (
            g.plain(&format!("{sep} {} ", m.text)).into_owned(),
            if m.kind == MessageKind::Error {
                theme.error
            } else {
                theme.info
            },
        ),
        None => (String::new(), theme.muted),
    };
    let message = wrap::truncate_with(&message, left_w, g.ellipsis);
    let room = left_w.saturating_sub(wrap::display_width(&message));
    let mut spans = vec![
        Span::styled(count, theme.title),
        Span::styled(store, theme.error),
        Span::styled(message, style),
    ];
    // As many whole hints as fit; a cut-off hint is worse than none. The keymap joins
    // hints with the Unicode separator; they are rejoined with the theme's.
    let mut shown = String::new();
    for hint in hints.split(" · ") {
        let candidate = if shown.is_empty() {
            hint.to_string()
        } else {
            format!("{shown} {sep} {hint}")
        };
        if wrap::display_width(&candidate) + 1 > room {
            break;
        }
        shown = candidate;
    }
    if !shown.is_empty() {
        let pad = room - wrap::display_width(&shown) - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(shown, theme.muted));
    }
    put_line(frame.buffer_mut(), area, area.y, &Line::from(spans));
}
