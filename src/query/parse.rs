//! Text to terms: the tokenizer (whitespace, quotes, `|`, parentheses), grouping into AND-ed
//! groups of `|`-joined terms, plain and anchored terms with their synonyms, the
//! `field:value` table, and the messages for what does not parse.

use super::date::parse_date;
use super::fuzzy::FuzzyPattern;
use super::model::{Group, NewIds, Pred, Query, QueryError, Term, group_cost};
use crate::lexicon::{Lexicon, Phrase};
use crate::text::fold;
use crate::triage::TriageTerm;

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
        parse: |v, _| Ok(Pred::Province(fold(v))),
    },
    FieldSpec {
        names: &["region", "regency"],
        parse: |v, _| Ok(Pred::Region(fold(v))),
    },
    FieldSpec {
        names: &["body"],
        parse: parse_body,
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

/// The triage fields; the message lists the valid values ("must be one of unread, read,
/// …") because the term is already shown in front of it.
fn triage_field(field: &str, value: &str) -> Result<Pred, String> {
    TriageTerm::parse(field, value)
        .map(Pred::Triage)
        .map_err(|e| match field {
            "is" => {
                "must be one of unread, read, starred, relevant, irrelevant, maybe, undecided, new"
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
        let toks = tokenize(input)?;
        let mut parser = Parser {
            toks: &toks,
            pos: 0,
            lexicon,
        };
        let mut groups = match parser.seq(false)? {
            Some(groups) => groups,
            None if toks.is_empty() => Vec::new(),
            None => return Err(unmatched_close()),
        };
        if parser.pos < toks.len() {
            // `seq` stops only at the end or at a `)` with no `(` of its own.
            return Err(unmatched_close());
        }
        dedup(&mut groups);
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| group_cost(&groups[g]));
        Ok(Query {
            source: input.to_string(),
            groups,
            order,
        })
    }
}

/// How many AND-ed groups distributing `|` over parentheses may produce: `(a b) | (c d)` is
/// `(a|c) (a|d) (b|c) (b|d)`, so each `|` between groups multiplies, and a few of them would
/// otherwise make a query that takes seconds per keystroke.
const MAX_GROUPS: usize = 64;

/// A query as AND-ed groups of `|`-joined terms (conjunctive normal form), the shape the
/// evaluator runs.
type Cnf = Vec<Group>;

/// Recursive descent over the tokens, turning each parenthesised expression into [`Cnf`] as
/// it goes. Negation is pushed down to the terms (De Morgan) by parsing with `neg` set, which
/// swaps AND and OR and negates every term.
struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
    lexicon: &'a Lexicon,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    /// Space-separated alternatives up to the end or a `)`; None when there are none.
    fn seq(&mut self, neg: bool) -> Result<Option<Cnf>, QueryError> {
        let mut acc: Option<Cnf> = None;
        loop {
            match self.peek() {
                None | Some(Tok::Close) => return Ok(acc),
                Some(Tok::Or) => return Err(dangling_or()),
                _ => {}
            }
            let next = self.alternatives(neg)?;
            acc = Some(match acc {
                None => next,
                Some(a) if neg => or(a, next)?,
                Some(a) => and(a, next),
            });
        }
    }

    /// `primary ("|" primary)*`
    fn alternatives(&mut self, neg: bool) -> Result<Cnf, QueryError> {
        let mut acc = self.primary(neg)?;
        while let Some(Tok::Or) = self.peek() {
            self.pos += 1;
            match self.peek() {
                None | Some(Tok::Close) => return Err(dangling_or()),
                Some(Tok::Or) => return Err(doubled_or()),
                _ => {}
            }
            let next = self.primary(neg)?;
            acc = if neg { and(acc, next) } else { or(acc, next)? };
        }
        Ok(acc)
    }

    /// A term or a parenthesised group.
    fn primary(&mut self, neg: bool) -> Result<Cnf, QueryError> {
        let toks = self.toks;
        let Some(tok) = toks.get(self.pos) else {
            return Err(dangling_or());
        };
        self.pos += 1;
        match tok {
            Tok::Word(word) => {
                if word.quote_at.is_none() && word.text == "!" {
                    return Err(QueryError::new(
                        "\"!\" with nothing after it: write it against a term, e.g. !viral or \
                         !outlet:detik, or before a group, e.g. !(tiktok | instagram)",
                    ));
                }
                let term = if neg {
                    parse_term(&negate(word), self.lexicon)?
                } else {
                    parse_term(word, self.lexicon)?
                };
                Ok(vec![vec![term]])
            }
            Tok::Open { negated } => {
                let inner_neg = neg ^ *negated;
                let Some(inner) = self.seq(inner_neg)? else {
                    return Err(match self.peek() {
                        Some(Tok::Close) => QueryError::new(
                            "\"()\" is empty: put terms inside, e.g. (tiktok | instagram) viral",
                        ),
                        _ => unclosed_open(),
                    });
                };
                match self.peek() {
                    Some(Tok::Close) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(unclosed_open()),
                }
            }
            Tok::Close => Err(unmatched_close()),
            Tok::Or => Err(dangling_or()),
        }
    }
}

/// `a AND b`: the groups of both.
fn and(mut a: Cnf, b: Cnf) -> Cnf {
    a.extend(b);
    a
}

/// `a OR b` in CNF: every group of `a` joined with every group of `b`.
fn or(a: Cnf, b: Cnf) -> Result<Cnf, QueryError> {
    if a.len().saturating_mul(b.len()) > MAX_GROUPS {
        return Err(QueryError::new(format!(
            "too many combinations: \"|\" between parenthesised groups multiplies them, and \
             this query would need more than {MAX_GROUPS} groups; use fewer terms inside the \
             parentheses, e.g. (a | b) c instead of (a c) | (b c)"
        )));
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for ga in &a {
        for gb in &b {
            let mut g = ga.clone();
            for t in gb {
                if !g.contains(t) {
                    g.push(t.clone());
                }
            }
            out.push(g);
        }
    }
    Ok(out)
}

/// Drops groups typed (or distributed) twice, keeping the first.
fn dedup(groups: &mut Cnf) {
    let mut i = 0;
    while i < groups.len() {
        if groups[..i].contains(&groups[i]) {
            groups.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The term with its `!` toggled, as if typed so: a negated plain term means "does not
/// contain", which [`parse_term`] decides from the text.
fn negate(tok: &Token) -> Token {
    match tok.text.strip_prefix('!') {
        Some(rest) if tok.quote_at != Some(0) => Token {
            text: rest.to_string(),
            quote_at: tok.quote_at.map(|q| q - 1),
            raw: tok.raw.strip_prefix('!').unwrap_or(&tok.raw).to_string(),
        },
        _ => Token {
            text: format!("!{}", tok.text),
            quote_at: tok.quote_at.map(|q| q + 1),
            raw: format!("!{}", tok.raw),
        },
    }
}

fn dangling_or() -> QueryError {
    QueryError::new("dangling \"|\": put a term on each side, e.g. tiktok | instagram")
}

fn doubled_or() -> QueryError {
    QueryError::new("doubled \"|\": one | means OR, e.g. tiktok | instagram")
}

fn unclosed_open() -> QueryError {
    QueryError::new("unclosed \"(\": add a \")\" after the group, e.g. (tiktok | instagram) viral")
}

fn unmatched_close() -> QueryError {
    QueryError::new(
        "\")\" without a \"(\": remove it, or open the group, e.g. (tiktok | instagram) viral",
    )
}

/// One piece of the query: a term, or an operator typed outside quotes.
enum Tok {
    Word(Token),
    Or,
    /// `(`, or `!(` (negated).
    Open {
        negated: bool,
    },
    Close,
}

/// One term of the query, with quotes removed.
struct Token {
    /// The text with quote characters removed.
    text: String,
    /// Byte offset in `text` where the first quoted part starts.
    quote_at: Option<usize>,
    /// The piece as typed, for error messages.
    raw: String,
}

/// Splits at whitespace, `|`, `(` and `)` outside quotes; each of `|()` is an operator
/// whether or not spaces surround it, so `tag:a|tag:b` is two terms. Inside quotes all four
/// are text.
fn tokenize(input: &str) -> Result<Vec<Tok>, QueryError> {
    let mut out = Vec::new();
    let mut cur: Option<Token> = None;
    let mut in_quote = false;
    for c in input.chars() {
        if !in_quote {
            let op = match c {
                '|' => Some(Tok::Or),
                ')' => Some(Tok::Close),
                '(' => {
                    // `!(` (or `!!(`): the bangs negate the group rather than forming a term.
                    let bangs = cur
                        .as_ref()
                        .filter(|t| t.quote_at.is_none() && t.text.chars().all(|c| c == '!'))
                        .map(|t| t.text.len());
                    if bangs.is_some() {
                        cur = None;
                    }
                    Some(Tok::Open {
                        negated: bangs.unwrap_or(0) % 2 == 1,
                    })
                }
                _ => None,
            };
            if c.is_whitespace() || op.is_some() {
                out.extend(cur.take().map(Tok::Word));
                out.extend(op);
                continue;
            }
        }
        let tok = cur.get_or_insert_with(|| Token {
            text: String::new(),
            quote_at: None,
            raw: String::new(),
        });
        tok.raw.push(c);
        if c == '"' {
            in_quote = !in_quote;
            tok.quote_at.get_or_insert(tok.text.len());
        } else {
            tok.text.push(c);
        }
    }
    if in_quote {
        let raw = cur.map(|t| t.raw).unwrap_or_default();
        return Err(QueryError::new(format!(
            "{raw}: unterminated quote (add a closing \")"
        )));
    }
    out.extend(cur.map(Tok::Word));
    Ok(out)
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
    // Plain and double-quoted terms find their synonyms; 'exact, ^prefix and suffix$ do not.
    let synonyms = || -> Vec<Phrase> {
        lexicon
            .expand(text)
            .iter()
            .skip(1)
            .filter_map(|t| Phrase::new(t))
            .collect()
    };
    let mut alts = Vec::new();
    let pred = if quote_at == Some(0) {
        alts = synonyms();
        Pred::Contains(fold(text))
    } else if let Some(rest) = text.strip_prefix('\'') {
        Pred::Contains(fold(non_empty(rest).ok_or_else(|| nothing("to match"))?))
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
    } else if negated {
        // fzf semantics: a negated plain term is an exact "does not contain".
        alts = synonyms();
        Pred::Contains(fold(text))
    } else {
        alts = synonyms();
        Pred::Fuzzy(FuzzyPattern::new(text))
    };
    Ok(Term {
        negated,
        pred,
        alts,
    })
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
        // `https://…` is text, not a field: searched exactly, as if quoted.
        if value.starts_with("//") {
            return Ok(Term {
                negated,
                pred: Pred::Contains(fold(&format!("{name}:{value}"))),
                alts: Vec::new(),
            });
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
    Ok(Term {
        negated,
        pred,
        alts: Vec::new(),
    })
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
        "is" => "unread, read, starred, relevant, irrelevant, maybe, undecided or new",
        "has" => "note, labels or copies",
        "label" => "a triage label, e.g. label:banjir",
        "date" => {
            "YYYY, YYYY-MM or YYYY-MM-DD, a range a..b, or >, >=, <, <= and a date, e.g. date:2024-06"
        }
        "outlet" => "an outlet's name, e.g. outlet:kompas",
        "city" => "a dateline's city, e.g. city:palembang",
        "author" => "an author's name, e.g. author:budi",
        "tag" => "a tag, e.g. tag:pemilu",
        "prov" => "a province, e.g. prov:\"sumatera selatan\"",
        "region" => "a regency or city, e.g. region:muratara",
        "body" => "a word of the text, e.g. body:viral",
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

/// `body:viral` finds the word's inflections and synonyms; `body:'viral` only the word.
fn parse_body(value: &str, lexicon: &Lexicon) -> Result<Pred, String> {
    let needs = || "needs a word (letters or digits)".to_string();
    if let Some(rest) = value.strip_prefix('\'') {
        return Phrase::literal(rest)
            .map(|p| Pred::Body(vec![p]))
            .ok_or_else(needs);
    }
    let phrases: Vec<Phrase> = lexicon
        .expand(value)
        .iter()
        .filter_map(|t| Phrase::new(t))
        .collect();
    if phrases.is_empty() {
        return Err(needs());
    }
    Ok(Pred::Body(phrases))
}

fn parse_topic(value: &str, lexicon: &Lexicon) -> Result<Pred, String> {
    match lexicon.topic_phrases(value) {
        Some(phrases) => Ok(Pred::Topic(crate::lexicon::normalize(value), phrases)),
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
            "is: needs a value: unread, read, starred, relevant, irrelevant, maybe, undecided \
             or new"
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
            "unknown field \"foo:\"; fields are outlet: city: author: tag: prov: region: body: \
             topic: date: is: label: has: (to search the text, quote it: \"foo:bar\")"
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
        assert!(Query::parse("\"|\"").is_ok());
    }

    /// The groups a query parses to, for comparing two spellings of one query.
    fn groups(q: &str) -> Vec<Group> {
        Query::parse(q).expect("query parses").groups
    }

    #[test]
    fn or_needs_no_spaces() {
        let c = corpus();
        for q in [
            "'tiktok|'instagram",
            "'tiktok |'instagram",
            "'tiktok| 'instagram",
            "'tiktok | 'instagram",
        ] {
            assert_eq!(sorted_ids(&c, q), vec!["a0", "a4"], "{q}");
            assert_eq!(groups(q), groups("'tiktok | 'instagram"), "{q}");
        }
        assert_eq!(sorted_ids(&c, "tag:asn|tag:pelayanan"), vec!["a0", "a1"]);
        assert_eq!(
            sorted_ids(&c, "tag:asn|'blora|tag:pelayanan"),
            vec!["a0", "a1", "a3"]
        );
        // Quoted, `|` and parentheses are text.
        let g = groups("\"a|b (c)\"");
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 1);
        assert_eq!(g[0][0].pred, Pred::Contains("a|b (c)".into()));
        assert_eq!(
            groups("outlet:\"x|y\"")[0][0].pred,
            Pred::Outlet("x|y".into())
        );
    }

    #[test]
    fn parentheses_group_and_distribute() {
        let c = corpus();
        assert_eq!(
            sorted_ids(&c, "('tiktok | 'instagram) 'pejabat"),
            vec!["a4"]
        );
        assert_eq!(sorted_ids(&c, "(tag:asn)"), vec!["a0"]);
        assert_eq!(
            sorted_ids(&c, "!('tiktok | 'instagram)"),
            vec!["a1", "a2", "a3"]
        );
        assert_eq!(sorted_ids(&c, "(('blora | 'oki) | 'zzz)"), vec!["a1", "a3"]);
        assert_eq!(sorted_ids(&c, "('live 'tiktok) | 'blora"), vec!["a0", "a3"]);
        assert_eq!(
            sorted_ids(&c, "!('live 'tiktok)"),
            vec!["a1", "a2", "a3", "a4"]
        );
        // The same groups as the query written out by hand.
        for (grouped, flat) in [
            ("(a | b) c", "a | b c"),
            ("(body:asn)", "body:asn"),
            ("((x))", "x"),
            ("!(a | b)", "!a !b"),
            ("!(a b)", "!a | !b"),
            ("!(!a)", "a"),
            ("!!(a)", "a"),
            ("!(tag:x | !tag:y)", "!tag:x tag:y"),
            ("(a b) | c", "a | c b | c"),
            ("(a b) | (c d)", "a | c a | d b | c b | d"),
            ("!((a | b) c)", "!a | !c !b | !c"),
            ("(a | b) (a | b)", "a | b"),
            ("a(b)c", "a b c"),
        ] {
            assert_eq!(groups(grouped), groups(flat), "{grouped}");
        }
        // A negated plain term means "does not contain", as when typed with `!`.
        assert_eq!(
            groups("!(viral)")[0][0].pred,
            Pred::Contains("viral".into())
        );
    }

    #[test]
    fn distribution_is_capped() {
        let pairs = |n: usize| {
            (0..n)
                .map(|i| format!("(a{i} b{i})"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        assert_eq!(groups(&pairs(6)).len(), 64);
        let e = err(&pairs(7));
        assert!(e.starts_with("too many combinations"), "{e}");
        assert!(e.contains("64"), "{e}");
        // Negation of a long AND is as long as the query, not a product.
        let long = (0..100)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(" | ");
        assert_eq!(groups(&format!("!({long})")).len(), 100);
    }

    #[test]
    fn what_does_not_parse_says_why_and_what_works() {
        for (q, start, works) in [
            ("(a b", "unclosed \"(\"", "(tiktok | instagram)"),
            ("((a) b", "unclosed \"(\"", ")"),
            ("a b)", "\")\" without a \"(\"", "(tiktok | instagram)"),
            (")", "\")\" without a \"(\"", "("),
            ("(a))", "\")\" without a \"(\"", "("),
            ("()", "\"()\" is empty", "(tiktok | instagram)"),
            ("a !()", "\"()\" is empty", "(tiktok | instagram)"),
            ("a ||b", "doubled \"|\"", "tiktok | instagram"),
            ("(a |)", "dangling \"|\"", "tiktok | instagram"),
            ("(| a)", "dangling \"|\"", "tiktok | instagram"),
            ("a|", "dangling \"|\"", "tiktok | instagram"),
            ("!", "\"!\" with nothing after it", "!(tiktok | instagram)"),
            ("! (a)", "\"!\" with nothing after it", "!viral"),
            ("a !|b", "\"!\" with nothing after it", "!viral"),
            ("tag:", "tag: needs a value", "tag:pemilu"),
            ("tag:|tag:x", "tag: needs a value", "tag:pemilu"),
            ("(tag: )", "tag: needs a value", "tag:pemilu"),
            ("foo:bar", "unknown field \"foo:\"", "\"foo:bar\""),
            (
                "provinsi:jambi",
                "unknown field \"provinsi:\"; did you mean prov:?",
                "prov:",
            ),
            (
                "tags:x",
                "unknown field \"tags:\"; did you mean tag:?",
                "tag:",
            ),
            (
                "autor:x",
                "unknown field \"autor:\"; did you mean author:?",
                "author:",
            ),
        ] {
            let e = err(q);
            assert!(e.starts_with(start), "{q}: {e}");
            assert!(e.contains(works), "{q}: {e}");
        }
        // Times and URLs are text, not fields.
        assert_eq!(
            groups("10:30")[0][0].pred,
            Pred::Fuzzy(FuzzyPattern::new("10:30"))
        );
        assert_eq!(
            groups("https://Kompas.com/a")[0][0].pred,
            Pred::Contains("https://kompas.com/a".into())
        );
        assert!(groups("!https://x.id")[0][0].negated);
    }
}
