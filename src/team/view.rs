//! What the whole team has decided, as this machine last heard it: every analyst's current
//! value of every field of every article, kept in step with the server's log.
//!
//! The view is built from the server's current-state table once ([`TeamView::put_row`])
//! and then follows its event log ([`TeamView::apply`]). Both follow the rule the server's
//! table does: a field changes only for a later event (by the analyst's time, then the
//! event id), so the view ends the same whatever order events reach it in, and an event
//! seen twice changes nothing the second time.
//!
//! Domain code: the browser, `warta list/search/export` and `warta team status` all read
//! the team through this.

use std::collections::HashMap;
use std::fmt;

use super::event::{Action, Event};
use super::sql::StateRow;
pub use crate::triage::{Agreement, Verdict};
use crate::triage::{ArticleState, Decision};

/// How a team decides, set once per team on the server (`warta team mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// One decision per article: the latest analyst's stands, and everyone sees who it was.
    #[default]
    Shared,
    /// Every analyst decides alone (dual screening); analysts who disagree are a conflict.
    Independent,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Shared => "shared",
            Mode::Independent => "independent",
        }
    }

    /// What the mode means, for a user choosing or meeting it.
    pub fn meaning(self) -> &'static str {
        match self {
            Mode::Shared => {
                "one decision per article, the latest stands, everyone sees who decided"
            }
            Mode::Independent => {
                "each analyst decides alone; articles where analysts disagree are conflicts"
            }
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "shared" => Some(Mode::Shared),
            "independent" => Some(Mode::Independent),
            _ => None,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One analyst's current value of one field of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    analyst: u32,
    field: u32,
    /// In [`TeamView::values`]: most are `true`, `false` or a decision.
    value: Option<u32>,
    at_us: i64,
    event_id: Box<str>,
}

impl Cell {
    fn newer_than(&self, other: &Cell) -> bool {
        (self.at_us, &*self.event_id) > (other.at_us, &*other.event_id)
    }
}

/// Names seen many times (analysts, fields, values), each kept once and referred to by
/// number.
#[derive(Debug, Clone, Default)]
struct Names {
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
    /// The last name asked for: rows of one analyst or field tend to come together, and a
    /// comparison is cheaper than hashing.
    last: u32,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if self
            .names
            .get(self.last as usize)
            .is_some_and(|n| **n == *name)
        {
            return self.last;
        }
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let i = self.names.len() as u32;
                self.names.push(name.into());
                self.index.insert(name.into(), i);
                i
            }
        };
        self.last = i;
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }
}

/// Per article, its cells in arrival order. An article has a handful (analysts × fields
/// set), so a short vector beats maps: opening a team's 50k states builds 50k of these.
#[derive(Debug, Clone, Default)]
pub struct TeamView {
    pub mode: Mode,
    /// This machine's analyst.
    pub me: String,
    articles: HashMap<Box<str>, Vec<Cell>>,
    analysts: Names,
    fields: Names,
    values: Names,
    /// The highest log sequence number applied.
    pub seq: i64,
}

impl TeamView {
    pub fn new(mode: Mode, me: &str) -> TeamView {
        TeamView {
            mode,
            me: me.to_string(),
            ..TeamView::default()
        }
    }

    /// The view of a current-state snapshot taken at log position `seq`: call
    /// [`TeamView::put_row`] for each row.
    pub fn at(mode: Mode, me: &str, seq: i64) -> TeamView {
        TeamView {
            seq,
            ..TeamView::new(mode, me)
        }
    }

    /// Adds one row of the server's current-state table.
    pub fn put_row(&mut self, r: StateRow<'_>) {
        self.put(r.article, r.analyst, r.field, r.value, r.at_us, r.event_id);
    }

