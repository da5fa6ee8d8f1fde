//! Tests of the publication date's choice among the dates a text names (see
//! [`super::pick`]): ranks, reporting clauses, plans, spans and year-less dates.

use super::*;
use crate::loader::parse::dates::{scan, years};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The publication date of made-up text with these hints.
fn pub_of(text: &str, hints: Hints) -> Option<(Date, DateSource)> {
    pick(&scan(text), &years(text), hints).date
}

/// Hints from a record's or URL's date, which bounds the date too.
fn near(s: &str) -> Hints {
    Hints {
        bound: Some(d(s)),
        near: Some(d(s)),
        headline_today: false,
    }
}

/// Hints from the file's time alone.
fn bounded(s: &str) -> Hints {
    Hints {
        bound: Some(d(s)),
        near: None,
        headline_today: false,
    }
}

fn date_of(text: &str) -> Option<Date> {
    pub_of(text, Hints::default()).map(|(d, _)| d)
}

#[test]
fn scheduled_and_future_dates_give_way_to_the_report_day() {
    for text in [
        "Rapat digelar pada Kamis (12/3/2026) besok. Kata dia, Rabu (11/3/2026).",
        "Aturan berlaku terhitung sejak Senin, 2 Maret 2026, kata dia, Rabu (11/3/2026).",
        "Hakim menjadwalkan sidang putusan pada Senin, 16 Maret 2026. Kata dia, Rabu (11/3/2026).",
        "Laga akan digelar pada Sabtu (14/3/2026). Ujar pelatih, Rabu (11/3/2026).",
        "Kata dia, Rabu (11/3/2026). Rapat lanjutan pekan depan, Rabu (18/3/2026) depan.",
        // The future verb clauses away from the date, and a start day (`mulai`).
        "Tim tamu akan bertandang ke kota itu, laga pekan kelima, Sabtu (14/3/2026). \
         Kata pelatih, Rabu (11/3/2026).",
        "Tarif baru berlaku mulai Minggu, 15 Maret 2026. Kata dia, Rabu (11/3/2026).",
        "Rencana, Senin (16/3/2026) presiden meresmikan jalan itu. Kata dia, Rabu (11/3/2026).",
        // A day said to be yesterday is not the report's.
        "Hingga Rabu (11/3/2026) tersangka bertambah dari yang diumumkan Selasa \
         (10/3/2026) kemarin.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
    }
}

#[test]
fn future_talk_in_a_reporting_clause_keeps_its_date() {
    // What someone said will happen, said on the report's day.
    assert_eq!(
        date_of("Harga akan naik pekan ini, kata menteri itu, Rabu (11/3/2026)."),
        Some(d("2026-03-11"))
    );
    assert_eq!(
        date_of(
            "Sidang akan digelar di pengadilan negeri, Rabu (11/3/2026) hari ini. \
             Kata jaksa saat dikonfirmasi, Selasa (10/3/2026) malam."
        ),
        Some(d("2026-03-11"))
    );
    // Nor does a future verb make `hari ini` another day.
    assert_eq!(
        date_of(
            "Sinetron itu akan tayang untuk terakhir kali pada hari ini, Rabu (11/3/2026). \
             Episode lalu tayang Senin (9/3/2026)."
        ),
        Some(d("2026-03-11"))
    );
}

