//! Values for the generators: strings and numbers that functions and
//! policies treat specially (CIDRs, JSON and YAML text, format verbs,
//! dates, odd Unicode), tfward's evaluated [`Value`]s and JSON values.

use std::collections::BTreeMap;

use arbitrary::{Result, Unstructured};
use serde_json::Value as Json;
use tfward::terraform::value::Value;

/// Strings worth more than random ones: each makes some function or policy
/// take a branch random text rarely reaches.
pub const STRINGS: &[&str] = &[
    "",
    "a",
    "abc",
    "public-read",
    "private",
    "0.0.0.0/0",
    "::/0",
    "10.0.0.0/16",
    "10.0.0.0/8",
    "192.168.1.1/32",
    "2001:db8::/32",
    "fd00::/8",
    "256.1.1.1/33",
    "10.0.0.0/-1",
    "*",
    "s3:*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:iam::123456789012:root",
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Principal\":\"*\"}]}",
    "{\"a\":[1,2,{\"b\":null}]}",
    "[1, \"two\", true, null, 1e400]",
    "{\"a\":",
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "&a [1, *a]",
    "- &x a\n- *x\n- !!binary aGVsbG8=\n",
    "a,b,c\n1,2,3\n\"q\"\"x\",y,z\n",
    "%s %d %v %#v %t %q %5.2f %-8s %08.3e %x %X %o %b %%",
    "%[2]s %[1]*d %.*f %!",
    "%999999999d",
    "2024-02-29T12:34:56Z",
    "2006-01-02T15:04:05+07:00",
    "YYYY-MM-DD hh:mm:ss ZZZZZ EEEE MMMM aa 'quoted'",
    "1h30m",
    "-9999999h",
    "~> 5.0",
    ">= 1.5.0, < 2.0",
    "aGVsbG8gd29ybGQ=",
    "not base64!",
    "UTF-16LE",
    "CP1252",
    "^[a-z]+(\\d*)$",
    "(?P<name>\\w+)@(?P<domain>\\w+)",
    "(a*)*b",
    "[",
    "/tmp",
    "../../../../etc/passwd",
    "./files/hello.txt",
    "files/*.txt",
    "files/**",
    "~/x",
    "${var.x}",
    "%{ if true }y%{ endif }",
    "$${literal}",
    "line1\nline2\r\n",
    "tab\there",
    "\u{1b}[2J\u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7}",
    "\n::error::PWNED",
    "::set-output name=x::PWNED",
    "\u{202e}gnp.exe",
    "\u{200b}\u{200d}\u{feff}",
    "e\u{301}\u{301}\u{301}",
    "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{0}",
    "\u{fffd}",
    "İstanbul ǅ ß ﬁ",
    "12345678901234567890",
    "-0",
    "0x1F",
    "1e3",
    "true",
    "null",
    "t2.micro",
    "m5.24xlarge",
    "db.r5.large",
    "us-east-1",
    "eu-west-1",
    "gp2",
    "AES256",
    "aws:kms",
    "python2.7",
    "TLSv1",
    "HTTP",
    "Allow",
    "Deny",
];

/// Numbers at the edges of f64, integers and Terraform's conversions.
pub const NUMBERS: &[f64] = &[
    0.0,
    1.0,
    2.0,
    3.0,
    -1.0,
    0.5,
    -0.0,
    22.0,
    443.0,
    3389.0,
    65535.0,
    65536.0,
    255.0,
    256.0,
    32.0,
    128.0,
    1e3,
    1e15,
    9_007_199_254_740_993.0,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN_POSITIVE,
    f64::EPSILON,
    4_294_967_296.0,
    1.000_000_000_000_000_2,
];

pub fn string(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=9u8)? {
        0..=6 => (*u.choose(STRINGS)?).to_owned(),
        7 => {
            // Two dictionary strings joined: "10.0.0.0/16" + "%d" and such.
            format!("{}{}", u.choose(STRINGS)?, u.choose(STRINGS)?)
        }
        _ => {
            let s: &str = u.arbitrary()?;
            s.chars().take(64).collect()
        }
    })
}

pub fn number(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(match u.int_in_range(0..=4u8)? {
        0..=2 => *u.choose(NUMBERS)?,
        3 => f64::from(u.int_in_range(-300i16..=300)?),
        _ => {
            let n: f64 = u.arbitrary()?;
            // NaN and infinities do not exist in HCL or JSON; the
            // evaluator never makes them from literals.
            if n.is_finite() {
                n
            } else {
                0.0
            }
        }
    })
}

/// An evaluated value, `depth` levels deep at most.
pub fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let top = if depth == 0 { 4 } else { 6 };
    Ok(match u.int_in_range(0..=top)? {
        0 => Value::String(string(u)?),
        1 => Value::Number(number(u)?.into()),
        2 => Value::Bool(u.arbitrary()?),
        3 => Value::Null,
        4 => Value::unknown("known after apply"),
        5 => {
            let n = u.int_in_range(0..=4)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(value(u, depth - 1)?);
            }
            Value::List(items)
        }
        _ => {
            let n = u.int_in_range(0..=4)?;
            let mut map = BTreeMap::new();
            for _ in 0..n {
                map.insert(string(u)?, value(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

/// A JSON value, `depth` levels deep at most; object keys come from `keys`
/// half of the time.
pub fn json(u: &mut Unstructured<'_>, depth: usize, keys: &[&str]) -> Result<Json> {
    let top = if depth == 0 { 3 } else { 5 };
    Ok(match u.int_in_range(0..=top)? {
        0 => Json::String(string(u)?),
        1 => serde_json::Number::from_f64(number(u)?).map_or(Json::Null, Json::Number),
        2 => Json::Bool(u.arbitrary()?),
        3 => Json::Null,
        4 => {
            let n = u.int_in_range(0..=3)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(json(u, depth - 1, keys)?);
            }
            Json::Array(items)
        }
        _ => {
            let n = u.int_in_range(0..=4)?;
            let mut map = serde_json::Map::new();
            for _ in 0..n {
                let key = if !keys.is_empty() && u.arbitrary()? {
                    (*u.choose(keys)?).to_owned()
                } else {
                    string(u)?
                };
                map.insert(key, json(u, depth - 1, keys)?);
            }
            Json::Object(map)
        }
    })
}
