//! Date and time functions: `formatdate`, `timeadd`, `timecmp`;
//! `timestamp()` and `plantimestamp()` are unknown.

use std::fmt::Write as _;

use super::*;
use crate::date::{civil_from_days, days_from_civil, days_in_month};

/// An instant with the UTC offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    secs: i64,
    nanos: i64,
    /// Offset from UTC in seconds.
    offset: i64,
}

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(super) const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Wall-clock fields of a timestamp in its own offset.
pub(super) struct Civil {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    weekday: i64,
}

impl Timestamp {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn from_civil(
        y: i64,
        mo: i64,
        d: i64,
        h: i64,
        mi: i64,
        s: i64,
        nanos: i64,
        offset: i64,
    ) -> Timestamp {
        let local = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s;
        Timestamp {
            secs: local - offset,
            nanos,
            offset,
        }
    }

    pub(super) fn civil(&self) -> Civil {
        let local = self.secs + self.offset;
        let days = local.div_euclid(86_400);
        let rem = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: rem / 3600,
            minute: rem % 3600 / 60,
            second: rem % 60,
            weekday: (days + 4).rem_euclid(7),
        }
    }

    /// Go's `Format(time.RFC3339)` (no fractional seconds).
    pub(super) fn to_rfc3339(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
            c.year,
            c.month,
            c.day,
            c.hour,
            c.minute,
            c.second,
            self.zone(true, true)
        )
    }

    /// The offset as `Z`/`+hh:mm` (`z_for_utc`, `colon`) or `+hhmm`.
    pub(super) fn zone(&self, z_for_utc: bool, colon: bool) -> String {
        if z_for_utc && self.offset == 0 {
            return "Z".to_owned();
        }
        let sign = if self.offset < 0 { '-' } else { '+' };
        let abs = self.offset.abs();
        let (h, m) = (abs / 3600, abs % 3600 / 60);
        if colon {
            format!("{sign}{h:02}:{m:02}")
        } else {
            format!("{sign}{h:02}{m:02}")
        }
    }

    pub(super) fn total_nanos(&self) -> i128 {
        i128::from(self.secs) * 1_000_000_000 + i128::from(self.nanos)
    }
}

/// Go's strict RFC 3339 parsing (`time.Parse(time.RFC3339, s)`).
pub(super) fn parse_rfc3339(s: &str) -> Result<Timestamp, String> {
    let bad = |what: &str| format!("not a valid RFC3339 timestamp: {what}");
    let b = s.as_bytes();
    if b.len() < 20 {
        return Err(bad("end of string before the time zone offset"));
    }
    let num = |range: std::ops::Range<usize>, what: &str| -> Result<i64, String> {
        let part = s.get(range).ok_or_else(|| bad(what))?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad(&format!("cannot use {part:?} as {what}")));
        }
        part.parse().map_err(|_| bad(what))
    };
    let year = num(0..4, "year")?;
    let month = num(5..7, "month")?;
    let day = num(8..10, "day of month")?;
    let hour = num(11..13, "hour")?;
    let minute = num(14..16, "minute")?;
    let second = num(17..19, "second")?;
    for (i, want) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')] {
        if b.get(i) != Some(&want) {
            return Err(bad(&format!(
                "found {:?} where {:?} is expected",
                char::from(b.get(i).copied().unwrap_or(b' ')),
                char::from(want)
            )));
        }
    }
    if !(1..=12).contains(&month) {
        return Err(bad("month out of range"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(bad("day out of range"));
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(bad("time out of range"));
    }
    let mut rest = s.get(19..).unwrap_or_default();
    let mut nanos = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(bad("missing fractional seconds"));
        }
        let (d, r) = frac.split_at(digits);
        let mut scaled = String::from(d.get(..digits.min(9)).unwrap_or_default());
        while scaled.len() < 9 {
            scaled.push('0');
        }
        nanos = scaled.parse().unwrap_or(0);
        rest = r;
    }
    let offset =
        parse_offset(rest).ok_or_else(|| bad(&format!("cannot use {rest:?} as UTC offset")))?;
    Ok(Timestamp::from_civil(
        year, month, day, hour, minute, second, nanos, offset,
    ))
}

/// Go's `time.ParseDuration`, in nanoseconds.
pub(super) fn parse_duration(text: &str) -> Result<i128, String> {
    let invalid = || format!("time: invalid duration {text:?}");
    let (neg, mut s) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: i128 = 0;
    while !s.is_empty() {
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, r) = s.split_at(int_len);
        s = r;
        let mut frac_part = "";
        if let Some(r) = s.strip_prefix('.') {
            let frac_len = r.bytes().take_while(u8::is_ascii_digit).count();
            let (f, r2) = r.split_at(frac_len);
            frac_part = f;
            s = r2;
        }
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let unit_len = s
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map_or(s.len(), |(i, _)| i);
        let (unit, r) = s.split_at(unit_len);
        s = r;
        let scale: i128 = match unit {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            "" => return Err(format!("time: missing unit in duration {text:?}")),
            other => return Err(format!("time: unknown unit {other:?} in duration {text:?}")),
        };
        let int_val: i128 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| invalid())?
        };
        let mut value = int_val.checked_mul(scale).ok_or_else(invalid)?;
        if !frac_part.is_empty() {
            let digits = frac_part.get(..frac_part.len().min(30)).unwrap_or_default();
            let frac: i128 = digits.parse().map_err(|_| invalid())?;
            let denom = 10i128
                .checked_pow(digits.len() as u32)
                .ok_or_else(invalid)?;
            value += frac.checked_mul(scale).ok_or_else(invalid)? / denom;
        }
        total = total.checked_add(value).ok_or_else(invalid)?;
        if total > i128::from(i64::MAX) {
            return Err(invalid());
        }
    }
    Ok(if neg { -total } else { total })
}