    /// Applies one event from the log; true when it changed what the view shows.
    pub fn apply(&mut self, seq: i64, e: &Event) -> bool {
        // Nothing else is needed to apply an event twice harmlessly: its cell is not newer
        // than itself.
        self.seq = self.seq.max(seq);
        let value = e.action.state_value(e.value.as_deref());
        self.put(
            &e.article,
            &e.analyst,
            &e.action.field(e.value.as_deref()),
            value.as_deref(),
            e.at_us,
            &e.id,
        )
    }

    fn put(
        &mut self,
        article: &str,
        analyst: &str,
        field: &str,
        value: Option<&str>,
        at_us: i64,
        event_id: &str,
    ) -> bool {
        let cell = Cell {
            analyst: self.analysts.id(analyst),
            field: self.fields.id(field),
            value: value.map(|v| self.values.id(v)),
            at_us,
            event_id: event_id.into(),
        };
        let cells = match self.articles.get_mut(article) {
            Some(cells) => cells,
            None => self.articles.entry(article.into()).or_default(),
        };
        match cells
            .iter_mut()
            .find(|c| c.analyst == cell.analyst && c.field == cell.field)
        {
            Some(old) if !cell.newer_than(old) => false,
            Some(old) => {
                let changed = old.value != cell.value;
                *old = cell;
                changed
            }
            None => {
                cells.push(cell);
                true
            }
        }
    }

    fn value(&self, c: &Cell) -> Option<&str> {
        c.value.map(|v| self.values.name(v))
    }

    fn cells(&self, article: &str) -> &[Cell] {
        self.articles.get(article).map_or(&[], Vec::as_slice)
    }

    /// Every analyst the server has heard from, in name order.
    pub fn analysts(&self) -> impl Iterator<Item = &str> {
        let mut names: Vec<&str> = self.analysts.names.iter().map(|n| &**n).collect();
        names.sort_unstable();
        names.into_iter()
    }

    /// Another analyst whose name differs from this machine's only in case: the server
    /// keeps them apart (`Ana` and `ana` are two analysts) while `by:` matches either, so
    /// it is most likely the same person under two spellings.
    pub fn namesake(&self) -> Option<&str> {
        namesake_of(&self.me, self.analysts.names.iter().map(|n| &**n))
    }

    /// Articles any analyst has touched.
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.articles.keys().map(|k| &**k)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every analyst's decision on `article` (undecided ones left out), earliest first.
    pub fn verdicts(&self, article: &str) -> Vec<Verdict> {
        let Some(decision) = self.fields.get(Action::Decision.as_str()) else {
            return Vec::new();
        };
        let mut out: Vec<Verdict> = self
            .cells(article)
            .iter()
            .filter(|c| c.field == decision)
            .filter_map(|c| {
                let decision = Decision::parse(self.value(c)?)?;
                (decision != Decision::Undecided).then(|| Verdict {
                    analyst: self.analysts.name(c.analyst).to_string(),
                    decision,
                    at_us: c.at_us,
                })
            })
            .collect();
        out.sort_by(|a, b| (a.at_us, &a.analyst).cmp(&(b.at_us, &b.analyst)));
        out
    }

    pub fn agreement(&self, article: &str) -> Agreement {
        Agreement::of(&self.verdicts(article))
    }

    /// The analyst whose value of `field` stands on `article` (the latest set), and when
    /// they set it (microseconds since 1970).
    pub fn latest(&self, article: &str, field: &str) -> Option<(&str, i64)> {
        let field = self.fields.get(field)?;
        self.cells(article)
            .iter()
            .filter(|c| c.field == field)
            .max_by(|a, b| (a.at_us, &a.event_id).cmp(&(b.at_us, &b.event_id)))
            .map(|c| (self.analysts.name(c.analyst), c.at_us))
    }

    /// When `analyst` last set `field` of `article`, if ever (microseconds since 1970).
    pub fn set_at(&self, article: &str, analyst: &str, field: &str) -> Option<i64> {
        let (a, f) = (self.analysts.get(analyst)?, self.fields.get(field)?);
        self.cells(article)
            .iter()
            .find(|c| c.analyst == a && c.field == f)
            .map(|c| c.at_us)
    }

