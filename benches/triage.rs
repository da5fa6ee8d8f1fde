//! One triage key in the browser at scale: `cargo bench --bench triage`.
//!
//! A corpus of 100k articles (synthetic metadata, no bodies) with 50k of them already
//! decided, read and half of them labelled; then single decisions (`r`, `i`, `m` on the
//! cursor's article, as one-key triage does) and a label, timed from the key to the app
//! showing the outcome, on the UI thread: `update()`, the store's fsync'd append, and
//! installing the outcome. The search the outcome asks for runs on the worker thread, and
//! installing its results on the UI thread; both are timed separately. Prints a Markdown
//! table.
//!
//! `WARTA_BENCH_ARTICLES` changes the scale.

use std::time::{Duration, Instant};

use warta::app::{self, Action, App, Effect, KeyHelp};
use warta::corpus::Corpus;
use warta::model::{Article, Meta};
use warta::triage::{Decision, Op, Store};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus(n: usize) -> Corpus {
    let articles = (0..n)
        .map(|i| Article {
            meta: Meta {
                id: format!("{:016x}", (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                title: format!("Berita nomor {i} tentang ASN dan media sosial"),
                outlet: Some(format!("Outlet {}", i % 40)),
                source_path: format!("c/{i}.txt"),
                ..Meta::default()
            },
            ..Article::default()
        })
        .collect();
    Corpus::from_articles(articles)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn stats(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() * 95 / 100])
}

/// Runs `action` through update() and, when it asks for triage, the store and the app, as
/// the event loop does; returns the search it asks for, if any.
fn key(app: &mut App, store: &mut Store, action: Action) -> Option<app::SearchRequest> {
    let mut effect = app::update(app, action);
    loop {
        effect = match effect {
            Effect::Triage(cmd) => {
                let outcome = app::triage::execute(store, &app.corpus, cmd);
                app.apply_outcome(outcome)
            }
            Effect::Search(req) => return Some(req),
            _ => return None,
        }
    }
}

fn main() {
    let n: usize = std::env::var("WARTA_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(n);
    let mut store = Store::open(dir.path());
    let half: Vec<String> = (0..n / 2).map(|i| corpus.meta(i * 2).id.clone()).collect();
    for op in [
        Op::Decide {
            ids: half.clone(),
            decision: Decision::Irrelevant,
            // As the browser sends it (decide_marks_read on by default).
            mark_read: true,
        },
        Op::SetRead {
            ids: half.clone(),
            read: true,
        },
        Op::AddLabel {
            ids: half.iter().step_by(2).cloned().collect(),
            label: "medsos".into(),
        },
    ] {
        let _ = store.apply(op).expect("setup");
    }
    let mut app = App::new(corpus, KeyHelp::default());
    app::triage::install_store(&mut app, &store);
    app::update(&mut app, Action::Resize(120, 40));
    app::search_now(&mut app);

    let (mut keys, mut searches, mut installs) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..200 {
        let action = [
            Action::MarkRelevant,
            Action::MarkMaybe,
            Action::MarkIrrelevant,
        ][i % 3]
            .clone();
        let t = Instant::now();
        let req = key(&mut app, &mut store, action);
        keys.push(t.elapsed());
        if let Some(req) = req {
            let t = Instant::now();
            let results = app::search::execute(&app.corpus, &req);
            searches.push(t.elapsed());
            let t = Instant::now();
            app.apply_results(results);
            installs.push(t.elapsed());
        }
        // One-key triage moved on; come back up now and then so the cursor stays near the
        // top of a view that holds both decided and undecided articles.
        if i % 20 == 19 {
            app::update(&mut app, Action::Top);
        }
    }
    let (k50, k95) = stats(keys);
    let (s50, s95) = stats(searches);
    let (i50, i95) = stats(installs);
    println!(
        "| articles | triaged | decision, UI thread ms (median / p95) | the search it asks for, worker ms | its results installed, UI thread ms |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| {n} | {} | {} / {} | {} / {} | {} / {} |",
        n / 2,
        ms(k50),
        ms(k95),
        ms(s50),
        ms(s95),
        ms(i50),
        ms(i95)
    );
}
