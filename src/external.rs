//! The world outside the screen: the clipboard (OSC 52) and the system opener.
//!
//! Copying writes `ESC ] 52 ; c ; <base64> BEL` to the terminal, which puts the text on the
//! clipboard of the machine the terminal runs on: it works over ssh and needs no X display
//! or clipboard tool on the server. The payload is base64, so no byte of an article (which
//! comes from untrusted files) can end the sequence early. Inside tmux the sequence reaches
//! the clipboard only when tmux's `set-clipboard` option is `on` (its default, `external`,
//! ignores applications' OSC 52); tmux then also keeps the text as a paste buffer.
//!
//! Opening hands an `http(s)` URL or an existing file to the system opener (`$BROWSER` for
//! URLs when set, else `open` on macOS and `xdg-open` elsewhere) as one argv element, never
//! through a shell. The opener runs detached from the terminal (null stdio, its own process
//! group) so it cannot draw over the browser, and a thread reaps it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::app::External;
#[cfg(test)]
use crate::url::MAX_URL_BYTES;
use crate::url::web_url;

/// The most text one copy puts on the clipboard, in bytes. Its base64 (99,992 bytes) stays
/// under the ~100 KB that several terminals accept in one OSC 52 sequence (xterm, hterm,
/// kitty's default); longer text is cut at a char boundary and the message says so.
pub const MAX_COPY_BYTES: usize = 74_994;

/// Carries out `cmd`; `Ok` is the confirmation to show, `Err` what went wrong.
pub fn execute(cmd: &External, remote: bool) -> Result<String, String> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    execute_with(cmd, remote, &mut out, &mut spawn_opener)
}

/// [`execute`] writing escape sequences to `out` and opening with `open` (tests pass fakes).
pub fn execute_with(
    cmd: &External,
    remote: bool,
    out: &mut dyn Write,
    open: &mut dyn FnMut(&Target) -> Result<String, String>,
) -> Result<String, String> {
    match cmd {
        External::Copy { text, what } => copy(out, text, what),
        External::Open { target } => {
            let target = Target::check(target)?;
            if remote {
                // A browser started on the server would be invisible to the user (or fail
                // for want of a display): hand them the address instead.
                let (text, noun) = match &target {
                    Target::Url(u) => (u.clone(), "URL"),
                    Target::File(p) => (p.display().to_string(), "path"),
                };
                copy(out, &text, noun)
                    .map(|_| format!("over ssh: copied the {noun} instead of opening it"))
            } else {
                open(&target)
            }
        }
    }
}

/// Puts `text` on the clipboard with OSC 52 and says how much went.
fn copy(out: &mut dyn Write, text: &str, what: &str) -> Result<String, String> {
    if text.is_empty() {
        return Err(format!("nothing to copy: the {what} is empty"));
    }
    let (payload, truncated) = clip(text, MAX_COPY_BYTES);
    out.write_all(&osc52(payload))
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot copy: cannot write to the terminal: {e}"))?;
    let chars = payload.chars().count();
    Ok(if truncated {
        format!(
            "copied the first {chars} chars of the {what} to the clipboard (terminals take about 100 KB)"
        )
    } else {
        format!("copied {what} ({chars} chars) to the clipboard")
    })
}

/// `text` cut to at most `max` bytes on a char boundary, and whether it was cut.
pub fn clip(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// The OSC 52 sequence that sets the clipboard ("c") to `text`.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut seq = b"\x1b]52;c;".to_vec();
    seq.extend_from_slice(base64(text.as_bytes()).as_bytes());
    seq.push(0x07);
    seq
}

