//! The words around a date that say what it is: the clause checks over the tables of
//! `date_lexicon.rs` (a reporting clause, a citation, today, the past and the future).
//! `dates.rs` scans for the dates and asks these checks about the words beside them.

pub(super) use super::date_lexicon::*;

pub(super) fn month_number(word: &[u8]) -> Option<u8> {
    MONTHS
        .iter()
        .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// A weekday or month name as a whole word (`Senin`, `Okt.`, `Oktober`), in any case: it
/// follows a place in prose and sits in stamps, never in a site's or a person's name.
pub(super) fn is_calendar_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    month_number(lower.trim_end_matches('.').as_bytes()).is_some()
        || weekday_word(lower.as_bytes(), lower.len()).is_some_and(|(s, _)| s == 0)
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

/// Whether `window` has a word of `set`, read with the word after it: `bakal calon` is a
/// nominee, not the future `bakal`; `mulai pukul 20.00` is a start time, not a start ahead
/// (`telah digelar pada Minggu (...) mulai pukul 20.00 waktu setempat`).
pub(super) fn has_word(window: &[u8], set: &[&[u8]]) -> bool {
    let mut ws = words(window).peekable();
    while let Some(w) = ws.next() {
        let next = ws.peek().copied().unwrap_or_default();
        if set.iter().any(|s| s.eq_ignore_ascii_case(w))
            && !(w.eq_ignore_ascii_case(b"bakal") && candidate_noun(next))
            && !(w.eq_ignore_ascii_case(b"mulai") && next.eq_ignore_ascii_case(b"pukul"))
        {
            return true;
        }
    }
    false
}

/// `bakal calon`, `bakal pasangan calon`, `bakal caleg`: a nominee-to-be, a noun phrase, not
/// the future tense `bakal` otherwise is.
fn candidate_noun(w: &[u8]) -> bool {
    [
        &b"cal"[..],
        b"pasang",
        b"capres",
        b"cawapres",
        b"paslon",
        b"cagub",
        b"cabup",
        b"cawa",
    ]
    .iter()
    .any(|p| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p))
}

pub(super) fn has_prefix(window: &[u8], set: &[&[u8]]) -> bool {
    words(window).any(|w| {
        set.iter()
            .any(|s| w.len() >= s.len() && w[..s.len()].eq_ignore_ascii_case(s))
    })
}

/// The clause before `at`: up to `max` bytes back, cut after the last of `stops` (any byte
/// of a multi-byte character, such as a curly quote, also stops it).
pub(super) fn clause_before<'a>(b: &'a [u8], at: usize, max: usize, stops: &[u8]) -> &'a [u8] {
    let from = at.saturating_sub(max);
    let window = &b[from..at];
    // A dot between digits is a time or a number (`pukul 01.45`, `Rp 2.500`), not a
    // sentence's end; of the letters beyond ASCII only the curly quotation marks end a
    // clause (`D’Italia`, `Malmö` do not).
    let stop = |p: usize| {
        let c = window[p];
        let at_b = from + p;
        if c == b'.'
            && at_b > 0
            && b[at_b - 1].is_ascii_digit()
            && b.get(at_b + 1).is_some_and(u8::is_ascii_digit)
        {
            return false;
        }
        stops.contains(&c)
            || (matches!(c, 0x9C | 0x9D) && at_b >= 2 && b[at_b - 2..at_b] == [0xE2, 0x80])
    };
    match (0..window.len()).rev().find(|&p| stop(p)) {
        Some(p) => {
            // Past the whole of a multi-byte mark, or a letter cut by the window's start.
            let mut q = p + 1;
            while q < window.len() && window[q] >= 0x80 && window[q] < 0xC0 {
                q += 1;
            }
            &window[q..]
        }
        None => {
            let mut q = 0;
            while q < window.len() && window[q] >= 0x80 && window[q] < 0xC0 {
                q += 1;
            }
            &window[q..]
        }
    }
}

/// The next couple of words after the date, within its clause (`8 April 2024 lalu`,
/// `(7/9/2019) lalu`, `... besok`).
pub(super) fn words_after(b: &[u8], end: usize) -> &[u8] {
    let mut after_end = (end + 16).min(b.len());
    if let Some(p) = b[end..after_end]
        .iter()
        .position(|&c| c == b'.' || c == b',')
    {
        after_end = end + p;
    }
    &b[end..after_end]
}

