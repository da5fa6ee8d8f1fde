//! Furniture shaped by its form rather than one phrase: share-button rows, ad-slot labels,
//! view counters, "N hours ago" stamps of a story list, copyright notices, social-media
//! picture credits and channel prompts. Each check is bounded to short lines.

use crate::model::RemovedKind;

use super::lines::{self, Kind, is_title_like, lower_prefix};

/// Words of a row of share buttons (`Facebook Twitter Share on Google+`).
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "line",
    "linkedin",
    "pinterest",
    "email",
    "e-mail",
    "google",
    "google+",
    "share",
    "on",
    "tweet",
    "messenger",
    "copy",
    "link",
    "salin",
    "tautan",
    "bagikan",
    "print",
    "cetak",
    // A theme's buttons read by their pictures' names (`facebook icon twitter icon`).
    "icon",
    "ikon",
];

/// Platforms whose name, a slash and an account credit a picture (`Facebook/Akun Warga`).
const PLATFORMS: &[&str] = &[
    "facebook",
    "instagram",
    "twitter",
    "youtube",
    "tiktok",
    "x.com",
    "ig",
    "fb",
];

/// Channels a "follow us" prompt points to.
const CHANNEL_WORDS: &[&str] = &[
    "saluran whatsapp",
    "channel whatsapp",
    "whatsapp channel",
    "grup telegram",
    "channel telegram",
    "google news",
];

/// Calls that open a "follow our channel" prompt.
const CHANNEL_CALLS: &[&str] = &[
    "simak ",
    "ikuti ",
    "gabung",
    "bergabung",
    "follow ",
    "yuk ",
    "dapatkan ",
    "klik ",
];

/// Calls that open a prompt only where it names the site's web address (`Nikmati Update
/// Berita Terbaru dari Situs.com … Saluran Whatsapp`): a story quotes an office's call to
/// follow its own channel in these words too (`Nikmati informasi lengkap jadwal festival
/// melalui saluran WhatsApp resmi …, ujar …`).
const SITE_CALLS: &[&str] = &["nikmati ", "jangan lewatkan "];

/// Units of a story list's age stamp (`Regional2 hari ago`, `3 jam lalu`).
const AGE_UNITS: &[&str] = &[
    "detik", "menit", "jam", "hari", "minggu", "pekan", "bulan", "seconds", "second", "minutes",
    "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
];

/// Every word a share-button word, with a platform among them.
fn share_row(low: &str) -> bool {
    let mut n = 0;
    let mut platform = false;
    for w in low.split_whitespace() {
        if !SHARE_WORDS.contains(&w) {
            return false;
        }
        n += 1;
        platform |= !matches!(
            w,
            "share" | "on" | "copy" | "link" | "salin" | "tautan" | "print" | "icon" | "ikon"
        );
    }
    n >= 2 && platform
}

/// A post embedded from a social network, as a scraper keeps its text: the post with its
/// picture's link (`… pic.twitter.com/AbC123`), or its signature, a dash, the author's name
/// and handle and the day (`— Nama (@akun) September 5, 2025`).
fn embedded_post(line: &str, low: &str) -> bool {
    if low.contains("pic.twitter.com/") {
        return true;
    }
    let signed = line
        .strip_prefix(['\u{2014}', '\u{2013}', '-'])
        .is_some_and(|rest| rest.starts_with(' '));
    let year_end = line
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .is_some_and(|y| y.len() == 4);
    signed && line.len() <= 120 && line.contains("(@") && year_end
}

/// `banner 970x250`, `Ads 300x250`: an ad slot's size in pixels.
fn ad_slot(low: &str) -> bool {
    low.len() <= 40
        && low.split_whitespace().any(|w| {
            w.split_once('x').is_some_and(|(a, b)| {
                (2..=4).contains(&a.len())
                    && (2..=4).contains(&b.len())
                    && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            })
        })
}

/// A line that is only a number (`130`, `1.204`): a view or share counter. A list's number
/// keeps its mark (`1.`, `(2)`) and is left alone.
fn counter(line: &str) -> bool {
    line.len() <= 9
        && line.starts_with(|c: char| c.is_ascii_digit())
        && line.ends_with(|c: char| c.is_ascii_digit())
        && line
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
}

