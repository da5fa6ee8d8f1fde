//! Where a dateline's prefix ends: the dash and its stand-ins (a pipe's capital I, an equals
//! sign, a lost character), and the dashes glued to a word that still end one.

use super::*;

/// A dash glued to the word before it ends a dateline when that word is a domain
/// (`JAKARTA, KOMPAS.com-`) or the prefix has two parts (`TEMPO.CO, Jakarta- `); elsewhere it
/// joins words (`Prabowo-Gibran`, `TNI-`).
pub(super) fn glued_dash(before: &str, next: Option<&u8>, after: Option<&u8>) -> bool {
    // A full stop before the dash is the dateline's own (`Jakarta, hariandialog.co.id.- `,
    // `Mukomuko .- `).
    let before = before.strip_suffix('.').map_or(before, str::trim_end);
    let word = before.rsplit([' ', ',']).next().unwrap_or("");
    let ends = matches!(next, None | Some(b' '));
    ((is_domain(word) || spaced_domain_end(before).is_some())
        && (ends || next.is_some_and(u8::is_ascii_uppercase)))
        || (before.contains([',', '|']) && ends)
        // A known place alone, its dash glued on (`Tangerang- Dua ...`).
        || (ends && !before.contains(' ') && before.len() > 3 && is_known_city(before))
        // A known place in capitals, of up to three words, glued to both its dash and the
        // lede (`SAMPIT-Konflik lahan ...`, `KUALA KAPUAS-Air sungai …`); a route in
        // capitals (`JAKARTA-BANDUNG`) goes on in capitals, and a pair of bodies
        // (`PDIP-Gerindra`) is no place.
        // After a site's name too (`FAJAR, MAKASSAR-Universitas …`): the word after it.
        || (caps_place(if before.contains(',') { word } else { before.trim() })
            && next.is_some_and(u8::is_ascii_uppercase)
            && after.is_some_and(u8::is_ascii_lowercase))
        // A known place and its site's name in capitals made with a media word, glued to
        // the lede (`BANGGAI, LUWUK POST-Sejumlah …`).
        || (before.rsplit_once(',').is_some_and(|(place, site)| {
            let site = site.trim();
            site.len() > 3
                && is_all_caps(site)
                && is_media_named(site)
                && is_known_city(place.trim())
        }) && next.is_some_and(u8::is_ascii_uppercase)
            && after.is_some_and(u8::is_ascii_lowercase))
        // A place in brackets after a site's web name, the dash glued to the bracket
        // (`Jambiekspose.com (Jambi)- Buruknya …`).
        || (ends
            && before.strip_suffix(')').and_then(|b| b.rsplit_once(" (")).is_some_and(
                |(site, place)| is_domain(site) && !site.contains(' ') && is_known_city(place),
            ))
        // A site's one-word name in capitals, a media word and a place, glued to its dash
        // and the lede (`HARIANCILACAP-Bupati …`; not `INFORMASI-Pendaftaran …`).
        || (!before.contains(' ')
            && is_all_caps(word)
            && media_word_and_place(word)
            && next.is_some_and(u8::is_ascii_uppercase)
            && after.is_some_and(u8::is_ascii_lowercase))
        // A known place, its comma, and the dash glued to the lede (`SENTANI,-Komisi …`).
        || (next.is_some_and(u8::is_ascii_uppercase)
            && before
                .strip_suffix(',')
                .is_some_and(|p| {
                    p.split_whitespace().count() <= 2
                        && (is_known_city(p) || (is_all_caps(p) && p.len() > 3))
                }))
}

/// Whether `place` is a known place of up to three words in capitals (`SAMPIT`, `KUALA
/// KAPUAS`).
fn caps_place(place: &str) -> bool {
    place.len() > 3
        && place.split_whitespace().count() <= 3
        && place.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
        && is_known_city(place)
}

/// Whether `place` is a known place of up to three words alone before a dash glued to the
/// lede `after`, whose first word is no known place (a route's other end).
fn place_glued_to_lede(place: &str, after: &str) -> bool {
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    (1..=3).contains(&place.split_whitespace().count())
        && is_header_part(place)
        && is_known_city(place)
        && !is_known_city(next)
}

/// A place and a site's name made with a media word, the dash glued to the lede
/// (`Kabupaten Karawang, SpiritNews-Bedungan …`); not a web name's hyphen
/// (`Kabarsulsel-Indonesia.com |`).
fn site_glued_to_lede(before: &str, after: &str) -> bool {
    let next_word = after.split_whitespace().next().unwrap_or("");
    let mut chars = after.chars();
    site_comma_place(before)
        && before
            .rsplit(',')
            .next()
            .is_some_and(|s| media_compound(s.trim(), false))
        && chars.next().is_some_and(|c| c.is_uppercase())
        && chars.next().is_some_and(|c| c.is_lowercase())
        && !next_word.contains('.')
}

