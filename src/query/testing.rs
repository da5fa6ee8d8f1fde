//! A small corpus and helpers shared by the query unit tests.

use super::{Query, Scope, Sort, search};
use crate::corpus::Corpus;
use crate::facets::Filters;
use crate::model::Article;

pub(super) struct A<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) outlet: Option<&'a str>,
    pub(super) city: Option<&'a str>,
    pub(super) authors: &'a [&'a str],
    pub(super) date: Option<&'a str>,
    pub(super) tags: &'a [&'a str],
    pub(super) body: &'a [&'a str],
}

pub(super) const BLANK: A<'static> = A {
    id: "",
    title: "",
    outlet: None,
    city: None,
    authors: &[],
    date: None,
    tags: &[],
    body: &[],
};

pub(super) fn article(a: &A) -> Article {
    let mut art = Article::default();
    art.meta.id = a.id.to_string();
    art.meta.title = a.title.to_string();
    art.meta.outlet = a.outlet.map(str::to_string);
    art.meta.dateline = a.city.map(str::to_string);
    art.meta.authors = a.authors.iter().map(|s| s.to_string()).collect();
    art.meta.published = a.date.map(|d| d.parse().expect("test date"));
    art.meta.tags = a.tags.iter().map(|s| s.to_string()).collect();
    art.body.body = a.body.iter().map(|s| s.to_string()).collect();
    art
}

pub(super) fn corpus() -> Corpus {
    Corpus::from_articles(
        [
            A {
                id: "a0",
                title: "ASN Palembang live TikTok saat jam kerja",
                outlet: Some("Grow Media"),
                city: Some("Palembang"),
                authors: &["Eko Hepronis"],
                date: Some("2023-06-09"),
                tags: &["asn", "viral"],
                body: &["Tiga ASN karaoke di kantor.", "Mereka live streaming."],
            },
            A {
                id: "a1",
                title: "Pemkab OKI minta OPD tidak tunggu viral",
                outlet: Some("Sumeks.co"),
                city: Some("Kayuagung"),
                date: Some("2024-06-19"),
                tags: &["pelayanan"],
                body: &["Pelayanan publik tanpa menunggu viral."],
                ..BLANK
            },
            A {
                id: "a2",
                title: "Bantahan Pemkab Simalungun soal tim medsos",
                outlet: Some("PAB"),
                city: Some("Simalungun"),
                date: Some("2024-04-10"),
                body: &["Tidak ada pemaksaan karaokean."],
                ..BLANK
            },
            A {
                id: "a3",
                title: "Bupati Blora larang pamer kemewahan",
                outlet: Some("Infoku"),
                city: Some("Blora"),
                authors: &["Setyorini"],
                date: Some("2025-09-10"),
                body: &["Jangan flexing di media sosial."],
                ..BLANK
            },
            A {
                id: "a4",
                title: "Tanpa tanggal: instagram live pejabat",
                body: &["Live di instagram."],
                ..BLANK
            },
        ]
        .iter()
        .map(article)
        .collect(),
    )
}

pub(super) fn ids(corpus: &Corpus, q: &str) -> Vec<String> {
    let query = Query::parse(q).expect("query parses");
    search(
        corpus,
        &query,
        &Filters::default(),
        Sort::Relevance,
        Scope::default(),
    )
    .iter()
    .map(|h| corpus.meta(h.index).id.clone())
    .collect()
}

pub(super) fn sorted_ids(corpus: &Corpus, q: &str) -> Vec<String> {
    let mut v = ids(corpus, q);
    v.sort();
    v
}

pub(super) fn err(q: &str) -> String {
    Query::parse(q).expect_err("query must fail").message
}
