//! The meta file: a header, then the cached entries in checksummed chunks, written and read
//! a group of chunks at a time so neither end holds the whole file.

use super::*;

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Header {
    pub(super) format: u32,
    pub(super) parser: u32,
    pub(super) root: String,
    pub(super) files: usize,
    pub(super) articles: usize,
    /// File name of the body file, inside the same directory.
    pub(super) bodies: String,
    /// How many bytes of the body file this meta file vouches for.
    pub(super) bodies_len: u64,
    #[serde(default)]
    pub(super) generation: u64,
    /// Number of binary chunks after the header line.
    pub(super) chunks: usize,
}

/// One entry to write: a cached file, with its articles' new offsets after a compaction.
pub(super) struct Entry<'a> {
    pub(super) file: &'a CachedFile,
    pub(super) new_at: Option<&'a [u64]>,
}

impl Entry<'_> {
    pub(super) fn encode(&self, e: &mut codec::Enc) {
        let f = self.file;
        let mut articles = f.articles.iter().enumerate().map(|(i, a)| {
            let at = self.new_at.and_then(|v| v.get(i).copied()).unwrap_or(a.at);
            (&a.m, at, a.len, a.h)
        });
        e.file(
            &f.path,
            f.size,
            f.mtime_ns,
            &mut articles,
            &f.skipped,
            &f.notes,
        );
    }
}

/// Writes the meta file: `kept` (with `kept_at`, their articles' new offsets in order, after
/// a compaction) and `fresh`, sorted by path so that a warm start gets them in corpus order,
/// encoded in parallel chunks.
pub(super) fn write_meta(
    dir: &Path,
    mut header: Header,
    kept: &[CachedFile],
    kept_at: Option<&[u64]>,
    fresh: &[CachedFile],
) -> io::Result<()> {
    let mut entries: Vec<Entry<'_>> = Vec::with_capacity(kept.len() + fresh.len());
    let mut next = 0;
    for f in kept {
        let n = f.articles.len();
        let new_at = kept_at.and_then(|v| v.get(next..next + n));
        next += n;
        entries.push(Entry { file: f, new_at });
    }
    entries.extend(fresh.iter().map(|file| Entry { file, new_at: None }));
    entries.par_sort_unstable_by(|a, b| a.file.path.cmp(&b.file.path));
    header.chunks = entries.len().div_ceil(CHUNK_ENTRIES);
    write_atomic(&dir.join(META_FILE), &mut |w| {
        serde_json::to_writer(&mut *w, &header)?;
        w.write_all(b"\n")?;
        // A group of chunks at a time: the encoded file is as big as the metadata's share
        // of the corpus (380 MB at 1M articles), and a cold load writes it last, when it
        // holds the most.
        for group in entries.chunks(CHUNK_ENTRIES * CHUNK_GROUP) {
            let chunks: Vec<(u32, Vec<u8>)> = group
                .par_chunks(CHUNK_ENTRIES)
                .map(|c| {
                    let mut e = codec::Enc::new();
                    for entry in c {
                        entry.encode(&mut e);
                    }
                    (c.len() as u32, e.buf)
                })
                .collect();
            for (n, payload) in &chunks {
                w.write_all(&n.to_le_bytes())?;
                w.write_all(&(payload.len() as u64).to_le_bytes())?;
                w.write_all(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes())?;
                w.write_all(payload)?;
            }
        }
        Ok(())
    })
}

/// Reads the meta file's chunks after its header line, [`CHUNK_GROUP`] at a time, handing
/// each group to `take`; an error when the framing does not add up (truncated, extended,
/// or damaged lengths). `left` is what the file holds after the header, so a damaged
/// length is caught before anything is allocated for it.
pub(super) fn read_chunks(
    r: &mut impl io::Read,
    mut left: u64,
    expected: usize,
    mut take: impl FnMut(Vec<Chunk>) -> Result<(), String>,
) -> Result<(), String> {
    let mut seen = 0;
    let mut group = Vec::with_capacity(CHUNK_GROUP);
    while left > 0 {
        if left < FRAME_BYTES as u64 {
            return Err("truncated chunk header".into());
        }
        let mut frame = [0u8; FRAME_BYTES];
        r.read_exact(&mut frame)
            .map_err(|_| "truncated chunk header".to_string())?;
        left -= FRAME_BYTES as u64;
        let word = |r: std::ops::Range<usize>| {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(&frame[r]);
            u64::from_le_bytes(b)
        };
        let (n, len, hash) = (word(0..4) as u32, word(4..12), word(12..20));
        if len > left {
            return Err("truncated chunk".into());
        }
        let mut payload = vec![0u8; len as usize];
        r.read_exact(&mut payload)
            .map_err(|_| "truncated chunk".to_string())?;
        left -= len;
        seen += 1;
        if seen > expected {
            break;
        }
        group.push((n, payload, hash));
        if group.len() == CHUNK_GROUP {
            take(std::mem::take(&mut group))?;
        }
    }
    if seen != expected {
        return Err(format!("{seen} of {expected} chunks"));
    }
    if !group.is_empty() {
        take(group)?;
    }
    Ok(())
}

pub(super) fn decode_chunk(n: u32, payload: &[u8], hash: u64) -> Result<Vec<CachedFile>, String> {
    if xxhash_rust::xxh3::xxh3_64(payload) != hash {
        return Err("checksum mismatch".into());
    }
    let mut d = codec::Dec::new(payload);
    let files = (0..n).map(|_| d.file()).collect::<Result<Vec<_>, _>>()?;
    if !d.is_empty() {
        return Err("trailing bytes in a chunk".into());
    }
    Ok(files)
}

pub(super) enum ReadError {
    /// No cache yet.
    Absent,
    /// Made by another parser version: re-parse everything, quietly.
    Stale,
    /// Damaged or unrecognisable: rebuild and tell the user once.
    Corrupt(String),
}
