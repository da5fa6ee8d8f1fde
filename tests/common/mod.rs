//! What the integration tests share: waits that stretch on a loaded machine, the check for
//! tmux, a test re-run alone in a child process, signals, and (in [`tmux`]) the harness that
//! drives the real `warta` binary in a tmux server of its own.
//!
//! Every wait here is a poll with a deadline, never a fixed sleep, and every deadline goes
//! through [`scaled`]: `WARTA_TEST_TIMEOUT_SCALE=4 cargo test` gives a slow or busy machine
//! four times as long, and CI (`CI=true`) gets three times unless told otherwise.

// Compiled into tests/it and into any test file kept as a binary of its own (`mod common;`),
// each using a part of it.
#![allow(
    dead_code,
    unused_imports,
    reason = "shared by several test crates, each using a subset"
)]

pub mod app;
pub mod pg;
pub mod screen;
pub mod tmux;

pub use tmux::{SHOW_EXIT, Tmux, WARTA_WRITING_PID, searching, status_line};

use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

/// How long to sleep between two looks at something awaited.
pub const POLL: Duration = Duration::from_millis(50);

/// Polls `ok` until it holds; fails the test naming `what` after `limit`.
pub fn wait_until(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let end = std::time::Instant::now() + limit;
    while !ok() {
        assert!(
            std::time::Instant::now() < end,
            "timed out waiting for {what}"
        );
        std::thread::sleep(POLL);
    }
}

/// True under CI: `CI` set to `true` (or `1`), as CI services do.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// The factor every deadline is multiplied by: `WARTA_TEST_TIMEOUT_SCALE` (a positive
/// number), otherwise 3 under CI and 1 elsewhere.
pub fn timeout_scale() -> f64 {
    static SCALE: OnceLock<f64> = OnceLock::new();
    *SCALE.get_or_init(|| match std::env::var("WARTA_TEST_TIMEOUT_SCALE") {
        Ok(v) => match v.trim().parse::<f64>() {
            Ok(f) if f.is_finite() && f > 0.0 => f,
            _ => panic!("WARTA_TEST_TIMEOUT_SCALE must be a positive number, not {v:?}"),
        },
        Err(_) if on_ci() => 3.0,
        Err(_) => 1.0,
    })
}

/// `d` stretched by [`timeout_scale`]: a deadline, or a bound on elapsed time that a loaded
/// machine may need more of.
pub fn scaled(d: Duration) -> Duration {
    d.mul_f64(timeout_scale())
}

/// How long to wait for a screen, a file or a process that should come at once.
pub fn timeout() -> Duration {
    scaled(Duration::from_secs(10))
}

/// True when tmux can run. Otherwise the terminal tests are skipped with a note, except
/// under CI, where a missing tmux fails them: a CI run that skipped them proves nothing.
pub fn have_tmux() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let found = *FOUND.get_or_init(|| {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !found {
        assert!(
            !on_ci(),
            "tmux not found, and CI is set: the terminal tests need tmux (.ci/run installs it)"
        );
        println!("tmux not found; skipping terminal tests");
    }
    found
}

/// Quotes `s` for `sh`.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A command running just the test `name` of this test binary, in a child process of its
/// own; `module` is the caller's `module_path!()`. For a test that needs a process to
/// itself: one that sets the process environment, or the writer the crash test kills.
pub fn this_test(module: &str, name: &str) -> Command {
    // libtest names a test by its path without the crate.
    let path = match module.split_once("::") {
        Some((_, inner)) => format!("{inner}::{name}"),
        None => name.to_string(),
    };
    let mut cmd = Command::new(std::env::current_exe().expect("the test binary"));
    cmd.args(["--exact", &path, "--nocapture", "--test-threads=1"]);
    cmd
}

/// Runs a [`this_test`] child to its end and returns what it printed; fails unless it
/// passed and really ran its test (a name that matches nothing passes too).
pub fn child_passes(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run the test in a child");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}{err}");
    assert!(
        text.contains("1 passed"),
        "the child ran no test: {text}{err}"
    );
    text
}

/// Sends `signal` (a name such as `TERM`, or a number) to `pid` with kill(1).
pub fn send_signal(pid: u32, signal: &str) {
    let out = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .output()
        .expect("run kill");
    assert!(out.status.success(), "kill -{signal} {pid}: {out:?}");
}

/// Runs the real `warta` with `args` in `dir`, its cache and data kept in `dir` and no user
/// config, and returns what it did.
pub fn warta_in(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(dir)
        .env("WARTA_CACHE_DIR", dir.join("cache"))
        .env("WARTA_DATA_DIR", dir.join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run warta")
}

/// A run's stderr as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
