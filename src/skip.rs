//! Why an input was not loaded: the reasons the loader gives and the cache remembers, so a
//! warm start reports the same skipped files as the cold one did.

use std::fmt;

/// Why a file (or a record inside one) was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    Binary,
    /// An I/O error while walking or reading (permission denied, vanished, ...).
    Unreadable(String),
    /// JSON/CSV that could not be parsed at all, or a record without any text.
    Malformed(String),
    /// A symlink that leads back into a directory being walked, or to itself.
    SymlinkLoop,
    /// Not a regular file: what it is ("a FIFO (named pipe)", "a character device", ...; empty
    /// when unknown). Never opened, since that could block.
    NotAFile(String),
    /// A JSON, JSONL or CSV file over the loader's limit for them (sizes in bytes).
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl SkipReason {
    /// A one-word category for summaries ("3 skipped: 2 binary, 1 empty").
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Malformed(_) => "malformed",
            SkipReason::SymlinkLoop => "symlink loop",
            SkipReason::NotAFile(_) => "not a file",
            SkipReason::TooLarge { .. } => "too large",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => write!(f, "empty file"),
            SkipReason::Binary => write!(f, "binary file, not text"),
            SkipReason::Unreadable(e) => write!(f, "cannot read: {e}"),
            SkipReason::Malformed(e) => write!(f, "malformed: {e}"),
            SkipReason::SymlinkLoop => write!(f, "symlink loop"),
            SkipReason::NotAFile(what) if what.is_empty() => write!(f, "not a regular file"),
            SkipReason::NotAFile(what) => write!(f, "{what}, not a regular file"),
            SkipReason::TooLarge { size, limit } => write!(
                f,
                "too large ({}; the limit is {})",
                human_bytes(*size),
                human_bytes(*limit)
            ),
        }
    }
}

/// A file or record that was skipped, with the reason; shown as one line on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}; skipped", self.path, self.reason)
    }
}

/// `21,940 articles`, `1 file`: every count warta prints goes through [`thousands`] and
/// this, so numbers read alike everywhere.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1.5 MiB`, `300 KiB`, `12 bytes`: the one way warta writes a size.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1 << 10;
    const MIB: u64 = 1 << 20;
    const GIB: u64 = 1 << 30;
    let frac = |unit: u64| {
        let tenths = n * 10 / unit;
        if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    };
    match n {
        n if n >= GIB => format!("{} GiB", frac(GIB)),
        n if n >= MIB => format!("{} MiB", frac(MIB)),
        n if n >= KIB => format!("{} KiB", frac(KIB)),
        n => format!("{n} bytes"),
    }
}
