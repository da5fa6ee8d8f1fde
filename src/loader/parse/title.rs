//! The headline of a scraped text: which of its first lines is the title, which lines above
//! it are site furniture (section labels, ad prompts, UI text, source credits, captions), and
//! whether the text has no headline at all because it opens on the lede.

use crate::model::RemovedKind;

use super::{MAX_TITLE_CHARS, captions, dateline, lines};

/// How many body lines from the top may be furniture before the headline.
const HEAD_WINDOW: usize = 5;
/// A section label or kicker above a headline (`Hukum`, `Papua Terkini`) has at most this
/// many words; the headline under it has more.
const LABEL_WORDS: usize = 4;
/// A line ending in a full stop with at least this many words is a sentence, not a headline
/// (headlines with a full stop are short: `Konvoi Hari Ini, Begini Rekayasanya.`).
const SENTENCE_WORDS: usize = 12;

/// What the top of the text holds: the headline (none when the text opens on the lede), the
/// furniture above or glued to it, and how many body lines the head takes.
#[derive(Debug, Default)]
pub(super) struct Head {
    pub title: Option<String>,
    /// Paragraph indices of lines above the headline that are furniture, with their kind.
    pub furniture: Vec<(usize, RemovedKind)>,
    /// Text split off the headline's line (a photo caption glued after it).
    pub glued: Vec<(RemovedKind, String)>,
    /// Position in the body lines where the article proper starts.
    pub first_body: usize,
}

