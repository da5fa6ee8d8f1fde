//! What a date's sentence says happened on it: a match or race still to come or already
//! played, an event that took place, a note about the text itself. `dates.rs` asks these
//! beside the word tables in `date_words.rs`.

use super::date_words::{
    CORRECTION_WORDS, FUTURE_BEFORE, FUTURE_SENTENCE, SELF_NOUNS, clause_before, has_word, words,
    words_after,
};

/// The date's sentence before `from` (up to 240 bytes) and the words after `end` (up to
/// `after_max` bytes, cut at the first of `after_stops`).
fn around<'a>(
    b: &'a [u8],
    from: usize,
    end: usize,
    after_max: usize,
    after_stops: &[u8],
) -> (&'a [u8], &'a [u8]) {
    let before = clause_before(b, from, 240, b".\"!?\n");
    let mut after = &b[end..(end + after_max).min(b.len())];
    if let Some(p) = after.iter().position(|c| after_stops.contains(c)) {
        after = &after[..p];
    }
    (before, after)
}

/// Words of a match or race to come (`menjamu Bali United di Stadion X, Kamis (...)`,
/// `tampil pada balapan di Sirkuit Misano, Minggu (...)`): a fixture's day, which a preview
/// names while it is still ahead.
pub(super) const FIXTURE_WORDS: &[&[u8]] = &[
    b"menjamu",
    b"dijamu",
    b"bertandang",
    b"menghadapi",
    b"melawan",
    b"kontra",
    b"menantang",
    b"ditantang",
    b"laga",
    b"pertandingan",
    b"duel",
    b"balapan",
    b"sirkuit",
    b"kickoff",
    // A league round, a ground, a race series, a broadcast (`lanjutan Liga 1 di Stadion X`,
    // `MotoGP San Marino, Minggu (...)`, `live streaming ..., Rabu (...) dini hari`).
    b"liga",
    b"stadion",
    b"derby",
    b"melakoni",
    b"meladeni",
    b"motogp",
    b"moto2",
    b"moto3",
    b"live",
    b"streaming",
    b"disiarkan",
];
/// Words that tell the fixture is over (`menang 2-1 atas X, Sabtu (...)`, `usai laga`).
const RESULT_WORDS: &[&[u8]] = &[
    b"menang",
    b"kalah",
    b"imbang",
    b"ditahan",
    b"takluk",
    b"tumbang",
    b"dikalahkan",
    b"mengalahkan",
    b"menaklukkan",
    b"membungkam",
    b"menundukkan",
    b"mencetak",
    b"usai",
    b"seusai",
    b"setelah",
    b"berhasil",
    b"telah",
    b"sudah",
    b"lalu",
    b"kemarin",
    b"hasil",
    b"skor",
];

/// Words of a wish or an aim: a result word after one is what a side hopes for
/// (`bertekad mengalahkan X`, `yakin bisa menang`), not a result.
const INTENT_WORDS: &[&[u8]] = &[
    b"bertekad",
    b"ingin",
    b"berharap",
    b"berambisi",
    b"yakin",
    b"bisa",
    b"mampu",
    b"siap",
    b"target",
    b"demi",
    b"untuk",
];

/// Whether `window` has a result word not right after a word of intent.
fn tells_result(window: &[u8]) -> bool {
    let mut prev: &[u8] = b"";
    for w in words(window) {
        if RESULT_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w))
            && !INTENT_WORDS.iter().any(|i| i.eq_ignore_ascii_case(prev))
        {
            return true;
        }
        prev = w;
    }
    false
}

/// Whether the date at `from`..`end` is a fixture's day: its sentence, up to the date and a
/// little after, tells of a match or race and not of its result. Such a day later than the
/// report's is the preview's schedule, not the report's day (the caller compares).
pub(super) fn fixture_sentence(b: &[u8], from: usize, end: usize) -> bool {
    let (before, after) = around(b, from, end, 60, b".!?\"\n");
    (has_word(before, FIXTURE_WORDS) || has_word(after, FIXTURE_WORDS))
        && !tells_result(before)
        && !tells_result(after)
}

/// Whether the date at `from` is in a list of fixtures to come: its paragraph, before it,
/// heads a list with `berikutnya` or `selanjutnya` after `jadwal` or before a colon
/// (`Jadwal pekan berikutnya, Ahad, 15 September ...`, `... selanjutnya:,15 September`).
/// Scrapers join such a list's lines with commas, so the list head is outside the date's
/// clause and sentence.
pub(super) fn fixture_list(b: &[u8], from: usize) -> bool {
    let window = &b[from.saturating_sub(600)..from];
    let para = match window.iter().rposition(|&c| c == b'\n') {
        Some(p) => &window[p + 1..],
        None => window,
    };
    list_head(para)
}

