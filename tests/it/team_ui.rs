//! The browser's side of a team, without a server: what the listener hears is handed to
//! `update()` as it would be by the event loop, and local actions run against a real store
//! (and, for undo, the recorder that queues them for the server).

use insta::assert_snapshot;

use crate::common::screen::screen;
use warta::app::team::{TeamNews, configure};
use warta::app::{self, Action, App, Effect, FilterRow};
use warta::corpus::Corpus;
use warta::facets::Facet;
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};
use warta::team::{self, Event, Heard, Mode, TeamView};
use warta::triage::{Agreement, Decision, Store};

fn corpus() -> Corpus {
    loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus
}

struct Office {
    app: App,
    store: Store,
    recorder: team::Recorder,
    _dir: tempfile::TempDir,
    seq: i64,
}

/// A browser of analyst "ana" with its own store, on the bundled corpus, after the
/// listener's first view of a team in `mode` (empty).
fn office(mode: Mode, w: u16, h: u16) -> Office {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("data"));
    let mut app = App::new(corpus(), Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(w, h));
    app::search_now(&mut app);
    app::triage::install_store(&mut app, &store);
    configure(&mut app, "ana", &[]);
    let recorder = team::Recorder {
        analyst: "ana".into(),
        outbox: team::Outbox::in_dir(&dir.path().join("data")),
    };
    let mut o = Office {
        app,
        store,
        recorder,
        _dir: dir,
        seq: 0,
    };
    o.hear(Heard::View(Box::new(TeamView::new(mode, "ana"))));
    o
}