/// Reads the head of the text from its body lines (`body` holds paragraph indices).
pub(super) fn head(paras: &[String], body: &[usize]) -> Head {
    let mut out = Head::default();
    let line = |k: usize| paras[body[k]].as_str();
    let mut k = 0;
    while k < body.len().min(HEAD_WINDOW) {
        // A breadcrumb (`Home / Tanjab Barat`) stands under the page's menu or its ticker of
        // headlines: both are the page's, and the headline comes after them.
        if k + 2 < body.len() && breadcrumb(line(k + 1)) && !line(k + 1).contains(line(k)) {
            out.furniture.push((body[k], RemovedKind::Footer));
            out.furniture.push((body[k + 1], RemovedKind::Footer));
            k += 2;
            continue;
        }
        if k + 1 < body.len() && breadcrumb(line(k)) {
            out.furniture.push((body[k], RemovedKind::Footer));
            k += 1;
            continue;
        }
        // A side rail of related headlines in bullets above the headline (`- Judul`, `- Judul`,
        // `Judul Artikel`), however many.
        let bullets = (k..body.len())
            .take_while(|&j| lines::bulleted(line(j)).is_some())
            .count();
        // Headlines in title case, most of them (one may end on a quote).
        let titled = (k..k + bullets)
            .filter(|&j| lines::bulleted(line(j)).is_some_and(lines::is_title_like))
            .count();
        if bullets >= 2
            && titled * 3 >= bullets * 2
            && body
                .get(k + bullets)
                .is_some_and(|&i| is_headline(&paras[i]) && !is_lede(&paras[i]))
        {
            for &i in &body[k..k + bullets] {
                out.furniture.push((i, RemovedKind::Related));
            }
            k += bullets;
            continue;
        }
        if let Some(kind) = furniture(line(k)) {
            out.furniture.push((body[k], kind));
            k += 1;
            continue;
        }
        if let Some(j) = ticker_over(paras, body, k) {
            out.furniture.push((body[k], RemovedKind::Related));
            for &i in &body[k + 1..j] {
                let kind = furniture(&paras[i]).unwrap_or(RemovedKind::Footer);
                out.furniture.push((i, kind));
            }
            k = j;
            continue;
        }
        // A run of short labels is furniture when a longer headline follows it.
        if is_label(line(k)) {
            let mut longest = words(line(k));
            let mut j = k + 1;
            while j < body.len().min(HEAD_WINDOW + 1) {
                let l = line(j);
                if furniture(l).is_none()
                    && is_headline(l)
                    && !site_tagline(l)
                    && words(l) > longest
                {
                    for &i in &body[k..j] {
                        let kind = furniture(&paras[i]).unwrap_or(RemovedKind::Footer);
                        out.furniture.push((i, kind));
                    }
                    k = j;
                    break;
                }
                if !(is_label(l) || furniture(l).is_some()) {
                    break;
                }
                longest = longest.max(words(l));
                j += 1;
            }
        }
        // A page's control with no headline after it (`Menu`, `Mode Gelap` over a ticker
        // of other stories): never the title. Over a headline it is read as any label is,
        // and a short headline with its deck under it stays the title.
        if !is_control(line(k)) {
            break;
        }
        out.furniture.push((body[k], RemovedKind::Footer));
        k += 1;
    }
    if k >= body.len() {
        // Nothing but furniture-like lines: read the text as it stands.
        if body.is_empty() {
            return out;
        }
        out.furniture.clear();
        k = 0;
    }
    let t0 = line(k);
    if is_lede(t0) {
        out.first_body = k;
        return out;
    }
    // A dateline alone on its line over the lede: a place and its site (`Tebo,
    // targetjurnalis.id`), or a known place and its dash (`Banda Aceh –`; a headline never
    // ends on a dash, and a kicker, `EKSKLUSIF –`, is no place). The text has no headline.
    let lede_next = body.get(k + 1).is_some_and(|&i| {
        is_lede(&paras[i]) || (words(&paras[i]) >= 8 && ends_sentence(&paras[i]))
    });
    if lede_next
        && dateline::detect(t0).is_some_and(|d| {
            d.rest >= t0.trim_end().len()
                && (d.outlet.is_some() || d.city.as_deref().is_some_and(dateline::is_known_place))
                && d.city.is_some()
        })
    {
        out.first_body = k;
        return out;
    }
    let next = body.get(k + 1).map(|&i| paras[i].as_str());
    out.first_body = k + 1;
    let mut title = t0;
    if let Some(t1) = next
        && t1.chars().nth(MAX_TITLE_CHARS).is_none()
    {
        if let Some(rest) = t1.strip_prefix(t0).map(str::trim) {
            out.first_body = k + 2;
            // A stop after the repeat is no more of the headline (`Judul.`).
            if rest.chars().all(|c| c.is_ascii_punctuation()) || site_suffix(rest) {
                // The page repeats its headline, maybe with the site's name after it as its
                // window title has it (`Judul - GenPI.co JATENG`, `Judul |`).
            } else if glued_caption(t0, rest) {
                out.glued.push((RemovedKind::Caption, rest.to_string()));
            } else {
                // The next line completes a headline the page cut short.
                title = t1;
            }
        } else if let Some(crumb) = t0.strip_suffix(t1)
            && t1.split_whitespace().nth(2).is_some()
            && (1..=3).contains(&crumb.split_whitespace().count())
        {
            // `Home Headline Judul` over `Judul`: the first line is a breadcrumb to it.
            out.furniture.push((body[k], RemovedKind::Footer));
            out.first_body = k + 2;
            title = t1;
        }
    }
    let title = breadcrumb_tail(title);
    let title = window_title_head(paras, body, out.first_body, title).unwrap_or(title);
    if title != t0 && body.get(out.first_body).is_some_and(|&i| paras[i] == title) {
        // The headline a breadcrumb ended on, repeated.
        out.first_body += 1;
    }
    repeated_headline(paras, body, title, &mut out);
    doubled_caption(paras, body, &mut out);
    labelled_caption(paras, body, &mut out);
    out.title = Some(strip_tags(title));
    out
}

/// The headline of a window title that adds the site's name after a separator (`Judul –
/// Berita Kota Makassar`), where the page prints the headline again alone a few lines down:
/// the site's name is no part of it, and its place names no place of the story.
fn window_title_head<'a>(
    paras: &[String],
    body: &[usize],
    start: usize,
    title: &'a str,
) -> Option<&'a str> {
    let (head, site) = [" \u{2013} ", " \u{2014} ", " - ", " | "]
        .iter()
        .find_map(|sep| title.rsplit_once(sep))?;
    let (head, site) = (head.trim(), site.trim());
    // A site's name opens on a media word (`Berita Kota Makassar`, `Harian Rakyat`:
    // [`dateline::is_media_named`]) or is a web name; a speaker or a second clause (`–
    // Pelatih PSM Makassar`, `- Warga Lebak Blokade Jalan`) is the headline's own.
    let first = site.split_whitespace().next().unwrap_or("");
    let named = (1..=4).contains(&words(site))
        && !site.ends_with(['.', '?', '!'])
        && site
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && (dateline::is_media_named(first) || site_suffix(&format!("- {site}")));
    if !named || words(head) < 3 {
        return None;
    }
    let key = headline_key(head);
    (start..body.len().min(start + REPEAT_WINDOW))
        .any(|k| headline_key(&paras[body[k]]) == key)
        .then_some(head)
}

