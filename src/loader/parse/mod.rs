//! The scraped-news parser: title, outlet, dateline, people, dates, boilerplate, related
//! headlines, quotations and tags, from decoded text with `\n` line ends.
//!
//! Scrapes put one paragraph per line, so every non-empty line is a paragraph. Each step is a
//! small hand-written scanner with bounded look-around: input is untrusted and can be one
//! 50 MB line, so nothing here is quadratic, nothing backtracks, and `&str` is only sliced at
//! positions found by `char_indices`, `find` or ASCII bytes.

mod captions;
mod credits;
mod date_headline;
mod date_lexicon;
mod date_sentences;
mod date_words;
mod dateline;
mod dates;
mod furniture;
mod glued;
mod lead;
mod line_words;
mod lines;
mod markup;
mod outlet_words;
mod outlets;
mod people;
mod published;
mod quotes;
mod related_runs;
mod stamps;
mod story_end;
mod tags;
mod title;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::model::{
    Article, Body, Date, DateSource, Format, Meta, Removed, RemovedKind, article_id,
};

use super::Record;
pub use dateline::{normalize_outlet, title_case};
pub use dates::{parse_date_loose, parse_time_loose, weekday_of};
use lines::Kind;
pub use outlets::family as outlet_family;
pub use published::{Hints, url_date};

/// Days a date-only stamp may follow the story's own reporting day and still be its
/// publication's (a weekend's story put out on Monday).
const WIDGET_GAP: i64 = 3;
/// How many lines from the top (the title's included) are read for a publication stamp: a
/// page's menus, banners and version lines may come first (measured: no date of the shared
/// corpora changes between 4 and 8).
const STAMP_WINDOW: usize = 8;
/// Within this many lines a stamp may also follow the lede (`Kompas.com - 20/10/2025` under a
/// one-sentence summary); farther down only when no sentence came before it.
const STAMP_NEAR: usize = 4;
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
    let mut out = Vec::new();
    for line in text.split('\n') {
        if markup::has_markup(line) {
            out.extend(markup::lines(line).iter().map(|l| clean_line(l)));
        } else {
            let line = clean_line(line);
            out.push(furniture::icon_ligature(&line).unwrap_or(line));
        }
    }
    out.retain(|l| !l.is_empty());
    out
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
    boilerplate: Vec<Removed>,
    related: Vec<String>,
    /// The publication stamps above the lede (`Senin, 20 Okt 2025 14:30 WIB`): date, time,
    /// and whether it is an update's.
    stamps: Vec<(Date, Option<u16>, bool)>,
    /// The day a dateline writes in full (`Gorontalo, 27 Oktober 2019 –`): the story's own,
    /// however long after the events it reports.
    dateline_day: Option<Date>,
}

impl Parts {
    fn remove(&mut self, kind: RemovedKind, text: impl Into<String>) {
        self.boilerplate.push(Removed::new(kind, text));
    }

    /// A credit line: its authors and editor read, the line removed as a credit.
    fn credit(&mut self, authors: &[String], editor: Option<String>, line: String) {
        for a in authors {
            self.add_author(a);
        }
        if editor.is_some() {
            self.editor = editor;
        }
        self.remove(RemovedKind::Credit, line);
    }

    /// The body's last line is a credit ([`Parts::credit`]).
    fn last_line_credit(&mut self, authors: &[String], editor: Option<String>) {
        let line = self.body.pop().unwrap_or_default();
        self.credit(authors, editor, line);
    }

    fn add_author(&mut self, name: &str) {
        let name = name.trim();
        // A lone letter (`(D/R)`, `(B)`) is a desk's mark no reader can tell apart.
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !self.authors.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            self.authors.push(name.to_string());
        }
    }
}

