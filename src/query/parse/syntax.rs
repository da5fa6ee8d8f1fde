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
pub(super) enum Tok {
    Word(Token),
    Or,
    /// `(`, or `!(` (negated).
    Open {
        negated: bool,
    },
    Close,
}

/// One term of the query, with quotes removed.
pub(super) struct Token {
    /// The text with quote characters removed.
    pub(super) text: String,
    /// Byte offset in `text` where the first quoted part starts.
    pub(super) quote_at: Option<usize>,
    /// The piece as typed, for error messages.
    pub(super) raw: String,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;
    use crate::query::model::Pred;
    use crate::query::testing::*;

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
        assert_eq!(g[0][0].pred, groups("\"a b c\"")[0][0].pred);
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
        // A negated plain term means "does not use the word", as when typed with `!`.
        assert_eq!(groups("!(viral)"), groups("!viral"));
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
        assert_eq!(groups("10:30"), groups("\"10 30\""));
        assert_eq!(
            groups("https://Kompas.com/a"),
            groups("'\"https kompas com a\"")
        );
        assert!(groups("!https://x.id")[0][0].negated);
    }
}