#[test]
fn a_day_heard_yesterday_is_reported_the_next_day() {
    for text in [
        "Hal itu disampaikan saat dikonfirmasi wartawan, Senin (9/3/2026) kemarin.",
        "\"Kami siap,\" kata dia, Senin kemarin (9/3/2026).",
        // Beside an older event and an earlier report.
        "Pelaku ditangkap Jumat (6/3/2026). Kata Kapolres, Senin (9/3/2026) kemarin.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-10")), "{text}");
    }
    // Year-less, the year from the record: the day after, on the next weekday.
    assert_eq!(
        pub_of(
            "Kata dia kepada wartawan, Senin (9/3) kemarin.",
            near("2026-03-10")
        ),
        Some((d("2026-03-10"), DateSource::InferredYear))
    );
    // Left to the corpus for its year, the weekday moves with the day.
    let picked = pick(
        &scan("Kata dia kepada wartawan, Senin (9/3) kemarin."),
        &[],
        Hints::default(),
    );
    assert_eq!(
        picked.yearless.map(|y| (y.day, y.month, y.weekday)),
        Some((10, 3, Some(2)))
    );
    // Outside a reporting clause, yesterday is an event before the report's day.
    assert_eq!(
        date_of("Kata dia, Rabu (11/3/2026). Pelaku ditangkap Senin (9/3/2026) kemarin."),
        Some(d("2026-03-11"))
    );
}

#[test]
fn a_dateline_after_a_plan_is_the_report_day() {
    // The plan is the day's news; the other dates are older events.
    assert_eq!(
        date_of(
            "KPK akan memeriksa Budi sebagai saksi, Kamis (12/3/2026). Budi ditahan \
             pada 20 Februari 2026."
        ),
        Some(d("2026-03-12"))
    );
    assert_eq!(
        pub_of(
            "KPK akan memeriksa Budi sebagai saksi, Kamis (12/3). Budi menjadi \
             tersangka pada 20 Februari 2026.",
            near("2026-03-12")
        ),
        Some((d("2026-03-12"), DateSource::InferredYear))
    );
    // Planned for a day said to be today, whatever else is heard.
    for text in [
        "Dinas akan menguji rute baru pada Jumat (13/3/2026) pagi ini. Kata kepala \
         dinas, Kamis (12/3/2026).",
        "Sidang gugatan digelar pada Jumat (13/3/2026) hari ini. \"Kami siap,\" ujar \
         pengacara saat dikonfirmasi, Kamis (12/3/2026) malam.",
        "Kata dia kepada wartawan hari ini, Jumat (13/3/2026). Lalu Kamis (12/3/2026).",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-13")), "{text}");
    }
    // `pekan ini` is this week, not today; a `hari ini` in the next sentence is not
    // the date's.
    for text in [
        "Pembalap akan absen di seri akhir pekan ini, (15/3/2026). Kata dia, Kamis \
         (12/3/2026).",
        "Kata dia, Kamis (12/3/2026). \"Kami siap,\" ujarnya, Selasa (10/3/2026). Hari \
         ini, tim berlatih.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-12")), "{text}");
    }
}

#[test]
fn reporting_clauses_and_what_is_not_one() {
    // A bare date closing a reporting clause is the report's.
    assert_eq!(
        date_of("Kata dia kepada wartawan, 12 Maret 2026. Rapat digelar Selasa, 10 Maret 2026."),
        Some(d("2026-03-12"))
    );
    // Not when it is an event's, inside the quoted words, or after a clause of its own.
    for text in [
        "\"Berkas diserahkan paling lambat 20 Maret 2026,\" ujarnya, Kamis (12/3/2026).",
        "Kata dia, syarat berlaku bagi yang berusia 60 tahun per 4 Desember 2026. Rapat \
         Kamis (12/3/2026).",
        "Kata dia, pesta itu digelar pada 28 Maret 2026. Lalu Kamis (12/3/2026).",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-12")), "{text}");
    }
    // `Menurut keterangan saksi, peristiwa terjadi Kamis (...)` is an event, which does
    // not make a later event scheduled.
    assert_eq!(
        date_of(
            "Korban ditemukan pada Minggu (15/3/2026) subuh. Menurut keterangan saksi, awal \
             mula peristiwa itu terjadi hari Kamis (12/3/2026)."
        ),
        Some(d("2026-03-15"))
    );
    // A citation's day does not make the report's own later event scheduled.
    assert_eq!(
        date_of(
            "Topik itu ramai pada Rabu (11/3/2026). Dikutip dari media lain, Selasa \
             (10/3/2026), perangkat itu diluncurkan."
        ),
        Some(d("2026-03-11"))
    );
    // The outlet's own gathering is a reporting clause.
    assert_eq!(
        date_of(
            "Redaksi merangkum tiket murah, Selasa (10/3/2026). Tiket untuk terbang pada \
             Senin (16/3/2026)."
        ),
        Some(d("2026-03-10"))
    );
    // A reporting day whose weekday contradicts it still bounds later events.
    assert_eq!(
        date_of(
            "Pameran dimulai besok, Rabu 11 Maret 2026, ujarnya, Rabu 10 Maret 2026. \
             Pengunjung gratis pada Kamis 12 Maret 2026."
        ),
        Some(d("2026-03-10"))
    );
}

