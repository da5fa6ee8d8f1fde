//! JSON, JSONL and CSV article files.
//!
//! Field names are matched case-insensitively and ignoring `_`, `-` and spaces, so `judul`,
//! `Title`, `isi_berita`, `Isi Berita` and `publishedAt` are all recognised. Every string put in
//! a [`Record`] is sanitised again: JSON escapes such as `\u001b` decode to raw controls after
//! the file-level sanitising has run.
//!
//! Error messages count lines, records and rows from 1, the way editors and spreadsheets do.
use serde_json::{Map, Value};

use super::Record;
use crate::text::sanitize;

/// A whole file that could not be read as its format at all.
pub type FileError = String;
/// One record's outcome: the record, or why it was skipped (e.g. "line 7: expected value").
pub type RecordResult = Result<Record, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Body,
    Date,
    Outlet,
    Url,
    Authors,
}

/// Aliases in normalised form (lower case, no `_`/`-`/space), best first: when a record has
/// several aliases of one field, the earlier alias wins.
const ALIASES: &[(Field, &[&str])] = &[
    (Field::Title, &["title", "judul", "headline"]),
    (
        Field::Body,
        &[
            "body",
            "content",
            "text",
            "isi",
            "isiberita",
            "main",
            "article",
            "artikel",
        ],
    ),
    (
        Field::Date,
        &["date", "published", "publishedat", "tanggal", "datetime"],
    ),
    (
        Field::Outlet,
        &["source", "outlet", "media", "publisher", "site"],
    ),
    (Field::Url, &["url", "link", "tautan"]),
    (
        Field::Authors,
        &["author", "authors", "penulis", "reporter", "wartawan"],
    ),
];

/// The field a column or key maps to, with its priority (lower is better).
fn field_of(name: &str) -> Option<(Field, usize)> {
    let norm: String = name
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    ALIASES
        .iter()
        .find_map(|(f, names)| names.iter().position(|n| *n == norm).map(|p| (*f, p)))
}

/// A sanitised, trimmed string with over-long lines cut; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let s = sanitize(s);
    let s = match super::cap_lines(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(cut) => cut,
    };
    let t = s.trim();
    if t.is_empty() {
        None
    } else if t.len() == s.len() {
        Some(s)
    } else {
        Some(t.to_string())
    }
}

/// Splits an author line ("A, B dan C & D; E") into names.
fn split_authors(s: &str, out: &mut Vec<String>) {
    for part in s.split([',', ';', '&']) {
        for name in split_word(part, "dan")
            .into_iter()
            .flat_map(|p| split_word(p, "and"))
        {
            if let Some(n) = clean(name)
                && !out.contains(&n)
            {
                out.push(n);
            }
        }
    }
}

/// Splits on a whole word surrounded by spaces, case-insensitively ("Ani dan Budi").
fn split_word<'a>(s: &'a str, word: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    let w = word.len();
    let mut i = 0;
    while i + w + 2 <= b.len() {
        if b[i] == b' '
            && b[i + w + 1] == b' '
            && b[i + 1..i + 1 + w].eq_ignore_ascii_case(word.as_bytes())
        {
            parts.push(&s[start..i]);
            start = i + w + 1;
            i = start;
        } else {
            i += 1;
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Collects the mapped fields of one record, keeping the best-priority non-empty value.
struct Builder {
    rec: Record,
    prio: [usize; 6],
}

impl Builder {
    fn new() -> Builder {
        Builder {
            rec: Record::default(),
            prio: [usize::MAX; 6],
        }
    }

    fn set(&mut self, field: Field, prio: usize, value: Option<String>) {
        let Some(value) = value else { return };
        let slot = field as usize;
        if prio >= self.prio[slot] {
            return;
        }
        match field {
            Field::Authors => {
                let mut names = Vec::new();
                split_authors(&value, &mut names);
                if names.is_empty() {
                    return;
                }
                self.rec.authors = names;
            }
            Field::Title => self.rec.title = Some(value),
            Field::Body => self.rec.body = Some(value),
            Field::Date => self.rec.date = Some(value),
            Field::Outlet => self.rec.outlet = Some(value),
            Field::Url => self.rec.url = Some(value),
        }
        self.prio[slot] = prio;
    }

    fn finish(self, what: &str) -> RecordResult {
        if self.rec.title.is_none() && self.rec.body.is_none() {
            Err(format!("{what}: no title or body"))
        } else {
            Ok(self.rec)
        }
    }
}

/// A JSON value as text for `field`, or `None` when it has no usable text.
fn json_text(field: Field, v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) if matches!(field, Field::Body | Field::Authors) => {
            let sep = if field == Field::Body { "\n" } else { ", " };
            let parts: Vec<String> = items.iter().filter_map(|i| json_text(field, i)).collect();
            (!parts.is_empty()).then(|| parts.join(sep))
        }
        // `{"source": {"id": null, "name": "Kompas"}}` (NewsAPI) and author objects.
        Value::Object(m) if matches!(field, Field::Outlet | Field::Authors) => {
            m.get("name").and_then(|n| n.as_str()).map(str::to_string)
        }
        _ => None,
    }
}

