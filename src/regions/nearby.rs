//! What the words next to a bare name say it is: the place, for a name that is also a common
//! word (`di Malang`); or instead of the place, a person's given name before a surname, a
//! region's acronym shared with other bodies, a neighbourhood or village named like a regency
//! elsewhere.

use std::cell::OnceCell;

use super::level::named_before;
use super::words::{self, REPORTED, Words};
use super::{Bare, Gazetteer, Hint, Name, RegionKind, Target, prefix_hint};

impl Gazetteer {
    /// Whether a name of [`Bare::Placed`] at `at` is written as a place: a word of place or
    /// an office just before it (`di Malang`, `warga Pati`, `Polres Lebak`), or its own
    /// province just after it (`Pati, Jawa Tengah`, `Agam Sumatera Barat`). A further name
    /// word after it (`Lebak Bulus`, `Serang Baru`) is another place, which
    /// [`Gazetteer::common_word_begins`] tells.
    pub(super) fn placed(&self, words: &Words, at: usize, name: &Name) -> bool {
        // Words of place, and offices named by their town.
        const PLACING: &[&str] = &[
            "dari",
            "sekitar",
            "menuju",
            "polres",
            "kapolres",
            "mapolres",
            "polresta",
            "kapolresta",
            "mapolresta",
            "kejari",
            "kajari",
            "dprd",
            "kpu",
            "bawaslu",
            "bpbd",
            "rsud",
            "kodim",
            "dandim",
            "lapas",
            "rutan",
            "sekda",
            "pemda",
            "kemenag",
        ];
        let before = at
            .checked_sub(1)
            .filter(|_| words.apart.get(at) == Some(&false))
            .and_then(|b| words.get(b))
            .is_some_and(|w| words::PLACE_BEFORE.contains(&w) || PLACING.contains(&w));
        let next = at + name.words.len();
        let province_after = self.province_of(name.target).is_some_and(|own| {
            self.longest(words, next, Some(Hint::Province))
                .is_some_and(|(t, _)| t == Target::Province(own))
        });
        before || province_after
    }

    /// Whether the bare one-word name at `at` is a person's given name before a surname
    /// (`model Kendal Jenner berpose`): a capitalised word after it, joined, that is no
    /// place, direction, day or acronym, then a lower-case word; and no word before it that
    /// says where (`di Surabaya Risma berkata` is the town, written without its comma).
    pub(super) fn given_name_before(&self, words: &Words, at: usize, len: usize) -> bool {
        const WHERE: &[&str] = &[
            "di",
            "ke",
            "dari",
            "asal",
            "warga",
            "wilayah",
            "daerah",
            "kawasan",
            "menuju",
            "dan",
            "atau",
            "hingga",
            "sampai",
            "kelahiran",
            "utara",
            "selatan",
            "barat",
            "timur",
            "sebelah",
            "khususnya",
        ];
        let next = at + len;
        let before = at.checked_sub(1).and_then(|b| words.get(b));
        len == 1
            && words.capitalised.get(at) == Some(&true)
            && words.upper.get(at) == Some(&false)
            && before.is_some_and(|b| !WHERE.contains(&b) && prefix_hint(b).is_none())
            && at
                .checked_sub(1)
                .is_some_and(|b| words.capitalised.get(b) == Some(&false))
            && self.plain_name_word(words, next)
            && words.capitalised.get(next + 1) == Some(&false)
            && words.apart.get(next + 1) == Some(&false)
            && words.point.get(next + 1) == Some(&false)
    }

