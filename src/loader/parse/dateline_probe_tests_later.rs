//! Golden tests of the dateline forms met on the later held-out probes (thirteenth on), with
//! the prose each must not take for one.

use super::*;

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
    // A suffix named alone, and a degree, are no web names.
    assert!(!is_domain(".go.id"));
    assert!(!is_domain("M.Com"));
    assert!(is_domain("RM.id"));
    assert!(is_domain("m.situs6.com"));
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

#[test]
fn fifteenth_probe_forms() {
    for (line, outlet, city) in [
        // A place's dash, then the site's web name and a pipe.
        (
            "KARAWANG \u{2014} METROPLUS.ID | Pemerintah menggelar rapat.",
            Some("Metroplus.id"),
            "Karawang",
        ),
        // A web name, its place and the day, each after a comma.
        (
            "Situs.co.id, Jakarta, 7 Desember 2025 \u{2013} Pemerintah menggelar rapat.",
            Some("Situs.co.id"),
            "Jakarta",
        ),
        // A comma typed for a web name's point, in brackets.
        (
            "GRESIK (situs-news.co,id) \u{2013} Pemerintah menggelar rapat.",
            Some("Situs-news.co.id"),
            "Gresik",
        ),
        // An outlet's dash, then its place and a comma before the lede.
        (
            "situs.co \u{2013} Jakarta, Direktorat Jenderal Pemasyarakatan menyatakan ratusan \
             narapidana kabur dari lembaga pemasyarakatan. Petugas masih mencari.",
            Some("Situs.co"),
            "Jakarta",
        ),
        // A site's name and its place together in brackets.
        (
            "(Matra, Jambi) \u{2013} Pemerintah menggelar rapat.",
            Some("Matra"),
            "Jambi",
        ),
        // A district's town in title case before a web name.
        (
            "Lhoksukon Situs.News \u{2013} Pemerintah menggelar rapat.",
            Some("Situs.news"),
            "Lhoksukon",
        ),
        // A desk's kicker of a media word and a town, then the web name.
        (
            "Berita Bandar Lampung, Situs.com \u{2013} Pemerintah menggelar rapat.",
            Some("Situs.com"),
            "Bandar Lampung",
        ),
        // A site's name and a short form of a regency, the dash glued to the lede.
        (
            "Kabarintens, Kukar -Pemerintah menggelar rapat.",
            Some("Kabarintens"),
            "Kukar",
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (outlet, Some(city)),
            "{line}"
        );
        assert!(line[d.rest..].starts_with(['P', 'D']), "{line}");
    }
    // A district named `Kota X` is its town `X`, glued to its dash; a place in capitals
    // before a capital I for a pipe.
    for (line, city) in [
        ("MASOHI-Dua kelompok warga bertikai.", "Masohi"),
        (
            "LABUHANBATU I Seorang pria diamankan petugas.",
            "Labuhanbatu",
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(d.city.as_deref(), Some(city), "{line}");
        assert!(line[d.rest..].starts_with(['D', 'S']), "{line}");
    }
    // A site's one-word name ending on a province's short form is the site.
    let d = detect("NOSAKALTARA \u{2013} Komisi menggelar rapat.").unwrap();
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref()),
        (Some("Nosakaltara"), None)
    );
    // Two towns of one province, a list after a comma, a Balinese name after `I`, and a
    // word before a comma and a place (prose): no site.
    assert_ne!(
        detect("CIBINONG, BOGOR - Pemerintah menggelar rapat.").and_then(|d| d.city),
        s("Cibinong")
    );
    assert_eq!(
        detect(
            "situs.co \u{2013} Kota Bekasi, Jawa Barat, kembali viral. Setelah kasus itu, wali \
             kota menanggapi keluhan warga di kantor wali kota kemarin."
        )
        .and_then(|d| d.city),
        None
    );
    for line in [
        "DENPASAR I Wayan Koster berkata.",
        "Namun, Jakarta -Bogor macet.",
    ] {
        assert!(detect(line).is_none_or(|d| d.city.is_none()), "{line}");
    }
}