#[test]
fn other_days_told_by_openers_deadlines_and_old_articles() {
    for text in [
        "Kata ketua, Rabu (11/3/2026). Sebelumnya, Kamis 12 Maret 2026, komisi rapat.",
        "Kata ketua, Rabu (11/3/2026). Esoknya, Kamis, 12 Maret 2026, lomba dimulai.",
        "Kata ketua, Rabu (11/3/2026). Berkas diserahkan paling lambat Senin, 16 Maret 2026.",
        // An older article's `hari ini` appended to the text.
        "Kata dia, Rabu (11/3/2026). Artikel lama: hari ini, Senin (23/2/2026), cerai.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
    }
    // The article's only date, its weekday contradicting it and marked past: still the
    // best there is.
    assert_eq!(
        date_of("Utas itu ramai sejak Minggu (17/3/2026)."),
        Some(d("2026-03-17"))
    );
}

#[test]
fn a_day_written_with_its_year_too_is_stated() {
    assert_eq!(
        pub_of(
            "\"Hari ini Jumat (13/3) pagi kami panggil,\" kata dia, Jumat (13/3/2026).",
            Hints::default()
        ),
        Some((d("2026-03-13"), DateSource::Text))
    );
}

#[test]
fn today_events_and_last_resorts() {
    // `hari ini` names the report's day over a later scheduled one.
    assert_eq!(
        date_of("Sidang digelar Kamis (12/3/2026) hari ini. Lalu Sabtu (14/3/2026)."),
        Some(d("2026-03-12"))
    );
    // `esok` between weekday and date marks tomorrow.
    assert_eq!(
        date_of("Kata dia, Rabu (11/3/2026). Acara Kamis esok hari (12/3/2026)."),
        Some(d("2026-03-11"))
    );
    // An event introduced by `pada` after the day the reporter heard it is scheduled.
    assert_eq!(
        date_of("Kata dia, Rabu (11/3/2026). Pameran dibuka pada Sabtu (14/3/2026)."),
        Some(d("2026-03-11"))
    );
    // A marked date is still better than none when it is the only one.
    assert_eq!(
        date_of("Korban bertambah hingga Senin (9/3/2026) pagi."),
        Some(d("2026-03-09"))
    );
    assert_eq!(
        pub_of(
            "Musim 2026. Tim tampil Jumat (27/2) lalu.",
            Hints::default()
        ),
        Some((d("2026-02-27"), DateSource::InferredYear))
    );
    // A bare date is the last resort, after every anchored one.
    assert_eq!(
        date_of("Pada 9 Maret 2026, rapat digelar."),
        Some(d("2026-03-09"))
    );
    assert_eq!(
        date_of("Pada 20 Maret 2026 rapat. Kata dia, Senin (9/3/2026)."),
        Some(d("2026-03-09"))
    );
}

