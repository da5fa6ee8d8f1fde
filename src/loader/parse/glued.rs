//! Furniture a scraper glued onto a paragraph: a "read also" whose headline was dropped, ad
//! prompts, a lazy-loading footer, a byline after the text or a credit line before it. Each
//! is found at the ends of the line within a bounded window, so a long line costs one pass.

use crate::model::RemovedKind;

use super::line_words::{AD_WORDS, HEADLINE_SMALL_WORDS};
use super::lines::{Kind, REPORT_PREFIXES, byline, classify, lower_prefix};
use super::people;

/// Some scrapers dropped the linked headline of a "read also" line and glued the next
/// paragraph on with commas (`Baca juga:,,“Tadi dua ...`). Returns the byte offset where the
/// real paragraph starts; the part before it is furniture.
pub fn glued_related(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut pos = 0;
    let mut glued = false;
    loop {
        let head = b.get(pos..pos + 9)?;
        if !head.eq_ignore_ascii_case(b"baca juga") {
            break;
        }
        pos += 9;
        while matches!(b.get(pos), Some(b' ' | b':' | b';')) {
            pos += 1;
        }
        if b.get(pos) != Some(&b',') {
            return None;
        }
        while matches!(b.get(pos), Some(b' ' | b',')) {
            pos += 1;
        }
        glued = true;
    }
    // Only ASCII bytes were skipped, so `pos` is a char boundary.
    (glued && pos < b.len()).then_some(pos)
}

/// Furniture that opens a line the scraper joined to the next paragraph with a bare comma
/// (`Lihat juga: Judul lain,Setelah itu, ...`, `Simak video X:,Mobil ...`, `Penulis:
/// ,Saat ini ...`), and its kind.
const JOINED_OPENERS: &[(&str, RemovedKind)] = &[
    ("baca juga", RemovedKind::Related),
    ("lihat juga", RemovedKind::Related),
    ("simak juga video", RemovedKind::Prompt),
    ("simak video", RemovedKind::Prompt),
    ("tonton juga", RemovedKind::Prompt),
    ("tonton video", RemovedKind::Prompt),
    ("saksikan juga", RemovedKind::Prompt),
    ("saksikan video", RemovedKind::Prompt),
    ("penulis", RemovedKind::Credit),
    ("editor", RemovedKind::Credit),
];

/// Where the paragraph starts in a line that opens with one of [`JOINED_OPENERS`] and joins
/// the next paragraph at a comma followed at once by a capital or an opening quote: the
/// join the scraper made (prose puts a space after a comma). Only within the first 240
/// bytes: a prompt or a headline is short.
fn glued_opener(line: &str) -> Option<(RemovedKind, usize)> {
    let low = lower_prefix(line, 20);
    let kind = JOINED_OPENERS.iter().find(|(p, _)| low.starts_with(p))?.1;
    Some((kind, joined_comma(line)?))
}

/// Where a paragraph starts after a comma the scraper put between two lines: the first
/// comma in the first 240 bytes followed at once by a capital or an opening quote (prose
/// puts a space after a comma).
fn joined_comma(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let window = &b[..b.len().min(240)];
    let comma = (0..window.len()).find(|&i| {
        window[i] == b','
            && (b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_uppercase() || *c == b'"')
                || b[i + 1..].starts_with("\u{201c}".as_bytes()))
    })?;
    // The byte after an ASCII comma starts a character.
    Some(comma + 1)
}

/// Any other furniture joined to the next paragraph that way (`Baca selengkapnya,<text>`,
/// `© Brand,<text>`, `Reporter: Nama,Artikel ini tayang …`): where the paragraph starts,
/// when the line's classifier takes the head for furniture. A head of one word is left
/// alone: a sentence's first word and its comma (`Sebelumnya,Polisi …`) read like a pager
/// word on its own.
fn glued_furniture(line: &str) -> Option<usize> {
    let pos = joined_comma(line)?;
    let head = line[..pos].trim_end_matches([',', ' ', ':']);
    (head.split_whitespace().nth(1).is_some() && classify(head) != Kind::Body).then_some(pos)
}