/// `Regional2 hari ago`, `Nasional 3 jam yang lalu`, `5 menit lalu`: the age of a story in
/// a list of other stories, which labels the headline under it.
fn age_stamp(low: &str) -> bool {
    if low.len() > 40 {
        return false;
    }
    let rest = low
        .strip_suffix(" ago")
        .or_else(|| low.strip_suffix(" yang lalu"))
        .or_else(|| low.strip_suffix(" lalu"));
    let Some((head, unit)) = rest.and_then(|r| r.trim_end().rsplit_once(' ')) else {
        return false;
    };
    // The head is a section name and a count (`Regional2`, `Nasional 3`), nothing more.
    AGE_UNITS.contains(&unit)
        && head.split_whitespace().count() <= 2
        && head.chars().all(|c| c.is_alphanumeric() || c == ' ')
        && head.ends_with(|c: char| c.is_ascii_digit())
}

/// `© 2024 PT Media`, `2024 © PT Media`, `Version 1.8.0`: a site's footer or build stamp.
fn notice(line: &str, low: &str) -> bool {
    (line.len() <= 100 && line.contains('\u{a9}'))
        || low.strip_prefix("version ").is_some_and(|v| {
            v.len() <= 12 && v.contains('.') && v.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        })
}

/// `Dilarang mengambil dan/atau menayangkan ulang …`: a copyright notice on reuse.
fn reuse_notice(low: &str) -> bool {
    low.starts_with("dilarang")
        && (low.contains("menayangkan ulang")
            || low.contains("mengutip")
            || low.contains("menyalin")
            || low.contains("mereproduksi"))
        && (low.contains("artikel")
            || low.contains("konten")
            || low.contains("tanpa izin")
            || low.contains("menayangkan"))
}

/// `Facebook/Akun Warga`, `Instagram/@akun`, `@akun`: the source of a picture, with no
/// sentence around it.
fn platform_credit(line: &str, low: &str) -> bool {
    if line.len() > 80 || line.ends_with(['.', '!', '?', ',', ':', '"', '\u{201d}']) {
        return false;
    }
    let single_handle = !line.contains(' ') && line.starts_with('@') && line.len() > 2;
    let platform_slash = low.split_once('/').is_some_and(|(p, account)| {
        PLATFORMS.contains(&p.trim()) && account.trim().chars().any(char::is_alphanumeric)
    });
    single_handle || platform_slash
}

/// `Warga antre di pasar/@akun Warga Kota`: a caption closed by a social-media credit.
fn handle_caption(line: &str) -> bool {
    line.len() <= 200
        && (line.contains("/@") || line.contains("/ @"))
        && !line.contains("://")
        && !line.ends_with(['.', '!', '?', '"', '\u{201d}'])
        && !line.contains(". ")
}

/// `Simak berita pilihan … di Saluran WhatsApp …`: a call to follow the outlet's channel.
fn channel_prompt(full: &str) -> bool {
    let site_named = || {
        full.split_whitespace()
            .any(|w| super::dateline::is_domain(w.trim_end_matches([',', '.'])))
    };
    full.len() <= 250
        && (CHANNEL_CALLS.iter().any(|c| full.starts_with(c))
            || (SITE_CALLS.iter().any(|c| full.starts_with(c)) && site_named()))
        && CHANNEL_WORDS.iter().any(|w| full.contains(w))
}

/// `Promosi Judul Artikel Berbayar`: a sponsored headline slotted between paragraphs.
fn promo(line: &str, low: &str) -> bool {
    low.starts_with("promosi ")
        && line.len() <= 160
        && line.get("promosi ".len()..).is_some_and(is_title_like)
}

/// `Cek fakta: Judul`: a fact-check desk's link to another of its checks.
fn fact_check_link(line: &str, low: &str) -> Option<String> {
    let rest = low
        .strip_prefix("cek fakta")?
        .trim_start()
        .strip_prefix(':')?;
    let head = &line[line.len() - rest.len()..];
    (line.len() <= 200 && !head.contains(". ")).then(|| head.trim().to_string())
}

/// `grosir-buah-surabaya`, `pt-vale-indonesia`: a page's slug or an ad slot's name alone on
/// its line, lower case and hyphenated, never written in a story.
fn slug(line: &str) -> bool {
    (6..=80).contains(&line.len())
        && line.matches('-').count() >= 2
        && !line.starts_with('-')
        && !line.ends_with('-')
        && !line.contains("--")
        && line
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && line.bytes().any(|c| c.is_ascii_lowercase())
}

