//! Keeping a team server's password out of everything warta shows or writes.
//!
//! A password can arrive in the URL's user-info (`postgres://ana:SECRET@host/db`), as a
//! `password=` query parameter, or in `PGPASSWORD`. Every message that names the server goes
//! through [`redact_url`], and every error text from the client through [`Redactor::scrub`],
//! which also catches a password echoed back in a form this module does not parse.

/// `url` with any password replaced by `***`. Text that is not a URL comes back unchanged.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return redact_params(url);
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    // The last '@' ends the user-info: a password may itself contain '@' when not encoded.
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => authority.to_string(),
    };
    format!("{scheme}://{authority}{}", redact_params(tail))
}

/// A `postgres://` URL with a password in its user-info, split into the URL without it and
/// the password as the server gets it (percent-decoded); `None` for anything else. The
/// password then travels in `PGPASSWORD`, which only the process's owner can read, while
/// the command line is readable by every user of the machine.
pub fn split_password(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "postgres" | "postgresql") {
        return None;
    }
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let (userinfo, host) = authority.rsplit_once('@')?;
    let (user, _) = userinfo.split_once(':')?;
    let config: postgres::Config = url.parse().ok()?;
    let password = String::from_utf8(config.get_password()?.to_vec()).ok()?;
    Some((format!("{scheme}://{user}@{host}{tail}"), password))
}

/// `password=…` in a query string or a key=value connection string, masked.
fn redact_params(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find_ci(rest, "password=") {
        let before_ok = i == 0 || matches!(rest.as_bytes()[i - 1], b'?' | b'&' | b' ' | b'\t');
        let value_start = i + "password=".len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        if before_ok {
            let end = rest.find(['&', ' ', '\t']).unwrap_or(rest.len());
            out.push_str("***");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

/// Masks one known password wherever it occurs, in any text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

impl Redactor {
    /// A redactor for the passwords in `url` (raw and percent-decoded) and in `PGPASSWORD`.
    pub fn for_url(url: &str, env_password: Option<&str>) -> Redactor {
        let mut secrets = Vec::new();
        if let Some((_, rest)) = url.split_once("://") {
            let authority = rest.split(['/', '?']).next().unwrap_or_default();
            if let Some((userinfo, _)) = authority.rsplit_once('@')
                && let Some((_, pw)) = userinfo.split_once(':')
            {
                secrets.push(pw.to_string());
                secrets.push(percent_decode(pw));
            }
        }
        let params = url.split_once('?').map(|(_, q)| q).unwrap_or(url);
        for kv in params.split(['&', ' ']) {
            if let Some((k, v)) = kv.split_once('=')
                && k.eq_ignore_ascii_case("password")
            {
                secrets.push(v.to_string());
                secrets.push(percent_decode(v));
            }
        }
        if let Some(pw) = env_password {
            secrets.push(pw.to_string());
        }
        // Masking a one-letter password would garble every message; such a password is
        // still never printed through the URL, which is always shown redacted.
        secrets.retain(|s| s.chars().count() >= 3);
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Redactor { secrets }
    }

    /// Masks `secret` too (a password found elsewhere, such as the password file).
    pub fn add_secret(&mut self, secret: &str) {
        if secret.chars().count() >= 3 && !self.secrets.iter().any(|s| s == secret) {
            self.secrets.push(secret.to_string());
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    /// `text` with every known password masked and any URL's password removed.
    pub fn scrub(&self, text: &str) -> String {
        let mut t = text.to_string();
        for s in &self.secrets {
            t = t.replace(s.as_str(), "***");
        }
        t.split(' ')
            .map(|w| {
                if w.contains("://") {
                    redact_url(w)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_password_is_split_off_a_url_decoded() {
        assert_eq!(
            split_password("postgres://ana:p%40ss:w@db.kantor:5433/warta?sslmode=require"),
            Some((
                "postgres://ana@db.kantor:5433/warta?sslmode=require".to_string(),
                "p@ss:w".to_string()
            ))
        );
        assert_eq!(
            split_password("postgresql://ana:rahasia@/warta?host=/run/pg"),
            Some((
                "postgresql://ana@/warta?host=/run/pg".to_string(),
                "rahasia".to_string()
            ))
        );
        for none in [
            "postgres://ana@host/db",
            "postgres://host/db",
            "host=x password=y",
            "http://ana:pw@host/",
            "/work/berita",
        ] {
            assert_eq!(split_password(none), None, "{none}");
        }
    }
    use super::*;

    #[test]
    fn passwords_in_every_form_are_masked() {
        assert_eq!(
            redact_url("postgres://ana:s3cr%40t@db.kantor:5432/warta?sslmode=require"),
            "postgres://ana:***@db.kantor:5432/warta?sslmode=require"
        );
        assert_eq!(
            redact_url("postgres://ana:p@ss@db/warta"),
            "postgres://ana:***@db/warta"
        );
        assert_eq!(
            redact_url("postgresql://db/warta?user=ana&password=hunter22&x=1"),
            "postgresql://db/warta?user=ana&password=***&x=1"
        );
        assert_eq!(
            redact_url("host=db password=hunter22 user=ana"),
            "host=db password=*** user=ana"
        );
        assert_eq!(redact_url("postgres://ana@db/w"), "postgres://ana@db/w");
    }

    #[test]
    fn a_known_password_is_masked_in_any_text() {
        let r = Redactor::for_url("postgres://ana:s3cr%40t@db/w", Some("fromenv"));
        let t = r.scrub("auth failed for s3cr@t and s3cr%40t; env fromenv");
        assert!(!t.contains("s3cr"), "{t}");
        assert!(!t.contains("fromenv"), "{t}");
    }
}
