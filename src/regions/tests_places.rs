//! The region finder on short synthetic texts: which level, district or neighbourhood a
//! bare name means, landmarks, schools and names placed by their words.

use super::*;

pub(super) fn f(text: &str) -> Found {
    find(None, [text])
}

#[test]
fn a_district_of_the_regency_before_a_shared_name_places_it_in_the_regency() {
    // Cibinong and Tambun Selatan are districts of the regencies, not of the cities.
    assert_eq!(
        f("Banjir melanda Cibinong, Bogor, sejak pagi.").regions,
        ["Bogor"]
    );
    assert_eq!(
        f("Warga Tambun Selatan Bekasi mengungsi.").regions,
        ["Bekasi"]
    );
    // The rest of the article follows, as with a prefix.
    assert_eq!(
        find(
            None,
            [
                "Pabrik di Cikupa, Tangerang, terbakar.",
                "Damkar Tangerang datang."
            ]
        )
        .regions,
        ["Tangerang"]
    );
    // A district of the city, or none, leaves the city.
    assert_eq!(
        f("Warga Bogor Barat, Bogor, berkumpul.").regions,
        ["Kota Bogor"]
    );
    assert_eq!(
        f("Banjir melanda Bogor sejak pagi.").regions,
        ["Kota Bogor"]
    );
}

#[test]
fn a_village_of_the_regency_before_a_shared_name_places_it_in_the_regency() {
    // Pakansari and Tuksongo are villages of the regencies.
    assert_eq!(
        f("Laga digelar di Stadion Pakansari, Bogor, Sabtu.").regions,
        ["Bogor"]
    );
    assert_eq!(
        f("Festival di Balkondes Tuksongo, Magelang, Jawa Tengah.").regions,
        ["Magelang"]
    );
    // The longest name decides: `Bogor Tengah` is the city's district although a village of
    // the regency is called `Tengah`.
    assert_eq!(
        f("Warga Bogor Tengah, Bogor, berkumpul.").regions,
        ["Kota Bogor"]
    );
    // A district of the city carved out of the regency under its name and a direction:
    // writers still call it by the old name.
    assert_eq!(
        f("Pameran mobil di Serpong, Tangerang, ramai.").regions,
        ["Tangerang Selatan"]
    );
    assert_eq!(
        f("Wisata di Lembang, Bandung, macet.").regions,
        ["Bandung Barat"]
    );
    // A root the city's places share (`Tawangmas`, `Tawangsari`) spans both: left alone.
    assert_eq!(
        f("Ia tiba di Stasiun Tawang, Semarang, pagi tadi.").regions,
        ["Kota Semarang"]
    );
    // A village called like a region does not place anything (`Purworejo` is also a village
    // of Magelang regency): in a list the city stays the city.
    assert_eq!(
        f("Hujan turun di Purworejo, Magelang dan Temanggung.").regions,
        ["Purworejo", "Kota Magelang", "Temanggung"]
    );
}

#[test]
fn a_police_resort_or_a_unit_named_kota_gives_the_level_of_a_shared_name() {
    // The city's resort carries `Kota` (or is a Polrestabes); one named by the bare name is
    // the regency's.
    assert_eq!(
        f("Kasat Lantas Polres Bogor AKP Fadli mengatakan mobil terguling.").regions,
        ["Bogor"]
    );
    assert_eq!(
        f("Kapolres Sorong AKBP Contoh menjelaskan.").regions,
        ["Sorong"]
    );
    assert_eq!(
        f("Kepala Kepolisian Resor Bekasi menjelaskan.").regions,
        ["Bekasi"]
    );
    assert_eq!(
        f("Kasubag Humas Polres Blitar Kota Ipda Wahyu menjelaskan.").regions,
        ["Kota Blitar"]
    );
    assert_eq!(
        f("Polrestabes Bandung menangkap dua pelaku.").regions,
        ["Kota Bandung"]
    );
    // `Polresta X` alone has named either: the default stands.
    assert_eq!(
        f("Polresta Bogor menangkap dua pelaku.").regions,
        ["Kota Bogor"]
    );
    // Polres Metro Bekasi is the regency's resort, whatever unit of it is named; the
    // city's carries `Kota`.
    for text in [
        "Ia melapor ke Polres Metro Bekasi sejak Agustus.",
        "Kasat Lantas Polres Metro Bekasi mengimbau pengendara.",
        "Satlantas Metro Bekasi mengajak warga tertib.",
    ] {
        assert_eq!(f(text).regions, ["Bekasi"], "{text}");
    }
    assert_eq!(
        f("Kapolres Metro Bekasi Kota Kombes Contoh menjelaskan.").regions,
        ["Kota Bekasi"]
    );
    // Both levels named: both are the article's.
    assert_eq!(
        f("Polres Bogor menangani kecelakaan warga Kota Bogor.").regions,
        ["Bogor", "Kota Bogor"]
    );
}