/// The line-level pass over the paragraphs of one article.
fn extract(paras: Vec<String>, detect_title: bool) -> Parts {
    let mut parts = Parts::default();
    let mut split = Vec::with_capacity(paras.len());
    for p in paras {
        for (kind, piece) in glued::unglue(p) {
            match kind {
                Some(kind) => parts.remove(kind, piece),
                None => split.push(piece),
            }
        }
    }
    let paras = split;
    let mut kinds: Vec<Kind> = paras.iter().map(|p| lines::classify(p)).collect();
    related_runs::mark(&paras, &mut kinds);
    furniture::runs(&paras, &mut kinds);
    lines::byline_runs(&paras, &mut kinds);
    story_end::mark(&paras, &mut kinds);
    // A stamp line near the top is the article's own date: read it, and keep it out of the
    // body and of the search for the dateline lead (`Kompas.com - 20/10/2025, 14:30 WIB`
    // would pass for one).
    let mut lede_seen = false;
    // A place read from a stamp line (`Jember, 21 Januari 2022`), the dateline when no other.
    let mut stamp_place: Option<String> = None;
    for (i, p) in paras.iter().enumerate().take(STAMP_WINDOW) {
        if !matches!(kinds[i], Kind::Body) {
            continue;
        }
        // Past the first few lines, a stamp stands above the lede: a date line under a
        // sentence is the text's own (a fixture list's `16 Maret 2026`).
        if i >= STAMP_NEAR && lede_seen {
            break;
        }
        lede_seen |= p.split_whitespace().nth(5).is_some()
            && p.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
        if title::site_tagline(p) {
            // `SOLOPOS.COM - Panduan Informasi dan Inspirasi`: the site's motto, no lede.
            kinds[i] = Kind::Boiler(RemovedKind::Footer);
        } else if let Some((name, st)) = credits::stamped_byline(p) {
            // A byline printed inside the stamp: both are read, the line leaves the body.
            kinds[i] = Kind::Credit {
                authors: vec![name],
                editor: None,
            };
            parts.stamps.push(st);
        } else if let Some(st) = stamps::stamp(p) {
            kinds[i] = Kind::Boiler(RemovedKind::Stamp);
            parts.stamps.push(st);
            // `Jember, 21 Januari 2022`: a release's dateline with its day is a stamp too.
            stamp_place = stamp_place.or_else(|| dateline::place_and_day(p).and_then(|d| d.city));
        }
    }
    let body_idx: Vec<usize> = (0..paras.len())
        .filter(|&i| kinds[i] == Kind::Body)
        .collect();

    // Title: the first headline-like line under any site furniture, merged with a next line
    // that repeats or completes it; none when the text opens on its lede.
    let mut first_body = 0; // position in body_idx where the article proper starts
    if detect_title {
        let head = title::head(&paras, &body_idx);
        for &(i, kind) in &head.furniture {
            kinds[i] = Kind::Boiler(kind);
        }
        for (kind, text) in head.glued {
            parts.remove(kind, text);
        }
        first_body = head.first_body;
        parts.title = head.title;
    }

    let mut window = &body_idx[first_body.min(body_idx.len())..];
    // The body's first paragraph, long, one sentence closed by its day and any credit
    // (`… Sabtu (29/8/2020) tengah malam jelang dini hari. (ANTARA)`), is the picture's
    // caption over the story; elsewhere a wire story's paragraph may close so.
    if let Some((&first, rest)) = window.split_first()
        && paras[first].len() > lines::SHORT
        && captions::dated_caption(&paras[first])
    {
        kinds[first] = Kind::Boiler(RemovedKind::Caption);
        window = rest;
    }
    let lead = lead::find(&paras, window);
    let (lead_pos, lead_rest) = match &lead {
        Some((k, d)) => (*k, d.rest),
        None => (0, 0),
    };
    // A site's name alone before the dash (`TVRI YOGYAKARTA NEWS –`).
    let lead_site_only = lead
        .as_ref()
        .is_some_and(|(_, d)| d.outlet.is_some() && d.city.is_none());
    if let Some((_, d)) = lead {
        parts.outlet = d.outlet;
        parts.dateline = d.city;
        // Two towns of different provinces (`PAYAKUMBUH, METRO –`, `METRO, BATAM –`): one is
        // a site named like a town, either way round. The text names its own place, the
        // site's town not at all.
        if let (Some(o), Some(c)) = (&parts.outlet, &parts.dateline)
            && crate::regions::in_other_provinces(c, o)
        {
            let named = |town: &str| {
                let town = town.to_lowercase();
                window
                    .iter()
                    .map(|&i| paras[i].to_lowercase().matches(town.as_str()).count())
                    .sum::<usize>()
            };
            // The dateline's own line names both once.
            if named(o) > named(c) + 1 {
                let (o, c) = (o.clone(), c.clone());
                parts.outlet = Some(c);
                parts.dateline = Some(o);
            }
        }
    } else {
        parts.dateline = stamp_place;
    }
    // A dateline names its site as a word (`TERNATE (kalesang) –`); the text may give its
    // web name (`kalesang.id`), which is the fuller name.
    // A known brand's desk (`detikNews`) is its own name; only an unknown one is looked up.
    let bare_name = parts
        .outlet
        .as_deref()
        .filter(|o| !o.contains(['.', ' ']) && outlets::family(o) == *o);
    if parts.outlet.is_none() || bare_name.is_some() {
        let named = outlets::from_text(paras.iter().map(String::as_str));
        parts.outlet = match (bare_name, named) {
            // `get`: the name may not split at a char boundary where the bare name ends.
            (Some(o), Some(n))
                if n.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o))
                    && n.get(o.len()..).is_some_and(|t| t.starts_with('.')) =>
            {
                Some(n)
            }
            // The dateline's word is the distinctive part of the web name (`DELI SERDANG,
            // BERSAMA` on harianbersama.com).
            (Some(o), Some(n))
                if o.len() >= 5
                    && n.split('.')
                        .next()
                        .is_some_and(|host| host.to_lowercase().ends_with(&o.to_lowercase())) =>
            {
                Some(n)
            }
            (Some(o), _) => Some(o.to_string()),
            (None, n) => n,
        };
    }
    let lead_para = window.get(lead_pos).copied();
    // Only under a lede that is a paragraph: a site's caption (`SOLOPOS.COM - Ketua …`) may
    // pass for the lead over the real one.
    if let Some(&first) = window.get(lead_pos)
        && story_end::is_paragraph(&paras[first])
    {
        story_end::later_stories(&paras, &mut kinds, first + 1);
    }
    // A page's machine stamp before the dateline is its publication date.
    if lead_rest > 0
        && let Some(d) = lead_para.and_then(|i| dateline::leading_stamp(&paras[i]))
    {
        parts.stamps.push((d, None, false));
    }
    // A release's dateline writes its day in full (`Gorontalo, 27 Oktober 2019 –`): the
    // lede loses it with the dateline, so it is read here.
    // Or in brackets (`Kota Sorong, PBD (10/03/25) –`, `LOMBOK (9 Desember 2024) –`).
    let day_in = |prefix: &str| {
        let bracketed = prefix
            .rsplit_once('(')
            .and_then(|(_, d)| d.split_once(')'))
            .map(|(d, _)| d);
        let after_comma = prefix.split_once(',').map(|(_, d)| d);
        [after_comma, bracketed]
            .into_iter()
            .flatten()
            .find_map(|day| {
                dates::parse_date_loose(day.trim().trim_end_matches(|c: char| !c.is_alphanumeric()))
            })
    };
    if lead_rest > 0
        && let Some(i) = lead_para
        && let Some(d) = day_in(&paras[i][..lead_rest.min(paras[i].len())])
    {
        parts.stamps.push((d, None, false));
        parts.dateline_day = Some(d);
    }
    // Lines before the lead are summaries and captions that repeat the lede, not body.
    // A paragraph of the story's own over its dateline (a standfirst that does not repeat
    // the lede) stays; a rail of other stories' teasers does not.
    let lede = lead_para.map(|l| paras[l].as_str()).unwrap_or_default();
    let pre_lead: HashSet<usize> = window[..lead_pos]
        .iter()
        .copied()
        .filter(|&i| lead_pos >= lead::LEAD_WINDOW || !lead::standfirst(&paras[i], lede))
        .collect();
    let title_lines: HashSet<usize> = body_idx[..first_body.min(body_idx.len())]
        .iter()
        .copied()
        .collect();

    // A dateline alone on its line (`Kintamani, baliilu.com`) may leave its dash to open the
    // next paragraph (`– Bali tak pernah …`).
    let dash_after_lead = lead_para
        .filter(|&l| lead_rest >= paras[l].len())
        .and_then(|l| window.iter().find(|&&j| j > l).copied());
    for (i, (p, kind)) in paras.into_iter().zip(kinds).enumerate() {
        let p = match p.strip_prefix(['-', '\u{2013}', '\u{2014}']) {
            Some(rest) if Some(i) == dash_after_lead && rest.starts_with(' ') => {
                rest.trim_start().to_string()
            }
            _ => p,
        };
        match kind {
            Kind::Body if title_lines.contains(&i) => {}
            Kind::Body if pre_lead.contains(&i) => parts.remove(RemovedKind::Summary, p),
            // A dated caption over the lede repeats its day like a summary, and is read so.
            Kind::Boiler(RemovedKind::Caption)
                if lead_rest > 0
                    && lead_para.is_some_and(|l| i < l)
                    && captions::dated_caption(&p) =>
            {
                parts.remove(RemovedKind::Summary, p)
            }
            Kind::Body if Some(i) == lead_para && lead_rest > 0 => {
                // The header shows outlet and city; the body keeps the lede only.
                let rest = p[lead_rest.min(p.len())..].trim();
                // `Binjai - Site-name.com` on its own line: the site after the place's dash.
                let site_alone = !rest.contains(' ') && dateline::is_domain(rest);
                // `Bontang - M Rifki` on its own line: the place and the writer, no lede;
                // in capitals too (`TVRI YOGYAKARTA NEWS – PAULUS YESAYA JATI`).
                let writer = (rest.split_whitespace().count() <= 4
                    && !rest.ends_with(['.', '!', '?', ':']))
                .then(|| {
                    // In capitals only after a site's name alone: after a place the words
                    // are a kicker as often (`JAKARTA – SIARAN PERS`).
                    if dateline::is_all_caps(rest) {
                        lead_site_only
                            .then(|| people::person(&dateline::title_case(rest)))
                            .flatten()
                    } else {
                        people::person(rest)
                    }
                })
                .flatten()
                .filter(|n| n.contains(' '));
                if let Some(name) = &writer {
                    parts.add_author(name);
                } else if !rest.is_empty() && !site_alone {
                    parts.body.push(rest.to_string());
                }
            }
            Kind::Body => parts.body.push(p),
            Kind::Related(h) => {
                if !h.is_empty() && !parts.related.contains(&h) {
                    parts.related.push(h);
                }
                parts.remove(RemovedKind::Related, p);
            }
            Kind::Boiler(kind) => parts.remove(kind, p),
            Kind::Credit { authors, editor } => parts.credit(&authors, editor, p),
        }
    }

    // An opinion column closes with its author's signature (`Name.Affiliation`).
    if let Some(name) = parts.body.last().and_then(|l| people::signature(l))
        && parts.body.len() > 1
    {
        parts.last_line_credit(&[name], None);
    }
    // Reporters or sources in capitals close some outlets' articles.
    if let Some(names) = parts.body.last().and_then(|l| people::caps_credit(l))
        && parts.body.len() > 1
    {
        parts.last_line_credit(&names, None);
    }
    // A byline whose keys lost their colons closes the story (`Reporter Wandrizal`).
    if let Some((authors, editor)) = parts.body.last().and_then(|l| lines::bare_byline(l))
        && parts.body.len() > 1
    {
        parts.last_line_credit(&authors, editor);
    }
    // A writer's initials alone on the last line (`FIA`): a desk code, nobody's name.
    if let Some(last) = parts.body.last()
        && parts.body.len() > 1
        && (2..=5).contains(&last.len())
        && last.bytes().all(|c| c.is_ascii_uppercase())
    {
        parts.last_line_credit(&[], None);
    }
    // A last line shaped like a headline, with other links already removed, is one more.
    if let Some(last) = parts.body.last()
        && parts.body.len() > 1
        && lines::is_bare_headline(last, &parts.related)
    {
        let line = parts.body.pop().unwrap_or_default();
        if !parts.related.contains(&line) {
            parts.related.push(line.clone());
        }
        parts.remove(RemovedKind::Related, line);
    }
    if let Some(last) = parts.body.pop() {
        match credits::trailing_credit(&last) {
            Some((cut, names)) => {
                for n in &names {
                    parts.add_author(n);
                }
                parts.remove(RemovedKind::Credit, &last[cut..]);
                let kept = last[..cut].trim_end();
                if kept.chars().any(char::is_alphanumeric) {
                    parts.body.push(kept.to_string());
                } else if !kept.is_empty() {
                    parts.remove(RemovedKind::Separator, kept);
                }
            }
            None => parts.body.push(last),
        }
    }
    parts
}

