//! The filters pane driven from the keyboard: facet values that keep their place while
//! filters toggle, jumping between facets (`]` / `[`), narrowing every facet to the values
//! that contain some text (`/` in the pane), and the heading of the facet being scrolled
//! pinned to the top of the pane.
//!
//! **Stable places.** Within one query, a value keeps its row: a new search (a filter
//! toggled, a triage change) updates the counts in place, a value whose count drops to 0
//! stays (counted 0) instead of leaving, and values that appear join the end of their
//! facet. So the value under the cursor never moves away, and a count that changes is
//! seen changing. A new query orders every facet afresh, most frequent first.

use crate::facets::Facet;

use super::Action;
use super::line::LineInput;
use super::state::{App, FilterRow, Focus, MessageKind, Mode, Prompt, PromptKind};
use super::update::Effect;

/// Per facet, its values with counts, in the pane's order.
pub type FacetValues = Vec<(Facet, Vec<(String, usize)>)>;

impl App {
    /// Installs the facets a search counted, keeping the places of the values already shown
    /// for the same query (see the module docs), and rebuilds the rows.
    pub fn install_facets(&mut self, fresh: FacetValues) {
        let fresh: FacetValues = fresh.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        let query = self.search.query.source().to_string();
        let pane = &mut self.filter_pane;
        if pane.ordered_for.as_deref() == Some(query.as_str()) {
            let old = std::mem::take(&mut pane.facets);
            pane.facets = fresh
                .into_iter()
                .map(|(facet, values)| {
                    // Decisions come in a fixed order already (see `facets::count_where`).
                    let before = old.iter().find(|(f, _)| *f == facet);
                    let Some((_, before)) = before.filter(|_| facet != Facet::Decision) else {
                        return (facet, values);
                    };
                    let mut counts: std::collections::HashMap<&str, usize> =
                        values.iter().map(|(v, n)| (v.as_str(), *n)).collect();
                    let mut merged: Vec<(String, usize)> = before
                        .iter()
                        .map(|(v, _)| (v.clone(), counts.remove(v.as_str()).unwrap_or(0)))
                        .collect();
                    merged.extend(
                        values
                            .iter()
                            .filter(|(v, _)| counts.contains_key(v.as_str()))
                            .cloned(),
                    );
                    (facet, merged)
                })
                .collect();
        } else {
            pane.facets = fresh;
            pane.ordered_for = Some(query);
        }
        self.rebuild_filter_rows();
    }

    /// The rows from the facets, narrowed to the values containing the pane's find text.
    pub fn rebuild_filter_rows(&mut self) {
        let needle = crate::text::fold(self.filter_pane.narrow.trim());
        let filters = &self.search.filters;
        let mut rows = Vec::new();
        for (facet, values) in &self.filter_pane.facets {
            let mut first = true;
            for (value, count) in values {
                if !needle.is_empty() && !crate::text::fold(value).contains(&needle) {
                    continue;
                }
                if first {
                    rows.push(FilterRow::Heading(*facet));
                    first = false;
                }
                rows.push(FilterRow::Value {
                    facet: *facet,
                    value: value.clone(),
                    count: *count,
                    selected: filters.is_selected(*facet, value),
                });
            }
        }
        self.filter_pane.rows = rows;
    }

    /// The facet whose heading is pinned to the top of the pane: the first visible row's,
    /// when that row is one of its values (its heading scrolled out of view).
    pub fn pinned_heading(&self) -> Option<Facet> {
        match self.filter_pane.rows.get(self.filter_pane.offset) {
            Some(FilterRow::Value { facet, .. }) => Some(*facet),
            _ => None,
        }
    }

    /// The row shown on line `line` of the pane's list (below the chart), if any.
    pub fn filter_row_at(&self, line: usize) -> Option<usize> {
        let pos = if self.pinned_heading().is_some() {
            self.filter_pane.offset + line.checked_sub(1)?
        } else {
            self.filter_pane.offset + line
        };
        (pos < self.filter_pane.rows.len()).then_some(pos)
    }

