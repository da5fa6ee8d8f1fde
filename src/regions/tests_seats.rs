//! The region finder on short synthetic texts: offices whose seat is not the story's place
//! (courts, rescue offices, embarkations, a great city's police) and short names of the
//! regions split off from another.

use super::find;
use super::tests_places::f;

#[test]
fn a_court_or_rescue_office_seat_gives_way_to_the_case_s_place() {
    // The corruption court spelt out, or as the special-class district court, tries its
    // province's cases in the capital.
    for court in [
        "Pengadilan Tindak Pidana Korupsi (Tipikor) Surabaya",
        "Pengadilan Tindak Pidana Korupsi Surabaya",
    ] {
        let x = find(
            Some("Sampang"),
            [
                "Kades Tanah Merah Disidang",
                &format!(
                    "Kasus dana desa Tanah Merah, Kecamatan Torjun, Sampang, bergulir di {court}, Senin."
                ),
            ],
        );
        assert_eq!(x.regions, ["Sampang"], "{court}");
    }
    let x = find(
        Some("Palembang"),
        [
            "Mantan Kades Disidang",
            "Mantan kades di Kecamatan Rawas Ulu, Kabupaten Musi Rawas Utara, menjalani sidang kasus korupsi dana desa di Pengadilan Negeri Kelas IA Khusus Palembang, Rabu.",
        ],
    );
    assert_eq!(x.regions, ["Musi Rawas Utara"]);
    // Its other trials are its city's: a killing at a Palembang market, the defendant from
    // Ogan Ilir.
    let x = find(
        Some("Palembang"),
        [
            "Pembunuh Pedagang Dituntut 15 Tahun",
            "Terdakwa pembunuhan pedagang Pasar 16 Ilir dituntut 15 tahun di Pengadilan Negeri Kelas IA Khusus Palembang, Rabu.",
            "Terdakwa merupakan warga Kecamatan Indralaya, Kabupaten Ogan Ilir.",
        ],
    );
    assert_eq!(x.regions, ["Palembang", "Ogan Ilir"]);
    // A crime's name is no court.
    assert_eq!(
        f("Kasus tindak pidana korupsi Surabaya diusut kejaksaan.").regions,
        ["Surabaya"]
    );
    // A rescue office named twice, the boat's port of departure and the survivors'
    // destination besides, is the office's town.
    let body = [
        "Kapal Tenggelam di Perairan Pulau Ram",
        "Kapal tenggelam di perairan Pulau Ram, Kabupaten Raja Ampat, Sabtu.",
        "Kepala Kantor Pencarian dan Pertolongan Sorong mengatakan tim bergerak.",
        "Korban dievakuasi ke Sorong dengan kapal SAR Sorong.",
    ];
    assert_eq!(find(None, body).regions, ["Raja Ampat"]);
    // Named once as the office's, the destination is more than its seat.
    let x = find(
        None,
        [
            body[0],
            body[1],
            "Korban dievakuasi ke Sorong dengan kapal SAR Sorong.",
        ],
    );
    assert_eq!(x.regions, ["Raja Ampat", "Kota Sorong"]);
    // Where the office's head spoke is its town too.
    let said = [
        "Cari Nelayan Hilang di Perairan Amahai, Maluku Tengah",
        "Pencarian nelayan asal Amahai, Kabupaten Maluku Tengah, yang hilang saat melaut memasuki hari ketiga.",
        "Laporan diterima dari Polairud, kata Kepala Basarnas Ambon, Muhammad Arafah, di Ambon, Rabu.",
        "Basarnas Ambon langsung mengerahkan kapal KN SAR ke lokasi.",
    ];
    let x = find(None, said);
    assert_eq!(x.regions, ["Maluku Tengah"], "{x:?}");
    assert_eq!(x.passing, ["Ambon"], "{x:?}");
    // Not without the day that marks the statement's place and time, nor where something
    // happened on that day (the review's case).
    for text in [
        "Laporan diterima dari Polairud, kata Kepala Basarnas Ambon, Muhammad Arafah, di Ambon.",
        "Sebuah speedboat tujuan Piru terbalik di Ambon, Rabu, setelah Basarnas Ambon memberi peringatan.",
    ] {
        let x = find(None, [said[0], said[1], text, said[3]]);
        assert_eq!(x.regions, ["Maluku Tengah", "Ambon"], "{text}: {x:?}");
    }
}

#[test]
fn a_hajj_embarkation_is_where_pilgrims_fly_from() {
    let body = [
        "Jamaah Haji Kloter Terakhir Tiba di Madinah",
        "Petugas haji menyambut jamaah di Bandara Madinah, Arab Saudi, Selasa.",
        "Kloter terakhir berasal dari kloter 97 Embarkasi Solo.",
        "Menyusul kloter 15 Embarkasi Balikpapan pada sore hari.",
    ];
    let x = find(None, body);
    assert!(x.regions.is_empty(), "{:?}", x.regions);
    assert_eq!(x.passing, ["Surakarta", "Balikpapan"]);
}

