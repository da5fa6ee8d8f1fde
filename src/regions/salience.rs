//! Which of an article's regions are its places and which it names only in passing.
//!
//! An analyst filtering by region wants the articles about it. Readers who judged every
//! region of about 670 articles three ways (the article's place, a real place named in
//! passing, false) found the passing ones nearly as many as the article's own (500 against
//! 683), and most false ones among them: a speaker's office, one item of a list, a place met
//! once deep in the body, a newsroom's city. Dropping those was measured and not adopted, as
//! it lost true places (no rule reached 1% false without losing a quarter of them); so they go
//! to a second list, [`Found::passing`](super::Found), that the region facet keeps apart and
//! `named:` searches.
//!
//! A region is the article's place when the title names it; otherwise when the lede (the
//! first two paragraphs) names it, the text names it twice, names it with its level
//! (`Kabupaten`, `Bupati`, `Pemkot`), or it is the only region the article has; unless every
//! mention is an office's seat (`Polres Kerinci`, `Basarnas Pekanbaru`, `Daop 8 Surabaya`)
//! and the article places the story elsewhere, or names the office's town once or twice only
//! (a police resort's town that is the only region is where its case is).
//! The dateline's region is, unless the text never names it and places the story only in
//! other provinces, or opens on another regency of its province named by its level and not
//! on the province. On the judged pairs this kept 643 of 683 article's places and 329 of 500
//! passing ones, and cut the articles with a false region among their places from 7.3% to
//! 2.6% (with the venues placed where they lie, [`super::landmark`]).

use super::words::Words;

/// How one text names a region: enough to weigh it once the whole article is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sighting {
    /// Which text (0 = the title, then the body's paragraphs).
    pub text: usize,
    /// Named with its level (`Kabupaten X`, `Wali Kota X`).
    pub prefixed: bool,
    /// Named as an office's seat.
    pub seat: bool,
    /// Named as a police resort's or sector's seat (`Polres Ngawi`, `Kapolsek Denpasar
    /// Barat`, `Kepolisian Resor Tangerang Selatan`), whose cases are its area's.
    pub police: bool,
    /// Named by someone's former office (`mantan Bupati Malinau`): a seat, see
    /// [`former_office`].
    pub former: bool,
    /// Named as the seat of an office that works across a province or more (`KPT Manado`,
    /// `Kantor SAR Pangkalpinang`).
    pub wide_seat: bool,
    /// Named by a landmark in it (`Stadion Gelora Bung Karno`, `ICE BSD`), not by name.
    pub landmark: bool,
    /// Named right after `di` (`… nelayan kecil di Malra`): where something happens.
    pub at: bool,
    /// Named as a road's or a line's end (`tol Jombang-Mojokerto`, [`super::route`]).
    pub route: bool,
    /// Named beside another capitalised name in a list (`Nias, Nias Selatan dan Nias Utara`).
    pub listed: bool,
    /// Named as the end of a university's name (`Institut Teknologi Bandung`), whose work
    /// goes wherever it sends it.
    pub school: bool,
    /// Named after a comma right after another region (`Kabupaten Garut, Jawa Barat`): a
    /// province said to locate a place, not one at work.
    pub locator: bool,
    /// Named after `asal` or `dari` (`pemuda asal Kabupaten Gowa`, `pasokan dari Demak`):
    /// where someone or something comes from.
    pub from: bool,
    /// Named after `ke` or `menuju` (`dievakuasi ke Sorong`): where someone or something goes.
    pub to: bool,
    /// Named after `di` and before a day or `pada` (`kata Kepala Basarnas di Ambon, Rabu`):
    /// where someone spoke or something was said.
    pub said: bool,
    /// Named after a word for people (`warga Manggarai`, `perantau Minang`).
    pub people: bool,
    /// Named as a sultanate's or a datu's realm (`Kesultanan Buton`, `Kedatuan Luwu`).
    pub realm: bool,
    /// Named as the home of people the same phrase says live in another region or province
    /// (`warga Manggarai di Jakarta`): where they come from.
    pub origin: bool,
    /// Named as a person's or a people's: after another person's given name and `dan`
    /// (`dikomandoi Basir dan Asmat`) or after `budaya` (`festival budaya Buton`); see
    /// [`super::Gazetteer::name_like`].
    pub name_like: bool,
}

/// Whether a region with these `sightings` is named only as the seat of an office that works
/// across a province or more (`Kantor SAR Pangkalpinang`), and besides only as another
/// office's seat, where a voyage set out or the rescued were taken (`berangkat dari
/// Ambon`, `dievakuasi ke Sorong`) or where the office's head spoke (`di Ambon, Rabu`), and
/// once more deep in the body, when it names the wide office twice or more: the office's
/// town, wherever the story is.
pub(super) fn wide_seat_only(sightings: &[Sighting]) -> bool {
    let seats = sightings.iter().filter(|s| s.wide_seat).count();
    let mut others = sightings
        .iter()
        .filter(|s| !s.wide_seat && !(seats >= 2 && (s.from || s.to || s.said || s.seat)));
    // Named twice or more so, one more naming deep in the body changes nothing (`rescuer
    // KPP Sorong` in a list of the teams).
    seats > 0
        && match (others.next(), others.next()) {
            (None, _) => true,
            (Some(other), None) => seats >= 2 && other.text > 2,
            _ => false,
        }
}

