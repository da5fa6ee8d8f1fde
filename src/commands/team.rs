//! `warta team …`: set up a team server, see what it holds, join it, send the queue.

use anyhow::{Result, anyhow, bail};

use crate::cli::{GlobalOpts, TeamCommand, TeamModeArg};
use crate::team::{self, Agreement, InitOutcome, Mode, Outbox, Shown, Team, TeamConfig};
use crate::triage::Store;

/// The server and analyst from the flags, the environment and the config file, in that
/// order; `url` (from `team init URL`) comes first of all.
pub fn team_config(global: &GlobalOpts, url: Option<&str>) -> Result<TeamConfig> {
    let file = crate::config::load(global.config.as_deref()).team;
    let url = url
        .map(str::to_string)
        .or_else(|| global.team.clone())
        .or(file.url)
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| {
            anyhow!(
                "no team server: pass --team URL, set WARTA_TEAM_URL, or put url = \"postgres://…\" \
                 under [team] in the config"
            )
        })?;
    let analyst = global
        .analyst
        .clone()
        .or(file.analyst)
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(team::login_name);
    Ok(TeamConfig { url, analyst })
}

/// The team the browser shares with, when one is named anywhere.
pub fn configured(global: &GlobalOpts) -> Option<TeamConfig> {
    team_config(global, None).ok()
}

/// The team's state for `list`, `search` and `export`: `None` without a team, or (with a
/// warning) when its server cannot be read, and then the commands read this machine's store.
pub fn shown(global: &GlobalOpts) -> Option<Shown> {
    let cfg = configured(global)?;
    warn_password_file(&cfg, global);
    let away = |why: &dyn std::fmt::Display| {
        if !global.quiet {
            eprintln!("warta: warning: {why}; showing this machine's triage only");
        }
    };
    let replica = (!global.no_cache)
        .then(|| crate::paths::cache_dir(global.cache_dir.as_deref()))
        .flatten()
        .map(|dir| crate::team::Replica::in_cache(&dir, &cfg.shown()));
    let read = Team::connect(&cfg).and_then(|mut t| t.view_from(&cfg.analyst, replica.as_ref()));
    let view = match read {
        Ok((view, _)) => view,
        Err(e) => {
            away(&e);
            return None;
        }
    };
    let pending = match data_dir(global).map(|d| Outbox::in_dir(&d)) {
        Ok(outbox) => match outbox.pending() {
            Ok(p) => p.events,
            Err(e) => {
                away(&format_args!(
                    "{}: {e}; its queued actions are left out",
                    outbox.path().display()
                ));
                Vec::new()
            }
        },
        Err(_) => Vec::new(),
    };
    Some(Shown::new(view, &pending))
}

fn mode_of(arg: TeamModeArg) -> Mode {
    match arg {
        TeamModeArg::Shared => Mode::Shared,
        TeamModeArg::Independent => Mode::Independent,
    }
}

fn data_dir(global: &GlobalOpts) -> Result<std::path::PathBuf> {
    crate::paths::data_dir(global.data_dir.as_deref())
        .ok_or_else(|| anyhow!("no data directory (no home directory?); use --data-dir"))
}

/// Says on stderr when the password file is ignored (libpq's rule: it must be private),
/// and when a password was given on the command line: warta moved it out of the process
/// list at start (see `exec_without_password` in main.rs), but it was there for a moment and
/// stays in the shell's history.
fn warn_password_file(cfg: &TeamConfig, global: &GlobalOpts) {
    let moved = std::env::var_os("WARTA_PASSWORD_MOVED").is_some();
    let still_there =
        std::env::args().any(|a| a.contains(&cfg.url)) && team::redact_url(&cfg.url) != cfg.url;
    if (moved || still_there) && !global.quiet {
        eprintln!(
            "warta: warning: a password on the command line stays in the shell's history and \
             {} in the process list; put it in ~/.pgpass or $WARTA_TEAM_URL instead",
            if still_there {
                "is visible to every user of this machine"
            } else {
                "was visible to every user of this machine until warta restarted without it"
            }
        );
    }
    if let Some(w) = team::password_file_warning(&cfg.url)
        && !global.quiet
    {
        eprintln!("warta: warning: {w}");
    }
}

