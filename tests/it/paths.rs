//! Where warta looks for its config, data and cache folders: the flag, else the WARTA_*
//! variable, else the XDG folder, the same for every command. Each run starts from an empty
//! environment so the machine's own settings cannot leak in.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], env: &[(&str, &Path)], home: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.env_clear().env("HOME", home).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run warta")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn flags_beat_variables_which_beat_xdg_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |s: &str| tmp.path().join(s);
    let home = p("home");
    let xdg = [
        ("XDG_CONFIG_HOME", p("xdg-config")),
        ("XDG_DATA_HOME", p("xdg-data")),
        ("XDG_CACHE_HOME", p("xdg-cache")),
    ];
    let xdg: Vec<(&str, &Path)> = xdg.iter().map(|(k, v)| (*k, v.as_path())).collect();
    let mut vars = xdg.clone();
    let (cfg_var, data_var, cache_var) = (p("var.toml"), p("var-data"), p("var-cache"));
    vars.extend([
        ("WARTA_CONFIG", cfg_var.as_path()),
        ("WARTA_DATA_DIR", data_var.as_path()),
        ("WARTA_CACHE_DIR", cache_var.as_path()),
    ]);
    let (cfg_flag, data_flag, cache_flag) = (p("flag.toml"), p("flag-data"), p("flag-cache"));
    let s = |p: &Path| p.to_str().unwrap().to_string();

    let config = |env: &[(&str, &Path)], flag: bool| {
        let f = s(&cfg_flag);
        let args: Vec<&str> = if flag {
            vec!["--config", &f, "config", "--path"]
        } else {
            vec!["config", "--path"]
        };
        String::from_utf8_lossy(&run(&args, env, &home).stdout)
            .trim()
            .to_string()
    };
    assert_eq!(config(&xdg, false), s(&p("xdg-config/warta/config.toml")));
    assert_eq!(config(&vars, false), s(&cfg_var));
    assert_eq!(config(&vars, true), s(&cfg_flag));

    let cache = |env: &[(&str, &Path)], flag: bool| {
        let f = s(&cache_flag);
        let args: Vec<&str> = if flag {
            vec!["--cache-dir", &f, "cache", "info"]
        } else {
            vec!["cache", "info"]
        };
        text(&run(&args, env, &home))
    };
    let has = |out: String, dir: &Path| {
        assert!(out.contains(&format!("{}\n", dir.display())), "{out}");
    };
    has(cache(&xdg, false), &p("xdg-cache/warta"));
    has(cache(&vars, false), &cache_var);
    has(cache(&vars, true), &cache_flag);

    // `repair` names the data folder it looked at, even when there is none.
    let data = |env: &[(&str, &Path)], flag: bool| {
        let f = s(&data_flag);
        let args: Vec<&str> = if flag {
            vec!["--data-dir", &f, "repair"]
        } else {
            vec!["repair"]
        };
        text(&run(&args, env, &home))
    };
    let names = |out: String, dir: &Path| {
        assert!(out.contains(&format!("{}", dir.display())), "{out}");
    };
    names(data(&xdg, false), &p("xdg-data/warta"));
    names(data(&vars, false), &data_var);
    names(data(&vars, true), &data_flag);
}
