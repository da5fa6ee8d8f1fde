//! A road's or a bus line's ends: `tol Jombang-Mojokerto`, `jalur pantura Semarang-Demak`,
//! `jalan lintas Kendari-Kolaka`, `bus jurusan Surabaya-Trenggalek`, `jalan jurusan Pasuruan
//! menuju Malang`. A road is named after the towns it joins and runs through others; its ends
//! say where it goes, not where the story is (a flood on the Semarang-Demak road in Genuk,
//! Semarang; a crash on the Kendari-Kolaka road in Konawe).

use super::words::Words;
use super::{Gazetteer, Target};

/// Words that name a road or a line, before its ends.
pub(super) const ROADS: &[&str] = &[
    "tol", "jalan", "jl", "jln", "jalur", "ruas", "lintas", "pantura", "pansela", "jurusan",
    "trayek", "rute",
];

/// How far before a route's end its road word may stand (`ruas jalan tol Bogor-Ciawi-Sukabumi`
/// puts `tol` three words before `Sukabumi`).
const ROAD_REACH: usize = 6;

/// Whether the name at `at`, `len` words long, is one end of a road or a line joined to
/// another name by a hyphen on one side (`Jombang-Mojokerto`) or after `menuju` (`Pasuruan menuju Malang`),
/// with the road's word before it in the same clause, or, after `menuju`, right after it
/// (`menuju Mojokerto di tol Jomo`).
fn joined_end(words: &Words, at: usize, len: usize) -> bool {
    // Joined to another name (`Semarang-Demak`), not set off by a dash before a lower-case
    // aside (`di Demak - terutama di Sayung`).
    let named = |i: usize| words.capitalised.get(i) == Some(&true);
    let before = words.hyphen.get(at) == Some(&true) && at.checked_sub(1).is_some_and(named);
    let after = words.hyphen.get(at + len) == Some(&true) && named(at + len);
    // A name between two others (`Cileunyi-Sumedang-Dawuan`) is a town the road is built
    // through, not where it goes.
    if before && after {
        return false;
    }
    let joined = before || after;
    let toward = at.checked_sub(1).and_then(|b| words.get(b)) == Some("menuju");
    if !joined && !toward {
        return false;
    }
    let road = |k: usize| {
        words.get(k).is_some_and(|w| ROADS.contains(&w))
            // `jalan-jalan ke …` is a stroll, `jalan kaki` a walk, not a road.
            && words.hyphen.get(k) != Some(&true)
            && words.hyphen.get(k + 1) != Some(&true)
            && !(words.get(k) == Some("jalan") && words.get(k + 1) == Some("kaki"))
    };
    let mut k = at;
    for _ in 0..ROAD_REACH {
        let Some(before) = k.checked_sub(1) else {
            break;
        };
        // A clause's end between the name and the word before it parts them; an
        // abbreviation's point does not (`Jl. Semarang-Demak`).
        let abbreviation = matches!(words.get(before), Some("jl" | "jln"));
        if words.comma.get(k) == Some(&true) || (words.point.get(k) == Some(&true) && !abbreviation)
        {
            break;
        }
        if road(before) {
            return true;
        }
        k = before;
    }
    toward
        && words.get(at + len) == Some("di")
        && words.comma.get(at + len) == Some(&false)
        && road(at + len + 1)
}

/// Words for a road through towns that name it by them with no hyphen (`jalan lintas
/// Sumbawa Dompu`, `Jalan Poros Samarinda Bontang`, `tol Jakarta Cikampek`). Not `trans`,
/// which begins brands as often (`Trans Luxury Hotel Kota Bandung`).
const THROUGH: &[&str] = &["lintas", "poros", "tol"];

impl Gazetteer {
    /// Whether the region named at `at`, `len` words long, is one end of a road or a line:
    /// joined to another by a hyphen or `menuju` (`tol Jombang-Mojokerto`), or run together
    /// with other regions' names after a road's word (`jalan lintas Sumbawa Dompu`).
    pub(super) fn route_end(&self, words: &Words, at: usize, len: usize) -> bool {
        joined_end(words, at, len) || self.spaced_route(words, at, len)
    }

    /// Whether the region named at `at`, `len` words long, is one of two or more regions'
    /// names run together right after a [`THROUGH`] word (`jalan lintas Sumbawa Dompu`):
    /// each name must be a region's, so a headline's next word (`Jalan Lintas Dompu Putus`)
    /// or a road's own name (`Jalan Lintas Sumatera Lahat`) leaves the one region where the
    /// road is.
    fn spaced_route(&self, words: &Words, at: usize, len: usize) -> bool {
        let through = |k: usize| words.get(k).is_some_and(|w| THROUGH.contains(&w));
        let region_at = |i: usize| match self.longest(words, i, None) {
            Some((Target::Region(_), l))
                if (i..i + l).all(|j| words.get(j).and_then(super::prefix_hint).is_none()) =>
            {
                Some(l)
            }
            _ => None,
        };
        let joined = |i: usize| {
            words.capitalised.get(i) == Some(&true)
                && words.point.get(i) == Some(&false)
                && words.comma.get(i) == Some(&false)
        };
        // The names from the road's word on, back to back up to this one.
        let run_from = |k: usize| {
            let mut i = k + 1;
            let mut names = 0;
            while i < at && names < 3 {
                let Some(l) = region_at(i).filter(|_| joined(i)) else {
                    return false;
                };
                i += l;
                names += 1;
            }
            i == at && names > 0
        };
        let first = at.checked_sub(1).is_some_and(through)
            && joined(at + len)
            && region_at(at + len).is_some();
        let later = joined(at)
            && (at.saturating_sub(8)..at.saturating_sub(1)).any(|k| through(k) && run_from(k));
        first || later
    }
}

