//! Deterministic generator of large seed-style corpora for scale tests and benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --count 100000 --out DIR [--seed 1] [--format txt|jsonl|both]
//! ```
//!
//! Writes `DIR/txt/NNNN/NNNNNN.txt` (at most 1,000 files per folder) in the styles of the bundled
//! seeds (`data/*.txt`) and/or `DIR/corpus.jsonl` with the same articles. Article `i` depends only
//! on `seed + i` and the vocabulary, so a larger run starts with a smaller run's articles and
//! the output is byte-identical across runs and machines.
//!
//! The vocabulary comes from the seeds (words and short fragments, which are in the repository
//! anyway), synthetic Indonesian-like words, and — when `../shared/corpora` (or `--shared DIR`)
//! exists — the word frequencies of those corpora. Only single words are taken from them,
//! Zipf-sampled by rank; their sentences are never reproduced. Because that vocabulary changes the
//! text, the summary says which sources were used; `--no-shared` gives the built-in one only.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

const SEEDS: [&str; 5] = [
    include_str!("../data/000_4c0f888a8b7f48f0.txt"),
    include_str!("../data/001_2701c3b0c1794c03.txt"),
    include_str!("../data/002_e1615265fd42e33b.txt"),
    include_str!("../data/003_750af5ede4df2d6f.txt"),
    include_str!("../data/004_2693d6224899cf9b.txt"),
];

const FILES_PER_DIR: usize = 1000;
/// Articles generated per parallel batch: bounds memory (the JSONL of a batch is held until it is
/// appended in order) while giving rayon enough work.
const BATCH: usize = 8 * FILES_PER_DIR;
/// How many corpus words enter the Zipf vocabulary; beyond this the tail is typos and names.
const SHARED_VOCAB: usize = 30_000;

// ---------------------------------------------------------------------------------------------
// PRNG

/// splitmix64: tiny, fast, and identical on every platform, unlike `rand`'s defaults.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn for_article(seed: u64, index: u64) -> Self {
        // Hash (seed, index) into the state: a plain `seed + index * step` start would make
        // article i's stream article 0's shifted by i draws, since splitmix steps the same way.
        let a = Rng(seed).next();
        Rng(Rng(a ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93)).next())
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the multiply-shift bias is irrelevant at these sizes.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

// ---------------------------------------------------------------------------------------------
// Built-in lists

struct Outlet {
    name: &'static str,
    domain: &'static str,
    /// Dateline style, see `dateline`.
    style: u8,
}

