//! Indonesian regions named by an article: its dateline and the regencies (kabupaten), cities
//! (kota) and provinces its text mentions, resolved against the table in `data/regions.tsv`
//! (see that file's header for how it was derived).
//!
//! Matching works on whole words, case-insensitively: the text is split into lower-case words
//! once and each word is looked up in an index from first word to the names starting with it,
//! so an article costs one hash lookup per word rather than one scan per name. News writes
//! regions with prefixes ("Kabupaten Musi Rawas Utara", "Pemkab OKI", "Pemkot Palembang",
//! "Kota Batu", "Provinsi Jambi"); a prefix picks between a regency and a city of the same
//! name, and names that are also common words ("batu" = stone, "malang" = unlucky) only count
//! after one.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

mod article;
mod exclude;
mod landmark;
mod level;
mod nearby;
mod resolve;
mod route;
mod salience;
mod scan;
mod schools;
mod spelling;
mod sport;
mod table;
mod villages;
mod words;

use words::{Words, words};

pub use resolve::{PlaceKind, resolve_province, resolve_region};

/// The shipped table, so warta works without the reference data it was derived from.
const TABLE: &str = include_str!("../data/regions.tsv");
/// Districts of the regencies that share a city's name, and of those cities.
const DISTRICTS: &str = include_str!("../data/districts.tsv");
/// Regencies' seats that no district is named after, read as districts.
const CAPITALS: &str = include_str!("../data/capitals.tsv");
const VILLAGES: &str = include_str!("../data/villages.tsv");
const NAMED_VILLAGES: &str = include_str!("../data/villages_named.tsv");
const LANDMARKS: &str = include_str!("../data/landmarks.tsv");

/// A multiply-rotate hash (as in rustc's FxHash) for the word index: every word of every
/// article is looked up, and SipHash was a quarter of the scan. Flooding is no concern:
/// the keys are the fixed table, and text only ever looks keys up.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A regency or a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Regency,
    City,
}

/// A province of Indonesia (38 since the 2022 Papua split).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// Two-digit Kemendagri code ("16").
    pub code: String,
    /// Title-case name ("Sumatera Selatan").
    pub name: String,
}

/// A regency or city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub kind: RegionKind,
    /// Display name: "Musi Rawas Utara", "Lubuk Linggau", "Kota Sorong" (a city keeps "Kota"
    /// only when a regency has the same name).
    pub name: String,
    /// Index into [`Gazetteer::provinces`].
    pub province: usize,
}

/// What a name in the index refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Province(usize),
    Region(usize),
    /// A phrase that names places without being about them ("dari Sabang sampai Merauke");
    /// matching it skips its words.
    Nothing,
}

/// How sure a bare (unprefixed) mention of a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bare {
    /// Counts as written.
    Any,
    /// Also a common word ("medan" = field): counts when its first letter is upper case.
    Capitalised,
    /// A short form that is also a word, a name or another place (`Mabar` = playing together,
    /// `Basel` in Switzerland, `Loteng` = attic): counts capitalised where the article places
    /// it, as an acronym does.
    Doubted,
    /// An acronym ("OKI", "PALI"): counts when written in capitals, not as a given name
    /// ("Oki Setiana").
    Upper,
    /// Also a common word ("malang" = unlucky, "serang" = attack): counts capitalised where
    /// the words around place it ([`Gazetteer::placed`]), otherwise only after a prefix.
    Placed,
    /// Also a common word or given name ("bima", "kuningan" in Jakarta): counts only after
    /// a prefix.
    Never,
}

