//! End-to-end: how the real `warta` binary leaves and suspends in a real terminal (tmux on a
//! private socket): hang-ups with and without SIGHUP, every terminating signal with the
//! terminal restored and decisions kept, ctrl-z and `fg`. Polls with timeouts; never sleeps
//! a fixed time. Skips (passes) when tmux is not installed. Linux only (reads `/proc`).

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{
    POLL, SHOW_EXIT, Tmux, WARTA_WRITING_PID, have_tmux, scaled, send_signal, status_line,
};

/// Runs `script` with `sh -c` in a 120x40 window, with triage state in `data`.
fn start(script: &str, data: &Path) -> Tmux {
    Tmux::start_script(120, 40, Some(data), script)
}

/// `#{mouse_any_flag}`: "1" while any mouse reporting mode is on in the pane.
fn mouse(t: &Tmux) -> String {
    t.pane("#{mouse_any_flag}")
}

fn ready(screen: &str) -> bool {
    status_line(screen).starts_with(" 5/5")
}

/// Fields of `/proc/<pid>/stat` after the command name (which may contain spaces).
fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// utime + stime in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let f = proc_stat(pid)?;
    // After the name: state is field 3 of stat(5), utime 14 and stime 15.
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100)
}

/// True while `pid` exists and is not a zombie.
fn alive(pid: u32) -> bool {
    proc_stat(pid).is_some_and(|f| f.first().is_some_and(|state| state != "Z"))
}

