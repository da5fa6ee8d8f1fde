//! The tmux harness shared by the end-to-end tests: the real `warta` binary in a tmux server
//! of its own (a private socket), keys sent with `send-keys`, the screen read with
//! `capture-pane`, polled with a timeout and never a fixed sleep.

// Each test file compiles its own copy of this module and uses a different part of it.
#![allow(
    dead_code,
    reason = "shared by several test crates, each using a subset"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static SERVERS: AtomicUsize = AtomicUsize::new(0);
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(50);

/// True when tmux can run; otherwise says the terminal tests are skipped.
pub fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("tmux not found; skipping terminal tests");
    }
    found
}

/// Quotes `s` for `sh`.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A tmux server of our own; killed on drop, also when the test fails.
pub struct Tmux {
    pub socket: String,
    /// HOME, cache, config and (unless given) triage state of the session live here.
    pub home: tempfile::TempDir,
}

impl Tmux {
    /// Runs the command line `shell` in a `width`x`height` window with an isolated
    /// environment. The command sees `$WARTA` (the binary) and `$PIDFILE` (where a script
    /// may write warta's pid); triage state lives in `data`, or inside the session's home.
    pub fn launch(width: u16, height: u16, data: Option<&Path>, shell: &str) -> Tmux {
        let home = tempfile::tempdir().expect("tempdir");
        let socket = format!(
            "warta-test-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::SeqCst)
        );
        let dir = |name: &str| home.path().join(name).display().to_string();
        let data = data.map_or_else(|| dir("data"), |d| d.display().to_string());
        let cmd = format!(
            "env -i PATH={} HOME={} WARTA_CACHE_DIR={} WARTA_DATA_DIR={} WARTA_CONFIG={} XDG_CONFIG_HOME={} TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' WARTA={} PIDFILE={} {}",
            quote(&std::env::var("PATH").unwrap_or_default()),
            quote(&home.path().display().to_string()),
            quote(&dir("cache")),
            quote(&data),
            quote(&dir("config.toml")),
            quote(&dir("xdg")),
            quote(env!("CARGO_BIN_EXE_warta")),
            quote(&dir("pid")),
            shell,
        );
        let t = Tmux { socket, home };
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &cmd,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        t
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        let out = self.tmux(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    pub fn literal(&self, text: &str) {
        self.keys(&["-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// Polls until `ok(screen)` holds; fails with the last screen after the timeout.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, |s| s.contains(needle))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The status line is the last non-empty row; it starts with " shown/total".
pub fn status_line(screen: &str) -> String {
    screen
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}
