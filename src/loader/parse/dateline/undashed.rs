//! Datelines without a dash: a site and its place whose dash the scraper lost, a pipe or a
//! broken bar for the dash, a colon after the place, and a place and a site alone on their
//! line.

use super::*;

/// `Liputan6.com, Jakarta Kabar ...`: a site and its place whose dash the scraper lost. Only
/// a domain, then a known place of up to three words, then a capitalised word.
pub(super) fn unseparated(line: &str) -> Option<Dateline> {
    let (site, after) = line.split_once(", ")?;
    if !is_domain(site) || site.contains(' ') {
        return None;
    }
    let words: Vec<&str> = after.split(' ').take(4).collect();
    (1..words.len().min(4)).rev().find_map(|n| {
        let place = words[..n].join(" ");
        let next_capital = words[n].chars().next().is_some_and(char::is_uppercase);
        (next_capital && is_header_part(&place) && is_known_city(&place)).then(|| Dateline {
            outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
            city: Some(title_case(&place)),
            rest: site.len() + 2 + place.len() + 1,
            strong: true,
        })
    })
}

/// A site's name as it stands beside a place: a web name, a name made with a media word, one
/// word with a capital inside (`JaringPos`), or up to three words in capitals that are no
/// known place.
fn is_site_name(site: &str) -> bool {
    let camel = !site.contains(' ') && site.len() >= 4 && separated::inner_capital(site);
    // Five letters at least: a club's or a body's acronym is shorter (`MEDAN, PSMS |`).
    let caps = is_all_caps(site)
        && site.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && site.split_whitespace().count() <= 3
        && !is_known_city(site)
        && !crate::regions::is_province_name(site);
    is_header_part(site)
        && !super::super::date_words::is_calendar_word(site)
        && (is_domain(site) || is_media_named(site) || camel || caps)
}

/// A site's place in capitals glued by two pipes to its web name, and the lede after a space
/// (`BULUKUMBA||Site-news.com Marak …`).
pub(super) fn double_pipe_dateline(line: &str) -> Option<Dateline> {
    let (place, after) = line.split_once("||")?;
    let (site, lede) = after.trim_start().split_once(' ')?;
    let place = place.trim();
    (place.len() <= 30
        && is_all_caps(place)
        && is_header_part(place)
        && is_known_city(place)
        && is_domain(site)
        && lede.starts_with(char::is_uppercase))
    .then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest: line.len() - lede.len(),
        strong: true,
    })
}

/// A pipe or a broken bar for the dash (`MEDAN, KabarMedan.com | Di Provinsi ...`, `Lebak ¦
/// Gabungan ...`): a known place with a site, or a known place alone, before it.
pub(super) fn pipe_dateline(line: &str) -> Option<Dateline> {
    let (prefix, rest) = line
        .split_once(" | ")
        .or_else(|| line.split_once(" \u{a6} "))?;
    // Place and web name each boxed by a pipe (`Sungai Penuh, | Deraphukum.click | pada
    // Rabu …`): the web name makes it a dateline whatever case the text after it takes.
    if let Some((site, lede)) = rest.split_once(" | ")
        && let place = prefix.trim().trim_end_matches(',').trim()
        && is_domain(site.trim())
        && !lede.trim().is_empty()
        && is_known_city(place)
        && is_header_part(place)
    {
        return Some(Dateline {
            outlet: Some(normalize_outlet(site.trim())).filter(|s| !s.is_empty()),
            city: Some(title_case(place)),
            rest: line.len() - lede.len(),
            strong: true,
        });
    }
    // A web name alone after the pipe is the site's (`Banda Aceh | SITE.com`, [`own_line`]).
    if prefix.len() > 60 || !rest.starts_with(char::is_uppercase) || is_domain(rest.trim()) {
        return None;
    }
    // The site's web name alone before the pipe, then the lede (`WahanaNews.co | KPK
    // memeriksa …`): a paragraph of sentences after it, not a page's title (`Site.com |
    // Berita Terkini`).
    if is_domain(prefix.trim()) && !prefix.trim().contains(' ') && is_paragraph(rest) {
        return Some(Dateline {
            outlet: Some(normalize_outlet(prefix.trim())).filter(|s| !s.is_empty()),
            city: None,
            rest: line.len() - rest.len(),
            strong: true,
        });
    }
    let at = line.len() - rest.len();
    match prefix.split_once(',') {
        Some((place, site)) if is_known_city(place.trim()) && is_site_name(site.trim()) => {
            Some(Dateline {
                outlet: Some(normalize_outlet(site.trim())).filter(|s| !s.is_empty()),
                city: Some(title_case(place.trim())),
                rest: at,
                strong: true,
            })
        }
        None if is_known_city(prefix.trim()) && is_header_part(prefix.trim()) => Some(Dateline {
            outlet: None,
            city: Some(title_case(prefix.trim())),
            rest: at,
            strong: false,
        }),
        _ => None,
    }
}

