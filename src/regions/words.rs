//! The words of a text as the region finder reads them: lower case, each with its case and
//! whether punctuation parted it from the word before.

/// The words of a text, lower case, with whether each began with an upper-case letter. All
/// words share one buffer, reused across an article's paragraphs: every word of every article
/// passes through here, and a `String` per word showed up as allocator time in profiles.
pub(super) struct Words {
    pub(super) buf: String,
    /// Byte range of each word in `buf`.
    pub(super) spans: Vec<(usize, usize)>,
    pub(super) capitalised: Vec<bool>,
    /// No lower-case letter in the word ("OKI").
    pub(super) upper: Vec<bool>,
    /// Punctuation (not only spaces) between the word and the one before (`Kecamatan ,,
    /// Surabaya`, a name scrubbed from the text).
    pub(super) apart: Vec<bool>,
    /// A comma, semicolon, colon or slash between the word and the one before: the end of a
    /// name (`tanah, laut`), where a bracket is not (`Ogan Komering Ulu (OKU) Timur`).
    pub(super) comma: Vec<bool>,
    /// A hyphen between the word and the one before: a pair or a route (`Padang-Sicincin`),
    /// not one name.
    pub(super) hyphen: Vec<bool>,
    /// A point between the word and the one before: maybe a sentence's end (`di Padang.
    /// Oleh karena itu`), maybe an abbreviation's (`Jl. Solo`).
    pub(super) point: Vec<bool>,
    /// A colon between the word and the one before: a citation's publisher reads
    /// `Semarang: Penerbit, 2001`.
    pub(super) colon: Vec<bool>,
    /// A slash between the word and the one before: inside a unit's name (`Kodam
    /// XVI/Pattimura`, `Kodim 0213/Nias`) as often as between names.
    pub(super) slash: Vec<bool>,
    /// A comma after a space, or two commas, before the word (or a comma before a text's
    /// first word): what a name scrubbed from the text leaves (`Bek kiri , Bandung`).
    pub(super) scrubbed: Vec<bool>,
}

impl Words {
    /// Whether word `i` reads as a further word of a name: capitalised but not in capitals
    /// (an acronym), joined to the one before by a space alone.
    pub(super) fn name_word_joined(&self, i: usize) -> bool {
        self.capitalised.get(i) == Some(&true)
            && self.upper.get(i) == Some(&false)
            && self.apart.get(i) == Some(&false)
            && self.hyphen.get(i) == Some(&false)
            && self.point.get(i) == Some(&false)
    }

    /// Whether the word at `at` goes on a list whose last name ends at `end`: after a comma
    /// (`Tulungagung, Blitar`) or a joining word (`Blitar dan Kediri`, `Blitar, dan Kediri`),
    /// not one opening a new sentence (`Malang. Dan Blitar`).
    pub(super) fn next_in_list(&self, end: usize, at: usize) -> bool {
        (at == end && self.comma.get(at) == Some(&true))
            || (at == end + 1
                && self.comma.get(at) == Some(&false)
                && self.point.get(end) == Some(&false)
                && matches!(self.get(end), Some("dan" | "serta" | "atau")))
    }

    pub(super) fn new() -> Words {
        Words {
            buf: String::new(),
            spans: Vec::new(),
            capitalised: Vec::new(),
            upper: Vec::new(),
            apart: Vec::new(),
            comma: Vec::new(),
            hyphen: Vec::new(),
            point: Vec::new(),
            colon: Vec::new(),
            slash: Vec::new(),
            scrubbed: Vec::new(),
        }
    }