/// What the words around a mention say that only the whole article can weigh: why a bare
/// mention may not be the place after all, or that its level is fixed.
#[derive(Debug, Clone, Copy, Default)]
struct Cues {
    /// A team's town if the article is about sport ([`sport::plays_in_sport`]).
    team: bool,
    /// A region's acronym (`OKI`) or a clan's name ([`words::CLANS`]), which counts only
    /// where the article names its province or another of its regions in full.
    acronym: bool,
    /// Where the neighbourhood a region is named like lies ([`words::NAMESAKES`]): in an
    /// article that names that place the region counts only where it names the region's own
    /// province or another region of it too.
    namesake: Option<&'static str>,
    /// The words fix its level: a prefix (`Kabupaten`, `Kota`, `Bupati` ...), or a district
    /// of the regency that shares the name with a city just before it (`Cibinong, Bogor`).
    level_named: bool,
    /// Not a mention of the region but a sign of which level the article means: a district
    /// of the regency named by its kind (`Kecamatan Simpenan`).
    evidence: bool,
    /// Named by a landmark that lies in it (`Stadion Gelora Bung Karno`), not by its name.
    landmark: bool,
    /// Not a mention of the region but of a town of another province that bears its name
    /// ([`Gazetteer::town_of_another_province`]): the name's other bare mentions are that
    /// town too.
    elsewhere: bool,
    /// Named right after another region's words (`Kabupaten Garut, Jawa Barat`, `Sleman,
    /// Yogyakarta`): said to locate that region.
    after_region: bool,
}

/// One place found while an article is read, before the whole article has been.
struct Hit<T> {
    made: T,
    target: Target,
    cues: Cues,
    /// What a bare city name makes as the regency of the same name, and that regency.
    twin: Option<(T, usize)>,
    /// A bare city name in a sentence that speaks of villages ([`Gazetteer::among_villages`]).
    rural: bool,
}

/// One way of writing a place: its words (lower case), what it names, and how a bare
/// mention counts.
#[derive(Debug, Clone)]
struct Name {
    words: Vec<String>,
    target: Target,
    bare: Bare,
    /// A place named by a common word (`Padang` = plain), which other places' names begin
    /// with too: see [`Gazetteer::common_word_begins`].
    common: bool,
}

/// What a prefix word says the next name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Regency,
    City,
    Province,
}

impl From<RegionKind> for Hint {
    fn from(kind: RegionKind) -> Hint {
        match kind {
            RegionKind::City => Hint::City,
            RegionKind::Regency => Hint::Regency,
        }
    }
}

/// The regions table with its word index.
#[derive(Debug)]
pub struct Gazetteer {
    pub provinces: Vec<Province>,
    pub regions: Vec<Region>,
    /// First word of a name -> the names starting with it, longest first.
    index: WordMap<Vec<Name>>,
    /// First half of a long one-word name written as two words -> (second half, place):
    /// `Padang Sidimpuan`, `Bukit Tinggi`.
    split: WordMap<Vec<(String, Target)>>,
    /// Per region: the regency of the same name, for a city that has one (`Kota Bogor` ->
    /// `Bogor`). A bare name means the city unless the article says otherwise.
    twin: Vec<Option<usize>>,
    /// A district's or village's name (lower case, its words run together) -> the regions it
    /// lies in: districts of every region, villages of those in [`Gazetteer::twin`].
    districts: WordMap<Vec<usize>>,
    /// The same for districts alone, of every region.
    kecamatan: WordMap<Vec<usize>>,
    /// The leading words of districts' names of two words or more, run together
    /// (`simpang` of `Simpang Keuramat`): a district of that name followed by more
    /// capitalised words may be the start of another's.
    district_heads: WordMap<()>,
    /// Districts named like a region or province (`Mesuji` in Ogan Komering Ilir) -> the
    /// regions they lie in.
    namesakes: WordMap<Vec<usize>>,
    /// First word of a landmark's name -> the landmarks starting with it, longest first.
    landmarks: WordMap<Vec<landmark::Landmark>>,
    /// A village's name holding a region's (`Tongute Ternate`), its words run together -> the
    /// regions it lies in ([`Gazetteer::add_named_villages`]).
    named_villages: WordMap<Vec<usize>>,
}

/// The regions and provinces an article names, in order: the dateline's first, then by first
/// mention; without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The article's places ([`salience`] tells them from the rest).
    pub regions: Vec<String>,
    /// Regions the article names only in passing.
    pub passing: Vec<String>,
    pub provinces: Vec<String>,
}

