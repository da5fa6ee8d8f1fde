//! The article model shared by the loader, the cache, the query engine, the CLI and the TUI.
//!
//! An article is split in two: [`Meta`] holds everything the list, the facets and the query
//! language need and stays resident; [`Body`] holds the long text and is fetched on demand
//! (from memory after a fresh parse, or from the cache), so a million-article corpus does not
//! need every body in memory at start-up. [`Article`] is the two together, and its JSON form
//! (meta fields then body fields, flattened) is the contract used by `warta parse`, `warta show
//! --format json`, `warta list --format json` and the export.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Bumped whenever parsing changes what an article looks like; cached entries made by another
/// parser version are re-parsed.
/// 5: a JSON record's unmapped fields are kept with the body.
/// 6: a year-less date nothing in its article places is kept for the corpus to place.
/// 7: two-digit years in parentheses; region and outlet fidelity fixes (issue 19).
/// 8: reporting datelines after a plan, days heard yesterday, bare reporting dates;
///    districts, villages, dishes and bridal styles named after a place are not regions.
/// 9: spans that have passed, plans told after their date, tonight, as-of counts,
///    correction notes, quoted later days and sentences broken across lines (dates).
/// 10: regions: clubs, works, schools as affiliations, acronyms, speakers, neighbourhoods
///    named like a regency are not places; one-word names written as two, misspelt names.
/// 11: dates: `bakal` plans, fixtures a preview announces, quotes with a contradicting
///    weekday, events that happened after the last quote, publication stamp lines;
///    furniture joined to a paragraph by a bare comma; agency datelines, `Laporan:` and
///    `;`-separated credits, a syndicated copy's pointer to its original.
/// 12: regions: teams by town or nickname in sport, firms, places named Padang X/Medan X,
///    islets, straits, ranges, canals, faults, citations and lower-case slips are not places.
/// 13: any furniture the line classifier knows (`© Brand`, `Baca selengkapnya`, a caption
///    or a byline), joined to a paragraph by a bare comma, is cut off the paragraph; stamps
///    written month first (`Oct 16, 2025 09:12`); a two-day span told as done dates the
///    report on its last day; dates in a list of next fixtures are ahead of the report; a
///    day restated in Indonesian time (`… waktu setempat atau Rabu (18/9) WIB`) is one event;
///    a bracketed date after a score is a past result.
///    Regions: a town set against a club without sport words around, schools without a
///    known head word and ranked schools, a regency's acronym without its province, markets
///    and given names spelling a town are not places; a bare name a city shares with a
///    regency is the regency where only that is named with its prefix; ranks and `sambal`;
///    `Sleman, Yogyakarta` names the province; a district of the regency before a name it
///    shares with a city (`Cibinong, Bogor`) places it in the regency.
/// 14: regions: a village of the regency places a shared name as a district does; a police
///    resort named by the bare name is the regency's, `X Kota` the city's; the region carved
///    out under a shared name and a direction (`Serpong, Tangerang`); a bare `Yogyakarta`
///    (`Jogja`, `Yogya`) is the province, as `Gorontalo` and `Jambi` are; ranked schools
///    (`di atas`, `juara`), study at and partners of a university; a common word after a
///    prefix needs a capital somewhere; `Jombang, Ciputat, Tangerang Selatan`; Manggarai
///    beside Jakarta; a town behind a scrubbed club's comma in sport text.
/// 15: dates: fixture words (`liga`, `stadion`, broadcasts), dates inside quoted words,
///    other-day words (`Sehari berselang`, `berencana`), clauses no longer cut by a time's
///    dot, a reporting clause with a wrong weekday against sound dates up to 7 days earlier,
///    a year-less restatement of a full date, longer reporting clauses, the second day of a
///    `dan` pair, obligations (`harus`, `wajib`) as plans.
/// 16: dates: a day said to be tomorrow (`Rabu (11/9) besok`) dates the report the day
///    before when no sound day does; a weekday named as tomorrow without its date
///    (`parade Minggu besok`) makes that weekday's dates tomorrow's.
/// 17: dates: a headline that puts its news today (`Malam Ini`) dates a preview on the
///    event it tells of as ahead; an arrival (`datang`, `tiba`) after the last quote is news.
/// 18: dates: a list of fixtures to come that runs on over paragraphs of their own (match
///    lines, day lines over them) keeps its later days another event's, as in its head.
/// 19: dates: such a list's lines are marked while their paragraph is read, as its head is,
///    so a time-zone pair or a span inside them is read as the head's would be.
/// 20: out-of-sample forms: datelines of sites never tuned on (lower-case domains, three
///    parts, an agency in brackets after a place and its province or day, a pipe, a domain
///    and place with no comma, `Jakarta:`), and what other helpers' fixes add (see git log).
/// 21: regions: a district written before its region (`Depok, Sleman`) or named by its
///    police sector (`Polsek Depok Barat`) is not the region of that name; a club's name
///    before its town (`Persib Bandung`) in sport, a derby's name; names that are common
///    words (`Malang`, `Pati`, `Lebak`) count where the words around place them. Body: a
///    labelled teaser's cut excerpt ending the text, and a bulleted rail of headlines over
///    the headline, are related furniture. Datelines: scrapers' joins (`Place_Site.com-`,
///    `Place,Site-`, `Site. Com-`, `PLACE,SITE.ID :`), a place and its province, a place and
///    a site alone on a line, a weak dateline in capitals under a byline or caption; the
///    title's own loose dateline reader is gone.
/// 22: the file's day is kept with the article, and an article nothing dates takes it in a
///    folder whose dated files were saved as their articles came out (`file-time`).
/// 23: skip links and a lone site name above the lede are furniture; a lone letter or the
///    site's own name in a credit is no author; a page's ISO stamp before its dateline
///    dates the article.
/// 24: dates: the day the story went out (`hingga berita ini dinaikkan pada ...`) is the
///    report's, as `hari ini` is.
/// 25: regional short forms (`Tangsel`, `Kukar`) and more non-places; where the story ends
///    on a saved page; sites named by a media word; more dateline, credit and date forms
///    from the third and fourth probes.
/// 26: from the fifth probe: dated captions closed by a credit, a headline printed again
///    under the page's furniture, other stories on the site's own dateline, a page's
///    today-widget and meta row, more dateline forms (a district's name, a lower-case site,
///    a place and its site glued), a short form with a direction (`Bolmong Utara`).
/// 27: regions the article names only in passing (an office's seat, once deep in the body)
///    kept apart from its places (`regions_passing`); a bare Bangka is the province; from a
///    sixth probe: English and informal read-also prompts, a dateline under a page's scraps,
///    a site glued to its place, odd and lost dashes, a dateline code's punctuation.
/// 28: a venue placed by the writer in another region of its province is where it lies
///    (Jakarta's venues added); a newsroom's dateline over a neighbouring regency's story;
///    the districts an article names decide a bare shared name's level; car models.
/// 29: a bare name that is a district of another named region in another province is that
///    district; a title placing the story in a neighbour makes the dateline the newsroom's;
///    village and district heads; captions, comment forms and rails of teasers in bodies;
///    standfirsts kept; HTML left in text read; dateline forms from an eighth probe.
/// 30: a road's or a bus line's ends (`tol Jombang-Mojokerto`) are named in passing unless
///    nothing else places the article.
/// 31: culture, cloth and fruit named after a place; wide-reaching offices' seats; nothing
///    under a desk's codes is the story; English related labels.
/// 32: no date before online news (1995) is a publication date or a year-less date's year,
///    nor a vehicle's number; regional offices' seats; rails of recent posts.
/// 33: datelines with a place and its site parted by a slash, a site's place in spaced
///    brackets or with the day, a place in capitals closed by a comma.
/// 34: the review's narrowings: desk codes in lower case and the last of them, a slash
///    dateline's place a known one, roads' ends joined to a name, culture in lower case.
/// 35: datelines alone on their line with a site in capitals or a district beside a
///    domain, two dashes, glued and odd separators; keys that lost their colons; an ethnic
///    group named after a place; a day and month said to be today (`hari ini (6/4)`); a
///    dateline that is a district decides a bare shared name's level.
/// 36: a region's name inside a village's; a district by its kind in the opening places the
///    story; a people's subgroup; a regency's short name beside one extending it; datelines
///    with a site named after a place, a web name and its place, pipes, a colon, a village
///    and its day; the day a dateline writes kept over later events.
/// 37: a university's outreach and its newsroom's dateline; villages an article names with
///    their kind; dishes by their town; stamps beside a view counter; datelines with two
///    towns of different provinces, a web name and a pipe after the place, the day after a
///    comma, a site and place in brackets, a town named `Kota X` as its district is.
/// 38: the review's fixes to 37; rails of cut teasers; bylines in English; datelines with a
///    short form or a town in brackets, the day in brackets, a town named by a word of towns.
/// 39: an electoral district is a member's seat; the sea off a shared name whose city is
///    inland is the regency's; datelines with a site named with a capital inside, a site
///    run into its region's name, a site's name of words in lower case, a web name after a
///    hyphen or a space, a tilde for the dash, the day in brackets before the lede (each
///    narrowed by the review); a
///    province that only locates a place; links under `Lihat juga:`.
/// 40: a newsroom's dateline over a story the text sets in another regency of its province,
///    the province named as an area, not an office, and not where someone comes from;
///    people said to live elsewhere name their home in passing; a coastal radio station's,
///    a corruption court's and an administrative court's town is their seat; roads named
///    by towns with no hyphen; a town named as a seat; places abroad named like a region;
///    a clock's zone;
///    any dateline with the day in brackets before its dash.
/// 41: a sultanate's realm beside its province's place is named in passing; military
///    resort commands, spelt-out police resorts and BBMKG are seats; any office's seat in a
///    title that places the story in another region is named in passing; the only region,
///    named three times as an office's seat, or only as a police resort's, is the story's;
///    `Pt Kepala` before an office's word is no firm; a surname before a degree; a police
///    sector's longer district name; a district the first paragraph sets something in.
/// 42: a district the opening sets the story in adds its regency where the text never
///    names it (not a short or common name, the start of a longer one, or one the writer
///    puts in another region), and a dateline named only as a road's end then gives way;
///    `di` and a village before a region place the story there; renamed and islands'
///    regencies by their writers' names (`Pasangkayu`, `Sitaro`, `Anambas`, `Limapuluh
///    Kota`); a search office spelt out, a vessel's home and a former office are seats; a
///    web name written with spaces in a dateline's brackets; a rail of cut teasers; a
///    name among villages listed after their kind; a church's synod's lands and a fault's
///    segment are no places.
/// 43: a cut title's last name made whole from its lede; an office's seat named after the
///    regency split into the story's gives way to it; a district's town as dateline names its
///    regency where the text names its province; military area commands and main naval
///    bases are wide seats, a slash inside a unit's name kept; `Polewali Mamasa`; a ticker
///    over a breadcrumb; datelines closed by a colon or by an agency's brackets and a full
///    stop, a site made with a media word before its place with no comma, a paper's name,
///    a place and web name each boxed by a pipe, a site in capitals glued to the lede; a
///    place and its site alone over the lede is no headline; a comma for a web name's
///    point, a web name spaced after the site's word or with its point lost, a full stop
///    before a glued dash; a region run on into another region's district; river basin
///    and numbered regional offices are wide seats.
/// 44: regencies' seats that no district is named after read as districts (`LEWOLEBA –`,
///    `Muntok —`, `Ungaran, Semarang`); a dateline over a story its opening sets in one of
///    its districts is a place; a name written as a town with an unknown regency and
///    another province that holds a district of its name is that town throughout
///    (`Pelabuhan Ketapang, Bayuwangi, Jawa Timur`); a dish's name of several words and
///    `etnis` outside a conflict name no place; `Pulau Banggai` is Banggai Laut's; a
///    migrant workers' office named after a province's capital is a wide seat; three
///    headlines or more stacked under a bare read-also label; a web name alone before a
///    pipe and a lede, a radio's name and frequency after its place, a place hyphened to
///    its site's media-word name; a lone `Logo` line and a site's call to follow its
///    channel; a far region named once or twice only as a person's or a people's name,
///    of a province the text names nothing else of, in a story placed in another
///    province, is named in passing.
/// 45: a read-also inside a paragraph leaves the body: in brackets after a sentence
///    (`… kata dia. (Baca juga: Judul)`, `(Baca juga: ,)`), or with its headline dropped
///    between two paragraphs a scraper joined with commas (`…,Baca juga:,,Sebelumnya …`);
///    mountains on regencies' land place the town written after them (`Gunung Salak,
///    Bogor`); a region's name with its short form in brackets before a last word is the
///    longer region (`Ogan Komering Ulu (OKU) Timur`); a village placed in a district of
///    another province is that village throughout (`desa Buleleng, Kecamatan Bungku
///    Pesisir`); an island placed in another region is the island (`pulau Padang di
///    Kabupaten Kepulauan Meranti`); a place and its dash alone on the first line are the
///    dateline, not a headline (`Banda Aceh –`); a page's menu, theme switch, badge icon
///    or zoom label with no headline under it is never the title; a regency's town
///    written as a city of another province, beside another of the regency's districts
///    named by its kind (`Kota Tebing Tinggi dengan Kecamatan Pendopo`), is the town; a
///    former head of an organisation's chapter names its region as a former office does
///    (`mantan Ketua HIPMI Kota Ternate`); a shared name's border with another regency is
///    the regency's (`perbatasan Bandung-Garut`).
/// 46: a town named only as its police's seat is no place of a case set in a district,
///    named by its kind, the town does not have (`Polres Tebingtinggi` over `Kecamatan
///    Tebing Tinggi`); a read-also headline run into a paragraph without brackets places
///    nothing (`… pedesaan. Baca juga Tertimbun Longsor, Pendaki asal Semarang Tewas …`);
///    three headlines or more under a list's label (`Berita Lainnya`, a blog's `Postingan
///    populer dari blog ini`) that end the text leave it, those ending on a quoted word
///    too; a far region's name after a given name the text uses alone (`Lukman Padang`,
///    then `dengan Lukman`) is a surname, named in passing where the dateline places the
///    story in another province; a region in a list of peoples (`suku Mongondow, Jawa,
///    Sanger, Arab, Minahasa`) is its people; an organisation spelt out, its short form in
///    brackets before a region and its leader after a comma (`Direktur … (LP3BH)
///    Manokwari, Yan …`), is the leader's affiliation.
/// 47: a known place alone before a dash glued to the lede is the dateline (`Kota Bima
///    -Dalam rangka …`, `KUALA KAPUAS-Air …`), not a route's end (`Jakarta -Bandung`).
/// 48: a great city's police (`Polrestabes Medan`) are a seat like a resort's, and a
///    dateline's town named only so is no place of a case set in another region's district;
///    a bare name is the split-off region the text places the story in with its level
///    (`Nelayan di Minahasa Hilang` over `di Minahasa Utara`); an office's short form in
///    brackets clipped from its words (`Dinas Ketahanan Pangan (Ketapang)`) is no region; a
///    locality named after a region (`di Sampang Pendeuy`) is where its sentence places it;
///    the corruption court spelt out or as a special-class court (`Pengadilan Negeri Kelas IA
///    Khusus Palembang`), a rescue or tax office (`KPP`) and a hajj embarkation are seats
///    reaching past their town, and a rescue office's town named besides only as a voyage's
///    start or end (`dievakuasi ke Sorong`) is the office's; a pipe after a site and its place
///    ends a dateline (`situs.com, Medan | Sejumlah …`).
/// 49: narrowed after a review: a great city's police are a seat only to the police rules,
///    which skip a district named as someone's home or told with its own police; the short
///    name gives way only to a regency split off from a regency, set in the opening and named
///    as often; a locality's name ends at a comma and is no day; the special-class court is
///    the corruption chamber only after a corruption case; a tax office is no seat. New: a
///    people or its tongue named after a place (`orang Manado`, `bahasa Manggarai`) is no
///    place; a read-also headline runs over numbers (`TPS 3R`); a window title's site name
///    leaves the headline printed again below (`Judul – Berita Kota Makassar`); a town of two
///    words is a dateline in title case (`Muara Teweh -`).
/// 50: another story's headline set alone between paragraphs (seven to twenty-five words in
///    title case, no sentence's end) places nothing.
/// 51: after a second review, three rules are withdrawn (50's, and 49's people or tongue and
///    two-word town in title case): each cost more stories' places or datelines than it
///    saved; a read-also headline runs over a code of digits and letters only, and a window
///    title's tail is a site's only when it opens on a paper's word or is a web name.
/// 52: a thing named as a people call it (`yang disebut orang Manado cengkeh budo`) names no
///    place.
/// 53: a ticker of headlines run together over the page's own headline is the page's, and the
///    headline again as its photo's caption (`Judul Perbesar`) ends the head; a wide office's
///    town where its head spoke (`kata Kepala Basarnas Ambon … di Ambon, Rabu`) is its seat;
///    the regions a member's electoral district is said to cover (`anggota DPRD … Dapil II
///    yang meliputi Halmahera Utara dan Morotai`) are the member's seat; a shared name after
///    `di` with villages counted there (`rob di Pekalongan … tiga desa terendam`) is the
///    regency; a sultanate of old named by its court's landmark (`eks Kesultanan Buton`)
///    is a realm, and its court's town under the dateline gives way to a neighbour.
/// 54: a read-also headline's excerpt cut against its link (`…Selanjutnya`) and a site's
///    bulleted menu of sections and towns leave the text; an office someone once held or ran
///    for (`pernah menjabat Bupati Minahasa`) is a seat, as a `mantan` one is.
pub const PARSER_VERSION: u32 = 54;