fn record_from_object(obj: &Map<String, Value>, what: &str) -> RecordResult {
    let mut b = Builder::new();
    let mut other = Map::new();
    for (k, v) in obj {
        if let Some((field, prio)) = field_of(k) {
            b.set(field, prio, json_text(field, v).as_deref().and_then(clean));
        } else if let Some(v) = source_value(v) {
            other.insert(sanitize(k), v);
        }
    }
    if !other.is_empty() {
        b.rec.source_fields = Some(other);
    }
    b.finish(what)
}

/// Longest text of an unmapped field that is kept: ids, categories and short labels, not a
/// second copy of a long text.
const SOURCE_TEXT_CHARS: usize = 256;

/// An unmapped field's value as kept for exports: scalars only (numbers, booleans, short
/// sanitised text), since they are what joins a result back to its dataset; nested
/// objects, arrays and long texts are left in the source file.
fn source_value(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) if s.chars().count() <= SOURCE_TEXT_CHARS => {
            Some(Value::String(sanitize(s)))
        }
        Value::Number(_) | Value::Bool(_) => Some(v.clone()),
        _ => None,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column 5" suffix, which is wrong for a JSONL
/// line and noisy elsewhere.
fn json_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let msg = match s.rfind(" at line ") {
        Some(p) => &s[..p],
        None => &s,
    };
    if e.line() == 0 {
        msg.to_string()
    } else {
        format!("{msg} (line {}, column {})", e.line(), e.column())
    }
}

/// Whether an object is itself an article rather than a wrapper around an array of them.
fn looks_like_article(obj: &Map<String, Value>) -> bool {
    obj.keys()
        .any(|k| matches!(field_of(k), Some((Field::Title | Field::Body, _))))
}

fn records_from_array(items: &[Value]) -> Vec<RecordResult> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::Object(o) => record_from_object(o, &format!("record {}", i + 1)),
            other => Err(format!(
                "record {}: not an object but {}",
                i + 1,
                kind(other)
            )),
        })
        .collect()
}

/// One object, an array of objects, or an object wrapping one array of article objects
/// (`{"articles": [...]}`, `{"data": [...]}`).
///
/// serde_json's recursion limit stays on, so `[[[[…` nested 100 000 deep is a file error, not
/// a stack overflow.
pub fn parse_json(text: &str) -> Result<Vec<RecordResult>, FileError> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    match value {
        Value::Array(items) => Ok(records_from_array(&items)),
        Value::Object(obj) => {
            if looks_like_article(&obj) {
                return Ok(vec![record_from_object(&obj, "record 1")]);
            }
            let wrapped = obj.values().find_map(|v| match v {
                Value::Array(items) if items.iter().any(Value::is_object) => Some(items),
                _ => None,
            });
            match wrapped {
                Some(items) => Ok(records_from_array(items)),
                None => Ok(vec![record_from_object(&obj, "record 1")]),
            }
        }
        other => Err(format!(
            "expected an object or an array of objects, found {}",
            kind(&other)
        )),
    }
}

/// One JSON object per line; blank lines are skipped and a bad line (including a torn last
/// line) becomes that line's error while the rest still load.
pub fn parse_jsonl(text: &str) -> Vec<RecordResult> {
    jsonl_lines(text)
        .map(|(i, line)| parse_jsonl_line(line, i))
        .collect()
}

/// The non-blank lines of a JSONL text with their 0-based line numbers: one record each, in
/// order (what [`parse_jsonl`] numbers its records by).
pub fn jsonl_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.trim_start_matches('\u{feff}')
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i, line.trim()))
        .filter(|(_, line)| !line.is_empty())
}

/// One JSONL line (0-based number `i`, for messages) as a record.
pub fn parse_jsonl_line(line: &str, i: usize) -> RecordResult {
    let what = format!("line {}", i + 1);
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(o)) => record_from_object(&o, &what),
        Ok(other) => Err(format!("{what}: not an object but {}", kind(&other))),
        Err(e) => {
            let s = e.to_string();
            let msg = s.rfind(" at line ").map_or(s.as_str(), |p| &s[..p]);
            Err(format!("{what}: {msg} (column {})", e.column()))
        }
    }
}

