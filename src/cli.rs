//! Command-line definitions. Every subcommand shares the query language with the TUI.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Examples:
  warta                                  browse the bundled sample corpus
  warta ~/berita/                        browse every article under a folder
  warta list ~/berita --query 'tiktok date:2025'
  warta search 'asn medsos' ~/berita     ranked matches, one per line (like fzf --filter)
  warta show 22dee9 ~/berita             one article by id (a unique prefix is enough)
  warta stats ~/berita                   counts by outlet, month, dateline and tag
  warta parse artikel.txt                the parser's view of one file, as JSON
  warta list ~/berita --query 'is:relevant label:banjir'
  warta export ~/berita --query 'is:relevant' -o relevan.csv
  warta cache info                       where parsed articles are cached, and how much
  warta config                           where the config file is; --default prints one
  warta completions bash > ~/.local/share/bash-completion/completions/warta
  warta man | man -l -                   this help as a man page
  warta repair                           rescue a damaged triage journal, keeping what is readable
  warta team status                      share triage with a team (see README, Team triage)

Inputs: .txt (one scraped article per file), .json (an object or an array), .jsonl/.ndjson
(one object per line) and .csv (a header row, one article per row). Directories are walked
recursively. With no PATH, warta uses the five sample articles built into it.

Query language: space-separated terms are AND-ed, case never matters. A plain word finds the
articles using it, or an affixed form or synonym, as a whole word in the title or body (a
word no article uses matches as the start of words, then with a typo); \"a phrase\";
'literal word; title:word body:word; ~fuzzy finds a title by letters close together;
^prefix suffix$ of the title; !not or -not or NOT not; a|b, a | b or a OR b for either (AND
is optional: a space already ANDs; OR AND NOT only in capitals); parentheses group:
'(asn | pns) viral', '!(tiktok | instagram)', and after a field give it to each term:
'title:(asn | pns)'; inside \"quotes\" | ( ) are text. Fields outlet: city: author: tag:
topic: body:word date:2024 date:2024-06 date:2024-01..2024-06 date:>2025-01-01; prov: region:
take official names or short forms (prov:jabar prov:sumsel prov:diy region:oki region:jaksel
region:solo); region: keeps to the article's places, named:medan also finds a town it names
only in passing; triage state is:unread is:read is:starred is:relevant is:irrelevant is:maybe
is:undecided label:NAME has:note has:labels; is:new (added while browsing) and has:copies
(syndicated copies); with a team (--team or the config's team table) by:NAME (an analyst
touched it), is:mine, is:conflict, is:agreed. A query that does not parse (an unknown field,
an unclosed parenthesis, a dangling | or AND, two negations such as !!asn, a place that
names nothing) is an error saying what would work, never an empty result.

Triage state (read, stars, decisions, labels, notes) lives in --data-dir (default
~/.local/share/warta on Linux, ~/Library/Application Support/warta on macOS, or
$WARTA_DATA_DIR). `list`, `search` and `export` only read it, so they work while the
browser is open.";

#[derive(Debug, Parser)]
#[command(
    name = "warta",
    version,
    about = "A keyboard-driven terminal browser for corpora of scraped news articles",
    long_about = "warta finds, reads and triages scraped online news from the terminal: \
                  word and fielded search, facets with counts, and keyboard navigation, \
                  locally or over ssh.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or folders to browse (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub browse: BrowseOpts,
}

/// Switches for the interactive browser; each overrides the config file's option.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct BrowseOpts {
    /// Leave the mouse to the terminal (no wheel scrolling or clicking in warta).
    #[arg(long)]
    pub no_mouse: bool,

    /// Plain ASCII borders and marks, for terminals or fonts without good Unicode.
    #[arg(long)]
    pub ascii: bool,

    /// Start afresh instead of restoring the last query, filters, sort and cursor.
    #[arg(long)]
    pub no_restore: bool,

    /// Do not watch the folders for new, changed or removed files while browsing.
    #[arg(long)]
    pub no_watch: bool,
}

