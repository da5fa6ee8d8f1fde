use super::*;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn p(text: &str) -> Article {
    parse_text(text, "t.txt")
}

#[test]
fn dateline_styles_in_articles() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "TRIBUNSUMSEL.COM, LUBUKLINGGAU - Warga berkumpul di balai desa.",
            Some("Tribunsumsel.com"),
            Some("Lubuklinggau"),
        ),
        (
            "KAYUAGUNG, SUMEKS.CO - Warga berkumpul di balai desa.",
            Some("Sumeks.co"),
            Some("Kayuagung"),
        ),
        (
            "SIMALUNGUN, (PAB)---\nWarga berkumpul di balai desa.",
            Some("PAB"),
            Some("Simalungun"),
        ),
        (
            "INFOKU, BLORA - Warga berkumpul di balai desa.",
            Some("Infoku"),
            Some("Blora"),
        ),
        (
            "GROW MEDIA - Warga berkumpul di balai desa.",
            Some("Grow Media"),
            None,
        ),
        (
            "JAKARTA, KOMPAS.com - Warga berkumpul di balai desa.",
            Some("Kompas.com"),
            Some("Jakarta"),
        ),
        (
            "Jakarta - Warga berkumpul di balai desa.",
            None,
            Some("Jakarta"),
        ),
        (
            "JAKARTA -- Warga berkumpul di balai desa.",
            None,
            Some("Jakarta"),
        ),
        (
            "JAKARTA \u{2013} Warga berkumpul di balai desa.",
            None,
            Some("Jakarta"),
        ),
        (
            "Jakarta, CNN Indonesia \u{2014} Warga berkumpul di balai desa.",
            Some("CNN Indonesia"),
            Some("Jakarta"),
        ),
    ];
    for (lead, outlet, city) in cases {
        let a = p(&format!(
            "Judul Berita Hari Ini\n\n{lead}\n\nParagraf kedua."
        ));
        assert_eq!(a.meta.title, "Judul Berita Hari Ini", "{lead}");
        assert_eq!(a.meta.outlet.as_deref(), *outlet, "{lead}");
        assert_eq!(a.meta.dateline.as_deref(), *city, "{lead}");
        assert_eq!(a.body.body[0], "Warga berkumpul di balai desa.", "{lead}");
        assert_eq!(a.body.body.len(), 2, "{lead}");
    }
}

#[test]
fn lines_before_the_lead_are_not_body() {
    let a = p(
        "Judul\nRingkasan yang mengulang lede. --\nFoto: Dok. Humas\nKAYUAGUNG, SUMEKS.CO - Lede asli di sini.\nLanjut.",
    );
    assert_eq!(a.body.body, vec!["Lede asli di sini.", "Lanjut."]);
    assert!(a.body.boilerplate.contains(&Removed::new(
        RemovedKind::Summary,
        "Ringkasan yang mengulang lede. --"
    )));
    // Without a dateline lead nothing is dropped as a summary.
    let b = p("Judul\nParagraf satu.\nParagraf dua.");
    assert_eq!(b.body.body, vec!["Paragraf satu.", "Paragraf dua."]);
    assert_eq!(b.meta.outlet, None);
}

#[test]
fn a_dateline_in_capitals_under_a_byline_or_a_caption_is_the_lead() {
    for head in [
        "Nama Penulis",
        "Warga melintas di jalan rusak. (Dok. Contoh)",
        "RUSAK: Kondisi jalan kampung.-DOK/Contoh\nBagikan:",
    ] {
        let a = p(&format!(
            "Judul Berita Jalan Rusak\n{head}\nMATARAM - Jalan kampung kembali rusak.\nLanjut."
        ));
        assert_eq!(a.meta.dateline.as_deref(), Some("Mataram"), "{head}");
        assert_eq!(
            a.body.body,
            vec!["Jalan kampung kembali rusak.", "Lanjut."],
            "{head}"
        );
    }
    // Under a paragraph of the text it is prose, and so is a place in title case there.
    for text in [
        "Judul\nWarga mengeluh jalan rusak.\nMATARAM - kota itu juga begitu.\nLanjut.",
        "Judul\nNama Penulis\nMataram - kota itu juga begitu.\nLanjut.",
    ] {
        let a = p(text);
        assert_eq!(a.meta.dateline, None, "{text}");
        assert_eq!(a.body.body.len(), 3, "{text}");
    }
}

#[test]
fn a_pages_iso_stamp_before_the_dateline_dates_the_article() {
    let a = p("Judul Berita Aduan Warga\n\
         date 2026-02-04 jogja.warta.com, YOGYAKARTA - Aduan warga tercatat tinggi, kata kepala \
         dinas, Selasa (3/2).\nLanjut.");
    assert_eq!(a.meta.published, Some(d("2026-02-04")));
    assert_eq!(a.meta.dateline.as_deref(), Some("Yogyakarta"));
    assert_eq!(
        a.body.body[0],
        "Aduan warga tercatat tinggi, kata kepala dinas, Selasa (3/2)."
    );
}

