//! What the other analysts of a team did to an article, carried next to its state so the
//! query terms (`by:`, `is:mine`, `is:conflict`, `is:agreed`), the Analyst and Conflict
//! facets and the detail pane read it through the same [`super::StateLookup`] as the rest
//! of triage. Only a browser with a team server fills it; a store never holds it.

use super::state::Decision;

/// One analyst's decision on one article.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub analyst: String,
    pub decision: Decision,
    /// When they decided, microseconds since 1970 (UTC).
    pub at_us: i64,
}

/// Where an article stands between analysts, for the Conflict facet and `is:conflict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Agreement {
    /// No analyst has decided.
    #[default]
    Undecided,
    /// One analyst has decided.
    Single,
    /// Two or more decided, all alike.
    Agreed,
    /// Two or more decided differently.
    Conflict,
}

impl Agreement {
    pub const ALL: [Agreement; 4] = [
        Agreement::Conflict,
        Agreement::Agreed,
        Agreement::Single,
        Agreement::Undecided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Undecided => "undecided",
            Agreement::Single => "one analyst",
            Agreement::Agreed => "agreed",
            Agreement::Conflict => "conflict",
        }
    }

    /// Where `verdicts` (undecided ones left out) stand.
    pub fn of(verdicts: &[Verdict]) -> Agreement {
        match verdicts {
            [] => Agreement::Undecided,
            [_] => Agreement::Single,
            [first, rest @ ..] if rest.iter().all(|v| v.decision == first.decision) => {
                Agreement::Agreed
            }
            _ => Agreement::Conflict,
        }
    }
}

/// The team's marks on one article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TeamMarks {
    /// Every analyst who decided, starred, labelled, noted or read it, in name order.
    pub analysts: Vec<String>,
    /// Every analyst's decision, earliest first.
    pub verdicts: Vec<Verdict>,
    pub agreement: Agreement,
    /// This machine's analyst touched it.
    pub mine: bool,
    /// Who made the decision shown, when the team decides together (shared mode).
    pub decided_by: Option<String>,
    /// The team decides together (shared mode): the list shows the decision that stands
    /// rather than marking analysts who differ.
    pub shared: bool,
}
