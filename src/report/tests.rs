use super::*;

fn meta() -> Meta {
    Meta {
        id: "4c0f888a8b7f48f0".into(),
        title: "=HYPERLINK(\"http://evil\")".into(),
        outlet: Some("Tribunsumsel.com".into()),
        published: Date::new(2025, 6, 22),
        date_source: Some(DateSource::InferredYear),
        authors: vec!["Ani".into(), "Budi".into()],
        tags: vec!["asn".into()],
        regions: vec!["Musi Rawas Utara".into()],
        regions_passing: vec!["Palembang".into()],
        source_path: "/berita/a.txt".into(),
        word_count: 120,
        ..Meta::default()
    }
}

fn full<'a>(m: &'a Meta, ctx: &'a ExportContext) -> Row<'a> {
    Row {
        triage: Some(TriageFields {
            read: true,
            decision: "relevant",
            labels: vec!["banjir", "Prioritas"],
            note: Some("-cek ke dinas"),
            ..TriageFields::default()
        }),
        view: Some(ctx),
        cluster: Some(Some("0123456789abcdef")),
        ..Row::new(m)
    }
}

/// The keys of a JSON object, in the order written.
fn keys_in_order(json: &str) -> Vec<String> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(k) = map.next_key::<String>()? {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_json::from_str::<Keys>(json).unwrap().0
}

#[test]
fn csv_columns_are_the_json_keys_in_the_same_order() {
    let (m, ctx) = (meta(), ExportContext::default());
    // The source fields are the one column that is an object in JSON, after the body.
    let json = serde_json::to_string(&full(&m, &ctx)).unwrap();
    let mut all = columns(&Part::ALL);
    assert_eq!(all.pop(), Some("source_fields"));
    assert_eq!(keys_in_order(&json), all);
    // Without the triage part, its keys go from the JSON and its columns from the CSV.
    let json = serde_json::to_string(&Row::new(&m)).unwrap();
    assert_eq!(keys_in_order(&json), columns(&[Part::Article, Part::Place]));
}

#[test]
fn a_lists_columns_are_the_first_of_an_exports() {
    let all = columns(&Part::ALL);
    let list = columns(&Part::LIST);
    assert_eq!(list[..], all[..list.len()]);
    assert_eq!(list.last(), Some(&"regions_passing"));
    assert_eq!(all.last(), Some(&"source_fields"));
}

fn csv_of(rows: &[Row<'_>], parts: &[Part]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut w = CsvReport::new(&mut out, parts).unwrap();
    for r in rows {
        w.row(r).unwrap();
    }
    w.finish().unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out[..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_cells_join_lists_and_are_inert() {
    let ctx = ExportContext {
        query: "\x1b[0m=1+1".into(),
        filters: "outlet=Kompas.com".into(),
        exported_at: "2025-06-23T01:02:03Z".into(),
    };
    let m = meta();
    let table = csv_of(&[full(&m, &ctx)], &Part::ALL);
    let header = &table[0];
    let row = &table[1];
    let col = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
    assert_eq!(col("title"), "'=HYPERLINK(\"http://evil\")");
    assert_eq!(col("authors"), "Ani; Budi");
    assert_eq!(col("labels"), "banjir; Prioritas");
    assert_eq!(col("note"), "'-cek ke dinas");
    assert_eq!(col("published"), "2025-06-22");
    assert_eq!(col("date_source"), "inferred-year");
    assert_eq!(col("read"), "true");
    assert_eq!(col("starred"), "false");
    assert_eq!(col("read_at"), "");
    assert_eq!(col("query"), "'=1+1");
    assert_eq!(col("cluster"), "0123456789abcdef");
    assert_eq!(col("regions"), "Musi Rawas Utara");
    assert_eq!(col("regions_passing"), "Palembang");
    assert_eq!(col("provinces"), "");
}

#[test]
fn a_row_without_a_part_has_empty_cells_there() {
    let m = meta();
    let table = csv_of(&[Row::new(&m)], &Part::ALL);
    let header = &table[0];
    for (h, cell) in header.iter().zip(&table[1]) {
        let article = columns(&[Part::Article, Part::Place]).contains(&h.as_str());
        assert_eq!(
            cell.is_empty(),
            !article || h == "dateline" || h == "editor" || h == "url" || h == "provinces",
            "{h}"
        );
    }
}

#[test]
fn json_text_is_the_paragraphs_the_whole_body_or_why_not() {
    let m = meta();
    let with = |text| {
        let row = Row {
            text: Some(text),
            ..Row::new(&m)
        };
        serde_json::to_value(&row).unwrap()
    };
    let v = with(Text::Paragraphs {
        body: vec!["Isi.".into()],
        source_fields: None,
    });
    assert_eq!(v["body"], serde_json::json!(["Isi."]));
    assert!(v.get("related").is_none());
    let v = with(Text::Unreadable {
        body_error: "gone".into(),
    });
    assert_eq!(v["body_error"], "gone");
    assert!(v.get("body").is_none());
    let body = Body {
        body: vec!["Isi.".into()],
        related: vec!["Baca juga".into()],
        ..Body::default()
    };
    let v = with(Text::Whole(body));
    assert_eq!(v["related"], serde_json::json!(["Baca juga"]));
    assert_eq!(v["body"], serde_json::json!(["Isi."]));
    // A list's JSON keeps the parser's other fields; the cluster only when known.
    let row = Row {
        parsed: Some(ParsedFields::from(&m)),
        ..Row::new(&m)
    };
    let v = serde_json::to_value(&row).unwrap();
    assert_eq!(v["regions"], serde_json::json!(["Musi Rawas Utara"]));
    assert_eq!(v["regions_passing"], serde_json::json!(["Palembang"]));
    assert_eq!(v["format"], "txt");
    assert!(v.get("cluster").is_none());
    let row = Row {
        cluster: Some(None),
        ..Row::new(&m)
    };
    assert!(serde_json::to_value(&row).unwrap()["cluster"].is_null());
}

#[test]
fn table_lines_fit_the_outlet_to_its_column() {
    let m = meta();
    let mut out = Vec::new();
    write_table_line(&mut out, &Row::new(&m)).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "4c0f888a  2025-06-22  Tribunsumsel.com    =HYPERLINK(\"http://evil\")\n"
    );
}

#[test]
fn fit_pads_and_cuts_by_display_width() {
    assert_eq!(fit("abc", 5), "abc  ");
    assert_eq!(fit("abcdef", 4), "abc…");
    assert_eq!(fit("日本語", 4), "日… ");
    assert_eq!(fit("", 0), "");
}

#[test]
fn a_json_array_written_row_by_row_is_the_whole_array_pretty_printed() {
    let (a, b) = (
        meta(),
        Meta {
            id: "x".into(),
            ..Meta::default()
        },
    );
    for metas in [vec![], vec![&a], vec![&a, &b]] {
        let rows: Vec<Row<'_>> = metas
            .iter()
            .map(|m| Row {
                text: Some(Text::Paragraphs {
                    body: vec!["satu\ndua".into()],
                    source_fields: None,
                }),
                ..Row::new(m)
            })
            .collect();
        let mut out = Vec::new();
        let mut json = JsonArray::new(&mut out);
        for r in &rows {
            json.item(r).unwrap();
        }
        json.finish().unwrap();
        let mut whole = serde_json::to_vec_pretty(&rows).unwrap();
        whole.push(b'\n');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }
}
