//! This machine's copy of the team's view, kept in the cache directory so that opening a
//! team does not read the server's whole state each time.
//!
//! Reading 50k states from the server is most of what a team adds to opening a corpus
//! (about 100 ms of the server's and the client's time on the benchmark machine, against a
//! budget of 100 ms for everything). The log is append-only and the view is a fold of it
//! with a rule that ignores arrival order, so a view saved at log position *n* plus the
//! events after *n* (and those that arrived shortly before it was saved, which a long
//! transaction may have committed late: see [`super::sql::RECENT_US`]) is the view of now.
//!
//! Nothing here is trusted without the server's word ([`Team::view_from`]):
//! - the event at the saved position must still be the saved one, which tells this log
//!   from one made again (a dropped and re-initialised team restarts its positions);
//! - after catching up, the view must have exactly as many cells as the server's state
//!   has rows.
//!
//! Either failing, or a file that is cut short, damaged or from another version, means a
//! full read, which then saves the file again. The file is a cache: it is written to a
//! temporary name and renamed (a reader sees the old file or the new, never half), is
//! readable by its owner only (it holds the team's notes), and losing it costs one full
//! read.
//!
//! [`Team::view_from`]: super::Team::view_from

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::sql::Head;
use super::view::{Mode, TeamView};

const MAGIC: &[u8; 12] = b"warta-team\0\0";
const VERSION: u32 = 1;
/// Magic, version, payload length, payload hash.
const HEADER: usize = 12 + 4 + 8 + 8;

/// Where one team's view is kept: `<cache>/team/<hash of the server and database>.bin`.
#[derive(Debug, Clone)]
pub struct Replica {
    path: PathBuf,
}

/// A saved view and where the log stood when it was saved.
pub struct Saved {
    pub view: TeamView,
    pub head: Head,
}