#[test]
fn dateline_like_prose_deep_in_the_body_is_prose() {
    let a = p(
        "Judul\nSatu.\nDua.\nTiga.\nEmpat.\nLima.\nEnam.\nTujuh.\nJAKARTA, KOMPAS.com - bukan lead.",
    );
    assert_eq!(a.meta.dateline, None);
    // Named there, the outlet is still the one the text names (with no cue, a last resort).
    assert_eq!(a.meta.outlet.as_deref(), Some("Kompas.com"));
    assert_eq!(a.body.body.len(), 8);
}

#[test]
fn title_rules() {
    let a = p("Viral ASN di Muratara Live\n\nViral ASN di Muratara Live Sebut Medsos\n\nIsi.");
    assert_eq!(a.meta.title, "Viral ASN di Muratara Live Sebut Medsos");
    assert_eq!(a.body.body, vec!["Isi."]);
    let b = p("Judul Sama\n\nJudul Sama\n\nIsi.");
    assert_eq!(b.meta.title, "Judul Sama");
    assert_eq!(b.body.body, vec!["Isi."]);
    assert!(!b.meta.title_derived);
    let c = p("ADVERTISEMENT\nJudul Setelah Iklan\nIsi.");
    assert_eq!(c.meta.title, "Judul Setelah Iklan");
}

#[test]
fn derived_title() {
    let a =
        p("GROW MEDIA - Viral di media sosial sejumlah ASN yang karaoke. Kalimat kedua.\nLanjut.");
    assert!(a.meta.title_derived);
    assert_eq!(
        a.meta.title,
        "Viral di media sosial sejumlah ASN yang karaoke"
    );
    assert_eq!(
        a.body.body[0],
        "Viral di media sosial sejumlah ASN yang karaoke. Kalimat kedua."
    );
    // Abbreviations do not end the sentence; long sentences are cut at a word boundary.
    let long = format!("JAKARTA - Ir. H. Asmar {} akhir.", "kata ".repeat(40));
    let b = p(&long);
    assert!(b.meta.title.starts_with("Ir. H. Asmar kata"));
    assert!(b.meta.title.ends_with('\u{2026}'));
    assert!(b.meta.title.chars().count() <= DERIVED_TITLE_CHARS + 1);
    assert!(!b.meta.title.contains("JAKARTA"));
}

