//! What is not a place although it spells one: the words around a bare name that make it part
//! of a street, a dish, a title, a company, a club or an acronym of something else.

use super::schools::{ends_a_firm, listed_body, school_affiliation};
use super::sport::plays;
use super::words::Words;

/// Words before a bare place name that make it part of something else: a street (`Jalan
/// Medan Merdeka`, `Jl. Solo`, `Gang Sleman`) or a dish or cuisine (`nasi Padang`, `bakso
/// Malang`, `rumah makan Padang`), which can be anywhere.
const NOT_PLACE_BEFORE: &[&str] = &[
    "jalan",
    // A bridge named after its river or town (`Jembatan Siak`), like a street, and a market
    // (`Pasar Bitung`), named after wherever its traders came from.
    "jembatan",
    "pasar",
    "jl",
    "jln",
    "gang",
    "gg",
    "lorong",
    "nasi",
    "sate",
    "soto",
    "bakso",
    "rendang",
    "mie",
    "mi",
    "pempek",
    "empek",
    "gudeg",
    "goreng",
    "hidangan",
    "lumpia",
    "rawon",
    "martabak",
    "masakan",
    "makanan",
    "makan",
    "gulai",
    "dendeng",
    // Dishes and sweets known by their town (`pecel Madiun`, `coto Makassar`, `bika Ambon`,
    // `dodol Garut`), and what is named after them (`cicak pecel Madiun`, a gecko).
    "pecel",
    "coto",
    "konro",
    "bika",
    "dodol",
    "brem",
    "lunpia",
    "wingko",
    "kuliner",
    "batik",
    "tari",
    "tarian",
    "topeng",
    "logat",
    "dialek",
    "gaya",
    // A solo career, not Solo: `debut solo`, `album solo`, `konser solo`.
    "debut",
    "album",
    "karier",
    "karir",
    "konser",
    "pemotretan",
    "penampilan",
    "proyek",
    // A solo singer or release (`penyanyi solo`, `comeback solo`, `single solo`).
    "penyanyi",
    "pelantun",
    "comeback",
    "single",
    "musisi",
    "bengawan",
    // Toraja's funeral rite (`Rambu Solo`), not Solo; and an ulama known by his town (`Guru
    // Padang`, `Guru Sekumpul` in South Kalimantan), capitalised in running text.
    "rambu",
    "guru",
    // Capes, bays, islets, straits and ships named after a place elsewhere (`Tanjung
    // Buton`, `KRI Teluk Cirebon`, `Gili Ketapang`, `Selat Makassar`); a name that starts
    // with the word (`Tanjung Pinang`) is matched before this.
    "tanjung",
    "teluk",
    "gili",
    "selat",
    // A mountain range, a canal or a fault named after a place or a kingdom (`Pegunungan
    // Jayawijaya`, `Selokan Mataram`, `Sesar Sorong`): it runs through other regions.
    "pegunungan",
    "selokan",
    "sesar",
    // A river's basin (`DAS Solo`) spans the regions it drains; a kingdom of old
    // (`Kerajaan Mataram`) is history, not the region that now bears its name. (A sultanate
    // still has its court: see [`super::salience::after_realm`].)
    "das",
    "kerajaan",
    // A lineage (`trah Mataram`, `wangsa Sanjaya`) is a family, not where the article
    // happens. Not `dinasti`: a political dynasty (`dinasti Banten`) is the region's news.
    "trah",
    "wangsa",
    // A hamlet or islet (`Pulo Padang`), and a tunnel named after the street above it
    // (`Terowongan Kendal` in Jakarta).
    "pulo",
    "terowongan",
    // Descent (`berdarah Ambon`, `keturunan Minang`) and a chronicle's title (`Babad
    // Demak`): about people or a story, not where the article happens.
    "berdarah",
    "keturunan",
    "babad",
    // A Javanese noble's title before his name (`GPH Haryo Mataram`, after whom a hall is
    // named): a person.
    "haryo",
    "gph",
    "kgph",
    "kri",
    // A grave (`liang Lahat`), however it is written.
    "liang",
    // A restaurant (`RM Padang`), a custom or a speciality of the place (`pakaian adat
    // Padang`, `kuliner khas Surabaya`), and companies named after their plant (`Semen
    // Padang`, also a football club): they can be anywhere.
    "rm",
    "restoran",
    "resto",
    "warung",
    "kedai",
    "depot",
    "adat",
    "khas",
    "semen",
    // A company (`PT Solo Manufaktur`) or a foundation (`Yayasan Mataram Yogyakarta`),
    // wherever it works.
    "pt",
    "yayasan",
    // A car or a motorbike named after a place (`Suzuki Karimun`, `mobil Karimun`): the
    // model, driven anywhere.
    "suzuki",
    "toyota",
    "daihatsu",
    "honda",
    "mitsubishi",
    "nissan",
    "isuzu",
    "yamaha",
    "kawasaki",
    "mobil",
    // A bridal style (`rias pengantin Yogya`), worn anywhere.
    "pengantin",
    // A work or a style named after a place (`film Solo`, `lagu Ambon`, `festival film
    // Bandung`, `project Solo`, `paes Solo`): it is about the work, made or shown anywhere.
    "film",
    "lagu",
    "tembang",
    "vokal",
    "mv",
    "project",
    "paes",
    // Drinks and produce sold under a place's name (`kopi Bogor`, `ubi Cilembu`).
    "kopi",
    "teh",
    "ubi",
    "dodol",
    "keripik",
    "kerupuk",
    "bolu",
    "pisang",
    "lapis",
    // Goods named after where they are mined (`aspal Buton`), traded anywhere; cloth named
    // after where it is woven (`tenun Buton`, `songket Palembang`), like batik; the duku
    // variety (`duku Palembang`), sold anywhere (a fruit's word that ends no place's name,
    // as `jeruk` and `manggis` do: `Kebon Jeruk`, `Kebon Manggis`).
    "aspal",
    "tenun",
    "songket",
    "duku",
    // Breeds named after their home (`domba Garut`, `sapi Bali`, `tembakau Deli`): raised,
    // grown and shown anywhere. Not fruit, `kuda` or `beras`: they also end the names of
    // places and sights (`Kebon Jeruk, Jakarta Barat`, `Gunung Salak, Bogor`, `Patung Kuda`)
    // and `stok beras Sumut` is the province's news.
    "domba",
    "sapi",
    "kambing",
    "kerbau",
    "itik",
    "tembakau",
    // A newspaper or site named after its region, cited from anywhere (`dilansir dari
    // Tribun Jogja`, `Radar Bogor`).
    "tribun",
    "radar",
    "posmetro",
    "harian",
    "koran",
    // `Pos Kupang` (capitalised: a `pos` is also a guard post).
    "pos",
    // A speaker after a speech verb is a person or a title (`kata Karo Monev`, `ujar Oki`),
    // never a place.
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "ungkap",
    "imbuh",
    "menurut",
    // A team called by its town (`menjamu Surabaya`, `striker Bandung`), which plays
    // anywhere.
    "menjamu",
    "dijamu",
    // A regency's or city's football association (`Askab Bekasi`) fields a team.
    "askab",
    "askot",
    // A derby is named after a region or an old kingdom (`Derbi Mataram` is Yogyakarta
    // against Solo), not where it is played.
    "derbi",
    "derby",
    // An ethnic group (`suku Makassar`, `etnik Minahasa`), wherever its people live; `etnis`
    // only outside a conflict, which is named by its place (`kerusuhan etnis Poso`): see
    // [`names_another_thing`].
    "suku",
    "etnis",
    // A fault's segment is named after the coast it lies off (`megathrust Mentawai-Siberut`),
    // a warning for a whole seaboard.
    "megathrust",
    "etnik",
    "striker",
    "bek",
    "kiper",
    "gelandang",
    "skuad",
    // A district or village of the same name as a regency elsewhere (`Kecamatan
    // Karanganyar, Demak`): not that regency.
    "kecamatan",
    "kec",
    // Their heads (`Lurah Banjarnegara`, a village in Cilegon; `Camat Karanganyar`).
    "camat",
    "lurah",
    "kades",
    // Papua's districts (`Distrik Manokwari Selatan, Kabupaten Manokwari`).
    "distrik",
    "desa",
    "kelurahan",
    "kel",
    "dusun",
    // The same below the district, as Yogyakarta and other towns name them (`Padukuhan
    // Depok, Kalurahan Ambarketawang, Kapanewon Gamping`; `Lingkungan Kendal` in Serang).
    "padukuhan",
    "pedukuhan",
    "dukuh",
    "kalurahan",
    "kapanewon",
    "kemantren",
    "lingkungan",
    "kampung",
    // A river runs through the regions it drains (`sungai Batang Hari`), as its basin does.
    "sungai",
    "sambal",
    // A police or military rank is followed by its holder's name (`Ipda Samosir`,
    // `Bripka Muna`), never a place.
    "bharada",
    "bripda",
    "briptu",
    "brigpol",
    "bripka",
    "aipda",
    "aiptu",
    "ipda",
    "iptu",
    "akp",
    "kompol",
    "akbp",
    "kombes",
    "serda",
    "sertu",
    "serka",
    "serma",
    "pelda",
    "peltu",
    "kopda",
    "koptu",
    "praka",
    "pratu",
    "letda",
    "lettu",
    "letkol",
];

