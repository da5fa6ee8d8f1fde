//! Golden tests of the page around a story: a photo's dated caption closed by its credit,
//! the credit's outlet glued by a slash, and a headline printed again under the page's
//! furniture.

use super::*;

fn p(text: &str) -> Article {
    parse_text(text, "t.txt")
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
    ] {
        let a = p(&format!(
            "Judul Berita Yang Cukup Panjang\nKOTABARU - Warga berkumpul di balai desa.\n{caption}\nParagraf dua."
        ));
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
    for line in [
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
    ] {
        let a = p(&format!(
            "Judul Berita Yang Cukup Panjang\nKOTABARU - Warga berkumpul di balai desa.\n{line}\nParagraf dua."
        ));
        assert_eq!(a.body.body.len(), 3, "{line}: {:?}", a.body.boilerplate);
    }
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
