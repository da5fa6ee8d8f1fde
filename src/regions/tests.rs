//! The region finder on short synthetic texts.

use super::*;

fn f(text: &str) -> Found {
    find(None, [text])
}

#[test]
fn table_has_all_provinces_and_regions() {
    let g = Gazetteer::get();
    assert_eq!(g.provinces.len(), 38);
    assert_eq!(g.regions.len(), 514);
    assert!(g.regions.iter().all(|r| r.province < g.provinces.len()));
    let mut names: Vec<&str> = g.regions.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 514, "display names must be unique");
}

#[test]
fn short_forms() {
    let x = f("Pemkab OKI dan Muba, warga Muratara dan Lubuklinggau, Sumsel");
    assert_eq!(
        x.regions,
        [
            "Ogan Komering Ilir",
            "Musi Banyuasin",
            "Musi Rawas Utara",
            "Lubuk Linggau"
        ]
    );
    assert_eq!(x.provinces, ["Sumatera Selatan"]);
    assert_eq!(f("OKU Timur").regions, ["Ogan Komering Ulu Timur"]);
    assert_eq!(f("OKU di Sumsel").regions, ["Ogan Komering Ulu"]);
    // Other bodies share a region's acronym: it counts where the article places it, by its
    // province or another of its regions named in full, or after a prefix.
    for text in [
        "KTT OKI di Jeddah membahas Palestina",
        "pertemuan darurat OKI digelar pekan lalu",
    ] {
        assert!(f(text).regions.is_empty(), "{text}");
    }
    assert_eq!(
        find(None, ["banjir melanda OKI", "warga Palembang membantu"]).regions,
        ["Ogan Komering Ilir", "Palembang"]
    );
    assert_eq!(f("Pemkab OKI membantu").regions, ["Ogan Komering Ilir"]);
    for (short, long) in [
        ("Jateng", "Jawa Tengah"),
        ("jatim", "Jawa Timur"),
        ("JABAR", "Jawa Barat"),
        ("Sulsel", "Sulawesi Selatan"),
        ("NTT", "Nusa Tenggara Timur"),
        ("DIY", "DI Yogyakarta"),
        ("Babel", "Kepulauan Bangka Belitung"),
        ("Kepri", "Kepulauan Riau"),
        ("Jakarta", "DKI Jakarta"),
    ] {
        let x = f(short);
        assert_eq!(x.provinces, [long], "{short}");
        assert!(x.regions.is_empty(), "{short}");
    }
}

#[test]
fn prefixes_choose_between_regency_and_city() {
    assert_eq!(f("Pemkot Sorong").regions, ["Kota Sorong"]);
    assert_eq!(f("Pemkab Sorong").regions, ["Sorong"]);
    assert_eq!(f("Kabupaten Bekasi").regions, ["Bekasi"]);
    assert_eq!(f("Wali Kota Bekasi").regions, ["Kota Bekasi"]);
    // A bare name shared by both means the city.
    assert_eq!(f("banjir di Bekasi").regions, ["Kota Bekasi"]);
    assert_eq!(f("Kota Palembang").regions, ["Palembang"]);
    // "Kota Blora" is the town: there is no city of that name, so the regency.
    assert_eq!(f("kota Blora").regions, ["Blora"]);
    assert_eq!(f("Provinsi Jambi").provinces, ["Jambi"]);
    assert!(f("Provinsi Jambi").regions.is_empty());
    assert_eq!(f("Kota Jambi").regions, ["Jambi"]);
    assert_eq!(
        f("Pemerintah Kabupaten (Pemkab) Simalungun").regions,
        ["Simalungun"]
    );
    assert_eq!(f("Toli-Toli dan Tolitoli").regions, ["Toli-Toli"]);
    // The source spells some names letter by letter ("B A T A M").
    assert_eq!(f("Batam dan Siak").regions, ["Batam", "Siak"]);
}