/// A dish or speciality said to come from a place (`makanan khas dari Lebak`, `kuliner asal
/// Padang`): the first word two before the place, the second just before it. What is
/// served or sold that way can be anywhere.
const FROM_PLACE_DISH: &[&str] = &[
    "khas", "makanan", "masakan", "kuliner", "camilan", "jajanan", "kue", "minuman", "oleh",
    "nasi", "sate", "soto", "bakso", "rendang", "mie", "pempek", "gudeg", "martabak", "batik",
];
const FROM_PLACE: &[&str] = &["dari", "asal"];

/// Dishes named after a town, capitalised as a stall's or a menu's name.
const DISHES: &[&str] = &[
    "nasi", "sate", "soto", "bakso", "mie", "pempek", "gudeg", "lumpia", "rawon", "martabak",
    "gulai", "ayam", "bebek",
];

/// Whether the words before `at` make what follows a dish's origin (`makanan khas dari`).
pub(super) fn dish_from(words: &Words, at: usize) -> bool {
    let (Some(p1), Some(p2)) = (
        at.checked_sub(1).and_then(|i| words.get(i)),
        at.checked_sub(2).and_then(|i| words.get(i)),
    ) else {
        return false;
    };
    FROM_PLACE.contains(&p1) && FROM_PLACE_DISH.contains(&p2)
}

