//! Everything the user can ask the browser to do. The keymap binds keys to these by their
//! snake_case names; [`crate::app::update()`] interprets them against the focused pane.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    ToggleHelp,
    FocusNext,
    FocusPrev,
    StartSearch,
    ToggleFilters,
    CycleSort,
    ClearFilters,
    MoveDown,
    MoveUp,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// List: show the article in the detail pane and focus it.
    Open,
    /// Esc outside the search bar: clear the query (list), back to the list (detail), close
    /// the filters (filters).
    Back,
    NextMatch,
    PrevMatch,
    /// Filters: select or deselect the value under the cursor.
    ToggleValue,
    /// Search bar: leave it, keeping the query.
    LeaveSearch,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    /// Search bar: empty the query text.
    ClearQuery,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Triage: toggle read/unread (the cursor article, or the selection).
    ToggleRead,
    ToggleStar,
    /// Decide, then move to the next undecided article in the view.
    MarkRelevant,
    MarkIrrelevant,
    MarkMaybe,
    MarkUndecided,
    /// Open the label prompt (`+name` adds, `-name` removes, tab completes).
    EditLabels,
    /// Open the one-line note editor.
    EditNote,
    /// List: select or deselect the cursor article and move down.
    ToggleSelect,
    /// List: select every article in the view.
    SelectAll,
    ClearSelection,
    Undo,
    Redo,
    /// Export the view (or the selection) to a file named in a prompt.
    Export,
    /// Prompt: accept the input.
    Submit,
    /// Prompt: close without doing anything.
    Cancel,
    /// Prompt: complete the label under the cursor (repeat to cycle).
    Complete,
    /// Copy the article's citation (title, outlet, date, URL or path) to the clipboard.
    CopyCitation,
    /// Copy the article's body to the clipboard.
    CopyBody,
    /// Open the article's URL (or file) with the system opener; over ssh, copy the URL.
    OpenExternal,
    /// List: expand or collapse the group of copies under the cursor.
    ToggleGroup,
    /// List: expand every group of copies, or collapse them all when all are expanded.
    ToggleAllGroups,
    /// Hide or show the wide layout's filter column (kept in the session).
    ToggleFilterColumn,
    /// List and detail: the article alone on the screen, or back to the panes.
    ToggleReader,
    /// Detail (and the reader): the next / previous article of the list, opened.
    NextArticle,
    PrevArticle,
    /// Show the log of recent messages (or close it).
    ShowMessages,
    /// Search bar: the previous query in the history.
    HistoryPrev,
    /// Search bar: the next query in the history (past the newest: what was typed).
    HistoryNext,
    /// Filters: the first value of the next facet.
    NextFacet,
    /// Filters: the first value of the previous facet.
    PrevFacet,
    /// Filters: show only the values containing a text typed in a line.
    FindInFacets,
    /// A typed character in the search bar (not bindable: any printable key).
    #[serde(skip)]
    Insert(char),
    /// The terminal was resized to (columns, rows) (not bindable).
    #[serde(skip)]
    Resize(u16, u16),
    /// A mouse click or wheel turn at a screen cell (not bindable).
    #[serde(skip)]
    Mouse(MouseInput),
    /// Text pasted into the terminal, as one piece (bracketed paste; not bindable).
    #[serde(skip)]
    Paste(String),
    /// What the team server's listener heard (not bindable).
    #[serde(skip)]
    Team(super::team::TeamNews),
}

/// What the mouse did, in the app's own terms so `update` stays free of terminal types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    ScrollUp,
    ScrollDown,
}

/// A mouse event at screen cell (`column`, `row`), both 0-based from the top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MouseInput {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

