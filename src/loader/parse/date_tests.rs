//! Golden tests of the publication date: one invented article per form the date reader
//! tells apart (plans, fixtures, quotes, stamps ...). No publisher text.

use super::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn p(text: &str) -> Article {
    parse_text(text, "t.txt")
}

/// The publication date of a made-up article: a title line, then the body.
fn published_of(body: &str) -> Option<Date> {
    p(&format!("Judul berita contoh\n{body}")).meta.published
}

#[test]
fn the_end_of_a_span_that_has_passed_is_the_report_day() {
    assert_eq!(
        published_of(
            "Kabar populer yang terjadi sepanjang Senin (9/3/2026) hingga Selasa pagi \
             (10/3/2026) ada di sini."
        ),
        Some(d("2026-03-10"))
    );
    // A span still running or ahead keeps its end marked: the report comes at its start.
    assert_eq!(
        published_of("Polisi menggelar operasi dari tanggal 9 Maret 2026 hingga 20 Maret 2026."),
        Some(d("2026-03-09"))
    );
}

#[test]
fn a_future_verb_after_the_date_makes_it_a_plan_and_the_nearest_plan_wins() {
    // Two plans: the report comes before both, nearest the first.
    assert_eq!(
        published_of(
            "Tim akan menghadapi tamunya di stadion kota, Jumat (13/3/2026).\nPada laga \
             selanjutnya, Minggu (15/3/2026) tim akan melawan juara grup."
        ),
        Some(d("2026-03-13"))
    );
    // The scraper broke the sentence after the date: read on into the next line.
    assert_eq!(
        published_of(
            "Tim akan menghadapi tamunya di stadion kota, Jumat (13/3/2026).\nPada laga \
             selanjutnya, Minggu (15/3/2026)\nakan melawan juara grup."
        ),
        Some(d("2026-03-13"))
    );
    // Not after a verb of saying, nor in a relative clause.
    for body in [
        "Rapat digelar Jumat (6/3/2026).\nPada Senin (9/3/2026), menteri mengatakan akan \
         menaikkan harga.",
        "Rapat digelar Jumat (6/3/2026).\nPada Senin (9/3/2026) petugas memeriksa warga yang \
         akan mudik.",
    ] {
        assert_eq!(published_of(body), Some(d("2026-03-09")), "{body}");
    }
}

#[test]
fn tonight_and_today_with_a_bare_date_are_the_report_day() {
    assert_eq!(
        published_of(
            "Jalan ditutup pada Jumat (13/3/2026) malam nanti.\nKata kepala dinas, Kamis \
             (12/3/2026)."
        ),
        Some(d("2026-03-13"))
    );
    assert_eq!(
        published_of(
            "Dewan menetapkan panitia pada rapat paripurna hari ini, 16 Maret 2026.\nKata \
             ketua, Minggu (15/3/2026)."
        ),
        Some(d("2026-03-16"))
    );
    // Unless someone is heard on a later day.
    assert_eq!(
        published_of("Program berlaku hari ini, 16 Maret 2026.\nKata dia, Selasa (17/3/2026)."),
        Some(d("2026-03-17"))
    );
}

#[test]
fn the_day_the_story_went_out_is_the_report_day() {
    // `hingga berita ini dinaikkan pada ...` dates the story, over an earlier quote's day.
    assert_eq!(
        published_of(
            "Kata kepala dinas, Minggu (11/6/2023).
Hingga berita ini dinaikkan pada Senin,              12 Juni 2023, belum ada tanggapan."
        ),
        Some(d("2023-06-12"))
    );
    // The same words about something else are no such day.
    assert_eq!(
        published_of(
            "Kata kepala dinas, Minggu (11/6/2023).
Bantuan ini diturunkan pada Senin, 5 Juni              2023, kepada warga."
        ),
        Some(d("2023-06-11"))
    );
}

