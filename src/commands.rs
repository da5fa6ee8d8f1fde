//! The non-interactive subcommands. Output goes to stdout, diagnostics to stderr.

mod progress;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use unicode_width::UnicodeWidthStr;

pub mod team;

use crate::cache;
use crate::cli::{
    CacheCommand, Cli, CompletionsArgs, ConfigArgs, ExportArgs, ExportFormatArg, GlobalOpts,
    ListArgs, ListFormat, ManArgs, ParseArgs, SearchArgs, ShowArgs, ShowFormat, SortArg, StatsArgs,
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

/// How many per-file skip reasons are printed before the rest are summarised.
const MAX_SKIP_LINES: usize = 20;

pub fn load_options(global: &GlobalOpts) -> LoadOptions {
    let cache = if global.no_cache {
        CacheMode::Disabled
    } else {
        match crate::paths::cache_dir(global.cache_dir.as_deref()) {
            Some(dir) => CacheMode::Dir(dir),
            None => CacheMode::Disabled,
        }
    };
    LoadOptions { cache }
}

/// One line for an I/O error on a path the user named, saying what to do about it.
pub fn io_problem(path: &Path, e: &io::Error) -> String {
    let what = match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory; check the path".to_string(),
        io::ErrorKind::PermissionDenied => {
            "permission denied; check that you may read it".to_string()
        }
        _ => format!("cannot read: {e}"),
    };
    format!("{}: {what}", path.display())
}

/// The subcommand a missing bare path was probably meant to be (`warta lsit` → `list`):
/// a name without a folder or extension within two edits (a swap counts as one) of a
/// subcommand's. A path that exists is always a path.
pub fn mistyped_command(paths: &[PathBuf]) -> Option<String> {
    use clap::CommandFactory;
    let first = paths.first()?;
    let word = first.to_str()?;
    if word.len() < 3
        || first.exists()
        || !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
    {
        return None;
    }
    let word = word.to_ascii_lowercase();
    crate::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| (edit_distance(&word, c.get_name()), c.get_name().to_string()))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// Fails on the first path that does not exist (or cannot be looked at), before any loading:
/// a mistyped path is the commonest first-run error and deserves one plain line.
pub fn check_inputs(paths: &[PathBuf]) -> Result<()> {
    for p in paths {
        if let Err(e) = std::fs::metadata(p) {
            bail!("{}", io_problem(p, &e));
        }
    }
    Ok(())
}

/// Loads `paths` (the bundled corpus when empty), reporting skips and a summary on stderr.
/// Fails when nothing at all could be loaded, with a message saying what to do.
pub fn load_corpus(paths: &[PathBuf], global: &GlobalOpts) -> Result<LoadReport> {
    let report = load_quietly(paths, global)?;
    if report.corpus.is_empty() {
        // Several skip reasons are the explanation, so they are still printed; a single one
        // goes into the error line itself, and a "loaded 0 articles" summary adds nothing.
        if !global.quiet && report.skipped.len() > 1 {
            report_problems(&report);
        }
        bail!("{}", nothing_loaded(paths, &report));
    }
    if !global.quiet {
        report_problems(&report);
        eprintln!("{}", report.summary());
    }
    Ok(report)
}

/// Loads `paths` (the bundled corpus when empty) and reports nothing but, on a terminal
/// and without `--quiet`, its progress (see [`progress`]).
fn load_quietly(paths: &[PathBuf], global: &GlobalOpts) -> Result<LoadReport> {
    check_inputs(paths)?;
    let inputs: Vec<Input> = if paths.is_empty() {
        loader::embedded_inputs()
    } else {
        paths.iter().cloned().map(Input::Path).collect()
    };
    if global.quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Ok(loader::load(&inputs, &load_options(global)));
    }
    let mut shown = progress::StderrProgress::new(std::io::stderr());
    let report = loader::load_with_progress(&inputs, &load_options(global), &mut |e| shown.on(e));
    shown.finish();
    Ok(report)
}