const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "Tribunsumsel.com",
        domain: "tribunsumsel.com",
        style: 0,
    },
    Outlet {
        name: "Tribunnews.com",
        domain: "tribunnews.com",
        style: 0,
    },
    Outlet {
        name: "TribunJateng.com",
        domain: "jateng.tribunnews.com",
        style: 0,
    },
    Outlet {
        name: "Kompas.com",
        domain: "kompas.com",
        style: 1,
    },
    Outlet {
        name: "Sumeks.co",
        domain: "sumeks.co",
        style: 1,
    },
    Outlet {
        name: "Tempo.co",
        domain: "tempo.co",
        style: 1,
    },
    Outlet {
        name: "Detik.com",
        domain: "detik.com",
        style: 4,
    },
    Outlet {
        name: "Okezone.com",
        domain: "okezone.com",
        style: 0,
    },
    Outlet {
        name: "Sindonews.com",
        domain: "sindonews.com",
        style: 0,
    },
    Outlet {
        name: "Liputan6.com",
        domain: "liputan6.com",
        style: 0,
    },
    Outlet {
        name: "Republika.co.id",
        domain: "republika.co.id",
        style: 0,
    },
    Outlet {
        name: "Merdeka.com",
        domain: "merdeka.com",
        style: 0,
    },
    Outlet {
        name: "Suara.com",
        domain: "suara.com",
        style: 1,
    },
    Outlet {
        name: "Jpnn.com",
        domain: "jpnn.com",
        style: 0,
    },
    Outlet {
        name: "Antaranews.com",
        domain: "antaranews.com",
        style: 1,
    },
    Outlet {
        name: "Kumparan.com",
        domain: "kumparan.com",
        style: 4,
    },
    Outlet {
        name: "PAB",
        domain: "pab-online.com",
        style: 2,
    },
    Outlet {
        name: "MS",
        domain: "metrosiantar.com",
        style: 2,
    },
    Outlet {
        name: "BN",
        domain: "beritanasional.id",
        style: 2,
    },
    Outlet {
        name: "RRI",
        domain: "rri.co.id",
        style: 2,
    },
    Outlet {
        name: "Infoku",
        domain: "infoku.id",
        style: 3,
    },
    Outlet {
        name: "Radar Lampung",
        domain: "radarlampung.co.id",
        style: 3,
    },
    Outlet {
        name: "Pos Kupang",
        domain: "poskupang.com",
        style: 3,
    },
    Outlet {
        name: "Harian Jogja",
        domain: "harianjogja.com",
        style: 3,
    },
    Outlet {
        name: "Kabar Banten",
        domain: "kabarbanten.com",
        style: 3,
    },
    Outlet {
        name: "Grow Media",
        domain: "growmedia.id",
        style: 4,
    },
    Outlet {
        name: "Berita Satu",
        domain: "beritasatu.com",
        style: 4,
    },
    Outlet {
        name: "Radar Bogor",
        domain: "radarbogor.id",
        style: 3,
    },
    Outlet {
        name: "Sripoku.com",
        domain: "palembang.tribunnews.com",
        style: 0,
    },
    Outlet {
        name: "Jawapos.com",
        domain: "jawapos.com",
        style: 1,
    },
    Outlet {
        name: "Viva.co.id",
        domain: "viva.co.id",
        style: 1,
    },
    Outlet {
        name: "Kabar Sumbar",
        domain: "kabarsumbar.com",
        style: 3,
    },
    Outlet {
        name: "Times Indonesia",
        domain: "timesindonesia.co.id",
        style: 4,
    },
    Outlet {
        name: "Medan Pos",
        domain: "medanpos.com",
        style: 3,
    },
    Outlet {
        name: "Borneo News",
        domain: "borneonews.co.id",
        style: 4,
    },
];

const CITIES: &[&str] = &[
    "Jakarta",
    "Bandung",
    "Surabaya",
    "Medan",
    "Semarang",
    "Makassar",
    "Palembang",
    "Yogyakarta",
    "Denpasar",
    "Malang",
    "Bogor",
    "Depok",
    "Bekasi",
    "Tangerang",
    "Serang",
    "Padang",
    "Pekanbaru",
    "Batam",
    "Jambi",
    "Bengkulu",
    "Pontianak",
    "Banjarmasin",
    "Samarinda",
    "Balikpapan",
    "Manado",
    "Kendari",
    "Palu",
    "Gorontalo",
    "Ambon",
    "Jayapura",
    "Kupang",
    "Mataram",
    "Lubuklinggau",
    "Kayuagung",
    "Simalungun",
    "Blora",
    "Muratara",
    "Prabumulih",
    "Lahat",
    "Pati",
    "Kudus",
    "Jepara",
    "Garut",
    "Cianjur",
    "Sukabumi",
    "Banyuwangi",
    "Jember",
    "Kediri",
    "Madiun",
    "Tasikmalaya",
    "Cirebon",
    "Sleman",
    "Bantul",
    "Klaten",
    "Magelang",
];

const FIRST_NAMES: &[&str] = &[
    "Eko", "Slamet", "Devi", "Junaidi", "Asmar", "Arief", "Sri", "Ratu", "Jamiah", "Nova", "Budi",
    "Siti", "Agus", "Dewi", "Rudi", "Yuni", "Hendra", "Rina", "Andi", "Wahyu", "Fitri", "Bambang",
    "Indah", "Joko", "Ayu", "Teguh", "Lestari", "Rahmat", "Nurul", "Dedi", "Putri", "Hadi", "Ani",
    "Imam", "Wulan", "Fajar", "Ratna", "Yusuf", "Mega", "Irfan", "Esron",
];