#[test]
fn sixteenth_probe_forms() {
    for (line, outlet, city) in [
        // A web name, then a place's short form in capitals in brackets.
        (
            "SITUS.ID (KABGOR) \u{2013} Pemerintah menggelar rapat.",
            Some("Situs.id"),
            "Kabgor",
        ),
        // A town the gazetteer does not hold before a web name in brackets.
        (
            "Timika (situsmimika.com) \u{2013} Pemerintah menggelar rapat.",
            Some("Situsmimika.com"),
            "Timika",
        ),
        // A site's web name on a newer suffix, then its place.
        (
            "situsnews.today Mataram \u{2013} Pemerintah menggelar rapat.",
            Some("Situsnews.today"),
            "Mataram",
        ),
        // An outlet's dash, then a town in capitals and a dash of its own.
        (
            "SITUS NEWS \u{2013} MAUMERE \u{2013} Pemerintah menggelar rapat.",
            Some("Situs News"),
            "Maumere",
        ),
        // A place and a site's name made with a media word, the dash glued to the lede.
        (
            "Kabupaten Karawang, SituNews-Pemerintah menggelar rapat.",
            Some("Situnews"),
            "Kabupaten Karawang",
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (outlet, Some(city)),
            "{line}"
        );
        assert!(line[d.rest..].starts_with('P'), "{line}");
    }
    // A place, perhaps with its province's short form, then the day in brackets; a town
    // named by a word of towns and its regency.
    for (line, city) in [
        (
            "Kota Sorong, PBD (10/03/25) \u{2013} Pemerintah menggelar rapat.",
            "Kota Sorong",
        ),
        (
            "LOMBOK (9 Desember 2024) \u{2013} Pemerintah menggelar rapat.",
            "Lombok",
        ),
        (
            "KUALA KAPUAS \u{2013} Pemerintah menggelar rapat.",
            "Kuala Kapuas",
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (None, Some(city)),
            "{line}"
        );
    }
    // A pair of names glued by a hyphen after a place is no site's dash; two capitalised
    // words of no town are a kicker.
    for line in [
        "Jakarta, Prabowo-Gibran menang.",
        "POPULER JABODETABEK \u{2013} Pemerintah menggelar rapat.",
    ] {
        assert!(detect(line).is_none_or(|d| d.city.is_none()), "{line}");
    }
    // A web name's own hyphen is no dash glued to the lede.
    let d = detect("Maluku Tenggara, Situsulsel-Indonesia.com | Bupati menggelar rapat.").unwrap();
    assert_eq!(d.outlet.as_deref(), Some("Situsulsel-indonesia.com"));
}

#[test]
fn seventeenth_probe_forms() {
    // Long enough to be a lede and not a list of places after the comma.
    let lede = "Pemerintah menggelar rapat di kantor bupati bersama warga dan tokoh adat \
                setempat. Rapat berlangsung lancar.";
    for (head, outlet, city) in [
        // A place, then a site's name run together in capitals with no media word.
        ("Sikka, GardaFlores \u{2013} ", Some("Gardaflores"), "Sikka"),
        // A town in capitals, the site in brackets.
        (
            "SUNGAI PAKNING (Riaulantang) \u{2013} ",
            Some("Riaulantang"),
            "Sungai Pakning",
        ),
        // A site in lower case with a media word, then the place in capitals and a comma.
        (
            "suara banua news \u{2013} BANJAR, ",
            Some("Suara Banua News"),
            "Banjar",
        ),
        // A site, a pipe, then the place and its province.
        (
            "Restorasidaily| SIMALUNGUN, SUMATERA UTARA \u{2013} ",
            Some("Restorasidaily"),
            "Simalungun",
        ),
        // A web name, a comma and the place with no space, a dash glued to it.
        ("IGNNews.id,Anambas- ", Some("Ignnews.id"), "Anambas"),
        // A place, a web name after its dash.
        (
            "SIKKA-Klikpena.com \u{2013} ",
            Some("Klikpena.com"),
            "Sikka",
        ),
        // A place, then a web name after a space.
        (
            "Jembrana suarajembrana.com \u{2013} ",
            Some("Suarajembrana.com"),
            "Jembrana",
        ),
        // A site's name in capitals run into `News`, then the place.
        ("TVRINews, Jakarta \u{2013} ", Some("Tvrinews"), "Jakarta"),
    ] {
        reads(head, lede, outlet, city);
    }
    // A place alone before a tilde, a glued dash, its province's short form in lower case,
    // or the day in brackets with no dash.
    for (head, city) in [
        ("Serdang Bedagai~ ", "Serdang Bedagai"),
        ("Sikka- ", "Sikka"),
        ("Luwu sulsel \u{2013} ", "Luwu"),
        ("Kota Kupang (25/01/2016) \u{2013} ", "Kota Kupang"),
        ("Kota Kupang (25/01/2016) ", "Kota Kupang"),
    ] {
        reads(head, lede, None, city);
    }
    // Not a web name's own hyphen, a photographer's credit, a day, or prose.
    for line in [
        "bali-express.com \u{2013} Pemerintah menggelar rapat.",
        "KRISTIANTO PURNOMO/KOMPAS.COM \u{2013} Pemerintah menggelar rapat.",
        "Namun, McDonald \u{2013} Pemerintah menggelar rapat.",
        "kabar baik \u{2013} Pemerintah menggelar rapat.",
        // The review's: brands after a sentence's opener, credits before a hyphen, a
        // route, prose in lower case, a club's name in capitals.
        "Ternyata, WhatsApp \u{2013} Aplikasi pesan itu menambah fitur.",
        "Google, YouTube \u{2013} Dua layanan itu sempat terganggu.",
        "DOK HUMAS-Purwakartakab.go.id \u{2013} Bupati meninjau menara.",
        "ISTIMEWA-Tribunbanten.com \u{2013} Warga mengungsi.",
        "Jakarta ~ Bandung kini bisa ditempuh dalam 40 menit.",
        "berbagai media online \u{2013} Pemerintah Kabupaten Cianjur membantah.",
        "PERSEBAYA (Surabayajaya) \u{2013} Klub kebanggaan itu menang.",
    ] {
        let d = detect(line);
        assert!(d.as_ref().is_none_or(|d| d.city.is_none()), "{line}: {d:?}");
    }
}