pub fn run(cmd: &TeamCommand, global: &GlobalOpts) -> Result<()> {
    let named = match cmd {
        TeamCommand::Init { url, .. } => url.as_deref(),
        _ => None,
    };
    if let Ok(cfg) = team_config(global, named) {
        warn_password_file(&cfg, global);
    }
    match cmd {
        TeamCommand::Mode { mode } => {
            let cfg = team_config(global, None)?;
            let mut t = Team::connect(&cfg)?;
            t.check_writable()?;
            if let Some(m) = mode {
                t.set_mode(mode_of(*m))?;
            }
            let m = t.mode()?;
            println!("{m}: {}", Mode::meaning(m));
            Ok(())
        }
        TeamCommand::Init { url, mode } => {
            let cfg = team_config(global, url.as_deref())?;
            let mut t = Team::connect(&cfg)?;
            let said = match t.init()? {
                InitOutcome::Created => format!(
                    "created the team tables (schema version {}) on {}",
                    team::SCHEMA_VERSION,
                    cfg.shown()
                ),
                InitOutcome::Upgraded { from } => format!(
                    "upgraded the team tables on {} from schema version {from} to {}",
                    cfg.shown(),
                    team::SCHEMA_VERSION
                ),
                InitOutcome::AlreadyCurrent => format!(
                    "the team tables on {} are already at schema version {}",
                    cfg.shown(),
                    team::SCHEMA_VERSION
                ),
            };
            println!("{said}");
            if let Some(m) = mode {
                t.set_mode(mode_of(*m))?;
            }
            let m = t.mode()?;
            println!("mode: {m} ({})", Mode::meaning(m));
            Ok(())
        }
        TeamCommand::Status => status(global),
        TeamCommand::Import => import(global),
        TeamCommand::Send => {
            let cfg = team_config(global, None)?;
            let dir = data_dir(global)?;
            // The browser writing this data directory sends its queue itself; two senders
            // would each rewrite the queue under the other.
            let store = Store::open(&dir);
            if store.is_read_only() {
                bail!(
                    "{}; the warta using it sends the queue itself",
                    store
                        .read_only_reason()
                        .unwrap_or("the data directory is in use")
                );
            }
            let outbox = Outbox::in_dir(&dir);
            let recovered = team::Recorder {
                analyst: cfg.analyst.clone(),
                outbox: outbox.clone(),
            }
            .recover(&store)
            .map_err(|e| anyhow!("{}: {e}", outbox.path().display()))?;
            if recovered > 0 {
                println!(
                    "queued {recovered} action(s) an interrupted warta had saved but not queued"
                );
            }
            let mut t = Team::connect(&cfg)?;
            let f = team::flush(&mut t, &outbox)?;
            println!(
                "sent {} queued action(s) to {} ({} new to the server){}",
                f.sent,
                cfg.shown(),
                f.new,
                unreadable_note(f.left, &outbox)
            );
            drop(store);
            Ok(())
        }
    }
}

fn unreadable_note(n: usize, outbox: &Outbox) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(
            "; {n} line(s) of {} cannot be read and were kept",
            outbox.path().display()
        )
    }
}