    /// Whether `analyst` has done anything to `article` (decided, starred, labelled, noted
    /// or read it), for `by:NAME` and the Analyst facet.
    pub fn touched_by(&self, article: &str, analyst: &str) -> bool {
        let Some(a) = self.analysts.get(analyst) else {
            return false;
        };
        self.cells(article)
            .iter()
            .any(|c| c.analyst == a && is_set(self.value(c)))
    }

    /// The analysts who have done anything to `article`, in name order.
    pub fn analysts_of(&self, article: &str) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .cells(article)
            .iter()
            .filter(|c| is_set(self.value(c)))
            .map(|c| self.analysts.name(c.analyst))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// One analyst's state of `article`, as the local store would hold it.
    pub fn state_of(&self, article: &str, analyst: &str) -> ArticleState {
        let mut s = ArticleState::default();
        let Some(a) = self.analysts.get(analyst) else {
            return s;
        };
        for c in self.cells(article).iter().filter(|c| c.analyst == a) {
            set_field(&mut s, self.fields.name(c.field), self.value(c));
        }
        s
    }

    /// The article's shared state: for each field, the latest value any analyst set (the
    /// rule of [`Mode::Shared`]), and who set the decision.
    pub fn shared_state(&self, article: &str) -> (ArticleState, Option<&str>) {
        let cells = self.cells(article);
        let mut s = ArticleState::default();
        let mut decided_by = None;
        let decision = self.fields.get(Action::Decision.as_str());
        // An article holds a few cells: comparing each with the others beats sorting.
        for c in cells {
            if cells.iter().any(|o| o.field == c.field && o.newer_than(c)) {
                continue;
            }
            set_field(&mut s, self.fields.name(c.field), self.value(c));
            if Some(c.field) == decision && s.decision != Decision::Undecided {
                decided_by = Some(self.analysts.name(c.analyst));
            }
        }
        (s, decided_by)
    }
}

/// The view's cells as bytes, for [`super::replica`]: its names, then each article with its
/// cells. Mode and analyst are not kept: the server's mode is read again, and the analyst
/// is whoever opens it.
impl TeamView {
    pub(super) fn encode(&self, out: &mut Vec<u8>) {
        for names in [&self.analysts, &self.fields, &self.values] {
            put_u32(out, names.names.len());
            for n in &names.names {
                put_str(out, n);
            }
        }
        put_u32(out, self.articles.len());
        // In id order: what reads the view after loading it (the store the commands
        // build) goes through the articles in id order, and finds them laid out in it.
        let mut articles: Vec<_> = self.articles.iter().collect();
        articles.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (article, cells) in articles {
            put_str(out, article);
            put_u32(out, cells.len());
            for c in cells {
                out.extend_from_slice(&c.analyst.to_le_bytes());
                out.extend_from_slice(&c.field.to_le_bytes());
                out.extend_from_slice(&c.value.unwrap_or(u32::MAX).to_le_bytes());
                out.extend_from_slice(&c.at_us.to_le_bytes());
                put_str(out, &c.event_id);
            }
        }
    }