/// Closes the pty master (what sshd does when the connection drops) and returns how long
/// warta took to go away and the CPU time it used meanwhile (at least, the last sample);
/// fails, killing it, if it is still there after `limit`.
fn hang_up_and_time_exit(t: &Tmux, pid: u32, limit: Duration) -> (Duration, Duration) {
    let before = cpu_ticks(pid).expect("warta is running");
    let out = t.tmux(&["kill-server"]);
    assert!(out.status.success(), "kill-server: {out:?}");
    let start = Instant::now();
    let mut last = before;
    while alive(pid) {
        last = cpu_ticks(pid).unwrap_or(last);
        if start.elapsed() > limit {
            // Don't leave a spinning process behind.
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
            panic!(
                "warta (pid {pid}) still running {limit:?} after the hang-up; cpu {} ticks",
                last - before
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let cpu = Duration::from_millis((last - before) * 1000 / ticks_per_second());
    (start.elapsed(), cpu)
}

#[test]
fn closing_the_pty_ends_warta_within_a_second() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // exec: warta is the session leader, so the kernel sends it SIGHUP.
    let t = start(r#"echo $$ > "$PIDFILE"; exec "$WARTA""#, data.path());
    t.wait("5/5", ready);
    let pid = t.pid();
    // A second on an idle machine; the timeout scale stretches it for a loaded one.
    let limit = scaled(Duration::from_secs(1));
    let (took, _) = hang_up_and_time_exit(&t, pid, limit);
    println!("exited {took:?} after the hang-up");
    assert!(took < limit, "took {took:?}");
}

#[test]
fn a_hang_up_without_sighup_is_noticed_without_spinning() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // The session leader ignores SIGHUP and so never dies and never passes one on; warta is
    // its child (not the leader), so the kernel sends it nothing: only the watchdog can tell.
    let t = start(
        &format!(r#"trap "" HUP; {WARTA_WRITING_PID}; {SHOW_EXIT}"#),
        data.path(),
    );
    t.wait("5/5", ready);
    let pid = t.pid();
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    let limit = scaled(Duration::from_secs(2));
    let (took, cpu) = hang_up_and_time_exit(&t, pid, limit);
    println!("exited {took:?} after the hang-up, using {cpu:?} of CPU");
    assert!(took < limit, "took {took:?}");
    // crossterm spins on the dead tty until the watchdog (250 ms) notices; unbounded
    // spinning would show as CPU time close to the wall time. Not scaled: a loaded machine
    // gives warta less CPU, not more.
    assert!(
        cpu < Duration::from_millis(600),
        "used {cpu:?} of CPU in {took:?}"
    );
    // The decision made before the hang-up is on disk.
    let t = start(r#"exec "$WARTA""#, data.path());
    t.wait("the decision after the hang-up", |s| {
        status_line(s).contains("relevant 1")
    });
}

/// Decides one article, sends `signal`, expects exit code `code` with the terminal restored,
/// then restarts warta on the same data and expects the decision back.
fn signal_restores_and_keeps_decisions(signal: &str, code: i32) {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let t = start(
        &format!("{WARTA_WRITING_PID}; echo WARTA-EXITED-$?; stty -a; read _"),
        data.path(),
    );
    t.wait("5/5", ready);
    assert_eq!(
        t.modes(),
        "1 0",
        "alternate screen, hidden cursor while running"
    );
    assert_eq!(mouse(&t), "1", "mouse reporting on while running");
    let pid = t.pid();
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    send_signal(pid, signal);
    t.wait_exit(code);
    let s = t.wait("stty's report", |s| s.contains("icanon"));
    assert_eq!(t.modes(), "0 1", "main screen, cursor shown: {s}");
    assert_eq!(mouse(&t), "0", "mouse reporting off: {s}");
    assert!(!s.contains("Articles"), "the list is gone: {s}");
    // Raw mode is off again: canonical input and echo.
    let words: Vec<&str> = s.split_whitespace().collect();
    assert!(words.contains(&"icanon") && words.contains(&"echo"), "{s}");
    drop(t);
    let t = start(r#"exec "$WARTA""#, data.path());
    t.wait("the decision after a restart", |s| {
        status_line(s).contains("relevant 1")
    });
}

#[test]
fn sigint_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("INT", 130);
}

#[test]
fn sigquit_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("QUIT", 131);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("HUP", 129);
}

/// Signals that would kill warta outright by default (and leave the shell in the alternate
/// screen with mouse reporting on) take the SIGTERM path too.
#[test]
fn sigusr1_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("USR1", 138);
}

#[test]
fn sigalrm_restores_the_terminal_and_keeps_decisions() {
    signal_restores_and_keeps_decisions("ALRM", 142);
}

#[test]
fn a_realtime_signal_restores_the_terminal_and_keeps_decisions() {
    let sig = libc::SIGRTMIN() + 2;
    signal_restores_and_keeps_decisions(&sig.to_string(), 128 + sig);
}

/// The list's top border is row 1 (under the search bar) in the 120-column layout.
fn fully_drawn(screen: &str) -> bool {
    ready(screen)
        && screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("Articles"))
}

#[test]
fn ctrl_z_suspends_and_fg_redraws_everything() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // An interactive shell, so there is job control to stop and resume warta.
    let t = Tmux::launch(120, 40, Some(data.path()), "sh -i");
    t.wait("the prompt", |s| s.trim_end().ends_with('$'));
    t.keys(&["-l", r#""$WARTA""#]);
    t.keys(&["Enter"]);
    t.wait("the list", fully_drawn);
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    t.keys(&["C-z"]);
    let s = t.wait("stopped, back at the prompt", |s| {
        s.contains("Stopped") && s.trim_end().ends_with('$')
    });
    assert_eq!(t.modes(), "0 1", "main screen, cursor shown: {s}");
    // Scribble on the screen, so a partial redraw would leave traces.
    t.keys(&["clear", "Enter"]);
    t.wait("a cleared screen", |s| s.trim() == "$");
    t.keys(&["fg", "Enter"]);
    let s = t.wait("the list again", fully_drawn);
    assert!(status_line(&s).contains("relevant 1"), "{s}");
    assert!(s.contains("Filters"), "every pane redrawn: {s}");
    assert_eq!(t.modes(), "1 0", "alternate screen again: {s}");
    // Raw mode is back: keys reach warta, not the shell.
    t.keys(&["m"]);
    t.wait("maybe 1", |s| status_line(s).contains("maybe 1"));
    t.keys(&["q"]);
    t.wait("the prompt after quitting", |s| {
        !s.contains("Articles") && s.trim_end().ends_with('$')
    });
}

#[test]
fn an_external_sigtstp_suspends_through_the_same_path() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let t = Tmux::launch(120, 40, Some(data.path()), "sh -i");
    t.wait("the prompt", |s| s.trim_end().ends_with('$'));
    t.keys(&["-l", WARTA_WRITING_PID]);
    t.keys(&["Enter"]);
    t.wait("the list", fully_drawn);
    let pid = t.pid();
    send_signal(pid, "TSTP");
    let s = t.wait("stopped, back at the prompt", |s| {
        s.contains("Stopped") && s.trim_end().ends_with('$')
    });
    assert_eq!(t.modes(), "0 1", "restored before stopping: {s}");
    t.keys(&["fg", "Enter"]);
    t.wait("the list again", fully_drawn);
    assert_eq!(t.modes(), "1 0");
    t.keys(&["q"]);
    t.wait("the prompt after quitting", |s| {
        !s.contains("Articles") && s.trim_end().ends_with('$')
    });
}

#[test]
fn ctrl_z_without_job_control_keeps_running() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    // A non-interactive shell does no job control: nobody could `fg` a stopped warta.
    let t = Tmux::start_warta(120, 40, Some(data.path()), "");
    t.wait("5/5", ready);
    t.keys(&["C-z"]);
    t.wait("the explanation", |s| {
        status_line(s).contains("not suspended: no job-control shell")
    });
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    t.quit();
}

