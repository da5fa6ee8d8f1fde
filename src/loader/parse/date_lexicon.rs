//! The word tables the date reader weighs: weekday and month names, and the words that mark
//! a reporting clause, a citation, today, the past, the future, a span and a correction.
//! Kept apart from the clause checks in `date_words.rs` so each list can be read whole.

pub(super) const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Weekday names as byte strings with their day number (0 = Sunday); `jum’at` carries a UTF-8
/// right single quote.
pub(super) const WEEKDAYS: &[(&[u8], u8)] = &[
    (b"senin", 1),
    (b"selasa", 2),
    (b"rabu", 3),
    (b"kamis", 4),
    (b"jumat", 5),
    (b"jum'at", 5),
    ("jum\u{2019}at".as_bytes(), 5),
    (b"sabtu", 6),
    (b"minggu", 0),
    (b"ahad", 0),
    (b"monday", 1),
    (b"tuesday", 2),
    (b"wednesday", 3),
    (b"thursday", 4),
    (b"friday", 5),
    (b"saturday", 6),
    (b"sunday", 0),
];

/// `kemarin` after a date (`Senin (16/9/2019) kemarin`) makes it the day before the report.
pub(super) const PAST_AFTER: &[&[u8]] = &[b"lalu", b"silam", b"sebelumnya", b"kemarin"];
pub(super) const PAST_BEFORE: &[&[u8]] = &[b"sejak", b"semenjak", b"sebelumnya"];
/// Words opening a sentence that put its date on another day than the report's
/// (`Sebelumnya, Selasa (...)`, `Esoknya, Kamis, ...`, `Keesokan harinya, ...`).
pub(super) const OTHER_DAY_OPENERS: &[&[u8]] = &[
    b"sebelumnya",
    b"esoknya",
    b"besoknya",
    b"keesokan",
    b"lusa",
    b"sehari",
    b"dua",
    b"tiga",
];
/// Words that may follow an opener before the date (`Sehari sebelumnya, pada Senin (...)`).
pub(super) const OPENER_FILLERS: &[&[u8]] = &[
    b"harinya",
    b"hari",
    b"sebelumnya",
    b"kemudian",
    b"setelahnya",
    b"pada",
    b"tanggal",
    // `Sehari berselang, Rabu (...)`: a day later.
    b"berselang",
];
pub(super) const FUTURE_BEFORE: &[&[u8]] = &[
    b"akan",
    b"bakal",
    b"hendak",
    b"hingga",
    b"sampai",
    b"batas",
    // A deadline: `paling lambat Senin (...)`, `selambat-lambatnya ...`.
    b"lambat",
    b"selambat",
    b"besok",
    b"esok",
    b"terhitung",
    b"mulai",
    b"dijadwalkan",
    b"menjadwalkan",
    b"terjadwal",
    b"jadwal",
    b"rencana",
    b"rencananya",
    b"direncanakan",
    b"berencana",
    // Awaited: `menanti hasil rapat pada Kamis (...)`.
    b"menanti",
    b"menantikan",
    // An obligation: `harus mengambil SIM pada Jumat (...)`.
    b"harus",
    b"wajib",
    // A condition: `jika menang pada Sabtu (...)`.
    b"apabila",
    b"jika",
    b"bila",
    b"kalau",
    b"seandainya",
];
/// Future markers that hold over a whole sentence, not just the date's own clause.
pub(super) const FUTURE_SENTENCE: &[&[u8]] = &[
    b"akan",
    b"bakal",
    b"hendak",
    b"dijadwalkan",
    b"menjadwalkan",
    b"direncanakan",
    b"rencana",
    b"rencananya",
    b"berencana",
];
pub(super) const FUTURE_AFTER: &[&[u8]] = &[b"mendatang", b"nanti", b"besok", b"esok", b"depan"];
/// Words of the reporting clause, matched as word prefixes (`ujarnya`, `dihubungidetikcom`):
/// someone heard, and (in [`CITE_BEFORE`]) another outlet or a post cited.
pub(super) const HEARD_BEFORE: &[&[u8]] = &[
    b"kata",
    b"ujar",
    b"ungkap",
    b"jelas",
    b"tutur",
    b"ucap",
    b"terang",
    b"imbuh",
    b"tambah",
    b"sebut",
    b"tegas",
    b"papar",
    b"kepada",
    b"dihubungi",
    b"dikonfirmasi",
    b"ditemui",
    // The outlet's own gathering: `TribunTravel merangkum ...`, `informasi yang dihimpun`.
    b"merangkum",
    b"dirangkum",
    b"dihimpun",
    b"menghimpun",
    b"keterangan",
    b"pantauan",
    b"wartawan",
    b"tulis",
    b"bilang",
    b"pungkas",
    b"tukas",
];
/// Reporting words that cite another outlet or a post rather than someone heard.
pub(super) const CITE_BEFORE: &[&[u8]] = &[
    b"dikutip",
    b"dilansir",
    b"mengutip",
    b"melansir",
    b"dilaporkan",
    b"melaporkan",
    b"laporan",
    b"dinukil",
    b"menukil",
];
/// Times of day that `ini` makes today (`hari ini`, `pagi ini`), unlike `pekan ini`.
pub(super) const TODAY_WORDS: &[&[u8]] =
    &[b"hari", b"pagi", b"siang", b"sore", b"petang", b"malam"];
