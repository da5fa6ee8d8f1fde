//! Extraction fidelity (issue 19): the measures of `examples/eval_parse.rs` on made-up text,
//! and, when `../shared/corpora` is there, the date targets on the real corpora. Under CI
//! the corpora are absent and the corpus test says so and passes.

#[path = "../../examples/support/parse_eval.rs"]
mod parse_eval;

use std::path::Path;

use parse_eval::{
    CORPORA, boiler_form, days, has_yearless, names_outlet, states, url_date, writes_near,
};
use warta::model::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn a_stated_date_is_the_metadata_date_written_with_its_year() {
    let t = "kata dia, selasa (21/10/2025). lalu pada 3 agustus 2024.";
    assert!(states(t, d("2025-10-21")));
    assert!(states(t, d("2024-08-03")));
    assert!(states("pada 03/08/2024 pukul", d("2024-08-03")));
    assert!(states("rabu, 9 okt. 2019", d("2019-10-09")));
    // A year-less date, another year, or digits glued on do not state it.
    assert!(!states("selasa (21/10)", d("2025-10-21")));
    assert!(!states("selasa (21/10/2024)", d("2025-10-21")));
    assert!(!states("nomor 121/10/2025", d("2025-10-21")));
    assert!(!states("tanggal 3 agustus 20245", d("2024-08-03")));
}

#[test]
fn year_less_dates_need_a_weekday_before_them() {
    assert!(has_yearless("disampaikan jumat (27/9) di kantor"));
    assert!(has_yearless("kata dia, jumat malam (27/9)."));
    assert!(!has_yearless("jumat (27/9/2019)"));
    assert!(!has_yearless("skor (2/1) di babak pertama"));
    assert!(!has_yearless("jumat (127/9)"));
}

#[test]
fn url_dates_days_and_non_body_forms() {
    assert_eq!(
        url_date("https://example.com/news/2019/09/10/judul-berita"),
        Some(d("2019-09-10"))
    );
    assert_eq!(url_date("https://example.com/read/4067609/judul"), None);
    assert_eq!(days(d("1970-01-01")), 0);
    assert_eq!(days(d("2025-03-01")) - days(d("2025-02-28")), 1);
    assert_eq!(days(d("2024-03-01")) - days(d("2024-02-28")), 2);
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400 * 20_000 + 5);
    assert_eq!(parse_eval::date_of_time(t).map(days), Some(20_000));
    assert_eq!(
        boiler_form("SCROLL TO CONTINUE WITH CONTENT"),
        Some("advert")
    );
    assert_eq!(boiler_form("'Simak juga video: contoh'"), Some("prompt"));
    assert_eq!(boiler_form("Baca juga: Judul lain"), Some("related"));
    assert_eq!(boiler_form("loading..."), Some("footer"));
    assert_eq!(boiler_form("Warga membaca juga koran pagi."), None);
}

#[test]
fn a_day_near_the_url_date_is_written_in_any_form() {
    let u = d("2019-09-10");
    for text in [
        "kata dia, selasa (10/9).",
        "pada 09/09/2019 pukul",
        "rabu, 11 september lalu",
        "senin (9/9/19)",
    ] {
        assert!(writes_near(text, u), "{text}");
    }
    for text in [
        "pada 12/9 lalu",
        "10 sepeda",
        "nomor 110/9",
        "ke-8 september",
    ] {
        assert!(!writes_near(text, u), "{text}");
    }
}

#[test]
fn an_outlet_is_named_as_a_name_not_as_the_common_word() {
    for (text, fam) in [
        ("kata dia kepada detikcom.", "detik"),
        ("Pantauan detikJatim di lokasi", "detik"),
        ("dilansir TEMPO.CO hari ini", "tempo"),
        ("pesan Tempo belum dibalas", "tempo"),
        ("dikutip Tribunnews, Senin", "tribun"),
        ("Okezone merangkum", "okezone"),
    ] {
        assert!(names_outlet(text, fam), "{text}");
    }
    for (text, fam) in [
        ("sampai detik ini belum", "detik"),
        ("rekaman 30 detik itu", "detik"),
        ("tanggal jatuh tempo dekat", "tempo"),
        ("seni kontemporer", "tempo"),
        ("tulisan di Kompasiana", "kompas"),
        ("penonton di tribun timur", "tribun"),
    ] {
        assert!(!names_outlet(text, fam), "{text}");
    }
}

