//! The region finder on short synthetic texts: a district named by its kind (`Kecamatan
//! Merek`) in the opening places the story in its regency, even where the text never names
//! the regency.

use super::tests_places::f;
use super::*;

#[test]
fn a_district_the_opening_sets_the_story_in_adds_its_unnamed_regency() {
    // The landslide is in Kecamatan Merek (Karo); the newsroom's dateline and the road's
    // other end are Dairi's.
    let x = find(
        Some("Dairi"),
        [
            "Longsor di Merek, Dua Kios Rubuh",
            "Tebing di jalan lintas Kecamatan Merek menuju Kabupaten Dairi longsor, Jumat.",
            "Dua warung milik warga ikut terbawa longsor.",
        ],
    );
    assert_eq!(x.regions, ["Karo"], "{x:?}");
    assert_eq!(x.passing, ["Dairi"], "{x:?}");
    assert_eq!(x.provinces, ["Sumatera Utara"], "{x:?}");
    // In a title, and with no dateline.
    let x = f("Demo Warga di Kecamatan Jabon Tuntut Pondok Ditutup");
    assert_eq!(x.regions, ["Sidoarjo"], "{x:?}");
    // A camat speaks for the district.
    let x = find(
        None,
        [
            "Sumur Tua Semburkan Lumpur",
            "Camat Kebomas mengatakan sumur peninggalan Belanda itu aktif kembali.",
        ],
    );
    assert_eq!(x.regions, ["Gresik"], "{x:?}");
    // Named beside the regency the dateline gives, it adds nothing.
    let x = find(
        Some("GRESIK"),
        [
            "Sumur Tua Semburkan Lumpur",
            "Sumur di Desa Sekarkurung, Kecamatan Kebomas, aktif kembali.",
        ],
    );
    assert_eq!(x.regions, ["Gresik"], "{x:?}");
}

#[test]
fn a_district_that_may_be_part_of_another_name_or_is_placed_elsewhere_adds_nothing() {
    for (lede, not) in [
        // Where someone comes from, not where the story is.
        (
            "Pelaku merupakan warga Kecamatan Jabon yang bekerja di pabrik.",
            "Sidoarjo",
        ),
        // `Simpang Keramat` (Aceh Utara's `Simpang Keuramat`) is no `Simpang` of Ogan
        // Komering Ulu Selatan.
        (
            "Ia tinggal di Desa Paya Leupah, Kecamatan Simpang Keramat, bersama cucunya.",
            "Ogan Komering Ulu Selatan",
        ),
        // `Kota` alone is Kota Kediri's district, and a word.
        (
            "Jenazah dimakamkan di Desa Martajesah, Kecamatan Kota Bangkalan.",
            "Kota Kediri",
        ),
        // The writer puts the district in another region, rightly or not.
        (
            "Rumah warga di Kecamatan Medan Sunggal, Kabupaten Deliserdang, rusak diterjang angin.",
            "Medan",
        ),
    ] {
        let x = find(None, ["Warga Terkejut", lede]);
        assert!(!x.regions.contains(&not.to_string()), "{lede}: {x:?}");
        assert!(!x.passing.contains(&not.to_string()), "{lede}: {x:?}");
    }
    // Deep in the body a district is one detail of many.
    let x = find(
        None,
        [
            "Warga Terkejut",
            "Harga cabai naik tajam pekan ini.",
            "Pedagang di Kecamatan Jabon mengeluh.",
        ],
    );
    assert!(x.regions.is_empty(), "{x:?}");
}

#[test]
fn renamed_regencies_are_found_by_their_new_names() {
    assert_eq!(
        f("Bupati Pasangkayu meninjau puskesmas.").regions,
        ["Mamuju Utara"]
    );
    assert_eq!(
        f("BPBD Kabupaten Sitaro mengevakuasi warga.").regions,
        ["Siau Tagulandang Biaro"]
    );
    // And by its old name, in its history: Polewali Mamasa before Mamasa was split off.
    assert_eq!(
        f("Bupati pertama Polewali Mamasa dilantik pada 1960.").regions,
        ["Polewali Mandar"]
    );
    // And by the short names writers give islands' regencies.
    for (written, region) in [
        ("Kabupaten Anambas", "Kepulauan Anambas"),
        ("Kabupaten Mentawai", "Kepulauan Mentawai"),
        ("Kabupaten Selayar", "Kepulauan Selayar"),
        ("Kabupaten Limapuluh Kota", "Lima Puluh Kota"),
        ("Kabupaten Tanimbar", "Maluku Tenggara Barat"),
    ] {
        let x = f(&format!("Banjir melanda {written} sejak Senin."));
        assert_eq!(x.regions, [region], "{written}: {x:?}");
    }
}

