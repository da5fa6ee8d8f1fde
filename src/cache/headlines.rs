//! The headline snapshot of a root: what `warta search` and `warta list` rank, filter and
//! print for the queries that need no more (each article's id, title, outlet, date, file and
//! record), with the path, size and modification time of every file the root's walk found.
//!
//! A command that loaded the root without a problem writes it ([`write()`]). A later command
//! walks the root exactly as a load does and compares the walk with the snapshot's files
//! ([`Headlines::matches`]): the same files with the same sizes and times is the very test a
//! load applies before it trusts its cache, so an answer built from the snapshot is the one
//! the full load would give, and any difference (a file edited in place, added, removed)
//! sends the command down the full load. What the snapshot saves is decoding every field of
//! every article from `meta.bin` (ten strings an article, ~0.3 s of CPU at 100k articles):
//! it is read with four strings an article.
//!
//! ```text
//! <cache_dir>/v2/<root hash>/headlines.bin
//!     a JSON header line (format, parser version, root, counts, xxh3-64 of the rest),
//!     then the files in walk order and the articles in corpus order
//! ```

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::codec::{Dec, Enc};
use crate::corpus::{BodySource, Corpus};
use crate::model::{Body, Date, Format, Meta, PARSER_VERSION};

const FILE: &str = "headlines.bin";
/// Bumped with any change of the layout below (2: a date's time of day).
const FORMAT: u32 = 2;
/// A date without a time of day.
const NO_TIME: u16 = u16::MAX;
/// Far above a million articles' headlines (~150 MB); a bigger file is not one of ours.
const MAX_BYTES: u64 = 1 << 30;

#[derive(Serialize, Deserialize, PartialEq, Eq, Debug)]
struct Header {
    format: u32,
    parser: u32,
    root: String,
    files: usize,
    articles: usize,
    /// xxh3-64 of everything after the header line.
    hash: u64,
}

/// A walked file: its path, size and modification time (ns since the epoch, 0 unknown).
pub type Stamp<'a> = (&'a Path, u64, i128);

/// A root's headline snapshot as read from disk, checked but not decoded.
pub struct Headlines {
    bytes: Vec<u8>,
    payload: usize,
    files: usize,
    articles: usize,
}

/// A snapshot's corpus has no bodies: the commands that use it answer word terms from the
/// text index only, and give up on the snapshot when the index cannot answer.
struct NoBodies;

impl BodySource for NoBodies {
    fn body(&self, _index: usize) -> Result<Body, String> {
        Err("not loaded from the headline snapshot".into())
    }
}

impl Headlines {
    /// The snapshot of `root` (canonical) in `root_dir`, when there is one of this format,
    /// parser and root, and intact.
    pub fn read(root_dir: &Path, root: &Path) -> Option<Headlines> {
        let bytes = crate::safe_read::read_own_file(&root_dir.join(FILE), MAX_BYTES).ok()?;
        let line = memchr::memchr(b'\n', &bytes)?;
        let header: Header = serde_json::from_slice(&bytes[..line]).ok()?;
        let payload = line + 1;
        let ok = header.format == FORMAT
            && header.parser == PARSER_VERSION
            && header.root == root.to_string_lossy()
            && header.hash == xxhash_rust::xxh3::xxh3_64(&bytes[payload..]);
        ok.then_some(Headlines {
            payload,
            files: header.files,
            articles: header.articles,
            bytes,
        })
    }

