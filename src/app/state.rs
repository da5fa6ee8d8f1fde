//! The browser's state: plain data, changed only by [`crate::app::update()`] and
//! [`App::apply_results`], read by the renderer.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::cluster::{ClusterId, Clusters};
use crate::corpus::Corpus;
use crate::facets::{Facet, Filters};
use crate::query::{Hit, Query, Sort};
use crate::triage::{ArticleState, Progress};

use super::clusters::{self, RowKind};
use super::detail;
use super::layout::{self, Panes, Screen};
use super::parts::{
    Arrivals, Copies, DetailPane, FilterPane, ListView, SearchState, Settings, TriageView,
};
use super::search::{SearchRequest, SearchResults};

/// What keys currently mean: browsing panes, typing a query, answering a one-line prompt
/// (labels, note, export file), or reading the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Prompt,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `+name` adds, `-name` removes, a bare `name` adds.
    Labels,
    /// The note; empty removes it.
    Note,
    /// The file to export to; the extension picks the format.
    Export,
    /// Text that narrows the filters pane to the values containing it.
    FacetFind,
}

impl PromptKind {
    /// The text in front of the input.
    pub fn title(self) -> &'static str {
        match self {
            PromptKind::Labels => "labels (+add -remove, commas between, tab completes): ",
            PromptKind::Note => "note (empty removes): ",
            PromptKind::Export => "export to (.csv .json .jsonl .md): ",
            PromptKind::FacetFind => "find in filters (enter keeps, esc drops): ",
        }
    }
}

/// An open one-line prompt. The articles it acts on are fixed when it opens, so moving
/// nothing while typing can retarget it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: super::line::LineInput,
    /// Corpus indices the prompt acts on, in view order.
    pub targets: Vec<usize>,
    /// Tab completion in progress: the text typed before the first tab and the next
    /// candidate to offer.
    pub completion: Option<(String, usize)>,
    /// The export name the user was told is an existing file: Enter on this very text
    /// replaces it, any edit asks again.
    pub replace: Option<String>,
}

/// Where the cursor goes once a decision is confirmed saved (one-key triage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingMove {
    /// To this corpus index (the next undecided article below).
    To(usize),
    /// Nowhere: nothing below is undecided.
    AllTriaged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Filters,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
    /// A background notice, which any other message replaces (see [`super::messages`]).
    pub background: bool,
}

/// One row of the filters pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterRow {
    Heading(Facet),
    Value {
        facet: Facet,
        value: String,
        count: usize,
        selected: bool,
    },
}

/// Key bindings rendered to text, generated from the keymap so help never drifts from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyHelp {
    /// (section title, [(keys, description)]) in display order.
    pub sections: Vec<(String, Vec<(String, String)>)>,
    pub list: String,
    pub detail: String,
    pub filters: String,
    pub search: String,
    pub prompt: String,
    /// The label prompt's hints, which add tab completion.
    pub prompt_labels: String,
    pub help: String,
}

/// The browser's state: what [`super::update()`] changes and the panes draw.
#[derive(Debug)]
pub struct App {
    pub corpus: Corpus,
    pub mode: Mode,
    pub focus: Focus,
    pub search: SearchState,
    pub list: ListView,
    pub filter_pane: FilterPane,
    pub detail: DetailPane,
    pub triage: TriageView,
    pub settings: Settings,
    pub copies: Copies,
    pub arrivals: Arrivals,
    pub prompt: Option<Prompt>,
    pub message: Option<Message>,
    /// Every message since start (`L` shows them).
    pub messages: super::messages::MessageLog,
    /// The help overlay shows the message log instead of the keys.
    pub show_log: bool,
    /// The query history and undoable clears.
    pub recall: super::recall::Recall,
    pub help_scroll: usize,
    pub width: u16,
    pub height: u16,
    /// The team server's side of triage, when one is configured (see [`super::team`]).
    pub team: Option<super::team::TeamState>,
}

