//! The journal: one JSON object per line, appended and fsync'd before a change is shown done.
//!
//! - an action: `{"seq":N,"at":"…","op":{…},"prior":{"states":[…],"runs":[[i,n],…]}}`
//!   (an older build wrote `"before":{id: state}` instead of `prior`; both are read);
//! - an undo or redo: `{"seq":N,"at":"…","undo":M,"action":{…}}` with the action it undoes
//!   or redoes in full, so replaying it never depends on the undo history having survived.
//!   (An older build wrote only `"undo":M`; such lines need the history and are still read.)

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::super::state::{ArticleState, Op};
use super::files::{self, Identity, MAX_SEQ};
use super::history::{Action, ActionRepr, Prior};
use crate::fsutil::{parent_dir, sync_dir};

/// One journal line, parsed and checked.
#[derive(Debug)]
pub(crate) enum Line {
    Act(Action),
    /// Undo (`redo == false`) or redo of the action with sequence number `target`.
    Step {
        seq: u64,
        redo: bool,
        target: u64,
        action: Option<Action>,
    },
}

impl Line {
    pub(crate) fn seq(&self) -> u64 {
        match self {
            Line::Act(a) => a.seq,
            Line::Step { seq, .. } => *seq,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn {
    seq: u64,
    #[serde(deserialize_with = "super::history::de_at")]
    at: String,
    #[serde(default)]
    op: Option<Op>,
    #[serde(default)]
    prior: Option<Prior>,
    #[serde(default)]
    before: Option<BTreeMap<String, ArticleState>>,
    #[serde(default)]
    undo: Option<u64>,
    #[serde(default)]
    redo: Option<u64>,
    #[serde(default)]
    action: Option<ActionRepr>,
}

/// Parses one complete line; `Err` says what is wrong with it.
pub(crate) fn parse(bytes: &[u8]) -> Result<Line, String> {
    parse_entry(bytes).map_err(|e| files::quoted(&e))
}

fn parse_entry(bytes: &[u8]) -> Result<Line, String> {
    let e: EntryIn = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if e.seq == 0 || e.seq > MAX_SEQ {
        return Err(format!("sequence number {} is out of range", e.seq));
    }
    let step = |redo: bool, target: u64, action: Option<ActionRepr>| {
        let action = action.map(ActionRepr::into_action).transpose()?;
        if action.as_ref().is_some_and(|a| a.seq != target) {
            return Err("the action does not match its target".to_string());
        }
        if target >= e.seq {
            return Err("an undo or redo names a later action".to_string());
        }
        Ok(Line::Step {
            seq: e.seq,
            redo,
            target,
            action,
        })
    };
    match (e.op, e.prior, e.before, e.undo, e.redo) {
        (Some(op), prior, before, None, None) if e.action.is_none() => {
            ActionRepr::new(e.seq, e.at, op, prior, before)
                .into_action()
                .map(Line::Act)
        }
        (None, None, None, Some(t), None) => step(false, t, e.action),
        (None, None, None, None, Some(t)) => step(true, t, e.action),
        _ => Err("a line must be one action, one undo or one redo".into()),
    }
}

/// A journal line as written.
#[derive(Serialize)]
pub(crate) struct EntryOut<'a> {
    seq: u64,
    at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    op: Option<&'a Op>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prior: Option<&'a Prior>,
    #[serde(skip_serializing_if = "Option::is_none")]
    undo: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    redo: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'a Action>,
}

impl<'a> EntryOut<'a> {
    pub(crate) fn action(a: &'a Action) -> EntryOut<'a> {
        EntryOut {
            seq: a.seq,
            at: &a.at,
            op: Some(&a.op),
            prior: Some(&a.prior),
            undo: None,
            redo: None,
            action: None,
        }
    }

    pub(crate) fn step(seq: u64, at: &'a str, redo: bool, a: &'a Action) -> EntryOut<'a> {
        EntryOut {
            seq,
            at,
            op: None,
            prior: None,
            undo: (!redo).then_some(a.seq),
            redo: redo.then_some(a.seq),
            action: Some(a),
        }
    }

    pub(crate) fn encode(&self) -> Result<Vec<u8>, String> {
        let mut line = serde_json::to_vec(self).map_err(|e| e.to_string())?;
        line.push(b'\n');
        Ok(line)
    }
}

/// One raw line of the journal as read.
pub(crate) struct RawLine {
    pub bytes: Vec<u8>,
    /// Ends in a newline; a final piece without one is a write cut short.
    pub complete: bool,
    /// Whether anything follows this line.
    pub last: bool,
}

/// Reads the journal a line at a time, so its size never matters for memory.
pub(crate) struct Reader {
    r: BufReader<File>,
    /// Bytes of complete lines read so far.
    pub offset: u64,
    pub line_no: usize,
}

impl Reader {
    pub(crate) fn new(mut file: File, from: u64) -> io::Result<Reader> {
        file.seek(SeekFrom::Start(from))?;
        let mut r = BufReader::with_capacity(1 << 16, file);
        if from == 0 {
            // A byte order mark from an editor is not part of the first line.
            if r.fill_buf()?.starts_with(&[0xEF, 0xBB, 0xBF]) {
                r.consume(3);
                return Ok(Reader {
                    r,
                    offset: 3,
                    line_no: 0,
                });
            }
        }
        Ok(Reader {
            r,
            offset: from,
            line_no: 0,
        })
    }

    pub(crate) fn next_line(&mut self) -> io::Result<Option<RawLine>> {
        let mut bytes = Vec::new();
        let (n, complete) = loop {
            bytes.clear();
            let (n, complete) = self.read_raw(&mut bytes)?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            // A blank line (an editor's, or CRLF's lone CR) holds no change: not damage.
            // Never a torn write either, which cannot end in a newline without its line.
            if !(complete && bytes.iter().all(u8::is_ascii_whitespace)) {
                break (n, complete);
            }
            self.offset += n as u64;
        };
        if complete {
            self.offset += n as u64;
        }
        let last = !complete || self.r.fill_buf()?.is_empty();
        Ok(Some(RawLine {
            bytes,
            complete,
            last,
        }))
    }

    /// Reads through the next newline (or to the end); `bytes` gets the line without it.
    /// Returns the bytes read and whether a newline ended them. JSON never holds a control
    /// byte other than tab and CR outside strings, nor any inside them, so at the first one
    /// the line is known to be damage: the rest of it is skipped, not kept, and a journal
    /// filled with zeros (a crash on some file systems, a sparse file) cannot fill memory.
    fn read_raw(&mut self, bytes: &mut Vec<u8>) -> io::Result<(usize, bool)> {
        let mut n = 0;
        let mut damaged = false;
        loop {
            let buf = match self.r.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok((n, false));
            }
            // One pass finds the newline or the first byte that cannot be JSON.
            let stop = if damaged {
                buf.iter().position(|&b| b == b'\n')
            } else {
                buf.iter()
                    .position(|&b| b < 0x20 && b != b'\t' && b != b'\r')
            };
            let (take, ended) = match stop {
                Some(i) if buf[i] == b'\n' => {
                    if !damaged {
                        bytes.extend_from_slice(&buf[..i]);
                    }
                    (i + 1, true)
                }
                Some(i) => {
                    // Kept, so the parser says what is wrong.
                    bytes.extend_from_slice(&buf[..=i]);
                    damaged = true;
                    (i + 1, false)
                }
                None => {
                    if !damaged {
                        bytes.extend_from_slice(buf);
                    }
                    (buf.len(), false)
                }
            };
            self.r.consume(take);
            n += take;
            if ended {
                return Ok((n, true));
            }
        }
    }
}

/// Why the journal at the path is no longer the one this store writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Deleted (or the directory holding it was).
    Gone,
    /// Another file now has its name.
    Replaced,
    /// It grew by lines this store did not write.
    Foreign,
}

