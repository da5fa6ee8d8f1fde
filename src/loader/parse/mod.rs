//! The scraped-news parser: title, outlet, dateline, people, dates, boilerplate, related
//! headlines, quotations and tags, from decoded text with `\n` line ends.
//!
//! Scrapes put one paragraph per line, so every non-empty line is a paragraph. Each step is a
//! small hand-written scanner with bounded look-around: input is untrusted and can be one
//! 50 MB line, so nothing here is quadratic, nothing backtracks, and `&str` is only sliced at
//! positions found by `char_indices`, `find` or ASCII bytes.

mod dateline;
mod dates;
mod lines;
mod quotes;
mod tags;

use std::collections::HashSet;

use crate::model::{Article, Body, Date, Format, Meta, article_id};

use super::Record;
pub use dateline::{normalize_outlet, title_case};
pub use dates::parse_date_loose;
use lines::Kind;

/// How many body paragraphs after the title may precede the dateline lead (summary, caption,
/// photo credit, "Laporan wartawan"); a dateline-like line farther down is prose.
const LEAD_WINDOW: usize = 6;
/// A first line with more characters than this is a paragraph, not a headline.
const MAX_TITLE_CHARS: usize = 300;
/// A derived title (first sentence of the lede) is cut at a word boundary at about this length.
const DERIVED_TITLE_CHARS: usize = 100;
/// ...but a first sentence up to this long is kept whole rather than cut a few words short.
const DERIVED_TITLE_SLACK: usize = 120;

/// Trims a line and collapses internal whitespace runs (NBSP included) to one space.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(clean_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// What the line-level pass finds; the title is `None` when the text has no headline line.
#[derive(Debug, Default)]
struct Parts {
    title: Option<String>,
    outlet: Option<String>,
    dateline: Option<String>,
    authors: Vec<String>,
    editor: Option<String>,
    body: Vec<String>,
    boilerplate: Vec<String>,
    related: Vec<String>,
}

impl Parts {
    fn add_author(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() && !self.authors.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            self.authors.push(name.to_string());
        }
    }
}

/// A first line that is really the dateline lead (`GROW MEDIA - Viral di ...`) or a whole
/// paragraph, so the text has no headline.
fn is_lede_line(line: &str) -> bool {
    if line.chars().nth(MAX_TITLE_CHARS).is_some() {
        return true;
    }
    dateline::detect(line).is_some_and(|d| line[d.rest..].split_whitespace().nth(5).is_some())
}

/// `(MS/Red)`, `.(Setyorini)`, `(adv/eth)` at the very end of the last paragraph: returns the
/// byte offset where the credit starts and the person names in it (service words such as
/// `Red` = redaksi and lower-case desk codes are not people).
fn trailing_credit(p: &str) -> Option<(usize, Vec<String>)> {
    let inner_end = p.strip_suffix(')')?.len();
    let open = p[..inner_end].rfind('(')?;
    let inner = &p[open + 1..inner_end];
    if inner.is_empty()
        || inner.chars().count() > 40
        || !inner
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '.' | ',' | '-' | '\''))
    {
        return None;
    }
    let before = p[..open].trim_end();
    if !(before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')']))
    {
        return None;
    }
    let mut names = Vec::new();
    for part in inner
        .split(['/', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let low = part.to_lowercase();
        let service = [
            "red",
            "redaksi",
            "rls",
            "rilis",
            "adv",
            "advertorial",
            "ant",
            "antara",
            "*",
        ]
        .contains(&low.as_str());
        let first = part.chars().next().unwrap_or(' ');
        if service || !first.is_uppercase() {
            // A desk code (`eth`) or a service word; a credit only if every part is one.
            if part.split_whitespace().count() > 1 {
                return None;
            }
            continue;
        }
        if part.split_whitespace().count() > 4 {
            return None;
        }
        names.push(part.to_string());
    }
    Some((open, names))
}

