//! Datelines (`TRIBUNSUMSEL.COM, LUBUKLINGGAU -`, `KAYUAGUNG, SUMEKS.CO -`, `Jakarta -`) and
//! outlet-name normalisation.

/// What a dateline prefix says, and where the lead text after it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub outlet: Option<String>,
    pub city: Option<String>,
    /// Byte offset in the line where the lead text starts (== line length for a dateline on
    /// its own line, `SIMALUNGUN, (PAB)---`).
    pub rest: usize,
    /// Two parts, or a part that is unmistakably an outlet (domain, parentheses): such a prefix
    /// is trusted anywhere near the top; a lone word (`JAKARTA -`) only on the first body line.
    pub strong: bool,
}

mod media;
mod separated;
mod separator;
mod undashed;
pub(super) use media::is_media_named;
pub(super) use media::media_compound;
use separated::by_separator;
use separated::day_words;
use separator::{find_separator, join_spaced_domain, media_word_and_place, place_glued_to_site};
use undashed::{
    colon_dateline, double_pipe_dateline, own_line, pipe_dateline, place_then_bracketed_day,
    place_then_bracketed_site, place_then_comma, place_then_glued_site, place_then_stop,
    site_glued_to_place, unseparated,
};
pub(super) use undashed::{lone_place, place_and_day, titled_place_then_stop};

/// Prefixes found only this far into a line are datelines; beyond that a dash is prose.
pub(super) const MAX_PREFIX: usize = 90;

const TLDS: &[&str] = &[
    "com", "co", "id", "net", "org", "news", "tv", "info", "me", "online", "web", "asia", "biz",
    "xyz", "site", "live", "press", "today", "media", "click", "top", "space", "website", "cloud",
    "digital",
];

/// Labels that are captions or section kickers, never datelines (`VIRAL - ASN di ...`).
const KICKERS: &[&str] = &[
    "viral",
    "ilustrasi",
    "foto",
    "video",
    "kolase",
    "tangkapan layar",
    "breaking news",
    "update",
    "terkini",
    "berita",
    "opini",
    "editorial",
    "infografis",
    "advertorial",
    "hoaks",
    "cek fakta",
    "baca juga",
];

/// Offices and kinds that make a name before a place in brackets a person's title or a
/// region's (`Bupati Sambas (SAMBAS)`, `Ambon, Bupati Maluku:`), not a site's.
pub(super) const OFFICE_WORDS: &[&str] = &[
    "bupati",
    "wali",
    "walikota",
    "gubernur",
    "camat",
    "kapolres",
    "kapolda",
    "kades",
    "lurah",
    "kabupaten",
    "kota",
    "provinsi",
    "warga",
];

/// Indonesian places that often head a dateline, to tell `INFOKU, BLORA` from `BLORA, INFOKU`.
const CITIES: &[&str] = &[
    // Towns that head their regency's news but are no regency or city themselves.
    "sampit",
    "jakarta",
    "bandung",
    "surabaya",
    "medan",
    "semarang",
    "makassar",
    "palembang",
    "yogyakarta",
    "jogja",
    "denpasar",
    "malang",
    "solo",
    "surakarta",
    "bogor",
    "depok",
    "bekasi",
    "tangerang",
    "serang",
    "cilegon",
    "padang",
    "pekanbaru",
    "batam",
    "jambi",
    "bengkulu",
    "lampung",
    "pontianak",
    "banjarmasin",
    "samarinda",
    "balikpapan",
    "manado",
    "kendari",
    "palu",
    "gorontalo",
    "ambon",
    "jayapura",
    "kupang",
    "mataram",
    "mamuju",
    "ternate",
    "sorong",
    "merauke",
    "aceh",
    "banda aceh",
    "lhokseumawe",
    "pangkalpinang",
    "tanjungpinang",
    "tanjung pinang",
    "lubuklinggau",
    "kayuagung",
    "prabumulih",
    "muara enim",
    "baturaja",
    "simalungun",
    "pematangsiantar",
    "binjai",
    "blora",
    "kudus",
    "pati",
    "cirebon",
    "tasikmalaya",
    "sukabumi",
    "cianjur",
    "garut",
    "karawang",
    "purwakarta",
    "subang",
    "indramayu",
    "tegal",
    "pekalongan",
    "magelang",
    "klaten",
    "sragen",
    "kediri",
    "blitar",
    "madiun",
    "jember",
    "banyuwangi",
    "sidoarjo",
    "gresik",
    "mojokerto",
    "pasuruan",
    "probolinggo",
    "lumajang",
    "bali",
    "batu",
    "parepare",
    "palopo",
    "bone",
    "bima",
    "sumbawa",
    "muratara",
    "muara",
    "washington",
    "london",
    "beijing",
    "tokyo",
    "singapura",
    "singapore",
    "kuala lumpur",
];

