#![deny(clippy::unwrap_used)]
#![warn(clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;
use warta::cli::{Cli, Command};
use warta::commands;

// glibc's malloc gives each rayon thread an arena that grows by an mprotect call per step
// (35k calls decoding the 100k-article cache) and frees slowly; with mimalloc a warm start
// at 100k takes 255 ms instead of 430 ms and a cold parse 8.3 s instead of 11.7 s, in about
// the same memory. Transparent huge pages are left off: they were faster still, but raised
// the browser's peak by a third.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    #[cfg(unix)]
    exec_without_password();
    let cli = Cli::parse();
    let data_dir = warta::paths::data_dir(cli.global.data_dir.as_deref());
    warta::log::init(data_dir.as_deref(), cli.global.log_level.filter());
    log::info!(
        "warta {} started: {}",
        env!("CARGO_PKG_VERSION"),
        // args_os: a file name that is not UTF-8 must not make `args` panic.
        std::env::args_os()
            .skip(1)
            // A team URL may carry a password: the log never gets it.
            .map(|a| warta::team::redact_url(&a.to_string_lossy()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let result = match &cli.command {
        Some(Command::List(a)) => commands::list(a, &cli.global),
        Some(Command::Show(a)) => commands::show(a, &cli.global),
        Some(Command::Search(a)) => commands::search(a, &cli.global),
        Some(Command::Parse(a)) => commands::parse(a),
        Some(Command::Stats(a)) => commands::stats(a, &cli.global),
        Some(Command::Export(a)) => commands::export(a, &cli.global),
        Some(Command::Cache(c)) => commands::cache_cmd(c, &cli.global),
        Some(Command::Config(a)) => commands::config_cmd(a, cli.global.config.as_deref()),
        Some(Command::Completions(a)) => commands::completions(a),
        Some(Command::Man(a)) => commands::man(a),
        Some(Command::Repair) => commands::repair(&cli.global),
        Some(Command::Team(c)) => commands::team::run(c, &cli.global),
        None => browse(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The user reads it on stderr; the log keeps it only when asked for more.
            log::info!("failed: {e:#}");
            eprintln!("warta: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn browse(cli: &Cli) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    // A mistyped subcommand is taken for a path: say what was probably meant.
    if let Some(name) = commands::mistyped_command(&cli.paths) {
        anyhow::bail!(
            "{}: no such command, file or folder; did you mean `warta {name}`? (`warta --help` \
             lists the commands)",
            cli.paths[0].display()
        );
    }
    // A mistyped path should be reported as such, not as "not a terminal".
    commands::check_inputs(&cli.paths)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "not a terminal; use `warta list`, `warta search` or `warta show` for plain output"
        );
    }
    // The browser is on screen at once; the corpus is loaded behind it (the cached one
    // first), and the summary and skip reasons arrive in the status line.
    let inputs = if cli.paths.is_empty() {
        warta::loader::embedded_inputs()
    } else {
        cli.paths
            .iter()
            .cloned()
            .map(warta::loader::Input::Path)
            .collect()
    };
    warta::tui::run(warta::tui::TuiOptions {
        config_path: cli.global.config.clone(),
        store: warta::tui::open_store(cli.global.data_dir.clone()),
        browse: cli.browse,
        paths: cli.paths.clone(),
        data_dir: cli.global.data_dir.clone(),
        load: Some(warta::tui::BackgroundLoad {
            inputs,
            options: commands::load_options(&cli.global),
        }),
        // Files given on the command line are watched; the embedded seeds cannot change.
        watch: !cli.paths.is_empty() && !cli.browse.no_watch,
        team: commands::team::configured(&cli.global),
    })
}

/// Set in the environment of the warta that [`exec_without_password`] started, so it does
/// not start another.
#[cfg(unix)]
const PASSWORD_MOVED: &str = "WARTA_PASSWORD_MOVED";

/// A team URL with a password on the command line (`--team postgres://ana:SECRET@…`, or
/// `team init URL`) is readable by every user of the machine in the process list for as
/// long as warta runs. So, before anything else, warta runs itself again (the same process,
/// `exec`) with the password taken out of the URL and put in `PGPASSWORD`, which only the
/// process's owner can read: the first command line lives for the milliseconds of the exec.
/// If the exec fails, warta goes on as it is, and says so.
#[cfg(unix)]
fn exec_without_password() {
    use std::ffi::OsString;
    use std::os::unix::process::CommandExt;
    if std::env::var_os(PASSWORD_MOVED).is_some() {
        return;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut password: Option<String> = None;
    let rest: Vec<OsString> = args
        .iter()
        .skip(1)
        .map(|arg| {
            let Some(text) = arg.to_str() else {
                return arg.clone();
            };
            let (flag, url) = match text.split_once('=') {
                Some((flag, url)) if flag.starts_with("--") => (format!("{flag}="), url),
                _ => (String::new(), text),
            };
            match warta::team::redact::split_password(url) {
                // One password moves; a second, different one could not share PGPASSWORD.
                Some((bare, pw)) if password.as_ref().is_none_or(|p| *p == pw) => {
                    password = Some(pw);
                    OsString::from(format!("{flag}{bare}"))
                }
                _ => arg.clone(),
            }
        })
        .collect();
    let (Some(password), Ok(exe)) = (password, std::env::current_exe()) else {
        return;
    };
    let mut cmd = std::process::Command::new(exe);
    if let Some(arg0) = args.first() {
        cmd.arg0(arg0);
    }
    let err = cmd
        .args(rest)
        .env("PGPASSWORD", password)
        .env(PASSWORD_MOVED, "1")
        .exec();
    eprintln!(
        "warta: warning: the team password stays visible in the process list (cannot restart \
         without it: {err}); prefer ~/.pgpass or $WARTA_TEAM_URL"
    );
}