/// Words after a bare name that make it a job title's abbreviation (`Karo Humas` = head of
/// the public relations bureau) or a unit's name rather than the place.
const NOT_PLACE_AFTER: &[&str] = &[
    "humas",
    "ops",
    "operasi",
    "penmas",
    "hukum",
    "umum",
    "sdm",
    "perencanaan",
    "pemerintahan",
    "keuangan",
    "kesra",
    "logistik",
    "provos",
    "binops",
    "rena",
    "protokol",
    "organisasi",
    "paminal",
    "wabprof",
    "renmin",
    "binopsnal",
    // A newspaper named after its town (`Banjarmasin Post`, `Kalteng Pos`, `Palangka
    // Ekspres`), cited from anywhere.
    "post",
    "pos",
    "ekspres",
    "express",
    "times",
    // A show's format or name (`Solo Show`, `Bandung Show`), staged anywhere.
    "show",
    // A business group or a maker named after its home town (`Surya Dumai Group`, `Solo
    // Manufaktur Kreasi`), which works anywhere.
    "group",
    "grup",
    "manufaktur",
    // `Medan Merdeka`: a square and its streets in Jakarta, named without `Jalan`.
    "merdeka",
    // The common words at a sentence's start: `Medan terjal` (rough terrain), `Medan
    // perang`, `Padang pasir` (a desert), `Padang rumput`.
    "terjal",
    "perang",
    "tempur",
    "magnet",
    "pasir",
    "rumput",
    "ilalang",
];