/// How many bytes at the start (`from_end` false) or end of `line` are an ad or scroll
/// prompt in capitals glued to a paragraph. At most eight words are looked at.
fn glued_ad(line: &str, from_end: bool) -> usize {
    let mut len = 0;
    let mut marked = false;
    let words: Box<dyn Iterator<Item = &str>> = if from_end {
        Box::new(line.rsplit(' '))
    } else {
        Box::new(line.split(' '))
    };
    for w in words.take(8) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        // The longest ad word is short: a longer word is text, and is never lower-cased.
        if bare.is_empty() || bare.len() > 13 || !bare.bytes().all(|b| b.is_ascii_uppercase()) {
            break;
        }
        let low = bare.to_ascii_lowercase();
        if !AD_WORDS.contains(&low.as_str()) {
            break;
        }
        marked |= low == "advertisement" || low == "scroll";
        len += w.len() + 1;
    }
    if marked { len.min(line.len()) } else { 0 }
}

/// A trailing `,,,loading...` left by a page's lazy loader. Returns where it starts.
fn glued_loading(line: &str) -> Option<usize> {
    let head = line.len().checked_sub("loading...".len())?;
    if !line.get(head..)?.eq_ignore_ascii_case("loading...") {
        return None;
    }
    let kept = line[..head].trim_end_matches([',', ' ']);
    (!kept.is_empty()).then_some(kept.len())
}

/// `…text,Reporter: Name` / `…,Penulis: Name`: a byline glued after a paragraph by a
/// scraper that joined lines with commas. Returns where the byline starts; only the last
/// 80 bytes are looked at.
fn glued_byline(line: &str) -> Option<usize> {
    let mut from = line.len().saturating_sub(80);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let comma = from + line[from..].rfind(',')?;
    let byline_text = line[comma + 1..].trim_start();
    let pos = line.len() - byline_text.len();
    (pos > 0
        && line[..comma].chars().any(char::is_alphanumeric)
        && byline(byline_text).is_some_and(|(a, e)| !a.is_empty() || e.is_some()))
    .then_some(pos)
}