#[test]
fn ambiguous_words_need_a_prefix() {
    for text in [
        "karung berisi batu",
        "nasib malang warga",
        "tulang bone",
        "batang pohon",
        "sampai ke puncak gunung",
        "minta serang balik",
        "kota baru itu",
    ] {
        assert_eq!(f(text), Found::default(), "{text}");
    }
    // Also common words, but usually the place when capitalised.
    assert!(f("di medan perang, padang rumput").regions.is_empty());
    assert_eq!(f("warga Medan dan Padang").regions, ["Medan", "Padang"]);
    assert!(
        f("harga batu bara naik; kawasan Kuningan")
            .regions
            .is_empty()
    );
    assert_eq!(f("Pemkab Batu Bara").regions, ["Batu Bara"]);
    // A figure of speech for the whole country, not news about either end.
    assert_eq!(f("dari Sabang sampai Merauke"), Found::default());
    assert_eq!(f("Wali Kota Sabang").regions, ["Sabang"]);
    assert_eq!(f("Kota Batu").regions, ["Batu"]);
    assert_eq!(f("Kota Batu").provinces, ["Jawa Timur"]);
    assert_eq!(f("Pemkab Malang").regions, ["Malang"]);
    assert_eq!(f("Pemkot Malang").regions, ["Kota Malang"]);
    assert_eq!(f("Bupati Bone").regions, ["Bone"]);
    assert_eq!(f("Kabupaten Puncak").provinces, ["Papua Tengah"]);
    assert_eq!(f("Kabupaten Kota Baru").regions, ["Kotabaru"]);
    assert_eq!(f("Kotabaru").regions, ["Kotabaru"]);
    // Whole words only.
    assert!(f("Blorawan Palembangan").regions.is_empty());
    // A dateline is a place, so an ambiguous name counts there.
    assert_eq!(find(Some("Palu"), []).regions, ["Palu"]);
    // A bare dateline shared by a city and a regency is the level its article speaks of.
    let about_regency = ["Bupati Bogor meresmikan pasar baru di Kecamatan Cibinong."];
    assert_eq!(find(Some("BOGOR"), about_regency).regions, ["Bogor"]);
    // A dateline's level stays as written; over a story of the regency its opening names
    // by level, the city is the newsroom's.
    let x = find(Some("Kota Bogor"), about_regency);
    assert_eq!(x.regions, ["Bogor"]);
    assert_eq!(x.passing, ["Kota Bogor"]);
    let both = ["Bupati Bogor dan Wali Kota Bogor bertemu."];
    assert_eq!(find(Some("BOGOR"), both).regions, ["Kota Bogor", "Bogor"]);
    assert_eq!(
        find(Some("BOGOR"), ["Warga berkumpul di alun-alun."]).regions,
        ["Kota Bogor"]
    );
    assert_eq!(find(Some("Palu"), []).provinces, ["Sulawesi Tengah"]);
}

#[test]
fn mentions_show_the_words_that_named_each_place() {
    let m = mentions(["Tamu dari Pemkab Blora makan nasi Padang", "warga Medan"]);
    let got: Vec<(&str, usize, &str, bool)> = m
        .iter()
        .map(|m| (m.place.as_str(), m.text, m.context.as_str(), m.prefixed))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Blora",
                0,
                "tamu dari [pemkab blora] makan nasi padang",
                true
            ),
            ("Medan", 1, "warga [medan]", false),
        ]
    );
    assert_eq!((m[1].before.as_str(), m[1].after.as_str()), ("warga", ""));
    assert!(m[1].capitalised);
}

#[test]
fn one_word_names_written_as_two_and_misspelt_phrases() {
    assert_eq!(f("banjir di Padang Sidimpuan").regions, ["Padangsidimpuan"]);
    assert_eq!(f("hujan di Padang Sidempuan").regions, ["Padangsidimpuan"]);
    assert_eq!(f("Pemkot Padang Sidempuan").regions, ["Padangsidimpuan"]);
    // The place alone, and a lower-case common word after it, stay as they were.
    assert_eq!(f("warga Padang Sumatera Barat").regions, ["Padang"]);
    assert_eq!(f("dari Sabang sampai Marauke"), Found::default());
    assert_eq!(
        f("Wali Kota Sabang dan Bupati Merauke").regions,
        ["Sabang", "Merauke"]
    );
}

#[test]
fn a_neighbourhood_named_like_a_regency_elsewhere() {
    assert_eq!(
        f("ditemui di Manggarai, Jakarta Selatan, Selasa").regions,
        ["Jakarta Selatan"]
    );
    // A list of places keeps each; `Manggarai` beside Jakarta is its neighbourhood even so.
    assert_eq!(
        f("di Sorong, Jakarta Selatan dan Medan").regions,
        ["Kota Sorong", "Jakarta Selatan", "Medan"]
    );
    assert_eq!(
        f("di Manggarai, Jakarta Selatan dan Medan").regions,
        ["Jakarta Selatan", "Medan"]
    );
    assert_eq!(
        f("kota Medan, Surabaya, Makassar").regions,
        ["Medan", "Surabaya", "Makassar"]
    );
    // The same province: a regency and its neighbour, both places.
    assert_eq!(
        f("banjir di Demak, Jepara, Senin")
            .regions
            .first()
            .map(String::as_str),
        Some("Demak")
    );
}

