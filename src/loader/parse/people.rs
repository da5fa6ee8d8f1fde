//! Who wrote a text: person names from credit values, opinion-column bylines (`Oleh X`) and
//! closing signatures (`Name.Affiliation`, `Name, affiliation`). A credit value is dirty in
//! scrapes (`Name,Artikel ini tayang di …`, `Name,#Hashtag`, `Kontributor Kota, Name`), and
//! desk credits name units and outlets as often as people, so every candidate passes
//! [`person`], which accepts only the shape of a personal name.

/// Words that name a government unit or its press office (`Humas Polresta Manado`).
const UNIT_WORDS: &[&str] = &[
    "kominfo",
    "diskominfo",
    "humas",
    "ikp",
    "prokopim",
    "pemkab",
    "pemkot",
    "pemprov",
    "pemda",
    "polres",
    "polresta",
    "polda",
    "polri",
    "dinas",
    "biro",
    "bagian",
    "setda",
    "kementerian",
    "badan",
    "kantor",
];

/// Whether `word` names a government unit or its press office.
pub fn is_unit_word(word: &str) -> bool {
    UNIT_WORDS.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// Words that make a candidate an outlet or a role rather than a person (units are
/// [`UNIT_WORDS`]).
const NOT_NAME_WORDS: &[&str] = &[
    // A page's stamp (`Last Updated 2026-01-07T07:21:11Z`).
    "last",
    "updated",
    "update",
    "diperbarui",
    "tim",
    "redaksi",
    "harian",
    "koran",
    "majalah",
    "tabloid",
    "admin",
    "administrator",
    "video",
    "rilis",
    "kontributor",
    "wartawan",
    "reporter",
    "penulis",
    "editor",
    "foto",
    "dok",
    "istimewa",
    "ist",
    "net",
    "artikel",
    "sumber",
    "kompas",
    "tempo",
    "okezone",
    "antara",
    "sindonews",
    "liputan6",
    "kontan",
    "kumparan",
    "tirto",
    "republika",
    "merdeka",
    "fimela",
    "rcti",
    "sctv",
    "mnc",
    "tvri",
    "rri",
    "cnn",
    "inews",
    "jpnn",
    "viva",
    "suara",
    "news",
    "media",
    "online",
    "komisi",
    "dewan",
    "majelis",
    "mahkamah",
    "partai",
    "universitas",
    "lembaga",
    "pengadilan",
    "kejaksaan",
    "kepolisian",
    "pemerintah",
    "provinsi",
    "kabupaten",
    "kota",
    "desa",
    "perusahaan",
    "bank",
    "pt",
    "korupsi",
    // Headings of notes that close an article in capitals (`PERINGATAN …`, `CATATAN …`).
    "peringatan",
    "catatan",
    "informasi",
    "pengumuman",
    "bersambung",
    "disclaimer",
    "update",
];

/// Credit lines in capitals (`ANI LESTARI | BUDI SANTOSO`) at the end of some outlets'
/// articles name the reporters; sources share the form (`WARTA NEWS | REUTERS`), so only
/// parts of two or more words shaped like a person's name count. Returns the names, or
/// `None` when the line is not such a credit.
pub fn caps_credit(line: &str) -> Option<Vec<String>> {
    if line.len() > 120
        || line.ends_with(['!', '?'])
        || line.ends_with("..")
        || line.chars().any(char::is_lowercase)
        || !line
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '|' | '.' | '\'' | '-'))
        || line.split_whitespace().filter(|w| *w != "|").count() < 2
    {
        return None;
    }
    // A line that lists one publication (a one-word part such as `REUTERS`, or a part that
    // is not a name) lists sources, and its other parts are publications too.
    let mut names = Vec::new();
    for part in line.split('|') {
        let words = part.split_whitespace().count();
        match person(&super::dateline::title_case(part.trim())) {
            Some(n) if (2..=4).contains(&words) => names.push(n),
            _ => return Some(Vec::new()),
        }
    }
    Some(names)
}