/// Whether the name at word `at`, `len` words long, says where someone spoke: after `di`,
/// before a day or `pada`, in a sentence that a word of speech opens (`kata Kepala Basarnas
/// Ambon, Muhammad Arafah, di Ambon, Rabu`). Not where something happened on that day
/// (`speedboat terbalik di Ambon, Rabu`).
pub(super) fn said_at(words: &Words, at: usize, len: usize) -> bool {
    const SPEECH: &[&str] = &[
        "kata",
        "ujar",
        "ucap",
        "tutur",
        "ungkap",
        "jelas",
        "terang",
        "imbuh",
        "tegas",
        "katanya",
        "ujarnya",
        "ucapnya",
        "tuturnya",
        "ungkapnya",
        "jelasnya",
        "tegasnya",
        "mengatakan",
        "menjelaskan",
        "mengungkapkan",
        "menyampaikan",
        "menuturkan",
        "menerangkan",
        "menegaskan",
        "menyebutkan",
        "mengimbau",
        "menurut",
    ];
    /// Words between the word of speech and the place, at most (a speaker's long title).
    const SPEECH_REACH: usize = 16;
    let reported = words
        .get(at + len)
        .is_some_and(|w| super::words::REPORTED.contains(&w));
    let spoken = (1..=SPEECH_REACH)
        .take_while(|&n| at >= n && words.point.get(at + 1 - n) == Some(&false))
        .any(|n| words.get(at - n).is_some_and(|w| SPEECH.contains(&w)));
    at > 0 && words.get(at - 1) == Some("di") && reported && spoken
}

/// Whether a region with these `sightings` counts among an article's regions when it has
/// only one: not when only a landmark deep in the body names it (`ini juga bukan Gelora Bung
/// Karno` in a story in Bekasi), which would push the article's one place into passing.
pub(super) fn counts(sightings: &[Sighting]) -> bool {
    sightings.is_empty() || !sightings.iter().all(|s| s.landmark && s.text > 2)
}

/// Whether a region with these `sightings` is named only as the home of people the text
/// says live elsewhere (`warga Manggarai di Jakarta`), its people theirs wherever it names
/// them (`kami warga Manggarai tidak terima`); not where the title names it otherwise.
pub(super) fn home_only(sightings: &[Sighting]) -> bool {
    sightings.iter().any(|s| s.origin)
        && sightings
            .iter()
            .all(|s| s.people && (s.text > 0 || s.origin))
}

/// Whether a region with these `sightings` is named only as a sultanate's realm and its
/// people (`Festival Kesultanan Buton`, `masyarakat Buton` in news of Kota Baubau, where the
/// old sultanate's court stands); asked only where another region of its province is the
/// story's, named with its level. A court's own town stays (`Kirab Kasunanan Surakarta`).
pub(super) fn realm_only(sightings: &[Sighting]) -> bool {
    sightings.iter().any(|s| s.realm) && sightings.iter().all(|s| s.realm || s.people)
}

/// Whether the name at word `at` follows a word for a sultanate or a datu's realm, or opens
/// with it as a landmark of its court's town named as a realm of old (`eks Kesultanan
/// Buton`, `peninggalan Kesultanan Buton`; the court stands in Kota Baubau). Not the court
/// as a venue (`di Benteng Keraton Kesultanan Buton`, `Kompleks Kesultanan Buton dipadati
/// wisatawan`), where things happen.
pub(super) fn after_realm(words: &Words, at: usize) -> bool {
    const REALMS: &[&str] = &["kesultanan", "kasultanan", "kasunanan", "kedatuan"];
    const OF_OLD: &[&str] = &[
        "eks",
        "bekas",
        "warisan",
        "peninggalan",
        "sejarah",
        "wilayah",
    ];
    let before = |n: usize| at.checked_sub(n).and_then(|b| words.get(b));
    before(1).is_some_and(|w| REALMS.contains(&w))
        || (words.get(at).is_some_and(|w| REALMS.contains(&w))
            && before(1).is_some_and(|w| OF_OLD.contains(&w)))
}

/// Whether the name at word `at` says where something happens: right after `di`, or after
/// `di` and a place of one or two words that the name locates (`Ricuh di Ohoibun Malra`,
/// `bentrok di Langgur, Malra`). Not an office's `seat` (`di Polres Malra`, from
/// [`seat_word`]) nor after an acronym (`di PN Bitung`), nor across a sentence's end.
pub(super) fn placed_at(words: &Words, at: usize, seat: bool) -> bool {
    let before = |k: usize| at.checked_sub(k).and_then(|b| words.get(b));
    if before(1) == Some("di") {
        return true;
    }
    let region_joined = words.point.get(at) == Some(&false)
        && words.hyphen.get(at) == Some(&false)
        && (words.apart.get(at) == Some(&false) || words.comma.get(at) == Some(&true));
    // The place's words each joined to the one before by a space alone, `di` included.
    region_joined
        && !seat
        && (1..=2)
            .any(|n| before(n + 1) == Some("di") && (at - n..at).all(|k| words.name_word_joined(k)))
}

