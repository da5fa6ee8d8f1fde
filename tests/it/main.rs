//! Every integration test in one binary: after a change to the library one test program is
//! compiled and linked instead of forty (15 s instead of 32 s on two busy cores). Run one
//! file's tests with `cargo test --test it FILE::`, e.g. `cargo test --test it e2e_signals::`.
//! A new test file is a module here.
//!
//! Tests share this process: none may change process-wide state such as the environment
//! or the working directory (a test that must sets it in a child running just itself, see
//! `common::this_test`).

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod browser_export;
mod cache;
mod churn;
mod cli;
mod cli_copies;
mod cli_export;
mod cli_messages;
mod cli_quick;
mod cli_rough;
mod cluster;
mod clusters_ui;
mod cursor;
mod daily_use;
mod docs_examples;
mod e2e_clusters;
mod e2e_cursor;
mod e2e_external;
mod e2e_hostile;
mod e2e_live;
mod e2e_mouse;
mod e2e_paste;
mod e2e_root;
mod e2e_search;
mod e2e_signals;
mod e2e_startup;
mod e2e_store;
mod e2e_team;
mod e2e_team_browsers;
mod e2e_tmux;
mod e2e_typing;
mod eval_parse;
mod eval_search;
mod formats;
mod golden_seeds;
mod hostile;
mod index;
mod labels;
mod lexicon;
mod live;
mod log_file;
mod mouse;
mod own_dirs;
mod own_files;
mod paste;
mod patch;
mod paths;
mod query;
mod reading;
mod regions;
mod report;
mod startup;
mod store_crash;
mod store_disk_full;
mod store_hostile;
mod store_model;
mod store_safety;
mod team;
mod team_cli;
mod team_faults;
mod team_harness;
mod team_live;
mod team_replica;
mod team_ui;
mod theme;
mod triage_store;
mod tui_snapshots;
mod tui_update;
mod typing;
mod wide_graphemes;
