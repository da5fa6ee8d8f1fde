//! Photo captions and their credits, in the shapes outlets give them: an outlet and a
//! photographer before a slash, a closing credit group, a dated caption with its hour, a
//! weak opener's line shaped like a caption.

use super::line_words::{MEDIA_MARKS, TIME_OF_DAY};
use super::lines::{SHORT, lower_prefix};

/// `ANTARA FOTO/Name caption`, `WARTA.com/NAME caption`: an outlet in capitals and a
/// photographer before the first slash.
pub(super) fn outlet_slash_caption(line: &str) -> bool {
    let Some(slash) = line.get(..line.len().min(40)).and_then(|h| h.find('/')) else {
        return false;
    };
    let owner = line[..slash]
        .trim_end()
        .trim_end_matches(".com")
        .trim_end_matches(".co.id")
        .trim_end_matches(".co")
        .trim_end_matches(".id");
    owner.chars().filter(|c| c.is_uppercase()).count() >= 3
        && !owner.chars().any(char::is_lowercase)
        && !owner.chars().any(|c| c.is_ascii_digit())
        && super::dateline::detect(line).is_none()
}

/// The parenthesised group that closes `line` (`... (Outlet/Name)`): where it opens, and
/// what it holds.
pub(super) fn closing_group(line: &str) -> Option<(usize, &str)> {
    let head = line.strip_suffix(')')?;
    let open = head.rfind('(')?;
    Some((open, &head[open + 1..]))
}

/// A group of two names parted by a slash (`Outlet/Photographer`, `twitter.com/akun`): how
/// a picture is credited.
pub(super) fn slash_names(group: &str) -> bool {
    group.split_once('/').is_some_and(|(a, b)| {
        a.chars().any(char::is_alphabetic) && b.chars().any(char::is_alphabetic)
    })
}

/// A short line closed by a photo credit group: `Warga antre beras (Foto: Ani/detikX)`,
/// `Name (Outlet/Photographer)`. A sentence that ends in a desk code (`… rumahnya. (MS/Red)`)
/// ends with its own punctuation before the group and is not one; before `(Foto: …)` a
/// caption's own full stop is allowed.
pub(super) fn credited_caption(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    // `… di Sulsel (Foto: IG Akun).`: a stop after the bracket of a credit that says it is
    // a picture's (a group of slashed names may close a sentence of the text).
    let stopped = line.strip_suffix(").").map(|l| &line[..=l.len()]);
    let Some((open, group)) = closing_group(stopped.unwrap_or(line)) else {
        return false;
    };
    let group = group.to_lowercase();
    let before = line[..open].trim_end();
    let opener = ["foto", "dok.", "dok:", "dok ", "sumber foto"]
        .iter()
        .any(|o| group.starts_with(o))
        || group == "dok";
    let slash_names = slash_names(&group) && stopped.is_none();
    !line.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
        && (slash_names || opener)
        // `(Agency/Paper Name/Photographer Name)`: two slashes between names credit a
        // picture whatever the names; a desk code (`(ant/red/mg)`) has no spaces.
        && (MEDIA_MARKS.iter().any(|m| group.contains(m))
            || (group.matches('/').count() >= 2 && group.contains(' ')))
        && before.split_whitespace().nth(1).is_some()
        && before.len() <= if opener { 200 } else { 120 }
        // `(Foto: …)` is never a desk code, so a caption may end its sentence before it.
        && (opener || !before.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ',']))
}

/// Characters a picture's caption runs to at most: a scene, its place and its day.
pub(super) const CAPTION_CHARS: usize = 360;

/// The inside of a bracketed day, as news writes it after a weekday: `3/9`, `3/9/2024`.
pub(super) fn is_day_group(inside: &str) -> bool {
    let d = inside.trim();
    (1..=2).contains(&d.matches('/').count())
        && d.len() <= 12
        && d.chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
}

/// Whether the group closing `line` credits a picture (`(Foto: X)`, `(ANTARA FOTO/X)`,
/// `(Dok. X)`, `(Outlet/Photographer)`, `(Istimewa)`, `(Ilustrasi)`, `(Sumber: X)`).
pub(super) fn picture_credit(line: &str) -> bool {
    closing_group(line).is_some_and(|(_, g)| {
        let g = g.to_lowercase();
        g.contains("foto")
            || g.contains("photo")
            || g.contains('/')
            || ["dok", "ist", "ilustrasi", "sumber"]
                .iter()
                .any(|w| g.starts_with(w))
    })
}
/// Words of the hour a caption may give after its day ([`TIME_OF_DAY`]) at most.
pub(super) const HOUR_WORDS: usize = 5;