/// Options every subcommand takes; grouped under their own heading so a subcommand's help
/// shows its own options first.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Global options (any subcommand)")]
pub struct GlobalOpts {
    /// Configuration file (default: the platform config dir's warta/config.toml, or $WARTA_CONFIG).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Where parsed articles are cached (default: the platform cache dir, or $WARTA_CACHE_DIR).
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        env = "WARTA_CACHE_DIR",
        hide_env = true
    )]
    pub cache_dir: Option<PathBuf>,

    /// Parse every file afresh and neither read nor write the cache.
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print less on stderr: no load summary, no per-file skip reasons.
    #[arg(long, global = true)]
    pub quiet: bool,

    /// Where triage state (read, stars, decisions, labels, notes) is kept (default: the
    /// platform data dir, e.g. ~/.local/share/warta, or $WARTA_DATA_DIR).
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        env = "WARTA_DATA_DIR",
        hide_env = true
    )]
    pub data_dir: Option<PathBuf>,

    /// What goes to warta.log in the data dir: problems warta works around without a word
    /// on screen (default: warn, or $WARTA_LOG).
    #[arg(
        long,
        value_name = "LEVEL",
        value_enum,
        global = true,
        env = "WARTA_LOG",
        hide_env = true,
        default_value_t = LogLevel::Warn
    )]
    pub log_level: LogLevel,

    /// A team server to share triage with (a postgres:// URL; default: $WARTA_TEAM_URL, else
    /// the url in the config's team table). A password in it is used, never shown.
    #[arg(
        long,
        value_name = "URL",
        global = true,
        env = "WARTA_TEAM_URL",
        hide_env = true
    )]
    pub team: Option<String>,

    /// Your name on the team (default: the analyst in the config's team table, else the login name).
    #[arg(long = "as", value_name = "NAME", global = true)]
    pub analyst: Option<String>,
}

/// How much goes to the log file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum LogLevel {
    /// No log file.
    Off,
    /// Failures only.
    Error,
    /// Failures, and problems worked around (a cache or temp file not removed, a watcher
    /// error).
    #[default]
    Warn,
    /// Also start-up and what was loaded.
    Info,
    /// Also small problems that cost nothing (a file already gone).
    Debug,
}

impl LogLevel {
    pub fn filter(self) -> log::LevelFilter {
        match self {
            LogLevel::Off => log::LevelFilter::Off,
            LogLevel::Error => log::LevelFilter::Error,
            LogLevel::Warn => log::LevelFilter::Warn,
            LogLevel::Info => log::LevelFilter::Info,
            LogLevel::Debug => log::LevelFilter::Debug,
        }
    }
}

/// How a team decides (`crate::team::Mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamModeArg {
    Shared,
    Independent,
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Create the team tables on a server, or upgrade them to this warta's version.
    Init {
        /// The server (default: --team, $WARTA_TEAM_URL or the url in the config's team table).
        #[arg(value_name = "URL")]
        url: Option<String>,
        /// How the team decides, set when the tables are created or upgraded (see `warta
        /// team mode`); an existing team keeps its mode unless this is given.
        #[arg(long, value_enum)]
        mode: Option<TeamModeArg>,
    },
    /// Show how the team decides, or set it: `shared` (one decision per article, the
    /// latest stands, everyone sees who decided) or `independent` (each analyst decides
    /// alone; analysts who disagree are a conflict).
    Mode {
        #[arg(value_enum)]
        mode: Option<TeamModeArg>,
    },
    /// The mode, analysts, decision counts, conflicts, and what this machine still has to send.
    Status,
    /// Upload this data directory's triage state as your own, to join a team with your
    /// history (importing twice stores it once).
    Import,
    /// Send the actions queued in this data directory's outbox.
    Send,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, optionally filtered by a query.
    #[command(
        after_help = "The query language is described in `warta --help`: words, \"phrases\",
a|b or a OR b, !word, -word or NOT word, (groups), title:(a | b), fields, triage terms, and
with a team by:NAME is:mine is:conflict is:agreed.

Examples:
  warta list ~/berita --query 'outlet:tribun date:2025-06' --sort date
  warta list ~/berita --format csv > artikel.csv
  warta list --query 'body:viral' --format jsonl | jq .title
  warta list ~/berita --team postgres://warta@db.kantor/warta --query 'is:conflict'"
    )]
    List(ListArgs),
    /// Show one article by id (or a unique id prefix).
    #[command(after_help = "Examples:
  warta show 22dee9                     from the bundled corpus
  warta show 22dee9 ~/berita --format json")]
    Show(ShowArgs),
    /// Ranked matches for a query, one line per article (like `fzf --filter`).
    #[command(
        after_help = "Output: id, date, outlet and title, separated by tabs, best match first.

Examples:
  warta search tiktok
  warta search \"'karaoke palembang\" ~/berita --limit 10"
    )]
    Search(SearchArgs),
    /// Print the parsed articles of one file as a JSON array (one element for a .txt), to
    /// check the parser.
    #[command(after_help = "Examples:
  warta parse data/000_4c0f888a8b7f48f0.txt | jq '.[0].title'
  warta parse export.jsonl | jq '.[].published'")]
    Parse(ParseArgs),
    /// Counts by outlet, month, dateline and tag; files read and skipped; cache use; time taken.
    #[command(after_help = "Examples:
  warta stats ~/berita
  warta stats ~/berita --query 'prov:jatim'   counts for a query's articles
  warta stats ~/berita --no-cache        time a cold parse")]
    Stats(StatsArgs),
    /// Export the articles matching a query with their triage state (CSV, JSON, JSONL or a
    /// Markdown brief grouped by decision).
    #[command(
        after_help = "Without -o the export goes to standard output (CSV unless --format says