#[test]
fn nineteenth_probe_forms() {
    let lede = "Pemerintah menggelar rapat di kantor bupati bersama warga dan tokoh adat \
                setempat. Rapat berlangsung lancar.";
    // Any dateline form with the day in brackets before its dash: the form decides.
    for (head, outlet, city) in [
        (
            "Padang, KemenP2MI (23/05/2025) \u{2013} ",
            Some("Kemenp2mi"),
            "Padang",
        ),
        ("Jayapura, (28/12)-\u{2014}", None, "Jayapura"),
    ] {
        reads(head, lede, outlet, city);
    }
    // Prose that ends a clause on a bracketed day before a dash stays prose.
    for line in [
        "Rapat digelar kemarin (23/05/2025) \u{2013} Pemerintah menggelar rapat.",
        "Menurut dia, banjir (Senin, 3/12) \u{2013} Pemerintah menggelar rapat.",
    ] {
        let d = detect(line);
        assert!(d.as_ref().is_none_or(|d| d.city.is_none()), "{line}: {d:?}");
    }
}

/// Asserts that `head` before `lede` (which opens on `P`) reads as a dateline of `city` and
/// `outlet`, the lede left whole.
fn reads(head: &str, lede: &str, outlet: Option<&str>, city: &str) {
    let line = format!("{head}{lede}");
    let d = detect(&line).unwrap_or_else(|| panic!("{line}"));
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref()),
        (outlet, Some(city)),
        "{line}"
    );
    assert!(line[d.rest..].starts_with('P'), "{line}");
}

#[test]
fn twenty_second_probe_forms() {
    let lede = "Pasar besi di kota itu hangus terbakar.";
    // A web name written with spaces for its points is the site, not a place (Bandung).
    reads(
        "TASIKMALAYA (TUGU BANDUNG ID), \u{2013} ",
        lede,
        Some("Tugubandung.id"),
        "Tasikmalaya",
    );
    reads(
        "SERANG (KABAR BANTEN COM) - ",
        lede,
        Some("Kabarbanten.com"),
        "Serang",
    );
    // Words in capitals with no web suffix stay an agency's name.
    let d = detect(&format!("JAKARTA (ANTARA NEWS) - {lede}")).expect("dateline");
    assert_eq!(d.outlet.as_deref(), Some("Antara News"), "{d:?}");
}

#[test]
fn place_and_web_name_each_boxed_by_a_pipe() {
    let line = "Sungai Penuh, | Deraphukum.click | pada Rabu (3/12/2025). Festival itu meriah.";
    let d = detect(line).expect("dateline");
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref()),
        (Some("Deraphukum.click"), Some("Sungai Penuh")),
    );
    assert!(line[d.rest..].starts_with("pada Rabu"), "{d:?}");
    // No web name between the pipes: a headline's parts, not a dateline.
    assert!(detect("Sungai Penuh, | Festival Budaya | pada Rabu (3/12/2025).").is_none());
}

