//! The pure state transition: `update(&mut App, Action) -> Effect`. Nothing here touches the
//! terminal, threads or the clock; work that must happen elsewhere is returned as an effect.

use crate::query::{Query, Sort};

use super::action::Action;
use super::clusters::RowKind;
use super::filter_rows;
use super::line;
use super::search::SearchRequest;
use super::state::{App, FilterRow, Focus, MessageKind, Mode, PromptKind};
use super::triage::{self, TriageCmd};
use super::{clipboard, mouse};

#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Quit,
    /// Run this search (on a worker) and feed the results to [`App::apply_results`].
    Search(SearchRequest),
    /// Run this against the triage store (see [`crate::app::triage::execute`]) and feed the
    /// outcome to [`App::apply_outcome`].
    Triage(TriageCmd),
    /// Work outside the screen: the clipboard or the system opener (see [`External`]).
    External(External),
}

/// What the front end does for copy and open; it reports the outcome as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum External {
    /// Put `text` on the clipboard (OSC 52); `what` names it in the confirmation.
    Copy { text: String, what: String },
    /// Open a URL or a file with the system opener.
    Open { target: String },
}

/// The sorts `S` cycles through; relevance only means something while a query scores.
pub fn sort_cycle(query: &Query) -> Vec<Sort> {
    let mut sorts = vec![Sort::DateDesc, Sort::DateAsc, Sort::Outlet, Sort::Title];
    if query.has_score() {
        sorts.push(Sort::Relevance);
    }
    sorts
}

pub fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::DateDesc => "newest",
        Sort::DateAsc => "oldest",
        Sort::Outlet => "outlet",
        Sort::Title => "title",
    }
}

pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = match action {
        Action::Quit => Effect::Quit,
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
            Effect::None
        }
        Action::Mouse(m) => mouse::handle(app, m),
        Action::Paste(text) => paste(app, &text),
        Action::Team(news) => super::team::heard(app, news.0),
        _ => match app.mode {
            Mode::Help => help(app, action),
            Mode::Search => search_bar(app, action),
            Mode::Prompt
                if app
                    .prompt
                    .as_ref()
                    .is_some_and(|p| p.kind == PromptKind::FacetFind) =>
            {
                filter_rows::find_prompt(app, action)
            }
            Mode::Prompt => triage::prompt(app, action),
            Mode::Normal => normal(app, action),
        },
    };
    app.fix_view();
    effect
}

fn help(app: &mut App, action: Action) -> Effect {
    match action {
        Action::ToggleHelp | Action::Back | Action::ShowMessages => {
            app.mode = Mode::Normal;
            app.show_log = false;
        }
        Action::MoveDown => app.help_scroll = app.help_scroll.saturating_add(1),
        Action::MoveUp => app.help_scroll = app.help_scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => {
            app.help_scroll = app.help_scroll.saturating_add(app.height as usize / 2)
        }
        Action::PageUp | Action::HalfPageUp => {
            app.help_scroll = app.help_scroll.saturating_sub(app.height as usize / 2)
        }
        Action::Top => app.help_scroll = 0,
        Action::Bottom => app.help_scroll = usize::MAX / 2,
        _ => {}
    }
    Effect::None
}

fn search_bar(app: &mut App, action: Action) -> Effect {
    if matches!(action, Action::LeaveSearch | Action::Back) {
        app.mode = Mode::Normal;
        // The last query that parsed: an invalid edit is not what the list shows.
        let query = app.search.query.source().to_string();
        app.recall.remember(&query);
        app.recall.pos = None;
        return confirm(app);
    }
    if matches!(action, Action::HistoryPrev | Action::HistoryNext) {
        return if app.walk_history(action == Action::HistoryPrev) {
            requery(app)
        } else {
            Effect::None
        };
    }
    let chars = app.search.input.chars().count();
    if !line::line_full(app, chars, &action) && app.search.input.edit(action) {
        requery(app)
    } else {
        Effect::None
    }
}