const LAST_NAMES: &[&str] = &[
    "Hepronis",
    "Teguh",
    "Wiranti",
    "Wijaya",
    "Rohman",
    "Setyorini",
    "Hariyanti",
    "Sinaga",
    "Santoso",
    "Saputra",
    "Lubis",
    "Nasution",
    "Siregar",
    "Pratama",
    "Hidayat",
    "Kurniawan",
    "Purnomo",
    "Susanto",
    "Harahap",
    "Simanjuntak",
    "Wibowo",
    "Gunawan",
    "Setiawan",
    "Nugroho",
    "Hasibuan",
    "Rahayu",
    "Permana",
    "Syahputra",
    "Fauzi",
    "Maulana",
    "Pohan",
    "Tambunan",
];

const ROLES: &[&str] = &[
    "Bupati",
    "Wakil Bupati",
    "Wali Kota",
    "Sekda",
    "Kepala BKPSDM",
    "Kabag Prokopim",
    "Ketua DPRD",
    "Kepala Dinas Kominfo",
    "Inspektur",
    "Camat",
    "Pj Bupati",
    "Kapolres",
    "Kepala Bappeda",
    "Anggota DPRD",
];

const ACRONYMS: &[&str] = &[
    "ASN", "PNS", "OPD", "Pemkab", "Pemkot", "DPRD", "KPK", "BKPSDM", "PPPK", "Pemprov", "Kominfo",
    "Bawaslu", "KPU", "APBD", "TPP",
];

const TOPIC_WORDS: &[&str] = &[
    "viral",
    "medsos",
    "media sosial",
    "pelayanan publik",
    "presiden",
    "bupati",
    "wali kota",
    "tiktok",
    "instagram",
    "netralitas",
    "pilkada",
    "korupsi",
    "banjir",
    "anggaran",
    "honorer",
    "disiplin",
    "sanksi",
    "klarifikasi",
    "unjuk rasa",
    "jalan rusak",
    "inflasi",
    "bansos",
];

const SMALL_WORDS: &[&str] = &["di", "ke", "dari", "dan", "yang", "untuk", "dengan", "soal"];

const WEEKDAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const SAY_VERBS: &[&str] = &[
    "ujar", "kata", "ungkap", "tegas", "jelas", "imbuh", "terang", "sebut", "tutur",
];
const SAY_SUFFIXED: &[&str] = &[
    "ujarnya",
    "katanya",
    "ungkapnya",
    "tegasnya",
    "jelasnya",
    "imbuhnya",
    "terangnya",
    "pungkasnya",
    "ucapnya",
];

const SYL_ONSET: &[&str] = &[
    "b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "ny", "",
];
const SYL_VOWEL: &[&str] = &["a", "a", "i", "u", "e", "o", "ai", "au"];
const SYL_CODA: &[&str] = &["", "", "", "n", "ng", "k", "r", "t", "s", "h", "l"];
const PREFIXES: &[&str] = &[
    "me", "mem", "men", "meng", "ber", "di", "ter", "pe", "pen", "ke",
];
const SUFFIXES: &[&str] = &["kan", "an", "nya", "i", "lah"];

const FOOTERS: &[&str] = &[
    "Baca berita {o} lainnya di Google News",
    "Ikuti dan bergabung dalam saluran whatsapp {o}",
    "Cek Berita dan Artikel yang lain di Google News",
    "Rekomendasi untuk Anda",
    "Ikuti kami di",
    "Berita Terkini",
    "Berita Lainnya",
    "Index",
    "0 Komentar",
    "Post a Comment",
    "Sumber: {o}",
    "All Right Reserved",
    "Simak berita menarik lainnya di {o}",
];

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct Vocab {
    /// Words with Zipf cumulative weights (`cum[i]` is the total weight of words `0..=i`).
    words: Vec<String>,
    cum: Vec<f64>,
    /// Short comma-separated fragments of the bundled seeds.
    fragments: Vec<String>,
    /// Seed headlines' capitalised words, used as title material.
    title_words: Vec<String>,
    cities: Vec<String>,
    sources: Vec<String>,
}

