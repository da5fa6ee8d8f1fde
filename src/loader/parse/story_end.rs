//! Where the story ends on a saved page: what a scraper keeps after it (a comment form, the
//! next story's teaser, a rail of other headlines with their excerpts and dates).
//!
//! Other stories' headlines set between the paragraphs with no label stay: detik's
//! subheadings are title-case lines of the same length (`Faktor Kenaikan Angka Kemiskinan di
//! Jakarta`), and a rule for one took those (measured on detik2025: 25 articles).
//!
//! These lines look like text one at a time: an excerpt is a sentence cut short, a teaser's
//! headline a short line. What gives them away is where they stand: after the line that
//! closes the story (its credit, its page numbers, a rail's label), in a run that holds a cut
//! excerpt or a date alone on its line, and no paragraph.

use crate::model::RemovedKind;

use super::line_words::{COMMENT_FORM, COMMENT_LABELS};
use super::lines::{Kind, is_pagination_line, lower_prefix};
use super::stamps;

/// Words a paragraph of the story runs to at least; a rail's dek (one short sentence under a
/// headline) stays under it.
const PARAGRAPH_WORDS: usize = 16;

/// Marks the lines after the story's end as related or footer. Linear in the number of
/// lines.
pub fn mark(paras: &[String], kinds: &mut [Kind]) {
    // Read once: each step below marks only lines after the story's end, which changes
    // neither where the story began nor what the next steps read above it.
    let above = story_above(paras, kinds);
    after_comment_form(paras, kinds, &above);
    after_desk_group(paras, kinds, &above);
    after_closing_line(paras, kinds, &above);
}

/// Marks every body line from `from` on as `kind`: what follows the story's end.
fn mark_rest(kinds: &mut [Kind], from: usize, kind: RemovedKind) {
    for k in kinds.iter_mut().skip(from) {
        if *k == Kind::Body {
            *k = Kind::Boiler(kind);
        }
    }
}

/// The desk's codes closing a sentence (`… jelasnya. (sul/ima)`, `(har/red)`): the writer's
/// and the editor's, two or more, each a few letters in lower case. One code alone
/// (`(antara)`) credits an agency and the story may go on under it; a pair of acronyms or
/// units (`(TNI/Polri)`, `(Rp/kg)`) closes a sentence of the story.
fn desk_group(p: &str) -> bool {
    let p = p.trim_end();
    let Some((open, group)) = super::captions::closing_group(p) else {
        return false;
    };
    let code = |c: &str| (2..=6).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase());
    group.contains('/')
        && group.split('/').all(code)
        && p[..open]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// The last paragraph closed by its desk's codes is the story's last: what a page shows under
/// it is other stories' ledes, an advertisement's slot or readers' comments (over the shared
/// corpora and nine probes, every body line under such a paragraph was one). The last, as a
/// roundup closes each of its items so.
fn after_desk_group(paras: &[String], kinds: &mut [Kind], above: &[bool]) {
    let Some(close) = (0..paras.len())
        .rev()
        .find(|&i| above[i] && is_body(kinds, i) && desk_group(&paras[i]))
    else {
        return;
    };
    mark_rest(kinds, close + 1, RemovedKind::Related);
}