impl App {
    pub fn new(corpus: Corpus, keys: KeyHelp) -> App {
        App {
            corpus,
            mode: Mode::Normal,
            focus: Focus::List,
            search: SearchState {
                input: super::line::LineInput::default(),
                query: Query::default(),
                forms: Default::default(),
                filters: Filters::default(),
                sort: Sort::DateDesc,
                generation: 0,
                searching: false,
                rank_while_typing: true,
                lexicon: std::sync::Arc::new(crate::lexicon::Lexicon::default()),
                indexing: None,
                confirming: None,
            },
            list: ListView::default(),
            filter_pane: FilterPane::default(),
            detail: DetailPane {
                topic_phrases: crate::lexicon::Lexicon::builtin().all_topic_phrases(),
                ..DetailPane::default()
            },
            triage: TriageView {
                today: crate::triage::time::today_local(),
                decide_marks_read: true,
                ..TriageView::default()
            },
            settings: Settings {
                keys,
                ..Settings::default()
            },
            copies: Copies::default(),
            arrivals: Arrivals::default(),
            prompt: None,
            message: None,
            messages: Default::default(),
            show_log: false,
            recall: Default::default(),
            help_scroll: 0,
            width: 80,
            height: 24,
            team: None,
        }
    }

    /// The triage state of the article at corpus index `index`.
    pub fn state_of(&self, index: usize) -> ArticleState {
        self.state_ref(index).cloned().unwrap_or_default()
    }

    /// Like [`App::state_of`] without a copy; `None` is the default state.
    pub fn state_ref(&self, index: usize) -> Option<&ArticleState> {
        if index >= self.corpus.len() {
            return None;
        }
        self.triage.states.get(&self.corpus.meta(index).id)
    }

    /// What a triage action applies to: the selection in view order, else the cursor row
    /// (a collapsed group's row: every copy it stands for).
    pub fn targets(&self) -> Vec<usize> {
        if self.list.selection.is_empty() {
            self.row_targets(self.list.cursor)
        } else {
            self.list
                .matches
                .iter()
                .map(|h| h.index)
                .filter(|i| self.list.selection.contains(i))
                .collect()
        }
    }

    /// The corpus indices the row at `pos` stands for (empty past the end).
    pub fn row_targets(&self, pos: usize) -> Vec<usize> {
        let Some(hit) = self.list.shown.get(pos) else {
            return Vec::new();
        };
        match self.row_kind(pos) {
            RowKind::Group {
                cluster,
                expanded: false,
                ..
            } => self
                .list
                .group_members
                .get(&cluster)
                .cloned()
                .unwrap_or_else(|| vec![hit.index]),
            _ => vec![hit.index],
        }
    }

    /// The copies a group's row stands for besides its head (in view, earliest first).
    pub fn copies_of(&self, cluster: ClusterId) -> &[usize] {
        self.list
            .group_members
            .get(&cluster)
            .map_or(&[], |m| m.get(1..).unwrap_or(&[]))
    }

    fn install_rows(&mut self, rows: clusters::Rows) {
        self.list.shown = rows.hits;
        self.list.kinds = rows.kinds;
        self.list.group_members = rows.members;
    }

    /// What the row at `pos` is.
    pub fn row_kind(&self, pos: usize) -> RowKind {
        self.list.kinds.get(pos).copied().unwrap_or(RowKind::Single)
    }

    /// The row showing article `index`: its own, else its collapsed group's.
    pub fn row_of(&self, index: usize) -> Option<usize> {
        self.list
            .shown
            .iter()
            .position(|h| h.index == index)
            .or_else(|| {
                let c = self.copies.clusters.as_ref()?.cluster_of(index)?;
                self.list
                    .kinds
                    .iter()
                    .position(|k| matches!(k, RowKind::Group { cluster, .. } if *cluster == c))
            })
    }