/// Words of publication names (`Daily Mail`, `Live Science`, `The Verge`), which credit
/// lines in capitals list beside reporters.
const MEDIA_WORDS: &[&str] = &[
    "the",
    "of",
    "daily",
    "mail",
    "times",
    "post",
    "journal",
    "magazine",
    "science",
    "live",
    "tech",
    "digital",
    "sun",
    "interest",
    "national",
    "international",
    "world",
    "guide",
    "health",
    "nature",
    "popular",
    "trends",
    "line",
    "review",
    "today",
    "weekly",
    "herald",
    "tribune",
    "telegraph",
    "gazette",
    "express",
    "mirror",
    "independent",
    "insider",
    "wire",
    "press",
    "channel",
    "radio",
    "tv",
    "crunch",
    "verge",
    "mechanics",
    "astronomy",
    "sports",
    "football",
    "liga",
    "bisnis",
    "espana",
    "bazaar",
    "harper's",
    "american",
    "one",
    "asia",
    "guardian",
    "reuters",
    "afp",
    "bbc",
    "nasa",
    "cnbc",
    "nbc",
    "cbs",
    "fox",
    "abc",
    "ap",
];

/// Joining words that may sit inside a personal name.
const NAME_JOINERS: &[&str] = &["bin", "binti", "van", "de", "da", "al", "el", "von"];

/// Honorifics and degrees before or inside a name, dropped from the author.
const TITLES: &[&str] = &[
    "dr",
    "drs",
    "prof",
    "ir",
    "h",
    "hj",
    "kombes",
    "pol",
    "kompol",
    "akbp",
    "brigjen",
    "irjen",
    "jenderal",
    "kolonel",
    "letkol",
    "mayjen",
    "laksamana",
    "marsekal",
];

fn is_initials(tok: &str) -> bool {
    // `K.`, `A.M.`, `M`, `HK`: initials and desk codes.
    tok.chars().all(|c| c.is_uppercase() || c == '.') && tok.chars().any(char::is_uppercase)
}

/// Role labels a scraper glues onto the end of a credited name (`Ani LestariEditor`).
const GLUED_LABELS: &[&str] = &[
    "editor",
    "penulis",
    "reporter",
    "wartawan",
    "redaktur",
    "penyunting",
    "pewarta",
    "kontributor",
    "fotografer",
];

/// The name before a role label glued to its last word (`Vitri SiregarEditor Jakarta` ->
/// `Vitri Siregar`): the label and what follows it belong to the next credit.
fn cut_glued_label(s: &str) -> &str {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if prev.is_some_and(char::is_lowercase) && c.is_uppercase() {
            let rest = s[i..].to_lowercase();
            if GLUED_LABELS.iter().any(|l| rest.starts_with(l)) {
                return &s[..i];
            }
        }
        prev = Some(c);
    }
    s
}

/// The person named by `raw`, cleaned (`Name,#tag` -> `Name`), or `None` when `raw` is not
/// shaped like a personal name: an outlet, a unit, a role, a sentence fragment.
pub fn person(raw: &str) -> Option<String> {
    let mut s = raw.trim();
    // A hashtag or a glued note ends the name.
    for stop in ["#", ",Artikel", ", Artikel", "|", "(", "\u{2022}"] {
        if let Some(i) = s.find(stop) {
            s = &s[..i];
        }
    }
    // `Name**`: the marks some outlets close a credit with.
    let s = cut_glued_label(s)
        .trim()
        .trim_end_matches([',', '.', ';', ':', '-', ' ', '*'])
        .trim_start_matches(['-', ':', ' ']);
    let toks: Vec<&str> = s.split_whitespace().collect();
    if toks.is_empty() || toks.len() > 6 {
        return None;
    }
    let mut caps = 0;
    for (i, t) in toks.iter().enumerate() {
        let low = t.to_lowercase();
        let low = low.trim_end_matches('.');
        if NOT_NAME_WORDS.contains(&low)
            || UNIT_WORDS.contains(&low)
            // A unit's name run into its region's (`DiskominfoKukar`, `HumasPolres`).
            || UNIT_WORDS.iter().any(|u| {
                low.len() > u.len() + 2
                    && low.starts_with(u)
                    && t.get(u.len()..)
                        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
            })
            || MEDIA_WORDS.contains(&low)
            // A site's one-word name (`Bangsaonline`, `Murianews`).
            || super::dateline::media_compound(t, false)
            || low.contains(".com")
            || low.contains(".co")
            || low.starts_with("detik")
            || low.starts_with("tribun")
            || !t
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        {
            return None;
        }
        let first = t.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            caps += 1;
            // `IKP Kominfo`: an acronym of three or more letters next to other words is a unit.
            if toks.len() > 1
                && t.chars().filter(|c| c.is_uppercase()).count() >= 3
                && is_initials(t)
            {
                return None;
            }
        } else if i == 0 || !NAME_JOINERS.contains(&low) {
            return None;
        }
    }
    (caps > 0).then(|| toks.join(" "))
}

