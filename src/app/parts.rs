//! The groups the browser's state is made of, one per pane or concern; [`super::App`] holds
//! one of each.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::cluster::{ClusterId, Clusters};
use crate::query::{Hit, Query, Sort};

use super::clusters::RowKind;
use super::detail::DetailDoc;
use super::state::{FilterRow, KeyHelp, PendingMove};
use super::triage::TriageMap;
use crate::facets::Filters;
use crate::triage::Progress;

/// The query and how it is read and ordered.
#[derive(Debug)]
pub struct SearchState {
    /// The query as typed, with its cursor.
    pub input: super::line::LineInput,
    /// The last query that parsed; an invalid edit keeps it (and its results).
    pub query: Query,
    /// The forms its words matched with in the last search applied, for marking.
    pub forms: crate::query::WordForms,
    pub filters: Filters,
    pub sort: Sort,
    /// Generation of the newest search request; results for older ones are dropped.
    pub generation: u64,
    pub searching: bool,
    /// A query that starts scoring switches the order to relevance (the config's
    /// `rank_while_typing` option).
    pub rank_while_typing: bool,
    /// Synonyms, the stemmer's exceptions and topics: how queries are read.
    pub lexicon: std::sync::Arc<crate::lexicon::Lexicon>,
    /// The full-text index is being built or synced for the corpus shown: how far (the
    /// search scans until it is ready).
    pub indexing: Option<crate::query::BuildProgress>,
    /// The search bar was left with its last word matched as typed (a prefix too), and the
    /// confirmed query's search is out: its count is compared when the results come.
    pub confirming: Option<Confirming>,
}

/// A query confirmed by leaving the search bar: the word that stops matching the words it
/// begins, and how many articles the list showed while it was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirming {
    /// The search for the confirmed query.
    pub generation: u64,
    pub word: String,
    pub typed: usize,
}

/// The article list: what matched, what is shown, where the cursor is, what is selected.
#[derive(Debug, Default)]
pub struct ListView {
    /// Every article the query and filters matched, in sort order. Counts, progress,
    /// "select all" and export work on these.
    pub matches: Vec<Hit>,
    /// The list's rows: `matches` with the copies of collapsed groups left out (see
    /// [`super::clusters`]); the same as `matches` while no groups are known.
    pub shown: Vec<Hit>,
    /// What each row of `shown` is (an article, a group's head, a copy under it).
    pub kinds: Vec<RowKind>,
    /// Per group in the view, its matching members (head first).
    pub group_members: std::collections::HashMap<ClusterId, Vec<usize>>,
    /// Position of the selected row in `shown`.
    pub cursor: usize,
    /// The reader put the cursor on its article (moved it, opened the article, or a saved
    /// session did) since the query, filters or sort last changed: new results for the same
    /// view (a load's next chunk, arrivals in a live corpus, a triage change) keep that
    /// article under the cursor. Until then the cursor stays on the first row, where a new
    /// view's best or newest article is.
    pub anchored: bool,
    /// First visible row.
    pub offset: usize,
    /// Groups whose copies are listed under their row.
    pub expanded: BTreeSet<ClusterId>,
    /// Selected articles (corpus indices), always within `matches`.
    pub selection: BTreeSet<usize>,
}

/// The filters pane: facet rows with counts, and the month chart.
#[derive(Debug, Default)]
pub struct FilterPane {
    /// The overlay is open (below 120 columns; the wide layout always shows the pane).
    pub open: bool,
    /// The wide layout's filter column is hidden (`F`; kept in the session).
    pub hidden: bool,
    pub rows: Vec<FilterRow>,
    pub cursor: usize,
    pub offset: usize,
    pub histogram: Vec<(String, u64)>,
    /// Every facet's values with counts, in the places they keep (see
    /// [`super::filter_rows`]); `rows` shows them, narrowed by `narrow`.
    pub facets: super::filter_rows::FacetValues,
    /// The query `facets` were ordered for: another query orders them afresh.
    pub ordered_for: Option<String>,
    /// Only values containing this text are shown (`/` in the pane).
    pub narrow: String,
}

/// The detail pane: the article laid out, and the bodies loaded for it.
#[derive(Debug, Default)]
pub struct DetailPane {
    /// The selected article laid out for the pane's width.
    pub doc: Option<DetailDoc>,
    pub scroll: usize,
    /// The reader (`v`): the article fills the screen while the detail has the focus.
    pub reader: bool,
    /// Bodies loaded off the UI thread (see [`super::bodies`]).
    pub bodies: super::bodies::Bodies,
    /// Every topic's keywords, underlined in the pane.
    pub topic_phrases: Vec<crate::lexicon::Phrase>,
}

/// Triage as the browser shows it.
#[derive(Debug, Default)]
pub struct TriageView {
    /// The state of every article with a non-default one, as last confirmed by the store.
    /// Shared with the search thread, which evaluates `is:` terms and triage facets.
    pub states: TriageMap,
    /// Every label with its use count, most used first (for completion).
    pub labels: Vec<(String, usize)>,
    /// Triage counts over the list's matches.
    pub progress: Progress,
    /// Why triage changes are refused or not saved; shown permanently in the status line.
    pub store_status: Option<String>,
    pub pending_move: Option<PendingMove>,
    /// Today where the user is (the local zone) as `YYYY-MM-DD`, for the default export
    /// file name.
    pub today: String,
    /// A decision also marks the article read (the `decide_marks_read` option).
    pub decide_marks_read: bool,
}

/// How the screen is drawn: from the config and the terminal.
#[derive(Debug, Default)]
pub struct Settings {
    pub keys: KeyHelp,
    /// No colours at all (the `NO_COLOR` convention); selection is shown by reverse video.
    pub no_color: bool,
    /// The style of each screen role, from the config's `[theme]` table.
    pub theme: crate::style::ThemeConfig,
    /// Plain ASCII borders and marks.
    pub ascii: bool,
    /// URLs in the detail pane become OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Running over ssh: `o` copies the URL instead of opening a browser on the server.
    pub remote: bool,
}

/// Groups of copies of one story in the corpus.
#[derive(Debug, Default)]
pub struct Copies {
    /// The groups, once the background grouping has delivered them; `None` before (and
    /// after the corpus is replaced).
    pub clusters: Option<Arc<Clusters>>,
    /// Grouping is running for the current corpus.
    pub grouping: bool,
}

/// How the corpus arrived and changes: a background load, a live corpus's new articles.
#[derive(Debug, Default)]
pub struct Arrivals {
    /// The corpus is still being loaded in the background: newer corpora will follow, so a
    /// session's cursor article not found yet may still arrive.
    pub loading: bool,
    /// An article id to put the cursor on when it shows up in results (session restore).
    pub restore_cursor: Option<String>,
    /// Ids of the articles that arrived in a reload of the live corpus and were not in the
    /// corpus first loaded, still in the corpus: what `is:new` selects and the status line
    /// counts ("3 new"). Kept until warta quits.
    pub new_ids: Arc<std::collections::HashSet<String>>,
    /// Ids of the corpus first loaded that a reload took away: one coming back (a file
    /// deleted and restored) is not new. With `new_ids` this tells apart every id that ever
    /// arrived, at the cost of what churned only, not a copy of the first corpus.
    pub gone_since_start: std::collections::HashSet<String>,
}
