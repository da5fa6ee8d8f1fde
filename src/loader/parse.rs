//! The scraped-news parser. (stub: being written)
use crate::model::{Article, Format};

use super::Record;

/// Parses one scraped article (already decoded and sanitised, `\n` line ends).
pub fn parse_text(text: &str, source_path: &str) -> Article {
    let _ = (text, source_path);
    todo!()
}

/// Builds an article from a JSON/CSV record, running the text parser over its body to find
/// what the record's own fields do not give.
pub fn from_record(rec: &Record, source_path: &str, index: Option<usize>, format: Format) -> Article {
    let _ = (rec, source_path, index, format);
    todo!()
}
