//! Lists of related stories left between or after the paragraphs: the headlines under a
//! "read also" or "related news" label, before a label that closes a list, or in a bulleted
//! list of headlines that ends the article. Headlines with no label, bullet or separator
//! around them look like short sentences and are left alone.

use crate::model::RemovedKind;

use super::lines::{Kind, bulleted, is_title_like};

/// A label that opens (or closes) a list of links: `Baca juga:` with no headline,
/// `Berita Terkait`, an age stamp (`Regional2 hari ago`).
fn is_label(kind: &Kind) -> bool {
    matches!(kind, Kind::Related(h) if h.is_empty()) || *kind == Kind::Boiler(RemovedKind::Related)
}

/// A headline in sentence case (`Warga bertahan di pengungsian meski banjir surut`): short,
/// opening with a capital, not ending like a sentence.
fn headline_shaped(line: &str) -> bool {
    line.chars().nth(160).is_none()
        && line.split_whitespace().nth(2).is_some()
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ':', ';', '"', '\u{201d}', '\'', ')'])
}

/// A headline as a list under a label sets it: shaped as one, or in title case ending on a
/// quoted word or phrase (`Dumai Punya 'Sesuatu'`, `Marten Tualaka : "Saya Bukan Politisi
/// Pinggiran"`), which a sentence closes with its point inside or after the quote.
fn listed_headline(line: &str) -> bool {
    const QUOTES: [char; 4] = ['"', '\'', '\u{201d}', '\u{2019}'];
    if headline_shaped(line) {
        return true;
    }
    let bare = line.trim_end_matches(QUOTES);
    bare.len() < line.len() && bare.ends_with(|c: char| c.is_alphanumeric()) && is_title_like(bare)
}

/// A separator line as a list draws it between items (`-`, `•`).
fn is_item_separator(p: &str, kind: &Kind) -> bool {
    *kind == Kind::Boiler(RemovedKind::Separator) && p.chars().count() <= 2
}

/// Marks the related headlines of one article's lines. Linear in the number of lines.
pub fn mark(paras: &[String], kinds: &mut [Kind]) {
    under_labels(paras, kinds);
    opening_rail(paras, kinds);
    teaser_excerpt(paras, kinds);
    read_more_excerpt(paras, kinds);
    before_labels(paras, kinds);
    trailing_list(paras, kinds);
    middle_lists(paras, kinds);
}

/// A run of three or more bulleted headlines of five words or more under a paragraph of the
/// story, no sentence introducing it (`- Tersangka Pembunuhan Ayah Kandung di Jember Terancam …`
/// between two paragraphs): a box of teasers the page set without its label. A list the
/// text introduces (`Berikut tokoh-tokoh yang tiba di Istana:`) is the story's own; so are
/// short items (`- Kabupaten Kubu Raya`).
fn middle_lists(paras: &[String], kinds: &mut [Kind]) {
    let teaser = |kinds: &[Kind], j: usize| {
        kinds[j] == Kind::Body
            && bulleted_headline(&paras[j])
                .is_some_and(|h| is_title_like(h) && h.split_whitespace().nth(4).is_some())
    };
    let mut i = 0;
    while i < paras.len() {
        if !teaser(kinds, i) {
            i += 1;
            continue;
        }
        let end = (i..paras.len())
            .find(|&j| !teaser(kinds, j))
            .unwrap_or(paras.len());
        // The list may open on shorter items (`- Menteri BUMN Erick Thohir`): its start is
        // where the bullets start.
        let start = (0..i)
            .rev()
            .take_while(|&j| kinds[j] == Kind::Body && bulleted(&paras[j]).is_some())
            .last()
            .unwrap_or(i);
        // Between paragraphs: above the story, a rail of headlines is the title's
        // furniture to read ([`super::title`]).
        let story_above =
            (0..start).any(|j| kinds[j] == Kind::Body && super::story_end::is_paragraph(&paras[j]));
        if end - i >= 3 && story_above && !introduced(paras, kinds, start) {
            for j in i..end {
                let h = bulleted_headline(&paras[j]).unwrap_or_default().to_string();
                kinds[j] = Kind::Related(h);
            }
        }
        i = end;
    }
}

