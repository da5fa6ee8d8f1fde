//! End-to-end: two real browsers in tmux, analysts ana and budi with data directories of
//! their own, on the bundled corpus and one throwaway PostgreSQL server. What one decides
//! shows in the other within a second (measured and printed); independent mode marks the
//! conflict; an undo never takes back the other analyst's decision.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::pg::Pg;
use crate::common::{self, Tmux, have_tmux, quote, status_line};

/// The newest bundled article's row is the list's first.
const FIRST: &str = "2025-09-10";

/// The decision cell of the list row of the article published on `date` (the list is the
/// only pane at this width with dates at the start of a row).
fn mark(screen: &str, date: &str) -> Option<char> {
    let line = screen.lines().find(|l| l.contains(&format!("  {date} ")))?;
    let (_, rest) = line.split_once('│')?;
    rest.chars().nth(3)
}

struct Office {
    pg: Pg,
    url: String,
    dir: tempfile::TempDir,
}

impl Office {
    fn start(mode: warta::team::Mode) -> Option<Office> {
        let pg = Pg::start()?;
        let url = pg.create_team("office", mode);
        Some(Office {
            pg,
            url,
            dir: tempfile::tempdir().unwrap(),
        })
    }

    fn data(&self, analyst: &str) -> std::path::PathBuf {
        self.dir.path().join(analyst)
    }

    fn browser(&self, analyst: &str) -> Tmux {
        let w = Tmux::start_warta(
            100,
            30,
            Some(&self.data(analyst)),
            &format!("--team {} --as {analyst}", quote(&self.url)),
        );
        w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
        // The listener's first view is said in the message log.
        w.keys(&["L"]);
        w.wait("the team heard", |s| {
            s.contains("mode, ") && s.contains("other analyst")
        });
        w.keys(&["L"]);
        w.wait("the log closed", |s| !s.contains("other analyst"));
        w
    }

    /// (analyst, action, value) of every stored event, oldest first.
    fn events(&self) -> Vec<(String, String, Option<String>)> {
        self.pg.events("office")
    }
}

fn queued(data: &Path) -> usize {
    warta::team::Outbox::in_dir(data)
        .pending()
        .map_or(0, |p| p.events.len())
}

/// Waits until `ok` holds for `w`'s screen, polling as fast as capture-pane answers, and
/// returns how long it took from `since`.
fn time_until(w: &Tmux, since: Instant, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
    let limit = common::timeout();
    loop {
        let s = w.screen();
        if ok(&s) {
            return since.elapsed();
        }
        assert!(
            since.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}; screen:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn shared_mode_a_decision_reaches_the_other_browser_and_undo_spares_theirs() {
    if !have_tmux() {
        return;
    }
    let Some(office) = Office::start(warta::team::Mode::Shared) else {
        return;
    };
    let ana = office.browser("ana");
    let budi = office.browser("budi");
    assert_eq!(mark(&budi.screen(), FIRST), Some(' '));

    let sent = Instant::now();
    ana.keys(&["r"]);
    let took = time_until(&budi, sent, "ana's decision in budi's list", |s| {
        mark(s, FIRST) == Some('R')
    });
    eprintln!(
        "team: a decision in one browser showed in the other after {} ms",
        took.as_millis()
    );
    assert!(
        took <= common::scaled(Duration::from_secs(1)),
        "the other browser took {took:?} (target: within a second)"
    );
    let s = budi.wait("the news in budi's status line", |s| {
        status_line(s).contains("ana: relevant on 1 article")
    });
    assert!(s.contains(" 5/5"), "{s}");

    // Budi changes his mind about it, after ana.
    budi.keys(&["i"]);
    ana.wait("budi's decision in ana's list", |s| {
        mark(s, FIRST) == Some('I') && status_line(s).contains("budi: irrelevant on 1 article")
    });

    // Ana undoes her decision: budi's, made since, stands, on both screens and the server.
    let before = office.events().len();
    ana.keys(&["u"]);
    let s = ana.wait("the undo's message", |s| {
        status_line(s).contains("1 article left as an")
    });
    assert_eq!(mark(&s, FIRST), Some('I'), "{s}");
    assert_eq!(queued(&office.data("ana")), 0, "nothing queued by the undo");
    assert_eq!(office.events().len(), before, "nothing sent by the undo");
    assert_eq!(mark(&budi.screen(), FIRST), Some('I'));
    ana.quit();
    budi.quit();
}

#[test]
fn independent_mode_marks_the_conflict_and_undo_touches_only_mine() {
    if !have_tmux() {
        return;
    }
    let Some(office) = Office::start(warta::team::Mode::Independent) else {
        return;
    };
    let ana = office.browser("ana");
    let budi = office.browser("budi");
    ana.keys(&["r"]);
    budi.wait("ana's decision heard by budi", |s| {
        status_line(s).contains("ana: relevant on 1 article")
    });
    assert_eq!(
        mark(&budi.screen(), FIRST),
        Some(' '),
        "independent: ana's decision is not budi's"
    );
    budi.keys(&["i"]);
    for (who, w) in [("ana", &ana), ("budi", &budi)] {
        w.wait(&format!("the conflict on {who}'s screen"), |s| {
            mark(s, FIRST) == Some('≠')
        });
    }
    budi.keys(&["u"]);
    budi.wait("budi's decision undone", |s| mark(s, FIRST) == Some(' '));
    ana.wait("the conflict gone, ana's decision kept", |s| {
        mark(s, FIRST) == Some('R')
    });
    let ev = office.events();
    assert!(
        ev.iter()
            .filter(|e| e.0 == "ana")
            .all(|e| e.2.as_deref() == Some("relevant") || e.1 == "read"),
        "{ev:?}"
    );
    ana.quit();
    budi.quit();
}