    /// Whether the name at `at` is written as a person's or a people's: after `budaya`
    /// (`festival budaya Buton`), after another given name and `dan` (`dikomandoi Basir
    /// dan Asmat`), or right after a given name (`Lukman Padang`), that name capitalised,
    /// not in capitals, and no place the gazetteer knows. Only the far-name rule of
    /// [`Gazetteer::find`] reads it: a route or a list is written the same way
    /// (`menghubungkan Darwin dan Kupang`).
    pub(super) fn name_like(&self, words: &Words, at: usize, given_names: &GivenNames) -> bool {
        let before = |n: usize| at.checked_sub(n).and_then(|b| words.get(b));
        let joined = words.apart.get(at) == Some(&false);
        let pair = at.checked_sub(2).is_some_and(|other| {
            before(1) == Some("dan")
                && words.apart.get(at - 1) == Some(&false)
                && words.capitalised.get(other) == Some(&true)
                && words.upper.get(other) == Some(&false)
                && words.get(other).is_some_and(|w| w.len() >= 3)
                && self.longest(words, other, None).is_none()
                && self.district_at(words, other).is_none()
                && !self
                    .districts
                    .contains_key(words.get(other).unwrap_or_default())
        });
        // A surname after a given name (`anggota DPRD dari Partai Golkar Lukman Padang`): a
        // capitalised word, not in capitals, that is no place, level or direction, and that
        // the text writes elsewhere without the name after it, as it shortens a person's
        // name (`antara Parulian dengan Lukman`); a facility's name is not so shortened
        // (`Stadion Maguwoharjo Sleman`). Not before a level (`Ketua Bawaslu Kota
        // Makassar` names an office's seat).
        let given = at.checked_sub(1).is_some_and(|g| {
            words.get(at).and_then(super::prefix_hint).is_none()
                // Not a sentence's first word (`Pedagang Padang mengeluhkan …`), nor a hero's
                // name in a street's (`Jalan Jenderal Sudirman Pekanbaru`).
                && g > 0
                && words.point.get(g) == Some(&false)
                && !(g.saturating_sub(3)..g)
                    .any(|k| words.get(k).is_some_and(|w| super::route::ROADS.contains(&w)))
                && words.capitalised.get(g) == Some(&true)
                && words.upper.get(g) == Some(&false)
                && words.point.get(at) == Some(&false)
                && words.comma.get(at) == Some(&false)
                && words.get(g).is_some_and(|w| {
                    w.len() >= 3
                        && super::prefix_hint(w).is_none()
                        && !super::words::SUBPLACES.contains(&w)
                        && !self.districts.contains_key(w)
                })
                && self.longest(words, g, None).is_none()
                && self.district_at(words, g).is_none()
                && words
                    .get(g)
                    .zip(words.get(at))
                    .is_some_and(|(g, x)| given_names.stand_alone(g, x))
        });
        joined && (before(1) == Some("budaya") || pair || given)
    }

