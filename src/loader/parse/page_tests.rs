//! Golden tests of the page around a story: a photo's dated caption closed by its credit,
//! the credit's outlet glued by a slash, and a headline printed again under the page's
//! furniture.

use super::*;

fn p(text: &str) -> Article {
    parse_text(text, "t.txt")
}

/// A headline, a lede on its dateline, `line`, and a second paragraph.
fn between(line: &str) -> Article {
    p(&format!(
        "Judul Berita Yang Cukup Panjang\nKOTABARU - Warga berkumpul di balai desa.\n{line}\nParagraf dua."
    ))
}

/// A headline, `lede` as the first paragraph, and a second paragraph.
fn with_lede(lede: &str) -> Article {
    p(&format!(
        "Judul Berita Yang Cukup Panjang\n{lede}\nParagraf dua."
    ))
}

/// Every line of `lines` between two paragraphs stays in the body.
fn all_stay(lines: &[&str]) {
    for line in lines {
        let a = between(line);
        assert_eq!(a.body.body.len(), 3, "{line}: {:?}", a.body.boilerplate);
    }
}

/// Every line of `lines` between two paragraphs leaves the body as its kind.
fn all_leave(lines: &[(&str, RemovedKind)]) {
    for &(line, kind) in lines {
        let a = between(line);
        assert_eq!(
            a.body.body,
            ["Warga berkumpul di balai desa.", "Paragraf dua."],
            "{line}"
        );
        assert_eq!(kinds(&a), [kind], "{line}");
    }
}

fn kinds(a: &Article) -> Vec<RemovedKind> {
    a.body.boilerplate.iter().map(|r| r.kind).collect()
}

#[test]
fn a_dated_caption_closed_by_a_credit_leaves_the_body() {
    for caption in [
        "Petugas menunjukkan kardus berisi produk yang disita di Kota Contoh (3/9). (VOA/Ani Lestari)",
        "Tim voli putri berpose di sela latihan di GOR Contoh, Senin (3/4/2017).(ANI LESTARI/WARTA.COM)",
        "Kawasan industri dari atas bukit Desa Contoh, Kecamatan Contoh, Kamis (3/1). (Antara Foto)",
        "Wali Kota Contoh F.X. Budi memakai masker, Selasa (9/6/2020). (Warta-Ani Lestari P.D.)",
        // A long scene, its day and hour, its credit naming the picture.
        "Tim gabungan terdiri dari polisi, satpol pp, TNI dan Polri melakukan razia penginapan di \
         Kota Contoh, ibu kota Kabupaten Contoh, untuk memastikan para pengunjung tidak \
         melanggar aturan, Sabtu (29/8/2020) tengah malam jelang dini hari. (ANTARA FOTO/Ani)",
    ] {
        let a = between(caption);
        assert_eq!(
            a.body.body,
            ["Warga berkumpul di balai desa.", "Paragraf dua."],
            "{caption}"
        );
        assert_eq!(kinds(&a), [RemovedKind::Caption], "{caption}");
    }
}

#[test]
fn a_dated_sentence_closed_by_a_desk_code_or_quoting_someone_stays() {
    all_stay(&[
        // A desk code has no space in it.
        "Polisi menangkap pelaku di rumahnya, Senin (30/9). (MS/Red)",
        "Polisi menangkap pelaku di rumahnya, Senin (30/9). (*/ROLLE/JIT)",
        // Someone speaks: the story's own paragraph, closed by its reporter's name.
        "Kami akan memanggil mereka, kata Kepala Dinas Contoh, Senin (30/9). (Ani Lestari)",
        "\u{201c}Kami akan memanggil mereka,\u{201d} ujarnya, Senin (30/9). (Ani Lestari)",
        // Two sentences are a paragraph.
        "Polisi menangkap pelaku. Barang bukti disita, Senin (30/9). (Ani Lestari)",
        // No day before the credit.
        "Polisi menangkap pelaku di rumahnya. (Ani Lestari)",
        // The day, then more than its hour.
        "Polisi menangkap pelaku di rumahnya, Senin (30/9) bersama barang bukti. (ANTARA)",
    ]);
}

#[test]
fn a_credit_glued_by_its_slash_names_the_outlet_after_it() {
    let a = p("Judul Berita Voli\nTim berpose, Senin (3/4/2017).(ANI LESTARI/KOMPAS.COM)\nIsi.");
    assert_eq!(a.meta.outlet.as_deref(), Some("Kompas.com"));
    // A name before the slash is never the outlet, however the credit is written.
    let b = p("Judul Berita Voli\nWarga antre di pasar.(ANI LESTARI/WARTAKOTA.CO.ID)\nIsi.");
    assert_eq!(b.meta.outlet.as_deref(), Some("Wartakota.co.id"));
}

#[test]
fn a_headline_printed_again_under_the_pages_furniture_starts_the_story() {
    for between in [
        "Bisnis",
        "icon caption\nBisnis",
        "Berita\nFoto/Net\nNusantara",
        "KORAN CONTOH\nhukum kriminal indeks",
        "Petugas mengarahkan kendaraan di gerbang tol, Sabtu, 7 Mei 2022. Foto: Ani/Warta\nNasional",
        "\u{2022} Beranda\n\u{2022} Liputan/Berita\n\u{2022} Warga Desa Gelar Kerja Bakti Massal",
    ] {
        let a = p(&format!(
            "Warga Desa Gelar Kerja Bakti Massal\n{between}\nWarga Desa Gelar Kerja Bakti Massal\n\
             KOTABARU - Warga berkumpul di balai desa sejak pagi.\nParagraf dua."
        ));
        assert_eq!(
            a.meta.title, "Warga Desa Gelar Kerja Bakti Massal",
            "{between}"
        );
        assert_eq!(
            a.body.body,
            ["Warga berkumpul di balai desa sejak pagi.", "Paragraf dua."],
            "{between}"
        );
        assert_eq!(
            a.body.boilerplate.len(),
            between.lines().count() + 1,
            "{between}: {:?}",
            a.body.boilerplate
        );
    }
    // The story began before the repeat (a dateline, a long paragraph): nothing moves.
    let long = "Warga berkumpul di balai desa sejak pagi untuk membahas rencana kerja bakti. \
                Kepala desa memimpin rapat itu dan meminta setiap keluarga mengirim satu orang \
                untuk membersihkan saluran air, jalan desa, dan halaman sekolah yang rusak akibat \
                banjir pekan lalu, sementara para pemuda menyiapkan alat dan konsumsi.";
    for before in ["KOTABARU - Warga berkumpul di balai desa.", long] {
        let a = p(&format!(
            "Warga Desa Gelar Kerja Bakti Massal\n{before}\nWarga Desa Gelar Kerja Bakti Massal\nParagraf dua."
        ));
        assert_eq!(a.body.body.len(), 3, "{before}: {:?}", a.body.body);
    }
}

