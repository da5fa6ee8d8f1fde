use super::*;

#[test]
fn ranges_merge_when_they_overlap_touch_or_nest() {
    assert_eq!(merge_ranges(vec![8..10, 0..3, 2..5]), vec![0..5, 8..10]);
    assert_eq!(merge_ranges(vec![0..3, 3..6]), vec![0..6]);
    assert_eq!(merge_ranges(vec![0..10, 2..4, 9..12]), vec![0..12]);
    assert_eq!(merge_ranges(vec![4..4, 0..1, 7..7]), vec![0..1]);
    assert_eq!(merge_ranges(vec![]), Vec::<Range<usize>>::new());
}

proptest::proptest! {
    /// The merged ranges are sorted, apart (not even touching) and cover exactly the
    /// bytes the input ranges cover.
    #[test]
    fn merged_ranges_cover_the_same_bytes_apart(
        ranges in proptest::collection::vec((0usize..60, 0usize..12), 0..12)
    ) {
        let ranges: Vec<Range<usize>> = ranges.into_iter().map(|(s, n)| s..s + n).collect();
        let merged = merge_ranges(ranges.clone());
        for w in merged.windows(2) {
            proptest::prop_assert!(w[0].end < w[1].start, "{merged:?}");
        }
        for b in 0..80 {
            let want = ranges.iter().any(|r| r.contains(&b));
            let got = merged.iter().any(|r| r.contains(&b));
            proptest::prop_assert_eq!(got, want, "byte {} in {:?} -> {:?}", b, ranges, merged);
        }
    }
}

proptest::proptest! {
    /// Folding char by char gives exactly what lower-casing and decomposing the whole
    /// string (then dropping the marks) gives, for any text, including letters with
    /// several marks, Hangul, capitals that lower-case to two chars.
    #[test]
    fn fold_each_is_fold(s in "(\\PC|[Ééİıẞßǅ\u{301}\u{323}\u{302}한글ﬁ])*") {
        use unicode_normalization::UnicodeNormalization;
        let whole: String = s
            .chars()
            .flat_map(char::to_lowercase)
            .nfd()
            .filter(|&c| !is_combining_mark(c))
            .collect();
        let mut got = String::new();
        fold_each(&s, |c| {
            got.push(c);
            true
        });
        proptest::prop_assert_eq!(&got, &whole);
        proptest::prop_assert_eq!(&fold(&s), &whole);
        // Through the reused buffer too, and from inside another call using it.
        let (outer, inner) = with_folded(&s, |a| (a.to_string(), with_folded(&s, str::to_string)));
        proptest::prop_assert_eq!(&outer, &got);
        proptest::prop_assert_eq!(&inner, &got);
    }
}

#[test]
fn clean_text_is_returned_as_is() {
    let s = "Jakarta — “Kata dia,” ujarnya. 日本 🇮🇩\nbaris dua";
    assert!(is_safe(s));
    assert!(matches!(sanitize_cow(s), Cow::Borrowed(_)));
    assert_eq!(sanitize(s), s);
}

#[test]
fn unsafe_chars_found_at_every_offset() {
    // The scanner works in 16-byte chunks: probe every position around two chunks, with
    // multi-byte neighbours straddling the chunk boundaries.
    for bad in [
        "\x1b",
        "\t",
        "\u{9b}",
        "\u{202E}",
        "\u{E0041}",
        "\x7f",
        "\u{2063}",
        "\u{2029}",
        "\u{1F1EE}",
    ] {
        for prefix in ["", "é", "日本", "🇮🇩"] {
            for n in 0..40 {
                let s = format!("{prefix}{}{bad}{}", "a".repeat(n), "b".repeat(20));
                assert!(!is_safe(&s), "{s:?}");
                let ok = format!("{prefix}{}{}", "a".repeat(n), "b".repeat(20));
                assert!(is_safe(&ok), "{ok:?}");
            }
        }
    }
}

