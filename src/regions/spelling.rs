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
    written == expected
        || (expected.len() >= LOOSE_MIN && one_apart(written.as_bytes(), expected.as_bytes()))
}

/// Function words a name is one slip away from (`dairi` for `dari`, `barru` for `baru`).
const FUNCTION_WORDS: &[&str] = &[
    "dari", "pada", "dan", "yang", "untuk", "dengan", "kepada", "dalam", "atau", "oleh", "juga",
    "tapi", "agar", "saat", "bagi", "akan", "sudah", "telah", "masih", "hanya", "lagi", "para",
    "kami", "kita", "bisa", "ada", "karena", "seperti", "sampai", "hingga", "antara", "namun",
    "serta", "bahwa", "jadi", "maka", "lalu", "kini", "baru", "sama", "mana", "apa",
];

/// Whether a one-word name is a function word with one letter changed, added or left out:
/// written in lower case it is that slip, not the place.
pub(super) fn slip_of_function_word(name: &[String]) -> bool {
    let [one] = name else {
        return false;
    };
    FUNCTION_WORDS
        .iter()
        .any(|f| f != one && one_apart(one.as_bytes(), f.as_bytes()))
}

/// One letter changed, added or left out between `a` and `b` (at least one).
fn one_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 || a == b {
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