/// `Jakarta: Presiden ...`, the dateline some sites end with a colon: only a place named
/// bare (`Bupati Serang: Kami ...` is a headline's speaker), and only before a paragraph of
/// sentences (`Jakarta: 1.204 kasus` opens a list, `Jakarta: Banjir Surut` is a headline).
pub(super) fn colon_dateline(line: &str) -> Option<Dateline> {
    let (prefix, after) = line.split_once(": ")?;
    let starts_sentence = after.chars().next().is_some_and(char::is_uppercase);
    // A place and its agency in brackets spaced out (`SEMARANG ( Merdeka News ): ...`).
    if let Some((place, inner)) = prefix.split_once('(')
        && let Some(agency) = inner.trim_end().strip_suffix(')')
        && starts_sentence
        && is_known_city(place.trim())
        && is_media_named(agency.trim())
    {
        return Some(Dateline {
            outlet: Some(normalize_outlet(agency.trim())).filter(|s| !s.is_empty()),
            city: Some(title_case(place.trim())),
            rest: prefix.len() + 2,
            strong: true,
        });
    }
    // A known place and its site's name, then the colon, over a paragraph (`Ambon, Warta
    // Maluku: Banjir …`): a site's name as [`is_site_name`] reads it, or two or three
    // title-case words one of them a place (a site named after its province).
    let paragraph = is_paragraph(after);
    if let Some((place, site)) = prefix.split_once(',')
        && let (place, site) = (place.trim(), site.trim())
        && starts_sentence
        && paragraph
        && is_header_part(place)
        && is_known_city(place)
        && !is_known_city(site)
        && !crate::regions::is_province_name(site)
        && (is_site_name(site) || {
            let ws: Vec<&str> = site.split_whitespace().collect();
            (2..=3).contains(&ws.len())
                && is_header_part(site)
                && ws
                    .iter()
                    .any(|w| is_known_city(w) || crate::regions::is_province_name(w))
                && !ws.iter().any(|w| {
                    super::super::people::is_unit_word(w)
                        || OFFICE_WORDS.contains(&lower(w).as_str())
                })
        })
    {
        return Some(Dateline {
            outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
            city: Some(title_case(place)),
            rest: prefix.len() + 2,
            strong: true,
        });
    }
    // A site, its colon, then a dash dateline with the place (`OUTLET.COM: WAKATOBI - ...`).
    if is_domain(prefix.trim())
        && let Some(d) = by_separator(after)
        && d.outlet.is_none()
        && d.city.is_some()
    {
        let at = prefix.len() + 2;
        return Some(Dateline {
            outlet: Some(normalize_outlet(prefix.trim())).filter(|s| !s.is_empty()),
            rest: d.rest + at,
            strong: true,
            ..d
        });
    }
    // A site's name in capitals glued to its place by a hyphen (`BICARAINDONESIA-Medan :
    // Sebanyak …`).
    if let Some((site, place)) = prefix.trim_end().split_once('-')
        && starts_sentence
        && site.len() >= 4
        && is_all_caps(site)
        && !site.contains(' ')
        && !is_known_city(site)
        && place.split_whitespace().count() <= 3
        && is_header_part(place)
        && is_known_city(place)
    {
        return Some(Dateline {
            outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
            city: Some(title_case(place)),
            rest: prefix.len() + 2,
            strong: true,
        });
    }
    // A place and a domain before the colon (`AMBON,TM.ID : Selasa ...`) are a dateline
    // whatever follows, as they are alone on a line.
    if prefix.len() <= 40
        && starts_sentence
        && let Some(d) = own_line(prefix.trim_end())
    {
        return Some(Dateline {
            rest: prefix.len() + 2,
            ..d
        });
    }
    // The place as written, with a space before the colon or not (`Bandar Lampung : ...`).
    let place = prefix.trim_end();
    let bare_place = CITIES.contains(&lower(place).as_str())
        || (crate::regions::is_place_name(place)
            && place.split_whitespace().count() <= 3
            && !place.contains('.'));
    (place.len() <= 40 && starts_sentence && paragraph && is_header_part(place) && bare_place).then(
        || Dateline {
            outlet: None,
            city: Some(title_case(place)),
            rest: prefix.len() + 2,
            strong: false,
        },
    )
}