#[test]
fn a_correction_note_and_an_as_of_count_are_told_apart() {
    // The note on the article itself is dated after it was published.
    assert_eq!(
        published_of(
            "Kata dia, Senin (16/3/2026).\nCATATAN: Berita ini mengalami perbaikan pada \
             Selasa, 17 Maret 2026, karena salah kutip."
        ),
        Some(d("2026-03-16"))
    );
    // A sentence opening with `Hingga` and a date counts up to the report's day.
    assert_eq!(
        published_of(
            "Tokoh itu wafat pada Rabu 11 Maret 2026.\nHingga Kamis (12/3/2026) pukul 17.12 \
             WIB, 400 orang menandatangani petisi."
        ),
        Some(d("2026-03-12"))
    );
    // Within a sentence, `hingga` is still a deadline.
    assert_eq!(
        published_of("Berkas diterima hingga Senin (16/3/2026).\nKata dia, Kamis (12/3/2026)."),
        Some(d("2026-03-12"))
    );
}

#[test]
fn a_quoted_day_after_the_speakers_is_a_plan() {
    for body in [
        // The closing quote on the next line, as a scraper breaks it.
        "Libur diperpanjang, kata wali kota, Minggu (15/3/2026).\n\"Sekolah masuk kembali hari \
         Rabu (18/3/2026)\n\" ujarnya.",
        // No one heard: measured against the article's other days.
        "Udara memburuk di kota itu, Minggu (15/3/2026).\n\"Sekolah masuk kembali hari Rabu \
         (18/3/2026),\" ujarnya.",
    ] {
        assert_eq!(published_of(body), Some(d("2026-03-15")), "{body}");
    }
}

#[test]
fn yesterday_and_the_small_hours() {
    // An event yesterday, and nothing else: the report is the day after.
    assert_eq!(
        published_of("Pelaku ditangkap Senin (9/3/2026) kemarin di rumahnya."),
        Some(d("2026-03-10"))
    );
    // `dinihari` stands between a weekday and its date like `dini hari`.
    assert_eq!(
        published_of(
            "Hasil liga sepanjang Sabtu malam hingga Senin dinihari WIB, 16 Maret 2026.\n\
             Jadwal Selasa dinihari, 17 Maret 2026: tim A melawan tim B."
        ),
        Some(d("2026-03-16"))
    );
}

#[test]
fn bakal_is_a_plan_but_bakal_calon_is_a_nominee() {
    // `bakal` is the future like `akan`: the quote's day is the report's.
    assert_eq!(
        published_of(
            "Tim tamu bakal menjalani laga tunda di stadion kota, Rabu (11/3/2026).\n\"Kami \
             siap,\" ujar pelatih, Selasa (10/3/2026)."
        ),
        Some(d("2026-03-10"))
    );
    // `bakal calon` names a person: the date after it is the report's day.
    assert_eq!(
        published_of(
            "Partai mengumumkan bakal calon bupati di kantornya, Rabu (11/3/2026).\nSebelumnya \
             rapat digelar Senin (9/3/2026)."
        ),
        Some(d("2026-03-11"))
    );
}

#[test]
fn a_fixture_after_the_last_quote_is_the_previews_schedule() {
    // A match or race later than the quote, also a quote cited from a club's site.
    for body in [
        "Tim kota siap menjamu tamunya di stadion utama, Kamis (12/3/2026) sore.\n\"Kami \
         siap,\" kata pelatih dikutip laman resmi klub, Rabu (11/3/2026).",
        "Pembalap muda itu ingin meraih poin di balapan seri ketiga, Minggu (15/3/2026).\n\
         \"Motor sudah siap,\" ujarnya, Rabu (11/3/2026).",
    ] {
        assert_eq!(published_of(body), Some(d("2026-03-11")), "{body}");
    }
    // A result is news of its own day, after the quotes before the match.
    assert_eq!(
        published_of(
            "\"Kami siap,\" kata pelatih, Rabu (11/3/2026).\nTim kota menang 2-1 saat menjamu \
             tamunya di stadion utama, Kamis (12/3/2026)."
        ),
        Some(d("2026-03-12"))
    );
}