/// Whether a line ends cut short with an ellipsis (`Permudah Masyarakat Sampaikan
/// Aspirasi,...`).
fn ends_cut(p: &str) -> bool {
    let p = p.trim_end();
    p.ends_with("...") || p.ends_with('\u{2026}')
}

/// A rail of other stories' teasers over the story, each headline and excerpt cut with an
/// ellipsis (`Sidak ke Beberapa SKPK,...` then `SUBULUSSALAM - Aparatur Sipil Negara …
/// bekerja dengan...`): four cut lines or more in a row, two of them opening on a dateline,
/// before any paragraph of the page. Left in, its first headline passes for the title and
/// its towns for the story's. A story's own paragraphs are not cut so in a row.
fn opening_rail(paras: &[String], kinds: &mut [Kind]) {
    let Some(start) = (0..paras.len()).find(|&j| kinds[j] == Kind::Body && ends_cut(&paras[j]))
    else {
        return;
    };
    if (0..start).any(|j| kinds[j] == Kind::Body && super::story_end::is_paragraph(&paras[j])) {
        return;
    }
    // Blank-free runs only: the page's other furniture (a date, a separator) may stand
    // between the items.
    let end = (start..paras.len())
        .find(|&j| kinds[j] == Kind::Body && !ends_cut(&paras[j]))
        .unwrap_or(paras.len());
    let cut: Vec<usize> = (start..end).filter(|&j| kinds[j] == Kind::Body).collect();
    if cut.len() < 4 || end == paras.len() {
        return;
    }
    // Each line's dateline read once: it decides both the rail and each line's kind.
    let datelined: Vec<bool> = cut
        .iter()
        .map(|&j| super::dateline::detect(&paras[j]).is_some())
        .collect();
    if datelined.iter().filter(|&&d| d).count() < 2 {
        return;
    }
    for (j, excerpt) in cut.into_iter().zip(datelined) {
        kinds[j] = if excerpt {
            Kind::Boiler(RemovedKind::Related)
        } else {
            Kind::Related(paras[j].trim_end().to_string())
        };
    }
}

/// The excerpt under a labelled headline that ends the text (`Read previous post:`, a
/// headline, then its lede cut mid-sentence): another story's teaser, not this one's last
/// paragraph. Only a cut excerpt counts; a whole sentence there may be the text going on.
fn teaser_excerpt(paras: &[String], kinds: &mut [Kind]) {
    let Some(last) = (0..paras.len()).rev().find(|&j| kinds[j] == Kind::Body) else {
        return;
    };
    let headline = last.checked_sub(1);
    let labelled = headline.is_some_and(|h| {
        matches!(&kinds[h], Kind::Related(t) if !t.is_empty())
            && h.checked_sub(1).is_some_and(|l| is_label(&kinds[l]))
    });
    if labelled && cut_short(&paras[last]) {
        kinds[last] = Kind::Boiler(RemovedKind::Related);
    }
}

/// The excerpt under a read-also headline anywhere in the text, cut with an ellipsis before
/// the link to the rest (`Baca juga : Polres Sanggau … Datangi PKS …` then `Kanit Tipidter
/// Satreskrim Polres Sanggau ……Selanjutnya…..`): the other story's lede, not a paragraph of
/// this one. A sentence of the story ends on its own word (`dibahas selanjutnya.`).
fn read_more_excerpt(paras: &[String], kinds: &mut [Kind]) {
    const MORE: &[&str] = &["selanjutnya", "selengkapnya", "read more"];
    // Only once the story has begun (a paragraph of it before the read-also line): a page
    // may set a read-also line over its own lede, cut short the same way. Kept as the lines
    // go by, so that a text of any length is read once.
    let mut story_begun = false;
    for j in 1..paras.len() {
        if j >= 2 {
            story_begun |=
                kinds[j - 2] == Kind::Body && super::story_end::is_paragraph(&paras[j - 2]);
        }
        let under_headline = matches!(&kinds[j - 1], Kind::Related(t) if !t.is_empty());
        if !under_headline || !story_begun || kinds[j] != Kind::Body {
            continue;
        }
        let bare = paras[j]
            .trim_end()
            .trim_end_matches(['.', '\u{2026}', ' '])
            .to_lowercase();
        // The ellipsis right against the link (`Sanggau…Selanjutnya`), as a teaser's
        // template joins them; a speaker trailing off writes a space (`berjuang...
        // selanjutnya...`).
        let cut = MORE
            .iter()
            .filter_map(|m| bare.strip_suffix(m))
            .any(|head| head.ends_with(['.', '\u{2026}']) && ends_cut(head));
        if cut {
            kinds[j] = Kind::Boiler(RemovedKind::Related);
        }
    }
}