/// `Baca juga: Judul Berita Lain Sejumlah warga terlihat …`: a "read also" whose headline,
/// in title case, runs on into the next paragraph. The paragraph starts at the capital just
/// before the first run of small letters outside the headline's small words; the headline
/// needs four words and the text a sentence's length. Returns where the text starts.
fn related_then_text(line: &str) -> Option<usize> {
    if !lower_prefix(line, 9).eq("baca juga") || line.len() < 120 {
        return None;
    }
    let mut words = Vec::new();
    let mut pos = 0;
    for w in line.split(' ') {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    // Skip `Baca juga:` itself.
    let first = words
        .iter()
        .position(|(_, w)| w.ends_with(':'))
        .filter(|&k| k <= 2)?;
    let lower_at = |k: usize| {
        let w: &str = words[k].1;
        w.starts_with(char::is_lowercase)
            && !HEADLINE_SMALL_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let j = (first + 1..words.len()).find(|&k| lower_at(k))?;
    let start = j.checked_sub(1)?;
    let opener = words[start].1;
    let prose_follows =
        (j + 1 < words.len() && lower_at(j + 1)) || (j + 2 < words.len() && lower_at(j + 2));
    (start > first + 4
        && opener.starts_with(char::is_uppercase)
        && !opener.contains(',')
        && !words[start - 1].1.ends_with(['.', ':', ','])
        && words.len() - start >= 8
        && prose_follows)
        .then_some(words[start].0)
}

/// A caption or a picture's credit the scraper glued to the dateline that opens the lede
/// (`Foto: istTakengon - Komisi …`, `… turun ke lapanganKUKAR – Desa …`): where the lede
/// starts. The place is a known one written right after a lower-case letter, and a sentence
/// of six words or more follows its dash; a site's name glued to its desk (`detikJatim`)
/// or to its province after the dateline's place (`LOMBOK TIMUR, IndepthNTB –`) is no
/// caption.
fn glued_dateline(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    // Asked once, and only of a line that has a candidate.
    let opens_on_dateline = std::cell::OnceCell::new();
    (1..b.len().min(300)).find(|&i| {
        b[i].is_ascii_uppercase()
            && b[i - 1].is_ascii_lowercase()
            && line[..i].contains(' ')
            && line[..i]
                .rsplit(' ')
                .next()
                .is_some_and(|w| !w.contains('.') && !super::dateline::is_media_named(w))
            && (super::dateline::detect(&line[i..]).is_some_and(|d| {
                let head = line[i..].get(..d.rest).unwrap_or_default().trim_end();
                d.city
                    .as_deref()
                    .is_some_and(super::dateline::is_known_place)
                    // A sentence ends on a town glued to a word (`PT TransJakarta. Karena
                    // …`): a stop is a dateline's only in capitals.
                    && (!head.ends_with('.') || super::dateline::is_all_caps(head))
                    && line[i + d.rest.min(line.len() - i)..]
                        .split_whitespace()
                        .nth(5)
                        .is_some()
            }) || (word_dash_sentence(&line[i..]) && classify(&line[..i]) != Kind::Body))
            // `LOMBOK TIMUR, IndepthNTB – …`: the line opens on its dateline already, and
            // the capitals end a site's name.
            && !*opens_on_dateline.get_or_init(|| {
                super::dateline::detect(line).is_some_and(|d| {
                    d.city
                        .as_deref()
                        .is_some_and(super::dateline::is_known_place)
                })
            })
    })
}

/// A word, a spaced dash and a sentence of six words or more (`Takengon - Komisi …`): how a
/// lede opens on a town the gazetteer does not hold. Read only after a caption glued to it
/// (`Foto: istTakengon - …`), which would otherwise take the lede out with it.
fn word_dash_sentence(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(place), Some(dash)) = (words.next(), words.next()) else {
        return false;
    };
    place.chars().all(char::is_alphabetic)
        && matches!(dash, "-" | "\u{2013}" | "\u{2014}" | "--")
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.nth(4).is_some()
}

/// A "read also" inside a line: in brackets after the text (`… kata dia. (Baca juga: Judul
/// Lain)`, `(Baca juga: ,)` with its headline dropped), or joined between two paragraphs by
/// bare commas with its headline dropped (`… kategori 4,Baca juga:,,Sebelumnya …`). Returns
/// the byte range of the furniture; never the whole line, which the line's classifier reads.
fn inner_related(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    // Only `Baca juga`: `(Baca: QS Al-Baqarah ayat 183)` cites, `(Lihat juga: Tabel 2 di
    // bawah)` points within the story. Bytes compared in place: every comma of every
    // paragraph is asked.
    let label_at = |i: usize| {
        b.get(i..i + 9)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"baca juga"))
    };
    for (i, _) in line.match_indices(['(', ',']) {
        let at = i + 1;
        if at >= b.len() || !label_at(at) {
            continue;
        }
        if b[i] == b'(' {
            // After a sentence, capitalised: inside one, `(baca: polisi)` glosses a word.
            let after_sentence = line[..i]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')'])
                || line[..i].trim().is_empty();
            if !after_sentence || !b[at].is_ascii_uppercase() {
                continue;
            }
            // Short, unnested, and read as a link by the line's classifier.
            let Some(close) = line[at..].find([')', '(']).map(|c| at + c) else {
                continue;
            };
            if b[close] != b')' || close - i > 250 {
                continue;
            }
            let span = &line[i..=close];
            if (i, close + 1) != (0, line.len()) && matches!(classify(span), Kind::Related(_)) {
                return Some((i, close + 1));
            }
        } else if let Some(pos) = glued_related(&line[at..]) {
            return Some((i, at + pos));
        } else if line[at..]
            .trim_end_matches([' ', ':', ','])
            .eq_ignore_ascii_case("baca juga")
        {
            return Some((i, line.len()));
        }
    }
    None
}

