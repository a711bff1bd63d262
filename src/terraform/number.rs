//! Terraform's numbers. Terraform computes with arbitrary-precision decimals
//! (Go's `big.Float` at 512 bits), so integers stay exact far beyond 2^53:
//! `tostring(9007199254740993)` is "9007199254740993", where an `f64` would
//! say "9007199254740992". tfward keeps integers exact as `i128` (every
//! `int64` and `uint64` a provider or plan can hold, and sums and products of
//! them while they fit) and computes everything else as `f64`.

use std::cmp::Ordering;
use std::fmt;

/// A Terraform number: an exact integer, or a binary float for fractions
/// and magnitudes beyond `i128`.
#[derive(Debug, Clone, Copy)]
pub enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    /// The float, as an exact integer when it is one (so `2.0 * 3` and `6`
    /// are the same number).
    pub fn from_f64(f: f64) -> Number {
        // i128 holds every integral f64 below 2^127.
        if f.fract() == 0.0 && f.abs() < 1.7e38 {
            Number::Int(f as i128)
        } else {
            Number::Float(f)
        }
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    /// The number as an exact integer, if it is one.
    pub fn as_i128(self) -> Option<i128> {
        match self {
            Number::Int(i) => Some(i),
            Number::Float(_) => None,
        }
    }

    /// Parses a number the way Terraform's conversion from string does
    /// (cty's): `1`, `-1.5`, `.5`, `1e3`; never `inf`, `NaN`, `0x10` or
    /// surrounding spaces. Integers are exact.
    pub fn parse(s: &str) -> Option<Number> {
        let b = s.as_bytes();
        let mut i = 0;
        if matches!(b.first(), Some(b'+' | b'-')) {
            i += 1;
        }
        let int_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let int_digits = i > int_start;
        let mut digits = int_digits;
        let mut integer = true;
        if b.get(i) == Some(&b'.') {
            integer = false;
            i += 1;
            let frac_start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            digits |= i > frac_start;
        }
        if !digits {
            return None;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            integer = false;
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp_start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == exp_start {
                return None;
            }
        }
        if i != b.len() {
            return None;
        }
        if integer {
            if let Ok(n) = s.trim_start_matches('+').parse::<i128>() {
                return Some(Number::Int(n));
            }
        }
        s.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(Number::from_f64)
    }

    fn exact_or(
        self,
        other: Number,
        int: impl Fn(i128, i128) -> Option<i128>,
        float: impl Fn(f64, f64) -> f64,
    ) -> Number {
        if let (Number::Int(a), Number::Int(b)) = (self, other) {
            if let Some(r) = int(a, b) {
                return Number::Int(r);
            }
        }
        Number::from_f64(float(self.to_f64(), other.to_f64()))
    }

    /// Numeric order (NaN never occurs: it is an error where it would).
    pub fn cmp_num(self, other: Number) -> Ordering {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }

    /// JSON: integers as JSON integers while they fit 64 bits (policies
    /// compare `port == 22`), other numbers as floats.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Number::Int(i) => {
                if let Ok(n) = i64::try_from(i) {
                    serde_json::Value::from(n)
                } else if let Ok(n) = u64::try_from(i) {
                    serde_json::Value::from(n)
                } else {
                    float_json(i as f64)
                }
            }
            Number::Float(f) => float_json(f),
        }
    }

    /// From JSON: exact for 64-bit integers.
    pub fn from_json(n: &serde_json::Number) -> Number {
        if let Some(i) = n.as_i64() {
            Number::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Number::Int(i128::from(u))
        } else {
            Number::from_f64(n.as_f64().unwrap_or(0.0))
        }
    }
}

fn float_json(f: f64) -> serde_json::Value {
    serde_json::Number::from_f64(f)
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::Null)
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.cmp_num(*other) == Ordering::Equal
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Number {
        Number::from_f64(f)
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Number {
        Number::Int(i128::from(i))
    }
}

impl From<usize> for Number {
    fn from(i: usize) -> Number {
        Number::Int(i128::try_from(i).unwrap_or(i128::MAX))
    }
}

/// Terraform's canonical form: integers in full, other numbers in their
/// shortest round-tripping decimal form.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

impl std::ops::Neg for Number {
    type Output = Number;
    fn neg(self) -> Number {
        match self {
            Number::Int(i) => i
                .checked_neg()
                .map_or(Number::Float(-(i as f64)), Number::Int),
            Number::Float(f) => Number::Float(-f),
        }
    }
}

/// Arithmetic exact on integers while the result fits, in floating point
/// beyond (Terraform's numbers are arbitrary precision).
impl std::ops::Add for Number {
    type Output = Number;
    fn add(self, other: Number) -> Number {
        self.exact_or(other, i128::checked_add, |a, b| a + b)
    }
}

impl std::ops::Sub for Number {
    type Output = Number;
    fn sub(self, other: Number) -> Number {
        self.exact_or(other, i128::checked_sub, |a, b| a - b)
    }
}

impl std::ops::Mul for Number {
    type Output = Number;
    fn mul(self, other: Number) -> Number {
        self.exact_or(other, i128::checked_mul, |a, b| a * b)
    }
}

/// Division; exact when the quotient is an integer. The caller rules out
/// division by zero.
impl std::ops::Div for Number {
    type Output = Number;
    fn div(self, other: Number) -> Number {
        self.exact_or(
            other,
            |a, b| (b != 0 && a.checked_rem(b) == Some(0)).then(|| a / b),
            |a, b| a / b,
        )
    }
}

/// Remainder with the sign of the dividend (Go's and Terraform's `%`).
impl std::ops::Rem for Number {
    type Output = Number;
    fn rem(self, other: Number) -> Number {
        self.exact_or(other, i128::checked_rem, |a, b| a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_stay_exact_beyond_2_pow_53() {
        let n = Number::parse("9007199254740993").expect("parses");
        assert_eq!(n.to_string(), "9007199254740993");
        assert_eq!((n + Number::Int(1)).to_string(), "9007199254740994");
        assert_eq!(
            Number::parse("18446744073709551615").map(Number::to_json),
            Some(serde_json::json!(18_446_744_073_709_551_615_u64))
        );
        assert_eq!((Number::Int(7) / Number::Int(2)).to_string(), "3.5");
        assert_eq!(Number::Int(6) / Number::Int(2), Number::Int(3));
        assert_eq!(Number::from_f64(2.0), Number::Int(2));
        assert_eq!(Number::Int(-7) % Number::Int(3), Number::Int(-1));
    }

    #[test]
    fn parsing_follows_cty() {
        for ok in ["1", "-1.5", ".5", "1e3", "+2"] {
            assert!(Number::parse(ok).is_some(), "{ok}");
        }
        for bad in ["", " 1", "inf", "NaN", "0x10", "1e", "."] {
            assert!(Number::parse(bad).is_none(), "{bad}");
        }
    }
}