/// Other stories the page runs after this one, each opening on its own dateline with the
/// site's name (`KalbarOnline, Sambas - Dalam rangka …`): a teaser when cut with an ellipsis,
/// and where one runs on whole (`JAKARTA, Site.com – Gubernur …`), every line from it on,
/// with the headline over it. A story's own later paragraph never opens on its site's
/// dateline. `from` is the first line after the lede.
pub fn later_stories(paras: &[String], kinds: &mut [Kind], from: usize) {
    for i in from..paras.len() {
        // A line that may be a related headline is read too: a teaser cut short is one.
        if !matches!(kinds[i], Kind::Body | Kind::Related(_)) {
            continue;
        }
        // Read only lines that could be either: cut with an ellipsis or a whole paragraph,
        // with a dash near the start (every line after every lede passes here).
        let p = &paras[i];
        let head = &p.as_bytes()[..p.len().min(super::dateline::MAX_PREFIX)];
        // `-`, `|`, or an en or em dash (E2 80 93/94 in UTF-8).
        let dashed = head.iter().any(|&b| b == b'-' || b == b'|')
            || head
                .windows(3)
                .any(|w| w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x93 || w[2] == 0x94));
        let cut = cut_with_ellipsis(p);
        if !dashed || !(cut || is_paragraph(p)) {
            continue;
        }
        // A site's name: a web name or one made with a media word (`(aktor) - 17 poin` is a
        // list's line, not `aktor`'s dateline).
        let site = |o: &str| {
            super::dateline::is_domain(o)
                || super::dateline::media_compound(o, false)
                || super::dateline::is_media_named(o)
        };
        // Or, cut with an ellipsis, a place in capitals (`LHOKSEUMAWE - Satuan … terus
        // mengedepankan upaya pencegahan dini terhadap…`): a rail of the desk's other stories.
        let Some(d) = super::dateline::detect(&paras[i]).filter(|d| {
            d.outlet.as_deref().is_some_and(site)
                || (cut
                    && d.city.is_some()
                    && super::dateline::is_all_caps(&p[..d.rest.min(p.len())]))
        }) else {
            continue;
        };
        if cut {
            kinds[i] = Kind::Boiler(RemovedKind::Related);
        } else if d.strong && is_paragraph(&paras[i]) {
            let headline = (from..i)
                .rev()
                .find(|&j| kinds[j] == Kind::Body)
                .filter(|&j| super::lines::is_title_like(&paras[j]));
            for k in &mut kinds[headline.unwrap_or(i)..] {
                if matches!(k, Kind::Body | Kind::Related(_)) {
                    *k = Kind::Boiler(RemovedKind::Related);
                }
            }
            return;
        }
    }
}

fn is_body(kinds: &[Kind], i: usize) -> bool {
    kinds.get(i) == Some(&Kind::Body)
}

/// Per line, whether the story has begun above it: two of its paragraphs (eight words or
/// more) stand before it. A credit, a label or a form above them belongs to the page's head.
fn story_above(paras: &[String], kinds: &[Kind]) -> Vec<bool> {
    let mut seen = 0;
    (0..paras.len())
        .map(|i| {
            let begun = seen >= 2;
            if is_body(kinds, i) && paras[i].split_whitespace().nth(7).is_some() {
                seen += 1;
            }
            begun
        })
        .collect()
}

/// A blog theme's comment form (`Leave a Reply`, `You must be logged in to post a comment`)
/// comes after the story, and nothing after it is the story: other posts, their teasers.
fn after_comment_form(paras: &[String], kinds: &mut [Kind], above: &[bool]) {
    let Some(form) = (0..paras.len()).find(|&i| is_comment_form(&paras[i]) && above[i]) else {
        return;
    };
    mark_rest(kinds, form, RemovedKind::Footer);
}

fn is_comment_form(p: &str) -> bool {
    // Every line is asked: only its opening is lower-cased.
    let low = lower_prefix(p.trim(), COMMENT_FORM_CHARS);
    COMMENT_FORM.iter().any(|f| low.starts_with(f))
        || COMMENT_LABELS.contains(&low.trim_end_matches([':', ' ']))
}

/// Characters the longest comment-form opening runs to.
const COMMENT_FORM_CHARS: usize = 48;

/// A line that closes the story on a page: its credit (`Editor: X`, `Laporan: X`), its page
/// numbers (`Page: 1 2`), or the label of a rail of other stories (`Populer`).
fn is_closing(p: &str, kind: &Kind) -> bool {
    match kind {
        Kind::Credit { .. } => true,
        // `… kata dia. (ren)`: the last paragraph closed by its desk's credit group.
        Kind::Body => super::credits::trailing_credit(p).is_some(),
        Kind::Related(h) => h.is_empty(),
        Kind::Boiler(RemovedKind::Related) => true,
        Kind::Boiler(RemovedKind::Prompt) => is_pagination_line(p),
        _ => false,
    }
}

