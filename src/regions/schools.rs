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
    // A club's or a school's graduate (`pemain jebolan PB Contoh Bandung`).
    "jebolan",
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

/// Universities' short names written as words (`Unair`, `Unhas Makassar`), which
/// [`school_initials`] misses: like initials, they head a school's name only where a member,
/// a ranking or a list stands around it.
const UNIVERSITY_WORDS: &[&str] = &[
    "unair", "unhas", "unpad", "undip", "unesa", "untag", "unsri", "unsrat", "unand", "unej",
    "unram", "unud", "unila", "unmul", "unimed", "unib", "unpar", "unisba", "unsoed", "unnes",
    "untan", "unpatti", "unsyiah", "undana", "uinsa", "unri", "unja", "unibraw", "umsu", "unsika",
    "unjani", "unitomo", "unisma", "unikom", "unpam", "unsil", "untirta", "unima", "unmas",
    "undiksha", "unhalu", "unimal", "unimus", "unissula", "unsulbar", "unipa", "uncen", "unkhair",
    "unwar",
];

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
    // A partner in a work or a study (`bekerja sama dengan Institut X`, `kolaborasi dengan
    // Universitas X`), a graduate (`jebolan Universitas X`).
    "bekerja",
    "bekerjasama",
    "kerjasama",
    "kolaborasi",
    "berkolaborasi",
    "jebolan",
];

/// Words before `di` that make the school after it someone's post or study rather than
/// where the news happens (`dosen psikologi di UNS`, `mengajar di Fakultas X Universitas
/// Y`, `menempuh pendidikan S2 di Institut X`).
const POST_BEFORE_AT: &[&str] = &[
    "mengajar",
    "bekerja",
    "menjabat",
    "bertugas",
    "pendidikan",
    "menempuh",
    "kuliah",
    "studi",
    "belajar",
    "sekolah",
    "bersekolah",
    "s1",
    "s2",
    "s3",
    "doktor",
    "magister",
    "doktoral",
];

/// What the nearest telling word before a school's name says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Something happens there (`di`, `kampus`).
    At,
    /// Someone's affiliation, study or partner ([`MEMBER_OF_SCHOOL`]), or a post there
    /// (`dosen psikologi di`).
    Member,
}

/// The nearest word of [`AT_SCHOOL`] or [`MEMBER_OF_SCHOOL`] up to four words before `head`,
/// in the same phrase: the nearest decides (`lulusan pertanian dari Universitas X` is a
/// degree from there, `dosen yang hadir di Universitas X` a visit). `Fakultas` is part of the
/// name: a faculty's member unless a word before it places something there (`pusat kajian
/// Fakultas Hukum Universitas X`, `seminar di Fakultas Hukum Universitas X`). `Di` after a
/// word of a post or study (`dosen psikologi di`, `mengajar di`) is that post.
fn cue_before(words: &Words, head: usize) -> Option<Cue> {
    let mut i = head;
    let mut faculty = false;
    let fallback = |faculty: bool| faculty.then_some(Cue::Member);
    for _ in 0..4 {
        // A point ends the sentence the cue would be in, or an abbreviation (`Prof.`), which
        // names a member anyway.
        if words.apart.get(i) != Some(&false) || words.point.get(i) == Some(&true) {
            return fallback(faculty);
        }
        let Some(prev) = i.checked_sub(1) else {
            return fallback(faculty);
        };
        let w = words.get(prev).unwrap_or("");
        // `di atas Institut X` ranks it above, it is not there.
        let above = w == "di" && matches!(words.get(prev + 1), Some("atas" | "bawah" | "antara"));
        if w == "fakultas" {
            faculty = true;
        } else if !above && AT_SCHOOL.contains(&w) {
            let post = w == "di"
                && (prev.saturating_sub(2)..prev).any(|k| {
                    words.apart.get(k + 1) == Some(&false)
                        && words.get(k).is_some_and(|p| {
                            POST_BEFORE_AT.contains(&p)
                                || (p != "dari" && MEMBER_OF_SCHOOL.contains(&p))
                        })
                });
            return Some(if post { Cue::Member } else { Cue::At });
        } else if !above && MEMBER_OF_SCHOOL.contains(&w) {
            return Some(Cue::Member);
        }
        i = prev;
    }
    fallback(faculty)
}

