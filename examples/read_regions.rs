//! Print what the parser made of every article in some folders or files, with every mention
//! that named each of its regions, for reading by hand.
//!
//! ```text
//! cargo run --release --example read_regions -- PATH...
//! ```
//!
//! The fidelity evaluation (`eval_parse`) scores the shared corpora against their own
//! metadata; articles from other outlets have no such metadata, so their regions, dates,
//! outlets and authors are judged by reading. This prints, per article: its file, title,
//! dateline, date with its source, outlet and authors, then each region (the article's places,
//! then as `passing` those it names only in passing) and province with
//! every mention the finder counted (the lower-case words around it, the name in brackets),
//! or `dateline` when only the dateline named it. Terminal only: publisher text is never
//! copied into the repository.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use warta::loader::{self, Input, LoadOptions};

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: read_regions PATH...");
        return ExitCode::from(2);
    }
    let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
    let loaded = loader::load(&inputs, &LoadOptions::default());
    for s in &loaded.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
    }
    // A closed pipe (`read_regions … | head`) ends the listing quietly.
    match print(&loaded.corpus) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("read_regions: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print(corpus: &warta::corpus::Corpus) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (corpus.meta(a), corpus.meta(b));
        (&ma.source_path, ma.record).cmp(&(&mb.source_path, mb.record))
    });
    for i in order {
        let meta = corpus.meta(i);
        let body = corpus.body(i).map(|b| b.body).unwrap_or_default();
        let name = match meta.record {
            Some(r) => format!("{} (record {r})", meta.source_path),
            None => meta.source_path.clone(),
        };
        writeln!(out, "=== {name}")?;
        writeln!(out, "  title: {}", meta.title)?;
        writeln!(
            out,
            "  dateline: {} · date: {} ({}) · outlet: {} · authors: {}",
            meta.dateline.as_deref().unwrap_or("-"),
            meta.published.map(|d| d.to_string()).unwrap_or("-".into()),
            meta.date_source.map_or("-", |s| s.name()),
            meta.outlet.as_deref().unwrap_or("-"),
            if meta.authors.is_empty() {
                "-".to_string()
            } else {
                meta.authors.join("; ")
            },
        )?;
        let texts = std::iter::once(meta.title.as_str()).chain(body.iter().map(String::as_str));
        let mentions = warta::regions::mentions(texts);
        for (kind, places) in [
            ("region", &meta.regions),
            ("passing", &meta.regions_passing),
            ("province", &meta.provinces),
        ] {
            for place in places {
                writeln!(out, "  {kind}: {place}")?;
                let mut any = false;
                for m in mentions.iter().filter(|m| &m.place == place) {
                    let at = if m.text == 0 {
                        "title".to_string()
                    } else {
                        format!("body {}", m.text)
                    };
                    writeln!(out, "    - {at}: {}", m.context)?;
                    any = true;
                }
                if !any {
                    writeln!(
                        out,
                        "    - {}",
                        if meta.dateline.is_some() {
                            "dateline, a district of it, or through one of its regions"
                        } else {
                            "a district of it, or through one of its regions"
                        }
                    )?;
                }
            }
        }
    }
    Ok(())
}
