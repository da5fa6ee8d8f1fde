//! The interactive browser's state machine: [`App`] (plain data), [`Action`] (what keys
//! mean), [`update`] (pure transitions returning an [`Effect`]) and the search request and
//! results exchanged with the worker. No terminal code lives here.

pub mod action;
pub mod detail;
pub mod layout;
pub mod search;
pub mod state;
pub mod update;

pub use action::Action;
pub use search::{SearchRequest, SearchResults};
pub use state::{App, FilterRow, Focus, KeyHelp, Message, MessageKind, Mode};
pub use update::{Effect, update};

/// Runs `action` and, when it asks for a search, runs that search inline and installs the
/// results. Tests and snapshot fixtures use this; the terminal front end runs searches on a
/// worker thread instead.
pub fn update_sync(app: &mut App, action: Action) -> Effect {
    let effect = update(app, action);
    if let Effect::Search(req) = &effect {
        let results = search::execute(&app.corpus, req);
        app.apply_results(results);
    }
    effect
}

/// Starts the first search (everything, newest first) and installs its results inline.
pub fn search_now(app: &mut App) {
    let req = app.request();
    let results = search::execute(&app.corpus, &req);
    app.apply_results(results);
}