#[test]
fn a_quote_whose_weekday_contradicts_its_date_still_outranks_older_events() {
    // 19/3/2026 is a Thursday: either way the report is after the Tuesday vote.
    assert_eq!(
        published_of(
            "DPR telah mengesahkan undang-undang itu pada rapat paripurna, Selasa (17/3/2026).\n\
             \"Kami hormati,\" kata menteri di kantornya, Rabu (19/3/2026)."
        ),
        Some(d("2026-03-19"))
    );
    // Far after every other day (26/3/2026 is a Thursday), the day number is as likely the
    // typo: the older sound day stays.
    assert_eq!(
        published_of(
            "Banjir melanda kota, Selasa (10/3/2026).\n\"Air sudah surut,\" ujar warga, Senin \
             (26/3/2026)."
        ),
        Some(d("2026-03-10"))
    );
}

#[test]
fn an_event_that_happened_after_the_last_quote_is_the_news() {
    // `pada` after the last quote is a schedule, unless its sentence tells it happened.
    assert_eq!(
        published_of(
            "\"Beliau dirawat intensif,\" kata juru bicara, Minggu (8/3/2026).\nKabar tokoh itu \
             meninggal pada Selasa (10/3/2026) dinihari beredar di media sosial."
        ),
        Some(d("2026-03-10"))
    );
    assert_eq!(
        published_of(
            "\"Kami siapkan tempatnya,\" kata juru bicara, Minggu (8/3/2026).\nUpacara akan \
             digelar pada Selasa (10/3/2026)."
        ),
        Some(d("2026-03-08"))
    );
    // An arrival told as done is news of its day; one to come is a plan.
    for (verb, day) in [
        ("datang", "2026-03-10"),
        ("tiba", "2026-03-10"),
        ("akan datang", "2026-03-08"),
    ] {
        let body = format!(
            "\"Kami sudah memesan,\" tulis panitia di akunnya, Minggu, 8 Maret 2026.\nKiriman \
             bunga itu {verb} pada Selasa, 10 Maret 2026."
        );
        assert_eq!(published_of(&body), Some(d(day)), "{body}");
    }
}