/// One sentence closed by its day and a picture's credit: `Petugas menunjukkan kardus
/// kosmetik yang disita, Kamis (3/9). (VOA/Yudha Satriawan)`, `… Senin (3/4/2017).(NAMA
/// FOTOGRAFER/KOMPAS.COM)`, `… Kamis (3/1). (Antara Foto)`. A story's paragraph that ends on a
/// desk code (`(MS/Red)`, `(*/ROLLE/JIT)`) has no space in the code, or quotes someone.
pub(super) fn dated_caption(line: &str) -> bool {
    if line.len() > CAPTION_CHARS || line.starts_with(['"', '\'', '\u{201c}', '\u{2018}']) {
        return false;
    }
    let Some((open, group)) = closing_group(line) else {
        return false;
    };
    let credit = group.trim();
    let named = credit.contains(' ')
        || MEDIA_MARKS
            .iter()
            .any(|m| lower_prefix(credit, 60).contains(m));
    let has_name = credit
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()));
    if !named || !has_name || credit.starts_with('*') {
        return false;
    }
    let sentence = line[..open].trim_end();
    let Some(dated) = sentence.strip_suffix('.').map(str::trim_end) else {
        return false;
    };
    // `Sabtu (29/8/2020) tengah malam jelang dini hari.`: the hour may follow the day.
    let day = dated.trim_end_matches(|c: char| c.is_alphabetic() || c == ' ');
    let hour = &dated[day.len()..];
    if hour.split_whitespace().nth(HOUR_WORDS).is_some()
        || !hour
            .split_whitespace()
            .all(|w| TIME_OF_DAY.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    let dated = day;
    closing_group(dated).is_some_and(|(_, d)| is_day_group(d))
        && !sentence.contains(['"', '\u{201c}', '\u{201d}'])
        && !has_sentence_break(dated)
        && !dated
            .split_whitespace()
            .any(|w| super::quotes::is_speech_verb(w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// One sentence closed by its picture's credit after the full stop: `Warga menyingkirkan
/// tanah yang menimpa rumah. Foto : SB/Nama`, `… Kota Contoh. Foto: Kris, Biro Pers`.
pub(super) fn photo_credit_tail(line: &str) -> bool {
    // The credit's key has a colon: most lines have none, and are not searched.
    if line.len() > SHORT || !line.contains([':', ';']) {
        return false;
    }
    let Some(at) = ["Foto", "FOTO", "Photo"].iter().find_map(|k| line.rfind(k)) else {
        return false;
    };
    let (sentence, credit) = (line[..at].trim_end(), &line[at..]);
    let credit = credit
        .split_once([':', ';'])
        .filter(|(key, _)| key.trim().len() <= 5)
        .map(|(_, c)| c.trim());
    credit.is_some_and(|c| {
        !c.is_empty() && c.len() <= 60 && !c.contains(". ") && c.split_whitespace().count() <= 8
    }) && sentence.ends_with(['.', ')'])
        && sentence.split_whitespace().nth(2).is_some()
        && !sentence.contains(['"', '\u{201c}', '\u{201d}'])
        && !has_sentence_break(sentence.trim_end_matches(['.', ')']))
}

/// A full stop after a lower-case word and before the next (`… disita. Polisi …`); initials
/// (`F.X. Hadi`) and numbers (`Rp 1.500`) are no break.
pub(super) fn has_sentence_break(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.strip_suffix(['.', '!', '?'])
            .is_some_and(|stem| stem.len() >= 3 && stem.chars().all(|c| c.is_lowercase()))
    })
}

/// A weak caption opener's line is a caption when it is shaped like one: a source in it
/// (`/`, `@`, a closing credit group) or short with no sentence break.
pub(super) fn caption_shaped(line: &str) -> bool {
    line.len() <= 200
        && (line.contains(['/', '@'])
            || line.ends_with(')')
            || (line.chars().nth(120).is_none() && !line.contains(". ")))
}