fn is_word(w: &str) -> bool {
    let n = w.chars().count();
    (2..=18).contains(&n)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.starts_with('-')
        && !w.ends_with('-')
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || "\"“”'‘’()*.,;:!?/[]{}|@#".contains(c))
        .filter(|w| is_word(w))
        .map(str::to_lowercase)
}

fn synthetic_word(rng: &mut Rng) -> String {
    let mut w = String::new();
    if rng.chance(45) {
        w.push_str(rng.pick::<&str>(PREFIXES));
    }
    for _ in 0..rng.range(2, 3) {
        w.push_str(rng.pick::<&str>(SYL_ONSET));
        w.push_str(rng.pick::<&str>(SYL_VOWEL));
        w.push_str(rng.pick::<&str>(SYL_CODA));
    }
    if rng.chance(40) {
        w.push_str(rng.pick::<&str>(SUFFIXES));
    }
    w
}

/// Word counts of one JSONL corpus's titles and bodies. Counting per line in parallel and merging
/// into a `BTreeMap` keeps the result independent of thread scheduling.
fn count_jsonl(path: &Path) -> Result<BTreeMap<String, u64>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let merged = lines
        .par_chunks(512)
        .map(|chunk| {
            let mut m: BTreeMap<String, u64> = BTreeMap::new();
            for line in chunk {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                for field in ["title", "body"] {
                    if let Some(s) = v.get(field).and_then(|x| x.as_str()) {
                        for w in words_of(s) {
                            *m.entry(w).or_insert(0) += 1;
                        }
                    }
                }
            }
            m
        })
        .reduce(BTreeMap::new, |mut a, b| {
            for (k, v) in b {
                *a.entry(k).or_insert(0) += v;
            }
            a
        });
    Ok(merged)
}

fn regency_names(path: &Path) -> Option<Vec<String>> {
    let text = fs::read_to_string(path).ok()?;
    let mut names: Vec<String> = text
        .lines()
        .filter_map(|l| l.split(',').nth(2))
        .map(|n| {
            let n = n.trim().trim_matches('"');
            let n = n
                .strip_prefix("KABUPATEN ")
                .or_else(|| n.strip_prefix("KOTA "))
                .unwrap_or(n);
            title_case(n)
        })
        .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 3 && n.len() <= 24)
        .collect();
    names.sort();
    names.dedup();
    (names.len() >= 50).then_some(names)
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn build_vocab(shared: Option<&Path>) -> Result<Vocab> {
    let mut sources = vec!["bundled seeds".to_string(), "synthetic words".to_string()];
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for seed in SEEDS {
        for w in words_of(seed) {
            // Seed words get a large count so the bundled style shows through the corpus mix.
            *counts.entry(w).or_insert(0) += 200;
        }
    }
    let mut cities: Vec<String> = CITIES.iter().map(|s| s.to_string()).collect();
    if let Some(dir) = shared {
        for name in ["detik2025.jsonl", "clickid2019.jsonl"] {
            let p = dir.join("corpora").join(name);
            if p.is_file() {
                for (w, c) in count_jsonl(&p)? {
                    *counts.entry(w).or_insert(0) += c;
                }
                sources.push(format!("word frequencies of {}", p.display()));
            }
        }
        if let Some(names) = regency_names(&dir.join("gazetteer").join("regencies.csv")) {
            sources.push(format!("{} regency names", names.len()));
            cities.extend(names);
            cities.sort();
            cities.dedup();
        }
    }
    let mut ranked: Vec<(String, u64)> = counts.into_iter().collect();
    // Ties broken by the word itself so the order never depends on the map.
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(SHARED_VOCAB);
    let mut words: Vec<String> = ranked.into_iter().map(|(w, _)| w).collect();
    // Synthetic words fill the tail, interleaved so some of them are reasonably frequent.
    let mut rng = Rng::for_article(0x5EED, 0);
    let synth: Vec<String> = (0..4000).map(|_| synthetic_word(&mut rng)).collect();
    let mut mixed = Vec::with_capacity(words.len() + synth.len());
    let mut s = synth.into_iter();
    for (i, w) in words.drain(..).enumerate() {
        mixed.push(w);
        if i >= 300
            && i % 16 == 0
            && let Some(x) = s.next()
        {
            mixed.push(x);
        }
    }
    mixed.extend(s);
    let mut cum = Vec::with_capacity(mixed.len());
    let mut total = 0.0;
    for r in 0..mixed.len() {
        total += 1.0 / (r as f64 + 2.7);
        cum.push(total);
    }

    let mut fragments = Vec::new();
    let mut title_words = Vec::new();
    for seed in SEEDS {
        for line in seed.lines() {
            let line = line.trim();
            if line.len() < 40 || line.starts_with("Baca") || line.starts_with("BACA") {
                continue;
            }
            for frag in line.split([',', '.', '"', '“', '”']) {
                let n = frag.split_whitespace().count();
                if (3..=9).contains(&n)
                    && !frag.contains(['©', '@', '*', '/', '(', ')'])
                    && !frag.contains(|c: char| c.is_ascii_digit())
                {
                    fragments.push(frag.trim().to_lowercase());
                }
            }
        }
        if let Some(first) = seed.lines().next() {
            title_words.extend(
                first
                    .split_whitespace()
                    .filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 2)
                    .map(str::to_string),
            );
        }
    }
    fragments.sort();
    fragments.dedup();
    title_words.sort();
    title_words.dedup();
    Ok(Vocab {
        words: mixed,
        cum,
        fragments,
        title_words,
        cities,
        sources,
    })
}