#[test]
fn well_known_short_names() {
    let x = f("macet di Solo dan Jogja");
    assert_eq!(x.regions, ["Surakarta"]);
    assert_eq!(x.provinces, ["Jawa Tengah", "DI Yogyakarta"]);
    assert_eq!(f("Pemkot Jogja menata pasar").regions, ["Yogyakarta"]);
    assert_eq!(f("Yogya").provinces, ["DI Yogyakarta"]);
    assert!(f("karier solo dan konser").regions.is_empty());
    assert!(
        f("pelantun Solo itu merilis comeback Solo dan single Solo")
            .regions
            .is_empty()
    );
    assert_eq!(f("penyanyi asal Solo").regions, ["Surakarta"]);
    assert!(
        f("Umumkan Debut Solo dan Album Solo Pertama")
            .regions
            .is_empty()
    );
}

#[test]
fn regional_short_forms_name_their_regions() {
    // The coined short forms regional news writes for its regencies and cities.
    assert_eq!(
        f("Warga Tangsel dan Jaksel terjebak macet, Pemkab Kukar dan Pemkab Sergai siaga").regions,
        [
            "Tangerang Selatan",
            "Jakarta Selatan",
            "Kutai Kartanegara",
            "Serdang Bedagai"
        ]
    );
    assert_eq!(f("DPRD Rohul menggelar rapat").provinces, ["Riau"]);
    // Written in lower case they are not the place.
    assert!(f("kobar semangat para pemain").regions.is_empty());
    // A renamed regency keeps its old name and takes its new one.
    assert_eq!(
        f("Bupati Kepulauan Tanimbar meresmikan pasar").regions,
        ["Maluku Tenggara Barat"]
    );
    // A short form a capital-letter acronym would be: only in capitals.
    assert_eq!(
        f("Buruh KBB demo di Soreang, Bandung")
            .regions
            .first()
            .map(String::as_str),
        Some("Bandung Barat")
    );
    assert!(f("Kbb adalah singkatan").regions.is_empty());
}

#[test]
fn a_short_form_that_is_also_a_word_or_another_place_counts_where_the_article_places_it() {
    // `Mabar` is also gamers' slang (playing together), `Basel` a Swiss city, `Loteng` an
    // attic: alone they are not the regency.
    assert!(f("Ayo Mabar malam ini di server baru").regions.is_empty());
    assert!(f("FC Basel menang 2-0").regions.is_empty());
    assert!(f("Loteng rumah itu bocor").regions.is_empty());
    // With their province, or another of its regions, named in full they are.
    assert_eq!(
        f("Wisatawan memadati Labuan Bajo, Mabar, NTT").regions,
        ["Manggarai Barat"]
    );
    assert_eq!(
        f("Pemkab Loteng dan Pemkab Lombok Timur bekerja sama").regions,
        ["Lombok Tengah", "Lombok Timur"]
    );
}

#[test]
fn papua_2022_provinces() {
    for (text, prov) in [
        ("Merauke", "Papua Selatan"),
        ("Asmat", "Papua Selatan"),
        ("Mimika", "Papua Tengah"),
        ("Nabire", "Papua Tengah"),
        ("Jayawijaya", "Papua Pegunungan"),
        ("Lanny Jaya", "Papua Pegunungan"),
        ("Raja Ampat", "Papua Barat Daya"),
        ("Kota Sorong", "Papua Barat Daya"),
        ("Pemkab Sorong", "Papua Barat Daya"),
        ("Jayapura", "Papua"),
        ("Manokwari", "Papua Barat"),
        ("Fakfak", "Papua Barat"),
    ] {
        assert_eq!(f(text).provinces, [prov], "{text}");
    }
    // The longest name wins.
    assert_eq!(f("Papua Barat Daya").provinces, ["Papua Barat Daya"]);
    assert_eq!(f("Sorong Selatan").regions, ["Sorong Selatan"]);
}