/// `(function(f,b,n,j,x,e){x=b.createElement(n);…`: a page's script left as text.
fn script(low: &str) -> bool {
    (low.starts_with("(function(") || low.starts_with("function(") || low.starts_with("var "))
        && (low.contains("document.") || low.contains("window") || low.contains("createelement"))
}

/// `11:00 WIB`, `Feb`: a stamp's time or month left alone on its line by the page's layout.
fn stamp_fragment(line: &str, low: &str) -> bool {
    if line.len() > 12 {
        return false;
    }
    let time = low
        .trim_end_matches(" wib")
        .trim_end_matches(" wita")
        .trim_end_matches(" wit")
        .split_once([':', '.'])
        .is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
        });
    time || super::date_words::month_number(low.trim_end_matches('.').as_bytes()).is_some()
}

/// `Nomor : SP. 297 /HUMAS/PP/HMS.3/10/2017`: a press release's number under its heading.
fn release_number(line: &str, low: &str) -> bool {
    line.len() <= 80
        && ["nomor", "no."].iter().any(|k| {
            low.strip_prefix(k)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        && line.matches('/').count() >= 2
}

/// `![Bupati meninjau banjir (Foto: Ist)](https://site.id/…/foto.jpg)`: a picture a page
/// converted to markdown kept as its own line, its alt text the caption. A link or a picture
/// within a sentence is the sentence's.
pub fn markdown_image(line: &str) -> bool {
    line.starts_with("![")
        && line.ends_with(')')
        && line
            .rsplit_once("](")
            .is_some_and(|(_, target)| !target.contains(char::is_whitespace))
}

/// `Simak Radio Live, KLIK DISINI`: a call to click, ending its short line.
fn klik_prompt(low: &str) -> bool {
    // A sentence telling the reader where to click (`Untuk mendaftar, klik di sini.`) ends
    // on its stop; the page's call does not.
    low.len() <= 100
        && !low.trim_end().ends_with('.')
        && ["klik disini", "klik di sini", "klik link ini"]
            .iter()
            .any(|k| low.trim_end_matches(['.', '!', ' ']).ends_with(k))
}

/// `KLM-Surya-Indah.jpg`, `.jpeg)`: a picture's file name, or what is left of its link.
fn image_file(line: &str) -> bool {
    let name = line.trim_end_matches(')').to_ascii_lowercase();
    !line.contains(' ')
        && line.len() <= 120
        && [".jpg", ".jpeg", ".png", ".webp", ".gif"]
            .iter()
            .any(|x| name.ends_with(x))
}

/// The kind of a short line (at most the classifier's short limit) that is furniture by its
/// form; `low` is the whole line lower-cased.
pub fn classify(line: &str, low: &str) -> Option<Kind> {
    if let Some(h) = fact_check_link(line, low) {
        return Some(Kind::Related(h));
    }
    if age_stamp(low) {
        return Some(Kind::Boiler(RemovedKind::Related));
    }
    // A share bar's label glued to its first button (`Bagikan keFacebook`).
    let glued_share = line.len() <= 40
        && low.starts_with("bagikan ke")
        // `get`: a letter that lower-cases to fewer bytes (the Kelvin sign) shifts the cut.
        && line
            .get("bagikan ke".len()..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
    let kind =
        if glued_share || share_row(low) || ad_slot(low) || channel_prompt(low) || klik_prompt(low)
        {
            RemovedKind::Prompt
        } else if image_file(line) {
            RemovedKind::Caption
        } else if counter(line)
            || script(low)
            || slug(line)
            || stamp_fragment(line, low)
            || release_number(line, low)
            || notice(line, low)
            || reuse_notice(low)
            || (line.len() <= 60
                && (low.starts_with("adblock")
                    || (low.starts_with("waktu baca") && low.contains("menit"))))
        {
            RemovedKind::Footer
        } else if platform_credit(line, low) {
            RemovedKind::Credit
        } else if handle_caption(line) || embedded_post(line, low) {
            RemovedKind::Caption
        } else {
            return None;
        };
    Some(Kind::Boiler(kind))
}

/// The inside of a wrapped line, classified as what it wraps: `| Baca juga: Judul |`, a
/// bulleted `• Tangkapan layar`, `OUTLET.COM - Ilustrasi …` (a caption under the outlet's
/// name). Returns the inside when the line is wrapped so.
pub fn wrapped(line: &str) -> Option<&str> {
    if let Some(inner) = line.strip_prefix('|').and_then(|l| l.strip_suffix('|')) {
        return Some(inner.trim());
    }
    if let Some(rest) = line.strip_prefix(['\u{2022}', '\u{b7}', '\u{25aa}']) {
        return Some(rest.trim_start());
    }
    // An outlet's domain in capitals, then a dash.
    let (head, rest) = line
        .split_once(" - ")
        .or_else(|| line.split_once(" \u{2013} "))?;
    let domain = head.contains('.')
        && !head.contains(' ')
        && head.len() <= 30
        && !head.chars().any(char::is_lowercase);
    domain.then(|| rest.trim_start())
}

/// Furniture known by its neighbours: a bulleted source under a picture's `Sumber :` or
/// `Photo :` label (`• situs.go.id`), and a sponsored `Promosi …` headline after the text has
/// begun (a headline of the article's own may open with the word).
pub fn runs(paras: &[String], kinds: &mut [Kind]) {
    let mut text_begun = false;
    for i in 0..paras.len() {
        if kinds[i] == Kind::Body && text_begun {
            let low = lower_prefix(&paras[i], 9);
            if promo(&paras[i], &low) {
                kinds[i] = Kind::Boiler(RemovedKind::Prompt);
            }
        }
        text_begun |= kinds[i] == Kind::Body;
        if i == 0 {
            continue;
        }
        let label = matches!(
            kinds[i - 1],
            Kind::Boiler(RemovedKind::Credit | RemovedKind::Caption)
        ) && paras[i - 1].len() <= 12;
        if label
            && kinds[i] == Kind::Body
            && paras[i].len() <= 80
            && paras[i].starts_with(['\u{2022}', '\u{b7}', '-', '*'])
        {
            kinds[i] = Kind::Boiler(RemovedKind::Credit);
        }
    }
    repeated_labels(paras, kinds);
    share_column(paras, kinds);
    menu_column(paras, kinds);
}

/// A site's menu laid out one bulleted item per line (`• Tentang Kami`, `• Redaksi`, `•
/// Kaltara`, `• Bulungan`, `• Politik`): five or more short items in a row, two of them a
/// site's sections or pages. Left in, its first item passes for the title and the towns it
/// files news under for the story's places. A story's own bulleted list (`• Kabupaten
/// Bulungan`, `• Kota Tarakan`) names no section.
fn menu_column(paras: &[String], kinds: &mut [Kind]) {
    const SECTIONS: &[&str] = &[
        "home",
        "beranda",
        "tentang kami",
        "redaksi",
        "kontak",
        "kontak kami",
        "pedoman media siber",
        "pedoman penulisan",
        "privacy policy",
        "kebijakan privasi",
        "disclaimer",
        "terms and conditions",
        "berita",
        "nasional",
        "internasional",
        "daerah",
        "regional",
        "politik",
        "hukum",
        "hukum & kriminal",
        "kriminal",
        "ekonomi",
        "bisnis",
        "olahraga",
        "sport",
        "teknologi",
        "pendidikan",
        "kesehatan",
        "gaya hidup",
        "lifestyle",
        "hiburan",
        "kuliner",
        "traveling",
        "wisata",
        "opini",
        "video",
        "foto",
        "indeks",
        "pemerintahan",
        "parlementer",
        "ragam",
        "investigasi",
        "advertorial",
        "advetorial",
    ];
    /// Words an item has at most.
    const ITEM_WORDS: usize = 3;
    const MIN_ITEMS: usize = 5;
    // Whatever a line was read as (`• Redaksi` passes for a credit's label).
    let item = |i: usize| {
        lines::bulleted(paras[i].trim()).is_some_and(|t| {
            t.split_whitespace().nth(ITEM_WORDS).is_none() && !t.ends_with(['.', ':', ','])
        })
    };
    let section = |i: usize| {
        lines::bulleted(paras[i].trim())
            .is_some_and(|t| SECTIONS.contains(&t.trim().to_lowercase().as_str()))
    };
    let mut i = 0;
    while i < paras.len() {
        let run = (i..paras.len()).take_while(|&j| item(j)).count();
        if run >= MIN_ITEMS && (i..i + run).filter(|&j| section(j)).count() >= 2 {
            for k in kinds[i..i + run].iter_mut().filter(|k| **k == Kind::Body) {
                *k = Kind::Boiler(RemovedKind::Footer);
            }
        }
        i += run.max(1);
    }
}

/// A share bar laid out one button per line (`Facebook`, `Twitter`, `WhatsApp`, `Print`):
/// three or more such lines in a row, a platform among them.
fn share_column(paras: &[String], kinds: &mut [Kind]) {
    let word = |i: usize| {
        let w = paras[i].trim();
        (w.len() <= 12).then(|| w.to_lowercase())
    };
    let button = |i: usize| {
        word(i).is_some_and(|w| {
            SHARE_WORDS.contains(&w.as_str()) && !matches!(w.as_str(), "on" | "line")
        })
    };
    let platform = |i: usize| {
        word(i).is_some_and(|w| {
            !matches!(
                w.as_str(),
                "share"
                    | "copy"
                    | "link"
                    | "salin"
                    | "tautan"
                    | "print"
                    | "cetak"
                    | "bagikan"
                    | "email"
                    | "e-mail"
            )
        })
    };
    let mut i = 0;
    while i < paras.len() {
        let run = (i..paras.len()).take_while(|&j| button(j)).count();
        if run >= 3 && (i..i + run).any(platform) {
            for k in &mut kinds[i..i + run] {
                *k = Kind::Boiler(RemovedKind::Prompt);
            }
        }
        i += run.max(1);
    }
}

/// A short line without a sentence's end written twice in a row among the text's lines
/// (furniture between them aside): a caption, credit or headline the page rendered twice
/// (`Nama Pejabat`, `Nama Pejabat`). Prose is not written twice in a row, and a line that
/// ends like a sentence is left alone. The first text line (the title) and a repeat of it
/// are the title's business.
fn repeated_labels(paras: &[String], kinds: &mut [Kind]) {
    let body: Vec<usize> = (0..paras.len())
        .filter(|&i| kinds[i] == Kind::Body)
        .collect();
    for w in body.windows(3) {
        let (a, b) = (w[1], w[2]);
        let p = &paras[a];
        if p == &paras[b]
            && p.len() <= 120
            && p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !p.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ','])
        {
            kinds[a] = Kind::Boiler(RemovedKind::Caption);
            kinds[b] = Kind::Boiler(RemovedKind::Caption);
        }
    }
}

/// What an icon's ligature name stands for at the start of a line a page's theme drew
/// (`• account_circle Ainu`, `• calendar_month Selasa, 23 Sep 2025`, `• comment 0 komentar`):
/// the scraper kept the icon font's text. Returns the line as a reader sees it (the writer
/// under its key, the day, the count), or `None` when the line opens on no such icon.
pub fn icon_ligature(line: &str) -> Option<String> {
    let bare = line.trim_start_matches(['\u{2022}', '\u{b7}', '*', ' ']);
    let (icon, rest) = bare.split_once(' ')?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    match icon {
        "account_circle" | "person_outline" | "account_box" => Some(format!("Penulis: {rest}")),
        "calendar_month"
        | "calendar_today"
        | "date_range"
        | "event_note"
        | "access_time"
        | "watch_later"
        | "chat_bubble"
        | "chat_bubble_outline"
        | "mode_comment" => Some(rest.to_string()),
        // `comment` is a word too: only before a count.
        "comment" if rest.starts_with(|c: char| c.is_ascii_digit()) => Some(rest.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::classify;
    use super::*;

    fn boiler(line: &str) -> Option<RemovedKind> {
        match classify(line) {
            Kind::Boiler(k) => Some(k),
            _ => None,
        }
    }

    #[test]
    fn widgets_and_footers_by_their_form() {
        for (line, kind) in [
            ("Facebook Twitter Share on Google+", RemovedKind::Prompt),
            ("WhatsApp Telegram Salin Tautan", RemovedKind::Prompt),
            ("banner 728x90", RemovedKind::Prompt),
            ("1.245", RemovedKind::Footer),
            ("2023 \u{a9} PT Kabar Media Nusantara", RemovedKind::Footer),
            ("Version 2.14.1", RemovedKind::Footer),
            ("waktu baca 4 menit", RemovedKind::Footer),
            (
                "Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel",
                RemovedKind::Footer,
            ),
            ("Adblock Detected", RemovedKind::Footer),
            ("Logo", RemovedKind::Caption),
            ("Tinggalkan Balasan", RemovedKind::Footer),
            ("Sebarkan artikel ini", RemovedKind::Prompt),
            (
                "Ikuti berita terbaru kami di Saluran WhatsApp dan Grup Telegram",
                RemovedKind::Prompt,
            ),
            (
                "Simak kabar pilihan lain dari redaksi di Saluran WhatsApp kami",
                RemovedKind::Prompt,
            ),
            (
                "Nikmati Update Berita Terbaru dari Situs.com Setiap Hari Melalui Saluran \
                 Whatsapp, Bisa Klik Disini",
                RemovedKind::Prompt,
            ),
            ("Instagram/@warga.kota", RemovedKind::Credit),
            ("Facebook/Akun Warga Desa", RemovedKind::Credit),
            ("@akun_warga", RemovedKind::Credit),
            (
                "Antrean warga di depan kantor kelurahan/@infokota Warga Kota",
                RemovedKind::Caption,
            ),
            ("\u{2022} Tangkapan layar video warga", RemovedKind::Caption),
            (
                "KABARKOTA.COM - Ilustrasi pasar tradisional (Kabar/Harian Kota/Budi Santoso)",
                RemovedKind::Caption,
            ),
            (
                "Petugas memeriksa rumah warga usai banjir, Senin (3/2). (Foto: Budi Santoso)",
                RemovedKind::Caption,
            ),
            ("Artikel Terkait", RemovedKind::Related),
            ("Kabupaten3 jam ago", RemovedKind::Related),
            ("photo", RemovedKind::Caption),
        ] {
            assert_eq!(boiler(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn prose_of_the_same_openings_stays() {
        for line in [
            "Facebook menghapus ribuan akun palsu sepanjang tahun ini.",
            "Dilarang merokok di area stasiun, kata petugas kepada warga.",
            "Waktu baca anak di desa itu meningkat sejak perpustakaan dibuka.",
            "\"Hari ini, 32 tahun yang lalu",
            "Ia menyebut akun itu aktif di Instagram/@kota sejak lama. Warga pun heran.",
            "Warga diminta mendaftar melalui tautan https://daftar.kota.id/@warga",
            "(2)",
            "1.",
            "KABARKOTA.COM - Polisi menangkap dua pelaku pencurian motor di pasar pada Senin.",
            "Promosi Jabatan Kepala Dinas Dilakukan Pekan Depan",
            "Nikmati informasi lengkap jadwal festival melalui saluran WhatsApp resmi Pemkab, \
             ujar Kepala Dinas.",
        ] {
            assert_eq!(classify(line), Kind::Body, "{line}");
        }
    }

    #[test]
    fn read_also_in_its_wrappers() {
        assert_eq!(
            classify("| Baca juga: Harga Cabai Naik Lagi di Pasar Induk |"),
            Kind::Related("Harga Cabai Naik Lagi di Pasar Induk".into())
        );
        assert_eq!(
            classify("BACA JUGAHarga Cabai Naik Lagi"),
            Kind::Related("Harga Cabai Naik Lagi".into())
        );
        assert_eq!(
            classify("Cek fakta: Hoaks! Foto banjir lama disebut terjadi pekan ini"),
            Kind::Related("Hoaks! Foto banjir lama disebut terjadi pekan ini".into())
        );
    }

    #[test]
    fn a_sponsored_headline_after_the_text_has_begun() {
        let paras: Vec<String> = [
            "Promosi Wisata Danau Kota Menarik Ribuan Turis",
            "Warga memadati alun-alun sejak pagi untuk menyaksikan pawai.",
            "Promosi Rute Baru Bus Kota Makin Nyaman Berkat AC",
            "Sumber :",
            "\u{2022} kabarkota.go.id",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut kinds: Vec<Kind> = paras.iter().map(|p| classify(p)).collect();
        runs(&paras, &mut kinds);
        assert_eq!(kinds[0], Kind::Body);
        assert_eq!(kinds[1], Kind::Body);
        assert_eq!(kinds[2], Kind::Boiler(RemovedKind::Prompt));
        assert_eq!(kinds[4], Kind::Boiler(RemovedKind::Credit));
    }

    #[test]
    fn a_short_line_rendered_twice_in_the_text_is_furniture() {
        let paras: Vec<String> = [
            "Judul Berita Kota",
            "Judul Berita Kota",
            "Budi Santoso",
            "Budi Santoso",
            "Wali kota meninjau pasar pada Senin pagi.",
            "Wali kota meninjau pasar pada Senin pagi.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut kinds: Vec<Kind> = paras.iter().map(|p| classify(p)).collect();
        runs(&paras, &mut kinds);
        let body: Vec<usize> = (0..6).filter(|&i| kinds[i] == Kind::Body).collect();
        // The title and its repeat, and a sentence written twice, are not this rule's.
        assert_eq!(body, vec![0, 1, 4, 5]);
    }
}