/// A title from the lede: its first sentence, cut at a word boundary near 100 characters.
fn derive_title(lede: &str) -> String {
    let lede = title::without_dateline(lede);
    // A place or outlet closed by a full stop (`JAKARTA. Badan ...`, `KOTA WartaKita. Com-`)
    // is a dateline's remnant, not the first sentence.
    let lede = match lede.split_once(". ") {
        Some((place, rest))
            if rest.split_whitespace().nth(2).is_some()
                && place.len() <= 40
                && place.split_whitespace().count() <= 3
                && place.split_whitespace().next().is_some_and(|w| {
                    w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-')
                })
                && place
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase)) =>
        {
            title::without_dateline(rest)
        }
        _ => lede,
    };
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

/// A cut title with the name it was cut inside made whole, for finding its places: a cut may
/// fall inside a region's name (`… di Kabupaten Luwu…` of `Kabupaten Luwu Utara`). Only the
/// capitalised words that run on from the cut are put back, so the title still says no more
/// than it did. A cut title that no paragraph holds is read as it stands.
fn uncut_title<'a>(title: &'a str, body: &[String]) -> Cow<'a, str> {
    let Some(stem) = title.strip_suffix('\u{2026}').map(str::trim_end) else {
        return Cow::Borrowed(title);
    };
    let held = body.iter().take(3).find_map(|p| {
        let after = p.find(stem)? + stem.len();
        // Only where the cut fell between words of a name, with no stop or comma at it, nor
        // a closing bracket: a short form in brackets ends its name (`… Bantuan Hukum
        // (LP3BH)…` of `(LP3BH) Manokwari, Yan …`).
        if stem.ends_with([',', '.', ';', ':', ')']) || !p[after..].starts_with(' ') {
            return None;
        }
        let mut whole = stem.to_string();
        for word in p[after..].split_whitespace() {
            if !word.starts_with(char::is_uppercase) {
                break;
            }
            let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
            whole.push(' ');
            whole.push_str(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        Some(whole)
    });
    held.map_or(Cow::Borrowed(title), Cow::Owned)
}

/// Dates of the title and body: all distinct ones written with a year, in order, and the
/// publication date with where it came from (or the year-less date it waits to become).
fn dates_of<'a>(
    texts: impl IntoIterator<Item = &'a str> + Clone,
    hints: Hints,
) -> (Vec<Date>, published::Picked) {
    let paras = sentences_of(texts.clone());
    let bytes: Vec<&[u8]> = paras.iter().map(|t| t.as_bytes()).collect();
    let listed = date_sentences::listed_fixtures(&bytes);
    let mut found: Vec<dates::Found> = paras
        .iter()
        .zip(listed)
        .flat_map(|(t, listed)| dates::scan_paragraph(t, listed))
        .collect();
    // `parade digelar Minggu besok` names the weekday of tomorrow: a date on that weekday
    // (`Minggu, 27 Oktober`) is tomorrow's too, not the report's, unless someone was heard
    // on it.
    let tomorrow: Vec<u8> = texts
        .clone()
        .into_iter()
        .flat_map(date_headline::weekdays_tomorrow)
        .collect();
    for f in found
        .iter_mut()
        .filter(|f| f.weekday && !f.today && !f.report && tomorrow.contains(&f.weekday_no))
    {
        f.tomorrow = true;
        f.displaced = true;
        f.planned = false;
    }
    // The title comes first.
    let hints = Hints {
        headline_today: texts
            .clone()
            .into_iter()
            .next()
            .is_some_and(date_headline::headline_today),
        ..hints
    };
    let years: Vec<u16> = texts.into_iter().flat_map(dates::years).collect();
    let mut seen = HashSet::new();
    let mentioned = found
        .iter()
        .filter(|f| !f.yearless)
        .map(|f| f.date)
        .filter(|d| seen.insert(*d))
        .collect();
    (mentioned, published::pick(&found, &years, hints))
}

