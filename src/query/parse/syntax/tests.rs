//! The grammar: `|`, `OR`, `AND`, `NOT`, `-`, parentheses, field groups, and the errors.

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

#[test]
fn upper_case_or_and_not_are_operators() {
    for (typed, same) in [
        ("asn OR pns", "asn | pns"),
        ("asn OR pns viral", "asn | pns viral"),
        ("asn AND pns", "asn pns"),
        ("(asn OR pns) AND viral", "(asn | pns) viral"),
        ("NOT asn", "!asn"),
        ("viral NOT asn", "viral !asn"),
        ("NOT (asn | pns)", "!(asn | pns)"),
        ("NOT(asn pns)", "!asn | !pns"),
        ("NOT tag:x OR tag:y", "!tag:x | tag:y"),
        ("!(a AND NOT b)", "!a | b"),
    ] {
        assert_eq!(groups(typed), groups(same), "{typed}");
    }
    // Only in upper case and outside quotes: otherwise they are words.
    assert_eq!(groups("asn or pns").len(), 3);
    assert_eq!(groups("\"OR\" asn").len(), 2);
    assert_eq!(groups("Not asn").len(), 2);
    let c = corpus();
    assert_eq!(sorted_ids(&c, "'tiktok OR 'instagram"), vec!["a0", "a4"]);
    assert_eq!(sorted_ids(&c, "'live AND 'instagram"), vec!["a4"]);
    assert_eq!(
        sorted_ids(&c, "NOT 'live"),
        sorted_ids(&c, "!'live"),
        "NOT excludes"
    );
    assert_eq!(sorted_ids(&c, "NOT 'live"), vec!["a1", "a2", "a3"]);
    for (q, start) in [
        ("OR asn", "dangling \"|\" or \"OR\""),
        ("asn OR", "dangling \"|\" or \"OR\""),
        ("asn OR OR pns", "doubled \"|\" or \"OR\""),
        ("asn | OR pns", "doubled \"|\" or \"OR\""),
        ("AND asn", "dangling \"AND\""),
        ("asn AND", "dangling \"AND\""),
        ("asn AND AND pns", "dangling \"AND\""),
        ("asn AND | pns", "dangling \"AND\""),
        ("asn | AND pns", "dangling \"AND\""),
        ("(AND asn)", "dangling \"AND\""),
        ("NOT", "\"NOT\" with nothing after it"),
        ("asn NOT", "\"NOT\" with nothing after it"),
        ("NOT | asn", "\"NOT\" with nothing after it"),
        ("NOT NOT asn", "\"NOT NOT asn\": two negations"),
        ("NOT !asn", "\"NOT !asn\": two negations"),
        ("NOT -asn", "\"NOT -asn\": two negations"),
        ("NOT !(asn)", "\"NOT !(…)\": two negations"),
    ] {
        let e = err(q);
        assert!(e.starts_with(start), "{q}: {e}");
    }
}

#[test]
fn a_leading_minus_excludes_like_a_bang() {
    for (typed, same) in [
        ("asn -pns", "asn !pns"),
        ("-asn", "!asn"),
        ("-(asn | pns)", "!(asn | pns)"),
        ("-\"kode etik\"", "!\"kode etik\""),
        ("-tag:viral", "!tag:viral"),
        ("-'viral", "!'viral"),
        ("a -(b c)", "a !b | !c"),
    ] {
        assert_eq!(groups(typed), groups(same), "{typed}");
    }
    // Inside a word, or quoted, a `-` is text: hyphenated words and ranges stay words.
    for q in ["Covid-19", "e-KTP", "2019-2020", "\"-asn\"", "asn-"] {
        let g = groups(q);
        assert!(g.iter().flatten().all(|t| !t.negated), "{q}");
    }
    assert_eq!(groups("tahun 2019-2020").len(), 2);
    let c = corpus();
    assert_eq!(sorted_ids(&c, "'live -'instagram"), vec!["a0"]);
    assert_eq!(sorted_ids(&c, "'live !'instagram"), vec!["a0"]);
    let e = err("asn - pns");
    assert!(e.starts_with("\"-\" with nothing after it"), "{e}");
    assert!(e.contains("-viral"), "{e}");
}

#[test]
fn two_negations_on_one_term_are_an_error() {
    for (q, shown, hint) in [
        ("!!asn", "!!asn", "!asn"),
        ("--asn", "--asn", "-asn"),
        ("!-asn", "!-asn", "asn to keep it"),
        ("-!asn", "-!asn", "NOT asn"),
        ("viral !!tag:x", "!!tag:x", "!tag:x"),
        ("!!(a | b)", "!!(", "!(…)"),
        ("-!(a)", "-!(", "!(…)"),
    ] {
        let e = err(q);
        assert!(
            e.starts_with(&format!("\"{shown}")) && e.contains("two negations"),
            "{q}: {e}"
        );
        assert!(e.contains(hint), "{q}: {e}");
    }
    for q in ["!!", "--", "asn -- pns"] {
        let e = err(q);
        assert!(e.contains("with nothing after it"), "{q}: {e}");
    }
    // Quoted, the second mark is text; nested groups are a negation each, as written.
    assert!(Query::parse("!\"!asn\"").is_ok());
    assert_eq!(groups("!(!a)"), groups("a"));
}

#[test]
fn a_group_after_a_field_gives_every_term_the_field() {
    for (typed, same) in [
        ("title:(asn | pns)", "title:asn | title:pns"),
        ("title:(asn|pns) viral", "title:asn | title:pns viral"),
        ("body:(asn pns)", "body:asn body:pns"),
        ("tag:(a !b)", "tag:a !tag:b"),
        ("tag:(a -b)", "tag:a !tag:b"),
        ("tag:(a NOT b)", "tag:a !tag:b"),
        ("!title:(a | b)", "!title:a !title:b"),
        ("-tag:(a b)", "!tag:a | !tag:b"),
        ("NOT tag:(a b)", "!tag:a | !tag:b"),
        (
            "title:(\"kode etik\" | asn)",
            "title:\"kode etik\" | title:asn",
        ),
        ("title:((a | b) c)", "title:a | title:b title:c"),
        ("Title:(a)", "title:a"),
        ("outlet:(kompas OR detik)", "outlet:kompas | outlet:detik"),
        ("date:(2024 | 2025)", "date:2024 | date:2025"),
    ] {
        assert_eq!(groups(typed), groups(same), "{typed}");
    }
    let c = corpus();
    assert_eq!(sorted_ids(&c, "tag:(asn | pelayanan)"), vec!["a0", "a1"]);
    assert_eq!(
        sorted_ids(&c, "title:('tiktok | 'instagram)"),
        vec!["a0", "a4"]
    );
    for (q, start) in [
        ("title:(body:x)", "\"body:x\" inside title:( … )"),
        ("title:(a !body:x)", "\"body:x\" inside title:( … )"),
        ("title:(a tag:(x))", "\"tag:(\" inside title:( … )"),
        ("title:()", "\"()\" is empty"),
        ("title:(a", "unclosed \"(\""),
        ("foo:(a)", "unknown field \"foo:\""),
        ("tag:(|a)", "dangling \"|\""),
    ] {
        let e = err(q);
        assert!(e.starts_with(start), "{q}: {e}");
    }
    assert!(err("title:(body:x)").contains("title:(asn | pns)"));
    // A space after the colon leaves the field without a value.
    assert!(err("title: (a)").starts_with("title: needs a value"));
}
