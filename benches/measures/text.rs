//! Text decoding and sanitising over the local corpora.

use std::fs;
use std::time::Instant;

use warta::loader::formats::parse_jsonl;
use warta::text::{decode, decode_raw, is_safe, sanitize};

use crate::corpora;

/// The measurement behind the UTF-8 / Windows-1252 rule in `text::decode`. Every `.txt`
/// article of the local corpora is (a) re-encoded as Windows-1252 and (b) damaged as UTF-8 by
/// 1, 2 or 3 stray or lost bytes; it counts which are read the other way.
pub fn decoding_rule() {
    let root = corpora();
    let mut texts = Vec::new();
    for dir in ["detik2025", "clickid2019"] {
        let Ok(rd) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            if let Ok(t) = fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    if texts.is_empty() {
        eprintln!("note: {} not present; skipping", root.display());
        return;
    }
    let as_1252 = |b: &[u8]| {
        decode(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(b)
                .0
                .as_bytes(),
        )
    };
    let as_utf8 = |b: &[u8]| decode(String::from_utf8_lossy(b).as_bytes());
    // (a) Windows-1252 files: with a non-ASCII byte, how many are taken for UTF-8.
    let (mut cp, mut cp_wrong) = (0, 0);
    for t in &texts {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(t);
        if bytes.is_ascii() || std::str::from_utf8(&bytes).is_ok() {
            continue;
        }
        cp += 1;
        if decode(&bytes) != as_1252(&bytes) {
            cp_wrong += 1;
        }
    }
    eprintln!("Windows-1252: {cp_wrong} of {cp} articles read as UTF-8");
    // (b) UTF-8 files with damage, at positions from a fixed LCG.
    let mut seed: u64 = 7;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    };
    for damage in 1..=3 {
        let (mut n, mut wrong) = (0, 0);
        for t in &texts {
            if t.is_ascii() {
                continue;
            }
            let mut b = t.as_bytes().to_vec();
            for _ in 0..damage {
                if next(2) == 0 {
                    let at = next(b.len());
                    b.insert(at, 0x80 + next(0x80) as u8);
                } else {
                    let tails: Vec<usize> = (0..b.len()).filter(|&i| b[i] & 0xC0 == 0x80).collect();
                    if !tails.is_empty() {
                        b.remove(tails[next(tails.len())]);
                    }
                }
            }
            if std::str::from_utf8(&b).is_ok() {
                continue;
            }
            n += 1;
            if decode(&b) != as_utf8(&b) {
                wrong += 1;
            }
        }
        eprintln!(
            "UTF-8 with {damage} damaged byte(s): {wrong} of {n} articles read as Windows-1252"
        );
    }
}

/// Throughput of decoding, sanitising and JSONL parsing on clickid2019.jsonl.
pub fn throughput() {
    let path = corpora().join("clickid2019.jsonl");
    let Ok(bytes) = fs::read(&path) else {
        eprintln!("note: {} not present; skipping", path.display());
        return;
    };
    let mb = bytes.len() as f64 / 1e6;
    let rate = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        let runs = 5;
        for _ in 0..runs {
            f();
        }
        let secs = t.elapsed().as_secs_f64() / runs as f64;
        eprintln!(
            "{name}: {:.0} MB/s ({:.1} ms for {mb:.1} MB)",
            mb / secs,
            secs * 1e3
        );
    };
    let text = decode(&bytes).unwrap();
    rate("decode (UTF-8)", &mut || {
        std::hint::black_box(decode(&bytes).unwrap());
    });
    rate("sanitize (clean input)", &mut || {
        std::hint::black_box(sanitize(&text));
    });
    let ascii: String = text.chars().filter(char::is_ascii).collect();
    rate("is_safe (ASCII only)", &mut || {
        assert!(std::hint::black_box(is_safe(&ascii)));
    });
    let dirty = text.replace("\n", "\t\n");
    rate("sanitize (a tab per line)", &mut || {
        std::hint::black_box(sanitize(&dirty));
    });
    let latin1: Vec<u8> = bytes
        .iter()
        .map(|&b| if b >= 0x80 { 0xE9 } else { b })
        .collect();
    rate("decode (Windows-1252)", &mut || {
        std::hint::black_box(decode(&latin1).unwrap());
    });
    // As the loader reads JSONL: undecoded escapes, each field sanitised once parsed
    // (sanitised first, one record of the corpus no longer parses).
    let raw = decode_raw(&bytes).unwrap();
    rate("parse_jsonl", &mut || {
        let recs = parse_jsonl(&raw);
        assert_eq!(recs.iter().filter(|r| r.is_ok()).count(), 21_940);
    });
}