/// Splits furniture a scraper glued onto a paragraph (a "read also" with no headline, ad
/// prompts, a lazy-loading footer, a credit line before the first paragraph) from it: the
/// pieces in order, furniture with its kind and text with `None`.
pub fn unglue(line: String) -> Vec<(Option<RemovedKind>, String)> {
    let mut out = Vec::new();
    if let Some((start, end)) = inner_related(&line) {
        let before = line[..start].trim_end_matches([',', ' ']);
        if before.chars().any(char::is_alphanumeric) {
            out.extend(unglue(before.to_string()));
        }
        // Classified later as the "read also" it is, so its headline is kept.
        out.push((None, line[start..end].trim_matches([',', ' ']).to_string()));
        let after = line[end..].trim_start_matches([',', ' ']);
        if after.chars().any(char::is_alphanumeric) {
            out.extend(unglue(after.to_string()));
        }
        return out;
    }
    let mut rest: &str = &line;
    if let Some(pos) = glued_related(rest) {
        out.push((
            Some(RemovedKind::Related),
            rest[..pos].trim_end_matches([',', ' ']).to_string(),
        ));
        rest = &rest[pos..];
    } else if let Some((kind, pos)) = glued_opener(rest) {
        // A credit is classified later as the credit it is, so its names are read.
        let kind = (kind != RemovedKind::Credit).then_some(kind);
        out.push((
            kind,
            rest[..pos].trim_end_matches([',', ' ', ':']).to_string(),
        ));
        rest = &rest[pos..];
    } else if let Some(pos) = glued_furniture(rest) {
        // Classified later, as a piece of its own, for its kind and its names.
        out.push((None, rest[..pos].trim_end_matches([',', ' ']).to_string()));
        rest = &rest[pos..];
    } else if let Some(pos) = related_then_text(rest) {
        // Classified later as the "read also" it is, so its headline is kept.
        out.push((None, rest[..pos].trim_end().to_string()));
        rest = &rest[pos..];
    } else if let Some(pos) = glued_dateline(rest) {
        // The caption before the lede is read as the line over a dateline it is.
        out.push((None, rest[..pos].trim_end().to_string()));
        rest = &rest[pos..];
    }
    let ad = glued_ad(rest, false);
    if ad > 0 && ad < rest.len() {
        out.push((Some(RemovedKind::Prompt), rest[..ad].trim().to_string()));
        rest = rest[ad..].trim_start();
    }
    let mut tail = Vec::new();
    if let Some(cut) = glued_loading(rest) {
        tail.push((
            Some(RemovedKind::Footer),
            rest[cut..].trim_start_matches([',', ' ']).to_string(),
        ));
        rest = &rest[..cut];
    }
    let ad = glued_ad(rest, true);
    if ad > 0 && ad < rest.len() {
        tail.push((
            Some(RemovedKind::Prompt),
            rest[rest.len() - ad..].trim().to_string(),
        ));
        rest = rest[..rest.len() - ad].trim_end();
    }
    if let Some(pos) = glued_byline(rest) {
        // Classified later as the credit it is, so its names are read.
        tail.push((None, rest[pos..].to_string()));
        rest = rest[..pos].trim_end_matches([',', ' ']);
    }
    if let Some(pos) = report_with_text(rest) {
        out.push((None, rest[..pos].trim_end_matches([',', ' ']).to_string()));
        rest = &rest[pos..];
    }
    out.push((None, rest.to_string()));
    out.extend(tail.into_iter().rev());
    out
}