#[test]
fn a_publication_stamp_above_the_lede_dates_the_article_and_leaves_the_body() {
    for (text, date, time) in [
        (
            "Bupati Bantah Pamer Harta\nSenin, 20 Okt 2025 14:30 WIB\nJakarta, CNN Indonesia -- \
             Bupati membantah tuduhan itu.\nRapat digelar Jumat (17/10/2025).",
            "2025-10-20",
            Some(14 * 60 + 30),
        ),
        (
            "ASN Siaran Langsung Saat Jam Kerja\nSelasa, 21 Oktober 2025 | 10:15 WIB\n\
             Liputan6.com, Jakarta - Seorang ASN viral.",
            "2025-10-21",
            Some(10 * 60 + 15),
        ),
        // An outlet's name before it; the lede's own dateline is still found.
        (
            "Pemkot Gelar Rapat\nKompas.com - 20/10/2025, 14:30 WIB\nJAKARTA, KOMPAS.com - \
             Pemerintah kota menggelar rapat.",
            "2025-10-20",
            Some(14 * 60 + 30),
        ),
        // The first publication, not the update.
        (
            "Camat Diperiksa\nDiperbarui 23 Oktober 2025, 08:00 WIB\nDiterbitkan 22 Oktober \
             2025, 19:00 WIB\nBANDUNG - Inspektorat memeriksa camat.",
            "2025-10-22",
            Some(19 * 60),
        ),
        // Month first, as a content system set in English prints it.
        (
            "Lurah Dilaporkan ke Inspektorat\nOct 16, 2025 09:12 WIB\nSURABAYA - Seorang \
             lurah dilaporkan warga.",
            "2025-10-16",
            Some(9 * 60 + 12),
        ),
        (
            "Lurah Dilaporkan ke Inspektorat\nThursday, October 16 2025, 9:12\nWarga \
             melapor.",
            "2025-10-16",
            Some(9 * 60 + 12),
        ),
    ] {
        let a = p(text);
        assert_eq!(a.meta.published, Some(d(date)), "{text}");
        assert_eq!(a.meta.published_time, time, "{text}");
        assert_eq!(a.meta.date_source, Some(DateSource::Text), "{text}");
        assert!(
            a.body
                .boilerplate
                .iter()
                .any(|r| r.kind == RemovedKind::Stamp),
            "{text}"
        );
        assert!(
            a.body.body.iter().all(|l| !l.contains("WIB")),
            "{:?}",
            a.body.body
        );
        assert!(a.body.body[0].starts_with(|c: char| c.is_uppercase()));
    }
    let a = p(
        "Pemkot Gelar Rapat\nKompas.com - 20/10/2025, 14:30 WIB\nJAKARTA, KOMPAS.com - \
         Pemerintah kota menggelar rapat.",
    );
    assert_eq!(a.meta.dateline.as_deref(), Some("Jakarta"));
    assert_eq!(
        a.body.body,
        vec!["Pemerintah kota menggelar rapat.".to_string()]
    );
    // A sentence with a date is not a stamp, nor a line the scraper broke after a date.
    for text in [
        "Judul\nRapat digelar pada Senin, 20 Oktober 2025 di balai kota.\nLain.",
        "Judul\nRapat digelar Jumat, 17 Oktober 2025\nLain.",
        "Judul\nWarga Berkumpul Jumat, 17 Oktober 2025.\nLain.",
        "Judul\nRabu (10/4/2024)\nLain.",
        "Judul\nRapat digelar Oct 16, 2025\nLain.",
        "Judul\nMei 2025\nLain.",
    ] {
        let a = p(text);
        assert!(
            a.body
                .boilerplate
                .iter()
                .all(|r| r.kind != RemovedKind::Stamp),
            "{text}"
        );
    }
}

#[test]
fn a_stamp_later_than_the_file_gives_way_with_its_time() {
    let mut a = p(
        "Camat Diperiksa\nSenin, 20 Okt 2025 14:30 WIB\nBANDUNG - Camat diperiksa, \
                   Jumat (17/10/2025).",
    );
    assert_eq!(a.meta.published_time, Some(14 * 60 + 30));
    settle_date(&mut a, d("2025-10-17"));
    assert_eq!(a.meta.published, Some(d("2025-10-17")));
    assert_eq!(a.meta.published_time, None);
}

#[test]
fn a_two_day_event_told_as_done_is_reported_on_its_last_day() {
    assert_eq!(
        published_of("Kontes ternak digelar selama dua hari, 13-14 Maret 2026, di lapangan desa."),
        Some(d("2026-03-14"))
    );
    // A longer fair is reported while it runs as often as after: its first day.
    assert_eq!(
        published_of("Pameran mobil berlangsung pada 11-15 Maret 2026 di gedung konvensi."),
        Some(d("2026-03-11"))
    );
}

#[test]
fn a_list_of_next_fixtures_is_ahead_of_the_report() {
    // The scraper joined the list's lines with commas: its head is outside the dates'
    // clauses.
    for body in [
        "Tim tuan rumah menang 2-0 pada Sabtu malam, 14 Maret 2026.\nJadwal liga \
         berikutnya,Minggu, 15 Maret 2026,Tim A vs Tim B | 19:00 WIB,Senin, 16 Maret \
         2026,Tim C vs Tim D | 20:00 WIB",
        "Tim tuan rumah menang 2-0 pada Sabtu malam, 14 Maret 2026.\nLaga selanjutnya:,\
         Minggu, 15 Maret 2026 Tim A vs Tim B,Senin, 16 Maret 2026 Tim C vs Tim D",
    ] {
        assert_eq!(published_of(body), Some(d("2026-03-14")), "{body}");
    }
}

