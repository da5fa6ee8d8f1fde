//! The region finder on short synthetic texts: a region's name that names no place of it
//! (a town abroad, a clock's zone).

use super::find;
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

#[test]
fn a_name_the_text_places_in_a_province_holding_a_district_of_its_name_is_that_town() {
    // Ketapang is a district of Sampang, and a port of Banyuwangi, in East Java; the regency
    // lies in West Kalimantan. Its bare mentions after are the town too.
    let port = [
        "Kapal tenggelam di Selat Bali",
        "Kapal berangkat dari Pelabuhan Ketapang, Bayuwangi, Jawa Timur ke Pelabuhan \
         Gilimanuk, Bali.",
        "Sebanyak 20 orang diserahkan ke keluarga di Ketapang dan sembilan di Gilimanuk.",
    ];
    let x = find(None, port);
    assert!(x.regions.is_empty() && x.passing.is_empty(), "{x:?}");
    // A writer's wrong province holds no district of the name: the region stays.
    assert_eq!(
        f("Rafly kelahiran Gowa, Sumatera Selatan, 4 Oktober 1999, ditangkap.").regions,
        ["Gowa"]
    );
    // Its own province, or a list of places and provinces, keeps the region.
    for text in [
        "Kapal dari Ketapang, Kalimantan Barat, menuju Jawa Timur tenggelam.",
        "Asap melanda Riau, Ketapang, Jawa Timur dan Bali pekan ini.",
    ] {
        assert!(f(text).regions.contains(&"Ketapang".to_string()), "{text}");
    }
    // Nor is the name alone before another province, a clause's end as often as not.
    let x = find(
        None,
        [
            "Gempa Guncang Sukabumi",
            "Gempa mengguncang Sukabumi, Jawa Barat. Selain di Sukabumi, Lampung juga \
             merasakan getaran.",
        ],
    );
    assert_eq!(x.regions, ["Kota Sukabumi"], "{x:?}");
    // Another province named anywhere else in the text says nothing of the name.
    let x = find(
        None,
        [
            "Truk Terguling di Pantura Kendal",
            "Truk bermuatan semen asal Jawa Timur terguling di jalur Pantura Kendal.",
        ],
    );
    assert_eq!(x.regions, ["Kendal"], "{x:?}");
}

#[test]
fn a_dish_and_a_people_named_after_a_region_are_no_places() {
    for (text, not) in [
        (
            "Kenikmatan makan di Warung Soto Dok Lamongan tidak terlupakan.",
            "Lamongan",
        ),
        (
            "Warga antre di kedai Sate Kambing Tegal milik Pak Ali.",
            "Kota Tegal",
        ),
        (
            "Tumou tou adalah nilai filosofi etnis Minahasa yang dipegang warga.",
            "Minahasa",
        ),
    ] {
        let x = f(text);
        assert!(!x.regions.contains(&not.to_string()), "{text}: {x:?}");
    }
    // A conflict is named by its place; the dish's word alone before a place is a trip.
    assert_eq!(
        f("Ia mengenang kerusuhan etnis Poso tahun 2000.").regions,
        ["Poso"]
    );
    assert_eq!(
        f("Pedagang soto pulang ke Lamongan kemarin.").regions,
        ["Lamongan"]
    );
    // A school's kind in capitals is no dish (`MI`, a madrasah).
    assert_eq!(
        f("Atap dua ruang kelas MI Nurul Huda Kendal ambruk diterjang angin.").regions,
        ["Kendal"]
    );
}

#[test]
fn an_island_named_like_a_regency_it_lies_outside_is_its_own_regencys() {
    let x = f("Kapal rute Mansalean menuju Pulau Banggai tenggelam di perairan Labobo.");
    assert_eq!(x.regions, ["Banggai Laut"]);
    assert_eq!(
        f("Banjir melanda Luwuk, Banggai, kemarin.").regions,
        ["Banggai"]
    );
}

