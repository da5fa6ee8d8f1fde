//! Text to terms: plain and anchored terms with their synonyms, the `field:value` table, and
//! the messages for what does not parse. The tokenizer and grouping (`|`, parentheses) are in
//! `parse/syntax.rs`, `prov:`/`region:` values in `parse/place.rs`.

use super::date::parse_date;
use super::fuzzy::FuzzyPattern;
use super::model::{Group, NewIds, Pred, Query, QueryError, Term, group_cost};
use super::text_index::{Field, TextQuery, Word};
use super::words::{TextTerm, edits_for, split_words, word_or_phrase};
use crate::lexicon::{Lexicon, Phrase};
use crate::regions::PlaceKind;
use crate::text::fold;
use crate::triage::TriageTerm;
use place::parse_place;
use syntax::Token;

mod place;
mod syntax;

/// A field the query language knows: its names (the first is the canonical one, the rest are
/// aliases) and how its value is parsed. Adding a field is adding an entry here.
struct FieldSpec {
    names: &'static [&'static str],
    parse: fn(&str, &Lexicon) -> Result<Pred, String>,
}

const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        names: &["outlet"],
        parse: |v, _| Ok(Pred::Outlet(fold(v))),
    },
    FieldSpec {
        names: &["city", "dateline"],
        parse: |v, _| Ok(Pred::Dateline(fold(v))),
    },
    FieldSpec {
        names: &["author"],
        parse: |v, _| Ok(Pred::Author(fold(v))),
    },
    FieldSpec {
        names: &["tag"],
        parse: |v, _| Ok(Pred::Tag(fold(v))),
    },
    FieldSpec {
        names: &["prov", "province"],
        parse: |v, _| parse_place(PlaceKind::Province, v).map(Pred::Province),
    },
    FieldSpec {
        names: &["region", "regency"],
        parse: |v, _| parse_place(PlaceKind::Region, v).map(Pred::Region),
    },
    FieldSpec {
        names: &["named"],
        parse: |v, _| parse_place(PlaceKind::Region, v).map(Pred::Named),
    },
    FieldSpec {
        names: &["title"],
        parse: |v, lexicon| words_term(plain_value("title", v)?, Field::Title, false, lexicon),
    },
    FieldSpec {
        names: &["body"],
        parse: |v, lexicon| words_term(plain_value("body", v)?, Field::Body, false, lexicon),
    },
    FieldSpec {
        names: &["topic"],
        parse: parse_topic,
    },
    FieldSpec {
        names: &["date"],
        parse: |v, _| parse_date(v),
    },
    FieldSpec {
        names: &["is"],
        parse: |v, _| {
            if v.trim().eq_ignore_ascii_case("new") {
                Ok(Pred::New(NewIds::default()))
            } else {
                triage_field("is", v)
            }
        },
    },
    FieldSpec {
        names: &["label"],
        parse: |v, _| triage_field("label", v),
    },
    FieldSpec {
        names: &["by"],
        parse: |v, _| triage_field("by", v),
    },
    FieldSpec {
        names: &["has"],
        parse: |v, _| {
            if fold(v) == "copies" {
                Ok(Pred::Copies)
            } else {
                triage_field("has", v)
            }
        },
    },
];

/// A `title:`/`body:` value without the marks of other terms, which the word splitter would
/// otherwise drop: `title:^bupati` would find bupati anywhere, `title:!x` would find x.
fn plain_value<'a>(field: &str, value: &'a str) -> Result<&'a str, String> {
    let bare = value.trim_start_matches(['~', '^', '!', '-']);
    let bare = bare.strip_suffix('$').unwrap_or(bare);
    if value.starts_with(['!', '-']) {
        return Err(format!(
            "the negation goes before the field: !{field}:{bare} or -{field}:{bare}"
        ));
    }
    if value.starts_with(['~', '^']) || value.ends_with('$') {
        return Err(if field == "title" {
            format!(
                "~, ^ and $ already look at the title alone: write ~{bare}, ^{bare} or {bare}$ \
                 without title:"
            )
        } else {
            format!(
                "~, ^ and $ work on titles only; {field}: takes a word or a \"phrase\", e.g. \
                 {field}:{bare}"
            )
        });
    }
    Ok(value)
}