/// Small words an acronym leaves out (`Organisasi Kerja Sama Islam` is OKI).
const ACRONYM_SKIPS: &[&str] = &[
    "dan", "sama", "untuk", "dari", "di", "ke", "yang", "of", "and",
];

/// Whether the capitals at `at` (`OKI`) abbreviate the words just before them
/// (`Organisasi Kerja Sama Islam (OKI)`): another body's acronym that happens to spell a
/// region's.
fn abbreviates(words: &Words, at: usize) -> bool {
    let Some(acronym) = words.get(at) else {
        return false;
    };
    let letters = acronym.as_bytes();
    if !(2..=6).contains(&letters.len()) || !words.upper.get(at).copied().unwrap_or(false) {
        return false;
    }
    let mut k = letters.len();
    let mut i = at;
    let mut skipped = 0;
    while k > 0 && i > 0 {
        i -= 1;
        let Some(w) = words.get(i) else {
            return false;
        };
        if ACRONYM_SKIPS.contains(&w) && skipped < 2 {
            skipped += 1;
            continue;
        }
        if w.as_bytes().first() != Some(&letters[k - 1]) {
            return false;
        }
        k -= 1;
    }
    k == 0
}

/// Whether the word at `at`, set off by a bracket (`Dinas Ketahanan Pangan (Ketapang)`),
/// is the words just before it clipped and joined, a syllable or more of each: an office's
/// short form that happens to spell a region's name. Two to four capitalised words, each
/// giving at least two letters. Asked by [`super::Gazetteer::clipped_office`].
pub(super) fn clips(words: &Words, at: usize) -> bool {
    fn joins(short: &str, parts: &[&str]) -> bool {
        match parts.split_first() {
            None => short.is_empty(),
            Some((first, rest)) => (2..=first.len().min(short.len())).any(|n| {
                first.as_bytes()[..n] == short.as_bytes()[..n] && joins(&short[n..], rest)
            }),
        }
    }
    let Some(short) = words.get(at) else {
        return false;
    };
    let bracketed = words.apart.get(at) == Some(&true)
        && words.comma.get(at) == Some(&false)
        && words.point.get(at) == Some(&false)
        && words.hyphen.get(at) == Some(&false);
    if !bracketed || !short.is_ascii() {
        return false;
    }
    (2..=4).any(|k| {
        at.checked_sub(k).is_some_and(|from| {
            let parts: Vec<&str> = (from..at).filter_map(|i| words.get(i)).collect();
            parts.len() == k
                && (from..at).all(|i| words.capitalised.get(i) == Some(&true))
                && (from + 1..at).all(|i| words.name_word_joined(i))
                && joins(short, &parts)
        })
    })
}

/// Whether the name after a prefix word at `at` (`Kota Malang`), `len` words long with the
/// prefix, is a dish's origin or the end of a school's name given as a standing (`MAN 2
/// Kota Malang menjadi sekolah terbaik`).
pub(super) fn prefixed_not_a_place(words: &Words, at: usize, len: usize) -> bool {
    dish_from(words, at) || school_affiliation(words, at, len)
}

/// Islands divided among several regions, one of them named after the island: Nias (four
/// regencies and Gunungsitoli), Sumbawa (with Sumbawa Barat, Dompu, Bima), Bintan (with
/// Tanjung Pinang), Bangka, Belitung, Buru, Buton and Muna. (The police of `Pulau Ambon`
/// are the city's.)
const SHARED_ISLANDS: &[&str] = &[
    "nias", "sumbawa", "bintan", "bangka", "belitung", "buru", "buton", "muna",
];