    /// Whether bare `target` at `at`, the name ending at `next`, is a village the text
    /// places in a district of another province's regency (`desa Buleleng, Kecamatan Bungku
    /// Pesisir, Kabupaten Morowali`: a village in Central Sulawesi, not Kabupaten Buleleng in
    /// Bali): then its other bare mentions (`masyarakat Buleleng`) are that village too. In
    /// its own province the one mention alone is the village's
    /// ([`Gazetteer::placed_by_district_after`]).
    pub(super) fn village_of_another_province(
        &self,
        words: &Words,
        at: usize,
        next: usize,
        target: Target,
    ) -> bool {
        let Target::Region(x) = target else {
            return false;
        };
        let own = self.regions[x].province;
        // Written as a village (`desa Buleleng`, `Kelurahan Wajo`): a bare name before a
        // district is as often a list's item along a border (`di Cilacap, Kecamatan Lakbok,
        // dan …`) or a street's (`Jalan Bandung, Kecamatan Klojen`).
        let village = at
            .checked_sub(1)
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w, "desa" | "kelurahan" | "dusun" | "dukuh" | "kampung"));
        village
            && words
                .get(next)
                .is_some_and(|w| matches!(w, "kecamatan" | "kec"))
            && self.district_at(words, next + 1).is_some_and(|(of, _)| {
                !of.is_empty() && of.iter().all(|&r| self.regions[r].province != own)
            })
    }

    /// Whether region `r`, named bare at `at`, `len` words long, after `pulau`, is an
    /// island the text places in another region by its level (`pulau Rangsang, pulau
    /// Merbau dan pulau Padang di Kabupaten Kepulauan Meranti`): the island, not the city it
    /// shares a name with.
    pub(super) fn island_of_another_region(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        r: usize,
    ) -> bool {
        let island = at
            .checked_sub(1)
            .is_some_and(|b| words.get(b) == Some("pulau") && words.comma.get(at) == Some(&false));
        if !island {
            return false;
        }
        // After `di`, with the region's level: a comma may go on a list of islands and
        // regions (`pulau Alor, Kabupaten Lembata, dan Flores Timur`), and an official
        // (`Bupati Lembata`) says who acts, not where the island is.
        let k = at + len + 1;
        if words.get(at + len) != Some("di")
            || words.comma.get(at + len) != Some(&false)
            || !words
                .get(k)
                .is_some_and(|w| matches!(w, "kabupaten" | "kab" | "kota"))
        {
            return false;
        }
        let Some(hint) = words.get(k).and_then(prefix_hint) else {
            return false;
        };
        matches!(
            self.longest(words, k + 1, Some(hint)),
            Some((Target::Region(o), _)) if o != r
        )
    }

    /// Whether bare `target` at `at`, the name ending at `next`, is a town of another
    /// province that holds a district of its name: a comma, a place the gazetteer does not
    /// know and that province follow (`Pelabuhan Ketapang, Bayuwangi, Jawa Timur`:
    /// Ketapang is a district of Sampang in East Java and Banyuwangi's port, not Kabupaten
    /// Ketapang in West Kalimantan). Writers get a region's province wrong too (`Gowa,
    /// Sumatera Selatan`), so a province alone is not enough; nor is a province that is
    /// one more item of a list (`Aceh, Medan, Jawa Timur dan Bali`). The address with the
    /// regency known is [`Gazetteer::district_before_its_region`]'s; this one, its regency
    /// unknown or misspelt, makes the name's other bare mentions that town too.
    pub(super) fn town_of_another_province(
        &self,
        words: &Words,
        at: usize,
        next: usize,
        target: Target,
    ) -> bool {
        const LIST: &[&str] = &["dan", "serta", "atau", "hingga", "sampai"];
        let Target::Region(x) = target else {
            return false;
        };
        let own = self.regions[x].province;
        let Some(namesakes) = self.namesakes.get(&words.phrase(at, next)) else {
            return false;
        };
        let listed_before = at.checked_sub(1).is_some_and(|b| {
            words.get(b).is_some_and(|w| LIST.contains(&w))
                || (words.comma.get(at) == Some(&true) && self.ends_a_name(words, b))
        });
        if listed_before || words.comma.get(next) != Some(&true) {
            return false;
        }
        // One unknown place between: up to two capitalised words, joined, then a comma. The
        // name alone before the province is as often a clause's end (`Selain di Sukabumi,
        // Lampung juga …`) or a writer's wrong province (`Rembang, Jawa Timur`): only a
        // town, its regency and its province, as an address gives them, say so.
        let Some(k) = (1..=2).find(|&k| {
            (next..next + k).all(|i| words.capitalised.get(i) == Some(&true))
                && (next + 1..next + k).all(|i| words.name_word_joined(i))
                && (next..next + k).all(|i| self.longest(words, i, None).is_none())
                && words.comma.get(next + k) == Some(&true)
        }) else {
            return false;
        };
        let from = next + k;
        let Some((Target::Province(p), len)) = self.longest(words, from, Some(Hint::Province))
        else {
            return false;
        };
        let after = from + len;
        let list_goes_on = words.get(after).is_some_and(|w| LIST.contains(&w))
            || (words.comma.get(after) == Some(&true)
                && self.longest(words, after, None).is_some());
        p != own
            && !list_goes_on
            && namesakes
                .iter()
                .any(|&o| self.regions.get(o).is_some_and(|o| o.province == p))
    }

    /// Whether word `i` goes on a name as one of its further words, and names nothing a
    /// place's name goes on with: capitalised and joined ([`Words::name_word_joined`]), no
    /// direction or district word ([`words::SUBPLACES`]), day, prefix or place, in a text
    /// whose capitals mean something (not a headline's title case). What follows a given
    /// name (`Kendal Jenner`), a title (`Karo Provost`) or a common word starting another
    /// place's name (`Padang Luar`).
    pub(super) fn plain_name_word(&self, words: &Words, i: usize) -> bool {
        let Some(w) = words.get(i) else {
            return false;
        };
        w.len() >= 3
            && words.name_word_joined(i)
            && !words::SUBPLACES.contains(&w)
            && !REPORTED.contains(&w)
            && prefix_hint(w).is_none()
            && self.longest(words, i, None).is_none()
            && !words.title_case()
    }

    /// Whether the bare name at `at`, `len` words long, is one of `target`'s acronyms (`OKI`,
    /// `PALI`): other bodies share them (the Organisation of Islamic Cooperation is OKI too).
    pub(super) fn acronym_alias(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        let Some(w) = words.get(at) else {
            return false;
        };
        len == 1
            && matches!(target, Target::Region(_))
            && self.index.get(w).is_some_and(|list| {
                list.iter().any(|n| {
                    n.target == target
                        && matches!(n.bare, Bare::Upper | Bare::Doubted)
                        && n.words.len() == 1
                })
            })
    }

    /// Whether bare `target` at `at`, followed at `next` by a comma and a region of another
    /// province, is a neighbourhood, district or village of that region sharing a regency's
    /// name, not the regency: when the region ends a reporting phrase (`di Manggarai,
    /// Jakarta Selatan, Selasa`), or the name follows a capitalised word and the region ends
    /// the names (`Gunung Medan, Dharmasraya, pada`). A place in a list (`Pekanbaru, Padang,
    /// Palembang`, `Padang, Palembang dan Medan`, `Tanjung Perak Surabaya, Batam, Tanjung
    /// Priok`) stays. So is a name followed by a district of a region in another province
    /// (`Jombang, Ciputat`: a kelurahan of Tangerang Selatan, not the regency in East Java).
    pub(super) fn locality_in_next(
        &self,
        words: &Words,
        at: usize,
        next: usize,
        target: Target,
    ) -> bool {
        const LIST: &[&str] = &["dan", "serta", "atau", "hingga", "sampai", "ke", "dengan"];
        let Target::Region(x) = target else {
            return false;
        };
        if words.apart.get(next) != Some(&true) {
            return false;
        }
        if self.district_elsewhere(words, next, x) {
            return true;
        }
        let before = at.checked_sub(1);
        let listed = before.is_some_and(|b| {
            words.get(b).is_some_and(|w| prefix_hint(w).is_some()) || self.ends_a_name(words, b)
        });
        if listed {
            return false;
        }
        let named_on = before.is_some_and(|b| {
            words.apart.get(at) == Some(&false) && words.capitalised.get(b) == Some(&true)
        });
        let hint = words.get(next).and_then(prefix_hint);
        let skip = usize::from(hint.is_some());
        let Some((Target::Region(y), len)) = self.longest(words, next + skip, hint) else {
            return false;
        };
        let (Some(px), Some(py)) = (self.regions.get(x), self.regions.get(y)) else {
            return false;
        };
        let after = next + skip + len;
        px.province != py.province
            && words.get(after).is_some_and(|w| {
                !LIST.contains(&w)
                    && prefix_hint(w).is_none()
                    && self.longest(words, after, None).is_none()
                    && (REPORTED.contains(&w)
                        || (named_on && words.capitalised.get(after) == Some(&false)))
            })
    }

    /// Whether a place's name ends at word `last` (`Pekanbaru` in `Pekanbaru, Padang`).
    pub(super) fn ends_a_name(&self, words: &Words, last: usize) -> bool {
        (last.saturating_sub(3)..=last).any(|s| {
            self.longest(words, s, None)
                .is_some_and(|(_, len)| s + len == last + 1)
        })
    }

    /// Whether the name at `at` is a clan's ([`words::CLANS`]) that nothing around it places:
    /// no word before it that says where (`di Karo`, `warga Samosir`, `Tanah Karo`, `Pulau
    /// Samosir`, `asal Karo`) and none of its own districts before it and a comma (`Kabanjahe,
    /// Karo`). As often a surname or a title as the regency.
    pub(super) fn unplaced_clan_name(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        // A clan's land and island (`Tanah Karo`, `Pulau Samosir`), and birth there.
        const WHERE: &[&str] = &["tanah", "pulau", "kelahiran"];
        let Target::Region(r) = target else {
            return false;
        };
        let own_district = words.comma.get(at) == Some(&true)
            && named_before(&self.kecamatan, words, at).is_some_and(|of| of.contains(&r));
        len == 1
            && words.get(at).is_some_and(|w| words::CLANS.contains(&w))
            && !at
                .checked_sub(1)
                .and_then(|b| words.get(b))
                .is_some_and(|b| words::PLACE_BEFORE.contains(&b) || WHERE.contains(&b))
            && !own_district
    }

    /// Whether the bare name at `at`, `len` words long, ends the name of a district of another
    /// region written as two words (`Rangkas Bitung` is Rangkasbitung in Lebak, not the city of
    /// Bitung).
    pub(super) fn ends_a_district(&self, words: &Words, at: usize, len: usize, r: usize) -> bool {
        at.checked_sub(1).is_some_and(|prev| {
            words.capitalised.get(prev) == Some(&true)
                && words.name_word_joined(at)
                && self
                    .kecamatan
                    .get(&words.phrase(prev, at + len))
                    .is_some_and(|of| !of.contains(&r))
        })
    }

    /// Whether `target`, named at `at`, `len` words long, after a word for people
    /// ([`super::salience::after_people`], asked by the caller), is where those people come
    /// from: the same phrase says they live in another region or province
    /// (`warga Manggarai di Jakarta`, `warga Manggarai Raya yang berdomisili di Jakarta`), not
    /// somewhere inside it (`warga Bekasi di Tambun`, a district, is no region).
    pub(super) fn home_of_people_elsewhere(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        const LIVING: &[&str] = &["berdomisili", "tinggal", "bermukim", "menetap", "berada"];
        let mut j = at + len;
        // `Manggarai Raya`: the people of the regencies that share the name.
        if words.get(j) == Some("raya") {
            j += 1;
        }
        if words.get(j) == Some("yang") && words.get(j + 1).is_some_and(|w| LIVING.contains(&w)) {
            j += 2;
        }
        let unbroken = (at + len..=j + 1)
            .all(|k| words.point.get(k) != Some(&true) && words.comma.get(k) != Some(&true));
        let home = |t: Target| match (target, t) {
            (Target::Region(r), Target::Region(y)) => y != r,
            (Target::Region(r), Target::Province(p)) => self.regions[r].province != p,
            _ => false,
        };
        // Not a place inside the home region that bears another's name: one of its districts
        // (`warga Sleman di Depok`), or a longer name (`di Solo Baru`, `di Medan Estate`).
        let inside = |len: usize| {
            words.name_word_joined(j + 1 + len)
                || matches!((target, self.district_at(words, j + 1)),
                    (Target::Region(r), Some((of, _))) if of.contains(&r))
        };
        unbroken
            && words.get(j) == Some("di")
            && words.capitalised.get(j + 1) == Some(&true)
            && self
                .longest(words, j + 1, None)
                .is_some_and(|(t, len)| home(t) && !inside(len))
    }

    /// Whether the bare name of regency `target` at `at` names a town as a region's seat
    /// (`Kabupaten Banggai Laut dengan ibukota Banggai`, `beribukota di Banggai`): a regency
    /// is no one's capital, so the town is another that bears its name. Not `Ruteng,
    /// ibukota Manggarai`, the capital of the regency.
    pub(super) fn seat_town(&self, words: &Words, at: usize, target: Target) -> bool {
        let Target::Region(r) = target else {
            return false;
        };
        let before = |n: usize| at.checked_sub(n).and_then(|b| words.get(b));
        // `beribukota (di) X`, `ibukotanya X`, `dengan ibukota X`; a bare `ibukota X` is as
        // often the capital of X (`Ruteng, ibukota Manggarai`).
        let capital = |n: usize| {
            matches!(before(n), Some("beribukota" | "ibukotanya"))
                || (before(n) == Some("ibukota") && before(n + 1) == Some("dengan"))
        };
        // A name a city shares (`ibukota Bekasi`) may be the city.
        self.regions[r].kind == RegionKind::Regency
            && !self.twin.contains(&Some(r))
            && words.comma.get(at) == Some(&false)
            && (capital(1) || (before(1) == Some("di") && capital(2)))
    }

    /// Whether the name in words `from..to` stands in a list of regions (`Nias, Nias Selatan
    /// dan Nias Utara`): another region's name right before or after it, past a comma or a
    /// joining word. A province after a comma is where it lies, not a list.
    pub(super) fn listed(&self, words: &Words, from: usize, to: usize) -> bool {
        let joins = |i: usize| matches!(words.get(i), Some("dan" | "serta" | "atau"));
        let region_at = |i: usize, end: Option<usize>| {
            matches!(self.longest(words, i, None), Some((Target::Region(_), len))
                if end.is_none_or(|e| i + len == e))
        };
        let after = (words.comma.get(to) == Some(&true) && region_at(to, None))
            || (joins(to) && region_at(to + 1, None));
        let ends_before =
            |end: usize| (end.saturating_sub(3)..end).any(|start| region_at(start, Some(end)));
        let before = (words.comma.get(from) == Some(&true) && ends_before(from))
            || from
                .checked_sub(1)
                .is_some_and(|b| joins(b) && ends_before(b));
        after || before
    }

    /// Whether bare `target` at `at`, `len` words long, set after `di`, runs on with a
    /// capitalised word no table knows into a locality's name (`di Sampang Pendeuy`) that the
    /// same sentence then places, by its district's kind or its region's level, in another
    /// province (`tepatnya berada di wilayah Kecamatan Cimarga …, Kabupaten Lebak`).
    pub(super) fn locality_placed_elsewhere(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        let Target::Region(x) = target else {
            return false;
        };
        let own = self.regions[x].province;
        let end = at + len;
        // A headline capitalises every word (`Perusahaan di Bandung Gugat …`); a day follows
        // a place (`di Palembang Jumat (24/5)`); and the locality's name ends at a comma
        // before the words that place it (`di Sampang Pendeuy, tepatnya …`), where a mall's
        // or a quarter's runs on (`di Batam Centre mendeportasi …`).
        let runs_on = at.checked_sub(1).and_then(|b| words.get(b)) == Some("di")
            && !words.title_case()
            && words.name_word_joined(end)
            && words.comma.get(end + 1) == Some(&true)
            && !words.get(end).is_some_and(|w| REPORTED.contains(&w))
            && words.get(end).and_then(prefix_hint).is_none()
            && self.longest(words, end, None).is_none()
            && self.district_at(words, end).is_none();
        if !runs_on {
            return false;
        }
        let elsewhere = |k: usize| match words.get(k) {
            Some("kecamatan" | "kec") => self
                .district_at(words, k + 1)
                .is_some_and(|(of, _)| of.iter().all(|&r| self.regions[r].province != own)),
            w => w.and_then(prefix_hint).is_some_and(|hint| {
                self.longest(words, k + 1, Some(hint))
                    .and_then(|(t, _)| self.province_of(t))
                    .is_some_and(|p| p != own)
            }),
        };
        (end + 1..words.len().min(end + 16))
            .take_while(|&k| words.point.get(k) != Some(&true))
            .any(elsewhere)
    }

    /// Whether the name of `target` at `at`, `len` words long, lies inside a village's name
    /// written whole, the village outside it (`Desa Tongute Ternate` in Halmahera Barat,
    /// `Bali Mester` in Jakarta Timur): up to two capitalised words on either side, joined
    /// to it by spaces alone.
    pub(super) fn inside_a_village(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        let elsewhere = |of: &Vec<usize>| match target {
            Target::Region(r) => !of.contains(&r),
            Target::Province(p) => of.iter().all(|&x| self.regions[x].province != p),
            Target::Nothing => false,
        };
        let end = at + len;
        (at.saturating_sub(2)..=at).any(|from| {
            let before_joined = words.capitalised.get(from) == Some(&true)
                && (from + 1..=at).all(|k| words.name_word_joined(k));
            before_joined
                && (end..=end + 2).any(|to| {
                    (from < at || to > end)
                        && to <= words.len()
                        && (end..to).all(|k| words.name_word_joined(k))
                        && self
                            .named_villages
                            .get(&words.phrase(from, to))
                            .is_some_and(elsewhere)
                })
        })
    }

    /// Whether the one word at `at` naming `target` by its own name, not a short form, is an
    /// office's short form in brackets clipped from the words before it ([`super::exclude::clips`],
    /// `Dinas Ketahanan Pangan (Ketapang)`); a region's short forms are clipped from its name
    /// that way (`Indragiri Hulu (Inhu)`) and stay.
    pub(super) fn clipped_office(
        &self,
        words: &Words,
        at: usize,
        len: usize,
        target: Target,
    ) -> bool {
        len == 1
            && matches!(target, Target::Region(r)
                if words.get(at).is_some_and(|w| self.regions[r].name.eq_ignore_ascii_case(w)))
            && super::exclude::clips(words, at)
    }

    /// Whether the bare name at `at` is a title's abbreviation before the unit it heads:
    /// `Karo` is also `Kepala Biro`, and `Karo Provost`, `Karo Persidangan` name a bureau's
    /// head, whatever the bureau. Followed by a place, a district of its own, a day or a
    /// direction it is the regency (`Karo, Sumut`, `Karo Berastagi`).
    pub(super) fn title_abbreviation(&self, words: &Words, at: usize, len: usize) -> bool {
        let next = at + len;
        len == 1
            && words.get(at).is_some_and(|n| TITLES.contains(&n))
            && self.plain_name_word(words, next)
            && self.district_at(words, next).is_none()
    }
}