/// The title and body paragraphs as the date scanner reads them: a paragraph the scraper
/// broke off mid-sentence (the next one going on in lower case, `Minggu (22/9)` then `akan
/// melawan ...`, or `Rabu (18/9)` then `" ujarnya.`) is read with its continuation, so
/// the words after a date are seen.
fn sentences_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::new();
    for (i, t) in texts.into_iter().enumerate() {
        let goes_on = |b: &[u8]| b.first().is_some_and(u8::is_ascii_lowercase);
        let t_bytes = t.trim_start().as_bytes();
        let continues = goes_on(t_bytes)
            || (t_bytes.first() == Some(&b'"') && goes_on(t_bytes[1..].trim_ascii_start()));
        match out.last_mut() {
            // Never onto the title (index 0), which ends without punctuation.
            Some(prev)
                if i > 1 && continues && !prev.trim_end().ends_with(['.', '!', '?', ':']) =>
            {
                let joined = prev.to_mut();
                joined.push('\n');
                joined.push_str(t);
            }
            _ => out.push(Cow::Borrowed(t)),
        }
    }
    for s in &mut out {
        if let Some(tight) = tighten_spaced_dates(s) {
            *s = Cow::Owned(tight);
        }
    }
    out
}

/// A date the writer spaced out inside its brackets or after a slash (`Minggu ( 21/11/ 2021
/// )`), written tight (`Minggu (21/11/2021)`) so the date reader sees its form; `None` when
/// `s` has none.
fn tighten_spaced_dates(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let spaced = |i: usize| {
        (b[i] == b'('
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(u8::is_ascii_digit))
            || (b[i] == b'/'
                && i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1) == Some(&b' ')
                && b.get(i + 2).is_some_and(u8::is_ascii_digit))
    };
    if !(0..b.len()).any(spaced) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut skip_close = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        if c.is_ascii() && spaced(i) {
            chars.next();
            skip_close |= c == '(';
        } else if skip_close && c.is_ascii_digit() && chars.peek().map(|&(_, n)| n) == Some(' ') {
            let mut look = chars.clone();
            look.next();
            if look.peek().map(|&(_, n)| n) == Some(')') {
                chars.next();
                skip_close = false;
            }
        }
    }
    Some(out)
}