otherwise); with -o the format follows the file's extension (.csv .json .jsonl .md)
unless --format is given. The triage state is read without locking, so this works while
the browser is running. With a team, every format ends with the team's columns: analyst
(who decided), conflict (undecided, one analyst, agreed or conflict) and one decision:NAME
per analyst.

Examples:
  warta export ~/berita --query 'is:relevant' -o relevan.csv
  warta export ~/berita --query 'is:starred | label:banjir' --format md > brief.md
  warta export ~/berita --query 'date:2025-06 !is:irrelevant' --format jsonl | jq .title
  warta export ~/berita --query 'by:budi is:agreed' -o sepakat.csv    with a team"
    )]
    Export(ExportArgs),
    /// Inspect or clear the parsed-article cache.
    #[command(
        subcommand,
        long_about = "Inspect or clear the parsed-article cache.\n\nwarta keeps the parsed form \
                      of every file it reads, keyed by path, size and modification time, so a \
                      second run over the same folder skips parsing. The cache is only a speed-up: \
                      clearing it loses nothing.",
        after_help = "Examples:
  warta cache info
  warta cache clear
  warta --cache-dir /tmp/warta-cache list ~/berita    use another cache for one run"
    )]
    Cache(CacheCommand),
    /// Show where the config file is, check it, or print the default one.
    #[command(
        long_about = "Show where the config file is looked for, whether it exists and any \
                      problem in it, or print the default configuration (every key binding) to \
                      start your own from.\n\nThe file is the platform config dir's \
                      warta/config.toml (~/.config/warta/config.toml on Linux), or $WARTA_CONFIG, \
                      or --config FILE.",
        after_help = "Examples:
  warta config                           path, whether it exists, and any problems
  warta config --path                    just the path (and problems, on stderr)
  warta config --default > ~/.config/warta/config.toml
  warta --config ./keys.toml config      check another file"
    )]
    Config(ConfigArgs),
    /// Repair a damaged triage journal, keeping every change that can still be read.
    #[command(
        long_about = "Repair a damaged triage journal (journal.jsonl in the data directory), \
                      keeping every change that can still be read.\n\nA journal damaged in the \
                      middle (a bad disk block, a hand edit, a sync conflict) makes the browser \
                      open read-only. Repair replays every readable line, skips the damaged \
                      ones, saves the result as a new state.json and moves the damaged journal \
                      aside as journal.jsonl.damaged-TIME-PID; nothing is deleted. Quit every \
                      warta using the data directory first.",
        after_help = "Examples:
  warta repair                           the default data directory
  warta --data-dir ~/triase repair       another one"
    )]
    Repair,
    /// Share triage with a team through a PostgreSQL server.
    #[command(
        subcommand,
        long_about = "Share triage with a team through a PostgreSQL server.\n\nEvery action \
                      is saved in the local data directory first and queued in its outbox \
                      (team-outbox.jsonl); `warta team send` delivers the queue, exactly once \
                      per action, whenever the server can be reached. The server is named by \
                      --team URL, $WARTA_TEAM_URL or the config's [team] url.",
        after_help = "Examples:
  warta team init postgres://warta@db.kantor/warta    create (or upgrade) the tables once
  warta team mode independent            each analyst decides alone (dual screening)
  warta --team postgres://warta@db.kantor/warta team status
  warta --as ana team import             upload this data directory's triage as ana
  warta team send                        deliver what is queued"
    )]
    Team(TeamCommand),
    /// Print a shell completion script.
    #[command(
        long_about = "Print a completion script for SHELL to standard output. Install it where \
                      your shell looks for completions, then start a new shell.",
        after_help = "Examples:
  warta completions bash > ~/.local/share/bash-completion/completions/warta
  warta completions zsh > ~/.zfunc/_warta     (with fpath+=~/.zfunc before compinit in ~/.zshrc)
  warta completions fish > ~/.config/fish/completions/warta.fish
  warta completions elvish >> ~/.config/elvish/rc.elv
  warta completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page, or write one page per subcommand into a folder.
    #[command(after_help = "Examples:
  warta man | man -l -                   read it now
  warta man --dir ~/.local/share/man/man1   install warta.1, warta-list.1, ... (then `man warta`)")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct ConfigArgs {
    /// Print the default configuration file (all key bindings, commented).
    #[arg(long)]
    pub default: bool,
    /// Print only the path where the config file is looked for.
    #[arg(long)]
    pub path: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write warta.1 and one warta-SUBCOMMAND.1 per subcommand into this folder (created if
    /// missing) instead of printing warta.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Files or folders (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only articles matching this query.
    #[arg(
        long,
        short = 'q',
        value_name = "QUERY",
        default_value = "",
        hide_default_value = true,
        // `--query -viral` excludes a word; clap would otherwise take it for a flag.
        allow_hyphen_values = true
    )]
    pub query: String,
    /// Sort order (relevance when a query is given and no sort is asked for).
    #[arg(long, short, value_enum)]
    pub sort: Option<SortArg>,
    /// At most this many articles.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel on Windows reads the accents
    /// right.
    #[arg(long)]
    pub bom: bool,
    #[command(flatten)]
    pub check: CheckOpt,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files or folders (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only articles matching this query (triage terms such as is:relevant included).
    #[arg(
        long,
        short = 'q',
        value_name = "QUERY",
        default_value = "",
        hide_default_value = true,
        // `--query -viral` excludes a word; clap would otherwise take it for a flag.
        allow_hyphen_values = true
    )]
    pub query: String,
    /// Output format (default: from the -o file's extension, else csv).
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormatArg>,
    /// Write to this file instead of standard output (`-` is standard output). An existing
    /// file is kept unless --force is given; then it is replaced atomically, through any
    /// symlink. A FIFO, /dev/stdout or a device is written in place.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists (without this an existing file is an error).
    #[arg(long)]
    pub force: bool,
    /// Start a CSV with a UTF-8 byte-order mark, so Excel on Windows reads the accents right.
    #[arg(long)]
    pub bom: bool,
    /// Sort order (relevance when a query is given and no sort is asked for).
    #[arg(long, short, value_enum)]
    pub sort: Option<SortArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Json,
    Jsonl,
    /// A Markdown brief grouped by decision.
    Md,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, or a prefix of it that only one article has.
    pub id: String,
    /// Files or folders (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (same language as the browser's search bar).
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Files or folders (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// At most this many results.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub check: CheckOpt,
}