#[test]
fn the_sea_off_a_shared_name_whose_city_is_inland_is_the_regency() {
    // Kota Sukabumi and Kota Tangerang have no sea; their regencies have the coast.
    for text in [
        "Nelayan hilang di perairan selatan Sukabumi sejak Senin.",
        "Kapal terbalik di perairan Sukabumi, Jawa Barat.",
        "Sampah menumpuk di pesisir utara Tangerang.",
        "Perahu terbalik di pantai selatan Blitar, Jawa Timur.",
    ] {
        let x = f(text);
        assert_eq!(x.regions.len(), 1, "{text}");
        assert!(!x.regions[0].starts_with("Kota"), "{text}: {:?}", x.regions);
    }
    // Inland, or where both levels touch the sea, the bare name stays the city.
    assert_eq!(
        f("Warga Sukabumi mengeluhkan jalan rusak.").regions,
        ["Kota Sukabumi"]
    );
    assert_eq!(
        f("Nelayan hilang di perairan Cirebon sejak Senin.").regions,
        ["Kota Cirebon"]
    );
    // A sea word that is not next to the name decides nothing.
    assert_eq!(
        f("Laut tenang, kata warga Sukabumi.").regions,
        ["Kota Sukabumi"]
    );
}

#[test]
fn an_electoral_district_is_a_members_seat() {
    // A legislator's electoral district, named beside the place the story happens, is where
    // the member was elected from, not where the story is.
    let x = find(
        None,
        [
            "Petani Mengadu ke Dewan",
            "Anggota DPRD Provinsi Jambi dapil Kerinci-Sungai Penuh, Budi, menggelar rapat.",
            "Rapat digelar di Kabupaten Muaro Jambi bersama petani.",
        ],
    );
    assert_eq!(x.regions, ["Muaro Jambi"], "{x:?}");
    assert!(x.passing.iter().any(|r| r == "Kerinci"), "{x:?}");
    // A visit to the district itself places the story there.
    let x = find(
        None,
        [
            "Reses Dewan",
            "Anggota DPR dapil Kerinci menggelar reses.",
            "Reses digelar di Kerinci bersama petani.",
        ],
    );
    assert!(x.regions.iter().any(|r| r == "Kerinci"), "{x:?}");
    // A district named by its own name and number lists the regions a candidate runs in.
    let x = find(
        None,
        [
            "Artis Maju Caleg",
            "Ia maju sebagai caleg Dapil Jateng 1 (Kota Semarang, Kabupaten Kendal).",
        ],
    );
    assert_eq!(x.regions, ["Kota Semarang", "Kendal"], "{x:?}");
    // The regions a member's district is said to cover are where the member was elected.
    for text in [
        "Anggota DPRD Provinsi Maluku Utara Dapil II yang meliputi Halmahera Utara dan Morotai terkesan bungkam.",
        "Isu ini perhatian anggota DPRD Provinsi Maluku Utara, terutama untuk Dapil II yang mencakup Halut dan Morotai.",
        "Anggota DPRD Malut Dapil I, yaitu Ternate dan Halbar, diam saja.",
    ] {
        let x = find(
            None,
            [
                "Nelayan Bentrok di Perairan Morotai",
                "Nelayan bentrok di Desa Sangowo, Kecamatan Morotai Timur, Kabupaten Pulau Morotai.",
                text,
            ],
        );
        assert_eq!(x.regions, ["Pulau Morotai"], "{text}: {x:?}");
    }
    // Not a listing in another sentence, nor one that no assembly's member is elected by,
    // nor a candidate's district or one something is done in (the review's cases).
    for text in [
        "Anggota DPRD Provinsi Maluku Utara bicara. Wilayah yang meliputi Halmahera Utara dan Morotai juga terdampak.",
        "Tim patroli yang meliputi Halmahera Utara dan Morotai juga bersiaga.",
        "Seorang calon anggota DPRD Provinsi Maluku Utara di Dapil II yang meliputi Halmahera Utara dan Morotai membagikan uang.",
        "Di Dapil 2 yang meliputi Halmahera Utara dan Morotai, PSU akan digelar di tujuh TPS.",
    ] {
        let x = find(
            None,
            [
                "Nelayan Bentrok di Perairan Morotai",
                "Nelayan bentrok di Desa Sangowo, Kecamatan Morotai Timur, Kabupaten Pulau Morotai.",
                text,
            ],
        );
        assert_eq!(
            x.regions,
            ["Pulau Morotai", "Halmahera Utara"],
            "{text}: {x:?}"
        );
    }
    // Alone, the member's district is where the member works.
    let x = find(
        None,
        [
            "Legislator Tinjau Jalan Rusak",
            "Anggota DPRD Sulawesi Selatan Dapil X yang meliputi Tana Toraja dan Toraja Utara, Yohanis, meninjau jalan poros yang rusak parah.",
        ],
    );
    assert_eq!(x.regions, ["Tana Toraja", "Toraja Utara"], "{x:?}");
    // Where something happens in the district, or a district named with its number after
    // the name, the region is the story's (the review's cases).
    for text in [
        "Anggota DPR RI menggelar reses di dapil Banyumas bersama petani.",
        "Anggota DPRD Provinsi DIY turun ke dapil Kulon Progo untuk menyerap aspirasi.",
        "Warga di dapil Lombok Timur menagih janji anggota dewan.",
        "Jumlah calon legislatif perempuan di Dapil Bantul meningkat.",
        "KPU mengumumkan daftar calon tetap untuk dapil Sleman 3 pekan ini.",
    ] {
        let x = find(None, ["Kabar Dewan", text]);
        assert_eq!(x.regions.len(), 1, "{text}: {x:?}");
    }
}