fn status(global: &GlobalOpts) -> Result<()> {
    let cfg = team_config(global, None)?;
    let outbox = Outbox::in_dir(&data_dir(global)?);
    let pending = outbox
        .pending()
        .map_err(|e| anyhow!("{}: {e}", outbox.path().display()))?;
    let queued = pending.events.len();
    println!("server:    {}", cfg.shown());
    println!("you:       {}", crate::text::sanitize(&cfg.analyst));
    let oldest = pending.events.iter().map(|e| e.at_us).min();
    match oldest {
        None => println!("queue:     nothing waiting on this machine"),
        Some(us) => println!(
            "queue:     {queued} action(s) on this machine not yet sent, the oldest from {}",
            local_time_us(us)
        ),
    }
    if !pending.unreadable.is_empty() {
        println!(
            "           {} line(s) of {} cannot be read and are kept, never sent",
            pending.unreadable.len(),
            outbox.path().display()
        );
    }
    let mut t = match Team::connect(&cfg) {
        Ok(t) => t,
        Err(e) => {
            println!("offline:   {e}");
            bail!("the team server cannot be reached; {queued} action(s) wait to be sent");
        }
    };
    let tls = t.uses_tls()?;
    println!(
        "link:      {}",
        if tls {
            "encrypted (TLS)"
        } else {
            "not encrypted (a Unix socket, or sslmode allowed it)"
        }
    );
    let s = t.status()?;
    match s.schema {
        None => {
            println!("schema:    none (run `warta team init`)");
            return Ok(());
        }
        Some(v) if v != team::SCHEMA_VERSION => {
            println!(
                "schema:    version {v} (this warta writes version {})",
                team::SCHEMA_VERSION
            );
            return Ok(());
        }
        Some(v) => println!("schema:    version {v}"),
    }
    let (view, _) = t.view(&cfg.analyst)?;
    let shown = Shown::new(view, &pending.events);
    let mode = shown.mode();
    println!("mode:      {mode} ({})", Mode::meaning(mode));
    let articles: Vec<&str> = shown.view.articles().collect();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut conflicts = 0;
    for a in &articles {
        let d = shown.state(a).decision;
        if d != crate::triage::Decision::Undecided {
            *counts.entry(d.as_str()).or_default() += 1;
        }
        if shown.view.agreement(a) == Agreement::Conflict {
            conflicts += 1;
        }
    }
    let decided: Vec<String> = counts.iter().map(|(d, n)| format!("{d} {n}")).collect();
    let whose = match mode {
        Mode::Shared => "the team's",
        Mode::Independent => "yours",
    };
    println!(
        "decisions: {} ({whose}, with what this machine has queued)",
        if decided.is_empty() {
            "none yet".to_string()
        } else {
            decided.join(", ")
        }
    );
    if mode == Mode::Independent {
        println!("conflicts: {conflicts} article(s) decided differently");
    }
    println!("analysts:");
    if s.analysts.is_empty() {
        println!("  (none yet)");
    }
    if let Some(namesake) =
        crate::team::view::namesake_of(&cfg.analyst, s.analysts.iter().map(|a| a.0.as_str()))
    {
        println!(
            "warning: {}",
            crate::text::sanitize(&crate::team::view::namesake_warning(&cfg.analyst, namesake))
        );
    }
    for (name, events, decided, last) in &s.analysts {
        let last = last
            .as_deref()
            .and_then(crate::triage::time::display_local)
            .unwrap_or_else(|| "-".into());
        println!(
            "  {}  {events} action(s), {decided} article(s) decided, last {last}",
            crate::text::sanitize(name),
        );
    }
    Ok(())
}

/// Microseconds since 1970 as the analyst's local time.
fn local_time_us(us: i64) -> String {
    let at = crate::triage::time::format_rfc3339(us.div_euclid(1_000_000));
    crate::triage::time::display_local(&at).unwrap_or(at)
}

fn import(global: &GlobalOpts) -> Result<()> {
    let cfg = team_config(global, None)?;
    let dir = data_dir(global)?;
    let store = Store::open_read_only(&dir);
    let events = team::import_events(&store, &cfg.analyst);
    let mut t = Team::connect(&cfg)?;
    let mut new = 0;
    // Bounded transactions: a large store is not one long lock on the server.
    for chunk in events.chunks(1000) {
        new += t.send(chunk)?;
    }
    println!(
        "imported {} article(s) as {}: {} change(s), {new} new to {}",
        store.ids().count(),
        crate::text::sanitize(&cfg.analyst),
        events.len(),
        cfg.shown()
    );
    Ok(())
}
