//! Writing a root's headline snapshot (the layout is in the parent module's docs), and the
//! list of young files every check stats.

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::*;
use crate::corpus::{Corpus, date_key};
use crate::model::{Format, Meta, PARSER_VERSION};

/// Writes the snapshot of `root` (canonical) to `root_dir`: `walk` and `folders` are a walk
/// of the root made before `corpus` was loaded from it, so that a file changed in between
/// differs from the snapshot at the next check; `key` is the text index's article key.
/// Stats every file again to list the young ones (see [`Check`]): one changed since the
/// walk is among them, so that the next check sees it. Writes nothing (and removes an older
/// snapshot) when a file's name could not be cached or its time is unknown, or an article's
/// file is not in the walk: such roots are always loaded in full.
pub fn write(
    root_dir: &Path,
    root: &Path,
    folders: &[FolderStamp],
    walk: &[Stamp<'_>],
    corpus: &Corpus,
    key: &(dyn Fn(&Meta) -> u64 + Sync),
) -> io::Result<()> {
    let path = root_dir.join(FILE);
    let settled = settled(walk, SystemTime::now());
    match encode(root, folders, walk, &settled, corpus, key) {
        None => remove(&path),
        Some((line, payload)) => {
            std::fs::create_dir_all(root_dir)?;
            crate::fsutil::write_atomic(&path, &mut |w| {
                w.write_all(&line)?;
                w.write_all(b"\n")?;
                w.write_all(&payload)
            })
        }
    }
}

#[derive(Default)]
struct Pool(Vec<u8>);

impl Pool {
    fn add(&mut self, s: &str, nul: bool) -> Option<[u8; 8]> {
        let off = u32::try_from(self.0.len()).ok()?;
        let len = u32::try_from(s.len()).ok().filter(|&l| l != NONE)?;
        self.0.extend_from_slice(s.as_bytes());
        if nul {
            self.0.push(0);
        }
        let mut out = [0; 8];
        out[..4].copy_from_slice(&off.to_le_bytes());
        out[4..].copy_from_slice(&len.to_le_bytes());
        Some(out)
    }
}

/// A name the snapshot can hold: UTF-8, shown as is, without NUL.
fn plain(s: &str) -> Option<&str> {
    let shown = matches!(crate::text::escape_path(s), std::borrow::Cow::Borrowed(_));
    (shown && !s.contains('\0')).then_some(s)
}

/// For each walked file, whether a check by folders may leave it alone: a regular file (not
/// a link) with the walk's size and modification time, modified more than [`YOUNG`] before
/// `now`.
fn settled(walk: &[Stamp<'_>], now: SystemTime) -> Vec<bool> {
    use rustix::fs::FileType;
    let before = ns_since_epoch(now.checked_sub(YOUNG).unwrap_or(UNIX_EPOCH));
    walk.par_iter()
        .map(|&(path, size, mtime)| {
            rustix::fs::lstat(path).is_ok_and(|st| {
                let m = times_of(&st).0;
                FileType::from_raw_mode(st.st_mode) == FileType::RegularFile
                    && st.st_size.max(0) as u64 == size
                    && i128::from(m) == mtime
                    && m < before
            })
        })
        .collect()
}

fn encode(
    root: &Path,
    folders: &[FolderStamp],
    walk: &[Stamp<'_>],
    settled: &[bool],
    corpus: &Corpus,
    key: &(dyn Fn(&Meta) -> u64 + Sync),
) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut pool = Pool::default();
    let mut dirs = Vec::with_capacity(folders.len() * DIR_REC);
    let mut dir_at: HashMap<&str, u32> = HashMap::with_capacity(folders.len());
    for (i, f) in folders.iter().enumerate() {
        let p = plain(f.path.to_str()?)?;
        dir_at.insert(p, u32::try_from(i).ok()?);
        dirs.extend_from_slice(&pool.add(p, false)?);
        dirs.extend_from_slice(&f.dev.to_le_bytes());
        dirs.extend_from_slice(&f.ino.to_le_bytes());
        let (m, c) = f.times.unwrap_or((0, 0));
        dirs.extend_from_slice(&m.to_le_bytes());
        dirs.extend_from_slice(&c.to_le_bytes());
        dirs.extend_from_slice(&1u32.to_le_bytes());
    }
    let mut files = Vec::with_capacity(walk.len() * FILE_REC);
    let mut file_at: HashMap<&str, u32> = HashMap::with_capacity(walk.len());
    let mut young: Vec<u32> = Vec::new();
    for (i, &(path, size, mtime_ns)) in walk.iter().enumerate() {
        let p = plain(path.to_str()?)?;
        let slash = p.rfind('/')?;
        let dir = match dir_at.get(&p[..slash]) {
            Some(&d) => d,
            // A file named as the root: its folder is not the corpus, only its handle.
            None => {
                let d = u32::try_from(dirs.len() / DIR_REC).ok()?;
                dir_at.insert(&p[..slash], d);
                dirs.extend_from_slice(&pool.add(&p[..slash], false)?);
                dirs.extend_from_slice(&[0; 32]);
                dirs.extend_from_slice(&0u32.to_le_bytes());
                d
            }
        };
        let mtime = i64::try_from(mtime_ns).ok().filter(|&t| t != 0)?;
        let n = u32::try_from(i).ok()?;
        // A folder past the walked ones is not checked: its files are always stat'ed.
        if !settled.get(i).copied().unwrap_or(false) || dir as usize >= folders.len() {
            young.push(n);
        }
        file_at.insert(p, n);
        files.extend_from_slice(&dir.to_le_bytes());
        files.extend_from_slice(&pool.add(&p[slash + 1..], true)?);
        files.extend_from_slice(&size.to_le_bytes());
        files.extend_from_slice(&mtime.to_le_bytes());
    }
    let ranks = corpus.newest_rank();
    let mut articles = Vec::with_capacity(corpus.len() * ART_REC);
    let mut keys = Vec::with_capacity(corpus.len());
    let mut sources = std::collections::HashSet::new();
    for (i, m) in corpus.metas().iter().enumerate() {
        let file = *file_at.get(m.source_path.as_str())?;
        sources.insert(file);
        let n = u32::try_from(i).ok()?;
        keys.push((key(m), n));
        articles.extend_from_slice(&ranks.get(i)?.to_le_bytes());
        articles.extend_from_slice(&date_key(m.published).to_le_bytes());
        articles.extend_from_slice(&file.to_le_bytes());
        articles.extend_from_slice(&m.record.map_or(NO_RECORD, |r| r as u64).to_le_bytes());
        articles.extend_from_slice(&pool.add(&m.id, false)?);
        articles.extend_from_slice(&pool.add(&m.title, false)?);
        match &m.outlet {
            Some(o) => articles.extend_from_slice(&pool.add(o, false)?),
            None => {
                articles.extend_from_slice(&0u32.to_le_bytes());
                articles.extend_from_slice(&NONE.to_le_bytes());
            }
        }
        articles.push(match m.format {
            Format::Txt => 0,
            Format::Json => 1,
            Format::Jsonl => 2,
            Format::Csv => 3,
        });
        articles.push(u8::from(m.title_derived));
        articles.extend_from_slice(
            &m.published_time
                .unwrap_or(crate::cache::codec::NO_TIME)
                .to_le_bytes(),
        );
    }
    keys.sort_unstable();
    let payload_dirs = dirs.len() / DIR_REC;
    let mut payload = dirs;
    payload.extend_from_slice(&files);
    payload.extend_from_slice(&articles);
    for (k, n) in keys {
        payload.extend_from_slice(&k.to_le_bytes());
        payload.extend_from_slice(&n.to_le_bytes());
    }
    for n in &young {
        payload.extend_from_slice(&n.to_le_bytes());
    }
    payload.extend_from_slice(&pool.0);
    let header = Header {
        format: FORMAT,
        parser: PARSER_VERSION,
        root: root.to_string_lossy().into_owned(),
        dirs: payload_dirs,
        files: walk.len(),
        articles: corpus.len(),
        sources: sources.len(),
        young: young.len(),
        pool: pool.0.len(),
        hash: xxhash_rust::xxh3::xxh3_64(&payload),
    };
    let line = serde_json::to_vec(&header).ok()?;
    Some((line, payload))
}

fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