/// Offices and units named after the town they sit in, whose work (and whose spokesmen's
/// comments) reaches well past it: police resorts and sectors, search and rescue, customs,
/// food and drug control, forest management units, rail operations areas, prosecutors,
/// military commands, prisons, colleges and boarding schools.
const SEATS: &[&str] = &[
    "polres",
    "polresta",
    "kapolres",
    "kapolresta",
    "wakapolres",
    "wakapolresta",
    // A great city's resort (`wilayah hukum Polrestabes Medan`) keeps districts of the
    // regencies around it; its town is a seat only to the police rules
    // ([`great_city_police`]).
    "polrestabes",
    "kapolrestabes",
    "wakapolrestabes",
    // A hajj embarkation (`Embarkasi Padang`, `kloter 9 Padang`) flies pilgrims of
    // provinces.
    "embarkasi",
    "debarkasi",
    "kloter",
    "polsek",
    "kapolsek",
    "wakapolsek",
    "basarnas",
    // A coastal radio station (`SROP Ambon`) keeps watch over a sea area.
    "srop",
    // A search and rescue office (`Kepala Kantor SAR Pangkalpinang`, `Kansar`) and a high
    // court's chief (`KPT Manado`) act across their province.
    "sar",
    "kansar",
    // Spelt out: `Kantor Pencarian dan Pertolongan Natuna`.
    "pertolongan",
    // A vessel named after its home base (`kapal RIB 02 Natuna`, a search and rescue boat
    // at work off Anambas): see [`seat_word`].
    "kapal",
    "kpt",
    // A corruption court (`Pengadilan Tipikor Palembang`) and an administrative court
    // (`PTUN Medan`) sit in a province's capital and try its whole province's cases.
    "tipikor",
    "korupsi",
    "khusus",
    "ptun",
    // A ministry's or an agency's regional office (`Kanreg BKN`, `Kanwil Kemenag`; `Kantor
    // Regional II di Surabaya`, see [`seat_word`]) serves provinces.
    "kanreg",
    "kanwil",
    // A weather office's region (`BMKG Wilayah IV Makassar`, `BBMKG Wilayah IV Makassar`)
    // spans provinces.
    "bmkg",
    "bbmkg",
    "daop",
    "bpom",
    "bbpom",
    // The national roads agency's offices (`Kantor BBPJN Kaltim Balikpapan`) build across a
    // province.
    "bbpjn",
    "bpjn",
    // A public broadcaster's station (`Kepala RRI Samarinda`) covers its province.
    "rri",
    "tvri",
    "kphp",
    "cukai",
    "politeknik",
    "pesantren",
    "ponpes",
    "kejari",
    "kajari",
    "lanud",
    "kodim",
    "dandim",
    // A military resort command (`Danrem 161/Wira Sakti Kupang`) guards several regencies.
    // (Not a naval base: `Lanal Cilacap` works the waters off its own town.)
    "korem",
    "danrem",
    // A military area command (`Pangdam XVI Pattimura Ambon`) and a main naval base
    // (`Lantamal IX Ambon`) serve a province or two.
    "kodam",
    "pangdam",
    "lantamal",
    "danlantamal",
    // A river basin office (`BWS Sulawesi IV Kendari`, `BBWS Pemali Juana`) and a
    // ministry's numbered regional office (`Balai Sulawesi IV Kendari`, see [`seat_word`])
    // serve provinces.
    "bws",
    "bbws",
    "balai",
    // Spelt out: `Kepolisian Resor Tual`, `Komando Resor Militer 161 Kupang` (see
    // [`seat_word`]).
    "resor",
    "lapas",
    "rutan",
    // A legislator's electoral district (`anggota DPRD dapil Kerinci`) is where the member
    // was elected from, as an office's town is where it sits.
    "dapil",
    // The migrant workers' protection offices, in a province's capital only: see
    // [`PROVINCIAL_OFFICES`].
    "bp3tki",
    "bp3mi",
    "bp2mi",
];

/// Offices that serve a province from its capital (`BP3TKI Pontianak` over a Mempawah
/// story) and keep posts at the borders, whose towns are their own stories' places
/// (`BP3MI Nunukan` houses the deportees): seats only named after a province's capital
/// ([`PROVINCE_CAPITALS`]).
pub(super) const PROVINCIAL_OFFICES: &[&str] = &["bp3tki", "bp3mi", "bp2mi"];

/// The codes (data/regions.tsv) of the cities and regencies that hold a province's seat of
/// government: Banjarbaru beside Banjarmasin, Bulungan (Tanjung Selor), Tidore Kepulauan
/// (Sofifi), Jayawijaya (Wamena).
pub(super) const PROVINCE_CAPITALS: &[&str] = &[
    "1171", "1275", "1371", "1471", "1571", "1671", "1771", "1871", "1971", "2172", "3273", "3374",
    "3471", "3578", "3673", "5171", "5271", "5371", "6171", "6271", "6371", "6372", "6472", "6502",
    "7171", "7271", "7371", "7471", "7571", "7604", "8171", "8272", "9105", "9171", "9401", "9402",
    "9404", "9471",
];

/// Words that join an office's word to its town in lower case (`BPOM di Semarang`, `BMKG
/// wilayah IV Makassar`, `Lapas kelas IIA Cirebon`).
const SEAT_JOINS: &[&str] = &["di", "wilayah", "kelas", "stasiun", "kota", "kabupaten"];

/// How many words before a name an office's word may stand (`Daop 8 Surabaya`, `Pondok
/// Pesantren Al-Bahjah Cirebon`).
const SEAT_REACH: usize = 3;

/// Offices whose reach is wider than the town they sit in: a province, a coast, a rail
/// line, a ship's voyage (a police resort's is its regency).
#[rustfmt::skip]
const WIDE_SEATS: &[&str] = &[
    "basarnas", "srop", "sar", "kansar", "pertolongan", "kapal", "kpt", "tipikor",
    "korupsi", "khusus", "ptun", "kanreg", "regional", "kanwil", "bmkg", "bbmkg", "daop", "bpom",
    "bbpom", "bbpjn", "bpjn", "rri", "tvri", "korem", "danrem", "kodam", "pangdam", "lantamal",
    "danlantamal", "bws", "bbws", "balai", "bp3tki", "bp3mi", "bp2mi",
];

/// Titles of those who lead an organisation (`Ketua`, `Koordinator`, `Pemimpin Redaksi`).
const LEADERS: &[&str] = &[
    "ketua",
    "koordinator",
    "sekretaris",
    "bendahara",
    "pimpinan",
    "pemimpin",
    "presiden",
    "direktur",
];

/// Words that make an organisation a region's own government, assembly or commission, whose
/// leaders speak of the region (`Ketua DPRD Kota Bekasi`, `Ketua Komisi Perlindungan Anak
/// Daerah (KPAD) Kota Bekasi`).
const GOVERNMENT: &[&str] = &[
    "dprd", "dprk", "pemkab", "pemkot", "pemda", "pemprov", "dinas", "bupati", "wali", "kpu",
    "kpud", "bawaslu", "sekda", "setda", "daerah", "komisi", "badan",
];

