//! The body worker: reads the bodies the detail pane wants (the cursor's article first, then
//! its neighbours) off the UI thread, so a slow disk or network filesystem never stalls a
//! key. The newest request wins: one that arrives while a body is read replaces the rest of
//! the older one.

use super::*;
use crate::model::Body;

/// Which articles to read, from which corpus.
pub(super) struct BodyRequest {
    pub(super) corpus: Corpus,
    pub(super) indices: Vec<usize>,
}

pub(super) fn spawn_body_worker(rx: Receiver<BodyRequest>, tx: Sender<Msg>) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-bodies".into())
        .spawn(move || {
            let mut next = rx.recv().ok();
            while let Some(req) = next.take() {
                for &index in &req.indices {
                    // A newer request replaces what is left of this one.
                    if let Some(newer) = rx.try_iter().last() {
                        next = Some(newer);
                        break;
                    }
                    let body: Result<Body, String> = req.corpus.body(index);
                    let msg = Msg::Body {
                        identity: req.corpus.identity(),
                        index,
                        body: Box::new(body),
                    };
                    if tx.send(msg).is_err() {
                        return;
                    }
                }
                if next.is_none() {
                    next = rx.recv().ok();
                }
            }
        })
        .context("cannot start the body worker")?;
    Ok(())
}

/// Asks the worker for the bodies the screen wants and does not have, unless it was just
/// asked for exactly those.
pub(super) fn request_bodies(app: &App, ctx: &mut Ctx<'_>) {
    let Some(tx) = ctx.bodies_tx else {
        return;
    };
    let wanted = app.wanted_bodies();
    let key = (app.corpus.identity(), wanted);
    if key.1.is_empty() || ctx.bodies_asked.as_ref() == Some(&key) {
        return;
    }
    let _ = tx.send(BodyRequest {
        corpus: app.corpus.clone(),
        indices: key.1.clone(),
    });
    ctx.bodies_asked = Some(key);
}
