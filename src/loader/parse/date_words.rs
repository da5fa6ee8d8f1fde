//! The words around a date that say what it is: weekday and month names, and the markers of
//! a reporting clause, a citation, today, the past and the future. `dates.rs` scans for the
//! dates and asks these tables about the words beside them.

const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Weekday names as byte strings with their day number (0 = Sunday); `jum’at` carries a UTF-8
/// right single quote.
const WEEKDAYS: &[(&[u8], u8)] = &[
    (b"senin", 1),
    (b"selasa", 2),
    (b"rabu", 3),
    (b"kamis", 4),
    (b"jumat", 5),
    (b"jum'at", 5),
    ("jum\u{2019}at".as_bytes(), 5),
    (b"sabtu", 6),
    (b"minggu", 0),
    (b"ahad", 0),
    (b"monday", 1),
    (b"tuesday", 2),
    (b"wednesday", 3),
    (b"thursday", 4),
    (b"friday", 5),
    (b"saturday", 6),
    (b"sunday", 0),
];

/// `kemarin` after a date (`Senin (16/9/2019) kemarin`) makes it the day before the report.
pub(super) const PAST_AFTER: &[&[u8]] = &[b"lalu", b"silam", b"sebelumnya", b"kemarin"];
pub(super) const PAST_BEFORE: &[&[u8]] = &[b"sejak", b"semenjak", b"sebelumnya"];
/// Words opening a sentence that put its date on another day than the report's
/// (`Sebelumnya, Selasa (...)`, `Esoknya, Kamis, ...`, `Keesokan harinya, ...`).
pub(super) const OTHER_DAY_OPENERS: &[&[u8]] = &[
    b"sebelumnya",
    b"esoknya",
    b"besoknya",
    b"keesokan",
    b"lusa",
    b"sehari",
    b"dua",
    b"tiga",
];
/// Words that may follow an opener before the date (`Sehari sebelumnya, pada Senin (...)`).
pub(super) const OPENER_FILLERS: &[&[u8]] = &[
    b"harinya",
    b"hari",
    b"sebelumnya",
    b"kemudian",
    b"setelahnya",
    b"pada",
    b"tanggal",
];
pub(super) const FUTURE_BEFORE: &[&[u8]] = &[
    b"akan",
    b"hingga",
    b"sampai",
    b"batas",
    // A deadline: `paling lambat Senin (...)`, `selambat-lambatnya ...`.
    b"lambat",
    b"selambat",
    b"besok",
    b"esok",
    b"terhitung",
    b"mulai",
    b"dijadwalkan",
    b"menjadwalkan",
    b"terjadwal",
    b"jadwal",
    b"rencana",
    b"rencananya",
    b"direncanakan",
];
/// Future markers that hold over a whole sentence, not just the date's own clause.
pub(super) const FUTURE_SENTENCE: &[&[u8]] = &[
    b"akan",
    b"dijadwalkan",
    b"menjadwalkan",
    b"direncanakan",
    b"rencana",
    b"rencananya",
];
pub(super) const FUTURE_AFTER: &[&[u8]] = &[b"mendatang", b"nanti", b"besok", b"esok", b"depan"];
/// Words of the reporting clause, matched as word prefixes (`ujarnya`, `dihubungidetikcom`):
/// someone heard, and (in [`CITE_BEFORE`]) another outlet or a post cited.
pub(super) const HEARD_BEFORE: &[&[u8]] = &[
    b"kata",
    b"ujar",
    b"ungkap",
    b"jelas",
    b"tutur",
    b"ucap",
    b"terang",
    b"imbuh",
    b"tambah",
    b"sebut",
    b"tegas",
    b"papar",
    b"kepada",
    b"dihubungi",
    b"dikonfirmasi",
    b"ditemui",
    // The outlet's own gathering: `TribunTravel merangkum ...`, `informasi yang dihimpun`.
    b"merangkum",
    b"dirangkum",
    b"dihimpun",
    b"menghimpun",
    b"keterangan",
    b"pantauan",
    b"wartawan",
    b"tulis",
    b"bilang",
    b"pungkas",
    b"tukas",
];
/// Reporting words that cite another outlet or a post rather than someone heard.
pub(super) const CITE_BEFORE: &[&[u8]] = &[
    b"dikutip",
    b"dilansir",
    b"mengutip",
    b"melansir",
    b"dilaporkan",
    b"melaporkan",
    b"laporan",
];
/// Times of day that `ini` makes today (`hari ini`, `pagi ini`), unlike `pekan ini`.
pub(super) const TODAY_WORDS: &[&[u8]] =
    &[b"hari", b"pagi", b"siang", b"sore", b"petang", b"malam"];