/// Twelve words or more with a sentence's end: a lede, not a headline.
fn is_paragraph(text: &str) -> bool {
    text.split_whitespace().nth(11).is_some()
        && (text.trim_end().ends_with('.') || text.contains(". "))
}

/// A known place and the day alone on a line, as a release heads its text (`Jember, 21
/// Januari 2022`): a dateline, and the page's stamp too.
pub(in crate::loader::parse) fn place_and_day(line: &str) -> Option<Dateline> {
    let (a, b) = line.trim_end_matches('.').split_once(',')?;
    let (a, b) = (a.trim(), b.trim());
    (day_words(b) && is_header_part(a) && is_known_city(a)).then(|| Dateline {
        outlet: None,
        city: Some(title_case(a)),
        rest: line.len(),
        strong: true,
    })
}

/// A dateline alone on its line with no dash (`Deli Serdang, MISTAR.ID`, `BERITABALI.COM,
/// BULELENG.`, `MEDAN | site.com`): a place and a domain, nothing more, or a place and the
/// day ([`place_and_day`]); the lead is the next paragraph.
///
/// Beside a domain, a district's name counts in any case (`Pancur Batu, desernews.com`); a
/// site's name in capitals after a known place stands without one (`Palembang, SN`,
/// `GROBOGAN, WARTA JAVAINDO`), and so does one named after a place in title case
/// (`Bukittinggi, Padang Expo`), but not a province or another place (`BANDUNG, JAWA BARAT`,
/// `Bukittinggi, Padang Panjang` list places).
pub(super) fn own_line(line: &str) -> Option<Dateline> {
    if let Some(d) = place_and_day(line) {
        return Some(d);
    }
    let line_end = line.len();
    let line = line.trim_end_matches(['.', '|', ' ']);
    // A known place glued by a hyphen to its site's one-word name made with a media word
    // and a capitalised other part (`Nias-SuaraNias`; not `Bandung-Informasi`).
    if let Some((place, site)) = line.split_once('-')
        && !site.contains([' ', '-'])
        && is_header_part(place)
        && is_known_city(place)
        && !is_known_city(site)
        && media_compound(site, false)
    {
        return Some(Dateline {
            outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
            city: Some(title_case(place)),
            rest: line_end,
            strong: true,
        });
    }
    let (a, b) = line.split_once([',', '|'])?;
    let (a, b) = (a.trim(), b.trim());
    // `Kab.Bogor`: the scraper lost the space after the abbreviation.
    let spaced = |p: &str| match p.get(..4) {
        Some(k) if k.eq_ignore_ascii_case("kab.") && !p[4..].starts_with(' ') => {
            format!("{k} {}", title_case(&p[4..]))
        }
        _ => p.to_string(),
    };
    let (site, place) = match (is_domain(a), is_domain(b)) {
        (true, false) => (a, spaced(b)),
        (false, true) => (b, spaced(a)),
        (false, false) => {
            let site_in_caps = is_all_caps(b)
                && (2..=30).contains(&b.len())
                && b.split_whitespace().count() <= 3
                && !is_known_city(b)
                && !crate::regions::is_province_name(b)
                && !crate::regions::is_district_name(b)
                && !b.eq_ignore_ascii_case("indonesia")
                // A unit or a kicker (`GARUT, DISKOMINFO`, `BANDUNG, BREAKING NEWS`), or a
                // person (`MEDAN, BUDI SANTOSO`), is no site.
                && !b.split_whitespace().any(super::super::people::is_unit_word)
                && !KICKERS.contains(&lower(b).as_str())
                && !(b.contains(' ')
                    && !is_media_named(b)
                    && super::super::people::person(&title_case(b)).is_some())
                && !b
                    .split_whitespace()
                    .any(super::super::date_words::is_calendar_word);
            // A site named after a place, in title case (`Bukittinggi, Padang Expo`): two or
            // three words, the first a known place, the whole none.
            let words: Vec<&str> = b.split_whitespace().collect();
            let site_titled = (2..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().skip(1).any(char::is_lowercase)
                })
                && is_known_city(words[0])
                && !is_known_city(b)
                // `Malang Raya`, `Bandung Utara`: an area, not a site.
                && !words[1..].iter().all(|w| {
                    matches!(
                        lower(w).as_str(),
                        "raya" | "utara" | "selatan" | "barat" | "timur" | "tengah" | "kota"
                            | "baru" | "lama" | "besar" | "kecil" | "hulu" | "hilir"
                    )
                })
                && !crate::regions::is_province_name(b)
                && !crate::regions::is_district_name(b)
                && !words
                    .iter()
                    .any(|w| super::super::date_words::is_calendar_word(w));
            let place = a.trim_end_matches(['.', ' ']);
            if !((site_in_caps || site_titled)
                && is_header_part(place)
                && is_known_city(place)
                && !crate::regions::is_province_name(place))
            {
                return None;
            }
            (b, place.to_string())
        }
        _ => return None,
    };
    let known =
        is_known_city(&place) || (is_domain(site) && crate::regions::is_district_name(&place));
    (is_header_part(&place) && is_header_part(site) && known).then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(&place)),
        rest: line_end,
        strong: true,
    })
}