#[test]
fn widget_and_layout_leftovers_leave_the_body() {
    use RemovedKind::*;
    all_leave(&[
        ("grosir-buah-contoh", Footer),
        ("pt-contoh-indonesia", Footer),
        ("11:00 WIB", Footer),
        ("Feb", Footer),
        ("Nomor : SP. 297 /HUMAS/PP/HMS.3/10/2017", Footer),
        ("icon caption", Footer),
        ("Dilihat 349 kali", Footer),
        ("Bacaan 2 Menit", Footer),
        ("Komentar Anda :", Footer),
        (
            "(function(f,b,n){x=b.createElement(n);})(window,document,'script')",
            Footer,
        ),
        ("Share this", Prompt),
        ("Bagikan keFacebook", Prompt),
        ("(ilustrasi)", Caption),
        ("Berita Selanjutnya", Related),
        ("\u{2022} URL berhasil dicopy", Prompt),
        ("Artikel ini sudah terbit di contoh-warta.com", Credit),
        (
            "Warga menyingkirkan tanah yang menimpa rumah korban. Foto : AB/Ani Lestari",
            Caption,
        ),
    ]);
    // Hyphenated words, a time in a sentence and a month in one stay.
    all_stay(&[
        "Anak-anak bermain di halaman.",
        "Rapat dimulai pukul 11:00 WIB.",
        "Pada Februari lalu warga juga berkumpul.",
        "Bagikan kepada tetangga informasi ini.",
        "Warga bergotong-royong. Foto bersama dilakukan setelahnya: semua tersenyum.",
    ]);
}

#[test]
fn an_avatar_names_the_author_and_initials_close_as_a_desk_code() {
    let a = p(
        "Judul Berita Yang Cukup Panjang\navatar Ani Lestari\nKOTABARU - Warga berkumpul di balai desa.\nParagraf dua.\nFIA",
    );
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(
        a.body.body,
        ["Warga berkumpul di balai desa.", "Paragraf dua."]
    );
    assert_eq!(kinds(&a), [RemovedKind::Credit, RemovedKind::Credit]);
}

#[test]
fn a_year_first_stamp_and_a_place_alone_over_the_lede() {
    let a = p(
        "Judul Berita Yang Cukup Panjang\n2023.10.09\nJakarta\nKomisi itu pada Senin mengatakan akan menyelidiki bentrokan.\nParagraf dua.",
    );
    assert_eq!(a.meta.published, Some("2023-10-09".parse().unwrap()));
    assert_eq!(a.meta.dateline.as_deref(), Some("Jakarta"));
    assert_eq!(
        a.body.body,
        [
            "Komisi itu pada Senin mengatakan akan menyelidiki bentrokan.",
            "Paragraf dua."
        ]
    );
    // A place alone over a line that is no sentence is a label, not a dateline.
    let b = p("Judul Berita Yang Cukup Panjang\nJakarta\nDaftar Harga\nParagraf dua.");
    assert_eq!(b.meta.dateline, None);
}

#[test]
fn a_caption_printed_twice_and_a_share_column_leave_the_top() {
    let a = p("Judul Berita Yang Cukup Panjang\n\
        Ilustrasi, Warga Mengungsi dari Desa Contoh\n\
        Ilustrasi, Warga Mengungsi dari Desa Contoh /AGENSI FOTO/Ani Lestari\n\
        WARTAKLIK - Ratusan warga mengungsi dari desa itu sejak Senin pagi karena banjir.\n\
        Paragraf dua.");
    assert_eq!(a.meta.outlet.as_deref(), Some("Wartaklik"));
    assert_eq!(
        a.body.body,
        [
            "Ratusan warga mengungsi dari desa itu sejak Senin pagi karena banjir.",
            "Paragraf dua."
        ]
    );
    assert_eq!(kinds(&a), [RemovedKind::Caption, RemovedKind::Caption]);
    // The lede printed twice with nothing longer after it stays.
    let b = p("Judul Berita Yang Cukup Panjang\n\
        Ratusan warga mengungsi dari desa itu sejak Senin pagi.\n\
        Ratusan warga mengungsi dari desa itu sejak Senin pagi.\n\
        Banjir surut.");
    assert_eq!(b.body.body.len(), 3, "{:?}", b.body.boilerplate);
    let c = p(
        "Judul Berita Yang Cukup Panjang\nFacebook\nTwitter\nWhatsApp\nPrint\n\
        Purworejo \u{2013} Warga berkumpul di balai desa.\nParagraf dua.",
    );
    assert_eq!(c.meta.dateline.as_deref(), Some("Purworejo"));
    assert_eq!(
        c.body.body,
        ["Warga berkumpul di balai desa.", "Paragraf dua."]
    );
}

#[test]
fn a_dateline_names_its_site_fully_when_the_text_gives_its_web_name() {
    let a = p("Judul Berita Yang Cukup Panjang\n\
        TERNATE (kotaku) \u{2013} Kasus demam berdarah naik.\n\
        Baca berita lain di kotaku.id setiap hari.\n\
        Hubungi redaksi@kotaku.id untuk koreksi.");
    assert_eq!(a.meta.outlet.as_deref(), Some("Kotaku.id"));
    // An e-mail address names no outlet.
    let b =
        p("Judul Berita Yang Cukup Panjang\nWarga berkumpul.\nHubungi info@kampus.ac.id segera.");
    assert_eq!(b.meta.outlet, None);
}

