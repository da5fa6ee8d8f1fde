//! The team in the browser: what the listener hears ([`crate::team::Listener`]) becomes
//! [`Action::Team`](super::Action::Team), and [`heard`] folds it into the app.
//!
//! The app's triage map ([`super::TriageView::states`]), which the list, the `is:` terms,
//! the facets, the progress and the search thread all read, becomes the merge of this
//! analyst's own store and the team's state, so none of them needs to know about teams:
//!
//! ```text
//!  own store (my actions) ─┐
//!                          ├─ merged() per article ─► triage.states ─► list, facets, query
//!  TeamView (server log) ──┘   + TeamMarks (analysts, verdicts, agreement)
//! ```
//! - **shared** mode: each field shows the team's latest value, except a field of mine the
//!   server has not echoed yet, which shows at once (it is the latest);
//! - **independent** mode: my own state, with the others only in the marks.
//!
//! Until the listener's first full view arrives the map is my own store alone.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::team::{Action as EventAction, Event, Heard, Mode as TeamMode, TeamView};
use crate::triage::{Agreement, ArticleState, Decision, TeamMarks, Verdict, time};

use super::state::{App, MessageKind};
use super::update::Effect;

/// The team part of the app: present when a team server is configured.
#[derive(Debug, Default)]
pub struct TeamState {
    /// The team as last heard; empty (and `heard` false) until the first full view.
    pub view: TeamView,
    pub heard: bool,
    /// This analyst's own store's states (non-default only), as last confirmed by it.
    pub own: HashMap<String, ArticleState>,
    /// Articles whose own state changed here since the server last echoed it (and those
    /// with actions still queued from an earlier session): their own state is the latest.
    pub pending: HashMap<String, BTreeSet<String>>,
    /// Why the listener cannot reach the server, while it cannot.
    pub offline: Option<String>,
}

/// A delivery of the listener, carried by an action. Actions are compared and ordered (the
/// keymap's needs); a delivery is only ever the same as itself.
#[derive(Debug, Clone)]
pub struct TeamNews(pub Arc<Heard>);

impl TeamNews {
    pub fn new(heard: Heard) -> TeamNews {
        TeamNews(Arc::new(heard))
    }