/// Region names that are also the abbreviation of a title (`Karo` = Kepala Biro).
const TITLES: &[&str] = &["karo"];

/// Words before a person's name (`dengan Lukman`, `kata Lukman`). Not a speech verb after
/// it: a sentence's first noun goes before one as often (`Warga mengatakan`).
const PERSON_BEFORE: &[&str] = &[
    "dengan", "kata", "ujar", "oleh", "antara", "bersama", "menurut", "pak", "bu", "bapak", "ibu",
    "saudara", "kepada", "terhadap", "tutur", "ungkap", "imbuh", "tambah", "jelas",
];

/// The given names an article uses alone, as a person's (`antara Parulian dengan Lukman`),
/// with the word after each: read once per article, and only when a name is asked about.
pub(super) struct GivenNames<'a> {
    texts: &'a [&'a str],
    used: OnceCell<Vec<(String, String)>>,
}

impl<'a> GivenNames<'a> {
    pub(super) fn new(texts: &'a [&'a str]) -> Self {
        GivenNames {
            texts,
            used: OnceCell::new(),
        }
    }

    /// Whether capitalised word `given` (lower case here) stands in the text somewhere as a
    /// person's name without the word `next` after it: a given name the text uses alone. A
    /// facility's name is used alone too (`di Maguwoharjo`), but not so.
    fn stand_alone(&self, given: &str, next: &str) -> bool {
        self.used
            .get_or_init(|| {
                let mut used = Vec::new();
                for t in self.texts {
                    let ws: Vec<&str> = t
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect();
                    for (k, pair) in ws.windows(2).enumerate() {
                        if pair[1].starts_with(char::is_uppercase)
                            && PERSON_BEFORE.contains(&pair[0].to_lowercase().as_str())
                        {
                            let after = ws.get(k + 2).map_or(String::new(), |w| w.to_lowercase());
                            used.push((pair[1].to_lowercase(), after));
                        }
                    }
                }
                used
            })
            .iter()
            .any(|(g, after)| g == given && after != next)
    }
}
