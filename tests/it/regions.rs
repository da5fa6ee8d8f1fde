//! Regions and provinces found in the seed articles, and the `prov:` / `region:` query fields
//! and facets over them.

use warta::corpus::Corpus;
use warta::facets::{self, Facet, Filters};
use warta::loader::EMBEDDED;
use warta::loader::Record;
use warta::loader::parse::{from_record, parse_text};
use warta::model::{Article, Format, Meta};
use warta::query::{Query, Scope, Sort, search};

fn seeds() -> Vec<Article> {
    EMBEDDED
        .iter()
        .map(|(name, bytes)| {
            let text = std::str::from_utf8(bytes).expect("seed is UTF-8");
            parse_text(text, name)
        })
        .collect()
}

fn seed(prefix: &str) -> Meta {
    seeds()
        .into_iter()
        .find(|a| a.meta.source_path.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
        .meta
}

#[test]
fn seed_regions_and_provinces() {
    let a = seed("000");
    // The title places the story in the regency (`Viral ASN di Muratara`); the dateline
    // (LUBUKLINGGAU), which the text never names, is the newsroom's.
    assert_eq!(a.regions, ["Musi Rawas Utara"]);
    assert_eq!(a.regions_passing, ["Lubuk Linggau"]);
    assert_eq!(a.provinces, ["Sumatera Selatan"]);
    let a = seed("001");
    assert_eq!(a.regions, ["Simalungun"]);
    assert_eq!(a.provinces, ["Sumatera Utara"]);
    let a = seed("002");
    // "Batu" in a read-also headline is boilerplate, and a stone anyway.
    assert_eq!(a.regions, ["Ogan Komering Ilir"]);
    assert_eq!(a.provinces, ["Sumatera Selatan"]);
    let a = seed("003");
    assert_eq!(a.regions, ["Palembang"]);
    assert_eq!(a.provinces, ["Sumatera Selatan"]);
    let a = seed("004");
    assert_eq!(a.regions, ["Blora"]);
    assert_eq!(a.provinces, ["Jawa Tengah"]);
}

#[test]
fn records_get_regions_from_title_and_body() {
    let rec = Record {
        title: Some("Pemkot Malang gelar rapat".into()),
        body: Some("KOMPAS.com - Wali Kota Sorong hadir.\n\nWarga Merauke ikut.".into()),
        ..Record::default()
    };
    let a = from_record(&rec, "x.jsonl", Some(0), Format::Jsonl);
    assert_eq!(a.meta.regions, ["Kota Malang", "Kota Sorong", "Merauke"]);
    assert_eq!(
        a.meta.provinces,
        ["Jawa Timur", "Papua Barat Daya", "Papua Selatan"]
    );
}

#[test]
fn old_json_without_the_fields_still_reads() {
    let mut v = serde_json::to_value(seed("004")).expect("serialises");
    let obj = v.as_object_mut().expect("object");
    assert_eq!(obj["provinces"], serde_json::json!(["Jawa Tengah"]));
    obj.remove("regions");
    obj.remove("provinces");
    let back: Meta = serde_json::from_value(v).expect("defaults fill the gap");
    assert!(back.regions.is_empty() && back.provinces.is_empty());
}

fn corpus() -> Corpus {
    Corpus::from_articles(seeds())
}

fn hits(c: &Corpus, q: &str) -> Vec<String> {
    let q = Query::parse(q).expect("query parses");
    let mut out: Vec<String> = search(c, &q, &Filters::default(), Sort::DateDesc, Scope::default())
        .iter()
        .map(|h| c.meta(h.index).source_path[..3].to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn prov_and_region_queries_over_the_seeds() {
    let c = corpus();
    assert_eq!(hits(&c, "prov:\"sumatera selatan\""), ["000", "002", "003"]);
    assert_eq!(hits(&c, "prov:sumatera"), ["000", "001", "002", "003"]);
    assert_eq!(hits(&c, "PROVINCE:jawa"), ["004"]);
    assert_eq!(hits(&c, "region:blora"), ["004"]);
    assert_eq!(hits(&c, "region:BLÓRA"), ["004"]);
    assert!(hits(&c, "region:linggau").is_empty());
    assert_eq!(hits(&c, "named:linggau"), ["000"]);
    assert_eq!(hits(&c, "!prov:sumatera"), ["004"]);
    assert_eq!(hits(&c, "region:ogan | region:palembang"), ["002", "003"]);
    // A province is no region: an error pointing at prov:, rather than no rows.
    let e = Query::parse("region:papua").unwrap_err().message;
    assert!(e.contains("Papua is a province, try prov:papua"), "{e}");
    // Short forms the region finder knows resolve to the names the facets show.
    assert_eq!(
        hits(&c, "prov:sumsel"),
        hits(&c, "prov:\"sumatera selatan\"")
    );
    assert_eq!(hits(&c, "named:lubuklinggau"), ["000"]);
}

#[test]
fn province_and_region_facets() {
    let c = corpus();
    let all: Vec<usize> = (0..c.len()).collect();
    assert!(Facet::ALL.contains(&Facet::Province) && Facet::ALL.contains(&Facet::Region));
    assert_eq!(
        facets::counts(&c, &all, Facet::Province),
        [
            ("Sumatera Selatan".to_string(), 3),
            ("Jawa Tengah".to_string(), 1),
            ("Sumatera Utara".to_string(), 1),
        ]
    );
    // Musi Rawas Utara, Simalungun, Ogan Komering Ilir, Palembang, Blora.
    assert_eq!(facets::counts(&c, &all, Facet::Region).len(), 5);
    let mut f = Filters::default();
    f.toggle(Facet::Province, "Sumatera Selatan");
    f.toggle(Facet::Region, "Palembang");
    let q = Query::default();
    let h = search(&c, &q, &f, Sort::DateDesc, Scope::default());
    assert_eq!(h.len(), 1);
    assert_eq!(c.meta(h[0].index).regions, ["Palembang"]);
    assert_eq!(
        f.to_string(),
        "province: Sumatera Selatan; region: Palembang"
    );
}

#[test]
fn regions_named_in_passing_have_their_own_facet() {
    // Of the seeds, only the first names a region only in passing (its newsroom's dateline).
    let passing: Vec<Vec<String>> = seeds()
        .iter()
        .map(|a| a.meta.regions_passing.clone())
        .collect();
    assert_eq!(passing[0], ["Lubuk Linggau"]);
    assert!(passing[1..].iter().all(Vec::is_empty), "{passing:?}");
    let rec = Record {
        title: Some("Banjir rendam ratusan rumah".into()),
        body: Some(
            [
                "Banjir merendam ratusan rumah di Kabupaten Kerinci sejak Senin.",
                "Warga mengungsi ke balai desa.",
                "Bantuan datang dari relawan.",
                "Kepala Basarnas Pekanbaru ikut memantau.",
            ]
            .join("\n\n"),
        ),
        ..Record::default()
    };
    let flood = from_record(&rec, "x.jsonl", Some(0), Format::Jsonl);
    assert_eq!(flood.meta.regions, ["Kerinci"]);
    assert_eq!(flood.meta.regions_passing, ["Pekanbaru"]);
    let mut articles = seeds();
    articles.push(flood);
    let c = Corpus::from_articles(articles);
    let all: Vec<usize> = (0..c.len()).collect();
    assert_eq!(
        facets::counts(&c, &all, Facet::Passing),
        [
            ("Lubuk Linggau".to_string(), 1),
            ("Pekanbaru".to_string(), 1)
        ]
    );
    assert!(
        !facets::counts(&c, &all, Facet::Region)
            .iter()
            .any(|(r, _)| r == "Pekanbaru")
    );
    let mut f = Filters::default();
    f.toggle(Facet::Passing, "Pekanbaru");
    let h = search(&c, &Query::default(), &f, Sort::DateDesc, Scope::default());
    assert_eq!(h.len(), 1);
    assert_eq!(c.meta(h[0].index).regions, ["Kerinci"]);
    assert_eq!(f.to_string(), "passing: Pekanbaru");
    assert_eq!(hits(&c, "region:pekanbaru"), Vec::<String>::new());
    assert_eq!(hits(&c, "named:pekanbaru"), ["x.j"]);
}