/// Whether the region at `at`, `len` words long, ends the name of an organisation's chapter
/// whose leader the text names after a comma (`Ketua DPC Serikat Pengemudi Daring (Speed)
/// Kota Bekasi, Syarif …`, `Koordinator KAHMI Polewali Mandar, Muhsin …`): the person's
/// affiliation, as an office's seat is; not a region's own government (`Ketua DPRD Kota
/// Bekasi, …`).
pub(super) fn leads_a_chapter(words: &Words, at: usize, len: usize) -> bool {
    const REACH: usize = 8;
    let end = at + len;
    let named_after = words.comma.get(end) == Some(&true)
        && words.capitalised.get(end) == Some(&true)
        && words.capitalised.get(end + 1) == Some(&true);
    if !named_after {
        return false;
    }
    // An organisation spelt out, its short form in brackets before the region (`Direktur
    // Eksekutif Lembaga Penelitian, Pengkajian dan Pengembangan Bantuan Hukum (LP3BH)
    // Manokwari, Yan …`): its name may hold commas and small words; a leader's word in
    // the sentence before it is enough.
    let short_form = at.checked_sub(1).filter(|&b| {
        words.upper.get(b) == Some(&true)
            && words.apart.get(at) == Some(&true)
            && words.apart.get(b) == Some(&true)
            && words
                .get(b)
                .is_some_and(|w| w.len() >= 3 && !GOVERNMENT.contains(&w))
    });
    // Only where the paragraph places something at another region's level (`… di
    // Kabupaten Teluk Bintuni`): a local body's head alone speaks as often of his own
    // region's news (`Ketua … (APPKLA) Kota Padang, Andri …` on the market's relocation).
    let elsewhere = || {
        (0..words.len()).any(|j| {
            (j < at || j >= end)
                && words.get(j).and_then(super::prefix_hint).is_some()
                && words.capitalised.get(j + 1) == Some(&true)
                && !(at..end).contains(&(j + 1))
        })
    };
    if let Some(b) = short_form.filter(|_| elsewhere()) {
        for k in (b.saturating_sub(20)..b).rev() {
            if words.get(k).is_some_and(|w| GOVERNMENT.contains(&w)) {
                return false;
            }
            if words.get(k).is_some_and(|w| LEADERS.contains(&w)) {
                return true;
            }
            if words.point.get(k) == Some(&true) {
                return false;
            }
        }
        return false;
    }
    let mut k = at;
    while k > at.saturating_sub(REACH) {
        if words.point.get(k) == Some(&true) || words.comma.get(k) == Some(&true) {
            return false;
        }
        k -= 1;
        let Some(w) = words.get(k) else {
            return false;
        };
        if GOVERNMENT.contains(&w) {
            return false;
        }
        if LEADERS.contains(&w) {
            // The organisation's name between the title and the region.
            return k + 1 < at;
        }
        if words.capitalised.get(k) != Some(&true) {
            return false;
        }
    }
    false
}

/// Whether an office's word (from [`seat_word`]) names one that works across a province or
/// more ([`WIDE_SEATS`]).
pub(super) fn reaches_wide(office: &str) -> bool {
    WIDE_SEATS.contains(&office) || office == COVERED_DISTRICT
}

/// What [`seat_word`] gives for a region among those a member's electoral district is said
/// to cover ([`covered_by_members_district`]): a seat that, like a wide office's, gives way
/// to another place where the text has one; alone, the member's district is where the
/// member works (`meninjau jalan rusak di perbatasan kedua kabupaten itu`).
const COVERED_DISTRICT: &str = "dapil yang meliputi";

/// Whether an office's word (from [`seat_word`]) names a great city's police resort
/// (`Polrestabes Makassar`): it works mostly in its own city, so the city is no mere seat
/// beside other places; only where the text sets the case in another region's district is
/// it the police's alone.
pub(super) fn great_city_police(office: &str) -> bool {
    office.contains("polrestabes")
}

/// Whether an office's word (from [`seat_word`]) names a police resort or sector.
pub(super) fn polices(office: &str) -> bool {
    office.contains("polres") || office.contains("polsek") || office == "resor"
}

/// Whether the region at word `at` is named by someone's former office (`mantan Bupati
/// Malinau`, `eks Wakil Wali Kota Batu`, `mantan Ketua HIPMI Kota Ternate`, `pernah
/// menjabat Bupati Malinau`) or one the person once ran for (`pernah mencalonkan diri
/// sebagai Wali Kota Ternate`): where the person once served or stood, as an office's seat
/// is where it sits.
pub(super) fn former_office(words: &Words, at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).and_then(|b| words.get(b));
    let title = match words.get(at) {
        Some("bupati" | "walikota") => 1,
        Some("kota") if before(1) == Some("wali") => 2,
        // A former head of an organisation's chapter named after the region (`mantan
        // Ketua HIPMI Kota Ternate`): the acronym in capitals, a leader's word
        // ([`leads_a_chapter`]'s) before it.
        _ if before(1).is_some_and(|w| w.len() >= 3)
            && words.upper.get(at - 1) == Some(&true)
            && before(2).is_some_and(|w| LEADERS.contains(&w)) =>
        {
            3
        }
        _ => return false,
    };
    let deputy = usize::from(before(title) == Some("wakil"));
    let start = title + deputy;
    if matches!(before(start), Some("mantan" | "eks")) {
        return true;
    }
    // Or told as what the person once held or ran for (`pernah menjabat Bupati Malinau`,
    // `pernah mencalonkan diri sebagai Wali Kota Ternate`): `pernah` and the words of
    // holding or running between, in one clause.
    const HELD: &[&str] = &[
        "menjabat",
        "sebagai",
        "mencalonkan",
        "diri",
        "maju",
        "calon",
        "menjadi",
    ];
    (start..start + HELD.len())
        .take_while(|&k| at >= k && words.point.get(at + 1 - k) == Some(&false))
        .map_while(before)
        .take_while(|w| *w == "pernah" || HELD.contains(w))
        .any(|w| w == "pernah")
}