    fn key(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl PartialEq for TeamNews {
    fn eq(&self, other: &TeamNews) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for TeamNews {}

impl std::hash::Hash for TeamNews {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for TeamNews {
    fn partial_cmp(&self, other: &TeamNews) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TeamNews {
    fn cmp(&self, other: &TeamNews) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Makes the app a team member named `me`: query terms about analysts are understood, and
/// the map follows the team once the listener's first view arrives. `queued`: articles
/// with actions still waiting to be sent (the outbox's events).
pub fn configure(app: &mut App, me: &str, queued: &[Event]) {
    let mut pending: HashMap<String, BTreeSet<String>> = HashMap::new();
    for e in queued {
        pending
            .entry(e.article.clone())
            .or_default()
            .insert(e.action.field(e.value.as_deref()));
    }
    app.team = Some(TeamState {
        view: TeamView::new(TeamMode::default(), me),
        heard: false,
        own: own_of(&app.triage.states),
        pending,
        offline: None,
    });
}

/// The own states out of a map that may carry team marks.
fn own_of(map: &HashMap<String, ArticleState>) -> HashMap<String, ArticleState> {
    map.iter()
        .filter_map(|(id, s)| {
            let mut s = s.clone();
            s.team = None;
            (!s.is_default()).then(|| (id.clone(), s))
        })
        .collect()
}

/// What the listener heard, folded into the app (see the module docs).
pub fn heard(app: &mut App, news: Arc<Heard>) -> Effect {
    let Some(team) = app.team.as_mut() else {
        return Effect::None;
    };
    // The loop hands each delivery over once: the whole team's view moves in, where a copy
    // would cost the UI thread as much as building it (50k articles).
    let news = Arc::try_unwrap(news).unwrap_or_else(|shared| (*shared).clone());
    match news {
        Heard::View(view) => {
            let back = team.offline.take().is_some();
            team.view = *view;
            team.heard = true;
            let view = &team.view;
            let others = view.analysts().filter(|a| *a != view.me).count();
            let text = format!(
                "team: {} mode, {} other analyst{}{}",
                view.mode,
                others,
                if others == 1 { "" } else { "s" },
                if back { " (server back)" } else { "" }
            );
            let namesake = view
                .namesake()
                .map(|n| crate::team::view::namesake_warning(&view.me, n));
            rebuild_all(app);
            app.notice(text);
            if let Some(warning) = namesake {
                app.set_message(
                    crate::text::sanitize(&format!("team: {warning}")),
                    MessageKind::Error,
                );
            }
            refresh(app)
        }
        Heard::Events(events) => {
            let back = team.offline.take().is_some();
            let mut changed = BTreeSet::new();
            let mut from_others: Vec<&Event> = Vec::new();
            for (seq, e) in &events {
                if team.view.apply(*seq, e) {
                    changed.insert(e.article.clone());
                    if e.analyst != team.view.me {
                        from_others.push(e);
                    }
                }
            }
            for id in &changed {
                let Some(fields) = team.pending.get_mut(id) else {
                    continue;
                };
                let vm = team.view.state_of(id, &team.view.me);
                let own = team.own.get(id).cloned().unwrap_or_default();
                // A field the server now holds as I have it is echoed.
                fields.retain(|f| field_of(&own, f) != field_of(&vm, f));
                if fields.is_empty() {
                    team.pending.remove(id);
                }
            }
            if !team.heard {
                // Events before the first view cannot be placed; the view will hold them.
                return Effect::None;
            }
            let said = announce(&from_others);
            if changed.is_empty() {
                if back {
                    app.notice("team server back");
                }
                return Effect::None;
            }
            for id in &changed {
                merge_into_map(app, id);
            }
            if let Some(text) = said {
                app.set_message(text, MessageKind::Info);
            }
            refresh(app)
        }
        Heard::Mode(mode) => {
            if team.view.mode == mode {
                return Effect::None;
            }
            team.view.mode = mode;
            if !team.heard {
                return Effect::None;
            }
            rebuild_all(app);
            app.set_message(
                format!("team: the mode is now {mode}: {}", mode.meaning()),
                MessageKind::Info,
            );
            refresh(app)
        }
        Heard::Offline(e) => {
            let why = e.to_string();
            team.offline = Some(why.clone());
            app.set_message(
                format!("team server unreachable ({why}); decisions are kept and sent later"),
                MessageKind::Error,
            );
            Effect::None
        }
    }
}

/// "budi: relevant on 3 articles; cici: +banjir on 1 article": what others did, one line.
/// Read marks are left out: opening an article is not news.
fn announce(events: &[&Event]) -> Option<String> {
    let mut by: BTreeMap<&str, BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    for e in events {
        let what = match e.action {
            EventAction::Read => continue,
            EventAction::Star if e.value.as_deref() == Some("true") => "starred".to_string(),
            EventAction::Star => "unstarred".to_string(),
            EventAction::Decision => e.value.clone().unwrap_or_default(),
            EventAction::LabelAdd => format!("+{}", e.value.as_deref().unwrap_or("")),
            EventAction::LabelRemove => format!("-{}", e.value.as_deref().unwrap_or("")),
            EventAction::Note => "note".to_string(),
        };
        by.entry(e.analyst.as_str())
            .or_default()
            .entry(what)
            .or_default()
            .insert(e.article.as_str());
    }
    let parts: Vec<String> = by
        .into_iter()
        .map(|(analyst, whats)| {
            let each: Vec<String> = whats
                .into_iter()
                .map(|(what, ids)| {
                    let n = ids.len();
                    format!("{what} on {n} article{}", if n == 1 { "" } else { "s" })
                })
                .collect();
            format!("{analyst}: {}", each.join(", "))
        })
        .collect();
    (!parts.is_empty()).then(|| crate::text::sanitize(&parts.join("; ")))
}

/// A delivery changed states: recount, search again for the same view, and keep the
/// reader's article under the cursor.
fn refresh(app: &mut App) -> Effect {
    if app.arrivals.restore_cursor.is_none() && app.selected().is_some() {
        app.list.anchored = true;
    }
    app.recount();
    let effect = Effect::Search(app.request());
    app.fix_view();
    effect
}

/// Puts `own` (the store's states) into the app: the map itself without a team, else the
/// merge. Returns false when there is no team (the caller installs the map itself).
pub fn set_own(app: &mut App, own: &HashMap<String, ArticleState>) -> bool {
    let Some(team) = app.team.as_mut() else {
        return false;
    };
    team.own = own.clone();
    if team.heard {
        rebuild_all(app);
    } else {
        app.triage.states = Arc::new(own.clone());
    }
    true
}

/// One article's own state changed (`None`: back to the default); returns what the app's
/// map now holds for it, or `None` when there is no team.
pub fn set_own_one(
    app: &mut App,
    id: &str,
    state: Option<ArticleState>,
) -> Option<Option<ArticleState>> {
    let team = app.team.as_mut()?;
    // Back to the default is kept as a state: it is my latest word on the article, which
    // the server's older record of me must not stand in for until it echoes it.
    let now = state.clone().unwrap_or_default();
    let before = team
        .own
        .insert(id.to_string(), now.clone())
        .unwrap_or_default();
    let fields = team.pending.entry(id.to_string()).or_default();
    for e in crate::team::event::diff(&team.view.me, id, &before, &now) {
        fields.insert(e.action.field(e.value.as_deref()));
    }
    if !team.heard {
        return Some(state);
    }
    Some(merged(
        &team.view,
        team.own.get(id),
        team.pending.get(id),
        id,
    ))
}

fn rebuild_all(app: &mut App) {
    let Some(team) = app.team.as_ref() else {
        return;
    };
    let ids: BTreeSet<&str> = team
        .own
        .keys()
        .map(String::as_str)
        .chain(team.view.articles())
        .collect();
    let map: HashMap<String, ArticleState> = ids
        .into_iter()
        .filter_map(|id| {
            Some((
                id.to_string(),
                merged(&team.view, team.own.get(id), team.pending.get(id), id)?,
            ))
        })
        .collect();
    app.triage.states = Arc::new(map);
}

fn merge_into_map(app: &mut App, id: &str) {
    let Some(team) = app.team.as_ref() else {
        return;
    };
    let state = merged(&team.view, team.own.get(id), team.pending.get(id), id);
    let map = Arc::make_mut(&mut app.triage.states);
    match state {
        Some(s) => map.insert(id.to_string(), s),
        None => map.remove(id),
    };
}

/// What the app shows for `id`: the state of the team's mode with the team's marks, `None`
/// when nothing at all is set. `pending`: the fields of my own state changed here that the
/// server has not echoed yet.
pub fn merged(
    view: &TeamView,
    own: Option<&ArticleState>,
    pending: Option<&BTreeSet<String>>,
    id: &str,
) -> Option<ArticleState> {
    let me = view.me.as_str();
    let vm = view.state_of(id, me);
    let mine = mine_now(view, own, pending, &vm, id);
    let (mut state, decided_by) = match view.mode {
        TeamMode::Independent => (mine.clone(), None),
        TeamMode::Shared => {
            let (mut s, by) = view.shared_state(id);
            let mut by = by.map(str::to_string);
            if let (Some(o), Some(fields)) = (own, pending) {
                overlay(view, id, o, fields, &mut s, &mut by);
            }
            (s, by)
        }
    };
    let (mut verdicts, heard_mine): (Vec<Verdict>, Vec<Verdict>) =
        view.verdicts(id).into_iter().partition(|v| v.analyst != me);
    if mine.decision != Decision::Undecided {
        let at_us = heard_mine
            .iter()
            .find(|v| v.decision == mine.decision)
            .map(|v| v.at_us)
            .or_else(|| {
                own.and_then(|o| o.decided_at.as_deref())
                    .and_then(time::parse_secs)
                    .map(|s| s * 1_000_000)
            })
            .unwrap_or(0);
        verdicts.push(Verdict {
            analyst: me.to_string(),
            decision: mine.decision,
            at_us,
        });
        verdicts.sort_by(|a, b| (a.at_us, &a.analyst).cmp(&(b.at_us, &b.analyst)));
    }
    let mut analysts: Vec<String> = view
        .analysts_of(id)
        .into_iter()
        .filter(|a| *a != me)
        .map(str::to_string)
        .collect();
    let is_mine = !mine.is_default();
    if is_mine {
        analysts.push(me.to_string());
        analysts.sort();
    }
    // What other machines sent is untrusted text: it reaches the list, the facets and the
    // detail only cleaned, like the store's own fields on reading.
    if state
        .labels
        .iter()
        .chain(&state.note)
        .chain(&analysts)
        .any(|t| !crate::text::is_safe(t))
    {
        state.labels = state
            .labels
            .iter()
            .map(|l| crate::text::sanitize(l))
            .collect();
        state.note = state.note.as_deref().map(crate::text::sanitize);
        for a in analysts.iter_mut() {
            *a = crate::text::sanitize(a);
        }
        for v in verdicts.iter_mut() {
            v.analyst = crate::text::sanitize(&v.analyst);
        }
    }
    if analysts.is_empty() {
        return (!state.is_default()).then_some(state);
    }
    state.team = Some(Box::new(TeamMarks {
        agreement: Agreement::of(&verdicts),
        analysts,
        verdicts,
        mine: is_mine,
        decided_by: decided_by.filter(|_| state.decision != Decision::Undecided),
        shared: view.mode == TeamMode::Shared,
    }));
    Some(state)
}

/// My state as it stands now. The server's record of me (`vm`) holds what I did from any
/// machine; my store's changes made here that it has not echoed yet go over it; an article
/// the server has nothing of mine on shows my store's state (actions queued before the
/// server was reached).
fn mine_now(
    view: &TeamView,
    own: Option<&ArticleState>,
    pending: Option<&BTreeSet<String>>,
    vm: &ArticleState,
    id: &str,
) -> ArticleState {
    match (own, pending) {
        (Some(o), Some(fields)) if !vm.is_default() => {
            let mut s = vm.clone();
            let mut by = None;
            overlay(view, id, o, fields, &mut s, &mut by);
            // My own timestamp where my store's decision is what shows.
            if s.decision == o.decision {
                s.decided_at.clone_from(&o.decided_at);
            }
            s
        }
        (Some(o), _) if vm.is_default() => o.clone(),
        _ => vm.clone(),
    }
}

/// Lays my own state's `fields` that the server has not echoed yet over `s`. In shared mode
/// a field another analyst set after my value's time keeps theirs: an undo that restored an
/// older value of mine was held back for that field (see [`undo_guard`]).
fn overlay(
    view: &TeamView,
    id: &str,
    own: &ArticleState,
    fields: &BTreeSet<String>,
    s: &mut ArticleState,
    decided_by: &mut Option<String>,
) {
    let me = view.me.as_str();
    for field in fields {
        let at = match field.as_str() {
            "read" => own.read_at.as_deref(),
            "star" => own.starred_at.as_deref(),
            "decision" => own.decided_at.as_deref(),
            "note" => own.note_at.as_deref(),
            _ => own.labels_at.as_deref(),
        };
        let wins = match view.latest(id, field) {
            Some((who, at_us)) if who != me && view.mode == TeamMode::Shared => at
                .and_then(time::parse_secs)
                .is_some_and(|secs| secs >= at_us.div_euclid(1_000_000)),
            _ => true,
        };
        if !wins {
            continue;
        }
        match field.as_str() {
            "read" => s.read = own.read,
            "star" => s.starred = own.starred,
            "decision" => {
                s.decision = own.decision;
                *decided_by = Some(me.to_string());
            }
            "note" => s.note.clone_from(&own.note),
            other => {
                if let Some(label) = other.strip_prefix("label:") {
                    if own.labels.contains(label) {
                        s.labels.insert(label.to_string());
                    } else {
                        s.labels.remove(label);
                    }
                }
            }
        }
    }
}

/// Whether an undo's `event` may be sent in shared mode: not when another analyst changed
/// the field after this analyst's value, which the undo would otherwise overwrite. `before`
/// is the article's own state before the undo.
pub fn undo_guard(view: &TeamView, before: &ArticleState, event: &Event) -> bool {
    if view.mode != TeamMode::Shared {
        return true;
    }
    let me = view.me.as_str();
    let field = event.action.field(event.value.as_deref());
    let Some((who, at_us)) = view.latest(&event.article, &field) else {
        return true;
    };
    if who == me {
        return true;
    }
    if field_of(before, &field) == field_of(&view.state_of(&event.article, me), &field) {
        // My value reached the server and another analyst's came after it.
        return false;
    }
    // My value is not on the server yet: it stands if it is the later one.
    let mine_at = match event.action {
        EventAction::Read => before.read_at.as_deref(),
        EventAction::Star => before.starred_at.as_deref(),
        EventAction::Decision => before.decided_at.as_deref(),
        EventAction::LabelAdd | EventAction::LabelRemove => before.labels_at.as_deref(),
        EventAction::Note => before.note_at.as_deref(),
    };
    mine_at
        .and_then(time::parse_secs)
        .is_some_and(|secs| secs >= at_us.div_euclid(1_000_000))
}

/// One field of a state as the server keeps it (`label:NAME` for each label).
fn field_of(s: &ArticleState, field: &str) -> Option<String> {
    match field {
        "read" => Some(s.read.to_string()),
        "star" => Some(s.starred.to_string()),
        "decision" => Some(s.decision.as_str().to_string()),
        "note" => s.note.clone(),
        other => other
            .strip_prefix("label:")
            .map(|l| s.labels.contains(l).to_string()),
    }
}