/// A calendar date (proleptic Gregorian), serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A validated date; `None` for impossible ones such as 2024-02-30 or month 13.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01, for distances between dates.
    pub fn days(&self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The date `days` days after 1970-01-01; `None` outside years 1..=65535.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// `YYYY-MM`, the key of the year-month facet.
    pub fn year_month(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (expected YYYY-MM-DD): {0:?}")]
pub struct DateParseError(pub String);

impl FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let err = || DateParseError(s.to_string());
        let mut it = s.splitn(3, '-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(err());
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return Err(err());
        }
        let y: u16 = y.parse().map_err(|_| err())?;
        let m: u8 = m.parse().map_err(|_| err())?;
        let d: u8 = d.parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Where an article's publication date came from, so a stated date can be told from a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Written with its year in the text (`Selasa (21/10/2025)`).
    Text,
    /// The `/yyyy/mm/dd/` of the article's URL.
    Url,
    /// The record's own date field.
    Record,
    /// Written without a year (`Jumat (27/9)`); the year is inferred from the article's other
    /// dates, its URL, record or file time, and the weekday.
    InferredYear,
    /// Written without a year and nothing else in the article dates it; the year is one the
    /// other articles of its folder (or file of records) state, and the weekday agrees.
    CorpusYear,
    /// Nothing in the text dates it; the day its file was saved, in a folder whose dated
    /// articles were each saved within two days of their publication (a scraper's own
    /// output, not a copy).
    FileTime,
}

impl DateSource {
    /// In the order the cache numbers them: new sources go last.
    pub const ALL: [DateSource; 6] = [
        DateSource::Text,
        DateSource::Url,
        DateSource::Record,
        DateSource::InferredYear,
        DateSource::CorpusYear,
        DateSource::FileTime,
    ];

    /// The name exports and the detail pane show.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Url => "url",
            DateSource::Record => "record",
            DateSource::InferredYear => "inferred-year",
            DateSource::CorpusYear => "corpus-year",
            DateSource::FileTime => "file-time",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A date written without a year, waiting for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Yearless {
    pub day: u8,
    pub month: u8,
    /// The weekday written with it, 0 = Sunday.
    pub weekday: Option<u8>,
    /// The article cannot be later than this plus a day (its file's time).
    pub bound: Option<Date>,
    /// The date the article's own weak evidence gives (the years it writes as words, a
    /// bare date of another event): what stands when the corpus gives no year.
    pub guess: Option<Date>,
}

/// Which input format an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Txt,
    Json,
    Jsonl,
    Csv,
}

/// A quotation found in the body, with the speaker when the text names one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// The resident part of an article: everything lists, facets and queries need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    /// Stable id: a hash of the article's text, independent of where the file lives.
    pub id: String,
    pub title: String,
    /// True when the source had no title line and the title was derived from the lede.
    #[serde(default)]
    pub title_derived: bool,
    /// Outlet name normalised for display and faceting ("Tribunsumsel.com", "Kompas.com").
    pub outlet: Option<String>,
    /// The dateline city in title case ("Lubuklinggau").
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
    /// The article's own publication date (not an earlier event it mentions).
    pub published: Option<Date>,
    /// The time of day of `published` in minutes after midnight, as the source states it
    /// (a record's `2025-10-21T20:43`); it orders one day's articles. `None` when the source
    /// gives no time, as most scraped text does.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "clock")]
    pub published_time: Option<u16>,
    /// Where `published` came from; `None` when there is no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
    /// The year-less date (`Jumat (27/9)`) the publication date is, when nothing in the
    /// article gives its year: the loader places it once the whole corpus is there (see
    /// `loader::years`). Internal: exports show `published` and `date_source`.
    #[serde(skip)]
    pub yearless: Option<Yearless>,
    /// The day the article's file was last modified (UTC), for a file read from disk: what
    /// dates an article nothing else dates, where the folder shows its files were saved as
    /// their articles came out (see `loader::file_day`). Internal, like `yearless`.
    #[serde(skip)]
    pub file_day: Option<Date>,
    pub tags: Vec<String>,
    /// Regencies and cities the article is about, by display name ("Musi Rawas Utara",
    /// "Kota Sorong"): the dateline's first, then in order of first mention.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Regencies and cities the article names only in passing (an office's seat, one item of
    /// a list, once deep in the body), in order of first mention; see `regions::salience`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions_passing: Vec<String>,
    /// Provinces named directly or through one of their regions ("Sumatera Selatan"), in the
    /// same order.
    #[serde(default)]
    pub provinces: Vec<String>,
    pub url: Option<String>,
    /// The file the article came from, as given or found while walking.
    pub source_path: String,
    /// For files holding several articles (JSON arrays, JSONL, CSV): the record's index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    #[serde(default)]
    pub format: Format,
    pub word_count: usize,
}

