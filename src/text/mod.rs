//! Decoding bytes into text and making untrusted text display-safe.
//!
//! Every file is scraped from the web and may carry terminal escape sequences, bidi overrides or
//! invisible characters (RELIABILITY.md section A). [`decode`] is the single ingest boundary:
//! whatever it returns is safe to hand to any widget, and [`sanitize`] is applied again to every
//! string that JSON escapes or user input could re-arm.

pub mod wrap;

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
}

/// Tab stops every this many display columns.
pub const TAB_WIDTH: usize = 4;

/// How many leading bytes the binary check looks at.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a file's bytes (BOM, UTF-16, UTF-8, else Windows-1252), normalises line ends to `\n`
/// and sanitises the result with [`sanitize`].
///
/// Decoding comes before sanitising on purpose: Windows-1252 bytes such as 0x9D decode to C1
/// controls, which only exist as characters after decoding.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = decode_cow(bytes)?;
    let text = match sanitize_cow(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(s) => s,
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// [`decode`] without the sanitising: for JSON, JSONL and CSV files only, whose parsers
/// sanitise every field they extract (they must anyway: a JSON `\u001b` escape is harmless text
/// until it is parsed). Sanitising the raw file first could damage its syntax: an 8-bit CSI
/// (U+009B, legal inside a JSON string) would swallow the `", "` after it. The result is NOT
/// display-safe. Borrows `bytes` when they are already UTF-8 with `\n` line ends: one JSONL
/// file can be most of a corpus (350 MB), and a copy would add its size to the load's peak.
pub fn decode_raw(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    let text = decode_cow(bytes)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

fn decode_cow(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let text: Cow<'_, str> = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) if enc == encoding_rs::UTF_8 => utf8_or_1252(&bytes[bom_len..])?,
        // UTF-16 text is full of NUL bytes, so the binary check must not run on it.
        Some((enc, bom_len)) => enc.decode_without_bom_handling(&bytes[bom_len..]).0,
        None => utf8_or_1252(bytes)?,
    };
    Ok(normalize_newlines(text))
}

fn utf8_or_1252(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        // A UTF-8 file with a damaged byte or two (a bad scrape, a cut sequence) keeps its
        // text; only the bad bytes become U+FFFD.
        Err(_) if mostly_utf8(bytes) => Ok(Cow::Owned(String::from_utf8_lossy(bytes).into_owned())),
        // Windows-1252 maps every byte, so this cannot fail; it is the usual encoding of
        // non-UTF-8 Indonesian scrapes (smart quotes 0x93/0x94, euro 0x80).
        Err(_) => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0),
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text with some damage: at least as
/// many valid multi-byte characters as runs of invalid bytes. Windows-1252 text almost never
/// forms a valid multi-byte sequence by chance (it takes an accented capital followed by a
/// symbol or smart quote), while each of its non-ASCII characters is an invalid run; UTF-8 text
/// with stray bytes has its characters intact around them. Measured on the real corpora
/// (`decoding_rule_on_local_corpus` in tests/formats.rs): none of 1,209 articles re-encoded as
/// Windows-1252 is taken for UTF-8; of 1,264 UTF-8 articles with one stray or lost byte, 86
/// are still read as Windows-1252 (each had one non-ASCII character, the damaged one;
/// before this test all 1,264 were), and with two or three damaged bytes 347 of 1,245 and 527
/// of 1,264 (these articles have a median of 4 non-ASCII characters, so damage soon outweighs
/// them). Adjacent invalid bytes count as one run, as one damaged character is.
fn mostly_utf8(bytes: &[u8]) -> bool {
    // In valid UTF-8 every byte from 0xC0 up starts a multi-byte character.
    let leads = |b: &[u8]| b.iter().filter(|&&x| x >= 0xC0).count();
    let (mut multibyte, mut bad_runs) = (0usize, 0usize);
    let mut rest = bytes;
    let mut in_run = false;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                multibyte += leads(rest);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                multibyte += leads(&rest[..good]);
                if good > 0 || !in_run {
                    bad_runs += 1;
                }
                in_run = true;
                match e.error_len() {
                    Some(n) => rest = &rest[good + n..],
                    // A sequence cut off at the end of the bytes.
                    None => break,
                }
            }
        }
    }
    multibyte > 0 && multibyte >= bad_runs
}