/// The triage fields; the message lists the valid values ("must be one of unread, read,
/// …") because the term is already shown in front of it.
fn triage_field(field: &str, value: &str) -> Result<Pred, String> {
    TriageTerm::parse(field, value)
        .map(Pred::Triage)
        .map_err(|e| match field {
            "is" => {
                "must be one of unread, read, starred, relevant, irrelevant, maybe, undecided, new, \
                 mine, conflict, agreed"
                    .to_string()
            }
            "has" => "must be note or labels (triage), or copies (syndicated copies)".to_string(),
            _ => e,
        })
}

fn field_list() -> String {
    FIELDS
        .iter()
        .map(|f| format!("{}:", f.names[0]))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Query {
    /// Parses with the built-in synonym table and topics ([`Lexicon::builtin`]).
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        Query::parse_with(input, Lexicon::builtin())
    }

    /// Parses with `lexicon`'s synonyms (plain, quoted and `body:` terms also find their
    /// synonyms) and topics (`topic:NAME`). The expansions are fixed at parse time.
    pub fn parse_with(input: &str, lexicon: &Lexicon) -> Result<Query, QueryError> {
        let mut groups = syntax::parse_groups(input, lexicon)?;
        let mut slot = 0;
        for term in groups.iter_mut().flatten() {
            if let Pred::Text(t) = &mut term.pred {
                t.slot = slot;
                slot += 1;
                // A negated word excludes the articles using it; it never widens to prefixes
                // or typos, however the negation was written (`!w`, `!body:w`, `!(w)`).
                if term.negated {
                    t.loose.clear();
                }
            }
        }
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| group_cost(&groups[g]));
        let together = together(&groups);
        Ok(Query {
            source: input.to_string(),
            groups,
            order,
            together,
        })
    }
}

