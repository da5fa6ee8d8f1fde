//! Whole-line classification: site furniture ("Baca juga", share prompts, footers, captions)
//! and credit lines (`Penulis: X | Editor: Y`, `Laporan wartawan ..., X`).

use crate::model::RemovedKind;

use super::captions::{
    caption_shaped, credited_caption, dated_caption, outlet_slash_caption, photo_credit_tail,
    picture_credit,
};
use super::furniture;
use super::line_words::{
    AD_WORDS, BULLETS, CONNECTIVES, CONTAINS, EXACT, HEADLINE_SMALL_WORDS, PAGE_WORDS, PREFIXES,
    PROMPT_OPENERS, WEAK_CAPTION_OPENERS,
};
use super::people;

/// What one paragraph line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Body,
    /// A "read also" link; the headline (may be empty).
    Related(String),
    /// Site furniture, captions, source credits, and which.
    Boiler(RemovedKind),
    /// A byline; the line itself is boilerplate.
    Credit {
        authors: Vec<String>,
        editor: Option<String>,
    },
}

/// Longest line that can be furniture matched by a phrase anywhere in it; longer lines are prose.
pub(super) const SHORT: usize = 250;

pub(super) fn lower_prefix(line: &str, max_chars: usize) -> String {
    line.chars()
        .take(max_chars)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The same label in an English theme: `READ  Judul`, `Read also: Judul`, `ALSO READ Judul`
/// -> the headline. `Read` alone counts in capitals or before a colon; a sentence may open
/// on it.
fn english_related(line: &str) -> Option<String> {
    for label in ["read also", "also read", "read more", "read"] {
        let Some(head) = line.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let rest = &line[label.len()..];
        let after = rest.trim_start();
        let colon = after.starts_with(':');
        let headline = after.trim_start_matches(':').trim();
        let spaced = rest.starts_with(char::is_whitespace)
            && headline.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let capitals = head.bytes().all(|b| !b.is_ascii_lowercase());
        // Without a colon, only a headline's shape after it: no full stop at its end, no
        // clause going on after a comma (`Read More Than Words, komunitas literasi, …` and
        // `READ ME, sebuah aplikasi …` open sentences).
        let shaped = !headline.ends_with('.')
            && !headline
                .split(", ")
                .skip(1)
                .any(|c| c.starts_with(char::is_lowercase));
        if !headline.is_empty() && (colon || (spaced && (label != "read" || capitals) && shaped)) {
            return Some(headline.to_string());
        }
    }
    None
}

/// `Baca juga: X`, `BACA JUGA:X`, `Baca juga : X`, `Baca: X`, `Bacaaja: X` -> the headline.
fn related(line: &str, low: &str) -> Option<String> {
    if let Some(headline) = english_related(line) {
        return Some(headline);
    }
    let rest_low = low
        .strip_prefix("baca juga")
        .or_else(|| low.strip_prefix("bacaaja"))
        .or_else(|| low.strip_prefix("baca aja"))
        .or_else(|| low.strip_prefix("baca"))
        // `Lihat juga:` heads a list of links as `Baca juga:` does; `Lihat juga video …` is
        // a prompt to watch.
        .or_else(|| {
            low.strip_prefix("lihat juga")
                .filter(|r| r.trim_start().starts_with(':') && !r.contains("video"))
        })?;
    let t = rest_low.trim_start();
    // `Baca juga Headline` without a colon counts; `Baca buku ...` (prose) does not.
    let juga = low.starts_with("baca juga");
    // `BACA JUGAJudul`, `Baca jugaJudul`: the label glued to a headline's capital.
    let glued = juga
        && line.get(..1) == Some("B")
        && line
            .get("baca juga".len()..)
            .is_some_and(|r| r.starts_with(char::is_uppercase));
    if !(t.starts_with(':') || glued || (juga && (t.is_empty() || rest_low.starts_with(' ')))) {
        return None;
    }
    // Map the lowered prefix length back onto the original line by counting chars.
    let consumed = low.chars().count() - t.chars().count();
    let rest: String = line.chars().skip(consumed).collect();
    let rest = rest
        .trim_start()
        .strip_prefix(':')
        .unwrap_or(rest.trim_start());
    let headline = rest.trim().trim_matches(',').trim();
    // A headline or nothing after `Lihat juga:`; `Lihat juga: tabel di bawah ini …` points
    // within the story.
    if low.starts_with("lihat juga") && headline.starts_with(char::is_lowercase) {
        return None;
    }
    Some(headline.to_string())
}

fn is_count_footer(low: &str) -> bool {
    // Up to four words, no list: every short line comes here.
    let mut it = low.split_whitespace();
    let words = [it.next(), it.next(), it.next(), it.next()];
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.');
    match words {
        [Some(n), Some(w), None, None] => {
            number(n)
                && matches!(
                    w,
                    "comment" | "comments" | "komentar" | "tanggapan" | "views"
                )
        }
        // `Dilihat 349 kali`, `Dibaca 1.204 kali`: a view counter.
        [Some(v), Some(n), Some("kali"), None] => matches!(v, "dilihat" | "dibaca") && number(n),
        // `Bacaan 2 Menit`: the reading time.
        [Some("bacaan" | "baca"), Some(n), Some("menit"), None] => number(n),
        _ => false,
    }
}

const AUTHOR_KEYS: &[&str] = &[
    "penulis",
    "rep",
    "reporter",
    "wartawan",
    "pewarta",
    "kontributor",
    "jurnalis",
    "laporan",
];
const EDITOR_KEYS: &[&str] = &["editor", "penyunting", "redaktur", "red"];
/// Credits for the production crew of a video or photo story: a credit, but not authors.
const CREW_KEYS: &[&str] = &[
    "narator",
    "narasi",
    "voice over",
    "pengisi suara",
    "produser",
    "produksi",
    "kamerawan",
    "kameramen",
    "videografer",
    "video editor",
    "fotografer",
    "grafis",
    "desain grafis",
    "ilustrator",
    "infografis",
];

/// Bytes the longest credit key (`desain grafis`, `pengisi suara`) runs to, with spaces.
const KEY_MAX: usize = 20;

/// Whether `text` opens with a credit key and its colon (`Red: `, `Editor :`).
fn opens_with_key(text: &str) -> bool {
    // Checked at every space of a byline: a colon farther than the longest key is prose.
    text.split_once(':').is_some_and(|(key, _)| {
        if key.len() > KEY_MAX {
            return false;
        }
        let key = key.trim().to_lowercase();
        [AUTHOR_KEYS, EDITOR_KEYS, CREW_KEYS]
            .iter()
            .any(|keys| keys.contains(&key.as_str()))
    })
}

/// The credits of a byline: split at `|` and `;`, and at a `/` that opens the next key
/// (`Rep: X/ Red: Y`); a `/` inside a value lists several people.
fn credit_segments(line: &str) -> Vec<&str> {
    let mut segs = Vec::new();
    for seg in line.split(['|', ';']) {
        let mut from = 0;
        // A `/` or a space that opens the next key (`Rep: X/ Red: Y`, `Editor : X  Reporter
        // : Y`).
        for (i, c) in seg.char_indices() {
            if matches!(c, '/' | ' ') && i > from && opens_with_key(&seg[i + 1..]) {
                segs.push(&seg[from..i]);
                from = i + 1;
            }
        }
        segs.push(&seg[from..]);
    }
    segs
}

/// `Penulis: X | Editor: Y`, `Reporter: X; Redaktur: Y`, `Rep: X/ Red: Y`, `Editor : Y`,
/// `Laporan: X`, and a desk credit (`Redaksi Warta.com / X | WARTA.com`).
pub(super) fn byline(line: &str) -> Option<(Vec<String>, Option<String>)> {
    if line.len() > 200 {
        return None;
    }
    if let Some(authors) = super::credits::desk_credit(line) {
        return Some((authors, None));
    }
    let mut authors = Vec::new();
    let mut editor = None;
    // `Pewarta | : Irqam |`: a key parted from its colon by a pipe.
    let line: std::borrow::Cow<str> = if line.contains("| :") {
        line.replace("| :", " :").into()
    } else {
        line.into()
    };
    for seg in credit_segments(&line) {
        if seg.trim().is_empty() {
            continue;
        }
        let (key, value) = seg.split_once(':')?;
        let key = key.trim().to_lowercase();
        let value = value.trim().trim_end_matches(['.', ',']).trim();
        if AUTHOR_KEYS.contains(&key.as_str()) {
            let found = people::people(value);
            if found.is_empty() {
                authors.extend(labelled_name(value).map_or_else(Vec::new, |n| people::people(&n)));
            }
            authors.extend(found);
        } else if EDITOR_KEYS.contains(&key.as_str()) {
            if let Some(e) = people::people(value).into_iter().next() {
                editor = Some(e);
            }
        } else if !CREW_KEYS.contains(&key.as_str()) {
            return None;
        }
    }
    Some((authors, editor))
}

/// A byline whose keys lost their colons (`Reporter Wandrizal`, `Penulis Eva Nur Fauziyah |
/// Editor Budi`): a whole short line of one-word keys, each followed by a person's name
/// alone. Asked only of the story's last line: elsewhere such a line is a crosshead or a
/// kicker (`Wartawan Dikeroyok Massa`), and after a comma an apposition.
pub(super) fn bare_byline(line: &str) -> Option<(Vec<String>, Option<String>)> {
    if line.len() > 80 || line.contains(':') {
        return None;
    }
    let mut authors = Vec::new();
    let mut editor = None;
    for seg in line.split('|').map(str::trim).filter(|s| !s.is_empty()) {
        let (key, value) = seg.split_once(char::is_whitespace)?;
        let key = key.to_lowercase();
        // A name starts with a capital (`Penulis buku itu` is a sentence's subject).
        let value = value.trim().trim_end_matches('.');
        if !value.starts_with(char::is_uppercase) {
            return None;
        }
        // A role's rank or kind, not a name (`Penulis Tamu`, `Redaktur Pelaksana`).
        if value.split_whitespace().any(|w| {
            [
                "tamu",
                "senior",
                "pelaksana",
                "warga",
                "lepas",
                "muda",
                "buku",
                "utama",
            ]
            .contains(&w.to_lowercase().as_str())
        }) {
            return None;
        }
        let name = people::person(value)?;
        match key.as_str() {
            "penulis" | "reporter" | "wartawan" | "pewarta" | "kontributor" | "jurnalis" => {
                authors.push(name)
            }
            "editor" | "penyunting" | "redaktur" => editor = Some(name),
            _ => return None,
        }
    }
    (!authors.is_empty() || editor.is_some()).then_some((authors, editor))
}

/// A name after an author's key that the writer left partly in lower case (`Pewarta: Boyke
/// ledy watra`): two to four words of letters, the first capitalised and a later one not,
/// in title case, for the name reader to judge as it judges any other.
fn labelled_name(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let letters = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
    };
    let ok = (2..=4).contains(&words.len())
        && words.iter().all(letters)
        && words[0].starts_with(char::is_uppercase)
        && words[1..].iter().any(|w| w.starts_with(char::is_lowercase));
    ok.then(|| super::dateline::title_case(value))
}

