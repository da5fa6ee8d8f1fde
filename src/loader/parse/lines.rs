//! Whole-line classification: site furniture ("Baca juga", share prompts, footers, captions)
//! and credit lines (`Penulis: X | Editor: Y`, `Laporan wartawan ..., X`).

use crate::model::RemovedKind;

/// What one paragraph line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Body,
    /// A "read also" link; the headline (may be empty).
    Related(String),
    /// Site furniture, captions, source credits, and which.
    Boiler(RemovedKind),
    /// A byline; the line itself is boilerplate.
    Credit {
        authors: Vec<String>,
        editor: Option<String>,
    },
}

/// Longest line that can be furniture matched by a phrase anywhere in it; longer lines are prose.
const SHORT: usize = 250;

/// Exact (case-insensitive, trailing `:` ignored) furniture lines.
const EXACT: &[(&str, RemovedKind)] = &[
    ("rekomendasi untuk anda", RemovedKind::Related),
    ("berita terkini", RemovedKind::Related),
    ("berita lainnya", RemovedKind::Related),
    ("berita terkait", RemovedKind::Related),
    ("berita populer", RemovedKind::Related),
    ("terpopuler", RemovedKind::Related),
    ("index", RemovedKind::Footer),
    ("indeks", RemovedKind::Footer),
    ("indeks berita", RemovedKind::Footer),
    ("post a comment", RemovedKind::Footer),
    ("advertisement", RemovedKind::Prompt),
    ("iklan", RemovedKind::Prompt),
    ("scroll to continue with content", RemovedKind::Prompt),
    ("scroll to resume content", RemovedKind::Prompt),
    ("aa", RemovedKind::Footer),
    ("sumber", RemovedKind::Credit),
    ("tags", RemovedKind::Footer),
    ("tag", RemovedKind::Footer),
    ("topik", RemovedKind::Footer),
    ("share", RemovedKind::Prompt),
    ("bagikan", RemovedKind::Prompt),
    ("komentar", RemovedKind::Footer),
    ("ikuti kami di", RemovedKind::Prompt),
    ("ikuti kami", RemovedKind::Prompt),
    ("editor", RemovedKind::Credit),
    ("penulis", RemovedKind::Credit),
];

/// Line prefixes (case-insensitive) that mark furniture or captions.
const PREFIXES: &[(&str, RemovedKind)] = &[
    ("baca berita ", RemovedKind::Prompt),
    ("baca selengkapnya", RemovedKind::Related),
    ("ikuti kami", RemovedKind::Prompt),
    ("ikuti dan bergabung", RemovedKind::Prompt),
    ("cek berita dan artikel", RemovedKind::Related),
    ("simak juga video", RemovedKind::Prompt),
    ("simak video", RemovedKind::Prompt),
    ("simak juga:", RemovedKind::Prompt),
    ("tonton juga video", RemovedKind::Prompt),
    ("saksikan live", RemovedKind::Prompt),
    ("saksikan video", RemovedKind::Prompt),
    ("[gambas", RemovedKind::Prompt),
    ("artikel ini telah tayang", RemovedKind::Credit),
    ("artikel ini sudah tayang", RemovedKind::Credit),
    ("artikel ini telah diterbitkan", RemovedKind::Credit),
    ("foto:", RemovedKind::Caption),
    ("foto :", RemovedKind::Caption),
    ("(foto:", RemovedKind::Caption),
    ("(foto :", RemovedKind::Caption),
    ("kolase ", RemovedKind::Caption),
    ("dok.", RemovedKind::Caption),
    ("dok:", RemovedKind::Caption),
    ("(dok.", RemovedKind::Caption),
    ("(dok ", RemovedKind::Caption),
    ("ilustrasi -", RemovedKind::Caption),
    ("ilustrasi:", RemovedKind::Caption),
    ("ilustrasi.", RemovedKind::Caption),
    ("ilustrasi –", RemovedKind::Caption),
    ("tangkapan layar", RemovedKind::Caption),
    ("©", RemovedKind::Footer),
    ("(c) ", RemovedKind::Footer),
    ("copyright", RemovedKind::Footer),
    ("download aplikasi", RemovedKind::Prompt),
    ("dapatkan update berita", RemovedKind::Prompt),
];

/// Phrases that mark a short line as furniture wherever they occur in it.
const CONTAINS: &[(&str, RemovedKind)] = &[
    ("google news", RemovedKind::Prompt),
    ("all right reserved", RemovedKind::Footer),
    ("all rights reserved", RemovedKind::Footer),
];