/// The delimiter used by the header line: the most frequent of comma, semicolon and tab outside
/// quotes (comma on a tie or when there is none).
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delims = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delims[best]
}

/// A header row, then one article per row. Quoted fields may span lines, short rows are
/// tolerated (missing cells are empty), and the delimiter is sniffed from the header.
pub fn parse_csv(text: &str) -> Result<Vec<RecordResult>, FileError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = rdr.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(format!("cannot read the header row: {e}")),
        None => return Err("no header row".to_string()),
    };
    let columns: Vec<Option<(Field, usize)>> = header.iter().map(field_of).collect();
    if !columns
        .iter()
        .any(|c| matches!(c, Some((Field::Title | Field::Body, _))))
    {
        const SHOWN: usize = 20;
        let mut names: Vec<String> = header
            .iter()
            .take(SHOWN)
            .map(|h| sanitize(h).trim().to_string())
            .collect();
        if header.len() > SHOWN {
            names.push(format!("… {} more", header.len() - SHOWN));
        }
        return Err(format!(
            "no title or body column (columns: {})",
            names.join(", ")
        ));
    }
    let mut out = Vec::new();
    // Spreadsheet row numbers: the header is row 1.
    for (i, row) in rows.enumerate() {
        let what = format!("row {}", i + 2);
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(format!("{what}: {e}")));
                continue;
            }
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut b = Builder::new();
        for (cell, col) in row.iter().zip(&columns) {
            if let Some((field, prio)) = *col {
                b.set(field, prio, clean(cell));
            }
        }
        out.push(b.finish(&what));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_normalised() {
        assert_eq!(field_of("Judul"), Some((Field::Title, 1)));
        assert_eq!(field_of("isi_berita"), Some((Field::Body, 4)));
        assert_eq!(field_of("Isi Berita"), Some((Field::Body, 4)));
        assert_eq!(field_of("publishedAt"), Some((Field::Date, 2)));
        assert_eq!(field_of("published_at"), Some((Field::Date, 2)));
        assert_eq!(field_of("\u{feff}title"), Some((Field::Title, 0)));
        assert_eq!(field_of("summary"), None);
    }

    #[test]
    fn authors_split() {
        let mut v = Vec::new();
        split_authors("Ani, Budi; Citra dan Dedi & Eko, Ani", &mut v);
        assert_eq!(v, ["Ani", "Budi", "Citra", "Dedi", "Eko"]);
        let mut v = Vec::new();
        split_authors("Danang Sudarsono", &mut v);
        assert_eq!(v, ["Danang Sudarsono"]);
    }

    #[test]
    fn best_alias_wins_regardless_of_order() {
        let r = parse_json(r#"{"text": "short", "body": "long body", "title": " "}"#).unwrap();
        let r = r[0].as_ref().unwrap();
        assert_eq!(r.body.as_deref(), Some("long body"));
        assert_eq!(r.title, None);
    }

    #[test]
    fn delimiter_sniffing_ignores_quoted_text() {
        assert_eq!(sniff_delimiter("\"a;b;c\",d\n1;2;3"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("title"), b',');
    }

    #[test]
    fn unmapped_scalar_fields_are_kept_for_joining_back() {
        let r = parse_json(
            r#"{"id": 7, "category": "news", "title": "T", "body": "B", "tags": ["a"],
                "meta": {"x": 1}, "live": true, "note": "a\u202eb"}"#,
        )
        .unwrap();
        let rec = r[0].as_ref().unwrap();
        let kept = rec.source_fields.as_ref().unwrap();
        let keys: Vec<&str> = kept.keys().map(String::as_str).collect();
        assert_eq!(keys, ["category", "id", "live", "note"]);
        assert_eq!(kept["id"], 7);
        assert_eq!(kept["category"], "news");
        assert!(!kept["note"].as_str().unwrap().contains('\u{202e}'));
        let plain = parse_json(r#"{"title": "T", "body": "B"}"#).unwrap();
        assert_eq!(plain[0].as_ref().unwrap().source_fields, None);
    }

    #[test]
    fn escapes_in_json_strings_are_sanitised() {
        let r = parse_json(r#"{"title": "a\u001b[2Jb\u202e", "body": "x\u0000y"}"#).unwrap();
        let r = r[0].as_ref().unwrap();
        assert_eq!(r.title.as_deref(), Some("ab"));
        assert_eq!(r.body.as_deref(), Some("xy"));
    }
}
