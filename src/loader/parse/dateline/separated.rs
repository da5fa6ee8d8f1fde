//! Datelines ended by a dash or a stroke: a place, a site or both before it, in every order
//! and punctuation the detector reads (`JAKARTA, KOMPAS.com -`, `Jakarta (ANTARA) -`,
//! `Kupang, Jubi -`, `tegas.co, KOLAKA, SULTRA -`, `Gorontalo, 27 Oktober 2019 –`).

use super::*;

/// A day written in words after a dateline's place (`27 Oktober 2019`, `Senin 3 Maret`).
pub(super) fn day_words(day: &str) -> bool {
    let ws: Vec<&str> = day.split_whitespace().collect();
    (2..=3).contains(&ws.len())
        && ws
            .iter()
            .any(|w| super::super::date_words::is_calendar_word(w))
        && ws.iter().all(|w| {
            super::super::date_words::is_calendar_word(w)
                || (w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit()))
        })
}

/// A day in digits and slashes (`10/03/25`, `25/01/2016`).
pub(super) fn numeric_day(day: &str) -> bool {
    day.contains('/') && day.chars().all(|c| c.is_ascii_digit() || c == '/')
}

/// Words naming a place's kind below the district, that open a village's name (`Nagari
/// Sumpur`, `Gampong Lamteh`, `Desa Sukamaju`).
const VILLAGE_KINDS: &[&str] = &[
    "desa",
    "kelurahan",
    "nagari",
    "jorong",
    "gampong",
    "kampung",
    "dusun",
    "negeri",
    "distrik",
    "pulau",
    "kecamatan",
];