    /// Replaces the words with those of `text`, reusing the buffers: an article is scanned
    /// paragraph by paragraph, and a name never spans two paragraphs.
    pub(super) fn fill(&mut self, text: &str) {
        self.buf.clear();
        self.spans.clear();
        self.capitalised.clear();
        self.upper.clear();
        self.apart.clear();
        self.comma.clear();
        self.hyphen.clear();
        self.point.clear();
        self.colon.clear();
        self.slash.clear();
        self.scrubbed.clear();
        // Word boundaries by bytes with an ASCII fast path, each word copied whole: this runs
        // over every paragraph of every article.
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut apart = false;
        let mut comma = false;
        let mut hyphen = false;
        let mut point = false;
        let mut colon = false;
        let mut slash = false;
        let mut scrubbed = false;
        let mut commas = 0;
        let mut space = true;
        while i < bytes.len() {
            // Skip to the start of a word.
            let (alnum, upper, width) = class_at(text, i);
            if !alnum {
                // `Jl. Surabaya`, `Kec. Binjai`: an abbreviation's point keeps the phrase; a
                // hyphen joins (`Toli-Toli`, `rute Surabaya-Solo`).
                apart |= !matches!(bytes[i], b' ' | b'.' | b'-');
                comma |= matches!(bytes[i], b',' | b';' | b':' | b'/');
                hyphen |= bytes[i] == b'-';
                point |= bytes[i] == b'.';
                colon |= bytes[i] == b':';
                slash |= bytes[i] == b'/';
                if bytes[i] == b',' {
                    commas += 1;
                    scrubbed |= space || commas > 1;
                }
                space = bytes[i] == b' ';
                i += width;
                continue;
            }
            let start = i;
            let mut ascii = true;
            i += width;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' {
                    i += 1;
                    continue;
                }
                let (alnum, _, width) = class_at(text, i);
                if !alnum {
                    break;
                }
                ascii = false;
                i += width;
            }
            let Some(word) = text.get(start..i) else {
                continue;
            };
            let from = self.buf.len();
            if ascii && width == 1 {
                self.buf.push_str(word);
                if let Some(tail) = self.buf.get_mut(from..) {
                    tail.make_ascii_lowercase();
                }
            } else {
                self.buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            self.spans.push((from, self.buf.len()));
            self.capitalised.push(upper);
            self.upper.push(!word.chars().any(char::is_lowercase));
            self.apart.push(std::mem::take(&mut apart));
            self.comma.push(std::mem::take(&mut comma));
            self.hyphen.push(std::mem::take(&mut hyphen));
            self.point.push(std::mem::take(&mut point));
            self.colon.push(std::mem::take(&mut colon));
            self.slash.push(std::mem::take(&mut slash));
            self.scrubbed.push(std::mem::take(&mut scrubbed));
            commas = 0;
            space = false;
        }
    }

    /// Whether most words are capitalised, as in a headline (`Ratusan Pelajar di Medan Ikut
    /// Demo`), where a capital says nothing about a name.
    pub(super) fn title_case(&self) -> bool {
        let caps = self.capitalised.iter().filter(|&&c| c).count();
        caps * 5 >= self.capitalised.len() * 3
    }

    /// Whether the word at `at` is in a "read also" headline a scraper ran into a paragraph
    /// without brackets (`… pedesaan. Baca juga Tertimbun Longsor, Pendaki asal Semarang
    /// Tewas di Gunung Sumbing Terkait …`): after `Baca juga` opening a sentence, with only
    /// a headline's words between, capitalised or its small lower-case ones. Another
    /// article's headline places nothing here. The body keeps the run: where the headline
    /// ends and the paragraph goes on is not marked.
    pub(super) fn in_read_also(&self, at: usize) -> bool {
        const SMALL: &[&str] = &[
            "di", "ke", "dari", "asal", "dan", "yang", "untuk", "dengan", "pada", "atau", "oleh",
            "soal", "usai", "jadi", "ini", "itu", "bagi", "akan", "saat", "jelang", "tak",
        ];
        let mut k = at;
        for _ in 0..24 {
            let Some(b) = k.checked_sub(1) else {
                return false;
            };
            if self.point.get(k) == Some(&true) {
                return false;
            }
            if self.get(b) == Some("juga")
                && let Some(label) = b.checked_sub(1)
                && self.get(label) == Some("baca")
                && self.capitalised.get(label) == Some(&true)
                && (label == 0 || self.point.get(label) == Some(&true))
            {
                return true;
            }
            // A code of digits and letters is a headline's word too (`Tinjau TPS 3R …`); a
            // bare number as often opens the paragraph's own words (`… Cuaca Buruk 2 Desa di
            // Indramayu paling parah …`).
            let headline_word = self.capitalised.get(b) == Some(&true)
                || self.get(b).is_some_and(|w| {
                    SMALL.contains(&w)
                        || (w.starts_with(|c: char| c.is_ascii_digit())
                            && w.contains(|c: char| c.is_ascii_alphabetic()))
                });
            if !headline_word {
                return false;
            }
            k = b;
        }
        false
    }

    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let &(a, b) = self.spans.get(i)?;
        self.buf.get(a..b)
    }

    /// The words `from..to`, run together: the key of the districts table, which so finds a
    /// district however its parts are spaced (`Gunung Sindur` is `Gunungsindur`).
    pub(super) fn phrase(&self, from: usize, to: usize) -> String {
        (from..to).filter_map(|i| self.get(i)).collect()
    }

    /// Whether the words from `at` on are `expected`, with no comma inside (`tanah, laut` is
    /// two words, not Tanah Laut).
    pub(super) fn matches(&self, at: usize, expected: &[String]) -> bool {
        expected.iter().enumerate().all(|(k, e)| {
            self.get(at + k) == Some(e.as_str())
                && (k == 0 || self.comma.get(at + k) == Some(&false))
        })
    }
}