/// The same heuristic as `content_inspector` (a NUL byte means binary), widened to 8 KiB, plus a
/// ratio test so a file of raw control bytes without NULs is not shown as text either.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // \t \n \r \x0c and ESC occur in real (if hostile) text; the rest practically never.
    let odd = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    odd * 10 > head.len()
}

/// CRLF and lone CR → LF.
fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = &*text;
    while let Some(p) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..p]);
        out.push('\n');
        rest = &rest[p + 1..];
        if rest.as_bytes().first() == Some(&b'\n') {
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Removes escape sequences, control, bidi and invisible format characters; expands tabs.
///
/// Policy (RELIABILITY.md, "Sanitizer policy to implement"):
/// - escape sequences introduced by ESC or a C1 control are dropped whole (CSI, OSC,
///   DCS/SOS/PM/APC, two-character `ESC x`), so no `[2J` residue is left; an unterminated one is
///   dropped only up to the end of its line, never into the following lines;
/// - every other C0 control except `\n`, DEL and C1 are removed (CR included: text reaching
///   here through [`decode`] already had CRLF turned into `\n`);
/// - `\t` becomes spaces up to the next multiple of [`TAB_WIDTH`] display columns;
/// - format characters (see [`is_invisible`]) are removed;
/// - the line and paragraph separators U+2028/U+2029 become `\n`: they end a line where they
///   stand, and removing them would join two words;
/// - a regional indicator that is not half of a flag becomes [`LONE_INDICATOR`] (see
///   [`is_regional_indicator`]).
pub fn sanitize(s: &str) -> String {
    sanitize_cow(s).into_owned()
}

/// True when [`sanitize`] would return `s` unchanged.
pub fn is_safe(s: &str) -> bool {
    first_unsafe(s, 0).is_none()
}

/// What [`sanitize`] puts in place of a regional indicator that is not half of a flag.
pub const LONE_INDICATOR: char = '\u{FFFD}';

/// Byte classes for the scan: 0 = always safe; 1 = unsafe ASCII; 2 = a UTF-8 lead byte whose
/// code point may be unsafe: C1 controls, a format character or separator (General_Category
/// Cf, Zl, Zp), a Mongolian variation selector or a regional indicator. A unit test checks
/// every code point against this table, so a Unicode update that adds a format character
/// under another lead byte fails it.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 1;
        b += 1;
    }
    t[b'\n' as usize] = 0;
    t[0x7f] = 1;
    let leads = [0xc2, 0xd8, 0xdb, 0xdc, 0xe0, 0xe1, 0xe2, 0xef, 0xf0, 0xf3];
    let mut i = 0;
    while i < leads.len() {
        t[leads[i]] = 2;
        i += 1;
    }
    t
};

/// Whether a character is removed or rewritten by [`sanitize`] wherever it stands (a regional
/// indicator depends on its neighbours and is not included).
fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || is_invisible(c) || is_line_separator(c)
}

/// Whether `c` may be typed into a one-line input (the search bar, a prompt): not a control,
/// format character or line separator. Typed and pasted text are filtered with this.
pub fn is_typeable(c: char) -> bool {
    !(c.is_control() || is_invisible(c) || is_line_separator(c))
}