impl Found {
    /// Adds `target`, to the article's places when `main`; a province counts through either.
    fn add(&mut self, g: &Gazetteer, target: Target, main: bool) {
        let province = match target {
            Target::Nothing => return,
            Target::Province(p) => p,
            Target::Region(r) => {
                let region = &g.regions[r];
                push_unique(
                    if main {
                        &mut self.regions
                    } else {
                        &mut self.passing
                    },
                    &region.name,
                );
                region.province
            }
        };
        if let Some(p) = g.provinces.get(province) {
            push_unique(&mut self.provinces, &p.name);
        }
    }
}

/// One place mention as the finder read it ([`Gazetteer::mentions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The region's or province's display name.
    pub place: String,
    /// Which of the texts it is in (0 = the first).
    pub text: usize,
    /// The lower-case words around it, the name (with any prefix) in brackets.
    pub context: String,
    /// Found after a prefix word (`Kabupaten`, `Pemkot`, `Bupati` ...).
    pub prefixed: bool,
    /// The words just before and after it, lower case ("" at an end of the text).
    pub before: String,
    pub after: String,
    /// Its first word began with an upper-case letter.
    pub capitalised: bool,
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

fn prefix_hint(word: &str) -> Option<Hint> {
    match word {
        "kabupaten" | "kab" | "pemkab" | "bupati" => Some(Hint::Regency),
        "kota" | "pemkot" | "walikota" => Some(Hint::City),
        "provinsi" | "prov" | "pemprov" => Some(Hint::Province),
        _ => None,
    }
}