#[test]
fn a_pages_own_stamp_is_a_second_truth_unless_excel_swapped_it() {
    let day = |s: &str| s.parse::<warta::model::Date>().ok();
    // okezone: the URL's day, then the page's stamp a day later.
    assert_eq!(
        parse_eval::page_date("2019-09-12 00:00:00 08:32:00", Some("2019-09-11")),
        day("2019-09-12")
    );
    // The same day, Excel's day/month swap, and other forms give no second truth.
    for (raw, date) in [
        ("2019-09-11 00:00:00 10:23:00", "2019-09-11"),
        ("2019-10-09 00:00:00 21:48 WIB", "2019-09-10"),
        ("Juli 01, 2019 -", "2019-07-01"),
        ("10-Sep-19 23:04", "2019-09-10"),
        ("", "2019-09-10"),
    ] {
        assert_eq!(parse_eval::page_date(raw, Some(date)), None, "{raw}");
    }
}

/// The levels reached on the shared corpora's `.txt` files, as a floor against regressions
/// (the targets, printed by `examples/eval_parse.rs`, are 99% stated, 95% year-less
/// resolved, 85% URL-dated; the URL-dated one is out of the text's reach, see the README).
/// clickid2019's year-less floor is 97.5%: at parser 32 two year-less dates that only a birth
/// year or a plate had placed (in 1984 and 1993) are left undated, 98.0% (624/637).
const DATE_TARGETS: [(&str, f64, f64, f64, f64, f64); 2] = [
    // (corpus column, exact where stated, year-less resolved, year-less ±1 day,
    // URL-dated ±1 day, outlet found where the text names it)
    ("detik2025 txt", 0.993, 0.99, 0.91, 0.0, 0.97),
    ("clickid2019 txt", 0.99, 0.975, 0.826, 0.72, 0.97),
];

/// Dates later than the file's time plus a day.
const MAX_LATER_THAN_FILE: usize = 0;

#[test]
fn dates_reach_the_targets_on_the_shared_corpora() {
    let Some(shared) = parse_eval::shared_corpora(Path::new(env!("CARGO_MANIFEST_DIR"))) else {
        println!("skipped: no ../shared/corpora beside the repository");
        return;
    };
    let mut misses = Vec::new();
    let mut cols = Vec::new();
    for (name, stated, yearless, yearless_near, url, outlet) in DATE_TARGETS {
        let (_, rel, jsonl, mode) = *CORPORA
            .iter()
            .find(|c| c.0 == name)
            .expect("a target names a corpus of the evaluation");
        if !shared.join(rel).is_dir() || !shared.join(jsonl).is_file() {
            println!("skipped {rel}: not in {}", shared.display());
            continue;
        }
        let cases = parse_eval::load(&shared, rel, jsonl, mode);
        assert!(!cases.is_empty(), "{rel}: no article joined its record");
        let s = parse_eval::score(&cases);
        for (what, got, want) in [
            ("exact where stated", s.stated_exact.rate(), stated),
            ("year-less resolved", s.yearless_resolved.rate(), yearless),
            ("year-less ±1 day", s.yearless_near.rate(), yearless_near),
            ("URL-dated ±1 day", s.url_near.rate(), url),
            ("outlet found", s.outlet.rate(), outlet),
        ] {
            if got < want {
                misses.push(format!("{rel} {what}: {got:.3} < {want}"));
            }
        }
        if s.later_than_file > MAX_LATER_THAN_FILE {
            misses.push(format!(
                "{rel}: {} dates later than the file's time + 1 day",
                s.later_than_file
            ));
        }
        cols.push((rel, s));
    }
    println!("{}", parse_eval::table(&cols));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