    /// Rebuilds the rows from `matches`, keeping the cursor on the same article (or on the
    /// group row that now hides it).
    pub fn regroup(&mut self) {
        let selected = self.selected();
        let rows = clusters::group_rows(
            &self.list.matches,
            self.copies.clusters.as_deref(),
            self.search.sort,
            &self.list.expanded,
        );
        self.install_rows(rows);
        if let Some(pos) = selected.and_then(|i| self.row_of(i)) {
            self.list.cursor = pos;
        }
    }

    /// The cursor's article when the reader chose it ([`super::ListView::anchored`]).
    fn anchored_article(&self) -> Option<usize> {
        self.list.anchored.then(|| self.selected()).flatten()
    }

    fn go_to_first_row(&mut self) {
        self.list.cursor = 0;
        self.list.offset = 0;
    }

    /// The reader put the cursor on its article: new results for the same view keep it
    /// there. A saved session's article still being looked for is forgotten, since the
    /// reader has moved on from it.
    pub fn anchor(&mut self) {
        self.list.anchored = true;
        self.arrivals.restore_cursor = None;
    }

    /// A new search for a changed query, filters or sort: its results start at the first
    /// row, where the best or newest article of the new view is (see
    /// [`super::ListView::anchored`]).
    pub fn request_new_view(&mut self) -> SearchRequest {
        self.list.anchored = false;
        self.arrivals.restore_cursor = None;
        self.request()
    }

    /// Installs the clusters computed for the corpus with `identity`; stale ones (the corpus
    /// was replaced meanwhile) are dropped and false returned.
    pub fn install_clusters(&mut self, identity: u64, clusters: Arc<Clusters>) -> bool {
        if identity != self.corpus.identity() {
            return false;
        }
        self.copies.grouping = false;
        // Expanded groups stay expanded: the new grouping may number them differently.
        if let Some(old) = self.copies.clusters.take() {
            self.list.expanded = std::mem::take(&mut self.list.expanded)
                .into_iter()
                .filter_map(|c| old.members(c).iter().find_map(|&i| clusters.cluster_of(i)))
                .collect();
        } else {
            self.list.expanded.clear();
        }
        self.copies.clusters = Some(clusters);
        self.regroup();
        // The first row may now be a group whose head sorts above the article that was
        // first; a reader who chose no article still wants the first row.
        if !self.list.anchored {
            self.go_to_first_row();
        }
        self.fix_view();
        true
    }

    /// Recounts triage progress over the current view.
    pub fn recount(&mut self) {
        let default = ArticleState::default();
        let mut p = Progress::default();
        for h in &self.list.matches {
            p.add(self.state_ref(h.index).unwrap_or(&default));
        }
        self.triage.progress = p;
    }

    pub fn screen(&self) -> Screen {
        self.screen_for(self.width, self.height)
    }

    /// The layout of this state on a `width`x`height` screen.
    pub fn screen_for(&self, width: u16, height: u16) -> Screen {
        layout::compute_view(
            width,
            height,
            layout::View {
                filters_open: self.filter_pane.open,
                filters_hidden: self.filter_pane.hidden,
                reader: self.reading(),
            },
        )
    }

    /// The reader is showing: asked for, with the article focused.
    pub fn reading(&self) -> bool {
        self.detail.reader && self.focus == Focus::Detail && self.mode != Mode::Search
    }

    pub fn panes(&self) -> Option<Panes> {
        match self.screen() {
            Screen::Main(p) => Some(p),
            Screen::TooSmall => None,
        }
    }