/// What to tell the user when a load gave no article at all (the CLI's error line, and the
/// browser's status line after a background load).
pub fn nothing_loaded(paths: &[PathBuf], report: &LoadReport) -> String {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let shown = shown.join(", ");
    match report.skipped.as_slice() {
        [] => format!(
            "no articles found in {shown}; warta reads .txt, .json, .jsonl, .ndjson and .csv \
             files (give a file or a folder that holds them)"
        ),
        [one] => format!("{}: {}; no articles loaded", one.path, one.reason),
        many => {
            let mut kinds: Vec<(&str, usize)> = Vec::new();
            for s in many {
                match kinds.iter_mut().find(|(k, _)| *k == s.reason.kind()) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((s.reason.kind(), 1)),
                }
            }
            let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            format!(
                "no articles loaded from {shown}: all {} files were skipped ({})",
                many.len(),
                kinds.join(", ")
            )
        }
    }
}

fn report_problems(report: &LoadReport) {
    for w in &report.warnings {
        eprintln!("warta: warning: {w}");
    }
    for s in report.skipped.iter().take(MAX_SKIP_LINES) {
        eprintln!("warta: {s}");
    }
    if report.skipped.len() > MAX_SKIP_LINES {
        eprintln!(
            "warta: ... and {} more skipped (`warta stats` on the same paths lists them all)",
            report.skipped.len() - MAX_SKIP_LINES
        );
    }
}

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

/// Parses a query with the configured synonyms and topics; config problems are reported on
/// stderr (unless --quiet) and never stop the command.
fn parse_query(q: &str, global: &GlobalOpts) -> Result<Query> {
    let cfg = crate::config::load(global.config.as_deref());
    if !global.quiet {
        for w in &cfg.warnings {
            eprintln!("warta: {w}");
        }
    }
    let query = Query::parse_with(q, &cfg.lexicon)
        .map_err(|e| anyhow::anyhow!("invalid query {q:?}: {e}"))?;
    if query.needs_team() && team::configured(global).is_none() {
        anyhow::bail!("{}", crate::query::NO_TEAM);
    }
    Ok(query)
}

fn sort_of(arg: Option<SortArg>, query: &Query) -> Sort {
    match arg {
        Some(SortArg::Date) => Sort::DateDesc,
        Some(SortArg::DateAsc) => Sort::DateAsc,
        Some(SortArg::Title) => Sort::Title,
        Some(SortArg::Outlet) => Sort::Outlet,
        Some(SortArg::Relevance) => Sort::Relevance,
        None if query.has_score() => Sort::Relevance,
        None => Sort::DateDesc,
    }
}

/// The triage store, read without the lock (so a running browser is no obstacle). Without
/// any data directory every article is unread and undecided.
pub fn read_store(global: &GlobalOpts) -> Store {
    let store = match crate::paths::data_dir(global.data_dir.as_deref()) {
        Some(dir) => Store::open_read_only(&dir),
        None => Store::in_memory("no data directory"),
    };
    if !global.quiet {
        for w in store.warnings() {
            eprintln!("warta: warning: triage: {w}");
        }
    }
    store
}

/// The triage state `list`, `search` and `export` read: the team's (see
/// [`crate::team::Shown`]) when one is configured and its server answers, else this
/// machine's store. A server that is away is a warning, never a failure.
fn triage_source(global: &GlobalOpts) -> (Store, Option<crate::team::Shown>) {
    match team::shown(global) {
        Some(shown) => (shown.store(), Some(shown)),
        None => (read_store(global), None),
    }
}

/// The groups of copies of `corpus` when `needed`. Clustering reads every body (seconds at
/// 100k articles), so commands ask for it only when the query or the output uses it.
fn clusters_if(corpus: &Corpus, needed: bool) -> Option<Clusters> {
    needed.then(|| cluster::cluster_corpus(corpus).1)
}