pub(super) fn is_domain(part: &str) -> bool {
    let p = part.trim_matches(|c: char| c == '(' || c == ')');
    match p.rsplit_once('.') {
        // No pipe or colon in a web name (`BULUKUMBA||Site.com` is a place and a name,
        // `https://site.go.id` a link); a bracket or a slash may glue it to its place
        // (`WONOSOBO(SUARABARU.ID)-`, `PALANGKA RAYA/TABENGAN.CO.ID-`).
        // A web name's first label has two characters at least, unless another follows
        // (`m.liputan6.com`): `.go.id` alone is a suffix named (`situs berakhiran .go.id`),
        // `M.Com.` a degree.
        Some((host, tld)) => {
            host.split('.')
                .next()
                .is_some_and(|l| l.chars().count() >= 2 || (!l.is_empty() && host.contains('.')))
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '(' | ')' | '/'))
                && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
        }
        None => false,
    }
}

/// An outlet's name or code in brackets (`(PAB)`, `(ANTARA)`, `(republikjatim.com)`): a
/// word in lower case in brackets is a list's or a caption's note (`(aktor) - 17 poin`).
fn is_parenthesised(part: &str) -> bool {
    part.starts_with('(')
        && part.ends_with(')')
        && part.len() > 2
        && (part[1..].starts_with(|c: char| c.is_uppercase() || c == '*')
            || is_domain(&part[1..part.len() - 1]))
}

fn lower(part: &str) -> String {
    part.to_lowercase()
}

pub(super) fn is_known_city(part: &str) -> bool {
    let l = lower(part);
    CITIES.contains(&l.as_str())
        || ["kota ", "kabupaten ", "kab. ", "kab "]
            .iter()
            .any(|p| l.starts_with(p))
        || crate::regions::is_place_name(part)
        // A district's name only in capitals, as a dateline sets it (`SENTANI,`): in title
        // case many are words (`Tarik - Menarik …`, `Pasar Minggu - Pasar …`).
        || (is_all_caps(part) && crate::regions::is_district_name(part))
}

/// Whether a dateline's place as [`detect`] gives it, in title case, is a known one: a
/// district's name counts only as the dateline set it in capitals, so those are asked too.
pub(super) fn is_known_place(city: &str) -> bool {
    is_known_city(city) || is_known_city(&city.to_uppercase())
}

fn is_outlet_marked(part: &str) -> bool {
    is_domain(part) || is_parenthesised(part) || is_media_named(part)
}

