//! Landmarks (`data/landmarks.tsv`): venues, estates and airports that lie in another region
//! than the town writers name with them, and the districts an article names with their
//! kind (`Kecamatan Simpenan`): both tell which of two regions sharing a name the article
//! means, which the bare name alone cannot.

use super::words::{Words, words};
use super::{Gazetteer, Target};

/// One landmark: its words (lower case) and the regions it lies in.
#[derive(Debug, Clone)]
pub(super) struct Landmark {
    words: Vec<String>,
    pub(super) regions: Vec<usize>,
    /// Named after a person or a common word (`Juanda`, `Minangkabau`, `Lombok`): counts only
    /// after a word for an airport.
    pub(super) airport: bool,
}

/// What a bare town named right after a landmark or before a district is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placing {
    /// The region it lies in, of the same name or carved out under it (`Tangerang` after
    /// `ICE BSD` is the regency; `Bogor, Kecamatan Cibinong` too).
    At(usize),
    /// No place the article is at: the town an airport is named for and lies outside
    /// (`Surabaya` after `Bandara Juanda`, in Sidoarjo), or a village inside a district of
    /// another region (`Sungai Kupang, Kecamatan Kandangan`).
    Elsewhere,
    /// Neither: another region (`ICE BSD, Tangerang, Banten` ... `Jakarta`).
    Other,
}

/// Words that introduce a district by its kind: what follows is a district, so its regency
/// is the one the article means by a shared name. The first two name the district itself.
const DISTRICT_KIND: &[&str] = &["kecamatan", "kec", "camat", "polsek", "kapolsek"];

