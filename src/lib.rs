//! warta: a keyboard-driven terminal browser for corpora of scraped news articles.
//!
//! Domain modules (`model`, `text`, `loader`, `cache`, `corpus`, `query`, `facets`) never
//! import ratatui or crossterm; the terminal lives in `tui`, `ui` and `app`.

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
pub mod keymap;
pub mod lexicon;
pub mod loader;
pub mod log;
pub mod model;
pub mod own_dirs;
pub mod paths;
pub mod query;
pub mod regions;
pub mod report;
pub mod safe_read;
pub mod text;
pub mod triage;
pub mod tui;
pub mod ui;
pub mod watch;
