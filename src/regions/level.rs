//! Which level a shared name means: a regency or the city of the same name (or the region
//! carved out of them), read from the districts and villages named before it and from the
//! units named with it; and a city named like its province after another region of it.

use std::collections::{HashMap, HashSet};

use super::words::{Words, words};
use super::{Gazetteer, RegionKind, Target, WordMap};

impl Gazetteer {
    /// Reads a districts table in the format of `data/districts.tsv` (a region's code, a
    /// district's name); lines naming no known region are skipped, and so are names of
    /// regions or provinces.
    pub fn add_districts(&mut self, table: &str) {
        for (key, r, namesake) in self.places_within(table) {
            if namesake {
                self.namesakes.entry(key).or_default().push(r);
            } else {
                self.districts.entry(key.clone()).or_default().push(r);
                self.kecamatan.entry(key).or_default().push(r);
            }
        }
        let names = table.lines().filter(|l| !l.starts_with('#'));
        for name in names
            .filter_map(|l| l.split_once('\t'))
            .map(|(_, n)| words(n))
        {
            for j in 1..name.len() {
                self.district_heads.insert(name[..j].concat(), ());
            }
        }
    }

    /// Reads a villages table in the same format (`data/villages.tsv`): villages place a
    /// shared name as districts do, but are too many and too plain (`Jawa`, `Tengah`) to
    /// tell that a name before them is a village elsewhere.
    pub fn add_villages(&mut self, table: &str) {
        for (key, r, namesake) in self.places_within(table) {
            if !namesake {
                self.districts.entry(key).or_default().push(r);
            }
        }
    }

    /// Reads a table of villages whose names hold a region's (`data/villages_named.tsv`):
    /// such a name written whole names the village, not the region inside it.
    pub fn add_named_villages(&mut self, table: &str) {
        for (key, r, namesake) in self.places_within(table) {
            if !namesake {
                self.named_villages.entry(key).or_default().push(r);
            }
        }
    }

