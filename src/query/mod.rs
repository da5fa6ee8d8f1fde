//! The query language shared by the TUI, `warta list --query` and `warta search`.
//!
//! A query is a list of space-separated terms that are AND-ed; `a | b` (spaces optional) ORs
//! adjacent terms, and parentheses group: `(a | b) c`, `!(a b)`. Grouped queries are
//! distributed into the AND-of-ORs form the evaluator runs. Text the parser does not
//! understand is an error naming the problem and what would work, never an empty result.
//! Plain terms are fuzzy (skim v2, smart case) over the title, falling back to the outlet,
//! dateline and authors; `'exact`, `^prefix`, `suffix$` and `!negation` follow fzf's extended
//! syntax; `field:value` terms (see `FIELDS` in `parse.rs`) filter on metadata, dates and body
//! words.
//!
//! Evaluation is ordered by cost so the TUI can run it on every keystroke: facet filters and
//! metadata predicates first, then the caller's extra filter, then fuzzy scoring, and `body:`
//! last, since it may read the body from disk.
//!
//! How a query flows, and the file that owns each step:
//!
//! ```text
//!   "asn | pns outlet:kompas !viral"     text, as typed
//!        │  parse.rs   tokenize: whitespace, quotes, `|`, `(`, `)`
//!        ▼
//!   tokens ──────────▶ terms             parse.rs: plain/'exact/^prefix/suffix$ + synonyms,
//!        │                               FIELDS table for field:value, date.rs for date:;
//!        │                               parentheses distributed (De Morgan for `!( )`)
//!        ▼
//!   Query = AND of groups (`|`-joined    model.rs: Term { negated, Pred, alts }, groups
//!           terms), cheapest first       ordered by cost; `refines` for the search memo
//!        │
//!        ▼
//!   predicate per article                eval.rs: metadata → extra filter → fuzzy
//!        │                               (fuzzy.rs) → body, read only when needed
//!        ▼
//!   hits: Vec<Hit { index, score }>      search.rs: over the corpus or a Scope, in
//!                                        parallel, then sorted by `Sort`
//! ```
//!
//! `highlight.rs` answers what the display marks for a query: title positions and body words.
//! `typing.rs` widens the word still being typed in the browser's search bar.

mod date;
mod eval;
mod fuzzy;
mod help;
mod highlight;
mod model;
mod parse;
pub mod phases;
pub(crate) mod search;
#[cfg(test)]
mod testing;
mod text_index;
mod typing;
mod words;

pub use help::SYNTAX_HELP;
pub use model::{Query, QueryError};
#[cfg(test)]
pub(crate) use search::search_plain;
pub use search::{ExtraFilter, Hit, Scope, Sort, effective_sort, matches, search, sort_hits};
pub use text_index::{BuildProgress, Field, TextHit, TextIndex, TextQuery, Word};
pub use words::WordForms;

/// Why `by:`, `is:mine`, `is:conflict` and `is:agreed` cannot be answered without a team.
pub const NO_TEAM: &str = "by:, is:mine, is:conflict and is:agreed ask about a team's analysts: \
                           give a team server with --team URL (or [team] url in the config)";