/// The open journal of a read-write store.
#[derive(Debug)]
pub(crate) struct Journal {
    file: File,
    id: Identity,
    /// Bytes of complete lines; anything after it is a torn tail to cut before appending.
    pub valid_len: u64,
    pub torn: bool,
    /// Lines in the file (including ones already covered by the snapshot).
    pub lines: usize,
}

impl Journal {
    /// Opens `path` for appending. `scanned` is what loading found in it (complete bytes,
    /// lines); `None` for a journal that must be empty.
    pub(crate) fn open(path: &Path, scanned: Option<(u64, usize)>) -> io::Result<Journal> {
        let existed = path.exists();
        let file = files::open_regular(path, OpenOptions::new().append(true).create(true))?;
        if !existed {
            sync_dir(&parent_dir(path))?;
        }
        let meta = file.metadata()?;
        let (valid_len, lines) = scanned.unwrap_or((0, 0));
        let mut j = Journal {
            id: Identity::of(&meta),
            file,
            valid_len,
            torn: meta.len() != valid_len,
            lines,
        };
        if scanned.is_none() && meta.len() > 0 {
            j.truncate()?;
        }
        Ok(j)
    }

    /// Whether the file at `path` is still this journal, whole and ours.
    pub(crate) fn check(&self, path: &Path) -> Result<(), Problem> {
        let Ok(meta) = self.file.metadata() else {
            return Err(Problem::Gone);
        };
        if files::link_count(&meta) == 0 {
            return Err(Problem::Gone);
        }
        match Identity::of_path(path) {
            None => return Err(Problem::Gone),
            Some(id) if id != self.id => return Err(Problem::Replaced),
            Some(_) => {}
        }
        if !self.torn && meta.len() != self.valid_len {
            return Err(Problem::Foreign);
        }
        Ok(())
    }

    /// Appends one line and makes it durable. On failure the partial line is cut off (best
    /// effort) so the file stays replayable.
    pub(crate) fn append(&mut self, line: &[u8]) -> io::Result<()> {
        let result = (|| {
            if self.torn {
                // The torn tail was never acknowledged; cut it so the new line starts clean.
                self.file.set_len(self.valid_len)?;
                self.torn = false;
            }
            self.file.write_all(line)?;
            self.file.sync_data()
        })();
        match result {
            Ok(()) => {
                self.valid_len += line.len() as u64;
                self.lines += 1;
                Ok(())
            }
            Err(e) => {
                // A torn line left behind is dropped, with a warning, at the next open.
                if let Err(cut) = self.file.set_len(self.valid_len) {
                    log::warn!("cannot cut a failed journal append back ({cut}) after: {e}");
                }
                Err(e)
            }
        }
    }

    /// Empties the journal once a snapshot covers it.
    pub(crate) fn truncate(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.sync_all()?;
        self.valid_len = 0;
        self.torn = false;
        self.lines = 0;
        Ok(())
    }
}