/// A one-word name, a comma and a known place of up to three words, either way round
/// (`Kabarintens, Kukar`, `NUNUKAN, infoSTI`).
fn site_comma_place(prefix: &str) -> bool {
    prefix.split_once(',').is_some_and(|(a, b)| {
        let (a, b) = (a.trim(), b.trim());
        let one = |w: &str| {
            !w.is_empty() && !w.contains([' ', ',']) && w.starts_with(|c: char| c.is_alphabetic())
        };
        let place = |p: &str| {
            (1..=3).contains(&p.split_whitespace().count()) && !p.contains(',') && is_known_city(p)
        };
        (one(a) && place(b) && !is_known_city(a)) || (place(a) && one(b) && !is_known_city(b))
    })
}

/// Balinese birth-order names that follow the article `I` (`I Wayan Koster`): after a place
/// in capitals `I` opens a name, not a pipe.
const BALINESE_NAMES: &[&str] = &[
    "wayan", "made", "nyoman", "ketut", "gede", "gusti", "putu", "komang", "kadek", "nengah",
    "dewa", "luh", "ida", "gde", "ngurah", "wyn", "nym", "kt", "md", "pt", "ngr", "gst", "agung",
    "bagus", "kompiang",
];

/// A known place in capitals alone before a capital I for a pipe, and the lede after it
/// (`LABUHANBATU I Seorang pria …`), not a Balinese name (`DENPASAR I Wayan …`).
fn caps_place_before_pipe(before: &str, after: &str) -> bool {
    let place = before.trim();
    let next = after.split_whitespace().next().unwrap_or("");
    place.len() > 3
        && is_all_caps(place)
        && place.split_whitespace().count() <= 3
        && is_known_city(place)
        && next.starts_with(|c: char| c.is_uppercase())
        && next.chars().skip(1).all(char::is_lowercase)
        && next.len() > 1
        && !BALINESE_NAMES.contains(&next.to_lowercase().as_str())
        // Nor a command's or a unit's number (`MEDAN I Bukit Barisan`): the lede's first
        // word goes on in lower case.
        && after
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Whether one word is a media word and a known place run together (`HARIANCILACAP`,
/// `RADARBOGOR`, `TANGSELXPRESS`, `DEPOKNET`).
pub(super) fn media_word_and_place(word: &str) -> bool {
    const FIRST: &[&str] = &[
        "harian", "radar", "warta", "kabar", "berita", "info", "suara",
    ];
    const LAST: &[&str] = &[
        "news", "xpress", "express", "ekspres", "post", "pos", "today", "net", "tv", "online",
    ];
    let low = word.to_lowercase();
    let place = |rest: &str| rest.len() >= 4 && is_known_place(rest);
    FIRST.iter().any(|f| low.strip_prefix(f).is_some_and(place))
        || LAST.iter().any(|l| low.strip_suffix(l).is_some_and(place))
}

/// A site's web name, its place, and the dash glued to the lede (`Site.id,
/// Jakarta-Masyarakat …`); not a route (`Site.id, Jakarta-Bandung …`).
pub(super) fn site_place_glued(before: &str, after: &str) -> bool {
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    before
        .split_once(',')
        .is_some_and(|(site, place)| is_domain(site.trim()) && is_known_city(place.trim()))
        && next_word.starts_with(|c: char| c.is_uppercase())
        && next_word.chars().skip(1).all(char::is_lowercase)
        && next_word.len() > 1
        && !is_known_place(next_word)
}

/// Where the `. ` a scraper put inside a domain starts, when `text` ends with one
/// (`TribuneIndonesia. Com`): a top-level domain alone after a full stop and a space, the
/// word before it glued to the stop.
pub(super) fn spaced_domain_end(text: &str) -> Option<usize> {
    let (head, tld) = text.rsplit_once(". ")?;
    let glued = head.chars().last().is_some_and(char::is_alphanumeric);
    (glued && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))).then_some(head.len())
}

/// A prefix with the space a scraper put inside its domain taken out (`MEDAN
/// TribuneIndonesia. Com` -> `MEDAN TribuneIndonesia.Com`).
pub(super) fn join_spaced_domain(prefix: &str) -> std::borrow::Cow<'_, str> {
    match spaced_domain_end(prefix) {
        Some(at) => format!("{}.{}", &prefix[..at], &prefix[at + 2..]).into(),
        None => prefix.into(),
    }
}

/// A place and a site glued by a hyphen (`Oelamasi-infontt.com`, `Oelamasi-InfoNTT.com`): a
/// title-case word, then a domain. Domains with a hyphen of their own are written in one
/// case (`POS-KUPANG.COM`, `tribun-papua.com`), and a media word before the hyphen is the
/// site's (`Pos-kupang.com`, `Tribun-Papua.com`).
pub(super) fn place_glued_to_site(part: &str) -> Option<(&str, &str)> {
    let (place, site) = part.split_once('-')?;
    let mut chars = place.chars();
    let title = chars.next().is_some_and(char::is_uppercase)
        && place.chars().count() >= 3
        && chars.all(char::is_lowercase);
    (title && is_domain(site) && !is_media_named(place)).then_some((place, site))
}