/// Whether word `b` makes the name after it part of something else ([`NOT_PLACE_BEFORE`]).
/// `Jalan`, `Jembatan`, `Pasar`, `Pos`, `Harian`, `Koran`, `Lingkungan`, `Kampung` and
/// `Sungai` do so capitalised (`jalan Kendari` is the roads of Kendari, a `pos` a guard post,
/// `lingkungan Bogor` its environment, `pulang kampung Garut` a trip home, `kasus harian
/// Jakarta` its daily cases), and `Pos` not after `Kantor` (the town's post office).
fn names_another_thing(words: &Words, b: usize) -> bool {
    words.get(b).is_some_and(|w| {
        // `guru Padang` in lower case, or in a headline, is the town's teachers.
        if w == "etnis" {
            const CONFLICTS: &[&str] = &[
                "kerusuhan",
                "konflik",
                "bentrok",
                "bentrokan",
                "pertikaian",
                "perang",
                "tragedi",
            ];
            return !b
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|k| CONFLICTS.contains(&k));
        }
        if w == "guru" {
            return words.capitalised.get(b) == Some(&true)
                && words.point.get(b) == Some(&false)
                && b > 0
                && !words.title_case();
        }
        NOT_PLACE_BEFORE.contains(&w)
            && (!matches!(
                w,
                "jalan"
                    | "jembatan"
                    | "pasar"
                    | "pos"
                    | "harian"
                    | "koran"
                    | "lingkungan"
                    | "kampung"
                    | "sungai"
            ) || words.capitalised.get(b).copied().unwrap_or(false))
            && !(w == "pos" && b.checked_sub(1).and_then(|k| words.get(k)) == Some("kantor"))
    })
}

/// Whether the region name at `at` ends a main road's name: a road is named after the town it
/// leads to (`Jalan Raya Bekasi` runs through East Jakarta, `Jl. Raya Bogor` through Depok),
/// a street like any other. A landmark's road (`Jalan Raya Puncak`) is in the landmark.
pub(super) fn main_road(words: &Words, at: usize) -> bool {
    words.comma.get(at) == Some(&false)
        && at.checked_sub(1).is_some_and(|b| {
            words.get(b) == Some("raya")
                && b.checked_sub(1).is_some_and(|s| {
                    matches!(words.get(s), Some("jalan" | "jl" | "jln"))
                        && names_another_thing(words, s)
                })
        })
}

/// Academic degrees written after a name (`MM`, `S.Sos`: its first part, `S`, is none of
/// these, so a degree must open with its own letters).
const DEGREES: &[&str] = &[
    "mm", "sh", "se", "mh", "msi", "spd", "mpd", "ssos", "sip", "skm", "amd", "mkes", "mt", "msc",
    "phd", "sstp", "stp", "mba", "sag", "mag", "shi", "skom", "mkom", "ssi", "sth", "ssn", "sked",
    "mkn", "mpa", "map",
];

/// Peoples and their subgroups named after a place ([`not_a_place`]).
const PEOPLES: &[(&str, &[&str])] = &[
    ("bugis", &["makassar"]),
    (
        "batak",
        &[
            "toba",
            "karo",
            "simalungun",
            "pakpak",
            "mandailing",
            "angkola",
        ],
    ),
    ("dayak", &["paser"]),
];

/// Peoples' names that are no region's (`Sanger`, `Mongondow`, `Arab`): a list with two of
/// them names peoples ([`listed_among_peoples`]). Not peoples named as their place is
/// (`Ambon`, `Flores`, `Gorontalo`): a list of towns holds them too. `Jawa` counts, but one
/// alone never makes a list of peoples.
const PEOPLE_NAMES: &[&str] = &[
    "arab",
    "tionghoa",
    "cina",
    "china",
    "sanger",
    "sangir",
    "mongondow",
    "bugis",
    "batak",
    "dayak",
    "minang",
    "minangkabau",
    "melayu",
    "sunda",
    "betawi",
    "jawa",
];

