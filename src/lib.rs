//! warta: a keyboard-driven terminal browser for corpora of scraped news articles.
//!
//! Domain modules (`model`, `text`, `loader`, `cache`, `corpus`, `query`, `facets`) never
//! import ratatui or crossterm; the terminal lives in `tui`, `ui` and `app`.

// A panic in the browser loses the screen and, worse, trust; code outside tests returns
// errors instead, and the few expects that cannot fail say why (`#[expect]` with a reason).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![cfg_attr(not(test), warn(clippy::expect_used))]

pub mod app;
pub mod cache;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod external;
pub mod facets;
pub mod fsutil;
pub mod index;
pub mod keymap;
pub mod lexicon;
pub mod loader;
pub mod log;
pub mod man;
pub mod model;
pub mod own_dirs;
pub mod paths;
pub mod query;
pub mod quick;
pub mod regions;
pub mod report;
pub mod safe_read;
pub mod skip;
pub mod style;
pub mod team;
pub mod text;
pub mod triage;
pub mod tui;
pub mod ui;
pub mod url;
pub mod watch;
