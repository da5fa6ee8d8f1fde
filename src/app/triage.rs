//! Triage in the browser: the key actions (pure, returning [`Effect::Triage`]), the one-line
//! prompts (labels with completion, note, export file), and the executor that runs a
//! [`TriageCmd`] against the [`Store`] and hands back a [`TriageOutcome`] for
//! [`App::apply_outcome`].
//!
//! ```text
//!  key ──> update() ──> Effect::Triage(cmd) ──> execute(store, cmd)   (tui.rs, or a test)
//!                                                     │ fsync'd before it returns
//!  screen <── App::apply_outcome(outcome) <───────────┘ then a re-search, because the
//!                                                        view and the counts may change
//! ```
//! The app never shows an action as done before the store confirmed it; a refused or
//! unsaved action says so in the status line.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::cluster::Clusters;
use crate::corpus::Corpus;
use crate::triage::export::{export_team, export_to_path_clustered};
use crate::triage::output::{existing_file, expand_home};
use crate::triage::{
    ArticleState, Decision, ExportContext, ExportFormat, Mode as StoreMode, Op, OutputMode,
    Refresh, Saved, Store, normalize_label, time,
};

use super::action::Action;
use super::line::{LineInput, line_full};
use super::state::{App, Focus, MessageKind, Mode, PendingMove, Prompt, PromptKind};
use super::update::Effect;

/// The browser's copy of the triage state, keyed by article id (only non-default states).
pub type TriageMap = Arc<HashMap<String, ArticleState>>;

/// The team's state as this browser shows it, carried by an export: the merged states (your
/// store under the team's, in the team's mode) and the team's view for the per-analyst
/// columns. Two are equal when they are the same snapshot.
#[derive(Clone)]
pub struct SharedTeam {
    pub states: TriageMap,
    pub shown: Arc<crate::team::shown::Shown>,
}

impl PartialEq for SharedTeam {
    fn eq(&self, other: &SharedTeam) -> bool {
        Arc::ptr_eq(&self.states, &other.states) && Arc::ptr_eq(&self.shown, &other.shown)
    }
}

impl std::fmt::Debug for SharedTeam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedTeam({} states)", self.states.len())
    }
}

/// Groups of copies carried by a command; two are equal when they are the same computation
/// (comparing the groups themselves would cost a pass over the corpus).
#[derive(Debug, Clone)]
pub struct SharedClusters(pub Arc<Clusters>);

