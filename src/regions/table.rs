//! Reading the regions table (`data/regions.tsv`): provinces, regencies and cities with
//! their spellings, indexed by first word.

use super::*;

impl Gazetteer {
    /// Parses a table in the format of `data/regions.tsv`; malformed lines are skipped.
    pub fn parse(table: &str) -> Gazetteer {
        let mut provinces: Vec<Province> = Vec::new();
        let mut regions: Vec<Region> = Vec::new();
        // (words, target, bare, common) before indexing.
        let mut names: Vec<(Vec<String>, Target, Bare, bool)> = Vec::new();
        let mut pending: Vec<(usize, String)> = Vec::new(); // region index -> province code
        // (region, words, bare) of every short form, for its direction forms.
        let mut short_forms: Vec<(usize, Vec<String>, Bare)> = Vec::new();
        for line in table.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, code, prov, display, written, aliases, flags] = cols[..] else {
                continue;
            };
            let target = match kind {
                "province" => {
                    provinces.push(Province {
                        code: code.to_string(),
                        name: display.to_string(),
                    });
                    Target::Province(provinces.len() - 1)
                }
                "regency" | "city" => {
                    pending.push((regions.len(), prov.to_string()));
                    regions.push(Region {
                        code: code.to_string(),
                        kind: if kind == "city" {
                            RegionKind::City
                        } else {
                            RegionKind::Regency
                        },
                        name: display.to_string(),
                        province: usize::MAX,
                    });
                    Target::Region(regions.len() - 1)
                }
                "ignore" => Target::Nothing,
                _ => continue,
            };
            let bare = match flags.trim() {
                "prefix" => Bare::Never,
                "placed" => Bare::Placed,
                "cap" => Bare::Capitalised,
                _ => Bare::Any,
            };
            let mut common = matches!(bare, Bare::Capitalised | Bare::Placed);
            let main = words(written);
            // `pulih dairi cederanya`: a slip for `dari`, not the regency.
            let bare = if bare == Bare::Any
                && target != Target::Nothing
                && !matches!(target, Target::Province(_))
                && spelling::slip_of_function_word(&main)
            {
                common = true;
                Bare::Capitalised
            } else {
                bare
            };
            if main.len() > 1 && target != Target::Nothing {
                // "Lubuk Linggau" is also written "Lubuklinggau".
                names.push((vec![main.concat()], target, bare, false));
            }
            names.push((main, target, bare, common));
            for alias in aliases.split(',') {
                let alias_letters = alias.trim().trim_end_matches(['*', '^']);
                let bare = if alias.trim().ends_with('*') {
                    Bare::Capitalised
                } else if alias.trim().ends_with('^') {
                    Bare::Doubted
                } else if alias_letters.len() > 1
                    && alias_letters.chars().all(|c| c.is_ascii_uppercase())
                {
                    Bare::Upper
                } else {
                    Bare::Any
                };
                let w = words(alias);
                if !w.is_empty() {
                    if let Target::Region(r) = target {
                        short_forms.push((r, w.clone(), bare));
                    }
                    names.push((w, target, bare, false));
                }
            }
        }
        // A short form and a direction name the region split off with that direction
        // (`Bolmong Utara` is Bolaang Mongondow Utara, as `Bolmut` is).
        for (r, w, bare) in short_forms {
            for direction in ["Utara", "Selatan", "Timur", "Barat", "Tengah"] {
                let full = format!("{} {direction}", regions[r].name);
                if let Some(split_off) = regions.iter().position(|o| o.name == full) {
                    let mut named = w.clone();
                    named.push(direction.to_lowercase());
                    names.push((named, Target::Region(split_off), bare, false));
                }
            }
        }
        for (r, code) in pending {
            regions[r].province = provinces
                .iter()
                .position(|p| p.code == code)
                .unwrap_or(usize::MAX);
        }
        let mut index: WordMap<Vec<Name>> = WordMap::default();
        let mut split: WordMap<Vec<(String, Target)>> = WordMap::default();
        for (words, target, bare, common) in names {
            if let ([one], Target::Region(_) | Target::Province(_), Bare::Any) =
                (&words[..], target, bare)
            {
                for (first, rest) in spelling::halves(one) {
                    split.entry(first).or_default().push((rest, target));
                }
            }
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let list = index.entry(first).or_default();
            // One spelling naming one place twice (a joined form equal to an alias): keep the
            // laxer form.
            if let Some(same) = list
                .iter_mut()
                .find(|n| n.words == words && n.target == target)
            {
                same.bare = same.bare.min(bare);
                same.common &= common;
                continue;
            }
            list.push(Name {
                words,
                target,
                bare,
                common,
            });
        }
        for list in index.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        }
        let twin = regions
            .iter()
            .map(|r| {
                let base = r.name.strip_prefix("Kota ")?;
                (r.kind == RegionKind::City)
                    .then(|| {
                        regions
                            .iter()
                            .position(|o| o.kind == RegionKind::Regency && o.name == base)
                    })
                    .flatten()
            })
            .collect();
        Gazetteer {
            provinces,
            regions,
            index,
            split,
            twin,
            districts: WordMap::default(),
            kecamatan: WordMap::default(),
            district_heads: WordMap::default(),
            named_villages: WordMap::default(),
            namesakes: WordMap::default(),
            landmarks: WordMap::default(),
        }
    }
}