    /// The view [`TeamView::encode`] wrote, at log position `seq`; `None` when the bytes
    /// are not one (a name or value out of range, a short or overlong run).
    pub(super) fn decode(bytes: &[u8], mode: Mode, me: &str, seq: i64) -> Option<TeamView> {
        let mut r = Reader { bytes, at: 0 };
        let mut view = TeamView::at(mode, me, seq);
        for names in [&mut view.analysts, &mut view.fields, &mut view.values] {
            let n = r.u32()?;
            names.names.reserve(n as usize);
            for _ in 0..n {
                let name: Box<str> = r.str()?.into();
                names.index.insert(name.clone(), names.names.len() as u32);
                names.names.push(name);
            }
        }
        let (analysts, fields, values) = (
            view.analysts.names.len() as u32,
            view.fields.names.len() as u32,
            view.values.names.len() as u32,
        );
        let articles = r.u32()? as usize;
        // Bounded by what the bytes could hold, so a damaged count cannot ask for more.
        view.articles.reserve(articles.min(bytes.len() / 8));
        for _ in 0..articles {
            let article: Box<str> = r.str()?.into();
            let n = r.u32()? as usize;
            let mut cells = Vec::with_capacity(n.min(16));
            for _ in 0..n {
                let (analyst, field, value, at_us) = (r.u32()?, r.u32()?, r.u32()?, r.i64()?);
                let value = (value != u32::MAX).then_some(value);
                if analyst >= analysts || field >= fields || value.is_some_and(|v| v >= values) {
                    return None;
                }
                cells.push(Cell {
                    analyst,
                    field,
                    value,
                    at_us,
                    event_id: r.str()?.into(),
                });
            }
            view.articles.insert(article, cells);
        }
        (r.at == bytes.len()).then_some(view)
    }