pub(super) fn fn_timeadd(a: &[Value], _: &FnContext<'_>) -> Res {
    let ts = parse_rfc3339(&to_str(&a[0])?)?;
    let dur = parse_duration(&to_str(&a[1])?)?;
    let total = ts.total_nanos() + dur;
    let secs = i64::try_from(total.div_euclid(1_000_000_000))
        .map_err(|_| "timestamp out of range".to_owned())?;
    let result = Timestamp {
        secs,
        nanos: total.rem_euclid(1_000_000_000) as i64,
        offset: ts.offset,
    };
    if !(0..=9999).contains(&result.civil().year) {
        return Err("timestamp out of range".to_owned());
    }
    Ok(Value::String(result.to_rfc3339()))
}

pub(super) fn fn_timecmp(a: &[Value], _: &FnContext<'_>) -> Res {
    let x = parse_rfc3339(&to_str(&a[0])?)?;
    let y = parse_rfc3339(&to_str(&a[1])?)?;
    Ok(Value::from(match x.total_nanos().cmp(&y.total_nanos()) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

pub(super) fn fn_formatdate(a: &[Value], _: &FnContext<'_>) -> Res {
    let format = to_str(&a[0])?;
    let ts = parse_rfc3339(&to_str(&a[1])?)?;
    let c = ts.civil();
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&ch) = chars.get(i) {
        if ch == '\'' {
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => return Err("unterminated literal '".to_owned()),
                    Some('\'') if chars.get(j + 1) == Some(&'\'') => {
                        out.push('\'');
                        j += 2;
                    }
                    Some('\'') => break,
                    Some(&other) => {
                        out.push(other);
                        j += 1;
                    }
                }
            }
            i = j + 1;
            continue;
        }
        if !ch.is_ascii_alphabetic() {
            out.push(ch);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|c| **c == ch).count();
        let tok: String = std::iter::repeat_n(ch, run).collect();
        i += run;
        let invalid = |what: &str| format!("invalid date format verb {tok:?}: {what}");
        let two = |n: i64| format!("{n:02}");
        match (ch, run) {
            ('Y', 2) => out.push_str(&two(c.year.rem_euclid(100))),
            ('Y', 4) => {
                let _ = write!(out, "{:04}", c.year);
            }
            ('Y', _) => return Err(invalid("year must either be \"YY\" or \"YYYY\"")),
            ('M', 1) => out.push_str(&c.month.to_string()),
            ('M', 2) => out.push_str(&two(c.month)),
            ('M', 3 | 4) => {
                let name = MONTHS
                    .get((c.month - 1) as usize)
                    .copied()
                    .unwrap_or_default();
                out.push_str(if run == 3 {
                    name.get(..3).unwrap_or(name)
                } else {
                    name
                });
            }
            ('M', _) => return Err(invalid("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"")),
            ('D', 1) => out.push_str(&c.day.to_string()),
            ('D', 2) => out.push_str(&two(c.day)),
            ('D', _) => return Err(invalid("day of month must either be \"D\" or \"DD\"")),
            ('E', 3 | 4) => {
                let name = WEEKDAYS
                    .get(c.weekday as usize)
                    .copied()
                    .unwrap_or_default();
                out.push_str(if run == 3 {
                    name.get(..3).unwrap_or(name)
                } else {
                    name
                });
            }
            ('E', _) => return Err(invalid("day of week must either be \"EEE\" or \"EEEE\"")),
            ('h', 1) => out.push_str(&c.hour.to_string()),
            ('h', 2) => out.push_str(&two(c.hour)),
            ('h', _) => return Err(invalid("24-hour must either be \"h\" or \"hh\"")),
            ('H', 1 | 2) => {
                let h = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
                out.push_str(&if run == 1 { h.to_string() } else { two(h) });
            }
            ('H', _) => return Err(invalid("12-hour must either be \"H\" or \"HH\"")),
            ('A' | 'a', 2) => {
                let pm = c.hour >= 12;
                out.push_str(match (ch == 'A', pm) {
                    (true, false) => "AM",
                    (true, true) => "PM",
                    (false, false) => "am",
                    (false, true) => "pm",
                });
            }
            ('A' | 'a', _) => return Err(invalid(&format!("must be \"{ch}{ch}\""))),
            ('m', 1) => out.push_str(&c.minute.to_string()),
            ('m', 2) => out.push_str(&two(c.minute)),
            ('m', _) => return Err(invalid("minute must either be \"m\" or \"mm\"")),
            ('s', 1) => out.push_str(&c.second.to_string()),
            ('s', 2) => out.push_str(&two(c.second)),
            ('s', _) => return Err(invalid("second must either be \"s\" or \"ss\"")),
            ('Z', 1) => out.push_str(&ts.zone(true, true)),
            ('Z', 3) => {
                let z = ts.zone(false, false);
                out.push_str(if z == "+0000" { "UTC" } else { &z });
            }
            ('Z', 4) => out.push_str(&ts.zone(false, false)),
            ('Z', 5) => out.push_str(&ts.zone(false, true)),
            ('Z', _) => return Err(invalid("timezone must be Z, ZZZZ, or ZZZZZ")),
            _ => return Err(format!("invalid date format verb {tok:?}")),
        }
    }
    Ok(Value::String(out))
}

pub(super) fn fn_timestamp(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown("timestamp() is only known at apply"))
}

pub(super) fn fn_plantimestamp(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown("plantimestamp() is only known at plan time"))
}
