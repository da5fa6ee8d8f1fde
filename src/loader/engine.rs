//! The load itself: files checked against the cache, the misses parsed on every core in
//! chunks, bodies streamed to the cache, snapshots and progress handed over between chunks,
//! and the corpus assembled in path order.

use super::*;

use std::sync::atomic::AtomicU64;

/// One file's contribution to the corpus, before the global ordering.
#[derive(Clone)]
pub(super) struct Unit {
    pub(super) path: String,
    pub(super) metas: Vec<Meta>,
    pub(super) bodies: Vec<PendingBody>,
}

#[derive(Clone)]
pub(super) enum PendingBody {
    Mem(Arc<Body>),
    /// In the load's body file number `file`.
    Disk {
        file: u32,
        at: u64,
        len: u64,
        h: u64,
    },
}

impl Unit {
    pub(super) fn from_articles(path: String, articles: Vec<Article>) -> Unit {
        let (metas, bodies) = articles
            .into_iter()
            .map(|a| (a.meta, PendingBody::Mem(Arc::new(a.body))))
            .unzip();
        Unit {
            path,
            metas,
            bodies,
        }
    }

    pub(super) fn from_fresh(f: FreshFile) -> Unit {
        Unit {
            path: f.stamp.path,
            metas: f.metas,
            bodies: f.bodies.into_iter().map(PendingBody::Mem).collect(),
        }
    }

    /// A copy of a file parsed during this load, for a snapshot.
    pub(super) fn copy_fresh(f: &FreshFile) -> Unit {
        Unit {
            path: f.stamp.path.clone(),
            metas: f.metas.clone(),
            bodies: f.bodies.iter().cloned().map(PendingBody::Mem).collect(),
        }
    }

    pub(super) fn from_cached(
        f: CachedFile,
        file: u32,
        new_at: &mut Option<std::slice::Iter<'_, u64>>,
    ) -> Unit {
        let mut metas = Vec::with_capacity(f.articles.len());
        let mut bodies = Vec::with_capacity(f.articles.len());
        for a in f.articles {
            let at = new_at
                .as_mut()
                .and_then(|it| it.next().copied())
                .unwrap_or(a.at);
            bodies.push(PendingBody::Disk {
                file,
                at,
                len: a.len,
                h: a.h,
            });
            metas.push(a.m);
        }
        Unit {
            path: f.path,
            metas,
            bodies,
        }
    }

    /// A copy of a cached file's articles, for a corpus shown before the load is over.
    pub(super) fn copy_cached(f: &CachedFile, file: u32) -> Unit {
        Unit {
            path: f.path.clone(),
            metas: f.articles.iter().map(|a| a.m.clone()).collect(),
            bodies: f
                .articles
                .iter()
                .map(|a| PendingBody::Disk {
                    file,
                    at: a.at,
                    len: a.len,
                    h: a.h,
                })
                .collect(),
        }
    }
}

/// Orders units (by source path, then record), drops a file reached through two inputs, and
/// joins them into a corpus. Returns the corpus and how many files gave articles.
pub(super) fn assemble(mut units: Vec<Unit>, files: &[Arc<BodyFile>]) -> (Corpus, usize) {
    // Deterministic order whatever the input order or thread timing.
    units.sort_by(|a, b| a.path.cmp(&b.path));
    units.dedup_by(|b, a| a.path == b.path);
    let mut bodies = LoadedBodies::new();
    for f in files {
        bodies.add_file(Arc::clone(f));
    }
    let mut files_loaded = 0;
    let mut metas = Vec::with_capacity(units.iter().map(|u| u.metas.len()).sum());
    for u in units {
        if !u.metas.is_empty() {
            files_loaded += 1;
        }
        metas.extend(u.metas);
        for b in u.bodies {
            match b {
                PendingBody::Mem(body) => bodies.push_mem(body),
                PendingBody::Disk { file, at, len, h } => bodies.push_disk(file, at, len, h),
            }
        }
    }
    // Year-less dates depend on the whole corpus, which no one file's parse sees.
    super::years::settle(&mut metas);
    (Corpus::new(metas, Arc::new(bodies)), files_loaded)
}