#[test]
fn people() {
    let a = p(
        "Judul\nPenulis: Eko | Editor: Slamet\nLaporan wartawan Tribunsumsel.com, Eko\nIsi berita.\nAkhir berita. (MS/Red)",
    );
    // `MS` is the writer's desk code: it signs the text.
    assert_eq!(a.meta.authors, vec!["Eko", "MS"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Slamet"));
    assert_eq!(a.body.body, vec!["Isi berita.", "Akhir berita."]);
    assert!(
        a.body
            .boilerplate
            .contains(&Removed::new(RemovedKind::Credit, "(MS/Red)"))
    );
    let b =
        p("Judul\nIsi.\n\u{201c}Kata penutup yang panjang sekali,\u{201d} pungkasnya.(Setyorini)");
    assert_eq!(b.meta.authors, vec!["Setyorini"]);
    // Not credits: an acronym after a word, a desk code only, a date.
    let c = p("Judul\nKomisi Pemberantasan Korupsi (KPK)");
    assert!(c.meta.authors.is_empty());
    assert_eq!(c.body.body, vec!["Komisi Pemberantasan Korupsi (KPK)"]);
    let e = p("Judul\nSelesai. (adv/eth)");
    assert!(e.meta.authors.is_empty());
    // A lone letter is no writer anyone can tell apart; a labelled name the writer left
    // partly in lower case is still a name.
    let f = p("Judul\nIsi berita.\nAkhir berita. (D/R)");
    assert!(f.meta.authors.is_empty(), "{:?}", f.meta.authors);
    let g = p("Judul\nIsi berita.\nPewarta: Ani lestari wati");
    assert_eq!(g.meta.authors, vec!["Ani Lestari Wati"]);
    assert_eq!(g.body.body, vec!["Isi berita."]);
    // The site's own name closing a credit is the outlet.
    let i = p("Judul\nBACA.ID, KOTA - Isi berita.\nAkhir berita. (Wahyono/Baca)");
    assert_eq!(i.meta.authors, vec!["Wahyono"]);
    let h = p("Judul\nIsi berita.\nPenulis: Tim redaksi");
    assert!(h.meta.authors.is_empty(), "{:?}", h.meta.authors);
    assert_eq!(e.body.body, vec!["Selesai."]);
    let f = p("Judul\nRabu (10/4/2024)");
    assert_eq!(f.body.body, vec!["Rabu (10/4/2024)"]);
    let g = p("Judul\nReporter: Ani\nEditor : Budi\nIsi. (Ani)");
    assert_eq!(g.meta.authors, vec!["Ani"]);
    assert_eq!(g.meta.editor.as_deref(), Some("Budi"));
    // Other outlets' forms: a semicolon between the credits, `Laporan:` for the reporter.
    let h = p("Judul\nIsi berita.\nReporter: Ani Lestari; Redaktur: Budi Santoso");
    assert_eq!(h.meta.authors, vec!["Ani Lestari"]);
    assert_eq!(h.meta.editor.as_deref(), Some("Budi Santoso"));
    assert_eq!(h.body.body, vec!["Isi berita."]);
    let i = p("Judul\nIsi berita.\nLaporan: Ani Lestari");
    assert_eq!(i.meta.authors, vec!["Ani Lestari"]);
    assert_eq!(i.body.body, vec!["Isi berita."]);
    // Prose that opens with the word is not a credit.
    let j = p("Judul\nLaporan keuangan daerah dibahas: anggaran naik.\nLain.");
    assert!(j.meta.authors.is_empty());
    // A syndicated copy's pointer to the original is a related link, not body.
    let k = p(
        "Judul\nIsi berita.\nBaca artikel warta, \"Judul Lain\" selengkapnya https://contoh.id/x",
    );
    assert_eq!(k.body.body, vec!["Isi berita."]);
}

#[test]
fn published_versus_mentioned() {
    let a = p(
        "Judul\nBerita tanggal 8 April 2024 lalu dibantah, Rabu (10/4/2024).\nRapat akan digelar Senin (15/4/2024).",
    );
    assert_eq!(a.meta.published, Some(d("2024-04-10")));
    assert_eq!(
        a.body.dates_mentioned,
        vec![d("2024-04-08"), d("2024-04-10"), d("2024-04-15")]
    );
    let b = p(
        "Judul\nVideo diunggah Kamis (8/6/2023).\nHal itu diungkapkan Jumat (9/6/2023).\nKamis (8/6/2023) lagi.",
    );
    assert_eq!(b.meta.published, Some(d("2023-06-09")));
    assert_eq!(
        b.body.dates_mentioned,
        vec![d("2023-06-08"), d("2023-06-09")]
    );
    let c = p("Judul\nTanpa tanggal sama sekali, 2024-13-40.");
    assert_eq!(c.meta.published, None);
    assert!(c.body.dates_mentioned.is_empty());
    // Dates in boilerplate are not the article's.
    let e = p("Judul\nIsi.\nArtikel ini telah tayang di X pada Senin (1/1/2024)");
    assert_eq!(e.meta.published, None);
}

#[test]
fn boilerplate_and_related() {
    let a = p(
        "Judul\nIsi satu.\nBaca juga: Berita Lain\nBACA JUGA:Berita Dua\nBaca: Tiga\nIsi dua.\nSCROLL TO CONTINUE WITH CONTENT\nSimak juga Video 'x':\n0 Komentar\n\u{a9} 2025 Media\nAll Rights Reserved\nSumber : Tribun.com",
    );
    assert_eq!(a.body.body, vec!["Isi satu.", "Isi dua."]);
    assert_eq!(a.body.related, vec!["Berita Lain", "Berita Dua", "Tiga"]);
    assert_eq!(a.body.boilerplate.len(), 9);
    let g = p("Judul\nBaca juga:,,\u{201c}Kutipan yang tersambung,\u{201d} kata Ani.");
    assert_eq!(
        g.body.body,
        vec!["\u{201c}Kutipan yang tersambung,\u{201d} kata Ani."]
    );
    assert!(g.body.related.is_empty());
}

#[test]
fn whitespace_and_word_count() {
    let a = p("  Judul  \n \u{a0} \n  Satu   dua\ttiga  \n\n\nempat  ");
    assert_eq!(a.meta.title, "Judul");
    assert_eq!(a.body.body, vec!["Satu dua tiga", "empat"]);
    assert_eq!(a.meta.word_count, 4);
    assert_eq!(
        a.meta.id,
        article_id("  Judul  \n \u{a0} \n  Satu   dua\ttiga  \n\n\nempat  ")
    );
}

#[test]
fn quotes_and_tags_in_articles() {
    let a = p(
        "Judul TikTok\nIsi live.\n\"Kami akan memanggil mereka semua,\" ujar Ratu Dewa.\n\"eksis\" saja.",
    );
    assert_eq!(a.body.quotes.len(), 1);
    assert_eq!(a.body.quotes[0].speaker.as_deref(), Some("Ratu Dewa"));
    assert_eq!(a.meta.tags, vec!["TikTok", "live"]);
}

#[test]
fn edge_cases() {
    for text in ["", "   ", "\n\n\n", " \u{a0}\n\t"] {
        let a = p(text);
        assert_eq!(a.meta.title, "");
        assert!(!a.meta.title_derived);
        assert!(a.body.body.is_empty());
        assert_eq!(a.meta.word_count, 0);
        assert_eq!(a.meta.format, Format::Txt);
    }
    let only = p("Baca juga: X\n0 Komentar\nADVERTISEMENT");
    assert_eq!(only.meta.title, "");
    assert!(only.body.body.is_empty());
    assert_eq!(only.body.boilerplate.len(), 3);
    assert_eq!(only.body.related, vec!["X"]);
    // One long line: no headline, a derived title, the line kept as body.
    let line = "kata ".repeat(10_000);
    let long = p(&line);
    assert!(long.meta.title_derived);
    assert_eq!(long.body.body.len(), 1);
    assert_eq!(long.meta.word_count, 10_000);
    // Multi-byte characters near every cut point.
    let _ = p("é\u{2013}é - é, é - \"é\u{201d} (é/é) 1/1/2024\u{2019}");
    let _ = p("\u{201c}\u{201c}\u{201d}\u{201d} (\u{a0}) ---- , - ()");
}

#[test]
fn record_without_body_or_title() {
    let a = from_record(&Record::default(), "r.json", Some(0), Format::Json);
    assert_eq!(a.meta.title, "");
    assert!(a.body.body.is_empty());
    assert_eq!(a.meta.record, Some(0));
    assert_eq!(a.meta.format, Format::Json);
    let rec = Record {
        title: Some("  T  ".into()),
        body: Some("Isi, Rabu (10/4/2024).".into()),
        date: Some("tidak jelas".into()),
        outlet: Some("  ".into()),
        ..Record::default()
    };
    let b = from_record(&rec, "r.json", None, Format::Json);
    assert_eq!(b.meta.title, "T");
    // An unreadable record date leaves the text's date in place.
    assert_eq!(b.meta.published, Some(d("2024-04-10")));
    assert_eq!(b.meta.outlet, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics(s in "\\PC*") {
        let a = p(&s);
        prop_assert!(a.body.body.iter().all(|x| !x.is_empty() && x.trim() == x));
    }

    #[test]
    fn never_panics_on_news_shaped_noise(
        s in "([A-Z]{1,6}|[a-z]{1,5}|[0-9]{1,4}|[ /\\-\u{2013}\u{2014},.():|\"'\u{201c}\u{201d}\u{2019}\n]|\\(MS/Red\\)|Baca juga:|Penulis:|Jumat |é){0,50}"
    ) {
        let _ = p(&s);
    }
}

/// Every furniture form goes to boilerplate with its kind; the paragraphs around it stay.
#[test]
fn boilerplate_forms_have_kinds() {
    use RemovedKind::*;
    let cases: &[(&str, RemovedKind)] = &[
        ("ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT", Prompt),
        ("'Simak juga video: Warga Desa Menanam Padi'", Prompt),
        ("Lihat juga Video: Pasar Murah di Kota", Prompt),
        ("Tonton juga \"Banjir Surut di Kota\" di sini:", Prompt),
        ("Halaman selanjutnya", Prompt),
        ("1 2 3 Next", Prompt),
        ("(Foto: Ani Lestari/detikKota)", Caption),
        (
            "WARTA FOTO/Budi Santoso Warga antre beras di pasar",
            Caption,
        ),
        ("Warga antre beras di pasar (Warta.com/Budi)", Caption),
        (
            "Warga antre beras di pasar. (Foto: Budi/detikKota)",
            Caption,
        ),
        ("Warga antre beras di pasar (Tribun Kota/Budi)", Caption),
        ("Lihat Foto", Prompt),
        ("Dengarkan artikel ini", Prompt),
        (
            "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
            Prompt,
        ),
        (
            "Baca artikel warta, \"Judul Lain\" selengkapnya https://contoh.id/x",
            Related,
        ),
        ("Tangkapan layar akun @warta_kota", Caption),
        ("(Penulis: Ani Lestari | Editor: Budi Santoso)", Credit),
        ("Narator: Citra Dewi", Credit),
        ("*) Penulis adalah peneliti di lembaga contoh", Credit),
        ("(Baca: Harga Beras Naik Lagi)", Related),
        ("loading...", Footer),
        ("* * *", Separator),
        ("\"", Separator),
    ];
    for (line, kind) in cases {
        let a = p(&format!(
            "Judul Berita\nParagraf satu.\n{line}\nParagraf dua."
        ));
        assert_eq!(
            a.body.body,
            vec!["Paragraf satu.", "Paragraf dua."],
            "{line}"
        );
        assert_eq!(
            a.body.boilerplate,
            vec![Removed::new(*kind, *line)],
            "{line}"
        );
    }
    let a = p("Judul\nParagraf satu.\n(Penulis: Ani Lestari | Editor: Budi Santoso)");
    assert_eq!(a.meta.authors, vec!["Ani Lestari"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Budi Santoso"));
}

#[test]
fn glued_furniture_is_split_off() {
    let a = p(
        "Judul\nADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Warga berkumpul.\nAkhir cerita, katanya. (ab/cd),,,loading...",
    );
    assert_eq!(
        a.body.body,
        vec!["Warga berkumpul.", "Akhir cerita, katanya."]
    );
    let kinds: Vec<RemovedKind> = a.body.boilerplate.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            RemovedKind::Prompt,
            RemovedKind::Footer,
            RemovedKind::Credit
        ]
    );
    assert_eq!(a.body.boilerplate[2].text, "(ab/cd)");
    let d = p("Judul\nIsi.\nKunjungi laman resmi untuk info lebih lanjut,Reporter: Ani Lestari");
    assert_eq!(d.meta.authors, vec!["Ani Lestari"]);
    assert_eq!(
        d.body.body,
        vec!["Isi.", "Kunjungi laman resmi untuk info lebih lanjut"]
    );
    let c = p("Judul\nBaca juga;,,\u{201c}Kutipan yang tersambung,\u{201d} kata Ani.");
    assert_eq!(
        c.body.body,
        vec!["\u{201c}Kutipan yang tersambung,\u{201d} kata Ani."]
    );
    let b = p("Judul\nIsi.\nKatanya lagi. [Ani Lestari],,,loading...");
    assert_eq!(b.meta.authors, vec!["Ani Lestari"]);
}

#[test]
fn real_paragraphs_that_look_like_furniture_stay() {
    for line in [
        "Tangkapan layar yang menampilkan akun-akun itu juga beredar di media sosial lain seperti pesan berantai dan forum warga yang ramai dibicarakan sejak pekan lalu.",
        "Selanjutnya, polisi membawa pelaku ke kantor polisi.",
        "Oleh karena itu, warga diminta waspada.",
        "Acara dihadiri Dr. Ani Lestari (dokter dari Kota Contoh)",
        "\"Pastikan informasi hanya dari kanal resmi (Instagram/Twitter @kanalresmi)",
        "1.",
        "(2019)",
    ] {
        let a = p(&format!("Judul\nParagraf satu.\n{line}\nParagraf dua."));
        assert_eq!(a.body.body.len(), 3, "{line}: {:?}", a.body.boilerplate);
    }
    // A credit line glued to the first paragraph: the author is found, the text kept.
    let a = p(
        "Judul\nLaporan wartawan Warta.com Ani Lestari dari Kota, warga juga melempari kantor di kota itu.\nLanjut.",
    );
    assert_eq!(a.meta.authors, vec!["Ani Lestari"]);
    assert_eq!(
        a.body.body,
        vec!["warga juga melempari kantor di kota itu.", "Lanjut."]
    );
}

#[test]
fn related_headlines_without_prefix() {
    // Bulleted links under a heading, and a bare headline closing an article with links.
    let a = p(
        "Judul\nIsi satu.\nBerita Terkait\n\u{2022} Harga Beras Naik di Pasar Kota\n\u{2022} Warga Antre Minyak Goreng Murah\nIsi dua.\nBaca juga: Banjir Surut\nPetani Panen Raya di Desa Contoh",
    );
    assert_eq!(a.body.body, vec!["Isi satu.", "Isi dua."]);
    assert_eq!(
        a.body.related,
        vec![
            "Harga Beras Naik di Pasar Kota",
            "Warga Antre Minyak Goreng Murah",
            "Banjir Surut",
            "Petani Panen Raya di Desa Contoh"
        ]
    );
    // Without other links a title-case closing line is the article's own.
    let b = p("Judul\nIsi satu.\nSalam Hangat Dari Kami Semua");
    assert_eq!(b.body.body.len(), 2);
    // A bulleted list in the body is body.
    let c = p("Judul\nSyaratnya:\n- membawa KTP\n- mengisi formulir\nSelesai.");
    assert_eq!(c.body.body.len(), 4);
}

#[test]
fn column_authors() {
    let a = p(
        "Judul Kolom\nOleh: Rina Wati\nParagraf opini pertama.\nParagraf penutup.\nRina Wati.Dosen Ilmu Politik Universitas Contoh.\nSimak juga Video: Sesuatu",
    );
    assert_eq!(a.meta.authors, vec!["Rina Wati"]);
    assert_eq!(
        a.body.body,
        vec!["Paragraf opini pertama.", "Paragraf penutup."]
    );
    let f = p(
        "Judul\nIsi opini.\nLanjut.\nOleh:\nRina Wati, S.Si., M.M.Kepala Bagian Contoh\n*) Tulisan ini merupakan opini pribadi penulis",
    );
    assert_eq!(f.meta.authors, vec!["Rina Wati"]);
    assert_eq!(f.body.body, vec!["Isi opini.", "Lanjut."]);
    // A caption under an empty `oleh` names nobody.
    let h = p(
        "Judul Berita Gubernur Sidak Banjir\noleh\nDidampingi Sambari, Khofifah memberikan \
         keterangan pers.\nGRESIK - Gubernur mengunjungi korban banjir di sejumlah desa.",
    );
    assert!(h.meta.authors.is_empty(), "{:?}", h.meta.authors);
    // An English theme's `by` line.
    let by = p("Judul Berita Yang Cukup Panjang\nby Raja H. Napitupulu\nIsi berita cukup panjang.");
    assert_eq!(by.meta.authors, vec!["Raja H. Napitupulu"]);
    let g = p(
        "Judul\nIsi opini.\n*)Rina Wati, pemerhati pendidikan di Kota Contoh.\nSimak selengkapnya di halaman selanjutnya.",
    );
    assert_eq!(g.meta.authors, vec!["Rina Wati"]);
    assert_eq!(g.body.body, vec!["Isi opini."]);
    let b = p("Judul\nIsi berita.\nANI LESTARI | BUDI SANTOSO");
    assert_eq!(b.meta.authors, vec!["Ani Lestari", "Budi Santoso"]);
    assert_eq!(b.body.body, vec!["Isi berita."]);
    // Bogus authors: a unit in a desk credit, a hashtag and a glued note after a name.
    let c = p("Judul\nIsi. (IKP Diskominfo/HK)");
    assert_eq!(c.meta.authors, vec!["HK"]);
    let d = p("Judul\nPenulis: Ani Lestari,#SehatBersama di Majalah\nIsi.");
    assert_eq!(d.meta.authors, vec!["Ani Lestari"]);
    let e = p(
        "Judul\nReporter: Kontributor Kota, Citra Dewi,Artikel ini tayang di Warta.com dengan judul\nIsi.",
    );
    assert_eq!(e.meta.authors, vec!["Citra Dewi"]);
}

#[test]
fn prompt_openers_in_prose_stay() {
    for line in [
        "Lihat video unggahan pemain itu:,Dia dan rekannya akan kembali jadi andalan saat melawan tim tamu.",
        "Simak juga penjelasannya. Warga diminta tetap tenang selama proses berlangsung.",
    ] {
        let a = p(&format!("Judul\nParagraf satu.\n{line}\nParagraf dua."));
        assert_eq!(a.body.body.len(), 3, "{line}");
    }
}

/// Outlets, quote speakers and regions through the whole parser, one synthetic case per form.
#[test]
fn outlet_speaker_and_region_forms() {
    let a = p(
        "Judul Berita Contoh\nKaranganyar - Warga berkumpul di balai desa.\n\
               \"Kami sudah siap sejak pagi tadi,\" kata Kepala Desa Contoh, Budi Santoso, \
               kepada detikJateng, Senin (1/9/2025).\n\
               Budi menjelaskan warga datang dari Jalan Medan Merdeka dan makan nasi Padang.\n\
               \"Semua berjalan lancar sampai sore,\" ujarnya.\n\
               (Foto: Nama Orang/detikJateng)",
    );
    assert_eq!(a.meta.title, "Judul Berita Contoh");
    assert_eq!(a.meta.dateline.as_deref(), Some("Karanganyar"));
    assert_eq!(a.meta.outlet.as_deref(), Some("detikJateng"));
    assert_eq!(outlet_family("detikJateng"), "Detik");
    assert_eq!(a.meta.regions, ["Karanganyar"]);
    let speakers: Vec<Option<&str>> = a.body.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Kepala Desa Contoh Budi Santoso"), Some("Budi")]
    );

    // A title with an all-caps kicker stays a title; a glued dash after a domain is a dateline.
    let a = p("POPULER KOTA - Satu | Dua | Tiga Empat Lima Enam Tujuh\n\
               JAKARTA, KOMPAS.com- Warga berkumpul di balai desa.");
    assert_eq!(
        a.meta.title,
        "POPULER KOTA - Satu | Dua | Tiga Empat Lima Enam Tujuh"
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Kompas.com"));
    assert_eq!(a.meta.dateline.as_deref(), Some("Jakarta"));
}

#[test]
fn record_url_host_is_the_outlet_when_the_record_names_none() {
    let rec = Record {
        title: Some("Judul".into()),
        body: Some("Warga berkumpul di balai desa.".into()),
        url: Some("https://www.tribunnews.com/regional/2025/09/01/judul".into()),
        ..Record::default()
    };
    let a = from_record(&rec, "x.jsonl", Some(0), Format::Jsonl);
    assert_eq!(a.meta.outlet.as_deref(), Some("Tribunnews.com"));
    // A desk the text names wins over its own family's host.
    let rec = Record {
        body: Some("kata Budi kepada detikJatim, Senin.".into()),
        url: Some("https://www.detik.com/jatim/berita/d-1/judul".into()),
        ..Record::default()
    };
    let a = from_record(&rec, "x.jsonl", Some(0), Format::Jsonl);
    assert_eq!(a.meta.outlet.as_deref(), Some("detikJatim"));
}

#[test]
fn a_year_less_date_waits_for_the_corpus_and_then_takes_its_year() {
    // Files copied in 2026 from a 2019 scrape: the file's time bounds, the folder dates.
    let file = d("2026-03-01");
    let mut waiting = p("Pasar Murah Digelar\n\nWarga antre sejak pagi, kata lurah, Jumat (27/9).");
    settle_date(&mut waiting, file);
    assert_eq!(waiting.meta.published, None);
    assert!(waiting.meta.yearless.is_some());
    let mut corpus = vec![waiting];
    for date in ["Senin (23/9/2019)", "Rabu (2/10/2019)", "Jumat (20/9/2019)"] {
        let mut a = p(&format!(
            "Rapat Digelar\n\nRapat membahas banjir, kata bupati, {date}."
        ));
        settle_date(&mut a, file);
        assert_eq!(a.meta.date_source, Some(DateSource::Text));
        corpus.push(a);
    }
    crate::loader::years::settle_articles(&mut corpus);
    assert_eq!(corpus[0].meta.published, Some(d("2019-09-27")));
    assert_eq!(corpus[0].meta.date_source, Some(DateSource::CorpusYear));
}

#[test]
fn furniture_above_the_headline_is_not_the_title() {
    // A section label or kicker, a UI word or an ad prompt above a longer headline.
    for head in [
        "Daerah",
        "Kabar Kota Contoh",
        "Sorotan Warta Harian",
        "Ok\nMode Gelap",
        "IKLAN - SCROLL UNTUK MELANJUTKAN",
        "Lompat ke konten Lompat ke sidebar Lompat ke footer",
        "WARTA.CO,",
        "Beranda \u{bb} Berita, Daerah \u{bb} Warga Desa Gelar Kerja Bakti Massal",
    ] {
        let a = p(&format!(
            "{head}\nWarga Desa Gelar Kerja Bakti Massal\nKOTABARU - Warga berkumpul di balai desa."
        ));
        assert_eq!(
            a.meta.title, "Warga Desa Gelar Kerja Bakti Massal",
            "{head}"
        );
        assert_eq!(
            a.body.body,
            vec!["Warga berkumpul di balai desa."],
            "{head}"
        );
        // Furniture lines leave with a kind; a breadcrumb is the headline's own line.
        assert_eq!(
            a.body.boilerplate.is_empty(),
            head.contains('\u{bb}'),
            "{head}"
        );
    }
    // A short headline over its lede stays the headline.
    let a = p("Kerja Bakti\nWarga Desa Contoh berkumpul di balai desa sejak pagi.");
    assert_eq!(a.meta.title, "Kerja Bakti");
    // A breadcrumb glued before the headline the next line repeats.
    let b = p("Home Utama Warga Desa Gelar Kerja Bakti\nWarga Desa Gelar Kerja Bakti\nIsi.");
    assert_eq!(b.meta.title, "Warga Desa Gelar Kerja Bakti");
    assert_eq!(b.body.body, vec!["Isi."]);
    // A footer menu run together and a copyright line above the headline.
    let c = p(
        "Tentang KamiRedaksiPedoman SiberKontak\n2025 \u{a9} PT Contoh\n\
               Warga Desa Gelar Kerja Bakti Massal\nIsi.",
    );
    assert_eq!(c.meta.title, "Warga Desa Gelar Kerja Bakti Massal");
    // A side rail of related headlines in bullets over the headline, however long, one of
    // them ending on a quote.
    let d = p("- Polres Contoh Musnahkan Barang Bukti Sabu\n\
         - Jalan Baru Desa Contoh Diresmikan Bupati\n\
         - Pasar Rakyat Contoh Ramai Jelang Lebaran\n\
         - Warga Gelar Lomba Perahu Hias di Sungai\n\
         - Sekolah Contoh Raih Juara Lomba Sains\n\
         - Bupati dan Wakil Kompak \"Pecah Kendi\"\n\
         Karhutla Terus Menyala di Kabupaten Contoh\n\
         KOTABARU - Kebakaran lahan kembali terjadi di desa itu.");
    assert_eq!(d.meta.title, "Karhutla Terus Menyala di Kabupaten Contoh");
    assert_eq!(
        d.body.body,
        vec!["Kebakaran lahan kembali terjadi di desa itu."]
    );
    let related = d.body.boilerplate.iter();
    assert_eq!(
        related.filter(|b| b.kind == RemovedKind::Related).count(),
        6
    );
    // A bulleted list of facts a lede opens is the text's own.
    let e = p("Syarat Daftar Ulang Siswa Baru\n- Kartu Keluarga\n- Akta Kelahiran\nIsi.");
    assert_eq!(e.meta.title, "Syarat Daftar Ulang Siswa Baru");
}

#[test]
fn a_text_opening_on_its_lede_has_a_derived_title() {
    for (text, title) in [
        (
            "Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas jalan baru.\nLanjut.",
            "Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas jalan baru",
        ),
        (
            "KOTABARU,- Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas jalan.\n\
             Lanjut.",
            "Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas jalan",
        ),
        (
            "Kotabaru_Warta.com- Warga Desa Contoh berkumpul di balai desa sejak pagi tadi \
             sekali.\nLanjut.",
            "Warga Desa Contoh berkumpul di balai desa sejak pagi tadi sekali",
        ),
        (
            "Sumber, Humas Polres Contoh/Redaksi\nWarga Desa Contoh berkumpul di balai desa sejak \
             pagi untuk membahas jalan baru.\nLanjut.",
            "Warga Desa Contoh berkumpul di balai desa sejak pagi untuk membahas jalan baru",
        ),
    ] {
        let a = p(text);
        assert!(a.meta.title_derived, "{text}");
        assert_eq!(a.meta.title, title, "{text}");
        // The lede stays in the body.
        assert_eq!(a.body.body.len(), 2, "{text}");
    }
}

#[test]
fn caption_and_markup_leave_the_headline() {
    let a = p("Warga Desa Gelar Kerja Bakti Massal\n\
               Warga Desa Gelar Kerja Bakti Massal BERSIH - Warga membersihkan saluran air di \
               desa pada pagi hari\nIsi.");
    assert_eq!(a.meta.title, "Warga Desa Gelar Kerja Bakti Massal");
    assert_eq!(a.body.body, vec!["Isi."]);
    assert!(
        a.body
            .boilerplate
            .iter()
            .any(|r| r.kind == RemovedKind::Caption && r.text.starts_with("BERSIH"))
    );
    let b = p("Kasus <i>Viral</i> di Desa Contoh\nIsi.");
    assert_eq!(b.meta.title, "Kasus Viral di Desa Contoh");
}

#[test]
fn a_stamp_under_site_furniture_is_still_the_date() {
    let a = p("Tentang KamiPedomanKebijakanKarir\n\
               2024 © PT Contoh Media Jaringan\n\
               Version 1.2.3\n\
               Iklan - Scroll untuk Melanjutkan\n\
               Warga Desa Sukamaju Gelar Kerja Bakti Bersihkan Sungai\n\
               26 Oktober 2024 9:00 WIB\n\
               Warga membersihkan sungai yang tersumbat sampah sejak Jumat (25/10) pagi.\n\
               \"Kami bergotong royong,\" kata kepala desa.");
    assert_eq!(a.meta.published, Some(d("2024-10-26")));
    assert_eq!(
        a.meta.title,
        "Warga Desa Sukamaju Gelar Kerja Bakti Bersihkan Sungai"
    );
}

#[test]
fn a_pictures_label_alone_is_no_title() {
    let a = p(
        "Ilustrasi\nIlustrasi\n\nLASUSUA, KORAN SULTRA - Brimob menciduk empat orang \
               preman yang diduga pelaku kejahatan di Kolaka Utara.\n\nMereka ditangkap di jalan \
               poros dengan senjata tajam.",
    );
    assert!(
        a.meta.title.starts_with("Brimob menciduk"),
        "{}",
        a.meta.title
    );
    assert_eq!(a.meta.dateline.as_deref(), Some("Lasusua"));
    assert!(
        a.body.body.iter().all(|l| l != "Ilustrasi"),
        "{:?}",
        a.body.body
    );
}

/// A title cut from a long lede may end inside a region's name; its places are read from the
/// whole sentence.
#[test]
fn a_cut_title_names_the_region_its_sentence_names() {
    let a = p(
        "Jakarta, CNN Indonesia -- Badan Nasional Penanggulangan Bencana (BNPB) menyatakan \
         sebanyak empat kecamatan di Kabupaten Luwu Utara, Sulawesi Selatan terendam banjir \
         sejak Senin (15/7) malam.\n\
         Genangan air mencapai tinggi 60 hingga 70 cm di beberapa titik permukiman warga.\n\
         Hujan dengan intensitas tinggi masih terjadi ke depan untuk wilayah itu.",
    );
    assert!(
        a.meta.title_derived && a.meta.title.ends_with("Luwu\u{2026}"),
        "{}",
        a.meta.title
    );
    assert_eq!(a.meta.regions, ["Luwu Utara"]);
    // Cut after a short form in brackets, the title ends the organisation's name: the region
    // after it is read in the lede, as its leader's chapter.
    let a = p(
        "Sebagai Direktur Eksekutif Lembaga Penelitian, Pengkajian dan Pengembangan Bantuan \
         Hukum (LP3BH) Manokwari, Yan Christian Warinussy menyesalkan sikap seorang pejabat di \
         Kabupaten Teluk Bintuni yang diduga melanggar netralitas aparatur sipil negara.\n\
         Pejabat itu hadir dalam rapat partai politik di Jakarta pekan lalu.\n\
         Bawaslu Kabupaten Teluk Bintuni telah melaporkan hal itu.",
    );
    assert!(
        a.meta.title_derived && a.meta.title.ends_with("(LP3BH)\u{2026}"),
        "{}",
        a.meta.title
    );
    assert_eq!(a.meta.regions, ["Teluk Bintuni"]);
    assert_eq!(a.meta.regions_passing, ["Manokwari"]);
}