impl Vocab {
    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cum.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self
            .cum
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// Days since 1970-01-01 to (year, month, day); Howard Hinnant's civil_from_days.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[derive(Clone, Copy)]
struct Day {
    y: i64,
    m: u32,
    d: u32,
    /// 0 = Monday.
    wd: usize,
}

impl Day {
    fn from_days(days: i64) -> Day {
        let (y, m, d) = civil(days);
        // 1970-01-01 was a Thursday.
        let wd = (days + 3).rem_euclid(7) as usize;
        Day { y, m, d, wd }
    }
    fn weekday(&self) -> &'static str {
        WEEKDAYS[self.wd]
    }
    /// `Rabu (10/4/2024)`
    fn numeric(&self) -> String {
        format!("{} ({}/{}/{})", self.weekday(), self.d, self.m, self.y)
    }
    /// `19 Juni 2024`
    fn long(&self) -> String {
        format!("{} {} {}", self.d, MONTHS[self.m as usize - 1], self.y)
    }
}

/// 2019-01-01 .. 2025-12-31 as days since the epoch.
const FIRST_DAY: i64 = 17_897;
const LAST_DAY: i64 = 20_453;

// ---------------------------------------------------------------------------------------------
// Articles

struct Article {
    txt: String,
    title: String,
    body: String,
    date_iso: String,
    source: String,
    url: String,
    author: String,
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn headline(rng: &mut Rng, v: &Vocab, city: &str) -> String {
    let target = rng.range(60, 100);
    let mut t = String::new();
    let mut n = 0;
    while t.len() < target {
        let w: String = match rng.below(12) {
            0 | 1 => rng.pick(ACRONYMS).to_string(),
            2 => rng.pick(&v.title_words).clone(),
            3 => title_case(rng.pick::<&str>(TOPIC_WORDS)),
            4 if n > 0 => rng.pick(SMALL_WORDS).to_string(),
            5 if n > 1 => format!("di {city}"),
            6 => title_case(rng.pick::<&str>(ROLES)),
            _ => {
                let w = v.word(rng);
                if SMALL_WORDS.contains(&w) {
                    w.to_string()
                } else {
                    capitalize(w)
                }
            }
        };
        if !t.is_empty() && t.len() + 1 + w.len() > 100 {
            break;
        }
        if !t.is_empty() {
            t.push(' ');
        }
        t.push_str(&w);
        n += 1;
    }
    // Too-long first picks can leave a short title; pad with short acronyms.
    while t.len() < 60 {
        t.push(' ');
        t.push_str(rng.pick::<&str>(&ACRONYMS[..7]));
    }
    t
}

fn sentence(rng: &mut Rng, v: &Vocab, words: (usize, usize)) -> String {
    let words = rng.range(words.0, words.1);
    let mut s = String::new();
    let mut n = 0;
    while n < words {
        if !s.is_empty() {
            s.push(if rng.chance(6) { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
        }
        match rng.below(20) {
            0 => {
                let f = rng.pick(&v.fragments);
                s.push_str(f);
                n += f.split_whitespace().count();
            }
            1 => {
                s.push_str(rng.pick::<&str>(ACRONYMS));
                n += 1;
            }
            2 => {
                s.push_str(rng.pick::<&str>(TOPIC_WORDS));
                n += 1;
            }
            _ => {
                s.push_str(v.word(rng));
                n += 1;
            }
        }
    }
    let mut s = capitalize(&s);
    s.push('.');
    s
}

fn quote(rng: &mut Rng, v: &Vocab, speaker: &str, when: Option<&Day>) -> String {
    let mut inner = sentence(rng, v, (8, 22));
    inner.pop();
    let (open, close) = if rng.chance(50) {
        ('"', '"')
    } else {
        ('“', '”')
    };
    match (rng.below(3), when) {
        (0, Some(d)) => format!(
            "{open}{inner},{close} {} {speaker} saat dikonfirmasi, {}.",
            rng.pick(SAY_VERBS),
            d.numeric()
        ),
        (1, _) => format!("{open}{inner},{close} {}.", rng.pick(SAY_SUFFIXED)),
        _ => format!("{open}{inner},{close} {} {speaker}.", rng.pick(SAY_VERBS)),
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// The dateline prefix of the lead, or a line of its own for the `CITY, (ABC)---` style.
fn dateline(o: &Outlet, city: &str) -> (String, bool) {
    let c = city.to_uppercase();
    match o.style {
        0 => (format!("{}, {c} - ", o.name.to_uppercase()), false),
        1 => (format!("{c}, {} - ", o.name.to_uppercase()), false),
        2 => (format!("{c}, ({})---", o.name), true),
        3 => (format!("{}, {c} - ", o.name.to_uppercase()), false),
        _ => (format!("{} - ", o.name.to_uppercase()), false),
    }
}

fn article(seed: u64, index: u64, v: &Vocab) -> Article {
    let rng = &mut Rng::for_article(seed, index);
    let outlet = &OUTLETS[rng.below(OUTLETS.len())];
    let city = rng.pick(&v.cities).clone();
    let day_n = FIRST_DAY + rng.below((LAST_DAY - FIRST_DAY + 1) as usize) as i64;
    let day = Day::from_days(day_n);
    let earlier = Day::from_days((day_n - rng.range(1, 20) as i64).max(FIRST_DAY));
    let author = person(rng);
    let editor = person(rng);
    let title = headline(rng, v, &city);
    let blank_sep = rng.chance(60);
    let sep = if blank_sep { "\n\n" } else { "\n" };

    // Body paragraphs, lead first.
    let mut paras: Vec<String> = Vec::new();
    let (dl, own_line) = dateline(outlet, &city.replace('-', " "));
    let lead = sentence(rng, v, (18, 32));
    if own_line {
        paras.push(dl);
        paras.push(lead);
    } else {
        paras.push(format!("{dl}{lead}"));
    }
    let speaker = format!("{} {}", rng.pick(ROLES), person(rng));
    let short = speaker
        .split_whitespace()
        .last()
        .unwrap_or("dia")
        .to_string();
    let when = if rng.chance(50) {
        day.numeric()
    } else {
        format!("{} {}", day.weekday(), day.long())
    };
    paras.push(format!(
        "Hal tersebut disampaikan {speaker} di {city}, {when}. {}",
        sentence(rng, v, (10, 20))
    ));
    if rng.chance(35) {
        paras.push(format!(
            "Sebelumnya, pada {} lalu, {}",
            if rng.chance(50) {
                earlier.long()
            } else {
                earlier.numeric()
            },
            sentence(rng, v, (12, 24)).to_lowercase()
        ));
    }
    let target = rng.range(2400, 3600);
    let mut size: usize = paras.iter().map(String::len).sum();
    let baca = rng.below(4);
    let baca_style = rng.below(3);
    let mut baca_done = 0;
    while size < target {
        let p = match rng.below(10) {
            0..=2 => {
                let dated = rng.chance(30);
                quote(rng, v, &short, dated.then_some(&day))
            }
            3 if baca_done < baca => {
                baca_done += 1;
                let other = rng.pick(&v.cities).clone();
                let h = headline(rng, v, &other);
                match baca_style {
                    0 => format!("Baca juga: {h}"),
                    1 => format!("BACA JUGA:{h}"),
                    _ => format!("Baca juga : {h}"),
                }
            }
            _ => {
                let k = rng.range(1, 3);
                (0..k)
                    .map(|_| sentence(rng, v, (10, 24)))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        size += p.len() + 1;
        paras.push(p);
    }
    if rng.chance(30) {
        let initials: String = (0..2)
            .map(|_| (b'A' + rng.below(26) as u8) as char)
            .collect();
        if let Some(last) = paras.last_mut() {
            let _ = write!(last, " ({initials}/Red)");
        }
    }
    let body = paras.join("\n\n");

    // The file: header, body, footer.
    let mut txt = String::with_capacity(size + 512);
    match rng.below(20) {
        0..=2 => {
            // Seed 000: a truncated title, then the full one and a summary line.
            let cut = title
                .char_indices()
                .filter(|&(i, c)| c == ' ' && i >= 20)
                .map(|(i, _)| i)
                .next()
                .unwrap_or(title.len());
            let _ = write!(txt, "{}\n\n{title}\n\n", &title[..cut]);
            if let Some(second) = paras.get(1 + usize::from(own_line)) {
                let _ = write!(txt, "{second}\n\n");
            }
        }
        3..=4 => {} // Seed 003: no title, the lead is the first line.
        _ => {
            let _ = write!(txt, "{title}{sep}");
        }
    }
    let by_author = rng.below(10);
    match by_author {
        0..=3 => {
            let _ = write!(txt, "Penulis: {author} | Editor: {editor}{sep}");
        }
        4 | 5 => {
            let _ = write!(txt, "Laporan wartawan {}, {author}{sep}", outlet.name);
        }
        _ => {}
    }
    txt.push_str(&paras.join(sep));
    txt.push_str(sep);
    for _ in 0..rng.range(1, 4) {
        txt.push_str(&rng.pick(FOOTERS).replace("{o}", outlet.name));
        txt.push('\n');
    }

    let hour = rng.below(24);
    let minute = rng.below(60);
    Article {
        url: format!(
            "https://{}/berita/d-{}/{}",
            outlet.domain,
            1_000_000 + index,
            slug(&title)
        ),
        txt,
        title,
        body,
        date_iso: format!(
            "{:04}-{:02}-{:02}T{hour:02}:{minute:02}",
            day.y, day.m, day.d
        ),
        source: outlet.domain.to_string(),
        author: if by_author <= 5 {
            author
        } else {
            String::new()
        },
    }
}

// ---------------------------------------------------------------------------------------------
// CLI and output

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Txt,
    Jsonl,
    Both,
}

struct Opts {
    count: usize,
    out: PathBuf,
    seed: u64,
    format: Format,
    shared: Option<PathBuf>,
}

fn parse_args() -> Result<Opts> {
    let mut count = None;
    let mut out = None;
    let mut seed = 1;
    let mut format = Format::Both;
    let mut shared = Some(PathBuf::from("../shared"));
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--count" | "-n" => count = Some(val()?.parse().context("--count")?),
            "--out" | "-o" => out = Some(PathBuf::from(val()?)),
            "--seed" => seed = val()?.parse().context("--seed")?,
            "--format" => {
                format = match val()?.as_str() {
                    "txt" => Format::Txt,
                    "jsonl" => Format::Jsonl,
                    "both" => Format::Both,
                    other => bail!("unknown --format {other} (txt, jsonl or both)"),
                }
            }
            "--shared" => shared = Some(PathBuf::from(val()?)),
            "--no-shared" => shared = None,
            "-h" | "--help" => {
                println!(
                    "gen_corpus --count N --out DIR [--seed S] [--format txt|jsonl|both] \
                     [--shared DIR | --no-shared]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(Opts {
        count: count.context("--count N is required")?,
        out: out.context("--out DIR is required")?,
        seed,
        format,
        shared: shared.filter(|p| p.is_dir()),
    })
}

fn json_line(a: &Article, out: &mut Vec<u8>) -> Result<()> {
    let v = serde_json::json!({
        "title": a.title,
        "body": a.body,
        "date": a.date_iso,
        "source": a.source,
        "url": a.url,
        "author": a.author,
    });
    serde_json::to_writer(&mut *out, &v)?;
    out.push(b'\n');
    Ok(())
}

fn main() -> Result<()> {
    let opts = parse_args()?;
    let start = Instant::now();
    let vocab = build_vocab(opts.shared.as_deref())?;
    println!(
        "vocabulary: {} words from {}",
        vocab.words.len(),
        vocab.sources.join(", ")
    );
    let txt_dir = opts.out.join("txt");
    let want_txt = opts.format != Format::Jsonl;
    let want_jsonl = opts.format != Format::Txt;
    fs::create_dir_all(&opts.out).with_context(|| format!("creating {}", opts.out.display()))?;
    let mut jsonl = if want_jsonl {
        let p = opts.out.join("corpus.jsonl");
        Some(BufWriter::new(
            fs::File::create(&p).with_context(|| format!("creating {}", p.display()))?,
        ))
    } else {
        None
    };
    let mut files = 0usize;
    let mut bytes = 0u64;
    let mut batch_start = 0;
    while batch_start < opts.count {
        let batch_end = (batch_start + BATCH).min(opts.count);
        let dirs: Vec<usize> =
            (batch_start / FILES_PER_DIR..=(batch_end - 1) / FILES_PER_DIR).collect();
        let results: Vec<Result<(Vec<u8>, usize, u64)>> = dirs
            .par_iter()
            .map(|&d| {
                let lo = (d * FILES_PER_DIR).max(batch_start);
                let hi = ((d + 1) * FILES_PER_DIR).min(batch_end);
                let sub = txt_dir.join(format!("{d:04}"));
                if want_txt {
                    fs::create_dir_all(&sub)
                        .with_context(|| format!("creating {}", sub.display()))?;
                }
                let mut js = Vec::new();
                let (mut n, mut b) = (0usize, 0u64);
                for i in lo..hi {
                    let a = article(opts.seed, i as u64, &vocab);
                    if want_txt {
                        let p = sub.join(format!("{i:06}.txt"));
                        fs::write(&p, &a.txt)
                            .with_context(|| format!("writing {}", p.display()))?;
                        n += 1;
                        b += a.txt.len() as u64;
                    }
                    if want_jsonl {
                        json_line(&a, &mut js)?;
                    }
                }
                Ok((js, n, b))
            })
            .collect();
        for r in results {
            let (js, n, b) = r?;
            files += n;
            bytes += b;
            if let Some(w) = jsonl.as_mut() {
                w.write_all(&js)?;
                bytes += js.len() as u64;
            }
        }
        batch_start = batch_end;
    }
    if let Some(mut w) = jsonl {
        w.flush()?;
        files += 1;
    }
    println!(
        "articles: {}  files: {files}  bytes: {bytes} ({:.1} MB)  seconds: {:.2}",
        opts.count,
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_match_known_weekdays() {
        // 2024-04-10 was a Wednesday (seed 001: `Rabu (10/4/2024)`).
        let d = Day::from_days(19_823);
        assert_eq!((d.y, d.m, d.d, d.weekday()), (2024, 4, 10, "Rabu"));
        assert_eq!(Day::from_days(FIRST_DAY).long(), "1 Januari 2019");
        assert_eq!(Day::from_days(LAST_DAY).long(), "31 Desember 2025");
    }

    #[test]
    fn articles_are_deterministic_and_titles_bounded() {
        let v = build_vocab(None).unwrap();
        for i in 0..200 {
            let a = article(7, i, &v);
            let b = article(7, i, &v);
            assert_eq!(a.txt, b.txt);
            assert!((60..=100).contains(&a.title.len()), "{}", a.title);
        }
        assert_ne!(article(7, 0, &v).txt, article(7, 1, &v).txt);
    }
}