/// A paragraph cut mid-sentence, as an excerpt is: ten words or more, not in title case,
/// with no closing punctuation or with an ellipsis. A shorter line there is a headline.
fn cut_short(p: &str) -> bool {
    let p = p.trim_end();
    if p.split_whitespace().nth(9).is_none() || is_title_like(p) {
        return false;
    }
    p.ends_with(|c: char| c.is_alphanumeric() || c == ',') || ends_cut(p) || p.ends_with("[…]")
}

/// The bulleted or title-shaped lines that directly follow a label. A bare headline closes
/// the list unless a separator line follows it (a list drawn with separators). Under an
/// empty "read also" or a list's label (`Berita Lainnya`, `Postingan populer dari blog
/// ini`), headlines in sentence case count too when the run of them ends the text or meets
/// other furniture: a paragraph goes on into the text.
fn under_labels(paras: &[String], kinds: &mut [Kind]) {
    let (mut open, mut item) = (false, false);
    // The open list's items are bulleted: a bare headline after them is the page's own
    // (the story's title under a ticker), not one more item.
    let mut bullets = false;
    let mut i = 0;
    while i < paras.len() {
        if is_label(&kinds[i]) {
            let end = (i + 1..paras.len())
                .find(|&j| {
                    kinds[j] != Kind::Body
                        || !listed_headline(&paras[j])
                        || bulleted(&paras[j]).is_some()
                })
                .unwrap_or(paras.len());
            // Headlines stacked under the label in one block, the story going on after them
            // (`BACA JUGA:`, three headlines, then `Wilayah terdampak … 12 dusun.`): three
            // or more, each a title of five words or more. After one or two the story's own
            // subheading may follow (`Pelaku Bersembunyi di Rumah Kerabatnya di Purworejo`).
            let stacked = end > i + 3
                && end < paras.len()
                && !introduced(paras, kinds, i)
                // A sentence of the story's, however short (`… di 12 dusun.`).
                && super::story_end::is_sentence(&paras[end], 8)
                && (i + 1..end).all(|j| {
                    is_title_like(&paras[j]) && paras[j].split_whitespace().nth(4).is_some()
                });
            // Under a list's label (`Berita Lainnya`) a run that ends the text holds three
            // headlines or more: after one or two the text may go on in a title-like line.
            let list_label = !matches!(&kinds[i], Kind::Related(_));
            let ends = end == paras.len() || kinds[end] != Kind::Body;
            if end > i + 1 && ((ends && (!list_label || end > i + 3)) || stacked) {
                for j in i + 1..end {
                    kinds[j] = Kind::Related(paras[j].clone());
                }
                (open, item) = (false, false);
                i = end;
                continue;
            }
        }
        let p = &paras[i];
        let kind = &mut kinds[i];
        match kind {
            Kind::Related(h) => {
                open = h.is_empty() || open;
                item = false;
                bullets &= !h.is_empty();
            }
            Kind::Boiler(RemovedKind::Related) => (open, item, bullets) = (true, false, false),
            _ if is_item_separator(p, kind) => {
                open |= item;
                item = false;
            }
            Kind::Body if open => {
                // A bulleted sentence (`- Empat warga: luka-luka.`) is the story's own list.
                if let Some(h) = bulleted_headline(p) {
                    *kind = Kind::Related(h.to_string());
                    bullets = true;
                } else if is_title_like(p) && !bullets {
                    *kind = Kind::Related(p.clone());
                    // One bare headline per label; a list needs bullets or separators.
                    (open, item) = (false, true);
                } else {
                    (open, item) = (false, false);
                }
            }
            _ => (open, item) = (false, false),
        }
        i += 1;
    }
}