/// Re-dates a parsed article with its file's modification time: no date may be later than
/// the file plus a day, nor a year-less date's year once the corpus gives it one. Dates from
/// a record or URL stand. An article nothing dates stays undated here rather than taking the
/// file's day: copied or re-synced files carry the copy's time, and a guessed "today"
/// would sort them above every real article. The day is kept, and the corpus pass gives it
/// where the folder shows its files were saved as their articles came out
/// (`loader::file_day`).
pub fn settle_date(article: &mut Article, file: Date) {
    let meta = &mut article.meta;
    meta.file_day = Some(file);
    if matches!(meta.date_source, Some(DateSource::Record | DateSource::Url)) {
        return;
    }
    let late = meta.published.is_some_and(|p| p.days() > file.days() + 1);
    if !(late || meta.published.is_none() || meta.date_source == Some(DateSource::InferredYear)) {
        return;
    }
    let texts =
        std::iter::once(meta.title.as_str()).chain(article.body.body.iter().map(String::as_str));
    let hints = Hints {
        bound: Some(file),
        near: None,
        headline_today: false,
    };
    let picked = dates_of(texts, hints).1;
    // A stamp's time went with the date it gave.
    meta.published_time = None;
    meta.published = picked.date.map(|(d, _)| d);
    meta.date_source = picked.date.map(|(_, s)| s);
    meta.yearless = picked.yearless;
}

