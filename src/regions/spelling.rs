//! Spellings the table does not list: a one-word name written as two words, with a slip of
//! one letter (`Padang Sidempuan` for Padangsidimpuan), and a fixed phrase whose last word is
//! misspelt (`dari Sabang sampai Marauke`).

use super::words::Words;

/// The shortest one-word name split into two written words, and the shortest half: shorter
/// names split into common words too easily.
const SPLIT_MIN: usize = 9;
const HALF_MIN: usize = 4;

/// A written half must be this long to be matched with one letter wrong.
const LOOSE_MIN: usize = 6;

/// The ways of writing one-word `name` as two words: (first half, second half) for each
/// split with both halves at least [`HALF_MIN`] letters.
pub(super) fn halves(name: &str) -> Vec<(String, String)> {
    if name.len() < SPLIT_MIN || !name.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    (HALF_MIN..=name.len() - HALF_MIN)
        .map(|k| (name[..k].to_string(), name[k..].to_string()))
        .collect()
}

/// Whether `written` is `expected` or, when long enough, differs from it by one letter
/// changed, added or left out.
pub(super) fn near(written: &str, expected: &str) -> bool {
    if written == expected {
        return true;
    }
    if expected.len() < LOOSE_MIN {
        return false;
    }
    let (a, b) = (written.as_bytes(), expected.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[head + 1..] == long[head + 1..]
    } else {
        short[head..] == long[head + 1..]
    }
}

/// Whether the words from `at` on are `expected`, the last one [`near`] enough.
pub(super) fn matches_loosely(words: &Words, at: usize, expected: &[String]) -> bool {
    let Some((last, head)) = expected.split_last() else {
        return false;
    };
    words.matches(at, head) && words.get(at + head.len()).is_some_and(|w| near(w, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_apart() {
        assert!(near("sidempuan", "sidimpuan"));
        assert!(near("marauke", "merauke"));
        assert!(near("sidimpuan", "sidimpuan"));
        assert!(near("sidmpuan", "sidimpuan"));
        assert!(!near("sidempuun", "sidimpuan"));
        assert!(!near("baru", "bara"));
        assert!(!near("medanx", "medan"));
    }

    #[test]
    fn halves_of_long_names_only() {
        assert!(halves("kendari").is_empty());
        let h = halves("padangsidimpuan");
        assert!(h.contains(&("padang".to_string(), "sidimpuan".to_string())));
        assert!(h.iter().all(|(a, b)| a.len() >= 4 && b.len() >= 4));
    }
}