#[test]
fn forms_between_weekday_and_date_and_without_weekday() {
    for (text, want) in [
        ("kata dia, Senin malam (9/3/2026).", "2026-03-09"),
        ("kata dia, Selasa dini hari (10/3/2026).", "2026-03-10"),
        ("kata dia kepada wartawan (9/3/2026).", "2026-03-09"),
        ("saat dihubungiwartaSenin (9/3/2026).", "2026-03-09"),
        ("kata dia, Selsa (10/3/2026).", "2026-03-10"),
        ("kata dia, Kamsi (12/3/2026).", "2026-03-12"),
    ] {
        assert_eq!(date_of(text), Some(d(want)), "{text}");
    }
    // `pekan lalu` marks a past event: below any other date.
    assert_eq!(
        date_of("Acara digelar Jumat pekan lalu (6/3/2026). Kata dia, (9/3/2026)."),
        Some(d("2026-03-09"))
    );
}

#[test]
fn spans_of_days_give_their_first_day_unless_two_days_have_passed() {
    // Ahead, under way, or longer than two days: the first day.
    let f = scan(
        "Pameran akan digelar 7 - 8 Maret 2026 dan 14-15 Maret 2026 ini, lalu 1–5 April \
         2026. Libur dua hari ke depan pada Senin dan Selasa, 9-10 Maret 2026.",
    );
    let got: Vec<Date> = f.iter().map(|x| x.date).collect();
    assert_eq!(
        got,
        vec![
            d("2026-03-07"),
            d("2026-03-14"),
            d("2026-04-01"),
            d("2026-03-09")
        ]
    );
    // Two days told as done: the report comes as they close, the weekday range's last
    // day agreeing with the date's.
    let f = scan("Festival digelar selama dua hari, Senin-Selasa, 9-10 Maret 2026.");
    assert_eq!(f[0].date, d("2026-03-10"));
    assert!(f[0].weekday && !f[0].inconsistent);
    // A range of weekdays puts the words before it in the date's clause.
    assert!(scan("Expo akan digelar di balai kota, Kamis–Minggu 12-15 Maret 2026.")[0].displaced);
    // A range that runs backwards or a score is not a span.
    assert!(
        scan("skor 3 - 1 Maret 2026")
            .iter()
            .all(|x| x.date.day != 3)
    );
}

#[test]
fn year_less_dates_take_the_year_the_article_points_to() {
    // From the article's other dates, the weekday agreeing (27/2/2026 is a Friday).
    let text = "Tim tiba Senin (23/2/2026). Kata pelatih, Jumat (27/2).";
    assert_eq!(
        pub_of(text, Hints::default()),
        Some((d("2026-02-27"), DateSource::InferredYear))
    );
    // From a year the text writes as a word.
    assert_eq!(
        date_of("Musim 2026 dimulai. Kata pelatih, Jumat (27/2)."),
        Some(d("2026-02-27"))
    );
    // From the URL or record date: the nearest fitting year.
    assert_eq!(
        pub_of("Kata pelatih, Jumat (27/2).", near("2026-03-01")),
        Some((d("2026-02-27"), DateSource::InferredYear))
    );
    // Nothing in the article gives a year: the date waits for the corpus's years
    // (`loader::years`), with the file's time as its bound.
    let file = bounded("2026-03-20");
    let text = "Tiba Kamis (26/2) lalu. Kata pelatih, Jumat (27/2). Laga Sabtu (28/2) besok.";
    assert_eq!(
        pick(&scan(text), &years(text), file),
        Picked {
            date: None,
            yearless: Some(Yearless {
                day: 27,
                month: 2,
                weekday: Some(5),
                bound: Some(d("2026-03-20")),
                guess: None,
            }),
        }
    );
    // Only a year written as a word: a guess, handed on with the date.
    let text = "Klub berdiri 2015, kata pelatih, Jumat (27/2).";
    let picked = pick(&scan(text), &years(text), Hints::default());
    assert_eq!(
        picked.date,
        Some((d("2015-02-27"), DateSource::InferredYear))
    );
    assert_eq!(picked.yearless.and_then(|y| y.guess), Some(d("2015-02-27")));
    // A year before online news (a birth year) or a vehicle's number is none: no guess.
    for text in [
        "Lahir 1976, kata pelatih, Jumat (27/2).",
        "Avanza BH 1943 FM terbalik, kata polisi, Minggu (4/4).",
    ] {
        let picked = pick(&scan(text), &years(text), Hints::default());
        assert_eq!(picked.date, None, "{text}");
    }
    // An anchored full date places it for good.
    let text = "Tim tiba Senin (23/2/2026). Kata pelatih, Jumat (27/2).";
    assert_eq!(
        pick(&scan(text), &years(text), Hints::default()).yearless,
        None
    );
    // A weekday that fits no year next to the evidence: the nearest year it fits.
    assert_eq!(
        date_of("Musim 2026. Kata pelatih, Minggu (27/2)."),
        Some(d("2028-02-27"))
    );
    // No weekday: `(2/1)` is a score, not a date.
    assert_eq!(date_of("Musim 2026 menang (2/1)."), None);
}