/// Assembles the article from the line pass; `title` is the final title.
fn assemble(
    parts: Parts,
    title: String,
    title_derived: bool,
    id: String,
    source_path: &str,
    hints: Hints,
) -> Article {
    let texts = std::iter::once(title.as_str()).chain(parts.body.iter().map(String::as_str));
    // The summary or caption over the lede repeats its day, and sometimes alone writes it
    // in full (`Senin (1/9/2025)` over `Pada Senin pagi, ...`).
    let summaries = parts
        .boilerplate
        .iter()
        .filter(|r| r.kind == RemovedKind::Summary)
        .map(|r| r.text.as_str());
    let dated = std::iter::once(title.as_str())
        .chain(summaries)
        .chain(parts.body.iter().map(String::as_str));
    let (dates_mentioned, mut published) = dates_of(dated, hints);
    // The stamp is the outlet's own word on the day: the first publication's, else the
    // earliest update's, unless it is later than the file allows.
    let stamp = parts
        .stamps
        .iter()
        .filter(|(d, ..)| hints.bound.is_none_or(|b| d.days() <= b.days() + 1))
        .min_by_key(|(d, _, update)| (*update, *d))
        .copied();
    // A date alone, no time, days after every day the story reports is the page's
    // today-widget (`Sabtu, 20 April 2024` over a story of 2022), not its stamp; the day its
    // dateline writes is no widget's (`Palu, 3 Oktober 2025 — … pada 28 September`).
    let widget = stamp.is_some_and(|(d, time, update)| {
        time.is_none()
            && !update
            && parts.dateline_day != Some(d)
            && published
                .date
                .is_some_and(|(t, src)| src == DateSource::Text && t.days() + WIDGET_GAP < d.days())
    });
    if let Some((d, ..)) = stamp.filter(|_| !widget) {
        published = published::Picked {
            date: Some((d, DateSource::Text)),
            yearless: None,
        };
    }
    let tags = tags::detect(texts.clone());
    let whole = uncut_title(&title, &parts.body);
    let places = crate::regions::find(
        parts.dateline.as_deref(),
        std::iter::once(whole.as_ref()).chain(parts.body.iter().map(String::as_str)),
    );
    // A credit that ends on the site's own name (`(Wahyono/RL/Read)` on read.id) names the
    // outlet, not a writer.
    let site = parts.outlet.as_deref().map(|o| {
        o.split('.')
            .next()
            .unwrap_or(o)
            .replace([' ', '-'], "")
            .to_lowercase()
    });
    let mut parts = parts;
    parts.authors.retain(|a| {
        site.as_deref()
            .is_none_or(|s| a.replace([' ', '-'], "").to_lowercase() != s)
    });
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
            published: published.date.map(|(d, _)| d),
            published_time: stamp.and_then(|(_, t, _)| t),
            date_source: published.date.map(|(_, s)| s),
            yearless: published.yearless,
            file_day: None,
            tags,
            regions: places.regions,
            regions_passing: places.passing,
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
    assemble(
        parts,
        title,
        derived,
        article_id(text),
        source_path,
        Hints::default(),
    )
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
    // The record's own outlet, else the URL's host (the publisher, where a dateline may be a
    // syndicated copy's), unless the text names a desk of the same family (`detikJatim`).
    let named = rec
        .outlet
        .as_deref()
        .map(normalize_outlet)
        .filter(|o| !o.is_empty())
        .or_else(|| rec.url.as_deref().and_then(outlets::from_url));
    if let Some(o) = named {
        let same_family = parts
            .outlet
            .as_deref()
            .is_some_and(|t| outlets::family(t) == outlets::family(&o) && t != o);
        if !same_family || rec.outlet.is_some() {
            parts.outlet = Some(o);
        }
    }
    let found_authors = std::mem::take(&mut parts.authors);
    for a in rec.authors.iter().chain(&found_authors) {
        parts.add_author(a);
    }
    let id = article_id(&format!("{title}\n\n{body_text}"));
    let url = rec
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(String::from);
    // The record's own date, else the URL's, is the publication date; the text's dates
    // then only bound it and place year-less dates.
    let known = rec
        .date
        .as_deref()
        .and_then(parse_date_loose)
        .map(|d| (d, DateSource::Record))
        .or_else(|| {
            url.as_deref()
                .and_then(url_date)
                .map(|d| (d, DateSource::Url))
        });
    let hints = Hints {
        bound: known.map(|(d, _)| d),
        near: known.map(|(d, _)| d),
        headline_today: false,
    };
    let mut article = assemble(parts, title, derived, id, source_path, hints);
    if let Some((d, source)) = known {
        article.meta.published = Some(d);
        article.meta.date_source = Some(source);
        article.meta.yearless = None;
        if source == DateSource::Record {
            article.meta.published_time = rec.date.as_deref().and_then(parse_time_loose);
        }
    }
    article.meta.url = url;
    article.meta.record = index;
    article.meta.format = format;
    article.body.source_fields = rec.source_fields.clone();
    article
}

#[cfg(test)]
mod credit_tests;
#[cfg(test)]
mod date_tests;
#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod tests;
