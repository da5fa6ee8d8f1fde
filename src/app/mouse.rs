//! Mouse input: hit-testing a click or wheel turn against the panes' layout.
//!
//! Everything goes through the same transitions the keys use (`update`'s pane handlers), so
//! a click can do nothing a key cannot. The rules:
//!
//! - The wheel scrolls the pane under the pointer, whichever has the focus, and leaves the
//!   focus where it is: [`WHEEL_STEP`] rows per notch. Over the list it moves the cursor
//!   (the detail follows, as in aerc); over the detail it scrolls the text; over the filters
//!   it moves their cursor; with the help open it scrolls the help, wherever the pointer is.
//! - A click on a list row puts the cursor there and focuses the list; a click on the row
//!   that already is the cursor of the focused list opens it, like enter (so a double click
//!   opens; there is no timing, a slow second click opens too).
//! - A click in the detail focuses it. A click on a facet value in the filters toggles it,
//!   like space, and focuses the filters; on a heading or the month chart it only focuses.
//! - A click on the search bar starts editing the query; while editing, a click elsewhere
//!   leaves the search bar (keeping the query, like enter) and then acts where it landed.
//! - A click outside the filters overlay (80-119 columns and below) closes it, then acts
//!   where it landed.
//! - With the help open, a click outside it closes it; a click inside does nothing.
//! - While a prompt (labels, note, export file) is open, the mouse does nothing: a prompt is
//!   answered from the keyboard, and its targets must not shift under it.
//! - Borders, the status line, anything outside the panes, and the too-small screen ignore
//!   the mouse.

use super::action::{Action, MouseInput, MouseKind};
use super::layout::{self, FilterSpot, Panes, Target};
use super::state::{App, FilterRow, Focus, Mode};
use super::update::{self, Effect};

/// Rows moved per wheel notch: the usual desktop default (GTK, xterm, most terminals'
/// alternate-scroll), and the same in every pane so the wheel feels one way.
pub const WHEEL_STEP: usize = 3;

/// A click or wheel turn at a screen cell.
pub fn handle(app: &mut App, input: MouseInput) -> Effect {
    let Some(panes) = app.panes() else {
        return Effect::None;
    };
    let (col, row) = (input.column, input.row);
    match app.mode {
        Mode::Prompt => Effect::None,
        Mode::Help => {
            help(app, input);
            Effect::None
        }
        Mode::Search | Mode::Normal => match input.kind {
            MouseKind::ScrollUp | MouseKind::ScrollDown => {
                wheel(app, &panes, input);
                Effect::None
            }
            MouseKind::Click => click(app, &panes, col, row),
        },
    }
}

fn help(app: &mut App, input: MouseInput) {
    match input.kind {
        // fix_view clamps the scroll to the help's length.
        MouseKind::ScrollDown => app.help_scroll = app.help_scroll.saturating_add(WHEEL_STEP),
        MouseKind::ScrollUp => app.help_scroll = app.help_scroll.saturating_sub(WHEEL_STEP),
        MouseKind::Click => {
            if !layout::help_area(app.width, app.height).contains(input.column, input.row) {
                app.mode = Mode::Normal;
            }
        }
    }
}

fn wheel(app: &mut App, panes: &Panes, input: MouseInput) {
    let Some((target, _)) = panes.pane_at(input.column, input.row) else {
        return;
    };
    let step = if input.kind == MouseKind::ScrollDown {
        Action::MoveDown
    } else {
        Action::MoveUp
    };
    // Only movement reaches the pane handlers here: they return no effect for it.
    for _ in 0..WHEEL_STEP {
        match target {
            Target::List => {
                update::list(app, step.clone());
            }
            Target::Detail => {
                update::detail(app, step.clone());
            }
            Target::Filters => {
                update::filters(app, step.clone());
            }
            Target::Search | Target::Status => return,
        }
    }
}

fn click(app: &mut App, panes: &Panes, col: u16, row: u16) -> Effect {
    let Some((target, inside)) = panes.pane_at(col, row) else {
        return Effect::None;
    };
    if !inside || target == Target::Status {
        return Effect::None;
    }
    // Leaving the search bar confirms the query, which may search it again (see
    // `update::confirm`): the click's own effect wins only when it is a search too, which
    // carries the confirmed query.
    let mut confirmed = Effect::None;
    if app.mode == Mode::Search {
        if target == Target::Search {
            return Effect::None;
        }
        confirmed = update::update(app, Action::LeaveSearch);
    }
    if target != Target::Filters && panes.filters_overlay && app.filter_pane.open {
        app.filter_pane.open = false;
        if app.focus == Focus::Filters {
            app.focus = Focus::List;
        }
    }
    let pending = !matches!(confirmed, Effect::None);
    let effect = match target {
        Target::Search => update::update(app, Action::StartSearch),
        Target::List => click_list(app, panes, col, row, !pending),
        Target::Detail => {
            app.focus = Focus::Detail;
            Effect::None
        }
        Target::Filters => click_filters(app, panes, col, row),
        Target::Status => Effect::None,
    };
    match effect {
        Effect::None => confirmed,
        other => other,
    }
}