#[test]
fn impossible_dates_are_refused() {
    // A weekday contradicting a year that no other date shares: the typo is the year.
    assert_eq!(
        date_of("Acara Senin (2/3/2026). Kata dia, Senin (9/3/2028)."),
        Some(d("2026-03-02"))
    );
    // Supported by another date of its year, an inconsistent date still stands alone.
    assert_eq!(
        date_of("Sejak 1 Januari 2026 lalu. Kata dia, Selasa (9/3/2026)."),
        Some(d("2026-03-09"))
    );
    // Later than the bound plus a day.
    let bound = bounded("2026-03-10");
    assert_eq!(pub_of("Kata dia, Kamis (12/3/2026).", bound), None);
    assert_eq!(
        pub_of("Kata dia, Rabu (11/3/2026).", bound),
        Some((d("2026-03-11"), DateSource::Text))
    );
}

#[test]
fn many_dates_on_one_line_stay_linear() {
    // Four times the dates cost about four times the time when the work is linear, sixteen
    // when it is quadratic. The ratio, not a bound in seconds, is asserted: debug builds on
    // a loaded machine differ tenfold in speed, never in how the work grows.
    let time = |reps: usize| {
        let line = "Senin (9/3/2026) Selasa (9/3/2025) Rabu (27/2) 2024 ".repeat(reps);
        let t = std::time::Instant::now();
        let found = scan(&line);
        assert_eq!(found.len(), 3 * reps);
        assert!(pick(&found, &years(&line), Hints::default()).date.is_some());
        t.elapsed()
    };
    let small = time(3_000).max(time(3_000));
    let large = time(12_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 7.0,
        "{small:?} for 9k dates, {large:?} for 36k: {ratio:.1}x"
    );
}

#[test]
fn url_dates() {
    assert_eq!(
        url_date("https://x.test/news/2026/03/09/judul-berita"),
        Some(d("2026-03-09"))
    );
    assert_eq!(url_date("https://x.test/read/4067609/judul"), None);
    assert_eq!(url_date("https://x.test/2026/13/09/x"), None);
    assert_eq!(url_date("https://x.test/12026/03/09/x"), None);
}

#[test]
fn fixtures_told_by_league_ground_series_or_broadcast_lie_ahead_of_the_report() {
    for text in [
        // An aim is no result (`bertekad mengalahkan`).
        "Tim itu bertekad mengalahkan tuan rumah dalam lanjutan Liga 1 di Stadion Merdeka, \
         Jumat (13/3/2026). Kata pelatih menjelang laga, Kamis (12/3/2026).",
        "Pembalap itu ingin meraih podium di MotoGP Mandalika, Minggu (15/3/2026). Kata dia \
         dilansir laman resmi, Kamis (12/3/2026).",
        "Live streaming Persija vs Persib bisa disaksikan Sabtu (14/3/2026) malam. Kata \
         pelatih, Kamis (12/3/2026).",
        // A citation by `dinukil`.
        "Laga Persija vs Persib digelar Sabtu (14/3/2026). Dinukil dari laman klub, Kamis \
         (12/3/2026).",
        // A time's dot and a letter beyond ASCII end no clause.
        "Pertandingan akan kick-off pukul 01.45, Sabtu (14/3/2026) dini hari. Dikutip dari \
         laman klub, Kamis (12/3/2026).",
        "Juventus akan melakoni Derby d\u{2019}Italia di Milan, Senin (16/3/2026) dini hari. \
         Seperti dilaporkan laman klub, Kamis (12/3/2026).",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-12")), "{text}");
    }
    // A result stays the report's news.
    assert_eq!(
        date_of(
            "Tim itu menang 2-1 dalam lanjutan Liga 1 di Stadion Merdeka, Jumat (13/3/2026). \
             Kata pelatih sebelum laga, Kamis (12/3/2026)."
        ),
        Some(d("2026-03-13"))
    );
}

