//! The region finder on short synthetic texts: places named in passing (an office's seat, a
//! newsroom's dateline over a story elsewhere, where people come from) kept apart from the
//! article's own.

use super::tests_places::f;
use super::*;

#[test]
fn places_named_in_passing_are_kept_apart_from_the_articles_places() {
    let body = [
        "Banjir Rendam Ratusan Rumah",
        "Banjir merendam ratusan rumah di Kabupaten Kerinci sejak Senin.",
        "Warga mengungsi ke balai desa.",
        "Bantuan datang dari relawan.",
        "Kepala Basarnas Pekanbaru ikut memantau dari jauh.",
        "Relawan dari Medan dan Padang juga tiba.",
    ];
    let x = find(None, body);
    // The lede's regency is the article's place; an office's seat and one item of a list
    // deep in the body are named in passing; the provinces count through both.
    assert_eq!(x.regions, ["Kerinci"]);
    assert_eq!(x.passing, ["Pekanbaru", "Medan", "Padang"]);
    assert_eq!(
        x.provinces,
        ["Jambi", "Riau", "Sumatera Utara", "Sumatera Barat"]
    );
    // Named twice, or with its level, a town deep in the body is a place of the story.
    let mut twice = body.to_vec();
    twice.push("Di Medan, relawan membuka dapur umum.");
    assert_eq!(find(None, twice).regions, ["Kerinci", "Medan"]);
    let mut level = body.to_vec();
    level.push("Pemkot Sawahlunto mengirim logistik.");
    assert_eq!(find(None, level).regions, ["Kerinci", "Sawah Lunto"]);
    // The dateline and the title name the article's place whatever the body says.
    assert_eq!(find(Some("PADANG"), body).regions, ["Padang", "Kerinci"]);
    let x = find(
        None,
        [
            "Relawan Medan Tiba di Kerinci",
            body[1],
            body[2],
            body[3],
            body[5],
        ],
    );
    assert_eq!(x.regions, ["Medan", "Kerinci"]);
    assert_eq!(x.passing, ["Padang"]);
}

#[test]
fn military_commands_and_spelt_out_police_resorts_are_seats() {
    let story = |office: &str| {
        find(
            None,
            [
                "Terduga Teroris Ditangkap",
                &format!(
                    "{office} mengatakan terduga teroris ditangkap di Kabupaten Manggarai Barat."
                ),
            ],
        )
    };
    for office in [
        "Danrem 161 Wirasakti Ende",
        "Pangdam IX Udayana Ende",
        "Danlantamal VII Ende",
        "Komandan Komando Resor Militer Ende",
        "Kepala Kepolisian Resor Ende",
    ] {
        let x = story(office);
        assert_eq!(x.regions, ["Manggarai Barat"], "{office}");
        assert_eq!(x.passing, ["Ende"], "{office}");
    }
    // A naval base works the waters off its own town (the review's case).
    let x = f("Lanal Cilacap menyelamatkan nelayan asal Kebumen di perairan Teluk Penyu.");
    assert!(x.regions.contains(&"Cilacap".to_string()), "{x:?}");
    // A resort that is no command is where it stands.
    let x = f("Resor wisata Mandalika Lombok Tengah penuh, kata pengelola di Kabupaten Bima.");
    assert!(x.regions.contains(&"Lombok Tengah".to_string()), "{x:?}");
    // The only region, named three times only as an office's seat, is the story's: the
    // office is its subject.
    let x = find(
        None,
        [
            "Bea Cukai Canangkan Zona Integritas",
            "Bea Cukai Ternate mencanangkan zona integritas.",
            "Pencanangan di lingkungan Bea Cukai Ternate dihadiri Danlanal Ternate.",
        ],
    );
    assert_eq!(x.regions, ["Ternate"], "{x:?}");
    let x = find(
        None,
        [
            "Bea Cukai Canangkan Zona Integritas",
            "Bea Cukai Ternate mencanangkan zona integritas.",
        ],
    );
    assert_eq!(x.passing, ["Ternate"], "{x:?}");
}

#[test]
fn an_offices_word_after_a_firms_head_names_the_office() {
    // `Pt` for `Plt` (acting head): the weather office's seat, not a firm's name, and so the
    // newsroom's dateline over a quake in another province.
    let x = find(
        Some("MAKASSAR"),
        [
            "Gempa Guncang Mamasa Tadi Subuh",
            "Gempa bumi masih terus mengguncang Mamasa, Sulawesi Barat.",
            "Warga Mamasa memilih mengungsi.",
            "Pt Kepala BBMKG Wilayah IV Makassar, Joharman, mengatakan gempa itu dangkal.",
        ],
    );
    assert_eq!(x.regions, ["Mamasa"], "{x:?}");
    assert_eq!(x.passing, ["Makassar"], "{x:?}");
    // A firm's name is still the firm's, even with an office's word in it (the review's
    // cases).
    for text in [
        "Direktur PT Maju Jaya Makassar ditahan",
        "Buruh PT Lapas Indah Kendal mogok kerja",
    ] {
        assert!(f(text).regions.is_empty(), "{text}");
    }
}

