//! `warta stats`: counts per facet and the month chart.

use super::*;

/// Counts, facets and every skipped file with its reason, on stdout. Unlike the other
/// commands it reports even when nothing loaded (the skipped files are then the whole
/// story), and fails afterwards. The skipped files are not repeated on stderr.
pub fn stats(args: &StatsArgs, global: &GlobalOpts) -> Result<()> {
    let query = parse_query(&args.query, global)?;
    let report = load_quietly(&args.paths, global)?;
    let corpus = &report.corpus;
    if !global.quiet {
        for w in &report.warnings {
            eprintln!("warta: warning: {w}");
        }
        if !corpus.is_empty() {
            eprintln!("{}", report.summary());
        }
    }
    let all: Vec<usize> = if args.query.trim().is_empty() {
        (0..corpus.len()).collect()
    } else {
        let store = read_store(global);
        let clusters = clusters_if(corpus, query.has_copies_term());
        let text = text_index(&args.paths, global, corpus, &query);
        let mut v: Vec<usize> = search_triaged(
            corpus,
            &query,
            Sort::DateDesc,
            &store,
            clusters.as_ref(),
            text.as_ref().map(|t| t as &dyn TextIndex),
        )
        .iter()
        .map(|h| h.index)
        .collect();
        v.sort_unstable();
        v
    };
    let metas = corpus.metas();
    with_stdout(|out| {
        writeln!(
            out,
            "articles      {}\nfiles seen    {}\nfiles loaded  {}\nskipped       {}\ncache         {} hits, {} misses\nbytes read    {}\ntime          {:.1} ms",
            corpus.len(),
            report.files_seen,
            report.files_loaded,
            report.skipped.len(),
            report.cache_hits,
            report.cache_misses,
            report.bytes_read,
            report.elapsed.as_secs_f64() * 1000.0
        )?;
        if !args.query.trim().is_empty() {
            writeln!(
                out,
                "query         {}\nmatching      {}",
                args.query,
                all.len()
            )?;
        }
        let dated = all
            .iter()
            .filter(|&&i| metas[i].published.is_some())
            .count();
        let with_outlet = all.iter().filter(|&&i| metas[i].outlet.is_some()).count();
        writeln!(out, "with a date   {dated}\nwith outlet   {with_outlet}")?;
        // An empty corpus has no facet values: six "(0 values)" headings would only be noise.
        let shown: &[Facet] = if all.is_empty() { &[] } else { &Facet::ALL };
        for &facet in shown {
            let counts = facets::counts(corpus, &all, facet);
            writeln!(out, "\n{} ({} values)", facet_title(facet), counts.len())?;
            if facet == Facet::Month {
                write_months(out, &counts)?;
                continue;
            }
            for (value, n) in counts.iter().take(args.top) {
                writeln!(out, "  {n:>7}  {value}")?;
            }
            if counts.len() > args.top {
                writeln!(out, "  ... {} more", counts.len() - args.top)?;
            }
        }
        if !report.skipped.is_empty() {
            writeln!(out, "\nskipped")?;
            for s in &report.skipped {
                writeln!(out, "  {s}")?;
            }
        }
        for w in &report.warnings {
            writeln!(out, "warning: {w}")?;
        }
        Ok(())
    })?;
    if corpus.is_empty() {
        bail!("{}", nothing_loaded(&args.paths, &report));
    }
    Ok(())
}

/// Months are a time series: all of them, oldest first (by count, a stray date would be
/// cut off as "... more"), with the ones far from the rest flagged, since an isolated month
/// is usually a date the parser misread.
pub(super) fn write_months(out: &mut dyn Write, counts: &[(String, usize)]) -> io::Result<()> {
    let mut months: Vec<(&str, usize, Option<i64>)> = counts
        .iter()
        .map(|(m, n)| (m.as_str(), *n, month_number(m)))
        .collect();
    months.sort_by(|a, b| a.0.cmp(b.0));
    let numbers: Vec<i64> = months.iter().filter_map(|m| m.2).collect();
    for &(month, n, number) in &months {
        let gap = number.and_then(|x| {
            numbers
                .iter()
                .filter(|&&y| y != x)
                .map(|&y| (x - y).abs())
                .min()
        });
        match gap {
            Some(g) if g > OUTLIER_GAP_MONTHS => writeln!(
                out,
                "  {n:>7}  {month}  (outlier: {g} months from any other)"
            )?,
            _ => writeln!(out, "  {n:>7}  {month}")?,
        }
    }
    Ok(())
}

/// A month with no other dated month within this many months is flagged as an outlier.
pub(super) const OUTLIER_GAP_MONTHS: i64 = 12;

/// `2025-06` as months since year 0.
pub(super) fn month_number(m: &str) -> Option<i64> {
    let (y, mo) = m.split_once('-')?;
    Some(y.parse::<i64>().ok()? * 12 + mo.parse::<i64>().ok()? - 1)
}

pub(super) fn facet_title(f: Facet) -> &'static str {
    match f {
        Facet::Outlet => "outlet",
        Facet::Month => "year-month",
        Facet::Dateline => "dateline",
        Facet::Tag => "tag",
        other => other.name(),
    }
}
