//! Line wrapping and truncation by terminal cell width.
//!
//! ```text
//!   text:  "Bupati Blora 阿里 minta👨‍👩‍👧 ASN"      width = 8
//!   lines: |Bupati  |        ranges into the text, trailing
//!          |Blora 阿|        spaces dropped at a break; a word
//!          |里 minta|        wider than the line is split
//!          |👨‍👩‍👧 ASN  |        between graphemes
//! ```
//!
//! We wrap ourselves instead of using `Paragraph::wrap`, which panics on double-width
//! graphemes in narrow areas (ratatui#2679) and re-wraps the whole text every frame. Widths
//! are the sum of per-grapheme widths, which is exactly how ratatui's buffer lays cells out,
//! so a line we measure as fitting always fits. A grapheme wider than the whole line (a CJK
//! character at width 1) cannot be shown at all and is skipped rather than overflowing.
//! This module is plain text: no ratatui types, so the app state can cache its output.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cell width of one grapheme cluster, as ratatui's buffer counts it.
pub fn grapheme_width(g: &str) -> usize {
    #[cfg(test)]
    MEASURED.with(|n| n.set(n.get() + 1));
    g.width()
}

#[cfg(test)]
thread_local! {
    /// How many graphemes this thread has measured: tests assert on the work a render does.
    pub static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Cell width of a string: the sum of its graphemes' widths.
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Byte ranges of `text`, one per line, each at most `width` cells wide.
///
/// Breaks at whitespace when it can, otherwise between graphemes; `\n` forces a break. At
/// width 0 nothing fits and no lines are returned.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut line = LineBuilder::default();
    for (start, token) in tokens(text) {
        match token {
            Token::Newline => {
                lines.push(line.take(start));
            }
            Token::Space(w) => {
                if line.start.is_some() {
                    line.pending_space += w;
                }
            }
            Token::Word(end, w) => {
                if line.start.is_some() && line.width + line.pending_space + w <= width {
                    line.width += line.pending_space + w;
                    line.pending_space = 0;
                    line.end = end;
                    continue;
                }
                if line.start.is_some() {
                    lines.push(line.take(start));
                }
                if w <= width {
                    line.start = Some(start);
                    line.end = end;
                    line.width = w;
                } else {
                    split_word(&text[start..end], start, width, &mut lines, &mut line);
                }
            }
        }
    }
    if line.start.is_some() {
        lines.push(line.take(text.len()));
    }
    lines
}

/// Convenience for tests and simple callers: the wrapped lines as strings.
pub fn wrap_lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

/// The longest prefix of `text` that fits in `width` cells, and its width.
pub fn truncate(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > width {
            return (&text[..i], used);
        }
        used += w;
    }
    (text, used)
}

/// The longest suffix of `text` that fits in `width` cells, and its width. Measures from the
/// end, so the cost is what fits, not the length of `text`.
pub fn truncate_start(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut start = text.len();
    for (i, g) in text.grapheme_indices(true).rev() {
        let w = grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    (&text[start..], used)
}

/// Like [`truncate`], but ends with `…` when something was cut (and `width` allows it).
pub fn truncate_ellipsis(text: &str, width: usize) -> String {
    truncate_with(text, width, "…")
}

/// Like [`truncate`], but ends with `mark` when something was cut. The mark's own width is
/// taken from the text (a three-cell `...` leaves three fewer cells); a mark wider than
/// `width` is dropped and the text just cut.
pub fn truncate_with(text: &str, width: usize, mark: &str) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mark_w = display_width(mark);
    if mark_w > width {
        return truncate(text, width).0.to_string();
    }
    let (head, _) = truncate(text, width - mark_w);
    format!("{head}{mark}")
}

#[derive(Default)]
struct LineBuilder {
    start: Option<usize>,
    end: usize,
    width: usize,
    /// Width of the whitespace seen since the last word; only counted if another word follows.
    pending_space: usize,
}

impl LineBuilder {
    /// Finishes the current line; an empty line (two newlines in a row) is `at..at`.
    fn take(&mut self, at: usize) -> Range<usize> {
        let range = match self.start {
            Some(s) => s..self.end,
            None => at..at,
        };
        *self = LineBuilder::default();
        range
    }
}

/// Places a word wider than the line: full chunks become lines, the rest starts a new line.
fn split_word(
    word: &str,
    offset: usize,
    width: usize,
    lines: &mut Vec<Range<usize>>,
    line: &mut LineBuilder,
) {
    for (i, g) in word.grapheme_indices(true) {
        let w = grapheme_width(g);
        let (gs, ge) = (offset + i, offset + i + g.len());
        if w > width {
            // Cannot be shown in this width at all; end the line so the range stays contiguous.
            if line.start.is_some() {
                lines.push(line.take(gs));
            }
            continue;
        }
        if line.start.is_some() && line.width + w > width {
            lines.push(line.take(gs));
        }
        if line.start.is_none() {
            line.start = Some(gs);
        }
        line.end = ge;
        line.width += w;
    }
}