#[test]
fn a_sultanates_realm_beside_its_provinces_place_is_named_in_passing() {
    let x = find(
        None,
        [
            "Festival Budaya Tunjukkan Pesona Baubau",
            "Festival digelar di Kota Baubau untuk melestarikan budaya kesultanan Buton.",
            "Kegiatan budaya dipercaya masyarakat Buton membangkitkan ekonomi Kota Baubau.",
        ],
    );
    assert_eq!(x.regions, ["Baubau"], "{x:?}");
    assert_eq!(x.passing, ["Buton"], "{x:?}");
    // The sultanate named as its court's landmark, under the city's dateline, over a
    // festival the regency holds: the city is the newsroom's.
    let festival = [
        "Festival Budaya Tua Buton Akan Kembali Dihelat Pemerintah Kabupaten Buton",
        "Festival digelar Pemerintah Kabupaten Buton di Pasarwajo pada Agustus mendatang.",
        "Festival merupakan warisan leluhur eks Kesultanan Buton, kata Bupati Buton.",
    ];
    let x = find(Some("Baubau"), festival);
    assert_eq!(x.regions, ["Buton"], "{x:?}");
    assert_eq!(x.passing, ["Baubau"], "{x:?}");
    // Named otherwise too, the city stays.
    let mut more = festival.to_vec();
    more.push("Tamu menginap di hotel di Kota Baubau.");
    let x = find(Some("Baubau"), more);
    assert_eq!(x.regions, ["Baubau", "Buton"], "{x:?}");
    // So does the court as a venue (the review's case).
    let x = find(
        Some("Baubau"),
        [
            "Bupati Buton Tengah Hadiri Haroa di Keraton",
            "Bupati Buton Tengah menghadiri tradisi Haroa di Benteng Keraton Kesultanan Buton, Jumat.",
        ],
    );
    assert_eq!(x.regions, ["Baubau", "Buton Tengah"], "{x:?}");
    // A court's own town, where nothing else places the story, is its place (the review's
    // cases: a procession, a palace's visitors).
    for text in [
        "Ribuan warga menyaksikan kirab malam 1 Suro Kasunanan Surakarta.",
        "Wisatawan memadati istana Kesultanan Siak saat libur panjang.",
    ] {
        assert_eq!(f(text).regions.len(), 1, "{text}");
    }
}

#[test]
fn a_police_resorts_town_that_is_the_only_region_is_the_story_s() {
    let x = find(
        None,
        [
            "Perampok Bersenjata Gondol 10 Kg Emas",
            "Perampok menggasak toko emas dalam lima menit.",
            "Kasat Reskrim Polres Grobogan AKP Contoh mengatakan pelaku berjumlah empat orang.",
        ],
    );
    assert_eq!(x.regions, ["Grobogan"], "{x:?}");
    // Not where the text sets the case in a district, named by its kind, that the town does
    // not have: the resort's area reaches past its town, and the district is elsewhere.
    let body = [
        "Mayat Tanpa Identitas Ditemukan di Kebun",
        "Warga menemukan mayat di areal perkebunan.",
        "Petugas Polsek dan Pemerintah Kecamatan Tebing Tinggi turun ke lokasi.",
        "Polsek menghubungi tim Inafis Polres Tebingtinggi.",
    ];
    let x = find(None, body);
    assert!(x.regions.is_empty(), "{x:?}");
    assert_eq!(x.passing, ["Tebing Tinggi"], "{x:?}");
    // A district of the town itself leaves it the place.
    let mut own = body.to_vec();
    own[2] = "Petugas Polsek dan Pemerintah Kecamatan Rambutan turun ke lokasi.";
    assert_eq!(find(None, own).regions, ["Tebing Tinggi"]);
    // Nor where the title names the resort: the police are its subject.
    let x = find(
        None,
        [
            "Satres Narkoba Polres Pakpak Bharat Tangkap Pengguna Sabu",
            "Polisi menangkap pengguna sabu di Desa Harapan, Kecamatan Tanah Pinem.",
            "Pelaku dibawa ke Polres Pakpak Bharat.",
        ],
    );
    assert_eq!(x.regions, ["Pakpak Bharat", "Dairi"], "{x:?}");
    // Other offices' towns alone stay their own (a boarding school's elder speaking on
    // national news).
    let x = find(
        None,
        [
            "Ulama Dukung Menteri Awasi Anggaran",
            "Para ulama mendukung langkah menteri keuangan.",
            "Pengasuh Ponpes Langitan Tuban menilai langkah itu tepat.",
        ],
    );
    assert_eq!(x.passing, ["Tuban"], "{x:?}");
}