/// The full-text index of the corpus loaded from `paths`, brought up to date with it (built
/// when missing), when the query has something to look up in it. `None` (the search scans)
/// without a cache directory, for the bundled corpus, or when the index cannot be used;
/// problems are warnings, never errors: the scan gives the same answers, only slower.
fn text_index(
    paths: &[PathBuf],
    global: &GlobalOpts,
    corpus: &Corpus,
    query: &Query,
) -> Option<index::IndexView> {
    if !query.has_words() {
        return None;
    }
    let dir = index::index_dir(&load_options(global).cache, paths)?;
    let warn = |w: &dyn std::fmt::Display| {
        if !global.quiet {
            eprintln!("warta: warning: {w}");
        }
    };
    let (mut store, warning) = match index::IndexStore::open(&dir) {
        Ok(opened) => opened,
        Err(e) => {
            log::warn!("{}: {e}", dir.display());
            warn(&format_args!("{e}; searching without it"));
            return None;
        }
    };
    if let Some(w) = warning {
        warn(&w);
    }
    match store.sync(corpus, &index::Progress::default(), &|| false) {
        Ok(r) if r.added > 0 && !global.quiet => {
            let s = if r.added == 1 { "" } else { "s" };
            eprintln!("indexed {} article{s} for full-text search", r.added);
        }
        Ok(_) => {}
        Err(e) => {
            log::warn!("{}: {e}", dir.display());
            warn(&format_args!("{e}; searching without it"));
            return None;
        }
    }
    store.view(corpus).ok().filter(|v| v.complete())
}

/// Query hits with triage terms evaluated against `store`, `has:copies` against `clusters`
/// (without them `has:copies` matches nothing) and words looked up in `text` when given.
fn search_triaged(
    corpus: &Corpus,
    query: &Query,
    sort: Sort,
    store: &Store,
    clusters: Option<&Clusters>,
    text: Option<&dyn TextIndex>,
) -> Vec<Hit> {
    let grouped = |i: usize| clusters.is_some_and(|c| c.cluster_of(i).is_some());
    query::search(
        corpus,
        query,
        &Filters::default(),
        sort,
        Scope {
            triage: Some(store),
            copies: clusters
                .is_some()
                .then_some(&grouped as &(dyn Fn(usize) -> bool + Sync)),
            text,
            ..Scope::default()
        },
    )
}

pub fn list(args: &ListArgs, global: &GlobalOpts) -> Result<()> {
    if args.bom && args.format != ListFormat::Csv {
        bail!("--bom is for --format csv (a byte-order mark that tells Excel the file is UTF-8)");
    }
    let query = parse_query(&args.query, global)?;
    let (store, _team) = triage_source(global);
    let sort = sort_of(args.sort, &query);
    // Other formats print every field: only the table can come from the headlines.
    let quick = args.format == ListFormat::Table;
    let (corpus, hits) = answer(&args.paths, global, &query, sort, &store, quick, args.limit)?;
    let indices: Vec<usize> = hits.iter().map(|h| h.index).collect();
    with_stdout(|out| write_list(out, args.format, &corpus, &indices, &store, args.bom))
}

/// The corpus and the first `limit` hits of `query` in `sort` order: from the headline
/// snapshot when `quick` allows it and [`quick::prepare`] finds it fresh (then the corpus
/// holds the hits' rows only), else from a full load (whose summary and problems go to
/// stderr), which then writes the snapshot for the next time.
fn answer(
    paths: &[PathBuf],
    global: &GlobalOpts,
    query: &Query,
    sort: Sort,
    store: &Store,
    quick: bool,
    limit: Option<usize>,
) -> Result<(Corpus, Vec<Hit>)> {
    let prepared = if quick {
        quick::prepare(paths, &load_options(global).cache, query, sort)
    } else {
        quick::Prepared::Load(None, None)
    };
    let walked = match prepared {
        quick::Prepared::Fresh(fresh) => {
            let search = |corpus: &Corpus, text: Option<&dyn TextIndex>| {
                search_triaged(corpus, query, sort, store, None, text)
            };
            match fresh.answer(search, limit) {
                Ok(quick::Answer { rows, hits, report }) => {
                    if !global.quiet {
                        eprintln!("{}", report.summary());
                    }
                    return Ok((rows, hits));
                }
                Err(walked) => walked,
            }
        }
        quick::Prepared::Load(walked, warning) => {
            if let Some(w) = warning.filter(|_| !global.quiet) {
                eprintln!("warta: {w}");
            }
            walked
        }
    };
    let report = load_corpus(paths, global)?;
    let corpus = report.corpus.clone();
    let clusters = clusters_if(&corpus, query.has_copies_term());
    let text = text_index(paths, global, &corpus, query);
    let mut hits = search_triaged(
        &corpus,
        query,
        sort,
        store,
        clusters.as_ref(),
        text.as_ref().map(|t| t as &dyn TextIndex),
    );
    if let Some(walked) = walked {
        quick::remember(walked, &report);
    }
    if let Some(n) = limit {
        hits.truncate(n);
    }
    Ok((corpus, hits))
}