/// After a line that closes the story, the rest of the page is other stories' teasers when
/// it holds one sure sign of them (an excerpt cut with an ellipsis, a date alone on its line)
/// and no paragraph: every line there is a headline, a cut excerpt, a short dek or line, or
/// furniture. Anything longer that ends like a sentence is the story going on (an inline
/// `Baca juga:` label is followed by more of it). The earliest closing line whose rest
/// qualifies ends the story.
fn after_closing_line(paras: &[String], kinds: &mut [Kind], above: &[bool]) {
    // From the bottom up: whether a sign of teasers, or a paragraph, lies below each line.
    let n = paras.len();
    let (mut sign_below, mut paragraph_below) = (vec![false; n + 1], vec![false; n + 1]);
    // Whether the nearest body line below is shaped like a headline, kept as the loop climbs.
    let mut headline_below = false;
    for j in (0..n).rev() {
        let body = is_body(kinds, j);
        // A caption under another story's headline: a headline-shaped line follows it
        // (`…, Rabu, 8 Desember 2021.` then `PVMBG: Teramati Sinar Api`); the story's own
        // last paragraph may close on its day too.
        let caption = body && headline_below && closes_on_its_day(&paras[j]);
        if body {
            headline_below = super::lines::is_title_like(&paras[j]);
        }
        sign_below[j] = sign_below[j + 1]
            || caption
            || (body && (cut_with_ellipsis(&paras[j]) || date_alone(&paras[j])));
        paragraph_below[j] =
            paragraph_below[j + 1] || (body && !caption && is_paragraph(&paras[j]));
    }
    let Some(close) = (0..n).find(|&i| {
        sign_below[i + 1] && !paragraph_below[i + 1] && is_closing(&paras[i], &kinds[i]) && above[i]
    }) else {
        return;
    };
    mark_rest(kinds, close + 1, RemovedKind::Related);
}

/// An excerpt cut with an ellipsis (`… dikabarkan mengalami kerusakan…`), perhaps with its
/// link after it (`… di Pendopo… Read More`): six words or more, so a trailing-off quote
/// line or a `...` alone is not one.
fn cut_with_ellipsis(p: &str) -> bool {
    let t = p.trim_end();
    let t = READ_ON
        .iter()
        .find_map(|r| {
            t.len()
                .checked_sub(r.len())
                .and_then(|k| t.get(k..).filter(|tail| tail.eq_ignore_ascii_case(r)))
                .map(|_| t[..t.len() - r.len()].trim_end())
        })
        .unwrap_or(t);
    (t.ends_with('\u{2026}') || t.ends_with("...")) && t.split_whitespace().nth(5).is_some()
}

/// A teaser's link after its cut excerpt.
const READ_ON: &[&str] = &["read more", "baca selengkapnya", "selengkapnya"];

/// A date, with a time or an outlet perhaps, alone on its line (`11 Desember 2019`,
/// `Sabtu, 20 Desember 2025 | 12:33`): a teaser's stamp.
fn date_alone(p: &str) -> bool {
    p.split_whitespace().nth(8).is_none() && stamps::stamp(p).is_some()
}

