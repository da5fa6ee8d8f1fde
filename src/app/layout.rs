//! Where each pane goes for a terminal size: one pure function shared by `update` (paging
//! and scrolling need pane heights, wrapping needs the detail width) and the renderer, so
//! the two can never disagree. Plain numbers, no ratatui types.
//!
//! ```text
//! >= 120 columns                      80-119 columns               < 80 columns
//! +------------------------------+   +-----------------------+    +-------------+
//! | / query                      |   | / query               |    | / query     |
//! +-------+-----------+----------+   +----------+------------+    +-------------+
//! |filters| list      | detail   |   | list     | detail     |    | list        |
//! |       |           |          |   |(filters  |            |    +-------------+
//! |       |           |          |   | overlay) |            |    | detail      |
//! +-------+-----------+----------+   +----------+------------+    +-------------+
//! | status                       |   | status                |    | status      |
//! +------------------------------+   +-----------------------+    +-------------+
//! ```
//! Below 40x12 only a "terminal too small" line is drawn. With the filter column hidden
//! (`F`) a wide terminal is laid out like a medium one; in the reader (`v`) the detail takes
//! the whole space between the search bar and the status line.
//!
//! Mouse hit-testing ([`Panes::pane_at`], [`Area::row_at`]) reads the same areas, so a
//! click lands on what is drawn there; the glyph set ([`Glyphs`]) lives here too because
//! both the app (the detail document) and the renderer draw with it.

use std::borrow::Cow;

/// Smallest size with a usable layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, the filters get their own column.
pub const WIDE: u16 = 120;
/// From this width on, list and detail sit side by side.
pub const MEDIUM: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn new(x: u16, y: u16, width: u16, height: u16) -> Area {
        Area {
            x,
            y,
            width,
            height,
        }
    }

    /// Whether cell (`col`, `row`) lies inside; wide math so no size can overflow.
    pub fn contains(self, col: u16, row: u16) -> bool {
        let (c, r) = (u32::from(col), u32::from(row));
        c >= u32::from(self.x)
            && c < u32::from(self.x) + u32::from(self.width)
            && r >= u32::from(self.y)
            && r < u32::from(self.y) + u32::from(self.height)
    }

    /// The 0-based row inside this area at screen row `row`, when (`col`, `row`) is inside.
    pub fn row_at(self, col: u16, row: u16) -> Option<usize> {
        self.contains(col, row).then(|| usize::from(row - self.y))
    }

    /// The area inside a one-cell border.
    pub fn inner(self) -> Area {
        Area {
            x: self.x.saturating_add(1),
            y: self.y.saturating_add(1),
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub search: Area,
    pub list: Area,
    pub detail: Area,
    /// The filters pane when it is visible (its own column, or an overlay over the list).
    pub filters: Option<Area>,
    /// True when `filters` is drawn over the list instead of beside it.
    pub filters_overlay: bool,
    pub status: Area,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Main(Panes),
}

/// A pane, as the mouse sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Search,
    List,
    Detail,
    Filters,
    Status,
}

/// What lies at a row of the filters pane's inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterSpot {
    /// The month chart at the top.
    Chart,
    /// Facet row `n` counted from the top of the rows area (add the scroll offset).
    Row(usize),
}

/// Rows the filters pane gives the month chart (label + bars), when it is tall enough.
pub const CHART_ROWS: u16 = 4;

impl Panes {
    /// The pane drawn at (`col`, `row`) and whether the cell is inside its border (false:
    /// on the border itself). The filters are tested first: as an overlay they are drawn
    /// over the list (and, at 80 columns, the edge of the detail).
    pub fn pane_at(&self, col: u16, row: u16) -> Option<(Target, bool)> {
        let bordered = |a: Area| a.contains(col, row).then(|| a.inner().contains(col, row));
        if let Some(inside) = self.filters.and_then(bordered) {
            return Some((Target::Filters, inside));
        }
        if self.search.contains(col, row) {
            return Some((Target::Search, true));
        }
        if self.status.contains(col, row) {
            return Some((Target::Status, true));
        }
        if let Some(inside) = bordered(self.list) {
            return Some((Target::List, inside));
        }
        bordered(self.detail).map(|inside| (Target::Detail, inside))
    }