impl Office {
    fn hear(&mut self, heard: Heard) {
        let effect = app::update(&mut self.app, Action::Team(TeamNews::new(heard)));
        self.run(effect);
    }

    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::Search(req) => {
                let results = app::search::execute(&self.app.corpus, &req);
                self.app.apply_results(results);
            }
            Effect::Triage(cmd) => {
                let view = self.app.team.as_ref().map(|t| &t.view);
                let outcome = app::triage::execute_with(
                    &mut self.store,
                    Some(&self.recorder),
                    view,
                    &self.app.corpus,
                    cmd,
                );
                let effect = self.app.apply_outcome(outcome);
                self.run(effect);
            }
            _ => {}
        }
    }

    fn act(&mut self, actions: &[Action]) {
        for a in actions {
            let effect = app::update(&mut self.app, a.clone());
            self.run(effect);
        }
    }

    fn query(&mut self, q: &str) -> usize {
        self.act(&[Action::StartSearch, Action::ClearQuery]);
        for c in q.chars() {
            self.act(&[Action::Insert(c)]);
        }
        self.act(&[Action::LeaveSearch]);
        self.app.list.matches.len()
    }

    fn id(&self, row: usize) -> String {
        self.app
            .corpus
            .meta(self.app.list.shown[row].index)
            .id
            .clone()
    }

    fn selected_id(&self) -> String {
        self.app
            .corpus
            .meta(self.app.selected().unwrap())
            .id
            .clone()
    }

    fn decision(&self, id: &str) -> Decision {
        self.app
            .triage
            .states
            .get(id)
            .map_or(Decision::Undecided, |s| s.decision)
    }

    /// Events as the server would deliver them, numbered on.
    fn deliver(&mut self, events: Vec<Event>) {
        let numbered = events
            .into_iter()
            .map(|e| {
                self.seq += 1;
                (self.seq, e)
            })
            .collect();
        self.hear(Heard::Events(numbered));
    }

    /// What this browser queued for the server, as (article, action, value).
    fn queued(&self) -> Vec<(String, String, Option<String>)> {
        self.recorder
            .outbox
            .pending()
            .expect("outbox")
            .events
            .into_iter()
            .map(|e| (e.article, e.action.as_str().to_string(), e.value))
            .collect()
    }

    /// The queue as echoed by the server.
    fn echo(&mut self) {
        let events = self.recorder.outbox.pending().expect("outbox").events;
        self.deliver(events);
    }

    fn message(&self) -> String {
        self.app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    fn facet(&self, facet: Facet) -> Vec<(String, usize)> {
        self.app
            .filter_pane
            .facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

fn ev(analyst: &str, article: &str, action: team::Action, value: &str, at_us: i64) -> Event {
    Event {
        id: team::event::fresh_id(analyst),
        article: article.into(),
        analyst: analyst.into(),
        action,
        value: Some(value.into()),
        previous: None,
        at_us,
    }
}

fn decide(analyst: &str, article: &str, d: &str, at_us: i64) -> Event {
    ev(analyst, article, team::Action::Decision, d, at_us)
}

fn now() -> i64 {
    team::event::now_us()
}

#[test]
fn another_analysts_decisions_arrive_announced_with_the_cursor_kept() {
    let mut o = office(Mode::Shared, 120, 30);
    o.act(&[Action::MoveDown, Action::MoveDown]);
    let cursor_article = o.selected_id();
    let (a, b, c) = (o.id(0), o.id(1), o.id(3));
    let t = now();
    o.deliver(vec![
        decide("budi", &a, "relevant", t),
        decide("budi", &b, "relevant", t + 1),
        decide("budi", &c, "relevant", t + 2),
        ev("budi", &a, team::Action::Read, "true", t + 3),
    ]);
    assert_eq!(o.message(), "budi: relevant on 3 articles");
    assert!(
        o.app
            .messages
            .entries
            .iter()
            .any(|(_, m)| m.text == "budi: relevant on 3 articles"),
        "kept in the message log"
    );
    assert_eq!(o.selected_id(), cursor_article, "the cursor stays put");
    for id in [&a, &b, &c] {
        assert_eq!(
            o.decision(id),
            Decision::Relevant,
            "shared: the team's decision"
        );
    }
    assert_eq!(
        o.app.triage.progress.relevant, 3,
        "the progress counts them"
    );
    assert!(
        o.store.get(&a).is_none(),
        "my store holds my own actions only"
    );

    // My own action comes back from the server too: not announced.
    o.act(&[Action::MarkMaybe]);
    let said = o.message();
    o.echo();
    assert_eq!(o.message(), said, "my own echo is not news");
}

#[test]
fn shared_mode_shows_the_latest_decision_and_mine_at_once() {
    let mut o = office(Mode::Shared, 120, 30);
    let a = o.id(0);
    o.deliver(vec![decide("budi", &a, "relevant", now())]);
    assert_eq!(o.query("is:relevant"), 1);
    o.query("");
    // My decision, not yet echoed by the server, shows at once and is the latest.
    o.act(&[Action::MarkIrrelevant]);
    assert_eq!(o.decision(&a), Decision::Irrelevant);
    let marks = o.app.triage.states[&a].team.clone().expect("team marks");
    assert_eq!(marks.decided_by.as_deref(), Some("ana"));
    assert_eq!(o.query("is:relevant"), 0);
    assert_eq!(o.query("is:irrelevant"), 1);
    o.query("");
    o.echo();
    assert_eq!(
        o.decision(&a),
        Decision::Irrelevant,
        "the echo changes nothing"
    );
    // Budi decides again later: latest wins, and says who.
    o.deliver(vec![decide("budi", &a, "maybe", now() + 2_000_000)]);
    assert_eq!(o.decision(&a), Decision::Maybe);
    let marks = o.app.triage.states[&a].team.clone().expect("team marks");
    assert_eq!(marks.decided_by.as_deref(), Some("budi"));
    // The detail pane says who decided.
    o.app.list.cursor = 0;
    o.act(&[Action::Open]);
    let doc = o.app.detail.doc.as_ref().expect("the detail");
    let text: Vec<String> = doc.lines.iter().map(|l| l.text()).collect();
    assert!(
        text.iter()
            .any(|l| l.starts_with("Decision") && l.contains("maybe · budi")),
        "{text:#?}"
    );
    assert_eq!(
        o.store.get(&a).map(|s| s.decision),
        Some(Decision::Irrelevant),
        "my own store keeps my own decision"
    );
}

#[test]
fn independent_mode_shows_my_decisions_and_marks_conflicts() {
    let mut o = office(Mode::Independent, 120, 30);
    let (a, b) = (o.id(0), o.id(1));
    let t = now();
    o.deliver(vec![
        decide("budi", &a, "relevant", t),
        decide("budi", &b, "maybe", t),
        decide("cici", &b, "maybe", t + 1),
    ]);
    assert_eq!(
        o.decision(&a),
        Decision::Undecided,
        "budi's decision is not mine"
    );
    o.act(&[Action::MarkIrrelevant]);
    assert_eq!(o.decision(&a), Decision::Irrelevant);
    let marks = o.app.triage.states[&a].team.clone().expect("marks");
    assert_eq!(marks.agreement, Agreement::Conflict);
    assert_eq!(marks.analysts, vec!["ana", "budi"]);

    assert_eq!(o.query("is:conflict"), 1);
    assert_eq!(o.id(0), a);
    assert_eq!(o.query("is:agreed"), 1);
    assert_eq!(o.id(0), b);
    assert_eq!(o.query("by:budi"), 2);
    assert_eq!(o.query("by:CICI"), 1);
    assert_eq!(o.query("is:mine"), 1);
    assert_eq!(o.query("!is:mine by:budi"), 1);
    o.query("");
    assert_eq!(
        o.facet(Facet::Conflict),
        vec![("conflict".to_string(), 1), ("agreed".to_string(), 1)]
    );
    assert_eq!(
        o.facet(Facet::Analyst),
        vec![
            ("budi".to_string(), 2),
            ("ana".to_string(), 1),
            ("cici".to_string(), 1)
        ]
    );
    // The Conflict facet filters like any other.
    o.act(&[Action::ToggleFilters]);
    let row = o
        .app
        .filter_pane
        .rows
        .iter()
        .position(|r| matches!(r, FilterRow::Value { facet: Facet::Conflict, value, .. } if value == "conflict"))
        .expect("the conflict row");
    o.app.filter_pane.cursor = row;
    o.act(&[Action::ToggleValue]);
    assert_eq!(o.app.list.matches.len(), 1);
    assert_eq!(o.id(0), a);
}

#[test]
fn a_mode_changed_on_the_server_changes_what_the_open_browser_shows() {
    let mut o = office(Mode::Shared, 120, 30);
    let a = o.id(0);
    o.deliver(vec![decide("budi", &a, "relevant", now())]);
    assert_eq!(o.decision(&a), Decision::Relevant, "shared: budi's stands");
    assert_eq!(o.query("is:relevant"), 1);
    o.hear(Heard::Mode(Mode::Independent));
    assert!(
        o.message().contains("mode is now independent"),
        "{}",
        o.message()
    );
    assert_eq!(
        o.decision(&a),
        Decision::Undecided,
        "independent: budi's decision is not mine"
    );
    assert_eq!(o.query("is:relevant"), 0, "the query ran again");
    assert_eq!(o.query("by:budi"), 1);
    o.query("");
    o.act(&[Action::MarkIrrelevant]);
    assert_eq!(o.query("is:conflict"), 1);
    o.query("");
    o.hear(Heard::Mode(Mode::Shared));
    assert_eq!(
        o.decision(&a),
        Decision::Irrelevant,
        "shared: mine is the latest"
    );
    assert_eq!(o.query("is:irrelevant"), 1);
}

#[test]
fn team_terms_without_a_team_say_why_instead_of_an_empty_list() {
    let mut app = App::new(corpus(), Keymap::default().key_help());
    app::search_now(&mut app);
    for q in ["is:conflict", "by:budi", "is:mine", "is:agreed"] {
        app::update_sync(&mut app, Action::StartSearch);
        app::update_sync(&mut app, Action::ClearQuery);
        for c in q.chars() {
            app::update_sync(&mut app, Action::Insert(c));
        }
        let m = app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(m.contains("--team"), "{q}: {m}");
    }
    // With a team (even before the server answered) the terms are understood.
    let mut o = office(Mode::Shared, 120, 30);
    o.query("is:conflict");
    assert!(!o.message().contains("--team"), "{}", o.message());
}

#[test]
fn undo_in_shared_mode_leaves_what_another_analyst_changed_since() {
    let mut o = office(Mode::Shared, 120, 30);
    let (a, b) = (o.id(0), o.id(1));
    // A batch: both articles relevant, one undo step.
    o.act(&[
        Action::ToggleSelect,
        Action::ToggleSelect,
        Action::MarkRelevant,
    ]);
    o.echo();
    // Budi changes one of them afterwards.
    o.deliver(vec![decide("budi", &a, "irrelevant", now() + 1_000_000)]);
    assert_eq!(o.decision(&a), Decision::Irrelevant);
    let before = o.queued().len();
    o.act(&[Action::Undo]);
    let msg = o.message();
    assert!(
        msg.contains("1 article left as another analyst changed it since"),
        "{msg}"
    );
    let sent: Vec<_> = o.queued().split_off(before);
    // The decision marked both read (decide_marks_read): that mark was this analyst's
    // alone, so it is undone on both; the decision only where nobody changed it since.
    let mut sent = sent;
    sent.sort();
    let mut want = vec![
        (a.clone(), "read".to_string(), Some("false".to_string())),
        (b.clone(), "read".to_string(), Some("false".to_string())),
        (
            b.clone(),
            "decision".to_string(),
            Some("undecided".to_string()),
        ),
    ];
    want.sort();
    assert_eq!(
        sent, want,
        "only the article nobody else touched has its decision undone on the server"
    );
    assert_eq!(
        o.decision(&a),
        Decision::Irrelevant,
        "budi's decision stands"
    );
    assert_eq!(
        o.decision(&b),
        Decision::Undecided,
        "mine is undone at once"
    );
    o.echo();
    assert_eq!(o.decision(&a), Decision::Irrelevant);
    assert_eq!(o.decision(&b), Decision::Undecided);
}

#[test]
fn undo_in_independent_mode_touches_only_my_decisions() {
    let mut o = office(Mode::Independent, 120, 30);
    let a = o.id(0);
    o.act(&[Action::MarkRelevant]);
    o.echo();
    o.deliver(vec![decide("budi", &a, "irrelevant", now() + 1_000_000)]);
    o.act(&[Action::Undo]);
    assert_eq!(o.decision(&a), Decision::Undecided);
    let marks = o.app.triage.states[&a].team.clone().expect("marks");
    assert_eq!(marks.verdicts.len(), 1);
    assert_eq!(marks.verdicts[0].analyst, "budi");
    assert_eq!(marks.verdicts[0].decision, Decision::Irrelevant);
}

#[test]
fn a_lost_server_is_said_and_the_view_kept() {
    let mut o = office(Mode::Shared, 120, 30);
    let a = o.id(0);
    o.deliver(vec![decide("budi", &a, "relevant", now())]);
    let cfg = team::TeamConfig {
        url: "postgres://warta:rahasia@127.0.0.1:1/office".into(),
        analyst: "ana".into(),
    };
    let err = team::Team::connect(&cfg)
        .err()
        .expect("nothing listens on port 1");
    o.hear(Heard::Offline(err));
    let m = o.message();
    assert!(m.contains("team server unreachable"), "{m}");
    assert!(!m.contains("rahasia"), "no password: {m}");
    assert_eq!(o.decision(&a), Decision::Relevant, "what was heard stays");
}

#[test]
fn a_namesake_on_the_server_is_warned_about() {
    let mut o = office(Mode::Shared, 120, 30);
    let a = o.id(0);
    let mut view = TeamView::new(Mode::Shared, "ana");
    view.apply(1, &decide("Ana", &a, "relevant", now()));
    o.hear(Heard::View(Box::new(view)));
    let m = o.message();
    assert!(m.contains("\"Ana\"") && m.contains("two analysts"), "{m}");
    // Someone else's name is no namesake.
    let mut o = office(Mode::Shared, 120, 30);
    let mut view = TeamView::new(Mode::Shared, "ana");
    view.apply(1, &decide("budi", &a, "relevant", now()));
    o.hear(Heard::View(Box::new(view)));
    assert!(!o.message().contains("two analysts"), "{}", o.message());
}

/// A fixed time: 2025-06-02 03:04 UTC, 12:04 in the zone the snapshots are drawn in.
const T0: i64 = 1_748_833_440_000_000;

#[test]
fn detail_and_list_with_several_analysts() {
    // Times are shown in the local zone: the snapshots are drawn in a process of their own
    // with a fixed one.
    if std::env::var_os("WARTA_TEAM_UI_ZONE").is_none() {
        crate::common::child_passes(
            crate::common::this_test(module_path!(), "detail_and_list_with_several_analysts")
                .env("TZ", "WIT-9")
                .env("WARTA_TEAM_UI_ZONE", "1"),
        );
        return;
    }
    for (w, h) in [(80, 24), (44, 40)] {
        let mut o = office(Mode::Independent, w, h);
        let a = o.id(0);
        let times = [T0, T0 + 60_000_000, T0 + 120_000_000];
        o.deliver(vec![
            decide("ana", &a, "relevant", times[0]),
            decide("budi", &a, "irrelevant", times[1]),
            decide("cici", &a, "relevant", times[2]),
            ev("dewi", &a, team::Action::Star, "true", times[2]),
        ]);
        // Ana's store has it too (the echo of an action of hers from another machine is
        // what this stands for).
        let list = screen(&o.app);
        assert!(list.contains('≠'), "{list}");
        assert_snapshot!(format!("team_list_conflict_{w}x{h}"), list);
        o.act(&[Action::Open]);
        let detail = screen(&o.app);
        assert!(detail.contains("conflict"), "{detail}");
        assert!(detail.contains("12:05 WIT"), "budi's time, local: {detail}");
        assert_snapshot!(format!("team_detail_analysts_{w}x{h}"), detail);
        // Without colour or Unicode the conflict still shows.
        o.app.settings.ascii = true;
        o.act(&[Action::Back]);
        let ascii = screen(&o.app);
        let row = ascii
            .lines()
            .find(|l| l.contains('#'))
            .unwrap_or_else(|| panic!("{ascii}"));
        assert!(row.is_ascii(), "{row}");
    }
}

#[test]
fn what_other_machines_send_is_shown_cleaned() {
    let mut o = office(Mode::Shared, 120, 30);
    let a = o.id(0);
    let t = now();
    o.deliver(vec![
        ev(
            "bu\x1b]0;PWNED\x07di",
            &a,
            team::Action::LabelAdd,
            "ban\x1b[31mjir",
            t,
        ),
        ev("cici", &a, team::Action::Note, "cek\x1b[2J lagi", t + 1),
    ]);
    let st = o.app.triage.states[&a].clone();
    let marks = st.team.clone().expect("marks");
    for text in st.labels.iter().chain(&st.note).chain(&marks.analysts) {
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    }
    assert!(!o.message().contains('\x1b'), "{:?}", o.message());
}

#[test]
fn the_command_line_says_why_team_terms_need_a_team() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Banjir di Palembang\n\nPALEMBANG - Air naik.\n",
    )
    .expect("write");
    for q in ["is:conflict", "by:budi"] {
        let out = crate::common::warta_in(&["list", "a.txt", "--query", q], dir.path());
        assert!(!out.status.success(), "{q}: {out:?}");
        let err = crate::common::stderr(&out);
        assert!(err.contains("--team"), "{q}: {err}");
    }
}

