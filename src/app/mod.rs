//! The interactive browser's state machine: [`App`] (plain data), [`Action`] (what keys
//! mean), [`update()`] (pure transitions returning an [`Effect`]) and the search request and
//! results exchanged with the worker. No terminal code lives here.

pub mod action;
pub mod bodies;
pub mod clipboard;
pub mod clusters;
pub mod detail;
pub mod filter_rows;
pub mod layout;
pub mod line;
pub mod messages;
pub mod mouse;
pub mod parts;
pub mod recall;
pub mod search;
pub mod session;
pub mod state;
pub mod team;
pub mod triage;
pub mod update;

pub use action::Action;
pub use parts::{
    Arrivals, Copies, DetailPane, FilterPane, ListView, SearchState, Settings, TriageView,
};
pub use search::{SearchRequest, SearchResults};
pub use state::{
    App, FilterRow, Focus, KeyHelp, Message, MessageKind, Mode, PendingMove, Prompt, PromptKind,
};
pub use triage::{TriageChange, TriageCmd, TriageMap, TriageOutcome};
pub use update::{Effect, External, update};

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

/// Like [`update_sync`], also running triage effects against `store` inline (and the search
/// their outcome asks for). Returns the effect `update` produced.
pub fn update_with_store(
    app: &mut App,
    store: &mut crate::triage::Store,
    action: Action,
) -> Effect {
    let effect = update_sync(app, action);
    if let Effect::Triage(cmd) = &effect {
        let outcome = triage::execute(store, &app.corpus, cmd.clone());
        if let Effect::Search(req) = app.apply_outcome(outcome) {
            let results = search::execute(&app.corpus, &req);
            app.apply_results(results);
        }
    }
    effect
}

/// Starts the first search (everything, newest first) and installs its results inline.
pub fn search_now(app: &mut App) {
    let req = app.request();
    let results = search::execute(&app.corpus, &req);
    app.apply_results(results);
}
