//! An article's regions: the dateline's place and the text's, each the article's own or
//! named in passing ([`salience`] tells them apart).

use super::words::{Words, words};
use super::{Found, Gazetteer, RegionKind, Target, nearby, prefix_hint, salience, schools};

impl Gazetteer {
    /// The place a dateline names ("Lubuklinggau", "Kota Batu", "Palu"): the whole dateline
    /// must be one name. A dateline is a place by construction, so ambiguous names count.
    pub(super) fn dateline(&self, dateline: &str) -> Option<Target> {
        let mut ws = words(dateline);
        // `Pemprov Kalteng`, `Bupati Sleman`: an office, a tag or a kicker, never a dateline.
        if ws.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "pemkab" | "bupati" | "pemkot" | "walikota" | "pemprov"
            )
        }) {
            return None;
        }
        let hint = ws.first().and_then(|w| prefix_hint(w));
        if hint.is_some() && ws.len() > 1 {
            ws.remove(0);
        }
        let list = self.index.get(ws.first()?)?;
        list.iter()
            .filter(|n| n.words == ws)
            .min_by_key(|n| self.rank(n.target, hint))
            .map(|n| n.target)
    }

    /// The regions and provinces of an article with `dateline` and `texts` (title and body
    /// paragraphs).
    pub fn find<'a>(
        &self,
        dateline: Option<&str>,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Found {
        let mut found = Found::default();
        let texts: Vec<&str> = texts.into_iter().collect();
        let dated = dateline.and_then(|d| self.dateline(d));
        // A dateline that is no region (`Aimas`, a district of Kabupaten Sorong) decides a bare
        // shared name's level as the text's districts do.
        let district = dateline.filter(|_| !matches!(dated, Some(Target::Region(_))));
        let given_names = nearby::GivenNames::new(&texts);
        let named = self.scan_article(
            texts.iter().copied(),
            district,
            |target, words, at, len, n, cues| {
                // A provincial office's border post is its town's own.
                let seat = salience::seat_word(words, at).filter(|w| {
                    !salience::PROVINCIAL_OFFICES.contains(w)
                        || matches!(target, Target::Region(r)
                            if salience::PROVINCE_CAPITALS.contains(&self.regions[r].code.as_str()))
                });
                if words.in_read_also(at) {
                    return None;
                }
                let former = salience::former_office(words, at);
                let before = at.checked_sub(1).and_then(|b| words.get(b));
                let people = salience::after_people(words, at);
                Some((
                    target,
                    salience::Sighting {
                        text: n,
                        prefixed: words.get(at).and_then(prefix_hint).is_some(),
                        seat: seat.is_some_and(|w| !salience::great_city_police(w))
                            || salience::leads_a_chapter(words, at, len)
                            || former,
                        police: seat.is_some_and(salience::polices),
                        former,
                        wide_seat: seat.is_some_and(salience::reaches_wide),
                        landmark: cues.landmark,
                        at: salience::placed_at(words, at, seat.is_some()),
                        route: self.route_end(words, at, len),
                        listed: self.listed(words, at, at + len),
                        school: schools::ends_a_school(words, at),
                        locator: cues.after_region && words.comma.get(at) == Some(&true),
                        from: matches!(before, Some("asal" | "dari")),
                        to: matches!(before, Some("ke" | "menuju")),
                        said: salience::said_at(words, at, len),
                        people,
                        realm: salience::after_realm(words, at),
                        origin: people && self.home_of_people_elsewhere(words, at, len, target),
                        name_like: self.name_like(words, at, &given_names),
                    },
                ))
            },
        );
        // A dateline that is no region names the one regency with a district of its name, as
        // a town names its regency (`NAMLEA –` is Buru's, `SENTANI –` Kabupaten Jayapura's):
        // the newsroom is there. Only where the text names that regency's province or a
        // place in it: the name is as often a town abroad, a misspelt city or a
        // neighbourhood elsewhere (`MIRI –` in Sarawak, `MAKASAR –`, `KEMANG –` in South
        // Jakarta). A name of districts in several regencies says none.
        let dated = dated.or_else(|| {
            let of = self.kecamatan.get(&words(district?).concat())?;
            let [r] = of[..] else {
                return None;
            };
            let province = self.province_of(Target::Region(r));
            named
                .iter()
                .any(|(t, _)| self.province_of(*t) == province)
                .then_some(Target::Region(r))
        });
        // A name met only bare that is a district of another region the article names, in
        // another province, is that district ([`Gazetteer::district_of_named`]).
        let mut regions_named: Vec<usize> = dated
            .into_iter()
            .chain(named.iter().map(|(t, _)| *t))
            .filter_map(|t| match t {
                Target::Region(r) => Some(r),
                _ => None,
            })
            .collect();
        // Sightings repeat a region; each is weighed once.
        regions_named.sort_unstable();
        regions_named.dedup();
        let homonyms: Vec<Target> = regions_named
            .iter()
            .filter(|&&x| {
                let t = Target::Region(x);
                let province = self.province_of(t).map(Target::Province);
                // `warga Depok, Jawa Barat`: its province in the same paragraph says which it
                // is.
                let own_province = |text: usize| {
                    named
                        .iter()
                        .any(|(n, s)| Some(*n) == province && s.text == text)
                };
                // The table lookup first: few names are a district elsewhere, and only
                // theirs need their sightings read.
                dated != Some(t)
                    && self.district_of_named(x, &regions_named)
                    && named
                        .iter()
                        .all(|(n, s)| *n != t || !(s.prefixed || own_province(s.text)))
            })
            .map(|&x| Target::Region(x))
            .collect();
        let named: Vec<_> = named
            .into_iter()
            .filter(|(t, _)| !homonyms.contains(t))
            .collect();
        let is_named = |t: Target| named.iter().any(|(n, _)| *n == t);
        let headline = dated.map(|t| {
            // A bare dateline (`BOGOR -`) is written the same for the city and the regency:
            // it means the level its article speaks of, as a bare name in the text does.
            let bare =
                dateline.is_some_and(|d| words(d).first().and_then(|w| prefix_hint(w)).is_none());
            match t {
                Target::Region(r) if bare => match self.twin.get(r).copied().flatten() {
                    // Or, the text naming neither level, its districts do (`BIMA -` over
                    // `Kecamatan Monta`).
                    Some(regency)
                        if !is_named(Target::Region(r))
                            && (is_named(Target::Region(regency))
                                || self
                                    .regencies_by_districts(
                                        &texts,
                                        &[(r, regency)],
                                        &mut Words::new(),
                                    )
                                    .contains(&regency)) =>
                    {
                        Target::Region(regency)
                    }
                    _ => t,
                },
                _ => t,
            }
        });
        // Each target once, the dateline's first, then by first mention, with its sightings.
        let mut weighed: Vec<(Target, Vec<salience::Sighting>)> =
            headline.into_iter().map(|t| (t, Vec::new())).collect();
        for &(target, sighting) in &named {
            match weighed.iter_mut().find(|(t, _)| *t == target) {
                Some((_, sightings)) => sightings.push(sighting),
                None => weighed.push((target, vec![sighting])),
            }
        }
        let regions = weighed
            .iter()
            .filter(|(t, s)| matches!(t, Target::Region(_)) && salience::counts(s))
            .count();
        // Whether each region the dateline does not name is one of the article's places.
        // The regions the title names other than as an office's seat, or as where someone
        // comes from (`Polres Bogor Tangani Kecelakaan Warga Kota Bogor`).
        // With each, whether the title places the story there (`di Kudus`, `Kabupaten
        // Kudus`) rather than naming it as a gang's, a load's or a bus's (`Komplotan
        // Curanmor Wonogiri`, `Truk Tujuan Banyuwangi`).
        let named_in_title =
            |s: &&salience::Sighting| s.text == 0 && !s.seat && !s.from && !s.people;
        let in_title: Vec<(Target, bool)> = weighed
            .iter()
            .filter(|(t, s)| matches!(t, Target::Region(_)) && s.iter().any(|s| named_in_title(&s)))
            .map(|(t, s)| {
                let placed = s.iter().filter(named_in_title).any(|s| s.at || s.prefixed);
                (*t, placed)
            })
            .collect();
        let in_text_with = |road_ends: bool| -> Vec<bool> {
            weighed
                .iter()
                .map(|(t, s)| {
                    let elsewhere = salience::TitleElsewhere {
                        named: in_title.iter().any(|(o, _)| o != t),
                        placed: in_title.iter().any(|(o, at)| o != t && *at),
                    };
                    matches!(t, Target::Region(_))
                        && headline != Some(*t)
                        && salience::is_main(s, regions, road_ends, elsewhere)
                })
                .collect()
        };
        // A regency named once, bare, where the article names another of its province whose
        // name goes on from it with its level or more often (`Demo Warga Konawe` over
        // `Kabupaten Konawe Kepulauan`, `wilayah Konawe` in news of Konawe Utara): the
        // writer's short name for that one, so it is named in passing.
        // So is one named bare as an office's seat, once or twice, beside a regency split
        // from it that the text names more: a command or court keeps the name of the regency
        // it served before the split and serves the new ones still (`Kodim 0213/Nias` and
        // `Dandim 0213 Nias` in news of Nias Selatan).
        // So, however often, is one named bare in a title or a unit (`Nelayan di Minahasa
        // Hilang`, `Damkar Banggai`) where the opening sets the story in the longer one with
        // its level or `di`, and names it at least as often (`di Minahasa Utara`, `Kabupaten
        // Banggai Kepulauan`).
        // Never one the body sets something in (`Dalam Loka … di Sumbawa`, beside festivals
        // in `Kabupaten Sumbawa Barat`): titles shorten, the body says where.
        let shortened: Vec<bool> = weighed
            .iter()
            .map(|(t, s)| {
                let Target::Region(x) = *t else {
                    return false;
                };
                let region = &self.regions[x];
                let prefix = format!("{} ", region.name);
                let once = s.len() == 1 && s.iter().all(|s| !s.seat);
                let seated = s.len() <= 2 && s.iter().any(|s| s.seat);
                let opening = |os: &[salience::Sighting]| {
                    os.len() >= s.len()
                        && os
                            .iter()
                            .any(|s| s.text <= 1 && ((s.prefixed && !s.seat) || s.at))
                };
                region.kind == RegionKind::Regency
                    && !self.twin.contains(&Some(x))
                    && headline != Some(*t)
                    && s.iter()
                        .all(|s| !s.prefixed && !s.listed && (!s.at || s.text == 0))
                    && weighed.iter().any(|(o, os)| {
                        matches!(*o, Target::Region(y)
                            if self.regions[y].name.starts_with(&prefix)
                                && self.regions[y].province == region.province
                                && (((once || seated)
                                    && (os.len() > s.len().max(1)
                                        || os.iter().any(|s| s.prefixed)))
                                    || opening(os)))
                    })
            })
            .collect();
        let in_text_with = |road_ends: bool| -> Vec<bool> {
            in_text_with(road_ends)
                .into_iter()
                .zip(&shortened)
                .map(|(main, short)| main && !short)
                .collect()
        };
        let mut in_text = in_text_with(false);
        // With no dateline and no other place, a road's ends are the article's (it is about
        // the road, or the road is all it says of where). A province the text says something
        // happens in (`konferensi pers di Jakarta`) is such a place.
        let province_at = weighed
            .iter()
            .any(|(t, s)| matches!(t, Target::Province(_)) && s.iter().any(|s| s.at));
        if headline.is_none() && !province_at && !in_text.contains(&true) {
            in_text = in_text_with(true);
        }
        // A region named only as a wide-reaching office's seat (`RRI Samarinda Berkomitmen …`
        // over a festival in Kabupaten Kutai Barat), where the dateline or the text makes
        // another region its place, is the office's, as a dateline named so is.
        let other_place = |i: usize| {
            weighed
                .iter()
                .zip(&in_text)
                .enumerate()
                .any(|(k, ((t, s), main))| {
                    k != i
                        && (*main || headline == Some(*t))
                        && matches!(t, Target::Region(_))
                        // A dateline the text never names is no office's seat.
                        && (s.is_empty() || !salience::wide_seat_only(s))
                })
        };
        let wide_only: Vec<bool> = weighed
            .iter()
            .enumerate()
            .map(|(i, (t, s))| {
                matches!(t, Target::Region(_)) && salience::wide_seat_only(s) && other_place(i)
            })
            .collect();
        for (main, wide) in in_text.iter_mut().zip(wide_only) {
            *main &= !wide;
        }
        // A town named only as its police's seat is no place of a case the text sets in a
        // district, named by its kind, that neither the town nor its twin has (`Polres
        // Tebingtinggi` over a body found in `Kecamatan Tebing Tinggi`, Serdang Bedagai's):
        // a resort's area may reach past its town, and the district says where the case is.
        // Not one the title names: the police are then its subject, wherever they made the
        // arrest (`Satres Narkoba Polres Pakpak Bharat …` in Kabupaten Dairi).
        // The districts are read only for an article with such a town.
        // So is a dateline's town named only so (`MEDAN –` over `wilayah hukum Polrestabes
        // Medan` guarding an office wrecked in `Kecamatan Pancur Batu`, Deli Serdang's).
        let mut districts: Option<Vec<Vec<usize>>> = None;
        let mut police_elsewhere = vec![false; weighed.len()];
        for (((t, s), main), elsewhere) in weighed
            .iter()
            .zip(in_text.iter_mut())
            .zip(police_elsewhere.iter_mut())
        {
            let Target::Region(r) = *t else { continue };
            let dated = headline == Some(*t);
            if !(*main || dated) || s.is_empty() || !s.iter().all(|s| s.police && s.text > 0) {
                continue;
            }
            // A district of a region whose own police the text names is theirs to tell
            // (`razia … Polresta Sidoarjo di Kecamatan Buduran` beside Surabaya's own).
            let policed = |o: usize| {
                weighed
                    .iter()
                    .any(|(t, s)| *t == Target::Region(o) && o != r && s.iter().any(|s| s.police))
            };
            let own = |of: &Vec<usize>| {
                of.iter().any(|&o| {
                    o == r
                        || self.twin.get(r) == Some(&Some(o))
                        || self.twin.get(o) == Some(&Some(r))
                        || policed(o)
                })
            };
            let districts = districts
                .get_or_insert_with(|| self.districts_named_by_kind(&texts, &mut Words::new()));
            *elsewhere = districts.iter().any(|of| !own(of));
            *main &= !*elsewhere;
        }
        // A region named only as the home of people living elsewhere (`warga Manggarai di
        // Jakarta`) is where they come from when the story's place is another region of its
        // province named with its level (`tapal batas Kabupaten Manggarai Timur dan
        // Kabupaten Ngada`). Otherwise the story is as often about their home (`mahasiswa
        // Merauke di Jayapura menolak …`). So is one named only as an old sultanate's realm
        // and its people (`Kesultanan Buton` in news of Kota Baubau).
        let homes: Vec<bool> = weighed
            .iter()
            .enumerate()
            .map(|(i, (t, s))| {
                let province = self.province_of(*t);
                matches!(t, Target::Region(_))
                    && (salience::home_only(s) || salience::realm_only(s))
                    && weighed
                        .iter()
                        .zip(&in_text)
                        .enumerate()
                        .any(|(k, ((o, os), &main))| {
                            k != i
                                && main
                                && matches!(o, Target::Region(_))
                                && self.province_of(*o) == province
                                && os.iter().any(|s| s.prefixed && !s.seat && !s.origin)
                        })
            })
            .collect();
        for (main, home) in in_text.iter_mut().zip(homes) {
            *main &= !home;
        }
        // A region named up to three times, each time as a person's or a people's name
        // (`dikomandoi Basir dan Asmat`, `festival budaya Buton` held in Fakfak) and never
        // with a word of place, office or people about it, not in the title, of a province
        // the text names nothing else of (nor the province it was split from or into:
        // writers still say `Papua` of Wamena), in a story the text places in another
        // province (a region there named with its level or after `di`): a name, not where
        // the story is. A far place the story goes to is written bare too (`memburu pelaku
        // hingga Tarakan`, `juga menyelimuti Pontianak`), hence the name's own shape.
        let akin = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(a), Some(b)) => a == b || self.split_from(a, b) || self.split_from(b, a),
            _ => false,
        };
        let placed_elsewhere = |i: usize| {
            let province = self.province_of(weighed[i].0);
            weighed
                .iter()
                .zip(&in_text)
                .enumerate()
                .any(|(k, ((o, os), &main))| {
                    k != i
                        && (main || headline == Some(*o))
                        && matches!(o, Target::Region(_))
                        && !akin(self.province_of(*o), province)
                        // The dateline places the story as a level or `di` does.
                        && (headline == Some(*o) || os.iter().any(|s| s.prefixed || s.at))
                })
        };
        let far_names: Vec<bool> = weighed
            .iter()
            .enumerate()
            .map(|(i, (t, s))| {
                let province = self.province_of(*t);
                matches!(t, Target::Region(_))
                    && headline != Some(*t)
                    && (1..=3).contains(&s.len())
                    // `dan` or `budaya` just before the name leaves no prefix, `di`,
                    // `dari` or people's word there; the title names what the story is
                    // about.
                    && s.iter().all(|s| {
                        s.name_like
                            && s.text != 0
                            && !(s.seat || s.landmark || s.route || s.listed)
                    })
                    && !weighed
                        .iter()
                        .enumerate()
                        .any(|(k, (o, _))| k != i && akin(self.province_of(*o), province))
                    && !akin(headline.and_then(|h| self.province_of(h)), province)
                    && placed_elsewhere(i)
            })
            .collect();
        for (main, far) in in_text.iter_mut().zip(far_names) {
            *main &= !far;
        }
        // The provinces of the regions the text itself makes the article's places.
        let text_places: Vec<Option<usize>> = weighed
            .iter()
            .zip(&in_text)
            .filter(|(_, main)| **main)
            .map(|((t, _), _)| self.province_of(*t))
            .collect();
        // The regions the title's districts named by their kind lie in (`Demo LPM Kecamatan
        // Sunggal …` under `Medan –`), and those of the districts the first paragraph sets
        // something in (`ditangkap di perairan Pulau Jampea, Kecamatan Pasimasunggu,
        // Kepulauan Selayar` under `MAKASSAR`, with the provincial police at work): where the
        // opening places the story. Not a district the lede names as where someone or
        // something comes from (`pasokan dari Kecamatan Perbaungan`).
        let mut opening_districts = {
            let mut words = Words::new();
            let mut found = texts.first().map_or_else(Vec::new, |t| {
                self.regions_of_districts_by_kind(t, &mut words)
            });
            if let Some(lede) = texts.get(1) {
                found.extend(self.regions_of_districts_set_in(lede, &mut words));
            }
            found
        };
        opening_districts.sort_unstable();
        opening_districts.dedup();
        let district_in_opening = |province: Option<usize>| {
            opening_districts.iter().any(|&r| {
                headline != Some(Target::Region(r))
                    && self.province_of(Target::Region(r)) == province
            })
        };
        let opening = |province: Option<usize>| {
            // Set there: after `di` or with its level, not as a seat or where someone comes
            // from (`pemuda asal Kabupaten Gowa`).
            let sets = |s: &salience::Sighting| !s.from && (s.at || (s.prefixed && !s.seat));
            salience::Opening {
                province: weighed.iter().any(|(t, s)| {
                    matches!(t, Target::Province(_))
                        && self.province_of(*t) == province
                        && s.iter().any(|s| s.text <= 1 && !s.locator && !s.at)
                }),
                neighbour: weighed.iter().zip(&in_text).any(|((t, s), &main)| {
                    matches!(t, Target::Region(_))
                        && headline != Some(*t)
                        && self.province_of(*t) == province
                        && (s.iter().any(|s| s.text <= 1 && sets(s))
                            || (main && s.len() >= 3 && s.iter().any(sets)))
                }),
                placed: weighed.iter().any(|(t, s)| {
                    matches!(t, Target::Region(_))
                        && headline != Some(*t)
                        && self.province_of(*t) == province
                        && s.iter().any(|s| s.text == 0 && s.at)
                }) || district_in_opening(province),
                other_province_at: weighed.iter().any(|(t, s)| {
                    matches!(t, Target::Province(_))
                        && self.province_of(*t) != province
                        && s.iter().any(|s| s.at && s.prefixed)
                }),
            }
        };
        for (((target, sightings), &main), &police_elsewhere) in
            weighed.iter().zip(&in_text).zip(&police_elsewhere)
        {
            let main = match target {
                // The opening setting the story in one of the dateline's own districts
                // (`BETUN –` over `Kecamatan Malaka Tengah`) names its region as a place,
                // however the text writes the region's name.
                Target::Region(r) if headline == Some(*target) => {
                    let province = self.province_of(*target);
                    opening_districts.contains(r)
                        || !police_elsewhere
                            && salience::dateline_is_main(
                                sightings,
                                &text_places,
                                province,
                                opening(province),
                            )
                }
                Target::Region(_) => main,
                _ => true,
            };
            found.add(self, *target, main);
        }
        // A district the opening sets the story in whose regency the text never names
        // (`Longsor di Merek` over `Desa Pengambatan, Kecamatan Merek`, in Karo) is the
        // article's place all the same: writers name the district, readers file the regency.
        for &r in &opening_districts {
            let t = Target::Region(r);
            if headline != Some(t) && !weighed.iter().any(|(o, _)| *o == t) {
                found.add(self, t, true);
            }
        }
        found
    }
}