impl Gazetteer {
    /// Reads a landmarks table in the format of `data/landmarks.tsv`; lines naming no known
    /// region are skipped.
    pub fn add_landmarks(&mut self, table: &str) {
        let by_code = self.by_code();
        let rows: Vec<(String, Landmark)> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let (codes, kind, name) = (cols.next()?, cols.next()?, cols.next()?);
                let regions: Option<Vec<usize>> = codes
                    .split(',')
                    .map(|c| by_code.get(c.trim()).copied())
                    .collect();
                let name = words(name);
                let first = name.first()?.clone();
                let landmark = Landmark {
                    words: name,
                    regions: regions?,
                    airport: kind == "airport",
                };
                Some((first, landmark))
            })
            .collect();
        for (first, landmark) in rows {
            self.landmarks.entry(first).or_default().push(landmark);
        }
        for list in self.landmarks.values_mut() {
            list.sort_by_key(|l| std::cmp::Reverse(l.words.len()));
        }
    }

    /// The longest landmark named at `at` and how many words it spans: capitalised, and an
    /// airport's name after a word for one (`Bandara Internasional Juanda`).
    pub(super) fn landmark_at(&self, words: &Words, at: usize) -> Option<(&Landmark, usize)> {
        // Most words are lower case: no hashing for them.
        if words.capitalised.get(at) != Some(&true) {
            return None;
        }
        let list = self.landmarks.get(words.get(at)?)?;
        list.iter()
            .find(|l| words.matches(at, &l.words) && (!l.airport || after_airport_word(words, at)))
            .map(|l| (l, l.words.len()))
    }

    /// What region `r`, named bare right after `landmark`, stands for. Another region of
    /// the landmark's province is no place the article is at: an airport named for a town
    /// it lies outside, or a venue the writer placed by the area around it (`ICE BSD,
    /// Tangerang Selatan` is in Kabupaten Tangerang, `JCC, Senayan, Jakarta Selatan` in
    /// Jakarta Pusat); readers judged those false. A venue's region `listed` before a
    /// joining word is one of a list of places (`kawasan industri di Cikarang, Karawang dan
    /// Cibitung`), not the venue's.
    pub(super) fn after_landmark(&self, landmark: &Landmark, r: usize, listed: bool) -> Placing {
        if let Some(placed) = self.same_name_in(&landmark.regions, r) {
            return Placing::At(placed);
        }
        let province = self.regions.get(r).map(|x| x.province);
        let nearby = landmark
            .regions
            .iter()
            .any(|&l| self.regions.get(l).map(|x| x.province) == province);
        if nearby && (landmark.airport || !listed) {
            Placing::Elsewhere
        } else {
            Placing::Other
        }
    }

    /// The regencies sharing a city's name that a district named by its kind at `at` lies in
    /// (`Kecamatan Simpenan` is Kabupaten Sukabumi's), with how many words it spans. A
    /// district the city has too says nothing.
    pub(super) fn district_by_kind(&self, words: &Words, at: usize) -> Option<(Vec<usize>, usize)> {
        if !DISTRICT_KIND.contains(&words.get(at)?) {
            return None;
        }
        let (of, k) = self.district_at(words, at + 1)?;
        let regencies: Vec<usize> = of
            .iter()
            .copied()
            .filter(|&r| {
                self.twin
                    .iter()
                    .enumerate()
                    .any(|(city, t)| *t == Some(r) && !of.contains(&city))
            })
            .collect();
        (!regencies.is_empty()).then_some((regencies, 1 + k))
    }

    /// The regions each district named by its kind in `text` lies in, when only one has a
    /// district of that name (`Kecamatan Sunggal`, `Camat Sunggal`: Deli Serdang).
    pub(super) fn regions_of_districts_by_kind(&self, text: &str, words: &mut Words) -> Vec<usize> {
        self.districts_by_kind(text, words, false)
    }

    /// As [`Self::regions_of_districts_by_kind`], leaving out a district named as where
    /// someone or something comes from (`pemuda asal Desa Belanting, Kecamatan Sambelia`,
    /// `pasokan dari Kecamatan Perbaungan`, `warga Kecamatan Baki`): where the text sets
    /// something in it.
    pub(super) fn regions_of_districts_set_in(&self, text: &str, words: &mut Words) -> Vec<usize> {
        self.districts_by_kind(text, words, true)
    }

    /// The regions of each district `texts` name by its kind (`Kecamatan Tebing Tinggi`:
    /// Serdang Bedagai, Kepulauan Meranti, Tanjung Jabung Barat, Empat Lawang, Balangan), one
    /// set per naming, however many regions have a district of that name.
    pub(super) fn districts_named_by_kind(
        &self,
        texts: &[&str],
        words: &mut Words,
    ) -> Vec<Vec<usize>> {
        let mut found = Vec::new();
        for text in texts {
            words.fill(text);
            found.extend(
                self.each_district_by_kind(words)
                    .filter(|&(at, _, k)| {
                        super::distinctive_district(&words.phrase(at + 1, at + 1 + k))
                            && !named_as_origin(words, at)
                    })
                    .map(|(_, of, _)| of.clone()),
            );
        }
        found
    }

    /// Each district named after a word of its kind, not a police sector's (`Kapolsek
    /// Sunggal`: a city's police may keep a sector in a neighbour's district): the kind's
    /// word, the regions with a district of that name, and its word count.
    fn each_district_by_kind<'w>(
        &'w self,
        words: &'w Words,
    ) -> impl Iterator<Item = (usize, &'w Vec<usize>, usize)> + 'w {
        (0..words.len()).filter_map(move |at| {
            if !words
                .get(at)
                .is_some_and(|w| DISTRICT_KIND[..3].contains(&w))
            {
                return None;
            }
            let (of, k) = self.district_at(words, at + 1)?;
            Some((at, of, k))
        })
    }

    fn districts_by_kind(&self, text: &str, words: &mut Words, set_in: bool) -> Vec<usize> {
        words.fill(text);
        self.each_district_by_kind(words)
            .filter(|&(at, ..)| !(set_in && named_as_origin(words, at)))
            .filter_map(|(at, of, k)| match of.as_slice() {
                [r] if self.district_stands(words, at + 1, k, *r) => Some(*r),
                _ => None,
            })
            .collect()
    }

    /// Whether the district of region `r` written in words `from..from + k` is the whole
    /// name and the writer puts it in no other region. A short or common word (`Kecamatan
    /// Kota Bangkalan`) or the start of longer districts' names that the text runs on past
    /// (`Kecamatan Simpang Keramat`, in Aceh Utara, is no `Simpang`) may be part of another
    /// district's name; a region named
    /// right after it other than `r` (`Kecamatan Medan Sunggal, Kabupaten Deliserdang`) is
    /// where the writer puts it, rightly or not.
    fn district_stands(&self, words: &Words, from: usize, k: usize, r: usize) -> bool {
        let key = words.phrase(from, from + k);
        if !super::distinctive_district(&key) {
            return false;
        }
        let mut next = from + k;
        // A new sentence says nothing of it.
        if words.point.get(next) == Some(&true) {
            return true;
        }
        let hint = words.get(next).and_then(super::prefix_hint);
        let runs_on = hint.is_none()
            && words.name_word_joined(next)
            && self.district_heads.contains_key(&key);
        if hint.is_some() {
            next += 1;
        }
        match self.longest(words, next, hint) {
            Some((Target::Region(o), _)) => o == r,
            Some((Target::Province(_), _)) => true,
            _ => !runs_on,
        }
    }

    /// For bare region `r` followed at `next` by a district named by its kind (`Bogor,
    /// Kecamatan Cibinong`): where the district lies in `r`, the regency sharing its name, or
    /// a region carved out of it under the name, that region; otherwise the name is a village
    /// or street inside the district (`Pulo Padang, Kecamatan Rantau Utara` is in
    /// Labuhanbatu). `None` when no known district follows.
    pub(super) fn placed_by_district_after(
        &self,
        words: &Words,
        next: usize,
        r: usize,
    ) -> Option<Placing> {
        if !DISTRICT_KIND[..2].contains(&words.get(next)?) {
            return None;
        }
        let (of, _) = self.district_at(words, next + 1)?;
        Some(
            self.same_name_in(of, r)
                .map_or(Placing::Elsewhere, Placing::At),
        )
    }
}

