//! Driving the browser's state in `update()` tests: actions against a store, and the
//! message the status line shows.

use warta::app::{self, Action, App};
use warta::triage::Store;

/// Runs `actions` through `update()`, each one's triage work against `store`.
pub fn act(app: &mut App, store: &mut Store, actions: &[Action]) {
    for a in actions {
        app::update_with_store(app, store, a.clone());
    }
}

/// The status line's message, empty when there is none.
pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}