/// Parse work is handed to the threads in chunks of this many files (or bytes), so that
/// progress and snapshots can be reported between chunks.
pub(super) const CHUNK_FILES: usize = 512;

pub(super) const CHUNK_BYTES: u64 = 16 << 20;

/// Progress events are at most this frequent: each one costs the UI a redraw.
pub(super) const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A snapshot of a cold load is handed over at most this often, and only once the corpus
/// has doubled since the last one: each costs a copy of the metadata and a search, so a
/// geometric schedule keeps their total cost a small multiple of one. None is taken past
/// half of the files to parse: the front end holds a snapshot while the load builds the
/// whole corpus, so a late one would nearly double the peak memory of a cold load.
pub(super) const SNAPSHOT_EVERY: Duration = Duration::from_millis(250);

/// How often a cold load makes what it has written to the cache durable (at most: see
/// `Engine::stream`).
pub(super) const CHECKPOINT_EVERY: Duration = Duration::from_secs(10);

/// The state of a staged load's reporting.
pub(super) struct Stage<'a> {
    pub(super) on: &'a mut dyn FnMut(LoadEvent),
    pub(super) progress: Progress,
    pub(super) last_progress: Option<Instant>,
    /// Snapshots are taken only while nothing better (the cached corpus) has been shown.
    pub(super) snapshots: bool,
    pub(super) last_corpus: Option<(Instant, usize)>,
}

pub(super) struct Engine<'a> {
    pub(super) parse: &'a ParseFn,
    pub(super) start: Instant,
    pub(super) report: LoadReport,
    pub(super) units: Vec<Unit>,
    /// Body files the units' [`PendingBody::Disk`] entries point into, by number.
    pub(super) files: Vec<Arc<BodyFile>>,
    pub(super) cache_write_failed: bool,
    /// Files found changed or new since the cache was written, over all roots.
    pub(super) changed: usize,
    /// Cached files not found any more, over all roots.
    pub(super) gone: usize,
    /// A cache was rewritten (even without a changed file: a parser upgrade, a repair).
    pub(super) rewritten: bool,
    pub(super) stage: Option<Stage<'a>>,
}