#[test]
fn order_dateline_first_then_mentions_without_duplicates() {
    let x = find(
        Some("Lubuklinggau"),
        ["Pemkab Blora dan Muratara", "lalu Blora, Jateng dan Sumsel"],
    );
    assert_eq!(x.regions, ["Lubuk Linggau", "Blora", "Musi Rawas Utara"]);
    assert_eq!(x.provinces, ["Sumatera Selatan", "Jawa Tengah"]);
    assert_eq!(find(Some("Dusun Antah"), ["tanpa nama"]), Found::default());
    assert_eq!(find(Some(""), [""]), Found::default());
}

#[test]
fn malformed_table_lines_are_skipped() {
    let g = Gazetteer::parse(
        "# c\nprovince\t11\t-\tAceh\tAceh\t\t-\nbad line\nregency\t1\t99\tX\tX\t\t-\n",
    );
    assert_eq!(g.provinces.len(), 1);
    let x = g.find(None, ["X di Aceh"]);
    // A region whose province is unknown still counts as a region.
    assert_eq!(x.regions, ["X"]);
    assert_eq!(x.provinces, ["Aceh"]);
}

#[test]
fn common_word_names_beginning_other_places() {
    // `Padang` and `Medan` are also common words: other places' names begin with them.
    for text in [
        "proyek underpass Padang Luar dikebut",
        "sumur gas Padang Pancuran di sumatera selatan",
        "rumah warga Medan Satria terbakar",
        "kata kepala polsek Padang Tualang itu kepada wartawan",
        // A function word misspelt: `dairi` for `dari`, `barru` for `baru`.
        "butuh waktu untuk pulih dairi cederanya",
        "rumah itu barru dibangun",
    ] {
        assert_eq!(f(text).regions, Vec::<String>::new(), "{text}");
    }
    for (text, region) in [
        ("warga Medan Johor mengungsi", "Medan"),
        ("rumah di Padang Barat terbakar", "Padang"),
        ("gempa di Padang Sumatera Barat", "Padang"),
        ("tol Padang-Sicincin dibuka", "Padang"),
        ("penerbangan rute Medan Kualanamu ke Solo", "Medan"),
        ("banjir di Padang. Warga mengungsi", "Padang"),
        // A headline capitalises every word.
        ("Ratusan Pelajar di Medan Ikut Demo", "Medan"),
        ("warga Dairi dan Barru", "Dairi"),
    ] {
        assert_eq!(
            f(text).regions.first().map(String::as_str),
            Some(region),
            "{text}"
        );
    }
}

#[test]
fn a_bare_name_a_city_and_a_regency_share_takes_the_level_the_article_names() {
    // The city, as news usually means, when nothing says otherwise.
    assert_eq!(
        f("Banjir melanda Bogor sejak pagi.").regions,
        ["Kota Bogor"]
    );
    // The regency throughout, when only it is named with its prefix.
    let x = find(
        None,
        [
            "Polres Sukabumi menangkap dua pelaku.",
            "Bupati Sukabumi meminta warga tenang.",
        ],
    );
    assert_eq!(x.regions, ["Sukabumi"]);
    let m = mentions(["Satpol PP Pasuruan menyegel toko di Kabupaten Pasuruan."]);
    assert!(m.iter().all(|m| m.place == "Pasuruan"), "{m:?}");
    // Both named with their prefixes: a bare one stays the city.
    assert_eq!(
        f("Wali Kota Bogor dan Bupati Bogor bertemu di Bogor.").regions,
        ["Kota Bogor", "Bogor"]
    );
}

#[test]
fn a_rank_or_a_dish_before_a_town_name_is_not_the_town() {
    assert!(
        f("Tim dipimpin Ipda Samosir bersama dua anggota.")
            .regions
            .is_empty()
    );
    assert!(f("Bripka Muna menerima penghargaan.").regions.is_empty());
    assert!(f("Sambal Binjai laris dijual di pasar.").regions.is_empty());
    assert_eq!(f("Warga Samosir menyambut tamu.").regions, ["Samosir"]);
}