/// Bulleted headlines just before a label that closes their list (`- Judul`, `- Judul`,
/// `Baca Juga`). A list a sentence introduces (`… berikut:`) is text.
fn before_labels(paras: &[String], kinds: &mut [Kind]) {
    for i in 1..paras.len() {
        if !is_label(&kinds[i]) {
            continue;
        }
        let start = (0..i)
            .rev()
            .take_while(|&j| kinds[j] == Kind::Body && bulleted_headline(&paras[j]).is_some())
            .last();
        if let Some(start) = start
            && !introduced(paras, kinds, start)
        {
            for j in start..i {
                let h = bulleted_headline(&paras[j]).unwrap_or_default().to_string();
                kinds[j] = Kind::Related(h);
            }
        }
    }
}

/// A bulleted list of two or more title-case headlines with which the text ends (only
/// furniture after it), not introduced by a sentence.
fn trailing_list(paras: &[String], kinds: &mut [Kind]) {
    let Some(last) = (0..paras.len()).rev().find(|&j| kinds[j] == Kind::Body) else {
        return;
    };
    let start = (0..=last)
        .rev()
        .take_while(|&j| {
            kinds[j] == Kind::Body && bulleted_headline(&paras[j]).is_some_and(is_title_like)
        })
        .last();
    if let Some(start) = start
        && last > start
        && !introduced(paras, kinds, start)
    {
        for j in start..=last {
            let h = bulleted_headline(&paras[j]).unwrap_or_default().to_string();
            kinds[j] = Kind::Related(h);
        }
    }
}

/// The headline of a bulleted line shaped like one.
fn bulleted_headline(line: &str) -> Option<&str> {
    bulleted(line).filter(|h| headline_shaped(h))
}

