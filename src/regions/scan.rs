//! Reading a text for the places it names: every word looked up once in the index of names,
//! each hit weighed with what the words around it say ([`Cues`]), and a whole article's hits
//! kept or left once it is read (a team's town in news about sport).

use super::exclude::{self, not_a_place, prefixed_not_a_place};
use super::landmark::{self, Placing, area_between};
use super::words::{self, Words};
use super::{
    Cues, Gazetteer, Hint, Hit, Mention, RegionKind, Target, prefix_hint, sport, villages,
};

impl Gazetteer {
    /// Calls `hit(target, words, first word, word count, cues)` for every place named in
    /// `text`, in order; the count includes a prefix word, and `cues` says what the whole
    /// article must weigh ([`Cues`]). Returns how many
    /// words about sport the text has ([`sport::sport_words`]).
    pub(super) fn scan_with(
        &self,
        text: &str,
        words: &mut Words,
        mut hit: impl FnMut(Target, &Words, usize, usize, Cues),
    ) -> usize {
        words.fill(text);
        let words = &*words;
        let mut i = 0;
        // The last region found and where its words end: `Sleman, Yogyakarta` names the
        // province after a regency of it.
        let mut last: Option<(usize, usize)> = None;
        // Where the last landmark's words end, and the landmark: the bare town written right
        // after it is placed by it ([`Gazetteer::after_landmark`]).
        let mut landmark: Option<(usize, &landmark::Landmark)> = None;
        // The level a prefix gave the first name of a list and where the list's last name
        // ends: `Kabupaten Tulungagung, Blitar dan Kediri` are all regencies.
        let mut list: Option<(Hint, usize)> = None;
        while i < words.len() {
            if let Some(hint) = words.get(i).and_then(prefix_hint)
                && let Some((target, len)) = self.longest(words, i + 1, Some(hint))
            {
                // `Provinsi Kapuas Raya`, `Provinsi Bogor Raya`: a province proposed to be
                // carved out, named after a regency it would not be. `ibu kota provinsi
                // Pekanbaru` has lost the comma before the capital's name.
                let capital = matches!(
                    (
                        i.checked_sub(2).and_then(|b| words.get(b)),
                        i.checked_sub(1).and_then(|b| words.get(b))
                    ),
                    (Some("ibu"), Some("kota")) | (_, Some("ibukota"))
                );
                let proposed =
                    hint == Hint::Province && matches!(target, Target::Region(_)) && !capital;
                if !proposed && !prefixed_not_a_place(words, i, 1 + len) {
                    let cues = Cues {
                        level_named: true,
                        after_region: last.is_some_and(|(_, end)| end == i),
                        ..Cues::default()
                    };
                    hit(target, words, i, 1 + len, cues);
                    if let Target::Region(r) = target {
                        last = Some((r, i + 1 + len));
                        list = Some((hint, i + 1 + len));
                    }
                }
                i += 1 + len;
                continue;
            }
            if let Some((regencies, len)) = self.district_by_kind(words, i) {
                let cues = Cues {
                    level_named: true,
                    evidence: true,
                    ..Cues::default()
                };
                for r in regencies {
                    hit(Target::Region(r), words, i, len, cues);
                }
                i += len;
                continue;
            }
            let region = self.longest(words, i, None);
            // `Ogan Komering Ulu (OKU) Timur`: the name with its short form in brackets
            // inside it is the longer region the short form and the last word name.
            if let Some((Target::Region(short), len)) = region
                && words.apart.get(i + len) == Some(&true)
                && words.comma.get(i + len) == Some(&false)
                && words.upper.get(i + len) == Some(&true)
                && words.apart.get(i + len + 1) == Some(&true)
                && words.comma.get(i + len + 1) == Some(&false)
                && let Some((Target::Region(long), 2)) = self.longest(words, i + len, None)
                && long != short
                && words::words(&self.regions[long].name)
                    .starts_with(&words::words(&self.regions[short].name))
            {
                i += len;
                continue;
            }
            // A landmark's name may begin a region's (`Puncak`, `Puncak Jaya`): the longer
            // wins.
            let landmark_here = self
                .landmark_at(words, i)
                .filter(|&(_, len)| region.is_none_or(|(_, named)| named < len));
            if let Some((mark, len)) = landmark_here {
                // `PT Jababeka`: a firm named after its estate works anywhere; an airport
                // after its operator's name (`PT Angkasa Pura I Bandara Adisutjipto`) is
                // still the airport.
                if !mark.airport && not_a_place(words, i, len) {
                    i += len;
                    continue;
                }
                if let Some(target) = mark.region() {
                    let cues = Cues {
                        level_named: true,
                        landmark: true,
                        ..Cues::default()
                    };
                    hit(target, words, i, len, cues);
                    if let Target::Region(r) = target {
                        last = Some((r, i + len));
                    }
                }
                // `Sentul Selatan, Bogor`: a part of the landmark named by its direction.
                let len = if words.name_word_joined(i + len)
                    && matches!(
                        words.get(i + len),
                        Some("utara" | "selatan" | "barat" | "timur" | "tengah")
                    ) {
                    len + 1
                } else {
                    len
                };
                landmark = Some((i + len, mark));
                i += len;
                continue;
            }
            if let Some((target, len)) = region {
                let placing = match target {
                    Target::Region(r) => landmark
                        .filter(|&(end, _)| {
                            (end == i || area_between(words, end, i))
                                && words.point.get(i) == Some(&false)
                                && words.hyphen.get(i) == Some(&false)
                        })
                        .map(|(_, mark)| {
                            let listed = words.next_in_list(i + len, i + len + 1);
                            self.after_landmark(mark, r, listed)
                        })
                        .or_else(|| self.placed_by_district_after(words, i + len, r)),
                    _ => None,
                };
                // A place elsewhere: the one mention's alone, or, where the text places the
                // name in another province (a village there, or a town written with that
                // province), the name's throughout the article.
                let elsewhere = if placing == Some(Placing::Elsewhere) {
                    Some(self.village_of_another_province(words, i, i + len, target))
                } else {
                    self.town_of_another_province(words, i, i + len, target)
                        .then_some(true)
                };
                if let Some(throughout) = elsewhere {
                    if throughout {
                        let cues = Cues {
                            elsewhere: true,
                            ..Cues::default()
                        };
                        hit(target, words, i, len, cues);
                    }
                    i += len;
                    continue;
                }
                // A district of another region: listed among its districts or among villages
                // named by their kind, written before
                // it in an address, its police sector's name, or the end of one's name
                // written as two words.
                let district = |r: usize| {
                    self.district_in_list(words, i, len, r)
                        || self.village_in_list(words, i, len)
                        || self.district_before_its_region(words, i, len, r)
                        || self.police_sector_elsewhere(words, i, len, r)
                        || self.runs_on_into_a_district(words, i, len, r)
                        || self.ends_a_district(words, i, len, r)
                        || self.island_of_another_region(words, i, len, r)
                };
                if !not_a_place(words, i, len)
                    && !exclude::main_road(words, i)
                    && !self.locality_in_next(words, i, i + len, target)
                    && !matches!(target, Target::Region(r) if district(r))
                    && !self.inside_a_village(words, i, len, target)
                    && !self.locality_placed_elsewhere(words, i, len, target)
                    && !self.given_name_before(words, i, len)
                    && !self.title_abbreviation(words, i, len)
                    && !self.clipped_office(words, i, len, target)
                    && !self.seat_town(words, i, target)
                {
                    let mut cues = Cues {
                        team: sport::plays_in_sport(words, i, len)
                            || (sport::sponsored(words, i, len)
                                && !words
                                    .get(i + len)
                                    .is_some_and(|w| self.index.contains_key(w))),
                        acronym: self.acronym_alias(words, i, len, target)
                            || self.unplaced_clan_name(words, i, len, target),
                        namesake: words::NAMESAKES
                            .iter()
                            .find(|(name, _)| len == 1 && words.get(i) == Some(*name))
                            .map(|&(_, province)| province),
                        level_named: false,
                        evidence: false,
                        landmark: false,
                        after_region: last.is_some_and(|(_, end)| end == i),
                        elsewhere: false,
                    };
                    let target = match (target, last, placing) {
                        (_, _, Some(Placing::At(placed))) => {
                            cues.level_named = true;
                            Target::Region(placed)
                        }
                        (Target::Region(r), Some((prev, end)), _) if end == i => {
                            self.province_after(prev, r).unwrap_or(target)
                        }
                        (Target::Region(r), _, _) => match self
                            .level_by_unit(words, i, len, r)
                            .or_else(|| self.placed_by_district(words, i, r))
                        {
                            Some(placed) => {
                                cues.level_named = true;
                                Target::Region(placed)
                            }
                            None => target,
                        },
                        _ => target,
                    };
                    let listed = list
                        .filter(|&(_, end)| words.next_in_list(end, i))
                        .map(|(hint, _)| hint);
                    let target = match (target, listed) {
                        (Target::Region(r), Some(hint)) if !cues.level_named => {
                            list = Some((hint, i + len));
                            match (hint, self.twin.get(r).copied().flatten()) {
                                (Hint::Regency, Some(regency)) => {
                                    cues.level_named = true;
                                    Target::Region(regency)
                                }
                                (Hint::City, Some(_)) => {
                                    cues.level_named = true;
                                    target
                                }
                                _ => target,
                            }
                        }
                        _ => target,
                    };
                    hit(target, words, i, len, cues);
                    if let Target::Region(r) = target {
                        last = Some((r, i + len));
                    }
                }
                i += len;
                continue;
            }
            i += 1;
        }
        sport::sport_words(words)
    }

