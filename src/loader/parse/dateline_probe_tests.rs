//! Golden tests of the dateline forms met on held-out probes of outlets the parser had not
//! seen (third to twelfth), with the prose each must not take for one.

use super::*;

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