#[test]
fn a_village_placed_in_another_provinces_district_is_that_village_throughout() {
    let opening = "Massa aksi dari desa Buleleng, Kecamatan Bungku Pesisir, Kabupaten Morowali, \
                   mendatangi kantor perusahaan.";
    let demand = "Masyarakat Buleleng meminta perusahaan mengembalikan lahan warga.";
    assert_eq!(find(None, [opening, demand]).regions, ["Morowali"]);
    // The bare name alone is the regency.
    assert_eq!(find(None, [demand]).regions, ["Buleleng"]);
    // A district of the region's own province places only the one mention.
    // Not written as a village: a list along a border, or a street.
    for (text, kept) in [
        (
            "Banjir merendam rumah di Cilacap, Kecamatan Lakbok, dan Kecamatan Purwadadi, \
             Kabupaten Ciamis. BPBD Cilacap mengirim perahu karet ke Cilacap.",
            "Cilacap",
        ),
        (
            "Gudang di Jalan Bandung, Kecamatan Klojen, Kota Malang digerebek. Jaringan itu \
             dikendalikan dari Bandung.",
            "Kota Bandung",
        ),
    ] {
        assert!(f(text).regions.contains(&kept.to_string()), "{text}");
    }
    let home = "Warga desa Pasuruan, Kecamatan Kedungkandang, Kota Malang, berkumpul.";
    let again = "Hujan juga mengguyur Pasuruan sore itu.";
    assert_eq!(
        find(None, [home, again]).regions,
        ["Kota Malang", "Kota Pasuruan"]
    );
}

#[test]
fn an_island_placed_in_another_region_is_the_island() {
    let text = "Gelombang tinggi menghantam pulau Rangsang, pulau Merbau dan pulau Padang di \
                Kabupaten Kepulauan Meranti.";
    assert_eq!(f(text).regions, ["Kepulauan Meranti"]);
    // A comma goes on a list, and an official says who acts.
    for text in [
        "Getaran kuat dirasakan di pulau Alor, Kabupaten Lembata, dan Flores Timur.",
        "Kapal tenggelam di perairan pulau Alor, Bupati Lembata langsung mengirim tim SAR.",
    ] {
        assert!(f(text).regions.contains(&"Alor".to_string()), "{text}");
    }
    // An island that is its region, or one the text places in it, stays.
    assert_eq!(
        f("Wisatawan ramai mengunjungi Pulau Simeulue di Kabupaten Simeulue.").regions,
        ["Simeulue"]
    );
    assert_eq!(
        f("Kapal merapat di pulau Padang pagi tadi.").regions,
        ["Padang"]
    );
}

#[test]
fn a_regencys_town_written_as_a_city_is_the_town() {
    let road = "Ruas jalan yang menghubungkan Kota Tebing Tinggi dengan Kecamatan Pendopo di \
                Kabupaten Empat Lawang tertimbun longsor.";
    let warning = "Warga di Pendopo maupun Kota Tebing Tinggi diminta tidak melintas.";
    assert_eq!(find(None, [road, warning]).regions, ["Empat Lawang"]);
    // The city, where the text names its own province's places or no regency holding a
    // town of its name.
    let north = "Truk dari Kabupaten Serdang Bedagai juga melintas di jalan itu.";
    assert!(
        find(None, [road, warning, north])
            .regions
            .contains(&"Tebing Tinggi".to_string())
    );
    assert_eq!(f(warning).regions, ["Tebing Tinggi"]);
    // A city beside a visiting or partner regency is the city (the review's cases).
    for (text, city) in [
        (
            "Wali Kota Kediri menerima kunjungan kerja Bupati Tabanan di Balai Kota Kediri.",
            "Kota Kediri",
        ),
        (
            "Pemerintah Kota Padang mengirim bantuan untuk korban erupsi di Kabupaten \
             Lumajang.",
            "Padang",
        ),
        (
            "Mahasiswa asal Kabupaten Sleman ditemukan meninggal di Kecamatan Beji, Kota Depok.",
            "Depok",
        ),
    ] {
        assert!(f(text).regions.contains(&city.to_string()), "{text}");
    }
}