impl Replica {
    /// The copy of the team at `shown_url` (its URL with any password already removed, as
    /// [`super::TeamConfig::shown`] gives it) in `cache_dir`.
    pub fn in_cache(cache_dir: &Path, shown_url: &str) -> Replica {
        let key = xxhash_rust::xxh3::xxh3_64(shown_url.as_bytes());
        Replica {
            path: cache_dir.join("team").join(format!("{key:016x}.bin")),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved view, as `me` opens it in `mode`; `None` when there is none or it cannot
    /// be used (cut short, damaged, another version).
    pub fn load(&self, mode: Mode, me: &str) -> Option<Saved> {
        let bytes = std::fs::read(&self.path).ok()?;
        let header = bytes.get(..HEADER)?;
        if &header[..12] != MAGIC || u32::from_le_bytes(header[12..16].try_into().ok()?) != VERSION
        {
            return None;
        }
        let len = u64::from_le_bytes(header[16..24].try_into().ok()?);
        let hash = u64::from_le_bytes(header[24..32].try_into().ok()?);
        let payload = &bytes[HEADER..];
        if payload.len() as u64 != len || xxhash_rust::xxh3::xxh3_64(payload) != hash {
            return None;
        }
        let (head, view) = payload.split_at_checked(HEAD_LEN)?;
        let seq = i64::from_le_bytes(head[..8].try_into().ok()?);
        let now_us = i64::from_le_bytes(head[8..16].try_into().ok()?);
        let id_len = u32::from_le_bytes(head[16..20].try_into().ok()?) as usize;
        let (last_event, view) = match id_len {
            NO_EVENT => (None, view),
            n => {
                let (id, rest) = view.split_at_checked(n)?;
                (Some(std::str::from_utf8(id).ok()?.to_string()), rest)
            }
        };
        let view = TeamView::decode(view, mode, me, seq)?;
        Some(Saved {
            view,
            head: Head {
                seq,
                last_event,
                now_us,
            },
        })
    }

    /// Saves `view`, read when the log stood at `head`.
    pub fn save(&self, view: &TeamView, head: &Head) -> io::Result<()> {
        let mut payload = Vec::with_capacity(64 + view.len() * 64);
        payload.extend_from_slice(&head.seq.to_le_bytes());
        payload.extend_from_slice(&head.now_us.to_le_bytes());
        match &head.last_event {
            Some(id) => {
                let len = u32::try_from(id.len())
                    .ok()
                    .filter(|&n| n as usize != NO_EVENT)
                    .ok_or_else(|| io::Error::other("an event id too long to keep"))?;
                payload.extend_from_slice(&len.to_le_bytes());
                payload.extend_from_slice(id.as_bytes());
            }
            None => payload.extend_from_slice(&(NO_EVENT as u32).to_le_bytes()),
        }
        view.encode(&mut payload);
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let dir = self
            .path
            .parent()
            .ok_or_else(|| io::Error::other("no folder for the team's copy"))?;
        std::fs::create_dir_all(dir)?;
        // A name of this process's own, so two processes saving at once each rename a
        // whole file.
        let tmp = dir.join(format!(
            ".{}.{}.tmp",
            self.path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            std::process::id()
        ));
        let written = (|| {
            let mut f = owner_only().open(&tmp)?;
            f.write_all(&bytes)?;
            std::fs::rename(&tmp, &self.path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

/// The saved position and time, and the length of the last event's id.
const HEAD_LEN: usize = 8 + 8 + 4;
/// The id length that says the log was empty.
const NO_EVENT: usize = u32::MAX as usize;

fn owner_only() -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// How many events a catch-up may apply before the copy is saved again: reading them costs
/// a few microseconds each, saving 50k states some tens of milliseconds.
pub const RESAVE_AFTER: usize = 2_000;

/// Whether a copy caught up with `events` events is worth saving again.
pub fn worth_saving(events: usize) -> bool {
    events >= RESAVE_AFTER
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::event::{Action, Event};
    use crate::team::view::put_str;
    use crate::triage::Decision;

    fn ev(id: &str, analyst: &str, article: &str, action: Action, value: &str) -> Event {
        Event {
            id: id.into(),
            article: article.into(),
            analyst: analyst.into(),
            action,
            value: Some(value.into()),
            previous: None,
            at_us: 1_000,
        }
    }

    fn sample() -> TeamView {
        let mut v = TeamView::new(Mode::Shared, "ana");
        let events = [
            ev("e1", "ana", "a1", Action::Decision, "relevant"),
            ev("e2", "budi", "a1", Action::Decision, "irrelevant"),
            ev("e3", "budi", "a2", Action::LabelAdd, "banjir"),
            ev(
                "e4",
                "cici",
                "a2",
                Action::Note,
                "tab\there\nand 'quotes'; DROP TABLE x",
            ),
            ev("e5", "ana", "a3", Action::Star, "true"),
        ];
        for (i, e) in events.iter().enumerate() {
            v.apply(i as i64 + 1, e);
        }
        v
    }

    fn head() -> Head {
        Head {
            seq: 5,
            last_event: Some("e5".into()),
            now_us: 77,
        }
    }

    #[test]
    fn a_saved_view_loads_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let r = Replica::in_cache(dir.path(), "postgres://ana@host/team");
        let v = sample();
        r.save(&v, &head()).unwrap();
        let saved = r.load(Mode::Independent, "budi").unwrap();
        assert_eq!(saved.head, head());
        let w = saved.view;
        assert_eq!(
            (w.mode, w.me.as_str(), w.seq),
            (Mode::Independent, "budi", 5)
        );
        assert_eq!(w.cells_len(), v.cells_len());
        for a in ["a1", "a2", "a3", "a4"] {
            assert_eq!(w.shared_state(a), v.shared_state(a));
            assert_eq!(w.verdicts(a), v.verdicts(a));
            for who in ["ana", "budi", "cici"] {
                assert_eq!(w.state_of(a, who), v.state_of(a, who));
            }
        }
        assert_eq!(w.state_of("a1", "budi").decision, Decision::Irrelevant);
        // The loaded view goes on following the log like the one it was saved from.
        let mut w = w;
        assert!(w.apply(6, &ev("e6", "budi", "a3", Action::Decision, "maybe")));
        assert_eq!(w.state_of("a3", "budi").decision, Decision::Maybe);
    }

    #[test]
    fn an_empty_log_and_an_empty_view_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let r = Replica::in_cache(dir.path(), "postgres://x/y");
        let empty = Head {
            seq: 0,
            last_event: None,
            now_us: 1,
        };
        r.save(&TeamView::new(Mode::Shared, "ana"), &empty).unwrap();
        let saved = r.load(Mode::Shared, "ana").unwrap();
        assert_eq!(saved.head, empty);
        assert!(saved.view.is_empty());
    }

    #[test]
    fn a_damaged_short_or_foreign_copy_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let r = Replica::in_cache(dir.path(), "postgres://ana@host/team");
        assert!(r.load(Mode::Shared, "ana").is_none(), "no copy yet");
        r.save(&sample(), &head()).unwrap();
        let good = std::fs::read(r.path()).unwrap();
        let mut cases: Vec<(&str, Vec<u8>)> = vec![
            ("cut short", good[..good.len() - 3].to_vec()),
            ("only the header", good[..HEADER].to_vec()),
            ("empty", Vec::new()),
        ];
        for at in [HEADER + 2, good.len() / 2, good.len() - 1] {
            let mut b = good.clone();
            b[at] ^= 0x40;
            cases.push(("a flipped byte", b));
        }
        let mut other_version = good.clone();
        other_version[12] = 99;
        cases.push(("another version", other_version));
        for (what, bytes) in cases {
            std::fs::write(r.path(), &bytes).unwrap();
            assert!(r.load(Mode::Shared, "ana").is_none(), "{what} was used");
        }
        std::fs::write(r.path(), &good).unwrap();
        assert!(r.load(Mode::Shared, "ana").is_some());
    }

    /// A copy of one article with one cell, whose names hold `names` entries each: the
    /// cell refers to the first of each.
    fn one_cell_copy(names: u32) -> Vec<u8> {
        let mut payload = Vec::new();
        payload.extend_from_slice(&1i64.to_le_bytes());
        payload.extend_from_slice(&0i64.to_le_bytes());
        payload.extend_from_slice(&(NO_EVENT as u32).to_le_bytes());
        for name in ["budi", "decision", "maybe"] {
            payload.extend_from_slice(&names.to_le_bytes());
            for _ in 0..names {
                put_str(&mut payload, name);
            }
        }
        payload.extend_from_slice(&1u32.to_le_bytes());
        put_str(&mut payload, "a1");
        payload.extend_from_slice(&1u32.to_le_bytes());
        for n in [0u32, 0, 0] {
            payload.extend_from_slice(&n.to_le_bytes());
        }
        payload.extend_from_slice(&5i64.to_le_bytes());
        put_str(&mut payload, "e1");
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        bytes
    }

    #[test]
    fn a_copy_that_passes_its_hash_but_names_nothing_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let r = Replica::in_cache(dir.path(), "postgres://x/y");
        std::fs::create_dir_all(r.path().parent().unwrap()).unwrap();
        std::fs::write(r.path(), one_cell_copy(1)).unwrap();
        let v = r.load(Mode::Shared, "ana").unwrap().view;
        assert_eq!(v.state_of("a1", "budi").decision, Decision::Maybe);
        // The same cell with no names to refer to: a bug's copy, not a disk's.
        std::fs::write(r.path(), one_cell_copy(0)).unwrap();
        assert!(r.load(Mode::Shared, "ana").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn only_its_owner_can_read_the_copy() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let r = Replica::in_cache(dir.path(), "postgres://x/y");
        r.save(&sample(), &head()).unwrap();
        let mode = std::fs::metadata(r.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
        let leftovers: Vec<_> = std::fs::read_dir(r.path().parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn teams_on_other_servers_or_databases_keep_other_copies() {
        let dir = tempfile::tempdir().unwrap();
        let a = Replica::in_cache(dir.path(), "postgres://ana@host/team");
        let b = Replica::in_cache(dir.path(), "postgres://ana@host/other");
        assert_ne!(a.path(), b.path());
    }
}