#[test]
fn an_offices_seat_alone_is_named_in_passing_even_in_the_lede() {
    let x = find(
        None,
        [
            "Tanah Longsor Tutup Jalan",
            "Kapolres Kerinci AKBP Budi menyebut longsor menutup jalan di Kota Sungai Penuh.",
        ],
    );
    assert_eq!(x.regions, ["Sungai Penuh"]);
    assert_eq!(x.passing, ["Kerinci"]);
    // The only region the article has is its place, however it is named once.
    let x = find(
        None,
        [
            "Longsor Tutup Jalan",
            "Dua warga terluka.",
            "Tiga rumah rusak.",
            "Warga Medan membantu.",
        ],
    );
    assert_eq!(x.regions, ["Medan"]);
    assert!(x.passing.is_empty());
}

#[test]
fn a_dateline_over_a_story_in_another_province_is_named_in_passing() {
    let body = [
        "Laga Tunda Hujan",
        "Pertandingan di Kabupaten Kudus ditunda karena hujan deras.",
    ];
    let x = find(Some("JAYAPURA"), body);
    assert_eq!(x.regions, ["Kudus"]);
    assert_eq!(x.passing, ["Kota Jayapura"]);
    // Over a story the text sets in another regency of its own province (`di Kudus`, or
    // `Kabupaten Kudus` in the opening), the city is the newsroom's too.
    for lede in [body[1], "Pertandingan di Kudus ditunda karena hujan deras."] {
        let x = find(Some("SEMARANG"), [body[0], lede]);
        assert_eq!(x.regions, ["Kudus"]);
        assert_eq!(x.passing, ["Kota Semarang"]);
    }
    // A neighbour named bare, as where someone comes from, sets nothing there: the city
    // stays.
    let origin = [body[0], "Pemain asal Kudus cedera karena hujan deras."];
    assert_eq!(
        find(Some("SEMARANG"), origin).regions,
        ["Kota Semarang", "Kudus"]
    );
    // The province named only as the area of the story (`di Jawa Tengah`) is no office of
    // its capital at work (`WARTA SULTENG, PALU –` over floods in Banggai).
    let area = [
        "Banjir Rendam Tiga Kecamatan",
        "Cuaca di Jawa Tengah masih terus diguyur hujan.",
        "BPBD melaporkan banjir melanda tiga kecamatan di Kabupaten Kudus.",
        "Warga Kudus diminta waspada banjir susulan.",
        "BPBD Kudus masih mendata kerugian.",
    ];
    let x = find(Some("SEMARANG"), area);
    assert_eq!(x.regions, ["Kudus"]);
    assert_eq!(x.passing, ["Kota Semarang"]);
    // One side detail deep in a city's story, or where someone comes from even in the
    // lede, sets nothing there (the review's cases).
    for story in [
        [
            "Kecelakaan di Jalan Kaligawe",
            "Dua pengendara tewas setelah motor mereka bertabrakan dengan truk.",
            "Polisi masih menyelidiki penyebab kecelakaan itu.",
            "Jenazah korban dimakamkan di Kabupaten Grobogan.",
            "Lalu lintas kembali normal pada sore hari.",
        ],
        [
            "Pemuda Tewas Ditikam",
            "Seorang pemuda asal Kabupaten Kudus tewas ditikam di Jalan Pemuda.",
            "Pelaku ditangkap polisi kurang dari sejam kemudian.",
            "Motifnya masih didalami penyidik.",
            "Korban sempat dibawa ke rumah sakit.",
        ],
    ] {
        let x = find(Some("SEMARANG"), story);
        assert_eq!(x.regions[0], "Kota Semarang", "{story:?}");
    }
    let provincial = [
        body[0],
        "Gubernur Jawa Tengah meninjau Kabupaten Kudus yang dilanda banjir.",
    ];
    assert_eq!(
        find(Some("SEMARANG"), provincial).regions,
        ["Kota Semarang", "Kudus"]
    );
    // A province said only to locate the regency (`Kabupaten Kudus, Jawa Tengah`) is no
    // provincial office at work.
    let located = [
        body[0],
        "Pemudik dilarang memasuki Kabupaten Kudus, Jawa Tengah, mulai hari ini.",
    ];
    let x = find(Some("SEMARANG"), located);
    assert_eq!(x.regions, ["Kudus"]);
    assert_eq!(x.passing, ["Kota Semarang"]);
    // A province at work after a comma that follows no place (`Sejak Januari, Jawa Tengah
    // mencatat …`) still keeps the city (the review's case).
    let counted = [
        body[0],
        "Sejak Januari, Jawa Tengah mencatat 5.000 kasus, terbanyak di Kabupaten Kudus.",
    ];
    assert_eq!(
        find(Some("SEMARANG"), counted).regions,
        ["Kota Semarang", "Kudus"]
    );
    let x = find(
        Some("JAYAPURA"),
        [body[0], body[1], "Tim tamu terbang dari Jayapura."],
    );
    assert_eq!(x.regions, ["Kota Jayapura", "Kudus"]);
    // A title that places the story in another regency of the province (`di Kudus`) makes
    // the dateline the newsroom's, even with the province's office at work.
    let titled = [
        "Dinas Jawa Tengah Gelar Pelatihan Nelayan di Kudus",
        "Dinas Provinsi Jawa Tengah menggelar pelatihan bagi nelayan kecil.",
    ];
    let x = find(Some("SEMARANG"), titled);
    assert_eq!(x.regions, ["Kudus"]);
    assert_eq!(x.passing, ["Kota Semarang"]);
    // Named bare elsewhere in the title, the neighbour does not place it.
    let x = find(
        Some("SEMARANG"),
        [
            "Nelayan Rembang Ikut Pelatihan Dinas Provinsi",
            "Dinas Provinsi Jawa Tengah menggelar pelatihan bagi nelayan kecil.",
        ],
    );
    assert_eq!(x.regions, ["Kota Semarang", "Rembang"]);
    // A title naming another regency of the province with its level does not: the
    // provincial office's news is as often made in the capital (a regent questioned at the
    // provincial police, sworn in at the governor's hall).
    let x = find(
        Some("SEMARANG"),
        [
            "Polda Jateng Periksa Bupati Kudus Delapan Jam",
            "Polda Jawa Tengah memeriksa Bupati Kudus selama delapan jam di Mapolda.",
        ],
    );
    assert_eq!(x.regions[0], "Kota Semarang", "{x:?}");
    // A district named by its kind in the title or the lede places the story in its regency
    // as surely (`Kecamatan Sunggal` is Deli Serdang's), even with the province named.
    let district = [
        "Demo di Kecamatan Sunggal Ganggu Pelayanan",
        "Warga berunjuk rasa di kantor camat, Sumatera Utara.",
        "Tuntutan mereka menjadi kewenangan Kabupaten Deli Serdang.",
    ];
    let x = find(Some("MEDAN"), district);
    assert_eq!(x.regions, ["Deli Serdang"]);
    assert_eq!(x.passing, ["Medan"]);
    // A district of the dateline's own city says nothing against it.
    let own = [
        "Demo di Kecamatan Medan Johor Ganggu Pelayanan",
        district[1],
        district[2],
    ];
    assert_eq!(find(Some("MEDAN"), own).regions, ["Medan", "Deli Serdang"]);
    // One the first paragraph sets something in places the story there too, even with the
    // provincial police at work: the capital's office only speaks of it.
    let sea = "Polda Sulsel menangkap enam kapal di perairan Pulau Jampea, Kecamatan \
               Pasimasunggu, Kepulauan Selayar, Senin.";
    let x = find(
        Some("MAKASSAR"),
        ["Enam Kapal Pembawa Bom Ikan Ditangkap", sea],
    );
    assert_eq!(x.regions, ["Kepulauan Selayar"], "{x:?}");
    assert_eq!(x.passing, ["Makassar"], "{x:?}");
    let origin = "Polda Sulsel menahan pemuda asal Desa Bonea, Kecamatan Pasimasunggu, \
                  Kepulauan Selayar, Senin.";
    let x = find(Some("MAKASSAR"), ["Pemuda Ditahan Polda", origin]);
    assert_eq!(x.regions[0], "Makassar", "{x:?}");
    // In the lede a district is as often where something comes from.
    let origin = [
        "Harga Beras Naik",
        "Pasokan dari Kecamatan Perbaungan berkurang, Sumatera Utara.",
    ];
    assert!(
        find(Some("MEDAN"), origin)
            .regions
            .contains(&"Medan".to_string())
    );
}