/// Every person in a credit value that may list several (`Ani, Budi dan Citra`), or the
/// one person after a role (`Kontributor Makassar, Hendra Cipto`).
pub fn people(raw: &str) -> Vec<String> {
    let raw = raw
        .split_once("Artikel ini")
        .map_or(raw, |(a, _)| a)
        .split('#')
        .next()
        .unwrap_or("");
    raw.split([',', '&', '/', ';'])
        .flat_map(|part| part.split(" dan "))
        .filter_map(person)
        .collect()
}

/// `Oleh X` / `Oleh: X` / `OLEH X` as a whole short line: the column's author.
pub fn oleh_byline(line: &str) -> Option<String> {
    if line.len() > 80 {
        return None;
    }
    // An English theme's key too (`by Raja H. Napitupulu`).
    let key = ["oleh", "by"].into_iter().find(|k| {
        line.get(..k.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(k))
    })?;
    let rest = line[key.len()..].trim_start_matches([' ', ':']);
    if rest.len() == line.len() - key.len() && !rest.is_empty() {
        // `Olehnya`: no space or colon after the word.
        return None;
    }
    person(strip_titles(rest))
}

/// The author of a line that names them with a role: `Name, Role …`, `Name, S.Si., Role`
/// (the line after a lone `Oleh:`, or a footnote `*) Name, role`). Needs two or more words.
pub fn name_before_role(line: &str) -> Option<String> {
    let (head, role) = line.split_once(',').unwrap_or((line, ""));
    // A sentence after the comma is a caption's or the lede's (`Didampingi Sambari,
    // Khofifah memberikan keterangan pers.`): a role has no verb.
    // Active verbs only: nouns start with `di` as often (`diaspora`, `dinas`).
    let verb = role.split_whitespace().take(4).any(|w| {
        w.len() >= 7
            && w.starts_with(|c: char| c.is_lowercase())
            && ["mem", "men", "ber"].iter().any(|p| w.starts_with(p))
            && !["menteri", "mentor"].iter().any(|n| w.starts_with(n))
    });
    if verb {
        return None;
    }
    person(strip_titles(head)).filter(|n| n.contains(' '))
}

/// The name before honorifics are dropped: `Dr. Eddy Soeparno` -> `Eddy Soeparno`.
fn strip_titles(mut s: &str) -> &str {
    loop {
        let Some((first, rest)) = s.split_once(' ') else {
            return s;
        };
        if TITLES.contains(&first.to_lowercase().trim_end_matches('.')) {
            s = rest.trim_start();
        } else {
            return s;
        }
    }
}

/// Words that open the affiliation of a column's closing signature (`…, Dosen di …`).
const AFFILIATION_WORDS: &[&str] = &[
    "dosen",
    "peneliti",
    "pengamat",
    "pemerhati",
    "pengajar",
    "guru",
    "mahasiswa",
    "mahasiswi",
    "alumni",
    "alumnus",
    "ketua",
    "wakil",
    "sekretaris",
    "direktur",
    "anggota",
    "fraksi",
    "pakar",
    "advokat",
    "analis",
    "kandidat",
    "komisioner",
    "tenaga",
    "bekerja",
    "praktisi",
    "aktivis",
    "pegiat",
    "pendiri",
    "founder",
    "ceo",
    "koordinator",
    "kepala",
    "staf",
    "staff",
    "ekonom",
    "konsultan",
    "wartawan",
    "jurnalis",
    "penulis",
    "pensiunan",
    "mantan",
    "rektor",
    "guru besar",
    "profesor",
    "asn",
    "pendidik",
    "ahli",
    "politisi",
    "kader",
    "pengurus",
    "deputi",
    "sekjen",
    "senior",
    "associate",
    "lecturer",
    "researcher",
];

/// A reporting verb makes `Name, Ketua RT, mengatakan …` a sentence, not a signature.
const SPEECH: &[&str] = &[
    " mengatakan",
    " kata ",
    " ujar",
    " ungkap",
    " jelas",
    " menegaskan",
    " menyebut",
    " menilai",
    " meminta",
    " menambahkan",
    " tutur",
    " saat ",
    " ketika ",
];

