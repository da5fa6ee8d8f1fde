//! Schools and firms named with a town: where the name is someone's affiliation, a
//! standing in a ranking or a firm's, the town is not where the news happens.

use super::words::{REPORTED, Words};

/// Heads of a school's proper name (`Universitas Jember`, `Institut Teknologi Bandung`,
/// `Politeknik Negeri Semarang`).
const SCHOOL_HEADS: &[&str] = &[
    "universitas",
    "institut",
    "politeknik",
    "akademi",
    // State Islamic universities and colleges (`UIN Sunan Ampel Surabaya`, `STIE X`).
    "uin",
    "iain",
    "stain",
    "stie",
    "stikes",
    "stkip",
    "stmik",
];

/// Heads of a school's name below a university's (`SMAN 1 X`, `MAN 2 Kota X`, `MTs Negeri
/// 1 X`): news of a pupil there, or of a list of schools, is usually the town's, so only a
/// ranking makes them a school's standing rather than the place.
const LOWER_SCHOOL_HEADS: &[&str] = &[
    "sma", "sman", "smk", "smkn", "smp", "smpn", "sd", "sdn", "man", "mts", "mtsn", "madrasah",
];

/// Words of a ranking around a school's name (`peringkat Universitas X`, `MAN 2 X menjadi
/// sekolah terbaik`, `juara ketiga Nama SMK X`): the school's standing, not news from its
/// town.
const RANKING: &[&str] = &[
    "juara",
    "finalis",
    "peringkat",
    "ranking",
    "pemeringkatan",
    "terbaik",
    "teratas",
    "daftar",
];

/// People whose affiliation a school's name after them is, even without a head word
/// (`mahasiswa Sunan Ampel Surabaya`, `dosen Brawijaya Malang`).
const STUDENTS: &[&str] = &[
    "mahasiswa",
    "mahasiswi",
    "dosen",
    "rektor",
    "alumni",
    "alumnus",
    "lulusan",
];

/// Words before [`STUDENTS`] that make them a body of students (`asrama mahasiswa`,
/// `Himpunan Mahasiswa`, `korps alumni`), whose branch or home is its town's.
const STUDENT_BODIES: &[&str] = &[
    "asrama",
    "himpunan",
    "perhimpunan",
    "aliansi",
    "gerakan",
    "ikatan",
    "persatuan",
    "kesatuan",
    "forum",
    "front",
    "korps",
    "keluarga",
    "serikat",
    "senat",
    "badan",
    "dewan",
    "komite",
    "solidaritas",
    "organisasi",
];

/// Whether `w` heads a school's name, at university level or below.
fn school_head(w: &str) -> bool {
    SCHOOL_HEADS.contains(&w) || LOWER_SCHOOL_HEADS.contains(&w)
}

/// Whether word `i` reads as a university's or institute's initials (`ITB`, `UGM`, `UNS`):
/// two to six capitals starting with U or I, not a roman numeral with a class letter (`Rutan
/// Kelas IIB`). Only counted where [`school_affiliation`] also finds a member, a ranking or
/// a list around it.
fn school_initials(words: &Words, i: usize) -> bool {
    words.upper.get(i) == Some(&true)
        && words.get(i).is_some_and(|w| {
            let numeral = w
                .trim_end_matches(['a', 'b'])
                .bytes()
                .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l'));
            (2..=6).contains(&w.len()) && matches!(w.as_bytes()[0], b'u' | b'i') && !numeral
        })
}

/// Words before a school's name that place something there (`di Universitas Jember`,
/// `kampus Institut X`).
const AT_SCHOOL: &[&str] = &["di", "ke", "kampus", "dalam", "lingkungan", "gedung"];

/// Words before a school's name that make it someone's affiliation (`dosen Universitas
/// Jember`, `guru besar Fakultas Hukum Universitas X`, `ilmuwan dari Institut X`): the
/// person speaks or acts anywhere. The school's own news (`Institut X menemukan ...`,
/// `wisuda Universitas X`) stays its town's.
const MEMBER_OF_SCHOOL: &[&str] = &[
    "dosen",
    "rektor",
    "dekan",
    "guru",
    "besar",
    "mahasiswa",
    "mahasiswi",
    "alumni",
    "alumnus",
    "lulusan",
    "peneliti",
    "pengamat",
    "ahli",
    "pakar",
    "profesor",
    "akademisi",
    "pengajar",
    "ilmuwan",
    "analis",
    "fakultas",
    "almamater",
    "dari",
    // Study there, past or present (`kuliah di ITB Bandung`, `studi di Institut X`).
    "kuliah",
    "studi",
    "belajar",
    "sarjana",
    // Its work or partnership, which happen anywhere (`mobil buatan ITS Surabaya`).
    "buatan",
    "karya",
    "menggandeng",
    "bermitra",
    "mitra",
];

