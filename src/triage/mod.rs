//! Durable per-article triage (read, star, decision, labels, note) with undo/redo, and the
//! export of a view with its triage state.
//!
//! Domain code: no terminal imports. The store is keyed by the stable [`crate::model::Meta::id`],
//! never by path or index, so triage survives moving files and reloading the corpus.
//!
//! - [`Store`] (see [`store`] for the on-disk design): `Store::open(dir)` never fails; check
//!   [`Store::mode`] / [`Store::status`] and show the message. [`Store::apply`] takes an
//!   [`Op`] over a set of ids and returns [`Saved`]: `Durable` (fsync'd), `Unchanged`, or
//!   `NotSaved(why)` that the UI must display. `undo`/`redo` survive restarts.
//! - [`TriageTerm`] parses `is:…`, `label:…`, `has:…` for the query language.
//! - [`export()`] / [`export_to_path`] write CSV, JSON, JSONL or a Markdown brief; [`output`]
//!   writes to a named path without harming a device, FIFO or symlink found there.

pub mod export;
pub mod output;
mod state;
pub mod store;
mod team_marks;
pub mod time;

// The browser's session and signature memo still name it here.

pub use export::{ExportContext, ExportFormat, export, export_to_path};
pub use output::OutputMode;
pub use state::{
    ArticleState, Decision, InvalidOp, MAX_LABEL_CHARS, MAX_NOTE_CHARS, NoState, Op, Progress,
    StateLookup, TriageTerm, normalize_label,
};
pub use store::{
    Mode, Refresh, RepairReport, Saved, Store, StoreError, StoreOptions, Summary, default_data_dir,
    repair,
};
pub use team_marks::{Agreement, TeamMarks, Verdict};