impl Action {
    /// Every action a key can be bound to, in the order the help screen lists them.
    pub const BINDABLE: [Action; 62] = [
        Action::Quit,
        Action::ToggleHelp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::StartSearch,
        Action::ToggleFilters,
        Action::CycleSort,
        Action::ClearFilters,
        Action::MoveDown,
        Action::MoveUp,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::Open,
        Action::Back,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleValue,
        Action::LeaveSearch,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteWordBack,
        Action::ClearQuery,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorHome,
        Action::CursorEnd,
        Action::ToggleRead,
        Action::ToggleStar,
        Action::MarkRelevant,
        Action::MarkIrrelevant,
        Action::MarkMaybe,
        Action::MarkUndecided,
        Action::EditLabels,
        Action::EditNote,
        Action::ToggleSelect,
        Action::SelectAll,
        Action::ClearSelection,
        Action::Undo,
        Action::Redo,
        Action::Export,
        Action::Submit,
        Action::Cancel,
        Action::Complete,
        Action::CopyCitation,
        Action::CopyBody,
        Action::OpenExternal,
        Action::ToggleGroup,
        Action::ToggleAllGroups,
        Action::ToggleFilterColumn,
        Action::ToggleReader,
        Action::NextArticle,
        Action::PrevArticle,
        Action::ShowMessages,
        Action::HistoryPrev,
        Action::HistoryNext,
        Action::NextFacet,
        Action::PrevFacet,
        Action::FindInFacets,
    ];

    /// The snake_case name used in config files.
    pub fn name(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => format!("{self:?}"),
        }
    }

    /// Parses a config-file name such as `move_down`.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// A short description for the help screen and key hints.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleHelp => "help",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::StartSearch => "search",
            Action::ToggleFilters => "filters",
            Action::CycleSort => "sort",
            Action::ClearFilters => "clear filters",
            Action::MoveDown => "down",
            Action::MoveUp => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::HalfPageDown => "half page down",
            Action::HalfPageUp => "half page up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Open => "open",
            Action::Back => "back / clear query",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleValue => "toggle value",
            Action::LeaveSearch => "done",
            Action::DeleteBack => "delete back",
            Action::DeleteForward => "delete",
            Action::DeleteWordBack => "delete word",
            Action::ClearQuery => "clear query",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::CursorHome => "cursor home",
            Action::CursorEnd => "cursor end",
            Action::ToggleRead => "read / unread",
            Action::ToggleStar => "star / unstar",
            Action::MarkRelevant => "relevant, next undecided",
            Action::MarkIrrelevant => "irrelevant, next undecided",
            Action::MarkMaybe => "maybe, next undecided",
            Action::MarkUndecided => "undecided",
            Action::EditLabels => "labels (+add -remove)",
            Action::EditNote => "note",
            Action::ToggleSelect => "select / deselect",
            Action::SelectAll => "select all in view",
            Action::ClearSelection => "clear selection",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Export => "export view / selection",
            Action::Submit => "accept",
            Action::Cancel => "cancel",
            Action::Complete => "complete label",
            Action::CopyCitation => "copy citation",
            Action::CopyBody => "copy body",
            Action::OpenExternal => "open URL or file (ssh: copy URL)",
            Action::ToggleGroup => "show / hide copies of the story",
            Action::ToggleAllGroups => "show / hide all copies",
            Action::ToggleFilterColumn => "hide / show the filter column",
            Action::ToggleReader => "reader (full screen)",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::ShowMessages => "message log",
            Action::HistoryPrev => "previous query",
            Action::HistoryNext => "next query",
            Action::NextFacet => "next facet",
            Action::PrevFacet => "previous facet",
            Action::FindInFacets => "find values",
            Action::Insert(_) => "type",
            Action::Resize(..) => "resize",
            Action::Mouse(_) => "mouse",
            Action::Paste(_) => "paste",
            Action::Team(_) => "team news",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::BINDABLE {
            assert_eq!(Action::from_name(&a.name()).as_ref(), Some(&a), "{a:?}");
        }
        assert_eq!(Action::MoveDown.name(), "move_down");
        assert_eq!(Action::from_name("insert"), None);
    }
}
