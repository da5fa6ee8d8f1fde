//! Where the story's lede stands, and its dateline: a strong dateline in the first few
//! paragraphs, else a weak one on the first, a place alone over a prose lede, a weak one a
//! few lines down under lines that are no sentences, or the site's own under a rail of
//! teasers.

use super::dateline::{self, Dateline};
use super::line_words::MEDIA_MARKS;
use super::story_end;

/// How many body paragraphs after the title may precede the dateline lead (summary, caption,
/// photo credit, "Laporan wartawan"); a dateline-like line farther down is prose.
pub(super) const LEAD_WINDOW: usize = 6;
/// How far down the site's own dateline may stand under a rail of teasers.
const RAIL_LEAD_WINDOW: usize = 12;
/// How far down a weak dateline (`JAKARTA -`) may stand under bylines and captions.
const WEAK_LEAD_WINDOW: usize = 4;

/// A line that reads as a paragraph of the text: it ends like a sentence, and not on a
/// caption's closing credit (`... di Jakarta. (Antara)`).
fn reads_as_prose(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['.', '!', '?', '"', '\u{201d}']) && !t.ends_with(')')
}

/// The lede's place in `window` (the body's paragraphs from the first after the title, as
/// indices into `paras`) and its dateline.
pub(super) fn find(paras: &[String], window: &[usize]) -> Option<(usize, Dateline)> {
    // The dateline lead: a strong dateline in the first few paragraphs, else a weak one
    // (`Jakarta -`) on the first paragraph only.
    let mut lead: Option<(usize, Dateline)> =
        window
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
        lead = dateline::detect(&paras[i])
            .or_else(|| dateline::titled_place_then_stop(&paras[i]))
            .map(|d| (0, d));
    }
    // The place alone on the first line, over a lede that reads as prose.
    if lead.is_none()
        && let [i, j, ..] = window
        && reads_as_prose(&paras[*j])
    {
        lead = dateline::lone_place(&paras[*i]).map(|d| (0, d));
    }
    // A weak dateline a few lines down, under lines that are no sentences (a byline, a
    // caption ending on its credit or on no stop, `Bagikan:`, `84 0` counters, a teaser cut
    // short): in capitals (`MATARAM -`), or in any case over a lede that reads as prose
    // (`Kota Sorong – Kabupaten Sorong … beragam.`). Over every shared corpus, probe and
    // record, the title-case ones this reads under a line of more than three words (widened
    // from scraps alone) were all datelines.
    if lead.is_none() {
        lead = window
            .iter()
            .take(WEAK_LEAD_WINDOW)
            .enumerate()
            .skip(1)
            .find_map(|(k, &i)| {
                let d = dateline::detect(&paras[i])?;
                let shouted = dateline::is_all_caps(&paras[i][..d.rest.min(paras[i].len())]);
                // Over a dateline in capitals, a caption or a dek short of a paragraph may end
                // like a sentence (`Gubernur X dan Ibu Y.`, `Suasana … saat warga menunggu.`).
                // A lede opens on a capital (`Mataram - kota itu juga begitu.` is prose).
                let capital = paras[i]
                    .get(d.rest..)
                    .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase));
                let above = window[..k].iter().all(|&j| {
                    let p = &paras[j];
                    !reads_as_prose(p)
                        || (shouted && capital && (caption_marked(p) || !story_like(p)))
                });
                // The place was in capitals (`shouted`), as a district's name must be.
                let known = d.city.as_deref().is_some_and(dateline::is_known_place);
                let prose = reads_as_prose(&paras[i]) && capital;
                ((shouted || prose) && above && known).then_some((k, d))
            });
    }
    // The site's own dateline farther down, under a rail of other stories' teasers (lines
    // with no stop, a dek's question): at most one line above it reads as a sentence. Under
    // a story's paragraphs it opens another story ([`story_end::later_stories`]).
    if lead.is_none() {
        lead = window
            .iter()
            .enumerate()
            .take(RAIL_LEAD_WINDOW)
            .skip(LEAD_WINDOW)
            .find_map(|(k, &i)| {
                let d = dateline::detect(&paras[i])
                    .filter(|d| d.strong && d.outlet.as_deref().is_some_and(dateline::is_domain))?;
                let prose = window[..k]
                    .iter()
                    .filter(|&&j| reads_as_prose(&paras[j]))
                    .count();
                (prose <= 1 && story_end::is_paragraph(&paras[i])).then_some((k, d))
            });
    }
    lead
}