/// Excel on Windows reads a CSV as the system's legacy code page unless it starts with the
/// UTF-8 byte-order mark; every other reader is better off without one, so it is asked for.
fn write_bom(w: &mut dyn Write, bom: bool) -> io::Result<()> {
    if bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    Ok(())
}

/// `warta list`'s output: report rows with the article and its triage state; JSON adds
/// everything the parser found, body included.
fn write_list(
    out: &mut dyn Write,
    format: ListFormat,
    corpus: &Corpus,
    indices: &[usize],
    store: &Store,
    bom: bool,
) -> io::Result<()> {
    let full = matches!(format, ListFormat::Json | ListFormat::Jsonl);
    let each = |f: &mut dyn FnMut(&Row<'_>) -> io::Result<()>| -> io::Result<()> {
        for &i in indices {
            let m = corpus.meta(i);
            let st = store.state(&m.id);
            let mut row = Row {
                triage: Some(TriageFields::from(&st)),
                ..Row::new(m)
            };
            if full {
                row.parsed = Some(report::ParsedFields::from(m));
                row.text = Some(match corpus.body(i) {
                    Ok(body) => report::Text::Whole(body),
                    Err(body_error) => report::Text::Unreadable { body_error },
                });
            }
            f(&row)?;
        }
        Ok(())
    };
    match format {
        ListFormat::Table => write_in_chunks(out, indices, |buf, &i| {
            let m = corpus.meta(i);
            let st = store.state(&m.id);
            let row = Row {
                triage: Some(TriageFields::from(&st)),
                ..Row::new(m)
            };
            report::write_table_line(buf, &row)
        }),
        ListFormat::Jsonl => each(&mut |row| report::write_jsonl(out, row)),
        ListFormat::Json => {
            let mut json = report::JsonArray::new(out);
            each(&mut |row| json.item(row))?;
            json.finish()
        }
        ListFormat::Csv => {
            write_bom(out, bom)?;
            let mut csv = report::CsvReport::new(out, &report::Part::LIST)?;
            each(&mut |row| csv.row(row))?;
            csv.finish()
        }
    }
}

pub fn show(args: &ShowArgs, global: &GlobalOpts) -> Result<()> {
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let index = corpus
        .find_id(&args.id)
        .map_err(|e| anyhow::anyhow!("{e} (list ids with `warta list`)"))?;
    let article = corpus
        .article(index)
        .map_err(|e| anyhow::anyhow!("cannot read the article's text: {e}"))?;
    with_stdout(|out| match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &article)?;
            writeln!(out)
        }
        ShowFormat::Text => write_article_text(out, &article),
    })
}

/// A plain-text rendering of one article, for reading in a pager or pasting into a brief.
pub fn write_article_text(out: &mut dyn Write, a: &Article) -> io::Result<()> {
    let m = &a.meta;
    writeln!(out, "{}", m.title)?;
    writeln!(out, "{}", "=".repeat(m.title.width().min(78)))?;
    let mut field = |k: &str, v: Option<String>| -> io::Result<()> {
        match v {
            Some(v) if !v.is_empty() => writeln!(out, "{k:<10}{v}"),
            _ => Ok(()),
        }
    };
    field("Outlet:", m.outlet.clone())?;
    field("Dateline:", m.dateline.clone())?;
    field("Regions:", Some(m.regions.join(", ")))?;
    field("Province:", Some(m.provinces.join(", ")))?;
    field(
        "Date:",
        m.published.map(|d| match m.date_source {
            Some(s) => format!("{d} ({s})"),
            None => d.to_string(),
        }),
    )?;
    field("Authors:", Some(m.authors.join(", ")))?;
    field("Editor:", m.editor.clone())?;
    field("Tags:", Some(m.tags.join(", ")))?;
    field("URL:", m.url.clone())?;
    field("Source:", Some(m.source_path.clone()))?;
    field("Id:", Some(m.id.clone()))?;
    writeln!(out)?;
    for p in &a.body.body {
        writeln!(out, "{p}\n")?;
    }
    if !a.body.related.is_empty() {
        writeln!(out, "Baca juga:")?;
        for r in &a.body.related {
            writeln!(out, "  - {r}")?;
        }
    }
    Ok(())
}