impl Landmark {
    /// The one region the landmark names, when it lies in one alone.
    pub(super) fn region(&self) -> Option<Target> {
        match self.regions[..] {
            [r] => Some(Target::Region(r)),
            _ => None,
        }
    }
}

/// Whether the one word at `end`, between a landmark ending there and a region at `at`,
/// names the area the landmark stands in (`JCC, Senayan, Jakarta Selatan`, `GBK Senayan
/// Jakarta Pusat`): capitalised, in the same sentence, and no day.
pub(super) fn area_between(words: &Words, end: usize, at: usize) -> bool {
    end + 1 == at
        && words.capitalised.get(end) == Some(&true)
        && words.upper.get(end) == Some(&false)
        && words.point.get(end) == Some(&false)
        && words.hyphen.get(end) == Some(&false)
        && words
            .get(end)
            .is_some_and(|w| !super::words::REPORTED.contains(&w))
}

/// Whether the words before `at` name an airport: `bandara`, `bandar udara`, `lanud` or
/// `airport`, maybe with `internasional` between.
fn after_airport_word(words: &Words, at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).and_then(|b| words.get(b));
    let kind = |k: usize| match before(k) {
        Some("bandara" | "lanud" | "airport") => true,
        Some("udara") => before(k + 1) == Some("bandar"),
        _ => false,
    };
    kind(1) || (matches!(before(1), Some("internasional" | "international")) && kind(2))
}

/// Whether the district named by its kind at `at` is where someone or something comes from
/// (`pemuda asal Desa Belanting, Kecamatan Sambelia`, `pasokan dari Kecamatan Perbaungan`,
/// `warga Kecamatan Baki`), not where the story happens.
fn named_as_origin(words: &Words, at: usize) -> bool {
    (1..=4).any(|n| {
        at.checked_sub(n)
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w, "asal" | "dari" | "warga" | "penduduk" | "berasal"))
    })
}
