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

/// The later probes' forms.
#[path = "dateline_probe_tests_later.rs"]
mod later_probes;
/// The forms each held-out probe brought, in the order the probes came.
#[path = "dateline_probe_tests.rs"]
mod probes;

#[test]
fn a_known_place_alone_its_dash_glued_to_the_lede() {
    assert_eq!(
        dl("Kota Bima -Dalam rangka memperingati hari jadi"),
        (
            None,
            s("Kota Bima"),
            "Dalam rangka memperingati hari jadi".into()
        )
    );
    assert_eq!(
        dl("Pasaman Barat -Rapat paripurna DPRD digelar"),
        (
            None,
            s("Pasaman Barat"),
            "Rapat paripurna DPRD digelar".into()
        )
    );
    assert_eq!(
        dl("KUALA KAPUAS-Air sungai meluap"),
        (None, s("Kuala Kapuas"), "Air sungai meluap".into())
    );
    // A route's other end, or an unknown name, is no lede.
    assert!(detect("Jakarta -Bandung ditempuh tiga jam").is_none_or(|d| d.city.is_none()));
    assert!(detect("Ketua Panitia -Dalam sambutannya").is_none());
    assert!(detect("DEMO BURUH-Ratusan buruh berunjuk rasa").is_none_or(|d| d.city.is_none()));
}
