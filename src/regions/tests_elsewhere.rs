//! The region finder on short synthetic texts: a region's name that names no place of it
//! (a town abroad, a clock's zone).

use super::tests_places::f;

#[test]
fn a_place_abroad_named_like_a_region_is_not_the_region() {
    for text in [
        "Ia meninggal di Hospital Alor Gajah Melaka Malaysia pada Sabtu.",
        "Ia bekerja di ladang sawit Batu Pahat, Johor, sejak 2019.",
    ] {
        assert!(f(text).regions.is_empty(), "{text}");
    }
    // A country right after the name is a route's end: the region stays.
    assert_eq!(
        f("Penumpang feri rute Batam Centre Singapura meningkat.").regions,
        ["Batam"]
    );
    // A headline capitalises its verbs: the region stays.
    for title in [
        "Warga Natuna Meninggal Di Malaysia",
        "Nelayan Natuna Ditangkap Aparat Malaysia",
    ] {
        assert_eq!(f(title).regions, ["Natuna"], "{title}");
    }
    // At home the name stays, even before a word in capitals.
    assert_eq!(
        f("Warga Alor Yohanes Lau pulang dari Malaysia kemarin.").regions,
        ["Alor"]
    );
}

#[test]
fn a_clocks_zone_is_no_place() {
    assert!(
        f("Ia ditangkap sekitar pukul 15.00 waktu Papua di depan kantor.")
            .provinces
            .is_empty()
    );
    assert!(
        f("Sidang dimulai pukul 09.00 waktu Jakarta.")
            .provinces
            .is_empty()
    );
    // `waktu` as `when` leaves the place, after a year too.
    assert_eq!(
        f("Pada 2019 waktu Donggala dilanda banjir, warga mengungsi.").regions,
        ["Donggala"]
    );
    assert_eq!(
        f("Pada waktu Bandung dilanda banjir, warga mengungsi.").regions,
        ["Kota Bandung"]
    );
}

#[test]
fn a_synods_lands_and_a_faults_segment_are_no_places() {
    for text in [
        "Pengungsi ditampung di Gereja Masehi Injil Sangihe Talaud (GMIST) di Siau.",
        "Sinode Gereja Kristen Sulawesi Tengah menggelar rapat di Tentena.",
        "BMKG mengingatkan potensi gempa dari segmen megathrust Mentawai-Siberut.",
    ] {
        let x = f(text);
        for not in [
            "Kepulauan Sangihe",
            "Kepulauan Talaud",
            "Kepulauan Mentawai",
        ] {
            assert!(!x.regions.contains(&not.to_string()), "{text}: {x:?}");
        }
        assert!(
            !x.provinces.contains(&"Sulawesi Tengah".to_string()),
            "{text}: {x:?}"
        );
    }
    // A parish is named after its town.
    assert_eq!(
        f("Misa digelar di Gereja Santo Yosef Ambon.").regions,
        ["Ambon"]
    );
}