    /// The part of the filters pane at (`col`, `row`), when that cell is inside its border.
    pub fn filter_spot(&self, col: u16, row: u16) -> Option<FilterSpot> {
        let inner = self.filters?.inner();
        let r = u16::try_from(inner.row_at(col, row)?).ok()?;
        let chart = chart_rows(inner.height);
        Some(if r < chart {
            FilterSpot::Chart
        } else {
            FilterSpot::Row(usize::from(r - chart))
        })
    }

    /// Rows available for facet values inside the filters pane.
    pub fn filter_rows(&self) -> usize {
        self.filters.map_or(0, |f| {
            let inner = f.inner().height;
            usize::from(inner.saturating_sub(chart_rows(inner)))
        })
    }
}

/// The chart is dropped when the pane is too short to also show a few values.
pub fn chart_rows(inner_height: u16) -> u16 {
    if inner_height >= CHART_ROWS + 4 {
        CHART_ROWS
    } else {
        0
    }
}

/// Where the help overlay is drawn on a `width`x`height` screen: centred, at most 72 wide,
/// a margin of 2 columns and 1 row.
pub fn help_area(width: u16, height: u16) -> Area {
    let w = width.saturating_sub(4).min(72);
    let h = height.saturating_sub(2);
    Area::new((width - w) / 2, (height - h) / 2, w, h)
}

/// What the user chose to see, beyond the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// The filters overlay is open.
    pub filters_open: bool,
    /// The wide layout's filter column is hidden (`F`): list and detail share the width, and
    /// the filters open as an overlay as on narrower terminals.
    pub filters_hidden: bool,
    /// The reader: the article alone between the search bar and the status line.
    pub reader: bool,
}

pub fn compute(width: u16, height: u16, filters_open: bool) -> Screen {
    compute_view(
        width,
        height,
        View {
            filters_open,
            ..View::default()
        },
    )
}

pub fn compute_view(width: u16, height: u16, view: View) -> Screen {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let filters_open = view.filters_open;
    let search = Area::new(0, 0, width, 1);
    let status = Area::new(0, height - 1, width, 1);
    let body = Area::new(0, 1, width, height - 2);
    if view.reader {
        return Screen::Main(Panes {
            search,
            list: Area::new(0, body.y, 0, 0),
            detail: body,
            filters: None,
            filters_overlay: false,
            status,
        });
    }
    if width >= WIDE && !view.filters_hidden {
        let fw = 26;
        let rest = width - fw;
        // The list carries marks, date and outlet before the title: it gets the larger share
        // (the reader, `v`, is there for long reading).
        let lw = rest * 3 / 5;
        return Screen::Main(Panes {
            search,
            list: Area::new(fw, body.y, lw, body.height),
            detail: Area::new(fw + lw, body.y, rest - lw, body.height),
            filters: Some(Area::new(0, body.y, fw, body.height)),
            filters_overlay: false,
            status,
        });
    }
    let (list, detail) = if width >= MEDIUM {
        // A wide terminal without its filter column gives the titles the extra room.
        let lw = if width >= WIDE {
            width * 3 / 5
        } else {
            width / 2
        };
        (
            Area::new(0, body.y, lw, body.height),
            Area::new(lw, body.y, width - lw, body.height),
        )
    } else {
        let lh = (body.height * 2 / 5).max(3);
        (
            Area::new(0, body.y, width, lh),
            Area::new(0, body.y + lh, width, body.height - lh),
        )
    };
    let filters = filters_open.then(|| Area::new(0, body.y, width.min(40), body.height));
    Screen::Main(Panes {
        search,
        list,
        detail,
        filters,
        filters_overlay: true,
        status,
    })
}