/// The long part of an article, loaded on demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Body {
    /// Every date the text names, in order of appearance, without duplicates.
    pub dates_mentioned: Vec<Date>,
    /// Paragraphs with boilerplate removed.
    pub body: Vec<String>,
    /// The lines removed as boilerplate, each with what it was, kept for transparency.
    pub boilerplate: Vec<Removed>,
    /// Headlines of "Baca juga" (read also) links.
    pub related: Vec<String>,
    pub quotes: Vec<Quote>,
    /// A JSON record's fields warta does not map (its own `id`, `category`…), exported so
    /// results can be joined back to the dataset. Kept with the body, which is read only
    /// when needed, so the corpus in memory does not grow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// What a line removed from the body was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// A photo or video caption, or its credit (`Foto: …`, `OUTLET/PHOTOGRAPHER …`).
    Caption,
    /// Who wrote, edited or supplied the text: bylines, column signatures, desk codes,
    /// `Sumber:` and syndication notes.
    Credit,
    /// A link to another article (`Baca juga: …`, a bare related headline).
    Related,
    /// A call to act: watch a video, scroll, follow a channel, go to the next page.
    Prompt,
    /// Site furniture after or around the text: copyright, comment counts, `loading...`, tags.
    Footer,
    /// A summary or caption before the dateline lead that repeats the lede.
    Summary,
    /// Lines of punctuation or symbols only.
    Separator,
    /// The outlet's publication stamp above the lede (`Senin, 20 Okt 2025 14:30 WIB`), read
    /// for the article's date and time.
    Stamp,
}

