//! `warta man`: the manual pages, from the clap definition (synopsis, options, subcommands)
//! plus what clap cannot know: the keys (from the default keymap), the query language (the
//! help overlay's rows), the files warta reads and writes. Help texts are written for a
//! terminal (examples indented and aligned), so they become no-fill blocks here instead of
//! being re-flowed into one paragraph.

use std::io::{self, Write};

/// Escapes text for roff: backslashes, hyphens (so they stay ASCII hyphens), and a `.` or
/// `'` at the start of a line, which roff would take for a request.
fn roff(text: &str) -> String {
    let s = text.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// A help text (`after_help`) as roff: indented lines (examples) keep their line breaks and
/// alignment in a no-fill block; other lines are filled paragraphs. A first line ending in
/// `:` ("Examples:") becomes a sub-heading.
fn help_text(w: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut in_block = false;
    for line in text.lines() {
        let example = line.starts_with("  ");
        if example && !in_block {
            writeln!(w, ".PP\n.nf\n.RS 2")?;
            in_block = true;
        } else if !example && in_block {
            writeln!(w, ".RE\n.fi")?;
            in_block = false;
        }
        if example {
            writeln!(w, "{}", roff(line.trim_start()))?;
        } else if line.trim().is_empty() {
            writeln!(w, ".PP")?;
        } else if line.ends_with(':') && !line.contains(' ') {
            writeln!(w, ".SS {}", roff(line.trim_end_matches(':')))?;
        } else {
            writeln!(w, "{}", roff(line))?;
        }
    }
    if in_block {
        writeln!(w, ".RE\n.fi")?;
    }
    Ok(())
}

/// One page: clap's sections, then the help text as EXAMPLES, then `extra` sections
/// (for warta.1: keys, query, files), then SEE ALSO.
pub fn render(cmd: &clap::Command, top: bool, w: &mut dyn Write) -> io::Result<()> {
    let after = cmd.get_after_help().map(|s| s.to_string());
    // Rendered by us below, not by clap_mangen's EXTRA section, which re-flows it.
    let bare = cmd
        .clone()
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let man = clap_mangen::Man::new(bare);
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(w)?;
    }
    if let Some(after) = &after {
        let (examples, rest) = split_examples(after);
        if !examples.trim().is_empty() {
            writeln!(w, ".SH EXAMPLES")?;
            help_text(w, examples)?;
        }
        if top {
            for (title, body) in rest {
                writeln!(w, ".SH \"{}\"", roff(&title.to_uppercase()))?;
                help_text(w, body)?;
                if title == "Query language" {
                    query_rows(w)?;
                }
            }
        } else if !rest.is_empty() {
            writeln!(w, ".SH NOTES")?;
            for (_, body) in rest {
                help_text(w, body)?;
                writeln!(w, ".PP")?;
            }
        }
    }
    if top {
        keys(w)?;
        files(w)?;
    }
    see_also(cmd, top, w)?;
    if cmd.get_version().or(cmd.get_long_version()).is_some() {
        man.render_version_section(w)?;
    }
    Ok(())
}

/// The help text's "Examples:" block, and its other paragraphs by their lead words
/// ("Inputs: …" → ("Inputs", "…")).
fn split_examples(text: &str) -> (&str, Vec<(String, &str)>) {
    let mut examples = "";
    let mut rest = Vec::new();
    for para in text.split("\n\n") {
        if let Some(ex) = para.strip_prefix("Examples:\n") {
            examples = ex;
            continue;
        }
        let (title, body) = match para.split_once(": ") {
            Some((t, b)) if t.len() < 20 && !t.contains('\n') => (t.to_string(), b),
            _ => ("Notes".to_string(), para),
        };
        rest.push((title, body));
    }
    (examples, rest)
}

/// KEYS: the default bindings, in the help overlay's sections.
fn keys(w: &mut dyn Write) -> io::Result<()> {
    let help = crate::keymap::Keymap::default().key_help();
    writeln!(w, ".SH KEYS")?;
    writeln!(
        w,
        "The default bindings; the config file can change any of them \\
         (warta config \\-\\-default prints them all)."
    )?;
    for (title, entries) in &help.sections {
        if title.starts_with("Search syntax") {
            continue;
        }
        writeln!(w, ".SS {}", roff(title))?;
        for (keys, what) in entries {
            writeln!(w, ".TP 16\n\\fB{}\\fR\n{}", roff(keys), roff(what))?;
        }
    }
    Ok(())
}

/// The help overlay's query rows, under the help text's query paragraph.
fn query_rows(w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, ".PP\nIn brief (the help overlay's table):")?;
    for (q, what) in crate::query::SYNTAX_HELP {
        writeln!(w, ".TP 24\n\\fB{}\\fR\n{}", roff(q), roff(what))?;
    }
    Ok(())
}

/// FILES: where warta reads and writes.
fn files(w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, ".SH FILES")?;
    for (path, what) in [
        (
            "~/.config/warta/config.toml",
            "keys, theme, synonyms and options (the platform config dir; $WARTA_CONFIG or \
             \\-\\-config FILE instead)",
        ),
        (
            "~/.local/share/warta/",
            "triage state (state.json, journal.jsonl), sessions and warta.log (the platform \
             data dir; $WARTA_DATA_DIR or \\-\\-data\\-dir DIR instead)",
        ),
        (
            "~/.cache/warta/",
            "parsed articles and the text index, only a speed\\-up (the platform cache dir; \
             $WARTA_CACHE_DIR or \\-\\-cache\\-dir DIR instead)",
        ),
    ] {
        // `what` is already roff: it names options with escaped hyphens.
        writeln!(w, ".TP\n\\fI{}\\fR\n{what}", roff(path))?;
    }
    Ok(())
}

/// SEE ALSO: the pages `warta man --dir` writes (never warta-help, which it does not).
fn see_also(cmd: &clap::Command, top: bool, w: &mut dyn Write) -> io::Result<()> {
    let pages: Vec<String> = if top {
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
            .map(|s| format!("\\fBwarta\\-{}\\fR(1)", roff(s.get_name())))
            .collect()
    } else {
        vec!["\\fBwarta\\fR(1)".to_string()]
    };
    writeln!(w, ".SH \"SEE ALSO\"\n{}", pages.join(", "))
}
