//! Arbitrary bytes through the whole parser, as every input format: nothing may panic, and
//! every string that comes out must be display-safe (no control, bidi or escape characters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::model::{Article, Format};
use warta::text::is_safe;

fn check(article: &Article) {
    // Serialising walks every field, including nested quotes, without listing them here.
    let value = serde_json::to_value(article).expect("an article always serialises");
    check_value(&value);
}

fn check_value(v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            // Paths come from the caller, not the file, and are checked where shown.
            assert!(is_safe(s), "unsafe string from the parser: {s:?}");
        }
        serde_json::Value::Array(items) => items.iter().for_each(check_value),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != "source_path")
            .for_each(|(_, v)| check_value(v)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    for format in [Format::Txt, Format::Json, Format::Jsonl, Format::Csv] {
        if let Ok((articles, _skipped)) = warta::loader::parse_bytes("fuzz", data, format) {
            articles.iter().for_each(check);
        }
    }
});