#[test]
fn escape_sequences_are_dropped_whole() {
    assert_eq!(sanitize("Breaking\x1b[2J\x1b[H FAKE"), "Breaking FAKE");
    assert_eq!(sanitize("a\x1b[?1049lb\x1b[?1000hc"), "abc");
    assert_eq!(sanitize("x\x1b]0;pwned\x07y"), "xy");
    assert_eq!(sanitize("x\x1b]52;c;Y3VybA==\x1b\\y"), "xy");
    assert_eq!(
        sanitize("\x1b]8;;https://evil\x07click\x1b]8;;\x07"),
        "click"
    );
    assert_eq!(sanitize("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
    assert_eq!(sanitize("a\x1b(Bb\x1b7c\x1b#8d"), "abcd");
    assert_eq!(
        sanitize("a\u{9b}31mb\u{9d}0;t\u{9c}c\u{90}x\u{9c}d"),
        "abcd"
    );
}

#[test]
fn unterminated_sequences_stop_at_line_end() {
    assert_eq!(sanitize("title\x1b]0;\nnext line"), "title\nnext line");
    assert_eq!(sanitize("a\x1bP...\nb\nc"), "a\nb\nc");
    assert_eq!(sanitize("a\x1b[\nb"), "a\nb");
    assert_eq!(sanitize("a\x1b"), "a");
    assert_eq!(sanitize("a\x1b[12"), "a");
    // An ESC inside a string aborts it and starts its own sequence.
    assert_eq!(sanitize("a\x1b]0;x\x1b[31mb"), "ab");
}

#[test]
fn tabs_expand_to_stops_of_four_columns() {
    assert_eq!(sanitize("a\tb"), "a   b");
    assert_eq!(sanitize("\tx"), "    x");
    assert_eq!(sanitize("abcd\te"), "abcd    e");
    assert_eq!(sanitize("ab\tc\td"), "ab  c   d");
    assert_eq!(sanitize("xy\n\tz"), "xy\n    z");
    // Wide characters count two columns.
    assert_eq!(sanitize("日\tx"), "日  x");
    // Removed characters do not count.
    assert_eq!(sanitize("a\x1b[1m\tb"), "a   b");
}

#[test]
fn controls_bidi_and_invisibles_removed() {
    assert_eq!(sanitize("Safe\rEVIL"), "SafeEVIL");
    assert_eq!(sanitize("abc\x08\x08\x08XYZ\x0b\x0c"), "abcXYZ");
    assert_eq!(sanitize("a\0b\x7fc\x07"), "abc");
    assert_eq!(sanitize("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
    assert_eq!(
        sanitize("\u{2066}a\u{2069}\u{200E}b\u{200F}\u{061C}c\u{202A}"),
        "abc"
    );
    assert_eq!(
        sanitize("foo\u{200B}bar\u{2060}\u{FEFF}baz\u{AD}qux\u{180E}"),
        "foobarbazqux"
    );
    assert_eq!(sanitize("tag\u{E0041}\u{E007F}"), "tag");
    let zwnj = "ক্\u{200C}ষ می\u{200C}خواهم";
    assert_eq!(sanitize(zwnj), zwnj);
}

#[test]
fn every_format_character_is_removed_by_category() {
    // The ones a hand list had missed: invisible operators, annotation marks, Mongolian
    // variation selectors, Egyptian hieroglyph format controls.
    assert_eq!(
        sanitize("f\u{2061}(x)\u{2062}y\u{2063}z\u{2064}1"),
        "f(x)yz1"
    );
    assert_eq!(sanitize("\u{FFF9}ruby\u{FFFA}anno\u{FFFB}"), "rubyanno");
    assert_eq!(
        sanitize("a\u{180B}b\u{180C}c\u{180D}d\u{180E}e\u{180F}f"),
        "abcdef"
    );
    assert_eq!(sanitize("\u{13430}x\u{1343F}\u{1BCA0}"), "x");
    // ZWJ goes: the emoji of a sequence are drawn one by one, equally wide everywhere.
    assert_eq!(sanitize("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
    // Arabic number signs go, the digits stay.
    assert_eq!(sanitize("\u{0600}123 \u{06DD}4"), "123 4");
    assert!(!is_safe("x\u{2064}"));
}

#[test]
fn line_and_paragraph_separators_break_the_line() {
    assert_eq!(sanitize("satu\u{2028}dua\u{2029}tiga"), "satu\ndua\ntiga");
    // A tab after one counts from the new line.
    assert_eq!(sanitize("abcdef\u{2028}a\tb"), "abcdef\na   b");
    assert_eq!(escape_path("a\u{2028}b"), "a\\u{2028}b");
}

#[test]
fn a_regional_indicator_stays_only_as_half_of_a_flag() {
    let (id, i, d) = ("🇮🇩", "\u{1F1EE}", "\u{1F1E9}");
    assert!(is_safe(&format!("Bendera {id}{id} dan {id}")));
    assert_eq!(sanitize(&format!("huruf {i} saja")), "huruf \u{FFFD} saja");
    // Paired from the start of the run: the third is the lone one.
    assert_eq!(sanitize(&format!("{i}{d}{i}x")), format!("{id}\u{FFFD}x"));
    assert_eq!(sanitize(&format!("{i}{d}{i}{d}")), format!("{id}{id}"));
    // Pairs are not made across removed characters (the output stays idempotent).
    let apart = sanitize(&format!("{i}\u{200B}{d}"));
    assert_eq!(apart, "\u{FFFD}\u{FFFD}");
    assert_eq!(sanitize(&apart), apart);
    assert_eq!(
        escape_path(&format!("{i}{d}{i}.txt")),
        format!("{id}\\u{{1f1ee}}.txt")
    );
    assert!(matches!(
        escape_path(&format!("{id}.txt")),
        Cow::Borrowed(_)
    ));
}

/// The shortcuts in [`is_invisible`] and the lead-byte table agree with the Unicode data
/// for every code point.
#[test]
fn removed_characters_follow_the_general_category_and_the_scan_sees_them() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let gc = c.general_category();
        let fvs = matches!(c, '\u{180B}'..='\u{180D}' | '\u{180F}');
        let format = gc == GeneralCategory::Format && c != '\u{200C}';
        assert_eq!(is_invisible(c), format || fvs, "{c:?} {gc:?}");
        let separator = matches!(
            gc,
            GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        );
        assert_eq!(is_line_separator(c), separator, "{c:?}");
        if is_unsafe_char(c) || is_regional_indicator(c) {
            let mut b = [0u8; 4];
            let lead = c.encode_utf8(&mut b).as_bytes()[0];
            assert_ne!(CLASS[lead as usize], 0, "{c:?} starts with {lead:#x}");
            assert!(!is_safe(&format!("ab{c}cd")), "{c:?}");
        }
    }
}

#[test]
fn decode_handles_encodings() {
    assert_eq!(decode(b"\xEF\xBB\xBFhalo").unwrap(), "halo");
    assert_eq!(decode(b"\xFF\xFEh\0a\0").unwrap(), "ha");
    assert_eq!(decode(b"\xFE\xFF\0h\0a").unwrap(), "ha");
    assert_eq!(
        decode(b"\x93Kata\x94 \x80 5 caf\xe9").unwrap(),
        "\u{201C}Kata\u{201D} \u{20AC} 5 caf\u{e9}"
    );
    assert_eq!(decode(b"a\r\nb\rc\n").unwrap(), "a\nb\nc\n");
    // Windows-1252 0x9D is the C1 control OSC: it must go, with its payload.
    assert_eq!(decode(b"x\x9d0;title\x07y").unwrap(), "xy");
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(decode(b" \n\t\r\n "), Err(DecodeError::Empty));
    assert_eq!(decode(b"\xE2\x80\x8B\n"), Err(DecodeError::Empty));
    assert_eq!(decode(b"a\0b"), Err(DecodeError::Binary));
    assert_eq!(
        decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(DecodeError::Binary)
    );
    assert_eq!(decode(&[1u8, 2, 3, 4, 5, b'a']), Err(DecodeError::Binary));
}

#[test]
fn utf8_with_a_bad_byte_stays_utf8() {
    let join = |parts: &[&[u8]]| parts.concat();
    // One stray byte among intact characters: only it is replaced.
    let bytes = join(&["“Kata” – café ".as_bytes(), b"\xff ok"]);
    assert_eq!(decode(&bytes).unwrap(), "“Kata” – café \u{FFFD} ok");
    let mut bytes = "Kafe “Bintang” di Palembang — dibuka".as_bytes().to_vec();
    bytes.insert(5, 0x93);
    assert_eq!(
        decode(&bytes).unwrap(),
        "Kafe \u{FFFD}“Bintang” di Palembang — dibuka"
    );
    // A character cut short (its last byte lost), in UTF-8 text: one U+FFFD.
    let mut bytes = "naik “tajam” dan turun “lagi”".as_bytes().to_vec();
    bytes.pop();
    assert_eq!(
        decode(&bytes).unwrap(),
        "naik “tajam” dan turun “lagi\u{FFFD}"
    );
    // Windows-1252 proper: only invalid runs, nothing that forms UTF-8.
    assert_eq!(
        decode(b"\x93Kata\x94 \x96 caf\xe9 \x80 5").unwrap(),
        "\u{201C}Kata\u{201D} \u{2013} caf\u{e9} \u{20AC} 5"
    );
    // More damage than intact characters: Windows-1252 loses less.
    let bytes = join(&["é".as_bytes(), b" \x93a\x94 \x93b\x94"]);
    assert_eq!(
        decode(&bytes).unwrap(),
        "\u{c3}\u{a9} \u{201C}a\u{201D} \u{201C}b\u{201D}"
    );
}

#[test]
fn utf8_or_1252_is_told_by_intact_characters_against_bad_runs() {
    assert!(mostly_utf8(b"caf\xc3\xa9 \xff"));
    assert!(
        mostly_utf8(b"\xc3\xa9\xff\xfe\xfd"),
        "adjacent bad bytes are one run"
    );
    assert!(!mostly_utf8(b"\xc3\xa9 \xff \xfe"));
    assert!(!mostly_utf8(b"plain \x93ascii\x94"));
    assert!(mostly_utf8(b"\xe6\x97\xa5\xe6\x97"), "a cut end is one run");
}

#[test]
fn paths_are_escaped_visibly_on_one_line() {
    assert!(matches!(escape_path("a/b c/é.txt"), Cow::Borrowed(_)));
    assert_eq!(escape_path("a\x1b[2Jb\n.txt"), "a\\x1b[2Jb\\n.txt");
    assert_eq!(
        escape_path("x\u{202e}txt.exe\t\r"),
        "x\\u{202e}txt.exe\\t\\r"
    );
    assert_eq!(escape_path("\u{9b}\u{200b}"), "\\x9b\\u{200b}");
    for s in ["a\x1b]0;t\x07", "l1\nl2", "\u{2066}\u{feff}\u{7f}"] {
        let e = escape_path(s);
        assert!(is_safe(&e) && !e.contains('\n'), "{e:?}");
    }
}

#[test]
fn fold_strips_case_and_diacritics() {
    assert_eq!(fold("Café"), "cafe");
    assert_eq!(fold("JAKARTA"), "jakarta");
    assert_eq!(fold("İstanbul Ñandú"), "istanbul nandu");
    assert_eq!(fold("Ärzte 日本"), "arzte 日本");
}