/// A paste is one action whatever its length: it goes in at the cursor of the search bar or
/// the open prompt (from the panes it opens the search bar, as `/` would), made one line of
/// typeable text by [`line::clean_paste`], cut to [`line::MAX_LINE_CHARS`] with a
/// message saying so, and searched once.
fn paste(app: &mut App, text: &str) -> Effect {
    let clean = line::clean_paste(text);
    let blank = clean.trim().is_empty();
    if clean.is_empty() || app.mode == Mode::Help || (app.mode == Mode::Normal && blank) {
        return Effect::None;
    }
    if app.mode == Mode::Normal {
        normal(app, Action::StartSearch);
    }
    let total = clean.chars().count();
    let inserted = match (app.mode, app.prompt.as_mut()) {
        (Mode::Prompt, Some(p)) => {
            let n = p.input.insert(&clean);
            if n > 0 {
                p.completion = None;
            }
            if p.kind == PromptKind::FacetFind {
                let text = p.input.to_string();
                filter_rows::set_narrow(app, text);
            }
            n
        }
        (Mode::Prompt, None) => return Effect::None,
        _ => app.search.input.insert(&clean),
    };
    let effect = if app.mode == Mode::Search && inserted > 0 {
        requery(app)
    } else {
        Effect::None
    };
    if inserted < total {
        let cut = format!(
            "pasted text cut to {} of {} characters: a line holds at most {}",
            crate::loader::thousands(inserted as u64),
            crate::loader::thousands(total as u64),
            crate::loader::thousands(line::MAX_LINE_CHARS as u64)
        );
        // An invalid query stays said too.
        match app.message.take() {
            Some(m) if m.kind == MessageKind::Error => {
                app.set_message(format!("{}; {cut}", m.text), MessageKind::Error);
            }
            _ => app.set_message(cut, MessageKind::Info),
        }
    }
    effect
}

/// The query left in the search bar, read precisely: its last word stops matching the words
/// it begins ([`Query::while_typing`]), so the list, its counts and exports are the articles
/// using the words. Searched again only when that word was widened.
fn confirm(app: &mut App) -> Effect {
    let Some(word) = app.search.query.typed_word().map(str::to_string) else {
        return Effect::None;
    };
    let Ok(q) = Query::parse_with(app.search.query.source(), &app.search.lexicon) else {
        return Effect::None;
    };
    // The count shown is the typing search's only once its results are in.
    let typed = (!app.search.searching).then_some(app.list.matches.len());
    app.search.query = q;
    // The same view read more strictly: an article the reader moved to stays under the
    // cursor if it still matches.
    let req = app.request();
    app.search.confirming = typed.map(|typed| super::parts::Confirming {
        generation: req.generation,
        word,
        typed,
    });
    Effect::Search(req)
}

/// Parses the edited input; a valid query starts a search, an invalid one is reported and
/// the previous results stay. In the search bar the last word is still being typed, so it
/// also matches the words it begins and each letter narrows the list.
fn requery(app: &mut App) -> Effect {
    match Query::parse_with(&app.search.input, &app.search.lexicon) {
        Err(e) => {
            app.set_message(format!("invalid query: {e}"), MessageKind::Error);
            Effect::None
        }
        Ok(q) => {
            let q = if app.mode == Mode::Search {
                q.while_typing(&app.search.lexicon)
            } else {
                q
            };
            if app
                .message
                .as_ref()
                .is_some_and(|m| m.kind == MessageKind::Error)
            {
                app.message = None;
            }
            // Ranking by relevance is what a reader wants when a query starts scoring;
            // it makes no sense once it stops.
            if q.has_score() && !app.search.query.has_score() && app.search.rank_while_typing {
                app.search.sort = Sort::Relevance;
            } else if !q.has_score() && app.search.sort == Sort::Relevance {
                app.search.sort = Sort::DateDesc;
            }
            if q.has_copies_term() && app.copies.clusters.is_none() {
                let text = if app.copies.grouping {
                    "has:copies matches nothing until copies are grouped (running)"
                } else {
                    "has:copies matches nothing until copies are grouped"
                };
                app.set_message(text, MessageKind::Info);
            }
            if q.needs_team() && app.team.is_none() {
                app.set_message(crate::query::NO_TEAM, MessageKind::Error);
            }
            app.search.query = q;
            Effect::Search(app.request_new_view())
        }
    }
}

