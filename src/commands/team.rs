//! `warta team …`: set up a team server, see what it holds, join it, send the queue.

use anyhow::{Result, anyhow, bail};

use crate::cli::{GlobalOpts, TeamCommand};
use crate::team::{self, InitOutcome, Outbox, Team, TeamConfig};
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

fn data_dir(global: &GlobalOpts) -> Result<std::path::PathBuf> {
    crate::paths::data_dir(global.data_dir.as_deref())
        .ok_or_else(|| anyhow!("no data directory (no home directory?); use --data-dir"))
}

pub fn run(cmd: &TeamCommand, global: &GlobalOpts) -> Result<()> {
    match cmd {
        TeamCommand::Init { url } => {
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
    let queued = outbox
        .pending()
        .map(|p| p.events.len())
        .map_err(|e| anyhow!("{}: {e}", outbox.path().display()))?;
    println!("server:   {}", cfg.shown());
    println!("you:      {}", cfg.analyst);
    println!("queued:   {queued} action(s) on this machine not yet sent");
    let mut t = match Team::connect(&cfg) {
        Ok(t) => t,
        Err(e) => {
            println!("offline:  {e}");
            bail!("the team server cannot be reached; {queued} action(s) wait to be sent");
        }
    };
    let s = t.status()?;
    match s.schema {
        None => {
            println!("schema:   none (run `warta team init`)");
            return Ok(());
        }
        Some(v) if v != team::SCHEMA_VERSION => {
            println!(
                "schema:   version {v} (this warta writes version {})",
                team::SCHEMA_VERSION
            );
            return Ok(());
        }
        Some(v) => println!("schema:   version {v}"),
    }
    println!("conflicts: {} article(s) decided differently", s.conflicts);
    let decided: Vec<String> = s
        .decisions
        .iter()
        .map(|(d, n)| format!("{d} {n}"))
        .collect();
    println!(
        "decisions: {}",
        if decided.is_empty() {
            "none yet".to_string()
        } else {
            decided.join(", ")
        }
    );
    println!("analysts:");
    if s.analysts.is_empty() {
        println!("  (none yet)");
    }
    for (name, events, decided, last) in &s.analysts {
        println!(
            "  {}  {events} action(s), {decided} article(s) decided, last {}",
            crate::text::sanitize(name),
            last.as_deref().unwrap_or("-")
        );
    }
    Ok(())
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