/// The line-level pass over the paragraphs of one article.
fn extract(paras: Vec<String>, detect_title: bool) -> Parts {
    let mut parts = Parts::default();
    let paras: Vec<String> = paras
        .into_iter()
        .map(|p| match lines::glued_related(&p) {
            Some(pos) => {
                parts
                    .boilerplate
                    .push(p[..pos].trim_end_matches([',', ' ']).to_string());
                p[pos..].to_string()
            }
            None => p,
        })
        .collect();
    let kinds: Vec<Kind> = paras.iter().map(|p| lines::classify(p)).collect();
    let body_idx: Vec<usize> = (0..paras.len())
        .filter(|&i| kinds[i] == Kind::Body)
        .collect();

    // Title: the first body-kind line, merged with a next line that repeats or completes it.
    let mut first_body = 0; // position in body_idx where the article proper starts
    if detect_title
        && let Some(&t0) = body_idx.first()
        && !is_lede_line(&paras[t0])
    {
        first_body = 1;
        let mut title = paras[t0].clone();
        if let Some(&t1) = body_idx.get(1)
            && paras[t1].starts_with(title.as_str())
            && paras[t1].chars().nth(MAX_TITLE_CHARS).is_none()
        {
            title = paras[t1].clone();
            first_body = 2;
        }
        parts.title = Some(title);
    }

    // The dateline lead: a strong dateline in the first few paragraphs, else a weak one
    // (`Jakarta -`) on the first paragraph only.
    let window = &body_idx[first_body.min(body_idx.len())..];
    let mut lead: Option<(usize, dateline::Dateline)> = window
        .iter()
        .take(LEAD_WINDOW)
        .enumerate()
        .find_map(|(k, &i)| {
            dateline::detect(&paras[i])
                .filter(|d| d.strong)
                .map(|d| (k, d))
        });
    if lead.is_none()
        && let Some(&i) = window.first()
    {
        lead = dateline::detect(&paras[i]).map(|d| (0, d));
    }
    let (lead_pos, lead_rest) = match &lead {
        Some((k, d)) => (*k, d.rest),
        None => (0, 0),
    };
    if let Some((_, d)) = lead {
        parts.outlet = d.outlet;
        parts.dateline = d.city;
    }
    let lead_para = window.get(lead_pos).copied();
    // Lines before the lead are summaries and captions that repeat the lede, not body.
    let pre_lead: HashSet<usize> = window[..lead_pos].iter().copied().collect();
    let title_lines: HashSet<usize> = body_idx[..first_body.min(body_idx.len())]
        .iter()
        .copied()
        .collect();

    for (i, (p, kind)) in paras.into_iter().zip(kinds).enumerate() {
        match kind {
            Kind::Body if title_lines.contains(&i) => {}
            Kind::Body if pre_lead.contains(&i) => parts.boilerplate.push(p),
            Kind::Body if Some(i) == lead_para && lead_rest > 0 => {
                // The header shows outlet and city; the body keeps the lede only.
                let rest = p[lead_rest.min(p.len())..].trim();
                if !rest.is_empty() {
                    parts.body.push(rest.to_string());
                }
            }
            Kind::Body => parts.body.push(p),
            Kind::Related(h) => {
                if !h.is_empty() && !parts.related.contains(&h) {
                    parts.related.push(h);
                }
                parts.boilerplate.push(p);
            }
            Kind::Boiler => parts.boilerplate.push(p),
            Kind::Credit { authors, editor } => {
                for a in &authors {
                    parts.add_author(a);
                }
                if editor.is_some() {
                    parts.editor = editor;
                }
                parts.boilerplate.push(p);
            }
        }
    }

    if let Some(last) = parts.body.pop() {
        match trailing_credit(&last) {
            Some((cut, names)) => {
                for n in &names {
                    parts.add_author(n);
                }
                parts.boilerplate.push(last[cut..].to_string());
                let kept = last[..cut].trim_end();
                if !kept.is_empty() {
                    parts.body.push(kept.to_string());
                }
            }
            None => parts.body.push(last),
        }
    }
    parts
}