#[test]
fn a_wide_office_s_seat_or_a_road_s_end_gives_way_to_the_story_s_place() {
    // A broadcaster's station in the title over a festival the dateline and text place in a
    // regency: the station's town is named in passing.
    let x = find(
        Some("Kutai Barat"),
        [
            "RRI Samarinda Berkomitmen Menjadi Wadah Pemuda",
            "Festival digelar di Kabupaten Kutai Barat, kata Kepala RRI Samarinda.",
        ],
    );
    assert_eq!(x.regions, ["Kutai Barat"]);
    assert_eq!(x.passing, ["Samarinda"]);
    // A river basin office and a ministry's numbered regional office beside the regency
    // the dateline names; a city's own hall is the city's.
    let x = find(
        Some("Kolaka Timur"),
        [
            "BPD Gelar Musyawarah Irigasi",
            "Musyawarah dihadiri pihak BWS Sulawesi IV Kendari dan Balai Sulawesi IV Kendari.",
        ],
    );
    assert_eq!(x.regions, ["Kolaka Timur"], "{x:?}");
    assert_eq!(x.passing, ["Kendari"], "{x:?}");
    let x = find(
        None,
        [
            "Warga Berunjuk Rasa",
            "Warga berunjuk rasa di Balai Kota Kendari.",
        ],
    );
    assert_eq!(x.regions, ["Kendari"]);
    // A road's end, in news the text places in a province (`di Jakarta`), is no place.
    let x = find(
        None,
        [
            "Kejagung Periksa Kasus Proyek Tol",
            "Kasus proyek ruas tol Cikunir-Karawang Barat diumumkan dalam konferensi pers di \
             Jakarta.",
        ],
    );
    assert!(x.regions.is_empty());
    assert_eq!(x.passing, ["Karawang"]);
}