#[test]
fn days_inside_quoted_words_and_other_days_by_their_words() {
    for text in [
        // Quoted words that go on after the date are the speaker's plans.
        "Murid dipulangkan, Rabu (11/3/2026). \"Besok, Kamis (12/3/2026) libur. Jumat \
         (13/3/2026) sekolah kembali, tergantung cuaca,\" kata kepala sekolah.",
        // A day after, awaited, conditional.
        "Laga pertama digelar Rabu (11/3/2026). Sehari berselang, Kamis (12/3/2026), laga \
         kedua dimainkan.",
        "Pasar menanti hasil rapat bank sentral pada Kamis (12/3/2026). Rupiah melemah, Rabu \
         (11/3/2026).",
        "Bank itu berencana memangkas bunga pada pertemuan Kamis (12/3/2026). Rupiah melemah, \
         Rabu (11/3/2026).",
        "Jika menang pada Sabtu (14/3/2026), tim itu lolos. Tim berlatih, Rabu (11/3/2026).",
        // A today told before the day someone was heard is an older text's.
        "Sebelumnya, kecelakaan terjadi pada Selasa (10/3/2026) siang ini. Kata menteri, Rabu \
         (11/3/2026).",
        "\"Asap pada Selasa (10/3/2026) malam ini sangat pekat,\" ujarnya. Kata dokter itu \
         kepada wartawan, Rabu (11/3/2026).",
        // `pagi tadi` is today.
        "Kata pelatih dalam jumpa pers pagi tadi, Rabu (11/3/2026). Latihan digelar Kamis \
         (12/3/2026).",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
    }
    // `mulai pukul` is a start time, not a start ahead.
    assert_eq!(
        date_of(
            "Panitia membuka gerbang Jumat (13/3/2026). Konser digelar mulai pukul 19.00 WIB \
             Sabtu (14/3/2026)."
        ),
        Some(d("2026-03-14"))
    );
}

#[test]
fn typos_in_a_reporting_clause_or_a_restated_day() {
    // `Kamis (10/3/2026)`, a Tuesday: the day someone spoke, five days after the event.
    assert_eq!(
        date_of(
            "Kejadian bermula Kamis (5/3/2026) malam. Kata dia kepada wartawan, Kamis \
             (10/3/2026)."
        ),
        Some(d("2026-03-10"))
    );
    // A year-less day restating a day written with its year takes that year, although its
    // weekday fits the year before.
    assert_eq!(
        date_of("Laga digelar Senin (18/3/2026). Kata pelatih, Selasa (18/3)."),
        Some(d("2026-03-18"))
    );
    // Not a birth date's year.
    assert_ne!(
        date_of("Ia lahir 18 Maret 1950. Kata dia, Rabu (18/3). Rapat Senin (16/3/2026)."),
        Some(d("1950-03-18"))
    );
}

#[test]
fn a_reporting_clause_naming_a_long_title_is_still_one() {
    // The speaker's title and place run past eighty bytes: the day is still the one heard,
    // and the return told with `pada` after it a plan.
    let text = "Petugas kembali ke kota asal pada Kamis (12/3/2026). \"Semua sudah pulang,\" \
                kata Kepala Daerah Kerja Bandara Contoh, Panitia Penyelenggara Kegiatan \
                2026, Budi Santoso usai melepas rombongan terakhir, Rabu (11/3/2026).";
    assert_eq!(date_of(text), Some(d("2026-03-11")));
}