impl PartialEq for SharedClusters {
    fn eq(&self, other: &SharedClusters) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Work against the store that [`crate::app::update()`] asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum TriageCmd {
    /// Apply one action (a batch is one op, so one undo). `quiet` ops report only failures
    /// (marking an article read on opening it).
    Apply {
        op: Op,
        quiet: bool,
    },
    /// Several ops from one prompt line (labels added and removed), in order; each is its
    /// own undo step.
    ApplyAll(Vec<Op>),
    Undo,
    Redo,
    /// Write these corpus indices (in this order) to `path`; the extension picks the format.
    Export {
        path: PathBuf,
        indices: Vec<usize>,
        context: ExportContext,
        /// The corpus's groups of copies, when known: they fill the `cluster` field.
        clusters: Option<SharedClusters>,
        /// With a team: the state the browser shows and the team's columns, so the file
        /// says what the screen does (as `warta export` with a team).
        team: Option<SharedTeam>,
        /// The user confirmed replacing an existing file; without it an existing file is
        /// left alone and the prompt asks (checked here, where the file is written, since it
        /// may have appeared since the prompt opened).
        replace: bool,
    },
}

/// The states a command changed: only the ids it touched, so a key costs what it did, not
/// a copy of every state.
#[derive(Debug, Clone, PartialEq)]
pub struct TriageChange {
    /// Each touched id's state now (`None`: back to the default, unread and undecided).
    pub states: Vec<(String, Option<ArticleState>)>,
    /// All labels by use, for completion and the facet.
    pub labels: Vec<(String, usize)>,
    /// The ids are all in the view (the cursor's article or the selection), so the progress
    /// follows by difference; an undo or redo may touch articles elsewhere.
    pub in_view: bool,
}

/// What happened, for [`App::apply_outcome`].
#[derive(Debug, Clone, PartialEq)]
pub struct TriageOutcome {
    pub message: Option<(String, MessageKind)>,
    /// The change took effect (durably, or in memory with a warning), so one-key triage may
    /// move on.
    pub applied: bool,
    /// What the command changed, when it may have changed anything.
    pub triage: Option<TriageChange>,
    pub store_status: Option<String>,
    /// An export found its file already there: the prompt reopens on this name for these
    /// indices, to confirm or change it.
    pub exists: Option<(PathBuf, Vec<usize>)>,
    /// Undo steps the command added to the store's history (negative: undone), which
    /// orders triage against undoable clears of the view (see [`super::recall`]).
    pub steps: i64,
}

/// A copy of the store's state for the app and the search thread.
pub fn snapshot(store: &Store) -> TriageMap {
    Arc::new(
        store
            .ids()
            .filter_map(|id| store.get(id).map(|st| (id.to_string(), st.clone())))
            .collect(),
    )
}

/// The permanent status-line text for a store that does not save every change.
pub fn store_status(store: &Store) -> Option<String> {
    let reason = store.status()?;
    Some(match store.mode() {
        StoreMode::ReadWrite => return None,
        StoreMode::ReadOnly => format!("read-only: {reason}"),
        StoreMode::MemoryOnly => format!("not saved: {reason}"),
    })
}

/// Gives the app the store's state and status (at start, and after reopening).
pub fn install_store(app: &mut App, store: &Store) {
    install_own(app, snapshot(store));
    app.triage.labels = store.labels();
    app.triage.store_status = store_status(store);
    if let Some(w) = store.warnings().first() {
        app.set_message(format!("triage: {w}"), MessageKind::Error);
    }
    app.recount();
    app.fix_view();
}

/// The store's states into the app: the map itself, or with a team the merge of them and
/// the team's (see [`super::team`]).
fn install_own(app: &mut App, own: TriageMap) {
    if !super::team::set_own(app, &own) {
        app.triage.states = own;
    }
}

/// Shows what [`Store::refresh`] found: another browser's changes, or that this one now
/// writes. Returns a search, since the view and the counts may depend on triage state.
pub fn follow_store(app: &mut App, store: &Store, refresh: Refresh) -> Effect {
    if refresh == Refresh::Unchanged {
        return Effect::None;
    }
    install_own(app, snapshot(store));
    app.triage.labels = store.labels();
    app.triage.store_status = store_status(store);
    if refresh == Refresh::Writable {
        app.set_message(
            "the other warta has quit: triage changes are saved again".to_string(),
            MessageKind::Info,
        );
    }
    app.recount();
    let effect = Effect::Search(app.request());
    app.fix_view();
    effect
}

/// Runs `cmd` against the store. Every change is on disk (or reported as not) on return.
pub fn execute(store: &mut Store, corpus: &Corpus, cmd: TriageCmd) -> TriageOutcome {
    execute_with(store, None, None, corpus, cmd)
}

/// [`execute`], with every change that reached the disk also queued for the team. With the
/// team's `view` in shared mode, an undo or redo leaves alone (does not send) the fields
/// another analyst changed since (see [`super::team::undo_guard`]).
pub fn execute_with(
    store: &mut Store,
    team: Option<&crate::team::Recorder>,
    view: Option<&crate::team::TeamView>,
    corpus: &Corpus,
    cmd: TriageCmd,
) -> TriageOutcome {
    // Why an action saved locally could not be queued for the team: said after the rest.
    let mut unqueued: Option<String> = None;
    let mut apply = |store: &mut Store, op: Op| match team {
        None => store.apply(op),
        Some(rec) => rec.apply(store, op).map(|(saved, queued)| {
            if let Err(e) = queued {
                unqueued = Some(e);
            }
            saved
        }),
    };
    let mut out = TriageOutcome {
        message: None,
        applied: false,
        triage: None,
        store_status: None,
        exists: None,
        steps: 0,
    };
    let info = |s: String| Some((s, MessageKind::Info));
    let error = |s: String| Some((s, MessageKind::Error));
    let mut changed = false;
    let in_view = matches!(cmd, TriageCmd::Apply { .. } | TriageCmd::ApplyAll(_));
    match cmd {
        TriageCmd::Apply { op, quiet } => {
            let what = op.describe();
            match apply(store, op) {
                Ok(Saved::Durable) => {
                    out.applied = true;
                    changed = true;
                    out.steps = 1;
                    out.message = if quiet { None } else { info(what) };
                }
                Ok(Saved::Unchanged) => {
                    out.applied = true;
                    out.message = if quiet {
                        None
                    } else {
                        info(format!("{what} (no change)"))
                    };
                }
                Ok(Saved::NotSaved(why)) => {
                    out.applied = true;
                    changed = true;
                    out.steps = 1;
                    out.message = error(format!("{what}, but NOT saved: {why}"));
                }
                Err(e) => {
                    // A read-only store already says so permanently; repeating it on every
                    // opened article would only hide other messages.
                    out.message = if quiet { None } else { error(e.to_string()) };
                }
            }
        }
        TriageCmd::ApplyAll(ops) => {
            let mut done = Vec::new();
            for op in ops {
                let what = op.describe();
                match apply(store, op) {
                    Ok(Saved::Durable) => {
                        changed = true;
                        out.steps += 1;
                        done.push(what);
                    }
                    Ok(Saved::Unchanged) => done.push(format!("{what} (no change)")),
                    Ok(Saved::NotSaved(why)) => {
                        changed = true;
                        out.steps += 1;
                        out.message = error(format!("{what}, but NOT saved: {why}"));
                        break;
                    }
                    Err(e) => {
                        out.message = error(e.to_string());
                        break;
                    }
                }
            }
            out.applied = changed;
            if out.message.is_none() {
                out.message = info(done.join("; "));
            }
        }
        TriageCmd::Undo | TriageCmd::Redo => {
            let undo = cmd == TriageCmd::Undo;
            let (verb, none) = if undo {
                ("undone", "nothing to undo")
            } else {
                ("redone", "nothing to redo")
            };
            let mut kept_theirs = 0;
            let r = match team {
                None if undo => store.undo(),
                None => store.redo(),
                Some(rec) => {
                    let keep = |before: &ArticleState, e: &crate::team::Event| {
                        view.is_none_or(|v| super::team::undo_guard(v, before, e))
                    };
                    rec.step_guarded(store, !undo, &keep)
                        .map(|(summary, queued, held)| {
                            if let Err(e) = queued {
                                unqueued = Some(e);
                            }
                            kept_theirs = held.len();
                            summary
                        })
                }
            };
            match r {
                Ok(Some(summary)) => {
                    out.applied = true;
                    changed = true;
                    out.steps = if undo { -1 } else { 1 };
                    out.message = match summary.saved {
                        Saved::NotSaved(why) => error(format!(
                            "{verb}: {}, but NOT saved: {why}",
                            summary.description
                        )),
                        _ if kept_theirs > 0 => info(format!(
                            "{verb}: {}; {kept_theirs} article{} left as another analyst \
                             changed {} since",
                            summary.description,
                            if kept_theirs == 1 { "" } else { "s" },
                            if kept_theirs == 1 { "it" } else { "them" },
                        )),
                        _ => info(format!("{verb}: {}", summary.description)),
                    };
                }
                Ok(None) => out.message = info(none.to_string()),
                Err(e) => out.message = error(e.to_string()),
            }
        }
        TriageCmd::Export {
            path,
            indices,
            mut context,
            clusters,
            team,
            replace,
        } => match ExportFormat::from_path(&path) {
            None => {
                out.message = error(format!(
                    "{}: unknown format; end the name with .csv, .json, .jsonl or .md",
                    path.display()
                ))
            }
            Some(_) if !replace && existing_file(&path).is_some() => {
                out.message = info(format!(
                    "{} exists: Enter replaces it, or edit the name",
                    path.display()
                ));
                out.exists = Some((path, indices));
            }
            Some(format) => {
                context.exported_at = time::now_rfc3339();
                let clusters = clusters.as_ref().map(|c| &*c.0);
                let written = match &team {
                    None => export_to_path_clustered(
                        &path,
                        OutputMode::Browser,
                        format,
                        corpus,
                        &indices,
                        store,
                        &context,
                        clusters,
                    ),
                    Some(team) => {
                        let shown = Store::from_states(
                            "the team's state as the browser shows it",
                            team.states.iter().map(|(id, st)| (id.clone(), st.clone())),
                        );
                        crate::triage::output::write_output(&path, OutputMode::Browser, &mut |w| {
                            export_team(
                                w,
                                format,
                                corpus,
                                &indices,
                                &shown,
                                &context,
                                clusters,
                                Some(&*team.shown),
                            )
                        })
                    }
                };
                match written {
                    Ok(()) => {
                        out.applied = true;
                        let n = indices.len();
                        let what = if n == 1 { "article" } else { "articles" };
                        out.message = info(format!("exported {n} {what} to {}", path.display()));
                    }
                    Err(e) => {
                        out.message = error(format!("cannot export to {}: {e}", path.display()))
                    }
                }
            }
        },
    }
    if changed {
        out.triage = Some(TriageChange {
            states: store
                .last_changed()
                .iter()
                .map(|id| (id.clone(), store.get(id).cloned()))
                .collect(),
            labels: store.labels(),
            in_view,
        });
    }
    if let Some(notice) = store.take_notice() {
        // Said with the action it came with: the data directory was deleted and written
        // back, a journal another program wrote was set aside.
        out.message = Some(match out.message.take() {
            Some((text, _)) => (format!("{text}; {notice}"), MessageKind::Error),
            None => (notice, MessageKind::Error),
        });
    }
    if let Some(why) = unqueued {
        out.message = Some(match out.message.take() {
            Some((text, _)) => (format!("{text}; {why}"), MessageKind::Error),
            None => (why, MessageKind::Error),
        });
    }
    out.store_status = store_status(store);
    out
}

impl App {
    /// Installs the result of a [`TriageCmd`]: the new state, the message, the one-key
    /// triage move. Returns a search when the state changed (the view, the facet counts and
    /// the progress depend on it).
    pub fn apply_outcome(&mut self, o: TriageOutcome) -> Effect {
        self.triage.store_status = o.store_status;
        self.recall.triage_steps += o.steps;
        let mut message = o.message;
        if let Some(m) = self.triage.pending_move.take()
            && o.applied
        {
            match m {
                PendingMove::To(index) => {
                    if let Some(pos) = self.list.shown.iter().position(|h| h.index == index) {
                        self.list.cursor = pos;
                        self.anchor();
                    }
                }
                PendingMove::AllTriaged => {
                    let text = match message.take() {
                        Some((t, k)) => (format!("{t} · all triaged"), k),
                        None => ("all triaged".to_string(), MessageKind::Info),
                    };
                    message = Some(text);
                }
            }
        }
        if let Some((text, kind)) = message {
            self.set_message(text, kind);
        }
        if let Some((path, targets)) = o.exists {
            let name = path.display().to_string();
            self.prompt = Some(Prompt {
                kind: PromptKind::Export,
                input: LineInput::new(name.clone()),
                targets,
                completion: None,
                replace: Some(name),
            });
            self.mode = Mode::Prompt;
        }
        let effect = match o.triage {
            Some(change) => {
                self.install_change(change);
                Effect::Search(self.request())
            }
            None => Effect::None,
        };
        self.fix_view();
        effect
    }
}

impl App {
    /// Puts a command's changed states into the app's copy. The copy is shared with the
    /// search worker only while a search runs, so it is copied only when a key comes in the
    /// middle of one. The search the change asks for recounts everything; until it answers,
    /// the progress follows by difference.
    fn install_change(&mut self, change: TriageChange) {
        let default = ArticleState::default();
        for (id, state) in change.states {
            // With a team, what shows is the merge of this state and the team's.
            let state = super::team::set_own_one(self, &id, state.clone()).unwrap_or(state);
            let map = Arc::make_mut(&mut self.triage.states);
            if change.in_view {
                self.triage
                    .progress
                    .remove(map.get(&id).unwrap_or(&default));
                self.triage.progress.add(state.as_ref().unwrap_or(&default));
            }
            match state {
                Some(st) => map.insert(id, st),
                None => map.remove(&id),
            };
        }
        self.triage.labels = change.labels;
        if !change.in_view {
            self.recount();
        }
    }
}

/// Whether `action` is a triage action on articles (the cursor's or the selection).
pub fn is_article_action(action: &Action) -> bool {
    matches!(
        action,
        Action::ToggleRead
            | Action::ToggleStar
            | Action::MarkRelevant
            | Action::MarkIrrelevant
            | Action::MarkMaybe
            | Action::MarkUndecided
            | Action::EditLabels
            | Action::EditNote
    )
}

fn ids(app: &App, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .filter(|&&i| i < app.corpus.len())
        .map(|&i| app.corpus.meta(i).id.clone())
        .collect()
}

fn apply(op: Op) -> Effect {
    Effect::Triage(TriageCmd::Apply { op, quiet: false })
}

/// The effect of opening the article at `index`: mark it read unless it already is.
pub fn mark_opened(app: &App, index: usize) -> Effect {
    if app.state_ref(index).is_some_and(|s| s.read) || index >= app.corpus.len() {
        return Effect::None;
    }
    Effect::Triage(TriageCmd::Apply {
        op: Op::SetRead {
            ids: ids(app, &[index]),
            read: true,
        },
        quiet: true,
    })
}

/// A triage key on the cursor article or the selection.
pub fn article_action(app: &mut App, action: Action) -> Effect {
    let targets = app.targets();
    if targets.is_empty() {
        app.set_message("no article selected", MessageKind::Info);
        return Effect::None;
    }
    let target_ids = ids(app, &targets);
    let all = |f: &dyn Fn(&ArticleState) -> bool| {
        targets.iter().all(|&i| app.state_ref(i).is_some_and(f))
    };
    match action {
        Action::ToggleRead => apply(Op::SetRead {
            read: !all(&|s| s.read),
            ids: target_ids,
        }),
        Action::ToggleStar => apply(Op::SetStar {
            star: !all(&|s| s.starred),
            ids: target_ids,
        }),
        Action::MarkRelevant | Action::MarkIrrelevant | Action::MarkMaybe => {
            let decision = match action {
                Action::MarkRelevant => Decision::Relevant,
                Action::MarkIrrelevant => Decision::Irrelevant,
                _ => Decision::Maybe,
            };
            // One-key triage moves on only for the cursor article: after a batch the
            // reader decides where to go.
            if app.list.selection.is_empty() {
                app.triage.pending_move = Some(next_undecided(app));
            }
            apply(Op::Decide {
                ids: target_ids,
                decision,
                mark_read: app.triage.decide_marks_read,
            })
        }
        // Taking a decision back says nothing about having read the article.
        Action::MarkUndecided => apply(Op::Decide {
            ids: target_ids,
            decision: Decision::Undecided,
            mark_read: false,
        }),
        Action::EditLabels => open_prompt(app, PromptKind::Labels, targets, String::new()),
        Action::EditNote => {
            let note = app
                .selected()
                .and_then(|i| app.state_ref(i))
                .and_then(|s| s.note.clone())
                .unwrap_or_default();
            open_prompt(app, PromptKind::Note, targets, note)
        }
        _ => Effect::None,
    }
}

/// The next undecided row below the cursor in the view (copies listed under the group
/// being decided are decided with it, so they are passed over).
fn next_undecided(app: &App) -> PendingMove {
    let deciding = app.targets();
    app.list
        .shown
        .iter()
        .skip(app.list.cursor + 1)
        .filter(|h| !deciding.contains(&h.index))
        .find(|h| {
            app.state_ref(h.index)
                .is_none_or(|s| s.decision == Decision::Undecided)
        })
        .map_or(PendingMove::AllTriaged, |h| PendingMove::To(h.index))
}

/// Opens the export prompt for the selection, else the whole view.
pub fn open_export(app: &mut App) -> Effect {
    let targets = if app.list.selection.is_empty() {
        app.list.matches.iter().map(|h| h.index).collect()
    } else {
        app.targets()
    };
    if targets.is_empty() {
        app.set_message("nothing to export: the view is empty", MessageKind::Info);
        return Effect::None;
    }
    let name = format!("warta-export-{}.csv", app.triage.today);
    open_prompt(app, PromptKind::Export, targets, name)
}

fn open_prompt(app: &mut App, kind: PromptKind, targets: Vec<usize>, input: String) -> Effect {
    app.prompt = Some(Prompt {
        kind,
        input: LineInput::new(input),
        targets,
        completion: None,
        replace: None,
    });
    app.mode = Mode::Prompt;
    Effect::None
}

/// Space in the list: select or deselect the cursor row (a collapsed group's row: all the
/// copies it stands for), then move down.
pub fn toggle_select(app: &mut App) {
    let targets = app.row_targets(app.list.cursor);
    if targets.is_empty() {
        return;
    }
    if targets.iter().all(|i| app.list.selection.contains(i)) {
        for i in &targets {
            app.list.selection.remove(i);
        }
    } else {
        app.list.selection.extend(targets);
    }
    app.list.cursor = (app.list.cursor + 1).min(app.list.shown.len().saturating_sub(1));
    app.anchor();
}

pub fn select_all(app: &mut App) {
    app.list.selection = app.list.matches.iter().map(|h| h.index).collect();
    let n = app.list.selection.len();
    app.set_message(format!("selected {n} articles"), MessageKind::Info);
}

pub fn clear_selection(app: &mut App) {
    if !app.list.selection.is_empty() {
        app.list.selection.clear();
        app.set_message("selection cleared", MessageKind::Info);
    }
}

/// Keys while a prompt is open.
pub fn prompt(app: &mut App, action: Action) -> Effect {
    let Some(mut p) = app.prompt.take() else {
        app.mode = Mode::Normal;
        return Effect::None;
    };
    let effect = match action {
        Action::Cancel | Action::Back | Action::LeaveSearch => {
            app.mode = Mode::Normal;
            return Effect::None;
        }
        Action::Submit => match submit(app, &p) {
            Ok(effect) => {
                app.mode = Mode::Normal;
                return effect;
            }
            Err(why) => {
                app.set_message(why, MessageKind::Error);
                Effect::None
            }
        },
        Action::Complete if p.kind == PromptKind::Labels => {
            complete(app, &mut p);
            Effect::None
        }
        other => {
            if line_full(app, p.input.chars().count(), &other) {
                // Said in the status line; the key types nothing.
            } else if p.input.edit(other) {
                p.completion = None;
                p.replace = None;
            }
            Effect::None
        }
    };
    app.prompt = Some(p);
    effect
}

/// What the prompt's input asks for; `Err` keeps the prompt open with the message.
fn submit(app: &App, p: &Prompt) -> Result<Effect, String> {
    let text = p.input.trim();
    match p.kind {
        PromptKind::Labels => {
            let labels = parse_labels(text)?;
            let ids = ids(app, &p.targets);
            let mut ops: Vec<Op> = labels
                .into_iter()
                .map(|(remove, label)| {
                    let ids = ids.clone();
                    if remove {
                        Op::RemoveLabel { ids, label }
                    } else {
                        Op::AddLabel { ids, label }
                    }
                })
                .collect();
            Ok(match ops.len() {
                0 => Effect::None,
                1 => apply(ops.remove(0)),
                _ => Effect::Triage(TriageCmd::ApplyAll(ops)),
            })
        }
        PromptKind::Note => Ok(apply(Op::SetNote {
            ids: ids(app, &p.targets),
            note: text.to_string(),
        })),
        // Handled by `filter_rows::find_prompt`, which never submits here.
        PromptKind::FacetFind => Ok(Effect::None),
        PromptKind::Export => {
            if text.is_empty() {
                return Err("give a file name, e.g. export.csv".to_string());
            }
            let path = expand_home(text);
            if ExportFormat::from_path(&path).is_none() {
                return Err(format!(
                    "{text}: unknown format; end the name with .csv, .json, .jsonl or .md"
                ));
            }
            Ok(Effect::Triage(TriageCmd::Export {
                path,
                indices: p.targets.clone(),
                context: ExportContext {
                    query: app.search.query.source().to_string(),
                    filters: app.search.filters.to_string(),
                    exported_at: String::new(),
                },
                clusters: app.copies.clusters.clone().map(SharedClusters),
                team: app.team.as_ref().filter(|t| t.heard).map(|t| SharedTeam {
                    states: Arc::clone(&app.triage.states),
                    shown: Arc::new(crate::team::shown::Shown::new(t.view.clone(), &[])),
                }),
                replace: p.replace.as_deref() == Some(text),
            }))
        }
    }
}

/// The labels one prompt line asks for, in order, each with whether it is removed: a comma
/// always separates labels (so no label contains one), and so does a word starting with `+`
/// or `-`; other words join the label before them, so `banjir bandang` stays one label.
/// `+satu +dua`, `banjir, medsos` and `-lama +baru` are two labels each; empty pieces
/// between commas are passed over.
pub fn parse_labels(text: &str) -> Result<Vec<(bool, String)>, String> {
    let mut out = Vec::new();
    for part in text.split(',') {
        let mut current: Option<(bool, Vec<&str>)> = None;
        for word in part.split_whitespace() {
            let signed = match word.chars().next() {
                Some('-') => Some(true),
                Some('+') => Some(false),
                _ => None,
            };
            match (signed, current.as_mut()) {
                (None, Some((_, words))) => words.push(word),
                (None, None) => current = Some((false, vec![word])),
                (Some(remove), _) => {
                    out.extend(current.take());
                    current = Some((remove, vec![&word[1..]]));
                }
            }
        }
        out.extend(current);
    }
    // A sign with nothing after it (`+`) is an empty label, refused as before.
    out.into_iter()
        .map(|(remove, words)| {
            let label = normalize_label(&words.join(" ")).map_err(|e| e.to_string())?;
            Ok((remove, label))
        })
        .collect()
}

/// Where the label being typed starts: after the last comma or before the last word
/// starting with `+` or `-`, whichever is later (see [`parse_labels`]).
fn last_label_start(text: &str) -> usize {
    let comma = text.rfind(',').map_or(0, |i| i + 1);
    let signed = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '+' | '-') && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .next_back()
        .unwrap_or(0);
    comma.max(signed)
}