/// Whether the name at `at`, `len` words long, is an item of a list of peoples (`warga dari
/// suku Mongondow, Jawa, Sanger, Makasar, Arab, Minahasa, Gorontalo`): two items or more in
/// the same run of one-word items parted by commas or `dan` are peoples' names only. Then
/// the region's name is its people's too.
fn listed_among_peoples(words: &Words, at: usize, len: usize) -> bool {
    // A list's items here are one word each: no capitalised word joined on either side
    // (`Kampung Arab`, `Jawa Timur` are names of their own in an address).
    let joined = |k: usize| words.apart.get(k) == Some(&false);
    let item = |k: usize| {
        words.capitalised.get(k) == Some(&true)
            && words.point.get(k) == Some(&false)
            && !(k > 0 && words.capitalised.get(k - 1) == Some(&true) && joined(k))
            && !(words.capitalised.get(k + 1) == Some(&true) && joined(k + 1))
    };
    let parted = |k: usize| {
        words.comma.get(k) == Some(&true)
            || k.checked_sub(1)
                .is_some_and(|b| matches!(words.get(b), Some("dan" | "serta")))
    };
    let people = |k: usize| usize::from(words.get(k).is_some_and(|w| PEOPLE_NAMES.contains(&w)));
    // A dozen items each way: a longer run is a table, and each name would walk it again.
    let mut peoples = 0;
    let mut k = at;
    for _ in 0..12 {
        if !parted(k) {
            break;
        }
        let back = if words.comma.get(k) == Some(&true) {
            1
        } else {
            2
        };
        let Some(prev) = k.checked_sub(back).filter(|&p| item(p)) else {
            break;
        };
        peoples += people(prev);
        k = prev;
    }
    let mut k = at + len;
    for _ in 0..12 {
        let next = if words.comma.get(k) == Some(&true) {
            k
        } else if matches!(words.get(k), Some("dan" | "serta")) {
            k + 1
        } else {
            break;
        };
        if !item(next) {
            break;
        }
        peoples += people(next);
        k = next + 1;
    }
    peoples >= 2
}

/// Malaysian states its migrant workers' news names (`Malaka`, a regency, is written
/// `Melaka` for the state).
const STATES_ABROAD: &[&str] = &[
    "sabah",
    "sarawak",
    "johor",
    "melaka",
    "selangor",
    "kedah",
    "pahang",
    "kelantan",
    "terengganu",
];

/// Countries near Indonesia.
const COUNTRIES: &[&str] = &["malaysia", "singapura", "brunei", "filipina", "thailand"];

