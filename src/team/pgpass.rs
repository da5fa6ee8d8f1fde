//! The password file PostgreSQL's own tools read (`~/.pgpass`, or `$PGPASSFILE`), so a
//! password need not be in the URL, the environment or the config.
//!
//! The format is libpq's: one `host:port:database:user:password` per line, `*` matching
//! anything in the first four fields, `\:` and `\\` for a literal colon or backslash, lines
//! starting with `#` ignored; the first matching line wins. As libpq does, a file that its
//! group or others may read is ignored with a warning: a password file is a secret.

use std::path::{Path, PathBuf};

/// The password file to read: `$PGPASSFILE`, else `~/.pgpass`.
pub fn file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| Path::new(&h).join(".pgpass"))
}

/// What to look up: a host (`localhost` for a Unix socket, as libpq matches it), port,
/// database and user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The password for `target` in the file at `path`: `Ok(None)` when the file is missing or
/// has no line for it; `Err` (a warning to show) when the file is not private.
pub fn lookup(path: &Path, target: &Target<'_>) -> Result<Option<String>, String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Ok(None);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(format!(
                "password file {} has group or world access and is ignored; permissions \
                 should be u=rw (0600) or less: chmod 600 {}",
                path.display(),
                path.display()
            ));
        }
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("password file {}: {e}", path.display()))?;
    Ok(find(&text, target))
}

/// The first line of `text` matching `target`.
pub fn find(text: &str, target: &Target<'_>) -> Option<String> {
    let port = target.port.to_string();
    let wanted = [target.host, port.as_str(), target.database, target.user];
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = split(line);
            if fields.len() < 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(f, w)| f == "*" || f == w);
            // A password holding unescaped colons keeps them, as in libpq.
            matches.then(|| fields[4..].join(":"))
        })
}

/// A line's fields, with `\:` and `\\` unescaped.
fn split(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => field.extend(chars.next()),
            ':' => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Target<'static> = Target {
        host: "db.kantor",
        port: 5432,
        database: "warta",
        user: "ana",
    };

    #[test]
    fn the_first_matching_line_wins_with_wildcards_and_escapes() {
        let text = "# comment\n\
                    other:5432:warta:ana:wrong\n\
                    db.kantor:5433:*:ana:wrongport\n\
                    db.kantor:*:warta:ana:p\\:ss\\\\w:rd\r\n\
                    *:*:*:*:fallback\n";
        assert_eq!(find(text, &T).as_deref(), Some("p:ss\\w:rd"));
        let budi = Target { user: "budi", ..T };
        assert_eq!(find(text, &budi).as_deref(), Some("fallback"));
        assert_eq!(find("db.kantor:5432:warta:ana", &T), None, "too few fields");
        let esc = Target { host: "a:b", ..T };
        assert_eq!(find("a\\:b:5432:warta:ana:x", &esc).as_deref(), Some("x"));
    }

    #[cfg(unix)]
    #[test]
    fn a_readable_file_is_ignored_with_a_warning() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:secret\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let warning = lookup(&path, &T).unwrap_err();
        assert!(warning.contains("chmod 600"), "{warning}");
        assert!(!warning.contains("secret"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(lookup(&path, &T).unwrap().as_deref(), Some("secret"));
        assert_eq!(lookup(&dir.path().join("none"), &T).unwrap(), None);
    }
}
