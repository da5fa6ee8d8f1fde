//! Villages an article names with their kind (`Negeri Batu Merah, Kecamatan Sirimau`): the
//! same words written elsewhere in it without the kind (`Tawuran Pemuda Pecah di Batu
//! Merah`) are that village, though their first word is a region's name (Kota Batu). The
//! shipped village table holds only names safe in any article; this reads the ones an
//! article vouches for itself.

use super::words::Words;

/// Kinds of place below the district, capitalised before a village's name.
const KINDS: &[&str] = &[
    "desa",
    "kelurahan",
    "negeri",
    "nagari",
    "gampong",
    "kampung",
    "dusun",
    "jorong",
    "dukuh",
    "padukuhan",
    "kalurahan",
];

/// Words that end a village's name: the next unit of its address (`Desa Sumber Jaya
/// Kecamatan X`).
const ADDRESS_WORDS: &[&str] = &[
    "kecamatan",
    "kec",
    "kabupaten",
    "kab",
    "kota",
    "provinsi",
    "distrik",
    "rt",
    "rw",
];

/// Words of a village's name after its kind, at most.
const MAX_WORDS: usize = 3;

/// The names (run together, as [`Words::phrase`] gives them) of two words or more that the
/// texts write after a village's kind, with every shorter start of a longer run: a headline
/// capitalises the words after the name too (`Desa Batu Merah Gelar Pesta`).
pub(super) fn named_with_kind(texts: &[&str], words: &mut Words) -> Vec<String> {
    let mut names = Vec::new();
    for &text in texts {
        // Most paragraphs name no village: only those with a capitalised kind are read.
        if !KINDS.iter().any(|k| {
            let first = k.as_bytes()[0].to_ascii_uppercase();
            text.match_indices(&k[1..])
                .any(|(i, _)| i > 0 && text.as_bytes()[i - 1] == first)
        }) {
            continue;
        }
        words.fill(text);
        let headline = words.title_case();
        for k in 0..words.len() {
            if words.capitalised.get(k) != Some(&true)
                || !words.get(k).is_some_and(|w| KINDS.contains(&w))
            {
                continue;
            }
            // After a capitalised word of the same name the kind word is part of another
            // name (`Pengadilan Negeri Ambon`, `SMA Negeri 1`), except in a headline, where
            // every word is capitalised; `Negeri` after one is an office's or a school's
            // even there (`Kejaksaan Negeri Garut Tahan …`).
            let joined =
                k > 0 && words.name_word_joined(k) && words.capitalised.get(k - 1) == Some(&true);
            if joined && (!headline || words.get(k) == Some("negeri")) {
                continue;
            }
            let mut end = k + 1;
            while end < words.len()
                && end - k <= MAX_WORDS
                && words.name_word_joined(end)
                && !words
                    .get(end)
                    .is_some_and(|w| ADDRESS_WORDS.contains(&w) || KINDS.contains(&w))
            {
                end += 1;
                if end - (k + 1) >= 2 {
                    names.push(words.phrase(k + 1, end));
                }
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether the name at `at`, `len` words long, opens one of the village `names` the
/// article writes with its kind: one or two more words of a name follow it that complete
/// the village's.
pub(super) fn opens_a_village(words: &Words, at: usize, len: usize, names: &[String]) -> bool {
    let end = at + len;
    !names.is_empty()
        && (end + 1..=end + 2).any(|to| {
            to <= words.len()
                && (end..to).all(|k| words.name_word_joined(k))
                && names.binary_search(&words.phrase(at, to)).is_ok()
        })
}

#[cfg(test)]
mod tests {
    use crate::regions::find;

    #[test]
    fn a_village_named_with_its_kind_is_the_village_where_the_kind_is_left_out() {
        let title = "Tawuran Pemuda Pecah di Batu Merah";
        let body = "Tawuran terjadi di Negeri Batu Merah, Kecamatan Sirimau, Kota Ambon, Jumat.";
        let found = find(None, [title, body]);
        assert_eq!(found.regions, ["Ambon"]);
        // Without the body's village, the headline's name is the town's.
        assert_eq!(find(None, [title]).regions, ["Batu"]);
    }

    #[test]
    fn a_court_or_a_school_named_negeri_in_a_headline_names_no_village() {
        for (title, region) in [
            (
                "Pengadilan Negeri Medan Vonis Bandar Sabu 15 Tahun",
                "Medan",
            ),
            (
                "Kejaksaan Negeri Garut Tahan Kepala Desa Tersangka",
                "Garut",
            ),
            (
                "Universitas Negeri Padang Gelar Wisuda Periode Desember",
                "Padang",
            ),
        ] {
            assert_eq!(find(None, [title]).regions, [region], "{title}");
        }
    }

    #[test]
    fn a_kind_word_inside_another_name_or_a_town_after_the_village_names_no_village() {
        // `Pengadilan Negeri Ambon Kota` is a court, so `Ambon Kota` stays the city.
        let found = find(
            None,
            [
                "Sidang di Pengadilan Negeri Ambon Kota digelar.",
                "Warga Ambon Kota hadir.",
            ],
        );
        assert_eq!(found.regions, ["Ambon"]);
        // A regency after the village's name is where the village lies.
        let found = find(
            None,
            [
                "Banjir melanda Desa Sukamaju Bogor pada Senin.",
                "Warga Sukamaju Bogor mengungsi.",
            ],
        );
        assert!(
            found.regions.iter().any(|r| r.contains("Bogor")),
            "{found:?}"
        );
        // The village's address after it is no part of its name.
        let found = find(
            None,
            [
                "Warga Desa Sumber Kecamatan Contoh Kota Malang mengungsi.",
                "Kota Malang menyiapkan tenda.",
            ],
        );
        assert_eq!(found.regions, ["Kota Malang"]);
    }
}