    /// Each region's index by its code, for the tables that name regions by code.
    pub(super) fn by_code(&self) -> HashMap<&str, usize> {
        self.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.as_str(), i))
            .collect()
    }

    /// The regions the district written in words `from..` lies in (up to three words,
    /// capitalised and joined; the longest that names one), with how many words it spans.
    pub(super) fn district_at(&self, words: &Words, from: usize) -> Option<(&Vec<usize>, usize)> {
        (1..=3).rev().find_map(|k| {
            let joined = (from + 1..from + k).all(|i| words.apart.get(i) == Some(&false));
            if !joined || words.capitalised.get(from) != Some(&true) || from + k > words.len() {
                return None;
            }
            self.kecamatan
                .get(&words.phrase(from, from + k))
                .map(|of| (of, k))
        })
    }

    /// Of the (city, regency) pairs sharing a bare name in `undecided`, the regencies whose
    /// districts `texts` name, capitalised, with none of the city's: an article about
    /// `Purwosari` and `Pasuruan` means the regency. Not a landmark such as a mountain: a
    /// city's people climb it and see it (`Istana Bogor` with its view of `Gunung Salak`). Districts named like common words count
    /// no more than in a dateline ([`super::is_district_name`]).
    pub(super) fn regencies_by_districts(
        &self,
        texts: &[&str],
        undecided: &[(usize, usize)],
        words: &mut Words,
    ) -> Vec<usize> {
        let mut regency = vec![false; undecided.len()];
        let mut city = vec![false; undecided.len()];
        for text in texts {
            words.fill(text);
            let mut i = 0;
            while i < words.len() {
                let Some((of, k)) = self.district_at(words, i) else {
                    i += 1;
                    continue;
                };
                let key = words.phrase(i, i + k);
                if super::distinctive_district(&key) {
                    for (n, &(c, r)) in undecided.iter().enumerate() {
                        regency[n] |= of.contains(&r) && !of.contains(&c);
                        city[n] |= of.contains(&c) && !of.contains(&r);
                    }
                }
                i += k;
            }
        }
        undecided
            .iter()
            .enumerate()
            .filter(|&(n, _)| regency[n] && !city[n])
            .map(|(_, &(_, r))| r)
            .collect()
    }

    /// The (lower-case name run together, region, named like a region or province) triples
    /// of a table of places within regions ([`Words::phrase`]). Names of regions or
    /// provinces place nothing: villages called `Karanganyar` or `Purworejo` would otherwise
    /// turn a list of regencies into a placing.
    fn places_within(&self, table: &str) -> Vec<(String, usize, bool)> {
        let by_code = self.by_code();
        let places: HashSet<String> = self
            .regions
            .iter()
            .map(|r| words(&r.name).concat())
            .chain(self.provinces.iter().map(|p| words(&p.name).concat()))
            .collect();
        table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let (code, name) = line.split_once('\t')?;
                let &r = by_code.get(code)?;
                let key = words(name).concat();
                let namesake = places.contains(&key);
                (!key.is_empty()).then_some((key, r, namesake))
            })
            .collect()
    }

    /// Whether bare region `r` at `at`, `len` words long, is a district written before the
    /// region it lies in, as an address runs (`Caturtunggal, Depok, Sleman`: Sleman's
    /// district, not the city in West Java): a comma, then a region of another province
    /// with a district of that name, and no further region listed after it. Within one
    /// province `Jombang, Jember` is as likely a list of regencies, so it is left.
    pub(super) fn district_before_its_region(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        r: usize,
    ) -> bool {
        let Some(of) = self.namesakes.get(&words.phrase(at, at + len)) else {
            return false;
        };
        let next = at + len;
        if words.comma.get(next) != Some(&true) {
            return false;
        }
        let Some((Target::Region(home), home_len)) = self.longest(words, next, None) else {
            return false;
        };
        let province = |x: usize| self.regions.get(x).map(|x| x.province);
        if !of.contains(&home) || province(home) == province(r) {
            return false;
        }
        let after = next + home_len;
        let item = if matches!(words.get(after), Some("dan" | "serta")) {
            after + 1
        } else {
            after
        };
        let listed_on = (words.comma.get(after) == Some(&true) || item > after)
            && matches!(
                self.longest(words, item, None),
                Some((Target::Region(_), _))
            );
        !listed_on
    }

    /// Whether bare region `r` at `at`, `len` words long, names a police sector (`Polsek
    /// Depok Barat`, in Sleman): a sector is named after its district, so a name that is a
    /// district of other regions only, none of `r` or its twin, is that district; so is the
    /// name with the capitalised words after it, where they make such a district's name
    /// (`Polsek Mesuji Raya`, in Ogan Komering Ilir).
    pub(super) fn police_sector_elsewhere(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        r: usize,
    ) -> bool {
        let sector = at
            .checked_sub(1)
            .filter(|_| words.apart.get(at) == Some(&false))
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w, "polsek" | "kapolsek" | "mapolsek"));
        let elsewhere = |of: &Vec<usize>| of.iter().all(|&o| self.elsewhere(o, r));
        let longer = (1..=2).find_map(|extra| self.run_on_district(words, at, len, extra));
        sector
            && match longer {
                Some(of) => elsewhere(of),
                None => self
                    .namesakes
                    .get(&words.phrase(at, at + len))
                    .is_some_and(elsewhere),
            }
    }

    /// Whether bare region `r` at `at`, `len` words long, runs on with one or two capitalised
    /// words into the name of a district of other regions only (`Tiyuh Panaragan
    /// Tulangbawang Tengah`, a district of Tulang Bawang Barat): the district, not `r`. Not
    /// where capitalised words run on past it, as a headline's do (`Mesuji Raya Juara Umum
    /// MTQ`).
    pub(super) fn runs_on_into_a_district(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        r: usize,
    ) -> bool {
        (1..=2).any(|extra| {
            let end = at + len + extra;
            let ends = !(words.capitalised.get(end) == Some(&true)
                && words.apart.get(end) == Some(&false));
            ends && self
                .run_on_district(words, at, len, extra)
                .is_some_and(|of| of.iter().all(|&o| self.elsewhere(o, r)))
        })
    }

    /// The regions of the district the name at `at`, `len` words long, makes with the
    /// `extra` capitalised words joined after it (`Mesuji Raya`, `Tulangbawang Tengah`).
    fn run_on_district(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        extra: usize,
    ) -> Option<&Vec<usize>> {
        let end = at + len + extra;
        let written = (at + len..end).all(|k| {
            words.capitalised.get(k) == Some(&true)
                && words.apart.get(k) == Some(&false)
                && words.point.get(k) == Some(&false)
        });
        written
            .then(|| self.kecamatan.get(&words.phrase(at, end)))
            .flatten()
    }

    /// Whether region `x`, named only bare, is a district of another region in `named` that
    /// lies in another province: `Ndondo Kotabaru` in a story on Ende is Ende's district, not
    /// the regency in South Kalimantan; `kawasan Jombang Wetan` beside `Kota Cilegon`.
    /// Within one province the name is as likely the region itself, so it is left.
    pub(super) fn district_of_named(&self, x: usize, named: &[usize]) -> bool {
        let Some(region) = self.regions.get(x) else {
            return false;
        };
        self.namesakes
            .get(&words(&region.name).concat())
            .is_some_and(|of| {
                of.iter().any(|&o| {
                    named.contains(&o)
                        && self.elsewhere(o, x)
                        && self.regions.get(o).map(|o| o.province) != Some(region.province)
                })
            })
    }

    /// Whether province `child` was carved out of province `parent` (Kalimantan Utara from
    /// Kalimantan Timur, Papua Pegunungan from Papua), by their codes.
    pub(super) fn split_from(&self, child: usize, parent: usize) -> bool {
        const SPLITS: &[(&str, &str)] = &[
            ("19", "16"),
            ("21", "14"),
            ("36", "32"),
            ("65", "64"),
            ("75", "71"),
            ("76", "73"),
            ("82", "81"),
            ("92", "91"),
            ("93", "91"),
            ("94", "91"),
            ("95", "91"),
            ("96", "92"),
        ];
        let (Some(c), Some(p)) = (self.provinces.get(child), self.provinces.get(parent)) else {
            return false;
        };
        SPLITS.iter().any(|&(x, y)| c.code == x && p.code == y)
    }

    /// Whether region `o` is another place than `r`: not `r`, nor the regency or city that
    /// shares its name, which is the level question.
    fn elsewhere(&self, o: usize, r: usize) -> bool {
        let twin = self.twin.get(r).copied().flatten();
        o != r && Some(o) != twin && self.twin.get(o) != Some(&Some(r))
    }

    /// For a bare city name at `at` whose regency shares it: the regency, when the words just
    /// before name one of its districts and none of the city's (`Cibinong, Bogor`, `warga
    /// Tambun Selatan Bekasi`); or the region carved out of them under the name and a
    /// direction, when they name one of its districts and neither twin's (`Serpong,
    /// Tangerang` is Tangerang Selatan, which writers still call by the old name). The
    /// longest name decides: `Bogor Tengah, Bogor` is the city's district even though a
    /// village of the regency is called `Tengah`.
    pub(super) fn placed_by_district(
        &self,
        words: &Words,
        at: usize,
        city: usize,
    ) -> Option<usize> {
        let regency = self.twin.get(city).copied().flatten()?;
        let of = named_before(&self.districts, words, at)?;
        if of.contains(&city) {
            return None;
        }
        // A name is listed once per table it is in (Serpong is a district and a village).
        let mut carved = of.iter().copied().filter(|&r| self.carved_from(r, regency));
        let child = carved.next();
        match (of.contains(&regency), child) {
            (true, None) => Some(regency),
            (false, Some(child)) if carved.all(|r| r == child) => Some(child),
            _ => None,
        }
    }

    /// Whether region `child` was carved out of `parent` under its name and a direction
    /// (`Tangerang Selatan` out of Tangerang; `Kota Tangerang` counts as Tangerang).
    pub(super) fn carved_from(&self, child: usize, parent: usize) -> bool {
        let (Some(child), Some(parent)) = (self.regions.get(child), self.regions.get(parent))
        else {
            return false;
        };
        child
            .name
            .strip_prefix(parent.name.trim_start_matches("Kota "))
            .is_some_and(|rest| rest.starts_with(' '))
    }

    /// Which of `regions` bare region `r` names: itself, the regency sharing a city's name,
    /// or a region carved out under the name, in that order.
    pub(super) fn same_name_in(&self, regions: &[usize], r: usize) -> Option<usize> {
        if regions.contains(&r) {
            return Some(r);
        }
        if let Some(t) = self.twin.get(r).copied().flatten()
            && regions.contains(&t)
        {
            return Some(t);
        }
        regions.iter().copied().find(|&c| self.carved_from(c, r))
    }

    /// Whether the capitalised words from `next` name a district of a region in another
    /// province than region `x`'s, and that region (or its province) follows (`Jombang,
    /// Ciputat, Tangerang Selatan`): the name before them is a village there. A district alone
    /// is not enough, as lists of towns name district seats (`Rembang, Brondong dan
    /// Sangihe`). Names of regions never count as districts ([`Gazetteer::add_districts`]).
    pub(super) fn district_elsewhere(&self, words: &Words, next: usize, x: usize) -> bool {
        let Some(own) = self.regions.get(x).map(|r| r.province) else {
            return false;
        };
        if self.longest(words, next, None).is_some() {
            return false;
        }
        (1..=3).rev().any(|k| {
            let joined = (next + 1..next + k).all(|i| words.apart.get(i) == Some(&false));
            if !joined || !(next..next + k).all(|i| words.capitalised.get(i) == Some(&true)) {
                return false;
            }
            let Some(of) = self.kecamatan.get(&words.phrase(next, next + k)) else {
                return false;
            };
            let after = next + k;
            let hint = words.get(after).and_then(super::prefix_hint);
            let skip = usize::from(hint.is_some());
            words.comma.get(after) == Some(&true)
                && self
                    .longest(words, after + skip, hint)
                    .and_then(|(t, _)| self.province_of(t))
                    .is_some_and(|p| {
                        p != own
                            && of
                                .iter()
                                .any(|&r| self.regions.get(r).is_some_and(|r| r.province == p))
                    })
        })
    }

    /// Whether bare region `r` at `at`, `len` words long, is listed among districts of
    /// another region that has a district of its name (`Air Sugihan, Pedamaran dan Mesuji`
    /// are districts of Ogan Komering Ilir, not the regency in Lampung): a neighbour in the
    /// list, by comma or `dan`, is a district of that region and names no region itself.
    pub(super) fn district_in_list(&self, words: &Words, at: usize, len: usize, r: usize) -> bool {
        let Some(of) = self.namesakes.get(&words.phrase(at, at + len)) else {
            return false;
        };
        let others: Vec<usize> = of
            .iter()
            .copied()
            .filter(|&o| self.elsewhere(o, r))
            .collect();
        if others.is_empty() {
            return false;
        }
        let joins = |i: usize| {
            words.comma.get(i) == Some(&true)
                || matches!(words.get(i), Some("dan" | "serta"))
                    && words.comma.get(i + 1) == Some(&false)
        };
        let district_of_others = |from: usize, to: usize| {
            (from..to).all(|i| words.capitalised.get(i) == Some(&true))
                && (from + 1..to).all(|i| words.apart.get(i) == Some(&false))
                && self.longest(words, from, None).is_none()
                && self
                    .kecamatan
                    .get(&words.phrase(from, to))
                    .is_some_and(|d| d.iter().any(|x| others.contains(x)))
        };
        // The item before: ends at `at - 1`, or before a `dan` there.
        let before = if words.comma.get(at) == Some(&true) {
            at.checked_sub(1)
        } else if at > 0 && matches!(words.get(at - 1), Some("dan" | "serta")) {
            at.checked_sub(2)
        } else {
            None
        };
        let listed_before = before.is_some_and(|end| {
            (1..=3).any(|k| end + 1 >= k && district_of_others(end + 1 - k, end + 1))
        });
        let next = at + len;
        let start = if words.comma.get(next) == Some(&true) {
            Some(next)
        } else if joins(next) {
            Some(next + 1)
        } else {
            None
        };
        let listed_after = start.is_some_and(|s| (1..=3).any(|k| district_of_others(s, s + k)));
        listed_before || listed_after
    }

    /// Whether the bare name at `at`, `len` words long, is one item of a list of villages or
    /// districts the text opens with their kind (`lima desa lainnya yakni Desa Satu Barat,
    /// Jombang, Satui Timur, Sungai Danau, dan Sejahtera Mulia`; `Nagari Kurnia Selatan,
    /// Gunung Medan, Silago, …`): a village of that name, not the region. Two items at least
    /// follow it, and no item is a region, a province or a day: an address runs on into its
    /// regency and province (`Desa X, Kecamatan Y, Garut, Jawa Barat, Senin`).
    pub(super) fn village_in_list(&self, words: &Words, at: usize, len: usize) -> bool {
        const KINDS: &[&str] = &[
            "desa",
            "kelurahan",
            "nagari",
            "dusun",
            "kampung",
            "gampong",
            "jorong",
            "kecamatan",
            "distrik",
            "kalurahan",
            "padukuhan",
        ];
        let capital = |k: usize| {
            words.capitalised.get(k) == Some(&true) && words.upper.get(k) == Some(&false)
        };
        // Where an item ending at `end` starts: its capitalised words joined by spaces.
        let item_start = |end: usize| {
            let mut b = end;
            while b > 0 && end - b < 3 && words.name_word_joined(b) && capital(b - 1) {
                b -= 1;
            }
            b
        };
        let plain = |b: usize, e: usize| {
            (b..=e).all(capital)
                && self.longest(words, b, None).is_none()
                && !words
                    .get(b)
                    .is_some_and(|w| super::words::REPORTED.contains(&w))
        };
        // Back from the name's own item to the item that opens with the kind.
        let mut b = item_start(at);
        let mut opened = false;
        for _ in 0..12 {
            let end = if words.comma.get(b) == Some(&true) {
                b.checked_sub(1)
            } else if b >= 2 && words.get(b - 1) == Some("dan") {
                Some(b - 2)
            } else {
                None
            };
            let Some(end) = end else {
                break;
            };
            b = item_start(end);
            if words.get(b).is_some_and(|w| KINDS.contains(&w)) && capital(b) {
                opened = end > b;
                break;
            }
            if !plain(b, end) {
                return false;
            }
        }
        if !opened {
            return false;
        }
        // Forward: two plain items at least after the name.
        let mut next = at + len;
        let mut after = 0;
        while after < 12 {
            // After a comma, a joining word or both (`, dan Sejahtera`).
            let joined = words.get(next) == Some("dan");
            if !joined && words.comma.get(next) != Some(&true) {
                break;
            }
            let start = next + usize::from(joined);
            let mut end = start;
            while words.name_word_joined(end + 1) && end - start < 3 {
                end += 1;
            }
            if !plain(start, end) {
                return false;
            }
            after += 1;
            next = end + 1;
        }
        after >= 2
    }

    /// For a bare city name at `at` whose regency shares it: the level a unit's official
    /// name, or a district named by it and a direction (`Bekasi Barat`), gives. `Bogor Kota`,
    /// `Polrestabes Semarang` are the city's; a police resort named by the bare name (`Polres
    /// Bogor`, `Kapolres Sorong`, `Kepolisian Resor Bekasi`) is the regency's, as the city's
    /// carries `Kota`. `Polresta X` and `Polres Metro X` alone are left: writers drop the
    /// city's `Kota` from them (`Polres Metro Tangerang` for the city's). The one `Polres
    /// Metro` that serves a regency, Bekasi's, is a row of `data/landmarks.tsv`.
    pub(super) fn level_by_unit(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        city: usize,
    ) -> Option<usize> {
        let regency = self.twin.get(city).copied().flatten()?;
        let next = at + len;
        if words.get(next) == Some("kota") && words.apart.get(next) == Some(&false) {
            return Some(city);
        }
        // `Bekasi Barat`, `Bandung Kulon`: the name begins one of the city's districts.
        if words.apart.get(next) == Some(&false)
            && words.capitalised.get(next) == Some(&true)
            && let Some(of) = self.kecamatan.get(&words.phrase(at, next + 1))
        {
            match (of.contains(&city), of.contains(&regency)) {
                (true, false) => return Some(city),
                (false, true) => return Some(regency),
                _ => {}
            }
        }
        let before = |k: usize| {
            at.checked_sub(k)
                .filter(|&b| words.apart.get(b + 1) == Some(&false))
                .and_then(|b| words.get(b))
        };
        let by_unit = match before(1)? {
            "polrestabes" | "kapolrestabes" => Some(city),
            "polres" | "kapolres" => Some(regency),
            "resor" if before(2) == Some("kepolisian") => Some(regency),
            _ => None,
        };
        // `perbatasan Bandung-Garut`: a border with another regency is the regency's; a
        // city borders the regency around it as a rule (`perbatasan Bogor-Depok` is left).
        let border = before(1) == Some("perbatasan") && {
            let other = if words.hyphen.get(next) == Some(&true) {
                Some(next)
            } else {
                (words.get(next) == Some("dan")).then_some(next + 1)
            };
            other
                .and_then(|k| self.longest(words, k, None))
                .is_some_and(|(t, _)| {
                    matches!(t, Target::Region(o)
                        if o != regency && self.regions[o].kind == RegionKind::Regency)
                })
        };
        if border {
            return Some(regency);
        }
        by_unit.or_else(|| {
            // The sea off a shared name whose city lies inland is the regency's coast.
            let sea = |w: Option<&str>| w.is_some_and(|w| SEA_WORDS.contains(&w));
            let off = sea(before(1)) || (DIRECTIONS.contains(&before(1)?) && sea(before(2)));
            (off && INLAND_CITIES.contains(&words.phrase(at, next).as_str())).then_some(regency)
        })
    }

    /// Whether the bare name of `city` at `at`, `len` words long, after `di`, and the rest
    /// of its sentence count villages there and name no other region or province (`…,
    /// sedangkan rob di Pekalongan mengakibatkan tanggul jebol … tiga desa terendam`, `sawah
    /// di tiga desa di Madiun`): a regency's, for the cities that share a regency's name
    /// are divided into kelurahan, none into desa. Not villages the sentence places
    /// elsewhere (`tiga desa di kabupaten tetangga`, `di Jalan Raya Nganjuk-Madiun, Desa
    /// Selorejo`) or where a name was scrubbed from the text (`Kabupaten ,`), nor the word
    /// for villages in general (`perangkat desa`, `Dana Desa`, `desa-desa di sekitar
    /// Cirebon`, `berbagai desa dan kota`), which a city's news has too.
    pub(super) fn among_villages(&self, words: &Words, at: usize, len: usize, city: usize) -> bool {
        const REACH: usize = 25;
        const COUNTS: &[&str] = &[
            "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
            "belasan", "puluhan", "ratusan",
        ];
        if at == 0 || words.get(at - 1) != Some("di") {
            return false;
        }
        // `point` and `comma` mark a stop or a comma before their word: back to the
        // clause's start, on to the sentence's end.
        let open = |j: usize| words.point.get(j) == Some(&false);
        let next = at + len;
        let mut from = at;
        while from > 0 && at - from < REACH && open(from) && words.comma.get(from) == Some(&false) {
            from -= 1;
        }
        let mut to = next;
        while to < next + REACH && open(to) {
            to += 1;
        }
        if (from..=to).any(|j| words.scrubbed.get(j) == Some(&true)) {
            return false;
        }
        let own = self.regions.get(city).map(|c| c.province);
        let counted = |j: usize| {
            j.checked_sub(1)
                .and_then(|b| words.get(b))
                .is_some_and(|w| COUNTS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()))
                && match words.get(j + 1) {
                    Some("di") => j + 2 == at,
                    Some(w) => !matches!(w, "desa" | "lain" | "lainnya" | "sekitar" | "tetangga"),
                    None => true,
                }
        };
        let mut villages = false;
        let mut j = from;
        while j < to {
            if j == at {
                j = next;
                continue;
            }
            villages |= words.get(j) == Some("desa") && counted(j);
            if words.capitalised.get(j) == Some(&true)
                && let Some((t, n)) = self.longest(words, j, None)
            {
                match t {
                    Target::Region(_) => return false,
                    Target::Province(p) if Some(p) != own => return false,
                    _ => {}
                }
                j += n;
                continue;
            }
            j += 1;
        }
        villages
    }

    /// The province a city named like it stands for after `prev`, another region of that
    /// province (`Sleman, Yogyakarta`, `Bantul Yogyakarta`): the writer placed `prev` in
    /// its province, as with `Sleman, Jawa Tengah`.
    pub(super) fn province_after(&self, prev: usize, r: usize) -> Option<Target> {
        let (region, before) = (self.regions.get(r)?, self.regions.get(prev)?);
        let p = region.province;
        let province = self.provinces.get(p)?;
        (prev != r
            && before.province == p
            && region.kind == RegionKind::City
            && province
                .name
                .strip_suffix(region.name.as_str())
                .is_some_and(|head| head.is_empty() || head.ends_with(' ')))
        .then_some(Target::Province(p))
    }
}