    /// Every mention [`Gazetteer::find`] counts in `texts`, with the words around it: what
    /// the fidelity evaluation reads to judge whether each found place is one.
    pub fn mentions<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<Mention> {
        const AROUND: usize = 6;
        self.scan_article(texts, None, |target, words, at, len, n, _| {
            let place = match target {
                Target::Nothing => None,
                Target::Province(p) => self.provinces.get(p).map(|p| p.name.clone()),
                Target::Region(r) => self.regions.get(r).map(|r| r.name.clone()),
            }?;
            let from = at.saturating_sub(AROUND);
            let to = (at + len + AROUND).min(words.len());
            let mut context = String::new();
            for k in from..to {
                if !context.is_empty() {
                    context.push(' ');
                }
                if k == at {
                    context.push('[');
                }
                context.push_str(words.get(k).unwrap_or(""));
                if k + 1 == at + len {
                    context.push(']');
                }
            }
            let before = at.checked_sub(1).and_then(|b| words.get(b));
            Some(Mention {
                place,
                text: n,
                context,
                prefixed: words.get(at).and_then(prefix_hint).is_some(),
                before: before.unwrap_or("").to_string(),
                after: words.get(at + len).unwrap_or("").to_string(),
                capitalised: words.capitalised.get(at).copied().unwrap_or(false),
            })
        })
    }

