//! Places named in a query (`prov:jabar`, `region:solo`): the spellings the finder knows, and a
//! few short forms only a query uses, resolved to the display names articles carry.

use super::{Gazetteer, Hint, Target, prefix_hint, words};

/// Short forms a query may use beyond the table's spellings: `jogja` and `yogya` alone mean
/// the city as well as the province a bare one names in text.
const QUERY_ALIASES: &[(&str, &str, PlaceKind)] = &[
    ("jogja", "Yogyakarta", PlaceKind::Region),
    ("yogya", "Yogyakarta", PlaceKind::Region),
    ("jogjakarta", "Yogyakarta", PlaceKind::Region),
    ("jogja", "DI Yogyakarta", PlaceKind::Province),
    ("yogya", "DI Yogyakarta", PlaceKind::Province),
    ("jogjakarta", "DI Yogyakarta", PlaceKind::Province),
    ("yogyakarta", "DI Yogyakarta", PlaceKind::Province),
];

/// Which of an article's place lists a name is looked up for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Province,
    /// A regency or city.
    Region,
}

impl Gazetteer {
    fn kind_of(&self, target: Target) -> Option<(PlaceKind, Hint)> {
        match target {
            Target::Nothing => None,
            Target::Province(_) => Some((PlaceKind::Province, Hint::Province)),
            Target::Region(r) => Some((PlaceKind::Region, self.regions.get(r)?.kind.into())),
        }
    }

    fn display(&self, target: Target) -> Option<&str> {
        match target {
            Target::Nothing => None,
            Target::Province(p) => self.provinces.get(p).map(|p| p.name.as_str()),
            Target::Region(r) => self.regions.get(r).map(|r| r.name.as_str()),
        }
    }

    /// Every place of `kind` as (display name, its kind as a hint).
    fn places(&self, kind: PlaceKind) -> Vec<(&str, Hint)> {
        match kind {
            PlaceKind::Province => self
                .provinces
                .iter()
                .map(|p| (p.name.as_str(), Hint::Province))
                .collect(),
            PlaceKind::Region => self
                .regions
                .iter()
                .map(|r| (r.name.as_str(), r.kind.into()))
                .collect(),
        }
    }

    /// The display names of the places of `kind` that `written` names, the way a query means
    /// it: when it is one of the spellings the finder knows ("jabar", "OKI", "Lubuklinggau",
    /// "Jawa Barat"; a prefix such as "kota" or "kabupaten" picks the kind) or a query short
    /// form ("Jaksel", "Solo", "Jogja"), those places plus every place whose display name has
    /// it as whole words ("papua" → Papua, Papua Barat, …). Empty when it spells no place, so
    /// the caller can fall back to matching parts of names.
    pub fn resolve(&self, kind: PlaceKind, written: &str) -> Vec<&str> {
        let mut ws = words(written);
        let hint = match ws.first().and_then(|w| prefix_hint(w)) {
            Some(h) if ws.len() > 1 => {
                ws.remove(0);
                Some(h)
            }
            _ => None,
        };
        let Some(first) = ws.first() else {
            return Vec::new();
        };
        let fits = |k: PlaceKind, h: Hint| k == kind && hint.is_none_or(|want| want == h);
        let mut spelled: Vec<&str> = Vec::new();
        let joined = [ws.concat()];
        for (key, want) in [(first.as_str(), &ws[..]), (joined[0].as_str(), &joined[..])] {
            for name in self.index.get(key).into_iter().flatten() {
                if name.words != want {
                    continue;
                }
                if let Some((k, h)) = self.kind_of(name.target)
                    && fits(k, h)
                    && let Some(d) = self.display(name.target)
                {
                    push_unique_str(&mut spelled, d);
                }
            }
        }
        let typed = ws.join(" ");
        for &(alias, display, k) in QUERY_ALIASES {
            if alias == typed
                && k == kind
                && let Some(&(d, h)) = self.places(kind).iter().find(|(d, _)| *d == display)
                && fits(k, h)
            {
                push_unique_str(&mut spelled, d);
            }
        }
        if spelled.is_empty() {
            return spelled;
        }
        // Then every name with the typed words in it, in table order.
        let mut out: Vec<&str> = Vec::new();
        for (d, h) in self.places(kind) {
            let dw = words(d);
            if spelled.contains(&d) || (fits(kind, h) && dw.windows(ws.len()).any(|w| w == &ws[..]))
            {
                push_unique_str(&mut out, d);
            }
        }
        out
    }