    /// The first value row of the facet after (or before) the cursor's, wrapping around.
    fn facet_jump(&self, forward: bool) -> Option<usize> {
        let rows = &self.filter_pane.rows;
        let headings: Vec<usize> = (0..rows.len())
            .filter(|&i| matches!(rows[i], FilterRow::Heading(_)))
            .collect();
        if headings.is_empty() {
            return None;
        }
        let cursor = self.filter_pane.cursor;
        let current = headings.iter().rposition(|&h| h <= cursor).unwrap_or(0);
        let n = headings.len();
        let next = if forward {
            (current + 1) % n
        } else {
            (current + n - 1) % n
        };
        Some(headings[next] + 1)
    }
}

/// `]` / `[` and `/` in the filters pane, and `Esc` dropping the find text before closing;
/// `None` for other actions.
pub fn pane_action(app: &mut App, action: &Action) -> Option<Effect> {
    match action {
        Action::NextFacet | Action::PrevFacet => {
            if let Some(to) = app.facet_jump(*action == Action::NextFacet) {
                app.filter_pane.cursor = to;
                // The facet's heading comes into view with it (see `fix_view`).
                app.filter_pane.offset = to.saturating_sub(1);
            }
            Some(Effect::None)
        }
        Action::FindInFacets => {
            app.prompt = Some(Prompt {
                kind: PromptKind::FacetFind,
                input: LineInput::new(app.filter_pane.narrow.clone()),
                targets: Vec::new(),
                completion: None,
                replace: None,
            });
            app.mode = Mode::Prompt;
            Some(Effect::None)
        }
        Action::Back if !app.filter_pane.narrow.is_empty() => {
            set_narrow(app, String::new());
            Some(Effect::None)
        }
        _ => None,
    }
}

/// Keys while the find line is open: typing narrows the facets at once, `Enter` keeps the
/// narrowing and goes back to the pane, `Esc` drops it.
pub fn find_prompt(app: &mut App, action: Action) -> Effect {
    let Some(mut p) = app.prompt.take() else {
        app.mode = Mode::Normal;
        return Effect::None;
    };
    match action {
        Action::Submit | Action::LeaveSearch => {
            app.mode = Mode::Normal;
            app.focus = Focus::Filters;
            if app.filter_pane.rows.is_empty() {
                app.set_message(
                    format!("no filter value contains \"{}\"", p.input.trim()),
                    MessageKind::Info,
                );
            }
            return Effect::None;
        }
        Action::Cancel | Action::Back => {
            app.mode = Mode::Normal;
            app.focus = Focus::Filters;
            set_narrow(app, String::new());
            return Effect::None;
        }
        other => {
            if !super::line::line_full(app, p.input.chars().count(), &other) && p.input.edit(other)
            {
                set_narrow(app, p.input.to_string());
            }
        }
    }
    app.prompt = Some(p);
    Effect::None
}

/// Narrows the facets to `text` and puts the cursor on the first value that is left.
pub fn set_narrow(app: &mut App, text: String) {
    let keep = match app.filter_pane.rows.get(app.filter_pane.cursor) {
        Some(FilterRow::Value { facet, value, .. }) => Some((*facet, value.clone())),
        _ => None,
    };
    app.filter_pane.narrow = text;
    app.rebuild_filter_rows();
    let rows = &app.filter_pane.rows;
    app.filter_pane.cursor = keep
        .and_then(|(f, v)| {
            rows.iter().position(
                |r| matches!(r, FilterRow::Value { facet, value, .. } if *facet == f && *value == v),
            )
        })
        .or_else(|| rows.iter().position(|r| matches!(r, FilterRow::Value { .. })))
        .unwrap_or(0);
    app.filter_pane.offset = 0;
}
