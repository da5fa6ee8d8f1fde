//! The word tables the outlet scan reads: brands and their families, desks, and the words
//! around an outlet that make it a self-reference, a citation or a promotion.

/// Brands by the lower-case start of their names and domains, with the family they belong to.
/// Longer needles come before shorter ones that start them (`cnbcindonesia` before `cnbc`).
pub(super) const BRANDS: &[(&str, &str)] = &[
    ("20detik", "Detik"),
    ("detik", "Detik"),
    ("tribun", "Tribun"),
    ("kompas", "Kompas"),
    ("tempo", "Tempo"),
    ("okezone", "Okezone"),
    ("sindonews", "Sindonews"),
    ("sindo", "Sindonews"),
    ("liputan6", "Liputan6"),
    ("cnnindonesia", "CNN Indonesia"),
    ("cnbcindonesia", "CNBC Indonesia"),
    ("cnbc", "CNBC Indonesia"),
    ("antaranews", "Antara"),
    ("antara", "Antara"),
    ("republika", "Republika"),
    ("kumparan", "Kumparan"),
    ("merdeka", "Merdeka"),
    ("suara", "Suara"),
    ("viva", "Viva"),
    ("jpnn", "JPNN"),
    ("jawapos", "Jawa Pos"),
    ("idntimes", "IDN Times"),
    ("inews", "iNews"),
    ("fimela", "Fimela"),
    ("kapanlagi", "KapanLagi"),
    ("wowkeren", "WowKeren"),
    ("posmetro", "Posmetro"),
    ("bisnis", "Bisnis"),
    ("kontan", "Kontan"),
    ("katadata", "Katadata"),
    ("tirto", "Tirto"),
    ("medcom", "Medcom"),
    ("metrotvnews", "Metro TV"),
    ("beritasatu", "Beritasatu"),
    ("mediaindonesia", "Media Indonesia"),
    ("pikiran-rakyat", "Pikiran Rakyat"),
    ("pikiranrakyat", "Pikiran Rakyat"),
    ("sumeks", "Sumeks"),
    ("jpnn", "JPNN"),
    ("grid", "Grid"),
    ("rri", "RRI"),
];

/// Brands that are also common words (`detik` = second, `tempo`, `kompas` = compass,
/// `suara` = voice): a bare lower-case one is the word.
pub(super) const WORDLIKE: &[&str] = &[
    "detik", "tempo", "kompas", "suara", "merdeka", "antara", "viva", "bisnis", "kontan", "grid",
    "tirto", "sindo", "tribun",
];

/// detik's desks, which it writes glued to the brand (`detikJatim`); anything else after
/// `detik` (a word glued by the scraper, `detikcomdi`) means the site as a whole.
pub(super) const DETIK_DESKS: &[&str] = &[
    "news",
    "finance",
    "inet",
    "travel",
    "hot",
    "health",
    "sport",
    "sepakbola",
    "oto",
    "food",
    "edu",
    "hikmah",
    "properti",
    "pop",
    "jatim",
    "jateng",
    "jabar",
    "jogja",
    "bali",
    "sulsel",
    "sumut",
    "sumbagsel",
    "kalimantan",
    "jateng",
    "banten",
];

/// Words before an outlet that make it the reporting outlet because its reporter met,
/// watched or called the source there (`kata dia kepada Kalteng Pos`, `saat dikonfirmasi
/// Warta Kota`): cues a multi-word paper's name may follow too ([`CUE_BEFORE`] has the
/// rest). Not `wartawan`: `mantan wartawan Media Indonesia` is someone's past.
pub(super) const CONTACT_CUES: &[&str] = &[
    "kepada",
    "dihubungi",
    "diterima",
    "pantauan",
    "ditemui",
    "dikonfirmasi",
    "wawancara",
];

/// The other words before an outlet that make it the reporting outlet: the reporter
/// recorded for it, or it signs the text.
pub(super) const CUE_BEFORE: &[&str] = &[
    "catatan",
    "redaksi",
    "wartawan",
    "jurnalis",
    "reporter",
    "tim",
    "with",
    "sahabat",
    "kru",
    "pada",
    "oleh",
    "pengamatan",
    "rangkuman",
    "pemberitaan",
    "live",
    "pembaca",
    "program",
    "dengan",
    "konfirmasi",
    "bersama",
    "penelusuran",
    "grup",
    // Messages and calls the outlet's reporter sent (`belum menjawab pesan Tempo`).
    "pesan",
    "panggilan",
    "pertanyaan",
];

