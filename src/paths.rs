//! Where warta keeps its own files: the config file, the data directory (triage state,
//! sessions, the log) and the cache of parsed articles. One place decides, so the browser,
//! the commands and the loader (which leaves these folders out of a corpus) agree.
//!
//! Each is the path given on the command line, else its environment variable (when set and
//! not empty), else the platform's folder (`directories`, which follows `XDG_CONFIG_HOME`,
//! `XDG_DATA_HOME` and `XDG_CACHE_HOME` on Linux). The `--data-dir` and `--cache-dir` flags
//! read their variables themselves (clap's `env`); `--config` does not, so `config_file`
//! looks at `WARTA_CONFIG`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// `--config FILE`, else `$WARTA_CONFIG`, else `<config dir>/warta/config.toml`
/// (`~/.config/warta/config.toml` on Linux).
pub fn config_file(explicit: Option<&Path>) -> Option<PathBuf> {
    resolve(explicit, "WARTA_CONFIG", |p| {
        p.config_dir().join("config.toml")
    })
}

/// `--data-dir DIR`, else `$WARTA_DATA_DIR`, else the platform data dir
/// (`~/.local/share/warta` on Linux).
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    resolve(explicit, "WARTA_DATA_DIR", |p| p.data_dir().to_path_buf())
}

/// `--cache-dir DIR`, else `$WARTA_CACHE_DIR`, else the platform cache dir
/// (`~/.cache/warta` on Linux).
pub fn cache_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    resolve(explicit, "WARTA_CACHE_DIR", |p| p.cache_dir().to_path_buf())
}

fn resolve(
    explicit: Option<&Path>,
    var: &str,
    platform: impl FnOnce(&ProjectDirs) -> PathBuf,
) -> Option<PathBuf> {
    pick(explicit, std::env::var_os(var), || {
        ProjectDirs::from("", "", "warta").map(|p| platform(&p))
    })
}

/// The first of: the explicit path, the variable's value unless empty (an empty variable
/// is how a shell unsets one for a single command), the platform's folder.
fn pick(
    explicit: Option<&Path>,
    var: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    match var.filter(|v| !v.is_empty()) {
        Some(v) => Some(PathBuf::from(v)),
        None => platform(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_variable_which_beats_the_platform() {
        let platform = || Some(PathBuf::from("/home/a/.local/share/warta"));
        let flag = Path::new("/flag");
        let var = || Some(OsString::from("/var"));
        assert_eq!(pick(Some(flag), var(), platform), Some(flag.into()));
        assert_eq!(pick(None, var(), platform), Some("/var".into()));
        assert_eq!(pick(None, Some(OsString::new()), platform), platform());
        assert_eq!(pick(None, None, platform), platform());
        assert_eq!(pick(None, None, || None), None);
    }
}