#[test]
fn a_far_regions_name_as_a_persons_surname_is_named_in_passing() {
    let body = |extra: &str| {
        find(
            Some("Pakpak Bharat"),
            [
                "Ricuh di Gedung DPRD",
                "Dua anggota DPRD nyaris baku hantam di gedung dewan.",
                "Parulian terlibat adu mulut dengan anggota DPRD dari Partai Golkar Lukman Padang.",
                extra,
            ],
        )
    };
    // The given name alone elsewhere, as a person's (`dengan Lukman`): the surname.
    let x = body("Penyebab kericuhan antara Parulian dengan Lukman belum diketahui.");
    assert_eq!(x.regions, ["Pakpak Bharat"], "{x:?}");
    assert_eq!(x.passing, ["Padang"], "{x:?}");
    // Never alone so, the words before the name are a facility's or a body's: the town.
    let x = body("Rapat itu digelar usai kunjungan ke Padang pekan lalu.");
    assert!(x.regions.iter().any(|r| r == "Padang"), "{x:?}");
    // A sentence's first noun used alone again, or a hero's name in a street's, is no
    // given name (the review's cases).
    for (place, other) in [
        (
            "Pedagang Padang mengeluhkan sepinya pembeli di pasar.",
            "Pedagang mengatakan pasar di Kota Medan lebih ramai, kata dia kepada Pedagang lain.",
        ),
        (
            "Proyek di Jalan Jenderal Sudirman Padang molor.",
            "Hal itu disampaikan oleh Sudirman, warga setempat, yang membandingkan proyek di Kota Medan.",
        ),
    ] {
        let x = find(None, ["Proyek dan Pasar", place, other]);
        assert!(x.regions.iter().any(|r| r == "Padang"), "{place}: {x:?}");
    }
    // A level before the name is an office's seat, not a surname.
    let x = find(
        Some("Pakpak Bharat"),
        [
            "Ricuh di Gedung DPRD",
            "Ketua Bawaslu Kota Padang hadir dalam rapat dengan Bawaslu setempat.",
        ],
    );
    assert!(!x.passing.is_empty() || x.regions.len() > 1, "{x:?}");
}

#[test]
fn a_region_in_a_list_of_peoples_is_its_people() {
    let x = f(
        "Di Kabupaten Bolaang Mongondow Timur hidup warga dari suku Mongondow, Jawa, \
         Sanger, Arab, Minahasa, Gorontalo dan lainnya.",
    );
    assert_eq!(x.regions, ["Bolaang Mongondow Timur"], "{x:?}");
    // A list of towns with a people's name or one place-named people in it stays towns.
    let x = f("Audisi digelar di Manado, Ambon, Kupang, Flores dan Semarang bulan ini.");
    assert!(x.regions.iter().any(|r| r == "Manado"), "{x:?}");
    let x = f("Peserta datang dari Jawa, Minahasa dan Manado.");
    assert!(x.regions.iter().any(|r| r == "Minahasa"), "{x:?}");
    // An address whose street or quarter is named after a people, then its province, is
    // the town's (the review's cases).
    for (text, town) in [
        (
            "Festival digelar di Kampung Arab, Pekalongan, Jawa Tengah, pekan ini.",
            "Pekalongan",
        ),
        (
            "Kebakaran melanda toko di Jalan Sunda, Bandung, Jawa Barat, Senin.",
            "Bandung",
        ),
        (
            "Gudang di Jalan Jawa, Sumbersari, Jember, Jawa Timur, terbakar.",
            "Jember",
        ),
    ] {
        let x = f(text);
        assert!(x.regions.iter().any(|r| r.ends_with(town)), "{text}: {x:?}");
    }
}