    /// Rows of the list pane (at least 1, so paging always moves).
    pub fn list_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.list.inner().height).max(1))
    }

    pub fn detail_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.detail.inner().height).max(1))
    }

    pub fn filter_height(&self) -> usize {
        self.panes().map_or(1, |p| p.filter_rows().max(1))
    }

    pub fn filters_visible(&self) -> bool {
        self.panes().is_some_and(|p| p.filters.is_some())
    }

    /// Corpus index of the selected article.
    pub fn selected(&self) -> Option<usize> {
        self.list.shown.get(self.list.cursor).map(|h| h.index)
    }

    pub fn set_message(&mut self, text: impl Into<String>, kind: MessageKind) {
        let message = Message {
            text: text.into(),
            kind,
            background: false,
        };
        self.messages.push(&message);
        self.message = Some(message);
    }

    /// A new search for the current query, filters and sort.
    pub fn request(&mut self) -> SearchRequest {
        self.search.generation += 1;
        self.search.searching = true;
        SearchRequest {
            generation: self.search.generation,
            query: self.search.query.with_new_ids(&self.arrivals.new_ids),
            filters: self.search.filters.clone(),
            sort: self.search.sort,
            triage: self.triage.states.clone(),
        }
    }

    /// Installs the corpus a reload of the live corpus produced, given what changed since
    /// the current one ([`crate::watch::diff`]): added ids join [`Arrivals::new_ids`], gone ones
    /// leave it, and the change is said in the status line ("2 new, 1 removed"). Otherwise
    /// as [`App::replace_corpus`].
    pub fn reload_corpus(
        &mut self,
        corpus: Corpus,
        diff: &crate::watch::CorpusDiff,
    ) -> SearchRequest {
        self.note_reload(diff);
        self.replace_corpus(corpus)
    }

    /// [`App::reload_corpus`] for a corpus patched from the current one
    /// ([`crate::loader::patch`]), which says where each current article went: `moved[i]` is
    /// the new index of article `i` (`None`: gone). Saves looking every article up by id.
    pub fn reload_patched(
        &mut self,
        corpus: Corpus,
        diff: &crate::watch::CorpusDiff,
        moved: &[Option<usize>],
    ) -> SearchRequest {
        self.note_reload(diff);
        self.corpus = corpus;
        self.carry_over(|i| moved.get(i).copied().flatten())
    }

    /// Keeps [`Arrivals::new_ids`] to "not in the corpus when warta started": every id of the
    /// current corpus is either from the start or in `new_ids`, so a gone id not in
    /// `new_ids` was there at the start, and is remembered until it returns.
    fn note_reload(&mut self, diff: &crate::watch::CorpusDiff) {
        if diff.is_empty() {
            return;
        }
        let ids = Arc::make_mut(&mut self.arrivals.new_ids);
        for id in &diff.gone {
            if !ids.remove(id) {
                self.arrivals.gone_since_start.insert(id.clone());
            }
        }
        let (mut arrived, mut back) = (false, 0);
        for (id, &replaces) in diff.added.iter().zip(&diff.replaces) {
            if self.arrivals.gone_since_start.remove(id) {
                // A restored file; a file rewritten back to its first text stays "changed".
                back += usize::from(!replaces);
            } else {
                ids.insert(id.clone());
                arrived = true;
            }
        }
        let hint = if arrived {
            "; search is:new to list what arrived"
        } else {
            ""
        };
        self.set_message(
            format!("corpus updated: {}{hint}", diff.summary_with_back(back)),
            MessageKind::Info,
        );
    }

    /// Installs a newer corpus (a background load's next step, or a reload) and returns the
    /// search to run on it. The query, filters and sort stay; every corpus index the app
    /// holds (results, selection, prompt targets, pending move) is carried over by article
    /// id, so the view stays valid until the new results arrive; articles that are gone are
    /// dropped. The cursor stays on the same article when it still exists, else on the same
    /// row; on the first row while the reader has not chosen an article. The laid-out detail is dropped: the same index may now be another article.
    pub fn replace_corpus(&mut self, corpus: Corpus) -> SearchRequest {
        let old = std::mem::replace(&mut self.corpus, corpus);
        let new = self.corpus.clone();
        // The index's progress was for the old corpus; the new one's is said when it starts.
        self.search.indexing = None;
        // Built on first use: hashing 100k ids costs the UI thread ~80 ms, and the first
        // corpus replaces an empty one that nothing points into.
        let index = std::cell::OnceCell::new();
        // Copies of one article share an id: the copy from the same file is the same row.
        let remap = |i: usize| -> Option<usize> {
            let meta = old.metas().get(i)?;
            let (by_place, by_id) = index.get_or_init(|| id_index(&new));
            by_place
                .get(&(meta.id.as_str(), meta.source_path.as_str()))
                .or_else(|| by_id.get(meta.id.as_str()))
                .copied()
        };
        self.carry_over(remap)
    }

    /// Carries every corpus index the app holds over to the corpus just installed, in which
    /// article `i` of the previous one is at `remap(i)`.
    fn carry_over(&mut self, remap: impl Fn(usize) -> Option<usize>) -> SearchRequest {
        let cursor_target = self.selected().and_then(&remap);
        let row = self.list.cursor;
        // Groups of copies are carried over (new articles join theirs when the background
        // grouping of the new corpus arrives), and so is which of them are expanded.
        if let Some(old_clusters) = self.copies.clusters.take() {
            let clusters = old_clusters.remap(self.corpus.len(), &remap);
            self.list.expanded = self
                .list
                .expanded
                .iter()
                .filter_map(|&c| {
                    old_clusters
                        .members(c)
                        .iter()
                        .find_map(|&i| remap(i).and_then(|j| clusters.cluster_of(j)))
                })
                .collect();
            self.copies.clusters = Some(Arc::new(clusters));
        }
        self.list.matches = std::mem::take(&mut self.list.matches)
            .into_iter()
            .filter_map(|h| {
                remap(h.index).map(|index| Hit {
                    index,
                    score: h.score,
                })
            })
            .collect();
        self.list.shown = self.list.matches.clone();
        self.list.kinds = vec![RowKind::Single; self.list.shown.len()];
        self.list.group_members.clear();
        self.list.selection = self
            .list
            .selection
            .iter()
            .filter_map(|&i| remap(i))
            .collect();
        if let Some(p) = &mut self.prompt {
            p.targets = p.targets.iter().filter_map(|&i| remap(i)).collect();
        }
        self.triage.pending_move = match self.triage.pending_move {
            Some(PendingMove::To(i)) => remap(i).map(PendingMove::To),
            other => other,
        };
        self.list.cursor = if self.list.anchored {
            cursor_target
                .and_then(|t| self.list.shown.iter().position(|h| h.index == t))
                .unwrap_or(row)
        } else {
            0
        };
        if cursor_target.is_none() {
            self.detail.scroll = 0;
        }
        self.detail.doc = None;
        self.recount();
        self.fix_view();
        self.request()
    }

    /// Installs search results; returns false (and changes nothing) when they are stale.
    pub fn apply_results(&mut self, r: SearchResults) -> bool {
        if r.generation != self.search.generation {
            return false;
        }
        let restored = self
            .arrivals
            .restore_cursor
            .as_deref()
            .and_then(|id| self.corpus.find_id(id).ok());
        // While loading, the article may simply not have been parsed yet: keep looking.
        if restored.is_some() || !self.arrivals.loading {
            self.arrivals.restore_cursor = None;
        }
        if restored.is_some() {
            self.list.anchored = true;
        }
        let selected = restored.or(self.anchored_article());
        self.list.matches = r.hits;
        let rows = clusters::group_rows(
            &self.list.matches,
            self.copies.clusters.as_deref(),
            self.search.sort,
            &self.list.expanded,
        );
        self.install_rows(rows);
        match selected.and_then(|sel| self.row_of(sel)) {
            Some(pos) => self.list.cursor = pos,
            None => self.go_to_first_row(),
        }
        self.filter_pane.histogram = r.histogram;
        self.search.forms = r.forms;
        if let Some(c) = self.search.confirming.take()
            && c.generation == r.generation
            && c.typed != self.list.matches.len()
        {
            // The list changed under the reader's eyes on Enter: say why.
            let n = self.list.matches.len();
            let articles = if n == 1 { "article" } else { "articles" };
            self.set_message(
                format!(
                    "{}: whole words now, {} {articles} ({} while typing, with the words it \
                     begins)",
                    c.word,
                    crate::loader::thousands(n as u64),
                    crate::loader::thousands(c.typed as u64)
                ),
                MessageKind::Info,
            );
        }
        // The selection means "these, in this view": articles that left it are dropped.
        if !self.list.selection.is_empty() {
            let in_view: BTreeSet<usize> = self.list.matches.iter().map(|h| h.index).collect();
            self.list.selection.retain(|i| in_view.contains(i));
        }
        self.triage.progress = r.progress;
        let key = self.filter_key();
        self.install_facets(r.facets);
        self.filter_pane.cursor = key
            .and_then(|(f, v)| {
                self.filter_pane.rows.iter().position(
                    |r| matches!(r, FilterRow::Value { facet, value, .. } if *facet == f && *value == v),
                )
            })
            .or_else(|| self.first_value_row())
            .unwrap_or(0);
        self.search.searching = false;
        self.fix_view();
        true
    }

    fn filter_key(&self) -> Option<(Facet, String)> {
        match self.filter_pane.rows.get(self.filter_pane.cursor) {
            Some(FilterRow::Value { facet, value, .. }) => Some((*facet, value.clone())),
            _ => None,
        }
    }

    fn first_value_row(&self) -> Option<usize> {
        self.filter_pane
            .rows
            .iter()
            .position(|r| matches!(r, FilterRow::Value { .. }))
    }

    /// Re-establishes invariants after any change: cursors in range, the cursor rows
    /// visible, the detail laid out for the selected article at the current width.
    pub fn fix_view(&mut self) {
        self.list.cursor = self
            .list
            .cursor
            .min(self.list.shown.len().saturating_sub(1));
        // The reader ends when the article loses the focus (Tab, a search), so coming back
        // to it shows the panes.
        if self.focus != Focus::Detail {
            self.detail.reader = false;
        }
        // The reader hides the list: its window moves when the list shows again.
        if !self.reading() {
            let height = self.list_height();
            let offset = keep_visible(self.list.offset, self.list.cursor, height);
            // A copy's row at the top is shown with its story's row above it, as long as
            // the cursor stays in view: a copy without its story reads as a stray article.
            self.list.offset = match self.list.kinds.get(offset) {
                Some(RowKind::Copy { cluster }) => self.list.kinds[..offset]
                    .iter()
                    .rposition(|k| matches!(k, RowKind::Group { cluster: c, .. } if c == cluster))
                    .filter(|&head| self.list.cursor < head + height)
                    .unwrap_or(offset),
                _ => offset,
            };
        }
        self.filter_pane.cursor = self
            .filter_pane
            .cursor
            .min(self.filter_pane.rows.len().saturating_sub(1));
        // A hidden pane has no height: scrolling for it would leave an offset that hides the
        // first facet's heading once the overlay opens.
        if self.filters_visible() {
            let height = self.filter_height();
            let offset = keep_visible(self.filter_pane.offset, self.filter_pane.cursor, height);
            // A facet's first value brings its heading into view with it.
            let heading_above =
                self.filter_pane.cursor.checked_sub(1).filter(|&h| {
                    matches!(self.filter_pane.rows.get(h), Some(FilterRow::Heading(_)))
                });
            self.filter_pane.offset = match heading_above {
                Some(h) if height >= 2 => offset.min(h),
                _ => offset,
            };
            // The pinned heading (see `filter_rows`) takes the top line: the rows under it
            // are one fewer, so the cursor on the last line scrolls one more.
            if height >= 2
                && self.pinned_heading().is_some()
                && self.filter_pane.cursor + 1 >= self.filter_pane.offset + height
            {
                self.filter_pane.offset += 1;
            }
        }
        if !self.filters_visible() && self.focus == Focus::Filters {
            self.focus = Focus::List;
        }
        let help_rows = usize::from(self.height.saturating_sub(4));
        let overlay_len = if self.show_log {
            self.log_len()
        } else {
            self.help_len()
        };
        self.help_scroll = self.help_scroll.min(overlay_len.saturating_sub(help_rows));
        self.sync_detail();
    }

    /// Lines in the help overlay: per non-empty section a heading, its entries, a blank.
    pub fn help_len(&self) -> usize {
        let sections = self
            .settings
            .keys
            .sections
            .iter()
            .filter(|(_, e)| !e.is_empty());
        sections
            .map(|(_, e)| e.len() + 2)
            .sum::<usize>()
            .saturating_sub(1)
    }

    fn sync_detail(&mut self) {
        let Some(index) = self.selected() else {
            self.detail.doc = None;
            self.detail.scroll = 0;
            return;
        };
        let width = self
            .panes()
            .map_or(0, |p| usize::from(p.detail.inner().width));
        let short = self.panes().is_some_and(|p| {
            p.detail.inner().height > 0 && usize::from(p.detail.inner().height) < detail::SHORT_PANE
        });
        let state = self.state_of(index);
        let clusters = self.copies.clusters.as_deref();
        // Clusters arrive after the first article is shown: its copy lines change with them.
        let group = detail::group_of(&self.corpus, index, clusters);
        // The body itself is never read here: one from disk is loaded by a worker (see
        // `bodies`), and the document is laid out again when it arrives.
        let ready = self.body_ready(index);
        // What the words matched with arrives with the results, after the query.
        let loose = self.search.query.highlight_loose(&self.search.forms);
        let current = self.detail.doc.as_ref().is_some_and(|d| {
            d.index == index
                && d.width == width
                && d.query == self.search.query.source()
                && d.loose == loose
                && d.state == state
                && d.group == group
                && d.body_ready == ready
                && d.short == short
        });
        if !current {
            let body = self.body_for(index);
            if self.detail.doc.as_ref().is_some_and(|d| d.index != index) {
                self.detail.scroll = 0;
            }
            let terms = self.search.query.highlight_terms();
            self.detail.doc = Some(detail::build_marked(
                &self.corpus,
                index,
                width,
                self.search.query.source(),
                detail::Marks {
                    terms: &terms,
                    loose: &loose,
                    topics: &self.detail.topic_phrases,
                    clusters,
                    body: match &body {
                        Some(b) => detail::BodyView::Loaded(b),
                        None => detail::BodyView::Loading,
                    },
                    short,
                },
                &state,
                self.settings.ascii,
            ));
        }
        self.detail.scroll = self.detail.scroll.min(self.max_detail_scroll());
    }

    pub fn max_detail_scroll(&self) -> usize {
        self.detail
            .doc
            .as_ref()
            .map_or(0, |d| d.lines.len().saturating_sub(self.detail_height()))
    }
}

type PlaceIndex<'a> = std::collections::HashMap<(&'a str, &'a str), usize>;

/// The first index of each (id, source file) and of each id in `corpus`.
fn id_index(corpus: &Corpus) -> (PlaceIndex<'_>, std::collections::HashMap<&str, usize>) {
    let mut places = PlaceIndex::with_capacity(corpus.len());
    let mut ids = std::collections::HashMap::with_capacity(corpus.len());
    for (i, m) in corpus.metas().iter().enumerate() {
        places
            .entry((m.id.as_str(), m.source_path.as_str()))
            .or_insert(i);
        ids.entry(m.id.as_str()).or_insert(i);
    }
    (places, ids)
}

/// The smallest change to `offset` that keeps row `cursor` inside a window of `height` rows.
pub fn keep_visible(offset: usize, cursor: usize, height: usize) -> usize {
    let height = height.max(1);
    if cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}