pub fn search(args: &SearchArgs, global: &GlobalOpts) -> Result<()> {
    let query = parse_query(&args.query, global)?;
    let (store, _team) = triage_source(global);
    let (corpus, hits) = answer(
        &args.paths,
        global,
        &query,
        Sort::Relevance,
        &store,
        true,
        args.limit,
    )?;
    let corpus = &corpus;
    with_stdout(|out| {
        write_in_chunks(out, &hits, |buf, h| {
            let m = corpus.meta(h.index);
            buf.extend_from_slice(m.id.as_bytes());
            buf.push(b'\t');
            if let Some(d) = m.published {
                write!(buf, "{d}")?;
            }
            buf.push(b'\t');
            buf.extend_from_slice(m.outlet.as_deref().unwrap_or("").as_bytes());
            buf.push(b'\t');
            buf.extend_from_slice(m.title.as_bytes());
            buf.push(b'\n');
            Ok(())
        })
    })
}

/// Writes `items` to `out`, each formatted by `line` into a buffer: in chunks formatted on
/// every core, written in order (tens of thousands of rows were an eighth of a quick
/// `warta search`). A chunk's rows reach `out` only once the chunks before it are written,
/// so a closed pipe still stops the output early.
fn write_in_chunks<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    line: impl Fn(&mut Vec<u8>, &T) -> io::Result<()> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    // A few chunks at a time: the output's memory stays small whatever the row count.
    for group in items.chunks(CHUNK * rayon::current_num_threads().max(1) * 2) {
        let bufs: Vec<io::Result<Vec<u8>>> = group
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 128);
                for item in chunk {
                    line(&mut buf, item)?;
                }
                Ok(buf)
            })
            .collect();
        for buf in bufs {
            let buf = buf?;
            out.write_all(&buf)?;
        }
    }
    Ok(())
}

pub fn export(args: &ExportArgs, global: &GlobalOpts) -> Result<()> {
    // `-o -` is standard output, as for most commands that take an output file.
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let format = match (args.format, output) {
        (Some(f), _) => match f {
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Jsonl => ExportFormat::Jsonl,
            ExportFormatArg::Md => ExportFormat::Markdown,
        },
        // /dev/stdout, a FIFO or `>(cmd)` has no extension to tell: CSV, as on stdout.
        (None, Some(path)) if output::writes_in_place(path) => {
            ExportFormat::from_path(path).unwrap_or(ExportFormat::Csv)
        }
        (None, Some(path)) => ExportFormat::from_path(path).with_context(|| {
            format!(
                "cannot tell the format of {}: name it .csv, .json, .jsonl or .md, or pass \
                 --format",
                path.display()
            )
        })?,
        (None, None) => ExportFormat::Csv,
    };
    if args.bom && format != ExportFormat::Csv {
        bail!("--bom is for CSV (a byte-order mark that tells Excel the file is UTF-8)");
    }
    if let Some(path) = output
        && !args.force
        && output::existing_file(path).is_some()
    {
        // Checked before the corpus loads, so a long load does not end in this refusal.
        bail!(
            "{} exists; pass --force to replace it, or name another file",
            path.display()
        );
    }
    let query = parse_query(&args.query, global)?;
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let (store, team) = triage_source(global);
    let team = team.as_ref().map(|t| t as &dyn crate::report::TeamColumns);
    // Always clustered: every format carries the `cluster` id and the brief nests copies.
    let clusters = clusters_if(corpus, true);
    let clusters = clusters.as_ref();
    let sort = sort_of(args.sort, &query);
    let text = text_index(&args.paths, global, corpus, &query);
    let hits = search_triaged(
        corpus,
        &query,
        sort,
        &store,
        clusters,
        text.as_ref().map(|t| t as &dyn TextIndex),
    );
    let indices: Vec<usize> = hits.iter().map(|h| h.index).collect();
    let context = ExportContext {
        query: args.query.clone(),
        filters: String::new(),
        exported_at: triage::time::now_rfc3339(),
    };
    match output {
        Some(path) => {
            output::write_output(path, OutputMode::Command, &mut |w| {
                write_bom(w, args.bom)?;
                export_team(
                    w, format, corpus, &indices, &store, &context, clusters, team,
                )
            })
            .with_context(|| format!("cannot export to {}", path.display()))?;
            if !global.quiet {
                eprintln!("exported {} articles to {}", indices.len(), path.display());
            }
            Ok(())
        }
        None => with_stdout(|out| {
            write_bom(out, args.bom)?;
            export_team(
                out, format, corpus, &indices, &store, &context, clusters, team,
            )
        }),
    }
}