    /// How many cells (article, analyst, field) the view holds: as many as the rows of
    /// the server's state table it follows.
    pub fn cells_len(&self) -> usize {
        self.articles.values().map(Vec::len).sum()
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// The first of `names` that equals `me` but for case.
pub fn namesake_of<'a>(me: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .find(|n| *n != me && n.to_lowercase() == me.to_lowercase())
}

/// What to tell an analyst whose name has a `namesake` on the server.
pub fn namesake_warning(me: &str, namesake: &str) -> String {
    format!(
        "you are \"{me}\" here, and the server also has \"{namesake}\": names differ in case, so \
         they are two analysts; use --as {namesake} (or analyst in [team]) to be one"
    )
}

fn is_set(value: Option<&str>) -> bool {
    !matches!(value, None | Some("false" | "undecided" | ""))
}

fn set_field(s: &mut ArticleState, field: &str, value: Option<&str>) {
    match field {
        "read" => s.read = value == Some("true"),
        "star" => s.starred = value == Some("true"),
        "decision" => s.decision = value.and_then(Decision::parse).unwrap_or_default(),
        "note" => s.note = value.filter(|v| !v.is_empty()).map(str::to_string),
        _ => {
            if let Some(label) = field.strip_prefix("label:")
                && value == Some("true")
            {
                s.labels.insert(label.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, analyst: &str, article: &str, action: Action, value: &str, at: i64) -> Event {
        Event {
            id: id.into(),
            article: article.into(),
            analyst: analyst.into(),
            action,
            value: Some(value.into()),
            previous: None,
            at_us: at,
        }
    }

    #[test]
    fn later_events_win_whatever_order_they_arrive_in() {
        let events = [
            ev("e1", "ana", "a1", Action::Decision, "relevant", 10),
            ev("e2", "ana", "a1", Action::Decision, "irrelevant", 20),
            ev("e3", "budi", "a1", Action::Decision, "relevant", 15),
        ];
        let mut forward = TeamView::new(Mode::Independent, "ana");
        let mut backward = TeamView::new(Mode::Independent, "ana");
        for (i, e) in events.iter().enumerate() {
            forward.apply(i as i64 + 1, e);
        }
        for (i, e) in events.iter().enumerate().rev() {
            backward.apply(i as i64 + 1, e);
        }
        for v in [&forward, &backward] {
            assert_eq!(v.state_of("a1", "ana").decision, Decision::Irrelevant);
            assert_eq!(v.agreement("a1"), Agreement::Conflict);
            assert_eq!(v.seq, 3);
        }
        // Shared: the latest decision stands, whoever made it.
        let (s, by) = forward.shared_state("a1");
        assert_eq!((s.decision, by), (Decision::Irrelevant, Some("ana")));
        assert!(
            !forward.apply(4, &events[0]),
            "a seen event changes nothing"
        );
    }

    #[test]
    fn agreement_and_who_touched_what() {
        let mut v = TeamView::new(Mode::Independent, "ana");
        assert_eq!(v.agreement("a1"), Agreement::Undecided);
        v.apply(1, &ev("e1", "ana", "a1", Action::Decision, "relevant", 1));
        assert_eq!(v.agreement("a1"), Agreement::Single);
        v.apply(2, &ev("e2", "budi", "a1", Action::Decision, "relevant", 2));
        assert_eq!(v.agreement("a1"), Agreement::Agreed);
        v.apply(3, &ev("e3", "cici", "a1", Action::Star, "true", 3));
        assert_eq!(
            v.agreement("a1"),
            Agreement::Agreed,
            "a star is not a verdict"
        );
        assert_eq!(v.analysts_of("a1"), vec!["ana", "budi", "cici"]);
        v.apply(4, &ev("e4", "cici", "a1", Action::Star, "false", 4));
        assert!(!v.touched_by("a1", "cici"), "an undone star leaves no mark");
        v.apply(5, &ev("e5", "budi", "a1", Action::Decision, "undecided", 5));
        assert_eq!(v.agreement("a1"), Agreement::Single);
        let names: Vec<_> = v.verdicts("a1").into_iter().map(|x| x.analyst).collect();
        assert_eq!(names, vec!["ana"]);
        assert_eq!(
            v.analysts().collect::<Vec<_>>(),
            vec!["ana", "budi", "cici"]
        );
    }

    #[test]
    fn a_removed_label_beats_an_older_add_that_arrives_later() {
        let mut v = TeamView::new(Mode::Shared, "ana");
        let mut remove = ev("e2", "budi", "a1", Action::LabelRemove, "banjir", 20);
        remove.previous = Some("banjir".into());
        v.apply(2, &remove);
        v.apply(1, &ev("e1", "ana", "a1", Action::LabelAdd, "banjir", 10));
        v.apply(3, &ev("e3", "ana", "a1", Action::LabelAdd, "medsos", 30));
        let (s, _) = v.shared_state("a1");
        assert_eq!(s.labels.into_iter().collect::<Vec<_>>(), vec!["medsos"]);
    }

    #[test]
    fn a_snapshot_then_the_log_from_an_overlapping_position() {
        let mut v = TeamView::at(Mode::Shared, "ana", 5);
        v.put_row(StateRow {
            article: "a1",
            analyst: "budi",
            field: "decision",
            value: Some("maybe"),
            at_us: 50,
            event_id: "e5",
        });
        // An older event of budi's, re-read because of the overlap, does not go back.
        assert!(!v.apply(4, &ev("e4", "budi", "a1", Action::Decision, "relevant", 40)));
        assert_eq!(v.state_of("a1", "budi").decision, Decision::Maybe);
        assert_eq!(v.seq, 5);
        assert!(v.apply(6, &ev("e6", "ana", "a1", Action::Note, "cek lagi", 60)));
        assert_eq!(v.shared_state("a1").0.note.as_deref(), Some("cek lagi"));
    }

    #[test]
    fn a_name_differing_only_in_case_is_found() {
        let mut v = TeamView::new(Mode::Shared, "Ana");
        assert_eq!(v.namesake(), None);
        v.apply(1, &ev("e1", "Ana", "a1", Action::Star, "true", 1));
        v.apply(2, &ev("e2", "budi", "a1", Action::Star, "true", 2));
        assert_eq!(
            v.namesake(),
            None,
            "my own name and others' are no namesakes"
        );
        v.apply(3, &ev("e3", "ana", "a2", Action::Star, "true", 3));
        assert_eq!(v.namesake(), Some("ana"));
        assert!(namesake_warning("Ana", "ana").contains("--as ana"));
    }

    #[test]
    fn modes_parse_and_print() {
        for m in [Mode::Shared, Mode::Independent] {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
        assert_eq!(Mode::parse(" Independent "), Some(Mode::Independent));
        assert_eq!(Mode::parse("dual"), None);
    }
}