/// `Laporan wartawan Warta.com Ani dari Kota, warga juga berkumpul di …`: a scraper
/// joined the credit line and the first paragraph. Returns where the paragraph starts.
pub fn report_with_text(line: &str) -> Option<usize> {
    let low = lower_prefix(line, 20);
    if !REPORT_PREFIXES.iter().any(|p| low.starts_with(p)) {
        return None;
    }
    // The credit is short; only its first comma can end it.
    let comma = line.get(..line.len().min(160))?.find(',')?;
    let tail = line[comma + 1..].trim_start();
    let words = tail.split_whitespace().take(5).count();
    (words >= 4 && people::person(tail).is_none()).then(|| line.len() - tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_glued_to_the_dateline_is_split_from_the_lede() {
        let lede = "Desa Muara Ritan di Kecamatan Tabang mendadak ramai pagi itu.";
        for (head, place) in [
            ("Polisi turun ke lapangan", "KUKAR \u{2013} "),
            ("Foto: ist", "KUKAR \u{2013} "),
            // A town the gazetteer does not hold, after a caption's credit.
            ("Foto: ist", "Lampahan - "),
        ] {
            let line = format!("{head}{place}{lede}");
            let pieces = unglue(line.clone());
            assert_eq!(pieces.len(), 2, "{line}");
            assert_eq!(pieces[0], (None, head.to_string()));
            assert_eq!(pieces[1], (None, format!("{place}{lede}")));
        }
        // A site glued to its desk, a short rest, or an unknown town after prose: one line.
        for line in [
            format!("Dikutip dari detikJATIM \u{2013} {lede}"),
            "Warga pergi ke lapanganKUKAR \u{2013} ramai sekali".to_string(),
            format!("Warga pergi ke lapanganLampahan - {lede}"),
        ] {
            assert_eq!(unglue(line.clone()).len(), 1, "{line}");
        }
    }

    #[test]
    fn a_read_also_headline_running_on_into_the_next_paragraph_is_split_off() {
        let line = "Baca juga: Banjir Rendam Ratusan Rumah di Tepi Sungai, Warga Mengungsi ke Balai \
                    Desa Petugas gabungan masih berjaga di sekitar tanggul sejak Senin malam untuk \
                    memantau ketinggian air.";
        let pieces = unglue(line.to_string());
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert_eq!(
            classify(&pieces[0].1),
            Kind::Related(
                "Banjir Rendam Ratusan Rumah di Tepi Sungai, Warga Mengungsi ke Balai Desa".into()
            )
        );
        assert!(pieces[1].1.starts_with("Petugas gabungan masih berjaga"));
        // A headline in sentence case, or one that ends before the line does, is left whole.
        for line in [
            "Baca juga: Banjir rendam ratusan rumah di tepi sungai, warga mengungsi ke balai desa \
             terdekat sejak Senin malam untuk memantau ketinggian air",
            "Baca juga: Banjir Rendam Ratusan Rumah di Tepi Sungai, Warga Mengungsi ke Balai Desa",
        ] {
            assert_eq!(unglue(line.to_string()).len(), 1, "{line}");
        }
    }

    #[test]
    fn a_read_also_inside_a_line_is_split_out() {
        let text = "Warga mengungsi ke balai desa sejak Senin malam.";
        let next = "Sementara itu, petugas masih berjaga di tanggul.";
        for (line, link, after) in [
            (
                format!("{text} (Baca juga: Banjir Rendam Ratusan Rumah di Tepi Sungai)"),
                "(Baca juga: Banjir Rendam Ratusan Rumah di Tepi Sungai)",
                None,
            ),
            (format!("{text} (Baca juga: ,)"), "(Baca juga: ,)", None),
            (
                format!("{text} (Baca juga: ,){next}"),
                "(Baca juga: ,)",
                Some(next),
            ),
            (
                format!("{text} (Baca Juga: Harga Beras Naik Lagi) {next}"),
                "(Baca Juga: Harga Beras Naik Lagi)",
                Some(next),
            ),
            (
                format!("{text},Baca juga:,,{next}"),
                "Baca juga:",
                Some(next),
            ),
            (format!("{text},,,Baca Juga :"), "Baca Juga :", None),
        ] {
            let mut want = vec![(None, text.to_string()), (None, link.to_string())];
            want.extend(after.map(|a| (None, a.to_string())));
            assert_eq!(unglue(line.clone()), want, "{line}");
            assert!(matches!(classify(link), Kind::Related(_)), "{link}");
        }
        // Prose about reading, a bracket that is no link, and a whole line: left alone.
        for line in [
            format!("{text} (baca buku sejarah di perpustakaan) {next}"),
            format!("{text} Ia suka baca juga, katanya, buku sejarah."),
            "(Baca juga: Banjir Rendam Ratusan Rumah)".to_string(),
            format!("Taman Baca Kedaung di RW 05. {next}"),
            format!("Ia menyebut saudara tua (baca: polisi) masuk ke kantor. {next}"),
            format!("Ia menyebut saudara tua (Baca: polisi) masuk ke kantor. {next}"),
            format!("{text} (Baca: QS Al-Baqarah ayat 183) {next}"),
            format!("{text} (Lihat juga: Tabel 2 di bawah) {next}"),
        ] {
            assert_eq!(unglue(line.clone()), vec![(None, line.clone())], "{line}");
        }
    }

    #[test]
    fn glued_read_also() {
        let l = "Baca juga:,Baca juga:,,\u{201c}Tadi dua pihak hadir";
        let pos = glued_related(l).unwrap();
        assert_eq!(&l[pos..], "\u{201c}Tadi dua pihak hadir");
        assert_eq!(glued_related("Baca juga,,Meski begitu"), Some(11));
        assert_eq!(glued_related("Baca juga: Judul"), None);
        assert_eq!(glued_related("Baca juga:,,"), None);
        assert_eq!(glued_related("Teks biasa"), None);
    }

    #[test]
    fn other_furniture_joined_by_a_bare_comma_is_handed_on_as_a_line_of_its_own() {
        for (line, head, text) in [
            (
                "\u{a9} Merek Mi,Setelah itu, ia mencoba mi yang lebih pedas.",
                "\u{a9} Merek Mi",
                "Setelah itu, ia mencoba mi yang lebih pedas.",
            ),
            (
                "Baca berita selengkapnya ,Pemerintah kota akan menagih pajak.",
                "Baca berita selengkapnya",
                "Pemerintah kota akan menagih pajak.",
            ),
            (
                "Reporter: Ani Rahma,Warga berkumpul di balai desa sejak pagi.",
                "Reporter: Ani Rahma",
                "Warga berkumpul di balai desa sejak pagi.",
            ),
            (
                "Foto: Instagram akun_pribadi,Saat itu ia memakai kaus putih.",
                "Foto: Instagram akun_pribadi",
                "Saat itu ia memakai kaus putih.",
            ),
            (
                "Simak juga beragam paparan menarik lainnya di sesi berikut,Nanti.",
                "Simak juga beragam paparan menarik lainnya di sesi berikut",
                "Nanti.",
            ),
        ] {
            let pieces = unglue(line.to_string());
            assert_eq!(
                pieces,
                vec![(None, head.to_string()), (None, text.to_string())],
                "{line}"
            );
            assert_ne!(classify(head), Kind::Body, "{head}");
            assert_eq!(classify(text), Kind::Body, "{text}");
        }
    }

    #[test]
    fn a_prompt_joined_to_a_paragraph_by_a_bare_comma_is_cut_off() {
        for (line, kind, furniture, text) in [
            (
                "Lihat juga: Judul berita lain di sini,Setelah itu, warga pulang.",
                RemovedKind::Related,
                "Lihat juga: Judul berita lain di sini",
                "Setelah itu, warga pulang.",
            ),
            (
                "Simak video perakitan mobil di pabrik:,\"Kami bangga,\" kata dia.",
                RemovedKind::Prompt,
                "Simak video perakitan mobil di pabrik",
                "\"Kami bangga,\" kata dia.",
            ),
        ] {
            assert_eq!(
                unglue(line.to_string()),
                vec![
                    (Some(kind), furniture.to_string()),
                    (None, text.to_string())
                ],
                "{line}"
            );
        }
        // A credit is handed on as a line of its own, for its names to be read.
        assert_eq!(
            unglue("Penulis : Kota, Ani Rahma,Artikel ini tayang di Warta.com".to_string()),
            vec![
                (None, "Penulis : Kota, Ani Rahma".to_string()),
                (None, "Artikel ini tayang di Warta.com".to_string())
            ]
        );
        // Prose: a space after every comma, or no furniture first, or a head of one word.
        for line in [
            "Penulis buku itu, Ani, datang ke kota.",
            "Warga melihat juga,Setelah itu pulang.",
            "Sebelumnya,Polisi menutup jalan itu.",
            "Selanjutnya,\"Kami siap,\" kata dia.",
        ] {
            assert_eq!(
                unglue(line.to_string()),
                vec![(None, line.to_string())],
                "{line}"
            );
        }
    }
}