/// Where the page's headline stands under a ticker of the site's headlines run together on
/// line `k` (`Kemenlu … di Timur Tengah Jalan Rusak …, Pengalaman Pahit Warga 2 Kampung di
/// Polman Pemerintah perkuat …`) that holds it among the others: a few lines down, with at
/// most labels and the page's controls between. The ticker's other stories are no part of
/// this one, and their places name none of its.
fn ticker_over(paras: &[String], body: &[usize], k: usize) -> Option<usize> {
    let ticker = paras[body[k]].as_str();
    if words(ticker) < TICKER_WORDS {
        return None;
    }
    // Run together between others' headlines: a word before it and a capital after it, no
    // punctuation between (`… Timur Tengah Jalan Rusak …`, `… di Polman Pemerintah …`). A
    // long headline's own clause (`…, Warga Tiga Desa Kini …`) or a roundup's item
    // (`Hari Ini: Banjir di Jember, Kebakaran Pasar …`) is set off by punctuation.
    let held = |l: &str| {
        ticker.match_indices(l).any(|(at, _)| {
            let (before, after) = (&ticker[..at], &ticker[at + l.len()..]);
            before.len() >= TICKER_MORE
                && after.len() >= TICKER_MORE
                && before.ends_with(' ')
                && before.trim_end().ends_with(char::is_alphanumeric)
                && after.starts_with(' ')
                && after.trim_start().starts_with(char::is_uppercase)
        })
    };
    for (j, &i) in body.iter().enumerate().skip(k + 1).take(TICKER_REACH) {
        let l = paras[i].trim();
        if is_headline(l) && held(l) {
            return Some(j);
        }
        if !(is_label(l) || is_control(l) || furniture(l).is_some()) {
            return None;
        }
    }
    None
}

/// A ticker runs to this many words at least: three headlines or more.
const TICKER_WORDS: usize = 20;
/// Lines under a ticker that may stand before the headline it holds.
const TICKER_REACH: usize = 3;
/// Characters a ticker has before and after the headline it holds: another story's headline
/// at least.
const TICKER_MORE: usize = 30;

/// How many body lines under the headline may hold the page's furniture and the headline
/// printed again over the story (section label, photo and caption, share bar).
const REPEAT_WINDOW: usize = 16;

/// The page prints its headline again a few lines down (`Bisnis`, a photo's caption, `icon
/// caption`, then the headline and the lede): what stands between is furniture above the
/// story, and the story starts after the last repeat. A dateline or a long paragraph
/// between means the story began earlier, and nothing is moved.
fn repeated_headline(paras: &[String], body: &[usize], title: &str, out: &mut Head) {
    if words(title) < 3 {
        return;
    }
    let key = headline_key(title);
    let start = out.first_body;
    // Only lines about the headline's length are compared (a bullet or punctuation more).
    let near = |l: &str| l.len() + 8 >= title.len() && l.len() <= title.len() + 16;
    let line = |k: usize| paras[body[k]].as_str();
    // The headline again with the control to enlarge its photo after it (`Judul Perbesar`)
    // only where nothing but the page's controls stands before it.
    let captioned = || {
        let first = (start..body.len()).find(|&k| !is_control(line(k)))?;
        (near(line(first)) && repeats(line(first), &key)).then_some(first)
    };
    let Some(last) = (start..body.len().min(start + REPEAT_WINDOW))
        .rev()
        .find(|&k| near(line(k)) && headline_key(line(k)) == key)
        .or_else(captioned)
    else {
        return;
    };
    let between = &body[start..last];
    if between.iter().any(|&i| {
        let l = paras[i].as_str();
        words(l) > CAPTION_WORDS || dateline::detect(l).is_some()
    }) {
        return;
    }
    for &i in between {
        let l = paras[i].as_str();
        // The headline again (`• Judul`) is no caption however long.
        let kind = furniture(l).unwrap_or(if headline_key(l) != key && words(l) > LABEL_WORDS {
            RemovedKind::Caption
        } else {
            RemovedKind::Footer
        });
        out.furniture.push((i, kind));
    }
    out.furniture.push((body[last], RemovedKind::Footer));
    out.first_body = last + 1;
}