#[test]
fn the_second_day_of_a_pair_is_told_as_the_first() {
    // `pada Rabu (...) dan Kamis (...)`: both days of the event after the day heard.
    let text = "\"Kami kirim surat,\" kata dia, Selasa (10/3/2026). Seleksi itu digelar pada \
                Rabu (11/3/2026) dan Kamis (12/3/2026).";
    assert_eq!(date_of(text), Some(d("2026-03-10")));
}

#[test]
fn obligations_and_what_comes_after_now_lie_ahead() {
    for text in [
        "Razia digelar Rabu (11/3/2026). Pelanggar harus mengambil SIM di kejaksaan pada \
         Jumat (13/3/2026).",
        "Tim itu kalah 0-3 dari tamunya, Rabu (11/3/2026). Setelah ini, tim menghadapi \
         Vietnam, Selasa, 17 Maret 2026.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-11")), "{text}");
    }
}

#[test]
fn a_day_said_to_be_tomorrow_gives_the_day_before() {
    for text in [
        "Polisi akan memeriksa saksi itu pada Rabu (11/3/2026) besok pukul 10.00.",
        "Festival desa siap digelar besok, Rabu (11/3/2026), di lapangan kecamatan.",
        // Beside a span the warning runs over: its end is no report's day.
        "Peringatan berlaku sejak Selasa (10/3/2026) pukul 19.00 hingga Rabu (11/3/2026) \
         pukul 07.00. Hujan lebat diperkirakan turun pada Rabu (11/3/2026) besok.",
    ] {
        assert_eq!(date_of(text), Some(d("2026-03-10")), "{text}");
    }
    // A sound day outranks it: `besok` is loose for "the coming" too.
    assert_eq!(
        date_of("Kata dia, Senin (9/3/2026). Saksi hadir paling cepat Jumat (13/3/2026) besok."),
        Some(d("2026-03-09"))
    );
    // Left to the corpus for its year, the weekday moves back with the day.
    let picked = pick(
        &scan("Episode barunya tayang pada Jumat (13/3) besok."),
        &[],
        Hints::default(),
    );
    assert_eq!(
        picked.yearless.map(|y| (y.day, y.month, y.weekday)),
        Some((12, 3, Some(4)))
    );
}

#[test]
fn yesterday_before_a_date_puts_the_report_the_day_after() {
    let none = Hints::default();
    assert_eq!(
        pub_of(
            "Mutasi kembali bergerak. Kemarin (17/12/2018), Gubernur melantik pejabat.",
            none
        ),
        Some((d("2018-12-18"), DateSource::Text))
    );
    // A weekday that contradicts the date is the writer's yesterday: the date stands.
    assert_eq!(
        pub_of(
            "Mahasiswa menuju Gedung DPR kemarin, Kamis 20 September 2019, untuk berunjuk rasa.",
            none
        ),
        Some((d("2019-09-20"), DateSource::Text))
    );
}

#[test]
fn a_day_and_month_said_to_be_today_are_the_report_day() {
    // No weekday: the bracket after `hari ini` makes it a date, and the year comes from the
    // text's other dates.
    let text = "Pemilihan ketua dijadwalkan, hari ini (6/4), sesuai surat edaran tanggal \
        2 April 2020. Surat itu dikutip Minggu (5/4).";
    assert_eq!(
        pub_of(text, bounded("2021-01-01")),
        Some((d("2020-04-06"), DateSource::InferredYear))
    );
    // A day and month alone elsewhere are no date (a score, a ratio).
    assert!(scan("Skor akhir (6/4) untuk tuan rumah.").is_empty());
    let found = scan("Laga hari ini (6/4) untuk tuan rumah.");
    assert!(
        found.len() == 1 && found[0].today && found[0].yearless,
        "{found:?}"
    );
}
