//! JSON, JSONL and CSV article files. (stub: being written)
use super::Record;

/// A whole file that could not be read as its format at all.
pub type FileError = String;
/// One record's outcome: the record, or why it was skipped (e.g. "line 7: expected value").
pub type RecordResult = Result<Record, String>;

pub fn parse_json(text: &str) -> Result<Vec<RecordResult>, FileError> {
    let _ = text;
    todo!()
}

pub fn parse_jsonl(text: &str) -> Vec<RecordResult> {
    let _ = text;
    todo!()
}

pub fn parse_csv(text: &str) -> Result<Vec<RecordResult>, FileError> {
    let _ = text;
    todo!()
}
