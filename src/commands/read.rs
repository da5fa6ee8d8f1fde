//! The commands that answer from the corpus and triage: `list`, `search`, `show`, `export`
//! and `parse`, with what they share (the query, the sort, the triage source, the answer).

use super::*;
use std::sync::{Mutex, OnceLock};

/// Parses a query with the configured synonyms and topics; config problems are reported on
/// stderr (unless --quiet) and never stop the command.
pub(super) fn parse_query(q: &str, global: &GlobalOpts) -> Result<Query> {
    parse_query_checked(q, global, CheckOpt::default()).map(|(query, _)| query)
}

/// [`parse_query`], and what a quick answer stats: `--check`, else the config's.
fn parse_query_checked(
    q: &str,
    global: &GlobalOpts,
    check: CheckOpt,
) -> Result<(Query, quick::Check)> {
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
    let check = match check.check {
        Some(CheckArg::Folders) => quick::Check::Folders,
        Some(CheckArg::Files) => quick::Check::Files,
        None => cfg.search.check,
    };
    Ok((query, check))
}

pub(super) fn sort_of(arg: Option<SortArg>, query: &Query) -> Sort {
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
///
/// `marks`: with a team, each article's state also carries what the team did to it
/// ([`crate::team::Shown::marks`]), which the query terms about analysts read.
pub(super) fn triage_source(
    global: &GlobalOpts,
    marks: bool,
) -> (Store, Option<crate::team::Shown>) {
    match team::shown(global) {
        Some(shown) => (shown.store(marks), Some(shown)),
        None => (read_store(global), None),
    }
}

/// [`triage_source`] read on its own thread while the corpus loads. With a team it is a
/// round trip to the server and every state there (50k states take as long as a warm
/// load of 100k articles), mostly waiting on the server, so it need not wait for the
/// corpus, nor the corpus for it.
pub(super) struct Triage {
    reading: Mutex<Option<std::thread::JoinHandle<Source>>>,
    read: OnceLock<Source>,
    /// The team's marks per article are wanted (see [`triage_source`]).
    marks: bool,
}

type Source = (Store, Option<crate::team::Shown>);

impl Triage {
    /// Starts reading the triage source for `query`: with a team, what each analyst did
    /// to each article is kept only when the query asks about analysts.
    pub(super) fn start(global: &GlobalOpts, query: &Query) -> Triage {
        let marks = query.needs_team();
        let global = global.clone();
        let reading = std::thread::Builder::new()
            .name("triage".into())
            .spawn(move || triage_source(&global, marks))
            .ok();
        Triage {
            reading: Mutex::new(reading),
            read: OnceLock::new(),
            marks,
        }
    }

    /// A source that needs no reading.
    pub(super) fn ready(store: Store) -> Triage {
        Triage {
            reading: Mutex::new(None),
            read: OnceLock::from((store, None)),
            marks: false,
        }
    }

    /// The source, waiting for the thread if it is still reading; read here if the thread
    /// could not be started.
    pub(super) fn get(&self, global: &GlobalOpts) -> &Source {
        self.read.get_or_init(|| {
            let handle = self.reading.lock().ok().and_then(|mut h| h.take());
            match handle.map(std::thread::JoinHandle::join) {
                Some(Ok(read)) => read,
                // A panic there is a bug; reading again here says what it was.
                Some(Err(_)) | None => triage_source(global, self.marks),
            }
        })
    }

    pub(super) fn store(&self, global: &GlobalOpts) -> &Store {
        &self.get(global).0
    }
}

/// The groups of copies of `corpus` when `needed`. Clustering reads every body (seconds at
/// 100k articles), so commands ask for it only when the query or the output uses it.
pub(super) fn clusters_if(corpus: &Corpus, needed: bool) -> Option<Clusters> {
    needed.then(|| cluster::cluster_corpus(corpus).1)
}

/// The full-text index of the corpus loaded from `paths`, brought up to date with it (built
/// when missing), when the query has something to look up in it. `None` (the search scans)
/// without a cache directory, for the bundled corpus, or when the index cannot be used;
/// problems are warnings, never errors: the scan gives the same answers, only slower.
pub(super) fn text_index(
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
pub(super) fn search_triaged(
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
    let (query, check) = parse_query_checked(&args.query, global, args.check)?;
    let triage = Triage::start(global, &query);
    let sort = sort_of(args.sort, &query);
    // Other formats print every field: only the table can come from the headlines.
    let quick = (args.format == ListFormat::Table).then_some(check);
    let (corpus, hits) = answer(
        &args.paths,
        global,
        &query,
        sort,
        &triage,
        quick,
        args.limit,
    )?;
    let indices: Vec<usize> = hits.iter().map(|h| h.index).collect();
    let store = triage.store(global);
    let written =
        with_stdout(|out| write_list(out, args.format, &corpus, &indices, store, args.bom));
    // The command ends here: freeing every triage state (with a team, its whole view too)
    // one by one is time the user waits for and nothing needs.
    std::mem::forget(triage);
    written
}

/// The corpus and the first `limit` hits of `query` in `sort` order: from the headline
/// snapshot when `quick` allows it and [`quick::answer`] finds it fresh by that check (then the corpus
/// holds the hits' rows only), else from a full load (whose summary and problems go to
/// stderr), which then writes the snapshot for the next time.
pub(super) fn answer(
    paths: &[PathBuf],
    global: &GlobalOpts,
    query: &Query,
    sort: Sort,
    triage: &Triage,
    quick: Option<quick::Check>,
    limit: Option<usize>,
) -> Result<(Corpus, Vec<Hit>)> {
    let search = |corpus: &Corpus, text: Option<&dyn TextIndex>| {
        search_triaged(corpus, query, sort, triage.store(global), None, text)
    };
    let quick = if let Some(check) = quick {
        quick::answer(
            paths,
            &load_options(global).cache,
            query,
            sort,
            search,
            limit,
            check,
        )
    } else {
        Err(quick::Fallback::none())
    };
    let walked = match quick {
        Ok(quick::Answer { rows, hits, report }) => {
            if !global.quiet {
                eprintln!("{}", report.summary());
            }
            // The command ends once the rows are printed: freeing every article of the
            // snapshot one by one first was 5 % of a quick answer's time at 100k.
            std::mem::forget(report);
            return Ok((rows, hits));
        }
        Err(quick::Fallback { walked, warning }) => {
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
        triage.store(global),
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
pub(super) fn write_bom(w: &mut dyn Write, bom: bool) -> io::Result<()> {
    if bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    Ok(())
}

/// `warta list`'s output: report rows with the article and its triage state; JSON adds
/// everything the parser found, body included.
pub(super) fn write_list(
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
    field("Passing:", Some(m.regions_passing.join(", ")))?;
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
    let (query, check) = parse_query_checked(&args.query, global, args.check)?;
    // A search prints no triage marks, so only a triage term reads triage: the store's
    // files, or with a team a round trip reading every state from its server, are work a
    // plain search must not pay.
    let triage = if query.has_triage() {
        Triage::start(global, &query)
    } else {
        Triage::ready(Store::in_memory(
            "a search without triage terms reads no triage",
        ))
    };
    let (corpus, hits) = answer(
        &args.paths,
        global,
        &query,
        Sort::Relevance,
        &triage,
        Some(check),
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
pub(super) fn write_in_chunks<T: Sync>(
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
    let triage = Triage::start(global, &query);
    let report = load_corpus(&args.paths, global)?;
    let corpus = &report.corpus;
    let (store, team) = triage.get(global);
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
        store,
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
                export_team(w, format, corpus, &indices, store, &context, clusters, team)
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
                out, format, corpus, &indices, store, &context, clusters, team,
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