impl<'a> Engine<'a> {
    pub(super) fn new(parse: &'a ParseFn, on: Option<&'a mut dyn FnMut(LoadEvent)>) -> Engine<'a> {
        Engine {
            parse,
            start: Instant::now(),
            report: LoadReport::default(),
            units: Vec::new(),
            files: Vec::new(),
            cache_write_failed: false,
            changed: 0,
            gone: 0,
            rewritten: false,
            stage: on.map(|on| Stage {
                on,
                progress: Progress::default(),
                last_progress: None,
                snapshots: true,
                last_corpus: None,
            }),
        }
    }

    /// Parses a chunk of files on the pool. With someone to tell, progress goes out while it
    /// runs: a chunk may be one file of a gigabyte, whose JSONL lines are counted as they
    /// are parsed (see [`parse_counter`]).
    fn parse_chunk(&mut self, chunk: Vec<Miss>) -> Vec<(Miss, Outcome, u64, Vec<String>)> {
        let parse = self.parse;
        let run = |counter: Option<&Arc<AtomicU64>>| -> Vec<_> {
            chunk
                .into_par_iter()
                .map(|m| match counter {
                    Some(c) => with_parse_counter(c, || parse_miss(parse, m)),
                    None => parse_miss(parse, m),
                })
                .collect()
        };
        if self.stage.is_none() {
            return run(None);
        }
        let counter = Arc::new(AtomicU64::new(0));
        let me = std::thread::current();
        std::thread::scope(|s| {
            let work = s.spawn(|| {
                let out = run(Some(&counter));
                me.unpark();
                out
            });
            while !work.is_finished() {
                std::thread::park_timeout(PROGRESS_EVERY);
                let n = counter.load(std::sync::atomic::Ordering::Relaxed);
                self.progress(|p| p.bytes_in_flight = n);
            }
            match work.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Reports progress only, never a corpus before the end.
    pub(super) fn no_snapshots(&mut self) {
        if let Some(st) = self.stage.as_mut() {
            st.snapshots = false;
        }
    }

    pub(super) fn add_file(&mut self, f: Arc<BodyFile>) -> u32 {
        // Registering the same handle twice would only waste a slot; find it instead.
        if let Some(i) = self.files.iter().position(|g| Arc::ptr_eq(g, &f)) {
            return i as u32;
        }
        self.files.push(f);
        (self.files.len() - 1) as u32
    }

    /// Updates the progress counters with `change` and reports them, at most every
    /// [`PROGRESS_EVERY`] unless the phase changed.
    pub(super) fn progress(&mut self, change: impl FnOnce(&mut Progress)) {
        let elapsed = self.start.elapsed();
        let Some(st) = self.stage.as_mut() else {
            return;
        };
        let phase = st.progress.phase;
        change(&mut st.progress);
        st.progress.elapsed = elapsed;
        let now = Instant::now();
        let due = st
            .last_progress
            .is_none_or(|t| now.duration_since(t) >= PROGRESS_EVERY);
        if due || st.progress.phase != phase {
            st.last_progress = Some(now);
            (st.on)(LoadEvent::Progress(st.progress.clone()));
        }
    }

    pub(super) fn run(mut self, inputs: &[Input], opts: &LoadOptions) -> LoadReport {
        let cache_dir = match &opts.cache {
            CacheMode::Disabled => None,
            CacheMode::Dir(d) => Some(d.as_path()),
        };
        // Each root is walked by its canonical path, so the cache recognises its files however
        // the root was spelled (`berita`, `./berita/`, an absolute path, a symlink) and every
        // source path shown or opened later is unambiguous.
        let canonical: Vec<Input> = inputs
            .iter()
            .map(|input| match input {
                Input::Path(root) => {
                    Input::Path(std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()))
                }
                other => other.clone(),
            })
            .collect();
        let inputs = canonical.as_slice();
        let mut opened: Vec<Option<RootCache>> = inputs.iter().map(|_| None).collect();
        let mut shown: Option<Corpus> = None;
        // Only for a front end that shows corpora as they come (not one that wants progress
        // alone): it costs a second read of the cache's metadata.
        if self.stage.as_ref().is_some_and(|st| st.snapshots)
            && let Some(dir) = cache_dir
        {
            self.progress(|p| p.phase = Phase::ReadingCache);
            for (slot, input) in opened.iter_mut().zip(inputs) {
                if let Input::Path(root) = input {
                    *slot = open_cache(dir, root);
                }
            }
            shown = self.show_cached(&mut opened);
        }

        for (input, cache) in inputs.iter().zip(opened) {
            match input {
                Input::Embedded(name, bytes) => {
                    let path = format!("data/{name}");
                    self.report.files_seen += 1;
                    self.changed += 1;
                    let format = discover::format_for(Path::new(name));
                    match parse_guarded(self.parse, &path, bytes, format) {
                        Ok((articles, skipped)) => {
                            self.report.skipped.extend(skipped);
                            self.units.push(Unit::from_articles(path, articles));
                        }
                        Err(reason) => self.report.skipped.push(Skipped {
                            path,
                            reason: reason.unwrap_or_else(internal_error),
                        }),
                    }
                }
                Input::Path(root) => self.load_root(root, cache_dir, cache),
            }
        }

        let units = std::mem::take(&mut self.units);
        let (corpus, files_loaded) = assemble(units, &self.files);
        let mut report = self.report;
        report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        report.skipped.dedup();
        report.files_loaded = files_loaded;
        report.files_changed = self.changed;
        report.files_gone = self.gone;
        // Nothing changed since the cached corpus was shown: hand back that very corpus, so
        // the front end knows it has nothing to replace.
        report.corpus = match shown {
            Some(shown) if self.changed == 0 && self.gone == 0 && !self.rewritten => shown,
            _ => corpus,
        };
        let mut seen: HashSet<&str> = HashSet::with_capacity(report.corpus.len());
        report.duplicate_ids = report
            .corpus
            .metas()
            .iter()
            .filter(|m| !seen.insert(m.id.as_str()))
            .count();
        drop(seen);
        if report.duplicate_ids > 0 {
            report.warnings.push(format!(
                "{} articles have the same text as another article (same id); all are listed and \
                 copies share their triage state",
                report.duplicate_ids
            ));
        }
        report.elapsed = self.start.elapsed();
        report
    }

    /// Hands over everything the opened caches hold, before any file is checked. Returns the
    /// corpus shown, if any.
    ///
    /// The cached metadata is moved into that corpus rather than copied (a copy of a million
    /// metas costs more than the first frame's budget), which empties the opened caches: the
    /// check that follows reads them again, off the critical path.
    pub(super) fn show_cached(&mut self, opened: &mut [Option<RootCache>]) -> Option<Corpus> {
        let mut cached: Vec<(u32, Vec<CachedFile>)> = Vec::new();
        for slot in opened.iter_mut() {
            let Some(mut cache) = slot.take() else {
                continue;
            };
            let Some(body) = cache.body_file() else {
                *slot = Some(cache);
                continue;
            };
            let file = self.add_file(body);
            cached.push((file, cache.drain_files().collect()));
        }
        if cached
            .iter()
            .all(|(_, files)| files.iter().all(|f| f.articles.is_empty()))
        {
            return None;
        }
        let corpus = match cached.as_slice() {
            // The usual case, one cached root: its entries are stored in path order, so
            // they go straight into the corpus, without the per-file units and the sort
            // that merging several roots needs (~0.2 s at 100k articles).
            [(_, files)] if files.windows(2).all(|w| w[0].path < w[1].path) => {
                let (file, files) = cached.pop()?;
                let n = files.iter().map(|f| f.articles.len()).sum();
                let mut metas = Vec::with_capacity(n);
                let mut bodies = LoadedBodies::with_capacity(n);
                for f in &self.files {
                    bodies.add_file(Arc::clone(f));
                }
                for f in files {
                    for a in f.articles {
                        metas.push(a.m);
                        bodies.push_disk(file, a.at, a.len, a.h);
                    }
                }
                Corpus::new(metas, Arc::new(bodies))
            }
            _ => {
                let units = cached
                    .into_iter()
                    .flat_map(|(file, files)| {
                        files
                            .into_iter()
                            .map(move |f| Unit::from_cached(f, file, &mut None))
                    })
                    .collect();
                assemble(units, &self.files).0
            }
        };
        let st = self.stage.as_mut()?;
        st.snapshots = false;
        (st.on)(LoadEvent::Corpus {
            corpus: corpus.clone(),
            cached: true,
        });
        Some(corpus)
    }

    /// Hands over what has been parsed so far, when a snapshot is due.
    pub(super) fn snapshot(&mut self, kept: &[CachedFile], kept_file: Option<u32>, sink: &Sink) {
        let Some(st) = self.stage.as_ref() else {
            return;
        };
        if !st.snapshots {
            return;
        }
        // The cheap tests first: this runs after every chunk, and counting the articles
        // walks every file parsed so far.
        if let Some((t, _)) = st.last_corpus
            && (t.elapsed() < SNAPSHOT_EVERY || st.progress.parsed * 2 > st.progress.to_parse)
        {
            return;
        }
        let articles = self.units.iter().map(|u| u.metas.len()).sum::<usize>()
            + kept.iter().map(|f| f.articles.len()).sum::<usize>()
            + sink.written.iter().map(|f| f.articles.len()).sum::<usize>()
            + sink.mem.iter().map(|f| f.metas.len()).sum::<usize>();
        let due = match st.last_corpus {
            None => articles > 0,
            Some((_, n)) => articles >= 2 * n,
        };
        if !due {
            return;
        }
        let mut units: Vec<Unit> = self.units.clone();
        if let Some(file) = kept_file {
            units.par_extend(kept.par_iter().map(|f| Unit::copy_cached(f, file)));
        }
        if let Some(file) = sink.file {
            units.par_extend(sink.written.par_iter().map(|f| Unit::copy_cached(f, file)));
        }
        units.par_extend(sink.mem.par_iter().map(Unit::copy_fresh));
        let (corpus, _) = assemble(units, &self.files);
        let elapsed = self.start.elapsed();
        if let Some(st) = self.stage.as_mut() {
            st.last_corpus = Some((Instant::now(), articles));
            // The counters that go with this corpus, whatever the progress throttle says.
            st.progress.elapsed = elapsed;
            st.last_progress = Some(Instant::now());
            (st.on)(LoadEvent::Progress(st.progress.clone()));
            (st.on)(LoadEvent::Corpus {
                corpus,
                cached: false,
            });
        }
    }

    pub(super) fn load_root(
        &mut self,
        root: &Path,
        cache_dir: Option<&Path>,
        opened: Option<RootCache>,
    ) {
        self.progress(|p| p.phase = Phase::Walking);
        // The walk spends most of its time waiting on one folder after another, so the
        // cache is decoded beside it rather than after it.
        let ((entries, skips), mut cache) = rayon::join(
            || walk_root(root, cache_dir),
            || opened.or_else(|| cache_dir.and_then(|d| open_cache(d, root))),
        );
        self.report.skipped.extend(skips);
        self.report.files_seen += entries.len();
        if let Some(c) = &cache
            && let Some(why) = &c.problem
        {
            self.report.warnings.push(format!(
                "cache at {} was corrupt ({why}); rebuilt",
                c.dir().display()
            ));
        }
        let kept_file = cache
            .as_ref()
            .and_then(RootCache::body_file)
            .map(|f| self.add_file(f));

        let mut kept: Vec<CachedFile> = Vec::new();
        let mut misses: Vec<Miss> = Vec::new();
        for e in entries {
            // The path is shown (list, detail, skip lines), so it is made display-safe here,
            // once. An escaped or lossy name could collide with a real one in the cache, so
            // such files are re-read every time instead.
            let lossy = e.path.to_string_lossy();
            let shown = crate::text::escape_path(&lossy);
            let cacheable = e.path.to_str().is_some() && matches!(shown, Cow::Borrowed(_));
            let stamp = FileStamp {
                path: shown.into_owned(),
                size: e.size,
                mtime_ns: e.mtime_ns,
            };
            if cacheable
                && let Some(c) = cache.as_mut()
                && let Some(hit) = c.take(&stamp)
            {
                kept.push(hit);
                continue;
            }
            let format = discover::format_for(&e.path);
            misses.push(Miss {
                stamp,
                path: e.path,
                format,
                cacheable,
            });
        }
        if cache.is_some() {
            self.report.cache_hits += kept.len();
            self.report.cache_misses += misses.len();
        }
        // What is left in the cache after every file found took its entry has vanished. Kept
        // apart from the changed files: a file renamed is one of each, and a folder emptied
        // would otherwise report more files changed than there are files.
        self.changed += misses.len();
        self.gone += cache.as_ref().map_or(0, |c| c.files().count());
        let (seen, to_parse) = (self.report.files_seen, misses.len());
        let bytes_to_parse: u64 = misses.iter().map(|m| m.stamp.size).sum();
        self.progress(|p| {
            p.phase = Phase::Parsing;
            p.files_seen = seen;
            p.to_parse += to_parse;
            p.bytes_to_parse += bytes_to_parse;
        });

        let mut sink = Sink {
            cache,
            writer: None,
            file: None,
            off: false,
            written: Vec::new(),
            mem: Vec::new(),
            checkpointed: Instant::now(),
            checkpoint_cost: Duration::ZERO,
        };
        let mut misses = misses.into_iter().peekable();
        loop {
            let mut chunk = Vec::new();
            let mut chunk_bytes = 0;
            while let Some(m) =
                misses.next_if(|_| chunk.len() < CHUNK_FILES && chunk_bytes < CHUNK_BYTES)
            {
                chunk_bytes += m.stamp.size;
                chunk.push(m);
            }
            if chunk.is_empty() {
                break;
            }
            let parsed = self.parse_chunk(chunk);
            let (mut files, mut bytes, mut articles) = (0, 0, 0);
            let mut fresh: Vec<FreshFile> = Vec::new();
            for (m, outcome, n, notes) in parsed {
                files += 1;
                bytes += n;
                self.report.bytes_read += n;
                match outcome {
                    Outcome::Parsed(list, skipped) if m.cacheable => {
                        articles += list.len();
                        let (metas, bodies) =
                            list.into_iter().map(|a| (a.meta, Arc::new(a.body))).unzip();
                        fresh.push(FreshFile {
                            stamp: m.stamp,
                            metas,
                            bodies,
                            skipped,
                            notes,
                        });
                    }
                    Outcome::Parsed(list, skipped) => {
                        articles += list.len();
                        self.report.warnings.extend(notes);
                        self.report.skipped.extend(skipped);
                        self.units.push(Unit::from_articles(m.stamp.path, list));
                    }
                    Outcome::Rejected(reason) if m.cacheable => {
                        let skipped = vec![Skipped {
                            path: m.stamp.path.clone(),
                            reason,
                        }];
                        fresh.push(FreshFile {
                            stamp: m.stamp,
                            metas: Vec::new(),
                            bodies: Vec::new(),
                            skipped,
                            notes,
                        });
                    }
                    Outcome::Rejected(reason) | Outcome::Failed(reason) => {
                        self.report.skipped.push(Skipped {
                            path: m.stamp.path,
                            reason,
                        });
                    }
                }
            }
            self.stream(&mut sink, &kept, fresh);
            self.progress(|p| {
                p.parsed += files;
                p.bytes_read += bytes;
                p.bytes_in_flight = 0;
                p.articles += articles;
            });
            self.snapshot(&kept, kept_file, &sink);
        }
        // The root's final counts, whatever the throttle let through.
        if let Some(st) = self.stage.as_mut() {
            st.last_progress = None;
        }
        self.progress(|_| {});
        self.store(sink, kept, kept_file);
    }

    /// Sends a chunk of freshly parsed files to the root's cache: their bodies are written
    /// now, so only their metadata stays in memory. Without a cache, or once writing it
    /// has failed, they are kept in memory instead.
    pub(super) fn stream(&mut self, sink: &mut Sink, kept: &[CachedFile], fresh: Vec<FreshFile>) {
        if fresh.is_empty() {
            return;
        }
        if sink.writer.is_none() && !sink.off {
            match sink.cache.as_mut().map(|c| c.begin(kept)) {
                Some(Ok(w)) => {
                    sink.file = Some(self.add_file(w.body_file()));
                    sink.checkpointed = Instant::now();
                    sink.writer = Some(w);
                }
                Some(Err(e)) => self.write_failed(sink, &e),
                None => sink.off = true,
            }
        }
        let Some(w) = sink.writer.as_mut() else {
            sink.mem.extend(fresh);
            return;
        };
        let result = match w.append(&fresh) {
            Ok(written) => {
                sink.written.extend(written);
                // A load stopped after a checkpoint (a quit, a crash) keeps what it has
                // parsed. Each checkpoint rewrites the whole meta file, so they are spaced
                // to cost at most a tenth of the load.
                let every = CHECKPOINT_EVERY.max(sink.checkpoint_cost * 10);
                if sink.checkpointed.elapsed() < every {
                    return;
                }
                let t = Instant::now();
                let result = w.checkpoint(kept, &sink.written);
                sink.checkpoint_cost = t.elapsed();
                sink.checkpointed = Instant::now();
                result
            }
            Err(e) => {
                sink.mem.extend(fresh);
                Err(e)
            }
        };
        if let Err(e) = result {
            self.write_failed(sink, &e);
        }
    }

    /// Stops writing the root's cache after `e`, warning once per load. What was written
    /// stays readable through the body file's handle; later files stay in memory.
    pub(super) fn write_failed(&mut self, sink: &mut Sink, e: &std::io::Error) {
        sink.writer = None;
        sink.off = true;
        let dir = sink.cache.as_ref().map(|c| c.dir().display().to_string());
        let warning = format!(
            "cannot write the cache at {}: {e}; continuing without it",
            dir.unwrap_or_default()
        );
        // The load reports the first; the log has every root's.
        log::warn!("{warning}");
        if !self.cache_write_failed {
            self.report.warnings.push(warning);
            self.cache_write_failed = true;
        }
    }

    /// Finishes the root's cache and turns its files into units pointing at their bodies.
    pub(super) fn store(&mut self, mut sink: Sink, kept: Vec<CachedFile>, kept_file: Option<u32>) {
        let stored = match (sink.writer.take(), sink.cache.as_mut()) {
            (Some(w), _) => {
                self.progress(|p| p.phase = Phase::Saving);
                w.finish(&kept, &sink.written).map(Some)
            }
            // Nothing parsed to write, but deleted files or a parser upgrade may still call
            // for a rewrite.
            (None, Some(cache)) if !sink.off => cache.store(&kept, &[]),
            _ => Ok(None),
        };
        match stored {
            Ok(Some(s)) => {
                self.rewritten = true;
                let file = self.add_file(s.body);
                let mut new_at = s.kept_at.as_deref().map(|v| v.iter());
                for f in kept {
                    self.cached_unit(f, file, &mut new_at);
                }
            }
            result => {
                if let Err(e) = result {
                    self.write_failed(&mut sink, &e);
                }
                // The meta file was not replaced: hits read the existing body file (intact
                // even after a failed write).
                if let Some(file) = kept_file {
                    for f in kept {
                        self.cached_unit(f, file, &mut None);
                    }
                }
            }
        }
        // Written files point into the writer's body file, whether or not the meta file
        // that names them was replaced (`finish` hands back that same file).
        if let Some(file) = sink.file {
            for f in sink.written {
                self.cached_unit(f, file, &mut None);
            }
        }
        for f in sink.mem {
            self.report.skipped.extend(f.skipped.iter().cloned());
            self.report.warnings.extend(f.notes.iter().cloned());
            self.units.push(Unit::from_fresh(f));
        }
    }

    pub(super) fn cached_unit(
        &mut self,
        f: CachedFile,
        file: u32,
        new_at: &mut Option<std::slice::Iter<'_, u64>>,
    ) {
        self.report
            .skipped
            .extend(f.skipped.iter().map(|s| s.to_skipped()));
        self.report.warnings.extend(f.notes.iter().cloned());
        self.units.push(Unit::from_cached(f, file, new_at));
    }
}

/// The files of `root` (canonical) as a load finds them: warta's own cache and data
/// directories may live inside the corpus, and their files are not articles (the cache's
/// bodies are JSON lines, and would come back every start).
pub fn walk_root(
    root: &Path,
    cache_dir: Option<&Path>,
) -> (Vec<discover::FileEntry>, Vec<Skipped>) {
    discover::discover_skipping(&[root.to_path_buf()], &own_dirs(cache_dir))
}

/// [`walk_root`], also giving the folders walked (see [`discover::discover_with_folders`]).
pub fn walk_root_with_folders(
    root: &Path,
    cache_dir: Option<&Path>,
) -> (Vec<discover::FileEntry>, Vec<Skipped>, Vec<PathBuf>) {
    discover::discover_with_folders(&[root.to_path_buf()], &own_dirs(cache_dir))
}

fn own_dirs(cache_dir: Option<&Path>) -> crate::own_dirs::OwnDirs {
    crate::own_dirs::OwnDirs::new(
        cache_dir
            .map(Path::to_path_buf)
            .into_iter()
            .chain(crate::paths::data_dir(None)),
    )
}

/// The cache of `root` under `dir`; `None` when the root cannot be resolved.
pub(super) fn open_cache(dir: &Path, root: &Path) -> Option<RootCache> {
    match std::fs::canonicalize(root) {
        Ok(canonical) => Some(RootCache::open(dir, &canonical)),
        Err(e) => {
            log::info!("{}: {e}; not cached", root.display());
            None
        }
    }
}

/// Reads and parses one file that the cache could not provide.
pub(super) fn parse_miss(parse: &ParseFn, mut m: Miss) -> (Miss, Outcome, u64, Vec<String>) {
    let (outcome, n, notes) = match read_bounded(&m.path, &m.stamp.path, m.format, &m.stamp) {
        Err(o) => (o, 0, Vec::new()),
        Ok(read) => {
            let n = read.bytes.len() as u64;
            let mut notes = read.notes;
            if read.changed {
                m.cacheable = false;
            }
            let o = match parse_guarded(parse, &m.stamp.path, &read.bytes, m.format) {
                Ok((mut a, s)) => {
                    super::date_by_file(&mut a, m.stamp.mtime_ns);
                    if has_cut_lines(&a) {
                        notes.push(format!(
                            "{}: lines longer than {} were cut",
                            m.stamp.path,
                            human_bytes(MAX_LINE_BYTES as u64)
                        ));
                    }
                    Outcome::Parsed(a, s)
                }
                Err(Some(r)) => Outcome::Rejected(r),
                Err(None) => Outcome::Failed(internal_error()),
            };
            (o, n, notes)
        }
    };
    (m, outcome, n, notes)
}

/// Where a root's freshly parsed files go during a load.
pub(super) struct Sink {
    pub(super) cache: Option<RootCache>,
    /// The cache write in progress, started at the first file to write.
    pub(super) writer: Option<Writer>,
    /// The number of the writer's body file in the load's list: what `written` points
    /// into, readable even after the writer failed.
    pub(super) file: Option<u32>,
    /// No more writing: there is no cache, or writing it failed.
    pub(super) off: bool,
    /// Files whose bodies are in the cache's body file.
    pub(super) written: Vec<CachedFile>,
    /// Files whose bodies are in memory.
    pub(super) mem: Vec<FreshFile>,
    pub(super) checkpointed: Instant,
    pub(super) checkpoint_cost: Duration,
}

/// A file found under a root that has to be read and parsed.
pub(super) struct Miss {
    pub(super) stamp: FileStamp,
    pub(super) path: PathBuf,
    pub(super) format: Format,
    /// False for paths that are not UTF-8: their lossy name could collide in the cache.
    pub(super) cacheable: bool,
}

pub(super) enum Outcome {
    Parsed(Vec<Article>, Vec<Skipped>),
    /// A skip decided by the content (empty, binary, malformed), worth caching.
    Rejected(SkipReason),
    /// A skip that may not last (I/O error, parser panic): not cached.
    Failed(SkipReason),
}

thread_local! {
    /// Where the parser on this thread counts the bytes it has got through (see
    /// [`Engine::parse_chunk`]).
    static PARSE_COUNTER: std::cell::RefCell<Option<Arc<AtomicU64>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` with `counter` as this thread's parse counter.
fn with_parse_counter<R>(counter: &Arc<AtomicU64>, f: impl FnOnce() -> R) -> R {
    let before = PARSE_COUNTER.with(|c| c.replace(Some(Arc::clone(counter))));
    let out = f();
    PARSE_COUNTER.with(|c| *c.borrow_mut() = before);
    out
}

/// The counter a parser running on this thread adds its progress to, if a load wants it.
pub(super) fn parse_counter() -> Option<Arc<AtomicU64>> {
    PARSE_COUNTER.with(|c| c.borrow().clone())
}