/// `--check`, for the commands that can answer from the headline snapshot.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct CheckOpt {
    /// What is stat'ed to know the corpus is unchanged when answering from the headline
    /// snapshot (default: the config's `[search] check`, else folders). `folders` sees files
    /// added, removed or renamed, and edits to files modified in the hour before the
    /// snapshot, but not an older file rewritten in place under the same name: stat'ing
    /// every file (`files`) cost more than fzf --filter's whole run at 100k files. The
    /// browser, `warta export` and every other full load always check every file.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub check: Option<CheckArg>,
}

/// What a quick answer stats (`crate::quick::Check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckArg {
    /// Every folder, and the files modified within the hour before the snapshot.
    Folders,
    /// Every folder and every file: also sees an older file rewritten in place.
    Files,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The file to parse (.txt, .json, .jsonl, .ndjson or .csv).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Files or folders (default: the bundled sample corpus).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Count only the articles matching this query.
    #[arg(
        long,
        short = 'q',
        value_name = "QUERY",
        default_value = "",
        hide_default_value = true,
        // `--query -viral` excludes a word; clap would otherwise take it for a flag.
        allow_hyphen_values = true
    )]
    pub query: String,
    /// Show at most this many values per facet (months are all shown, oldest first, with
    /// outliers flagged).
    #[arg(long, value_name = "N", default_value_t = 15)]
    pub top: usize,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Where the cache is, what it holds and how big it is.
    #[command(after_help = "Examples:
  warta cache info
  warta --cache-dir /tmp/c cache info")]
    Info,
    /// Delete everything warta has cached (articles are re-parsed on the next run).
    #[command(after_help = "Examples:
  warta cache clear")]
    Clear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Date,
    /// Oldest first.
    DateAsc,
    Title,
    Outlet,
    Relevance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bare_paths_and_subcommands_parse() {
        let cli = Cli::try_parse_from(["warta", "a", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
        let cli =
            Cli::try_parse_from(["warta", "list", "x", "--query", "tiktok", "-n", "3"]).unwrap();
        match cli.command {
            Some(Command::List(l)) => {
                assert_eq!(l.query, "tiktok");
                assert_eq!(l.limit, Some(3));
                assert_eq!(l.paths, vec![PathBuf::from("x")]);
            }
            other => panic!("{other:?}"),
        }
        let cli = Cli::try_parse_from(["warta", "--no-cache", "cache", "info"]).unwrap();
        assert!(cli.global.no_cache);
        assert!(matches!(
            cli.command,
            Some(Command::Cache(CacheCommand::Info))
        ));
    }
}
