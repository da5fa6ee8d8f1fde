//! Loading the corpus for a command: options, progress, and one-line problems (missing
//! paths, a mistyped subcommand, nothing loaded).

use super::*;

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
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
pub(super) fn load_quietly(paths: &[PathBuf], global: &GlobalOpts) -> Result<LoadReport> {
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

pub(super) fn report_problems(report: &LoadReport) {
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
