//! Events not yet on the team server, kept in the data directory so they survive a quit, a
//! crash or a server that is away for days.
//!
//! `team-outbox.jsonl` holds one [`Event`] per line, appended and `sync_data`'d before the
//! action counts as queued. Once the server has committed a set of events they are removed
//! by rewriting the file atomically without them. A crash between the two sends them again,
//! and the server keeps the first copy of each event id, so every event arrives once.
//!
//! An action is two writes, the local journal's and this file's, and a crash can fall
//! between them. So [`crate::team::Recorder`] first appends an [`Intent`] here (the ids the
//! action will change and their states before it), then writes the journal, then appends
//! the events with a line that closes the intent. An intent still open at the next start
//! (see [`crate::team::Recorder::recover`]) is closed by comparing those states with the
//! store's: whatever the journal holds is queued, whatever it lacks was never acknowledged.
//!
//! Only the process holding the triage store's lock appends (the store's one-writer rule
//! covers this file too). A line that does not parse is kept verbatim and reported, never
//! dropped: it is someone's decision.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use super::event::{Event, fresh_id};
use crate::triage::ArticleState;

pub const OUTBOX_FILE: &str = "team-outbox.jsonl";

#[derive(Debug, Clone)]
pub struct Outbox {
    path: PathBuf,
    /// Shared by clones: the browser appends while its sender removes, and a removal
    /// rewrites the file, so an append in between would be lost.
    lock: Arc<Mutex<()>>,
}

/// An action about to be written to the local journal: the articles it changes and their
/// states before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intent {
    pub intent: String,
    pub analyst: String,
    pub before: Vec<(String, ArticleState)>,
}

/// Closes an [`Intent`]: its events (if any) are on the lines before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Done {
    done: String,
}

/// One line of the outbox.
enum Line {
    Event(Event),
    Intent(Intent),
    Done(String),
}

fn parse_line(line: &[u8]) -> Option<Line> {
    if let Ok(e) = serde_json::from_slice::<Event>(line) {
        return Some(Line::Event(e));
    }
    if let Ok(i) = serde_json::from_slice::<Intent>(line) {
        return Some(Line::Intent(i));
    }
    serde_json::from_slice::<Done>(line)
        .ok()
        .map(|d| Line::Done(d.done))
}

/// What the outbox holds.
#[derive(Debug, Default)]
pub struct Pending {
    pub events: Vec<Event>,
    /// Actions begun and not closed: a crash fell between the journal and this file.
    pub intents: Vec<Intent>,
    /// Lines that are not events (damaged, or from a newer warta): kept, never sent.
    pub unreadable: Vec<String>,
}

impl Outbox {
    pub fn in_dir(data_dir: &Path) -> Outbox {
        Outbox {
            path: data_dir.join(OUTBOX_FILE),
            lock: Arc::default(),
        }
    }

    fn guard(&self) -> MutexGuard<'_, ()> {
        // A panic elsewhere while holding it leaves the file as consistent as before.
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `events` durably (fsync'd before returning).
    pub fn append(&self, events: &[Event]) -> io::Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::new();
        for e in events {
            serde_json::to_writer(&mut buf, e)?;
            buf.push(b'\n');
        }
        self.write_durably(&buf)
    }

    /// Records, durably, that an action is about to change the articles in `before` (with
    /// their states now); returns the intent's id for [`Outbox::finish`].
    pub fn begin(&self, analyst: &str, before: Vec<(String, ArticleState)>) -> io::Result<String> {
        let intent = Intent {
            intent: fresh_id(&format!("intent\u{1f}{analyst}")),
            analyst: analyst.to_string(),
            before,
        };
        let mut buf = serde_json::to_vec(&intent)?;
        buf.push(b'\n');
        self.write_durably(&buf)?;
        Ok(intent.intent)
    }

    /// Appends the events of the action `intent` began, and closes it, in one durable write.
    pub fn finish(&self, intent: &str, events: &[Event]) -> io::Result<()> {
        let mut buf = Vec::new();
        for e in events {
            serde_json::to_writer(&mut buf, e)?;
            buf.push(b'\n');
        }
        serde_json::to_writer(
            &mut buf,
            &Done {
                done: intent.to_string(),
            },
        )?;
        buf.push(b'\n');
        self.write_durably(&buf)
    }