    /// Whether `walk` (a walk of the root as a load makes it: each file's path, size and
    /// modification time, in walk order) found exactly the files of the snapshot, each
    /// with the same size and time.
    pub fn matches<'a>(&self, walk: impl ExactSizeIterator<Item = Stamp<'a>>) -> bool {
        if walk.len() != self.files {
            return false;
        }
        let mut d = Dec::new(&self.bytes[self.payload..]);
        walk.into_iter().all(|(p, s, t)| {
            let Ok((path, size, mtime_ns)) = file(&mut d) else {
                return false;
            };
            // An unknown time cannot prove a file unchanged (as for the cache).
            mtime_ns != 0 && s == size && t == mtime_ns && p.to_str() == Some(path)
        })
    }

    /// The snapshot's articles as a corpus without bodies.
    pub fn corpus(&self) -> Option<Corpus> {
        self.decode().ok()
    }

    fn decode(&self) -> Result<Corpus, String> {
        let mut d = Dec::new(&self.bytes[self.payload..]);
        let mut paths: Vec<&str> = Vec::with_capacity(self.files);
        for _ in 0..self.files {
            paths.push(file(&mut d)?.0);
        }
        let mut metas = Vec::with_capacity(self.articles);
        for _ in 0..self.articles {
            let id = d.str()?;
            let title = d.str()?;
            let title_derived = d.flag()?;
            let outlet = d.opt_str()?;
            let (published, published_time) = if d.flag()? {
                let y = d.bytes(2)?;
                let (year, month, day) = (u16::from_le_bytes([y[0], y[1]]), d.byte()?, d.byte()?);
                let date = Date::new(year, month, day).ok_or("bad date")?;
                let t = d.bytes(2)?;
                let time = match u16::from_le_bytes([t[0], t[1]]) {
                    NO_TIME => None,
                    m if m < 24 * 60 => Some(m),
                    _ => return Err("bad time of day".into()),
                };
                (Some(date), time)
            } else {
                (None, None)
            };
            let at = usize::try_from(d.uint()?).map_err(|_| "bad file number")?;
            let source_path = paths.get(at).ok_or("bad file number")?.to_string();
            let record = if d.flag()? {
                Some(usize::try_from(d.uint()?).map_err(|_| "bad record")?)
            } else {
                None
            };
            let format = match d.byte()? {
                0 => Format::Txt,
                1 => Format::Json,
                2 => Format::Jsonl,
                3 => Format::Csv,
                b => return Err(format!("bad format {b}")),
            };
            metas.push(Meta {
                id,
                title,
                title_derived,
                outlet,
                published,
                published_time,
                source_path,
                record,
                format,
                ..Meta::default()
            });
        }
        if !d.is_empty() {
            return Err("trailing bytes".into());
        }
        Ok(Corpus::new(metas, Arc::new(NoBodies)))
    }
}

fn file<'a>(d: &mut Dec<'a>) -> Result<(&'a str, u64, i128), String> {
    let path = d.str_ref()?;
    let size = d.uint()?;
    let t = d.bytes(16)?;
    let mtime_ns = i128::from_le_bytes(t.try_into().map_err(|_| "cut short")?);
    Ok((path, size, mtime_ns))
}

/// Writes the snapshot of `root` (canonical) to `root_dir`: `walk` is a walk of the root made
/// before `corpus` was loaded from it, so that a file changed in between differs from the
/// snapshot at the next walk. Writes nothing (and removes an older snapshot) when a file's
/// name could not be cached or its time is unknown, or an article's file is not in the walk:
/// such roots are always loaded in full.
pub fn write<'a>(
    root_dir: &Path,
    root: &Path,
    walk: impl ExactSizeIterator<Item = Stamp<'a>>,
    corpus: &Corpus,
) -> io::Result<()> {
    let path = root_dir.join(FILE);
    let mut e = Enc::new();
    let files = walk.len();
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(files);
    for (i, (p, size, mtime_ns)) in walk.enumerate() {
        let name = p.to_str().filter(|p| {
            matches!(crate::text::escape_path(p), std::borrow::Cow::Borrowed(_)) && mtime_ns != 0
        });
        let Some(name) = name else {
            return remove(&path);
        };
        at.insert(name, i);
        e.str(name);
        e.uint(size);
        e.buf.extend_from_slice(&mtime_ns.to_le_bytes());
    }
    for m in corpus.metas() {
        let Some(&file) = at.get(m.source_path.as_str()) else {
            return remove(&path);
        };
        e.str(&m.id);
        e.str(&m.title);
        e.buf.push(u8::from(m.title_derived));
        e.opt_str(&m.outlet);
        match m.published {
            None => e.buf.push(0),
            Some(d) => {
                e.buf.push(1);
                e.buf.extend_from_slice(&d.year.to_le_bytes());
                e.buf.push(d.month);
                e.buf.push(d.day);
                e.buf
                    .extend_from_slice(&m.published_time.unwrap_or(NO_TIME).to_le_bytes());
            }
        }
        e.uint(file as u64);
        match m.record {
            None => e.buf.push(0),
            Some(r) => {
                e.buf.push(1);
                e.uint(r as u64);
            }
        }
        e.buf.push(match m.format {
            Format::Txt => 0,
            Format::Json => 1,
            Format::Jsonl => 2,
            Format::Csv => 3,
        });
    }
    let header = Header {
        format: FORMAT,
        parser: PARSER_VERSION,
        root: root.to_string_lossy().into_owned(),
        files,
        articles: corpus.len(),
        hash: xxhash_rust::xxh3::xxh3_64(&e.buf),
    };
    let line = serde_json::to_vec(&header).map_err(io::Error::other)?;
    std::fs::create_dir_all(root_dir)?;
    crate::fsutil::write_atomic(&path, &mut |w| {
        w.write_all(&line)?;
        w.write_all(b"\n")?;
        w.write_all(&e.buf)
    })
}

fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::BodySource;

    fn meta(id: &str, title: &str, path: &str, record: Option<usize>) -> Meta {
        Meta {
            id: id.into(),
            title: title.into(),
            outlet: Some("Kompas.com".into()),
            published: Date::new(2025, 3, 9),
            // Two thirds carry a time of day, which must survive the round trip.
            published_time: (!id.len().is_multiple_of(3)).then_some(id.len() as u16 * 7),
            source_path: path.into(),
            record,
            ..Meta::default()
        }
    }

    struct Empty;
    impl BodySource for Empty {
        fn body(&self, _: usize) -> Result<Body, String> {
            Ok(Body::default())
        }
    }

    #[test]
    fn a_snapshot_answers_only_for_the_same_files_with_the_same_sizes_and_times() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = Path::new("/corpus");
        let (a, b, c) = (
            Path::new("/corpus/a.txt"),
            Path::new("/corpus/b.jsonl"),
            Path::new("/corpus/c.txt"),
        );
        let walk: Vec<Stamp<'_>> = vec![(a, 10, 5), (b, 20, 6)];
        let metas = vec![
            meta("1", "Satu", "/corpus/a.txt", None),
            meta("2", "Dua", "/corpus/b.jsonl", Some(0)),
            meta("3", "Tiga", "/corpus/b.jsonl", Some(1)),
        ];
        let corpus = Corpus::new(metas.clone(), Arc::new(Empty));
        write(dir.path(), root, walk.iter().copied(), &corpus).expect("written");

        let h = Headlines::read(dir.path(), root).expect("read back");
        assert!(h.matches(walk.iter().copied()));
        let back = h.corpus().expect("decoded");
        assert_eq!(back.metas(), &metas[..]);
        assert!(back.body(0).is_err(), "no bodies behind a snapshot");

        // Any difference in the walk is a miss: a time, a size, a file more or less.
        let mut touched = walk.clone();
        touched[1].2 = 7;
        assert!(!h.matches(touched.into_iter()));
        let mut grown = walk.clone();
        grown[0].1 = 11;
        assert!(!h.matches(grown.into_iter()));
        assert!(!h.matches(walk[..1].iter().copied()));
        let mut more = walk.clone();
        more.push((c, 1, 1));
        assert!(!h.matches(more.into_iter()));

        // Another root, or damage, and there is no snapshot.
        assert!(Headlines::read(dir.path(), Path::new("/other")).is_none());
        let file = dir.path().join(FILE);
        let mut bytes = std::fs::read(&file).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).expect("write");
        assert!(Headlines::read(dir.path(), root).is_none());

        // A file with an unknown time cannot be vouched for: no snapshot at all.
        let mut unknown = walk.clone();
        unknown[0].2 = 0;
        write(dir.path(), root, unknown.into_iter(), &corpus).expect("no error");
        assert!(!file.exists());
    }
}
