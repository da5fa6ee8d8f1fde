//! The status line: result count, the latest message, key hints for the focused pane.
//!
//! ```text
//!  3/5 · triaged 1/3 · relevant 1 · maybe 0 · read-only: … · marked 1 article relevant   hints
//!  └count┘ └progress over the view ───────┘ └store status┘ └message (errors red/bold)┘
//! ```
//! The store status (read-only, not saved) stays as long as it holds. When the line is
//! narrow, the hints go first, then the counts other than `3/5` (least useful first) until
//! the message has its width or half the line, and only then is the message cut, with `…`; every message is kept whole in the message log
//! (`L`, see `ui/log.rs`).

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
    // The count always shows; the rest of the counts only when they leave the message its
    // room (a message is news, the counts are there all the time), dropped least useful
    // first. Shown in this order, kept by priority (the first number).
    // Counts read like every other number warta prints: "21,940".
    let n = |v: usize| crate::loader::thousands(v as u64);
    let base = format!(" {}/{} ", n(app.list.matches.len()), n(app.corpus.len()));
    let mut extras: Vec<(usize, String)> =
        vec![(3, format!("{sep} triaged {}/{} ", n(p.triaged), n(p.total)))];
    if width >= 80 {
        extras.push((
            4,
            format!(
                "{sep} relevant {} {sep} maybe {} ",
                n(p.relevant),
                n(p.maybe)
            ),
        ));
    }
    // Said next to the counts rather than as a message: the load summary and other
    // messages stay readable while grouping runs.
    if app.copies.grouping {
        extras.push((2, format!("{sep} grouping copies{} ", g.ellipsis)));
    }
    // The search scans while the index is built; saying so explains slower typing.
    if let Some(ix) = app.search.indexing.filter(|ix| ix.total > 0) {
        extras.push((
            1,
            format!("{sep} index {}%{} ", ix.done * 100 / ix.total, g.ellipsis),
        ));
    }
    // Articles that arrived while warta ran (a live corpus): what `is:new` lists.
    match app.arrivals.new_ids.len() {
        0 => {}
        n => extras.push((0, format!("{sep} {n} new "))),
    }
    let store = app
        .triage
        .store_status
        .as_ref()
        .map(|s| g.plain(&format!("{sep} {s} ")).into_owned())
        .unwrap_or_default();
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
    // The store status and the message are owed their whole width, or half the line when
    // longer: the counts make way only as far as that.
    let said_w = wrap::display_width(&store) + wrap::display_width(&message);
    let room = width.saturating_sub(wrap::display_width(&base));
    let owed = said_w.min(room / 2);
    let mut order: Vec<usize> = (0..extras.len()).collect();
    order.sort_by_key(|&i| extras[i].0);
    let mut keep = vec![false; extras.len()];
    let mut used = 0;
    for i in order {
        let w = wrap::display_width(&extras[i].1);
        if used + w + owed <= room {
            keep[i] = true;
            used += w;
        } else {
            // Lower priorities are not taken out of order: a line with "maybe" but no
            // "triaged" reads oddly.
            break;
        }
    }
    let room = room.saturating_sub(used);
    let store = wrap::truncate_with(&store, room, g.ellipsis);
    let room = room.saturating_sub(wrap::display_width(&store));
    let count: String = std::iter::once(base)
        .chain(
            extras
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|((_, s), _)| s.clone()),
        )
        .collect();
    let message = wrap::truncate_with(&message, room, g.ellipsis);
    let room = room.saturating_sub(wrap::display_width(&message));
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