#[test]
fn a_region_named_like_a_jakarta_neighbourhood_is_the_neighbourhood_in_news_of_jakarta() {
    let x = f("Tawuran pecah di Manggarai, Pemkot Jakarta Selatan mendirikan posko.");
    assert_eq!(x.regions, ["Jakarta Selatan"]);
    // Named with its own province, or without Jakarta around, it is the regency.
    assert_eq!(
        f("Ia pulang ke Manggarai, NTT, setelah bekerja di Jakarta Selatan.").regions,
        ["Manggarai", "Jakarta Selatan"]
    );
    assert_eq!(
        f("Upacara adat digelar di Manggarai.").regions,
        ["Manggarai"]
    );
    // The same for a neighbourhood outside Jakarta: Jombang in Ciputat, Tangerang Selatan.
    assert_eq!(
        f("Warga Cilalung, Jombang, Tangerang Selatan, mengeluhkan banjir.").regions,
        ["Tangerang Selatan"]
    );
    assert_eq!(
        f("Santri dari Jombang, Jawa Timur, berkunjung ke Tangerang Selatan.").regions,
        ["Jombang", "Tangerang Selatan"]
    );
    // Only Tangerang Selatan makes it the kelurahan, not the rest of Banten.
    assert_eq!(
        f("Santri asal Jombang ditangkap polisi di Tangerang.").regions,
        ["Jombang", "Kota Tangerang"]
    );
    assert!(
        f("Dia mengisi acara Solo Show di televisi.")
            .regions
            .is_empty()
    );
}