/// A place alone on the line over the lede (`Jakarta`, `KOTA CONTOH,`): a dateline the page
/// set on its own line with no outlet. Read only on the first line under the headline.
pub(in crate::loader::parse) fn lone_place(line: &str) -> Option<Dateline> {
    let place = line
        .trim()
        // `BLORA.-`: a stop before the dash.
        .trim_end_matches([',', '-', '\u{2013}', '\u{2014}', ':', ' ', '.']);
    (place.split_whitespace().count() <= 3
        && !place.contains(['.', ',', '(', '/'])
        && is_header_part(place)
        && is_known_city(place))
    .then(|| Dateline {
        outlet: None,
        city: Some(title_case(place)),
        rest: line.len(),
        strong: false,
    })
}

/// A known place and its site in brackets, no dash, the lede glued on or a space after
/// (`Medan(MedanPunya) Sidang …`), or alone on the line over the lede (`Medan
/// (harianSIB.com)`).
pub(super) fn place_then_bracketed_site(line: &str) -> Option<Dateline> {
    let (place, after) = line.split_once('(')?;
    let (site, lede) = after.split_once(')')?;
    // Alone on its line, a site's web or media name in brackets makes the line a dateline
    // however the place is written.
    let alone = lede.trim().is_empty() && (is_domain(site) || is_media_named(site));
    // Glued (`Medan(`) or in capitals (`MEDAN (`): `Bupati Kotawaringin Barat (Kobar)
    // Nurhidayah …` is a sentence with an acronym in brackets.
    if !(alone || place.ends_with(|c: char| c.is_alphabetic()) || is_all_caps(place.trim())) {
        return None;
    }
    let place = place.trim();
    let lede_start = line.len() - lede.trim_start().len();
    (place.split_whitespace().count() <= 3
        && !is_known_city(site)
        && is_header_part(place)
        && is_known_city(place)
        && !site.contains(' ')
        && (3..=30).contains(&site.len())
        && (site.chars().next().is_some_and(char::is_uppercase) || (alone && is_domain(site)))
        && (alone || lede.trim_start().starts_with(char::is_uppercase)))
    .then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest: lede_start,
        strong: true,
    })
}

/// A known place, a comma, and a site's web name glued to the lede's first word
/// (`PAMEKASAN, Site.co.idPuluhan warga …`).
pub(super) fn place_then_glued_site(line: &str) -> Option<Dateline> {
    let (place, after) = line.split_once(", ")?;
    if !(is_header_part(place) && is_known_city(place)) {
        return None;
    }
    let word = after.split(' ').next()?;
    let (site, glued) = split_after_tld(word)?;
    (is_domain(site) && glued.len() >= 2).then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest: place.len() + 2 + site.len(),
        strong: true,
    })
}

/// A word that is a web name glued to a capital (`Site.co.idPuluhan`, `PAPUAinside.comJAYAPURA`):
/// the web name and what is glued to it.
fn split_after_tld(word: &str) -> Option<(&str, &str)> {
    let low = word.to_ascii_lowercase();
    TLDS.iter().find_map(|tld| {
        let dotted = format!(".{tld}");
        let at = low.find(&dotted)? + dotted.len();
        let glued = word.get(at..)?;
        glued
            .starts_with(|c: char| c.is_ascii_uppercase())
            .then(|| (&word[..at], glued))
    })
}

