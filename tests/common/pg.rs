//! A throwaway PostgreSQL cluster for the team tests: `initdb` into a temp dir, a server
//! listening on a Unix socket in that dir only (no TCP port to collide on), stopped and
//! removed when the [`Pg`] is dropped.
//!
//! The server's programs are found through `pg_config --bindir`, else the newest
//! `/usr/lib/postgresql/*/bin`. Without them the tests skip with a note, except under CI,
//! where they fail: `.ci/run` installs PostgreSQL, and a CI run that skipped them proves
//! nothing.
//!
//! PostgreSQL refuses to run as root, and CI runs as root: then the cluster is created and
//! run as `nobody` through `runuser` (util-linux, on every Debian), and the temp dir is
//! handed to that user. The tests themselves stay root and reach the socket by its path.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The user the server runs as when the tests run as root.
const RUN_AS: &str = "nobody";
/// The cluster's superuser, named explicitly so the URL does not depend on who runs it.
pub const SUPERUSER: &str = "warta_test";

pub struct Pg {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_root: bool,
}

/// Where PostgreSQL's server programs are, if installed.
fn bindir() -> Option<PathBuf> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let has_server = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
            // libpq-dev's pg_config answers too, so its bindir must hold the server.
            if let Ok(o) = Command::new("pg_config").arg("--bindir").output()
                && o.status.success()
            {
                let d = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
                if has_server(&d) {
                    return Some(d);
                }
            }
            let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
                .ok()?
                .filter_map(|e| {
                    let e = e.ok()?;
                    let v = e.file_name().to_str()?.parse::<u32>().ok()?;
                    Some((v, e.path().join("bin")))
                })
                .filter(|(_, d)| has_server(d))
                .collect();
            versions.sort();
            versions.pop().map(|(_, d)| d)
        })
        .clone()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn check(what: &str, out: std::io::Result<Output>) -> Output {
    let out = out.unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Pg {
    /// A running cluster, or `None` (with a note) when PostgreSQL is not installed.
    /// Panics under CI when it is missing, and anywhere when it is installed but fails.
    pub fn start() -> Option<Pg> {
        let Some(bin) = bindir() else {
            assert!(
                !super::on_ci(),
                "PostgreSQL not found (no pg_config --bindir with initdb, no \
                 /usr/lib/postgresql/*/bin), and CI is set: the team tests need it (.ci/run \
                 installs it)"
            );
            println!("PostgreSQL not found; skipping the team tests (apt-get install postgresql)");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("warta-pg-")
            .tempdir()
            .expect("a temp dir");
        let as_root = is_root();
        if as_root {
            check(
                "chown",
                Command::new("chown")
                    .args([RUN_AS, dir.path().to_str().expect("utf-8 temp path")])
                    .output(),
            );
        }
        let pg = Pg { dir, bin, as_root };
        let data = pg.data();
        check(
            "initdb",
            pg.command("initdb")
                .args([
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-locale",
                    "-U",
                    SUPERUSER,
                ])
                .arg("-D")
                .arg(&data)
                .output(),
        );
        pg.start_server();
        Some(pg)
    }

    /// One of the server's programs, run as the user that owns the cluster.
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        let mut cmd = if self.as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", RUN_AS, "--"]).arg(path);
            c
        } else {
            Command::new(path)
        };
        // The server's user may not be allowed into the test's working directory.
        cmd.current_dir(self.dir.path());
        cmd
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The directory holding the server's socket.
    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// A URL for `database` over the socket, as `warta --team` takes it.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}@localhost/{database}?host={}",
            self.socket_dir().display()
        )
    }

    /// The same URL with a password in it (trust authentication ignores it): for the
    /// tests that a password is never shown.
    pub fn url_with_password(&self, database: &str, password: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{password}@localhost/{database}?host={}",
            self.socket_dir().display()
        )
    }

    /// Starts the server again (after [`Pg::stop_immediate`]), waiting until it accepts
    /// connections.
    pub fn start_server(&self) {
        let opts = format!(
            "-c listen_addresses='' -k {} -c fsync=off",
            self.socket_dir().display()
        );
        self.pg_ctl_start(&opts);
    }

    /// Stops the server the way a crash would (`pg_ctl stop -m immediate`): no checkpoint,
    /// every connection cut.
    pub fn stop_immediate(&self) {
        check(
            "pg_ctl stop",
            self.command("pg_ctl")
                .args(["stop", "-w", "-m", "immediate", "-D"])
                .arg(self.data())
                .output(),
        );
    }

    /// Creates a database and returns its URL.
    pub fn create_db(&self, name: &str) -> String {
        let mut c = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test cluster");
        // A name the tests choose, not input: quoting is enough.
        c.batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .expect("create database");
        self.url(name)
    }

    /// A login role `user` that must give `password` over the socket (every other user
    /// is still trusted), and a URL for `database` as `user` without the password.
    pub fn password_user(&self, user: &str, password: &str, database: &str) -> String {
        let mut c = self.client("postgres");
        // Test-chosen names; the password is a literal the tests write.
        c.batch_execute(&format!(
            "CREATE ROLE \"{user}\" LOGIN PASSWORD '{password}'"
        ))
        .expect("create role");
        let hba = self.data().join("pg_hba.conf");
        let old = std::fs::read_to_string(&hba).expect("read pg_hba.conf");
        std::fs::write(&hba, format!("local all {user} scram-sha-256\n{old}"))
            .expect("write pg_hba.conf");
        c.batch_execute("SELECT pg_reload_conf()").expect("reload");
        format!(
            "postgres://{user}@localhost/{database}?host={}",
            self.socket_dir().display()
        )
    }

    /// Restarts the server listening on a loopback port as well, with TLS on and a
    /// self-signed certificate for `localhost` and 127.0.0.1 made with the openssl command;
    /// returns the port and the certificate's path (to trust it as a root). The socket
    /// moves with the port: use TCP URLs afterwards.
    pub fn restart_with_tls(&self) -> (u16, PathBuf) {
        let crt = self.dir.path().join("server.crt");
        let key = self.dir.path().join("server.key");
        check(
            "openssl req",
            Command::new("openssl")
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                ])
                .args(["-subj", "/CN=localhost"])
                .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
                // An end-entity certificate (trusted as its own root by the test).
                .args(["-addext", "basicConstraints=critical,CA:FALSE"])
                .arg("-keyout")
                .arg(&key)
                .arg("-out")
                .arg(&crt)
                .output(),
        );
        check("chmod", Command::new("chmod").arg("600").arg(&key).output());
        if self.as_root {
            check(
                "chown",
                Command::new("chown")
                    .arg(RUN_AS)
                    .arg(&key)
                    .arg(&crt)
                    .output(),
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        check(
            "pg_ctl stop",
            self.command("pg_ctl")
                .args(["stop", "-w", "-m", "fast", "-D"])
                .arg(self.data())
                .output(),
        );
        let opts = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c fsync=off -c ssl=on \
             -c ssl_cert_file={} -c ssl_key_file={}",
            self.socket_dir().display(),
            crt.display(),
            key.display()
        );
        self.pg_ctl_start(&opts);
        (port, crt)
    }

    /// `pg_ctl start` with the server options `opts`, waiting until it accepts connections.
    fn pg_ctl_start(&self, opts: &str) {
        check(
            "pg_ctl start",
            self.command("pg_ctl")
                .args(["start", "-w", "-t", "60", "-o", opts, "-l"])
                .arg(self.dir.path().join("server.log"))
                .arg("-D")
                .arg(self.data())
                .output(),
        );
    }

    /// (analyst, action, value) of every event stored in `database`, oldest first.
    pub fn events(&self, database: &str) -> Vec<(String, String, Option<String>)> {
        self.client(database)
            .query(
                "SELECT analyst, action, value FROM warta_events ORDER BY seq",
                &[],
            )
            .expect("read the events")
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect()
    }

    /// Creates a database with warta's team tables in `mode` and returns its URL.
    pub fn create_team(&self, name: &str, mode: warta::team::Mode) -> String {
        let url = self.create_db(name);
        let mut t = warta::team::Team::connect(&warta::team::TeamConfig {
            url: url.clone(),
            analyst: "setup".into(),
        })
        .expect("connect to the test cluster");
        t.init().expect("team init");
        t.set_mode(mode).expect("team mode");
        url
    }

    /// A plain connection, for tests that look at the tables themselves.
    pub fn client(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(database), postgres::NoTls)
            .expect("connect to the test cluster")
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        // Already stopped is fine; the temp dir goes with it either way.
        let _ = self
            .command("pg_ctl")
            .args(["stop", "-m", "immediate", "-D"])
            .arg(self.data())
            .output();
    }
}