/// Whether the name at word `at` follows a word for a place's people (`warga Manggarai`,
/// `perantau Minang`, `mahasiswa Merauke`).
pub(super) fn after_people(words: &Words, at: usize) -> bool {
    const PEOPLE: &[&str] = &[
        "warga",
        "masyarakat",
        "perantau",
        "diaspora",
        "mahasiswa",
        "paguyuban",
    ];
    at.checked_sub(1)
        .and_then(|b| words.get(b))
        .is_some_and(|w| PEOPLE.contains(&w))
}

/// The office's word, when the name at word `at` is an office's seat: the word stands before
/// it in the same phrase, with nothing between but the office's own name or number
/// (`Kapolres Kerinci`, `Daop 8 Surabaya`, `BMKG Wilayah IV Makassar`, `Pesantren Al-Bahjah
/// Cirebon`; not `Kapolres menyebut warga Kerinci` nor `ke Polsek. Kerinci`).
pub(super) fn seat_word(words: &Words, at: usize) -> Option<&str> {
    // A stop ends the phrase, and so does a comma within the office's name; brackets and
    // hyphens do not (`Geofisika (BMKG) wilayah IV Makassar`), nor a comma before the town
    // (`Pondok Pesantren Al-Bahjah, Cirebon`), nor a slash inside a unit's name (`Pangdam
    // XVI/Pattimura Ambon`).
    let parted = |j: usize| {
        words.point.get(j).copied().unwrap_or(true)
            || (j != at
                && words.comma.get(j).copied().unwrap_or(true)
                && words.slash.get(j) != Some(&true))
    };
    let named = |j: usize| {
        words.capitalised.get(j) == Some(&true)
            || words
                .get(j)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) || SEAT_JOINS.contains(&w))
    };
    if covered_by_members_district(words, at) {
        return Some(COVERED_DISTRICT);
    }
    let mut k = at;
    while k > at.saturating_sub(SEAT_REACH) && !parted(k) {
        k -= 1;
        if let Some(w) = words.get(k).filter(|w| SEATS.contains(w)) {
            let before = k.checked_sub(1).and_then(|b| words.get(b));
            let office = match w {
                "dapil" => members_district(words, k, at),
                "tipikor" => names_the_court(words, k),
                "korupsi" => spells_the_court(words, k),
                "khusus" => special_court(words, k),
                // Only with the vessel's own name or code between: `kapal di Natuna` are
                // ships where they are.
                "kapal" => (k + 1..at).any(|j| {
                    words.capitalised.get(j) == Some(&true)
                        && words.get(j).is_some_and(|w| !SEAT_JOINS.contains(&w))
                }),
                // A hall is an office only numbered as a ministry's regional one: `Balai Kota
                // Kendari` is the city's own hall.
                "balai" => (k + 1..at).any(|j| {
                    words.get(j).is_some_and(|w| {
                        w.len() <= 4 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
                    })
                }),
                // A resort is a police or military command only in the command's name: `resor
                // wisata Lombok Tengah` is a resort where it stands.
                "resor" => match before {
                    Some("kepolisian") => return Some(w),
                    Some("komando") => return Some("korem"),
                    _ => false,
                },
                _ => true,
            };
            return office.then_some(w);
        }
        // `regional` is an office's word only in its name (`Kantor Regional`): `ekonomi
        // regional Makassar` is the city's.
        if let Some(w) = words.get(k).filter(|&w| w == "regional")
            && k.checked_sub(1).and_then(|b| words.get(b)) == Some("kantor")
        {
            return Some(w);
        }
        if !named(k) {
            return None;
        }
    }
    None
}

/// Whether `tipikor` at word `k` is the court, after its name (`Pengadilan Tipikor`, `PN
/// Tipikor`, `ruang sidang Tipikor`): `kasus Tipikor Bone Bolango` is the crime, where it
/// was done.
fn names_the_court(words: &Words, k: usize) -> bool {
    (1..=2).any(|n| {
        k.checked_sub(n)
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w, "pengadilan" | "pn" | "negeri" | "sidang" | "korupsi"))
    })
}

/// Whether `khusus` at word `k` ends a special-class district court's name (`Pengadilan
/// Negeri Kelas IA Khusus Palembang`) where the paragraph has just told of a corruption case:
/// the court's corruption chamber, which tries its province's cases. Its other trials are
/// its own city's.
fn special_court(words: &Words, k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).and_then(|b| words.get(b));
    (1..=3).any(|n| before(n) == Some("kelas"))
        && (2..=6).any(|n| matches!(before(n), Some("pengadilan" | "pn")))
        && (1..=30).any(|n| matches!(before(n), Some("korupsi" | "tipikor")))
}

/// Whether `korupsi` at word `k` ends the corruption court's name spelt out (`Pengadilan
/// Tindak Pidana Korupsi Surabaya`), not a crime's (`kasus tindak pidana korupsi Bone`).
fn spells_the_court(words: &Words, k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).and_then(|b| words.get(b));
    before(1) == Some("pidana") && before(2) == Some("tindak") && before(3) == Some("pengadilan")
}

