//! Copy and open: what `y`, `Y` and `o` hand to the front end.
//!
//! `y` copies a citation per article: the selection's in view order, else the cursor's.
//! `Y` copies the cursor article's body. `o` opens its URL, else the file it came from.
//! The front end carries the [`External`] effect out (the `external` module runs it).

use crate::model::Meta;

use super::action::Action;
use super::state::{App, MessageKind};
use super::update::{Effect, External};

/// `y`, `Y` or `o` on the cursor article.
pub fn action(app: &mut App, action: Action) -> Effect {
    let Some(index) = app.selected() else {
        app.set_message("no article selected", MessageKind::Info);
        return Effect::None;
    };
    match action {
        Action::CopyCitation => {
            let targets = app.targets();
            let text = targets
                .iter()
                .map(|&i| citation(app.corpus.meta(i)))
                .collect::<Vec<_>>()
                .join("\n");
            let what = match targets.len() {
                1 => "citation".to_string(),
                n => format!("{n} citations"),
            };
            Effect::External(External::Copy { text, what })
        }
        Action::CopyBody => match app.body_for(index).map(|b| paragraphs(&b)) {
            None => {
                app.set_message(
                    "the article is still loading; copy it again in a moment",
                    MessageKind::Info,
                );
                Effect::None
            }
            Some(Ok(text)) if text.is_empty() => {
                app.set_message(
                    "nothing copied: the article has no body text",
                    MessageKind::Info,
                );
                Effect::None
            }
            Some(Ok(text)) => Effect::External(External::Copy {
                text,
                what: "body".into(),
            }),
            Some(Err(e)) => {
                app.set_message(format!("cannot load the body: {e}"), MessageKind::Error);
                Effect::None
            }
        },
        Action::OpenExternal => Effect::External(External::Open {
            target: open_target(app.corpus.meta(index)),
        }),
        _ => Effect::None,
    }
}

/// `Title. Outlet, 2025-06-03. https://...`: ISO dates (unambiguous in any language and
/// what the rest of warta shows), then the URL or, without one, the file (and the record
/// number inside a JSONL, JSON or CSV file). Missing parts are left out.
pub fn citation(meta: &Meta) -> String {
    let mut out = meta.title.trim().to_string();
    if out.is_empty() {
        out.push_str("(untitled)");
    }
    if !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    let date = meta.published.map(|d| d.to_string());
    let outlet = meta.outlet.as_deref().filter(|o| !o.is_empty());
    let by = match (outlet, date) {
        (Some(o), Some(d)) => Some(format!("{o}, {d}")),
        (Some(o), None) => Some(o.to_string()),
        (None, Some(d)) => Some(d),
        (None, None) => None,
    };
    if let Some(by) = by {
        out.push(' ');
        out.push_str(&by);
        out.push('.');
    }
    out.push(' ');
    out.push_str(&source(meta));
    out
}

/// The article's URL, else its file (with ` #n` for record n of a multi-article file).
fn source(meta: &Meta) -> String {
    match (&meta.url, meta.record) {
        (Some(u), _) if !u.is_empty() => u.clone(),
        (_, Some(r)) => format!("{} #{r}", meta.source_path),
        _ => meta.source_path.clone(),
    }
}

/// What `o` opens: the URL when there is one, else the file the article came from (for a
/// record, the whole file).
pub fn open_target(meta: &Meta) -> String {
    match &meta.url {
        Some(u) if !u.is_empty() => u.clone(),
        _ => meta.source_path.clone(),
    }
}

