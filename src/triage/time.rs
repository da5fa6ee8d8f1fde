//! Timestamps: stored as RFC 3339 UTC (written without a date-time dependency), shown to a
//! reader in the local time zone (from `TZ`, else the system's), since warta's users read
//! times in WIB, WITA or WIT, not UTC.

use std::time::{SystemTime, UNIX_EPOCH};

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The zone times are shown in: `TZ` (a name such as `Asia/Makassar`, or a POSIX rule),
/// else the system's (/etc/localtime), else UTC.
pub fn local_zone() -> TimeZone {
    TimeZone::system()
}

/// A stored timestamp (`2025-06-01T10:00:00Z`) in `tz` as `2025-06-01 17:00 WIB`; `None`
/// when `at` is not a timestamp.
pub fn display_in(at: &str, tz: &TimeZone) -> Option<String> {
    let ts: Timestamp = at.trim().parse().ok()?;
    Some(
        ts.to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
    )
}

/// [`display_in`] the local zone.
pub fn display_local(at: &str) -> Option<String> {
    display_in(at, &local_zone())
}

/// The calendar date (`YYYY-MM-DD`) of a stored timestamp in `tz`.
pub fn date_in(at: &str, tz: &TimeZone) -> Option<String> {
    let ts: Timestamp = at.trim().parse().ok()?;
    Some(ts.to_zoned(tz.clone()).strftime("%Y-%m-%d").to_string())
}

/// Today's date where the user is, as `YYYY-MM-DD`.
pub fn today_local() -> String {
    let now = now_rfc3339();
    date_in(&now, &local_zone()).unwrap_or_else(|| now.get(..10).unwrap_or("today").to_string())
}

/// A stored timestamp as seconds since 1970; `None` when `at` is not one.
pub fn parse_secs(at: &str) -> Option<i64> {
    let ts: Timestamp = at.trim().parse().ok()?;
    Some(ts.as_second())
}

/// Microseconds since 1970 (a team event's time) as a stored timestamp.
pub fn format_us(at_us: i64) -> String {
    format_rfc3339(at_us.div_euclid(1_000_000))
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        // A clock set before 1970 is wrong, but a wrong timestamp beats refusing to save.
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    };
    format_rfc3339(secs)
}

/// Seconds since the Unix epoch as an RFC 3339 UTC timestamp with second precision.
pub fn format_rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), after Howard Hinnant's
/// `civil_from_days`: shifting the year to start in March puts the leap day last, so month
/// lengths follow a fixed 153-day pattern.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March = 0
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_epochs() {
        // Reference values computed with Python's datetime.fromtimestamp(s, timezone.utc).
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_718_785_800, "2024-06-19T08:30:00Z"),
            (4_107_542_400, "2100-03-01T00:00:00Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
        ] {
            assert_eq!(format_rfc3339(secs), want, "{secs}");
        }
    }

    #[test]
    fn every_day_follows_the_previous_one() {
        // Walk 1969..2101 day by day and check the calendar against days_in_month.
        let (mut y, mut m, mut d) = (1969i64, 1u32, 1u32);
        for day in -365..(131 * 366) {
            assert_eq!(civil_from_days(day), (y, m, d), "day {day}");
            d += 1;
            let dim = u32::from(crate::model::days_in_month(y as u16, m as u8));
            if d > dim {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }

    #[test]
    fn local_times_follow_the_zone() {
        // POSIX rules, so the test needs no zone database: WIB is UTC+7, WIT UTC+9.
        let wib = TimeZone::posix("WIB-7").unwrap();
        let wit = TimeZone::posix("WIT-9").unwrap();
        let at = "2024-06-19T20:30:00Z";
        assert_eq!(
            display_in(at, &wib).as_deref(),
            Some("2024-06-20 03:30 WIB")
        );
        assert_eq!(
            display_in(at, &wit).as_deref(),
            Some("2024-06-20 05:30 WIT")
        );
        assert_eq!(
            display_in(at, &TimeZone::UTC).as_deref(),
            Some("2024-06-19 20:30 UTC")
        );
        // The date changes with the zone: a brief exported at 20:30 UTC is tomorrow's in WIB.
        assert_eq!(date_in(at, &wib).as_deref(), Some("2024-06-20"));
        assert_eq!(date_in(at, &TimeZone::UTC).as_deref(), Some("2024-06-19"));
        assert_eq!(display_in("yesterday", &wib), None);
    }

    #[test]
    fn now_is_well_formed() {
        let s = now_rfc3339();
        assert_eq!(s.len(), 20, "{s}");
        assert!(s.ends_with('Z') && s.as_bytes()[10] == b'T', "{s}");
        assert!(s.as_str() > "2024-01-01");
    }
}