/// Past/future markers just after the date (`8 April 2024 lalu`, `... besok`); `kemarin`
/// only when `yesterday_is_report` is false.
pub(super) fn marked_after(b: &[u8], end: usize, yesterday_is_report: bool) -> bool {
    let after = words_after(b, end);
    let past = words(after).any(|w| {
        PAST_AFTER.iter().any(|s| s.eq_ignore_ascii_case(w))
            && !(yesterday_is_report && w.eq_ignore_ascii_case(b"kemarin"))
    });
    past || has_word(after, FUTURE_AFTER)
}

/// Past/future markers before the date, within its clause (`akan digelar pada Sabtu (...)`,
/// `sejak Senin (...)`, `dimulai besok, Rabu (...)`). A sentence opening with `Hingga` or
/// `Sampai` and the date counts up to it (`Hingga Kamis (12/9) pukul 17.00, 400 orang ...`):
/// the report's day, not a deadline.
pub(super) fn marked_before(b: &[u8], wd_start: usize) -> bool {
    // Just before, past a comma: `dimulai besok, Rabu (...)`.
    if words(clause_before(b, wd_start, 12, b".\""))
        .last()
        .is_some_and(|w| {
            [&b"besok"[..], b"esok", b"lusa"]
                .iter()
                .any(|m| m.eq_ignore_ascii_case(w))
        })
    {
        return true;
    }
    // Before: the same clause (`akan digelar pada Sabtu (...)`, `menjadwalkan sidang
    // putusan pada Senin, ...`).
    let before = clause_before(b, wd_start, 64, b".,\"");
    (has_word(before, FUTURE_BEFORE) && !as_of(b, wd_start)) || has_word(before, PAST_BEFORE)
}

/// Whether the sentence before `at` is only `Hingga` or `Sampai` (and `pada`, `hari`).
pub(super) fn as_of(b: &[u8], at: usize) -> bool {
    let from = at.saturating_sub(24);
    let window = &b[from..at];
    let Some(p) = window
        .iter()
        .rposition(|c| b".!?\"\n".contains(c))
        .or((from == 0).then_some(usize::MAX))
    else {
        return false;
    };
    let sentence = if p == usize::MAX {
        window
    } else {
        &window[p + 1..]
    };
    let mut ws = words(sentence);
    ws.next()
        .is_some_and(|w| w.eq_ignore_ascii_case(b"hingga") || w.eq_ignore_ascii_case(b"sampai"))
        && ws.all(|w| w.eq_ignore_ascii_case(b"pada") || w.eq_ignore_ascii_case(b"hari"))
}

/// Whether the date at `from` closes a span opened by the date ending at `prev_end`
/// (`sepanjang Senin (16/9) hingga Selasa pagi (17/9)`): only a joining word and times of
/// day stand between them.
pub(super) fn span_end(b: &[u8], prev_end: usize, from: usize) -> bool {
    joined_by(
        b,
        prev_end..from,
        48,
        |w| SPAN_JOINERS.iter().any(|s| s.eq_ignore_ascii_case(w)),
        |w| SPAN_FILLERS.iter().any(|s| s.eq_ignore_ascii_case(w)),
    )
}

/// Whether the words of `gap` (at most `max` bytes, within one sentence and line) are a
/// joining word and fillers only, the joining word at least once.
fn joined_by(
    b: &[u8],
    gap: std::ops::Range<usize>,
    max: usize,
    joiner: impl Fn(&[u8]) -> bool,
    filler: impl Fn(&[u8]) -> bool,
) -> bool {
    if gap.end <= gap.start || gap.end - gap.start > max {
        return false;
    }
    let gap = &b[gap];
    if gap.contains(&b'\n') || gap.windows(2).any(|w| w == b". ") {
        return false;
    }
    let mut joined = false;
    for w in words(gap) {
        if joiner(w) {
            joined = true;
        } else if !filler(w) {
            return false;
        }
    }
    joined
}

/// Whether a span of days at `from`..`end` is told as ahead or under way: `ke depan` in
/// its sentence before it (`tujuh hari ke depan (19 - 25 September)`), `ini`, `mendatang` or `nanti`
/// just after it (`yang berlangsung 11-14 September 2019 ini`).
pub(super) fn span_unfinished(b: &[u8], from: usize, end: usize) -> bool {
    let before: Vec<&[u8]> = words(clause_before(b, from, 64, b".\"")).collect();
    let ahead = before
        .windows(2)
        .any(|p| p[0].eq_ignore_ascii_case(b"ke") && p[1].eq_ignore_ascii_case(b"depan"));
    ahead
        || words(words_after(b, end)).next().is_some_and(|w| {
            [&b"ini"[..], b"mendatang", b"nanti"]
                .iter()
                .any(|m| m.eq_ignore_ascii_case(w))
        })
}