#[test]
fn a_clan_name_counts_only_where_the_article_places_it() {
    // A surname or a title (`Karo` = Kepala Biro) in news from elsewhere.
    for text in [
        "Ketua paguyuban pasien, Budi Samosir, mengatakan iuran naik.",
        "Ganda campuran Andi Samosir dan Citra Dewi melaju ke final.",
        "Pesan itu disampaikan Brigjen Contoh dari Karo Persidangan Setjen.",
        "Hal itu dijelaskan Karo BKN di Jakarta.",
    ] {
        assert!(f(text).regions.is_empty(), "{text}");
    }
    // Named with its province or another region of it, or after a word that says where.
    assert_eq!(
        f("Budi Samosir, Kepala Dinas Pariwisata Sumatera Utara, meninjau Danau Toba.").regions,
        ["Samosir"]
    );
    assert_eq!(
        f("Banjir melanda Langkat, Karo dan Dairi.").regions,
        ["Langkat", "Karo", "Dairi"]
    );
    assert_eq!(f("Erupsi terjadi di Karo kemarin.").regions, ["Karo"]);
    assert_eq!(f("Petani Tanah Karo panen jeruk.").regions, ["Karo"]);
    for text in [
        "Wisatawan memadati Pulau Samosir saat libur.",
        "Mahasiswa asal Karo menggelar aksi.",
        // One of its own districts before it places it too.
        "Pengunjung ramai di Pangururan, Samosir.",
        "Warga Kabanjahe, Karo, mengungsi.",
    ] {
        assert_eq!(f(text).regions.len(), 1, "{text}");
    }
}

#[test]
fn a_prefix_gives_its_level_to_the_whole_list_it_begins() {
    assert_eq!(
        f("Banjir melanda Kabupaten Tulungagung, Blitar dan Kediri.").regions,
        ["Tulungagung", "Blitar", "Kediri"]
    );
    assert_eq!(
        f("Polusi tertinggi di Kabupaten Karawang dan Bekasi, lalu Kota Bogor.").regions,
        ["Karawang", "Bekasi", "Kota Bogor"]
    );
    // A new sentence or a word between ends the list.
    assert_eq!(
        f("Warga Kabupaten Karawang mengeluh. Bekasi juga terdampak.").regions,
        ["Karawang", "Kota Bekasi"]
    );
    assert_eq!(
        f("Banjir di Kabupaten Malang. Dan Blitar juga terdampak.").regions,
        ["Malang", "Kota Blitar"]
    );
}

#[test]
fn a_regency_after_provinsi_is_a_proposed_province_unless_it_is_the_capital() {
    assert!(
        f("DPD mendukung pemekaran Provinsi Kapuas Raya dari Kalimantan Barat.")
            .regions
            .is_empty()
    );
    assert_eq!(
        f("Kabut asap menyelimuti ibu kota provinsi Pekanbaru sejak pagi.").regions,
        ["Pekanbaru"]
    );
    assert_eq!(
        f("Pemprov Jambi menetapkan siaga darurat.").provinces,
        ["Jambi"]
    );
}

#[test]
fn a_newspaper_a_noble_a_football_association_or_a_dish_named_with_a_town_is_not_the_town() {
    for text in [
        "Hal itu dikatakannya kepada Pos Kupang, Selasa.",
        "Liputan itu dimuat Banjarmasin Post dan media lain.",
        "Wisuda digelar di Auditorium GPH Haryo Mataram kampus itu.",
        "Pemain belakang Andi (Askab Bekasi) dipanggil ke tim nasional.",
        "Menu andalannya ayam goreng Bukittinggi di Jakarta Selatan.",
        "Penari membawakan tari topeng Cirebon di Yogyakarta.",
        "Restoran itu menawarkan hidangan Padang di Jakarta Selatan.",
        "Tiket Derbi Mataram di Yogyakarta ludes.",
    ] {
        let found = f(text).regions;
        assert!(
            found
                .iter()
                .all(|r| ["Yogyakarta", "Jakarta Selatan"].contains(&r.as_str())),
            "{text}: {found:?}"
        );
    }
    // A guard post or the post office of the town is the town, and so is its milk.
    assert_eq!(f("Petugas berjaga di pos Kupang.").regions, ["Kota Kupang"]);
    assert_eq!(
        f("Antrean warga mengular di Kantor Pos Bogor.").regions,
        ["Kota Bogor"]
    );
    assert_eq!(
        f("Produksi susu Boyolali naik tahun ini.").regions,
        ["Boyolali"]
    );
}