#[test]
fn a_name_followed_by_a_district_and_its_region_elsewhere_is_a_village_there() {
    // Jombang is a kelurahan of Ciputat, Tangerang Selatan, besides a regency in East Java.
    assert_eq!(
        f("Warga Kampung Cicalung, Jombang, Ciputat, Tangerang Selatan, antre gas.").regions,
        ["Tangerang Selatan"]
    );
    // A district seat in a list of towns is no placing.
    assert_eq!(
        f("Pelabuhan di Natuna, Rembang, Brondong dan Sangihe.").regions,
        ["Natuna", "Rembang", "Kepulauan Sangihe"]
    );
    // The region's own district keeps it.
    assert_eq!(
        f("Warga Jombang, Ngoro, Jawa Timur, mengungsi.").regions,
        ["Jombang"]
    );
}

#[test]
fn a_landmark_places_the_bare_town_written_with_it() {
    // Venues in the regency that shares the city's name.
    assert_eq!(
        f("Konser digelar di ICE BSD, Tangerang, Sabtu.").regions,
        ["Tangerang"]
    );
    assert_eq!(
        f("Laga digelar di Stadion Si Jalak Harupat Bandung malam ini").regions,
        ["Bandung"]
    );
    // A venue placed by the writer in the area around it, another region of the province,
    // is where it lies.
    assert_eq!(
        f("Pameran di ICE BSD Tangerang Selatan dibuka").regions,
        ["Tangerang"]
    );
    assert_eq!(
        f("ujar Oki saat ditemui di JCC, Senayan, Jakarta Selatan, Minggu.").regions,
        ["Jakarta Pusat"]
    );
    assert_eq!(
        f("kata Ridha di Menara Astra, Jakarta Selatan, Jumat.").regions,
        ["Jakarta Pusat"]
    );
    // The area's word is one word in the same sentence: a day, or a new sentence, is not.
    assert_eq!(
        f("Konser di JCC. Senayan Jakarta Selatan ramai.").regions,
        ["Jakarta Pusat", "Jakarta Selatan"]
    );
    // One of a list of places after a venue is no placing of it.
    assert_eq!(
        f("Truk menuju kawasan industri di Cikarang, Karawang dan Cibitung.").regions,
        ["Bekasi", "Karawang"]
    );
    // A region of another province after a venue is the writer's own.
    assert_eq!(
        f("Setelah tampil di GBK, Bandung menjadi tujuan berikutnya.").regions,
        ["Jakarta Pusat", "Kota Bandung"]
    );
    // A landmark on a boundary names no region alone, but still places the town after it.
    assert_eq!(
        f("Wisatawan memadati Gunung Bromo, Probolinggo, pekan ini").regions,
        ["Probolinggo"]
    );
    assert!(
        f("Wisatawan memadati Gunung Bromo pekan ini")
            .regions
            .is_empty()
    );
    // Named alone, a landmark in one region names it, and fixes the level of the bare
    // name anywhere in the article.
    assert_eq!(
        find(
            None,
            [
                "Pameran dibuka di ICE BSD.",
                "Warga Tangerang antusias datang."
            ]
        )
        .regions,
        ["Tangerang"]
    );
    // A landmark met deep in the body does not push the article's one region into
    // passing.
    let x = find(
        None,
        [
            "Ribuan Pelayat Datangi Rumah Duka",
            "Ribuan pelayat mendatangi rumah duka.",
            "Keluarga menerima tamu sejak pagi.",
            "Rumah duka berada di Bekasi.",
            "Ini juga bukan Gelora Bung Karno, ada batasnya.",
        ],
    );
    assert_eq!(x.regions, ["Kota Bekasi"]);
    assert_eq!(x.passing, ["Jakarta Pusat"]);
    // A firm named after an estate works anywhere.
    assert!(f("Saham PT Jababeka Tbk naik").regions.is_empty());
}

#[test]
fn an_airport_named_for_a_town_it_lies_outside_is_placed_where_it_is() {
    assert_eq!(
        f("Penerbangan di Bandara Juanda Surabaya tertunda").regions,
        ["Sidoarjo"]
    );
    assert_eq!(
        f("Bandar Udara Internasional Supadio Pontianak lumpuh").regions,
        ["Kubu Raya"]
    );
    // A town in another province is another place (a route).
    assert_eq!(
        f("Pesawat dari Bandara Kualanamu, Pekanbaru tujuannya").regions,
        ["Deli Serdang", "Pekanbaru"]
    );
    // Named after a person: only after a word for an airport.
    assert_eq!(f("Jalan Juanda di Surabaya macet").regions, ["Surabaya"]);
}