/// Words naming a medium between a cue and the brand (`kepada Koran SINDO`, `di kanal Tekno
/// Tempo.co`): the cue before them still applies.
pub(super) const MEDIA_WORDS: &[&str] = &[
    "koran", "harian", "majalah", "tabloid", "portal", "situs", "laman", "kanal", "rubrik",
];

/// Words that end a regional paper's or site's name (`Kalteng Pos`, `Palangka Ekspres`), or
/// begin one (`Radar Lombok`, `Suara NTB`, `Harian Rakyat Merdeka`): such a name after a
/// reporter's cue or in a photo credit is the outlet, known or not.
pub(super) const NAME_TAILS: &[&str] = &["pos", "ekspres"];
pub(super) const NAME_HEADS: &[&str] = &[
    "radar", "suara", "harian", "koran", "jurnal", "warta", "tribun", "media", "kabar",
];
/// English ends of a name (`Kaltim Post`, `Bali Times`): also the foreign outlets an article
/// quotes (`kata dia kepada Fox News`), so they count only with an Indonesian place in it.
pub(super) const NAME_TAILS_EN: &[&str] = &[
    "post", "express", "times", "news", "online", "today", "daily",
];
/// Words a few places before `di X` that make it the outlet's own promotion (`bisa Anda simak
/// di Tempo.co`, `hanya di detikcom`): outlets send readers to their own site.
pub(super) const PROMO: &[&str] = &[
    "simak", "baca", "ikuti", "kunjungi", "hanya", "saksikan", "tonton",
];

/// Brands whose bare name also starts clauses as an ordinary word.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "suara", "merdeka", "antara", "viva", "bisnis", "kontan", "grid", "detik", "sindo", "tribun",
];

/// Passive verbs whose agent is the reporting outlet (`dirangkum Okezone`, `dilihat
/// detikcom`); citing ones (`diberitakan`, `dilansir`) are not here.
pub(super) const AGENT_PASSIVES: &[&str] = &[
    "dirangkum",
    "diintip",
    "diulas",
    "diperoleh",
    "dihimpun",
    "dilihat",
    "dipantau",
    "diwawancarai",
    "diwawancara",
    "didapatkan",
    "didapat",
    "dikumpulkan",
    "dicatat",
    "ditanya",
    "ditanyai",
    "dimintai",
    "dilakukan",
];

/// Words between an outlet and its verb (`Okezone pun akan merangkum`).
pub(super) const AUXILIARIES: &[&str] = &[
    "pun", "akan", "bakal", "telah", "sudah", "belum", "coba", "ikut", "juga", "sempat", "masih",
    "berusaha", "mencoba", "kembali",
];

/// Words after an outlet with the same meaning (`yang Kompas.com terima`, `Okezone kutip`).
pub(super) const CUE_AFTER: &[&str] = &[
    "terima",
    "kutip",
    "rangkum",
    "rangkumkan",
    "merangkum",
    "himpun",
    "menghimpun",
    "pantau",
    "memantau",
    "temui",
    "menemui",
    "hubungi",
    "menghubungi",
    "konfirmasi",
    "mengonfirmasi",
    "wawancarai",
    "mewawancarai",
    "lansir",
    "peroleh",
    "dapatkan",
];

/// `dikutip X dari ...`: the outlet quotes someone else, so X is the article's own.
pub(super) const CITE: &[&str] = &["dikutip", "dilansir"];

/// Words before an outlet that cite it. Citing another outlet is common, so only a citation
/// of a desk (`dilansir dari detikFinance`, `dikutip dari Tribunjogja.com`) counts, weakly:
/// newsrooms cite their sibling desks, other outlets cite the main brand.
pub(super) const CITE_WEAK: &[&str] = &[
    "dikutip",
    "dilansir",
    "melansir",
    "mengutip",
    "dari",
    "diberitakan",
];