fn normal(app: &mut App, action: Action) -> Effect {
    match action {
        Action::ToggleHelp => {
            app.mode = Mode::Help;
            app.show_log = false;
            app.help_scroll = 0;
        }
        Action::ShowMessages => {
            app.mode = Mode::Help;
            app.show_log = true;
            app.help_scroll = 0;
        }
        Action::StartSearch => {
            app.mode = Mode::Search;
            app.search.input.cursor = app.search.input.chars().count();
            if app.focus == Focus::Filters && app.filter_pane.open {
                app.filter_pane.open = false;
            }
            app.focus = Focus::List;
        }
        Action::FocusNext | Action::FocusPrev => {
            let mut order = vec![Focus::List, Focus::Detail];
            if app.filters_visible() {
                order.push(Focus::Filters);
            }
            let i = order.iter().position(|f| *f == app.focus).unwrap_or(0);
            let n = order.len();
            let next = if action == Action::FocusNext {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            app.focus = order[next];
        }
        Action::ToggleFilters => {
            if app.focus == Focus::Filters {
                app.filter_pane.open = false;
                app.focus = Focus::List;
            } else {
                app.filter_pane.open = true;
                app.focus = Focus::Filters;
            }
        }
        Action::ToggleFilterColumn => {
            let hidden = !app.filter_pane.hidden;
            app.filter_pane.hidden = hidden;
            app.filter_pane.open = false;
            if app.focus == Focus::Filters {
                app.focus = Focus::List;
            }
            let text = match (hidden, app.width >= super::layout::WIDE) {
                (true, _) => "filter column hidden (F shows it; f opens the filters)",
                (false, true) => "filter column shown",
                (false, false) => "filter column shown from 120 columns; f opens the filters",
            };
            app.set_message(text, MessageKind::Info);
        }
        Action::CycleSort => {
            let sorts = sort_cycle(&app.search.query);
            let i = sorts.iter().position(|s| *s == app.search.sort);
            app.search.sort = match i {
                Some(i) => sorts[(i + 1) % sorts.len()],
                None => sorts[0],
            };
            app.set_message(
                format!("sorted by {}", sort_label(app.search.sort)),
                MessageKind::Info,
            );
            return Effect::Search(app.request_new_view());
        }
        Action::ClearFilters => {
            if app.search.filters.is_empty() {
                return Effect::None;
            }
            app.before_clearing_filters();
            app.search.filters.clear();
            app.set_message("filters cleared (u brings them back)", MessageKind::Info);
            return Effect::Search(app.request_new_view());
        }
        // A clear of the query or filters newer than any triage change is undone first
        // (see `recall`).
        Action::Undo => {
            return match app.undo_view() {
                Some(req) => Effect::Search(req),
                None => Effect::Triage(TriageCmd::Undo),
            };
        }
        Action::Redo => {
            return match app.redo_view() {
                Some(req) => Effect::Search(req),
                None => Effect::Triage(TriageCmd::Redo),
            };
        }
        Action::Export => return triage::open_export(app),
        Action::CopyCitation | Action::CopyBody | Action::OpenExternal => {
            return clipboard::action(app, action);
        }
        Action::ClearSelection => triage::clear_selection(app),
        a if triage::is_article_action(&a) && triage::pane_allows_triage(app.focus) => {
            return triage::article_action(app, a);
        }
        _ => {
            return match app.focus {
                Focus::List => list(app, action),
                Focus::Detail => detail(app, action),
                Focus::Filters => filters(app, action),
            };
        }
    }
    Effect::None
}

/// New position for a cursor over `len` rows after a movement action; `None` when the
/// action is not a movement.
pub(super) fn moved(action: &Action, pos: usize, len: usize, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let half = (page / 2).max(1);
    let page = page.max(1);
    let to = match action {
        Action::MoveDown => pos.saturating_add(1),
        Action::MoveUp => pos.saturating_sub(1),
        Action::HalfPageDown => pos.saturating_add(half),
        Action::HalfPageUp => pos.saturating_sub(half),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}

pub(super) fn list(app: &mut App, action: Action) -> Effect {
    if let Some(to) = moved(
        &action,
        app.list.cursor,
        app.list.shown.len(),
        app.list_height(),
    ) {
        app.list.cursor = to;
        app.anchor();
        return Effect::None;
    }
    match action {
        Action::Open | Action::ToggleReader => {
            if let Some(index) = app.selected() {
                app.anchor();
                app.focus = Focus::Detail;
                app.detail.reader = action == Action::ToggleReader;
                return triage::mark_opened(app, index);
            }
        }
        Action::ToggleSelect => triage::toggle_select(app),
        Action::SelectAll => triage::select_all(app),
        Action::ToggleGroup => toggle_group(app),
        Action::ToggleAllGroups => toggle_all_groups(app),
        Action::Back if !app.search.input.is_empty() => {
            app.before_clearing_query();
            app.search.input.clear();
            let effect = requery(app);
            app.set_message(
                "query cleared (u brings it back, / then \u{2191} for earlier ones)",
                MessageKind::Info,
            );
            return effect;
        }
        _ => {}
    }
    Effect::None
}

/// `z`: on a group's row shows or hides its copies; on a copy hides them and goes back to
/// the group's row.
fn toggle_group(app: &mut App) {
    let cluster = match app.row_kind(app.list.cursor) {
        RowKind::Group { cluster, .. } | RowKind::Copy { cluster } => cluster,
        RowKind::Single => {
            let text = if app.copies.clusters.is_some() {
                "this story has no copies in the view"
            } else if app.copies.grouping {
                "still grouping copies\u{2026}"
            } else {
                "no groups of copies"
            };
            app.set_message(text, MessageKind::Info);
            return;
        }
    };
    let head = app
        .list
        .kinds
        .iter()
        .position(|k| matches!(k, RowKind::Group { cluster: c, .. } if *c == cluster));
    if !app.list.expanded.remove(&cluster) {
        app.list.expanded.insert(cluster);
    }
    // The cursor stays on the group's row (a copy's row disappears when it collapses).
    if let Some(pos) = head {
        app.list.cursor = pos;
    }
    app.regroup();
}

/// `Z`: expands every group in the view, or collapses all when none is collapsed.
fn toggle_all_groups(app: &mut App) {
    let groups: Vec<_> = app
        .list
        .kinds
        .iter()
        .filter_map(|k| match k {
            RowKind::Group {
                cluster, expanded, ..
            } => Some((*cluster, *expanded)),
            _ => None,
        })
        .collect();
    if groups.is_empty() {
        app.set_message("no groups of copies in the view", MessageKind::Info);
        return;
    }
    // Collapsing moves a copy's cursor to its group's row, not to whatever slides under it.
    if let RowKind::Copy { cluster } = app.row_kind(app.list.cursor)
        && let Some(pos) = app
            .list
            .kinds
            .iter()
            .position(|k| matches!(k, RowKind::Group { cluster: c, .. } if *c == cluster))
    {
        app.list.cursor = pos;
    }
    if groups.iter().all(|&(_, open)| open) {
        app.list.expanded.clear();
    } else {
        app.list.expanded.extend(groups.iter().map(|&(c, _)| c));
    }
    app.regroup();
}

pub(super) fn detail(app: &mut App, action: Action) -> Effect {
    let lines = app.max_detail_scroll() + 1;
    if let Some(to) = moved(&action, app.detail.scroll, lines, app.detail_height()) {
        // Reading on in an article keeps it on screen while results for the view change.
        app.anchor();
        app.detail.scroll = to;
        return Effect::None;
    }
    match action {
        Action::Back => {
            app.focus = Focus::List;
            app.detail.reader = false;
        }
        Action::ToggleReader => app.detail.reader = !app.detail.reader,
        Action::NextArticle | Action::PrevArticle => {
            let len = app.list.shown.len();
            let at = app.list.cursor;
            let to = if action == Action::NextArticle {
                (at + 1 < len).then_some(at + 1)
            } else {
                at.checked_sub(1)
            };
            let Some(to) = to else {
                let text = if action == Action::NextArticle {
                    "last article in the view"
                } else {
                    "first article in the view"
                };
                app.set_message(text, MessageKind::Info);
                return Effect::None;
            };
            app.list.cursor = to;
            app.anchor();
            app.detail.scroll = 0;
            if let Some(index) = app.selected() {
                return triage::mark_opened(app, index);
            }
        }
        Action::NextMatch | Action::PrevMatch => {
            let matches = app
                .detail
                .doc
                .as_ref()
                .map(|d| d.matches.clone())
                .unwrap_or_default();
            let at = app.detail.scroll;
            let target = if action == Action::NextMatch {
                matches.iter().find(|&&l| l > at).or(matches.first())
            } else {
                matches.iter().rev().find(|&&l| l < at).or(matches.last())
            };
            match target {
                Some(&l) => {
                    app.anchor();
                    app.detail.scroll = l.min(app.max_detail_scroll());
                }
                None => app.set_message("no highlighted matches", MessageKind::Info),
            }
        }
        _ => {}
    }
    Effect::None
}

pub(super) fn filters(app: &mut App, action: Action) -> Effect {
    if let Some(effect) = filter_rows::pane_action(app, &action) {
        return effect;
    }
    let len = app.filter_pane.rows.len();
    if let Some(to) = moved(&action, app.filter_pane.cursor, len, app.filter_height()) {
        // Headings are not selectable: step past them in the direction of travel.
        let down = to >= app.filter_pane.cursor;
        app.filter_pane.cursor = skip_headings(&app.filter_pane.rows, to, down);
        return Effect::None;
    }
    match action {
        Action::Back => {
            app.filter_pane.open = false;
            app.focus = Focus::List;
        }
        Action::ToggleValue | Action::Open => {
            if let Some(FilterRow::Value { facet, value, .. }) =
                app.filter_pane.rows.get(app.filter_pane.cursor)
            {
                let (facet, value) = (*facet, value.clone());
                app.search.filters.toggle(facet, &value);
                // Says what the filters are now, replacing whatever an earlier action said
                // (a stale "filters cleared" next to a filtered list misleads).
                let verb = if app.search.filters.is_selected(facet, &value) {
                    "on"
                } else {
                    "off"
                };
                let n = app.search.filters.count();
                let total = match n {
                    0 => "no filters".to_string(),
                    1 => "1 filter".to_string(),
                    n => format!("{n} filters"),
                };
                app.set_message(
                    format!("{verb}: {facet} {value} ({total})"),
                    MessageKind::Info,
                );
                return Effect::Search(app.request_new_view());
            }
        }
        _ => {}
    }
    Effect::None
}

fn skip_headings(rows: &[FilterRow], at: usize, down: bool) -> usize {
    let is_value = |i: usize| matches!(rows.get(i), Some(FilterRow::Value { .. }));
    let forward = (at..rows.len()).find(|&i| is_value(i));
    let backward = (0..=at.min(rows.len().saturating_sub(1)))
        .rev()
        .find(|&i| is_value(i));
    let found = if down {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    found.unwrap_or(at)
}
