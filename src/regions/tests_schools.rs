//! The region finder on short synthetic texts: universities and schools, whose town is a
//! post, a venue, an affiliation or the place their work is sent to.

use super::tests_places::f;

#[test]
fn the_nearest_word_before_a_school_says_whether_it_is_a_post_or_a_venue() {
    // A post, a study or a degree there: someone's affiliation, the town not the news's.
    for text in [
        "Menurut dosen sosiologi di UNS Contoh Surakarta, ada tiga sebab.",
        "Ia pernah mengajar di Fakultas Teknik Universitas Contoh Makassar, Sulawesi Selatan.",
        "Ia meraih gelar sarjana dari Universitas Contoh Surabaya pada tahun 1999.",
        "Ia menempuh pendidikan S2 di Institut Contoh Bogor hingga lulus.",
        "Ia guru besar Universitas Contoh Pontianak. Pada pemilu lalu ia terpilih.",
    ] {
        assert_eq!(f(text).regions, Vec::<String>::new(), "{text}");
    }
    // An event there, or where and when something was said, stays the town's.
    assert_eq!(
        f("Seminar itu digelar di Fakultas Hukum Universitas Contoh Mataram.").regions,
        ["Mataram"]
    );
    assert_eq!(
        f("Kata dosen Universitas Contoh Jember pada Senin (9/9).").regions,
        ["Jember"]
    );
    assert_eq!(
        f("Wisuda digelar di Universitas Contoh Surabaya pada tahun ini.").regions,
        ["Surabaya"]
    );
}

#[test]
fn a_school_as_a_partner_in_a_list_or_by_its_short_name_is_an_affiliation() {
    for text in [
        // A partner in a work.
        "Alat itu dibuat bekerja sama dengan Institut Teknologi Contoh Bandung tahun lalu.",
        // A list of schools, with initials between their names.
        "Pesertanya Universitas Contoh (UCO) Yogyakarta, dan UIN Sunan Contoh Surabaya.",
        // A short name written as a word after a member.
        "Semasa menjadi dosen di Unhas Makassar, ia rajin menulis.",
    ] {
        assert_eq!(f(text).regions, Vec::<String>::new(), "{text}");
    }
    // A school's own news, and a list in another sentence, stay the town's.
    assert_eq!(
        f("Unhas Makassar membuka program studi baru.").regions,
        ["Makassar"]
    );
    assert_eq!(
        f("Rektor datang dari Universitas Contoh. Institut Contoh Bandung lalu membuka pameran.")
            .regions,
        ["Kota Bandung"]
    );
}

#[test]
fn a_school_sending_its_work_to_a_place_named_by_kind_is_that_place_s_news() {
    // The school's outreach: its town is the school's, the news the village's regency.
    assert_eq!(
        f(
            "Universitas Contoh Denpasar (Unco Denpasar) menerjunkan 22 mahasiswa untuk KKN di \
           Desa Pangkung Karung, Kecamatan Kerambitan Kabupaten Tabanan."
        )
        .regions,
        ["Tabanan"]
    );
    assert_eq!(
        f(
            "Tim Politeknik Negeri Contoh Malang menggelar pelatihan ke Desa Sumber, Kabupaten \
           Blitar."
        )
        .regions,
        ["Blitar"]
    );
    // Not the sentence's subject, no place named by its kind, or a place in another
    // sentence: the school's town stays.
    for text in [
        "Menteri mengunjungi Universitas Contoh Denpasar di Kota Denpasar.",
        "Universitas Contoh Denpasar membuka program studi di kampus barunya.",
        // Its own town's district or city, or a province that holds it.
        "Universitas Contoh Denpasar mengirim 500 mahasiswa KKN ke Kecamatan Denpasar Selatan.",
        "Universitas Contoh Denpasar menggelar wisuda di gedung rektorat, Kota Denpasar.",
        "Universitas Contoh Denpasar punya mahasiswa terbanyak di Provinsi Bali.",
        "Universitas Contoh Denpasar membuka program studi baru. Desa Sumber di Kabupaten Tabanan.",
    ] {
        assert!(f(text).regions.contains(&"Denpasar".to_string()), "{text}");
    }
}

#[test]
fn a_town_ending_a_body_listed_with_others_or_a_graduates_club_is_not_the_news() {
    for text in [
        "Koalisi itu terdiri atas Kontras, Walhi, LBH Contoh Medan, dan Yayasan Contoh.",
        "Rujukannya RS Contoh, RS Lain, RS Baru dan RSUD Contoh Tarakan.",
        "Kata pemain jebolan PB Contoh Bandung itu.",
    ] {
        assert_eq!(f(text).regions, Vec::<String>::new(), "{text}");
    }
    // Each region's own figures, a body where something happens, and one body alone.
    assert_eq!(
        f("Polres Garut mencatat 20 pelanggar, Polres Pandeglang 14, dan Polres Sumedang 9.")
            .regions,
        ["Garut", "Pandeglang", "Sumedang"]
    );
    assert_eq!(
        f("Rapat digelar di Kantor Contoh Semarang, LBH Lain, dan Yayasan Contoh.").regions,
        ["Kota Semarang"]
    );
    assert_eq!(f("LBH Contoh Medan mendampingi warga.").regions, ["Medan"]);
}