impl Gazetteer {
    /// The table shipped with warta, parsed once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::parse(TABLE);
            g.add_districts(DISTRICTS);
            g.add_districts(CAPITALS);
            g.add_villages(VILLAGES);
            g.add_named_villages(NAMED_VILLAGES);
            g.add_landmarks(LANDMARKS);
            g
        })
    }

    /// The province `target` is or lies in.
    fn province_of(&self, target: Target) -> Option<usize> {
        match target {
            Target::Province(p) => Some(p),
            Target::Region(r) => self.regions.get(r).map(|r| r.province),
            Target::Nothing => None,
        }
    }

    /// How well `target` fits `hint`: 0 best. A bare name that is both a province and a city
    /// ("Gorontalo", "Jambi") means the province; one that is both a city and a regency
    /// ("Bekasi") means the city, which is what news usually means.
    fn rank(&self, target: Target, hint: Option<Hint>) -> u8 {
        let kind = match target {
            // Only ever found bare and never competing with a place of the same words.
            Target::Nothing => return 0,
            Target::Province(_) => Hint::Province,
            Target::Region(r) => self.regions[r].kind.into(),
        };
        match (hint, kind) {
            (Some(h), k) if h == k => 0,
            (None, Hint::Province) => 0,
            (None, Hint::City) => 1,
            (None, Hint::Regency) => 2,
            // "Kota Blora" is the town of Blora regency; "Provinsi Papua Selatan" is found
            // either way.
            _ => 3,
        }
    }

    /// The longest name starting at `words[at]` (best fit to `hint` among equally long ones),
    /// and how many words it spans. Names needing a prefix are only found with a hint.
    fn longest(&self, words: &Words, at: usize, hint: Option<Hint>) -> Option<(Target, usize)> {
        let list = self.index.get(words.get(at)?)?;
        let capitalised = words.capitalised.get(at).copied().unwrap_or(false);
        let upper = words.upper.get(at).copied().unwrap_or(false);
        // After a prefix a common word still needs a capital somewhere: `kota padang pasir`
        // is a desert town, `kota Padang` and `Kota padang` the city.
        let capital_near = capitalised
            || (hint.is_some()
                && at
                    .checked_sub(1)
                    .is_some_and(|b| words.capitalised.get(b) == Some(&true)));
        let mut best: Option<(&Name, u8)> = None;
        // A longer name the words spell but that needs a prefix here (`Polres Batu Bara`):
        // no shorter name at the same word (`Batu`, another region) may take its words.
        let mut spelt_longer = 0;
        for name in list {
            if let Some((b, _)) = best
                && b.words.len() > name.words.len()
            {
                break;
            }
            if name.words.len() < spelt_longer {
                return None;
            }
            let bare_ok = match name.bare {
                Bare::Any => true,
                Bare::Capitalised | Bare::Doubted => capitalised,
                Bare::Upper => upper,
                Bare::Placed => capitalised && self.placed(words, at, name),
                Bare::Never => false,
            };
            if hint.is_none()
                && (!bare_ok
                    || self.acronym_like(words, at, name)
                    || self.common_word_begins(words, at, name))
            {
                if !bare_ok && name.words.len() > 1 && words.matches(at, &name.words) {
                    spelt_longer = name.words.len();
                }
                continue;
            }
            if matches!(name.bare, Bare::Capitalised | Bare::Doubted) && !capital_near {
                continue;
            }
            // A set phrase is skipped with its last word misspelt too (`Sabang sampai
            // Marauke`).
            let matched = words.matches(at, &name.words)
                || (name.target == Target::Nothing
                    && spelling::matches_loosely(words, at, &name.words));
            if !matched {
                continue;
            }
            let rank = self.rank(name.target, hint);
            if best.is_none_or(|(_, r)| rank < r) {
                best = Some((name, rank));
            }
        }
        match best {
            Some((n, _)) if n.words.len() > 1 => Some((n.target, n.words.len())),
            _ => self
                .split_name(words, at)
                .map(|t| (t, 2))
                .or(best.map(|(n, _)| (n.target, n.words.len()))),
        }
    }

    /// Whether a bare regency or city name at `at` is written in capitals among words that
    /// are not (`LPS Gandeng MAPPI`): another body's acronym that spells the name. Acronyms
    /// that are the place's own (`OKI`, `PALI`) are aliases of their own kind.
    fn acronym_like(&self, words: &Words, at: usize, name: &Name) -> bool {
        let shouted = |i: usize| words.upper.get(i) == Some(&true);
        matches!(name.target, Target::Region(_))
            && matches!(name.bare, Bare::Any | Bare::Capitalised | Bare::Doubted)
            && name.words.len() == 1
            && name.words[0].len() >= 3
            && shouted(at)
            && at.checked_sub(1).is_some_and(|b| !shouted(b))
            && !shouted(at + 1)
    }

    /// Whether a bare name that is also a common word (`Padang` = plain, `Medan` = field) begins
    /// another place's name at `at`: followed, in the same phrase, by a capitalised word
    /// that is no direction, day, acronym, district of the city ([`words::SUBPLACES`]) or
    /// start of another known name (`Padang Luar`, `Padang Pancuran`, `Medan Satria` are
    /// elsewhere; `Padang Sumatera Barat`, `Medan Johor`, `Padang-Sicincin` are not).
    fn common_word_begins(&self, words: &Words, at: usize, name: &Name) -> bool {
        name.common
            && name.words.len() == 1
            && matches!(name.target, Target::Region(_))
            && self.plain_name_word(words, at + 1)
    }

    /// A long one-word name written as two capitalised words at `at` (`Padang Sidimpuan`),
    /// the second maybe a letter off (`Padang Sidempuan`): a name the first word alone may
    /// spell (Padang) must not take it.
    fn split_name(&self, words: &Words, at: usize) -> Option<Target> {
        let list = self.split.get(words.get(at)?)?;
        let cap = |i: usize| words.capitalised.get(i) == Some(&true);
        if !cap(at) || !cap(at + 1) || words.apart.get(at + 1) != Some(&false) {
            return None;
        }
        let second = words.get(at + 1)?;
        list.iter()
            .find(|(rest, _)| rest == second)
            .or_else(|| list.iter().find(|(rest, _)| spelling::near(second, rest)))
            .map(|&(_, t)| t)
    }
}

/// Whether `written` as a whole spells a regency, city or province of the shipped table, in
/// any of its spellings and with or without a Kota/Kabupaten prefix ("Kulon Progo",
/// "KARANGANYAR", "Kab. Sleman"): datelines name places the short list of big cities misses.
pub fn is_place_name(written: &str) -> bool {
    matches!(
        Gazetteer::get().dateline(written),
        Some(Target::Province(_) | Target::Region(_))
    )
}