/// Whether the bare name at `at`, `len` words long, is part of a street, a dish or a title.
pub(super) fn not_a_place(words: &Words, at: usize, len: usize) -> bool {
    if (len == 1 && abbreviates(words, at)) || dish_from(words, at) {
        return true;
    }
    if plays(words, at, len)
        || listed_among_peoples(words, at, len)
        || school_affiliation(words, at, len)
        || ends_a_firm(words, at, len)
        || listed_body(words, at, len)
    {
        return true;
    }
    // A dish named with more words before its town (`Warung Soto Dok Lamongan`, `Sate
    // Kambing Tegal`), served wherever the stall is: the dish's word capitalised, every word
    // after it joined to the town.
    let dish_name = (2..=3).any(|k| {
        at.checked_sub(k).is_some_and(|d| {
            words.capitalised.get(d) == Some(&true)
                && words.upper.get(d) == Some(&false)
                && words.get(d).is_some_and(|w| DISHES.contains(&w))
                && (d + 1..=at).all(|j| words.name_word_joined(j))
        })
    });
    if dish_name {
        return true;
    }
    // A people's culture written in lower case (`adat dan budaya Minahasa`, `budaya Minahasa
    // yang ditampilkan`), theirs wherever they live; not a festival's name or a heritage
    // (`Festival Budaya Banyuwangi`, `cagar budaya Semarang`), which are the place's.
    let customs = at >= 1
        && words.get(at - 1) == Some("budaya")
        && words.capitalised.get(at - 1) == Some(&false)
        && words.comma.get(at) == Some(&false)
        && at.checked_sub(2).and_then(|b| words.get(b)) != Some("cagar");
    if customs {
        return true;
    }
    // A thing named as a people calls it (`cengkeh putih yang disebut orang Manado cengkeh
    // budo`, `istilah orang Bugis`): the people's word, wherever the thing is. Not what a
    // people say (`kata orang Tasikmalaya`), often of their own town.
    let named_by_people = at >= 2
        && words.get(at - 1) == Some("orang")
        && words.capitalised.get(at - 1) == Some(&false)
        && matches!(
            words.get(at - 2),
            Some("disebut" | "dinamai" | "dinamakan" | "istilah" | "sebutan" | "julukan")
        );
    if named_by_people {
        return true;
    }
    // A people and its subgroup named after a place (`adat Bugis Makassar`, `Batak Toba`,
    // `Dayak Paser`): the people, wherever they live. Only these pairs: a council or a
    // quarter is named the same way after the place it is in (`Dewan Adat Dayak Sintang`,
    // `Kampung Bugis Tanjungpinang`).
    let subgroup = at >= 1
        && words.comma.get(at) == Some(&false)
        && words.capitalised.get(at - 1) == Some(&true)
        && words
            .get(at - 1)
            .zip(words.get(at))
            .is_some_and(|(people, place)| {
                PEOPLES
                    .iter()
                    .any(|(p, groups)| *p == people && groups.contains(&place))
            });
    if subgroup {
        return true;
    }
    // A surname between a given name and an academic degree (`Kepala Dinas Sosial Pakpak
    // Bharat Supardi Padang MM`, `Rahmat Bima, S.Sos`): a person, as a Pakpak or a Batak
    // clan's name often is.
    let degree = |k: usize| {
        words.capitalised.get(k) == Some(&true)
            && words.point.get(k) == Some(&false)
            && words.get(k).is_some_and(|w| {
                DEGREES.contains(&w)
                    // Written with stops (`S.Sos`, `M.Si`): its first letter, then a short
                    // capitalised rest.
                    || (matches!(w, "s" | "m")
                        && words.capitalised.get(k + 1) == Some(&true)
                        && words.get(k + 1).is_some_and(|r| (1..=4).contains(&r.len())))
            })
    };
    let surname = at >= 1
        && words.capitalised.get(at - 1) == Some(&true)
        && words.point.get(at) == Some(&false)
        && words.comma.get(at) == Some(&false)
        && degree(at + len);
    if surname {
        return true;
    }
    // A church's synod named after the lands it serves (`Gereja Masehi Injil Sangihe Talaud`,
    // `Gereja Kristen Sulawesi Tengah`): the church, wherever it meets; not a parish named
    // after its town (`Gereja Santo Yosef Purwokerto`).
    let synod = (1..=4).any(|n| {
        at.checked_sub(n).is_some_and(|b| {
            words.get(b) == Some("gereja")
                && (b + 1..=at).all(|k| words.name_word_joined(k))
                && (b + 1..at).any(|k| {
                    words.get(k).is_some_and(|w| {
                        matches!(w, "masehi" | "injil" | "injili" | "kristen" | "protestan")
                    })
                })
        })
    });
    if synod {
        return true;
    }
    // A clock's zone (`pukul 15.00 waktu Papua`), not where anything happens; `waktu` alone
    // is as often `when` (`pada waktu Bandung dilanda banjir`).
    let zone = at.checked_sub(1).and_then(|b| words.get(b)) == Some("waktu")
        && (2..=3).any(|n| {
            at.checked_sub(n)
                .and_then(|b| words.get(b))
                .is_some_and(|w| {
                    matches!(w, "pukul" | "jam")
                        || (w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit()))
                })
        });
    if zone {
        return true;
    }
    // A place abroad named like a region, its name going on in capitals before its state or
    // country (`Hospital Alor Gajah, Melaka, Malaysia`, `Batu Pahat, Johor`).
    // In prose only (a lower-case word just before): a headline capitalises its verbs
    // (`Warga Natuna Meninggal Di Malaysia`); and no word of motion or place between
    // (`Karimun Menuju Johor`).
    let prose = (1..=3).any(|n| {
        at.checked_sub(n)
            .is_some_and(|b| words.capitalised.get(b) == Some(&false))
    });
    let abroad = prose
        && words.name_word_joined(at + len)
        && (at + len + 1..at + len + 4)
            .take_while(|&i| {
                words.capitalised.get(i) == Some(&true)
                    && !words
                        .get(i)
                        .is_some_and(|w| matches!(w, "di" | "ke" | "dari" | "menuju" | "oleh"))
            })
            // A country right after the name is as often a route's end (`feri rute Batam
            // Centre Singapura`): only a state, or a country after a comma, places it.
            .any(|i| {
                words.get(i).is_some_and(|w| {
                    STATES_ABROAD.contains(&w)
                        || (COUNTRIES.contains(&w) && words.comma.get(i) == Some(&true))
                })
            });
    if abroad {
        return true;
    }
    // A reduplicated word that ends in a name (`mengada-ngada`), not the place.
    let echo = words.hyphen.get(at) == Some(&true)
        && at.checked_sub(1).is_some_and(|b| {
            let (Some(prev), Some(name)) = (words.get(b), words.get(at)) else {
                return false;
            };
            prev.len() > name.len() && prev.ends_with(name)
        });
    if echo {
        return true;
    }
    // A citation's publisher town, which prints for anywhere: `(Semarang: Toha Putra,
    // 1990)`, `al-Adzkar, Semarang: Alawiyah, hal. 74`.
    let next = at + len;
    let cited = words.colon.get(next) == Some(&true)
        && words.capitalised.get(next) == Some(&true)
        && (next + 1..next + 6).any(|i| {
            // After the publisher's name and a comma.
            words.comma.get(i) == Some(&true)
                && words.get(i).is_some_and(|w| {
                    matches!(w, "hal" | "halaman" | "cet" | "cetakan")
                        || (w.len() == 4
                            && w.bytes().all(|b| b.is_ascii_digit())
                            && (w.starts_with("19") || w.starts_with("20")))
                })
        });
    if cited {
        return true;
    }
    // Football clubs are named PS* or Pers* and a town (`PSM Makassar`, `PS Sleman`,
    // `Persib Bandung`);
    // `pers` alone is the press.
    let club = at
        .checked_sub(1)
        .and_then(|b| words.get(b))
        .is_some_and(|w| {
            (w.starts_with("ps") && (2..=5).contains(&w.len()))
                || (w.starts_with("pers") && (6..=9).contains(&w.len()))
        });
    if club {
        return true;
    }
    // `jalan Kendari` (the roads of Kendari) is the place; a street is `Jalan Kendari`. A
    // comma between ends the phrase (`Kecamatan ,, Surabaya`); quotes do not (`tembang
    // "Solo"`, a title).
    let close = !words.comma.get(at).copied().unwrap_or(true);
    let before = close
        && at
            .checked_sub(1)
            .is_some_and(|b| names_another_thing(words, b));
    // An island that several regions share, named as the island (`Pulau Nias`, `Kepulauan
    // Nias`, the `Sail Nias` festival of its waters): not the regency called after it. An
    // island that is its regency (`Pulau Simeulue`) is the place.
    let island = close
        && len == 1
        && at
            .checked_sub(1)
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w, "pulau" | "kepulauan" | "sail"))
        && words.get(at).is_some_and(|w| SHARED_ISLANDS.contains(&w));
    if island {
        return true;
    }
    // A new town named after an old one elsewhere (`Solo Baru` in Sukoharjo); lower case,
    // `baru` is "just" (`di Pasuruan baru-baru ini`).
    let new_town = words.get(at + len) == Some("baru")
        && words.capitalised.get(at + len) == Some(&true)
        && words.comma.get(at + len) == Some(&false);
    let after = new_town
        || words
            .get(at + len)
            .is_some_and(|w| NOT_PLACE_AFTER.contains(&w));
    before || after
}

#[cfg(test)]
mod tests;
