//! The non-interactive subcommands. Output goes to stdout, diagnostics to stderr.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cache;
use crate::cli::{
    CacheCommand, Cli, CompletionsArgs, ConfigArgs, ExportArgs, ExportFormatArg, GlobalOpts,
    ListArgs, ListFormat, ManArgs, ParseArgs, SearchArgs, ShowArgs, ShowFormat, SortArg, StatsArgs,
};
use crate::cluster::{self, Clusters};
use crate::corpus::Corpus;
use crate::facets::{self, Facet, Filters};
use crate::loader::{self, CacheMode, Input, LoadOptions, LoadReport};
use crate::model::{Article, Meta};
use crate::query::{self, Hit, Query, Scope, Sort};
use crate::triage::export::{export_clustered, export_to_path_clustered, neutralise};
use crate::triage::output::{self, OutputMode};
use crate::triage::{self, ExportContext, ExportFormat, Store};

/// How many per-file skip reasons are printed before the rest are summarised.
const MAX_SKIP_LINES: usize = 20;

pub fn load_options(global: &GlobalOpts) -> LoadOptions {
    let cache = if global.no_cache {
        CacheMode::Disabled
    } else {
        match global.cache_dir.clone().or_else(cache::default_cache_dir) {
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

/// Loads `paths` (the bundled corpus when empty) and reports nothing.
fn load_quietly(paths: &[PathBuf], global: &GlobalOpts) -> Result<LoadReport> {
    check_inputs(paths)?;
    let inputs: Vec<Input> = if paths.is_empty() {
        loader::embedded_inputs()
    } else {
        paths.iter().cloned().map(Input::Path).collect()
    };
    Ok(loader::load(&inputs, &load_options(global)))
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
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
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
    Query::parse_with(q, &cfg.lexicon).map_err(|e| anyhow::anyhow!("invalid query {q:?}: {e}"))
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
    let store = match global.data_dir.clone().or_else(triage::default_data_dir) {
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

/// The groups of copies of `corpus` when `needed`. Clustering reads every body (seconds at
/// 100k articles), so commands ask for it only when the query or the output uses it.
fn clusters_if(corpus: &Corpus, needed: bool) -> Option<Clusters> {
    needed.then(|| cluster::cluster_corpus(corpus).1)
}

/// Query hits with triage terms evaluated against `store` and `has:copies` against
/// `clusters` (without them `has:copies` matches nothing).
fn search_triaged(
    corpus: &Corpus,
    query: &Query,
    sort: Sort,
    store: &Store,
    clusters: Option<&Clusters>,
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
            ..Scope::default()
        },
    )
}

pub fn list(args: &ListArgs, global: &GlobalOpts) -> Result<()> {
    let query = parse_query(&args.query, global)?;
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let store = read_store(global);
    let clusters = clusters_if(corpus, query.has_copies_term());
    let sort = sort_of(args.sort, &query);
    let mut hits = search_triaged(corpus, &query, sort, &store, clusters.as_ref());
    if let Some(n) = args.limit {
        hits.truncate(n);
    }
    let indices: Vec<usize> = hits.iter().map(|h| h.index).collect();
    with_stdout(|out| match args.format {
        ListFormat::Table => write_table(out, corpus, &indices),
        ListFormat::Json => {
            let articles = full_articles(corpus, &indices)?;
            serde_json::to_writer_pretty(&mut *out, &articles)?;
            writeln!(out)
        }
        ListFormat::Jsonl => {
            for &i in &indices {
                serde_json::to_writer(&mut *out, &full_article(corpus, i)?)?;
                writeln!(out)?;
            }
            Ok(())
        }
        ListFormat::Csv => write_csv(out, corpus, &indices),
    })
}

fn full_article(corpus: &Corpus, i: usize) -> io::Result<Article> {
    corpus.article(i).map_err(io::Error::other)
}

fn full_articles(corpus: &Corpus, indices: &[usize]) -> io::Result<Vec<Article>> {
    indices.iter().map(|&i| full_article(corpus, i)).collect()
}

/// Pads or cuts `s` to exactly `width` terminal columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let needs_cut = s.width() > width;
    let budget = if needs_cut {
        width.saturating_sub(1)
    } else {
        width
    };
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    if needs_cut && width > 0 {
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

fn date_cell(meta: &Meta) -> String {
    meta.published
        .map(|d| d.to_string())
        .unwrap_or_else(|| "----------".into())
}

fn write_table(out: &mut dyn Write, corpus: &Corpus, indices: &[usize]) -> io::Result<()> {
    for &i in indices {
        let m = corpus.meta(i);
        writeln!(
            out,
            "{}  {}  {}  {}",
            &m.id[..m.id.len().min(8)],
            date_cell(m),
            fit(m.outlet.as_deref().unwrap_or("-"), 18),
            m.title
        )?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, corpus: &Corpus, indices: &[usize]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "published",
        "outlet",
        "dateline",
        "title",
        "authors",
        "editor",
        "tags",
        "url",
        "source_path",
        "word_count",
    ])?;
    for &i in indices {
        let m = corpus.meta(i);
        let row = [
            m.id.clone(),
            m.published.map(|d| d.to_string()).unwrap_or_default(),
            m.outlet.clone().unwrap_or_default(),
            m.dateline.clone().unwrap_or_default(),
            m.title.clone(),
            m.authors.join("; "),
            m.editor.clone().unwrap_or_default(),
            m.tags.join("; "),
            m.url.clone().unwrap_or_default(),
            m.source_path.clone(),
            m.word_count.to_string(),
        ];
        w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.flush()
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
    field("Date:", m.published.map(|d| d.to_string()))?;
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
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let store = read_store(global);
    let clusters = clusters_if(corpus, query.has_copies_term());
    let mut hits = search_triaged(corpus, &query, Sort::Relevance, &store, clusters.as_ref());
    if let Some(n) = args.limit {
        hits.truncate(n);
    }
    with_stdout(|out| {
        for h in &hits {
            let m = corpus.meta(h.index);
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                m.id,
                m.published.map(|d| d.to_string()).unwrap_or_default(),
                m.outlet.as_deref().unwrap_or(""),
                m.title
            )?;
        }
        Ok(())
    })
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
    let query = parse_query(&args.query, global)?;
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let store = read_store(global);
    // Always clustered: every format carries the `cluster` id and the brief nests copies.
    let clusters = clusters_if(corpus, true);
    let clusters = clusters.as_ref();
    let sort = sort_of(args.sort, &query);
    let hits = search_triaged(corpus, &query, sort, &store, clusters);
    let indices: Vec<usize> = hits.iter().map(|h| h.index).collect();
    let context = ExportContext {
        query: args.query.clone(),
        filters: String::new(),
        exported_at: triage::time::now_rfc3339(),
    };
    match output {
        Some(path) => {
            export_to_path_clustered(
                path,
                OutputMode::Command,
                format,
                corpus,
                &indices,
                &store,
                &context,
                clusters,
            )
            .with_context(|| format!("cannot export to {}", path.display()))?;
            if !global.quiet {
                eprintln!("exported {} articles to {}", indices.len(), path.display());
            }
            Ok(())
        }
        None => with_stdout(|out| {
            export_clustered(out, format, corpus, &indices, &store, &context, clusters)
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
    let (articles, skipped) = loader::parse_bytes(&shown, &bytes, format)
        .map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    for s in &skipped {
        eprintln!("warta: {s}");
    }
    with_stdout(|out| {
        if articles.len() == 1 && format == crate::model::Format::Txt {
            serde_json::to_writer_pretty(&mut *out, &articles[0])?;
        } else {
            serde_json::to_writer_pretty(&mut *out, &articles)?;
        }
        writeln!(out)
    })
}

/// Counts, facets and every skipped file with its reason, on stdout. Unlike the other
/// commands it reports even when nothing loaded (the skipped files are then the whole
/// story), and fails afterwards. The skipped files are not repeated on stderr.
pub fn stats(args: &StatsArgs, global: &GlobalOpts) -> Result<()> {
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
    let all: Vec<usize> = (0..corpus.len()).collect();
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
        let dated = corpus
            .metas()
            .iter()
            .filter(|m| m.published.is_some())
            .count();
        let with_outlet = corpus.metas().iter().filter(|m| m.outlet.is_some()).count();
        writeln!(out, "with a date   {dated}\nwith outlet   {with_outlet}")?;
        // An empty corpus has no facet values: six "(0 values)" headings would only be noise.
        let shown: &[Facet] = if corpus.is_empty() { &[] } else { &Facet::ALL };
        for &facet in shown {
            let counts = facets::counts(corpus, &all, facet);
            writeln!(out, "\n{} ({} values)", facet_title(facet), counts.len())?;
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
    let Some(dir) = global.cache_dir.clone().or_else(cache::default_cache_dir) else {
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
    let cmd = Cli::command();
    let Some(dir) = &args.dir else {
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut buf)
            .context("cannot render the man page")?;
        return with_stdout(|out| out.write_all(&buf));
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("{}", io_problem(dir, &e)))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    write_man_pages(cmd.disable_help_subcommand(true), dir, &mut written)
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
    mut cmd: clap::Command,
    dir: &Path,
    written: &mut Vec<String>,
) -> io::Result<()> {
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        write_man_pages(sub, dir, written)?;
    }
    let man = clap_mangen::Man::new(cmd);
    let name = man.get_filename();
    let mut buf = Vec::new();
    man.render(&mut buf)?;
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
    let Some(path) = crate::config::config_path(explicit) else {
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
        return Ok(());
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
    })
}

/// `warta repair`: keeps every readable line of a damaged journal (see
/// [`triage::repair`]).
pub fn repair(global: &GlobalOpts) -> Result<()> {
    let Some(dir) = global.data_dir.clone().or_else(triage::default_data_dir) else {
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
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 4), "日… ");
        assert_eq!(fit("", 0), "");
    }

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