    /// What `make(target, words, first word, word count, text number, cues)` makes of every place
    /// named in `texts`, in order, leaving out a team's town once the whole article turns
    /// out to be about sport ([`sport::SPORT_ARTICLE`]): which needs every text read first.
    /// `dateline_district`, a dateline that names no region, is read for districts only.
    pub(super) fn scan_article<'a, T>(
        &self,
        texts: impl IntoIterator<Item = &'a str>,
        dateline_district: Option<&str>,
        mut make: impl FnMut(Target, &Words, usize, usize, usize, &Cues) -> Option<T>,
    ) -> Vec<T> {
        let mut out: Vec<Hit<T>> = Vec::new();
        let mut words = Words::new();
        let mut sport = 0;
        let texts: Vec<&str> = texts.into_iter().collect();
        let villages = villages::named_with_kind(&texts, &mut words);
        for (n, &text) in texts.iter().enumerate() {
            sport += self.scan_with(text, &mut words, |target, words, at, len, cues| {
                if villages::opens_a_village(words, at, len, &villages) {
                    return;
                }
                // A bare city name that a regency shares is made both ways; the article
                // decides which it meant once it is read.
                let twin = match target {
                    Target::Region(r) if !cues.level_named => self.twin.get(r).copied().flatten(),
                    _ => None,
                }
                .and_then(|t| Some((make(Target::Region(t), words, at, len, n, &cues)?, t)));
                let rural = matches!(target, Target::Region(c) if twin.is_some()
                    && self.among_villages(words, at, len, c));
                if let Some(made) = make(target, words, at, len, n, &cues) {
                    out.push(Hit {
                        made,
                        target,
                        cues,
                        twin,
                        rural,
                    });
                }
            });
        }
        let sporty = sport >= sport::SPORT_ARTICLE;
        out.retain(|h| !(sporty && h.cues.team));
        // An acronym, or a neighbourhood's namesake in an article about the neighbourhood's
        // province, counts where the article places it: its province, or another region of
        // it, named in full.
        let placed: Vec<usize> = out
            .iter()
            .filter(|h| !h.cues.acronym && h.cues.namesake.is_none())
            .filter_map(|h| self.province_of(h.target))
            .collect();
        let named: Vec<usize> = out
            .iter()
            .filter(|h| h.cues.namesake.is_none())
            .filter_map(|h| match h.target {
                Target::Region(r) => Some(r),
                _ => None,
            })
            .collect();
        let about = |place: &str| {
            self.provinces
                .iter()
                .position(|p| p.name == place)
                .is_some_and(|p| placed.contains(&p))
                || named.iter().any(|&r| self.regions[r].name == place)
        };
        // A bare `Bogor` is the city, unless the article fixes the regency's level (`Kabupaten
        // Bogor`, `Bupati Bogor`, `Cibinong, Bogor`) and never the city's (`Kota Bogor`, `Wali
        // Kota Bogor`): then the article is about the regency throughout.
        let explicit: Vec<Target> = out
            .iter()
            .filter(|h| h.cues.level_named)
            .map(|h| h.target)
            .collect();
        // Neither level fixed: the districts the article names decide (`Wonosari`,
        // `Purwosari` are Kabupaten Malang's and Kabupaten Pasuruan's).
        let mut undecided: Vec<(usize, usize)> = out
            .iter()
            .filter_map(|h| match (h.target, &h.twin) {
                (Target::Region(city), Some((_, t)))
                    if !explicit.contains(&Target::Region(*t)) && !explicit.contains(&h.target) =>
                {
                    Some((city, *t))
                }
                _ => None,
            })
            .collect();
        undecided.sort_unstable();
        undecided.dedup();
        let mut by_districts = if undecided.is_empty() {
            Vec::new()
        } else {
            // A dateline that is a district (`AIMAS-` over `Unimuda Sorong`) counts as one
            // the text names.
            let read: Vec<&str> = texts.iter().copied().chain(dateline_district).collect();
            self.regencies_by_districts(&read, &undecided, &mut words)
        };
        // Or a sentence that speaks of villages around the bare name (`rob di Pekalongan …
        // tiga desa terendam`): a city is divided into kelurahan.
        by_districts.extend(
            undecided
                .iter()
                .filter(|&&(c, _)| out.iter().any(|h| h.rural && h.target == Target::Region(c)))
                .map(|&(_, r)| r),
        );
        // A name the text once places in another province that holds a district of its
        // name (`Ketapang, Banyuwangi, Jawa Timur`) is that town wherever it stands bare.
        let elsewhere: Vec<Target> = out
            .iter()
            .filter(|h| h.cues.elsewhere)
            .map(|h| h.target)
            .collect();
        let towns = self.towns_written_as_cities(&out, &texts, &mut words);
        out.into_iter()
            .filter(|h| !h.cues.evidence && !h.cues.elsewhere && !towns.contains(&h.target))
            .filter(|h| !elsewhere.contains(&h.target) || h.cues.level_named || h.cues.landmark)
            .filter(|h| {
                let doubted = h.cues.acronym || h.cues.namesake.is_some_and(about);
                !doubted
                    || self
                        .province_of(h.target)
                        .is_some_and(|p| placed.contains(&p))
            })
            .map(|h| match h.twin {
                Some((made, t))
                    if (explicit.contains(&Target::Region(t)) && !explicit.contains(&h.target))
                        || by_districts.contains(&t) =>
                {
                    made
                }
                _ => h.made,
            })
            .collect()
    }

    /// The cities whose name the text writes as `Kota X` where X is a regency's town: a
    /// district of a regency of another province whose other districts the text names by
    /// their kind, and nothing else of the city's province is named (`Kota Tebing Tinggi
    /// dengan Kecamatan Pendopo di Kabupaten Empat Lawang`: Empat Lawang's seat in South
    /// Sumatra, not the city in North Sumatra). Writers call a regency's seat a town
    /// (`kota`) as often as they name it bare.
    fn towns_written_as_cities<T>(
        &self,
        out: &[Hit<T>],
        texts: &[&str],
        words: &mut Words,
    ) -> Vec<Target> {
        let region = |h: &Hit<T>| match h.target {
            Target::Region(r) => Some(r),
            _ => None,
        };
        let mut towns = Vec::new();
        // Read only for an article that writes such a city.
        let mut by_kind: Option<Vec<usize>> = None;
        for h in out.iter().filter(|h| h.cues.level_named) {
            let Some(c) = region(h) else { continue };
            let city = &self.regions[c];
            if city.kind != RegionKind::City || towns.contains(&h.target) {
                continue;
            }
            let name = city.name.strip_prefix("Kota ").unwrap_or(&city.name);
            // Districts named like a region are kept apart from the others.
            let Some(of) = self.namesakes.get(&words::words(name).concat()) else {
                continue;
            };
            // Another district of that regency named by its kind (`Kecamatan Pendopo`): a
            // city named beside a regency's officials or a partner regency is the city.
            let by_kind = by_kind.get_or_insert_with(|| {
                texts
                    .iter()
                    .flat_map(|t| self.regions_of_districts_by_kind(t, words))
                    .collect()
            });
            let seat_named = by_kind
                .iter()
                .any(|&y| of.contains(&y) && self.regions[y].province != city.province);
            // The city's own districts by their kind (`Kecamatan Beji, Kota Depok`) count as
            // its province's places.
            let home_named = by_kind
                .iter()
                .any(|&y| self.regions[y].province == city.province)
                || out.iter().any(|o| {
                    o.target != h.target && self.province_of(o.target) == Some(city.province)
                });
            if seat_named && !home_named {
                towns.push(h.target);
            }
        }
        towns
    }
}