/// The first line under the headline printed twice, the second time maybe with its credit
/// (`Ilustrasi, Warga …` then `Ilustrasi, Warga … /AGENCY FOTO/Name`): a picture's alt text
/// and caption, or a summary over the story, which starts after them. The lede printed twice
/// would be followed by no prose, and is left.
fn doubled_caption(paras: &[String], body: &[usize], out: &mut Head) {
    let k = out.first_body;
    let (Some(&a), Some(&b), Some(&next)) = (body.get(k), body.get(k + 1), body.get(k + 2)) else {
        return;
    };
    let (first, second) = (paras[a].trim(), paras[b].trim());
    let Some(credit) = second.strip_prefix(first) else {
        return;
    };
    let n = words(first);
    if !(4..=CAPTION_WORDS).contains(&n)
        || credit.len() > 60
        || first.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
        || words(&paras[next]) <= n
    {
        return;
    }
    let kind = if !credit.trim().is_empty() || n <= 25 {
        RemovedKind::Caption
    } else {
        RemovedKind::Summary
    };
    out.furniture.push((a, kind));
    out.furniture.push((b, kind));
    out.first_body = k + 2;
}

/// What a page's window title adds after the headline: a separator and the site's name
/// (`- GenPI.co JATENG`, `| Warta Kota`), or a separator alone.
fn site_suffix(rest: &str) -> bool {
    let Some(name) = rest.strip_prefix(['-', '\u{2013}', '\u{2014}', '|']) else {
        return false;
    };
    let name = name.trim();
    name.is_empty()
        || (words(name) <= 4
            && !name.ends_with(['.', '?', '!'])
            && name
                .split_whitespace()
                .any(|w| w.contains('.') || super::dateline::media_compound(w, false)))
}

/// A photo's caption under the headline that opens on a label in capitals (`RUSAK.
/// Sekretaris Komisi IV … saat memantau sekolah …`, `DITAHAN: Tersangka …`), as the papers
/// of one group set them, over a story that follows. A place in capitals there is the
/// dateline (`JAKARTA. Sebagai upaya …`).
fn labelled_caption(paras: &[String], body: &[usize], out: &mut Head) {
    let k = out.first_body;
    let (Some(&a), Some(&next)) = (body.get(k), body.get(k + 1)) else {
        return;
    };
    let line = paras[a].as_str();
    let Some(cut) = line.find(['.', ':']) else {
        return;
    };
    let label = line[..cut].trim();
    let after = &line[cut + 1..];
    // A space after the stop: `TEMPO.CO, Jakarta -` is a site's name, and a dateline is none.
    let spaced = after.starts_with(' ');
    let after = after.trim_start();
    let labelled = spaced
        && dateline::detect(line).is_none()
        && (1..=3).contains(&words(label))
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && label.chars().all(|c| c.is_uppercase() || c == ' ')
        && !dateline::is_known_city(label)
        // The caption's first word in title case (`Sekretaris`, `Tersangka`): a lede may
        // open on a title in capitals (`AVENGERS: ENDGAME adalah …`).
        && after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
        && words(line) <= LABELLED_CAPTION_WORDS
        && words(&paras[next]) >= 8;
    if labelled {
        // Kept as a summary over the lede: its day may be the only one the text writes
        // (`RESMI : Persija … usai kalah, Kamis (19/9/2019).`).
        out.furniture.push((a, RemovedKind::Summary));
        out.first_body = k + 1;
    }
}

/// A labelled caption (`DITAHAN: Tersangka …`) runs longer than a plain one: it names
/// everyone in the picture.
const LABELLED_CAPTION_WORDS: usize = 60;

/// A photo's caption over a story runs to at most this many words; more is a paragraph.
const CAPTION_WORDS: usize = 45;

/// A line's words in lower case without punctuation or a bullet, to find a headline again.
/// Whether `line` is the headline whose [`headline_key`] is `key` again, maybe as a photo's
/// caption with the page's control to enlarge it after it (`Judul Perbesar`).
fn repeats(line: &str, key: &str) -> bool {
    let own = headline_key(line);
    own == key
        || own
            .rsplit_once(' ')
            .is_some_and(|(head, control)| head == key && is_control(control))
}