/// Words after a city's name that make a district of the city (`Medan Johor`, `Medan Kota`)
/// or a direction in it (`Padang Barat`), not another place that starts with the name.
pub(super) const SUBPLACES: &[&str] = &[
    "utara",
    "selatan",
    "barat",
    "timur",
    "tengah",
    "raya",
    "kota",
    "baru",
    // The districts of Medan, and its airport (`Medan Kualanamu`).
    "kualanamu",
    "amplas",
    "area",
    "belawan",
    "deli",
    "denai",
    "helvetia",
    "johor",
    "labuhan",
    "maimun",
    "marelan",
    "perjuangan",
    "petisah",
    "polonia",
    "selayang",
    "sunggal",
    "tembung",
    "tuntungan",
];

/// Lower-case words (runs of letters and digits) of `text`; "Toli-Toli" is two words, so
/// hyphenated and spaced spellings match alike.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the char at byte `i` of `text` (a char boundary) is a letter or digit, whether it
/// is upper case, and its width in bytes.
fn class_at(text: &str, i: usize) -> (bool, bool, usize) {
    match text.as_bytes().get(i) {
        // `_` and `@` join a handle into one word (`@kota_info`): an account, not the place.
        Some(&b) if b.is_ascii() => (
            b.is_ascii_alphanumeric() || b == b'_' || b == b'@',
            b.is_ascii_uppercase(),
            1,
        ),
        Some(_) => match text.get(i..).and_then(|t| t.chars().next()) {
            Some(c) => (c.is_alphanumeric(), c.is_uppercase(), c.len_utf8()),
            // Not a boundary, which callers never pass; step over the byte.
            None => (false, false, 1),
        },
        None => (false, false, 1),
    }
}

/// Words before a name that say it is where something is or someone is from (`di Karo`,
/// `warga Pati`, `asal Samosir`): what places a name that could be something else.
pub(super) const PLACE_BEFORE: &[&str] =
    &["di", "ke", "asal", "warga", "kawasan", "wilayah", "daerah"];

/// Words after a place that make it where something was said or held (`..., Jakarta
/// Selatan, Selasa`, `... Bandung pada Senin`).
pub(super) const REPORTED: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", "pada",
];

/// Regions named like a neighbourhood of a region in another province, with where it lies (a
/// province, or a region when the rest of its province is far from it): in its news the name
/// is the neighbourhood (`tawuran di Manggarai`, a station and a busy junction in Tebet;
/// `Cilalung, Jombang` in Ciputat, Tangerang Selatan). Of the two such
/// names of Jakarta in the Kepmendagri code list the other, Bangka (in Mampang Prapatan), is
/// left out: news of Jakarta names the island and its regency far more often than the
/// kelurahan (`Sungailiat, Bangka` in a list of destinations beside Jakarta).
pub(super) const NAMESAKES: &[(&str, &str)] = &[
    ("manggarai", "DKI Jakarta"),
    ("jombang", "Tangerang Selatan"),
];

/// Regions named like a Batak clan (`Samosir`, `Karo`): bare, the word is as often a person's
/// surname (`Tony Samosir` of a patients' association in Jakarta, the fire victim `Karo-Karo`)
/// or a title (`Karo` = Kepala Biro) as the regency, so after no word that says where
/// (`di`, `warga`, `Tanah`) it counts only where the article places it, as an acronym does.
pub(super) const CLANS: &[&str] = &["karo", "samosir"];
