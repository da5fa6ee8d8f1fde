//! Driving the browser's state in `update()` tests: actions against a store, and the
//! message the status line shows.

use warta::app::{self, Action, App};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::triage::Store;

/// A browser on `corpus` at `w`×`h`, its first search done.
pub fn app_with(corpus: Corpus, w: u16, h: u16) -> App {
    let mut app = App::new(corpus, Keymap::default().key_help());
    app::update(&mut app, Action::Resize(w, h));
    app::search_now(&mut app);
    app
}

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