#[test]
fn a_district_named_by_its_kind_fixes_the_level_of_the_bare_name() {
    assert_eq!(
        find(
            None,
            [
                "Warga Sukabumi keracunan makanan.",
                "Kejadian di Desa Mekar, Kecamatan Simpenan."
            ]
        )
        .regions,
        ["Sukabumi"]
    );
    // The city's own district keeps the city.
    assert_eq!(
        find(
            None,
            ["Warga Bogor berdemo.", "Camat Bogor Tengah menemui mereka."]
        )
        .regions,
        ["Kota Bogor"]
    );
    // A city's district written as its name and a direction is the city's, even beside the
    // regency.
    let x = f("Genangan di Bekasi Barat dan jalan di Kabupaten Bekasi");
    assert!(x.regions.contains(&"Kota Bekasi".to_string()), "{x:?}");
    // As a road's end it is where the road goes, named in passing.
    let x = f("Ruas tol Cikunir-Bekasi Barat dan jalan di Kabupaten Bekasi");
    assert!(x.passing.contains(&"Kota Bekasi".to_string()), "{x:?}");
}

#[test]
fn every_landmark_row_names_known_regions() {
    let rows = LANDMARKS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .count();
    let loaded: usize = Gazetteer::get().landmarks.values().map(Vec::len).sum();
    assert_eq!(loaded, rows, "a landmark row names an unknown region code");
    assert!(rows > 100);
}

#[test]
fn a_district_named_after_a_bare_name_places_it_or_makes_it_a_village() {
    assert_eq!(
        f("Warga Bogor, Kecamatan Cibinong, berdemo").regions,
        ["Bogor"]
    );
    assert_eq!(
        f("Rumahnya di Tangerang, Kecamatan Pondok Aren, terbakar").regions,
        ["Tangerang Selatan"]
    );
    // A village named like a city, in a district of another regency.
    assert!(
        f("Banjir melanda desa di Sungai Kupang, Kecamatan Kandangan")
            .regions
            .is_empty()
    );
    assert_eq!(
        f("Akad nikah di masjid Bintaro, Tangerang").regions,
        ["Tangerang Selatan"]
    );
    // Districts written in two words where the list joins them (`Gunungsindur`).
    assert_eq!(f("Dimakamkan di Gunung Sindur, Bogor").regions, ["Bogor"]);
    // A landmark named like the start of a region gives way to it.
    assert_eq!(
        f("warga Puncak Jaya dan wisata Puncak, Bogor").regions,
        ["Puncak Jaya", "Bogor"]
    );
    assert_eq!(f("bandara di Karimun Jawa").regions, ["Jepara"]);
}

#[test]
fn a_name_that_is_also_a_common_word_counts_where_the_words_around_place_it() {
    for (text, region) in [
        ("laga kedua berlangsung di Malang.", "Kota Malang"),
        ("warga Pati berdemo di alun-alun.", "Pati"),
        ("Kapolres Lebak memimpin apel.", "Lebak"),
        ("dirawat di RSUD Contoh Pati, Jawa Tengah.", "Pati"),
        ("banjir melanda Agam Sumatera Barat.", "Agam"),
    ] {
        assert_eq!(f(text).regions, [region], "{text}");
    }
    for text in [
        // The common word, a name going on into another place, an unplaced capital, a
        // given name or a place elsewhere kept for a prefix.
        "nasib malang menimpa warga itu.",
        "macet di Lebak Bulus pagi ini.",
        "Malang benar nasib pedagang itu.",
        "pesan dari Bima Arya untuk warga.",
        "kantor di Kuningan, Jakarta Selatan.",
    ] {
        let found = f(text).regions;
        assert!(
            found.iter().all(|r| r == "Jakarta Selatan"),
            "{text}: {found:?}"
        );
    }
    assert_eq!(f("Pemkab Malang membuka pasar.").regions, ["Malang"]);
}