/// A place the gazetteer does not hold, before a day with its year and a dash (`Nagari
/// Sumpur, 30 November 2025 —`): a village named with its kind, or a district.
fn unlisted_place_and_year(place: &str, day: &str) -> bool {
    let words: Vec<&str> = place.split_whitespace().collect();
    let village = (2..=4).contains(&words.len())
        && VILLAGE_KINDS.contains(&lower(words[0]).as_str())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (village || crate::regions::is_district_name(place))
        && day
            .split_whitespace()
            .any(|w| w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
        && is_header_part(place)
}

/// A known town and its province's name or short form after it (`Bengkalis Riau`, `Mataram
/// NTB`): the town, the longest that fits.
fn town_then_province(words: &[&str]) -> Option<String> {
    (1..words.len())
        .rev()
        .map(|k| (words[..k].join(" "), words[k..].join(" ")))
        .find(|(town, province)| {
            crate::regions::is_province_name(province)
                && is_header_part(town)
                && is_known_city(town)
                && !crate::regions::is_province_name(town)
        })
        .map(|(town, _)| town)
}

/// A dateline ended by a dash.
pub(super) fn by_separator(line: &str) -> Option<Dateline> {
    let (sep, rest) = find_separator(line)?;
    let prefix = line[..sep]
        .trim()
        .trim_end_matches(',')
        .trim_end_matches('.')
        .trim();
    if prefix.is_empty() {
        return None;
    }
    // A comma typed for a web name's last point (`Pangkalpinang, growmedia-indo,com–`).
    let mended;
    let prefix = match prefix.rsplit_once(',') {
        Some((head, tld))
            if matches!(tld, "com" | "id" | "co.id" | "net" | "org")
                && head.rsplit([',', ' ']).next().is_some_and(|h| {
                    h.len() >= 3 && !h.contains('.') && is_domain(&format!("{h}.{tld}"))
                }) =>
        {
            mended = format!("{head}.{tld}");
            mended.as_str()
        }
        _ => prefix,
    };
    // The site's name and its place together in brackets (`(Matra, Jambi) –`), either way
    // round: the known place decides.
    if let Some(inner) = prefix.strip_prefix('(').and_then(|p| p.strip_suffix(')'))
        && let Some((x, y)) = inner.split_once(',')
        && let (x, y) = (x.trim(), y.trim())
        && !y.contains(',')
        && [x, y]
            .iter()
            .all(|p| (1..=2).contains(&p.split_whitespace().count()) && is_header_part(p))
        && line[rest..].starts_with(char::is_uppercase)
        && let Some((site, place)) = match (is_known_city(x), is_known_city(y)) {
            (false, true) => Some((x, y)),
            (true, false) => Some((y, x)),
            _ => None,
        }
        // A day is no site (`(Senin, Jambi)`).
        && !site.split_whitespace().any(super::super::date_words::is_calendar_word)
    {
        return Some(site_and_place(site, place, rest));
    }
    // A place, perhaps its province's short form, then the day in brackets (`Kota Sorong,
    // PBD (10/03/25) –`, `LOMBOK (9 Desember 2024) –`).
    if let Some((place, inner)) = prefix.split_once('(')
        && let Some(day) = inner.strip_suffix(')').map(str::trim)
        && (day_words(day) || numeric_day(day))
        && let mut place_parts = place.split(',').map(str::trim)
        && let city = place_parts.next().unwrap_or("")
        && place_parts.all(|q| is_all_caps(q) && !q.contains(' '))
        && is_header_part(city)
        && (is_known_city(city) || (is_all_caps(city) && city.len() > 3))
        && line[rest..].starts_with(char::is_uppercase)
    {
        return Some(Dateline {
            outlet: None,
            city: Some(title_case(city)),
            rest,
            strong: true,
        });
    }
    // `Jakarta (ANTARA) -`, `JAKARTA (Reuters) -`, `Sidoarjo (republikjatim.com) -`: the
    // city, then the agency in brackets; the city may carry its province or the day
    // (`Bandung, Jawa Barat (ANTARA News) -`, `BLORA, 14/10 (BeritaJateng.net) -`).
    if let Some((place, inner)) = prefix.split_once('(')
        && let Some(agency) = inner.strip_suffix(')')
    {
        let mut place_parts = place.split(',').map(str::trim);
        let city = place_parts.next().unwrap_or("");
        let qualified = place_parts.all(|q| {
            is_all_caps(q)
                || is_known_city(q)
                || (!q.is_empty() && q.chars().all(|c| c.is_ascii_digit() || c == '/'))
        });
        let agency = agency.trim();
        // A comma typed for the point of a web name (`GRESIK (global-news.co,id) –`).
        let mended = agency.replace(',', ".");
        // A web name written with spaces for its points (`TASIKMALAYA (TUGU BANDUNG ID), –`,
        // tugubandung.id): a site, not a place.
        let spaced = agency.split_whitespace().collect::<Vec<_>>();
        let spelt = match spaced.as_slice() {
            // Only the common suffixes: `ANTARA NEWS` is an agency's name.
            [name @ .., tld]
                if (1..=3).contains(&name.len())
                    && is_all_caps(agency)
                    && matches!(*tld, "ID" | "COM" | "NET" | "ORG") =>
            {
                format!("{}.{}", name.concat(), tld.to_lowercase())
            }
            _ => String::new(),
        };
        let agency = if agency.contains(',') && !agency.contains(' ') && is_domain(&mended) {
            mended.as_str()
        } else if !spelt.is_empty() && is_domain(&spelt) {
            spelt.as_str()
        } else {
            agency
        };
        let domain = is_domain(agency);
        // A site's one-word name in lower case beside a known place (`TERNATE (kalesang) –`).
        let lower_site = is_known_city(city)
            && (4..=24).contains(&agency.len())
            && agency.chars().all(|c| c.is_ascii_alphanumeric());
        let agency_ok = (domain
            || lower_site
            || (agency.chars().next().is_some_and(char::is_uppercase)
                && (1..=2).contains(&agency.split_whitespace().count())))
            && !agency.contains(['(', ',']);
        // Only a known place, or a place in capitals beside an agency in capitals or a
        // domain (`TEGALREJO (MERAPI) -`): `BNN (Badan Narkotika) -` opens prose as often as
        // a dateline.
        // A town the gazetteer does not hold may stand before a news agency's name too
        // (`Singaraja (Antara Bali) - Warga`), when a sentence starts after the dash.
        let sentence_after = line[rest..].starts_with(char::is_uppercase);
        let place_ok = is_known_city(city)
            || (is_all_caps(city) && (domain || is_all_caps(agency)) && city.len() > 3)
            // A site's web name, then its place in brackets (`PORTALLNEWS.ID ( Bandar
            // Lampung ) —`): read the other way round below.
            || (is_domain(city) && is_known_city(agency))
            // A site's name, then its place in capitals in brackets (`Seputar Kalbar
            // (SAMBAS) –`): read the other way round below.
            || (is_all_caps(agency)
                && agency.len() > 3
                && is_known_city(agency)
                && !is_known_city(city)
                && city.len() > 3
                && !city.split_whitespace().any(|w| {
                    super::super::people::is_unit_word(w)
                        || OFFICE_WORDS.contains(&lower(w).as_str())
                })
                && sentence_after)
            || (city.split_whitespace().count() <= 2
                && city.len() > 3
                && is_media_named(agency)
                && sentence_after)
            // A town the gazetteer does not hold before a web name in brackets
            // (`Timika (suaramimika.com) –`).
            || (domain && sentence_after && !city.contains(' ') && city.chars().count() >= 5)
            // A town in capitals before a site named by its region run into a word
            // (`SUNGAI PAKNING (Riaulantang) –`).
            // Two words at least, or a known place: one word in capitals is as often a
            // body's or a club's name (`PERSEBAYA (Surabayajaya) –`).
            || (is_all_caps(city)
                && (city.contains(' ') || is_known_city(city))
                && region_run_site(agency)
                && sentence_after);
        if qualified && is_header_part(city) && place_ok && agency_ok {
            return Some(Dateline {
                outlet: Some(normalize_outlet(agency)).filter(|s| !s.is_empty()),
                city: Some(title_case(city)).filter(|s| !s.is_empty()),
                rest,
                strong: true,
            });
        }
    }
    // A site's web name, a space and its place (`trendingpublik.com BOROKO –`, `Site.com
    // Bengkalis Riau,-`): in capitals any place, for the web name vouches for the shape;
    // otherwise a known one, its province after it or not. The web name may be spaced
    // after a word of the site's name (`Bulenon News.Com Tanjab Barat –`).
    // Not a credit's or a citation's word before the web name (`Dok Tribunnews.com
    // JEPRIMA –`, `Dikutip Kompas.com Surabaya –`); and beside such a name only a known
    // place, for a name in capitals after it is as often a photographer's.
    let spaced_site = prefix.match_indices(' ').take(2).find_map(|(i, _)| {
        let site = &prefix[..i];
        let last = site.rsplit(' ').next().unwrap_or(site);
        (is_domain(last)
            && site.split(' ').rev().skip(1).all(|w| {
                w.starts_with(char::is_uppercase) && !CREDIT_WORDS.contains(&lower(w).as_str())
            }))
        .then(|| (site, &prefix[i + 1..]))
    });
    if let Some((site, place)) = spaced_site
        && is_domain(site.rsplit(' ').next().unwrap_or(site))
        && let place = place.trim().trim_end_matches(',')
        && (!site.contains(' ') || is_known_city(place))
        && line[rest..].starts_with(char::is_uppercase)
    {
        let words: Vec<&str> = place.split_whitespace().collect();
        let place = if let Some(town) = town_then_province(&words) {
            Some(town)
        } else if (1..=3).contains(&words.len())
            && is_header_part(place)
            && ((is_all_caps(place) && place.len() > 3) || is_known_city(place))
        {
            Some(place.to_string())
        } else {
            None
        };
        if let Some(place) = place {
            return Some(site_and_place(site, &place, rest));
        }
    }
    // A known place, a space and its site's web name (`Jembrana suarajembrana.com –`).
    if let Some((place, site)) = prefix.rsplit_once(' ')
        && is_domain(site)
        && let place = place.trim().trim_end_matches(',')
        && (1..=3).contains(&place.split_whitespace().count())
        && is_header_part(place)
        && is_known_city(place)
        && line[rest..].starts_with(char::is_uppercase)
    {
        return Some(site_and_place(site, place, rest));
    }
    // A known place, then its site's one-word name in lower case (`Padang Panjang, pasbana
    // –`) or with a capital inside (`Maumere, GardaFlores –`), or its province's name or
    // short form with no comma (`Mataram NTB -`).
    if let Some((place, site)) = prefix.split_once(',')
        && let (place, site) = (place.trim(), site.trim())
        && (4..=24).contains(&site.len())
        && ((site.starts_with(|c: char| c.is_ascii_lowercase())
            && site
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
            || camel_word(site))
        && !super::super::date_words::is_calendar_word(site)
        && !PROSE_OPENERS.contains(&site)
        && is_header_part(place)
        // Only a known place: brands are written with a capital inside too (`Ternyata,
        // WhatsApp – …`, `Google, YouTube – …`).
        && is_known_city(place)
        && line[rest..].starts_with(char::is_uppercase)
    {
        return Some(site_and_place(site, place, rest));
    }
    if !prefix.contains(',')
        && !is_known_city(prefix)
        && let words = prefix.split_whitespace().collect::<Vec<_>>()
        && (2..=4).contains(&words.len())
        && line[rest..].starts_with(char::is_uppercase)
        && let Some(town) = town_then_province(&words)
    {
        return Some(Dateline {
            outlet: None,
            city: Some(title_case(&town)),
            rest,
            strong: true,
        });
    }
    // A place and the day (`Jakarta, 15/8 -`, `Gorontalo, 27 Oktober 2019 –`), as an
    // agency's or a release's datelines write it.
    if let Some((place, day)) = prefix.split_once(',')
        && let day = day.trim()
        && (((3..=5).contains(&day.len())
            && day.split_once('/').is_some_and(|(d, m)| {
                !d.is_empty()
                    && !m.is_empty()
                    && d.len() <= 2
                    && m.len() <= 2
                    && d.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
            }))
            || day_words(day))
        && (is_known_city(place.trim()) || unlisted_place_and_year(place.trim(), day))
    {
        return Some(Dateline {
            outlet: None,
            city: Some(title_case(place.trim())),
            rest,
            strong: true,
        });
    }
    // A site's name and its place in capitals parted by a full stop (`INFO INDONESIA.
    // JAKARTA -`).
    if let Some((site, place)) = prefix.rsplit_once(". ")
        && is_all_caps(place)
        && is_known_city(place)
        && is_header_part(site)
        && !is_known_city(site)
        && !is_known_city(prefix)
    {
        return Some(site_and_place(site, place, rest));
    }
    // A site's name and its place joined by a full stop (`SURON.Trenggalek –`), or a place
    // and a site parted by a capital I for a pipe (`Denpasar I barometerbali –`).
    let joined_pair = prefix
        .split_once('.')
        .filter(|_| !prefix.contains(' ') && !is_domain(prefix))
        .or_else(|| prefix.split_once(" I ").map(|(place, site)| (site, place)));
    if let Some((site, place)) = joined_pair
        && let Some(d) = one_word_site_and_place(site, place, line, rest)
    {
        return Some(d);
    }
    // A site's one-word name, in any case, then a known place and the lede (`titastory,
    // Ambon – Hujan …`): no sentence opens on a word, a comma, a place and a dash.
    if let Some((site, place)) = prefix.split_once(',')
        && let (site, place) = (site.trim(), place.trim())
        && site.len() >= 4
        && !super::super::date_words::is_calendar_word(site)
        && !PROSE_OPENERS.contains(&lower(site).as_str())
        && let Some(d) = one_word_site_and_place(site, place, line, rest)
    {
        return Some(d);
    }
    // A place and its site's web name parted by a slash (`PALANGKA RAYA/TABENGAN.CO.ID-`,
    // `SAMPIT/TABENGAN.COM –`): a photo credit's shape, but the dash opens a lede.
    // Or a known place in capitals and a web name not in capitals parted by a hyphen
    // (`SIKKA-Klikpena.com –`): a web name's own hyphen is in one case
    // (`bali-express.com`).
    // A known place only, as before a slash: `DOK HUMAS-Site.go.id`, `ISTIMEWA-Site.com`
    // are credits.
    let hyphened = prefix.split_once('-').filter(|(place, site)| {
        is_all_caps(place)
            && is_known_city(place.trim())
            && site.chars().any(|c| c.is_ascii_lowercase())
    });
    // Before a slash only a place the gazetteer knows: a photographer's name in capitals
    // (`KRISTIANTO PURNOMO/KOMPAS.COM -`, `ISTIMEWA/…`) is a credit.
    let slashed = prefix
        .split_once('/')
        .filter(|(place, _)| is_known_city(place.trim()));
    if let Some((place, site)) = slashed.or(hyphened)
        && let (place, site) = (place.trim(), site.trim())
        && is_domain(site)
        && !site.contains(' ')
        && is_header_part(place)
    {
        return Some(site_and_place(site, place, rest));
    }
    // A pipe parts outlet and place as a comma does (`VISI.NEWS | BANDUNG -`), and so does
    // the underscore a scraper joins them with (`Oelamasi_KlikNTT.com-`) or a hyphen between
    // a place and a site in lower case (`Oelamasi-infontt.com,-`).
    let joined = join_spaced_domain(prefix);
    // A radio's frequency written with a decimal comma (`Semarang, Idola 92,6 FM –`) is one
    // part, the station's name.
    let joined = decimal_point(&joined);
    let parts: Vec<&str> = joined
        .split([',', '|', '_'])
        .map(str::trim)
        // `Site.co.id || SLEMAN`: a doubled pipe parts them once.
        .filter(|p| !p.is_empty())
        .enumerate()
        // A place glued to its site leads (`Oelamasi-infontt.com`); after a place a
        // hyphen is the site's own (`TEMANGGUNG, Suaramerdeka-kedu.com`).
        .flat_map(|(k, p)| match place_glued_to_site(p).filter(|_| k == 0) {
            Some((place, site)) => vec![place, site],
            None => vec![p],
        })
        .collect();
    // A site's web name, then its place and the day (`Penamadura.com, Sumenep 01 Februari
    // 2019 –`).
    if let [a, b] = parts[..]
        && is_domain(a)
        && let ws = b.split_whitespace().collect::<Vec<_>>()
        && let Some(place) = (1..=3).rev().find_map(|n| {
            let place = ws.get(..n)?.join(" ");
            let day = ws.get(n..)?.join(" ");
            (day_words(&day) && is_known_city(&place)).then_some(place)
        })
    {
        return Some(site_and_place(a, &place, rest));
    }
    // A site's web name, its place and the day, each after a comma (`Site.co.id, Jakarta, 7
    // Desember 2025 –`).
    if let [a, b, c] = parts[..]
        && is_domain(a)
        && is_known_city(b)
        && is_header_part(b)
        && day_words(c)
    {
        return Some(site_and_place(a, b, rest));
    }
    // `TERNATE, Gapi72 -`: a site's name with a number in it, after its place.
    let numbered_site = |k: usize, p: &str| {
        parts.len() == 2
            && k == 1
            && is_known_city(parts[0])
            && (4..=20).contains(&p.len())
            && p.starts_with(|c: char| c.is_ascii_uppercase())
            && p.bytes().all(|c| c.is_ascii_alphanumeric())
            && p.bytes().any(|c| c.is_ascii_digit())
    };
    if parts.is_empty()
        || parts.len() > 3
        || !parts.iter().enumerate().all(|(k, p)| {
            is_header_part(p)
                || numbered_site(k, p)
                || (k == 1 && parts.len() == 2 && radio_station(p))
                || lower_site(p, &line[rest..])
                || lower_named_site(p, &line[rest..])
        })
    {
        return None;
    }
    // A domain and a place with no comma between, either way round (`RGOL.ID LIMBOTO -`,
    // `MEDAN TribuneIndonesia.Com-`).
    if let [part] = parts[..] {
        let site_first = part.split_once(' ').filter(|(site, place)| {
            is_domain(site) && (is_all_caps(place) || is_known_city(place))
        });
        // The web name vouches for a district's town in title case (`Lhoksukon Buana.News
        // –`).
        let place_first = part
            .rsplit_once(' ')
            .filter(|(place, site)| {
                is_domain(site)
                    && (is_all_caps(place)
                        || is_known_city(place)
                        || crate::regions::is_district_name(place))
            })
            .map(|(place, site)| (site, place));
        if let Some((site, place)) = site_first.or(place_first) {
            return Some(Dateline {
                outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
                city: Some(title_case(place)).filter(|s| !s.is_empty()),
                rest,
                strong: true,
            });
        }
    }
    // Three parts name the outlet, the place and its province (`tegas.co, KOLAKA, SULTRA -`,
    // `BOJONEGORO, JATIM, BATARA.NEWS -`): one unmistakable outlet, the others places
    // written as a dateline writes them. Anything else with two commas is a list.
    if parts.len() == 3 {
        // Or a site's one-word name made with a media word (`KABARKALIMANTAN1, Tabalong,
        // Kalsel –`).
        let marked = |p: &str| {
            is_domain(p)
                || is_parenthesised(p)
                || (!p.contains(' ')
                    && !is_known_city(p)
                    && media_compound(p.trim_end_matches(|c: char| c.is_ascii_digit()), false))
        };
        let outlets: Vec<usize> = (0..3).filter(|&k| marked(parts[k])).collect();
        let [o] = outlets[..] else {
            return None;
        };
        let places: Vec<&str> = (0..3).filter(|&k| k != o).map(|k| parts[k]).collect();
        if !places.iter().all(|p| is_all_caps(p) || is_known_city(p)) {
            return None;
        }
        return Some(Dateline {
            outlet: Some(normalize_outlet(parts[o])).filter(|s| !s.is_empty()),
            city: Some(title_case(places[0])).filter(|s| !s.is_empty()),
            rest,
            strong: true,
        });
    }
    // Mixed-case prose such as `Glandy Burnama, Tangerang -` or `Populer Jabodetabek -` looks
    // like a heading too; real datelines are upper case, a domain, parenthesised, or a known
    // place (`Jakarta -`); a mixed-case outlet name needs a known place beside it
    // (`Jakarta, CNN Indonesia --`), a mixed-case place a domain (`Tangerang Selatan, Tempo.co`).
    let plain_ok = |x: &str, other: Option<&str>| {
        is_domain(x)
            || is_parenthesised(x)
            || is_all_caps(x)
            || is_known_city(x)
            // Beside a site's media-word name a district's town counts in title case too
            // (`Kilaspapua, Sentani-`).
            || ((is_media_named(x) || (!x.contains(' ') && media_compound(x, true)))
                && other.is_some_and(|o| is_known_city(o) || crate::regions::is_district_name(o)))
            || other.is_some_and(|o| is_domain(o) || is_parenthesised(o))
            // A site's one-word name made with a media word vouches for the place beside it
            // (`BORNEONEWS, Sampit -`).
            || other.is_some_and(|o| !o.contains(' ') && media_compound(o, false))
            // A town and a media word, or the other way round, name a paper (`Jember Pos -`,
            // `Kilas Bengkulu Utara -`).
            || media_and_town(x)
    };
    // A desk's kicker of a media word and a town, then the site's web name (`Berita Bandar
    // Lampung, Jejamo.com –`): the town is the place.
    if let [a, b] = parts[..]
        && is_domain(b)
        && !is_domain(a)
        && let Some((_, town)) = a.split_once(' ')
        && media_and_town(a)
        && is_known_city(town)
    {
        return Some(site_and_place(b, town, rest));
    }
    let (outlet, city, strong) = if let [a, b] = parts[..] {
        // A place and its province (`Batang Hari, Jambi -`), no outlet.
        if is_known_city(a) && !is_outlet_marked(a) && crate::regions::is_province_name(b) {
            return Some(Dateline {
                outlet: None,
                city: Some(title_case(a)),
                rest,
                strong: true,
            });
        }
        // A regional site's name after its place (`Kupang, Jubi -`, `Kefamenanu, Vox NTT -`):
        // a place first (known, or in capitals), then a short name that is no place, day or
        // month. Not the
        // other way round: `Glandy Burnama, Tangerang -` is a person's name before a place.
        // No space after the comma (`Kefamenanu,Vox NTT-`) is a scraper's dateline, never
        // prose: the place comes first there too.
        let tight = prefix
            .split_once(',')
            .is_some_and(|(_, after)| after.starts_with(|c: char| !c.is_whitespace()));
        let place_first =
            !is_outlet_marked(a) && (is_known_city(a) || (is_all_caps(a) && a.len() > 3) || tight);
        let site_after_place = place_first
            && !is_known_city(b)
            && ((!b.contains('.') && b.split_whitespace().count() <= 2) || radio_station(b))
            && !b
                .split_whitespace()
                .any(super::super::date_words::is_calendar_word);
        if !site_after_place && (!plain_ok(a, Some(b)) || !plain_ok(b, Some(a))) {
            return None;
        }
        let (outlet, city) = match (is_outlet_marked(a), is_outlet_marked(b)) {
            _ if site_after_place && !is_all_caps(b) => (b, a),
            (true, false) => (a, b),
            (false, true) => (b, a),
            // Both or neither marked: a known place decides; otherwise outlet first, as in
            // `INFOKU, BLORA` (city-first datelines nearly always carry a domain, `KOMPAS.com`).
            _ if is_known_city(a) && !is_known_city(b) => (b, a),
            _ => (a, b),
        };
        (Some(outlet), Some(city), true)
    } else {
        let p = parts[0];
        let l = lower(p);
        if KICKERS.contains(&l.as_str()) {
            return None;
        }
        // A site's one-word name in mixed case (`IDXChannel -`, `Kitasulsel–MAKASSAR`): made
        // of a media word, or followed by its place in capitals; `detect` reads that place.
        let one_word = !p.contains(' ') && p.chars().next().is_some_and(char::is_uppercase);
        // Or in lower case, made with a media word, before a sentence (`batampos – Polisi
        // …`): prose never opens on a word in lower case and a dash.
        let site_word = (one_word || lower_site(p, &line[rest..]))
            && !is_known_city(p)
            && (media_compound(p, false) || caps_place_then_sentence(&line[rest..]).is_some());
        // A site's name of two or three words in title case ending on a word only sites end
        // on (`Teraju News Network –`, `Jakarta Post –`), before a sentence.
        let titled_site = {
            let ws: Vec<&str> = p.split_whitespace().collect();
            (2..=3).contains(&ws.len())
                && !is_all_caps(p)
                && ws
                    .last()
                    .is_some_and(|w| SITE_ENDS.contains(&lower(w).as_str()))
                && line[rest..].starts_with(|c: char| c.is_uppercase())
        };
        // A paper's name, a paper's word first (`Koran Mandala –`, `Harian Singgalang –`),
        // before a sentence: a title's kicker is no paper, and a kicker names what the lede
        // speaks of (`Koran Bekas – Penjual koran bekas …`).
        let paper = {
            let ws: Vec<&str> = p.split_whitespace().collect();
            (2..=3).contains(&ws.len())
                && is_header_part(p)
                && PAPER_WORDS.contains(&lower(ws[0]).as_str())
                && line[rest..].starts_with(|c: char| c.is_uppercase())
                && !lower(&line[rest..]).contains(&lower(p))
        };
        if site_word || titled_site || paper || lower_named_site(p, &line[rest..]) {
            return Some(Dateline {
                outlet: Some(normalize_outlet(p)).filter(|s| !s.is_empty()),
                city: None,
                rest,
                strong: false,
            });
        }
        // A site's one-word name made with a media word, in capitals or with a capital
        // inside, then its place written otherwise, no comma between (`PortalBMR BOLTIM
        // –`). Without the media word it is as often a kicker's, a body's or a brand's
        // (`GEMPA Cianjur –`, `BULOG Ambon –`, `TikTok Bandung –`).
        if let Some((site, place)) = p.split_once(' ')
            && (1..=3).contains(&place.split_whitespace().count())
            && site.chars().count() >= 4
            && site.chars().all(char::is_alphanumeric)
            && ((((is_all_caps(site) && !is_all_caps(place)) || camel_word(site))
                && media_compound(site, true))
                // Or its web name with the point lost before its place in capitals (`SPcom
                // PANDEGLANG –`; `Telecom Makassar –` heads a headline).
                || (site.len() >= 5
                    && site.starts_with(char::is_uppercase)
                    && !is_all_caps(site)
                    && site.ends_with("com")
                    && is_all_caps(place)))
            && !is_known_city(site)
            && !KICKERS.contains(&lower(site).as_str())
            && !OFFICE_WORDS.contains(&lower(site).as_str())
            && !super::super::people::is_unit_word(site)
            && is_known_city(place)
            && line[rest..].starts_with(|c: char| c.is_uppercase())
        {
            return Some(site_and_place(site, place, rest));
        }
        // An odd dash (`Waingapu_ `, `Sentani// `) before a sentence ends no phrase of
        // prose: a town the gazetteer does not hold is written before it in title case too.
        let odd_dash = matches!(line.as_bytes().get(sep), Some(b'_' | b'/'));
        let town_before_odd_dash =
            odd_dash && !p.contains(' ') && line[rest..].starts_with(|c: char| c.is_uppercase());
        // A district's town in title case (`Tenggarong –`), a word of six letters or more
        // before a sentence: shorter ones and common words read as prose (`Tarik - Menarik`).
        let district_town = !p.contains(' ')
            && p.chars().count() >= 6
            && crate::regions::is_district_name(p)
            && line[rest..].starts_with(|c: char| c.is_uppercase());
        if !plain_ok(p, None) && !town_before_odd_dash && !district_town {
            return None;
        }
        let marked = is_domain(p) || is_parenthesised(p);
        if marked || (is_media_named(p) && !is_known_city(p)) || site_and_province(p) {
            (Some(p), None, marked)
        } else if town_of_regency(p) {
            (None, Some(p), true)
        } else if is_known_city(p) || p.split_whitespace().count() == 1 {
            // Lone unknown words are places far more often than outlets (`PALEMBANG –`).
            (None, Some(p), false)
        } else {
            // Several unknown capitalised words are a title's kicker (`POPULER JABODETABEK -`);
            // outlets carry a media word (`GROW MEDIA`) and places are in the gazetteer.
            return None;
        }
    };
    Some(Dateline {
        outlet: outlet.map(normalize_outlet).filter(|s| !s.is_empty()),
        city: city.map(title_case).filter(|s| !s.is_empty()),
        rest,
        strong,
    })
}

/// `92,6` as `92.6`: a comma between digits is a decimal point, not a dateline's part.
fn decimal_point(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let decimal = |i: usize| {
        b[i] == b','
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..b.len()).any(decimal) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.char_indices()
            .map(|(i, c)| if decimal(i) { '.' } else { c })
            .collect(),
    )
}

/// A radio station's name ending on its frequency (`Idola 92.6 FM`, `Suara Surabaya 100 FM`):
/// one to three words, then the number and the band.
fn radio_station(p: &str) -> bool {
    let ws: Vec<&str> = p.split_whitespace().collect();
    matches!(ws.as_slice(), [name @ .., freq, band]
        if (1..=3).contains(&name.len())
            && matches!(*band, "FM" | "AM")
            && freq.bytes().all(|c| c.is_ascii_digit() || c == b'.')
            && freq.starts_with(|c: char| c.is_ascii_digit())
            && name.iter().all(|w| w.starts_with(char::is_uppercase)))
}

/// Words that credit or cite a source before its web name (`Dok Tribunnews.com`, `Dikutip
/// Kompas.com`): no site's name opens with them.
const CREDIT_WORDS: &[&str] = &[
    "dok",
    "dokumen",
    "foto",
    "sumber",
    "dikutip",
    "kutip",
    "mengutip",
    "dilansir",
    "lansir",
    "reporter",
    "wartawan",
    "kontributor",
    "penulis",
    "editor",
    "redaksi",
    "laporan",
    "info",
    "oleh",
    "via",
    "baca",
    "simak",
    "lihat",
    "tangkapan",
];

/// Words a paper's name opens with (`Koran Mandala`, `Harian Singgalang`, `Tabloid Jubi`).
const PAPER_WORDS: &[&str] = &["koran", "harian", "tabloid", "majalah"];

/// Words that open a town's name before its river's or regency's (`Kuala Kapuas`, `Muara
/// Teweh`, `Tanjung Selor`).
const TOWN_WORDS: &[&str] = &["kuala", "muara", "tanjung", "teluk", "sungai", "pangkalan"];

/// Two words in capitals, a word of [`TOWN_WORDS`] and a regency's name (`KUALA KAPUAS –`):
/// the regency's town, which the gazetteer does not hold.
fn town_of_regency(p: &str) -> bool {
    is_all_caps(p)
        && p.split_once(' ').is_some_and(|(first, rest)| {
            TOWN_WORDS.contains(&lower(first).as_str())
                && !rest.contains(' ')
                && crate::regions::is_place_name(rest)
        })
}

/// A lone word in capitals that no place spells, a name of three letters or more run
/// into a province's short form of four letters or more (`NOSAKALTARA –`, `BERITASULSEL
/// –`): a regional site's name. Not its full name: run into another word (`KAMPUNGBALI`) a
/// one-word province makes a place's name as often as a site's.
fn site_and_province(p: &str) -> bool {
    !p.contains(' ')
        && is_all_caps(p)
        && p.is_ascii()
        && !is_known_city(p)
        && !crate::regions::is_district_name(p)
        && {
            let low = lower(p);
            (3..low.len().saturating_sub(3)).any(|k| {
                let (head, tail) = low.split_at(k);
                crate::regions::is_province_short_form(tail)
                    && !OFFICE_HEADS.iter().any(|o| head.ends_with(o))
            })
        }
}

/// An office's or a rank's word run into its province (`KAPOLDAJATIM`, `PEMPROVSULSEL`): a
/// person's or a body's, no site.
const OFFICE_HEADS: &[&str] = &[
    "kapolda", "polda", "pemprov", "gubernur", "wagub", "pangdam", "kajati", "kejati", "dprd",
    "kanwil",
];

/// Words a site's name ends on and a kicker or a heading does not (`Breaking News` is a
/// kicker, listed apart; `Berita Terkini` ends on no such word).
/// Not `online`, `channel` or `ekspres`: `Judi Online`, `YouTube Channel` and `Kereta
/// Ekspres` are kickers.
const SITE_ENDS: &[&str] = &["network", "times", "post", "daily", "today"];

/// A site's one-word name in lower case, made with a media word, before a sentence
/// (`batampos – Polisi …`): prose never opens on a word in lower case and a dash.
fn lower_site(p: &str, after: &str) -> bool {
    !p.contains(' ')
        && p.len() >= 5
        && p.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && media_compound(p, false)
        && after.starts_with(|c: char| c.is_uppercase())
}

/// Words a site's name of several words in lower case ends on (`suara banua news`).
const LOWER_SITE_ENDS: &[&str] = &[
    "news", "post", "pos", "online", "times", "today", "daily", "media", "tv", "channel", "network",
];

/// A site's name of two or three words in lower case ending on a media word, before a
/// sentence (`suara banua news – BANJAR, …`): prose opens on no such words and a dash.
fn lower_named_site(p: &str, after: &str) -> bool {
    let ws: Vec<&str> = p.split_whitespace().collect();
    (2..=3).contains(&ws.len())
        && ws.iter().all(|w| w.bytes().all(|c| c.is_ascii_lowercase()))
        && ws.last().is_some_and(|w| LOWER_SITE_ENDS.contains(w))
        // Opening on a media word too (`suara`, `kabar`): `berbagai media online –` is prose.
        && ws.first().is_some_and(|w| is_media_named(w))
        && after.starts_with(|c: char| c.is_uppercase())
}

/// A media word and a known town of up to three words, either way round: a paper's name
/// (`Jember Pos`, `Kilas Bengkulu Utara`, `LINGGA TERKINI`).
fn media_and_town(x: &str) -> bool {
    let words: Vec<&str> = x.split_whitespace().collect();
    let media = |w: &str| is_media_named(w) && !is_known_city(w);
    match words[..] {
        [first, ref rest @ ..] if (1..=3).contains(&rest.len()) && media(first) => {
            is_known_city(&rest.join(" "))
        }
        [ref rest @ .., last] if (1..=3).contains(&rest.len()) && media(last) => {
            is_known_city(&rest.join(" "))
        }
        _ => false,
    }
}

/// One word of letters and digits with a capital inside after a lower-case letter
/// (`GardaFlores`): a site's name, as no word of prose is written so.
fn camel_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_alphanumeric()) && inner_capital(w)
}

/// A capitalised word with a capital inside after a lower-case letter (`JaringPos`,
/// `GardaFlores`), as sites write their names.
pub(super) fn inner_capital(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.char_indices()
            .skip(1)
            .any(|(i, c)| c.is_uppercase() && w[..i].ends_with(char::is_lowercase))
}

/// One capitalised word, no place's, that runs a province's or a region's name into a word of
/// three letters or more (`Riaulantang`, `Jambiupdate`): a regional site's name.
fn region_run_site(w: &str) -> bool {
    let low = lower(w);
    w.len() >= 7
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_alphanumeric())
        && !is_known_city(w)
        && !crate::regions::is_district_name(w)
        && (4..low.len().saturating_sub(2)).any(|k| {
            let head = &low[..k];
            crate::regions::is_province_name(head) || crate::regions::is_place_name(head)
        })
}

/// The dateline a site's name and its place make, the lede at `rest`.
fn site_and_place(site: &str, place: &str, rest: usize) -> Dateline {
    Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest,
        strong: true,
    }
}