fn headline_key(line: &str) -> String {
    let rest = lines::bulleted(line).unwrap_or(line);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A first line that is really the lede, so the text has no headline: a whole paragraph, a
/// sentence (many words ending in a full stop), or a line opening on a dateline.
pub(super) fn is_lede(line: &str) -> bool {
    if line.chars().nth(MAX_TITLE_CHARS).is_some() {
        return true;
    }
    let n = words(line);
    if n >= SENTENCE_WORDS && ends_sentence(line) {
        return true;
    }
    // An unknown word before a dash is a title's kicker (`SATURDATE - ...`), not a dateline.
    let Some(d) = dateline::detect(line) else {
        return false;
    };
    let known = (d.outlet.is_some() || d.city.as_deref().is_some_and(dateline::is_known_city))
        && line[d.rest..].split_whitespace().nth(5).is_some();
    // Any other dateline opens a lede in sentence case; a headline's kicker heads title case.
    known || (n >= SENTENCE_WORDS && !lines::is_title_like(line))
}

/// Ends like a sentence: a full stop (not an ellipsis, which teasers end on), maybe inside a
/// closing quote or bracket.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
    t.ends_with('.') && !t.ends_with("..") && !t.ends_with("\u{2026}")
}

/// The lede without a dateline opening it, for a title derived from it.
pub(super) fn without_dateline(lede: &str) -> &str {
    let lede = match dateline::detect(lede) {
        Some(d) if words(&lede[d.rest..]) >= 3 => &lede[d.rest..],
        _ => lede,
    };
    // The tail of a domain the scraper spaced off (`Outlet. Com-Teks`).
    match lede.split_once('-') {
        Some((tld, rest))
            if ["com", "id", "co.id", "net", "tv"].contains(&tld.to_lowercase().as_str())
                && words(rest) >= 3 =>
        {
            rest.trim_start()
        }
        _ => lede,
    }
}

/// Furniture that can stand above a headline, whatever follows it.
fn furniture(line: &str) -> Option<RemovedKind> {
    let low = lines::lower_prefix(line, 60);
    let n = words(line);
    // Ad and scroll prompts (`Iklan - Scroll untuk Melanjutkan`).
    let first = low
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if n <= 8 && (first == "iklan" || first == "advertisement" || low.contains("scroll")) {
        return Some(RemovedKind::Prompt);
    }
    // A source credit (`Sumber, Humas Polres/Redaksi`, `Sumber: ...`).
    if n <= 8
        && low
            .strip_prefix("sumber")
            .is_some_and(|r| r.trim_start().starts_with([',', ':']))
    {
        return Some(RemovedKind::Credit);
    }
    // A view or comment count, or a copyright line.
    if line
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
    {
        return Some(RemovedKind::Footer);
    }
    if line.contains('\u{a9}') && n <= 10 {
        return Some(RemovedKind::Footer);
    }
    // A footer menu whose links ran together (`Tentang KamiPedoman Media SiberKarir`).
    if run_together(line) >= 3 {
        return Some(RemovedKind::Footer);
    }
    if credited_caption(line) {
        return Some(RemovedKind::Caption);
    }
    // A page's skip links (`Lompat ke konten Lompat ke sidebar`, `Skip to content`).
    if ["lompat ke ", "loncat ke ", "skip to "]
        .iter()
        .any(|p| low.starts_with(p))
        && n <= 12
    {
        return Some(RemovedKind::Footer);
    }
    // The site's name alone on its line (`PROKAL.CO,`): the outlet, read from the text.
    if n == 1 && dateline::is_domain(line.trim_end_matches([',', '.', ':'])) {
        return Some(RemovedKind::Footer);
    }
    None
}

/// How many words glue a lower-case word straight onto a capital (`KamiPedoman`); hashtags
/// and names (`iPhone`, `detikJateng`, `WhatsApp`) are one each at most, a run-together menu
/// has several.
fn run_together(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| !w.starts_with(['#', '@']) && !w.contains('.'))
        .filter(|w| {
            let mut lower_run = 0;
            for c in w.chars() {
                if c.is_uppercase() && lower_run >= 3 {
                    return true;
                }
                lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
            }
            false
        })
        .count()
}