pub fn parse(args: &ParseArgs) -> Result<()> {
    let path = &args.file;
    if let Err(e) = std::fs::metadata(path) {
        anyhow::bail!("{}", io_problem(path, &e));
    }
    let shown = crate::text::escape_path(&path.display().to_string()).into_owned();
    let format = loader::discover::format_for(path);
    // The same bounds as a load: a 100 MB file is cut with a note, not read whole.
    let (bytes, notes) =
        loader::read_one(path, format).map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    for n in &notes {
        eprintln!("warta: {n}");
    }
    let (mut articles, skipped) = loader::parse_bytes(&shown, &bytes, format)
        .map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    // Dated as a load dates them, so `warta parse` shows what the browser shows.
    if let Some(ns) = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
    {
        loader::date_by_file(&mut articles, i128::try_from(ns.as_nanos()).unwrap_or(0));
    }
    // The file is its own corpus here: a year-less date takes the years its other records
    // state (a load would also ask the rest of the folder).
    loader::years::settle_articles(&mut articles);
    for s in &skipped {
        eprintln!("warta: {s}");
    }
    // Always an array, one element for a .txt, so one `jq '.[]'` reads every format.
    with_stdout(|out| {
        serde_json::to_writer_pretty(&mut *out, &articles)?;
        writeln!(out)
    })
}

/// Counts, facets and every skipped file with its reason, on stdout. Unlike the other
/// commands it reports even when nothing loaded (the skipped files are then the whole
/// story), and fails afterwards. The skipped files are not repeated on stderr.
pub fn stats(args: &StatsArgs, global: &GlobalOpts) -> Result<()> {
    let query = parse_query(&args.query, global)?;
    let report = load_quietly(&args.paths, global)?;
    let corpus = &report.corpus;
    if !global.quiet {
        for w in &report.warnings {
            eprintln!("warta: warning: {w}");
        }
        if !corpus.is_empty() {
            eprintln!("{}", report.summary());
        }
    }
    let all: Vec<usize> = if args.query.trim().is_empty() {
        (0..corpus.len()).collect()
    } else {
        let store = read_store(global);
        let clusters = clusters_if(corpus, query.has_copies_term());
        let text = text_index(&args.paths, global, corpus, &query);
        let mut v: Vec<usize> = search_triaged(
            corpus,
            &query,
            Sort::DateDesc,
            &store,
            clusters.as_ref(),
            text.as_ref().map(|t| t as &dyn TextIndex),
        )
        .iter()
        .map(|h| h.index)
        .collect();
        v.sort_unstable();
        v
    };
    let metas = corpus.metas();
    with_stdout(|out| {
        writeln!(
            out,
            "articles      {}\nfiles seen    {}\nfiles loaded  {}\nskipped       {}\ncache         {} hits, {} misses\nbytes read    {}\ntime          {:.1} ms",
            corpus.len(),
            report.files_seen,
            report.files_loaded,
            report.skipped.len(),
            report.cache_hits,
            report.cache_misses,
            report.bytes_read,
            report.elapsed.as_secs_f64() * 1000.0
        )?;
        if !args.query.trim().is_empty() {
            writeln!(
                out,
                "query         {}\nmatching      {}",
                args.query,
                all.len()
            )?;
        }
        let dated = all
            .iter()
            .filter(|&&i| metas[i].published.is_some())
            .count();
        let with_outlet = all.iter().filter(|&&i| metas[i].outlet.is_some()).count();
        writeln!(out, "with a date   {dated}\nwith outlet   {with_outlet}")?;
        // An empty corpus has no facet values: six "(0 values)" headings would only be noise.
        let shown: &[Facet] = if all.is_empty() { &[] } else { &Facet::ALL };
        for &facet in shown {
            let counts = facets::counts(corpus, &all, facet);
            writeln!(out, "\n{} ({} values)", facet_title(facet), counts.len())?;
            if facet == Facet::Month {
                write_months(out, &counts)?;
                continue;
            }
            for (value, n) in counts.iter().take(args.top) {
                writeln!(out, "  {n:>7}  {value}")?;
            }
            if counts.len() > args.top {
                writeln!(out, "  ... {} more", counts.len() - args.top)?;
            }
        }
        if !report.skipped.is_empty() {
            writeln!(out, "\nskipped")?;
            for s in &report.skipped {
                writeln!(out, "  {s}")?;
            }
        }
        for w in &report.warnings {
            writeln!(out, "warning: {w}")?;
        }
        Ok(())
    })?;
    if corpus.is_empty() {
        bail!("{}", nothing_loaded(&args.paths, &report));
    }
    Ok(())
}

