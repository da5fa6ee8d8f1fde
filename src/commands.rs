//! The non-interactive subcommands. Output goes to stdout, diagnostics to stderr.

mod admin;
mod load;
mod progress;
mod read;
mod stats;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use unicode_width::UnicodeWidthStr;

pub mod team;

use crate::cache;
use crate::cli::{
    CacheCommand, CheckArg, CheckOpt, Cli, CompletionsArgs, ConfigArgs, ExportArgs,
    ExportFormatArg, GlobalOpts, ListArgs, ListFormat, ManArgs, ParseArgs, SearchArgs, ShowArgs,
    ShowFormat, SortArg, StatsArgs,
};
use crate::cluster::{self, Clusters};
use crate::corpus::Corpus;
use crate::facets::{self, Facet, Filters};
use crate::index;
use crate::loader::{self, CacheMode, Input, LoadOptions, LoadReport};
use crate::model::Article;
use crate::query::{self, Hit, Query, Scope, Sort, TextIndex};
use crate::quick;
use crate::report::{self, Row, TriageFields};
use crate::triage::export::export_team;
use crate::triage::output::{self, OutputMode};
use crate::triage::{self, ExportContext, ExportFormat, Store};

pub use admin::*;
pub use load::*;
pub use read::*;
pub use stats::*;

/// How many per-file skip reasons are printed before the rest are summarised.
const MAX_SKIP_LINES: usize = 20;

/// Runs `f` against a buffered stdout; a closed pipe (`warta list | head`) is not an error.
fn with_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// A reader that stopped reading (`| head`), also when a writer (csv, serde_json) wrapped the
/// error: the output was wanted only that far, which is not a failure.
fn is_broken_pipe(e: &io::Error) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            // io::Error's source() skips the error it wraps; get_ref() is that error.
            if let Some(inner) = io.get_ref() {
                cur = Some(inner);
                continue;
            }
        }
        // csv's error names no source; its kind holds the I/O error.
        if let Some(csv::ErrorKind::Io(io)) = err.downcast_ref::<csv::Error>().map(|c| c.kind()) {
            cur = Some(io);
            continue;
        }
        cur = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_problems_say_what_to_do() {
        let p = Path::new("/srv/berita");
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_problem(p, &e),
            "/srv/berita: permission denied; check that you may read it"
        );
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(
            io_problem(p, &e),
            "/srv/berita: no such file or directory; check the path"
        );
    }
}
