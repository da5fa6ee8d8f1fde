//! The `date:` grammar: a year, month or day, a range between two of them, or a comparison.

use std::ops::Bound;

use super::model::{DateRange, Pred};
use crate::model::{Date, days_in_month};

/// Parses `2024`, `2024-06`, `2024-06-19`, `a..b` (either end open), `>d`, `>=d`, `<d`, `<=d`.
pub(super) fn parse_date(value: &str) -> Result<Pred, String> {
    let cmp = [">=", "<=", ">", "<"]
        .into_iter()
        .find_map(|op| value.strip_prefix(op).map(|rest| (op, rest)));
    let range = if let Some((op, rest)) = cmp {
        let (first, last) = date_span(rest)?;
        match op {
            ">=" => DateRange {
                lo: Bound::Included(first),
                hi: Bound::Unbounded,
            },
            ">" => DateRange {
                lo: Bound::Excluded(last),
                hi: Bound::Unbounded,
            },
            "<=" => DateRange {
                lo: Bound::Unbounded,
                hi: Bound::Included(last),
            },
            _ => DateRange {
                lo: Bound::Unbounded,
                hi: Bound::Excluded(first),
            },
        }
    } else if let Some((a, b)) = value.split_once("..") {
        if a.is_empty() && b.is_empty() {
            return Err("a range needs at least one end, e.g. date:2024-01..2024-06".to_string());
        }
        let lo = if a.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(date_span(a)?.0)
        };
        let hi = if b.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(date_span(b)?.1)
        };
        if let (Bound::Included(l), Bound::Included(h)) = (lo, hi)
            && l > h
        {
            return Err("the range ends before it starts".to_string());
        }
        DateRange { lo, hi }
    } else {
        let (first, last) = date_span(value)?;
        DateRange {
            lo: Bound::Included(first),
            hi: Bound::Included(last),
        }
    };
    Ok(Pred::Date(range))
}

/// The first and last day covered by `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date_span(s: &str) -> Result<(Date, Date), String> {
    let expected = || {
        if s.is_empty() {
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found nothing".to_string()
        } else {
            format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not {s:?}")
        }
    };
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(expected());
    }
    if parts[0].len() != 4 {
        return Err("the year must have 4 digits".to_string());
    }
    let year: u16 = parts[0].parse().map_err(|_| expected())?;
    let month = match parts.get(1) {
        None => None,
        Some(m) => {
            let m: u8 = m.parse().unwrap_or(0);
            if !(1..=12).contains(&m) {
                return Err("month must be 1-12".to_string());
            }
            Some(m)
        }
    };
    let day = match (month, parts.get(2)) {
        (Some(m), Some(d)) => {
            let max = days_in_month(year, m);
            let d: u8 = d.parse().unwrap_or(0);
            if d == 0 || d > max {
                return Err(format!("invalid day: {year:04}-{m:02} has days 1-{max}"));
            }
            Some(d)
        }
        _ => None,
    };
    let make = |m: u8, d: u8| Date::new(year, m, d).ok_or_else(expected);
    match (month, day) {
        (None, _) => Ok((make(1, 1)?, make(12, 31)?)),
        (Some(m), None) => Ok((make(m, 1)?, make(m, days_in_month(year, m))?)),
        (Some(m), Some(d)) => Ok((make(m, d)?, make(m, d)?)),
    }
}

#[cfg(test)]
mod tests {
    use crate::query::testing::*;

    #[test]
    fn dates() {
        let c = corpus();
        assert_eq!(sorted_ids(&c, "date:2024"), vec!["a1", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024-06"), vec!["a1"]);
        assert_eq!(sorted_ids(&c, "date:2024-06-19"), vec!["a1"]);
        assert_eq!(sorted_ids(&c, "date:2024-06-18"), Vec::<String>::new());
        assert_eq!(sorted_ids(&c, "date:2023-06..2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024-04-10..2024"), vec!["a1", "a2"]);
        assert_eq!(sorted_ids(&c, "date:..2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:2024.."), vec!["a1", "a2", "a3"]);
        assert_eq!(sorted_ids(&c, "date:>2024-06-19"), vec!["a3"]);
        assert_eq!(sorted_ids(&c, "date:>=2024-06-19"), vec!["a1", "a3"]);
        assert_eq!(sorted_ids(&c, "date:<2024"), vec!["a0"]);
        assert_eq!(sorted_ids(&c, "date:<=2024-04"), vec!["a0", "a2"]);
        assert_eq!(sorted_ids(&c, "date:>2024"), vec!["a3"]);
        // Undated articles match no date term, negated or not.
        assert_eq!(sorted_ids(&c, "!date:2024"), vec!["a0", "a3"]);
    }
}
