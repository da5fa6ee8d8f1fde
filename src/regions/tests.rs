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
    let x = f("Pemkab OKI dan Muba, warga Muratara di Lubuklinggau, Sumsel");
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
    assert_eq!(
        find(Some("Kota Bogor"), about_regency).regions,
        ["Kota Bogor", "Bogor"]
    );
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
        ["Natuna", "Rembang"]
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
    // The writer's own placing in another region of the province stays beside it.
    assert_eq!(
        f("Pameran di ICE BSD Tangerang Selatan dibuka").regions,
        ["Tangerang", "Tangerang Selatan"]
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
    let x = f("Ruas tol Cikunir-Bekasi Barat dan jalan di Kabupaten Bekasi");
    assert!(x.regions.contains(&"Kota Bekasi".to_string()), "{x:?}");
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
    // A list of regions that goes on after the second is a list, and so is one within a
    // province, where both readings are as likely.
    assert_eq!(
        f("hujan di Depok, Sleman, dan Bantul").regions,
        ["Depok", "Sleman", "Bantul"]
    );
    assert_eq!(
        f("pameran di Lamongan, Jombang, Jember, dan Banyuwangi.").regions,
        ["Lamongan", "Jombang", "Jember", "Banyuwangi"]
    );
    assert_eq!(
        f("warga Depok mengungsi ke Sleman.").regions,
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