#[test]
fn people_said_to_live_elsewhere_name_their_home_in_passing() {
    let body = [
        "Tolak Keputusan Tapal Batas",
        "Warga Manggarai di Jakarta membentuk tim advokasi soal batas Kabupaten Ngada.",
        "Diskusi dihadiri ratusan warga Manggarai Raya yang berdomisili di Jakarta.",
        "Kami warga Manggarai tidak terima, kata Damianus.",
    ];
    let x = find(None, body);
    assert_eq!(x.regions, ["Ngada"]);
    assert_eq!(x.passing, ["Manggarai"]);
    // Named once without its people (`Bupati Manggarai`), the region is the story's again.
    let x = find(
        None,
        [
            body[0],
            body[1],
            "Bupati Manggarai menanggapi tuntutan itu.",
        ],
    );
    assert_eq!(x.regions, ["Manggarai", "Ngada"]);
    // Living somewhere inside it (a district, or its own province) says nothing of the kind.
    for text in [
        "Warga Bekasi di Tambun mengeluhkan banjir.",
        "Warga Manggarai di Nusa Tenggara Timur mengeluhkan banjir.",
        "Warga Manggarai, di Jakarta kemarin, mengeluhkan banjir.",
    ] {
        assert!(f(text).passing.is_empty(), "{text}");
    }
}

#[test]
fn a_coastal_radio_stations_town_is_its_seat() {
    // `SROP Ambon` keeps watch over a sea: beside a search office of the same town, the
    // dateline's city is theirs, the story where the ship went down.
    let body = [
        "Basarnas Ambon Hentikan Pencarian Kapal",
        "Basarnas Ambon menghentikan pencarian kapal yang tenggelam di Kabupaten Maluku Tengah.",
        "Tim berkoordinasi dengan SROP Ambon sejak pagi.",
    ];
    let x = find(Some("AMBON"), body);
    assert_eq!(x.regions, ["Maluku Tengah"]);
    assert_eq!(x.passing, ["Ambon"]);
}

#[test]
fn a_town_named_as_a_seat_is_no_regency_of_its_name() {
    let x = f("Kabupaten Banggai Laut dengan ibukota Banggai dikenal sebagai penghasil ikan.");
    assert_eq!(x.regions, ["Banggai Laut"]);
    let x = f("Banggai Laut beribukota di Banggai, bukan di Luwuk.");
    assert_eq!(x.regions, ["Banggai Laut"]);
    // Before the word, or named with its level, the regency stays; so does a city's name.
    let x = f("Kabupaten Banggai beribukota di Luwuk.");
    assert_eq!(x.regions, ["Banggai"]);
    let x = f("Sejak 2004 ibu kota Kabupaten Banggai tetap di Luwuk.");
    assert_eq!(x.regions, ["Banggai"]);
    let x = f("Warga berkumpul di ibukota Bekasi untuk berunjuk rasa.");
    assert_eq!(x.regions.len(), 1);
    // A bare `ibukota X` is as often the capital of X (the review's case).
    assert_eq!(
        f("Kota Ruteng, ibukota Manggarai, diguyur hujan deras.").regions,
        ["Manggarai"]
    );
}

#[test]
fn a_courts_town_alone_is_the_place_and_tipikor_alone_is_the_crime() {
    // The trial is where the court sits when nothing else places the story.
    let x = f("Pengadilan Tipikor Makassar memvonis bendahara dinas provinsi empat tahun.");
    assert_eq!(x.regions, ["Makassar"]);
    // Beside the story's place it is the court's.
    let x = find(
        None,
        [
            "Mantan Kades Divonis",
            "Mantan kepala desa di Kabupaten Muara Enim divonis di Pengadilan Tipikor Palembang.",
        ],
    );
    assert_eq!(x.regions, ["Muara Enim"]);
    assert_eq!(x.passing, ["Palembang"]);
    // `Tipikor` for the crime names where it was done, beside another place too.
    let x = f("Polisi menuntaskan berkas kasus Tipikor Bone Bolango pekan ini.");
    assert_eq!(x.regions, ["Bone Bolango"]);
    let x = find(
        None,
        [
            "Berkas Dilimpahkan",
            "Polisi menuntaskan berkas kasus Tipikor Bone Bolango di Kabupaten Gorontalo.",
        ],
    );
    assert_eq!(x.regions, ["Bone Bolango", "Gorontalo"]);
}