/// Whether a word of `list` stands up to four words before `head`, in the same phrase (`di
/// gedung rektorat Universitas X`, `dekan fakultas hukum Universitas X`).
fn said_before(words: &Words, head: usize, list: &[&str]) -> bool {
    let mut i = head;
    for _ in 0..4 {
        if words.apart.get(i) != Some(&false) {
            return false;
        }
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        // `di atas Institut X` ranks it above, it is not there.
        let above = words.get(prev) == Some("di")
            && matches!(words.get(prev + 1), Some("atas" | "bawah" | "antara"));
        if !above && words.get(prev).is_some_and(|w| list.contains(&w)) {
            return true;
        }
        i = prev;
    }
    false
}

/// Whether the name at `at`, `len` words long, ends a school's name given as someone's
/// affiliation (`dosen Universitas Jember Nurul`) or in a list of schools (`Politeknik
/// Negeri Semarang, Politeknik Negeri Madiun`), not where the news happens. Up to five
/// more capitalised words or numerals may stand between the head and the place (`Institut
/// Pertanian Bogor`, `Universitas 17 Agustus 1945 (Untag) Surabaya`).
pub(super) fn school_affiliation(words: &Words, at: usize, len: usize) -> bool {
    // `Universitas X Bandung, Minggu (15/9)`: where something was said or held.
    if words.get(at + len).is_some_and(|w| REPORTED.contains(&w)) {
        return false;
    }
    let mut i = at;
    for _ in 0..6 {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        // `Universitas 17 Agustus 1945 (Untag) Surabaya`.
        let numeral = words
            .get(prev)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        // `mahasiswa Sunan Ampel Surabaya`: a person's school without its head word, at
        // least one capitalised word between.
        if words.get(prev).is_some_and(|w| STUDENTS.contains(&w)) {
            // `asrama mahasiswa Papua Surabaya`, `Himpunan Mahasiswa Islam X`: a body of
            // students, named with its town, there. A headline capitalises every word.
            let body = prev
                .checked_sub(1)
                .and_then(|b| words.get(b))
                .is_some_and(|w| STUDENT_BODIES.contains(&w));
            return prev + 1 < at
                && words.apart.get(prev + 1) == Some(&false)
                && !body
                && !words.title_case();
        }
        if words.capitalised.get(prev) != Some(&true) && !numeral {
            return false;
        }
        let head = words.get(prev).unwrap_or("");
        // Initials after the school's full name (`Universitas Sebelas Maret (UNS) Solo`) are
        // part of it: the full name's head decides.
        let repeated = !school_head(head)
            && (prev.saturating_sub(5)..prev).any(|k| words.get(k).is_some_and(school_head));
        // `Sekolah Tinggi Transportasi Darat X`: a college (a `Pengadilan Tinggi` is a court).
        let college =
            head == "tinggi" && prev.checked_sub(1).and_then(|k| words.get(k)) == Some("sekolah");
        if school_head(head) || college || (school_initials(words, prev) && !repeated) {
            // Another school's head a few words after the place or before this one, or a
            // ranking around it.
            let listed = (at + len..at + len + 5)
                .chain(prev.saturating_sub(4)..prev)
                .any(|k| words.get(k).is_some_and(school_head));
            let ranked = (prev.saturating_sub(4)..at + len + 5)
                .any(|k| words.get(k).is_some_and(|w| RANKING.contains(&w)));
            // A list of schools closed or visited is news from their towns.
            if LOWER_SCHOOL_HEADS.contains(&head) {
                return ranked;
            }
            // `dosen di Universitas X` is a post there, not news from there.
            let post = prev
                .checked_sub(2)
                .and_then(|k| words.get(k))
                .is_some_and(|w| MEMBER_OF_SCHOOL.contains(&w))
                && prev.checked_sub(1).and_then(|k| words.get(k)) == Some("di");
            return (post || !said_before(words, prev, AT_SCHOOL))
                && (listed || ranked || said_before(words, prev, MEMBER_OF_SCHOOL));
        }
        i = prev;
    }
    false
}

/// Heads of a company's or a publisher's name, which may end with a town (`PT Multimas
/// Nabati Asahan`, `penerbit Pustaka Jaya Bandung`): the firm works and sells anywhere.
const FIRM_HEADS: &[&str] = &["pt", "cv", "penerbit", "percetakan"];

/// Whether the name at `at`, `len` words long, ends a firm's name: a head of
/// [`FIRM_HEADS`] before it and only capitalised words between (up to four), in one phrase.
/// `PT X Bandung, Senin` is where something was said.
pub(super) fn ends_a_firm(words: &Words, at: usize, len: usize) -> bool {
    if words.get(at + len).is_some_and(|w| REPORTED.contains(&w)) {
        return false;
    }
    let mut i = at;
    for _ in 0..5 {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        if words.apart.get(i) != Some(&false) {
            return false;
        }
        if words.get(prev).is_some_and(|w| FIRM_HEADS.contains(&w)) {
            return true;
        }
        if words.capitalised.get(prev) != Some(&true) {
            return false;
        }
        i = prev;
    }
    false
}