/// Words that may stand between a weekday and its date: a time of day (`Senin malam`), `ini`,
/// `kemarin`, `pekan lalu` (which marks the date as past).
pub(super) const BETWEEN_WORDS: &[&[u8]] = &[
    b"pagi", b"siang", b"sore", b"petang", b"malam", b"dini", b"hari", b"subuh", b"ini", b"tadi",
    b"kemarin", b"lalu", b"pekan",
];

pub(super) fn month_number(word: &[u8]) -> Option<u8> {
    MONTHS
        .iter()
        .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// The ASCII letters run ending at `end`: its start.
pub(super) fn word_start(b: &[u8], end: usize) -> usize {
    let mut s = end;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    s
}

/// Whether `a` and `b` differ by one edit (a letter changed, added, dropped or two swapped).
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        if p == a.len() {
            return false;
        }
        let swapped = p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p];
        a[p + 1..] == b[p + 1..] || (swapped && a[p + 2..] == b[p + 2..])
    } else {
        a[p..] == b[p + 1..]
    }
}

/// The weekday of the word ending at `end`: the name itself, a name glued after a lower-case
/// word by the scraper (`dihubungiSenin`), or a capitalised name misspelt by one edit
/// (`Selsa`, `Kamsi`). Returns its start and day number.
pub(super) fn weekday_word(b: &[u8], end: usize) -> Option<(usize, u8)> {
    let exact = WEEKDAYS.iter().find_map(|&(w, n)| {
        (end >= w.len()
            && b[end - w.len()..end].eq_ignore_ascii_case(w)
            && (end == w.len() || !b[end - w.len() - 1].is_ascii_alphabetic()))
        .then(|| (end - w.len(), n))
    });
    if exact.is_some() {
        return exact;
    }
    let ws = word_start(b, end);
    let word = &b[ws..end];
    if word.is_empty() || !word[0].is_ascii_uppercase() {
        // Glued: `...detikcomSenin`, the name capitalised after a lower-case letter.
        return WEEKDAYS.iter().find_map(|&(w, n)| {
            let s = end.checked_sub(w.len())?;
            (s > ws
                && b[s].is_ascii_uppercase()
                && b[s - 1].is_ascii_lowercase()
                && b[s..end].eq_ignore_ascii_case(w))
            .then_some((s, n))
        });
    }
    // Only the longer Indonesian names: a one-letter slip of `Rabu` is too many real words.
    if word.len() < 5 {
        return None;
    }
    let lower: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
    WEEKDAYS[..10]
        .iter()
        .filter(|(w, _)| w.len() >= 5 && w.iter().all(u8::is_ascii_alphabetic))
        .find_map(|&(w, n)| one_edit(&lower, w).then_some((ws, n)))
}

/// The ASCII words (lower-cased on comparison) in `b`, as slices.
pub(super) fn words(b: &[u8]) -> impl Iterator<Item = &[u8]> {
    b.split(|c| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

pub(super) fn has_word(window: &[u8], set: &[&[u8]]) -> bool {
    words(window).any(|w| set.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

pub(super) fn has_prefix(window: &[u8], set: &[&[u8]]) -> bool {
    words(window).any(|w| {
        set.iter()
            .any(|s| w.len() >= s.len() && w[..s.len()].eq_ignore_ascii_case(s))
    })
}