/// A column's closing signature: a name, then its affiliation after `.`/`,` (often glued by
/// the scraper: `Name.Dosen di …`, `NameSekretaris …`). Returns the name.
pub fn signature(line: &str) -> Option<String> {
    if line.len() > 400 || line.ends_with(['"', '\u{201d}', '?', '!']) {
        return None;
    }
    let mut name_end = None;
    // Walk the name's words; the name ends where its last word is glued to or followed by
    // its affiliation after a `.` or `,`. Bounded: at most eight words are looked at.
    let mut start = 0;
    for (i, w) in line.split(' ').enumerate() {
        if i >= 8 {
            break;
        }
        let at = start;
        start += w.len() + 1;
        let title = TITLES.contains(&w.to_lowercase().trim_end_matches('.'));
        // A separator inside or at the end of this word splits name and affiliation.
        if let Some(cut) = affiliation_split(w).filter(|_| !title) {
            name_end = Some((at + cut.0, at + cut.1));
            break;
        }
    }
    let (end, aff) = name_end?;
    // Degrees and initials after the name (`Ph.D.`, `S,`) come before the affiliation,
    // which opens with a capitalised role (`Dosen`, `Peneliti`).
    let first_aff = line[aff..]
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .take(4)
        .find(|w| w.chars().count() > 2 && !w.trim_end_matches('.').contains('.'))
        .unwrap_or("");
    let affiliation = line[aff..].to_lowercase();
    if !first_aff.chars().next().is_some_and(char::is_uppercase)
        || !AFFILIATION_WORDS.contains(&first_aff.to_lowercase().trim_end_matches('.'))
        || SPEECH.iter().any(|v| affiliation.contains(v))
    {
        return None;
    }
    let name = line[..end].trim().trim_end_matches([',', '.', ' ']);
    let name = name.split(',').next().unwrap_or(name);
    let name = name.split(" atau ").next().unwrap_or(name);
    // Trailing degrees (`S.IK.M.Si`) are not part of the name.
    let mut name = strip_titles(name);
    while let Some((head, last)) = name.rsplit_once(' ')
        && last.contains('.')
        && last.chars().any(char::is_lowercase)
    {
        name = head;
    }
    // A one-word "name" is the opening word of a sentence (`Kemudian, Sekretaris …`).
    person(name).filter(|n| n.contains(' '))
}