/// Whether the region at word `at` is one of those a member's electoral district is said to
/// cover, after the assembly the member sits for (`anggota DPRD Provinsi Maluku Utara dapil
/// II yang meliputi Halmahera Utara dan Morotai`, `DPRD Malut Dapil I, yaitu Ternate dan
/// Halbar`): where the member was elected, as `dapil Kerinci` alone is
/// ([`members_district`]).
fn covered_by_members_district(words: &Words, at: usize) -> bool {
    const COVERS: &[&str] = &["meliputi", "mencakup", "mencakupi", "yaitu", "yakni"];
    /// Words of the list before the region, at most.
    const LIST_REACH: usize = 10;
    let stop = |j: usize| words.point.get(j) != Some(&false);
    // Back over the regions listed before it (`Halmahera Utara dan`) to the word of covering.
    let mut k = at;
    let cue = loop {
        if stop(k) || at - k > LIST_REACH {
            return false;
        }
        let Some(b) = k.checked_sub(1) else {
            return false;
        };
        match words.get(b) {
            Some(w) if COVERS.contains(&w) => break b,
            Some("dan" | "serta") => k = b,
            Some(_) if words.capitalised.get(b) == Some(&true) => k = b,
            _ => return false,
        }
    };
    // Then `yang` and the district's number (`dapil II yang meliputi`, `Dapil 3 yaitu`).
    let mut d = cue;
    if d > 0 && words.get(d - 1) == Some("yang") {
        d -= 1;
    }
    let numeral = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || (w.len() <= 4 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
    };
    if d > 0 && words.get(d - 1).is_some_and(numeral) {
        d -= 1;
    }
    let Some(dapil) = d.checked_sub(1).filter(|&k| words.get(k) == Some("dapil")) else {
        return false;
    };
    // The assembly earlier in the sentence (`anggota DPRD Provinsi Maluku Utara Dapil II`,
    // `anggota DPRD Provinsi Maluku Utara, terutama untuk Dapil II`). Not a candidate's
    // district, where the campaign is (`calon anggota DPRD … di Dapil II yang meliputi …
    // membagikan uang`), nor something done in the district (`di Dapil 2 yang meliputi …,
    // PSU akan digelar`).
    let before: Vec<&str> = (1..=ASSEMBLY_REACH)
        .take_while(|&n| dapil >= n && !stop(dapil + 1 - n))
        .filter_map(|n| words.get(dapil - n))
        .collect();
    let assembly = before.iter().any(|w| ASSEMBLIES.contains(w));
    let campaign = before
        .iter()
        .any(|w| matches!(*w, "calon" | "caleg" | "bacaleg"));
    (dapil..=cue).all(|j| !stop(j))
        && assembly
        && !campaign
        && !matches!(before.first(), Some(&("di" | "ke")))
}

/// Assemblies whose members are elected by district.
const ASSEMBLIES: &[&str] = &["dpr", "dprd", "dprk", "dpra", "dprp", "dprpb", "dpd"];
/// Words before `dapil` that may stand between it and the assembly in the same sentence.
const ASSEMBLY_REACH: usize = 10;

/// Whether `dapil` at word `k` names a member's electoral district before the region at
/// `at`: after the assembly or party the member sits for (`anggota DPRD Provinsi Jambi dapil
/// Kerinci`), not where something happens (`reses di dapil Banyumas`, `Warga di dapil
/// Lombok Timur`), and not a district's own name and number (`Dapil Jateng 1 (Kota
/// Semarang, …)`, `dapil Sleman 3`), which lists the regions a candidate runs in.
fn members_district(words: &Words, k: usize, at: usize) -> bool {
    let digits = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    let numbered = (k + 1..at).any(digits) || (at + 1..at + 4).any(digits);
    let after_body = k
        .checked_sub(1)
        .is_some_and(|b| words.capitalised.get(b) == Some(&true))
        && words.point.get(k) == Some(&false)
        && words.comma.get(k) == Some(&false);
    after_body && !numbered
}

/// What the title and the first paragraph say of the dateline's province.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Opening {
    /// They name the province itself (`Kejati Sulteng`, `Gubernur Sultra`, `Provinsi
    /// Maluku`): its capital's offices are at work, and the capital is the story's place.
    /// Not where it only locates another place (`Kabupaten Garut, Jawa Barat`), nor where
    /// it is the area something happens in (`cuaca di Sulawesi Tengah`).
    pub province: bool,
    /// They set the story in another region of the province, after `di` or with its level
    /// (`Bupati Kepulauan Tanimbar`, `Pertandingan di Kudus ditunda`), or the text makes one
    /// its subject, named three times or more and once so (`banjir melanda tiga kecamatan di
    /// Kabupaten Banggai`). Not where someone or something comes from (`pemuda asal
    /// Kabupaten Gowa`, `pasokan dari Kabupaten Demak`), nor one side detail deep in a city's
    /// story (`dimakamkan di Kabupaten Grobogan`).
    pub neighbour: bool,
    /// The title places the story in another region of the province (`DKP Maluku gelar
    /// kegiatan … di Malra`), or a district named by its kind in the title or set in the
    /// first paragraph lies in one (`Kecamatan Pasimasunggu, Kepulauan Selayar`).
    pub placed: bool,
    /// The text (anywhere in it) says something happens in another province, named with
    /// its level (`dilaksanakan di Provinsi Nusa Tenggara Timur`; not `sekolah di Papua`,
    /// which is as often a side detail).
    pub other_province_at: bool,
}

/// Whether the region the dateline names, in `province`, with these `sightings` in the text,
/// is the article's place, where the text places the story in regions of `text_places` (their
/// provinces). A dateline the text never names is the newsroom's (the Dateline facet still
/// has it) over a story the text places in other provinces only (`FAKFAK -` over a story in
/// Konawe Selatan, `JAYAPURA, Site -` over a match in Kudus), or over one whose opening names
/// another regency of its province by its level, or whose text sets it in one (`WARTA
/// SULTENG, PALU –` over floods `di Kabupaten Banggai`), where the opening does not name the
/// province at work (`AMBON, Site - Bupati Kepulauan Tanimbar ...`), or whose title places it
/// there (`… nelayan kecil di Malra`, `Viral ASN di Muratara …` under `LUBUKLINGGAU`, or a
/// district named by its kind, `Demo LPM Kecamatan Sunggal …` under `Medan`). A provincial
/// office's news (`PALU - ... Kejati Sulteng ...`) is made in the capital, which stays.
pub(super) fn dateline_is_main(
    sightings: &[Sighting],
    text_places: &[Option<usize>],
    province: Option<usize>,
    opening: Opening,
) -> bool {
    // Named only as a wide-reaching office's seat (`BKN Kantor Regional II di Surabaya`
    // under `SURABAYA` over a meeting in Jember), the city is the office's: the story is
    // where the text places it, if anywhere.
    if wide_seat_only(sightings) {
        return text_places.is_empty();
    }
    // Named only as a road's end (`jalan lintas Kecamatan Merek menuju Kabupaten Dairi`
    // under `Dairi-`) where the opening sets the story in another region of the province,
    // the city is the newsroom's: the road only says where the place leads.
    if !sightings.is_empty() && sightings.iter().all(|s| s.route) && opening.placed {
        return false;
    }
    // Named only as a university's (`BANDUNG, Site - Institut Teknologi Bandung ...` over
    // outreach it runs in Nusa Tenggara Timur), the city is the school's newsroom: the story
    // is where the text places it in other provinces.
    if !sightings.is_empty() && sightings.iter().all(|s| s.school) {
        return !opening.other_province_at && text_places.iter().all(|&p| p == province);
    }
    // Named only as an old sultanate's realm and its people (`BAUBAU -` over a festival of
    // `eks Kesultanan Buton` that Pemkab Buton holds) where the opening sets the story in
    // another region of the province, the city is the newsroom's, as with other realms
    // ([`realm_only`]).
    if realm_only(sightings) && opening.neighbour {
        return false;
    }
    !sightings.is_empty()
        || text_places.is_empty()
        || (text_places.contains(&province)
            && !opening.placed
            && (opening.province || !opening.neighbour))
}