/// Tab: replaces the label being typed with the next existing label that starts with what
/// was typed before the first tab, most used first. After `-`, only labels the targets
/// carry are offered.
fn complete(app: &mut App, p: &mut Prompt) {
    // Only the last label is completed; the ones before it stay as typed.
    let start = last_label_start(&p.input.text);
    let (head, last) = p.input.text.split_at(start);
    let head = match last.strip_prefix(char::is_whitespace) {
        Some(_) if head.ends_with(',') => format!("{head} "),
        _ => head.to_string(),
    };
    let last = last.trim_start();
    let (sign, typed) = match last.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), last[1..].to_string()),
        _ => (String::new(), last.to_string()),
    };
    let (prefix, next) = p.completion.clone().unwrap_or((typed, 0));
    let want = prefix.trim().to_lowercase();
    let candidates: Vec<&String> = app
        .triage
        .labels
        .iter()
        .map(|(l, _)| l)
        .filter(|l| l.to_lowercase().starts_with(&want))
        .filter(|l| {
            sign != "-"
                || p.targets
                    .iter()
                    .any(|&i| app.state_ref(i).is_some_and(|s| s.has_label(l)))
        })
        .collect();
    let Some(pick) = candidates.get(next % candidates.len().max(1)) else {
        app.set_message(
            format!("no label starts with \"{}\"", prefix.trim()),
            MessageKind::Info,
        );
        return;
    };
    p.input.set(format!("{head}{sign}{pick}"));
    p.completion = Some((prefix, next + 1));
}

/// Whether triage keys mean something in this pane (not in the filters).
pub fn pane_allows_triage(focus: Focus) -> bool {
    matches!(focus, Focus::List | Focus::Detail)
}