pub(super) const REPORT_PREFIXES: &[&str] = &[
    "laporan wartawan",
    "laporan reporter",
    "laporan kontributor",
    "laporan jurnalis",
];

/// `Laporan wartawan Tribunsumsel.com, Eko Hepronis` -> Eko Hepronis;
/// `Laporan wartawan Warta.com Ani Lestari dari Kota` -> Ani Lestari.
fn report_credit(line: &str, low: &str) -> Option<Vec<String>> {
    if line.len() > 160 || !REPORT_PREFIXES.iter().any(|p| low.starts_with(p)) {
        return None;
    }
    let mut words = line.splitn(3, ' ');
    let key = words.nth(1).unwrap_or("");
    let rest = words.next().unwrap_or("");
    // `Laporan reporter: Gusti Ayu Purnamiasih`: after a key's colon comes the name alone.
    if key.ends_with(':')
        && let Some(name) = people::person(rest)
    {
        return Some(vec![name]);
    }
    let (head, tail) = rest.split_once(',').unwrap_or((rest, ""));
    if let Some(name) = people::person(tail) {
        return Some(vec![name]);
    }
    let head = head.split(" dari ").next().unwrap_or(head);
    // The outlet comes first (`Warta.com`, `TribunKota.com`, `Beritasatu Ahmad Yani`); a
    // name of two words alone is the whole rest (`Laporan wartawan Budi Santoso`).
    let outlet_first = |outlet: &str| {
        outlet.contains('.')
            || super::dateline::media_compound(outlet, false)
            || head.split_whitespace().nth(2).is_some()
            || people::person(head).is_none()
    };
    let name = head
        .split_once(' ')
        .filter(|(outlet, _)| outlet.chars().any(char::is_uppercase) && outlet_first(outlet))
        .map_or(head, |(_, n)| n);
    Some(people::person(name).into_iter().collect())
}