#[test]
fn a_great_city_police_seat_is_no_place_of_a_case_in_a_neighbour_district() {
    // `Polrestabes Medan` keeps districts of Deli Serdang: under the city's dateline, a case
    // the lede sets in one of them is the regency's.
    let body = [
        "Polisi Buru Perusak Kantor Ormas",
        "Polisi memburu perusak kantor ormas di Kecamatan Pancur Batu, Kabupaten Deli Serdang, Jumat dini hari.",
        "Kami minta warga tetap menjaga suasana kondusif di wilayah hukum Polrestabes Medan, kata Kabid Humas.",
    ];
    let x = find(Some("Medan"), body);
    assert_eq!(x.regions, ["Deli Serdang"]);
    // A case in the city's own district keeps the city.
    let x = find(
        Some("Medan"),
        [
            body[0],
            "Polisi memburu perusak kantor ormas di Kecamatan Medan Sunggal, Jumat dini hari.",
            body[2],
        ],
    );
    assert_eq!(x.regions, ["Medan"]);
}

#[test]
fn a_bare_name_is_the_split_off_region_the_text_places_the_story_in() {
    // The title shortens `Minahasa Utara`; the body says where.
    let x = find(
        None,
        [
            "Nelayan di Minahasa Hilang Diterjang Badai",
            "Dua nelayan di Minahasa Utara, Sulawesi Utara, dilaporkan hilang pada Rabu pagi.",
        ],
    );
    assert_eq!(x.regions, ["Minahasa Utara"]);
    // A unit named bare beside a fire the text sets in `Kabupaten Banggai Kepulauan`.
    let x = find(
        None,
        [
            "Sebelas Rumah Ludes Terbakar",
            "Kebakaran terjadi di Desa Bongganan, Kecamatan Tinangkung, Kabupaten Banggai Kepulauan, Minggu siang.",
            "Seorang warga menghubungi pihak Damkar Banggai.",
        ],
    );
    assert_eq!(x.regions, ["Banggai Kepulauan"]);
    // Named with its own level, or set in by the body, the parent stays.
    let x = find(
        None,
        [
            "Sebelas Rumah Ludes Terbakar",
            "Kebakaran terjadi di Kabupaten Banggai Kepulauan, Minggu siang.",
            "Bupati Banggai mengirim bantuan.",
        ],
    );
    assert_eq!(x.regions, ["Banggai Kepulauan", "Banggai"]);
    let x = find(
        None,
        [
            "Festival Budaya Digelar",
            "Festival dibuka di Kabupaten Sumbawa Barat pada Senin.",
            "Malam budaya dilaksanakan di Sumbawa pada Selasa.",
        ],
    );
    assert_eq!(x.regions, ["Sumbawa Barat", "Sumbawa"]);
}

#[test]
fn an_office_short_form_in_brackets_is_no_region() {
    // `Ketahanan Pangan` clipped is `Ketapang`, a regency in West Kalimantan.
    let x = f(
        "Pegawai live TikTok di Kantor Dinas Ketahanan Pangan (Ketapang) Kabupaten Mandailing Natal.",
    );
    assert_eq!(x.regions, ["Mandailing Natal"]);
    // A region's own short form is clipped from its name the same way.
    assert_eq!(
        f("Titik panas terbanyak di Indragiri Hulu (Inhu) pekan ini.").regions,
        ["Indragiri Hulu"]
    );
    // Not in brackets, the name is the region's.
    assert_eq!(
        f("Dinas Ketahanan Pangan Ketapang meninjau sawah warga.").regions,
        ["Ketapang"]
    );
}

#[test]
fn a_locality_named_after_a_region_is_where_the_sentence_places_it() {
    // `Sampang Pendeuy` is a hamlet in Lebak, Banten, not Madura's regency.
    let x = f(
        "Konflik lahan terjadi di Sampang Pendeuy, tepatnya di wilayah Kecamatan Cimarga, Kabupaten Lebak, Banten.",
    );
    assert_eq!(x.regions, ["Lebak"]);
    // Placed in its own province, the name stays.
    let x = f("Konflik lahan terjadi di Sampang Kota, tepatnya di Kabupaten Sampang, Jawa Timur.");
    assert_eq!(x.regions, ["Sampang"]);
    // A headline capitalises its verbs.
    let x = f("Perusahaan di Bandung Gugat Pemprov DKI Jakarta");
    assert_eq!(x.regions, ["Kota Bandung"]);
}