/// A site's web name glued to its place in capitals, then a dash (`PAPUAinside.comJAYAPURA –
/// Kapolda …`), or the place's own dash and the desk's code (`eQuator.co.idPONTIANAK-RK.
/// Pemerintah …`).
pub(super) fn site_glued_to_place(line: &str) -> Option<Dateline> {
    let token = line.split(' ').next()?;
    let (site, tail) = split_after_tld(token)?;
    let (place, code) = match tail.split_once(['-', '\u{2013}', '\u{2014}']) {
        Some((p, c)) => (p, Some(c.trim_end_matches('.'))),
        None => (tail, None),
    };
    if !(is_domain(site) && place.len() > 3 && is_all_caps(place) && is_known_city(place)) {
        return None;
    }
    let after = line[token.len()..].trim_start();
    let lede = match code {
        // A desk's code is a few capitals (`RK`), or nothing.
        Some(c) if c.len() <= 4 && c.chars().all(|ch| ch.is_ascii_uppercase()) => after,
        Some(_) => return None,
        None => after
            .strip_prefix(['-', '\u{2013}', '\u{2014}'])
            .map(str::trim_start)?,
    };
    lede.starts_with(char::is_uppercase).then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest: line.len() - lede.len(),
        strong: true,
    })
}

/// A known place in capitals closed by a full stop (`JAKARTA. Sebagai upaya …`), as some
/// releases and papers set their dateline.
pub(super) fn place_then_stop(line: &str) -> Option<Dateline> {
    stopped_place(line, |place, _| is_all_caps(place) && is_known_city(place))
}

/// A regency's or a city's name in title case closed by a full stop over a paragraph
/// (`Sambas. Bertahun-tahun warga …`). Read only on the first line under the headline: a
/// line the scraper broke mid-sentence opens so too (`… Ketergantungan Obat (RSKO)` over
/// `Jakarta. Selama …`).
pub(in crate::loader::parse) fn titled_place_then_stop(line: &str) -> Option<Dateline> {
    stopped_place(line, |place, lede| {
        is_header_part(place)
            && crate::regions::is_place_name(place)
            && lede.split_whitespace().nth(7).is_some()
    })
}

/// A place of up to three words closed by a full stop, then a capitalised lede, that
/// `fits`: the weak dateline it makes.
fn stopped_place(line: &str, fits: impl Fn(&str, &str) -> bool) -> Option<Dateline> {
    let (place, lede) = line.split_once(". ")?;
    (place.split_whitespace().count() <= 3
        && place.len() > 3
        && lede.starts_with(char::is_uppercase)
        && fits(place, lede))
    .then(|| Dateline {
        outlet: None,
        city: Some(title_case(place)),
        rest: place.len() + 2,
        strong: false,
    })
}

/// A known place in capitals closed by a comma, then a paragraph (`MIMIKA, Pemerintah
/// Kabupaten …`): the dateline of a page that dropped its dash. Not a list of places
/// (`BANDUNG, JAWA BARAT`, `BANDUNG, Cimahi dan Garut …`) nor a heading (the lede runs on as
/// a sentence).
pub(super) fn place_then_comma(line: &str) -> Option<Dateline> {
    let (place, lede) = line.split_once(", ")?;
    if place.split_whitespace().count() > 3
        || place.len() <= 3
        || !is_all_caps(place)
        || !is_known_city(place)
    {
        return None;
    }
    let mut ws = lede.split_whitespace();
    let first = ws.next()?;
    let second = ws.next().unwrap_or_default();
    let place_like = |w: &str| {
        let w = w.trim_end_matches(',');
        is_known_city(w)
            || crate::regions::is_province_name(w)
            || crate::regions::is_district_name(w)
    };
    let paragraph = lede.split_whitespace().nth(7).is_some()
        && (lede.trim_end().ends_with(['.', '"', '\u{201d}']) || lede.contains(". "));
    (first.starts_with(char::is_uppercase)
        && first.chars().skip(1).any(char::is_lowercase)
        && !place_like(first)
        && !place_like(&format!("{first} {second}"))
        && paragraph)
        .then(|| Dateline {
            outlet: None,
            city: Some(title_case(place)),
            rest: place.len() + 2,
            strong: false,
        })
}

/// A known place and the day in brackets, the scraper's dash lost before the lede (`Kota
/// Kupang (25/01/2016) Pemerintah …`): no sentence opens on a place, a bracketed date and a
/// capital.
pub(super) fn place_then_bracketed_day(line: &str) -> Option<Dateline> {
    let (place, after) = line.split_once(" (")?;
    let (day, lede) = after.split_once(") ")?;
    (separated::numeric_day(day)
        && day.len() >= 6
        && (1..=3).contains(&place.split_whitespace().count())
        && is_header_part(place)
        && is_known_city(place)
        && lede.starts_with(char::is_uppercase)
        && lede.split_whitespace().nth(3).is_some())
    .then(|| Dateline {
        outlet: None,
        city: Some(title_case(place)),
        rest: place.len() + 2 + day.len() + 2,
        strong: true,
    })
}
