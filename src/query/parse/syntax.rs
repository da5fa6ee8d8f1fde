//! The grammar around terms: the tokenizer (whitespace, quotes, `|`, parentheses) and the
//! grouping of terms into AND-ed groups of `|`-joined terms, with parentheses distributed
//! and negated groups pushed down to their terms; and the messages for what does not parse.

use super::parse_term;
use crate::lexicon::Lexicon;
use crate::query::model::{Group, QueryError};

/// The query's groups, as typed (duplicates dropped).
pub(super) fn parse_groups(input: &str, lexicon: &Lexicon) -> Result<Vec<Group>, QueryError> {
    let toks = tokenize(input)?;
    let mut parser = Parser {
        toks: &toks,
        pos: 0,
        lexicon,
        field: None,
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
    Ok(groups)
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
    /// The field of the enclosing `field:( … )` group, given to every term inside it.
    field: Option<&'a str>,
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
                Some(Tok::And) => {
                    // `AND` only says what a space already does, between two terms.
                    self.pos += 1;
                    if acc.is_none() || !self.peek().is_some_and(Tok::starts_term) {
                        return Err(dangling_and());
                    }
                }
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
                Some(Tok::And) => return Err(dangling_and()),
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
                    return Err(QueryError::new(format!(
                        "\"{}\" with nothing after it: write it against a term, e.g. !viral, \
                         -viral or !outlet:detik, or before a group, e.g. !(tiktok | instagram)",
                        word.raw
                    )));
                }
                let word = match self.field {
                    Some(field) => in_field(field, word)?,
                    None => word.clone(),
                };
                let term = if neg {
                    parse_term(&negate(&word), self.lexicon)?
                } else {
                    parse_term(&word, self.lexicon)?
                };
                Ok(vec![vec![term]])
            }
            Tok::Not => {
                match self.peek() {
                    None | Some(Tok::Close | Tok::Or | Tok::And) => {
                        return Err(QueryError::new(
                            "\"NOT\" with nothing after it: write it before a term or a group, \
                             e.g. NOT viral or NOT (tiktok | instagram)",
                        ));
                    }
                    Some(Tok::Not) => {
                        let rest = match self.toks.get(self.pos + 1) {
                            Some(Tok::Word(w)) => w.raw.as_str(),
                            _ => "(…)",
                        };
                        return Err(double_negation(&format!("NOT NOT {rest}"), rest));
                    }
                    Some(Tok::Open { negated: true, .. }) => {
                        return Err(double_negation("NOT !(…)", "(…)"));
                    }
                    Some(Tok::Word(w)) if w.is_negated() => {
                        let rest = w.raw.trim_start_matches(['!', '-']);
                        return Err(double_negation(&format!("NOT {}", w.raw), rest));
                    }
                    _ => {}
                }
                self.primary(!neg)
            }
            Tok::Open { negated, field } => {
                let inner_neg = neg ^ *negated;
                let outer = self.field;
                if let Some(field) = field {
                    if let Some(outer) = outer {
                        return Err(field_in_field(outer, &format!("{field}:(")));
                    }
                    self.field = Some(field);
                }
                let inner = self.seq(inner_neg);
                self.field = outer;
                let Some(inner) = inner? else {
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
            Tok::And => Err(dangling_and()),
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
    QueryError::new("dangling \"|\" or \"OR\": put a term on each side, e.g. tiktok | instagram")
}

fn doubled_or() -> QueryError {
    QueryError::new("doubled \"|\" or \"OR\": one means either, e.g. tiktok | instagram")
}

fn unclosed_open() -> QueryError {
    QueryError::new("unclosed \"(\": add a \")\" after the group, e.g. (tiktok | instagram) viral")
}

fn unmatched_close() -> QueryError {
    QueryError::new(
        "\")\" without a \"(\": remove it, or open the group, e.g. (tiktok | instagram) viral",
    )
}

/// A field's value that is a field itself, e.g. `title:(body:x)`.
fn field_in_field(outer: &str, inner: &str) -> QueryError {
    QueryError::new(format!(
        "\"{inner}\" inside {outer}:( … ): the group after a field holds values of that field, \
         e.g. {outer}:(asn | pns); write other fields outside the parentheses"
    ))
}

/// Two negations stacked on one term (`!!asn`, `-!asn`, `NOT !asn`): almost always a slip,
/// and reading it either way would silently give the wrong half of the corpus.
fn double_negation(shown: &str, rest: &str) -> QueryError {
    QueryError::new(format!(
        "\"{shown}\": two negations in a row; write !{rest}, -{rest} or NOT {rest} to leave \
         it out, {rest} to keep it"
    ))
}

fn dangling_and() -> QueryError {
    QueryError::new(
        "dangling \"AND\": put a term on each side, e.g. asn AND viral (a space does the same: \
         asn viral)",
    )
}

/// One piece of the query: a term, or an operator typed outside quotes.
pub(super) enum Tok {
    Word(Token),
    /// `|` or `OR`.
    Or,
    /// `AND`: what a space between terms already means.
    And,
    /// `NOT` before a term or group.
    Not,
    /// `(`, `!(` or `-(` (negated), and `field:(` (each term inside gets the field).
    Open {
        negated: bool,
        field: Option<String>,
    },
    Close,
}

impl Tok {
    fn starts_term(&self) -> bool {
        matches!(self, Tok::Word(_) | Tok::Open { .. } | Tok::Not)
    }
}

/// One term of the query, with quotes removed.
#[derive(Clone)]
pub(super) struct Token {
    /// The text with quote characters removed.
    pub(super) text: String,
    /// Byte offset in `text` where the first quoted part starts.
    pub(super) quote_at: Option<usize>,
    /// The piece as typed, for error messages.
    pub(super) raw: String,
}

impl Token {
    /// Starts with a `!` typed outside quotes (a leading `-` is turned into one).
    fn is_negated(&self) -> bool {
        self.text.starts_with('!') && self.quote_at != Some(0)
    }

    /// How many `!`/`-` lead the term outside quotes.
    fn negations(&self) -> usize {
        let unquoted = &self.text[..self.quote_at.unwrap_or(self.text.len())];
        unquoted
            .chars()
            .take_while(|&c| c == '!' || c == '-')
            .count()
    }

    /// `name` when the term, after one negation, is `name:` with nothing after the colon.
    fn bare_field(&self) -> Option<(bool, &str)> {
        if self.quote_at.is_some() {
            return None;
        }
        let negated = self.negations() == 1;
        let text = if negated {
            &self.text[1..]
        } else {
            &self.text[..]
        };
        let name = text.strip_suffix(':')?;
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()))
            .then_some((negated, name))
    }
}