/// Whether the sentence before the date at `from` tells of a span that has passed
/// (`yang terjadi sepanjang ...`, `sudah berlangsung ...`).
pub(super) fn past_span(b: &[u8], from: usize) -> bool {
    has_word(clause_before(b, from, 120, b".!?\""), SPAN_PAST)
}

/// A future verb after the date in its clause, before any verb of saying (`Minggu (22/9)
/// akan melawan China`, `Minggu (29/9) menjadi ujung rangkaian yang akan ...` is not, `yang
/// akan` being a relative clause): a schedule.
pub(super) fn scheduled_after(b: &[u8], end: usize) -> bool {
    let mut window = &b[end..(end + 100).min(b.len())];
    if let Some(p) = window.iter().position(|c| b".,!?".contains(c)) {
        window = &window[..p];
    }
    let mut prev: &[u8] = b"";
    for w in words(window) {
        let lower = w.to_ascii_lowercase();
        if REPORT_ROOTS
            .iter()
            .any(|r| lower.windows(r.len()).any(|x| x == *r))
        {
            return false;
        }
        if has_word(w, FUTURE_SENTENCE) {
            return !prev.eq_ignore_ascii_case(b"yang");
        }
        prev = w;
    }
    false
}

/// A schedule told over several clauses (`X akan bertandang ke markas Y di stadion Z, laga
/// pekan 18, Jumat (...)`): a future verb anywhere in the date's sentence, unless the date
/// closes a reporting clause, where the future is what someone said on the report's day, or
/// is said to be today (`akan ... pada hari ini, Selasa (...)`, `akan ..., Jumat (...)
/// pagi ini`; the caller checks the words after).
pub(super) fn scheduled_sentence(b: &[u8], wd_start: usize) -> bool {
    let sentence = clause_before(b, wd_start, 240, b".\"!?");
    // `Setelah ini, X menghadapi Y, Selasa (...)`: after now.
    let mut ws = words(sentence);
    let after_now = ws
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(b"setelah"))
        && ws.next().is_some_and(|w| w.eq_ignore_ascii_case(b"ini"));
    (after_now || has_word(sentence, FUTURE_SENTENCE))
        && !has_prefix(sentence, HEARD_BEFORE)
        && !has_prefix(sentence, CITE_BEFORE)
}

/// Whether the date at `from`..`end` closes a reporting clause (`," kata X kepada wartawan,
/// Senin (...)`): a reporting word in the date's own clause, or in its sentence (since the
/// sentence or the quotation began) when the date's clause is a short tail (`ujar X di
/// kantornya, Senin (...)`). A clause with words of its own between (`Menurut keterangan
/// saksi, peristiwa itu terjadi Kamis (...)`) tells of an event, and a date inside the quoted
/// words (`... pada 23 Maret 2026," ujarnya`) is the speaker's. The second value says the
/// clause only cites another outlet or a post (`dikutip dari X, Senin (...)`).
pub(super) fn reporting(b: &[u8], from: usize, end: usize) -> (bool, bool) {
    if quoted(b, end) {
        return (false, false);
    }
    let sentence = clause_before(b, from, 160, b".\"!?");
    let own = match sentence.iter().rposition(|&c| c == b',') {
        Some(p) => &sentence[p + 1..],
        None => sentence,
    };
    let clause = if words(own).count() <= 4 {
        sentence
    } else {
        own
    };
    // One pass: whether any word is a reporting word, and whether one is not a citation's.
    let (mut report, mut heard) = (false, false);
    for w in words(clause) {
        let starts = |s: &&[u8]| w.len() >= s.len() && w[..s.len()].eq_ignore_ascii_case(s);
        if HEARD_BEFORE.iter().any(starts) {
            (report, heard) = (true, true);
        } else if CITE_BEFORE.iter().any(starts) {
            report = true;
        }
    }
    (report, report && !heard)
}

/// Whether a closing quotation mark follows the date (`... 2026," ujarnya`): it is inside
/// quoted words.
pub(super) fn quoted(b: &[u8], end: usize) -> bool {
    let mut i = end;
    // The scraper may break the line before the closing mark.
    while i < b.len() && matches!(b[i], b')' | b' ' | b'\n') && i - end < 3 {
        i += 1;
    }
    if i < b.len() && matches!(b[i], b',' | b'.') {
        i += 1;
    }
    b[i..].starts_with(b"\"") || b[i..].starts_with("\u{201d}".as_bytes())
}