/// Months are a time series: all of them, oldest first (by count, a stray date would be
/// cut off as "... more"), with the ones far from the rest flagged, since an isolated month
/// is usually a date the parser misread.
fn write_months(out: &mut dyn Write, counts: &[(String, usize)]) -> io::Result<()> {
    let mut months: Vec<(&str, usize, Option<i64>)> = counts
        .iter()
        .map(|(m, n)| (m.as_str(), *n, month_number(m)))
        .collect();
    months.sort_by(|a, b| a.0.cmp(b.0));
    let numbers: Vec<i64> = months.iter().filter_map(|m| m.2).collect();
    for &(month, n, number) in &months {
        let gap = number.and_then(|x| {
            numbers
                .iter()
                .filter(|&&y| y != x)
                .map(|&y| (x - y).abs())
                .min()
        });
        match gap {
            Some(g) if g > OUTLIER_GAP_MONTHS => writeln!(
                out,
                "  {n:>7}  {month}  (outlier: {g} months from any other)"
            )?,
            _ => writeln!(out, "  {n:>7}  {month}")?,
        }
    }
    Ok(())
}

/// A month with no other dated month within this many months is flagged as an outlier.
const OUTLIER_GAP_MONTHS: i64 = 12;

/// `2025-06` as months since year 0.
fn month_number(m: &str) -> Option<i64> {
    let (y, mo) = m.split_once('-')?;
    Some(y.parse::<i64>().ok()? * 12 + mo.parse::<i64>().ok()? - 1)
}

fn facet_title(f: Facet) -> &'static str {
    match f {
        Facet::Outlet => "outlet",
        Facet::Month => "year-month",
        Facet::Dateline => "dateline",
        Facet::Tag => "tag",
        other => other.name(),
    }
}

pub fn cache_cmd(cmd: &CacheCommand, global: &GlobalOpts) -> Result<()> {
    let Some(dir) = crate::paths::cache_dir(global.cache_dir.as_deref()) else {
        bail!("no cache directory: this system has no home directory; pass --cache-dir DIR");
    };
    match cmd {
        CacheCommand::Info => with_stdout(|out| write!(out, "{}", cache::info(&dir))),
        CacheCommand::Clear => {
            let freed = cache::clear(&dir)
                .with_context(|| format!("cannot clear the cache at {}", dir.display()))?;
            println!("cleared {} ({} bytes freed)", dir.display(), freed);
            Ok(())
        }
    }
}

/// `warta completions SHELL`: the script clap_complete derives from the CLI definition.
pub fn completions(args: &CompletionsArgs) -> Result<()> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "warta", &mut buf);
    with_stdout(|out| out.write_all(&buf))
}

/// `warta man`: warta.1 on stdout, or with `--dir` one page per (sub)command written there.
pub fn man(args: &ManArgs) -> Result<()> {
    use clap::CommandFactory;
    // No `help` subcommand: it has no page of its own to point to.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = &args.dir else {
        let mut buf = Vec::new();
        crate::man::render(&cmd, true, &mut buf).context("cannot render the man page")?;
        return with_stdout(|out| out.write_all(&buf));
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("{}", io_problem(dir, &e)))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    write_man_pages(cmd, dir, &mut written, true)
        .with_context(|| format!("cannot write man pages into {}", dir.display()))?;
    println!(
        "wrote {} man pages into {} ({})",
        written.len(),
        dir.display(),
        written.join(", ")
    );
    Ok(())
}