#[test]
fn a_great_city_police_keep_their_city_beside_other_regions() {
    // A suspect's home district is where he comes from, not where the case is.
    let x = find(
        None,
        [
            "Simpan Sabu, Pria Ini Diringkus",
            "Tim Satresnarkoba Polrestabes Makassar meringkus seorang pria di rumah kos di Jalan Urip Sumoharjo, Kamis malam.",
            "Pelaku merupakan warga Kecamatan Bontonompo, Kabupaten Gowa.",
            "Kasat Resnarkoba Polrestabes Makassar mengatakan penangkapan bermula dari laporan warga.",
        ],
    );
    assert_eq!(x.regions, ["Makassar", "Gowa"]);
    // Another region's district, told with its own police's raid, is theirs.
    let x = find(
        None,
        [
            "Razia Balap Liar, Puluhan Motor Diamankan",
            "Satlantas Polrestabes Surabaya mengamankan puluhan sepeda motor dalam razia di Jalan Raya Kenjeran, Sabtu.",
            "Kasat Lantas Polrestabes Surabaya mengatakan pembalap liar masih pelajar.",
            "Razia serupa juga digelar jajaran Polresta Sidoarjo di Kecamatan Buduran, Kabupaten Sidoarjo.",
        ],
    );
    assert_eq!(x.regions, ["Surabaya", "Sidoarjo"]);
}

#[test]
fn a_bare_name_stays_where_the_split_off_region_is_a_side_detail() {
    // Named later, as where the shaking was felt too, the longer region does not take the
    // story.
    let x = find(
        None,
        [
            "Gempa Guncang Mamuju",
            "Gempa magnitudo 5,1 mengguncang Mamuju, Sulawesi Barat, Selasa pagi.",
            "BPBD Mamuju mendata rumah yang rusak.",
            "Getaran gempa juga dirasakan warga di Kabupaten Mamuju Tengah.",
        ],
    );
    assert!(x.regions.contains(&"Mamuju".to_string()), "{x:?}");
    // A city's name is its own (`Padang`, `Padang Panjang`).
    let x = find(
        None,
        [
            "Banjir Rendam Ratusan Rumah di Padang",
            "Banjir merendam ratusan rumah di Kota Padang Panjang dan sekitarnya, Senin.",
            "BPBD Padang mengerahkan perahu karet.",
        ],
    );
    assert!(x.regions.contains(&"Padang".to_string()), "{x:?}");
}

#[test]
fn a_place_followed_by_a_day_or_a_mall_is_still_the_place() {
    let x = f(
        "Rapat koordinasi digelar di Palembang Jumat (24/5/2024) dengan menghadirkan kepala daerah dari Kabupaten Bungo, Jambi.",
    );
    assert!(x.regions.contains(&"Palembang".to_string()), "{x:?}");
    let x = f(
        "Kantor Imigrasi di Batam Centre mendeportasi WNA yang sebelumnya tinggal di Kabupaten Badung, Bali.",
    );
    assert!(x.regions.contains(&"Batam".to_string()), "{x:?}");
}

#[test]
fn a_tax_office_or_one_rescue_office_naming_keeps_its_town() {
    // A tax office's (`KPP Pratama Jayapura`) town is its own story's.
    let x = find(
        Some("Jayapura"),
        [
            "KPP Pratama Jayapura Kejar Target Pajak",
            "KPP Pratama Jayapura mencatat penerimaan pajak naik 12 persen.",
            "Wajib pajak dari Kabupaten Keerom juga dilayani di kantor itu.",
        ],
    );
    assert!(x.regions.contains(&"Kota Jayapura".to_string()), "{x:?}");
    // A rescue office named twice and once more deep in the body is the office's.
    let x = find(
        None,
        [
            "Kapal Tenggelam di Perairan Pulau Ram",
            "Kapal tenggelam di perairan Pulau Ram, Kabupaten Raja Ampat, Sabtu.",
            "Kepala Kantor Pencarian dan Pertolongan Sorong mengatakan tim bergerak.",
            "Tim SAR Sorong menyisir perairan itu.",
            "Cuaca di perairan itu berangin.",
            "Tim gabungan melibatkan rescuer KPP Sorong dan nelayan.",
        ],
    );
    assert_eq!(x.regions, ["Raja Ampat"]);
}

#[test]
fn a_read_also_headline_with_numbers_places_nothing() {
    let x = find(
        None,
        [
            "DPRD Sahkan APBD Perubahan",
            "DPRD Kabupaten Lampung Timur menggelar rapat paripurna.",
            "Pendapatan transfer Rp2 triliun. BACA JUGA:Wagub Tinjau TPS 3R Jejama di Pringsewu Selanjutnya, belanja daerah diproyeksikan naik.",
        ],
    );
    assert_eq!(x.regions, ["Lampung Timur"]);
    assert!(x.passing.is_empty(), "{x:?}");
}

#[test]
fn a_thing_named_as_a_people_call_it_names_no_place() {
    let x = find(
        None,
        [
            "Harga Cengkeh Turun",
            "Harga cengkeh di Kabupaten Bolaang Mongondow Timur turun.",
            "Cengkeh putih yang disebut orang Manado cengkeh budo dihargai murah.",
        ],
    );
    assert_eq!(x.regions, ["Bolaang Mongondow Timur"]);
    assert!(x.passing.is_empty(), "{x:?}");
    // What a town's people say is often of their own town.
    let x = f("Kata orang Tasikmalaya, mi bakso di Jalan HZ Mustofa paling enak.");
    assert_eq!(x.regions, ["Kota Tasikmalaya"]);
}