#[test]
fn an_offices_seat_in_a_title_that_places_the_story_elsewhere_is_named_in_passing() {
    let x = find(
        Some("Bitung"),
        [
            "KPT Manado Tekankan Kualitas Putusan dalam Pembinaan di PN Bitung",
            "Ketua Pengadilan Tinggi (KPT) Manado memberi pembinaan di PN Bitung, Jumat.",
        ],
    );
    assert_eq!(x.regions, ["Bitung"], "{x:?}");
    assert_eq!(x.passing, ["Manado"], "{x:?}");
    // So is a police resort's town where the title places the story in another region.
    let lede = "Bentrok warga di Ohoibun, Kabupaten Maluku Tenggara, akhirnya didamaikan.";
    let x = find(
        None,
        ["Kapolres Tual Damaikan Warga di Maluku Tenggara", lede],
    );
    assert_eq!(x.regions, ["Maluku Tenggara"], "{x:?}");
    assert_eq!(x.passing, ["Tual"], "{x:?}");
    let x = find(None, ["Kapolres Tual Damaikan Warga", lede]);
    assert_eq!(x.regions, ["Tual", "Maluku Tenggara"], "{x:?}");
    // `di` and a village the region locates place the story as `di` alone does.
    for title in [
        "Ricuh di Ohoibun Malra, Kapolres Tual Damaikan Kedua Belah Pihak",
        "Ricuh di Ohoibun, Malra, Kapolres Tual Damaikan Warga",
    ] {
        let x = find(None, [title, lede]);
        assert_eq!(x.regions, ["Maluku Tenggara"], "{title}: {x:?}");
        assert_eq!(x.passing, ["Tual"], "{title}: {x:?}");
    }
    // Not an office's seat after `di` (`di Polres`, `di PN`).
    for title in [
        "Kapolres Tual Periksa Saksi di Polres Malra",
        "Ricuh di PN Malra, Kapolres Tual Damaikan Warga",
    ] {
        let x = find(None, [title, lede]);
        assert!(x.regions.contains(&"Tual".to_string()), "{title}: {x:?}");
        assert!(x.passing.is_empty(), "{title}: {x:?}");
    }
    // Not where the title names the other region as a gang's, a load's or a bus's (the
    // review's cases).
    for (title, seat) in [
        (
            "Polresta Surakarta Bekuk Komplotan Curanmor Wonogiri",
            "Surakarta",
        ),
        (
            "Polres Jember Amankan Truk Pupuk Tujuan Banyuwangi",
            "Jember",
        ),
        ("Polres Sleman Sita Miras Oplosan Kiriman Klaten", "Sleman"),
    ] {
        let x = find(
            None,
            [
                title,
                "Polisi menangkap para pelaku di sebuah gudang, Senin.",
            ],
        );
        assert!(x.regions.contains(&seat.to_string()), "{title}: {x:?}");
    }
    // Search and rescue offices act across their province.
    let x = find(
        None,
        [
            "Nelayan Hilang di Perairan Bangka Barat",
            "Warga Bangka Barat dilaporkan hilang. Kepala Kantor SAR Pangkalpinang menggerakkan tim.",
        ],
    );
    assert_eq!(x.regions, ["Bangka Barat"], "{x:?}");
    // A sultanate's keraton lies in the city carved out of its old regency.
    let x = f("Festival Keraton Buton digelar setiap tahun");
    assert_eq!(x.regions, ["Baubau"], "{x:?}");
}