/// The plain single words typed as terms of their own, as a phrase when there are two or more
/// (see [`Query::together`]).
fn together(groups: &[Group]) -> Option<TextQuery> {
    let words: Vec<_> = groups
        .iter()
        .filter_map(|g| match g.as_slice() {
            [
                Term {
                    negated: false,
                    pred: Pred::Text(t),
                },
            ] if !t.loose.is_empty() => match &t.exact {
                TextQuery::Word(Field::Any, w) => Some(w.clone()),
                TextQuery::AnyOf(parts) => match parts.first() {
                    Some(TextQuery::Word(Field::Any, w)) => Some(w.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect();
    (words.len() >= 2).then_some(TextQuery::Phrase(Field::Any, words))
}

fn parse_term(tok: &Token, lexicon: &Lexicon) -> Result<Term, QueryError> {
    let raw = tok.raw.as_str();
    let (negated, text, quote_at) = match tok.text.strip_prefix('!') {
        Some(rest) if tok.quote_at != Some(0) => (true, rest, tok.quote_at.map(|q| q - 1)),
        _ => (false, tok.text.as_str(), tok.quote_at),
    };
    let unquoted = &text[..quote_at.unwrap_or(text.len())];
    if let Some(colon) = unquoted.find(':') {
        let name = &unquoted[..colon];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
            return parse_field(name, &text[colon + 1..], raw, negated, lexicon);
        }
    }
    let nothing = |what: &str| QueryError::new(format!("{raw}: nothing {what}"));
    if text.trim().is_empty() {
        return Err(nothing(if negated {
            "to negate"
        } else {
            "inside the quotes"
        }));
    }
    let words = |text: &str, literal: bool, loose: bool| -> Result<Pred, QueryError> {
        let mut pred = words_term(text, Field::Any, literal, lexicon)
            .map_err(|m| QueryError::new(format!("{raw}: {m}")))?;
        if !loose && let Pred::Text(t) = &mut pred {
            t.loose.clear();
        }
        Ok(pred)
    };
    let pred = if quote_at == Some(0) {
        // A quoted phrase is what was typed, whole: never a prefix or a typo.
        words(text, false, false)?
    } else if let Some(rest) = text.strip_prefix('\'') {
        words(
            non_empty(rest).ok_or_else(|| nothing("to match"))?,
            true,
            false,
        )?
    } else if let Some(rest) = text.strip_prefix('~') {
        Pred::Fuzzy(FuzzyPattern::new(
            non_empty(rest).ok_or_else(|| nothing("after ~"))?,
        ))
    } else if let Some(rest) = text.strip_prefix('^') {
        let (rest, whole) = strip_dollar(rest, quote_at.map(|q| q.saturating_sub(1)));
        let rest = fold(non_empty(rest).ok_or_else(|| nothing("after ^"))?);
        if whole {
            Pred::Whole(rest)
        } else {
            Pred::Prefix(rest)
        }
    } else if let (rest, true) = strip_dollar(text, quote_at) {
        Pred::Suffix(fold(non_empty(rest).ok_or_else(|| nothing("before $"))?))
    } else {
        words(text, false, true)?
    };
    Ok(Term { negated, pred })
}

/// A word term (see [`super::words`]): `text`'s words as a word or a phrase in `field`, with
/// its synonyms unless `literal` (or written `'like this`), and, for a single stem-aware
/// word, its looser forms.
fn words_term(text: &str, field: Field, literal: bool, lexicon: &Lexicon) -> Result<Pred, String> {
    let (text, literal) = match text.strip_prefix('\'') {
        Some(rest) => (rest, true),
        None => (text, literal),
    };
    let own = split_words(text);
    if own.is_empty() {
        return Err("needs a word (letters or digits)".to_string());
    }
    let mut parts = vec![word_or_phrase(field, &own, literal)];
    let mut marks: Vec<Phrase> = Vec::new();
    let joined = own.join(" ");
    marks.extend(if literal {
        Phrase::literal(&joined)
    } else {
        Phrase::new(&joined)
    });
    if !literal {
        for synonym in lexicon.expand(text).iter().skip(1) {
            let words = split_words(synonym);
            if !words.is_empty() {
                parts.push(word_or_phrase(field, &words, false));
                marks.extend(Phrase::new(synonym));
            }
        }
    }
    let loose = match own.as_slice() {
        [one] if !literal => {
            let mut prefix = Word::new(one, false);
            prefix.prefix = true;
            let mut out = vec![TextQuery::Word(field, prefix)];
            let edits = edits_for(one);
            if edits > 0 {
                let mut typo = Word::new(one, false);
                typo.edits = edits;
                out.push(TextQuery::Word(field, typo));
            }
            out
        }
        _ => Vec::new(),
    };
    let exact = if parts.len() == 1 {
        parts.remove(0)
    } else {
        TextQuery::AnyOf(parts)
    };
    Ok(Pred::Text(TextTerm {
        slot: 0,
        exact,
        loose,
        marks,
    }))
}

/// Strips a trailing `$` that was typed outside quotes.
fn strip_dollar(text: &str, quote_at: Option<usize>) -> (&str, bool) {
    match text.strip_suffix('$') {
        Some(rest) if quote_at.is_none() => (rest, true),
        _ => (text, false),
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

fn parse_field(
    name: &str,
    value: &str,
    raw: &str,
    negated: bool,
    lexicon: &Lexicon,
) -> Result<Term, QueryError> {
    let lower = name.to_ascii_lowercase();
    let Some(spec) = FIELDS.iter().find(|f| f.names.contains(&lower.as_str())) else {
        // `https://…` is text, not a field: its words as a phrase, exactly as written.
        if value.starts_with("//") {
            let pred = words_term(&format!("{name}:{value}"), Field::Any, true, lexicon)
                .map_err(|m| QueryError::new(format!("{raw}: {m}")))?;
            return Ok(Term { negated, pred });
        }
        let guess = guess_field(&lower)
            .map(|f| format!("did you mean {f}:? "))
            .unwrap_or_default();
        let shown = raw.strip_prefix('!').unwrap_or(raw);
        return Err(QueryError::new(format!(
            "unknown field \"{name}:\"; {guess}fields are {} (to search the text, quote it: \
             \"{shown}\")",
            field_list()
        )));
    };
    let shown = raw.strip_prefix('!').unwrap_or(raw);
    let value = value.trim();
    if value.is_empty() {
        return Err(QueryError::new(format!(
            "{shown} needs a value: {}",
            value_hint(spec.names[0], lexicon)
        )));
    }
    let pred =
        (spec.parse)(value, lexicon).map_err(|m| QueryError::new(format!("{shown}: {m}")))?;
    Ok(Term { negated, pred })
}

/// The field an unknown name probably meant: an Indonesian word for one, or a name one or
/// two typos away.
fn guess_field(name: &str) -> Option<&'static str> {
    let indonesian = match name {
        "kota" | "kabupaten" | "kab" | "daerah" | "wilayah" | "kabkota" => Some("region"),
        "provinsi" | "propinsi" => Some("prov"),
        "penulis" | "wartawan" | "reporter" => Some("author"),
        "media" | "sumber" | "portal" | "source" | "site" => Some("outlet"),
        "tanggal" | "tgl" | "waktu" | "tahun" | "bulan" => Some("date"),
        "isi" | "teks" | "text" | "konten" => Some("body"),
        "topik" | "tema" => Some("topic"),
        "tags" | "tagar" | "hashtag" => Some("tag"),
        _ => None,
    };
    indonesian.or_else(|| {
        FIELDS
            .iter()
            .flat_map(|f| f.names.iter().map(move |n| (f.names[0], *n)))
            .map(|(canon, n)| (edit_distance(name, n), canon))
            .filter(|&(d, _)| d <= 2 && d < name.len())
            .min_by_key(|&(d, _)| d)
            .map(|(_, canon)| canon)
    })
}

/// Levenshtein distance over bytes; field names are short ASCII words.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// What a field takes, for a term typed without a value: the values themselves where they
/// are few, else an example.
fn value_hint(field: &str, lexicon: &Lexicon) -> String {
    let hint = match field {
        "is" => {
            "unread, read, starred, relevant, irrelevant, maybe, undecided, new, or with a \
             team mine, conflict, agreed"
        }
        "has" => "note, labels or copies",
        "by" => "a team analyst's name, e.g. by:budi",
        "label" => "a triage label, e.g. label:banjir",
        "date" => {
            "YYYY, YYYY-MM or YYYY-MM-DD, a range a..b, or >, >=, <, <= and a date, e.g. date:2024-06"
        }
        "outlet" => "an outlet's name, e.g. outlet:kompas",
        "city" => "a dateline's city, e.g. city:palembang",
        "author" => "an author's name, e.g. author:budi",
        "tag" => "a tag, e.g. tag:pemilu",
        "prov" => "a province, e.g. prov:\"sumatera selatan\"",
        "region" => "a regency or city the article is about, e.g. region:muratara",
        "named" => "a regency or city the article names, even in passing, e.g. named:medan",
        "body" => "a word of the text, e.g. body:viral",
        "title" => "a word of the title, e.g. title:bupati",
        "topic" => {
            let names = lexicon.topic_names();
            return if names.is_empty() {
                "a topic, but none are configured (add a [topics] table to the config file)"
                    .to_string()
            } else {
                format!("a topic: {}", names.join(", "))
            };
        }
        _ => "a value after the colon",
    };
    hint.to_string()
}

fn parse_topic(value: &str, lexicon: &Lexicon) -> Result<Pred, String> {
    match lexicon.topic_phrases(value) {
        Some(phrases) => {
            let parts: Vec<TextQuery> = phrases
                .iter()
                .map(|p| {
                    let words = split_words(p.text());
                    word_or_phrase(Field::Any, &words, p.is_literal())
                })
                .collect();
            Ok(Pred::Text(TextTerm {
                slot: 0,
                exact: TextQuery::AnyOf(parts),
                loose: Vec::new(),
                marks: phrases,
            }))
        }
        None if lexicon.topic_names().is_empty() => Err(
            "unknown topic: no topics are configured (add a [topics] table to the config file)"
                .to_string(),
        ),
        None => Err(format!(
            "unknown topic; topics are {}",
            lexicon.topic_names().join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::*;

    #[test]
    fn a_field_without_a_value_says_what_it_takes() {
        assert_eq!(
            err("is:"),
            "is: needs a value: unread, read, starred, relevant, irrelevant, maybe, undecided, \
             new, or with a team mine, conflict, agreed"
        );
        assert_eq!(err("is: banjir"), err("is:"));
        assert_eq!(err("!has:"), "has: needs a value: note, labels or copies");
        assert!(err("date:").starts_with("date: needs a value: YYYY, YYYY-MM or YYYY-MM-DD"));
        assert_eq!(
            err("label:"),
            "label: needs a value: a triage label, e.g. label:banjir"
        );
        let topics = Lexicon::builtin().topic_names().join(", ");
        assert_eq!(
            err("topic:"),
            format!("topic: needs a value: a topic: {topics}")
        );
        let removed = "disiplin = []\nviral = []\nkorupsi = []".parse().unwrap();
        let (none, _) = crate::config::lexicon_from_tables(None, Some(&removed));
        let e = Query::parse_with("topic:", &none).unwrap_err().message;
        assert!(e.contains("none are configured"), "{e}");
        // Every field and alias, so a new field cannot fall back to a meaningless example.
        for name in FIELDS.iter().flat_map(|f| f.names) {
            let e = err(&format!("{name}:"));
            assert!(e.starts_with(&format!("{name}: needs a value: ")), "{e}");
            assert!(
                !e.contains("after the colon") && !e.contains("grow media"),
                "{e}"
            );
        }
    }

    #[test]
    fn terms_are_anded_and_or_joins_adjacent_terms() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "'live 'tiktok"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "'tiktok | 'instagram"), vec!["a0", "a4"]);
        assert_eq!(sorted_ids(&c, "'tiktok | 'instagram 'pejabat"), vec!["a4"]);
        assert_eq!(sorted_ids(&c, "'blora | 'oki | 'zzz"), vec!["a1", "a3"]);
    }

    #[test]
    fn error_messages() {
        assert_eq!(err("date:2024-13"), "date:2024-13: month must be 1-12");
        assert_eq!(
            err("date:2024-02-30"),
            "date:2024-02-30: invalid day: 2024-02 has days 1-29"
        );
        assert_eq!(
            err("date:abc"),
            "date:abc: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"abc\""
        );
        assert_eq!(err("date:24"), "date:24: the year must have 4 digits");
        assert_eq!(
            err("date:.."),
            "date:..: a range needs at least one end, e.g. date:2024-01..2024-06"
        );
        assert_eq!(
            err("date:2025..2024"),
            "date:2025..2024: the range ends before it starts"
        );
        assert!(err("date:>=").contains("found nothing"));
        assert_eq!(
            err("outlet:\"grow media"),
            "outlet:\"grow media: unterminated quote (add a closing \")"
        );
        assert_eq!(
            err("outlet:"),
            "outlet: needs a value: an outlet's name, e.g. outlet:kompas"
        );
        assert_eq!(
            err("!city:\"\""),
            "city:\"\" needs a value: a dateline's city, e.g. city:palembang"
        );
        assert_eq!(
            err("foo:bar"),
            "unknown field \"foo:\"; fields are outlet: city: author: tag: prov: region: named: title: \
             body: topic: date: is: label: by: has: (to search the text, quote it: \"foo:bar\")"
        );
        assert!(err("| a").starts_with("dangling \"|\""));
        assert!(err("a |").starts_with("dangling \"|\""));
        assert!(err("a | | b").starts_with("doubled \"|\""));
        assert_eq!(
            err("body:..."),
            "body:...: needs a word (letters or digits)"
        );
        assert!(err("!").starts_with("\"!\" with nothing after it"));
        assert_eq!(err("'"), "': nothing to match");
        assert_eq!(err("\"\""), "\"\": nothing inside the quotes");
        // Not fields: a colon after something other than a bare word, or inside quotes.
        assert!(Query::parse("10:30").is_ok());
        assert!(Query::parse("\"foo:bar\"").is_ok());
        assert_eq!(err("\"|\""), "\"|\": needs a word (letters or digits)");
    }

    #[test]
    fn title_and_body_values_never_drop_an_operator() {
        for (q, says) in [
            (
                "title:~pmkb",
                "title:~pmkb: ~, ^ and $ already look at the title alone",
            ),
            (
                "title:^bupati",
                "write ~bupati, ^bupati or bupati$ without title:",
            ),
            ("title:maaf$", "title:maaf$: ~, ^ and $"),
            ("body:^viral", "body:^viral: ~, ^ and $ work on titles only"),
            ("body:~x", "e.g. body:x"),
            (
                "title:!asn",
                "title:!asn: the negation goes before the field: !title:asn",
            ),
            ("body:-asn", "or -body:asn"),
            ("title:(asn | ^pns)", "title:^pns: ~, ^ and $"),
        ] {
            let e = err(q);
            assert!(e.contains(says), "{q}: {e}");
        }
        // Inside a word, or a price, the marks are text as before.
        for q in ["title:e-ktp", "body:rp100$rb", "title:\"kode etik\""] {
            assert!(Query::parse(q).is_ok(), "{q}");
        }
    }
}