#[test]
fn twenty_third_probe_forms() {
    for (line, outlet, city) in [
        // A site's name and its place closed by a colon, either spacing.
        (
            "MALUKUnews, Ambon: Ketegangan antara warga dan polisi belum usai.",
            "Malukunews",
            "Ambon",
        ),
        (
            "KabarSemesta, Kaur : Dalam rangka memeriahkan HUT RI, pemda menggelar lomba.",
            "Kabarsemesta",
            "Kaur",
        ),
        // A place, the day and the agency in brackets closed by a full stop.
        (
            "PONTIANAK, 10/2/2020 (Dayak News). Perayaan Cap Go Meh di Kota Singkawang meriah.",
            "Dayak News",
            "Pontianak",
        ),
        // A site's one word made with a media word, then its place, no comma.
        (
            "PortalBMR BOLTIM \u{2013} Pasca pemasangan garis polisi, tambang sepi.",
            "Portalbmr",
            "Boltim",
        ),
        // A site's media word run into its province's name beside a district's town.
        (
            "Kilaspapua, Sentani- Berdasarkan data Kementerian Sosial, pengungsi bertambah.",
            "Kilaspapua",
            "Sentani",
        ),
    ] {
        let d = detect(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (d.outlet.as_deref(), d.city.as_deref()),
            (Some(outlet), Some(city)),
            "{line}"
        );
        assert!(line[d.rest..].starts_with(['K', 'D', 'P', 'B']), "{line}");
    }
    // A place and its site's name in capitals, the dash glued to both.
    reads(
        "BANGGAI, LUWUK POST-",
        "Pelabuhan itu sepi.",
        Some("Luwuk Post"),
        "Banggai",
    );
    // A paper's name alone, a paper's word first.
    let d = detect("Koran Mandala \u{2013} Kondisi jalan di Kabupaten Majalengka kian parah.")
        .expect("dateline");
    assert_eq!((d.outlet.as_deref(), d.city), (Some("Koran Mandala"), None));
    for line in [
        // A speaker's office before a colon; a region's short form ending a broken sentence.
        "Ambon, Bupati Maluku: Banjir bandang melanda sejumlah wilayah di kota itu.",
        "Sumatera Utara (Sumut). Aiptu Pariadi dan istrinya ditemukan tewas.",
        // A kicker in capitals and an office before a place are no site's names.
        "VIRAL Kota Bandung \u{2013} Warga heboh oleh video itu.",
        "Polres Sleman \u{2013} Dua pelaku ditangkap.",
        // Words in capitals on both sides: a headline's, not a site's and its place.
        "BANJIR SLEMAN \u{2013} Warga mengungsi ke balai desa.",
        // A kicker, a body or a brand before a place (the review's cases).
        "GEMPA Cianjur \u{2013} Warga mengungsi ke lapangan.",
        "BULOG Ambon \u{2013} Stok beras aman hingga Lebaran.",
        "TikTok Bandung \u{2013} Video warga viral di media sosial.",
        "PALAKAT Minahasa Utara \u{2013} Pemilihan Hukum Tua segera dilaksanakan.",
        // A letter's title and a kicker naming the lede's subject are no papers.
        "Surat Terbuka \u{2013} Kami, para guru honorer, memohon perhatian.",
        "Koran Bekas \u{2013} Penjual koran bekas di pasar mengeluh sepi.",
        // A picture's credit in the brackets.
        "PONTIANAK, 10/3/2025 (Foto: Istimewa). Petugas memadamkan api di pasar.",
    ] {
        assert!(
            detect(line).is_none_or(|d| d.outlet.is_none()),
            "{line}: {:?}",
            detect(line)
        );
    }
}

