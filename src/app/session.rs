//! Session restore: the last query, filters, sort and cursor per corpus.

use std::path::{Path, PathBuf};

use super::state::App;

/// Where the session for these corpus paths is kept under the data dir.
pub fn path_for(data_dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let _ = paths;
    data_dir.join("sessions")
}

/// Applies the saved session at `path` to a fresh app; `Ok(false)` when there is none.
pub fn restore(app: &mut App, path: &Path) -> Result<bool, String> {
    let _ = (app, path);
    Ok(false)
}

/// Saves the app's query, filters, sort and cursor article to `path`.
pub fn save(app: &App, path: &Path) -> Result<(), String> {
    let _ = (app, path);
    Ok(())
}