/// Times of day that `tadi` makes earlier today (`pagi tadi`, `sore tadi`); `malam tadi` is
/// as often last night.
pub(super) const TADI_WORDS: &[&[u8]] = &[b"pagi", b"siang", b"sore"];
/// Words that may stand between a weekday and its date: a time of day (`Senin malam`), `ini`,
/// `kemarin`, `pekan lalu` (which marks the date as past).
pub(super) const BETWEEN_WORDS: &[&[u8]] = &[
    b"pagi",
    b"siang",
    b"sore",
    b"petang",
    b"malam",
    b"dini",
    b"hari",
    b"subuh",
    b"ini",
    b"tadi",
    b"kemarin",
    b"lalu",
    b"pekan",
    b"dinihari",
];
/// Words that join the two ends of a span of days (`sepanjang Senin (16/9) hingga Selasa
/// (17/9)`, `13 September s.d 14 September`), and the words of time that may stand beside
/// them (`Selasa (10/9) pukul 19.00 WIB hingga ...`).
pub(super) const SPAN_JOINERS: &[&[u8]] = &[b"hingga", b"sampai", b"s", b"sd"];
/// Words that tell a span has passed: its end is then the report's day or before it.
pub(super) const SPAN_PAST: &[&[u8]] = &[b"sepanjang", b"sudah", b"telah", b"terjadi"];
pub(super) const SPAN_FILLERS: &[&[u8]] = &[
    b"dengan",
    b"d",
    b"pukul",
    b"wib",
    b"wita",
    b"wit",
    b"pagi",
    b"siang",
    b"sore",
    b"petang",
    b"malam",
    b"dini",
    b"hari",
    b"dinihari",
    b"waktu",
    b"setempat",
];
/// Roots of reporting verbs, found inside their affixed forms (`mengatakan`,
/// `menjelaskan`, `menyatakan`): a future verb after one is what was said, not a schedule.
pub(super) const REPORT_ROOTS: &[&[u8]] = &[
    b"kata", b"ujar", b"ungkap", b"jelas", b"tutur", b"sebut", b"tegas", b"nyata", b"terang",
    b"papar", b"umum",
];
/// A note on the article itself (`Berita ini mengalami perbaikan pada ...`, `Artikel ini
/// telah diperbarui ...`): the nouns it names itself by, and the words of a correction.
pub(super) const SELF_NOUNS: &[&[u8]] = &[b"berita", b"artikel", b"tulisan", b"naskah"];
pub(super) const CORRECTION_WORDS: &[&[u8]] = &[
    b"perbaikan",
    b"diperbaiki",
    b"diperbarui",
    b"diperbaharui",
    b"pembaruan",
    b"pembaharuan",
    b"ralat",
    b"diralat",
    b"koreksi",
    b"dikoreksi",
    b"revisi",
    b"direvisi",
    b"update",
    b"diupdate",
    b"diubah",
    b"perubahan",
];

/// Words that open the number of a law or regulation (`UU Nomor 11 Tahun 2008`, `Perpres
/// 12/2021`).
pub(super) const RULE_WORDS: &[&str] = &[
    "nomor", "no", "uu", "pp", "perpres", "perpu", "perppu", "perda", "permen", "keppres",
    "kepres", "inpres", "pergub", "perbup", "perwal", "perkap", "perma", "sk", "se",
];
