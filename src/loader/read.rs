//! Reading input files within bounds: a size limit per file, over-long lines cut with a
//! visible mark, so one broken scrape never costs the memory of the whole load.

use super::*;

/// An article file (`.txt` or anything read as text) is read up to this many bytes; the rest
/// is dropped with a note in the load report. News articles are a few KiB; 16 MiB is
/// thousands of pages, so only a broken scrape (a whole site in one file, a log) gets cut,
/// and the parser then never holds more than a few copies of 16 MiB.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// JSON, JSONL and CSV files larger than this are skipped: cutting them would break their
/// syntax, and a JSON document is parsed whole into memory (several times its size).
pub const MAX_STRUCTURED_BYTES: u64 = 1 << 30;

/// A line (paragraph) longer than this is cut, ending with [`LINE_CUT_MARK`]: a minified
/// page or a base64 blob is no paragraph anyone reads, and wrapping it costs every frame.
pub const MAX_LINE_BYTES: usize = 256 << 10;

/// What ends a line that was cut at [`MAX_LINE_BYTES`], so the reader sees it was cut.
pub const LINE_CUT_MARK: &str = " [\u{2026} line cut by warta: longer than 256 KiB]";

/// Cuts every line longer than [`MAX_LINE_BYTES`] at a character boundary and marks the cut
/// with [`LINE_CUT_MARK`]. Borrowed when no line is that long (the usual case).
pub fn cap_lines(text: &str) -> Cow<'_, str> {
    let long = text.split('\n').any(|l| l.len() > MAX_LINE_BYTES);
    if !long {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(8 * MAX_LINE_BYTES));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.len() > MAX_LINE_BYTES {
            let mut cut = MAX_LINE_BYTES;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&line[..cut]);
            out.push_str(LINE_CUT_MARK);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Where to cut an article file's bytes to at most `max`: after the last line break in the
/// second half if there is one (a clean paragraph end), else at a UTF-8 character boundary,
/// so the cut cannot turn a UTF-8 file into "invalid UTF-8" read as Windows-1252. UTF-16
/// files are cut at an even length.
pub(super) fn cut_point(bytes: &[u8], max: usize) -> usize {
    if bytes.len() <= max {
        return bytes.len();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return max & !1;
    }
    if let Some(p) = memchr::memrchr(b'\n', &bytes[max / 2..max]) {
        return max / 2 + p + 1;
    }
    let mut cut = max;
    // At most three continuation bytes precede a character's end.
    while cut > max.saturating_sub(3) && cut > 0 && (bytes[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// What reading one file gave: its (possibly cut) bytes and notes for the load report.
pub(super) struct ReadFile {
    pub(super) bytes: Vec<u8>,
    pub(super) notes: Vec<String>,
    /// The file changed between discovery and the end of the read: do not cache it under
    /// the stamp taken at discovery.
    pub(super) changed: bool,
}

/// Reads a file within the bounds above. Reads through a handle (never mmap: a file cut
/// short while mapped kills the process with SIGBUS) and never more than the limit plus one
/// byte, whatever the file claims to be.
pub(super) fn read_bounded(
    path: &Path,
    shown: &str,
    format: Format,
    stamp: &FileStamp,
) -> Result<ReadFile, Outcome> {
    use std::io::Read;
    let unreadable =
        |e: &std::io::Error| Outcome::Failed(SkipReason::Unreadable(discover::reason(e)));
    let limit = match format {
        Format::Txt => MAX_ARTICLE_BYTES,
        Format::Json | Format::Jsonl | Format::Csv => {
            if stamp.size > MAX_STRUCTURED_BYTES {
                return Err(Outcome::Rejected(SkipReason::TooLarge {
                    size: stamp.size,
                    limit: MAX_STRUCTURED_BYTES,
                }));
            }
            MAX_STRUCTURED_BYTES
        }
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut bytes = Vec::with_capacity(stamp.size.min(limit + 1) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    let mut notes = Vec::new();
    let mut changed = false;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(path).map_or(stamp.size, |m| m.len());
        if format != Format::Txt {
            return Err(Outcome::Failed(SkipReason::TooLarge { size, limit }));
        }
        let cut = cut_point(&bytes, limit as usize);
        bytes.truncate(cut);
        bytes.shrink_to_fit();
        notes.push(format!(
            "{shown}: only the first {} of {} loaded (articles are cut at {})",
            human_bytes(cut as u64),
            human_bytes(size),
            human_bytes(limit)
        ));
    } else if bytes.len() as u64 != stamp.size
        || std::fs::metadata(path).is_ok_and(|m| discover::mtime_ns(&m) != stamp.mtime_ns)
    {
        changed = true;
        notes.push(format!(
            "{shown}: changed while being loaded; showing what was read, re-read next time"
        ));
    }
    Ok(ReadFile {
        bytes,
        notes,
        changed,
    })
}

/// Reads one file for `warta parse` within the same bounds as a load: the bytes and any
/// note about what was cut, or why it cannot be read.
pub fn read_one(path: &Path, format: Format) -> Result<(Vec<u8>, Vec<String>), SkipReason> {
    let meta = std::fs::metadata(path).map_err(|e| SkipReason::Unreadable(discover::reason(&e)))?;
    let shown = crate::text::escape_path(&path.to_string_lossy()).into_owned();
    let stamp = FileStamp {
        path: shown.clone(),
        size: meta.len(),
        mtime_ns: discover::mtime_ns(&meta),
    };
    match read_bounded(path, &shown, format, &stamp) {
        Ok(read) => Ok((read.bytes, read.notes)),
        Err(Outcome::Rejected(reason) | Outcome::Failed(reason)) => Err(reason),
        Err(Outcome::Parsed(..)) => unreachable!("reading never parses"),
    }
}

/// Whether the parser had to cut a line of these articles.
pub(super) fn has_cut_lines(articles: &[Article]) -> bool {
    articles.iter().any(|a| {
        a.meta.title.ends_with(LINE_CUT_MARK)
            || a.body
                .body
                .iter()
                .chain(a.body.boilerplate.iter().map(|r| &r.text))
                .any(|p| p.ends_with(LINE_CUT_MARK))
    })
}
