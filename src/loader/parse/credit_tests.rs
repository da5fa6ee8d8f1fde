//! Golden tests of bylines in the forms regional pages print them, of a date written in full
//! only in the summary over the lede, and of a site's tagline under the headline.

use super::*;

fn p(text: &str) -> Article {
    parse_text(text, "t.txt")
}

/// A headline, the lines under test, then a lede and a second paragraph.
fn page(lines: &[&str]) -> Article {
    let mut text = String::from("Judul Berita Yang Cukup Panjang Di Sini\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("JAKARTA - Warga berkumpul di balai desa pada Senin (3/2/2025) untuk rapat.\n");
    text.push_str("Isi kedua berita ini cukup panjang untuk dibaca oleh pembaca setia.\n");
    p(&text)
}

#[test]
fn two_keys_on_one_line_with_spaces_before_their_colons() {
    let a = page(&["Editor : Nama Penyunting   Reporter : Ani Lestari"]);
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Nama Penyunting"));
}

#[test]
fn a_key_parted_from_its_colon_by_a_pipe() {
    let a = page(&["Pewarta | : Budi Santoso |", "Editor | : Citra Dewi |"]);
    assert_eq!(a.meta.authors, ["Budi Santoso"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Citra Dewi"));
}

#[test]
fn an_author_box_names_its_key_after_the_name() {
    let a = page(&[
        "thumbnail-author",
        "Ani Lestari",
        "Penulis",
        "Budi Santoso",
        "Editor",
    ]);
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(a.meta.editor.as_deref(), Some("Budi Santoso"));
    // A label under a heading is no author box: the line above must be a name.
    let a = page(&["Berita Daerah Terkini Hari Ini", "Penulis"]);
    assert!(a.meta.authors.is_empty());
}

#[test]
fn writers_then_the_outlet_after_a_pipe() {
    let a = page(&["Ani Lestari  /  Budi Santoso  | WARTA.com"]);
    assert_eq!(a.meta.authors, ["Ani Lestari", "Budi Santoso"]);
}

#[test]
fn a_byline_in_a_numeric_stamp() {
    let a = page(&["Ani Lestari | Kamis, 11/02/2021 16:59 WIB"]);
    assert_eq!(a.meta.authors, ["Ani Lestari"]);
    assert_eq!(a.meta.published, Some("2021-02-11".parse().unwrap()));
}

#[test]
fn the_summary_over_the_lede_dates_a_lede_that_names_only_its_weekday() {
    let a = p("Ratusan Warga Datangi Kantor Bupati Hari Ini\n\
        Ratusan warga berkumpul di depan kantor bupati, Senin (1/9/2025). (ANTARA)\n\
        Site.id, Jakarta - Pada Senin pagi ratusan warga tiba di depan kantor bupati.\n\
        Sebelumnya, tepatnya pada 27 Agustus 2025, bupati dipanggil untuk memberi keterangan.\n");
    assert_eq!(a.meta.published, Some("2025-09-01".parse().unwrap()));
}

#[test]
fn a_sites_tagline_under_a_short_headline_is_neither_title_nor_body() {
    let a = p("Rob Landa Wilayah Pantura\n\
        SITUS.COM - Panduan Informasi dan Inspirasi\n\
        Semarang - Banjir air laut pasang kembali merendam beberapa daerah di pantura pada Kamis (19/1/2023).\n\
        Warga mengungsi ke tempat yang lebih tinggi sejak pagi hari.\n");
    assert_eq!(a.meta.title, "Rob Landa Wilayah Pantura");
    assert!(!a.body.body.iter().any(|b| b.contains("Panduan")));
}

#[test]
fn a_releases_dateline_with_its_day_in_full_dates_the_article() {
    let a = p("Menteri Kunjungi Kota\n\
        Gorontalo, 27 Oktober 2019 – Menteri berkunjung ke rumah sakit pada Minggu pagi bersama rombongan.\n\
        Ia meninjau ruang rawat inap.\n");
    assert_eq!(a.meta.dateline.as_deref(), Some("Gorontalo"));
    assert_eq!(a.meta.published, Some("2019-10-27".parse().unwrap()));
}

#[test]
fn a_date_spaced_out_in_its_brackets_is_read() {
    let a = p("Kecelakaan di Jalan Wates\n\
        SLEMAN - Kecelakaan terjadi di Jalan Wates, Sleman, Minggu ( 21/11/ 2021 ) dinihari.\n\
        Dua orang luka ringan.\n");
    assert_eq!(a.meta.published, Some("2021-11-21".parse().unwrap()));
    assert_eq!(super::tighten_spaced_dates("kata dia (3 orang)"), None);
    assert_eq!(
        super::tighten_spaced_dates("Minggu ( 21/11/ 2021 ) pagi").as_deref(),
        Some("Minggu (21/11/2021) pagi")
    );
}

#[test]
fn page_widgets_and_labels_are_not_the_body() {
    let a = p("Harga Cabai Naik di Pasar Kota\n\
        Headline\n\
        KOTA - Harga cabai rawit di pasar kota terus naik sejak pekan lalu, kata pedagang pada Senin (1/3/2021).\n\
        close icon\nScroll ke atas untuk melanjutkan\nswipe\n\
        Pedagang berharap pasokan dari daerah penghasil segera pulih.\n\
        Tag: Kota, cabai, harga pangan\nShare and Enjoy !\nLoad more\nRelated posts\n");
    assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
}