#[test]
fn twenty_third_probe_forms_more() {
    let lede = "Perkara narkoba banyak terjadi sepanjang tahun itu.";
    // A comma typed for a web name's last point.
    reads(
        "Pangkalpinang, growmedia-indo,com\u{2013} ",
        lede,
        Some("Growmedia-indo.com"),
        "Pangkalpinang",
    );
    // A web name spaced after a word of the site's name, then its place.
    reads(
        "Bulenon News.Com Tanjab Barat \u{2013} ",
        lede,
        Some("Bulenon News.com"),
        "Tanjab Barat",
    );
    reads(
        "trendingpublik.com BOROKO \u{2013} ",
        lede,
        Some("Trendingpublik.com"),
        "Boroko",
    );
    // A site's web name with its point lost before its place.
    reads(
        "SPcom PANDEGLANG \u{2013} ",
        lede,
        Some("Spcom"),
        "Pandeglang",
    );
    // Not a firm's or a genre's name before a place in title case (the review's cases).
    for line in [
        "Telecom Makassar \u{2013} Perluasan Jaringan 5G Dimulai Bulan Depan",
        "Sitcom Jakarta \u{2013} Serial komedi itu tayang lagi.",
    ] {
        assert!(detect(line).is_none_or(|d| d.outlet.is_none()), "{line}");
    }
    // A full stop before a glued dash.
    reads(
        "Jakarta, hariandialog.co.id.- ",
        lede,
        Some("Hariandialog.co.id"),
        "Jakarta",
    );
    reads("Mukomuko .- ", lede, None, "Mukomuko");
    // A credit's or a citation's word before the web name, and a name in capitals beside a
    // spaced one (the review's cases).
    for line in [
        "Dok Tribunnews.com JEPRIMA \u{2013} Suasana banjir di jalan itu.",
        "Dikutip Kompas.com Surabaya \u{2013} Harga cabai naik tajam.",
        "Reporter Tribunnews.com Bekasi \u{2013} Warga berkumpul di balai.",
    ] {
        let d = detect(line);
        assert!(
            d.as_ref()
                .is_none_or(|d| d.outlet.as_deref().is_none_or(|o| !o.contains(' '))),
            "{line}: {d:?}"
        );
    }
    // A pair of bodies or a kicker in capitals glued to a hyphen is no dateline.
    for line in [
        "GOLKAR- PDIP sepakat mengusung calon bersama di pilkada.",
        "BREAKING- Gempa berkekuatan 5,2 mengguncang kota itu.",
    ] {
        assert!(detect(line).is_none_or(|d| d.city.is_none()), "{line}");
    }
}

#[test]
fn twenty_fifth_probe_forms() {
    let lede = "Pemerintah kabupaten mengajukan permohonan trayek baru.";
    // A regency's seat that no district is named after, in title case or capitals.
    reads("Lewoleba \u{2014} ", lede, None, "Lewoleba");
    reads("Muntok \u{2014} ", lede, None, "Muntok");
    reads("UNGARAN- ", lede, None, "Ungaran");
    // Before a slash and a web name, as a known place is.
    reads(
        "PURUK CAHU/TABENGAN.CO.ID \u{2013} ",
        lede,
        Some("Tabengan.co.id"),
        "Puruk Cahu",
    );
    // The site's web name alone before a pipe, then a paragraph: the outlet's dateline.
    let line = "WahanaNews.co | KPK memeriksa lima orang saksi untuk mengonfirmasi dugaan \
                tersangka Bupati nonaktif di gedung KPK. Pemeriksaan berlangsung lama.";
    let d = detect(line).expect("dateline");
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref()),
        (Some("Wahananews.co"), None)
    );
    assert!(line[d.rest..].starts_with("KPK"), "{d:?}");
    // A radio station after its place, its frequency with a decimal comma.
    reads(
        "Semarang, Idola 92,6 FM \u{2013} ",
        lede,
        Some("Idola 92.6 FM"),
        "Semarang",
    );
    // A known place glued to its site's media-word name, alone on its line.
    let d = detect("Nias-SuaraNias").expect("dateline");
    assert_eq!(
        (d.outlet.as_deref(), d.city.as_deref()),
        (Some("Suaranias"), Some("Nias"))
    );
    // Not a route, nor a place and a word (`Padang-Bukittinggi`, `Medan-Kota`).
    for line in [
        "Padang-Bukittinggi",
        "Medan-Binjai",
        "Bogor-Kota",
        "Bandung-Informasi",
        "Bandung-Infografis",
    ] {
        assert!(
            detect(line).is_none_or(|d| d.outlet.is_none()),
            "{line}: {:?}",
            detect(line)
        );
    }
    // A page's title after the web name is no lede.
    assert_eq!(detect("WahanaNews.co | Berita Terkini Hari Ini"), None);
}

#[test]
fn a_pipe_after_a_site_and_its_place_ends_the_dateline() {
    assert_eq!(
        dl("contohsitus.com, Medan | Sejumlah pejabat eselon"),
        (
            s("Contohsitus.com"),
            s("Medan"),
            "Sejumlah pejabat eselon".into()
        )
    );
    // A page's menu or a kicker keeps its pipe: no site's web name and place before it.
    for line in [
        "Berita | Daerah Sejumlah warga",
        "MEDAN, PSMS | Pelatih kepala memanggil pemain.",
        "Hukum, Kriminal | Sejumlah warga",
    ] {
        assert!(
            detect(line).is_none_or(|d| d.city.is_none()),
            "{line}: {:?}",
            detect(line)
        );
    }
}