#[test]
fn a_main_road_lineage_eatery_or_good_named_after_a_town_is_not_the_town() {
    for text in [
        "Macet panjang terjadi di Jalan Raya Bekasi, Jakarta Timur.",
        "Kecelakaan di Jl. Raya Pandeglang, Serang.",
        "Ia keturunan trah Mataram dari Yogyakarta.",
        "Mereka makan di Restoran Padang Sederhana Jakarta.",
        "Kami antre di kedai Medan di Kemang.",
        "Oleh-oleh lapis Bogor laris di Jakarta.",
        "Pasokan aspal Buton defisit di Kalimantan.",
    ] {
        let found = f(text).regions;
        assert!(
            !found.iter().any(|r| [
                "Kota Bekasi",
                "Bekasi",
                "Pandeglang",
                "Mataram",
                "Padang",
                "Medan",
                "Kota Bogor",
                "Buton"
            ]
            .contains(&r.as_str())),
            "{text}: {found:?}"
        );
    }
    // Breeds, produce, papers and a hospital named after a town elsewhere; a country named
    // with a province.
    for (text, not) in [
        ("Kontes ternak domba Garut digelar di Depok.", "Garut"),
        (
            "kata pedagang kepada Kalteng Pos di Jakarta.",
            "Kalimantan Tengah",
        ),
        (
            "Pantauan Posmetro Medan di Langkat, antrean mengular.",
            "Medan",
        ),
        ("Korban dibawa ke RSUD Tarakan di Jakarta.", "Tarakan"),
        (
            "Warga Papua Nugini menyeberang ke Jayapura.",
            "Papua Nugini",
        ),
    ] {
        let found = f(text);
        assert!(
            !found.regions.iter().any(|r| r == not) && !found.provinces.iter().any(|p| p == not),
            "{text}: {found:?}"
        );
    }
    assert_eq!(
        f("Warga Papua Nugini menyeberang.").provinces,
        Vec::<String>::new()
    );
    assert_eq!(
        f("Korban dibawa ke RSUD Tarakan.").regions,
        ["Jakarta Pusat"]
    );
    // Units below the district named like a region elsewhere, and a river.
    assert_eq!(
        f("Warga Padukuhan Depok, Kalurahan Ambarketawang, Kapanewon Gamping, Sleman").regions,
        ["Sleman"]
    );
    assert_eq!(
        f("Festival digelar di tepi Sungai Batang Hari, Kota Jambi").regions,
        ["Jambi"]
    );
    // In lower case those words are ordinary: the place counts.
    for (text, place) in [
        (
            "Warga diajak menjaga lingkungan Bogor tetap bersih.",
            "Kota Bogor",
        ),
        ("Perantau pulang kampung Garut jelang Lebaran.", "Garut"),
        ("Kasus harian Surabaya turun.", "Surabaya"),
    ] {
        assert_eq!(f(text).regions, [place], "{text}");
    }
    // Within a government (`di lingkungan Pemkab Sleman`) the region stays.
    assert_eq!(f("ASN di lingkungan Pemkab Sleman").regions, ["Sleman"]);
    // A political dynasty is the region's own news.
    assert_eq!(
        f("Kritik terhadap dinasti Banten menguat.").provinces,
        ["Banten"]
    );
    // A landmark's road is in the landmark.
    assert_eq!(
        f("Truk terguling di Jalan Raya Puncak, Bogor.").regions,
        ["Bogor"]
    );
    // A road of the town, lower case, is the town.
    assert_eq!(
        f("Warga mengeluhkan jalan raya Bekasi yang rusak.").regions,
        ["Kota Bekasi"]
    );
}

#[test]
fn a_name_a_province_shares_with_its_capital_is_the_province_unless_the_city_is_named() {
    for text in [
        "Stadion Maguwoharjo, Sleman, Yogyakarta, penuh.",
        "Pabrik itu berada di Kabupaten Bantul, Yogyakarta.",
    ] {
        let x = f(text);
        assert!(
            !x.regions.contains(&"Yogyakarta".to_string()),
            "{text}: {x:?}"
        );
        assert_eq!(x.provinces, ["DI Yogyakarta"], "{text}");
    }
    // On its own, or after a region of another province, it is the province too, as
    // `Gorontalo` and `Jambi` are: writers use it of the whole province (`Stadion
    // Maguwoharjo, Yogyakarta` is in Sleman).
    let x = f("Warga Yogyakarta berkumpul.");
    assert!(x.regions.is_empty(), "{x:?}");
    assert_eq!(x.provinces, ["DI Yogyakarta"]);
    let x = f("Dari Klaten ke Yogyakarta hanya sejam.");
    assert_eq!(x.regions, ["Klaten"]);
    assert_eq!(x.provinces, ["Jawa Tengah", "DI Yogyakarta"]);
    assert!(f("Warga Gorontalo berkumpul.").regions.is_empty());
    // The city's own words name the city.
    for text in [
        "Wali Kota Yogyakarta meninjau pasar.",
        "Pemkot Yogyakarta menata Malioboro.",
        "Warga Kota Yogyakarta berkumpul.",
    ] {
        assert_eq!(f(text).regions, ["Yogyakarta"], "{text}");
    }
}