/// ctrl-c and SIGTERM end warta within a bounded time even when the loop cannot take them
/// up. Here the loop is stuck writing a frame: the test turns output flow control on for the
/// pane's tty (raw mode had turned it off) and stops output with ctrl-s, so the next frame's
/// write blocks. The input thread still reads ctrl-c, and the watchdog ends the process once
/// the loop has not answered for a second. Nothing decided is lost.
#[test]
fn ctrl_c_and_sigterm_end_warta_when_the_loop_is_stuck() {
    if !have_tmux() {
        return;
    }
    for (how, code) in [("ctrl-c", 130), ("TERM", 143)] {
        let data = tempfile::tempdir().unwrap();
        let t = start(
            &format!("{WARTA_WRITING_PID}; echo WARTA-EXITED-$?; stty sane; read _"),
            data.path(),
        );
        t.wait("5/5", ready);
        let pid = t.pid();
        t.keys(&["r"]);
        t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
        let out = t.tmux(&["display-message", "-p", "-t", "0", "#{pane_tty}"]);
        let tty = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let out = Command::new("stty")
            .args(["-F", &tty, "ixon"])
            .output()
            .expect("run stty");
        assert!(out.status.success(), "stty: {out:?}");
        t.keys(&["C-s"]);
        // A move draws a frame, whose write now blocks.
        t.keys(&["j"]);
        let asked = Instant::now();
        if how == "ctrl-c" {
            t.keys(&["C-c"]);
        } else {
            send_signal(pid, how);
        }
        // The watchdog acts after a second; the rest is a loaded machine's margin.
        while alive(pid) && asked.elapsed() < scaled(Duration::from_secs(5)) {
            std::thread::sleep(POLL);
        }
        let took = asked.elapsed();
        let stuck = alive(pid);
        // Let output flow again, so the shell (and a stuck warta) can go on.
        t.keys(&["C-q"]);
        if stuck {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
            panic!("{how}: warta (pid {pid}) still running {took:?} after it was asked to leave");
        }
        println!("{how}: warta ended {took:?} after it was asked to, its loop stuck");
        t.wait_exit(code);
        drop(t);
        let t = start(r#"exec "$WARTA""#, data.path());
        t.wait("the decision after the forced exit", |s| {
            status_line(s).contains("relevant 1")
        });
    }
}