/// Whether a date stands inside quoted words that go on after it (`"Rabu (11/9) libur.
/// Kamis (12/9) sekolah kembali," kata X`): an odd number of straight marks, or more opening
/// than closing curly ones, before it in its paragraph, and a closing mark after. Dates are
/// asked in order, so the marks are counted once over the paragraph (the scan stays linear).
pub(super) struct Quotes<'a> {
    b: &'a [u8],
    upto: usize,
    straight: usize,
    open: usize,
    close: usize,
    last_straight: Option<usize>,
    last_close: Option<usize>,
}

const OPEN_MARK: &[u8] = "\u{201c}".as_bytes();
const CLOSE_MARK: &[u8] = "\u{201d}".as_bytes();

impl<'a> Quotes<'a> {
    pub(super) fn new(b: &'a [u8]) -> Self {
        Quotes {
            b,
            upto: 0,
            straight: 0,
            open: 0,
            close: 0,
            last_straight: b.iter().rposition(|&c| c == b'"'),
            last_close: b.windows(CLOSE_MARK.len()).rposition(|w| w == CLOSE_MARK),
        }
    }

    /// Whether the date at `start`..`end` is inside quoted words; `start` never decreases
    /// from one call to the next.
    pub(super) fn inside(&mut self, start: usize, end: usize) -> bool {
        while self.upto < start.min(self.b.len()) {
            let rest = &self.b[self.upto..];
            if rest[0] == b'"' {
                self.straight += 1;
            } else if rest.starts_with(OPEN_MARK) {
                self.open += 1;
            } else if rest.starts_with(CLOSE_MARK) {
                self.close += 1;
            }
            self.upto += 1;
        }
        (self.straight % 2 == 1 && self.last_straight.is_some_and(|p| p >= end))
            || (self.open > self.close && self.last_close.is_some_and(|p| p >= end))
    }
}

/// Whether `hari ini`, `pagi ini` … follows the date in its sentence: the report's own day.
pub(super) fn today_after(b: &[u8], end: usize) -> bool {
    let mut window = &b[end..(end + 20).min(b.len())];
    if let Some(p) = window.iter().position(|c| b".!?\"".contains(c)) {
        window = &window[..p];
    }
    let mut ws = words(window).take(3).map(|w| w.to_ascii_lowercase());
    let first = ws.next();
    let second = ws.next();
    // `Jumat (13/9) malam nanti` is tonight. A bare `ini` is not today: `pada Senin (9/9)
    // ini` is as often a day or two before the report as the report's own day.
    matches!(
        (first.as_deref(), second.as_deref()),
        (
            Some(b"hari" | b"pagi" | b"siang" | b"sore" | b"malam"),
            Some(b"ini")
        ) | (Some(b"pagi" | b"siang" | b"sore"), Some(b"tadi"))
            | (
                Some(b"pagi" | b"siang" | b"sore" | b"malam"),
                Some(b"nanti")
            )
            | (
                Some(b"nanti"),
                Some(b"pagi" | b"siang" | b"sore" | b"malam")
            )
    )
}

/// Whether `kemarin` (yesterday) stands just before the date or its weekday (`Kemarin
/// (17/12/2018), Gubernur melantik ...`): the report comes the day after.
pub(super) fn yesterday_before(b: &[u8], at: usize) -> bool {
    word_before(b, at).eq_ignore_ascii_case(b"kemarin")
}

/// The word just before `at`, over at most a few spaces, commas or an opening bracket (`pada
/// Rabu`, `Kemarin (`): where the words that mark a date stand.
fn word_before(b: &[u8], at: usize) -> &[u8] {
    let mut i = at;
    while i > 0 && matches!(b[i - 1], b' ' | b',' | b'(') && at - i < 3 {
        i -= 1;
    }
    &b[word_start(b, i)..i]
}

/// Whether `hari ini`, `pagi ini` … stands just before the date or its weekday (`kepada
/// wartawan hari ini, 11 Maret 2026`, `pada hari ini, Rabu (...)`).
pub(super) fn today_before(b: &[u8], at: usize) -> bool {
    if published_clause_before(b, at) {
        return true;
    }
    let mut i = at;
    while i > 0 && matches!(b[i - 1], b' ' | b',' | b'(') && at - i < 3 {
        i -= 1;
    }
    let ws = word_start(b, i);
    let tadi = b[ws..i].eq_ignore_ascii_case(b"tadi");
    if !(tadi || b[ws..i].eq_ignore_ascii_case(b"ini")) || ws == 0 || b[ws - 1] != b' ' {
        return false;
    }
    let prev = word_start(b, ws - 1);
    let words: &[&[u8]] = if tadi { TADI_WORDS } else { TODAY_WORDS };
    words
        .iter()
        .any(|w| b[prev..ws - 1].eq_ignore_ascii_case(w))
}