/// A dateline part looks like a heading: 1-4 words, each starting with an upper-case letter,
/// a digit inside a domain, or `(`; and either all upper case, a domain, parenthesised, or
/// title case.
fn is_header_part(part: &str) -> bool {
    let n = part.split_whitespace().count();
    if n == 0 || n > 4 || part.chars().count() > 40 {
        return false;
    }
    let domain = is_domain(part);
    // Sites write their own names in lower case (`jpnn.com`, `tirto.id`, `iNews.id`,
    // `kumparan`): a domain, or one media word, heads a dateline as written.
    let lower_outlet = domain || (n == 1 && is_media_named(part) && !part.contains('.'));
    (lower_outlet
        || part.split_whitespace().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            first.is_uppercase() || first == '('
        }))
        && (domain || !part.chars().any(|c| c.is_ascii_digit()))
        && part.chars().all(|c| {
            c.is_alphanumeric()
                    || matches!(c, ' ' | '.' | '(' | ')' | '\'' | '\u{2019}' | '&')
                    // `TRIBUN-PAPUA.COM`, `POS-KUPANG.COM`, `WANGI-WANGI`
                    || c == '-'
        })
        // A hyphen inside a word only in a domain or a doubled name (`WANGI-WANGI`).
        && (domain
            || part.split_whitespace().all(|w| match w.split_once('-') {
                Some((x, y)) => x.eq_ignore_ascii_case(y),
                None => true,
            }))
}

