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
//! Below 40x12 only a "terminal too small" line is drawn.

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

/// Rows the filters pane gives the month chart (label + bars), when it is tall enough.
pub const CHART_ROWS: u16 = 4;

impl Panes {
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

pub fn compute(width: u16, height: u16, filters_open: bool) -> Screen {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let search = Area::new(0, 0, width, 1);
    let status = Area::new(0, height - 1, width, 1);
    let body = Area::new(0, 1, width, height - 2);
    if width >= WIDE {
        let fw = 26;
        let rest = width - fw;
        // The list carries marks, date and outlet before the title: it gets the larger share.
        let lw = rest * 11 / 20;
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
        let lw = width * 45 / 100;
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