/// A click on a list row moves the cursor there; on the cursor's row of the focused list it
/// opens the article, when `may_open` (not while the list is being searched again: the row
/// may hold another article by then).
fn click_list(app: &mut App, panes: &Panes, col: u16, row: u16, may_open: bool) -> Effect {
    let was_focused = app.focus == Focus::List;
    app.focus = Focus::List;
    let Some(r) = panes.list.inner().row_at(col, row) else {
        return Effect::None;
    };
    let pos = app.list.offset.saturating_add(r);
    if pos >= app.list.shown.len() {
        return Effect::None;
    }
    if was_focused && pos == app.list.cursor && may_open {
        return update::list(app, Action::Open);
    }
    app.list.cursor = pos;
    app.anchor();
    Effect::None
}

fn click_filters(app: &mut App, panes: &Panes, col: u16, row: u16) -> Effect {
    app.focus = Focus::Filters;
    let Some(FilterSpot::Row(r)) = panes.filter_spot(col, row) else {
        return Effect::None;
    };
    let Some(pos) = app.filter_row_at(r) else {
        return Effect::None;
    };
    if !matches!(app.filter_pane.rows.get(pos), Some(FilterRow::Value { .. })) {
        return Effect::None;
    }
    app.filter_pane.cursor = pos;
    update::filters(app, Action::ToggleValue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_wins_over_the_list_and_the_detail_edge() {
        let layout::Screen::Main(p) = layout::compute(80, 24, true) else {
            panic!("80x24 has a layout")
        };
        // At 80 columns list and overlay are both 40 wide: the overlay covers the list.
        assert_eq!(p.pane_at(5, 5), Some((Target::Filters, true)));
        assert_eq!(p.pane_at(38, 5), Some((Target::Filters, true)));
        assert_eq!(p.pane_at(39, 5), Some((Target::Filters, false)));
        assert_eq!(p.pane_at(40, 5), Some((Target::Detail, false)));
        assert_eq!(p.pane_at(41, 5), Some((Target::Detail, true)));
        assert_eq!(p.pane_at(79, 5), Some((Target::Detail, false)));
        assert_eq!(p.pane_at(0, 0), Some((Target::Search, true)));
        assert_eq!(p.pane_at(0, 23), Some((Target::Status, true)));
        assert_eq!(p.pane_at(80, 5), None);
        assert_eq!(p.pane_at(u16::MAX, u16::MAX), None);
    }

    #[test]
    fn stacked_layout_hits_list_then_detail() {
        let layout::Screen::Main(p) = layout::compute(50, 16, false) else {
            panic!("50x16 has a layout")
        };
        // Body rows 1..15: the list takes 2/5 (5 rows: 1..6), the detail the rest.
        assert_eq!(p.pane_at(10, 1), Some((Target::List, false)));
        assert_eq!(p.pane_at(10, 2), Some((Target::List, true)));
        assert_eq!(p.pane_at(10, 5), Some((Target::List, false)));
        assert_eq!(p.pane_at(10, 6), Some((Target::Detail, false)));
        assert_eq!(p.pane_at(10, 7), Some((Target::Detail, true)));
        assert_eq!(p.list.inner().row_at(10, 3), Some(1));
    }

    #[test]
    fn filter_spots_skip_the_chart() {
        let layout::Screen::Main(p) = layout::compute(120, 40, false) else {
            panic!("120x40 has a layout")
        };
        // Filters: rows 1..39, inside 2..38, the chart its first 4 rows.
        assert_eq!(p.filter_spot(3, 1), None);
        assert_eq!(p.filter_spot(3, 2), Some(FilterSpot::Chart));
        assert_eq!(p.filter_spot(3, 5), Some(FilterSpot::Chart));
        assert_eq!(p.filter_spot(3, 6), Some(FilterSpot::Row(0)));
        assert_eq!(p.filter_spot(0, 6), None, "the border");
    }
}