enum Token {
    Newline,
    /// Whitespace run with its width.
    Space(usize),
    /// A run of non-space graphemes: end byte and width.
    Word(usize, usize),
}

/// Splits text into words, whitespace runs and newlines, with their starting byte offsets.
fn tokens(text: &str) -> Vec<(usize, Token)> {
    let mut out: Vec<(usize, Token)> = Vec::new();
    for (i, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        if g == "\n" || g == "\r\n" {
            out.push((i, Token::Newline));
        } else if g.chars().all(char::is_whitespace) {
            match out.last_mut() {
                Some((_, Token::Space(sw))) => *sw += w,
                _ => out.push((i, Token::Space(w))),
            }
        } else {
            match out.last_mut() {
                Some((_, Token::Word(end, ww))) => {
                    *end = i + g.len();
                    *ww += w;
                }
                _ => out.push((i, Token::Word(i + g.len(), w))),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(
            wrap_lines("Bupati Blora minta ASN", 12),
            ["Bupati Blora", "minta ASN"]
        );
        assert_eq!(wrap_lines("a  b", 1), ["a", "b"]);
    }

    #[test]
    fn splits_long_words_and_wide_chars() {
        assert_eq!(wrap_lines("abcdefg", 3), ["abc", "def", "g"]);
        assert_eq!(wrap_lines("阿里巴巴", 3), ["阿", "里", "巴", "巴"]);
        assert_eq!(wrap_lines("a🌞b", 2), ["a", "🌞", "b"]);
        // A wide grapheme cannot fit in one cell: it is skipped, never overflowing.
        assert_eq!(wrap_lines("a🌞b", 1), ["a", "b"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn newlines_force_breaks_and_keep_empty_lines() {
        assert_eq!(wrap_lines("a\n\nb", 5), ["a", "", "b"]);
    }

    #[test]
    fn truncation_respects_graphemes() {
        assert_eq!(truncate("e\u{301}tude", 2), ("e\u{301}t", 2));
        assert_eq!(truncate("阿里", 3), ("阿", 2));
        assert_eq!(truncate_ellipsis("Tribunsumsel.com", 6), "Tribu…");
        assert_eq!(truncate_ellipsis("abc", 3), "abc");
        assert_eq!(truncate_with("Tribunsumsel.com", 6, "~"), "Tribu~");
        assert_eq!(truncate_with("Tribunsumsel.com", 6, "..."), "Tri...");
        assert_eq!(truncate_with("Tribunsumsel.com", 2, "..."), "Tr");
        assert_eq!(truncate_with("阿里巴", 5, "..."), "阿...");
    }

    use proptest::prelude::*;

    /// ASCII, spaces, CJK, emoji (plain, ZWJ family, flag, skin tone), combining marks,
    /// a lone ZWJ and a newline.
    fn piece() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "a",
            "Z",
            "7",
            " ",
            "  ",
            "-",
            "阿",
            "里",
            "ｶ",
            "ﾞ",
            "🌞",
            "👨‍👩‍👧",
            "🇮🇩",
            "👍🏽",
            "e\u{301}",
            "\u{301}",
            "\u{200D}",
            "\n",
            "ab",
            "Palembang",
            "\u{3000}",
        ])
    }

    proptest! {
        #[test]
        fn never_panics_and_lines_fit(
            parts in proptest::collection::vec(piece(), 0..40),
            width in 0usize..=12,
        ) {
            let text: String = parts.concat();
            for range in wrap(&text, width) {
                let line = &text[range];
                prop_assert!(display_width(line) <= width, "{line:?} wider than {width}");
                prop_assert!(UnicodeWidthStr::width(line) <= width, "{line:?} wider than {width}");
                prop_assert!(!line.contains('\n'));
            }
            let (head, w) = truncate(&text, width);
            prop_assert!(w <= width && display_width(head) == w);
            let (tail, w) = truncate_start(&text, width);
            prop_assert!(w <= width && display_width(tail) == w && text.ends_with(tail));
            // Nothing more fits: the grapheme before the tail is too wide for what is left.
            let rest = &text[..text.len() - tail.len()];
            if let Some(g) = rest.graphemes(true).next_back() {
                prop_assert!(w + display_width(g) > width);
            }
            prop_assert!(display_width(&truncate_ellipsis(&text, width)) <= width);
            for mark in ["~", "...", "…"] {
                prop_assert!(display_width(&truncate_with(&text, width, mark)) <= width);
            }
        }
    }
}