/// A photo caption closing on its credit group with a slash between names (`... (Outlet/
/// Photographer)`, `... (twitter.com/akun)`): no headline ends on one.
fn credited_caption(line: &str) -> bool {
    line.len() <= 250
        && words(line) >= 3
        && captions::closing_group(line).is_some_and(|(_, group)| captions::slash_names(group))
}

/// A page's control standing alone on its line: its menu button, its theme switch, a
/// verified badge's icon name, a picture's zoom.
fn is_control(line: &str) -> bool {
    const CONTROLS: &[&str] = &[
        "menu",
        "mode gelap",
        "mode terang",
        "dark mode",
        "badge-check",
        "perbesar",
    ];
    CONTROLS.contains(&line.trim().to_lowercase().as_str())
}

/// A section label or kicker: a few words, no sentence or headline punctuation.
fn is_label(line: &str) -> bool {
    let n = words(line);
    (1..=LABEL_WORDS).contains(&n)
        && line.chars().nth(40).is_none()
        && !line.contains([':', '?', '!', '"', '\u{201c}', ','])
        && !line.ends_with('.')
}

/// A site's name and dash before a title-case line (`SOLOPOS.COM - Panduan Informasi dan
/// Inspirasi`): its tagline. A headline's kicker is a word, not a web name.
pub(super) fn site_tagline(line: &str) -> bool {
    dateline::detect(line).is_some_and(|d| {
        d.outlet.is_some_and(|o| o.contains('.'))
            && line[d.rest..]
                .split_whitespace()
                .nth(TAGLINE_WORDS)
                .is_none()
            && lines::is_title_like(&line[d.rest..])
            // `Kompas.com - 20/10/2025, 14:30 WIB` is the stamp.
            && !line[d.rest..].chars().any(|c| c.is_ascii_digit())
    })
}

/// Words a site's tagline runs to at most (`Panduan Informasi dan Inspirasi`).
const TAGLINE_WORDS: usize = 6;

/// A headline under a label: title case, not a sentence, short of a paragraph.
fn is_headline(line: &str) -> bool {
    words(line) >= 4 && !ends_sentence(line) && lines::is_title_like(line)
}

/// The rest of a line that repeats the headline and goes on: a photo caption (sentence case,
/// several words) rather than the headline's own end.
fn glued_caption(title: &str, rest: &str) -> bool {
    !title.ends_with(['\u{2026}', '.', ':', ',', '-'])
        && words(title) >= 5
        && words(rest) >= 6
        && !lines::is_title_like(rest)
}

/// A breadcrumb alone on its line: the home page's name, then up to four steps parted by
/// slashes or chevrons (`Home / Tanjab Barat`, `Beranda » Daerah`).
fn breadcrumb(line: &str) -> bool {
    const STEPS: [char; 4] = ['/', '\u{bb}', '\u{203a}', '>'];
    let Some((home, rest)) = line.split_once(STEPS) else {
        return false;
    };
    matches!(home.trim().to_lowercase().as_str(), "home" | "beranda")
        && !rest.trim().is_empty()
        && rest.split(STEPS).count() <= 4
        && words(rest) <= 8
}

/// The last step of a breadcrumb (`Home » Berita, Jogja » Judul`).
fn breadcrumb_tail(line: &str) -> &str {
    let Some((crumbs, tail)) = line.rsplit_once(['\u{bb}', '\u{203a}']) else {
        return line;
    };
    let first = crumbs.split(['\u{bb}', '\u{203a}']).next().unwrap_or("");
    let tail = tail.trim();
    if words(first) <= 3 && words(tail) >= 3 {
        tail
    } else {
        line
    }
}

/// Inline HTML tags a scraper may leave in a headline; other `<WORD>` text is the title's
/// own (`<FOCUS>`, a group's name).
const INLINE_TAGS: &[&str] = &[
    "i", "b", "em", "strong", "u", "s", "br", "span", "sup", "sub", "small", "mark",
];