/// Standard base64 with padding (RFC 4648 section 4).
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        // A chunk of k bytes yields k + 1 significant sextets; the rest is padding.
        for i in 0..4 {
            if i <= chunk.len() {
                let sextet = (n >> (18 - 6 * i)) & 0x3f;
                out.push(char::from(ALPHABET[sextet as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Something `o` may open: a checked web address or an existing regular file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Url(String),
    /// Absolute and canonical, so it can never be mistaken for an option (`-x`).
    File(PathBuf),
}

impl Target {
    /// Accepts an `http`/`https` URL (see [`web_url`]) or the path of an existing regular
    /// file; refuses anything else with the reason.
    pub fn check(target: &str) -> Result<Target, String> {
        if has_scheme(target) {
            return web_url(target)
                .map(|u| Target::Url(u.to_string()))
                .ok_or_else(|| {
                    format!(
                        "not opened: {} is not a plain http or https URL",
                        shorten(target)
                    )
                });
        }
        if target.is_empty() || target.chars().any(char::is_control) {
            return Err("not opened: the article has no usable URL or file".into());
        }
        let path = Path::new(target);
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            // The bundled samples carry their repository path, which means nothing
            // elsewhere: say so rather than print an OS error.
            // Short enough for the status line of an 80-column terminal.
            std::io::ErrorKind::NotFound if is_bundled(target) => BUNDLED.to_string(),
            std::io::ErrorKind::NotFound if path.is_relative() => {
                format!("not opened: no file {} in this folder", shorten(target))
            }
            _ => format!(
                "not opened: {}: {}",
                shorten(target),
                crate::loader::discover::reason(&e)
            ),
        })?;
        if !meta.is_file() {
            return Err(format!("not opened: {} is not a file", shorten(target)));
        }
        let full = std::fs::canonicalize(path)
            .map_err(|e| format!("not opened: {}: {e}", shorten(target)))?;
        Ok(Target::File(full))
    }
}

/// Why a bundled sample does not open: it fits beside the counts of an 80-column status
/// line.
const BUNDLED: &str = "not opened: bundled sample, no URL";

/// Whether `target` names one of the samples built into warta (`data/NAME`), whose path
/// means nothing outside the source tree.
fn is_bundled(target: &str) -> bool {
    target
        .strip_prefix("data/")
        .is_some_and(|name| crate::loader::EMBEDDED.iter().any(|(n, _)| *n == name))
}

/// Whether `s` starts like `scheme:` with a scheme of two or more letters (one letter is a
/// Windows drive, which is a path).
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i >= 2 => s[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')),
        _ => false,
    }
}

/// A target for a message: long or hostile text must not flood the status line.
fn shorten(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    let (head, cut) = clip(&clean, 80);
    if cut {
        format!("{head}…")
    } else {
        head.to_string()
    }
}

/// The program (and its leading arguments) that opens `target` on this machine.
fn opener_for(target: &Target) -> Vec<String> {
    if let Target::Url(_) = target
        && let Some(browser) = std::env::var_os("BROWSER")
    {
        // `$BROWSER` is a colon-separated list of commands by convention; the first one wins.
        let browser = browser.to_string_lossy().into_owned();
        let words: Vec<String> = browser
            .split(':')
            .find(|c| !c.trim().is_empty())
            .map(|c| c.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        if !words.is_empty() {
            return words;
        }
    }
    let system = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    vec![system.to_string()]
}

/// Starts the system opener for `target` without waiting for it.
pub fn spawn_opener(target: &Target) -> Result<String, String> {
    spawn(&opener_for(target), target)
}

/// Runs `words` (program, then arguments) with `target` as one more argument, detached.
fn spawn(words: &[String], target: &Target) -> Result<String, String> {
    let Some(program) = words.first().cloned() else {
        return Err("cannot open: no opener".into());
    };
    // A file goes as the OS string it is: a non-UTF-8 name must not be mangled.
    let arg: std::ffi::OsString = match target {
        Target::Url(u) => u.into(),
        Target::File(p) => p.clone().into_os_string(),
    };
    let mut cmd = Command::new(&program);
    // `$BROWSER` may say where the address goes with `%s`; otherwise it comes last.
    let mut placed = false;
    for w in &words[1..] {
        if w == "%s" {
            cmd.arg(&arg);
            placed = true;
        } else {
            cmd.arg(w);
        }
    }
    if !placed {
        cmd.arg(&arg);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Out of our process group: terminal signals (hang-up, ctrl-z) are not its business.
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!(
            "cannot open: {program} not found (install it{}, or set $BROWSER for URLs)",
            if program == "xdg-open" {
                " (xdg-utils)"
            } else {
                ""
            }
        ),
        _ => format!("cannot open: {program}: {e}"),
    })?;
    // Reaped in the background so no zombie is left; its exit status is not reported, since
    // the opener hands over to a browser or viewer and returns.
    if let Err(e) = std::thread::Builder::new()
        .name("warta-opener".into())
        .spawn(move || child.wait())
    {
        log::warn!("cannot wait for {program} ({e}); it stays a zombie until warta exits");
    }
    let what = match target {
        Target::Url(_) => "the URL",
        Target::File(_) => "the file",
    };
    Ok(format!("opening {what} with {program}"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_bundled_sample_says_so_in_a_line_that_fits() {
        assert!(is_bundled("data/000_4c0f888a8b7f48f0.txt"));
        assert!(!is_bundled("data/elsewhere.txt"));
        assert!(!is_bundled("000_4c0f888a8b7f48f0.txt"));
        // The status line of an 80x24 terminal leaves 38 cells beside its counts.
        assert!(BUNDLED.chars().count() + 3 <= 38);
    }

    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        // Every sextet value, including the two last letters of the alphabet.
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
        assert_eq!(base64(&[0, 0x10, 0x83]), "ABCD");
    }

    #[test]
    fn osc52_wraps_base64_so_escapes_cannot_leak() {
        let seq = osc52("a\x1b]52;c;x\x07b");
        assert!(seq.starts_with(b"\x1b]52;c;"));
        assert_eq!(seq.last(), Some(&0x07));
        let body = &seq[7..seq.len() - 1];
        assert!(
            body.iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
        );
    }

    #[test]
    fn copy_writes_the_sequence_and_confirms() {
        let mut out = Vec::new();
        let cmd = External::Copy {
            text: "Judul. Infoku, 2025-09-10.".into(),
            what: "citation".into(),
        };
        let msg = execute_with(&cmd, false, &mut out, &mut |_| unreachable!()).unwrap();
        assert_eq!(msg, "copied citation (26 chars) to the clipboard");
        assert_eq!(out, osc52("Judul. Infoku, 2025-09-10."));
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary() {
        // "é" is two bytes: after one ASCII byte, the (even) cap lands inside one.
        let text = format!("a{}", "é".repeat(MAX_COPY_BYTES));
        let (cut, truncated) = clip(&text, MAX_COPY_BYTES);
        assert!(truncated);
        assert_eq!(cut.len(), MAX_COPY_BYTES - 1);
        let mut out = Vec::new();
        let cmd = External::Copy {
            text,
            what: "body".into(),
        };
        let msg = execute_with(&cmd, false, &mut out, &mut |_| unreachable!()).unwrap();
        assert!(
            msg.starts_with("copied the first 37497 chars of the body"),
            "{msg}"
        );
        assert!(out.len() < 100_010, "{}", out.len());
        assert_eq!(clip("abc", 3), ("abc", false));
    }

    #[test]
    fn empty_text_is_not_copied() {
        let mut out = Vec::new();
        let cmd = External::Copy {
            text: String::new(),
            what: "body".into(),
        };
        assert!(execute_with(&cmd, false, &mut out, &mut |_| unreachable!()).is_err());
        assert!(out.is_empty());
    }

    #[test]
    fn only_plain_web_urls_pass() {
        assert_eq!(
            web_url("https://example.com/a?b=1"),
            Some("https://example.com/a?b=1")
        );
        assert!(web_url("HTTP://Example.com").is_some());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https:///path",
            "https://a.com/x y",
            "https://a.com/\x1b]8;;\x07",
            "https://a.com/\u{7f}",
            "https://a.com/ü",
            "ftp://a.com",
        ] {
            assert_eq!(web_url(bad), None, "{bad:?}");
        }
        let long = format!("https://a.com/{}", "x".repeat(MAX_URL_BYTES));
        assert_eq!(web_url(&long), None);
    }

    #[test]
    fn targets_are_checked() {
        assert_eq!(
            Target::check("https://a.com/x").unwrap(),
            Target::Url("https://a.com/x".into())
        );
        let err = Target::check("javascript:alert(1)").unwrap_err();
        assert!(err.contains("not a plain http or https URL"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let want = std::fs::canonicalize(&file).unwrap();
        assert_eq!(
            Target::check(&file.display().to_string()).unwrap(),
            Target::File(want)
        );
        let err = Target::check(&dir.path().display().to_string()).unwrap_err();
        assert!(err.contains("is not a file"), "{err}");
        let missing = dir.path().join("gone.txt").display().to_string();
        assert!(Target::check(&missing).is_err());
        assert!(Target::check("").is_err());
        assert!(Target::check("a\nb").is_err());
    }

    #[test]
    fn over_ssh_open_copies_instead() {
        let mut out = Vec::new();
        let cmd = External::Open {
            target: "https://a.com/x".into(),
        };
        let msg = execute_with(&cmd, true, &mut out, &mut |_| panic!("must not open")).unwrap();
        assert_eq!(msg, "over ssh: copied the URL instead of opening it");
        assert_eq!(out, osc52("https://a.com/x"));
    }

    #[test]
    fn locally_open_hands_the_checked_target_to_the_opener() {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        let cmd = External::Open {
            target: "https://a.com/x".into(),
        };
        let msg = execute_with(&cmd, false, &mut out, &mut |t| {
            seen.push(t.clone());
            Ok("opened".into())
        })
        .unwrap();
        assert_eq!(msg, "opened");
        assert_eq!(seen, [Target::Url("https://a.com/x".into())]);
        assert!(out.is_empty());
        let bad = External::Open {
            target: "https://a.com/\x07".into(),
        };
        assert!(execute_with(&bad, false, &mut out, &mut |_| panic!("must not open")).is_err());
    }

    #[test]
    fn the_opener_is_spawned_detached_and_a_missing_one_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let target = Target::File(file);
        // `$BROWSER` is only consulted for URLs.
        let words = opener_for(&target);
        assert!(words == ["xdg-open"] || words == ["open"], "{words:?}");
        let err = spawn(&["warta-no-such-opener".into()], &target).unwrap_err();
        assert!(
            err.starts_with("cannot open: warta-no-such-opener not found"),
            "{err}"
        );
        let msg = spawn(&["true".into()], &target).unwrap();
        assert_eq!(msg, "opening the file with true");
    }

    #[test]
    fn a_relative_path_that_is_not_here_says_why_in_plain_words() {
        let err = Target::check("data/no-such-sample-article.txt").unwrap_err();
        assert!(
            err.contains("no file data/no-such-sample-article.txt in this folder"),
            "{err}"
        );
        let err = Target::check("/no/such/dir/article.txt").unwrap_err();
        assert!(err.contains("no such file"), "{err}");
    }
}