    fn write_durably(&self, buf: &[u8]) -> io::Result<()> {
        let _g = self.guard();
        let existed = self.path.exists();
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        f.write_all(buf)?;
        f.sync_data()?;
        if !existed && let Some(dir) = self.path.parent() {
            // A new file's name must be durable too.
            std::fs::File::open(dir)?.sync_all()?;
        }
        Ok(())
    }

    /// Everything queued, oldest first. A missing file is an empty queue.
    pub fn pending(&self) -> io::Result<Pending> {
        let text = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Pending::default()),
            Err(e) => return Err(e),
        };
        let mut p = Pending::default();
        let mut done = HashSet::new();
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.into_iter().enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match parse_line(line) {
                Some(Line::Event(e)) => p.events.push(e),
                Some(Line::Intent(x)) => p.intents.push(x),
                Some(Line::Done(id)) => {
                    done.insert(id);
                }
                // A torn last line was never acknowledged as queued.
                None if i == last => {}
                None => p
                    .unreadable
                    .push(String::from_utf8_lossy(line).into_owned()),
            }
        }
        p.intents.retain(|x| !done.contains(&x.intent));
        Ok(p)
    }

    /// Removes the events whose ids are in `sent`, keeping everything else (including lines
    /// it cannot read) in order.
    pub fn remove(&self, sent: &HashSet<String>) -> io::Result<()> {
        let _g = self.guard();
        let p = self.pending()?;
        let keep: Vec<&Event> = p.events.iter().filter(|e| !sent.contains(&e.id)).collect();
        if keep.is_empty() && p.unreadable.is_empty() && p.intents.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        crate::fsutil::write_atomic(&self.path, &mut |w| {
            for line in &p.unreadable {
                w.write_all(line.as_bytes())?;
                w.write_all(b"\n")?;
            }
            // Closed intents go; open ones stay until recovered or closed.
            for x in &p.intents {
                serde_json::to_writer(&mut *w, x)?;
                w.write_all(b"\n")?;
            }
            for e in &keep {
                serde_json::to_writer(&mut *w, e)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::event::{Action, fresh_id};

    fn ev(n: u32) -> Event {
        Event {
            id: fresh_id(&n.to_string()),
            article: format!("a{n}"),
            analyst: "ana".into(),
            action: Action::Star,
            value: Some("true".into()),
            previous: Some("false".into()),
            at_us: i64::from(n),
        }
    }

    #[test]
    fn queued_events_survive_reopening_and_leave_once_sent() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::in_dir(dir.path());
        ob.append(&[ev(1), ev(2)]).unwrap();
        ob.append(&[ev(3)]).unwrap();
        let again = Outbox::in_dir(dir.path());
        let p = again.pending().unwrap();
        assert_eq!(p.events.len(), 3);
        let sent: HashSet<String> = p.events[..2].iter().map(|e| e.id.clone()).collect();
        again.remove(&sent).unwrap();
        let left = again.pending().unwrap().events;
        assert_eq!(left, vec![p.events[2].clone()]);
        again.remove(&[left[0].id.clone()].into()).unwrap();
        assert!(!again.path().exists());
    }

    #[test]
    fn a_damaged_line_is_kept_and_a_torn_last_line_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::in_dir(dir.path());
        ob.append(&[ev(1)]).unwrap();
        let mut text = std::fs::read_to_string(ob.path()).unwrap();
        text = format!("{{damaged\n{text}{{\"id\":\"tor");
        std::fs::write(ob.path(), text).unwrap();
        let p = ob.pending().unwrap();
        assert_eq!(p.events.len(), 1);
        assert_eq!(p.unreadable, vec!["{damaged".to_string()]);
        ob.remove(&[p.events[0].id.clone()].into()).unwrap();
        assert_eq!(std::fs::read_to_string(ob.path()).unwrap(), "{damaged\n");
    }
}