/// The characters the interface draws from its own code (never article text): Unicode by
/// default, plain ASCII with `--ascii` / `ascii = true` for terminals and fonts without box
/// drawing. Every ASCII replacement is one cell wide, like the glyph it stands for, so both
/// modes lay out every column identically.
///
/// ```text
///              Unicode   ASCII
/// borders      ┌─┐│└┘    +-+|++
/// selected     ▸         >
/// unread       •         *
/// starred      ★         !      (mutt's "flagged")
/// separator    ·         |
/// cut off      …         ~
/// busy         …         ...
/// from..to     …         ..
/// month bars   ▁▂▃▄▅▆▇█  .:-=+*%#
/// quote bar    │         |
/// bullet       •         *
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub top_left: &'static str,
    pub top_right: &'static str,
    pub bottom_left: &'static str,
    pub bottom_right: &'static str,
    pub horizontal: &'static str,
    pub vertical: &'static str,
    /// List marks: in the selection, unread, starred.
    pub picked: char,
    pub unread: char,
    pub starred: char,
    /// Between items in pane titles and the status line.
    pub sep: &'static str,
    /// Ends a text cut to fit.
    pub ellipsis: &'static str,
    /// After "searching" and in a title while a search runs.
    pub busy: &'static str,
    /// Between the ends of a range ("2023-06…2025-09").
    pub range: &'static str,
    /// Chart bars from empty to full, nine levels.
    pub bars: [&'static str; 9],
    /// In front of each line of a quotation in the detail.
    pub quote_bar: &'static str,
    /// In front of each related headline in the detail.
    pub bullet: &'static str,
    /// The list's decision cell for an article a team's analysts decided differently.
    pub conflict: char,
}

pub const UNICODE: Glyphs = Glyphs {
    top_left: "┌",
    top_right: "┐",
    bottom_left: "└",
    bottom_right: "┘",
    horizontal: "─",
    vertical: "│",
    picked: '▸',
    unread: '•',
    starred: '★',
    sep: "·",
    ellipsis: "…",
    busy: "…",
    range: "…",
    bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    quote_bar: "│ ",
    bullet: "• ",
    conflict: '≠',
};

pub const ASCII: Glyphs = Glyphs {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    horizontal: "-",
    vertical: "|",
    picked: '>',
    unread: '*',
    starred: '!',
    sep: "|",
    ellipsis: "~",
    busy: "...",
    range: "..",
    bars: [" ", ".", ":", "-", "=", "+", "*", "%", "#"],
    quote_bar: "| ",
    bullet: "* ",
    conflict: '#',
};

/// The glyph set for the `ascii` switch.
pub fn glyphs(ascii: bool) -> &'static Glyphs {
    if ascii { &ASCII } else { &UNICODE }
}

impl Glyphs {
    /// `text` built with the Unicode separator and ellipsis (key hints, messages, titles
    /// made elsewhere), with this set's instead. Other characters are left alone: they may
    /// be article text, which is shown as it is.
    pub fn plain<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.sep == UNICODE.sep || !text.contains([UNICODE.sep_char(), '…']) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.replace(UNICODE.sep, self.sep)
                .replace(UNICODE.ellipsis, self.ellipsis),
        )
    }

    fn sep_char(&self) -> char {
        self.sep.chars().next().unwrap_or(' ')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_is_inside_the_screen() {
        for w in 0..200u16 {
            for h in [0, 1, 11, 12, 24, 40, 60] {
                for open in [false, true] {
                    let Screen::Main(p) = compute(w, h, open) else {
                        assert!(w < MIN_WIDTH || h < MIN_HEIGHT);
                        continue;
                    };
                    for a in [
                        Some(p.search),
                        Some(p.list),
                        Some(p.detail),
                        p.filters,
                        Some(p.status),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        assert!(a.x + a.width <= w && a.y + a.height <= h, "{w}x{h} {a:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn breakpoints() {
        let Screen::Main(p) = compute(120, 40, false) else {
            panic!()
        };
        assert!(!p.filters_overlay && p.filters.is_some());
        let Screen::Main(p) = compute(80, 24, false) else {
            panic!()
        };
        assert!(p.filters.is_none() && p.list.y == p.detail.y);
        let Screen::Main(p) = compute(50, 16, true) else {
            panic!()
        };
        assert!(p.filters_overlay && p.detail.y > p.list.y);
        assert_eq!(compute(39, 40, false), Screen::TooSmall);
    }
}
