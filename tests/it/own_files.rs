//! warta's own files (config, session, cache meta and bodies and lock, copy signatures)
//! replaced by a FIFO or a symlink to /dev/zero: start-up goes on at once with a message
//! naming the path and what is there. Every run is the real binary under a timeout and a
//! memory limit (`ulimit -v`), so a regression fails the test instead of hanging it or
//! eating the machine's memory.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{SHOW_EXIT, Tmux, have_tmux, quote, scaled, status_line};

/// Virtual memory for one run, in KiB: far more than warta needs for five articles, far
/// less than reading /dev/zero into memory would take.
const MEMORY_KIB: u64 = 2_000_000;

#[derive(Clone, Copy, Debug)]
enum Special {
    Fifo,
    DevZero,
}

impl Special {
    const ALL: [Special; 2] = [Special::Fifo, Special::DevZero];

    /// Puts the special file at `path` (replacing what is there).
    fn make(self, path: &Path) {
        let _ = std::fs::remove_file(path);
        match self {
            Special::Fifo => {
                let ok = Command::new("mkfifo")
                    .arg(path)
                    .status()
                    .expect("mkfifo")
                    .success();
                assert!(ok, "mkfifo {}", path.display());
            }
            Special::DevZero => std::os::unix::fs::symlink("/dev/zero", path).expect("symlink"),
        }
    }

    /// How warta names it.
    fn named(self) -> &'static str {
        match self {
            Special::Fifo => "is not a regular file (a FIFO)",
            Special::DevZero => "is not a regular file (a character device)",
        }
    }
}

/// A home for one scenario: the five seed articles, and cache, data and config paths.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("tempdir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).expect("mkdir");
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for e in std::fs::read_dir(&data).expect("data dir") {
            let path = e.expect("entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
            }
        }
        Home { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `warta args...` with this home's paths, under the time and memory limits.
    fn warta(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("ulimit -v {MEMORY_KIB}; exec \"$@\""))
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_warta"))
            .args(args)
            .env("HOME", self.dir.path())
            .env("WARTA_CACHE_DIR", self.path("cache"))
            .env("WARTA_DATA_DIR", self.path("data"))
            .env("WARTA_CONFIG", self.path("config.toml"))
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let child = cmd.spawn().expect("spawn warta");
        let pid = child.id();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait_with_output());
        });
        match rx.recv_timeout(scaled(Duration::from_secs(30))) {
            Ok(out) => out.expect("wait for warta"),
            Err(_) => {
                let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
                panic!("warta {args:?} hung");
            }
        }
    }

    /// The per-root cache directory (`cache/v<N>/<hash>`), after a load made it.
    fn root_cache(&self) -> PathBuf {
        let versions: Vec<_> = std::fs::read_dir(self.path("cache"))
            .expect("cache dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('v'))
            })
            .collect();
        let [v] = versions.as_slice() else {
            panic!("one cache version: {versions:?}");
        };
        let roots: Vec<_> = std::fs::read_dir(v)
            .expect("version dir")
            .map(|e| e.expect("entry").path())
            .collect();
        let [root] = roots.as_slice() else {
            panic!("one cached root: {roots:?}");
        };
        root.clone()
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_special_config_file_is_named_and_ignored() {
    for special in Special::ALL {
        let home = Home::new();
        let config = home.path("config.toml");
        special.make(&config);
        let out = home.warta(&["config"]);
        let all = text(&out);
        assert!(
            all.contains(&format!("config.toml {}", special.named())),
            "{special:?}: {all}"
        );
        let corpus = home.path("corpus").display().to_string();
        let out = home.warta(&["list", &corpus, "--query", "asn"]);
        assert!(out.status.success(), "{special:?}: {}", text(&out));
        assert!(text(&out).contains(special.named()), "{special:?}");
    }
}

#[test]
fn special_cache_files_are_named_and_the_cache_rebuilt() {
    for name in ["meta.bin", "bodies-1.jsonl", "lock"] {
        for special in Special::ALL {
            let home = Home::new();
            let corpus = home.path("corpus").display().to_string();
            let first = home.warta(&["stats", &corpus]);
            assert!(first.status.success(), "{}", text(&first));
            let target = home.root_cache().join(name);
            assert!(target.exists(), "{name} written by the first run");
            special.make(&target);
            // The cache is written again only when something changed.
            std::fs::write(
                home.path("corpus").join("new.txt"),
                "Judul Baru\n\nJAKARTA - Teks baru.\n",
            )
            .expect("write");
            let out = home.warta(&["stats", &corpus]);
            let all = text(&out);
            assert!(out.status.success(), "{name} {special:?}: {all}");
            assert!(
                all.lines()
                    .any(|l| l.starts_with("articles") && l.ends_with(" 6")),
                "{name} {special:?}: {all}"
            );
            assert!(
                all.contains(&format!("{name} {}", special.named())),
                "{name} {special:?}: {all}"
            );
            let info = home.warta(&["cache", "info"]);
            assert!(info.status.success(), "{name} {special:?}: {}", text(&info));
        }
    }
}

/// The browser in tmux on `home`'s corpus, config, cache and data; waits until the five
/// articles are listed and the status line holds `expect`, then quits.
fn browse(home: &Home, expect: &str) {
    let env = |name: &str, path: PathBuf| format!("{name}={}", quote(&path.display().to_string()));
    let script = format!(
        "ulimit -v {MEMORY_KIB}; {} {} {} \"$WARTA\" {}; {SHOW_EXIT}",
        env("WARTA_CONFIG", home.path("config.toml")),
        env("WARTA_CACHE_DIR", home.path("cache")),
        env("WARTA_DATA_DIR", home.path("data")),
        quote(&home.path("corpus").display().to_string()),
    );
    let t = Tmux::start_script(200, 30, None, &script);
    t.wait(expect, |s| {
        let st = status_line(s);
        st.starts_with(" 5/5") && st.contains(expect)
    });
    t.quit();
}

#[test]
fn the_browser_starts_past_a_special_config() {
    if !have_tmux() {
        return;
    }
    for special in Special::ALL {
        let home = Home::new();
        special.make(&home.path("config.toml"));
        browse(&home, &format!("config.toml {}", special.named()));
    }
}

#[test]
fn the_browser_starts_past_a_special_session_and_signature_memo() {
    if !have_tmux() {
        return;
    }
    for special in Special::ALL {
        let home = Home::new();
        let paths = [home.path("corpus")];
        let session = warta::app::session::path_for(&home.path("data"), &paths);
        std::fs::create_dir_all(session.parent().expect("sessions dir")).expect("mkdir");
        special.make(&session);
        let memo = home.path("cache").join("signatures").join(format!(
            "{}-v{}.bin",
            warta::app::session::key(&paths),
            warta::cluster::SIGNATURE_VERSION
        ));
        std::fs::create_dir_all(memo.parent().expect("signatures dir")).expect("mkdir");
        special.make(&memo);
        let name = session
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        browse(&home, &format!("{name} {}; ignored", special.named()));
    }
}