#[test]
fn a_search_office_spelt_out_a_vessels_home_and_a_former_office_are_named_in_passing() {
    // The search office at Natuna and its boat work off Anambas, the newsroom's dateline
    // notwithstanding.
    let x = find(
        Some("Natuna"),
        [
            "Nelayan Hilang, Tim SAR Sisir Perairan Anambas",
            "Seorang nelayan asal Kabupaten Anambas dilaporkan hilang sejak Selasa.",
            "Tim bergerak menggunakan kapal RIB 02 Natuna sejak pagi.",
            "Hal itu dikatakan Kepala Kantor Pencarian dan Pertolongan Natuna.",
        ],
    );
    assert_eq!(x.regions, ["Kepulauan Anambas"], "{x:?}");
    assert_eq!(x.passing, ["Natuna"], "{x:?}");
    // Ships where they are stay there.
    let x = f("Ratusan kapal di Natuna berlabuh menghindari badai.");
    assert_eq!(x.regions, ["Natuna"], "{x:?}");
    // Where someone once served is theirs, not the story's.
    for former in [
        "mantan Bupati Malinau",
        "eks Wakil Wali Kota Malinau",
        "mantan Ketua HIPMI Kota Malinau",
        "mantan Wakil Ketua KNPI Malinau",
        "yang pernah menjabat Bupati Malinau",
        "yang pernah mencalonkan diri sebagai Wali Kota Malinau",
    ] {
        let x = find(
            None,
            [
                "Warga Tana Tidung Datangi Kantor Gubernur",
                "Warga Kabupaten Tana Tidung mengadu soal lahan.",
                &format!("Wakil gubernur, {former}, menerima mereka."),
            ],
        );
        assert_eq!(x.regions, ["Tana Tidung"], "{former}: {x:?}");
        assert_eq!(x.passing, ["Malinau"], "{former}: {x:?}");
    }
    let x = find(
        None,
        [
            "Warga Tana Tidung Datangi Kantor Gubernur",
            "Warga Kabupaten Tana Tidung mengadu soal lahan.",
            "Bupati Malinau juga hadir bersama warganya.",
        ],
    );
    assert!(x.regions.contains(&"Malinau".to_string()), "{x:?}");
    // Not what someone holds now after `pernah` said of another thing (`pernah datang ke
    // sini bersama Bupati Malinau`).
    let x = find(
        None,
        [
            "Warga Tana Tidung Datangi Kantor Gubernur",
            "Warga Kabupaten Tana Tidung mengadu soal lahan.",
            "Mereka pernah datang bersama Bupati Malinau ke kantor itu.",
        ],
    );
    assert!(x.regions.contains(&"Malinau".to_string()), "{x:?}");
    // A former mayor's case or death, with no other region, is his town's news (the review's
    // cases).
    for lede in [
        "Eks Wali Kota Bima Muhammad Lutfi ditahan KPK terkait korupsi pengadaan.",
        "Mantan Bupati Karo Terkelin Brahmana meninggal dunia di rumahnya.",
    ] {
        let x = find(None, ["Kabar Duka dan Perkara", lede]);
        assert_eq!(x.regions.len(), 1, "{lede}: {x:?}");
        assert!(x.passing.is_empty(), "{lede}: {x:?}");
    }
}

/// A command named after the regency it served before a split serves the regencies split
/// from it: in news of one of them, the old regency is the command's, in passing.
#[test]
fn a_command_keeps_the_name_of_the_regency_it_served_before_a_split() {
    let x = find(
        None,
        [
            "Bupati Nias Selatan Salurkan Bantuan di Lolowau",
            "Bupati Nias Selatan bersama Forkopimda Nias Selatan menyalurkan bantuan.",
            "Bupati didampingi Danlanal Nias dan Dandim 0213 Nias di Kecamatan Lolowau.",
        ],
    );
    assert_eq!(x.regions, ["Nias Selatan"], "{x:?}");
    assert_eq!(x.passing, ["Nias"], "{x:?}");
    // Named with its level, the old regency is one of the story's.
    let x = find(
        None,
        [
            "Bupati Nias Selatan Salurkan Bantuan",
            "Bupati Nias Selatan dan Bupati Nias menyalurkan bantuan bersama Dandim 0213 Nias.",
        ],
    );
    assert!(x.regions.contains(&"Nias".to_string()), "{x:?}");
}

/// A dateline that is a district's town names the one regency with a district of its name;
/// a military area command named with its slash is a wide seat, and gives way to it.
#[test]
fn a_district_dateline_names_its_regency_over_a_commands_seat() {
    for t in [
        "Warga berharap agar Pangdam XVI/Pattimura Ambon mengembalikan pos.",
        "Warga berharap kepada Pangdam XVI Pattimura Ambon agar pos kembali.",
    ] {
        let x = find(
            Some("Namlea"),
            [
                "Tambang Emas Gunung Botak",
                "Penambang di Gunung Botak bekerja.",
                t,
            ],
        );
        assert_eq!(x.regions, ["Buru"], "{t}");
        assert_eq!(x.passing, ["Ambon"], "{t}");
    }
    // Nor where the text names nothing of that regency's province: a town abroad, a
    // neighbourhood elsewhere (the review's cases).
    let x = find(
        Some("Miri"),
        [
            "Pekerja Migran Dipulangkan",
            "Sebanyak 14 pekerja migran di Miri, Sarawak, dipulangkan.",
        ],
    );
    assert!(x.regions.is_empty() && x.provinces.is_empty(), "{x:?}");
    let x = find(
        Some("Kemang"),
        [
            "Kafe Digerebek",
            "Polisi menggerebek kafe di kawasan Kemang, Jakarta Selatan.",
        ],
    );
    assert_eq!(x.regions, ["Jakarta Selatan"], "{x:?}");
    // A name of districts in two regencies names neither.
    let x = find(
        Some("Kota Baru"),
        ["Warga Antre Minyak", "Warga antre sejak pagi."],
    );
    assert!(x.regions.is_empty(), "{x:?}");
}