#[test]
fn a_short_form_and_a_direction_name_the_region_split_off() {
    assert_eq!(
        f("ASN pindahan dari Kabupaten Bolmong Utara (Bolmut) diperiksa.").regions,
        ["Bolaang Mongondow Utara"]
    );
    assert_eq!(
        f("Warga Bolmong Timur dan Bolmong berkumpul.").regions,
        ["Bolaang Mongondow Timur", "Bolaang Mongondow"]
    );
}

#[test]
fn a_team_named_by_its_town_and_its_sponsor_is_no_place_in_a_sport_article() {
    let article = [
        "Jadwal Proliga Pekan Ini",
        "Laga pembuka turnamen voli Proliga digelar di GOR Tri Dharma, Gresik, Jumat.",
        "Tim putra Palembang Bank Contoh akan melawan Surabaya Bhayangkara Contoh.",
        "Kompetisi berlanjut pekan depan. Pebalap asal Bulukumba Andi Contoh ikut menonton.",
        "Pebulutangkis asal Cimahi Jawa Barat itu juga hadir.",
        "Final digelar di GOR Kediri Indah dan diundi di Malang Minggu (15/12).",
    ];
    let x = find(None, article);
    let all: Vec<&String> = x.regions.iter().chain(&x.passing).collect();
    // The venue's town stays; the sponsors' teams go; a player's home town, a town followed
    // by its province, a venue's name and a town before a day are no teams.
    let has = |name: &str| all.iter().any(|r| *r == name);
    assert!(has("Gresik"), "{x:?}");
    assert!(!has("Palembang") && !has("Surabaya"), "{x:?}");
    for town in ["Bulukumba", "Cimahi", "Kota Kediri", "Kota Malang"] {
        assert!(has(town), "{town}: {x:?}");
    }
    // Outside an article about sport the same words are places.
    let x = find(
        None,
        ["Warga Palembang Bank Contoh menabung di Surabaya Bhayangkara Contoh."],
    );
    assert_eq!(x.regions, ["Palembang", "Surabaya"]);
}

#[test]
fn a_village_or_district_head_is_named_after_the_village_not_a_regency() {
    // Banjarnegara is also a village of Cilegon.
    let x = f("Warga Cilegon mengeluh, Lurah Banjarnegara meminta maaf.");
    assert_eq!(x.regions, ["Cilegon"]);
    assert!(
        f("Kades Kendal dan Camat Karanganyar hadir.")
            .regions
            .is_empty()
    );
}

#[test]
fn a_bare_bangka_is_the_island_and_its_province() {
    let x = f("Ia terbang ke Bangka pekan lalu.");
    assert!(x.regions.is_empty(), "{x:?}");
    assert_eq!(x.provinces, ["Kepulauan Bangka Belitung"]);
    assert_eq!(f("Bupati Bangka meninjau pantai.").regions, ["Bangka"]);
    assert_eq!(
        f("Pemkab Bangka Barat membuka pasar.").regions,
        ["Bangka Barat"]
    );
    // An old man (`tua bangka`) is no island.
    assert!(f("dasar tua bangka itu").provinces.is_empty());
}

#[test]
fn a_papuan_district_and_a_regency_spelt_only_with_its_prefix_are_no_other_region() {
    // `Distrik` is Papua's word for a district.
    assert_eq!(
        f("Warga Distrik Manokwari Selatan, Kabupaten Manokwari, memilih.").regions,
        ["Manokwari"]
    );
    // `Batu Bara` needs its prefix; bare it is no Kota Batu either.
    assert!(f("Kapolres Batu Bara meninjau lokasi.").regions.is_empty());
    assert_eq!(
        f("Pemkab Batu Bara meninjau lokasi.").regions,
        ["Batu Bara"]
    );
    assert_eq!(f("Polres Batu menangkap pelaku.").regions, ["Batu"]);
}