/// What the title says of regions other than the one weighed: whether it names one not as
/// an office's seat nor as where someone comes from, and whether it places the story in one
/// (after `di` or with its level).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct TitleElsewhere {
    pub named: bool,
    pub placed: bool,
}

/// Whether a region with these `sightings` in the text (not the dateline's: see
/// [`dateline_is_main`]) is the article's place; `regions` how many regions the article has
/// in all that [`counts`].
///
/// A region named only as a road's end (`tol Jombang-Mojokerto`) is not, even in a title
/// (`Jalur Pantura Semarang-Demak Banjir` over a flood in Semarang's Genuk): a road says where
/// it goes, not where the story is. With `road_ends`, asked when nothing else places the
/// article, it is: the road is then the story (`Tol Medan-Binjai`) or all it says of where.
///
/// A wide-reaching office's seat (`KPT Manado`, `Basarnas Pekanbaru`) the title names beside
/// another region it names not as a seat (`… dalam Pembinaan di PN Bitung`) is the office's,
/// named in passing: the story is where the office went (`title_elsewhere`). So is any
/// office's where the title places the story in the other region (`Kapolres Sumenep Bantu
/// Warga di Pamekasan`); a police resort's town stays beside a region the title names
/// otherwise (`Polres Jember Amankan Truk Tujuan Banyuwangi`): its regency is where it
/// works.
pub(super) fn is_main(
    sightings: &[Sighting],
    regions: usize,
    road_ends: bool,
    title_elsewhere: TitleElsewhere,
) -> bool {
    // Every sighting so (and at least one).
    let all = |f: fn(&Sighting) -> bool| !sightings.is_empty() && sightings.iter().all(f);
    if !road_ends && all(|s| s.route) {
        return false;
    }
    let seats = all(|s| s.seat);
    if (title_elsewhere.named && all(|s| s.wide_seat)) || (title_elsewhere.placed && seats) {
        return false;
    }
    if sightings.iter().any(|s| s.text == 0) {
        return true;
    }
    // A wide office's seat alone is the story's place where nothing else places it (a trial
    // at `Pengadilan Tipikor Makassar` of a provincial office's treasurer): the wide seat
    // gives way only to another place ([`super::Gazetteer::find`]'s `wide_only`).
    // Named so once deep in the body (`kepala Kanwil Kemenag Gresik` in a trial in
    // Jakarta), it stays the office's.
    // The only region, named three times or more only as an office's seat, is where the
    // story is: the office is its subject (`Bea Cukai Ternate mencanangkan …`).
    let subject = regions == 1 && sightings.len() >= 3;
    // A police resort's or sector's town that is the only region is where its case is: the
    // police act in their own area.
    // So is a town named only as someone's former office where it is the only region: a
    // former mayor's case or death is his town's news (`Eks Wali Kota Bima … ditahan KPK`);
    // beside the story's place it is his past (`mantan Bupati Malinau` receiving Tana Tidung's
    // people).
    let policed = regions == 1 && all(|s| s.police || s.former);
    if seats
        && !subject
        && !policed
        && (!all(|s| s.wide_seat) || (sightings.len() < 2 && all(|s| s.text > 2)))
    {
        return false;
    }
    sightings
        .iter()
        .any(|s| (1..=2).contains(&s.text) || s.prefixed)
        || sightings.len() >= 2
        || (regions == 1 && counts(sightings))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: TitleElsewhere = TitleElsewhere {
        named: false,
        placed: false,
    };
    const NAMED: TitleElsewhere = TitleElsewhere {
        named: true,
        placed: false,
    };
    const PLACED: TitleElsewhere = TitleElsewhere {
        named: true,
        placed: true,
    };

    fn seen(text: usize) -> Sighting {
        Sighting {
            text,
            prefixed: false,
            seat: false,
            police: false,
            former: false,
            wide_seat: false,
            landmark: false,
            at: false,
            route: false,
            listed: false,
            school: false,
            locator: false,
            from: false,
            to: false,
            said: false,
            people: false,
            realm: false,
            origin: false,
            name_like: false,
        }
    }

    #[test]
    fn a_landmark_deep_in_the_body_does_not_count_against_the_only_region() {
        let mark = Sighting {
            landmark: true,
            ..seen(6)
        };
        assert!(!counts(&[mark]));
        assert!(counts(&[mark, seen(7)]));
        assert!(counts(&[Sighting { text: 2, ..mark }]));
        assert!(counts(&[]));
    }

    #[test]
    fn the_title_and_the_lede_make_a_place() {
        assert!(is_main(&[seen(0)], 3, false, NONE));
        assert!(is_main(&[seen(2)], 3, false, NONE));
        assert!(!is_main(&[seen(3)], 3, false, NONE));
    }

    #[test]
    fn twice_with_its_level_or_alone_makes_a_place() {
        assert!(is_main(&[seen(5), seen(9)], 3, false, NONE));
        let prefixed = Sighting {
            prefixed: true,
            ..seen(7)
        };
        assert!(is_main(&[prefixed], 3, false, NONE));
        assert!(is_main(&[seen(7)], 1, false, NONE));
    }

    #[test]
    fn a_dateline_the_text_never_names_over_a_story_in_another_province_is_the_newsrooms() {
        // Named in the text too, or no other place: the article's.
        assert!(dateline_is_main(
            &[seen(4)],
            &[Some(1)],
            Some(2),
            Opening::default()
        ));
        assert!(dateline_is_main(&[], &[], Some(2), Opening::default()));
        // Named only as a regional office's seat, over a story the text places anywhere: the
        // office's.
        let office = Sighting {
            seat: true,
            wide_seat: true,
            ..seen(1)
        };
        let opening = Opening::default();
        assert!(!dateline_is_main(&[office], &[Some(1)], Some(2), opening));
        assert!(!dateline_is_main(&[office], &[Some(2)], Some(2), opening));
        assert!(dateline_is_main(&[office], &[], Some(2), opening));
        // A university's town: the newsroom's, where the text places the story in other
        // provinces only.
        let school = Sighting {
            school: true,
            ..seen(3)
        };
        assert!(!dateline_is_main(&[school], &[Some(1)], Some(2), opening));
        assert!(dateline_is_main(&[school], &[Some(2)], Some(2), opening));
        assert!(dateline_is_main(&[school], &[], Some(2), opening));
        let elsewhere = Opening {
            other_province_at: true,
            ..opening
        };
        assert!(!dateline_is_main(&[school], &[], Some(2), elsewhere));
        assert!(dateline_is_main(&[seen(3)], &[], Some(2), elsewhere));
        // The text's places lie in its province: kept.
        assert!(dateline_is_main(
            &[],
            &[Some(1), Some(2)],
            Some(2),
            Opening::default()
        ));
        // Only in other provinces: in passing.
        assert!(!dateline_is_main(
            &[],
            &[Some(1)],
            Some(2),
            Opening::default()
        ));
    }

    #[test]
    fn a_dateline_over_a_neighbours_story_is_the_newsrooms_unless_the_province_acts() {
        let neighbour = Opening {
            neighbour: true,
            ..Opening::default()
        };
        assert!(!dateline_is_main(&[], &[Some(2)], Some(2), neighbour));
        // The province named in the opening: its capital's offices make the news.
        let both = Opening {
            province: true,
            ..neighbour
        };
        assert!(dateline_is_main(&[], &[Some(2)], Some(2), both));
        // The title placing the story in the neighbour outweighs the province's office.
        let placed = Opening {
            placed: true,
            ..both
        };
        assert!(!dateline_is_main(&[], &[Some(2)], Some(2), placed));
        // Named in the text, the dateline's city stays whatever the opening says.
        assert!(dateline_is_main(&[seen(5)], &[Some(2)], Some(2), neighbour));
    }

    #[test]
    fn an_offices_seat_alone_is_in_passing_unless_the_title_names_it() {
        let seat = Sighting {
            seat: true,
            wide_seat: true,
            ..seen(1)
        };
        let office = Sighting {
            wide_seat: false,
            ..seat
        };
        assert!(!is_main(&[office, office], 2, false, NONE));
        assert!(!is_main(&[office], 1, false, NONE));
        assert!(is_main(&[office, seen(6)], 2, false, NONE));
        // A wide office's seat is left to give way to another place, where there is one;
        // named once deep in the body it stays the office's.
        assert!(is_main(&[seat, seat], 2, false, NONE));
        assert!(!is_main(&[Sighting { text: 7, ..seat }], 1, false, NONE));
        assert!(is_main(&[Sighting { text: 0, ..seat }], 2, false, NONE));
        // Unless the title places the story in another region (`KPT Manado … di PN Bitung`).
        assert!(!is_main(&[Sighting { text: 0, ..seat }], 2, false, NAMED));
        assert!(is_main(
            &[Sighting { text: 0, ..seat }, seen(3)],
            2,
            false,
            NAMED
        ));
        // A police resort's town stays in its title, unless the title places the story
        // elsewhere.
        let resort = Sighting {
            text: 0,
            wide_seat: false,
            ..seat
        };
        assert!(is_main(&[resort], 2, false, NONE));
        assert!(is_main(&[resort], 2, false, NAMED));
        assert!(!is_main(&[resort], 2, false, PLACED));
    }

    #[test]
    fn a_roads_end_is_a_place_only_when_nothing_else_places_the_article() {
        let end = Sighting {
            route: true,
            ..seen(0)
        };
        assert!(!is_main(
            &[end, Sighting { text: 3, ..end }],
            2,
            false,
            NONE
        ));
        assert!(is_main(&[end], 2, true, NONE));
        // Named once more off the road, it is the article's place as any other.
        assert!(is_main(&[end, seen(4)], 2, false, NONE));
    }

    #[test]
    fn an_offices_word_up_to_three_words_before_makes_a_seat() {
        let mut w = Words::new();
        for (text, seat) in [
            ("kata Kapolres Kerinci", true),
            ("BMKG Wilayah IV Makassar", true),
            ("KAI Daop 8 Surabaya", true),
            ("Pesantren Al-Bahjah, Cirebon", true),
            ("Kapolres Contoh, Budi, dan warga Kerinci", false),
            ("kata juru bicara BPOM di Semarang", true),
            ("BMKG wilayah IV Makassar", true),
            ("Geofisika (BMKG) wilayah IV Makassar", true),
            ("warga Kerinci", false),
            ("Polres tiba di desa Kerinci", false),
            ("Kapolres menyebut warga Kerinci", false),
            ("ke Polsek. Kerinci", false),
        ] {
            w.fill(text);
            let at = w.len() - 1;
            assert_eq!(seat_word(&w, at).is_some(), seat, "{text}");
        }
    }
}