#[test]
fn a_regency_named_like_a_district_in_a_list_of_another_regions_districts_is_that_district() {
    assert!(
        f("Titik api ada di Air Sugihan, Pedamaran, Mesuji dan Tulung Selapan")
            .regions
            .is_empty()
    );
    assert!(f("api di Pedamaran dan Mesuji").regions.is_empty());
    // Among regions, or named alone, it is the regency.
    assert_eq!(
        f("banjir di Tulang Bawang, Mesuji").regions,
        ["Tulangbawang", "Mesuji"]
    );
    assert_eq!(f("warga Mesuji mengungsi").regions, ["Mesuji"]);
}

#[test]
fn a_region_named_like_a_district_written_before_the_region_it_lies_in_is_that_district() {
    // An address runs from the village up: `Depok` here is Sleman's district.
    assert_eq!(
        f("bentrok di Nologaten, Caturtunggal, Depok, Sleman, Rabu malam.").regions,
        ["Sleman"]
    );
    assert_eq!(
        f("belajar di PKBM Contoh Sukabumi, Bandar Lampung.").regions,
        ["Bandar Lampung"]
    );
    // A list within a province is a list, where both readings are as likely.
    assert_eq!(
        f("pameran di Lamongan, Jombang, Jember, dan Banyuwangi.").regions,
        ["Lamongan", "Jombang", "Jember", "Banyuwangi"]
    );
    // Across provinces, Sleman named anywhere makes a bare Depok its district, in a list too;
    // the city's level keeps the city.
    assert_eq!(
        f("hujan di Depok, Sleman, dan Bantul").regions,
        ["Sleman", "Bantul"]
    );
    assert_eq!(
        f("warga Kota Depok mengungsi ke Sleman.").regions,
        ["Depok", "Sleman"]
    );
    // A police sector is named after its district: Depok's are Sleman's and Cirebon's, not
    // the city's; Sleman has a district of its own name.
    assert!(
        f("petugas Polsek Depok Barat menangkap pemuda")
            .regions
            .is_empty()
    );
    assert_eq!(
        f("petugas Polsek Sleman menangkap pemuda").regions,
        ["Sleman"]
    );
    // So is one whose district's name goes on past a region's (`Mesuji Raya` is a district
    // of Ogan Komering Ilir, not the regency in Lampung); a sector of the region's own
    // district stays.
    assert!(
        f("Polsek Mesuji Raya menangkap pencuri sapi")
            .regions
            .is_empty()
    );
    assert_eq!(
        f("Polsek Mesuji Timur menangkap pencuri sapi").regions,
        ["Mesuji"]
    );
}

#[test]
fn a_landmark_with_a_direction_or_a_district_written_as_two_words_places_the_town() {
    // `Cikarang Barat` is still the estate's area: the town after it is the regency.
    assert_eq!(
        f("Banjir merendam Cikarang Barat, Bekasi, sejak pagi.").regions,
        ["Bekasi"]
    );
    // `Rangkas Bitung` is Rangkasbitung in Lebak, and `Pangkalan Kerinci` the seat of
    // Pelalawan: neither names the region its second word spells.
    for text in [
        "Kereta jurusan Tanah Abang-Rangkas Bitung tertahan.",
        "Api dipadamkan di Pangkalan Kerinci kemarin.",
    ] {
        let found = f(text).regions;
        assert!(
            !found.iter().any(|r| r == "Bitung" || r == "Kerinci"),
            "{text}: {found:?}"
        );
    }
    assert_eq!(f("Gunung Kerinci kembali erupsi.").regions, ["Kerinci"]);
}

#[test]
fn the_districts_an_article_names_decide_a_bare_shared_name() {
    let title = "Jalan Raya Pasuruan-Purwosari Terendam Banjir";
    // Purwosari is a district of the regency: the bare name is the regency's.
    let x = find(None, [title, "Hujan lebat mengguyur Pasuruan sejak sore."]);
    assert_eq!(x.regions, ["Pasuruan"]);
    // A district of the city named too leaves the bare name to the city.
    let x = find(
        None,
        [
            title,
            "Hujan lebat mengguyur Pasuruan sejak sore.",
            "Warga Gadingrejo ikut membersihkan saluran.",
        ],
    );
    assert_eq!(x.regions, ["Kota Pasuruan"]);
    // No district: the city, as news usually means.
    let x = find(None, ["Hujan lebat mengguyur Pasuruan sejak sore."]);
    assert_eq!(x.regions, ["Kota Pasuruan"]);
}