/// A migrant workers' protection office serves its province from the capital; its border
/// post is its own town's story.
#[test]
fn a_migrant_workers_office_is_a_seat_only_in_a_provinces_capital() {
    let x = find(
        Some("Mempawah"),
        [
            "Jenazah Migran Asal Mempawah Dipulangkan",
            "Jenazah warga Desa Sepang, Mempawah, tiba dari Malaysia.",
            "Kepulangan dibantu Dinas Sosial Mempawah dan BP3TKI Pontianak.",
            "Kasi perlindungan BP3TKI Pontianak, Nurli, mendampingi keluarga.",
        ],
    );
    assert_eq!(x.regions, ["Mempawah"], "{x:?}");
    assert_eq!(x.passing, ["Pontianak"], "{x:?}");
    let x = find(
        None,
        [
            "Ratusan PMI Dideportasi dari Sabah",
            "Sebanyak 215 pekerja migran dideportasi dari Sabah, Malaysia, pada Kamis.",
            "Kepala BP3MI Nunukan mengatakan para deportan akan ditampung sementara.",
            "Petugas BP3MI Nunukan juga memeriksa kesehatan seluruh deportan.",
        ],
    );
    assert_eq!(x.regions, ["Nunukan"], "{x:?}");
}

/// A far region named once or twice only as a person's or a people's name, in a story set
/// in another province, is named in passing: a person's name, a people's festival.
#[test]
fn a_far_regions_bare_name_in_a_story_set_elsewhere_is_in_passing() {
    let story = |line: &'static str| {
        find(
            Some("Sampang"),
            [
                "Bentrok Antarkelompok Pemuda di Desa Tlambah",
                "Bentrokan terjadi di Desa Tlambah, Kecamatan Karang Penang, Kabupaten Sampang.",
                line,
            ],
        )
    };
    let x = story("Pemuda yang dikomandoi Basir dan Asmat melarang Farhan menjemput Nia.");
    assert_eq!(x.regions, ["Sampang"], "{x:?}");
    assert_eq!(x.passing, ["Asmat"], "{x:?}");
    // A word of place, or its province named, keeps it the story's.
    for line in [
        "Sebagian pemuda itu pernah bekerja di Asmat selama dua tahun.",
        "Pemuda yang dikomandoi Basir dan Asmat dari Papua Selatan melarang Farhan.",
    ] {
        assert!(story(line).regions.contains(&"Asmat".to_string()), "{line}");
    }
    // A far place the story goes to is written bare too (the third review's cases).
    let x = find(
        Some("Makassar"),
        [
            "Pelaku Penipuan Ditangkap",
            "Penipuan terjadi di Kecamatan Tamalate, Kota Makassar, pekan lalu.",
            "Polisi memburu pelaku hingga Tarakan dan menangkapnya saat hendak naik kapal.",
        ],
    );
    assert!(x.regions.contains(&"Tarakan".to_string()), "{x:?}");
    // Named in the title, it is what the story is about.
    let x = find(
        Some("Makassar"),
        [
            "Pantai Akkarena dan Gunung Kidul Diserbu Wisatawan",
            "Kunjungan ke Pantai Akkarena, Kota Makassar, melonjak selama libur panjang.",
        ],
    );
    assert!(x.regions.contains(&"Gunung Kidul".to_string()), "{x:?}");
}

#[test]
fn a_read_also_run_into_a_paragraph_places_nothing() {
    let body = |paragraph: &str| {
        find(
            None,
            [
                "Satu Raperda Ditolak DPRD Temanggung",
                "Sidang paripurna DPRD Temanggung membahas sembilan raperda.",
                paragraph,
            ],
        )
    };
    // The other article's headline, with its small lower-case words, names no place here.
    let x = body(
        "Satu di antaranya ditolak. Baca juga Tertimbun Longsor, Pendaki asal Semarang Tewas \
         di Gunung Sumbing Terkait dengan raperda itu, pansus menolaknya.",
    );
    assert_eq!(x.regions, ["Temanggung"], "{x:?}");
    assert!(x.passing.is_empty(), "{x:?}");
    // The sentence after it does, and so does a name after lower-case words of the
    // paragraph, or a `baca juga` inside a sentence.
    for paragraph in [
        "Baca juga Tertimbun Longsor di Gunung Sumbing. Relawan Semarang ikut mencari korban.",
        "Baca juga Tertimbun Longsor ketika hujan turun di Semarang sepanjang hari.",
        "Anggota dewan membaca dan baca juga Laporan Semarang tahun lalu.",
    ] {
        let x = body(paragraph);
        assert!(
            x.regions
                .iter()
                .chain(&x.passing)
                .any(|r| r == "Semarang" || r == "Kota Semarang"),
            "{paragraph}: {x:?}"
        );
    }
}