#[test]
fn the_browsers_export_writes_what_the_team_shows_with_the_team_columns() {
    let mut o = office(Mode::Shared, 120, 30);
    let (a, b) = (o.id(0), o.id(1));
    o.deliver(vec![decide("budi", &a, "relevant", now())]);
    // Ana's own decision, not yet back from the server: the file has it all the same.
    o.act(&[Action::MoveDown, Action::MarkMaybe]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tim.csv");
    o.act(&[Action::Export, Action::ClearQuery]);
    for c in path.to_str().expect("utf-8").chars() {
        o.act(&[Action::Insert(c)]);
    }
    o.act(&[Action::Submit]);
    assert!(
        o.message().contains("exported 5 articles"),
        "{}",
        o.message()
    );
    let text = std::fs::read_to_string(&path).expect("the export");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().expect("headers").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {headers:?}"))
    };
    let (id, decision, by, budi) = (
        col("id"),
        col("decision"),
        col("analyst"),
        col("decision:budi"),
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    let row = |article: &str| {
        rows.iter()
            .find(|r| &r[id] == article)
            .unwrap_or_else(|| panic!("{article} not exported"))
    };
    assert_eq!(
        &row(&a)[decision],
        "relevant",
        "budi's decision, as on screen"
    );
    assert_eq!(&row(&a)[by], "budi");
    assert_eq!(&row(&a)[budi], "relevant");
    assert_eq!(&row(&b)[decision], "maybe", "ana's own, not yet echoed");
}