/// The characters [`sanitize`] removes as invisible: every format character (General_Category
/// Cf) except ZWNJ, plus the Mongolian free variation selectors.
///
/// Cf holds the bidi controls and isolates, zero-width space, word joiner, the invisible
/// math operators (U+2061–2064), interlinear annotation marks (U+FFF9–FFFB), the BOM, tag
/// characters and the like: none draws anything, and each either reorders text or hides
/// inside a word (a search for it then fails, two strings that look the same differ).
/// Decisions on the Cf characters that do something visible:
/// - soft hyphen U+00AD: removed; terminals draw it as a hyphen (tmux: one cell) while width
///   tables give it none, and scraped text holds it mid-word for hyphenation hints only;
/// - Arabic number signs and other prepended marks (U+0600–0605, U+06DD, U+070F, U+08E2…):
///   removed, the digits stay; a mark and its digits form one grapheme that ratatui counts as
///   one wide cell while terminals draw them in separate cells, which leaves stale glyphs;
/// - ZWJ U+200D: removed. Terminals disagree on what it joins: tmux 3.3a draws
///   "👨‍👩‍👧" as one 2-cell glyph, like unicode-width, but "x‍👍" in 1 cell (width tables
///   say 3) and "क्‍ष" in 1 (they say 2); terminals without emoji sequences draw three
///   emoji in 6 cells. Without it each emoji is drawn alone, the same width everywhere.
/// - ZWNJ U+200C: kept; Persian and Indic spelling needs it, and both the width tables and
///   terminals measure it as nothing attached to the letter before it.
///
/// The Mongolian free variation selectors (U+180B–180D, U+180F) are nonspacing marks, not
/// Cf, but only a Mongolian shaping engine gives them meaning, and terminals have none.
pub fn is_invisible(c: char) -> bool {
    match c {
        // Nothing below the soft hyphen is a format character: most text stops here.
        '\0'..='\u{AC}' => false,
        // Dashes, quotes and the ellipsis fill news text; none is a format character (the
        // exhaustive unit test checks these shortcuts against the General_Category).
        '\u{2010}'..='\u{2027}' => false,
        '\u{200C}' => false,
        '\u{180B}'..='\u{180D}' | '\u{180F}' => true,
        _ => c.general_category() == GeneralCategory::Format,
    }
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (General_Category Zl and Zp).
pub fn is_line_separator(c: char) -> bool {
    c >= '\u{2028}'
        && matches!(
            c.general_category(),
            GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        )
}

/// A regional indicator (U+1F1E6–1F1FF). Two in a row make a flag, which both the width tables
/// and terminals draw in 2 cells. One alone is 1 cell to unicode-width but 2 in terminals that
/// draw it as a flag glyph, so [`sanitize`] replaces it. Pairs are counted from the start of a
/// run, as grapheme segmentation pairs them (UAX #29 rules GB12/GB13).
pub fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// The byte offset of the lone regional indicator in the run that starts `s`, if the run has
/// one: the last indicator of a run of odd length.
fn lone_indicator(s: &str) -> (usize, Option<usize>) {
    let n = s.chars().take_while(|&c| is_regional_indicator(c)).count();
    // Every regional indicator is four bytes long.
    let len = n * 4;
    (len, (n % 2 == 1).then(|| len - 4))
}

/// The byte offset of the first character [`sanitize`] would change, from `start` on.
/// `start` is never inside a run of regional indicators: it is 0 or just past a character
/// that was changed, and a changed indicator is the last of its run.
fn first_unsafe(s: &str, start: usize) -> Option<usize> {
    const CHUNK: usize = 16;
    let b = s.as_bytes();
    let mut i = start;
    while i < b.len() {
        // Printable ASCII a chunk at a time; the non-short-circuiting fold vectorises.
        if let Some(chunk) = b.get(i..i + CHUNK)
            && chunk
                .iter()
                .fold(true, |ok, &c| ok & (c.wrapping_sub(0x20) < 0x5f))
        {
            i += CHUNK;
            continue;
        }
        // Otherwise one chunk's worth byte by byte, so a newline or a non-ASCII letter does
        // not make the chunk test run again at every byte.
        let end = (i + CHUNK).min(b.len());
        while i < end {
            match CLASS[b[i] as usize] {
                0 => i += 1,
                1 => return Some(i),
                _ => {
                    // A lead byte, so `i` is a char boundary.
                    let c = s[i..].chars().next()?;
                    if is_unsafe_char(c) {
                        return Some(i);
                    }
                    if is_regional_indicator(c) {
                        let (len, lone) = lone_indicator(&s[i..]);
                        if let Some(at) = lone {
                            return Some(i + at);
                        }
                        i += len;
                        continue;
                    }
                    i += c.len_utf8();
                }
            }
        }
    }
    None
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
const ST: char = '\u{9c}';

/// [`sanitize`] without a copy when nothing changes.
pub fn sanitize_cow(s: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(s, 0) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    // Column bookkeeping for tabs: the display column at `col_at` bytes into `out`.
    let mut col_at = 0usize;
    let mut col = 0usize;
    let mut copied = 0usize; // bytes of `s` already handled
    let mut next = Some(first);
    while let Some(i) = next {
        out.push_str(&s[copied..i]);
        let rest = &s[i..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let consumed = match c {
            ESC => escape_len(&rest[1..]) + 1,
            '\u{9b}' => csi_len(&rest[2..]) + 2,
            '\u{9d}' => c1_string_len(&rest[2..], true) + 2,
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => c1_string_len(&rest[2..], false) + 2,
            '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                c.len_utf8()
            }
            // `first_unsafe` stops at an indicator only when it is a lone one.
            c if is_regional_indicator(c) => {
                out.push(LONE_INDICATOR);
                c.len_utf8()
            }
            '\t' => {
                // Column of the end of `out`, measured incrementally from the last newline.
                let tail_start = match memchr::memrchr(b'\n', &out.as_bytes()[col_at..]) {
                    Some(p) => {
                        col = 0;
                        col_at + p + 1
                    }
                    None => col_at,
                };
                col += out[tail_start..].width();
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
                col_at = out.len();
                1
            }
            _ => c.len_utf8(),
        };
        copied = i + consumed;
        next = first_unsafe(s, copied);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Length in bytes of what follows an ESC that belongs to its sequence.
fn escape_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    match b.first() {
        Some(b'[') => 1 + csi_len(&rest[1..]),
        Some(b']') => 1 + string_len(&rest[1..], true).0,
        Some(b'P' | b'X' | b'^' | b'_') => 1 + string_len(&rest[1..], false).0,
        // nF sequences (`ESC ( B`, `ESC # 8`): intermediates 0x20–0x2F, then one final byte.
        Some(0x20..=0x2f) => {
            let n = b.iter().take_while(|x| (0x20..=0x2f).contains(*x)).count();
            match b.get(n) {
                Some(0x30..=0x7e) => n + 1,
                _ => n,
            }
        }
        // Two-character `ESC x`.
        Some(0x30..=0x7e) => 1,
        // ESC before a newline, another control or non-ASCII: drop the ESC alone.
        _ => 0,
    }
}

/// Length of a CSI body (after `ESC [` or U+009B): parameter and intermediate bytes, then a final
/// byte 0x40–0x7E. Anything else (a newline, a control, non-ASCII) ends it unconsumed, so a
/// broken sequence never eats the text that follows.
fn csi_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let n = b.iter().take_while(|x| (0x20..=0x3f).contains(*x)).count();
    match b.get(n) {
        Some(0x40..=0x7e) => n + 1,
        _ => n,
    }
}

/// Length of a control-string body (OSC, DCS, SOS, PM, APC) up to and including its terminator,
/// and whether there was one: ST (`ESC \\` or U+009C), or BEL for OSC. Unterminated strings stop
/// before the end of the line; an ESC that does not start ST aborts the string (as in terminals)
/// and is left to be parsed.
fn string_len(rest: &str, bel_ends: bool) -> (usize, bool) {
    for (i, c) in rest.char_indices() {
        match c {
            '\n' => return (i, false),
            BEL if bel_ends => return (i + 1, true),
            ST => return (i + c.len_utf8(), true),
            ESC if rest.as_bytes().get(i + 1) == Some(&b'\\') => return (i + 2, true),
            ESC => return (i, false),
            _ => {}
        }
    }
    (rest.len(), false)
}

/// Like [`string_len`] for a string opened by an 8-bit C1 introducer, but an unterminated one
/// keeps its text (only the introducer goes). U+0090/U+009D are everyday characters of
/// double-encoded UTF-8 mojibake ("Ù\u{90}" is Arabic kasra): the detik corpus has lines like
/// that, and dropping to the end of the line would lose real text, or break a JSONL record.
/// The introducer alone is inert, so the payload left behind is harmless.
fn c1_string_len(rest: &str, bel_ends: bool) -> usize {
    match string_len(rest, bel_ends) {
        (n, true) => n,
        (_, false) => 0,
    }
}

/// A file name made display-safe and kept on one line: every character [`sanitize`] would
/// drop or replace (controls, newlines, line separators, bidi and invisible characters, a
/// lone regional indicator) is shown as an escape instead
/// (`\x1b`, `\n`, `\u{202e}`), the way tmux and `ls -b` show such names, so the
/// user still sees that something is there and roughly what.
///
/// Paths are not sanitised like article text: silently dropping characters would show a
/// different, possibly existing, file name. A path changed by this is no longer the file's
/// real name, which is why callers keep the real `PathBuf` for opening.
pub fn escape_path(s: &str) -> Cow<'_, str> {
    if is_safe(s) && !s.contains('\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    // The lone indicator of the current run of regional indicators, if it has one.
    let mut lone = None;
    let mut in_run = false;
    for (i, c) in s.char_indices() {
        let indicator = is_regional_indicator(c);
        if indicator && !in_run {
            lone = lone_indicator(&s[i..]).1.map(|at| i + at);
        }
        in_run = indicator;
        let needs = is_unsafe_char(c) || c == '\n' || lone == Some(i);
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if needs => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Calls `f` with each char of [`fold`]`(s)`, in order, without building the string; stops
/// early when `f` returns false. Canonical decomposition char by char gives the same base
/// characters as decomposing the whole string: reordering only moves combining marks,
/// which folding drops.
pub fn fold_each(s: &str, mut f: impl FnMut(char) -> bool) {
    for c in s.chars() {
        if c.is_ascii() {
            if !f(c.to_ascii_lowercase()) {
                return;
            }
            continue;
        }
        // Lower-case first: some capitals lower-case to a base letter plus a combining mark
        // (U+0130 → "i\u{307}"), which the decomposition then drops.
        for l in c.to_lowercase() {
            let mut go = true;
            unicode_normalization::char::decompose_canonical(l, |d| {
                if go && !is_combining_mark(d) {
                    go = f(d);
                }
            });
            if !go {
                return;
            }
        }
    }
}

/// `f` of [`fold`]`(s)`, folded into a buffer the thread reuses: the search calls this once
/// per article and field, where a new string each time was a tenth of a keystroke.
pub fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(s);
    }
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            fold_each(s, |c| {
                buf.push(c);
                true
            });
            f(&buf)
        }
        // Called from inside `f` of an outer call: fall back to a string of its own.
        Err(_) => f(&fold(s)),
    })
}

/// Lower-cases and strips diacritics, for case- and diacritic-insensitive matching
/// ("Café" → "cafe", "İstanbul" → "istanbul").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_each(s, |c| {
        out.push(c);
        true
    });
    out
}

/// Sorts byte ranges and merges those that overlap or touch, dropping empty ones: what a
/// highlighter needs from matches found term by term (`asn` inside `asn medsos`, a synonym
/// that shares a word with another).
pub fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests;