pub(super) fn is_all_caps(part: &str) -> bool {
    part.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// A site's one-word name (letters or digits, no known place) and a known place of up to
/// three words, with a sentence after the dash at `rest`: the dateline they make.
fn one_word_site_and_place(site: &str, place: &str, line: &str, rest: usize) -> Option<Dateline> {
    ((3..=24).contains(&site.len())
        && site.chars().all(|c| c.is_ascii_alphanumeric())
        && !is_known_city(site)
        && place.split_whitespace().count() <= 3
        && is_header_part(place)
        && is_known_city(place)
        && line[rest..].starts_with(char::is_uppercase))
    .then(|| Dateline {
        outlet: Some(normalize_outlet(site)).filter(|s| !s.is_empty()),
        city: Some(title_case(place)),
        rest,
        strong: true,
    })
}

/// Words that open a sentence with a comma after them, before a place as a dateline's site
/// name would stand (`Sementara, Jakarta …`).
const PROSE_OPENERS: &[&str] = &[
    "sementara",
    "sebelumnya",
    "namun",
    "kemudian",
    "selanjutnya",
    "adapun",
    "akhirnya",
    "kini",
    "saat",
    "lalu",
    "selain",
    "bahkan",
    "misalnya",
    "contohnya",
    "padahal",
    "meski",
    "sehingga",
    "karena",
    "jadi",
    "dulu",
    "nah",
    "kemarin",
    "besok",
    "tadi",
    "pagi",
    "siang",
    "sore",
    "malam",
    "sedangkan",
    "tetapi",
    "tapi",
];

/// Reads a dateline at the start of `line`.
pub fn detect(line: &str) -> Option<Dateline> {
    // A page's machine date stamp before its dateline (`date 2025-10-10 jatim.jpnn.com,
    // SURABAYA - ...`).
    if let Some(after) = iso_stamp(line) {
        return detect(&line[after..]).map(|d| Dateline {
            rest: d.rest + after,
            ..d
        });
    }
    let Some(mut d) = by_separator(line) else {
        return colon_dateline(line)
            .or_else(|| unseparated(line))
            .or_else(|| pipe_dateline(line))
            .or_else(|| double_pipe_dateline(line))
            .or_else(|| own_line(line))
            .or_else(|| place_then_bracketed_site(line))
            .or_else(|| place_then_glued_site(line))
            .or_else(|| site_glued_to_place(line))
            .or_else(|| place_then_stop(line))
            .or_else(|| place_then_comma(line))
            .or_else(|| place_then_bracketed_day(line))
            .or_else(|| without_bracketed_day(line))
            .or_else(|| closed_otherwise(line));
    };
    // A site's name with its place in brackets (`KBOBABEL.COM (BANGKA) –`, `SALAM PAPUA
    // (NABIRE) –`) or after a comma (`MOMENTUM, Gunungsugih --`): the
    // other way round from `TERNATE (kalesang) –`. A district's name counts as a place here
    // in any case: it stands beside a name that is none.
    let place_like = |p: &str| is_known_city(p) || crate::regions::is_district_name(p);
    // A web name, then a word in capitals in brackets (`TATIYE.ID (KABGOR) –`): a place,
    // maybe its short form.
    let caps_word = |p: &str| {
        !p.contains(' ')
            && p.chars().count() >= 4
            && line[..d.rest.min(line.len())].contains(&format!("({})", p.to_uppercase()))
    };
    if let (Some(c), Some(o)) = (&d.city, &d.outlet)
        && (is_domain(c) || !place_like(c))
        && !is_domain(o)
        && (place_like(o) || (is_domain(c) && caps_word(o)))
    {
        (d.city, d.outlet) = (Some(title_case(o)), Some(normalize_outlet(c)));
    }
    // A town the gazetteer knows, then its province (`Sentani, Papua –`): the town is the
    // dateline's place and no site is named. A name it does not know is a site's as often
    // (`Pedomanrakyat, Riau –`).
    if let (Some(c), Some(o)) = (&d.city, &d.outlet)
        && crate::regions::is_province_name(c)
        && !CITIES.contains(&lower(c).as_str())
        && !is_outlet_marked(o)
        && place_like(o)
        && !crate::regions::is_province_name(o)
    {
        (d.city, d.outlet) = (Some(title_case(o)), None);
    }
    // An outlet's dash, then its place and the day before a dash of their own (`RMJABAR.COM -
    // Bandung, 24 Februari 2025 - Ketua …`).
    // Or its place alone before a second dash (`Jelitapos.com – Kota Kendari – Tim …`), and
    // the other way round, a place's dash, then the site's web name and its own
    // (`Makassar – Bollo.id — Tak …`).
    // Not a route (`KOMPAS.com - Jakarta - Bandung kini …`): a place after the second dash
    // goes on from the first; nor a sentence about a site (`JAKARTA – Tokopedia.com – situs
    // …`): a lede opens on a capital.
    if let Some((head, start)) = find_separator(&line[d.rest..])
        && let second = line[d.rest..d.rest + head].trim()
        && !second.is_empty()
        && let after = &line[d.rest + start..]
        && after.starts_with(char::is_uppercase)
        && !(1..=3).any(|n| {
            let ws: Vec<&str> = after.split_whitespace().take(n).collect();
            ws.len() == n && is_known_city(ws.join(" ").trim_end_matches([',', '.']))
        })
    {
        if d.outlet.is_some() && d.city.is_none() {
            let place = undashed::place_and_day(second)
                .and_then(|day| day.city)
                .or_else(|| {
                    (second.split_whitespace().count() <= 3
                        && is_header_part(second)
                        && (is_known_city(second)
                            // A town in capitals between the two dashes (`EDUKADI NEWS –
                            // MAUMERE –`).
                            || (is_all_caps(second)
                                && !second.contains(' ')
                                && second.chars().count() >= 4)))
                        .then(|| title_case(second))
                });
            if place.is_some() {
                d.city = place;
                d.rest += start;
            }
        } else if d.outlet.is_none()
            && d.city.as_deref().is_some_and(is_known_place)
            && is_domain(second)
            && !second.contains(' ')
        {
            d.outlet = Some(normalize_outlet(second));
            d.rest += start;
        }
    }
    // A place's dash, then the site's web name and a pipe (`KARAWANG — METROPLUS.ID |
    // Pemerintah …`).
    if d.outlet.is_none()
        && d.city.as_deref().is_some_and(is_known_place)
        && let Some((raw, after, stop)) = [" | ", ". "]
            .iter()
            .filter_map(|stop| {
                line[d.rest..]
                    .split_once(stop)
                    .map(|(s, a)| (s, a, stop.len()))
            })
            .min_by_key(|(s, _, _)| s.len())
        && let site = raw.trim()
        && is_domain(site)
        && !site.contains(' ')
        && after.trim_start().starts_with(char::is_uppercase)
    {
        d.outlet = Some(normalize_outlet(site));
        d.rest += raw.len() + stop;
    }
    // An outlet's dash, then its place closed by a full stop or a colon (`KONTAN.CO.ID -
    // JAKARTA. Badan ...`, `Outlet.go.id - Semarang. Polisi ...`, `Site.co.id – Deli Serdang
    // : Sebanyak …`); a colon only over a paragraph (`Batu: Harga emas naik` heads a list
    // or a headline as often).
    if d.outlet.is_some()
        && d.city.is_none()
        && let Some((place, skip)) = [". ", " : ", ": ", " | ", ", "]
            .iter()
            .filter_map(|stop| {
                line[d.rest..]
                    .split_once(stop)
                    .map(|(p, _)| (p, stop.len()))
            })
            .min_by_key(|(p, _)| p.len())
        && place.split_whitespace().count() <= 3
        && is_header_part(place)
        && is_known_city(place)
        && let lede = &line[d.rest + place.len() + skip..]
        && lede.starts_with(char::is_uppercase)
        // After a comma the lede, not a list of places (`kabarin.co – Jakarta, Direktorat
        // …`, not `Site.com - Jakarta, Bogor dan Depok …`).
        && (!line[d.rest + place.len()..].starts_with(',')
            || !(1..=3).any(|n| {
                let ws: Vec<&str> = lede.split_whitespace().take(n).collect();
                ws.len() == n && is_known_place(ws.join(" ").trim_end_matches([',', '.']))
            }))
        && ((skip == 2 && line[d.rest + place.len()..].starts_with('.'))
            || skip == 3 && line[d.rest + place.len()..].starts_with(" |")
            || (lede.split_whitespace().nth(11).is_some()
                && (lede.trim_end().ends_with('.') || lede.contains(". "))))
    {
        d.city = Some(title_case(place));
        d.rest += place.len() + skip;
    }
    // A lone word that is a media word and a place run together is the site's
    // (`HARIANCILACAP-Bupati …`), not a place.
    if d.outlet.is_none()
        && let Some(c) = d.city.as_deref()
        && !c.contains(' ')
        && media_word_and_place(c)
    {
        d.outlet = d.city.take().map(|c| normalize_outlet(&c));
    }
    // A site's name, then its place in capitals after the dash and the lede's first word
    // (`Kitasulsel–MAKASSAR Pemerintah ...`, `IDXChannel - JAKARTA Kementerian ...`): the
    // place is the dateline's, and a lone word before the dash that is no place the site.
    // The lone word is a site only glued to its dash (`Kitasulsel–MAKASSAR`) or made with a
    // media word: `Presiden - JAKARTA Pemerintah ...` is a headline's speaker.
    let lone_unknown = d.outlet.is_none()
        && d.city.as_deref().is_some_and(|c| {
            !c.contains(' ')
                && !is_known_city(c)
                && (media_compound(c, false) || !line[..d.rest].contains(' '))
        });
    if (lone_unknown || (d.outlet.is_some() && d.city.is_none()))
        && let Some((len, lede)) = caps_place_then_sentence(&line[d.rest..])
    {
        if lone_unknown {
            d.outlet = d.city.take().map(|c| normalize_outlet(&c));
        }
        d.city = Some(title_case(&line[d.rest..d.rest + len]));
        d.rest += lede;
        d.strong = true;
    }
    // `Patmamedia.com (SLEMAN) -`, `radarselatan.co - BENGKULU, Gubernur …`: the place
    // without its brackets or comma.
    d.city = d
        .city
        // `SIAK-` after a site's dash: the place's own glued dash.
        .map(|c| {
            c.trim_matches(['(', ')', ',', ' ', '-', '\u{2013}', '\u{2014}', '.'])
                .to_string()
        })
        .filter(|c| !c.is_empty());
    Some(d)
}

/// A dateline of another form with the day in brackets before its dash (`Padang, KemenP2MI
/// (23/05/2025) –`, `Jayapura, (28/12)-—`): read as that form without the day, which the
/// dates' reader finds on its own.
fn without_bracketed_day(line: &str) -> Option<Dateline> {
    let (sep, rest) = find_separator(line)?;
    let head = line[..sep].trim_end_matches(['-', ' ']);
    let open = head.rfind('(')?;
    let day = head.strip_suffix(')')?[open + 1..].trim();
    if !(day_words(day) || separated::numeric_day(day)) || line[..open].trim().is_empty() {
        return None;
    }
    // With a plain dash for whatever the page used (`)-—`), the lede where it was.
    let head = format!("{} \u{2013} ", line[..open].trim_end());
    let lede = line[rest..].trim_start_matches(['-', '\u{2013}', '\u{2014}', ' ']);
    let rest = line.len() - lede.len();
    let d = detect(&format!("{head}{lede}"))?;
    (d.rest == head.len()).then_some(Dateline { rest, ..d })
}

/// A site's name and its place closed by a colon (`MALUKUnews, Ambon: Ketegangan …`,
/// `KabarSemesta, Kaur : Dalam …`), or a place, the day and the agency in brackets closed by a
/// full stop (`PONTIANAK, 10/2/2020 (Dayak News). Perayaan …`): read as the dash would be,
/// only where both an outlet and a place stand in it (`Bupati Serang: Kami …` is a speaker's).
fn closed_otherwise(line: &str) -> Option<Dateline> {
    let colon = line
        .find(':')
        .filter(|&i| line[..i].contains(',') && !line[..i].contains(['(', '"', '\u{201c}']));
    // Before the full stop the place and the day come first (`PONTIANAK, 10/2/2020`): a
    // region's short form in brackets ends a sentence a scraper broke (`Sumatera Utara
    // (Sumut). Aiptu …`).
    let (end, after) = match colon {
        Some(i) => (i, i + 1),
        None => {
            let i = line.find(").")?;
            line[..line[..i].find('(')?]
                .contains(',')
                .then_some((i + 1, i + 2))?
        }
    };
    let lede = line[after..].strip_prefix(' ')?.trim_start();
    if end > MAX_PREFIX || !lede.starts_with(char::is_uppercase) {
        return None;
    }
    // A credit in the brackets is a picture's (`(Foto: Istimewa).`, `(Dok. Humas).`), and so
    // is any labelled one.
    let prefix = &line[..end];
    if colon.is_none()
        && (super::captions::picture_credit(prefix)
            || super::captions::closing_group(prefix).is_some_and(|(_, g)| g.contains(':')))
    {
        return None;
    }
    // A part written as only outlets are (`MALUKUnews`, `KabarSemesta`, `(Dayak News)`):
    // `Ambon, Bupati Maluku:` is a speaker's.
    if !prefix
        .split([',', '('])
        .any(|p| is_outlet_marked(p.trim()) || is_outlet_marked(&format!("({}", p.trim())))
    {
        return None;
    }
    let head = format!("{} \u{2013} ", prefix.trim_end());
    let d = detect(&format!("{head}{lede}"))?;
    (d.rest == head.len() && d.outlet.is_some() && d.city.is_some()).then_some(Dateline {
        rest: line.len() - lede.len(),
        ..d
    })
}

/// A known place in capitals (up to three words) at the start of `text`, then the lede's
/// first word, capitalised and in lower case, perhaps after a dash of its own (`MAKASSAR
/// Pemerintah`, `KAB. BANDUNG – Sebanyak`): the place's length, and where the lede starts.
fn caps_place_then_sentence(text: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = text.splitn(6, ' ').collect();
    (1..words.len().min(4)).rev().find_map(|n| {
        let place = words[..n].join(" ");
        let dashed = words
            .get(n)
            .is_some_and(|w| matches!(*w, "-" | "\u{2013}" | "\u{2014}"));
        let at = n + usize::from(dashed);
        let next = words.get(at)?;
        let sentence = next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().skip(1).any(char::is_lowercase);
        let lede = words[..at].iter().map(|w| w.len() + 1).sum();
        (sentence
            && words[..n]
                .iter()
                .all(|w| w.chars().any(char::is_alphabetic))
            && is_all_caps(&place)
            && is_known_city(&place))
        .then_some((place.len(), lede))
    })
}

/// The date of a leading ISO date stamp (`date 2025-10-10 `), which a page prints before its
/// dateline as its own publication date.
pub(super) fn leading_stamp(line: &str) -> Option<crate::model::Date> {
    let at = iso_stamp(line)?;
    line[..at].trim().trim_start_matches("date ").parse().ok()
}

/// Where the text after a leading ISO date stamp (`date 2025-10-10 `, `2025-10-10 `) starts.
fn iso_stamp(line: &str) -> Option<usize> {
    let stamp = line.strip_prefix("date ").unwrap_or(line);
    let b = stamp.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let iso = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b' ');
    iso.then(|| line.len() - stamp[11..].trim_start().len())
}