fn lower_prefix(line: &str, max_chars: usize) -> String {
    line.chars()
        .take(max_chars)
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Baca juga: X`, `BACA JUGA:X`, `Baca juga : X`, `Baca: X` -> the headline.
fn related(line: &str, low: &str) -> Option<String> {
    let rest_low = low
        .strip_prefix("baca juga")
        .or_else(|| low.strip_prefix("baca"))?;
    let t = rest_low.trim_start();
    // `Baca juga Headline` without a colon counts; `Baca buku ...` (prose) does not.
    let juga = low.starts_with("baca juga");
    if !(t.starts_with(':') || (juga && (t.is_empty() || rest_low.starts_with(' ')))) {
        return None;
    }
    // Map the lowered prefix length back onto the original line by counting chars.
    let consumed = low.chars().count() - t.chars().count();
    let rest: String = line.chars().skip(consumed).collect();
    let rest = rest
        .trim_start()
        .strip_prefix(':')
        .unwrap_or(rest.trim_start());
    Some(rest.trim().trim_matches(',').trim().to_string())
}

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
        while matches!(b.get(pos), Some(b' ' | b':')) {
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

fn is_count_footer(low: &str) -> bool {
    let mut it = low.split_whitespace();
    let (Some(n), Some(w), None) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    n.chars().all(|c| c.is_ascii_digit())
        && matches!(w, "comment" | "comments" | "komentar" | "tanggapan")
}

const AUTHOR_KEYS: &[&str] = &[
    "penulis",
    "reporter",
    "wartawan",
    "pewarta",
    "kontributor",
    "jurnalis",
];
const EDITOR_KEYS: &[&str] = &["editor", "penyunting", "redaktur"];

/// `Penulis: X | Editor: Y`, `Editor : Y`, `Reporter: X`.
fn byline(line: &str) -> Option<(Vec<String>, Option<String>)> {
    if line.len() > 200 {
        return None;
    }
    let mut authors = Vec::new();
    let mut editor = None;
    for seg in line.split('|') {
        let (key, value) = seg.split_once(':')?;
        let key = key.trim().to_lowercase();
        let value = value.trim().trim_end_matches(['.', ',']).trim();
        if AUTHOR_KEYS.contains(&key.as_str()) {
            if !value.is_empty() {
                authors.push(value.to_string());
            }
        } else if EDITOR_KEYS.contains(&key.as_str()) {
            if !value.is_empty() {
                editor = Some(value.to_string());
            }
        } else {
            return None;
        }
    }
    Some((authors, editor))
}

/// `Laporan wartawan Tribunsumsel.com, Eko Hepronis` -> Eko Hepronis.
fn report_credit(line: &str, low: &str) -> Option<String> {
    if line.len() > 160
        || ![
            "laporan wartawan",
            "laporan reporter",
            "laporan kontributor",
            "laporan jurnalis",
        ]
        .iter()
        .any(|p| low.starts_with(p))
    {
        return None;
    }
    let name = line.rsplit_once(',').map_or("", |(_, n)| n).trim();
    Some(name.trim_end_matches('.').trim().to_string())
}

/// Classifies one trimmed, whitespace-collapsed line.
pub fn classify(line: &str) -> Kind {
    let low = lower_prefix(line, 60);
    if let Some(h) = related(line, &low) {
        return Kind::Related(h);
    }
    if let Some((authors, editor)) = byline(line) {
        return Kind::Credit { authors, editor };
    }
    if let Some(name) = report_credit(line, &low) {
        let authors = if name.is_empty() {
            Vec::new()
        } else {
            vec![name]
        };
        return Kind::Credit {
            authors,
            editor: None,
        };
    }
    let bare = low.trim_end_matches([':', ' ']);
    if line.len() <= 60 {
        if let Some(&(_, kind)) = EXACT.iter().find(|(e, _)| *e == bare) {
            return Kind::Boiler(kind);
        }
        if is_count_footer(bare) {
            return Kind::Boiler(RemovedKind::Footer);
        }
    }
    if line.len() <= SHORT {
        if let Some(&(_, kind)) = PREFIXES.iter().find(|(p, _)| low.starts_with(p)) {
            return Kind::Boiler(kind);
        }
        // Source credits (`Sumber: Tribun.com`, `Sumber : -`) name where the text came from;
        // they are provenance, not narrative, so they leave the body (and are not authors).
        if low.starts_with("sumber")
            && low["sumber".len()..].trim_start().starts_with(':')
            && line.len() <= 120
        {
            return Kind::Boiler(RemovedKind::Credit);
        }
        let full = line.to_lowercase();
        if let Some(&(_, kind)) = CONTAINS.iter().find(|(p, _)| full.contains(p)) {
            return Kind::Boiler(kind);
        }
        if low.starts_with("ikuti ")
            && [
                "whatsapp",
                "saluran",
                "channel",
                "detik",
                "instagram",
                "twitter",
                "facebook",
                "tiktok",
                "youtube",
                "telegram",
            ]
            .iter()
            .any(|p| full.contains(p))
        {
            return Kind::Boiler(RemovedKind::Prompt);
        }
    }
    Kind::Body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> Kind {
        Kind::Related(s.to_string())
    }

    #[test]
    fn related_lines() {
        assert_eq!(
            classify("Baca juga: Secara Sukarela, Warga"),
            rel("Secara Sukarela, Warga")
        );
        assert_eq!(
            classify("BACA JUGA:Mayat Mr X Ditemukan"),
            rel("Mayat Mr X Ditemukan")
        );
        assert_eq!(
            classify("Baca juga : Tunggu Izin Kemenkeu"),
            rel("Tunggu Izin Kemenkeu")
        );
        assert_eq!(classify("Baca Juga: Program Cek"), rel("Program Cek"));
        assert_eq!(classify("Baca: Judul Lain"), rel("Judul Lain"));
        assert_eq!(classify("Baca juga"), rel(""));
        assert_eq!(classify("Baca buku itu penting bagi anak."), Kind::Body);
        assert_eq!(classify("Bacaan doa dibacakan."), Kind::Body);
        assert_eq!(classify("Baca Juga :,,"), rel(""));
        assert!(matches!(
            classify("Baca selengkapnya di halaman 2"),
            Kind::Boiler(_)
        ));
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
    fn furniture_lines() {
        for l in [
            "Baca berita Tribunsumsel.com lainnya di Google News",
            "Ikuti dan bergabung dalam saluran whatsapp Tribunsumsel.com",
            "Cek Berita dan Artikel yang lain di Google News",
            "Rekomendasi untuk Anda",
            "Ikuti kami di",
            "AA",
            "Berita Terkini",
            "Berita Lainnya",
            "Index",
            "Post a Comment",
            "0 Comments",
            "12 Komentar",
            "\u{a9} 2025 TRIBUNnews.com Network,a subsidiary of KG Media.",
            "All Right Reserved",
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Simak juga Video 'Janji Mensos':",
            "Simak Video: x",
            "Tonton juga video \"x\" di sini:",
            "Artikel ini telah tayang di Tribunnews.com dengan judul x",
            "Sumber:",
            "Sumber : Tribun.com",
            "Kolase Tribunsumsel.com/ instagram @sumsel.keras",
            "Foto: Dok. Humas",
            "(Foto: Antara)",
            "Dok. Pemkab",
            "ILUSTRASI - Gedung DPR",
        ] {
            assert!(matches!(classify(l), Kind::Boiler(_)), "{l}");
        }
        for l in [
            "Sumber daya manusia menjadi prioritas pemerintah daerah.",
            "Index harga naik tajam bulan ini menurut BPS dan para ekonom.",
            "Ikuti aturan yang berlaku, kata dia.",
            "0 orang tewas dalam kejadian itu",
        ] {
            assert_eq!(classify(l), Kind::Body, "{l}");
        }
    }

    #[test]
    fn credits() {
        assert_eq!(
            classify("Penulis: Eko Hepronis | Editor: Slamet Teguh"),
            Kind::Credit {
                authors: vec!["Eko Hepronis".into()],
                editor: Some("Slamet Teguh".into())
            }
        );
        assert_eq!(
            classify("Editor : Slamet"),
            Kind::Credit {
                authors: vec![],
                editor: Some("Slamet".into())
            }
        );
        assert_eq!(
            classify("Reporter: Ani"),
            Kind::Credit {
                authors: vec!["Ani".into()],
                editor: None
            }
        );
        assert_eq!(
            classify("Laporan wartawan Tribunsumsel.com, Eko Hepronis"),
            Kind::Credit {
                authors: vec!["Eko Hepronis".into()],
                editor: None
            }
        );
        assert_eq!(classify("Penulis buku itu: seorang guru"), Kind::Body);
    }
}
