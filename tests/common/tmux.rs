//! The tmux harness of the end-to-end tests: the real `warta` binary in a tmux server of
//! its own (a private socket), keys sent with `send-keys`, the screen read with
//! `capture-pane`, polled until a deadline and never a fixed sleep.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{POLL, quote, timeout};

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// After the command: its exit code as `WARTA-EXITED-<code>`, and a `read` that keeps the
/// pane open so the marker can be seen (see [`Tmux::wait_exit`]).
pub const SHOW_EXIT: &str = "echo WARTA-EXITED-$?; read _";

/// warta run from a shell that first writes its pid to `$PIDFILE` (see [`Tmux::pid`]); the
/// `exec` makes that pid warta's.
pub const WARTA_WRITING_PID: &str = r#"sh -c 'echo $$ > "$PIDFILE"; exec "$WARTA"'"#;

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
            // TMPDIR too: a rescue file falls back there, and is the test's to clean.
            "env -i PATH={} HOME={} TMPDIR={} WARTA_CACHE_DIR={} WARTA_DATA_DIR={} WARTA_CONFIG={} XDG_CONFIG_HOME={} TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' WARTA={} PIDFILE={} {}",
            quote(&std::env::var("PATH").unwrap_or_default()),
            quote(&home.path().display().to_string()),
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

    /// Runs `script` with `sh -c`, as [`Tmux::launch`] does a command line.
    pub fn start_script(width: u16, height: u16, data: Option<&Path>, script: &str) -> Tmux {
        Tmux::launch(width, height, data, &format!("sh -c {}", quote(script)))
    }

    /// Runs `warta ARGS` (`args` already quoted for `sh`), then shows its exit code and
    /// keeps the pane open ([`SHOW_EXIT`]).
    pub fn start_warta(width: u16, height: u16, data: Option<&Path>, args: &str) -> Tmux {
        let script = format!("\"$WARTA\" {args}; {SHOW_EXIT}");
        Tmux::start_script(width, height, data, &script)
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

    /// The screen with attributes (`capture-pane -e`): colours and underlines show as SGR
    /// sequences.
    pub fn screen_e(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-e", "-t", "0"]).stdout)
            .into_owned()
    }

    /// A tmux format expanded for the pane, such as `#{pane_title}`.
    pub fn pane(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// `#{alternate_on} #{cursor_flag}` of the pane: "1 0" while warta runs, "0 1" once the
    /// terminal is restored.
    pub fn modes(&self) -> String {
        self.pane("#{alternate_on} #{cursor_flag}")
    }

    /// Polls until `ok(screen)` holds; fails with the last screen after [`timeout`].
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(timeout(), what, ok)
    }

    /// [`Tmux::wait`] with a deadline of its own (already scaled), for slow work.
    pub fn wait_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < limit,
                "timed out after {limit:?} waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Polls until `ok(screen)` holds with no search running, on two captures in a row that
    /// agree (a load's next chunk or the groups of copies can still redraw the screen);
    /// fails with the last screen after `limit`.
    pub fn settled_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last: Option<String> = None;
        loop {
            let s = self.screen();
            assert!(
                start.elapsed() < limit,
                "timed out after {limit:?} waiting for {what}; screen:\n{s}"
            );
            if ok(&s) && !searching(&s) {
                if last.as_ref() == Some(&s) {
                    return s;
                }
                last = Some(s);
            } else {
                last = None;
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, |s| s.contains(needle))
    }

    /// Waits for [`SHOW_EXIT`]'s marker with exit code `code` (so `1` is not taken for the
    /// start of `130`).
    pub fn wait_exit(&self, code: i32) -> String {
        let marker = format!("WARTA-EXITED-{code}");
        self.wait(&marker, |s| {
            s.match_indices(&marker).any(|(i, m)| {
                !s[i + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
        })
    }

    /// `q`, and warta's exit with code 0.
    pub fn quit(&self) {
        self.keys(&["q"]);
        self.wait_exit(0);
    }

    /// The pid a script wrote to `$PIDFILE` (as [`WARTA_WRITING_PID`] does), once written.
    pub fn pid(&self) -> u32 {
        let file = self.path("pid");
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if let Ok(pid) = text.trim().parse() {
                return pid;
            }
            assert!(start.elapsed() < timeout(), "no pid in {}", file.display());
            std::thread::sleep(POLL);
        }
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

/// Whether a search is still running: the list's title carries the busy marker
/// (" Articles 3/5 · newest … "), or the empty list says "searching…". Results of a search
/// for an earlier prefix of the query can be on screen next to the finished query text;
/// once the marker is gone, the list and the count are the final query's.
pub fn searching(screen: &str) -> bool {
    screen.contains("searching…")
        || screen.lines().any(|l| {
            l.match_indices(" Articles ").any(|(i, _)| {
                let title = &l[i..];
                let end = title.find(['─', '┐']).unwrap_or(title.len());
                title[..end].contains('…')
            })
        })
}
