//! The config file's `[synonyms]` and `[topics]` tables, merged over the built-in lexicon.

use crate::lexicon::{Lexicon, Synonyms, normalize};

/// The built-in table with a config file's `[synonyms]` and `[topics]` tables merged over
/// it, and a message for every entry that was ignored (the caller adds the file name).
///
/// `[synonyms]`: each key is a term. A list value gives terms that mean the same as the
/// key (`asn = ["pns", "aparatur sipil negara"]`); a table value may give `same` and
/// `includes`, the latter one-way (`"kepala daerah" = { includes = ["bupati"] }`). A key
/// that is a built-in entry replaces it; an empty list removes it.
///
/// `[topics]`: each key is a topic name and its value the keywords
/// (`disiplin = ["sanksi", "teguran"]`); a built-in topic of the same name is replaced,
/// and an empty list removes it.
pub fn lexicon_from_tables(
    synonyms: Option<&toml::Table>,
    topics: Option<&toml::Table>,
) -> (Lexicon, Vec<String>) {
    let mut warnings = Vec::new();
    let mut entries = Lexicon::builtin_synonyms();
    for (key, value) in synonyms.into_iter().flatten() {
        let norm = normalize(key);
        let what = format!("[synonyms] {key:?}");
        if norm.is_empty() {
            warnings.push(format!(
                "{what}: the term has no letters or digits; ignored"
            ));
            continue;
        }
        let entry = match value {
            toml::Value::Array(_) => Synonyms {
                same: string_list(value, &what, &mut warnings),
                includes: Vec::new(),
            },
            toml::Value::Table(t) => {
                for k in t
                    .keys()
                    .filter(|k| !matches!(k.as_str(), "same" | "includes"))
                {
                    warnings.push(format!(
                        "{what}: unknown key {k:?} (expected same or includes); ignored"
                    ));
                }
                let list = |name: &str, warnings: &mut Vec<String>| {
                    t.get(name).map_or_else(Vec::new, |v| {
                        string_list(v, &format!("{what}.{name}"), warnings)
                    })
                };
                Synonyms {
                    same: list("same", &mut warnings),
                    includes: list("includes", &mut warnings),
                }
            }
            _ => {
                warnings.push(format!(
                    "{what}: expected a list of terms or a table with same/includes; ignored"
                ));
                continue;
            }
        };
        if entry.same.is_empty() && entry.includes.is_empty() {
            entries.remove(&norm);
        } else {
            entries.insert(norm, entry);
        }
    }
    let mut topic_table = Lexicon::builtin_topics();
    for (name, value) in topics.into_iter().flatten() {
        let norm = normalize(name);
        let what = format!("[topics] {name:?}");
        if norm.is_empty() {
            warnings.push(format!(
                "{what}: the name has no letters or digits; ignored"
            ));
            continue;
        }
        if value.as_array().is_some_and(Vec::is_empty) {
            topic_table.remove(&norm);
            continue;
        }
        let words = string_list(value, &what, &mut warnings);
        if !words.is_empty() {
            topic_table.insert(norm, words);
        }
    }
    (Lexicon::build(entries, topic_table), warnings)
}

/// A config value that should be a list of strings: the non-empty normalized terms, with a
/// warning for anything else.
fn string_list(value: &toml::Value, what: &str, warnings: &mut Vec<String>) -> Vec<String> {
    let Some(items) = value.as_array() else {
        warnings.push(format!(
            "{what}: expected a list of strings, e.g. [\"pns\", \"aparatur sipil negara\"]; ignored"
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_str().map(normalize) {
            Some(t) if !t.is_empty() => out.push(t),
            Some(_) => warnings.push(format!(
                "{what}: an entry has no letters or digits; ignored"
            )),
            None => warnings.push(format!("{what}: {item} is not a string; ignored")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> toml::Table {
        text.parse().unwrap()
    }

    #[test]
    fn config_adds_replaces_and_removes_entries() {
        let syn = table(
            r#"
            asn = ["abdi negara", "pns"]
            medsos = []
            puskesmas = ["pusat kesehatan masyarakat"]
            "kepala daerah" = { includes = ["bupati"] }
            pns = ["aparatur negara"]
            "#,
        );
        let (lex, warnings) = lexicon_from_tables(Some(&syn), None);
        assert!(warnings.is_empty(), "{warnings:?}");
        let asn = lex.expand("asn");
        assert!(asn.contains(&"abdi negara".to_string()));
        // Replaced: the built-in long forms are gone; merged with the pns entry.
        assert!(!asn.contains(&"aparatur sipil negara".to_string()));
        assert!(asn.contains(&"aparatur negara".to_string()));
        assert_eq!(lex.expand("medsos"), ["medsos"]);
        assert!(
            lex.expand("Puskesmas")
                .contains(&"pusat kesehatan masyarakat".to_string())
        );
        let kd = lex.expand("kepala daerah");
        assert!(kd.contains(&"bupati".to_string()) && !kd.contains(&"gubernur".to_string()));
        // Untouched built-ins stay.
        assert!(
            lex.expand("pemkab")
                .contains(&"pemerintah kabupaten".to_string())
        );
    }

    #[test]
    fn config_problems_become_warnings() {
        let syn = table(
            r#"
            "..." = ["x"]
            asn = "pns"
            pns = ["ok", 3, "..."]
            x = { same = ["y"], extra = 1 }
            z = 5
            "#,
        );
        let topics = table(
            r#"
            disiplin = ["teguran"]
            viral = []
            banjir = "air"
            "" = ["x"]
            "#,
        );
        let (lex, warnings) = lexicon_from_tables(Some(&syn), Some(&topics));
        let all = warnings.join("\n");
        assert_eq!(warnings.len(), 8, "{all}");
        assert!(
            all.contains("[topics] \"\": the name has no letters"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"...\": the term has no letters"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"asn\": expected a list of terms"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"pns\": 3 is not a string"),
            "{all}"
        );
        assert!(
            all.contains("[synonyms] \"pns\": an entry has no letters"),
            "{all}"
        );
        assert!(all.contains("unknown key \"extra\""), "{all}");
        assert!(
            all.contains("[synonyms] \"z\": expected a list of terms or a table"),
            "{all}"
        );
        assert!(
            all.contains("[topics] \"banjir\": expected a list"),
            "{all}"
        );
        assert!(lex.expand("pns").contains(&"ok".to_string()));
        assert!(lex.expand("x").contains(&"y".to_string()));
        assert_eq!(lex.topic("disiplin").unwrap(), ["teguran"]);
        assert!(lex.topic("viral").is_none());
        assert_eq!(lex.topic_names(), ["disiplin", "korupsi"]);
    }
}