/// Title case for place names: `LUBUKLINGGAU` -> `Lubuklinggau`, `BANDA ACEH` -> `Banda Aceh`.
pub fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    start = false;
                } else {
                    out.extend(c.to_lowercase());
                    start = matches!(c, '-' | '(' | '/');
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Subdomains that name a section of a site, not the outlet.
const SUBDOMAINS: &[&str] = &[
    "www",
    "news",
    "m",
    "mobile",
    "amp",
    "finance",
    "inet",
    "travel",
    "hot",
    "health",
    "sport",
    "oto",
    "food",
    "edukasi",
    "nasional",
    "regional",
    "bisnis",
    "tekno",
    "megapolitan",
    "en",
    "lifestyle",
];

/// Second-level labels under a country code (`detik.co.id` keeps three labels).
const SECOND_LEVEL: &[&str] = &["co", "go", "or", "ac", "web", "my", "sch", "net", "com"];

/// Normalises an outlet for display and faceting: domains lose scheme, path and section
/// subdomains and get a capital first letter (`news.detik.com` -> `Detik.com`, `KOMPAS.com` ->
/// `Kompas.com`); parentheses go (`(PAB)` -> `PAB`); short acronyms stay upper case; other
/// names become title case (`GROW MEDIA` -> `Grow Media`).
pub fn normalize_outlet(raw: &str) -> String {
    // A code's stops and brackets are the dateline's punctuation (`AMBON, MM. –`, `KOTA
    // CIREBON, (FC).-`), not the outlet's name.
    let s = raw.trim().trim_matches(['(', ')', '.', ',']).trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let s = s.split('/').next().unwrap_or("").trim();
    if s.is_empty() {
        return String::new();
    }
    if is_domain(s) {
        let host = s.to_lowercase();
        let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        let keep = if labels.len() >= 3 && SECOND_LEVEL.contains(&labels[labels.len() - 2]) {
            3
        } else {
            2
        };
        let mut start = labels.len().saturating_sub(keep);
        // Keep an unusual subdomain when it is the outlet itself (`sumsel.tribunnews.com`).
        while start > 0 && !SUBDOMAINS.contains(&labels[start - 1]) {
            start -= 1;
        }
        while start < labels.len().saturating_sub(keep) && SUBDOMAINS.contains(&labels[start]) {
            start += 1;
        }
        let joined = labels[start..].join(".");
        let mut chars = joined.chars();
        return match chars.next() {
            Some(f) => f.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    s.split_whitespace()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if is_all_caps(w) && letters <= 4 && (letters <= 3 || s.split_whitespace().count() == 1)
            {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[path = "dateline_tests.rs"]
mod tests;