/// A prompt is one short phrase; a line that goes on into sentences (`…itu:,Salah dan …`,
/// `… ini. Warga …`) is a paragraph that happens to open like one.
fn is_one_phrase(line: &str) -> bool {
    line.len() <= 200
        && !line.contains(":,")
        && !line.contains(".,")
        && !line
            .match_indices(". ")
            .any(|(i, _)| line[i + 2..].starts_with(char::is_uppercase))
}

/// Every word an ad or scroll prompt word (`ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT`).
fn is_ad_line(low: &str) -> bool {
    low.split_whitespace().count() >= 2
        && low
            .split_whitespace()
            .all(|w| AD_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// A short line of page words or numbers ([`is_pagination`]).
pub(super) fn is_pagination_line(line: &str) -> bool {
    line.len() <= 60 && is_pagination(&line.to_lowercase())
}

/// `Halaman selanjutnya`, `Halaman 2 dari 3`, `1 2 3 4 Next`: page words, or page numbers
/// counting up from 1 or 2. A lone number (`1.`, `(2)`, `19'`) is a list item or a score.
fn is_pagination(low: &str) -> bool {
    let (mut word, mut next_number, mut numbers) = (false, None, 0);
    for w in low.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if let Ok(n) = w.parse::<u32>() {
            if next_number.is_some_and(|x| x != n) || (next_number.is_none() && n > 2) {
                // Not a run of page numbers; still fine beside a page word (`Halaman 5`).
                next_number = Some(u32::MAX);
            } else {
                next_number = Some(n + 1);
            }
            numbers += 1;
        } else if PAGE_WORDS.contains(&w) {
            word |= !matches!(w, "baca" | "ke" | "dari" | "of");
        } else {
            return false;
        }
    }
    word || (numbers >= 2 && next_number != Some(u32::MAX))
}

/// A headline's shape: a short line in title case that does not end like a sentence.
pub fn is_title_like(line: &str) -> bool {
    if line.chars().nth(160).is_some()
        || line.ends_with(['.', ',', ':', ';', '"', '\u{201d}', '\'', ')'])
        || opens_on_a_connective(line)
    {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for w in line.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        let low = w.to_lowercase();
        if HEADLINE_SMALL_WORDS.contains(&low.trim_matches(|c: char| !c.is_alphanumeric())) {
            continue;
        }
        words += 1;
        caps += usize::from(first.is_uppercase() || first.is_ascii_digit());
    }
    words >= 3 && caps * 10 >= words * 8
}

/// `Sementara, Anggota Komisi A DPRD …`, `Selain itu, …`: a sentence going on from the one
/// before, however many of its words are capitalised; a headline stands alone.
fn opens_on_a_connective(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or_default().to_lowercase();
    let head = match first.strip_suffix(',') {
        Some(w) => w.to_string(),
        None if words.next().is_some_and(|w| w.eq_ignore_ascii_case("itu,")) => first,
        None => return false,
    };
    CONNECTIVES.contains(&head.as_str())
}

/// The headline of a bulleted list item (`• Headline`), if the line is one.
pub(super) fn bulleted(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(BULLETS)?;
    let rest = rest.trim_start();
    (rest.len() < line.len() && line.len() <= 200 && !rest.is_empty()).then_some(rest)
}

/// The line after a lone `Oleh:` names the column's author (`Name, degrees, role`).
pub fn byline_runs(paras: &[String], kinds: &mut [Kind]) {
    // A name over its key alone (`Irene Anggita` then `Penulis`): a page's author box.
    for i in 1..paras.len() {
        let key = paras[i].trim_end_matches(':').trim().to_lowercase();
        let author = AUTHOR_KEYS.contains(&key.as_str());
        if (author || EDITOR_KEYS.contains(&key.as_str()))
            && kinds[i - 1] == Kind::Body
            && paras[i - 1].split_whitespace().nth(4).is_none()
            && let Some(name) = people::person(&paras[i - 1])
        {
            kinds[i - 1] = if author {
                Kind::Credit {
                    authors: vec![name],
                    editor: None,
                }
            } else {
                Kind::Credit {
                    authors: Vec::new(),
                    editor: Some(name),
                }
            };
            kinds[i] = Kind::Boiler(RemovedKind::Credit);
        }
    }
    for i in 1..paras.len() {
        let after_oleh = matches!(&kinds[i - 1], Kind::Boiler(RemovedKind::Credit))
            && paras[i - 1]
                .trim_end_matches(':')
                .eq_ignore_ascii_case("oleh");
        if after_oleh
            && kinds[i] == Kind::Body
            && paras[i].len() <= 300
            && let Some(name) = people::name_before_role(&paras[i])
        {
            kinds[i] = Kind::Credit {
                authors: vec![name],
                editor: None,
            };
        }
    }
}

/// The article's last line is a related headline without a "read also" prefix: it repeats
/// one of the links, or it has a headline's shape in an article that has links.
pub fn is_bare_headline(line: &str, related: &[String]) -> bool {
    related.iter().any(|r| r == line) || (!related.is_empty() && is_title_like(line))
}

/// Classifies one trimmed, whitespace-collapsed line.
pub fn classify(line: &str) -> Kind {
    if !line.chars().any(char::is_alphanumeric) {
        return Kind::Boiler(RemovedKind::Separator);
    }
    if furniture::markdown_image(line) {
        return Kind::Boiler(RemovedKind::Caption);
    }
    // A whole line in parentheses is what its inside is: `(Foto: …)`, `(Baca: …)`,
    // `(Penulis: X | Editor: Y)`, `[Ikuti Site.com Melalui Sosial Media]`. The inside has no
    // brackets, so this recurses once.
    if let Some(inner) = (line.strip_prefix('(').and_then(|l| l.strip_suffix(')')))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        && !inner.contains(['(', ')', '[', ']'])
        // `(2)` numbers a list item; only a bare number is a counter.
        && !inner.bytes().all(|c| c.is_ascii_digit())
    {
        let kind = classify(inner.trim());
        if kind != Kind::Body {
            return kind;
        }
    }
    if let Some(inner) = furniture::wrapped(line)
        && !inner.is_empty()
    {
        let kind = classify(inner);
        if kind != Kind::Body {
            return kind;
        }
    }
    let low = lower_prefix(line, 60);
    if let Some(h) = related(line, &low) {
        return Kind::Related(h);
    }
    if let Some((authors, editor)) = byline(line) {
        return Kind::Credit { authors, editor };
    }
    if let Some(authors) = report_credit(line, &low) {
        return Kind::Credit {
            authors,
            editor: None,
        };
    }
    if let Some(name) = people::oleh_byline(line) {
        return Kind::Credit {
            authors: vec![name],
            editor: None,
        };
    }
    // `avatar Mahmud`: a blog theme's author box, the picture's alt text before the name.
    if line.len() <= 60
        && let Some(name) = low
            .strip_prefix("avatar ")
            .and_then(|_| line.get("avatar ".len()..))
            .and_then(people::person)
    {
        return Kind::Credit {
            authors: vec![name],
            editor: None,
        };
    }
    // `Lukman Husain by Lukman Husain`: the picture's alt text, then the theme's byline.
    if line.len() <= 80
        && let Some((alt, name)) = line.split_once(" by ")
        && alt.trim() == name.trim()
        && let Some(name) = people::person(name)
    {
        return Kind::Credit {
            authors: vec![name],
            editor: None,
        };
    }
    let bare = low.trim_end_matches([':', ' ']);
    if line.len() <= 60 {
        if let Some(&(_, kind)) = EXACT.iter().find(|(e, _)| *e == bare) {
            return Kind::Boiler(kind);
        }
        // A widget's label with its spaces lost (`BERITALAINNYA`).
        if !bare.contains(' ')
            && let Some(&(_, kind)) = EXACT
                .iter()
                .find(|(e, _)| e.contains(' ') && e.bytes().filter(|&c| c != b' ').eq(bare.bytes()))
        {
            return Kind::Boiler(kind);
        }
        if is_count_footer(bare) {
            return Kind::Boiler(RemovedKind::Footer);
        }
    }
    if line.len() <= SHORT {
        if let Some(&(_, kind)) = PREFIXES.iter().find(|(p, _)| low.starts_with(p)) {
            return Kind::Boiler(kind);
        }
        let unquoted = low.trim_start_matches(['\'', '"', '\u{201c}', '\u{2018}', '*', ')', ' ']);
        if PROMPT_OPENERS.iter().any(|p| unquoted.starts_with(p)) && is_one_phrase(line) {
            return Kind::Boiler(RemovedKind::Prompt);
        }
        if (low.contains("halaman selanjutnya") || low.contains("halaman berikutnya"))
            && line.len() <= 80
            && is_one_phrase(line)
        {
            return Kind::Boiler(RemovedKind::Prompt);
        }
        // `*) Name, role …`: the footnote of an opinion column, naming its author, or its
        // disclaimer (`*) Tulisan ini merupakan opini pribadi penulis …`).
        if let Some(note) = line.strip_prefix("*)") {
            let note_low = lower_prefix(note.trim_start(), 30);
            let authors = if note_low.starts_with("tulisan ini") || note_low.starts_with("penulis")
            {
                Vec::new()
            } else {
                people::name_before_role(note.trim_start())
                    .into_iter()
                    .collect()
            };
            if !authors.is_empty()
                || note_low.starts_with("tulisan ini")
                || note_low.starts_with("penulis")
            {
                return Kind::Credit {
                    authors,
                    editor: None,
                };
            }
        }
        if unquoted.starts_with("penulis adalah") {
            return Kind::Credit {
                authors: Vec::new(),
                editor: None,
            };
        }
        if line.len() <= 60 && (is_ad_line(&low) || is_pagination(&low)) {
            return Kind::Boiler(RemovedKind::Prompt);
        }
        if (WEAK_CAPTION_OPENERS.iter().any(|p| low.starts_with(p)) && caption_shaped(line))
            || outlet_slash_caption(line)
            || credited_caption(line)
            || dated_caption(line)
            || photo_credit_tail(line)
        {
            return Kind::Boiler(RemovedKind::Caption);
        }
        // Source credits (`Sumber: Tribun.com`, `Sumber : -`) name where the text came from;
        // they are provenance, not narrative, so they leave the body (and are not authors).
        if low.starts_with("sumber")
            && low["sumber".len()..].trim_start().starts_with(':')
            && line.len() <= 120
        {
            return Kind::Boiler(RemovedKind::Credit);
        }
        let full = line.to_lowercase();
        if let Some(&(_, kind)) = CONTAINS.iter().find(|(p, _)| full.contains(p)) {
            return Kind::Boiler(kind);
        }
        if let Some(kind) = furniture::classify(line, &full) {
            return kind;
        }
        // A call to follow the site's accounts (`Ikuti kami di …`, `Jangan lupa ikuti
        // Facebook, Instagram dan Tiktok …`).
        let follow = ["ikuti ", "jangan lupa ikuti ", "yuk ikuti ", "mari ikuti "]
            .iter()
            .any(|p| low.starts_with(p));
        // A teaser's `More Site …` link to the rest of a site's stories.
        if low.starts_with("more ") && line.ends_with("...") && line.split_whitespace().count() <= 4
        {
            return Kind::Boiler(RemovedKind::Prompt);
        }
        if follow
            && [
                "whatsapp",
                "saluran",
                "channel",
                "detik",
                "instagram",
                "twitter",
                "facebook",
                "tiktok",
                "youtube",
                "telegram",
                "google news",
                // `[Ikuti Site.com Melalui Sosial Media]`: prose says `media sosial`.
                "sosial media",
            ]
            .iter()
            .any(|p| full.contains(p))
        {
            return Kind::Boiler(RemovedKind::Prompt);
        }
    }
    // A long caption (a scene, its place, its day and hour) is past the short lines' checks;
    // a wire story's paragraph closes on its agency too, so the credit must name a picture
    // (the body's first paragraph is read for the rest in `extract`).
    if line.len() > SHORT && dated_caption(line) && picture_credit(line) {
        return Kind::Boiler(RemovedKind::Caption);
    }
    Kind::Body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> Kind {
        Kind::Related(s.to_string())
    }

    #[test]
    fn related_lines() {
        assert_eq!(
            classify("Baca juga: Secara Sukarela, Warga"),
            rel("Secara Sukarela, Warga")
        );
        assert_eq!(
            classify("BACA JUGA:Mayat Mr X Ditemukan"),
            rel("Mayat Mr X Ditemukan")
        );
        assert_eq!(
            classify("Baca juga : Tunggu Izin Kemenkeu"),
            rel("Tunggu Izin Kemenkeu")
        );
        assert_eq!(classify("Baca Juga: Program Cek"), rel("Program Cek"));
        assert_eq!(classify("Baca: Judul Lain"), rel("Judul Lain"));
        assert_eq!(classify("Baca juga"), rel(""));
        assert_eq!(classify("Lihat juga:"), rel(""));
        assert_eq!(classify("Lihat juga: Program Cek"), rel("Program Cek"));
        assert_ne!(classify("Lihat juga: video banjir"), rel("video banjir"));
        assert_eq!(classify("Lihat juga bagaimana warga bertahan."), Kind::Body);
        assert_eq!(
            classify("Lihat juga: daftar posko pengungsian di bawah ini."),
            Kind::Body
        );
        assert_eq!(classify("Baca buku itu penting bagi anak."), Kind::Body);
        assert_eq!(classify("Bacaan doa dibacakan."), Kind::Body);
        assert_eq!(classify("Baca Juga :,,"), rel(""));
        assert!(matches!(
            classify("Baca selengkapnya di halaman 2"),
            Kind::Boiler(_)
        ));
        // English themes' labels.
        assert_eq!(
            classify("READ  Potret UMKM Kota yang Berjuang"),
            rel("Potret UMKM Kota yang Berjuang")
        );
        assert_eq!(classify("Read also: Judul Lain"), rel("Judul Lain"));
        assert_eq!(classify("ALSO READ Judul Lain"), rel("Judul Lain"));
        assert_eq!(classify("Read More: Judul Lain"), rel("Judul Lain"));
        assert_eq!(
            classify("Read Only Memory atau ROM adalah memori yang hanya bisa dibaca komputer."),
            Kind::Body
        );
        assert_eq!(classify("Readiness menjadi kata kunci."), Kind::Body);
        assert_eq!(
            classify("Read More Than Words, komunitas literasi, menggelar diskusi buku."),
            Kind::Body
        );
        assert_eq!(
            classify("READ ME, sebuah aplikasi baca untuk anak"),
            Kind::Body
        );
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "Baca berita Tribunsumsel.com lainnya di Google News",
            "Ikuti dan bergabung dalam saluran whatsapp Tribunsumsel.com",
            "Cek Berita dan Artikel yang lain di Google News",
            "Rekomendasi untuk Anda",
            "Ikuti kami di",
            "AA",
            "Berita Terkini",
            "Berita Lainnya",
            "Index",
            "Post a Comment",
            "0 Comments",
            "12 Komentar",
            "\u{a9} 2025 TRIBUNnews.com Network,a subsidiary of KG Media.",
            "All Right Reserved",
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Simak juga Video 'Janji Mensos':",
            "Simak Video: x",
            "Tonton juga video \"x\" di sini:",
            "Artikel ini telah tayang di Tribunnews.com dengan judul x",
            "Sumber:",
            "Sumber : Tribun.com",
            "Kolase Tribunsumsel.com/ instagram @sumsel.keras",
            "Foto: Dok. Humas",
            "(Foto: Antara)",
            "Dok. Pemkab",
            "ILUSTRASI - Gedung DPR",
            "[Ikuti GagasanRiau.com Melalui Sosial Media]",
            "Press \"Enter\" to skip to content",
            "Share this article",
            "Read More",
            "Ikuti Warta.co.id di Google News",
        ] {
            assert!(matches!(classify(l), Kind::Boiler(_)), "{l}");
        }
        for l in [
            "Sumber daya manusia menjadi prioritas pemerintah daerah.",
            "Index harga naik tajam bulan ini menurut BPS dan para ekonom.",
            "Ikuti aturan yang berlaku, kata dia.",
            "Ikuti arahan petugas dan jangan percaya kabar di media sosial.",
            "Ikuti petunjuk di laman lapor.go.id untuk mengadu.",
            "0 orang tewas dalam kejadian itu",
        ] {
            assert_eq!(classify(l), Kind::Body, "{l}");
        }
    }

    #[test]
    fn credits() {
        assert_eq!(
            classify("Penulis: Eko Hepronis | Editor: Slamet Teguh"),
            Kind::Credit {
                authors: vec!["Eko Hepronis".into()],
                editor: Some("Slamet Teguh".into())
            }
        );
        assert_eq!(
            classify("Editor : Slamet"),
            Kind::Credit {
                authors: vec![],
                editor: Some("Slamet".into())
            }
        );
        assert_eq!(
            classify("Reporter: Ani"),
            Kind::Credit {
                authors: vec!["Ani".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Laporan wartawan Tribunsumsel.com, Eko Hepronis"),
            Kind::Credit {
                authors: vec!["Eko Hepronis".into()],
                editor: None
            }
        );
        assert_eq!(classify("Penulis buku itu: seorang guru"), Kind::Body);
        assert_eq!(
            classify("Lukman Husain by Lukman Husain"),
            Kind::Credit {
                authors: vec!["Lukman Husain".into()],
                editor: None
            }
        );
        assert_eq!(classify("Ditulis by Budi"), Kind::Body);
        // Keys that lost their colons, on a line of their own (asked of the last line).
        assert_eq!(
            bare_byline("Reporter Wandrizal"),
            Some((vec!["Wandrizal".into()], None))
        );
        assert_eq!(
            bare_byline("Penulis Eva Nur Fauziyah | Editor Budi Santoso"),
            Some((vec!["Eva Nur Fauziyah".into()], Some("Budi Santoso".into())))
        );
        for line in [
            "Penulis buku itu",
            "Wartawan senior itu ditangkap",
            "Penulis Tamu",
            "Redaktur Pelaksana",
            "Jurnalis Warga",
            "Penulis Buku Laskar Pelangi",
        ] {
            assert_eq!(bare_byline(line), None, "{line}");
        }
        assert_eq!(classify("Wartawan Dikeroyok Massa"), Kind::Body);
        // No outlet before the reporter's name: the whole name.
        assert_eq!(
            classify("Laporan wartawan Budi Santoso"),
            Kind::Credit {
                authors: vec!["Budi Santoso".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Laporan wartawan Beritasatu Ahmad Yani"),
            Kind::Credit {
                authors: vec!["Ahmad Yani".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Laporan wartawan Tribunnews Budi Santoso"),
            Kind::Credit {
                authors: vec!["Budi Santoso".into()],
                editor: None
            }
        );
        // A reporter and an editor abbreviated, one slash apart; the editor alone.
        assert_eq!(
            classify("Rep: Ani Lestari/ Red: Budi Santoso"),
            Kind::Credit {
                authors: vec!["Ani Lestari".into()],
                editor: Some("Budi Santoso".into())
            }
        );
        assert_eq!(
            classify("Red: M Akbar"),
            Kind::Credit {
                authors: vec![],
                editor: Some("M Akbar".into())
            }
        );
        assert_eq!(
            classify("Wartawan: Ani Lestari**"),
            Kind::Credit {
                authors: vec!["Ani Lestari".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Editor : Citra Dewi SiregarEditor Kota"),
            Kind::Credit {
                authors: vec![],
                editor: Some("Citra Dewi Siregar".into())
            }
        );
        // Two reporters listed with a slash stay two reporters.
        assert_eq!(
            classify("Reporter: Ani Lestari/Budi Santoso"),
            Kind::Credit {
                authors: vec!["Ani Lestari".into(), "Budi Santoso".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Redaksi Warta.com / Ani Lestari | WARTA.com"),
            Kind::Credit {
                authors: vec!["Ani Lestari".into()],
                editor: None
            }
        );
    }
}
