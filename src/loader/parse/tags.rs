//! Platform and topic tags: case-insensitive whole-word detection with a fixed vocabulary.

/// Canonical tags; the order here is the tag order.
const TAGS: [&str; 11] = [
    "TikTok",
    "Instagram",
    "Facebook",
    "WhatsApp",
    "YouTube",
    "Twitter",
    "Telegram",
    "live",
    "viral",
    "flexing",
    "medsos",
];

/// One lower-case word that names a tag (index into `TAGS`).
fn single(w: &str) -> Option<usize> {
    Some(match w {
        "tiktok" => 0,
        "instagram" => 1,
        "facebook" | "fb" => 2,
        "whatsapp" => 3,
        "youtube" => 4,
        "twitter" => 5,
        "telegram" => 6,
        "live" => 7,
        "viral" => 8,
        "flexing" => 9,
        "medsos" => 10,
        _ => return None,
    })
}

/// Two-word phrases: `siaran langsung`, `pamer kemewahan`, `media sosial`.
fn pair(a: &str, b: &str) -> Option<usize> {
    Some(match (a, b) {
        ("siaran", "langsung") => 7,
        ("pamer", "kemewahan") => 9,
        ("media", "sosial") => 10,
        _ => return None,
    })
}

/// Longest vocabulary word; longer words cannot match and are not lower-cased at all.
const MAX_WORD: usize = 9;

/// Tags found in `texts`, in vocabulary order. `X (Twitter)` is caught by its `Twitter`.
/// A `match` per word keeps this cheap: it runs over every word of every body.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut hit = [false; TAGS.len()];
    for text in texts {
        // Two reused buffers: no allocation per word, since bodies can be megabytes long.
        let mut prev = String::new();
        let mut w = String::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            w.clear();
            if word.len() <= MAX_WORD {
                w.push_str(word);
                w.make_ascii_lowercase();
                if let Some(k) = single(&w).or_else(|| pair(&prev, &w)) {
                    hit[k] = true;
                }
            }
            std::mem::swap(&mut prev, &mut w);
        }
    }
    TAGS.iter()
        .zip(hit)
        .filter(|(_, h)| *h)
        .map(|(t, _)| t.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_order_and_whole_words() {
        assert_eq!(
            detect(["Live TIKTOK di media sosial, viral!"]),
            vec!["TikTok", "live", "viral", "medsos"]
        );
        assert_eq!(
            detect(["akun FB dan X (Twitter)", "pamer kemewahan"]),
            vec!["Facebook", "Twitter", "flexing"]
        );
        assert_eq!(
            detect(["siaran langsung", "memviralkan bermedsos delivery"]),
            vec!["live"]
        );
        assert_eq!(detect(["media", "sosial"]), Vec::<String>::new());
        assert!(detect([""]).is_empty());
    }
}
