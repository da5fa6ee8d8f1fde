//! Web addresses: the one rule for what warta treats as a link, whether it opens it in a
//! browser, draws it as a terminal hyperlink, finds it in article text, or writes it as a
//! Markdown autolink. Article text is hostile, so an address must be plain `http(s)` with a
//! host and printable ASCII only.

use std::ops::Range;

/// The longest URL handed to the opener or made a hyperlink; browsers and terminals cap
/// URLs around this (VTE takes 2083-byte OSC 8 URIs, browsers a little more).
pub const MAX_URL_BYTES: usize = 2048;

/// `url` when it is safe to hand to a browser or a terminal: `http://` or `https://` with a
/// host, printable ASCII only (no spaces, no control characters: nothing that could end an
/// escape sequence or split an argument), at most [`MAX_URL_BYTES`].
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|h| !h.is_empty());
    let printable = url.bytes().all(|b| (0x21..=0x7e).contains(&b));
    (host_ok && printable && url.len() <= MAX_URL_BYTES).then_some(url)
}

/// Web addresses in `text`: `http://` or `https://` at the start of a word, up to the next
/// space, without trailing punctuation (a sentence's full stop, a closing bracket that did
/// not open in the address). Addresses [`web_url`] refuses (non-ASCII,
/// over-long) are left as plain text.
pub fn find_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("http") {
        let start = from + found;
        from = start + 4;
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &text[start..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        if !word_start || !(lower.starts_with("https://") || lower.starts_with("http://")) {
            continue;
        }
        let mut end = start + rest.find(char::is_whitespace).unwrap_or(rest.len());
        loop {
            let candidate = &text[start..end];
            let Some(last) = candidate.chars().next_back() else {
                break;
            };
            let unbalanced = |open: char, close: char| {
                last == close && candidate.matches(open).count() < candidate.matches(close).count()
            };
            let trailing = matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '»'
            ) || unbalanced('(', ')')
                || unbalanced('[', ']');
            if !trailing {
                break;
            }
            end -= last.len_utf8();
        }
        if let Some(url) = web_url(&text[start..end]) {
            out.push((start..end, url.to_string()));
        }
        from = end.max(from);
    }
    out
}

/// `url` as a Markdown autolink (`<url>`), when [`web_url`] accepts it and nothing in it
/// could close the autolink or open code (`<`, `>`, a backtick).
pub fn markdown_autolink(url: &str) -> Option<String> {
    let url = web_url(url)?;
    (!url.contains(['<', '>', '`'])).then(|| format!("<{url}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_web_addresses_without_trailing_punctuation() {
        let t = "Lihat https://a.id/x?y=1. Juga (http://b.id/c_(d)) dan xhttps://no.id, \
                 https://c.id/ü serta https://d.id/e\u{1b}]8 ";
        let urls: Vec<String> = find_urls(t).into_iter().map(|(_, u)| u).collect();
        assert_eq!(urls, ["https://a.id/x?y=1", "http://b.id/c_(d)"]);
        let (r, u) = &find_urls(t)[0];
        assert_eq!(&t[r.clone()], u);
        assert!(find_urls("http:// kosong").is_empty());
    }

    #[test]
    fn markdown_autolinks_only_what_web_url_accepts() {
        assert_eq!(
            markdown_autolink("https://ex.com/a_b").as_deref(),
            Some("<https://ex.com/a_b>")
        );
        for bad in [
            "https://a.com/<x>",
            "javascript:alert(1)",
            "https://a.com/x y",
            "https://ex.com/`x`",
            "https://ü.id/",
        ] {
            assert!(markdown_autolink(bad).is_none(), "{bad}");
        }
    }
}