impl RemovedKind {
    pub const ALL: [RemovedKind; 8] = [
        RemovedKind::Caption,
        RemovedKind::Credit,
        RemovedKind::Related,
        RemovedKind::Prompt,
        RemovedKind::Footer,
        RemovedKind::Summary,
        RemovedKind::Separator,
        RemovedKind::Stamp,
    ];

    /// The kind's name as exports write it.
    pub fn name(self) -> &'static str {
        match self {
            RemovedKind::Caption => "caption",
            RemovedKind::Credit => "credit",
            RemovedKind::Related => "related",
            RemovedKind::Prompt => "prompt",
            RemovedKind::Footer => "footer",
            RemovedKind::Summary => "summary",
            RemovedKind::Separator => "separator",
            RemovedKind::Stamp => "stamp",
        }
    }
}

impl fmt::Display for RemovedKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A line removed from the body and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
}

impl Removed {
    pub fn new(kind: RemovedKind, text: impl Into<String>) -> Removed {
        Removed {
            kind,
            text: text.into(),
        }
    }
}

/// A whole article; its JSON form is the flattened union of [`Meta`] and [`Body`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub body: Body,
}

/// The stable id of an article: xxh3-64 of its normalised text, as 16 hex digits.
///
/// xxh3 is specified byte-for-byte, so the id is the same on every machine, run and platform
/// (unlike `DefaultHasher`). Callers pass the decoded, sanitised text with `\n` line ends, so a
/// CRLF copy or a re-encoded copy of the same article gets the same id.
pub fn article_id(text: &str) -> String {
    let trimmed = text.trim();
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(trimmed.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_round_trip_and_validation() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("2024-1-1".parse::<Date>().is_ok());
        assert!("24-01-01".parse::<Date>().is_err());
        assert_eq!(d.year_month(), "2024-02");
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2024-02-29\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        for (s, days) in [
            ("1970-01-01", 0),
            ("2000-03-01", 11_017),
            ("2024-02-29", 19_782),
        ] {
            let d: Date = s.parse().unwrap();
            assert_eq!(d.days(), days, "{s}");
            assert_eq!(Date::from_days(days), Some(d));
        }
        let json = serde_json::to_string(&DateSource::InferredYear).unwrap();
        assert_eq!(json, "\"inferred-year\"");
        assert_eq!(DateSource::Url.to_string(), "url");
    }

    #[test]
    fn id_is_stable_and_ignores_surrounding_whitespace() {
        // A fixed value: if this changes, every user's triage state loses its keys.
        assert_eq!(article_id("abc"), article_id("\n abc \n"));
        assert_eq!(article_id("abc"), "78af5f94892f3950");
    }

    #[test]
    fn article_json_is_flat() {
        let a = Article::default();
        let v = serde_json::to_value(&a).unwrap();
        for k in [
            "id",
            "title",
            "outlet",
            "dateline",
            "authors",
            "editor",
            "published",
            "dates_mentioned",
            "body",
            "boilerplate",
            "related",
            "quotes",
            "tags",
            "url",
            "source_path",
            "word_count",
        ] {
            assert!(v.get(k).is_some(), "missing {k}");
        }
    }
}

/// A time of day as `HH:MM` in JSON (`warta parse`, exports), minutes after midnight inside.
mod clock {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format!("{:02}:{:02}", t / 60, t % 60)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        let parsed = text.split_once(':').and_then(|(h, m)| {
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60).then_some(h * 60 + m)
        });
        parsed
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("not a time of day: {text:?}")))
    }
}