/// The headline without inline markup the scraper kept (`<i>Flexing</i>`).
fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').filter(|&c| {
            let name = after[..c]
                .trim_start_matches('/')
                .trim_end_matches('/')
                .trim();
            INLINE_TAGS.contains(&name)
        });
        match close {
            Some(c) => {
                out.push_str(&rest[..open]);
                rest = &after[c + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // What is left of an HTML comment's marks at either end (`Judul -->`).
    let out = out
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let cleaned = super::clean_line(out);
    if cleaned.is_empty() {
        line.to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_breadcrumbs_leave_the_headline() {
        assert_eq!(
            strip_tags("Kasus <i>Viral</i> di Kota"),
            "Kasus Viral di Kota"
        );
        assert_eq!(strip_tags("Harga < 5 dan > 2"), "Harga < 5 dan > 2");
        assert_eq!(
            strip_tags("Bupati Pimpin Panen Raya Jagung -->"),
            "Bupati Pimpin Panen Raya Jagung"
        );
        assert_eq!(
            breadcrumb_tail("Beranda \u{bb} Berita, Daerah \u{bb} Warga Desa Gelar Kerja Bakti"),
            "Warga Desa Gelar Kerja Bakti"
        );
        assert_eq!(breadcrumb_tail("Skor 2 \u{bb} 1"), "Skor 2 \u{bb} 1");
    }

    #[test]
    fn a_ticker_over_a_breadcrumb_is_the_pages() {
        let paras: Vec<String> = [
            "Polres Amankan Dua Pelaku Curanmor  Bupati Hadiri Pelepasan Siswa  DPC PPP Buka \
             Pendaftaran Bakal Calon",
            "Home / Tanjab Barat",
            "Kasus Narkoba Selama Tahun 2021 Mengalami Peningkatan",
            "Tanjab Barat \u{2013} Perkara narkoba banyak terjadi sepanjang tahun 2021.",
        ]
        .map(String::from)
        .to_vec();
        let h = head(&paras, &[0, 1, 2, 3]);
        assert_eq!(
            h.title.as_deref(),
            Some("Kasus Narkoba Selama Tahun 2021 Mengalami Peningkatan")
        );
        assert_eq!(h.furniture.len(), 2);
        assert!(breadcrumb("Beranda \u{bb} Daerah"));
        // A headline with a slash in it is no breadcrumb.
        assert!(!breadcrumb("Harga Cabai Rp50 Ribu/Kg di Pasar Induk"));
        assert!(!breadcrumb("Home"));
    }

    #[test]
    fn a_ticker_holding_the_headline_is_the_pages() {
        let headline =
            "Jalan Rusak dan Anak Putus Sekolah, Pengalaman Pahit Warga 2 Kampung di Polman";
        let ticker = format!(
            "Kemenlu RI Pastikan Koordinasi Intensif Pelindungan WNI di Timur Tengah {headline} \
             Kejaksaan Negeri Merauke Dalami Aliran Dana Dugaan Korupsi BUMD"
        );
        let lede = "Tingginya angka putus sekolah ternyata juga dipengaruhi kondisi jalan di \
                    Kabupaten Polewali Mandar.";
        let paras: Vec<String> = [
            "Menu",
            "Mode Gelap",
            &ticker,
            "Warta Utama",
            headline,
            "badge-check",
            &format!("{headline} Perbesar"),
            lede,
        ]
        .map(String::from)
        .to_vec();
        let body: Vec<usize> = (0..paras.len()).collect();
        let h = head(&paras, &body);
        assert_eq!(h.title.as_deref(), Some(headline));
        assert!(h.furniture.contains(&(2, RemovedKind::Related)), "{h:?}");
        // The headline again as a photo's caption with its control to enlarge it.
        assert_eq!(h.first_body, 7, "{h:?}");
        // A label the ticker holds is no headline under it.
        let paras: Vec<String> = [&ticker, "Warta Utama", "Kejaksaan Negeri Merauke", lede]
            .map(String::from)
            .to_vec();
        let h = head(&paras, &[0, 1, 2, 3]);
        assert_eq!(h.title.as_deref(), Some(ticker.as_str()), "{h:?}");
        // Nor one with a paragraph between it and the headline.
        let paras: Vec<String> = [&ticker, lede, headline, lede].map(String::from).to_vec();
        let h = head(&paras, &[0, 1, 2, 3]);
        assert_ne!(h.title.as_deref(), Some(headline), "{h:?}");
    }

    #[test]
    fn a_window_title_s_site_name_leaves_the_headline_printed_again_below() {
        let paras: Vec<String> = [
            "11 Kecamatan Ikut Festival Budaya \u{2013} Berita Kota Contoh",
            "Sulselbar",
            "11 Kecamatan Ikut Festival Budaya",
            "LEPAS -- Sekretaris daerah melepas peserta pawai budaya di depan kantor bupati.",
        ]
        .map(String::from)
        .to_vec();
        let h = head(&paras, &[0, 1, 2, 3]);
        assert_eq!(
            h.title.as_deref(),
            Some("11 Kecamatan Ikut Festival Budaya")
        );
        assert_eq!(h.first_body, 3);
        // Not printed again, the dash is the headline's own (`Persib – Persija …`).
        let mut own = paras.clone();
        own[2] = "Sulselbar lain".into();
        let h = head(&own, &[0, 1, 2, 3]);
        assert_eq!(h.title.as_deref(), Some(paras[0].as_str()));
    }

    #[test]
    fn a_dateline_alone_over_the_lede_is_no_headline() {
        let paras: Vec<String> = [
            "Tebo, targetjurnalis.id",
            "Kapolres Tebo dan anggotanya tadi malam datang ke lokasi banjir yang melanda desa \
             itu, yang terdampak parah ialah dusun di tepi sungai.",
        ]
        .map(String::from)
        .to_vec();
        let h = head(&paras, &[0, 1]);
        assert_eq!((h.title, h.first_body), (None, 0));
        // A place and its dash alone, over a lede or a short paragraph of sentences.
        for (line, lede) in [
            (
                "Banda Aceh \u{2013}",
                "Tiga kecamatan di Aceh Tamiang terendam banjir dan ribuan warga mengungsi ke \
                 tempat yang lebih aman.",
            ),
            (
                "SAMARINDA -",
                "Dua pendaki dilaporkan hilang di kawasan gunung itu. Keduanya selamat.",
            ),
        ] {
            let paras = vec![line.to_string(), lede.to_string()];
            let h = head(&paras, &[0, 1]);
            assert_eq!((h.title, h.first_body), (None, 0), "{line}");
        }
        // A kicker is no place: the line is read as before.
        let paras = vec![
            "EKSKLUSIF \u{2013}".to_string(),
            "Bupati itu mengaku siap diperiksa terkait dugaan korupsi dana hibah daerah."
                .to_string(),
        ];
        assert_eq!(head(&paras, &[0, 1]).first_body, 1);
        // A title with a dash inside stays the title; over a headline, the headline is.
        for (line, next, title) in [
            (
                "Banjir Rendam Aceh Tamiang - Ribuan Mengungsi",
                "Tiga kecamatan di Aceh Tamiang terendam banjir dan ribuan warga mengungsi.",
                "Banjir Rendam Aceh Tamiang - Ribuan Mengungsi",
            ),
            (
                "Banda Aceh \u{2013}",
                "Banjir Rendam Aceh Tamiang",
                "Banjir Rendam Aceh Tamiang",
            ),
        ] {
            let paras = vec![line.to_string(), next.to_string()];
            assert_eq!(
                head(&paras, &[0, 1]).title.as_deref(),
                Some(title),
                "{line}"
            );
        }
    }

    #[test]
    fn sentences_and_datelines_are_ledes() {
        assert!(is_lede(
            "Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas rencana \
             pembangunan jalan baru."
        ));
        assert!(!is_lede(
            "Konvoi Mobil Listrik Hari Ini, Begini Rekayasa Lalu Lintasnya."
        ));
        assert!(!is_lede(
            "Warga Desa Contoh Berkumpul di Balai Desa Sejak Pagi, Bahas Jalan Baru dan Irigasi..."
        ));
        for lead in [
            "KOTABARU,- Warga berkumpul di balai",
            "Kotabaru_Warta.com- Warga berkumpul di balai",
            "KOTABARU,WARTA.ID : Warga berkumpul di balai",
            "warta.com, KOTABARU \u{2013} Warga berkumpul di balai",
        ] {
            assert_eq!(without_dateline(lead), "Warga berkumpul di balai", "{lead}");
        }
        assert_eq!(
            without_dateline("Viral Lagi - Warga berkumpul"),
            "Viral Lagi - Warga berkumpul"
        );
    }
}