#[test]
fn a_regency_named_bare_beside_one_whose_name_goes_on_from_it_is_its_short_name() {
    // `Konawe` for the Konawe Kepulauan the text names in full: in passing.
    let x = find(
        None,
        [
            "Demo Warga Konawe Disambut Aparat",
            "Ratusan warga dari Kabupaten Konawe Kepulauan berunjuk rasa.",
        ],
    );
    assert_eq!(x.regions, ["Konawe Kepulauan"]);
    assert_eq!(x.passing, ["Konawe"]);
    // Named with its level, in a list of regions, or as an office's seat, it is itself.
    let listed = find(
        None,
        ["Banjir melanda Konawe, Konawe Selatan dan Konawe Utara pekan ini."],
    );
    assert_eq!(listed.regions, ["Konawe", "Konawe Selatan", "Konawe Utara"]);
    let level = find(
        None,
        ["Bupati Konawe dan Bupati Konawe Utara membahas tapal batas."],
    );
    assert_eq!(level.regions, ["Konawe", "Konawe Utara"]);
    let seat = find(
        None,
        [
            "Enam ASN Kolaka Timur Divonis",
            "Hakim PN Kolaka memvonis mereka.",
            "Mereka akan menjalani hukuman di Rutan Kolaka.",
        ],
    );
    assert!(seat.regions.contains(&"Kolaka".to_string()));
    // A province after the name is where it lies, not a list (`wilayah Konawe, Sulawesi
    // Tenggara` in news of Konawe Utara).
    let x = find(
        None,
        [
            "Eks Bupati Konawe Utara Diperiksa",
            "Izin tambang di wilayah Konawe, Sulawesi Tenggara, diperiksa.",
        ],
    );
    assert_eq!(x.regions, ["Konawe Utara"]);
    // Named bare more than once it is the story's own, whatever its neighbour.
    let x = find(
        None,
        [
            "Banjir merendam ribuan rumah di Konawe sejak Jumat.",
            "Warga di Konawe mengungsi.",
            "Bupati Konawe Utara mengirim bantuan.",
        ],
    );
    assert_eq!(x.regions, ["Konawe", "Konawe Utara"]);
}

#[test]
fn a_chapter_its_leader_is_named_with_is_an_affiliation() {
    // Supporters listed by the chapters they lead: their towns are not the story's.
    let x = find(
        None,
        [
            "Warga Halmahera Timur Datangi Kementerian",
            "Hadir antara lain Koordinator Korps Alumni (KAHMI) Polewali Mandar, Muhsin Fattah; \
             dan Ketua DPC Serikat Pengemudi (Speed) Kota Bekasi, Syarif Hidayat.",
        ],
    );
    assert_eq!(x.regions, ["Halmahera Timur"]);
    assert_eq!(x.passing, ["Polewali Mandar", "Kota Bekasi"]);
    // An organisation spelt out with commas in its name, its short form in brackets.
    let x = find(
        None,
        [
            "Pejabat Teluk Bintuni Dilaporkan",
            "Direktur Eksekutif Lembaga Penelitian, Pengkajian dan Pengembangan Bantuan Hukum \
             (LP3BH) Manokwari, Yan Christian Warinussy menyesalkan sikap pejabat di Kabupaten \
             Teluk Bintuni.",
        ],
    );
    assert_eq!(x.regions, ["Teluk Bintuni"], "{x:?}");
    assert_eq!(x.passing, ["Manokwari"], "{x:?}");
    // With no other region placed in the paragraph, a local body's head speaks of his own
    // region's news (the review's case).
    let x = find(
        None,
        [
            "Pedagang Tolak Relokasi",
            "Ratusan pedagang menolak rencana relokasi ke gedung baru.",
            "Ketua Asosiasi Pedagang Pasar, Kaki Lima, dan Asongan (APPKLA) Kota Padang, \
             Andri Putra, mengatakan lokasi baru sepi pembeli.",
        ],
    );
    assert_eq!(x.regions, ["Padang"], "{x:?}");
    // A region's own assembly or commission speaks of it.
    let x = find(
        None,
        [
            "Korban Trauma",
            "Ketua Komisi Perlindungan Anak Daerah (KPAD) Kota Bekasi, Aris Setiawan, mengatakan \
             lembaganya fokus pada pemulihan.",
        ],
    );
    assert_eq!(x.regions, ["Kota Bekasi"]);
}