#[test]
fn a_mountain_places_only_the_town_written_after_it() {
    // The mountain is the regency's: the town named with it is the regency.
    assert_eq!(
        find(None, ["Pendaki Gunung Salak, Bogor, dievakuasi tim SAR."]).regions,
        ["Bogor"]
    );
    // Named elsewhere in the text, it does not decide the bare name: a city's people climb
    // it and see it.
    let view = "Dari halaman Istana Bogor, pengunjung melihat puncak Gunung Salak.";
    let town = "Warga Bogor memadati pasar itu sejak pagi.";
    assert_eq!(find(None, [view, town]).regions, ["Kota Bogor"]);
}

#[test]
fn a_border_with_a_regency_is_the_shared_names_regency() {
    let text = "Atlet disambut sejak di perbatasan Bandung-Garut lalu diarak ke alun-alun.";
    assert!(
        f(text).regions.contains(&"Bandung".to_string()),
        "{:?}",
        f(text)
    );
    // With a city, or without the border, the city.
    let city = "Kemacetan terjadi di perbatasan Bogor-Depok sejak pagi.";
    assert!(
        f(city).regions.contains(&"Kota Bogor".to_string()),
        "{:?}",
        f(city)
    );
    assert!(
        f("Atlet diarak dari Bandung ke Garut.")
            .regions
            .contains(&"Kota Bandung".to_string())
    );
}

#[test]
fn a_dateline_that_is_a_district_decides_a_bare_shared_name() {
    // Aimas is a district of Kabupaten Sorong: the campus's bare `Sorong` is the regency.
    let text = "Universitas Unimuda Sorong menggelar wisuda sarjana.";
    assert_eq!(find(Some("Aimas"), [text]).regions, ["Sorong"]);
    // Without it, or under a district of the city, the city.
    assert_eq!(find(None, [text]).regions, ["Kota Sorong"]);
    // Written with its level, the name keeps it.
    let text = "Universitas Unimuda Kota Sorong menggelar wisuda sarjana.";
    assert_eq!(find(Some("Aimas"), [text]).regions, ["Kota Sorong"]);
}

#[test]
fn a_car_named_after_a_place_is_no_place() {
    assert!(
        f("Minibus Suzuki Karimun itu terguling di tikungan.")
            .regions
            .is_empty()
    );
    assert!(f("Warga membeli mobil Karimun bekas.").regions.is_empty());
    assert_eq!(f("Warga Karimun membeli mobil baru.").regions, ["Karimun"]);
}

#[test]
fn a_bare_shared_dateline_takes_the_level_its_districts_give() {
    let body = ["Polisi menangkap tersangka pembakaran rumah di Kecamatan Monta."];
    assert_eq!(find(Some("BIMA"), body).regions, ["Bima"]);
    assert_eq!(
        find(Some("BIMA"), ["Polisi menangkap tersangka di pasar."]).regions,
        ["Kota Bima"]
    );
}

#[test]
fn a_bare_name_that_is_a_district_of_a_named_region_in_another_province_is_that_district() {
    // Ende has a district called Kota Baru; the regency of Kotabaru is in South Kalimantan.
    let ende = find(
        None,
        [
            "Bupati Lakukan Kunjungan Kerja di Ndondo Kotabaru",
            "Bupati Ende meninjau jalan desa bersama warga.",
        ],
    );
    assert_eq!(ende.regions, ["Ende"]);
    assert_eq!(ende.provinces, ["Nusa Tenggara Timur"]);
    // Cilegon has a district called Jombang.
    let cilegon = find(
        None,
        ["Polisi Kota Cilegon mengamankan tiga remaja di kawasan Jombang Wetan."],
    );
    assert_eq!(cilegon.regions, ["Cilegon"]);
    assert_eq!(cilegon.provinces, ["Banten"]);
    // Its level, or its province beside it, names the region itself.
    let named = find(
        None,
        ["Bupati Ende bertemu Bupati Kotabaru di Jakarta untuk membahas kerja sama."],
    );
    assert!(named.regions.contains(&"Kotabaru".to_string()), "{named:?}");
    let home = find(
        None,
        [
            "Kecelakaan terjadi di Ngaglik, Kabupaten Sleman.",
            "Korban adalah warga Depok, Jawa Barat.",
        ],
    );
    assert!(
        home.regions
            .iter()
            .chain(&home.passing)
            .any(|r| r == "Depok"),
        "{home:?}"
    );
    // Within one province the bare name stays the region (Jember has a Jombang too).
    let jatim = find(
        None,
        ["Bupati Jember menerima tamu dari Jombang di pendopo."],
    );
    assert!(
        jatim
            .regions
            .iter()
            .chain(&jatim.passing)
            .any(|r| r == "Jombang"),
        "{jatim:?}"
    );
}