/// Whether `written` as a whole spells a district (kecamatan) of the shipped table, a town
/// a dateline may name (`Sentani`, `Tahuna`, `Tanjungpandan`); one-word districts that are
/// also common words (`Batu`, `Merdeka`, `Tanjung`) do not count.
pub fn is_district_name(written: &str) -> bool {
    // Keyed as the districts table is (`places_within`): lower-case words run together.
    let key = words(written).concat();
    let districts = &Gazetteer::get().kecamatan;
    distinctive_district(&key)
        && (districts.contains_key(&key)
            // A town whose district is named `Kota X` (`Kota Masohi`, `Kota Waingapu`) is
            // written without the word in its dateline (`MASOHI-`).
            || (!TOWN_DISTRICT_WORDS.contains(&key.as_str())
                && districts.contains_key(&format!("kota{key}"))))
}

/// Whether a district's key (lower-case words run together) can tell a place on its own: not
/// short (`kota`) nor a common word (`tanjung`, `merdeka`).
fn distinctive_district(key: &str) -> bool {
    key.len() >= 5 && !COMMON_DISTRICT_WORDS.contains(&key)
}

/// Words of districts named `Kota X` that are words or names of their own (`Kota Agung`,
/// `Kota Bahagia`), not a town's name.
const TOWN_DISTRICT_WORDS: &[&str] = &[
    "agung", "bahagia", "juang", "gajah", "baharu", "komba", "bangun",
];

/// One-word district names that are also words of a sentence or of other names.
const COMMON_DISTRICT_WORDS: &[&str] = &[
    "tanjung",
    "muara",
    "kuala",
    "ujung",
    "merdeka",
    "makmur",
    "damai",
    "bukit",
    "barat",
    "timur",
    "utara",
    "selatan",
    "tengah",
    "pusat",
    "pasar",
    "teluk",
    "pantai",
    "gunung",
    "sungai",
    "pulau",
    "kampung",
    // Words of names an article writes capitalised (`Taman Safari`, `Sumber Daya Manusia`,
    // `Pondok Pesantren`, `Semen Padang`, `Kramat Jati`), which would otherwise tell a bare
    // shared name's level ([`Gazetteer::regencies_by_districts`]).
    "taman",
    "sumber",
    "pesantren",
    "semen",
    "salam",
    "dukun",
    "benda",
    "telaga",
    "talang",
    "pinang",
    "kramat",
    "curug",
    "gading",
    "kemang",
    "kotalama",
];

/// Whether `written` as a whole spells a province, as a dateline writes it ("Jambi", "Jawa
/// Barat", "Sumbar").
pub fn is_province_name(written: &str) -> bool {
    matches!(
        Gazetteer::get().dateline(written),
        Some(Target::Province(_))
    )
}

/// Whether `written` is a province's short form (`Sulsel`, `Kaltara`, `Jatim`), not its
/// full name (`Bali`, `Jambi`).
pub fn is_province_short_form(written: &str) -> bool {
    let g = Gazetteer::get();
    match g.dateline(written) {
        Some(Target::Province(p)) => g
            .provinces
            .get(p)
            .is_some_and(|p| words(&p.name).concat() != words(written).concat()),
        _ => false,
    }
}

/// Whether `a` and `b` each spell a regency or city, and the two lie in different
/// provinces (`Payakumbuh` and `Metro`): written side by side in a dateline the second is no
/// place of the first's, but a site's name (`PAYAKUMBUH, METRO –`).
pub fn in_other_provinces(a: &str, b: &str) -> bool {
    let g = Gazetteer::get();
    match (g.dateline(a), g.dateline(b)) {
        (Some(Target::Region(x)), Some(Target::Region(y))) => {
            g.regions[x].province != g.regions[y].province
        }
        _ => false,
    }
}

/// [`Gazetteer::mentions`] over the shipped table.
pub fn mentions<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Mention> {
    Gazetteer::get().mentions(texts)
}

/// [`Gazetteer::find`] over the shipped table.
pub fn find<'a>(dateline: Option<&str>, texts: impl IntoIterator<Item = &'a str>) -> Found {
    Gazetteer::get().find(dateline, texts)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_districts;
#[cfg(test)]
mod tests_elsewhere;
#[cfg(test)]
mod tests_passing;
#[cfg(test)]
mod tests_places;
#[cfg(test)]
mod tests_schools;
#[cfg(test)]
mod tests_seats;