/// `word` as typed inside `field:( … )`: the same term with the field in front, after its
/// negation.
fn in_field(field: &str, word: &Token) -> Result<Token, QueryError> {
    let bang = usize::from(word.is_negated());
    let rest = &word.text[bang..];
    let quote_at = word.quote_at.map(|q| q - bang);
    let unquoted = &rest[..quote_at.unwrap_or(rest.len())];
    if let Some(colon) = unquoted.find(':') {
        let name = &unquoted[..colon];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(field_in_field(
                field,
                word.raw.get(bang..).unwrap_or(&word.raw),
            ));
        }
    }
    let head = format!("{}{field}:", if bang == 1 { "!" } else { "" });
    Ok(Token {
        text: format!("{head}{rest}"),
        quote_at: quote_at.map(|q| q + head.len()),
        raw: format!("{head}{}", word.raw.get(bang..).unwrap_or(&word.raw)),
    })
}

/// A finished piece of text: an upper-case `OR`/`AND`/`NOT`, or a term whose leading `-`
/// becomes `!` (only at the start: `e-KTP` and `2019-2020` are words).
fn finish(mut tok: Token) -> Result<Tok, QueryError> {
    if tok.quote_at.is_none() {
        match tok.text.as_str() {
            "OR" => return Ok(Tok::Or),
            "AND" => return Ok(Tok::And),
            "NOT" => return Ok(Tok::Not),
            _ => {}
        }
    }
    match tok.negations() {
        0 => {}
        1 => {
            if tok.text.starts_with('-') {
                tok.text.replace_range(..1, "!");
            }
        }
        n => {
            let rest = &tok.raw[n..];
            if rest.is_empty() {
                return Err(QueryError::new(format!(
                    "\"{}\" with nothing after it: write one against a term, e.g. !viral or \
                     -viral",
                    tok.raw
                )));
            }
            return Err(double_negation(&tok.raw, rest));
        }
    }
    Ok(Tok::Word(tok))
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
                '(' => Some(open(&mut cur)?),
                _ => None,
            };
            if c.is_whitespace() || op.is_some() {
                if let Some(tok) = cur.take() {
                    out.push(finish(tok)?);
                }
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
    if let Some(tok) = cur {
        out.push(finish(tok)?);
    }
    Ok(out)
}

/// The `(` after `cur`: `!(` or `-(` negate the group, `field:(` gives it a field; those
/// prefixes are taken out of `cur`, anything else before the `(` stays a term of its own.
fn open(cur: &mut Option<Token>) -> Result<Tok, QueryError> {
    let Some(tok) = cur.as_ref().filter(|t| t.quote_at.is_none()) else {
        return Ok(Tok::Open {
            negated: false,
            field: None,
        });
    };
    let n = tok.negations();
    let group = if n == tok.text.len() {
        if n > 1 {
            let shown = format!("{}(", tok.raw);
            return Err(double_negation(&shown, "(…)"));
        }
        Tok::Open {
            negated: n == 1,
            field: None,
        }
    } else if let Some((negated, name)) = tok.bare_field() {
        Tok::Open {
            negated,
            field: Some(name.to_string()),
        }
    } else {
        return Ok(Tok::Open {
            negated: false,
            field: None,
        });
    };
    *cur = None;
    Ok(group)
}

#[cfg(test)]
mod tests;