#[test]
fn a_roads_ends_are_named_in_passing_unless_nothing_else_places_the_article() {
    // Synthetic, in the forms met: a flood on a road named after two towns, in one of them.
    let x = find(
        None,
        [
            "Jalur Pantura Semarang-Demak Banjir",
            "Banjir merendam jalan di Kecamatan Genuk, Kota Semarang, sejak pagi.",
        ],
    );
    assert_eq!(x.regions, ["Kota Semarang"], "{x:?}");
    assert_eq!(x.passing, ["Demak"], "{x:?}");
    // A crash on a trunk road, placed by its regency.
    let x = find(
        None,
        [
            "Truk Terguling di Jalan Lintas Kendari-Kolaka",
            "Truk terguling di ruas jalan lintas Kendari-Kolaka, Kabupaten Konawe, Senin.",
        ],
    );
    assert_eq!(x.regions, ["Konawe"], "{x:?}");
    assert_eq!(x.passing, ["Kendari", "Kolaka"], "{x:?}");
    // A bus line's ends, and where the road goes.
    let x = find(
        None,
        [
            "Banjir Rendam Jalan di Pasuruan",
            "Banjir di jalan jurusan Pasuruan menuju Malang ini terjadi sejak sore.",
        ],
    );
    assert_eq!(x.regions, ["Kota Pasuruan"], "{x:?}");
    assert_eq!(x.passing, ["Kota Malang"], "{x:?}");
    // An article about the road itself, or placed only on it, has the road's ends.
    let x = find(
        None,
        [
            "Proyek Jalan Tol Medan-Binjai Dikebut",
            "Warga diminta segera meninggalkan lahan proyek.",
        ],
    );
    assert_eq!(x.regions, ["Medan", "Binjai"], "{x:?}");
    // A town between the road's ends is where it is built.
    let x = find(
        None,
        [
            "Tol Cisumdawu Dibangun",
            "Tol Cileunyi-Sumedang-Dawuan sepanjang 61 km dibangun.",
        ],
    );
    assert!(x.regions.contains(&"Sumedang".to_string()), "{x:?}");
}

#[test]
fn a_region_inside_a_village_name_written_whole_is_the_village() {
    // A village of Halmahera Barat, written with or without its kind: not Kota Ternate.
    assert_eq!(
        f("Siswa SD Negeri Tongute Ternate di Kecamatan Ibu, Halmahera Barat, belajar di tenda")
            .regions,
        ["Halmahera Barat"]
    );
    assert!(
        f("Warga Desa Tongute Ternate Asal mengungsi")
            .regions
            .is_empty()
    );
    // A province's name inside one (a kelurahan of Jakarta Timur) is no province either.
    assert!(
        f("Banjir merendam rumah warga di Bali Mester, Jatinegara")
            .provinces
            .iter()
            .all(|p| p != "Bali")
    );
    // Nor beside a person's name that a village also bears (`Bali Agung`).
    assert!(
        f("Kepala Pelaksana BPBD Bali Agung Wirawan mengatakan hal itu")
            .provinces
            .iter()
            .any(|p| p == "Bali")
    );
    // The region itself, alone or beside other capitalised words that name no village.
    assert_eq!(f("Wali Kota Ternate meninjau pasar").regions, ["Ternate"]);
    assert_eq!(
        f("Pemerintah Kota Ternate Bangun Pasar Baru").regions,
        ["Ternate"]
    );
}