#[test]
fn a_list_of_next_fixtures_runs_on_over_its_lines() {
    // The list's later items, on lines of their own, are as far ahead as its first.
    for body in [
        "Tim tuan rumah menang 2-0 pada Sabtu malam, 14 Maret 2026.\nJadwal liga \
         berikutnya,Minggu, 15 Maret 2026,Tim A vs Tim B | 19:00 WIB.\nSenin, 16 Maret \
         2026,Tim C vs Tim D | 20:00 WIB.",
        "Tim tuan rumah menang 2-0 pada Sabtu malam, 14 Maret 2026.\nLaga selanjutnya:\n\
         15 Maret 2026 Tim A vs Tim B\n16 Maret 2026\nTim C vs Tim D\n\
         17 Maret 2026: Tim E vs Tim F",
    ] {
        assert_eq!(published_of(body), Some(d("2026-03-14")), "{body}");
    }
}

#[test]
fn a_result_below_a_list_of_fixtures_ends_the_list() {
    // The line after the list tells of a match played: the report's own day, after the
    // older result above.
    let body = "Tim A menang 1-0 atas Tim E, Sabtu (14/3/2026).\n\
                Jadwal laga berikutnya: Tim A vs Tim B.\n\
                Minggu, 15 Maret 2026, Tim C vs Tim D berakhir imbang 1-1.";
    assert_eq!(published_of(body), Some(d("2026-03-15")));
    // Prose below the list is no line of it.
    let body = "Tim A menang 1-0 atas Tim E, Sabtu (14/3/2026).\n\
                Laga selanjutnya: Tim A vs Tim B.\n\
                Minggu, 15 Maret 2026, ribuan suporter memadati alun-alun kota untuk nonton \
                bareng.";
    assert_eq!(published_of(body), Some(d("2026-03-15")));
}

#[test]
fn a_day_restated_in_indonesian_time_is_one_event() {
    // A preview: the plan is that near, so it beats an older result, and the local day is
    // the report's, not the later WIB one.
    assert_eq!(
        published_of(
            "Tim tamu menang 2-0 atas lawannya, Sabtu (7/3/2026).\nMereka akan menjamu juara \
             bertahan, Selasa (10/3/2026) waktu lokal atau Rabu (11/3/2026) dini hari WIB."
        ),
        Some(d("2026-03-10"))
    );
    // A result: the Indonesian day is the reader's.
    assert_eq!(
        published_of(
            "Tim tamu menang 2-0 di kandang lawan, Selasa (10/3/2026) waktu setempat atau \
             Rabu (11/3/2026) dini hari WIB."
        ),
        Some(d("2026-03-11"))
    );
}

#[test]
fn a_bracketed_date_after_a_score_is_a_past_result() {
    assert_eq!(
        published_of(
            "Kedua tim bertemu lagi di stadion kota, Selasa (10/3/2026).\nRiwayat pertemuan:\n\
             - Tim A 2-1 Tim B (14 Desember 2025, Piala Kota)\n- Tim B vs Tim A 3-0 (28/05/2026)"
        ),
        Some(d("2026-03-10"))
    );
}

#[test]
fn a_weekday_named_as_tomorrow_makes_its_date_tomorrow() {
    // The headline names Sunday as tomorrow (a number after it starts no date): the body's
    // Sunday is the parade's, the report comes on the Saturday heard.
    let a = p("Parade Mobil Listrik Minggu Besok, 3 Ruas Jalan Ditutup\n\
         \"Jalan ditutup sementara,\" kata kepala dinas dalam keterangannya, Sabtu (14/3/2026).\n\
         Berikut rekayasa lalu lintas saat parade, Minggu, 15 Maret 2026.");
    assert_eq!(a.meta.published, Some(d("2026-03-14")));
    // Someone heard on that weekday was heard then, whatever is planned for the next one.
    assert_eq!(
        published_of(
            "Warga berharap parade Minggu besok berjalan lancar.\n\"Kami siap,\" kata \
             panitia kepada wartawan, Minggu (15/3/2026)."
        ),
        Some(d("2026-03-15"))
    );
}