/// The body's paragraphs separated by blank lines.
fn paragraphs(body: &Result<crate::model::Body, String>) -> Result<String, String> {
    let body = body.as_ref().map_err(Clone::clone)?;
    Ok(body
        .body
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::model::{Article, Date};

    fn meta(title: &str) -> Meta {
        Meta {
            title: title.into(),
            outlet: Some("Infoku".into()),
            published: Date::new(2025, 9, 10),
            source_path: "/c/a.txt".into(),
            ..Meta::default()
        }
    }

    #[test]
    fn citation_has_title_outlet_iso_date_and_source() {
        let mut m = meta("ASN Dibatasi Bermedsos");
        assert_eq!(
            citation(&m),
            "ASN Dibatasi Bermedsos. Infoku, 2025-09-10. /c/a.txt"
        );
        m.url = Some("https://infoku.id/a".into());
        m.title = "Benarkah?".into();
        assert_eq!(
            citation(&m),
            "Benarkah? Infoku, 2025-09-10. https://infoku.id/a"
        );
        m.url = None;
        m.record = Some(3);
        m.outlet = None;
        assert_eq!(citation(&m), "Benarkah? 2025-09-10. /c/a.txt #3");
        m.published = None;
        assert_eq!(citation(&m), "Benarkah? /c/a.txt #3");
        assert_eq!(open_target(&m), "/c/a.txt");
        m.url = Some("https://x.id".into());
        assert_eq!(open_target(&m), "https://x.id");
    }

    fn app() -> App {
        let articles = (0..3)
            .map(|i| Article {
                meta: Meta {
                    id: format!("{i:016x}"),
                    published: Date::new(2025, 1, 1 + i as u8),
                    ..meta(&format!("Berita {i}"))
                },
                body: crate::model::Body {
                    body: vec![format!("Paragraf satu {i}."), format!("Paragraf dua {i}.")],
                    ..Default::default()
                },
            })
            .collect();
        let mut app = App::new(Corpus::from_articles(articles), Default::default());
        crate::app::search_now(&mut app);
        app
    }

    #[test]
    fn y_copies_the_cursor_citation_or_one_per_selected_article() {
        let mut app = app();
        // Newest first: "Berita 2" is on top.
        match action(&mut app, Action::CopyCitation) {
            Effect::External(External::Copy { text, what }) => {
                assert_eq!(text, "Berita 2. Infoku, 2025-01-03. /c/a.txt");
                assert_eq!(what, "citation");
            }
            e => panic!("{e:?}"),
        }
        app.list.selection.extend([0, 2]);
        match action(&mut app, Action::CopyCitation) {
            Effect::External(External::Copy { text, what }) => {
                let lines: Vec<&str> = text.lines().collect();
                assert_eq!(lines.len(), 2);
                assert!(lines[0].starts_with("Berita 2."), "{text}");
                assert!(lines[1].starts_with("Berita 0."), "{text}");
                assert_eq!(what, "2 citations");
            }
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn big_y_copies_paragraphs_with_blank_lines() {
        let mut app = app();
        match action(&mut app, Action::CopyBody) {
            Effect::External(External::Copy { text, what }) => {
                assert_eq!(text, "Paragraf satu 2.\n\nParagraf dua 2.");
                assert_eq!(what, "body");
            }
            e => panic!("{e:?}"),
        }
    }

    struct Broken;
    impl crate::corpus::BodySource for Broken {
        fn body(&self, _: usize) -> Result<crate::model::Body, String> {
            Err("cache file truncated".into())
        }
    }

    #[test]
    fn an_unloadable_body_is_reported() {
        let corpus = Corpus::new(vec![meta("A")], std::sync::Arc::new(Broken));
        let mut app = App::new(corpus.clone(), Default::default());
        crate::app::search_now(&mut app);
        // A body on disk is loaded by the front end's worker, never by update().
        assert!(matches!(action(&mut app, Action::CopyBody), Effect::None));
        let msg = app.message.take().expect("a message");
        assert!(msg.text.contains("still loading"), "{}", msg.text);
        assert_eq!(app.wanted_bodies(), [0]);
        app.install_body(corpus.identity(), 0, corpus.body(0));
        assert!(app.wanted_bodies().is_empty());
        assert!(matches!(action(&mut app, Action::CopyBody), Effect::None));
        let msg = app.message.expect("a message");
        assert_eq!(msg.kind, MessageKind::Error);
        assert_eq!(msg.text, "cannot load the body: cache file truncated");
    }

    #[test]
    fn o_opens_the_file_without_a_url_and_nothing_without_an_article() {
        let mut app = app();
        assert_eq!(
            match action(&mut app, Action::OpenExternal) {
                Effect::External(e) => e,
                e => panic!("{e:?}"),
            },
            External::Open {
                target: "/c/a.txt".into()
            }
        );
        let mut empty = App::new(Corpus::default(), Default::default());
        crate::app::search_now(&mut empty);
        assert!(matches!(
            action(&mut empty, Action::CopyCitation),
            Effect::None
        ));
        assert_eq!(empty.message.unwrap().text, "no article selected");
    }
}
