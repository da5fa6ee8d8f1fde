//! Turning files and directories into a [`Corpus`]: discovery, decoding, format dispatch,
//! parallel parsing and the parsed-article cache.

pub mod discover;
pub mod formats;
pub mod parse;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::corpus::Corpus;

/// One input given on the command line, or the corpus embedded in the binary.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    /// A file compiled into the binary: (file name, bytes).
    Embedded(&'static str, &'static [u8]),
}

/// The five seed articles in `data/`, compiled in so `warta` works from any directory.
pub const EMBEDDED: &[(&str, &[u8])] = &[
    ("000_4c0f888a8b7f48f0.txt", include_bytes!("../../data/000_4c0f888a8b7f48f0.txt")),
    ("001_2701c3b0c1794c03.txt", include_bytes!("../../data/001_2701c3b0c1794c03.txt")),
    ("002_e1615265fd42e33b.txt", include_bytes!("../../data/002_e1615265fd42e33b.txt")),
    ("003_750af5ede4df2d6f.txt", include_bytes!("../../data/003_750af5ede4df2d6f.txt")),
    ("004_2693d6224899cf9b.txt", include_bytes!("../../data/004_2693d6224899cf9b.txt")),
];

pub fn embedded_inputs() -> Vec<Input> {
    EMBEDDED
        .iter()
        .map(|(name, bytes)| Input::Embedded(name, bytes))
        .collect()
}

/// Why a file (or a record inside one) was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    Binary,
    /// An I/O error while walking or reading (permission denied, vanished, ...).
    Unreadable(String),
    /// JSON/CSV that could not be parsed at all, or a record without any text.
    Malformed(String),
    /// A symlink that leads back into a directory being walked.
    SymlinkLoop,
    /// Not a regular file (FIFO, socket, device): never opened, since that could block.
    NotAFile,
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
            SkipReason::NotAFile => "not a file",
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
            SkipReason::NotAFile => write!(f, "not a regular file"),
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

/// One article-shaped record from a JSON, JSONL or CSV file, with common field names already
/// mapped (title/judul/headline, body/content/text/isi/isi_berita/main, date/published/tanggal,
/// source/outlet/media, url/link/tautan, author/penulis). Strings are already sanitised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub title: Option<String>,
    pub body: Option<String>,
    /// The date as written in the record (ISO, `M/D/YYYY HH:MM`, Indonesian...).
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
}