    /// Up to `limit` spellings of places of `kind` that start with `typed` ("jab" → jabar), each
    /// with the display name it stands for, shortest first: suggestions for a query value that
    /// names nothing.
    pub fn spellings_starting(
        &self,
        kind: PlaceKind,
        typed: &str,
        limit: usize,
    ) -> Vec<(String, &str)> {
        let typed = words(typed).join(" ");
        if typed.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(String, &str)> = Vec::new();
        for name in self.index.values().flatten() {
            let spelling = name.words.join(" ");
            if let Some((k, _)) = self.kind_of(name.target)
                && k == kind
                && spelling.starts_with(&typed)
                && let Some(d) = self.display(name.target)
            {
                out.push((spelling, d));
            }
        }
        for &(alias, display, k) in QUERY_ALIASES {
            if k == kind && alias.starts_with(&typed) {
                out.push((alias.to_string(), display));
            }
        }
        out.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
        out.dedup_by(|a, b| a.0 == b.0);
        out.truncate(limit);
        out
    }
}

fn push_unique_str<'a>(list: &mut Vec<&'a str>, value: &'a str) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// The provinces `written` names in a query ([`Gazetteer::resolve`] over the shipped table):
/// "jabar" → Jawa Barat, "DIY" and "Jogja" → DI Yogyakarta.
pub fn resolve_province(written: &str) -> Vec<&'static str> {
    Gazetteer::get().resolve(PlaceKind::Province, written)
}

/// The regencies and cities `written` names in a query: "OKI" → Ogan Komering Ilir, "jaksel"
/// → Jakarta Selatan, "Solo" → Surakarta.
pub fn resolve_region(written: &str) -> Vec<&'static str> {
    Gazetteer::get().resolve(PlaceKind::Region, written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions::find;

    #[test]
    fn query_values_resolve_to_display_names() {
        for (written, names) in [
            ("jabar", &["Jawa Barat"][..]),
            ("JABAR", &["Jawa Barat"]),
            ("sumsel", &["Sumatera Selatan"]),
            ("Sumatra Selatan", &["Sumatera Selatan"]),
            ("diy", &["DI Yogyakarta"]),
            ("Jogja", &["DI Yogyakarta"]),
            ("jawa barat", &["Jawa Barat"]),
            ("provinsi jambi", &["Jambi"]),
            ("jakarta", &["DKI Jakarta"]),
            (
                "papua",
                &[
                    "Papua",
                    "Papua Barat",
                    "Papua Selatan",
                    "Papua Tengah",
                    "Papua Pegunungan",
                    "Papua Barat Daya",
                ],
            ),
        ] {
            let mut got = resolve_province(written);
            let mut want = names.to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{written}");
        }
        for (written, names) in [
            ("oki", &["Ogan Komering Ilir"][..]),
            ("jaksel", &["Jakarta Selatan"]),
            ("Solo", &["Surakarta"]),
            ("jogja", &["Yogyakarta"]),
            ("muratara", &["Musi Rawas Utara"]),
            ("lubuklinggau", &["Lubuk Linggau"]),
            ("Lubuk Linggau", &["Lubuk Linggau"]),
            ("blora", &["Blora"]),
            ("kota sorong", &["Kota Sorong"]),
            ("kabupaten sorong", &["Sorong", "Sorong Selatan"]),
            ("bekasi", &["Bekasi", "Kota Bekasi"]),
            ("kabupaten bekasi", &["Bekasi"]),
        ] {
            let mut got = resolve_region(written);
            let mut want = names.to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{written}");
        }
        // A province is no region and the other way round; parts of names resolve to nothing.
        assert!(resolve_region("jabar").is_empty());
        assert!(resolve_province("oki").is_empty());
        assert!(resolve_province("sumatera").is_empty());
        assert!(resolve_region("").is_empty());
        // Each resolved name is one the finder puts on articles.
        assert_eq!(find(None, ["Pemkab OKI"]).regions, resolve_region("oki"));
        assert_eq!(
            find(None, ["warga Jabar"]).provinces,
            resolve_province("jabar")
        );
    }

    #[test]
    fn suggestions_for_a_partly_typed_place() {
        let g = Gazetteer::get();
        let s = g.spellings_starting(PlaceKind::Province, "jab", 3);
        assert_eq!(s.first(), Some(&("jabar".to_string(), "Jawa Barat")));
        let s = g.spellings_starting(PlaceKind::Region, "jaks", 3);
        assert_eq!(s, [("jaksel".to_string(), "Jakarta Selatan")]);
        assert!(g.spellings_starting(PlaceKind::Region, "zzz", 3).is_empty());
        assert!(g.spellings_starting(PlaceKind::Region, "", 3).is_empty());
    }
}