#[test]
fn a_name_in_a_list_of_villages_opened_by_their_kind_is_a_village() {
    let x = find(
        None,
        [
            "Banjir di Kabupaten Tanah Bumbu Belum Surut",
            "Banjir juga berdampak pada lima desa lainnya yakni Desa Satu Barat, Jombang, Satui \
             Timur, Sungai Danau, dan Sejahtera Mulia.",
        ],
    );
    assert_eq!(x.regions, ["Tanah Bumbu"], "{x:?}");
    assert!(x.passing.is_empty(), "{x:?}");
    let x = find(
        Some("Dharmasraya"),
        [
            "Bupati Dharmasraya Buka Rakor Wali Nagari",
            "Dana desa tercepat untuk 10 nagari, Nagari Sungai Duo, Nagari Kurnia Selatan, \
             Gunung Medan, Silago, Lubuk Karak, Tabek dan Bonjol.",
        ],
    );
    assert_eq!(x.regions, ["Dharmasraya"], "{x:?}");
    assert!(x.passing.is_empty(), "{x:?}");
    // An address runs on into its regency and province, or stops: those stay.
    for text in [
        "Longsor terjadi di Desa Sukamaju, Kecamatan Cibinong, Garut, Jawa Barat, Senin.",
        "Longsor terjadi di Desa Sukamaju, Kecamatan Cibinong, Garut, kemarin.",
        "Bantuan dikirim ke Desa Sukamaju, Garut, Tasikmalaya dan Ciamis.",
    ] {
        assert!(f(text).regions.contains(&"Garut".to_string()), "{text}");
    }
}

/// A region's name run on into a district of another region is that district
/// (`Tulangbawang Tengah` is Tulang Bawang Barat's), not the region.
#[test]
fn a_region_run_on_into_another_regions_district_is_the_district() {
    let x = f(
        "Mantan kepala tiyuh Panaragan Tulangbawang Tengah dan mantan kepala tiyuh di \
         Tulangbawang Udik ikut mendaftar sebagai calon dalam pemilihan di Kabupaten Tulang \
         Bawang Barat tahun ini.",
    );
    assert_eq!(x.regions, ["Tulang Bawang Barat"], "{x:?}");
    // A headline capitalises every word: there the name stays the region's.
    let x = find(
        None,
        [
            "Mesuji Raya Juara Umum MTQ",
            "Kafilah Kabupaten Mesuji meraih juara umum.",
        ],
    );
    assert_eq!(x.regions, ["Mesuji"], "{x:?}");
    // A district of the region itself stays the region's.
    let x = f("Banjir merendam Kecamatan Medan Baru sejak pagi.");
    assert_eq!(x.regions, ["Medan"], "{x:?}");
}

/// A regency's seat that no district is named after names its regency as a district does:
/// in a dateline, and placing a shared name before it.
#[test]
fn a_regencys_seat_names_the_regency() {
    let x = find(
        Some("Lewoleba"),
        [
            "Pemkab Ajukan Trayek Baru",
            "Pemerintah daerah di Nusa Tenggara Timur mengajukan trayek penerbangan baru.",
        ],
    );
    assert_eq!(x.regions, ["Lembata"], "{x:?}");
    // The opening setting the story in the seat's regency's district keeps the dateline
    // its place, however the text writes the regency (`Malaka` needs its level).
    let x = find(
        Some("Betun"),
        [
            "Banjir Sungai Benenai, Empat Desa di Malaka Tengah Terendam",
            "Sungai meluap dan merendam rumah warga di empat desa di Kecamatan Malaka Tengah \
             pada Senin. Banjir akibat hujan di Kabupaten Belu, Malaka dan TTU.",
        ],
    );
    assert!(x.regions.contains(&"Malaka".to_string()), "{x:?}");
    assert_eq!(
        f("Banjir melanda Ungaran, Semarang, sejak pagi.").regions,
        ["Semarang"]
    );
}

#[test]
fn a_shared_name_among_villages_is_the_regency() {
    // A city is divided into kelurahan: villages flooded where the bare name is are the
    // regency's, the title's bare name with them.
    let title = "Rob Rendam Pantura dan Jebolkan Tanggul di Pekalongan";
    let x = find(
        None,
        [
            title,
            "Rob merendam jalur Pantura, sedangkan rob di Pekalongan menjebol tanggul sehingga tiga desa terendam.",
        ],
    );
    assert_eq!(x.regions, ["Pekalongan"], "{x:?}");
    // Not villages the sentence places in another region, a village's head, nor a bare
    // name alone.
    for lede in [
        "Kecelakaan di Jalan Raya Nganjuk-Pekalongan, Desa Selorejo, Kecamatan Bagor.",
        "Seorang wanita asal Pekalongan mengaku dihamili seorang kepala desa.",
        "Rob di Pekalongan menjebol tanggul sehingga tiga kelurahan terendam.",
        // Villages in general, or placed elsewhere (the review's cases).
        "Ribuan perangkat desa berunjuk rasa di Pekalongan, Selasa.",
        "Hujan deras mengguyur di Pekalongan, sedangkan banjir merendam tiga desa di kabupaten tetangga.",
        "Warga dari desa-desa di sekitar Pekalongan memadati alun-alun.",
        "Penyaluran Dana Desa dibahas dalam rapat di Pekalongan.",
    ] {
        let x = find(None, [title, lede]);
        assert!(
            x.regions.iter().any(|r| r == "Kota Pekalongan"),
            "{lede}: {x:?}"
        );
    }
}