/// Whether the word at `next`, after a school's name, makes the name where something was said
/// or held: a day (`Universitas X Bandung, Senin`), or `pada` and a day or a date (`pada
/// Senin`, `pada 15/9`), in the same sentence. A year is a past event (`lulus dari
/// Universitas X Surabaya pada 2001`, `pada tahun 2001`); after a point the word begins the
/// next sentence (`... Universitas X Pontianak. Pada Pilpres 2019`).
fn reported_after(words: &Words, next: usize) -> bool {
    let Some(w) = words.get(next) else {
        return false;
    };
    if !REPORTED.contains(&w) || words.point.get(next) == Some(&true) {
        return false;
    }
    w != "pada"
        || words.get(next + 1).is_some_and(|d| {
            (d != "pada" && REPORTED.contains(&d))
                || d == "hari"
                || ((1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether another school's head stands in the same sentence within five words after the
/// name ending before `end` or eight before its head at `head`: a list of schools (`UII
/// Yogyakarta, dan UIN Sunan Ampel Surabaya`, a full name and its initials between them).
fn listed_with_schools(words: &Words, head: usize, end: usize) -> bool {
    let after = (end..end + 5)
        .take_while(|&k| k == end || words.point.get(k) != Some(&true))
        .any(|k| words.get(k).is_some_and(school_head));
    let before = (head.saturating_sub(8)..head)
        .rev()
        .take_while(|&k| words.point.get(k + 1) != Some(&true))
        .any(|k| words.get(k).is_some_and(school_head));
    after || before
}

/// Whether the name at `at`, `len` words long, ends a school's name given as someone's
/// affiliation (`dosen Universitas Jember Nurul`) or in a list of schools (`Politeknik
/// Negeri Semarang, Politeknik Negeri Madiun`), not where the news happens. Up to five
/// more capitalised words or numerals may stand between the head and the place (`Institut
/// Pertanian Bogor`, `Universitas 17 Agustus 1945 (Untag) Surabaya`).
pub(super) fn school_affiliation(words: &Words, at: usize, len: usize) -> bool {
    // `Universitas X Bandung, Minggu (15/9)`: where something was said or held.
    if reported_after(words, at + len) {
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
        if school_head(head)
            || college
            || ((school_initials(words, prev) || UNIVERSITY_WORDS.contains(&head)) && !repeated)
        {
            // Another school's head a few words after the place or before this one, or a
            // ranking around it.
            let listed = listed_with_schools(words, prev, at + len);
            let ranked = (prev.saturating_sub(4)..at + len + 5)
                .any(|k| words.get(k).is_some_and(|w| RANKING.contains(&w)));
            // A list of schools closed or visited is news from their towns.
            if LOWER_SCHOOL_HEADS.contains(&head) {
                return ranked;
            }
            let cue = cue_before(words, prev);
            return cue != Some(Cue::At)
                && (listed
                    || ranked
                    || cue == Some(Cue::Member)
                    || sends_elsewhere(words, prev, at + len));
        }
        i = prev;
    }
    false
}

/// Levels a school's outreach names the regency or city it goes to by (`Kabupaten Tabanan`).
const OUTREACH_KINDS: &[&str] = &["kabupaten", "kab", "kota"];

/// Whether the school whose name begins at `head` and ends before `end` (its town the word
/// before `end`) opens its sentence (alone or after `Tim`) and the sentence, after the name,
/// sends its work (`di`, `ke`) to a place whose regency or city it names by its level, not
/// the school's town (`Universitas X Denpasar menerjunkan 22 mahasiswa ... di Desa Y,
/// Kecamatan Z Kabupaten Tabanan`): the school's own outreach, whose town is the school's
/// and whose news is the place it goes to. A district or a province may be the town's own
/// or hold it.
fn sends_elsewhere(words: &Words, head: usize, end: usize) -> bool {
    let opens = |k: usize| k == 0 || words.point.get(k) == Some(&true);
    let subject =
        opens(head) || (head >= 1 && words.get(head - 1) == Some("tim") && opens(head - 1));
    let town = end.checked_sub(1).and_then(|k| words.get(k));
    let sentence: Vec<usize> = (end..end + 40)
        .take_while(|&k| k < words.len() && (k == end || words.point.get(k) != Some(&true)))
        .collect();
    let sent = sentence
        .iter()
        .position(|&k| matches!(words.get(k), Some("di" | "ke")));
    subject
        && sent.is_some_and(|from| {
            sentence[from..].iter().any(|&j| {
                words.capitalised.get(j) == Some(&true)
                    && words.get(j).is_some_and(|w| OUTREACH_KINDS.contains(&w))
                    && words.capitalised.get(j + 1) == Some(&true)
                    && words.get(j + 1).is_some_and(|w| Some(w) != town)
            })
        })
}

/// Whether the name at `at` ends a university's or an institute's name (`Institut
/// Teknologi Bandung`, `Unhas Makassar`): a head and only capitalised words up to it.
pub(super) fn ends_a_school(words: &Words, at: usize) -> bool {
    head_before(words, at, SCHOOL_HEADS).is_some()
        || head_before(words, at, UNIVERSITY_WORDS).is_some()
}

/// Heads of a company's or a publisher's name, which may end with a town (`PT Multimas
/// Nabati Asahan`, `penerbit Pustaka Jaya Bandung`): the firm works and sells anywhere.
const FIRM_HEADS: &[&str] = &["pt", "cv", "penerbit", "percetakan"];

/// Whether the name at `at`, `len` words long, ends a firm's name: a head of
/// [`FIRM_HEADS`] before it and only capitalised words between (up to four), in one phrase.
/// `PT X Bandung, Senin` is where something was said. A head, then `Kepala` and an office's
/// word, is a slip for `Plt` (acting head: `Pt Kepala BBMKG Wilayah IV Makassar`), the
/// office's seat ([`super::salience::seat_word`]); no firm is named `PT Kepala …`.
pub(super) fn ends_a_firm(words: &Words, at: usize, len: usize) -> bool {
    !words.get(at + len).is_some_and(|w| REPORTED.contains(&w))
        && head_before(words, at, FIRM_HEADS).is_some_and(|head| {
            !(words.get(head + 1) == Some("kepala")
                && super::salience::seat_word(words, at).is_some())
        })
}

/// The word of `heads` that begins the name ending with the place at `at`: up to five words
/// back, in one phrase, every word after it capitalised (`PT Multimas Nabati Asahan`).
fn head_before(words: &Words, at: usize, heads: &[&str]) -> Option<usize> {
    let mut i = at;
    for _ in 0..5 {
        let prev = i.checked_sub(1)?;
        if words.apart.get(i) != Some(&false) {
            return None;
        }
        if words.get(prev).is_some_and(|w| heads.contains(&w)) {
            return Some(prev);
        }
        if words.capitalised.get(prev) != Some(&true) {
            return None;
        }
        i = prev;
    }
    None
}

/// Heads of an office's, a body's or a branch's name that may end with its town (`LBH
/// Medan`, `Kantor Bea Cukai Semarang`, `RS Contoh Bandung`): named in a list of such bodies
/// (a coalition, award winners, partners) the town is the body's, not where the news happens.
/// Police, courts, prosecutors and local agencies are left out: their lists report each
/// region's own figures (`Polres Serang 2.078 pelanggar, Polres Pandeglang 1.472`).
const BODY_HEADS: &[&str] = &[
    "lbh",
    "kantor",
    "rs",
    "rsud",
    "rsup",
    "rsia",
    "pb",
    "yayasan",
    "lembaga",
    "bank",
    "pt",
    "cv",
    "komunitas",
    "forum",
    "persatuan",
    "ikatan",
    "perkumpulan",
    "walhi",
];

/// Whether word `k` begins a named body or school, after a comma or a list's `dan`/`serta`
/// (`..., LBH Medan, LBH Padang dan Kantor X`).
fn body_listed_at(words: &Words, k: usize) -> bool {
    let Some(w) = words.get(k) else {
        return false;
    };
    let after_list = words.comma.get(k) == Some(&true)
        || k.checked_sub(1)
            .and_then(|b| words.get(b))
            .is_some_and(|b| matches!(b, "dan" | "serta"));
    after_list
        && words.capitalised.get(k) == Some(&true)
        && (BODY_HEADS.contains(&w) || school_head(w) || school_initials(words, k))
}

/// Whether the name at `at`, `len` words long, ends a body's name (a head of [`BODY_HEADS`]
/// or a school's and up to four capitalised words before it) listed with two more such bodies
/// in its sentence, each after a comma or `dan`: `LBH Contoh Medan, YLBHI, LBH Padang dan
/// Walhi Riau`. A body that something happens at (`di Kantor X Semarang`) or where something
/// was said (`..., Senin`) stays.
pub(super) fn listed_body(words: &Words, at: usize, len: usize) -> bool {
    if reported_after(words, at + len) {
        return false;
    }
    // The body's head is capitalised like its name (`Kantor`, not a `kantor` of it).
    let Some(head) =
        head_before(words, at, BODY_HEADS).filter(|&h| words.capitalised.get(h) == Some(&true))
    else {
        return false;
    };
    if cue_before(words, head) == Some(Cue::At) {
        return false;
    }
    let start = (head.saturating_sub(30)..head)
        .rev()
        .take_while(|&k| words.point.get(k + 1) != Some(&true))
        .last()
        .unwrap_or(head);
    let end = (at + len..at + len + 30)
        .take_while(|&k| k == at + len || words.point.get(k) != Some(&true))
        .last()
        .unwrap_or(at + len);
    let others = (start..=end)
        .filter(|&k| k != head && body_listed_at(words, k))
        .count();
    others >= 2
}