/// Verbs of putting a story out (`hingga berita ini diturunkan`, `dinaikkan`, `ditulis`).
const PUBLISH_VERBS: &[&[u8]] = &[
    b"diturunkan",
    b"dinaikkan",
    b"dinaikan",
    b"ditulis",
    b"diterbitkan",
    b"dimuat",
    b"ditayangkan",
    b"dipublikasikan",
    b"dirilis",
];

/// Whether the date closes the phrase that says when the story went out (`hingga berita
/// ini dinaikkan pada Senin, 12 Juni 2023`): the report's own day, as `hari ini` is.
fn published_clause_before(b: &[u8], at: usize) -> bool {
    let clause = clause_before(b, at, 60, b".\"!?");
    let ws: Vec<&[u8]> = words(clause).collect();
    let mut k = ws.len();
    if k > 0 && ws[k - 1].eq_ignore_ascii_case(b"pada") {
        k -= 1;
    }
    let is = |i: usize, set: &[&[u8]]| set.iter().any(|w| ws[i].eq_ignore_ascii_case(w));
    k >= 3
        && is(k - 1, PUBLISH_VERBS)
        && is(k - 2, &[b"ini"])
        && is(k - 3, &[b"berita", b"artikel", b"tulisan", b"laporan"])
}

/// Whether the date's sentence opens with a word that puts it on another day
/// (`Sebelumnya, Selasa (...)`, `Keesokan harinya, pada Rabu (...)`): nothing but such words
/// stand before the date.
pub(super) fn other_day_opener(b: &[u8], from: usize) -> bool {
    let sentence = clause_before(b, from, 48, b".\"!?");
    let mut ws = words(sentence);
    ws.next()
        .is_some_and(|w| OTHER_DAY_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)))
        && ws.all(|w| {
            OPENER_FILLERS
                .iter()
                .chain(OTHER_DAY_OPENERS)
                .any(|o| o.eq_ignore_ascii_case(w))
        })
}

/// Whether the word just before `at` (past spaces and commas) introduces an event's day:
/// `pada`, `tanggal`, `per`.
pub(super) fn event_before(b: &[u8], at: usize) -> bool {
    let w = word_before(b, at);
    [&b"pada"[..], b"tanggal", b"tgl", b"per"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether the date whose weekday starts at `from` is joined to the date that ended at
/// `prev_end` by `dan` or `serta` alone, with times of day between (`pada Rabu (11/9) dan
/// Kamis (12/9)`, `Senin (9/9) pukul 10.00 serta Selasa (10/9)`): a pair told alike.
pub(super) fn paired(b: &[u8], prev_end: usize, from: usize) -> bool {
    const TIMES: &[&[u8]] = &[
        b"pukul", b"wib", b"wita", b"wit", b"pagi", b"siang", b"sore", b"petang", b"malam",
        b"dini", b"hari",
    ];
    joined_by(
        b,
        prev_end..from,
        40,
        |w| w.eq_ignore_ascii_case(b"dan") || w.eq_ignore_ascii_case(b"serta"),
        |w| w.iter().all(u8::is_ascii_digit) || TIMES.iter().any(|t| t.eq_ignore_ascii_case(w)),
    )
}

/// Whether the date ending at `end`, whose weekday starts at `from`, restates the date that
/// ended at `prev_end` in Indonesian time (`Selasa (17/9) waktu lokal atau Rabu (18/9) dini
/// hari WIB`): one event in two time zones, not two days.
pub(super) fn zone_pair(b: &[u8], prev_end: usize, from: usize, end: usize) -> bool {
    const JOIN: &[&[u8]] = &[
        b"waktu",
        b"lokal",
        b"setempat",
        b"pukul",
        b"dini",
        b"hari",
        b"pagi",
        b"siang",
        b"sore",
        b"malam",
    ];
    let joined = joined_by(
        b,
        prev_end..from,
        48,
        |w| w.eq_ignore_ascii_case(b"atau"),
        |w| w.iter().all(u8::is_ascii_digit) || JOIN.iter().any(|j| j.eq_ignore_ascii_case(w)),
    ) && {
        let gap = &b[prev_end..from];
        gap.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b' ' | b',' | b'.' | b':' | b')'))
            && has_word(gap, &[b"lokal", b"setempat"])
    };
    let after = &b[end..(end + 32).min(b.len())];
    let after = after
        .iter()
        .position(|&c| matches!(c, b'.' | b',' | b'"'))
        .map_or(after, |p| &after[..p]);
    joined && has_word(after, &[b"wib", b"wita", b"wit"])
}
