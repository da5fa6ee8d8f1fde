//! Golden tests of datelines: every lead form the detector reads, and prose it must not.

use super::*;

fn dl(line: &str) -> (Option<String>, Option<String>, String) {
    let d = detect(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
    (d.outlet, d.city, line[d.rest..].to_string())
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn dateline_styles() {
    assert_eq!(
        dl("TRIBUNSUMSEL.COM, LUBUKLINGGAU - Viral"),
        (s("Tribunsumsel.com"), s("Lubuklinggau"), "Viral".into())
    );
    assert_eq!(
        dl("KAYUAGUNG, SUMEKS.CO - Beberapa"),
        (s("Sumeks.co"), s("Kayuagung"), "Beberapa".into())
    );
    assert_eq!(
        dl("SIMALUNGUN, (PAB)---"),
        (s("PAB"), s("Simalungun"), String::new())
    );
    assert_eq!(
        dl("INFOKU, BLORA - Bupati"),
        (s("Infoku"), s("Blora"), "Bupati".into())
    );
    assert_eq!(
        dl("GROW MEDIA - Viral di"),
        (s("Grow Media"), None, "Viral di".into())
    );
    assert_eq!(
        dl("JAKARTA, KOMPAS.com - Presiden"),
        (s("Kompas.com"), s("Jakarta"), "Presiden".into())
    );
    assert_eq!(
        dl("Jakarta - Presiden"),
        (None, s("Jakarta"), "Presiden".into())
    );
    assert_eq!(
        dl("JAKARTA \u{2013} Presiden"),
        (None, s("Jakarta"), "Presiden".into())
    );
    assert_eq!(
        dl("KOTA BANDUNG \u{2014} Wakil"),
        (None, s("Kota Bandung"), "Wakil".into())
    );
    assert_eq!(
        dl("Jakarta, CNN Indonesia -- Kata"),
        (s("CNN Indonesia"), s("Jakarta"), "Kata".into())
    );
    assert_eq!(
        dl("BLORA, INFOKU - Bupati"),
        (s("Infoku"), s("Blora"), "Bupati".into())
    );
    assert_eq!(
        dl("TRIBUNNEWS.COM - Kapten"),
        (s("Tribunnews.com"), None, "Kapten".into())
    );
    assert!(detect("SIMALUNGUN, (PAB)---").unwrap().strong);
    assert!(!detect("Jakarta - Presiden").unwrap().strong);
}

#[test]
fn a_city_then_an_agency_in_brackets() {
    assert_eq!(
        dl("Jakarta (ANTARA) - Inspektorat"),
        (s("Antara"), s("Jakarta"), "Inspektorat".into())
    );
    assert_eq!(
        dl("SURABAYA (Reuters) - Warga"),
        (s("Reuters"), s("Surabaya"), "Warga".into())
    );
    assert!(detect("Jakarta (ANTARA) - Inspektorat").unwrap().strong);
    // Not a known place, or more than a name in the brackets: prose.
    assert!(detect("BNN (Badan Narkotika Nasional) - lembaga itu").is_none());
    assert!(detect("Pejabat (ANTARA) - lain").is_none());
}

#[test]
fn not_datelines() {
    assert_eq!(detect("VIRAL - ASN di Muratara yang Viral"), None);
    assert_eq!(detect("Kerja sama Prabowo-Gibran dimulai - kata dia"), None);
    assert_eq!(
        detect("Menurut Kapolres, AKBP Budi dan warga - hadir"),
        None
    );
    assert_eq!(detect("Tanpa tanda pisah sama sekali"), None);
    assert_eq!(detect(" - hanya tanda"), None);
    assert_eq!(detect("A, B, C - tiga bagian"), None);
    assert_eq!(detect("Glandy Burnama, Tangerang - kata"), None);
    assert_eq!(detect("Mulai Go Public, Jennifer Dunn - x"), None);
    assert_eq!(detect("Berita Persib Hari Ini - x"), None);
    assert_eq!(detect("Nurdin - x"), None);
    assert_eq!(
        dl("Tangerang Selatan, Tempo.co - Warga"),
        (s("Tempo.co"), s("Tangerang Selatan"), "Warga".into())
    );
    assert_eq!(detect("POPULER JABODETABEK - Judul berita"), None);
    assert_eq!(detect("POPULER KOTA- Judul berita"), None);
    assert_eq!(detect("TNI- Polri bersinergi"), None);
    assert_eq!(
        dl("JAKARTA, KOMPAS.com- Presiden"),
        (s("Kompas.com"), s("Jakarta"), "Presiden".into())
    );
    assert_eq!(
        dl("TEMPO.CO, Jakarta- Presiden"),
        (s("Tempo.co"), s("Jakarta"), "Presiden".into())
    );
    // Every regency and city of the gazetteer heads a title-case dateline.
    for place in [
        "Karanganyar",
        "Wonogiri",
        "Sleman",
        "Kulon Progo",
        "Kab. Sleman",
    ] {
        assert_eq!(
            dl(&format!("{place} - Warga")),
            (None, Some(title_case(place)), "Warga".into()),
            "{place}"
        );
    }
    let long = format!("{} - x", "A".repeat(200));
    assert_eq!(detect(&long), None);
}

#[test]
fn forms_of_sites_never_tuned_on() {
    let lead = "Warga memadati balai desa sejak pagi untuk menerima bantuan beras dari pemerintah.";
    for (prefix, outlet, city) in [
        ("jpnn.com, JAKARTA - ", Some("Jpnn.com"), Some("Jakarta")),
        ("JAKARTA, iNews.id - ", Some("Inews.id"), Some("Jakarta")),
        (
            "Gorontalo, mimoza.tv \u{2013} ",
            Some("Mimoza.tv"),
            Some("Gorontalo"),
        ),
        ("Bandung, kumparan - ", Some("Kumparan"), Some("Bandung")),
        (
            "tegas.co, KOLAKA, SULTRA \u{2013} ",
            Some("Tegas.co"),
            Some("Kolaka"),
        ),
        (
            "TRIBUN-PAPUA.COM, SENTANI - ",
            Some("Tribun-papua.com"),
            Some("Sentani"),
        ),
        (
            "TEGALREJO (MERAPI) \u{2013} ",
            Some("MERAPI"),
            Some("Tegalrejo"),
        ),
        (
            "Sidoarjo (republikjatim.com) - ",
            Some("Republikjatim.com"),
            Some("Sidoarjo"),
        ),
        (
            "BLORA, 14/10 (BeritaJateng.net) - ",
            Some("Beritajateng.net"),
            Some("Blora"),
        ),
        (
            "Bandung, Jawa Barat (ANTARA News) - ",
            Some("ANTARA News"),
            Some("Bandung"),
        ),
        (
            "VISI.NEWS | BANDUNG \u{2013} ",
            Some("Visi.news"),
            Some("Bandung"),
        ),
        (
            "RGOL.ID LIMBOTO \u{2013} ",
            Some("Rgol.id"),
            Some("Limboto"),
        ),
        (
            "KONTAN.CO.ID - JAKARTA. ",
            Some("Kontan.co.id"),
            Some("Jakarta"),
        ),
        (
            "Liputan6.com, Jakarta ",
            Some("Liputan6.com"),
            Some("Jakarta"),
        ),
        ("PIKIRAN RAKYAT - ", Some("Pikiran Rakyat"), None),
        ("Jakarta: ", None, Some("Jakarta")),
        // A scraper's joins: an underscore, a hyphen before a lower-case site, no space
        // after the comma, a space inside the domain, a colon after place and domain.
        (
            "Oelamasi_KlikNTT.com- ",
            Some("KlikNTT.com"),
            Some("Oelamasi"),
        ),
        (
            "Oelamasi-infontt.com,- ",
            Some("infontt.com"),
            Some("Oelamasi"),
        ),
        (
            "Oelamasi-InfoNTT.com,- ",
            Some("InfoNTT.com"),
            Some("Oelamasi"),
        ),
        ("Kefamenanu,Vox NTT- ", Some("Vox NTT"), Some("Kefamenanu")),
        (
            "MEDAN TribuneIndonesia. Com-",
            Some("TribuneIndonesia.Com"),
            Some("Medan"),
        ),
        ("AMBON,TM.ID : ", Some("TM.ID"), Some("Ambon")),
        (
            "Outlet.polri.go.id - Semarang. ",
            Some("Outlet.polri.go.id"),
            Some("Semarang"),
        ),
        (
            "Singaraja (Antara Bali) - ",
            Some("Antara Bali"),
            Some("Singaraja"),
        ),
        ("Tangerang- ", None, Some("Tangerang")),
        ("Batang Hari, Jambi - ", None, Some("Batang Hari")),
        (
            "ZONASULTRA.COM, WANGI-WANGI \u{2013} ",
            Some("ZONASULTRA.COM"),
            Some("Wangi-Wangi"),
        ),
        (
            "JAYAPURA | PAPUA TIMES- ",
            Some("PAPUA TIMES"),
            Some("Jayapura"),
        ),
        ("Bandar Lampung : ", None, Some("Bandar Lampung")),
        ("Aceh Utara: ", None, Some("Aceh Utara")),
        (
            "SULTRAKINI.COM: WAKATOBI \u{2013} ",
            Some("SULTRAKINI.COM"),
            Some("Wakatobi"),
        ),
        (
            "date 2025-10-10 jatim.jpnn.com, SURABAYA - ",
            Some("jatim.jpnn.com"),
            Some("Surabaya"),
        ),
    ] {
        let line = format!("{prefix}{lead}");
        let d = detect(&line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        let want = (outlet.map(normalize_outlet), city.map(String::from));
        assert_eq!((d.outlet, d.city), want, "{prefix}");
        assert_eq!(&line[d.rest..], lead, "{prefix}");
    }
    for (line, outlet) in [
        ("Kupang, Jubi - Warga", "Jubi"),
        ("KEFAMENANU, Vox NTT - Warga", "Vox NTT"),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        assert_eq!(d.outlet.as_deref(), Some(outlet), "{line}");
    }
    assert_eq!(detect("Jakarta, Senin - Warga"), None);
    // The outlet first, then a place the gazetteer does not hold: the old order stands.
    assert_eq!(
        dl("TEMPO.CO, Seoul - Warga"),
        (s("Tempo.co"), s("Seoul"), "Warga".into())
    );
    assert_eq!(
        detect("TEMPO, CO. Jakarta - Warga").and_then(|d| d.outlet),
        None
    );
    assert_eq!(detect("Jakarta, Oktober - Warga"), None);
    // A headline's speaker, a list, a headline and a lower-case word are no datelines.
    assert_eq!(detect("Bupati Serang: Kami Berikan Layanan Terbaik"), None);
    assert_eq!(detect("Jakarta: 1.204 kasus, Bandung: 310 kasus"), None);
    assert_eq!(
        detect("Jakarta: Banjir Surut, Warga Kembali ke Rumah"),
        None
    );
    assert_eq!(detect("media, warga dan pejabat - semua hadir"), None);
    assert_eq!(detect("JAKARTA, BANDUNG, SURABAYA - tiga kota"), None);
    // A place and a site alone on their line: the lead is the next paragraph.
    for line in ["Deli Serdang, MISTAR.ID", "BERITABALI.COM, BULELENG."] {
        let d = detect(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        assert_eq!(d.rest, line.len(), "{line}");
        assert!(d.outlet.is_some() && d.city.is_some(), "{line}");
    }
    assert_eq!(detect("Jakarta, Bandung"), None);
    // A hyphen joining two names is no doubled place.
    assert_eq!(detect("PRABOWO-GIBRAN - Warga"), None);
    // A hyphenated domain in one case is the site's own name, and a media word before the
    // hyphen is part of it.
    assert_eq!(
        dl("POS-KUPANG.COM, BETUN - Warga"),
        (s("Pos-kupang.com"), s("Betun"), "Warga".into())
    );
    assert_eq!(
        dl("Tribun-Papua.com, Sentani - Warga"),
        (s("Tribun-papua.com"), s("Sentani"), "Warga".into())
    );
    assert_eq!(
        dl("Pos-kupang.com, Betun - Warga"),
        (s("Pos-kupang.com"), s("Betun"), "Warga".into())
    );
    // A sentence's full stop before a word like a domain ending is prose.
    assert_eq!(detect("Harga naik. Info-nya dari pasar"), None);
}

#[test]
fn outlet_normalisation() {
    assert_eq!(normalize_outlet("TRIBUNSUMSEL.COM"), "Tribunsumsel.com");
    assert_eq!(normalize_outlet("Tribunsumsel.com"), "Tribunsumsel.com");
    assert_eq!(normalize_outlet("SUMEKS.CO"), "Sumeks.co");
    assert_eq!(normalize_outlet("KOMPAS.com"), "Kompas.com");
    assert_eq!(normalize_outlet("(PAB)"), "PAB");
    assert_eq!(normalize_outlet("INFOKU"), "Infoku");
    assert_eq!(normalize_outlet("GROW MEDIA"), "Grow Media");
    assert_eq!(normalize_outlet("news.detik.com"), "Detik.com");
    assert_eq!(normalize_outlet("www.tribunnews.com"), "Tribunnews.com");
    assert_eq!(normalize_outlet("tribunnews.com"), "Tribunnews.com");
    assert_eq!(
        normalize_outlet("https://finance.detik.com/berita/x"),
        "Detik.com"
    );
    assert_eq!(normalize_outlet("www.antaranews.co.id"), "Antaranews.co.id");
    assert_eq!(
        normalize_outlet("sumsel.tribunnews.com"),
        "Sumsel.tribunnews.com"
    );
    assert_eq!(normalize_outlet("RRI NEWS"), "RRI News");
    assert_eq!(normalize_outlet("  "), "");
    assert_eq!(title_case("LUBUKLINGGAU"), "Lubuklinggau");
    assert_eq!(title_case("banda ACEH"), "Banda Aceh");
}

#[test]
fn a_site_named_by_a_media_word_glued_to_another() {
    // Media word last: the name alone heads the lede.
    assert_eq!(
        dl("KOTANEWS - Kementerian menyampaikan"),
        (s("Kotanews"), None, "Kementerian menyampaikan".into())
    );
    assert_eq!(
        dl("XYZChannel - Kementerian menyampaikan"),
        (s("Xyzchannel"), None, "Kementerian menyampaikan".into())
    );
    assert_eq!(
        dl("Desanews, Kudus – Polisi"),
        (s("Desanews"), s("Kudus"), "Polisi".into())
    );
    assert_eq!(
        dl("Surabaya, kampungnews – Terdakwa"),
        (s("Kampungnews"), s("Surabaya"), "Terdakwa".into())
    );
    // Media word first: in capitals, or beside a known place.
    assert_eq!(
        dl("VOICEKOTA — PSM akan"),
        (s("Voicekota"), None, "PSM akan".into())
    );
    assert_eq!(
        dl("Infodesa, BENGKULU – Gubernur"),
        (s("Infodesa"), s("Bengkulu"), "Gubernur".into())
    );
    // Ordinary words that start with a media word are not sites.
    assert_eq!(detect("Informasi - kata dia"), None);
    assert_eq!(detect("Kabarnya - kata dia"), None);
    assert_eq!(detect("Wartawan - kata dia"), None);
}

#[test]
fn a_site_then_its_place_after_the_dash() {
    // `Site–PLACE Lede`: the place in capitals right after the dash.
    assert_eq!(
        dl("Kitakota–MAKASSAR Pemerintah Provinsi"),
        (s("Kitakota"), s("Makassar"), "Pemerintah Provinsi".into())
    );
    // A domain, its dash, then the place with a dash of its own.
    assert_eq!(
        dl("Contohsite.com – KAB. BANDUNG – Sebanyak 3.275"),
        (
            s("Contohsite.com"),
            s("Kab. Bandung"),
            "Sebanyak 3.275".into()
        )
    );
    // A lone unknown word before a lower-case lede stays a place, as before.
    assert_eq!(
        dl("PALEMBANG – Warga"),
        (None, s("Palembang"), "Warga".into())
    );
}

#[test]
fn a_town_outside_the_gazetteer_before_a_media_agency_and_a_curly_apostrophe() {
    assert_eq!(
        dl("Giri Menang (Suara NTB) – KPU Lombok Barat"),
        (s("Suara NTB"), s("Giri Menang"), "KPU Lombok Barat".into())
    );
    assert_eq!(
        dl("BA\u{2019}A, ROLLE.id–Pesan berantai"),
        (s("Rolle.id"), s("Ba\u{2019}a"), "Pesan berantai".into())
    );
}

#[test]
fn more_forms_from_the_third_probe() {
    // The dash glued to the lede after a site's web name.
    assert_eq!(
        dl("AMBON, CONTOH.SITE.CO.ID -Kecelakaan lalu lintas"),
        (
            s("Contoh.site.co.id"),
            s("Ambon"),
            "Kecelakaan lalu lintas".into()
        )
    );
    // An agency's day after the place.
    assert_eq!(
        dl("Jakarta, 15/8 - Kementerian siap"),
        (None, s("Jakarta"), "Kementerian siap".into())
    );
    // A site and its place parted by a full stop.
    assert_eq!(
        dl("INFO KOTA. JAKARTA – Kementerian mencatat"),
        (s("Info Kota"), s("Jakarta"), "Kementerian mencatat".into())
    );
    // A prefix is no site (`KAB. CIREBON`).
    assert_eq!(
        dl("KAB. CIREBON – Warga"),
        (None, s("Kab. Cirebon"), "Warga".into())
    );
    // Prose with a dash after a lower-case word stays prose.
    assert_eq!(detect("Warga, kata dia -Bupati datang"), None);
}

#[test]
fn forms_from_the_fourth_probe() {
    // A place in capitals glued to its dash and the lede.
    assert_eq!(
        dl("SAMPIT-Konflik lahan berkepanjangan"),
        (None, s("Sampit"), "Konflik lahan berkepanjangan".into())
    );
    assert_eq!(detect("JAKARTA-BANDUNG DITEMPUH"), None);
    // A site's one-word media name vouches for a town outside the gazetteer.
    assert_eq!(
        dl("KOTANEWS, Sampit - DPRD menyatakan"),
        (s("Kotanews"), s("Sampit"), "DPRD menyatakan".into())
    );
    // A town and a media word.
    assert_eq!(
        dl("Jember Pos – Bapak dan anak"),
        (s("Jember Pos"), None, "Bapak dan anak".into())
    );
    // A pipe or a broken bar for the dash.
    assert_eq!(
        dl("MEDAN, KabarKota.com | Di Provinsi Sumatera Utara"),
        (
            s("Kabarkota.com"),
            s("Medan"),
            "Di Provinsi Sumatera Utara".into()
        )
    );
    assert_eq!(
        dl("Lebak \u{a6} Gabungan organisasi meminta"),
        (None, s("Lebak"), "Gabungan organisasi meminta".into())
    );
    // An agency in brackets spaced out, then a colon.
    assert_eq!(
        dl("SEMARANG ( Merdeka News ): Universitas menggelar"),
        (
            s("Merdeka News"),
            s("Semarang"),
            "Universitas menggelar".into()
        )
    );
    // A doubled pipe; a release's full date after the place; a newer top-level domain.
    assert_eq!(
        dl("KotaJogja.co.id || SLEMAN — Peristiwa"),
        (s("Kotajogja.co.id"), s("Sleman"), "Peristiwa".into())
    );
    assert_eq!(
        dl("Gorontalo, 27 Oktober 2019 – Kementerian"),
        (None, s("Gorontalo"), "Kementerian".into())
    );
    assert_eq!(
        dl("Ecokota.asia — Pemerintah terus"),
        (s("Ecokota.asia"), None, "Pemerintah terus".into())
    );
}

#[test]
fn forms_from_the_fifth_probe() {
    // A site's one-word name in any case before a known place.
    assert_eq!(
        dl("ceritakota, Ambon \u{2013} Hujan deras"),
        (s("Ceritakota"), s("Ambon"), "Hujan deras".into())
    );
    assert_eq!(
        detect("Sementara, Jakarta - Bandung ditempuh tiga jam"),
        None
    );
    // A lower-case site in brackets after a known place.
    assert_eq!(
        dl("TERNATE (kotaku) \u{2013} Kasus demam"),
        (s("Kotaku"), s("Ternate"), "Kasus demam".into())
    );
    // A place in capitals glued to its dash and the lede after a site's name, and a place,
    // its comma and a glued dash.
    assert_eq!(
        dl("WARTAKU, MAKASSAR-Universitas menggelar"),
        (s("Wartaku"), s("Makassar"), "Universitas menggelar".into())
    );
    assert_eq!(
        dl("SENTANI,-Komisi Pemilihan"),
        (None, s("Sentani"), "Komisi Pemilihan".into())
    );
    // `klik` and `lensa` name sites, glued to a place in any case.
    assert_eq!(
        dl("KLIK BANGGAI - Terdapat empat"),
        (s("Klik Banggai"), None, "Terdapat empat".into())
    );
    assert_eq!(
        dl("Lensapapua \u{2013} Kapolres menyebut"),
        (s("Lensapapua"), None, "Kapolres menyebut".into())
    );
    assert_eq!(detect("Lensa kamera - Warga"), None);
    // A district's name is a known town.
    assert_eq!(
        dl("TANJUNGPANDAN, SITUSKU \u{2013} Pemerintah menargetkan"),
        (
            s("Situsku"),
            s("Tanjungpandan"),
            "Pemerintah menargetkan".into()
        )
    );
    // A place and its site in brackets with no dash; a place and a web name glued to the
    // lede; a place and a site alone after a pipe.
    assert_eq!(
        dl("Medan(KotaKita) Sidang kasus"),
        (s("Kotakita"), s("Medan"), "Sidang kasus".into())
    );
    assert_eq!(
        detect("Bupati Kotawaringin Barat (Kobar) Nurhidayah meliburkan"),
        None
    );
    assert_eq!(
        dl("PAMEKASAN, Situs.co.idPuluhan warga"),
        (s("Situs.co.id"), s("Pamekasan"), "Puluhan warga".into())
    );
    // A site and its place joined by a full stop; a capital I for the pipe.
    assert_eq!(
        dl("SITUS.Trenggalek \u{2013} Pesta rakyat"),
        (s("Situs"), s("Trenggalek"), "Pesta rakyat".into())
    );
    assert_eq!(
        dl("Denpasar I situsbali \u{2013} Pasangan calon"),
        (s("Situsbali"), s("Denpasar"), "Pasangan calon".into())
    );
    assert_eq!(detect("Dr.Jakarta - x"), None);
    assert_eq!(
        dl("MEDAN | situs-kota.com"),
        (s("Situs-kota.com"), s("Medan"), String::new())
    );
}

#[test]
fn forms_from_the_sixth_probe() {
    // A media word and a known town of up to three words name a paper.
    assert_eq!(
        dl("Kilas Bengkulu Utara \u{2013} Dunia pendidikan"),
        (s("Kilas Bengkulu Utara"), None, "Dunia pendidikan".into())
    );
    assert_eq!(
        dl("LINGGA TERKINI \u{2013} Dunia pendidikan"),
        (s("Lingga Terkini"), None, "Dunia pendidikan".into())
    );
    // Not a town and a word that is no media word, nor a media word and no town.
    assert_eq!(detect("Warga Bengkulu Utara - Dunia pendidikan"), None);
    assert_eq!(detect("Kilas Balik Sejarah - Dunia pendidikan"), None);
    // A town before an odd dash and a sentence; not before a word in lower case.
    assert_eq!(
        dl("Waingapu_ Sebuah kasus"),
        (None, s("Waingapu"), "Sebuah kasus".into())
    );
    assert_eq!(detect("Bapak_ ini adalah kalimat"), None);
    // A place and a site's web name alone after a pipe: the dateline and its site.
    assert_eq!(
        dl("Banda Aceh | SITUSKU.com"),
        (s("Situsku.com"), s("Banda Aceh"), String::new())
    );
}

#[test]
fn forms_from_the_seventh_probe() {
    // A site's unmarked name with its place in brackets or after a comma, the place a
    // known one or a district's name in any case: read the right way round.
    assert_eq!(
        dl("SALAM PAPUA (NABIRE) \u{2013} Sebanyak"),
        (s("Salam Papua"), s("Nabire"), "Sebanyak".into())
    );
    assert_eq!(
        dl("MOMENTUM, Gunungsugih -- Harga"),
        (s("Momentum"), s("Gunungsugih"), "Harga".into())
    );
    // A news agency in brackets stays the outlet.
    assert_eq!(
        dl("Jakarta (ANTARA) - Presiden"),
        (s("Antara"), s("Jakarta"), "Presiden".into())
    );
    // A district's town in title case before a sentence; not a short one that reads as
    // prose.
    assert_eq!(
        dl("Tenggarong \u{2013} Sebanyak warga"),
        (None, s("Tenggarong"), "Sebanyak warga".into())
    );
    assert_eq!(detect("Tarik - Menarik tambang dilakukan warga"), None);
}

#[test]
fn eighth_probe_forms() {
    // The place without the brackets or comma the page set around it.
    assert_eq!(
        dl("Patmamedia.com (SLEMAN) - Pengadilan"),
        (s("Patmamedia.com"), s("Sleman"), "Pengadilan".into())
    );
    assert_eq!(
        dl("Kontras.id, (Gorontalo) \u{2013} Mobil"),
        (s("Kontras.id"), s("Gorontalo"), "Mobil".into())
    );
    assert_eq!(
        dl("radarselatan.bacakoran.co - BENGKULU, Gubernur"),
        (
            s("Radarselatan.bacakoran.co"),
            s("Bengkulu"),
            "Gubernur".into()
        )
    );
    // The site's dash, then the place and the day before a dash of their own.
    assert_eq!(
        dl("RMJABAR.COM - Bandung, 24 Februari 2025 - Ketua"),
        (s("Rmjabar.com"), s("Bandung"), "Ketua".into())
    );
    // A known town, then its province: no site.
    assert_eq!(
        dl("SENTANI, Papua \u{2013} Bupati"),
        (None, s("Sentani"), "Bupati".into())
    );
    // A name the gazetteer does not hold before a province is a site's.
    assert_eq!(
        dl("Pedomanrakyat, Riau \u{2013} Bupati").0,
        s("Pedomanrakyat")
    );
    // A site's name with a number, spaced or glued to its dash, or after a pipe.
    for line in ["TERNATE, Gapi72- Bupati", "TERNATE, Gapi72 - Bupati"] {
        assert_eq!(
            dl(line),
            (s("Gapi72"), s("Ternate"), "Bupati".into()),
            "{line}"
        );
    }
    assert_eq!(
        dl("Surabaya | SIGAP88 \u{2013} Polda"),
        (s("Sigap88"), s("Surabaya"), "Polda".into())
    );
    assert!(detect("JAKARTA, 2025 - Bupati datang.").is_none());
    // A place and a paper's word run together, in lower case, before a sentence.
    assert_eq!(
        dl("batampos \u{2013} Direktorat"),
        (s("Batampos"), None, "Direktorat".into())
    );
    assert!(detect("kompos \u{2013} Direktorat").is_none());
    assert!(detect("sementara \u{2013} Direktorat").is_none());
}

#[test]
fn a_place_and_its_site_parted_by_a_slash() {
    assert_eq!(
        dl("PALANGKA RAYA/TABENGAN.CO.ID-Badan Meteorologi"),
        (
            s("Tabengan.co.id"),
            s("Palangka Raya"),
            "Badan Meteorologi".into()
        )
    );
    // A photo credit keeps its shape: a photographer's name or no web name.
    assert_eq!(detect("ANTARA FOTO/Budi Santoso - Warga melintas"), None);
    assert_eq!(
        detect("KRISTIANTO PURNOMO/KOMPAS.COM - Warga melintas"),
        None
    );
    assert_eq!(detect("ISTIMEWA/TRIBUNJATENG.COM - Warga melintas"), None);
}

#[test]
fn tenth_probe_forms() {
    // A site's web name, then its place in brackets spaced out.
    assert_eq!(
        dl("PORTALLNEWS.ID ( Bandar Lampung ) \u{2014} Pemerintah"),
        (
            s("Portallnews.id"),
            s("Bandar Lampung"),
            "Pemerintah".into()
        )
    );
    // A place, then a site whose web name has a hyphen of its own.
    assert_eq!(
        dl("TEMANGGUNG, Suaramerdeka-kedu.com - Pemerintah"),
        (
            s("Suaramerdeka-kedu.com"),
            s("Temanggung"),
            "Pemerintah".into()
        )
    );
    // A site's web name, then its place and the day.
    assert_eq!(
        dl("Penamadura.com, Sumenep 01 Februari 2019 \u{2013} Pemerintah"),
        (s("Penamadura.com"), s("Sumenep"), "Pemerintah".into())
    );
    // A place in capitals and a comma, then a paragraph.
    let d = detect(
        "MIMIKA, Pemerintah Kabupaten menggelar rapat koordinasi bersama warga di balai desa.",
    )
    .expect("a dateline");
    assert_eq!((d.city.as_deref(), d.strong), (Some("Mimika"), false));
    // Not a list of places, a place and its province, nor a heading.
    for line in [
        "BANDUNG, Cimahi dan Garut dilanda banjir sejak pagi hingga sore hari ini.",
        "BANDUNG, Lembang dan Cimahi diguyur hujan sejak pagi hingga sore hari ini.",
        "BANDUNG, Jawa Barat dilanda banjir sejak pagi hingga sore hari ini.",
        "MIMIKA, Papua Tengah",
        "Mimika, Pemerintah Kabupaten menggelar rapat koordinasi bersama warga di balai desa.",
    ] {
        assert_eq!(detect(line), None, "{line}");
    }
}

#[test]
fn forms_left_by_the_tenth_probe() {
    // A place in brackets after a site's web name, the dash glued to the bracket.
    assert_eq!(
        dl("Jambiekspose.com (Jambi)- Buruknya sistem"),
        (s("Jambiekspose.com"), s("Jambi"), "Buruknya sistem".into())
    );
    // An equals sign for the dash after a known place in capitals; a gloss is no dateline.
    assert_eq!(
        dl("SUKOHARJO = Budaya perang sarung"),
        (None, s("Sukoharjo"), "Budaya perang sarung".into())
    );
    assert_eq!(detect("BBM = bahan bakar minyak yang dipakai warga."), None);
    assert_eq!(detect("Tarif = harga dasar ditambah pajak."), None);
    // A name in title case before a place in capitals is a venue or a person as often as a
    // site (`Kecamatan Cibinong, BOGOR –`, `Budi Santoso, JAKARTA –`): left.
    for line in [
        "Glandy Burnama, Tangerang - Polisi menangkap dua orang.",
        "Kapolres Bima, AKBP Budi \u{2013} Polisi menangkap dua orang.",
        "Budi Santoso, JAKARTA \u{2013} Polisi menangkap dua orang.",
    ] {
        assert_eq!(detect(line), None, "{line}");
    }
}

#[test]
fn eleventh_probe_forms() {
    // A place and a site alone on their line: a district's name beside a domain, a site's
    // name in capitals beside a known place; not a place and its province or country.
    for (line, outlet, city) in [
        ("Pancur Batu, desernews.com", "Desernews.com", "Pancur Batu"),
        ("Palembang, SN", "SN", "Palembang"),
        ("DELI SERDANG, BERSAMA", "Bersama", "Deli Serdang"),
        ("GROBOGAN, WARTA JAVAINDO", "Warta Javaindo", "Grobogan"),
        (
            "Kab.Bogor, Bogorpolitan.com ||",
            "Bogorpolitan.com",
            "Kab. Bogor",
        ),
        ("Kab.bogor, radarbogor.id", "Radarbogor.id", "Kab. Bogor"),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (Some(outlet), Some(city)),
            "{line}"
        );
        assert_eq!(d.rest, line.len(), "{line}");
    }
    for line in [
        "BANDUNG, JAWA BARAT",
        "JAKARTA, INDONESIA",
        "Bandung, SENIN",
        "Budi, SN",
        "GARUT, DISKOMINFO",
        "Bandung, HUMAS",
        "BANDUNG, BREAKING NEWS",
        "MEDAN, BUDI SANTOSO",
    ] {
        assert_eq!(detect(line), None, "{line}");
    }
    // A place alone with a stop before its dash; a regency's name in title case and a stop
    // over a paragraph.
    assert_eq!(
        undashed::lone_place("BLORA.-").and_then(|d| d.city),
        s("Blora")
    );
    let line = "Sambas. Bertahun-tahun warga Dusun Sintete menantikan jalan layak di desa itu.";
    assert_eq!(detect(line), None, "only on the first line");
    let d = undashed::titled_place_then_stop(line).expect("a dateline");
    assert_eq!(
        (d.city.as_deref(), &line[d.rest..]),
        (
            Some("Sambas"),
            "Bertahun-tahun warga Dusun Sintete menantikan jalan layak di desa itu."
        )
    );
    assert_eq!(undashed::titled_place_then_stop("Sambas. Kota itu."), None);
    // Two dashes: the site's, then the place's, either way round; the place's own glued dash
    // is no part of its name.
    assert_eq!(
        dl("Jelitapos.com \u{2013} Kota Kendari \u{2013} Tim Patroli"),
        (s("Jelitapos.com"), s("Kota Kendari"), "Tim Patroli".into())
    );
    assert_eq!(
        dl("Makassar \u{2013} Bollo.id \u{2014} Tak hanya"),
        (s("Bollo.id"), s("Makassar"), "Tak hanya".into())
    );
    assert_eq!(
        dl("RIAU24.COM -  SIAK- Ketua Tim"),
        (s("Riau24.com"), s("Siak"), "Ketua Tim".into())
    );
    // Not a route after a site's dash, nor a sentence about a site after a place's.
    assert_eq!(
        dl("KOMPAS.com - Jakarta - Bandung kini bisa ditempuh"),
        (
            s("Kompas.com"),
            None,
            "Jakarta - Bandung kini bisa ditempuh".into()
        )
    );
    assert_eq!(
        dl("JAKARTA \u{2013} Tokopedia.com \u{2013} situs belanja itu"),
        (
            None,
            s("Jakarta"),
            "Tokopedia.com \u{2013} situs belanja itu".into()
        )
    );
    // A pair of bodies after a place's comma is no site and its dash.
    assert_eq!(
        detect("JAKARTA, PDIP-Gerindra sepakat berkoalisi di daerah itu."),
        None
    );
    // A site in capitals glued to its place before a colon; a capital I for a pipe after a
    // domain.
    assert_eq!(
        dl("BICARAINDONESIA-Medan : Sebanyak 4 orang"),
        (s("Bicaraindonesia"), s("Medan"), "Sebanyak 4 orang".into())
    );
    assert_eq!(
        dl("Bireuen-Realitasonline.id I Kampanye melalui grup"),
        (
            s("Realitasonline.id"),
            s("Bireuen"),
            "Kampanye melalui grup".into()
        )
    );
    assert_eq!(
        dl("JAKARTA, KOMPAS.com - Indah"),
        (s("Kompas.com"), s("Jakarta"), "Indah".into())
    );
    // A site's name ending on a word only sites end on.
    assert_eq!(
        dl("Teraju News Network \u{2013} Kondisi jalan"),
        (s("Teraju News Network"), None, "Kondisi jalan".into())
    );
    for line in [
        "Breaking News \u{2013} Kondisi jalan",
        "Judi Online \u{2013} Polres Garut menangkap",
        "YouTube Channel \u{2013} Polres Garut menangkap",
    ] {
        assert_eq!(detect(line).and_then(|d| d.outlet), None, "{line}");
    }
}

#[test]
fn thirteenth_probe_forms() {
    // A site named after a place, in title case, beside a known place on its own line; not
    // a second place, the province or a day.
    let line = "Bukittinggi, Padang Expo";
    let d = detect(line).unwrap_or_else(|| panic!("{line}"));
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref(), d.rest),
        (Some("Padang Expo"), Some("Bukittinggi"), line.len())
    );
    for line in [
        "Bukittinggi, Padang Panjang",
        "Bukittinggi, Sumatera Barat",
        "Bukittinggi, Padang Selasa",
        "Bukittinggi, Budi Santoso",
        "Surabaya, Malang Raya",
    ] {
        assert_eq!(detect(line), None, "{line}");
    }
    // Forms of the lede's opening, each with the lede's first word where the dateline ends.
    for (line, outlet, city) in [
        // A village named with its kind, the day and its year.
        (
            "Nagari Sumpur, 30 November 2025 \u{2014} Bupati meninjau lokasi.",
            None,
            Some("Nagari Sumpur"),
        ),
        // A web name, a space, the place in capitals, or a known one with its province.
        (
            "trendingpublik.com BOROKO \u{2013} Gubernur hadir.",
            Some("Trendingpublik.com"),
            Some("Boroko"),
        ),
        (
            "Site.com Bengkalis Riau,- Kapolres hadir.",
            Some("Site.com"),
            Some("Bengkalis"),
        ),
        // The place and the dash glued to the lede after a web name.
        (
            "ProPublik.id, Jakarta-Masyarakat Adat mendesak.",
            Some("Propublik.id"),
            Some("Jakarta"),
        ),
        // A pipe after a site's name with a capital inside it; two pipes before a web name.
        (
            "Jakarta, JaringPos | Badan Meteorologi merilis.",
            Some("Jaringpos"),
            Some("Jakarta"),
        ),
        (
            "BULUKUMBA||Legion-news.com Marak terjadi.",
            Some("Legion-news.com"),
            Some("Bulukumba"),
        ),
        // A colon closing the place after the site's dash.
        (
            "RADARINDO.co.id \u{2013} Deli Serdang : Sebanyak ratusan warga dari delapan dusun \
             mendatangi kantor camat pada pagi hari. Mereka pulang.",
            Some("Radarindo.co.id"),
            Some("Deli Serdang"),
        ),
        // A site's one-word name made with a media word, in capitals, glued to its dash.
        (
            "HARIANCILACAP-Bupati Cilacap melantik.",
            Some("Hariancilacap"),
            None,
        ),
        (
            "TANGSELXPRESS \u{2013} Anggota teroris ditangkap.",
            Some("Tangselxpress"),
            None,
        ),
        (
            "DEPOKNET \u{2013} Anggota dewan meninjau jalan.",
            Some("Depoknet"),
            None,
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (outlet, city),
            "{line}"
        );
        let first = [
            "Bupati",
            "Gubernur",
            "Kapolres",
            "Masyarakat",
            "Badan",
            "Marak",
            "Sebanyak",
            "Anggota",
        ];
        assert!(
            first.iter().any(|w| line[d.rest..].starts_with(w)),
            "{line}: {}",
            &line[d.rest..]
        );
    }
    // Not a person before the day, a route after a web name and its place, a day after a
    // pipe, a link, nor a pair of bodies glued.
    for line in [
        "Budi Santoso, 30 November 2025 \u{2014} Bupati meninjau lokasi.",
        "ProPublik.id, Jakarta-Bandung dilanda banjir.",
        "Kompas.com, Jakarta-Cikampek padat merayap sejak pagi.",
        "INFORMASI-Pendaftaran calon pegawai dibuka.",
        "HARIANSYAH-Warga desa berkumpul.",
        "MEDAN, PSMS | Pelatih kepala memanggil pemain.",
        "Jakarta, Senin | Badan Meteorologi merilis.",
        "KPK-Polri bekerja sama menangkap tersangka.",
    ] {
        assert!(
            detect(line).is_none_or(|d| d.city.is_none() && d.outlet.is_none()),
            "{line}"
        );
    }
    // A place and a colon over a headline's words, not a paragraph.
    let d = detect("Kompas.com - Batu: Harga emas naik");
    assert!(d.is_some_and(|d| d.city.is_none()));
    assert!(!is_domain("https://sscn.bkn.go.id"));
    assert!(is_domain("WONOSOBO(SUARABARU.ID)"));
}

#[test]
fn fourteenth_probe_forms() {
    for (line, outlet, city) in [
        // A place and a site named after its province, closed by a colon over a paragraph.
        (
            "Ambon, Warta Maluku: Banjir bandang melanda sejumlah wilayah di kota itu sejak \
             Jumat malam hingga Sabtu pagi. Warga mengungsi.",
            Some("Warta Maluku"),
            "Ambon",
        ),
        // A pipe closing the place after the site's dash.
        (
            "Situsjabar.id - Karawang | Pemerintah menggelar rapat.",
            Some("Situsjabar.id"),
            "Karawang",
        ),
        // A site's one-word name in lower case after the place.
        (
            "Padang Panjang, kabarkita \u{2013} Pemerintah menggelar rapat.",
            Some("Kabarkita"),
            "Padang Panjang",
        ),
        // A town and its province's short form with no comma.
        ("Mataram NTB - Pemerintah menggelar rapat.", None, "Mataram"),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (outlet, Some(city)),
            "{line}"
        );
        assert!(line[d.rest..].starts_with(['P', 'B']), "{line}");
    }
    // A place whose name ends like a province's stays whole; an office is no site; a day
    // after the comma is no site.
    assert_eq!(
        detect("Banda Aceh - Pemerintah menggelar rapat.").and_then(|d| d.city),
        s("Banda Aceh")
    );
    for line in [
        "Ambon, Bupati Maluku: Banjir bandang melanda sejumlah wilayah di kota itu sejak \
         Jumat malam hingga Sabtu pagi. Warga mengungsi.",
        "Jakarta, kemarin \u{2013} Pemerintah menggelar rapat.",
    ] {
        assert!(
            detect(line).is_none_or(|d| d.outlet.is_none() && d.city.is_none()),
            "{line}"
        );
    }
}