/// Finds the dash separating the prefix: ` - `, `--`, `---`, `–`, `—`, a replacement
/// character between spaces (a dash the text's encoding lost), `Word_ ` and `Word// ` or
/// `Word//Lede` (a
/// hyphen inside a word, `Prabowo-Gibran`, is not one). The rest starts after every dash,
/// stroke, underscore, colon or space that follows. Returns (prefix end, rest start) in bytes.
pub(super) fn find_separator(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    for (i, c) in line.char_indices() {
        if i > MAX_PREFIX {
            return None;
        }
        let spaced = i > 0 && b[i - 1] == b' ' && b.get(i + c.len_utf8()) == Some(&b' ');
        let glued_then_space = i > 0 && b[i - 1].is_ascii_alphabetic();
        let is_sep = match c {
            '\u{2013}' | '\u{2014}' => true,
            // A dash the text's encoding lost (`BANDAR LAMPUNG \u{fffd} Polisi`).
            '\u{fffd}' => spaced,
            // `SUKOHARJO = Budaya …`: an equals sign for the dash, after a known place alone
            // (`BBM = bahan bakar minyak` glosses a word).
            '=' => spaced && is_all_caps(line[..i].trim()) && is_known_city(line[..i].trim()),
            // A capital I for a pipe after a site's web name (`Bireuen-Realitasonline.id I
            // Kampanye …`).
            'I' => {
                spaced
                    && (line[..i - 1]
                        .rsplit([' ', ','])
                        .next()
                        .is_some_and(is_domain)
                        || caps_place_before_pipe(&line[..i - 1], &line[i + 2..]))
            }
            // A pipe between a site's web name and its place and the lede (`tobasatu.com,
            // Medan | Sejumlah …`), as a dash is; a pipe elsewhere parts a page's menu or a
            // kicker (`MEDAN, PSMS | Pelatih …`).
            '|' => {
                spaced
                    && site_comma_place(&line[..i - 1])
                    && line[..i - 1].split(',').any(|p| is_domain(p.trim()))
                    && line[i + 1..].trim_start().starts_with(char::is_uppercase)
            }
            // `Serdang Bedagai~ Bupati`: a tilde for the dash, after a known place alone.
            // Glued only: `Jakarta ~ Bandung` is a route.
            '~' => {
                glued_then_space
                    && b.get(i + 1) == Some(&b' ')
                    && is_header_part(line[..i].trim())
                    && is_known_city(line[..i].trim())
            }
            // `Waingapu_ Bupati`, `Kabupaten Cirebon// Bupati`: a theme's odd dash.
            '_' => glued_then_space && b.get(i + 1) == Some(&b' '),
            '/' => {
                glued_then_space
                    && b.get(i + 1) == Some(&b'/')
                    && b.get(i + 2)
                        .is_some_and(|&c| c == b' ' || c.is_ascii_uppercase())
            }
            '-' => {
                b.get(i + 1) == Some(&b'-')
                    || (i > 0 && b[i - 1] == b' ' && matches!(b.get(i + 1), None | Some(b' ')))
                    || (i > 0 && b[i - 1] != b' ' && glued_dash(&line[..i], b.get(i + 1), b.get(i + 2)))
                    || (i > 0 && b[i - 1] != b' ' && site_place_glued(&line[..i], &line[i + 1..]))
                    || (i > 0 && b[i - 1] != b' ' && site_glued_to_lede(&line[..i], &line[i + 1..]))
                    // `AMBON, AMEKS.FAJAR.CO.ID -Kecelakaan`: the dash glued to the lede,
                    // after a site's web name, or a site's name and a known place
                    // (`Kabarintens, Kukar -Dinas …`).
                    // A known place alone, its dash glued to the lede (`Kota Bima -Dalam
                    // rangka …`, `Pasaman Barat -Rapat …`); not a route, whose other end is
                    // a place too (`Jakarta -Bandung`).
                    || (i > 1
                        && b[i - 1] == b' '
                        && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                        && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
                        && place_glued_to_lede(line[..i - 1].trim(), &line[i + 1..]))
                    || (i > 1
                        && b[i - 1] == b' '
                        && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                        && (line[..i - 1]
                            .rsplit([' ', ','])
                            .next()
                            .is_some_and(is_domain)
                            || (b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
                                && site_comma_place(&line[..i - 1]))))
            }
            _ => false,
        };
        if is_sep {
            // The pipe's capital I is a letter: only the one standing for the pipe is skipped.
            let from = if c == 'I' { i + 1 } else { i };
            let rest = line[from..]
                .char_indices()
                .find(|&(_, ch)| {
                    !matches!(
                        ch,
                        '-' | '\u{2013}'
                            | '\u{2014}'
                            | ' '
                            | ':'
                            | '_'
                            | '/'
                            | '\u{fffd}'
                            | '='
                            | '~'
                            | '|'
                    )
                })
                .map_or(line.len(), |(k, _)| from + k);
            return Some((i, rest));
        }
    }
    None
}
