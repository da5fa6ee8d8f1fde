//! The housekeeping commands: `cache`, `completions`, `man`, `config` and `repair`.

use super::*;

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
pub(super) fn write_man_pages(
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
pub(super) fn config_verdict(path: &Path, problems: usize) -> Result<()> {
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