#[test]
fn a_date_only_stamp_days_after_the_story_is_the_pages_today_widget() {
    let a = p("Judul Berita Yang Cukup Panjang\nSabtu, 20 April 2024\n\
        Warga berkumpul di balai desa, kata Kepala Desa Ani Lestari, Rabu (9/11/2022).\nParagraf dua.");
    assert_eq!(a.meta.published, Some("2022-11-09".parse().unwrap()));
    // A day after the story it is the stamp; with a time, it is the stamp however late.
    let b = p("Judul Berita Yang Cukup Panjang\nKamis, 10 November 2022\n\
        Warga berkumpul di balai desa, kata Kepala Desa Ani Lestari, Rabu (9/11/2022).\nParagraf dua.");
    assert_eq!(b.meta.published, Some("2022-11-10".parse().unwrap()));
    let c = p(
        "Judul Berita Yang Cukup Panjang\nSabtu, 20 April 2024 10:15 WIB\n\
        Warga berkumpul di balai desa, kata Kepala Desa Ani Lestari, Rabu (9/11/2022).\nParagraf dua.",
    );
    assert_eq!(c.meta.published, Some("2024-04-20".parse().unwrap()));
}

#[test]
fn a_place_and_a_site_alone_on_the_first_line() {
    let a = p("Judul Berita Yang Cukup Panjang\nBinjai - Kabar-kota.com\n\
        Pengadilan Negeri menggelar sidang kedua terdakwa pada Kamis (23/9) siang.\nParagraf dua.");
    assert_eq!(a.meta.dateline.as_deref(), Some("Binjai"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Kabar-kota.com"));
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // Over a short headline and its deck, the control goes and the headline stays.
    let a = p("Menu\n\nBanjir Rendam Kabupaten Demak\n\n\
         Ribuan Warga Mengungsi ke Masjid dan Sekolah Terdekat\n\n\
         Air setinggi satu meter merendam permukiman warga sejak Senin malam.\n\n\
         Bantuan juga datang dari kota tetangga.");
    assert_eq!(a.meta.title, "Banjir Rendam Kabupaten Demak");
}

#[test]
fn a_place_and_a_writer_alone_on_the_first_line() {
    let a = p("Judul Berita Yang Cukup Panjang\nBontang - Ani Lestari\n\
        Wali Kota meninjau dapur umum di kelurahan itu pada Kamis (21/8/2025) pagi.\nParagraf dua.");
    assert_eq!(a.meta.dateline.as_deref(), Some("Bontang"));
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // A site's name and its writer, both in capitals.
    let a = p(
        "Judul Berita Yang Cukup Panjang\nTVRI YOGYAKARTA NEWS \u{2013} PAULUS YESAYA JATI\n\
        Pamor pasar-pasar tradisional kian hari terus turun di kota itu.\nParagraf dua.",
    );
    assert_eq!(a.meta.authors, ["Paulus Yesaya Jati"]);
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // After a place, words in capitals are a kicker as often.
    let a = p(
        "Judul Berita Yang Cukup Panjang\nJAKARTA \u{2013} SIARAN PERS\n\
        Pamor pasar-pasar tradisional kian hari terus turun di kota itu.\nParagraf dua.",
    );
    assert!(a.meta.authors.is_empty(), "{:?}", a.meta.authors);
}

#[test]
fn a_dateline_alone_whose_dash_opens_the_lede() {
    let a = p("Judul Berita Yang Cukup Panjang\nKintamani, baliilu.com\n\
        \u{2013} Bali tak pernah surut diguncang musibah di pulau itu.\nParagraf dua.");
    assert_eq!(a.meta.dateline.as_deref(), Some("Kintamani"));
    assert_eq!(
        a.body.body[0],
        "Bali tak pernah surut diguncang musibah di pulau itu."
    );
}

#[test]
fn of_two_towns_in_other_provinces_the_dateline_is_the_one_the_text_names() {
    // `METRO` is a site named like a town, before or after the place.
    for (lede, place, site) in [
        (
            "PAYAKUMBUH, METRO \u{2014}Polisi menangkap pria itu.",
            "Payakumbuh",
            "Metro",
        ),
        (
            "METRO, PAYAKUMBUH \u{2014}Polisi menangkap pria itu.",
            "Payakumbuh",
            "Metro",
        ),
    ] {
        let a = p(&format!(
            "Polisi Gadungan Ditangkap Warga\n{lede}\nPria itu dibawa ke Mapolres Payakumbuh \
             untuk diperiksa.\nKapolres Payakumbuh membenarkan penangkapan itu.\nWarga \
             Payakumbuh diminta tenang."
        ));
        assert_eq!(a.meta.dateline.as_deref(), Some(place), "{lede}");
        assert_eq!(a.meta.outlet.as_deref(), Some(site), "{lede}");
    }
}

#[test]
fn a_meta_row_a_window_title_and_a_reporters_key() {
    // A meta row: the stamp between keyed fields.
    let a = p(
        "Judul Berita Yang Cukup Panjang\nOleh : | 03 Februari 2026 | Dibaca : 3 Pengunjung\n\
        Pemerintah kabupaten mengukuhkan pengurus desa adat pada Senin (2/2/2026) lalu.\nParagraf dua.",
    );
    assert_eq!(a.meta.published, Some("2026-02-03".parse().unwrap()));
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // A desk's name and a view counter either side of the date.
    let v = p(
        "Judul Berita Yang Cukup Panjang\nBerita 20 Agustus 2024 Dilihat 255 Orang\n\
        Pemerintah kabupaten mengukuhkan pengurus desa adat di balai desa.\nParagraf dua.",
    );
    assert_eq!(v.meta.published, Some("2024-08-20".parse().unwrap()));
    // The headline repeated with a stop under the stamp is the same headline.
    let r = p(
        "Judul Berita Yang Cukup Panjang\nBerita 20 Agustus 2024 Dilihat 255 Orang\n\
        Judul Berita Yang Cukup Panjang.\nPemerintah kabupaten mengukuhkan pengurus desa adat.",
    );
    assert_eq!(r.meta.title, "Judul Berita Yang Cukup Panjang");
    assert_eq!(r.body.body.len(), 1, "{:?}", r.body.body);
    assert_eq!(v.body.body.len(), 2, "{:?}", v.body.body);
    // The same words in a sentence are no stamp.
    let w = p(
        "Judul Berita Yang Cukup Panjang\nBerita itu dilihat 255 orang pada 20 Agustus 2024\n\
        Pemerintah kabupaten mengukuhkan pengurus desa adat di balai desa.",
    );
    assert_eq!(w.body.body.len(), 2, "{:?}", w.body.body);
    // The headline again with the site's name after it, as the window title has it.
    let b = p(
        "Suporter Serbu Stadion Hari Ini\n\nSuporter Serbu Stadion Hari Ini - Situs.co KOTA\n\
        Pengamanan pertandingan di stadion itu diperketat hari ini.",
    );
    assert_eq!(b.meta.title, "Suporter Serbu Stadion Hari Ini");
    let c = p("Suporter Serbu Stadion\nSuporter Serbu Stadion - Ini Kata Polisi\nIsi berita.");
    assert_eq!(c.meta.title, "Suporter Serbu Stadion - Ini Kata Polisi");
    // After a reporter's key and its colon the name comes whole.
    let d = p(
        "Judul Berita Yang Cukup Panjang\nLaporan reporter: Gusti Ayu Lestari\n\
        KOTA - Warga berkumpul di balai desa.",
    );
    assert_eq!(d.meta.authors, ["Gusti Ayu Lestari"]);
}

#[test]
fn a_caption_under_a_label_in_capitals_leaves_the_top() {
    let a = p("Sekolah Rusak Parah di Kecamatan Contoh\n\
        RUSAK. Sekretaris Komisi IV DPRD saat memantau sekolah yang rusak di Kecamatan Contoh.\n\
        Murid sekolah dasar itu terpaksa belajar di rumah warga sejak atap kelas runtuh bulan lalu.\n\
        Paragraf dua.");
    assert_eq!(kinds(&a), [RemovedKind::Summary]);
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // A site's name with its stop, and a place in capitals with its stop, are datelines.
    let b = p("Judul Berita Yang Cukup Panjang\n\
        TEMPO.CO, Jakarta - Kepolisian mengklaim penyelidikan telah rampung pekan ini.\nParagraf dua.");
    assert_eq!(b.meta.dateline.as_deref(), Some("Jakarta"));
    assert!(b.body.boilerplate.is_empty(), "{:?}", b.body.boilerplate);
    let c = p("Judul Berita Yang Cukup Panjang\n\
        JAKARTA. Sebagai upaya mencegah kebakaran lahan, kementerian memetakan daerah rawan.\nParagraf dua.");
    assert_eq!(c.meta.dateline.as_deref(), Some("Jakarta"));
    assert!(
        c.body.body[0].starts_with("Sebagai upaya"),
        "{:?}",
        c.body.body
    );
}

#[test]
fn lines_shaped_like_the_new_forms_that_are_prose_stay() {
    // A lede opening on a title in capitals is no labelled caption.
    let a = p("Film Terlaris Sepanjang Masa\n\
        AVENGERS: ENDGAME adalah film paling dibicarakan tahun ini dan baru saja menjadi film terlaris.\n\
        Paragraf dua yang cukup panjang untuk dibaca.");
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body);
    // A district's name in title case is a word (`Tarik` is one in Sidoarjo): no dateline.
    let b =
        p("Tarik - Menarik Kenaikan Iuran, Nomor 6 Jadi Titik Masalah\nIsi berita yang panjang.");
    assert_eq!(b.meta.dateline, None);
    assert_eq!(
        b.meta.title,
        "Tarik - Menarik Kenaikan Iuran, Nomor 6 Jadi Titik Masalah"
    );
    // A list's line with a bracket and a dash is no other story's dateline.
    let c = p("Daftar Tokoh Paling Berkuasa di Industri Hiburan\n\
        Outlet berita itu merayakan hari jadinya dengan mengumpulkan daftar orang paling berkuasa di industri hiburan.\n\
        Survei itu melibatkan seratus orang dalam yang aktif di industri hiburan, dari sutradara sampai agensi.\n\
        Penyanyi legendaris menduduki peringkat pertama, seri dengan seorang sutradara film yang terkenal.\n\
        Berikut ini adalah daftar dua puluh besar tokoh yang paling berkuasa menurut survei tersebut.\n\
        (aktor) - 17 poin, 12. Nama Tokoh (sutradara) - 16 poin, 13. Nama Lain (sutradara) - 15 poin, 14. Nama Ketiga (PD) - 11 poin.\n\
        (aktris) - 9 poin");
    assert_eq!(c.body.body.len(), 6, "{:?}", c.body);
}

#[test]
fn a_web_name_that_splits_a_letter_where_the_bare_name_ends_is_no_crash() {
    // `kabarkü.id`: byte 7 falls inside `ü`, where `Kabarku` ends.
    let a = p("Judul Berita Yang Cukup Panjang\n\
        TERNATE (kabarku) \u{2013} Kasus demam berdarah naik.\n\
        Baca berita lain di kabarkü.id setiap hari.");
    assert_eq!(a.meta.outlet.as_deref(), Some("Kabarku"));
}

#[test]
fn english_and_informal_read_also_prompts_leave_the_body() {
    use RemovedKind::*;
    all_leave(&[
        ("Also Read", Related),
        ("You may also like", Related),
        ("Posting Komentar", Footer),
        ("Discussion about this post", Footer),
        (
            "You may also like : Peringatan Dini Cuaca Contoh Hujan Lebat di Kota Contoh",
            Related,
        ),
        (
            "You might be interested : Prediksi Cuaca Hari Ini Kota Contoh Hujan Sedang",
            Related,
        ),
        (
            "Bacaaja: Wali Kota Contoh Jajaki Kolaborasi Kota Berseri",
            Related,
        ),
        (
            "Baca jugaWali Kota Contoh: Kota Harus Jadi Rumah Bersama",
            Related,
        ),
    ]);
    all_stay(&["You may also like the new park, said a visitor."]);
}

#[test]
fn a_bulleted_sentence_under_a_related_label_is_the_storys_own_list() {
    let a = p("Judul Berita Yang Cukup Panjang\n\
        KOTABARU - Bentrokan terjadi di desa itu.\n\
        Korban:\n\
        Also Read\n\
        - Bripka Contoh: anggota yang tewas saat melerai bentrokan.\n\
        - Empat warga: dilaporkan mengalami luka-luka.\n\
        Paragraf dua.");
    for item in ["- Bripka Contoh", "- Empat warga"] {
        assert!(
            a.body.body.iter().any(|b| b.starts_with(item)),
            "{item}: {:?}",
            a.body.body
        );
    }
    assert!(a.meta.title.starts_with("Judul"));
}

#[test]
fn a_weak_dateline_under_lines_that_are_no_sentences_opens_the_story() {
    // Scraps of a page, a caption with no stop, a teaser cut short.
    for above in [
        "84 0",
        "ADVERTORIAL",
        "- Editor",
        "Suasana rapat warga di balai desa Contoh pada sore hari",
        "Kapolres turun langsung ke desa untuk meninjau lahan yang menjadi sumber konflik antara",
    ] {
        let a = p(&format!(
            "Judul Berita Yang Cukup Panjang\n{above}\n\
             Kota Sorong \u{2013} Kabupaten Contoh mempunyai potensi pariwisata yang beragam.\n\
             Paragraf dua."
        ));
        assert_eq!(a.meta.dateline.as_deref(), Some("Kota Sorong"), "{above}");
        assert_eq!(
            a.body.body,
            [
                "Kabupaten Contoh mempunyai potensi pariwisata yang beragam.",
                "Paragraf dua."
            ],
            "{above}"
        );
    }
    // Under a line of prose no dateline, nor over a lede that is no sentence.
    let a = p("Judul Berita Yang Cukup Panjang\n\
        Warga sudah berkumpul sejak pagi tadi di sana.\n\
        Kota Sorong \u{2013} Kabupaten Contoh mempunyai potensi pariwisata.\n\
        Paragraf dua.");
    assert_eq!(a.meta.dateline, None);
    let a = p("Judul Berita Yang Cukup Panjang\n\
        Suasana rapat warga di balai desa Contoh pada sore hari\n\
        Kota Sorong \u{2013} kota itu juga begitu ramai.\n\
        Paragraf dua.");
    assert_eq!(a.meta.dateline, None);
}

/// A code's stops and brackets (`AMBON, MM. –`) are the dateline's punctuation.
#[test]
fn a_site_glued_to_its_place_with_the_place_in_brackets_or_as_a_punctuated_code() {
    for (lede, outlet, place) in [
        (
            "AMBON, MM. \u{2013} Pemerintah Kota Contoh menggelar rapat.",
            "MM",
            "Ambon",
        ),
        (
            "KOTA CIREBON, (FC).- Pemerintah Daerah Contoh terus berinovasi.",
            "FC",
            "Kota Cirebon",
        ),
        (
            "JAKARTA, KOMPAS.com - Pemerintah berkumpul di balai desa.",
            "Kompas.com",
            "Jakarta",
        ),
        (
            "KBOBABEL.COM (BANGKA) \u{2013} Pemerintah Contoh menggelar rapat.",
            "Kbobabel.com",
            "Bangka",
        ),
        (
            "PAPUAinside.comJAYAPURA \u{2013} Kapolda meresmikan gedung.",
            "Papuainside.com",
            "Jayapura",
        ),
        (
            "eQuator.co.idPONTIANAK-RK. Pemerintah Contoh menggelar rapat.",
            "Equator.co.id",
            "Pontianak",
        ),
    ] {
        let a = with_lede(lede);
        assert_eq!(a.meta.outlet.as_deref(), Some(outlet), "{lede}");
        assert_eq!(a.meta.dateline.as_deref(), Some(place), "{lede}");
        assert!(
            a.body.body[0].starts_with(['P', 'K']),
            "{lede}: {:?}",
            a.body.body
        );
    }
    // A web name glued to a word that is no place, or a long code, is no dateline.
    for lede in [
        "Contoh.comBERITA \u{2013} Pemerintah menggelar rapat.",
        "Contoh.co.idPONTIANAK-REDAKSI. Pemerintah menggelar rapat.",
    ] {
        let a = with_lede(lede);
        assert_eq!(a.meta.dateline, None, "{lede}");
    }
}

#[test]
fn a_dash_lost_to_the_encoding_or_drawn_oddly_still_closes_the_dateline() {
    for (lede, place) in [
        (
            "BANDAR LAMPUNG \u{fffd} Polisi menangkap dua pelaku.",
            "Bandar Lampung",
        ),
        (
            "Kabupaten Cirebon// Bupati meresmikan pasar.",
            "Kabupaten Cirebon",
        ),
        ("SLEMAN_ Bupati meresmikan pasar.", "Sleman"),
        // Glued to the lede; a town the gazetteer does not hold, in title case.
        (
            "Kabupaten Cirebon//Bupati meresmikan pasar.",
            "Kabupaten Cirebon",
        ),
        ("Waingapu_ Bupati meresmikan pasar.", "Waingapu"),
    ] {
        let a = with_lede(lede);
        assert_eq!(a.meta.dateline.as_deref(), Some(place), "{lede}");
        assert!(
            a.body.body[0].starts_with(['P', 'B']),
            "{lede}: {:?}",
            a.body.body
        );
    }
    // A web address and a name glued to a stroke stay prose.
    all_stay(&[
        "Lihat di https://contoh.com/ berita ini.",
        "Nama_ saya Budi dan saya tinggal di sini.",
        "Warga \u{fffd} yang tinggal di sini \u{fffd} berkumpul.",
    ]);
}

#[test]
fn a_dateline_alone_on_its_line_with_its_site_in_brackets_or_its_day() {
    for line in ["Medan (situsku.com)", "Medan(situsku.com)"] {
        let a = p(&format!(
            "Judul Berita Yang Cukup Panjang\n{line}\nWarga berkumpul di balai desa.\nParagraf dua."
        ));
        assert_eq!(a.meta.dateline.as_deref(), Some("Medan"), "{line}");
        assert_eq!(a.meta.outlet.as_deref(), Some("Situsku.com"), "{line}");
        assert_eq!(a.body.body[0], "Warga berkumpul di balai desa.", "{line}");
    }
    // A release's place and day: the dateline and the page's stamp.
    let a = p(
        "Judul Berita Yang Cukup Panjang\nJember, 21 Januari 2022\nUniversitas menggelar wisuda di gedung auditorium.\nParagraf dua.",
    );
    assert_eq!(a.meta.dateline.as_deref(), Some("Jember"));
    assert_eq!(a.meta.published, Some("2022-01-21".parse().unwrap()));
    assert_eq!(
        a.body.body[0],
        "Universitas menggelar wisuda di gedung auditorium."
    );
    // An unknown word in brackets alone on a line is no dateline.
    let b = p(
        "Judul Berita Yang Cukup Panjang\nMedan (ilustrasi)\nWarga berkumpul di balai desa.\nParagraf dua.",
    );
    assert_eq!(b.meta.dateline, None);
}

#[test]
fn share_icons_embedded_posts_and_a_credit_before_a_stop_leave_the_body() {
    all_leave(&[
        (
            "facebook icon twitter icon whatsapp icon telegram icon line icon copy",
            RemovedKind::Prompt,
        ),
        (
            "Kalau mau protes jangan di sini ya pak pic.twitter.com/AbCd123",
            RemovedKind::Caption,
        ),
        (
            "\u{2014} Nama Akun (@namaakun) September 5, 2025",
            RemovedKind::Caption,
        ),
        (
            "Peringatan dini cuaca ekstrem di wilayah ini (Foto: IG Akun Contoh).",
            RemovedKind::Caption,
        ),
    ]);
    // A sentence of the story that mentions an account or closes on slashed words stays.
    all_stay(&[
        "Warga menyebut akun itu (@akun) sudah aktif sejak 2025.",
        "Ia merinci larangan impor (barang larangan dan/atau pembatasan /lartas).",
        "Kata icon dipakai warga untuk menyebut tokoh idola mereka di kampung.",
    ]);
}

#[test]
fn a_picture_kept_as_markdown_on_its_own_line_is_a_caption() {
    all_leave(&[
        (
            "![Bupati menyerahkan buku kepada Pemda Kota Contoh [Foto. Ist.]](https://site.id/wp-content/uploads/2023/05/2-2-300x178.jpg)",
            RemovedKind::Caption,
        ),
        ("![](https://site.id/foto.jpg)", RemovedKind::Caption),
    ]);
    // A picture or a link within a sentence is the sentence's.
    all_stay(&[
        "Warga melihat ![foto](https://site.id/a.jpg) di balai desa kemarin.",
        "![Bupati menyerahkan buku](https://site.id/a.jpg) kepada warga desa pada Senin lalu.",
        "![Bupati menyerahkan buku](kepada warga desa pada Senin lalu)",
    ]);
}

#[test]
fn the_sites_dateline_under_a_rail_of_teasers_is_the_lede() {
    let teasers = "Keluarga Contoh kehilangan tanah di dekat pantai yang ditempati selama berdekade oleh pengusaha asal Surabaya\n\
        Sejumlah media memuat berita berisi tudingan terkait polemik geotermal. Apa yang keliru dengan tudingan itu?\n\
        Narasi yang mereduksi makna tanah hanya dari segi ekonomi melanggengkan praktek perampasan lahan warga\n\
        Ia merintis komunitas pemberdayaan mantan pekerja migran agar mereka tak lagi memilih merantau jauh\n\
        Sidang kasus pekerja migran yang selamat dari rumah majikan akan diputuskan pada akhir Juni mendatang\n\
        Kelompok perempuan terlibat aktif dalam gerakan perlawanan menolak proyek yang mengancam lingkungan\n\
        Meski judul buku itu mengandung kata pemburu, ia tak sekalipun menyebut pemburu untuk nelayan di sana\n";
    let lede = "Site.co \u{2013} Warga Desa Contoh di Kabupaten Manggarai yang menolak proyek panas bumi mengadakan aksi protes di Ruteng pada Rabu, 9 Agustus.\n\
        Aksi tersebut adalah salah satu cara yang mereka lakukan untuk menyatakan penolakan.\n";
    let a = p(&format!(
        "Aksi Protes Warga Tolak Proyek Panas Bumi\n{teasers}{lede}"
    ));
    assert_eq!(a.meta.outlet.as_deref(), Some("Site.co"));
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    assert!(
        a.body.body[0].starts_with("Warga Desa Contoh"),
        "{:?}",
        a.body.body
    );
    // Under a story's paragraphs, the same line opens another story, and the story stays.
    let story = "Warga desa menggelar rapat di balai desa untuk membahas proyek itu.\n\
        Kepala desa mengatakan warga akan menyampaikan keberatan secara tertulis.\n";
    let b = p(&format!(
        "Aksi Protes Warga Tolak Proyek Panas Bumi\n{}{story}{lede}",
        teasers.lines().take(5).collect::<Vec<_>>().join("\n") + "\n"
    ));
    assert!(
        b.body
            .body
            .iter()
            .any(|l| l.starts_with("Warga desa menggelar")),
        "{:?}",
        b.body.body
    );
}

#[test]
fn a_standfirst_over_the_dateline_stays_and_a_caption_there_leaves() {
    let lede = "KOTA, Site.id \u{2013} Pemerintah Kota Contoh menggelar ekspos kinerja seratus hari \
        kepemimpinan wali kota di sebuah hotel pada Kamis (10/6/2025).\nParagraf dua.";
    let standfirst = "Selama seratus hari pasangan wali kota memimpin Kota Contoh, situasinya relatif \
        kurang sejuk. Pemerintah juga mesti mengetatkan ikat pinggang menyusul terbitnya aturan efisiensi.";
    let a = p(&format!("Ujian Seratus Hari Bekerja\n{standfirst}\n{lede}"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Kota"));
    assert_eq!(a.body.body[0], standfirst, "{:?}", a.body.body);
    assert_eq!(a.body.body.len(), 3, "{:?}", a.body.body);
    // A caption shows a moment, names a picture, carries a label or repeats the lede.
    for caption in [
        "Wali kota didampingi sekretaris daerah saat memberikan sambutan di acara warga yang sepi \
         pengunjung di halaman balai kota.",
        "Suasana pasar tradisional di pusat Kota Contoh terlihat sepi dari pembeli sejak pagi hingga \
         siang hari menjelang libur panjang.",
        "REKAPITULASI: Komisioner komisi pemilihan melakukan rekapitulasi perolehan suara pemilu di \
         sebuah hotel beberapa hari lalu.",
        "Pemerintah Kota Contoh menggelar ekspos kinerja seratus hari kepemimpinan wali kota di \
         sebuah hotel kemarin siang.",
    ] {
        let a = p(&format!("Ujian Seratus Hari Bekerja\n{caption}\n{lede}"));
        assert_eq!(a.body.body.len(), 2, "{caption}: {:?}", a.body.body);
        assert_eq!(kinds(&a), [RemovedKind::Summary], "{caption}");
    }
}

#[test]
fn a_last_paragraph_going_on_from_the_one_before_is_no_related_headline() {
    let story = "Judul Berita Banjir Yang Cukup Panjang\n\
        KOTA - Banjir merendam puluhan rumah warga di tepi sungai sejak Senin pagi.\n\
        Baca Juga: Dewan Usul Kewenangan SMA dan SMK Ditarik ke Kota\n\
        Warga mengungsi ke balai desa karena air terus naik.\n";
    for last in [
        "Sementara, Anggota Komisi A DPRD Kota Contoh, Ani Lestari Melakukan Sosialisasi Komisi di RW 1",
        "Sementara itu, Lanjut Budi Untuk Daerah Padang Lawas, Tebing Tinggi dan Pematang Siantar",
    ] {
        let a = p(&format!("{story}{last}"));
        assert_eq!(
            a.body.body.last().map(String::as_str),
            Some(last),
            "{:?}",
            a.body.body
        );
    }
    // A headline in title case after the links is still one of them.
    let a = p(&format!(
        "{story}Imigrasi Kota Deportasi Tiga WNA dari Yaman dan Turki"
    ));
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
}

#[test]
fn a_dateline_in_capitals_under_a_caption_that_ends_like_a_sentence_is_the_lede() {
    let lede = "TANJUNG SELOR \u{2013} Gubernur provinsi mendukung ibu kota kabupaten kembali ke tempat \
        lamanya di tepi sungai.\nParagraf dua cukup panjang.";
    for caption in [
        // People and their titles, in capitals.
        "Gubernur Kaltara Drs H Ani Lestari Contoh SH M Hum dan Ibu Hj Budi Santoso Contoh SH.",
        // A moment.
        "Suasana di salah satu ruangan kantor dinas saat warga menunggu kedua pejabat terkait di dinas tersebut.",
        // A dek short of a paragraph.
        "Wali kota meminta siapa pun tidak segan untuk melaporkan apabila ada bencana alam.",
    ] {
        let a = p(&format!(
            "Gubernur Mendukung Ibu Kota Kembali\nPublished\n{caption}\n{lede}"
        ));
        assert_eq!(
            a.meta.dateline.as_deref(),
            Some("Tanjung Selor"),
            "{caption}"
        );
        assert!(
            a.body.body[0].starts_with("Gubernur provinsi"),
            "{:?}",
            a.body.body
        );
    }
    // Under a paragraph of a story, a place in capitals opens a later section.
    let a = p(&format!(
        "Gubernur Mendukung Ibu Kota Kembali\nWarga tiga desa menggelar pertemuan di balai desa untuk \
         membahas rencana pemindahan ibu kota kabupaten yang sudah lama mereka tunggu bersama.\n{lede}"
    ));
    assert_eq!(a.meta.dateline, None);
    // A tag naming an office of a province is no dateline (`Pemprov Kalteng` over a caption).
    let a = p(&format!(
        "Pemprov Gelar Rakor Persiapan Kunjungan\nPemprov Kalteng\nSekda memimpin rapat persiapan \
         kunjungan kerja ke ibu kota provinsi.\n{lede}"
    ));
    assert_eq!(a.meta.dateline.as_deref(), Some("Tanjung Selor"));
}

#[test]
fn a_site_glued_to_its_province_after_the_place_is_no_caption_glued_to_a_dateline() {
    let a = p("Pemerintah Gelar Pasar Rakyat Menyambut Ramadhan\n\
        LOMBOK TIMUR, IndepthNTB \u{2013} Menyambut bulan suci Ramadhan, pemerintah provinsi bersama \
        pemerintah daerah menggelar pasar rakyat.\nParagraf dua.");
    assert_eq!(a.meta.dateline.as_deref(), Some("Lombok Timur"));
    assert!(a.body.body[0].starts_with("Menyambut"), "{:?}", a.body.body);
}

#[test]
fn widget_labels_prompts_and_picture_files_leave_the_body() {
    all_leave(&[
        ("Bagikan Ke Teman", RemovedKind::Prompt),
        ("Foto Hanya Ilustrasi", RemovedKind::Caption),
        ("LINK SUMBER :", RemovedKind::Credit),
        ("Komentar Via Facebook :", RemovedKind::Footer),
        // A label with its spaces lost.
        ("BERITALAINNYA", RemovedKind::Related),
        ("KEYWORD :Pengedar Sabu Kapolda", RemovedKind::Footer),
        ("Simak Radio Contoh Live, KLIK DISINI", RemovedKind::Prompt),
        ("KLM-Surya-Indah.jpg", RemovedKind::Caption),
        (".jpeg)", RemovedKind::Caption),
    ]);
    // A sentence that mentions clicking, a picture's file within prose, and words run
    // together that are no label stay.
    all_stay(&[
        "Warga diminta mengakses laman resmi dan klik di sini untuk mendaftar sebelum akhir bulan ini pada pukul 12.",
        "Berkas foto.jpg dikirim lewat surel kepada panitia.",
        "Untuk mendaftar, klik di sini.",
        "BERITALAINNYAX",
    ]);
}

#[test]
fn paragraphs_a_page_left_in_markup_are_parted_and_its_tags_gone() {
    let a = p(
        "Judul Berita Yang Cukup Panjang\n<p style=\"text-align: justify;\">KOTABARU - Warga \
        berkumpul di <strong>balai desa</strong>.<br />Paragraf dua.<br />Harga naik per <em>ounce</em>.</p>",
    );
    assert_eq!(
        a.body.body,
        [
            "Warga berkumpul di balai desa.",
            "Paragraf dua.",
            "Harga naik per ounce."
        ]
    );
    assert_eq!(a.meta.dateline.as_deref(), Some("Kotabaru"));
}

#[test]
fn a_long_dated_sentence_closed_by_an_agency_is_a_caption_only_over_the_story() {
    // Longer than the short lines' limit (250 bytes), under which any credit has long done.
    let long = "Tim gabungan terdiri dari polisi wilayatul hisbah, satpol pp, TNI dan Polri melakukan \
        razia penginapan di Kota Contoh, ibu kota Kabupaten Contoh, untuk memastikan para pengunjung \
        tidak melanggar aturan penerapan syariat, Sabtu (29/8/2020) tengah malam jelang dini hari. (ANTARA)";
    assert!(long.len() > 250);
    // First under the headline: the picture's caption.
    let a = p(&format!(
        "Judul Berita Yang Cukup Panjang\n{long}\nWali kota meminta warga menjaga ketertiban.\nParagraf dua."
    ));
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
    // Between the story's paragraphs, a wire story's own paragraph.
    let a = between(long);
    assert_eq!(a.body.body.len(), 3, "{:?}", a.body.body);
}

#[test]
fn a_letter_that_lower_cases_to_fewer_bytes_breaks_no_check() {
    // The Kelvin sign lower-cases to `k`, one byte for three.
    let a = between("BAGIKAN \u{212a}E Facebook");
    assert_eq!(a.body.body.len(), 3, "{:?}", a.body.body);
}

#[test]
fn a_theme_s_icon_names_widgets_and_greetings_leave_the_body() {
    let a = p("Judul Berita Yang Cukup Panjang Di Sini\n\
         light_mode\n\
         \u{2022} account_circle Ani Lestari\n\
         \u{2022} calendar_month Selasa, 23 Sep 2025\n\
         \u{2022} comment 0 komentar\n\
         Warta Contoh (SAMBAS) \u{2013} Warga menggelar aksi di depan gedung dewan pada Selasa pagi.\n\
         Aksi berlangsung tertib hingga siang.\n\
         - Advertisement -\n\
         Massa kemudian membubarkan diri.\n\
         Jangan lupa ikuti Facebook, Instagram dan Tiktok Warta Contoh\n\
         (N1)\n\
         No comments\n\
         Post Bottom Ad\n\
         PT. Contoh Media Group, Mengucapkan: Selamat datang di www.\n\
         More wartacontoh ...");
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(a.meta.published, Some("2025-09-23".parse().unwrap()));
    assert_eq!(a.meta.dateline.as_deref(), Some("Sambas"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Warta Contoh"));
    assert_eq!(
        a.body.body,
        [
            "Warga menggelar aksi di depan gedung dewan pada Selasa pagi.",
            "Aksi berlangsung tertib hingga siang.",
            "Massa kemudian membubarkan diri.",
        ]
    );
    // `comment` is a word too: only an icon before a count.
    let b = p("Judul Berita Yang Cukup Panjang Di Sini\n\
         JAKARTA - Warga menggelar aksi di depan gedung dewan pada Selasa pagi.\n\
         comment section ditutup oleh pengelola situs selama aksi berlangsung hari itu.");
    assert_eq!(b.body.body.len(), 2);
}

#[test]
fn a_pages_controls_and_ticker_over_the_story_leave_it() {
    let a = p("Menu\n\nMode Gelap\n\
         OTT Wali Kota Contoh, KPK Amankan 15 Orang Warga Desa Lain Ajukan Sanggah Nilai \
         Seleksi Perangkat Desa Anak Purnawirawan Dilaporkan Kasus Penganiayaan\n\n\
         PERISTIWA\n\nWarga Pronojiwo Dihimbau Tetap Tenang\n\nbadge-check\n\n\
         Warga Pronojiwo Dihimbau Tetap Tenang Perbesar\n\n\
         Lumajang, Warta.com \u{2013} Guguran awan panas dari gunung meluncur sejauh tiga \
         kilometer ke arah Besuk Kobokan, Kecamatan Pronojiwo, Selasa sore.\n\n\
         Warga diminta menjauhi aliran sungai yang berhulu di puncak gunung.");
    assert_ne!(a.meta.title, "Menu");
    assert_eq!(a.meta.dateline.as_deref(), Some("Lumajang"));
    assert!(
        a.body.body[0].starts_with("Guguran awan panas"),
        "{:?}",
        a.body.body
    );
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
}

#[test]
fn a_sites_bulleted_menu_leaves_the_text() {
    let a = p("Senin, Februari 9, 2026\n\
        \u{2022} Tentang Kami\n\u{2022} Redaksi\n\u{2022} Pedoman Media Siber\n\u{2022} Disclaimer\n\
        \u{2022} Kaltara\n\u{2022} Bulungan\n\u{2022} Tarakan\n\u{2022} Nunukan\n\u{2022} Politik\n\
        Banjir Rob Kembali Rendam Pesisir\n\
        Banjir rob kembali terjadi di Kelurahan Karang Anyar Pantai, Kota Tarakan, Senin.\n\
        Paragraf dua.");
    assert_eq!(a.meta.title, "Banjir Rob Kembali Rendam Pesisir");
    assert!(
        a.body.body.iter().all(|l| !l.contains("Bulungan")),
        "{:?}",
        a.body.body
    );
    // A story's own bulleted list of places names no section of a site, and stays.
    let b = p("Banjir Rob Rendam Lima Daerah\n\
        Banjir rob merendam permukiman di lima daerah berikut, Senin.\n\
        \u{2022} Bulungan\n\u{2022} Tarakan\n\u{2022} Nunukan\n\u{2022} Malinau\n\u{2022} Tana Tidung\n\
        Paragraf dua.");
    assert!(
        b.body.body.iter().any(|l| l.contains("Bulungan")),
        "{:?}",
        b.body.body
    );
}