/// Words for the sea by a coast (`perairan selatan Sukabumi`, `pantai Tangerang`).
const SEA_WORDS: &[&str] = &[
    "perairan", "pantai", "pesisir", "laut", "lautan", "teluk", "selat", "samudra", "samudera",
];

/// Directions between a sea word and the coast's name.
const DIRECTIONS: &[&str] = &["utara", "selatan", "barat", "timur", "tenggara"];

/// Shared names whose city lies inland while its regency has the coast (Kota Sukabumi has no
/// sea; Kabupaten Sukabumi has Palabuhanratu's), from the regions' maps. Where both touch
/// the sea (Cirebon, Kupang, Bima …) a sea word decides nothing.
const INLAND_CITIES: &[&str] = &[
    "bekasi",
    "blitar",
    "malang",
    "sukabumi",
    "tangerang",
    "tasikmalaya",
];

/// The regions of the longest name of `table` (districts, villages) written in up to three
/// capitalised words just before `at` (`Cibinong, Bogor`, `Tambun Selatan Bekasi`).
pub(super) fn named_before<'a>(
    table: &'a WordMap<Vec<usize>>,
    words: &Words,
    at: usize,
) -> Option<&'a Vec<usize>> {
    (1..=3).rev().find_map(|k| {
        let from = at.checked_sub(k)?;
        if words.capitalised.get(from) != Some(&true) {
            return None;
        }
        table.get(&words.phrase(from, at))
    })
}