/// Mirrors `clap_mangen::generate_to` but records each file name, so the user is told what
/// appeared in their folder.
fn write_man_pages(
    cmd: clap::Command,
    dir: &Path,
    written: &mut Vec<String>,
    top: bool,
) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        write_man_pages(sub, dir, written, false)?;
    }
    let name = clap_mangen::Man::new(cmd.clone()).get_filename();
    let mut buf = Vec::new();
    crate::man::render(&cmd, top, &mut buf)?;
    std::fs::write(dir.join(&name), buf)?;
    written.push(name);
    Ok(())
}

/// `warta config`: where the config file is, whether it exists and what is wrong with it;
/// `--default` prints the default file, `--path` only the path (problems go to stderr).
pub fn config_cmd(args: &ConfigArgs, explicit: Option<&Path>) -> Result<()> {
    if args.default {
        let text = crate::config::default_config_toml();
        return with_stdout(|out| out.write_all(text.as_bytes()));
    }
    let Some(path) = crate::paths::config_file(explicit) else {
        bail!(
            "this system has no config directory; pass --config FILE or set WARTA_CONFIG \
             (warta uses its default keys meanwhile)"
        );
    };
    // `exists`, not `is_file`: a directory at that path is reported by `load` as unreadable
    // rather than as missing.
    let exists = path.exists();
    let warnings = if exists {
        crate::config::load(explicit).warnings
    } else {
        Vec::new()
    };
    if args.path {
        println!("{}", path.display());
        if !exists {
            eprintln!(
                "warta: {} does not exist (default keys are used)",
                path.display()
            );
        }
        for w in &warnings {
            eprintln!("warta: warning: {w}");
        }
        return config_verdict(&path, warnings.len());
    }
    with_stdout(|out| {
        if exists {
            writeln!(out, "config file  {} (exists)", path.display())?;
        } else {
            writeln!(
                out,
                "config file  {} (not found; warta uses its default keys)",
                path.display()
            )?;
            writeln!(
                out,
                "create one   warta config --default > {}",
                path.display()
            )?;
        }
        if warnings.is_empty() {
            if exists {
                writeln!(out, "problems     none")?;
            }
        } else {
            writeln!(out, "problems     {}", warnings.len())?;
            for w in &warnings {
                writeln!(out, "  warning: {w}")?;
            }
        }
        writeln!(out, "defaults     warta config --default")
    })?;
    config_verdict(&path, warnings.len())
}

/// A check that found problems fails, so scripts and CI can rely on the exit code; a missing
/// file is no problem (the defaults are used).
fn config_verdict(path: &Path, problems: usize) -> Result<()> {
    match problems {
        0 => Ok(()),
        1 => bail!("{} has a problem (see above)", path.display()),
        n => bail!("{} has {n} problems (see above)", path.display()),
    }
}

/// `warta repair`: keeps every readable line of a damaged journal (see
/// [`triage::repair`]).
pub fn repair(global: &GlobalOpts) -> Result<()> {
    let Some(dir) = crate::paths::data_dir(global.data_dir.as_deref()) else {
        anyhow::bail!("no data directory (no home directory?); use --data-dir or WARTA_DATA_DIR");
    };
    let report = triage::repair(&dir).map_err(anyhow::Error::msg)?;
    let with_state = match report.articles {
        1 => "1 article has".to_string(),
        n => format!("{n} articles have"),
    };
    let text = match &report.set_aside {
        None => format!(
            "{}: nothing to repair ({} journal lines read; {with_state} triage state)",
            dir.display(),
            report.kept
        ),
        Some(aside) => {
            let lines: Vec<String> = report.damaged.iter().map(usize::to_string).collect();
            format!(
                "{}: kept {} changes and skipped damaged line(s) {}; the damaged journal is \
                 kept as {}; {with_state} triage state",
                dir.display(),
                report.kept,
                lines.join(", "),
                aside.display()
            )
        }
    };
    with_stdout(|out| writeln!(out, "{text}"))
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