/// A title from the lede: its first sentence, cut at a word boundary near 100 characters.
fn derive_title(lede: &str) -> String {
    let mut end = lede.len();
    let mut word_start = 0;
    for (i, c) in lede.char_indices() {
        if c == ' ' {
            word_start = i + 1;
        }
        if i > 4 * DERIVED_TITLE_SLACK {
            end = i;
            break;
        }
        if matches!(c, '.' | '!' | '?') && lede[i + 1..].starts_with(' ') {
            // `Ir.`, `H.`, `Dr.` are abbreviations inside the sentence, not its end.
            let word = &lede[word_start..i];
            let abbrev =
                word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
            if !abbrev {
                end = i;
                break;
            }
        }
    }
    let sentence = lede[..end].trim_end_matches(['.', '!', '?', ' ', ',']);
    if sentence.chars().nth(DERIVED_TITLE_SLACK).is_none() {
        return sentence.to_string();
    }
    let limit = sentence
        .char_indices()
        .nth(DERIVED_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let cut = sentence[..limit].rfind(' ').unwrap_or(limit);
    format!(
        "{}\u{2026}",
        sentence[..cut].trim_end_matches([',', ' ', ';', ':'])
    )
}

/// Dates of the title and body: all distinct ones in order, and the publication date.
fn dates_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> (Vec<Date>, Option<Date>) {
    let found: Vec<dates::Found> = texts.into_iter().flat_map(dates::scan).collect();
    let mut seen = HashSet::new();
    let mentioned = found
        .iter()
        .map(|f| f.date)
        .filter(|d| seen.insert(*d))
        .collect();
    (mentioned, dates::pick_published(&found))
}

/// Assembles the article from the line pass; `title` is the final title.
fn assemble(
    parts: Parts,
    title: String,
    title_derived: bool,
    id: String,
    source_path: &str,
) -> Article {
    let texts = std::iter::once(title.as_str()).chain(parts.body.iter().map(String::as_str));
    let (dates_mentioned, published) = dates_of(texts.clone());
    let tags = tags::detect(texts.clone());
    let places = crate::regions::find(parts.dateline.as_deref(), texts);
    let quotes = quotes::extract(&parts.body);
    let word_count = parts
        .body
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    Article {
        meta: Meta {
            id,
            title,
            title_derived,
            outlet: parts.outlet,
            dateline: parts.dateline,
            authors: parts.authors,
            editor: parts.editor,
            published,
            tags,
            regions: places.regions,
            provinces: places.provinces,
            url: None,
            source_path: source_path.to_string(),
            record: None,
            format: Format::Txt,
            word_count,
        },
        body: Body {
            dates_mentioned,
            body: parts.body,
            boilerplate: parts.boilerplate,
            related: parts.related,
            quotes,
            source_fields: None,
        },
    }
}

/// The final title: the headline line, else one derived from the lede (then `derived`).
fn title_or_derived(title: Option<String>, body: &[String]) -> (String, bool) {
    match title {
        Some(t) => (t, false),
        None => match body.first().map(|lede| derive_title(lede)) {
            Some(t) if !t.is_empty() => (t, true),
            _ => (String::new(), false),
        },
    }
}

/// Parses one scraped article (already decoded and sanitised, `\n` line ends).
pub fn parse_text(text: &str, source_path: &str) -> Article {
    let mut parts = extract(paragraphs(text), true);
    let (title, derived) = title_or_derived(parts.title.take(), &parts.body);
    assemble(parts, title, derived, article_id(text), source_path)
}

/// Builds an article from a JSON/CSV record, running the text parser over its body to find
/// what the record's own fields do not give. Record fields win over what the text says.
pub fn from_record(
    rec: &Record,
    source_path: &str,
    index: Option<usize>,
    format: Format,
) -> Article {
    let body_text = rec.body.as_deref().unwrap_or("");
    let mut parts = extract(paragraphs(body_text), false);
    let rec_title = rec
        .title
        .as_deref()
        .map(clean_line)
        .filter(|t| !t.is_empty());
    let (title, derived) = title_or_derived(rec_title, &parts.body);
    if let Some(o) = rec
        .outlet
        .as_deref()
        .map(normalize_outlet)
        .filter(|o| !o.is_empty())
    {
        parts.outlet = Some(o);
    }
    let found_authors = std::mem::take(&mut parts.authors);
    for a in rec.authors.iter().chain(&found_authors) {
        parts.add_author(a);
    }
    let id = article_id(&format!("{title}\n\n{body_text}"));
    let mut article = assemble(parts, title, derived, id, source_path);
    if let Some(d) = rec.date.as_deref().and_then(parse_date_loose) {
        article.meta.published = Some(d);
    }
    article.meta.url = rec
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(String::from);
    article.meta.record = index;
    article.meta.format = format;
    article.body.source_fields = rec.source_fields.clone();
    article
}

#[cfg(test)]
mod tests;