/// The body line before `start` introduces a list (`Syaratnya sebagai berikut:`).
fn introduced(paras: &[String], kinds: &[Kind], start: usize) -> bool {
    start > 0 && kinds[start - 1] == Kind::Body && paras[start - 1].trim_end().ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::super::lines::classify;
    use super::*;

    fn run(lines: &[&str]) -> Vec<Kind> {
        let paras: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let mut kinds: Vec<Kind> = paras.iter().map(|p| classify(p)).collect();
        mark(&paras, &mut kinds);
        kinds
    }

    fn body(kinds: &[Kind]) -> Vec<usize> {
        (0..kinds.len())
            .filter(|&i| kinds[i] == Kind::Body)
            .collect()
    }

    #[test]
    fn bulleted_headlines_under_see_also_that_end_the_text() {
        let k = run(&[
            "Warga kembali ke rumah setelah air surut pada Selasa pagi.",
            "Lihat juga:",
            "- Pemkot Fasilitasi Seragam Gratis Bagi Siswa Kurang Mampu",
            "- Wisatawan Makin Ramai, Pengeluaran Capai Rp2,87 Juta",
            "- Refleksi Hari Jadi Kota ke",
        ]);
        assert_eq!(body(&k), vec![0]);
    }

    #[test]
    fn a_read_also_excerpt_cut_before_its_link_is_the_other_story_s() {
        let story = "Harga gabah di pasaran lokal Kecamatan Jatipurno dan sekitarnya turun drastis \
                     sepekan ini, pulih seperti pada masa panen tahun lalu, ucap Kartono.";
        let k = run(&[
            story,
            "Baca juga : Polres Sanggau dan Dinas Lingkungan Hidup Datangi PKS",
            "Kanit Tipidter Satreskrim Polres Sanggau dan Dinas Lingkungan Hidup Kabupaten \
             Sanggau\u{2026}Selanjutnya\u{2026}..",
            story,
        ]);
        assert_eq!(body(&k), vec![0, 3]);
        // A sentence of the story that ends on the word stays.
        let k = run(&[
            story,
            "Baca juga : Polres Sanggau dan Dinas Lingkungan Hidup Datangi PKS",
            "Hasil panen berikutnya akan dibahas selanjutnya.",
            story,
        ]);
        assert_eq!(body(&k), vec![0, 2, 3]);
        // Nor a speaker trailing off, nor the page's own lede under a read-also line over
        // the story (the review's cases).
        let k = run(&[
            story,
            "Baca juga : Polres Sanggau dan Dinas Lingkungan Hidup Datangi PKS",
            "Kata dia, kami akan terus berjuang sampai tuntas... selanjutnya...",
            story,
        ]);
        assert_eq!(body(&k), vec![0, 2, 3]);
        let k = run(&[
            "Polisi Bongkar Praktik Tambang Emas Ilegal di Sintang",
            "Baca juga : Polres Sanggau dan Dinas Lingkungan Hidup Datangi PKS",
            "SINTANG - Satreskrim Polres Sintang membongkar tambang emas ilegal\u{2026}Selengkapnya",
            story,
        ]);
        assert_eq!(body(&k), vec![0, 2, 3]);
    }

    #[test]
    fn headlines_under_a_lists_label_that_end_the_text() {
        // Under `Berita Lainnya` or a blog's popular-posts widget, every headline of the
        // run, those ending on a quoted word too.
        for label in ["Berita Lainnya", "Postingan populer dari blog ini"] {
            let k = run(&[
                "Paslon kedua mendaftar ke kantor KPU pada sore hari.",
                label,
                "Haji Sukma Disebut Balon Alternatif 'Banteng' di Pilkada Dumai",
                "Lonjakan Drastis Balon di Pilkada 2020, Dumai Punya 'Sesuatu'",
                "Diminta Mundur, Marten Tualaka : \"Saya Bukan Politisi Pinggiran\"",
                "Mitra Energi Dumai Gelar Deklarasi Dukungan",
            ]);
            assert_eq!(body(&k), vec![0], "{label}");
        }
        // A paragraph after the label goes on into the text; a sentence ending on a quote
        // is no headline.
        let k = run(&[
            "Berita Lainnya",
            "Warga Dumai Antre Minyak Goreng",
            "Ia berkata, \"Kami sudah menunggu sejak pagi.\"",
            "Antrean berlangsung hingga sore hari di depan kantor kelurahan.",
        ]);
        assert_eq!(body(&k), vec![2, 3]);
    }

    #[test]
    fn sentence_case_headlines_under_an_empty_read_also_that_end_the_text() {
        let k = run(&[
            "Warga kembali ke rumah setelah air surut pada Selasa pagi.",
            "Baca juga:",
            "Kota siaga hadapi musim hujan",
            "Ratusan warga masih bertahan di tenda darurat",
            "Penulis: Ani",
        ]);
        assert_eq!(body(&k), vec![0]);
        // A paragraph that goes on after the run keeps its lines in the text.
        let k = run(&[
            "Baca juga:",
            "Pasar kembali ramai sejak pagi tadi",
            "Pedagang mengatakan harga cabai naik dua kali lipat dalam sepekan terakhir.",
        ]);
        assert_eq!(body(&k), vec![1, 2]);
    }

    #[test]
    fn a_breaking_news_ticker_is_a_list_of_other_stories() {
        let k = run(&[
            "Kamis, 29 Januari 2026",
            "Breaking News",
            "\u{2022} Pemkab Bengkalis Dorong Kolaborasi Pemerintah dan Dunia Usaha   \u{25cf}",
            "\u{2022} Kabupaten Rokan Hulu Raih Penghargaan UHC 2026 Kategori Madya   \u{25cf}",
            "Tiga Warga Meranti Terindikasi Covid-19",
            "Tiga orang warga Kabupaten Kepulauan Meranti terindikasi terjangkit Covid-19.",
        ]);
        assert_eq!(k[1], Kind::Boiler(RemovedKind::Related));
        assert!(matches!(&k[2], Kind::Related(_)), "{:?}", k[2]);
        assert!(matches!(k[3], Kind::Related(_)), "{k:?}");
        assert_eq!(body(&k)[1..], [4, 5]);
    }

    #[test]
    fn a_rail_of_cut_teasers_over_the_story_is_furniture() {
        let rail = [
            "Permudah Masyarakat Sampaikan Aspirasi,...",
            "SUBULUSSALAM - Sekretariat DPRK Subulussalam melaksanakan sosialisasi fasilitas layanan...",
            "Penonton Membeludak Pertandingan Terakhir...",
            "KUTACANE - Penonton membeludak di venue arung jeram Pekan Olahraga Nasional...",
            "BerandaBerita Gayo LuesHarga Gabah Kopi...",
        ];
        let story = [
            "Harga Gabah Kopi di Gayo Lues Tidak Bergerak",
            "BLANGKEJEREN – Petani kopi arabika di Kabupaten Gayo Lues mulai khawatir dengan harga yang \
             dibeli agen penampung sejak beberapa bulan terakhir karena tidak ada kenaikan.",
        ];
        let lines: Vec<&str> = ["Kamis, September 19, 2024"]
            .into_iter()
            .chain(rail)
            .chain(story)
            .collect();
        let k = run(&lines);
        assert_eq!(body(&k)[1..], [6, 7]);
        assert_eq!(k[1], Kind::Related(rail[0].to_string()));
        assert_eq!(k[2], Kind::Boiler(RemovedKind::Related));
        // Under a paragraph of the page, or with one dateline only, the lines stay.
        let under: Vec<&str> = [story[1]].into_iter().chain(rail).chain(story).collect();
        assert_eq!(body(&run(&under)), (0..8).collect::<Vec<_>>());
        let one: Vec<&str> = rail[..2]
            .iter()
            .chain(&[rail[2], rail[4], rail[0]])
            .copied()
            .chain(story)
            .collect();
        assert_eq!(body(&run(&one)), (0..7).collect::<Vec<_>>());
        // A rail that runs to the end of the text is no rail over a story.
        assert_eq!(body(&run(&rail)), (0..5).collect::<Vec<_>>());
    }

    #[test]
    fn a_labelled_teasers_cut_excerpt_ending_the_text_goes_with_its_headline() {
        let k = run(&[
            "Polisi tidak menahan para pelajar itu.",
            "Read previous post:",
            "Dijajaki Pemanfaatan Musuh Alami Tikus",
            "KOTA (OUTLET) - Petani di kota itu menjajaki cara baru untuk mengendalikan hama seperti",
            "Close",
        ]);
        assert_eq!(body(&k), vec![0]);
        // A whole sentence there is the text going on, and so is any paragraph after it.
        let k = run(&[
            "Read previous post:",
            "Dijajaki Pemanfaatan Musuh Alami Tikus",
            "Petani di kota itu menjajaki cara baru untuk mengendalikan hama.",
        ]);
        assert_eq!(body(&k), vec![2]);
        let k = run(&[
            "Berita Terkait",
            "Dijajaki Pemanfaatan Musuh Alami Tikus",
            "Petani di kota itu menjajaki cara baru untuk mengendalikan hama seperti",
            "Cara itu dinilai murah dan aman bagi sawah.",
        ]);
        assert_eq!(body(&k), vec![2, 3]);
    }

    #[test]
    fn a_list_drawn_with_separators_goes_on_after_each_headline() {
        let k = run(&[
            "Petugas memeriksa kendaraan di gerbang tol sepanjang hari.",
            "Berita Terkait",
            "-",
            "Jalan Tol Baru Dibuka untuk Pemudik Tahun Ini",
            "-",
            "Harga Tiket Kereta Naik Jelang Libur Panjang",
        ]);
        assert_eq!(body(&k), vec![0]);
        // Without separators only one bare headline follows a label.
        let k = run(&[
            "Berita Terkait",
            "Jalan Tol Baru Dibuka untuk Pemudik Tahun Ini",
            "Harga Tiket Kereta Naik Jelang Libur Panjang",
        ]);
        assert_eq!(body(&k), vec![2]);
    }

    #[test]
    fn headlines_stacked_under_a_bare_label_before_the_story_goes_on() {
        let k = run(&[
            "Setiap hari sekitar 5.000 liter air dikirim secara bergantian ke dusun-dusun.",
            "BACA JUGA:",
            "Karhutla di Jatim Tahun Ini Terparah",
            "Air Sungai dan Sumur Susut, Warga Kediri Bergeser ke Hutan",
            "Karhutla, Bupati Banyuwangi Keluarkan Status Tanggap Darurat",
            "Wilayah terdampak krisis air bersih, sambung Titik, meluas ke 12 dusun.",
        ]);
        assert_eq!(body(&k), vec![0, 5]);
        // A short subheading after one headline is the story's own: one headline per label.
        let k = run(&[
            "Setiap hari sekitar 5.000 liter air dikirim secara bergantian ke dusun-dusun.",
            "BACA JUGA:",
            "Karhutla di Jatim Tahun Ini Terparah",
            "Krisis Air Meluas",
            "Wilayah terdampak krisis air bersih, sambung Titik, meluas ke 12 dusun.",
        ]);
        assert_eq!(body(&k), vec![0, 3, 4]);
        // Nor after one headline is a long subheading: three stacked headlines at least.
        let k = run(&[
            "Setiap hari sekitar 5.000 liter air dikirim secara bergantian ke dusun-dusun.",
            "Baca juga:",
            "Karhutla di Jatim Tahun Ini Terparah",
            "Pelaku Bersembunyi di Rumah Kerabatnya di Purworejo",
            "Polisi menangkap pelaku di rumah kerabatnya itu pada Senin malam tanpa perlawanan.",
        ]);
        assert_eq!(body(&k), vec![0, 3, 4]);
    }

    #[test]
    fn age_stamps_label_the_headline_under_each() {
        let k = run(&[
            "Ia berharap acara berjalan lancar hingga akhir pekan.",
            "Regional2 hari ago",
            "Sopir Angkot Mogok Massal di Terminal Kota",
            "Nasional 3 jam lalu",
            "Menteri Tinjau Gudang Beras di Pelabuhan",
        ]);
        assert_eq!(body(&k), vec![0]);
    }

    #[test]
    fn a_box_of_bulleted_teasers_between_paragraphs() {
        let story = "Ruangan hakim di lantai empat gedung pengadilan negeri itu disegel penyidik \
            sejak Kamis pagi setelah operasi tangkap tangan.";
        let teasers = [
            "- Tersangka Pembunuhan Ayah Kandung di Jember Terancam Penjara Seumur Hidup",
            "- Dugaan Korupsi PJU Tenaga Surya Naik ke Penyidikan, Kejari Lamongan Panggil Saksi",
            "- Dugaan Persekongkolan Jahat PKPU Hitakara, KY Dukung Kuasa Hukum Lapor Polisi",
        ];
        let after = "Sementara itu, penyidik masih memeriksa sejumlah saksi di kantor itu.";
        let lines: Vec<&str> = [story].into_iter().chain(teasers).chain([after]).collect();
        assert_eq!(body(&run(&lines)), [0, 4]);
        // Introduced by the text, or two alone, or short items: the story's own.
        let mut introduced = lines.clone();
        introduced.insert(1, "Berikut perkara yang ditangani pengadilan itu:");
        assert_eq!(body(&run(&introduced)), [0, 1, 2, 3, 4, 5]);
        // Also when the list opens on a shorter item.
        let mut opened = introduced.clone();
        opened.insert(2, "- Menteri BUMN Erick Thohir");
        assert_eq!(body(&run(&opened)), [0, 1, 2, 3, 4, 5, 6]);
        // Above the story, the title's reading decides.
        assert_eq!(body(&run(&lines[1..])), [0, 1, 2, 3]);
        let two: Vec<&str> = [story]
            .into_iter()
            .chain(teasers[..2].iter().copied())
            .chain([after])
            .collect();
        assert_eq!(body(&run(&two)), [0, 1, 2, 3]);
        let short = [
            story,
            "- Kabupaten Kubu Raya",
            "- Kabupaten Mempawah",
            "- Kota Pontianak",
            after,
        ];
        assert_eq!(body(&run(&short)), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn bulleted_headlines_before_a_closing_label_or_ending_the_text() {
        let k = run(&[
            "- Dinas Buka Posko Pengaduan Harga Gas",
            "- Wali Kota Resmikan Pasar Rakyat Baru",
            "Baca Juga",
            "Polisi masih mendalami keterangan para saksi di lokasi.",
            "- Warga Gotong Royong Bersihkan Saluran Air",
            "- Lomba Perahu Hias Meriahkan Hari Jadi Kota",
        ]);
        assert_eq!(body(&k), vec![3]);
        // A list a sentence introduces is the article's own.
        let k = run(&[
            "Panitia menetapkan para pemenang sebagai berikut:",
            "- Juara Pertama Sekolah Dasar Negeri Satu",
            "- Juara Kedua Sekolah Dasar Negeri Dua",
        ]);
        assert_eq!(body(&k), vec![0, 1, 2]);
        // Items in sentence case ending the text are facts, not headlines.
        let k = run(&[
            "Warga diminta membawa sejumlah dokumen.",
            "- kartu keluarga yang masih berlaku",
            "- surat pengantar dari kelurahan",
        ]);
        assert_eq!(body(&k), vec![0, 1, 2]);
    }
}