#[test]
fn a_headline_that_puts_its_event_today_dates_the_preview_on_that_day() {
    // Quotes gathered the day before, the match ahead in the body: the headline's `malam
    // ini` says the report comes on the match day.
    let preview = "\"Kami siap,\" kata pelatih dalam jumpa pers, Rabu (11/3/2026).\n\
                   Tim kota akan menjamu tamunya di stadion utama, Kamis (12/3/2026) pukul \
                   19.30 WIB.";
    let a = p(&format!(
        "Link Siaran Langsung Tim Kota Malam Ini\n{preview}"
    ));
    assert_eq!(a.meta.published, Some(d("2026-03-12")));
    let a = p(
        "Rapat Anggaran Dibahas Siang Ini\n\"Bahan sudah lengkap,\" ujar \
         ketua panitia, Rabu (11/3/2026).\nRapat akan digelar pada Kamis, 12 Maret 2026.",
    );
    assert_eq!(a.meta.published, Some(d("2026-03-12")));
    // Without the headline's today the preview comes on the day of its quotes.
    assert_eq!(published_of(preview), Some(d("2026-03-11")));
    // Nights counted (`2 Malam Ini`) and days up to now are no today; a round a week ahead
    // is too far; a day said to be tomorrow stays tomorrow.
    for text in [
        format!("Liburan 3 Hari 2 Malam Ini Murah\n{preview}"),
        format!("Tim Kota Berlatih Keras Beberapa Hari Ini\n{preview}"),
        "Tim Kota Berlatih Hari Ini\n\"Kami siap,\" kata pelatih, Rabu (11/3/2026).\nTim \
         kota akan menjamu tamunya di stadion utama, Kamis (19/3/2026)."
            .to_string(),
        "Tim Kota Berlatih Hari Ini\n\"Kami siap,\" kata pelatih, Rabu (11/3/2026).\nTim \
         kota akan menjamu tamunya besok, Kamis (12/3/2026)."
            .to_string(),
    ] {
        assert_eq!(p(&text).meta.published, Some(d("2026-03-11")), "{text}");
    }
}

#[test]
fn the_year_of_a_law_is_no_year_of_the_article() {
    use super::dates::years;
    assert_eq!(
        years("melanggar UU Nomor 11 Tahun 2008 tentang ITE"),
        Vec::<u16>::new()
    );
    assert_eq!(
        years("sesuai Perpres No. 5 Tahun 2010 dan UU 11/2008"),
        Vec::<u16>::new()
    );
    assert_eq!(years("target tahun 2025 dan anggaran 2024"), [2025, 2024]);
    assert_eq!(years("pada 12/2021 dan sejak tahun 2019"), [2021, 2019]);
    // A vehicle's number and history are no year a year-less date can be in.
    assert_eq!(
        years("menabrak toyota avanza BH 1943 FM dan truk B 2019 TKR pada 2021"),
        [2021]
    );
    assert_eq!(years("berdiri sejak 1945 dan dipugar pada 2019"), [2019]);
    // A headline in capitals is no plate.
    assert_eq!(years("PON XX 2021 DI PAPUA RESMI DIBUKA"), [2021]);
    assert_eq!(years("HUT RI 2024 DI ISTANA"), [2024]);
    // A year-less report cited beside a law: no year of its own, not the law's.
    let body = "Polisi memeriksa pengunggah video yang dinilai melanggar UU Nomor 11 Tahun \
                2008 tentang ITE, kata Kapolres kepada wartawan, Senin (17/10).";
    assert_eq!(published_of(body), None);
}

#[test]
fn the_day_a_dateline_writes_is_the_story_s_however_long_after_its_events() {
    // Days after the event the lede reports: still the dateline's day, not a page widget's.
    assert_eq!(
        published_of(
            "Palu, 3 Oktober 2025 \u{2014} Sosialisasi yang digelar perusahaan pada 28 September \
             2025 di desa itu berakhir tanpa kesepakatan.\nWarga menolak tawaran itu."
        ),
        Some(d("2025-10-03"))
    );
}