#[cfg(test)]
mod tests {
    use super::super::Gazetteer;
    use super::super::words::Words;

    /// Whether `name` (its first occurrence in `text`) is read as a route's end.
    fn end(text: &str, name: &str) -> bool {
        let mut words = Words::new();
        words.fill(text);
        let name_words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        let at = (0..words.spans.len())
            .find(|&i| {
                name_words
                    .iter()
                    .enumerate()
                    .all(|(j, w)| words.get(i + j) == Some(w.as_str()))
            })
            .expect("the name is in the text");
        Gazetteer::get().route_end(&words, at, name_words.len())
    }

    #[test]
    fn a_roads_and_a_lines_ends_are_read_as_such() {
        assert!(end("Jalur Pantura Semarang-Demak Banjir", "Demak"));
        assert!(end("Jalur Pantura Semarang-Demak Banjir", "Semarang"));
        assert!(end(
            "di KM 695 ruas Tol Jombang-Mojokerto (Jomo)",
            "Mojokerto"
        ));
        assert!(end(
            "di pinggir jalan tol Bogor-Ciawi-Sukabumi (Bocimi)",
            "Sukabumi"
        ));
        assert!(end(
            "kecelakaan di ruas jalan lintas Kendari-Kolaka",
            "Kolaka"
        ));
        assert!(end(
            "bus Harapan Jaya jurusan Surabaya-Trenggalek",
            "Surabaya"
        ));
        assert!(end(
            "banjir di jalan jurusan Pasuruan menuju Malang ini",
            "Malang"
        ));
        assert!(end(
            "dari arah Nganjuk menuju Mojokerto di tol Jomo",
            "Mojokerto"
        ));
        assert!(end("di Jalan Raya Padang-Bukittinggi", "Bukittinggi"));
        assert!(end("kecelakaan di Jl. Semarang-Demak kemarin", "Demak"));
        // Run together with no hyphen after a road through towns.
        assert!(end("memblokir jalan lintas Sumbawa Dompu- Bima", "Sumbawa"));
        assert!(end("di Jalan Poros Samarinda Bontang", "Bontang"));
        assert!(end("di Jalan Poros Samarinda Bontang", "Samarinda"));
        assert!(end("ruas tol Semarang Solo macet", "Solo"));
    }

    #[test]
    fn one_name_after_a_roads_word_is_where_the_road_is() {
        assert!(!end("jalan poros Kabupaten Sigi rusak parah", "Sigi"));
        assert!(!end("jalan lintas Sumbawa rusak parah", "Sumbawa"));
        assert!(!end("di jalan poros Sigi, Palu terendam", "Palu"));
        assert!(!end("di Trans Luxury Hotel Kota Bandung", "Bandung"));
        // The review's: a headline's next word, a road's own name, a toll gate, a group.
        assert!(!end("Jalan Lintas Dompu Putus Diterjang Banjir", "Dompu"));
        assert!(!end("Jalan Poros Luwu Utara Amblas Lagi", "Luwu Utara"));
        assert!(!end("di Jalan Lintas Sumatera Lahat kemarin", "Lahat"));
        assert!(!end("di Jalan Lintas Timur Pelalawan kemarin", "Pelalawan"));
        assert!(!end(
            "keluar di gerbang tol Kalikangkung Semarang",
            "Semarang"
        ));
        assert!(!end(
            "Relawan Lintas Bogor Peduli membagikan beras",
            "Bogor"
        ));
    }

    #[test]
    fn an_address_a_pair_or_a_journey_is_no_route() {
        // An address: the city after the street is where it is.
        assert!(!end(
            "di Jalan Gatot Subroto, Jakarta Pusat",
            "Jakarta Pusat"
        ));
        assert!(!end(
            "di Jalan Patumbak Kabupaten Deli Serdang",
            "Deli Serdang"
        ));
        // A pair of towns with no road.
        assert!(!end("laga Persib-Persija di Bandung-Jakarta", "Jakarta"));
        assert!(!end("tim gabungan Polres Jombang-Mojokerto", "Mojokerto"));
        // A journey: where someone went is no road.
        assert!(!end("langsung tancap gas menuju Cilacap guna", "Cilacap"));
        // A clause's end parts the road from the name.
        assert!(!end(
            "Jalan itu ditutup. Menuju Malang, warga memutar",
            "Malang"
        ));
        // The road is built through the town between its ends.
        assert!(!end(
            "proyek Tol Cileunyi-Sumedang-Dawuan (Cisumdawu)",
            "Sumedang"
        ));
        // A walk, or a dash before an aside, is no road.
        assert!(!end("Santri Jalan Kaki Menuju Demak", "Demak"));
        assert!(!end("jalan rusak di Demak - terutama di Sayung", "Demak"));
        // A stroll is no road.
        assert!(!end("jalan-jalan ke Bandung-Garut", "Garut"));
    }
}