/// A paragraph of the story over its dateline: a standfirst (`Selama seratus hari pasangan
/// … memimpin Kota Kendari. Situasinya …`), not a picture's caption nor a summary that
/// repeats `lede`. A caption shows a moment (`saat`, `ketika`, `tampak`, `(kanan)`, a day in
/// brackets), carries a label or a credit, or names its picture.
pub(super) fn standfirst(line: &str, lede: &str) -> bool {
    if !story_like(line) || line.len() > STANDFIRST_CHARS || caption_marked(line) {
        return false;
    }
    let lede_words: std::collections::HashSet<&str> = lede
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .collect();
    let own: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .collect();
    let shared = own.iter().filter(|w| lede_words.contains(*w)).count();
    shared * 2 < own.len()
}

/// Whether a line bears a caption's marks: it shows a moment (`saat`, `ketika`, `tampak`,
/// who stands where, a day in brackets), names its picture or credit, or opens on a label.
fn caption_marked(line: &str) -> bool {
    let low = line.to_lowercase();
    let words: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let moment = words.iter().enumerate().any(|(k, w)| {
        matches!(*w, "ketika" | "tampak" | "terlihat" | "suasana" | "berpose")
            || (*w == "saat" && words.get(k + 1) != Some(&"ini"))
    });
    // A credit's group closes it (`(Foto: X)`, `(Ani/Warta)`); an acronym's does not
    // (`Badan Pusat Statistik (BPS).`).
    let credited =
        super::captions::closing_group(line.trim_end_matches(['.', ' '])).is_some_and(|(_, g)| {
            let g = g.to_lowercase();
            g.contains('/') || MEDIA_MARKS.iter().any(|m| g.contains(m))
        });
    let marked = CAPTION_WORDS.iter().any(|m| words.contains(m))
        || low.contains("(kiri)")
        || low.contains("(kanan)")
        || low.contains("(tengah)")
        || low.contains("(ki-ka)")
        || credited
        || has_day_group(line);
    // `REKAPITULASI: Komisioner …`: a caption's label in capitals (`10.30:` is none).
    let labelled = line.split_once(':').is_some_and(|(head, _)| {
        head.len() <= 30
            && head.chars().any(char::is_uppercase)
            && !head.chars().any(char::is_lowercase)
    });
    moment || marked || labelled
}

/// A paragraph as a story writes one: long, ending like a sentence, and mostly words in
/// lower case (a caption naming people with their titles is capitals: `Gubernur Kaltara Drs
/// H Zainal … SH M Hum dan Ibu Hj …`).
fn story_like(line: &str) -> bool {
    story_end::is_paragraph(line)
        && line
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .nth(STORY_LOWER_WORDS - 1)
            .is_some()
}

/// Words in lower case a story's paragraph has at least.
const STORY_LOWER_WORDS: usize = 8;

/// Characters a standfirst runs to at most.
const STANDFIRST_CHARS: usize = 600;

/// Words that name a picture or its credit.
const CAPTION_WORDS: &[&str] = &[
    "foto",
    "ilustrasi",
    "dok",
    "dokumentasi",
    "keterangan",
    "caption",
    "gambar",
    "istimewa",
];

/// A day in brackets (`(16/2)`, `Kamis (16/2/2023)`), as captions give it.
fn has_day_group(line: &str) -> bool {
    line.split('(')
        .skip(1)
        .any(|g| super::captions::is_day_group(g.split(')').next().unwrap_or_default()))
}