/// Whether `para` (text before a date, within its paragraph) heads a list of fixtures.
fn list_head(para: &[u8]) -> bool {
    let mut scheduled = false;
    for w in words(para) {
        if w.eq_ignore_ascii_case(b"jadwal") {
            scheduled = true;
        }
        if w.eq_ignore_ascii_case(b"berikutnya") || w.eq_ignore_ascii_case(b"selanjutnya") {
            // The word's end in `para`: a colon right after it heads a list.
            let end = w.as_ptr() as usize - para.as_ptr() as usize + w.len();
            if scheduled || para.get(end) == Some(&b':') {
                return true;
            }
        }
    }
    false
}

/// Which of `paras` (the title first) go on with a list of fixtures to come that a
/// paragraph above heads (as [`fixture_list`] reads it): each a line of the list, up from
/// the paragraph to the head. Where the scraper kept the list's line breaks, its later
/// days are in paragraphs of their own, away from its head.
pub(super) fn listed_fixtures(paras: &[&[u8]]) -> Vec<bool> {
    let mut out = vec![false; paras.len()];
    // The title heads no list of the body's.
    for i in 2..paras.len() {
        let prev = paras[i - 1];
        let headed = out[i - 1] || list_head(&prev[prev.len().saturating_sub(600)..]);
        out[i] = headed && list_line(paras[i], paras.get(i + 1).copied());
    }
    out
}

/// Words joining a fixture's two sides (`Tim A vs Tim B`).
const VERSUS_WORDS: &[&[u8]] = &[b"vs", b"versus", b"kontra"];

/// Whether `para` is a line of a fixture list: a short match line with no result (`Senin,
/// 16 Maret 2026,Tim C vs Tim D | 20:00 WIB`), or a shorter day line over one (`Senin, 16
/// Maret 2026` above `Tim C vs Tim D`); a result or prose ends the list.
fn list_line(para: &[u8], next: Option<&[u8]>) -> bool {
    let fixture = |p: &[u8]| p.len() <= 200 && has_word(p, VERSUS_WORDS) && !tells_result(p);
    fixture(para) || (para.len() <= 40 && !tells_result(para) && next.is_some_and(fixture))
}

/// Verbs of something that has happened (`meninggal pada Selasa (...) dinihari`, `terjadi
/// pada Senin (...)`): an event later than the last quote is then the report's own news, not
/// a schedule.
const HAPPENED_WORDS: &[&[u8]] = &[
    b"telah",
    b"sudah",
    b"terjadi",
    b"meninggal",
    b"wafat",
    b"tewas",
    b"ditemukan",
    b"ditangkap",
    b"diamankan",
    b"beredar",
    b"viral",
    b"dilaporkan",
    b"menimpa",
    b"terbakar",
    b"dinihari",
    // Arrivals (`kiriman itu datang pada Selasa (...)`); `akan datang` is a plan.
    b"datang",
    b"tiba",
];

/// Whether the date's sentence, up to the date and its next words, tells of something that
/// has happened and of no plan.
pub(super) fn happened_sentence(b: &[u8], from: usize, end: usize) -> bool {
    let (before, after) = around(b, from, end, 24, b".,!?\"\n");
    (has_word(before, HAPPENED_WORDS) || has_word(after, HAPPENED_WORDS))
        && !has_word(before, FUTURE_SENTENCE)
        && !has_word(before, FUTURE_BEFORE)
}

/// Whether the date's sentence is a note on the article itself (`Berita ini mengalami
/// perbaikan pada Selasa, ...`): a correction made after it was published.
pub(super) fn note_on_itself(b: &[u8], from: usize) -> bool {
    let sentence = clause_before(b, from, 120, b".!?\"");
    let ws: Vec<&[u8]> = words(sentence).collect();
    ws.windows(2).any(|p| {
        SELF_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(p[0])) && p[1].eq_ignore_ascii_case(b"ini")
    }) && ws
        .iter()
        .any(|w| CORRECTION_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

/// Whether the date at `from`..`end` is said to be tomorrow: `besok` right after it (`Rabu
/// (11/9) besok`) or right before its weekday (`besok, Rabu (...)`).
pub(super) fn said_tomorrow(b: &[u8], from: usize, end: usize) -> bool {
    let besok = |w: &[u8]| w.eq_ignore_ascii_case(b"besok");
    words(words_after(b, end)).next().is_some_and(besok)
        || words(clause_before(b, from, 12, b".\""))
            .last()
            .is_some_and(besok)
}