/// Another story's picture under its headline: one sentence with nobody speaking, closed by
/// its weekday and date (`Warga melintas di depan rumah yang rusak, Rabu, 8 Desember 2021.`).
/// Read only after the story's closing line.
fn closes_on_its_day(p: &str) -> bool {
    let Some(sentence) = p.trim_end().strip_suffix('.') else {
        return false;
    };
    if sentence.len() > super::captions::CAPTION_CHARS
        || sentence.contains(['"', '\u{201c}', '\u{201d}'])
        || sentence.contains(". ")
    {
        return false;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let Some(tail) = words.len().checked_sub(4).map(|k| &words[k..]) else {
        return false;
    };
    let weekday = tail[0].trim_end_matches(',');
    super::date_words::is_calendar_word(weekday)
        && super::date_words::month_number(weekday.to_lowercase().as_bytes()).is_none()
        && stamps::stamp(&tail.join(" ")).is_some()
        && !words
            .iter()
            .any(|w| super::quotes::is_speech_verb(w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// A paragraph of the story: long, and ending like a sentence.
pub(super) fn is_paragraph(p: &str) -> bool {
    is_sentence(p, PARAGRAPH_WORDS)
}

/// Whether `p` has `words` words or more and ends like a sentence.
pub(super) fn is_sentence(p: &str, words: usize) -> bool {
    let t = p.trim_end();
    t.split_whitespace().nth(words - 1).is_some() && t.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

#[cfg(test)]
mod tests {
    use crate::loader::parse::parse_text;
    use crate::model::{Article, Date};

    fn p(text: &str) -> Article {
        parse_text(text, "t.txt")
    }

    const STORY: &str = "Judul Berita Banjir Kota\n\
        KOTA, Site.com - Banjir merendam puluhan rumah warga di tepi sungai sejak Senin (3/2/2025) pagi.\n\
        Warga mengungsi ke balai desa karena air terus naik hingga setinggi satu meter di jalan.\n\
        Petugas membagikan makanan dan selimut kepada para pengungsi yang bertahan di sana.\n";

    fn ends_the_story(a: &Article) {
        assert_eq!(a.body.body.len(), 3, "{:?}", a.body.body);
        assert_eq!(
            a.meta.published,
            Some("2025-02-03".parse::<Date>().unwrap())
        );
    }

    #[test]
    fn a_comment_form_ends_the_story_and_what_follows_is_not_it() {
        let a = p(&format!(
            "{STORY}Continue Reading\nLeave a Reply\nWali Kota Resmikan Pasar Baru di Pusat Kota\n\
             Site.com - Wali kota meresmikan pasar baru pada Jumat (24/10/2025) bersama warga"
        ));
        ends_the_story(&a);
        // A form's label alone on its line, then the site's rails of sections and sponsors.
        let a = p(&format!(
            "{STORY}Berikan Komentar\nAndai ada 10 saja media dan jurnalis yang menjadi...\n\
             Olahraga\nBandar Lampung\nUniversitas Contoh\nDPRD Kota Metro"
        ));
        ends_the_story(&a);
        let a = p(&format!(
            "{STORY}Posting Komentar untuk \"Judul Berita Banjir Kota\"\n\
             Wali Kota Resmikan Pasar Baru di Pusat Kota\nSabtu, 20 Desember 2025"
        ));
        ends_the_story(&a);
        // The same words opening a sentence are the story's.
        let a = p(&format!(
            "{STORY}tulis komentar salah satu warganet yang mengunggah foto banjir itu di media sosial."
        ));
        assert_eq!(a.body.body.len(), 4, "{:?}", a.body.body);
    }

    #[test]
    fn other_stories_ledes_under_the_desks_codes_are_not_the_story() {
        let story = STORY.replace("di sana.\n", "di sana,\" jelasnya. (sul/ima)\n");
        let a = p(&format!(
            "{story}Sebanyak 42 hektare tanaman bawang merah di dua kecamatan di Kabupaten Contoh \
             terendam saat terjadi banjir beberapa hari yang lalu menurut data dinas.\n\
             Sembari gowes, gubernur meninjau rumah pompa hingga banjir di kota lama pada pagi itu.\n\
             Pemadaman listrik"
        ));
        assert_eq!(a.body.body.len(), 3, "{:?}", a.body.body);
        assert!(a.body.body[2].contains("jelasnya"), "{:?}", a.body.body);
        // An agency's one code may stand over more of the story; a bracketed pair of
        // acronyms closes no sentence.
        for closing in [
            "di sana. (antara)",
            "di sana (PPK/PPS)",
            "di sana. (TNI/Polri)",
        ] {
            let story = STORY.replace("di sana.", closing);
            let a = p(&format!(
                "{story}Operasi ini digelar selama dua pekan oleh seluruh jajaran kepolisian di \
                 wilayah itu dengan sasaran pelanggaran yang kerap memicu kecelakaan.\n"
            ));
            assert_eq!(a.body.body.len(), 4, "{closing}: {:?}", a.body.body);
        }
    }

    #[test]
    fn teasers_cut_with_an_ellipsis_after_the_closing_credit_are_not_the_story() {
        let a = p(&format!(
            "{STORY}Editor: Nama Penyunting\n\
             SITE.COM,- Sebanyak 12 unit rumah warga Desa Contoh rusak diterjang angin puting…\n\
             SITE.COM,- Seorang nelayan di desa lain dipukul ombak hingga perahunya…"
        ));
        ends_the_story(&a);
        assert!(
            a.body
                .boilerplate
                .iter()
                .any(|r| r.text.contains("dipukul ombak"))
        );
        // A place's dateline in capitals alone, the excerpt cut.
        let b = p("Judul Berita Banjir Kota\n\
             KOTA, Site.com - Banjir merendam puluhan rumah warga di tepi sungai sejak Senin \
             (3/2/2025) pagi setelah hujan deras mengguyur kawasan itu semalaman tanpa henti.\n\
             Warga mengungsi ke balai desa karena air terus naik hingga setinggi satu meter.\n\
             Petugas membagikan makanan dan selimut kepada para pengungsi yang bertahan.\n\
             MEDAN - Satuan Pembinaan Masyarakat Polres Kota terus mengedepankan upaya…\n\
             MEDAN - Seksi Kedokteran dan Kesehatan Polres Kota melaksanakan kegiatan bakti…");
        ends_the_story(&b);
    }

    #[test]
    fn a_rail_of_popular_stories_with_their_dates_is_not_the_story() {
        let a = p(&format!(
            "{STORY}Populer\nKetika Harga Beras Naik Diam-diam di Pasar\nSabtu, 20 Desember 2025 | 12:33\n\
             Page: 1 2\n“Anggaran dari pusat dipangkas cukup besar, maka daerah mencari cara…"
        ));
        ends_the_story(&a);
    }

    #[test]
    fn a_rail_of_recent_posts_with_their_links_is_not_the_story() {
        let a = p(&format!(
            "{STORY}Recent Posts\nKontingen Kota Ikuti Lomba Se-Provinsi\n\
             Site.com, KOTA - Pelantikan pengurus karang taruna kabupaten tahun ini di Pendopo… Read More\n\
             13 jam ago\nSatgas Pangan Beraksi Pantau Ketersediaan Bahan Pokok\n\
             Site.com, KOTA - Menjelang Natal dan tahun baru satgas pangan kabupaten… Read More"
        ));
        ends_the_story(&a);
    }

    #[test]
    fn page_numbers_then_excerpts_end_the_story() {
        let a = p(&format!(
            "{STORY}Page: 1 2\nFraksi mengingatkan kembali bahwa undang-undang itu lahir tahun 2001…\n\
             Menurutnya kondisi cuaca saat ini buruk dan beberapa titik mengalami longsor"
        ));
        ends_the_story(&a);
    }

    #[test]
    fn another_storys_picture_and_headline_after_the_desks_credit_are_not_the_story() {
        // The last paragraph closes on the desk's group; another story's captioned picture
        // and headline follow, the caption dated years later.
        let story = STORY.replace("di sana.\n", "di sana. (ren)\n");
        let a = p(&format!(
            "{story}Salah seorang warga Dusun Contoh, Kecamatan Contoh, Kabupaten Lumajang, melintas di \
             depan rumah yang rusak akibat awan panas guguran, Rabu, 8 Desember 2027.\n\
             PVMBG: Teramati Sinar Api di Puncak"
        ));
        ends_the_story(&a);
        assert!(
            !a.body.body.iter().any(|p| p.contains("(ren)")),
            "{:?}",
            a.body.body
        );
        // Without the desk's group, or with someone speaking, the dated sentence is the story's.
        let a = p(&format!(
            "{STORY}Salah seorang warga Dusun Contoh, Kecamatan Contoh, Kabupaten Lumajang, melintas di \
             depan rumah yang rusak akibat awan panas guguran, Rabu, 8 Desember 2027.\n\
             PVMBG: Teramati Sinar Api di Puncak"
        ));
        assert!(
            a.body.body.iter().any(|p| p.contains("Lumajang")),
            "{:?}",
            a.body.body
        );
        let a = p(&format!(
            "{story}Kepala desa mengatakan warga akan kembali ke rumah masing-masing setelah air \
             benar-benar surut, Rabu, 5 Februari 2025.\n\
             PVMBG: Teramati Sinar Api di Puncak"
        ));
        assert!(
            a.body.body.iter().any(|p| p.contains("Kepala desa")),
            "{:?}",
            a.body.body
        );
        // The story's own last paragraph closing on its day, no headline after it, stays.
        let a = p(&format!(
            "{story}Pembagian bantuan tahap kedua akan dilakukan di balai desa yang sama, Sabtu, \
             8 Februari 2025."
        ));
        assert!(
            a.body.body.iter().any(|p| p.contains("tahap kedua")),
            "{:?}",
            a.body.body
        );
    }

    #[test]
    fn the_story_going_on_after_a_label_or_a_credit_stays() {
        // An inline "read also" with paragraphs after it, one trailing off in a quote.
        let a = p(&format!(
            "{STORY}Baca juga:\nPetugas Gabungan Siaga di Lokasi Banjir\n\
             Kepala desa mengatakan bantuan logistik akan terus disalurkan sampai air benar-benar surut dan warga \
             bisa kembali ke rumah masing-masing dengan aman, terutama anak-anak dan para lansia yang mengungsi.\n\
             \"Kami terus berjaga di sini sampai semuanya aman...\""
        ));
        assert_eq!(a.body.body.len(), 5, "{:?}", a.body.body);
        // A credit with a paragraph after it: the text is not a page's tail.
        let a = p(&format!(
            "{STORY}Laporan: Nama Wartawan\nSementara itu, pemerintah daerah menyiapkan anggaran darurat untuk \
             memperbaiki tanggul yang jebol dan membersihkan lumpur yang menutup jalan desa sejak pekan lalu.\n\
             Sumber lain menyebut perbaikan dimulai pekan depan…"
        ));
        assert_eq!(a.body.body.len(), 5, "{:?}", a.body.body);
    }

    #[test]
    fn other_stories_on_their_own_datelines_end_the_story() {
        const LONG: &str = "Judul Berita Banjir Kota\n\
            KOTA, Site.com - Banjir merendam puluhan rumah warga di tepi sungai sejak Senin (3/2/2025) \
            pagi, dan warga mengungsi ke balai desa.\n\
            Petugas membagikan makanan dan selimut kepada para pengungsi yang bertahan di sana.\n";
        // Teasers cut with an ellipsis, each on the site's dateline.
        let a = p(&format!(
            "{LONG}Site.com, Sambas - Dalam rangka optimalisasi lahan pertanian di provinsi itu, Menteri…\n\
             Site.com - Film baru tayang di bioskop mulai Kamis, 21…"
        ));
        assert_eq!(a.body.body.len(), 2, "{:?}", a.body.body);
        // A whole second story with its headline.
        let b = p(&format!(
            "{LONG}Gubernur Minta Pemerintah Pusat Fokus Bangun Perbatasan\n\
             JAKARTA, Site.com \u{2013} Gubernur mengikuti rapat dengar pendapat bersama komisi di gedung \
             parlemen pada Jumat (5/7/2024) untuk membahas jalan perbatasan.\n\
             Sejumlah isu penting dibahas dalam rapat itu."
        ));
        assert_eq!(b.body.body.len(), 2, "{:?}", b.body.body);
        assert_eq!(
            b.meta.published,
            Some("2025-02-03".parse::<Date>().unwrap())
        );
        // A site's caption passing for the lead is no story: the real lede after it stays.
        let c = p("Judul Berita Banjir Kota\n\
            SITE.COM - Kepala desa Ani Lestari. (Site.com/Budi)\n\
            Site.com, KOTA \u{2013} Banjir merendam puluhan rumah warga di tepi sungai sejak Senin pagi, dan \
            warga mengungsi ke balai desa.\n\
            Petugas membagikan makanan.");
        assert!(
            c.body.body.iter().any(|p| p.contains("Banjir merendam")),
            "{:?}",
            c.body
        );
    }
}