/// Within one word: `Fajri.Dosen` -> split at the dot, `Soeparno,Wakil` at the comma,
/// `HendropriyonoSekretaris` where a lower-case letter meets an upper-case one;
/// `Santoso.` / `Arifin,` -> split after the word. Returns (end of name, start of rest).
fn affiliation_split(w: &str) -> Option<(usize, usize)> {
    let mut prev: Option<char> = None;
    for (i, c) in w.char_indices() {
        if let Some(p) = prev {
            if matches!(p, '.' | ',') && c.is_uppercase() {
                let sep = i - 1;
                // `A.M.` initials: a dot between capitals is inside the name.
                let before = w[..sep].chars().last();
                if before.is_some_and(char::is_lowercase) || p == ',' {
                    return Some((sep, i));
                }
            }
            if p.is_lowercase() && c.is_uppercase() {
                let rest = w[i..].to_lowercase();
                if AFFILIATION_WORDS.iter().any(|a| rest.starts_with(a)) {
                    return Some((i, i));
                }
            }
        }
        prev = Some(c);
    }
    if w.ends_with(',')
        || (w.ends_with('.') && w.chars().rev().nth(1).is_some_and(char::is_lowercase))
    {
        return Some((w.len() - 1, w.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_not_names() {
        assert_eq!(person("Ani Lestari").as_deref(), Some("Ani Lestari"));
        assert_eq!(
            person("Budi K. Santoso.").as_deref(),
            Some("Budi K. Santoso")
        );
        // A capitalised desk code signs the text: the writer's own mark, kept (`MS`).
        for code in ["HK", "JPR", "Ald"] {
            assert_eq!(person(code).as_deref(), Some(code), "{code}");
        }
        for name in ["Ani", "Eko", "Budi", "Andi", "Yus", "Setyorini"] {
            assert_eq!(person(name).as_deref(), Some(name));
        }
        assert_eq!(person("Ani Lestari**").as_deref(), Some("Ani Lestari"));
        assert_eq!(
            person("Citra Dewi SiregarEditor Kota").as_deref(),
            Some("Citra Dewi Siregar")
        );
        assert_eq!(
            person("Ani Lestari,#SehatBersama di Majalah").as_deref(),
            Some("Ani Lestari")
        );
        for bad in [
            "IKP Diskominfo",
            "Last Updated",
            "Humas Pemkab",
            "Kabarpagi.com",
            "detikJateng",
            "TribunKota.com",
            "massa juga melempari kantor",
            "Dua Hari Lalu 2019",
            "Kotaonline Video",
            "Administrator",
            "",
        ] {
            assert_eq!(person(bad), None, "{bad}");
        }
        assert_eq!(
            people("Kontributor Kota, Citra Dewi,Artikel ini tayang di Warta.com dengan judul"),
            vec!["Citra Dewi"]
        );
        assert_eq!(people("Ani, Budi dan Citra"), vec!["Ani", "Budi", "Citra"]);
    }

    #[test]
    fn capital_credits() {
        assert_eq!(
            caps_credit("ANI LESTARI | BUDI SANTOSO"),
            Some(vec!["Ani Lestari".to_string(), "Budi Santoso".to_string()])
        );
        assert_eq!(caps_credit("WARTA NEWS | REUTERS"), Some(vec![]));
        assert_eq!(caps_credit("DAILY WARTA | THE TIMES"), Some(vec![]));
        // One publication in the line makes every part a source.
        assert_eq!(caps_credit("GADGET SCENE | WIRA"), Some(vec![]));
        assert_eq!(caps_credit("ANI LESTARI | WARTA NEWS"), Some(vec![]));
        assert_eq!(caps_credit("CATATAN KHUSUS BUDI"), Some(vec![]));
        assert_eq!(caps_credit("Ani Lestari"), None);
        assert_eq!(caps_credit("BERITA"), None);
        assert_eq!(caps_credit("RASANYA SEPERTI MIMPI.."), None);
    }

    #[test]
    fn column_bylines() {
        assert_eq!(oleh_byline("Oleh: Rina Wati").as_deref(), Some("Rina Wati"));
        assert_eq!(
            oleh_byline("OLEH Dr. Rina Wati").as_deref(),
            Some("Rina Wati")
        );
        assert_eq!(oleh_byline("Oleh karena itu, warga pindah."), None);
        assert_eq!(oleh_byline("Olehnya, warga pindah"), None);
        assert_eq!(
            oleh_byline("by Raja H. Napitupulu").as_deref(),
            Some("Raja H. Napitupulu")
        );
        assert_eq!(oleh_byline("Bypass Sentul Macet"), None);
        assert_eq!(oleh_byline("By the way, warga pindah"), None);
        assert_eq!(oleh_byline("Oleh Soleh dari Partai (Ketua)"), None);
    }

    #[test]
    fn signatures() {
        for (line, name) in [
            (
                "Rina Wati.Dosen Ilmu Politik Universitas Contoh.",
                "Rina Wati",
            ),
            (
                "Dr. Budi Santoso,Wakil Ketua Lembaga Contoh",
                "Budi Santoso",
            ),
            ("Citra Dewi, Peneliti di Lembaga Contoh.", "Citra Dewi"),
            (
                "A.B. SuryonoSekretaris Lembaga Contoh (1990-1995)",
                "A.B. Suryono",
            ),
            ("Dedi Kurnia. Pengamat ekonomi.", "Dedi Kurnia"),
            ("Eko Prasetyo, Ph.D. Peneliti senior", "Eko Prasetyo"),
            (
                "Kombes Pol Dr Fajar Nugroho S.IK.M.Si.Ketua Perkumpulan Contoh.",
                "Fajar Nugroho",
            ),
            (
                "Rudi Hartono. S, Pengajar Hukum Universitas Contoh",
                "Rudi Hartono",
            ),
            ("Bayu Aji atau Bayu.Mahasiswa pascasarjana", "Bayu Aji"),
        ] {
            assert_eq!(signature(line).as_deref(), Some(name), "{line}");
        }
        for line in [
            "Kemarahan di jalanan hari ini adalah peringatan bagi semua.",
            "Joko Susilo, Ketua RT setempat, mengatakan warga sudah mengungsi sejak pagi.",
            "Joko Susilo, Ketua RT setempat, saat ditemui di rumahnya.",
            "Desa Contoh, 19 Oktober 2025.",
            "Oleh karena itu, Ketua DPR meminta maaf.",
            "Adapun anggota panitia tersebut, berikut ini nama-namanya :",
            "Kemudian, Sekretaris Kabinet Budi, Panglima Andi, dan Kepala Badan Citra.",
            "Sebelumnya Analis Sekuritas Contoh Budi Santoso memperkirakan indeks naik.",
            "Budi Santoso (Komisioner Lembaga) sebagai wakil ketua lembaga.",
        ] {
            assert_eq!(signature(line), None, "{line}");
        }
    }
}
