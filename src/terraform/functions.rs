//! Terraform's built-in function library, evaluated statically.
//!
//! Every function follows the behaviour of Terraform (and of the go-cty
//! standard library it is built on) as closely as a static analyser can:
//! results that depend on the machine Terraform runs on, on the clock or on
//! randomness are [`Value::Unknown`] with the reason. `try` and `can` are not
//! here (the evaluator handles them lazily), nor are provider-defined
//! functions.
//!
//! Unknown arguments propagate: most functions return the first unknown found
//! anywhere in their arguments, and a few (`length`, `keys`, `lookup`,
//! `concat`, `coalesce`, ...) are as precise as Terraform is about which parts
//! of their arguments the result really depends on.
//!
//! Nothing here panics on user input: sizes (`range`, `indent`, format widths,
//! YAML aliases, file sizes, directory walks) are bounded and arithmetic is
//! checked.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::Digest as _;
use unicode_segmentation::UnicodeSegmentation as _;

use super::value::{format_number, Value};

/// What a function call may need from its surroundings.
pub struct FnContext<'a> {
    /// Directory of the module being evaluated (path.module); file functions resolve relative paths against it.
    pub module_dir: &'a Path,
    /// The scanned tree's root: file functions must never read outside it (return an error instead).
    pub root_dir: &'a Path,
    /// Renders a template string with variables (used by templatefile); supplied by the evaluator.
    #[allow(clippy::type_complexity)]
    pub render_template: &'a dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String>,
}

/// Calls Terraform function `name`. Err(message) for a wrong argument (message like Terraform's, e.g. "invalid CIDR address"),
/// Ok(Value::Unknown) when the result cannot be known. Unknown function names -> Err("unknown function ...").
pub fn call(name: &str, args: Vec<Value>, ctx: &FnContext<'_>) -> Result<Value, String> {
    let Some(spec) = spec(name) else {
        return Err(format!("unknown function {name:?}"));
    };
    if args.len() < spec.min || spec.max.is_some_and(|max| args.len() > max) {
        let expected = match spec.max {
            Some(max) if max == spec.min => format!("{max}"),
            Some(max) => format!("{} to {max}", spec.min),
            None => format!("at least {}", spec.min),
        };
        return Err(format!(
            "function {name:?} expects {expected} argument(s), got {}",
            args.len()
        ));
    }
    match spec.unknowns {
        Unk::Shallow => {
            if let Some(u) = args.iter().find(|a| a.is_unknown()) {
                return Ok(u.clone());
            }
        }
        Unk::Deep => {
            if let Some(u) = args.iter().find_map(Value::first_unknown) {
                return Ok(Value::Unknown(u.clone()));
            }
        }
        Unk::Custom => {}
    }
    if !spec.nulls && args.iter().any(Value::is_null) {
        return Err("argument must not be null".to_owned());
    }
    (spec.imp)(&args, ctx)
}

/// True for every function name `call` implements (and for the ones it knowingly returns unknown for).
pub fn is_known(name: &str) -> bool {
    spec(name).is_some()
}

type Res = Result<Value, String>;
type Impl = fn(&[Value], &FnContext<'_>) -> Res;

/// How unknown arguments are handled before the implementation runs.
#[derive(Clone, Copy)]
enum Unk {
    /// A top-level unknown argument makes the result unknown.
    Shallow,
    /// An unknown anywhere inside any argument makes the result unknown.
    Deep,
    /// The implementation decides.
    Custom,
}

struct Spec {
    min: usize,
    max: Option<usize>,
    unknowns: Unk,
    /// Whether top-level null arguments are passed to the implementation
    /// (otherwise they are an error).
    nulls: bool,
    imp: Impl,
}

const fn s(min: usize, max: Option<usize>, unknowns: Unk, nulls: bool, imp: Impl) -> Spec {
    Spec {
        min,
        max,
        unknowns,
        nulls,
        imp,
    }
}

const D: Unk = Unk::Deep;
const SH: Unk = Unk::Shallow;
const C: Unk = Unk::Custom;

fn spec(name: &str) -> Option<Spec> {
    let one = Some(1);
    let two = Some(2);
    let three = Some(3);
    Some(match name {
        // --- strings
        "chomp" => s(1, one, D, false, |a, _| {
            str_map(a, |s| s.trim_end_matches(['\r', '\n']).to_owned())
        }),
        "endswith" => s(2, two, D, false, |a, _| {
            Ok(Value::Bool(to_str(&a[0])?.ends_with(&to_str(&a[1])?)))
        }),
        "format" => s(1, None, D, true, fn_format),
        "formatlist" => s(1, None, C, true, fn_formatlist),
        "indent" => s(2, two, D, false, fn_indent),
        "join" => s(2, None, D, false, fn_join),
        "lower" => s(1, one, D, false, |a, _| str_map(a, go_lower)),
        "regex" => s(2, two, D, false, fn_regex),
        "regexall" => s(2, two, D, false, fn_regexall),
        "replace" => s(3, three, D, false, fn_replace),
        "split" => s(2, two, D, false, fn_split),
        "startswith" => s(2, two, D, false, |a, _| {
            Ok(Value::Bool(to_str(&a[0])?.starts_with(&to_str(&a[1])?)))
        }),
        "strcontains" => s(2, two, D, false, |a, _| {
            Ok(Value::Bool(to_str(&a[0])?.contains(&to_str(&a[1])?)))
        }),
        "strrev" => s(1, one, D, false, |a, _| {
            str_map(a, |s| s.graphemes(true).rev().collect())
        }),
        "substr" => s(3, three, D, false, fn_substr),
        "templatestring" => s(2, two, C, false, fn_templatestring),
        "title" => s(1, one, D, false, |a, _| str_map(a, go_title)),
        "trim" => s(2, two, D, false, |a, _| {
            let cut = to_str(&a[1])?;
            Ok(Value::String(
                to_str(&a[0])?.trim_matches(|c| cut.contains(c)).to_owned(),
            ))
        }),
        "trimprefix" => s(2, two, D, false, |a, _| {
            let (st, p) = (to_str(&a[0])?, to_str(&a[1])?);
            Ok(Value::String(
                st.strip_prefix(p.as_str()).unwrap_or(&st).to_owned(),
            ))
        }),
        "trimsuffix" => s(2, two, D, false, |a, _| {
            let (st, p) = (to_str(&a[0])?, to_str(&a[1])?);
            Ok(Value::String(
                st.strip_suffix(p.as_str()).unwrap_or(&st).to_owned(),
            ))
        }),
        "trimspace" => s(1, one, D, false, |a, _| str_map(a, |s| s.trim().to_owned())),
        "upper" => s(1, one, D, false, |a, _| str_map(a, go_upper)),

        // --- collections
        "alltrue" => s(1, one, C, false, fn_alltrue),
        "anytrue" => s(1, one, C, false, fn_anytrue),
        "chunklist" => s(2, two, SH, false, fn_chunklist),
        "coalesce" => s(0, None, C, true, fn_coalesce),
        "coalescelist" => s(0, None, C, true, fn_coalescelist),
        "compact" => s(1, one, C, false, fn_compact),
        "concat" => s(0, None, C, false, fn_concat),
        "contains" => s(2, two, C, false, fn_contains),
        "distinct" => s(1, one, D, false, |a, _| {
            Ok(Value::List(dedupe(to_list(&a[0])?.to_vec())))
        }),
        "element" => s(2, two, C, false, fn_element),
        "flatten" => s(1, one, C, false, fn_flatten),
        "index" => s(2, two, C, false, fn_index),
        "keys" => s(1, one, C, false, fn_keys),
        "length" => s(1, one, C, false, fn_length),
        "lookup" => s(2, three, C, true, fn_lookup),
        "matchkeys" => s(3, three, D, false, fn_matchkeys),
        "merge" => s(0, None, SH, true, fn_merge),
        "one" => s(1, one, C, false, fn_one),
        "range" => s(1, three, D, false, fn_range),
        "reverse" => s(1, one, SH, false, |a, _| {
            Ok(Value::List(to_list(&a[0])?.iter().rev().cloned().collect()))
        }),
        "setintersection" => s(1, None, D, false, fn_setintersection),
        "setproduct" => s(2, None, D, false, fn_setproduct),
        "setsubtract" => s(2, two, D, false, fn_setsubtract),
        "setunion" => s(1, None, D, false, fn_setunion),
        "slice" => s(3, three, SH, false, fn_slice),
        "sort" => s(1, one, D, false, fn_sort),
        "sum" => s(1, one, D, false, fn_sum),
        "transpose" => s(1, one, D, false, fn_transpose),
        "values" => s(1, one, SH, false, fn_values),
        "zipmap" => s(2, two, C, false, fn_zipmap),

        // --- type conversion
        "tobool" => s(1, one, SH, true, fn_tobool),
        "tolist" => s(1, one, SH, true, fn_tolist),
        "tomap" => s(1, one, SH, true, fn_tomap),
        "tonumber" => s(1, one, SH, true, fn_tonumber),
        "toset" => s(1, one, D, true, fn_toset),
        "tostring" => s(1, one, SH, true, fn_tostring),
        "type" => s(1, one, C, true, |_, _| {
            Ok(Value::unknown("type() only works in the Terraform console"))
        }),
        "sensitive" | "nonsensitive" | "ephemeralasnull" => {
            s(1, one, C, true, |a, _| Ok(a[0].clone()))
        }
        "issensitive" => s(1, one, C, true, |_, _| Ok(Value::Bool(false))),

        // --- encoding
        "base64decode" => s(1, one, D, false, fn_base64decode),
        "base64encode" => s(1, one, D, false, |a, _| {
            Ok(Value::String(base64_encode(to_str(&a[0])?.as_bytes())))
        }),
        "base64gzip" => s(1, one, D, false, |_, _| {
            Ok(Value::unknown(
                "base64gzip() output depends on Go's gzip compressor and is not reproduced",
            ))
        }),
        "csvdecode" => s(1, one, D, false, fn_csvdecode),
        "jsondecode" => s(1, one, D, false, fn_jsondecode),
        "jsonencode" => s(1, one, D, true, |a, _| {
            let mut out = String::new();
            json_encode(&a[0], &mut out)?;
            Ok(Value::String(out))
        }),
        "textdecodebase64" => s(2, two, D, false, fn_textdecodebase64),
        "textencodebase64" => s(2, two, D, false, fn_textencodebase64),
        "urlencode" => s(1, one, D, false, |a, _| str_map(a, url_query_escape)),
        // OpenTofu only.
        "urldecode" => s(1, one, D, false, fn_urldecode),
        "base64gunzip" => s(1, one, D, false, |_, _| {
            Ok(Value::unknown("base64gunzip() is not evaluated statically"))
        }),
        "yamldecode" => s(1, one, D, false, fn_yamldecode),
        "yamlencode" => s(1, one, D, true, |a, _| {
            yaml_encode(&a[0]).map(Value::String)
        }),

        // --- numbers
        "abs" => s(1, one, D, false, |a, _| {
            Ok(Value::Number(to_num(&a[0])?.abs()))
        }),
        "ceil" => s(1, one, D, false, |a, _| {
            Ok(Value::Number(to_num(&a[0])?.ceil()))
        }),
        "floor" => s(1, one, D, false, |a, _| {
            Ok(Value::Number(to_num(&a[0])?.floor()))
        }),
        "log" => s(2, two, D, false, |a, _| {
            num_result(to_num(&a[0])?.ln() / to_num(&a[1])?.ln())
        }),
        "max" => s(1, None, D, false, |a, _| fn_minmax(a, true)),
        "min" => s(1, None, D, false, |a, _| fn_minmax(a, false)),
        "parseint" => s(2, two, D, false, fn_parseint),
        "pow" => s(2, two, D, false, |a, _| {
            num_result(to_num(&a[0])?.powf(to_num(&a[1])?))
        }),
        "signum" => s(1, one, D, false, |a, _| {
            let n = to_num(&a[0])?;
            Ok(Value::Number(if n > 0.0 {
                1.0
            } else if n < 0.0 {
                -1.0
            } else {
                0.0
            }))
        }),

        // --- network
        "cidrhost" => s(2, two, D, false, fn_cidrhost),
        "cidrnetmask" => s(1, one, D, false, fn_cidrnetmask),
        "cidrsubnet" => s(3, three, D, false, fn_cidrsubnet),
        "cidrsubnets" => s(1, None, D, false, fn_cidrsubnets),
        // OpenTofu only.
        "cidrcontains" => s(2, two, D, false, fn_cidrcontains),

        // --- filesystem
        "abspath" => s(1, one, D, false, fn_abspath),
        "basename" => s(1, one, D, false, |a, _| str_map(a, go_base)),
        "dirname" => s(1, one, D, false, |a, _| str_map(a, go_dir)),
        "pathexpand" => {
            s(1, one, D, false, |a, _| {
                let p = to_str(&a[0])?;
                if p == "~" || p.starts_with("~/") {
                    Ok(Value::unknown("pathexpand() depends on the home directory of the machine running Terraform"))
                } else {
                    Ok(Value::String(p))
                }
            })
        }
        "file" => s(1, one, SH, false, |a, c| {
            let (bytes, shown) = read_file(c, &to_str(&a[0])?)?;
            String::from_utf8(bytes).map(Value::String).map_err(|_| {
                format!(
                    "contents of {shown} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead"
                )
            })
        }),
        "fileexists" => s(1, one, SH, false, fn_fileexists),
        "fileset" => s(2, two, SH, false, fn_fileset),
        "filebase64" => s(1, one, SH, false, |a, c| {
            Ok(Value::String(base64_encode(
                &read_file(c, &to_str(&a[0])?)?.0,
            )))
        }),
        "templatefile" => s(2, two, C, false, fn_templatefile),

        // --- hashing and crypto
        "base64sha256" => s(1, one, D, false, digest_base64::<sha2::Sha256>),
        "base64sha512" => s(1, one, D, false, digest_base64::<sha2::Sha512>),
        "md5" => s(1, one, D, false, digest_hex::<md5::Md5>),
        "sha1" => s(1, one, D, false, digest_hex::<sha1::Sha1>),
        "sha256" => s(1, one, D, false, digest_hex::<sha2::Sha256>),
        "sha512" => s(1, one, D, false, digest_hex::<sha2::Sha512>),
        "filemd5" => s(1, one, SH, false, file_digest_hex::<md5::Md5>),
        "filesha1" => s(1, one, SH, false, file_digest_hex::<sha1::Sha1>),
        "filesha256" => s(1, one, SH, false, file_digest_hex::<sha2::Sha256>),
        "filesha512" => s(1, one, SH, false, file_digest_hex::<sha2::Sha512>),
        "filebase64sha256" => s(1, one, SH, false, file_digest_base64::<sha2::Sha256>),
        "filebase64sha512" => s(1, one, SH, false, file_digest_base64::<sha2::Sha512>),
        "uuidv5" => s(2, two, D, false, fn_uuidv5),
        "uuid" => s(0, Some(0), C, false, |_, _| {
            Ok(Value::unknown("uuid() is random and only known at apply"))
        }),
        "bcrypt" => s(1, two, C, false, |_, _| {
            Ok(Value::unknown(
                "bcrypt() uses a random salt and is only known at apply",
            ))
        }),
        "rsadecrypt" => s(2, two, C, false, |_, _| {
            Ok(Value::unknown(
                "rsadecrypt() needs a private key and is not evaluated statically",
            ))
        }),

        // --- time
        "formatdate" => s(2, two, D, false, fn_formatdate),
        "timeadd" => s(2, two, D, false, fn_timeadd),
        "timecmp" => s(2, two, D, false, fn_timecmp),
        "timestamp" => s(0, Some(0), C, false, |_, _| {
            Ok(Value::unknown("timestamp() is only known at apply"))
        }),
        "plantimestamp" => s(0, Some(0), C, false, |_, _| {
            Ok(Value::unknown("plantimestamp() is only known at plan time"))
        }),

        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Argument conversion helpers (Terraform's automatic type conversions)

/// Converts to a string the way Terraform converts primitive values.
fn to_str(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(format_number(*n)),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("string required, but have {}", other.type_name())),
    }
}

/// Converts to a number: numbers, and strings holding a decimal number.
fn to_num(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::String(s) => parse_decimal(s).ok_or_else(|| {
            format!("cannot convert {s:?} to number; given string must be a decimal representation of a number")
        }),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("number required, but have {}", other.type_name())),
    }
}

/// Converts to a whole number.
fn to_int(v: &Value) -> Result<i64, String> {
    let n = to_num(v)?;
    if n.fract() != 0.0 || !n.is_finite() || n.abs() > 9.007_199_254_740_992e15 {
        return Err(format!(
            "value must be a whole number, between -9007199254740992 and 9007199254740992, got {}",
            format_number(n)
        ));
    }
    Ok(n as i64)
}

fn to_bool(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        Value::String(s) => Err(format!(
            "cannot convert {s:?} to bool; only the strings \"true\" or \"false\" are allowed"
        )),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!("bool required, but have {}", other.type_name())),
    }
}

fn to_list(v: &Value) -> Result<&[Value], String> {
    match v {
        Value::List(items) => Ok(items),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!(
            "list, set or tuple required, but have {}",
            other.type_name()
        )),
    }
}

fn to_obj(v: &Value) -> Result<&BTreeMap<String, Value>, String> {
    match v {
        Value::Object(map) => Ok(map),
        Value::Null => Err("argument must not be null".to_owned()),
        other => Err(format!(
            "map or object required, but have {}",
            other.type_name()
        )),
    }
}

/// Applies a string-to-string function to the first argument.
fn str_map(args: &[Value], f: impl Fn(&str) -> String) -> Res {
    Ok(Value::String(f(&to_str(&args[0])?)))
}

fn num_result(n: f64) -> Res {
    if n.is_nan() {
        Err("the result is not a number".to_owned())
    } else {
        Ok(Value::Number(n))
    }
}

/// Parses a decimal number the way cty does (`1`, `-1.5`, `.5`, `1e3`),
/// rejecting Rust-only spellings such as `inf` or `NaN`.
fn parse_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i > int_start;
    if b.get(i) == Some(&b'.') {
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
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Terraform's type unification for collections built from mixed primitive
/// values: when strings are mixed with numbers or bools, everything becomes a
/// string (as `tolist([1, "a"])` gives `["1", "a"]`).
fn unify_primitives(items: Vec<Value>) -> Vec<Value> {
    let has_string = items.iter().any(|v| matches!(v, Value::String(_)));
    let all_primitive = items.iter().all(|v| {
        matches!(
            v,
            Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null | Value::Unknown(_)
        )
    });
    if !(has_string && all_primitive) {
        return items;
    }
    items
        .into_iter()
        .map(|v| match v {
            Value::Number(n) => Value::String(format_number(n)),
            Value::Bool(b) => Value::String(b.to_string()),
            other => other,
        })
        .collect()
}

/// A key identifying a wholly known value, for de-duplication.
fn canon_key(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push('n'),
        Value::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
        Value::Number(n) => {
            let n = if *n == 0.0 { 0.0 } else { *n };
            let _ = write!(out, "d{}", n.to_bits());
        }
        Value::String(s) => {
            let _ = write!(out, "s{}:{s}", s.len());
        }
        Value::List(items) => {
            let _ = write!(out, "l{}[", items.len());
            for item in items {
                canon_key(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let _ = write!(out, "o{}{{", map.len());
            for (k, item) in map {
                let _ = write!(out, "{}:{k}", k.len());
                canon_key(item, out);
            }
            out.push('}');
        }
        Value::Unknown(u) => {
            let _ = write!(out, "u{}", u.reason());
        }
    }
}

fn key_of(v: &Value) -> String {
    let mut out = String::new();
    canon_key(v, &mut out);
    out
}

/// Removes duplicates, keeping the first occurrence of each value.
fn dedupe(items: Vec<Value>) -> Vec<Value> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|v| seen.insert(key_of(v)))
        .collect()
}

/// Makes a set: unified, de-duplicated and in Terraform's set order for
/// primitive element types (strings lexical, numbers ascending, false before
/// true). Sets of other values keep first-occurrence order.
fn make_set(items: Vec<Value>) -> Vec<Value> {
    let mut items = dedupe(unify_primitives(items));
    if items.iter().all(|v| matches!(v, Value::String(_))) {
        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    } else if items.iter().all(|v| matches!(v, Value::Number(_))) {
        items.sort_by(|a, b| {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            x.total_cmp(&y)
        });
    } else if items.iter().all(|v| matches!(v, Value::Bool(_))) {
        items.sort_by_key(|v| v.as_bool());
    }
    items
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

// ---------------------------------------------------------------------------
// Strings

/// Largest width or precision a format verb may ask for.
const MAX_FORMAT_WIDTH: usize = 100_000;
/// Largest string `indent` may produce.
const MAX_OUTPUT_LEN: usize = 16 << 20;

fn go_lower(s: &str) -> String {
    // Go maps character by character (no context-dependent final sigma) and
    // uses the simple one-character mappings.
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

fn go_upper(s: &str) -> String {
    s.chars().map(simple_upper).collect()
}

fn simple_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `strings.Title`: upper-cases the first letter of every word, where
/// words are separated by anything but letters, digits and underscores.
fn go_title(s: &str) -> String {
    fn is_separator(c: char) -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if c.is_alphabetic() || c.is_numeric() {
            return false;
        }
        c.is_whitespace()
    }
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if is_separator(prev) {
                simple_upper(c)
            } else {
                c
            };
            prev = c;
            out
        })
        .collect()
}

fn fn_indent(a: &[Value], _: &FnContext<'_>) -> Res {
    let n = to_int(&a[0])?;
    let text = to_str(&a[1])?;
    let n =
        usize::try_from(n).map_err(|_| "the number of spaces must not be negative".to_owned())?;
    let lines = text.matches('\n').count();
    if n.saturating_mul(lines).saturating_add(text.len()) > MAX_OUTPUT_LEN {
        return Err("the indented string would be too large".to_owned());
    }
    // No newline: nothing to indent, and the size check above did not bound
    // `n` (testdata/fuzz/functions/indent_huge_width.tf).
    if lines == 0 {
        return Ok(Value::String(text));
    }
    Ok(Value::String(
        text.replace('\n', &format!("\n{}", " ".repeat(n))),
    ))
}

fn fn_join(a: &[Value], _: &FnContext<'_>) -> Res {
    let sep = to_str(&a[0])?;
    let mut parts = Vec::new();
    for list in &a[1..] {
        for (i, item) in to_list(list)?.iter().enumerate() {
            if item.is_null() {
                return Err(format!(
                    "element {i} is null; cannot concatenate null values"
                ));
            }
            parts.push(to_str(item)?);
        }
    }
    Ok(Value::String(parts.join(&sep)))
}

fn fn_split(a: &[Value], _: &FnContext<'_>) -> Res {
    let sep = to_str(&a[0])?;
    let text = to_str(&a[1])?;
    let parts: Vec<Value> = if sep.is_empty() {
        text.chars().map(|c| Value::String(c.to_string())).collect()
    } else {
        text.split(sep.as_str()).map(Value::from).collect()
    };
    Ok(Value::List(parts))
}

fn compile_regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(10 << 20)
        .dfa_size_limit(10 << 20)
        .build()
        .map_err(|e| format!("invalid regexp pattern: {e}"))
}

fn fn_replace(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let search = to_str(&a[1])?;
    let with = to_str(&a[2])?;
    if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
        let re = compile_regex(&search[1..search.len() - 1])?;
        return Ok(Value::String(
            re.replace_all(&text, with.as_str()).into_owned(),
        ));
    }
    Ok(Value::String(text.replace(&search, &with)))
}

/// How a pattern's matches are returned by `regex` and `regexall`.
enum Captures {
    Whole,
    Positional,
    Named(Vec<String>),
}

fn regex_shape(re: &regex::Regex) -> Result<Captures, String> {
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    Ok(match (named, names.len() - named) {
        (0, 0) => Captures::Whole,
        (0, _) => Captures::Positional,
        (_, 0) => Captures::Named(names.iter().flatten().map(|s| (*s).to_owned()).collect()),
        _ => {
            return Err(
                "invalid regexp pattern: cannot mix both named and unnamed capture groups"
                    .to_owned(),
            )
        }
    })
}

fn regex_result(shape: &Captures, caps: &regex::Captures<'_>) -> Value {
    let group = |m: Option<regex::Match<'_>>| m.map_or(Value::Null, |m| Value::from(m.as_str()));
    match shape {
        Captures::Whole => group(caps.get(0)),
        Captures::Positional => Value::List((1..caps.len()).map(|i| group(caps.get(i))).collect()),
        Captures::Named(names) => Value::Object(
            names
                .iter()
                .map(|n| (n.clone(), group(caps.name(n))))
                .collect(),
        ),
    }
}

fn fn_regex(a: &[Value], _: &FnContext<'_>) -> Res {
    let re = compile_regex(&to_str(&a[0])?)?;
    let shape = regex_shape(&re)?;
    let text = to_str(&a[1])?;
    let caps = re
        .captures(&text)
        .ok_or_else(|| "pattern did not match any part of the given string".to_owned())?;
    Ok(regex_result(&shape, &caps))
}

fn fn_regexall(a: &[Value], _: &FnContext<'_>) -> Res {
    let re = compile_regex(&to_str(&a[0])?)?;
    let shape = regex_shape(&re)?;
    let text = to_str(&a[1])?;
    Ok(Value::List(
        re.captures_iter(&text)
            .map(|caps| regex_result(&shape, &caps))
            .collect(),
    ))
}

fn fn_substr(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let mut offset = to_int(&a[1])?;
    let length = to_int(&a[2])?;
    let clusters: Vec<&str> = text.graphemes(true).collect();
    let total = i64::try_from(clusters.len()).unwrap_or(i64::MAX);
    if offset < 0 {
        offset = offset.saturating_add(total).max(0);
    }
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(clusters.len());
    let end = if length < 0 {
        clusters.len()
    } else {
        start
            .saturating_add(usize::try_from(length).unwrap_or(usize::MAX))
            .min(clusters.len())
    };
    Ok(Value::String(
        clusters.get(start..end).unwrap_or_default().concat(),
    ))
}

fn render(ctx: &FnContext<'_>, template: &str, vars: &Value) -> Res {
    let vars = match vars {
        Value::Object(map) => map,
        _ => return Err("invalid vars value: must be a map".to_owned()),
    };
    for name in vars.keys() {
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(char::is_alphabetic)
            && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !valid {
            return Err(format!(
                "invalid template variable name {name:?}: must start with a letter, followed by zero or more letters, digits, and underscores"
            ));
        }
    }
    (ctx.render_template)(template, vars)
}

fn fn_templatestring(a: &[Value], ctx: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    render(ctx, &to_str(&a[0])?, &a[1])
}

fn fn_templatefile(a: &[Value], ctx: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    let (bytes, shown) = read_file(ctx, &to_str(&a[0])?)?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("contents of {shown} are not valid UTF-8"))?;
    render(ctx, &text, &a[1])
}

// --- format

#[derive(Default)]
struct Verb {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
    mode: char,
    raw: String,
    offset: usize,
}

fn fn_format(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_null() {
        return Err("argument must not be null".to_owned());
    }
    let fmt = to_str(&a[0])?;
    format_with(&fmt, &a[1..]).map(Value::String)
}

fn fn_formatlist(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if a[0].is_null() {
        return Err("argument must not be null".to_owned());
    }
    let fmt = to_str(&a[0])?;
    let rest = &a[1..];
    let mut len: Option<(usize, usize)> = None;
    for (i, arg) in rest.iter().enumerate() {
        match arg {
            Value::Unknown(_) => return Ok(arg.clone()),
            Value::List(items) => match len {
                None => len = Some((items.len(), i)),
                Some((n, j)) if n != items.len() => {
                    return Err(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of length {n}",
                        i + 1,
                        items.len(),
                        j + 1
                    ))
                }
                Some(_) => {}
            },
            _ => {}
        }
    }
    let count = len.map_or(1, |(n, _)| n);
    let mut out = Vec::with_capacity(count);
    'results: for idx in 0..count {
        let mut call_args = Vec::with_capacity(rest.len());
        for arg in rest {
            let v = match arg {
                Value::List(items) => items.get(idx).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            };
            if let Some(u) = v.first_unknown() {
                out.push(Value::Unknown(u.clone()));
                continue 'results;
            }
            call_args.push(v);
        }
        let s = format_with(&fmt, &call_args)
            .map_err(|e| format!("error on format iteration {idx}: {e}"))?;
        out.push(Value::String(s));
    }
    Ok(Value::List(out))
}

/// Terraform's `format`: printf-like verbs over cty values.
fn format_with(fmt: &str, args: &[Value]) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = fmt.char_indices().peekable();
    let mut next_arg = 1usize;
    let mut highest = 0usize;
    while let Some((start, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek().map(|(_, c)| *c) == Some('%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut verb = Verb {
            offset: start,
            ..Verb::default()
        };
        let mut arg_num = next_arg;
        // flags
        while let Some(&(_, f)) = chars.peek() {
            match f {
                '0' => verb.zero = true,
                '#' => verb.sharp = true,
                '-' => verb.minus = true,
                '+' => verb.plus = true,
                ' ' => verb.space = true,
                _ => break,
            }
            chars.next();
        }
        // explicit argument index
        if chars.peek().map(|(_, c)| *c) == Some('[') {
            chars.next();
            let n = read_number(&mut chars)
                .ok_or_else(|| format!("invalid format string starting at offset {start}"))?;
            if n == 0 || chars.next().map(|(_, c)| c) != Some(']') {
                return Err(format!("invalid format string starting at offset {start}"));
            }
            arg_num = n;
        }
        // width
        if chars
            .peek()
            .is_some_and(|(_, c)| c.is_ascii_digit() && *c != '0')
        {
            verb.width = read_number(&mut chars);
        }
        // precision
        if chars.peek().map(|(_, c)| *c) == Some('.') {
            chars.next();
            verb.prec = Some(read_number(&mut chars).unwrap_or(0));
        }
        if verb.width.is_some_and(|w| w > MAX_FORMAT_WIDTH)
            || verb.prec.is_some_and(|p| p > MAX_FORMAT_WIDTH)
        {
            return Err(format!(
                "format width or precision too large at offset {start}"
            ));
        }
        let Some((end, mode)) = chars.next() else {
            return Err(format!("invalid format string starting at offset {start}"));
        };
        if !mode.is_ascii_alphabetic() {
            return Err(format!(
                "unrecognized format character {mode:?} at offset {end}"
            ));
        }
        verb.mode = mode;
        verb.raw = fmt
            .get(start..end + mode.len_utf8())
            .unwrap_or_default()
            .to_owned();
        let Some(arg) = args.get(arg_num - 1) else {
            return Err(format!(
                "not enough arguments for {:?} at {start}: need index {arg_num} but have {} total",
                verb.raw,
                args.len()
            ));
        };
        format_one(&verb, arg, &mut out)?;
        next_arg = arg_num + 1;
        highest = highest.max(arg_num);
    }
    if highest < args.len() {
        // Extraneous arguments are an error in cty, to catch mistakes.
        return Err(if highest == 0 {
            "too many arguments; no verbs in format string".to_owned()
        } else {
            format!("too many arguments; only {highest} used by format string")
        });
    }
    Ok(out)
}

fn read_number(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> Option<usize> {
    let mut n: Option<usize> = None;
    while let Some(&(_, c)) = chars.peek() {
        let Some(d) = c.to_digit(10) else { break };
        chars.next();
        n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d as usize));
    }
    n
}

fn format_one(verb: &Verb, arg: &Value, out: &mut String) -> Result<(), String> {
    let bad = |e: String| {
        format!(
            "unsupported value for {:?} at {}: {e}",
            verb.raw, verb.offset
        )
    };
    if verb.mode != 'v' && arg.is_null() {
        return Err(bad("null value cannot be formatted".to_owned()));
    }
    match verb.mode {
        'v' => {
            let text = match arg {
                Value::String(s) if !verb.sharp => s.clone(),
                Value::Number(n) if !verb.sharp => go_float(*n, 'g', None),
                other => {
                    let mut json = String::new();
                    json_encode(other, &mut json).map_err(bad)?;
                    json
                }
            };
            out.push_str(&pad_width(verb, text));
        }
        't' => out.push_str(if to_bool(arg).map_err(bad)? {
            "true"
        } else {
            "false"
        }),
        'b' | 'd' | 'o' | 'x' | 'X' => {
            let n = to_num(arg).map_err(bad)?;
            if n.fract() != 0.0 || !n.is_finite() || n.abs() >= 1.7e38 {
                return Err(bad("an integer is required".to_owned()));
            }
            out.push_str(&format_integer(verb, n as i128));
        }
        'e' | 'E' | 'f' | 'g' | 'G' => {
            let n = to_num(arg).map_err(bad)?;
            out.push_str(&format_float(verb, n));
        }
        's' | 'q' => {
            let mut text = to_str(arg).map_err(bad)?;
            if let Some(p) = verb.prec.filter(|p| *p > 0) {
                text = text.graphemes(true).take(p).collect();
            }
            if verb.mode == 'q' {
                let mut quoted = String::new();
                json_string(&text, &mut quoted);
                text = quoted;
            }
            out.push_str(&pad_width(verb, text));
        }
        other => {
            return Err(format!(
                "unsupported format verb {other:?} in {:?} at offset {}",
                verb.raw, verb.offset
            ))
        }
    }
    Ok(())
}

/// cty's padding for strings and `%v`: measured in grapheme clusters.
fn pad_width(verb: &Verb, text: String) -> String {
    let Some(width) = verb.width else { return text };
    let len = text.graphemes(true).count();
    if len >= width {
        return text;
    }
    let pad = (if verb.zero { "0" } else { " " }).repeat(width - len);
    if verb.minus {
        text + &pad
    } else {
        pad + &text
    }
}

/// Go's formatting of a `*big.Int` with flags, width and precision.
fn format_integer(verb: &Verb, n: i128) -> String {
    let mag = n.unsigned_abs();
    let mut digits = match verb.mode {
        'b' => format!("{mag:b}"),
        'o' => format!("{mag:o}"),
        'x' => format!("{mag:x}"),
        'X' => format!("{mag:X}"),
        _ => format!("{mag}"),
    };
    let sign = if n < 0 {
        "-"
    } else if verb.plus {
        "+"
    } else if verb.space {
        " "
    } else {
        ""
    };
    let prefix = match (verb.sharp, verb.mode) {
        (true, 'b') => "0b",
        (true, 'o') => "0",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let mut zeros = 0;
    if let Some(p) = verb.prec {
        if digits.len() < p {
            zeros = p - digits.len();
        } else if digits == "0" && p == 0 {
            digits.clear();
        }
    }
    let (mut left, mut right) = (0, 0);
    let length = sign.len() + prefix.len() + zeros + digits.len();
    if let Some(width) = verb.width.filter(|w| *w > length) {
        let d = width - length;
        if verb.minus {
            right = d;
        } else if verb.zero && verb.prec.is_none() {
            zeros = d;
        } else {
            left = d;
        }
    }
    format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    )
}

/// Go's formatting of a `*big.Float` for %e, %f and %g with flags.
fn format_float(verb: &Verb, n: f64) -> String {
    let prec = match verb.mode {
        'g' | 'G' => verb.prec,
        _ => Some(verb.prec.unwrap_or(6)),
    };
    let text = go_float(n, verb.mode, prec);
    let (sign, body) = if let Some(rest) = text.strip_prefix('-') {
        ("-", rest.to_owned())
    } else if let Some(rest) = text.strip_prefix('+') {
        (if verb.space { " " } else { "+" }, rest.to_owned())
    } else if verb.plus {
        ("+", text)
    } else if verb.space {
        (" ", text)
    } else {
        ("", text)
    };
    let len = sign.len() + body.len();
    let padding = verb.width.map_or(0, |w| w.saturating_sub(len));
    if verb.zero && !verb.minus && n.is_finite() {
        format!("{sign}{}{body}", "0".repeat(padding))
    } else if verb.minus {
        format!("{sign}{body}{}", " ".repeat(padding))
    } else {
        format!("{}{sign}{body}", " ".repeat(padding))
    }
}

/// Decimal digits and exponent of `n` (value = 0.DIGITS × 10^exp), either
/// shortest round-trip or rounded to `sig` significant digits.
fn decimal_digits(n: f64, sig: Option<usize>) -> (String, i32) {
    let text = match sig {
        None => format!("{:e}", n.abs()),
        Some(p) => format!("{:.*e}", p.saturating_sub(1), n.abs()),
    };
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        return (String::new(), 0);
    }
    (trimmed.to_owned(), exp + 1)
}

/// Go's `big.Float.Text(verb, prec)` for 'e', 'E', 'f', 'g' and 'G'.
fn go_float(n: f64, verb: char, prec: Option<usize>) -> String {
    if n.is_infinite() {
        return if n > 0.0 {
            "+Inf".to_owned()
        } else {
            "-Inf".to_owned()
        };
    }
    let neg = if n.is_sign_negative() && n != 0.0 {
        "-"
    } else {
        ""
    };
    let fmt_e = |digits: &str, exp: i32, prec: usize, upper: bool| {
        let mut body = String::new();
        let mut chars = digits.chars();
        body.push(chars.next().unwrap_or('0'));
        if prec > 0 {
            body.push('.');
            let rest: String = chars.collect();
            body.push_str(&rest);
            for _ in rest.len()..prec {
                body.push('0');
            }
        }
        let e = if digits.is_empty() { 0 } else { exp - 1 };
        let (es, ea) = if e < 0 { ('-', -e) } else { ('+', e) };
        format!("{neg}{body}{}{es}{ea:02}", if upper { 'E' } else { 'e' })
    };
    match verb {
        'e' | 'E' => {
            let p = prec.unwrap_or(6);
            let (digits, exp) = decimal_digits(n, Some(p + 1));
            fmt_e(&digits, exp, p, verb == 'E')
        }
        'f' => format!("{neg}{:.*}", prec.unwrap_or(6), n.abs()),
        _ => {
            let upper = verb == 'G';
            let shortest = prec.is_none();
            let mut p = prec.unwrap_or(0).max(1);
            let (digits, exp) = decimal_digits(n, prec.map(|p| p.max(1)));
            let mut eprec = p as i32;
            if shortest {
                p = digits.len().max(1);
                eprec = 6;
            } else if eprec > digits.len() as i32 && digits.len() as i32 >= exp {
                eprec = digits.len() as i32;
            }
            let x = if digits.is_empty() { 0 } else { exp - 1 };
            if x < -4 || x >= eprec {
                let p = p.min(digits.len().max(1));
                return fmt_e(&digits, exp, p - 1, upper);
            }
            let p = if p as i32 > exp {
                digits.len() as i32
            } else {
                p as i32
            };
            let decimals = (p - exp).max(0) as usize;
            format!("{neg}{:.*}", decimals, n.abs())
        }
    }
}

// ---------------------------------------------------------------------------
// Collections

/// Largest list `range` and `setproduct` may build (Terraform's own limit
/// for `range` is 1024).
const MAX_RANGE: usize = 1024;
const MAX_PRODUCT: usize = 1_000_000;

fn fn_alltrue(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    for item in to_list(&a[0])? {
        match item {
            Value::Unknown(_) => return Ok(item.clone()),
            Value::Null => return Ok(Value::Bool(false)),
            other => {
                if !to_bool(other)? {
                    return Ok(Value::Bool(false));
                }
            }
        }
    }
    Ok(Value::Bool(true))
}

fn fn_anytrue(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut unknown = None;
    for item in to_list(&a[0])? {
        match item {
            Value::Unknown(_) => unknown = unknown.or_else(|| Some(item.clone())),
            Value::Null => {}
            other => {
                if to_bool(other)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(unknown.unwrap_or(Value::Bool(false)))
}

fn fn_chunklist(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    let size = to_int(&a[1])?;
    if size < 0 {
        return Err("the size argument must be positive".to_owned());
    }
    if list.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    if size == 0 {
        return Ok(Value::List(vec![Value::List(list.to_vec())]));
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Ok(Value::List(
        list.chunks(size).map(|c| Value::List(c.to_vec())).collect(),
    ))
}

fn fn_coalesce(a: &[Value], _: &FnContext<'_>) -> Res {
    let string_result = a.iter().any(|v| matches!(v, Value::String(_)));
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::Number(_) | Value::Bool(_) if string_result => {
                return Ok(Value::String(to_str(v)?))
            }
            other => return Ok(other.clone()),
        }
    }
    Err("no non-null, non-empty-string arguments".to_owned())
}

fn fn_coalescelist(a: &[Value], _: &FnContext<'_>) -> Res {
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => {}
            Value::List(items) if items.is_empty() => {}
            Value::List(_) => return Ok(v.clone()),
            other => {
                return Err(format!(
                    "all arguments must be lists or tuples; got {}",
                    other.type_name()
                ))
            }
        }
    }
    Err("no non-null arguments".to_owned())
}

fn fn_compact(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut out = Vec::new();
    for item in to_list(&a[0])? {
        match item {
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::Unknown(_) => out.push(item.clone()),
            other => out.push(Value::String(to_str(other)?)),
        }
    }
    Ok(Value::List(out))
}

fn fn_concat(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out = Vec::new();
    for v in a {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::List(items) => out.extend(items.iter().cloned()),
            other => {
                return Err(format!(
                    "all arguments must be lists or tuples; got {}",
                    other.type_name()
                ))
            }
        }
    }
    Ok(Value::List(out))
}

/// Whether two wholly known values are equal (numbers by value).
fn values_equal(a: &Value, b: &Value) -> bool {
    a == b
}

fn fn_contains(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if let Some(u) = a[1].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    let list = match &a[0] {
        Value::List(items) => items,
        _ => return Err("argument must be list, tuple, or set".to_owned()),
    };
    if list.iter().any(|item| values_equal(item, &a[1])) {
        return Ok(Value::Bool(true));
    }
    if let Some(u) = list.iter().find_map(Value::first_unknown) {
        return Ok(Value::Unknown(u.clone()));
    }
    Ok(Value::Bool(false))
}

fn fn_element(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    let list = to_list(&a[0])?;
    let index = to_int(&a[1])?;
    if list.is_empty() {
        return Err("cannot use element function with an empty list".to_owned());
    }
    let len = i64::try_from(list.len()).unwrap_or(i64::MAX);
    let i = usize::try_from(index.rem_euclid(len)).unwrap_or(0);
    Ok(list.get(i).cloned().unwrap_or(Value::Null))
}

fn flatten_into(items: &[Value], out: &mut Vec<Value>, depth: usize) -> Result<(), String> {
    if depth > 256 {
        return Err("lists are nested too deeply to flatten".to_owned());
    }
    for item in items {
        match item {
            Value::List(inner) => flatten_into(inner, out, depth + 1)?,
            other => out.push(other.clone()),
        }
    }
    Ok(())
}

fn fn_flatten(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    let mut out = Vec::new();
    flatten_into(to_list(&a[0])?, &mut out, 0)?;
    Ok(Value::List(out))
}

fn fn_index(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    if let Some(u) = a[1].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    for (i, item) in to_list(&a[0])?.iter().enumerate() {
        if let Some(u) = item.first_unknown() {
            return Ok(Value::Unknown(u.clone()));
        }
        if values_equal(item, &a[1]) {
            return Ok(Value::Number(i as f64));
        }
    }
    Err("item not found".to_owned())
}

fn fn_keys(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    Ok(Value::List(
        to_obj(&a[0])?
            .keys()
            .map(|k| Value::from(k.as_str()))
            .collect(),
    ))
}

fn fn_values(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::List(to_obj(&a[0])?.values().cloned().collect()))
}

fn fn_length(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::Number(match &a[0] {
        Value::Unknown(_) => return Ok(a[0].clone()),
        Value::String(s) => s.graphemes(true).count() as f64,
        Value::List(items) => items.len() as f64,
        Value::Object(map) => map.len() as f64,
        Value::Null => return Err("argument must not be null".to_owned()),
        other => {
            return Err(format!(
                "argument must be a string, a collection type, or a structural type, not {}",
                other.type_name()
            ))
        }
    }))
}

fn fn_lookup(a: &[Value], _: &FnContext<'_>) -> Res {
    for v in &a[..2] {
        match v {
            Value::Unknown(_) => return Ok(v.clone()),
            Value::Null => return Err("argument must not be null".to_owned()),
            _ => {}
        }
    }
    let map = to_obj(&a[0])?;
    let key = to_str(&a[1])?;
    if let Some(v) = map.get(&key) {
        return Ok(v.clone());
    }
    match a.get(2) {
        Some(default) => Ok(default.clone()),
        None => Err(format!("the given key {key:?} does not exist in the map")),
    }
}

fn fn_matchkeys(a: &[Value], _: &FnContext<'_>) -> Res {
    let values = to_list(&a[0])?;
    let keys = to_list(&a[1])?;
    let search = to_list(&a[2])?;
    if values.len() != keys.len() {
        return Err("length of keys and values should be equal".to_owned());
    }
    let wanted: HashSet<String> = unify_primitives(search.to_vec())
        .iter()
        .map(key_of)
        .collect();
    let keys = unify_primitives(keys.to_vec());
    Ok(Value::List(
        values
            .iter()
            .zip(keys.iter())
            .filter(|(_, k)| wanted.contains(&key_of(k)))
            .map(|(v, _)| v.clone())
            .collect(),
    ))
}

fn fn_merge(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out = BTreeMap::new();
    for v in a {
        match v {
            Value::Null => {}
            Value::Object(map) => out.extend(map.iter().map(|(k, v)| (k.clone(), v.clone()))),
            other => {
                return Err(format!(
                    "arguments must be maps or objects, got {:?}",
                    other.type_name()
                ))
            }
        }
    }
    Ok(Value::Object(out))
}

fn fn_one(a: &[Value], _: &FnContext<'_>) -> Res {
    if a[0].is_unknown() {
        return Ok(a[0].clone());
    }
    match to_list(&a[0])? {
        [] => Ok(Value::Null),
        [only] => Ok(only.clone()),
        _ => Err("must be a list, set, or tuple value with either zero or one elements".to_owned()),
    }
}

fn fn_range(a: &[Value], _: &FnContext<'_>) -> Res {
    let nums = a.iter().map(to_num).collect::<Result<Vec<_>, _>>()?;
    let (start, end, step) = match nums.as_slice() {
        [end] => (0.0, *end, if *end < 0.0 { -1.0 } else { 1.0 }),
        [start, end] => (*start, *end, if end < start { -1.0 } else { 1.0 }),
        [start, end, step] => (*start, *end, *step),
        _ => return Err("must have one, two, or three arguments".to_owned()),
    };
    if step == 0.0 {
        return Err("step must not be zero".to_owned());
    }
    let down = step < 0.0;
    if down && end > start {
        return Err("end must be less than start when step is negative".to_owned());
    }
    if !down && end < start {
        return Err("end must be greater than start when step is positive".to_owned());
    }
    let mut out = Vec::new();
    let mut n = start;
    while (down && n > end) || (!down && n < end) {
        if out.len() >= MAX_RANGE {
            return Err("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step".to_owned());
        }
        out.push(Value::Number(n));
        n += step;
    }
    Ok(Value::List(out))
}

fn fn_setintersection(a: &[Value], _: &FnContext<'_>) -> Res {
    let first = make_set(to_list(&a[0])?.to_vec());
    let mut others = Vec::new();
    for v in &a[1..] {
        others.push(
            make_set(to_list(v)?.to_vec())
                .iter()
                .map(key_of)
                .collect::<HashSet<_>>(),
        );
    }
    Ok(Value::List(
        first
            .into_iter()
            .filter(|v| {
                let k = key_of(v);
                others.iter().all(|o| o.contains(&k))
            })
            .collect(),
    ))
}

fn fn_setsubtract(a: &[Value], _: &FnContext<'_>) -> Res {
    let first = make_set(to_list(&a[0])?.to_vec());
    let remove: HashSet<String> = make_set(to_list(&a[1])?.to_vec())
        .iter()
        .map(key_of)
        .collect();
    Ok(Value::List(
        first
            .into_iter()
            .filter(|v| !remove.contains(&key_of(v)))
            .collect(),
    ))
}

fn fn_setunion(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut all = Vec::new();
    for v in a {
        all.extend(to_list(v)?.iter().cloned());
    }
    Ok(Value::List(make_set(all)))
}

fn fn_setproduct(a: &[Value], _: &FnContext<'_>) -> Res {
    let lists = a.iter().map(to_list).collect::<Result<Vec<_>, _>>()?;
    let mut total: usize = 1;
    for l in &lists {
        total = total.saturating_mul(l.len());
    }
    if total.saturating_mul(lists.len()) > MAX_PRODUCT {
        return Err("the product of the given sets is too large".to_owned());
    }
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for l in &lists {
        let mut next = Vec::with_capacity(out.len() * l.len());
        for prefix in &out {
            for item in l.iter() {
                let mut row = prefix.clone();
                row.push(item.clone());
                next.push(row);
            }
        }
        out = next;
    }
    Ok(Value::List(out.into_iter().map(Value::List).collect()))
}

fn fn_slice(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    let start = to_int(&a[1])?;
    let end = to_int(&a[2])?;
    if start < 0 {
        return Err("the start argument must be greater than or equal to 0".to_owned());
    }
    if end > list.len() as i64 {
        return Err("the end index must not be greater than the length of the list".to_owned());
    }
    if start > end {
        return Err("the start index must not be greater than the end index".to_owned());
    }
    let (start, end) = (start as usize, end as usize);
    Ok(Value::List(
        list.get(start..end).unwrap_or_default().to_vec(),
    ))
}

fn fn_sort(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut items = Vec::new();
    for (i, v) in to_list(&a[0])?.iter().enumerate() {
        if v.is_null() {
            return Err(format!(
                "given list element {i} is null; a null string cannot be sorted"
            ));
        }
        items.push(to_str(v)?);
    }
    items.sort();
    Ok(Value::List(items.into_iter().map(Value::String).collect()))
}

fn fn_sum(a: &[Value], _: &FnContext<'_>) -> Res {
    let list = to_list(&a[0])?;
    if list.is_empty() {
        return Err("cannot sum an empty list".to_owned());
    }
    let mut total = 0.0;
    for v in list {
        if v.is_null() {
            return Err("argument must be list, set, or tuple of number values".to_owned());
        }
        total += to_num(v)?;
    }
    num_result(total)
}

fn fn_transpose(a: &[Value], _: &FnContext<'_>) -> Res {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (k, v) in to_obj(&a[0])? {
        for item in to_list(v)? {
            if item.is_null() {
                return Err("input must not contain null list elements".to_owned());
            }
            out.entry(to_str(item)?)
                .or_default()
                .push(Value::from(k.as_str()));
        }
    }
    Ok(Value::Object(
        out.into_iter().map(|(k, v)| (k, Value::List(v))).collect(),
    ))
}

fn fn_zipmap(a: &[Value], _: &FnContext<'_>) -> Res {
    if let Some(u) = a[0].first_unknown() {
        return Ok(Value::Unknown(u.clone()));
    }
    if a[1].is_unknown() {
        return Ok(a[1].clone());
    }
    let keys = to_list(&a[0])?;
    let values = to_list(&a[1])?;
    if keys.len() != values.len() {
        return Err(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            values.len()
        ));
    }
    let mut out = BTreeMap::new();
    for (k, v) in keys.iter().zip(values) {
        out.insert(to_str(k)?, v.clone());
    }
    Ok(Value::Object(out))
}

// ---------------------------------------------------------------------------
// Type conversion

fn fn_tobool(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Number(_) => Err("cannot convert number to bool".to_owned()),
        v => to_bool(v).map(Value::Bool),
    }
}

fn fn_tonumber(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Bool(_) => Err("cannot convert bool to number".to_owned()),
        v => to_num(v).map(Value::Number),
    }
}

fn fn_tostring(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::String(_) | Value::Number(_) | Value::Bool(_) => to_str(&a[0]).map(Value::String),
        other => Err(format!("cannot convert {} to string", other.type_name())),
    }
}

fn fn_tolist(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::List(items) => Ok(Value::List(unify_primitives(items.clone()))),
        other => Err(format!(
            "cannot convert {} to list of any single type",
            other.type_name()
        )),
    }
}

fn fn_toset(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::List(items) => Ok(Value::List(make_set(items.clone()))),
        other => Err(format!(
            "cannot convert {} to set of any single type",
            other.type_name()
        )),
    }
}

fn fn_tomap(a: &[Value], _: &FnContext<'_>) -> Res {
    match &a[0] {
        Value::Null => Ok(Value::Null),
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let values = unify_primitives(map.values().cloned().collect());
            Ok(Value::Object(keys.into_iter().zip(values).collect()))
        }
        other => Err(format!(
            "cannot convert {} to map of any single type",
            other.type_name()
        )),
    }
}

// ---------------------------------------------------------------------------
// Encoding

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString`: padding required, `\r` and `\n`
/// ignored. Returns the offset of the first bad byte on error.
fn base64_decode(text: &str) -> Result<Vec<u8>, usize> {
    let mut vals = Vec::with_capacity(text.len());
    let mut pad = 0usize;
    let mut last = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'\r' | b'\n' => continue,
            b'=' => pad += 1,
            _ if pad > 0 => return Err(i),
            _ => match B64.iter().position(|c| *c == b) {
                Some(v) => vals.push(v as u8),
                None => return Err(i),
            },
        }
        last = i;
    }
    if !(vals.len() + pad).is_multiple_of(4) || pad > 2 || (pad > 0 && (vals.len() % 4) + pad != 4)
    {
        return Err(last);
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, v)| acc | (u32::from(*v) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = match chunk.len() {
            4 => 3,
            3 => 2,
            2 => 1,
            _ => return Err(last),
        };
        out.extend_from_slice(bytes.get(..keep).unwrap_or_default());
    }
    Ok(out)
}

fn fn_base64decode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let bytes =
        base64_decode(&text).map_err(|_| format!("failed to decode base64 data {text:?}"))?;
    String::from_utf8(bytes)
        .map(Value::String)
        .map_err(|_| "the result of decoding the provided string is not valid UTF-8".to_owned())
}

/// The text encodings `textencodebase64` and `textdecodebase64` support here.
#[derive(Clone, Copy)]
enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// UTF-16 with a byte order mark (big endian when absent).
    Utf16Bom,
    Latin1,
    Ascii,
}

fn text_encoding(name: &str) -> Option<TextEncoding> {
    let n = name.to_ascii_lowercase();
    Some(match n.as_str() {
        "utf-8" | "utf8" | "csutf8" => TextEncoding::Utf8,
        "utf-16le" | "csutf16le" => TextEncoding::Utf16Le,
        "utf-16be" | "csutf16be" => TextEncoding::Utf16Be,
        "utf-16" | "csutf16" => TextEncoding::Utf16Bom,
        "iso-8859-1" | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1" | "ibm819" | "cp819"
        | "csisolatin1" | "iso-ir-100" => TextEncoding::Latin1,
        "us-ascii" | "ascii" | "csascii" | "us" | "iso646-us" | "ansi_x3.4-1968" | "iso-ir-6"
        | "cp367" => TextEncoding::Ascii,
        _ => return None,
    })
}

fn fn_textencodebase64(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let Some(enc) = text_encoding(&name) else {
        return Ok(Value::unknown(format!(
            "text encoding {name:?} is not supported statically"
        )));
    };
    let unrepresentable =
        || format!("the given string contains characters that cannot be represented in {name}");
    let bytes: Vec<u8> = match enc {
        TextEncoding::Utf8 => text.into_bytes(),
        TextEncoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        TextEncoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        TextEncoding::Utf16Bom => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        TextEncoding::Latin1 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| unrepresentable()))
            .collect::<Result<_, _>>()?,
        TextEncoding::Ascii => text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    Ok(c as u8)
                } else {
                    Err(unrepresentable())
                }
            })
            .collect::<Result<_, _>>()?,
    };
    Ok(Value::String(base64_encode(&bytes)))
}

fn fn_textdecodebase64(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let Some(enc) = text_encoding(&name) else {
        return Ok(Value::unknown(format!(
            "text encoding {name:?} is not supported statically"
        )));
    };
    let bytes = base64_decode(&text)
        .map_err(|i| format!("the given value is has an invalid base64 symbol at offset {i}"))?;
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| {
                let pair = [
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let out = match enc {
        TextEncoding::Utf8 => String::from_utf8_lossy(&bytes).into_owned(),
        TextEncoding::Utf16Le => utf16(&bytes, true),
        TextEncoding::Utf16Be => utf16(&bytes, false),
        TextEncoding::Utf16Bom => match bytes.as_slice() {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
            [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
            other => utf16(other, false),
        },
        TextEncoding::Latin1 => bytes.iter().map(|b| char::from(*b)).collect(),
        TextEncoding::Ascii => bytes
            .iter()
            .map(|b| {
                if b.is_ascii() {
                    char::from(*b)
                } else {
                    '\u{FFFD}'
                }
            })
            .collect(),
    };
    Ok(Value::String(out))
}

/// Go's `url.QueryEscape`.
fn url_query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Go's `url.QueryUnescape` (OpenTofu's `urldecode`).
fn fn_urldecode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'+' => out.push(b' '),
            b'%' => {
                let byte = text
                    .get(i + 1..i + 3)
                    .filter(|h| h.bytes().all(|d| d.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| {
                        let bad = text.get(i..(i + 3).min(text.len())).unwrap_or("%");
                        format!("invalid URL escape {bad:?}")
                    })?;
                out.push(byte);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map(Value::String)
        .map_err(|_| "the result of decoding is not valid UTF-8".to_owned())
}

/// Go's JSON string encoding, including its HTML-safe escapes.
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Terraform's `jsonencode`: compact, object keys sorted.
fn json_encode(v: &Value, out: &mut String) -> Result<(), String> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if !n.is_finite() {
                return Err("cannot serialize infinity as JSON".to_owned());
            }
            let _ = write!(out, "{}", if *n == 0.0 { 0.0 } else { *n });
        }
        Value::String(s) => json_string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_encode(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                json_encode(item, out)?;
            }
            out.push('}');
        }
        Value::Unknown(u) => return Err(format!("cannot serialize unknown value: {u}")),
    }
    Ok(())
}

fn fn_jsondecode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(Value::from_json(&json))
}

/// Go's `encoding/csv` reading with cty's `csvdecode` on top: a header line,
/// then rows of the same width, as a list of objects of strings.
fn fn_csvdecode(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let rows = parse_csv(&text)?;
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err("missing header line".to_owned());
    };
    let mut seen = HashSet::new();
    for name in &header {
        if !seen.insert(name.as_str()) {
            return Err(format!("duplicate column name {name:?}"));
        }
    }
    let mut out = Vec::new();
    for (line, row) in rows {
        if row.len() != header.len() {
            return Err(format!(
                "CSV parse error on line {line}: wrong number of fields"
            ));
        }
        out.push(Value::Object(
            header
                .iter()
                .cloned()
                .zip(row.into_iter().map(Value::String))
                .collect(),
        ));
    }
    Ok(Value::List(out))
}

/// Parses CSV records, returning each with the line it started on.
fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.replace("\r\n", "\n");
    let mut rows = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        if chars.peek() == Some(&'\n') {
            // Empty lines are skipped.
            chars.next();
            line += 1;
            continue;
        }
        let start_line = line;
        let mut row = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => {
                            return Err(format!(
                                "CSV parse error on line {start_line}: extraneous or missing \" in quoted-field"
                            ))
                        }
                        Some('"') => match chars.peek() {
                            Some('"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some(',') | Some('\n') | None => break,
                            Some(_) => {
                                return Err(format!(
                                    "CSV parse error on line {line}: extraneous or missing \" in quoted-field"
                                ))
                            }
                        },
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return Err(format!(
                            "CSV parse error on line {line}: bare \" in non-quoted-field"
                        ));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            row.push(field);
            match chars.next() {
                Some(',') => continue,
                Some('\n') => {
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        rows.push((start_line, row));
    }
    Ok(rows)
}

// --- YAML

/// Most nodes a YAML document may expand to (aliases copy nodes).
const MAX_YAML_NODES: usize = 1_000_000;

enum YamlFrame {
    Seq(Vec<Value>, usize),
    Map(BTreeMap<String, Value>, Option<(String, bool)>, usize),
}

fn fn_yamldecode(a: &[Value], _: &FnContext<'_>) -> Res {
    yaml_decode(&to_str(&a[0])?)
}

fn yaml_decode(text: &str) -> Res {
    use yaml_rust2::parser::{Event, Parser};
    use yaml_rust2::scanner::TScalarStyle;

    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<YamlFrame> = Vec::new();
    let mut anchors: std::collections::HashMap<usize, Value> = std::collections::HashMap::new();
    let mut result: Option<Value> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    loop {
        let (event, _) = parser.next_token().map_err(|e| {
            format!(
                "on line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            )
        })?;
        let (value, anchor, is_merge_key) = match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err("unexpected extra content after value".to_owned());
                }
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() > 256 {
                    return Err("YAML document is nested too deeply".to_owned());
                }
                stack.push(YamlFrame::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() > 256 {
                    return Err("YAML document is nested too deeply".to_owned());
                }
                stack.push(YamlFrame::Map(BTreeMap::new(), None, anchor));
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(YamlFrame::Seq(items, anchor)) => (Value::List(items), anchor, false),
                _ => return Err("malformed YAML sequence".to_owned()),
            },
            Event::MappingEnd => match stack.pop() {
                Some(YamlFrame::Map(map, None, anchor)) => (Value::Object(map), anchor, false),
                _ => return Err("malformed YAML mapping".to_owned()),
            },
            Event::Alias(id) => {
                let v = anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| "unknown anchor referenced".to_owned())?;
                nodes = nodes.saturating_add(count_nodes(&v));
                if nodes > MAX_YAML_NODES {
                    return Err("YAML document contains excessive aliasing".to_owned());
                }
                (v, 0, false)
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| {
                    if t.handle == "tag:yaml.org,2002:" || t.handle == "!!" {
                        format!("!!{}", t.suffix)
                    } else {
                        format!("{}{}", t.handle, t.suffix)
                    }
                });
                let plain = style == TScalarStyle::Plain;
                let merge = plain && tag.is_none() && text == "<<";
                (yaml_scalar(&text, plain, tag.as_deref())?, anchor, merge)
            }
        };
        nodes += 1;
        if nodes > MAX_YAML_NODES {
            return Err("YAML document is too large".to_owned());
        }
        if anchor > 0 {
            anchors.insert(anchor, value.clone());
        }
        match stack.last_mut() {
            None => result = Some(value),
            Some(YamlFrame::Seq(items, _)) => items.push(value),
            Some(YamlFrame::Map(map, pending, _)) => match pending.take() {
                None => {
                    let key = match &value {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => format_number(*n),
                        Value::Bool(b) => b.to_string(),
                        _ => return Err("only strings are allowed as mapping keys".to_owned()),
                    };
                    *pending = Some((key, is_merge_key));
                }
                Some((_, true)) => match value {
                    // go-cty-yaml: merged entries overwrite earlier ones.
                    Value::Object(src) => map.extend(src),
                    other => {
                        return Err(format!("cannot merge {} into mapping", other.type_name()))
                    }
                },
                Some((key, false)) => {
                    map.insert(key, value);
                }
            },
        }
    }
    Ok(result.unwrap_or(Value::Null))
}

fn count_nodes(v: &Value) -> usize {
    match v {
        Value::List(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

/// go-cty-yaml's resolution of a scalar to a value.
fn yaml_scalar(src: &str, plain: bool, tag: Option<&str>) -> Res {
    let tag = tag.unwrap_or(if plain { "" } else { "!!str" });
    match tag {
        "" | "!!str" | "!!bool" | "!!int" | "!!float" | "!!null" | "!!timestamp" | "!!binary" => {}
        "!" => return Ok(Value::from(src)),
        other => return Err(format!("unsupported tag {other:?}")),
    }
    if tag != "!!str" && tag != "!!binary" {
        let first = src.bytes().next();
        let hinted = match first {
            None => true,
            Some(c) => c.is_ascii_digit() || b"+-.yYnNtTfFoO~".contains(&c),
        };
        if hinted {
            match src {
                "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On"
                | "ON" => return Ok(Value::Bool(true)),
                "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off"
                | "OFF" => return Ok(Value::Bool(false)),
                "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
                ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
                    return Ok(Value::Number(f64::INFINITY))
                }
                "-.inf" | "-.Inf" | "-.INF" => return Ok(Value::Number(f64::NEG_INFINITY)),
                ".nan" | ".NaN" | ".NAN" => {
                    return Err("floating point NaN is not supported".to_owned())
                }
                _ => {}
            }
            match first {
                Some(b'.') => {
                    if let Some(n) = parse_decimal(src) {
                        return Ok(Value::Number(n));
                    }
                }
                Some(c) if c.is_ascii_digit() || c == b'+' || c == b'-' => {
                    if tag.is_empty() || tag == "!!timestamp" {
                        if let Some(ts) = parse_yaml_timestamp(src) {
                            return Ok(Value::String(ts.to_rfc3339()));
                        }
                    }
                    let plain_num = src.replace('_', "");
                    if let Some(n) = parse_decimal(&plain_num) {
                        return Ok(Value::Number(n));
                    }
                    if let Some(n) = parse_go_int(&plain_num) {
                        return Ok(Value::Number(n));
                    }
                }
                _ => {}
            }
        }
    }
    match tag {
        "" | "!!str" => Ok(Value::from(src)),
        "!!binary" => match base64_decode(src) {
            Ok(_) => Ok(Value::from(src)),
            Err(_) => Err(format!(
                "cannot parse {src:?} as !!binary: not valid base64"
            )),
        },
        "!!null" => Ok(Value::Null),
        "!!int" | "!!float" => parse_decimal(&src.replace('_', ""))
            .or_else(|| parse_go_int(&src.replace('_', "")))
            .map(Value::Number)
            .ok_or_else(|| format!("cannot parse {src:?} as {tag}")),
        _ => Err(format!("cannot parse {src:?} as {tag}")),
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` prefixes (0x, 0o, 0b, leading 0).
fn parse_go_int(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        return None;
    };
    let n = u64::from_str_radix(digits, radix).ok()? as f64;
    Some(if neg { -n } else { n })
}

/// The timestamp forms go-cty-yaml recognises in unquoted scalars.
fn parse_yaml_timestamp(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 8 || !b.iter().take(4).all(u8::is_ascii_digit) || b.get(4) != Some(&b'-') {
        return None;
    }
    let year: i64 = s.get(..4)?.parse().ok()?;
    let rest = s.get(5..)?;
    let (month, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = take_num(rest, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if rest.is_empty() {
        return Some(Timestamp::from_civil(year, month, day, 0, 0, 0, 0, 0));
    }
    let mut rest_chars = rest.chars();
    let sep = rest_chars.next()?;
    let rest = rest_chars.as_str();
    let spaced = sep == ' ';
    if !(sep == 'T' || sep == 't' || spaced) {
        return None;
    }
    let (hour, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (min, rest) = take_num(rest, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (sec, mut rest) = take_num(rest, 2)?;
    let mut nanos = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let (d, r) = frac.split_at(digits);
        nanos = d.parse::<i64>().ok()? * 10i64.pow(9 - digits as u32);
        rest = r;
    }
    if hour > 23 || min > 59 || sec > 59 {
        return None;
    }
    let offset = if spaced {
        if !rest.is_empty() {
            return None;
        }
        0
    } else {
        parse_offset(rest)?
    };
    Some(Timestamp::from_civil(
        year, month, day, hour, min, sec, nanos, offset,
    ))
}

fn take_num(s: &str, max_len: usize) -> Option<(i64, &str)> {
    let len = s
        .bytes()
        .take(max_len)
        .take_while(u8::is_ascii_digit)
        .count();
    if len == 0 {
        return None;
    }
    let (d, rest) = s.split_at(len);
    Some((d.parse().ok()?, rest))
}

fn parse_offset(s: &str) -> Option<i64> {
    if s == "Z" {
        return Some(0);
    }
    let b = s.as_bytes();
    if b.len() != 6 || b.get(3) != Some(&b':') {
        return None;
    }
    let sign = match b.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let h: i64 = two_digits(s.get(1..3)?)?;
    let m: i64 = two_digits(s.get(4..6)?)?;
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

fn two_digits(s: &str) -> Option<i64> {
    if s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// go-cty-yaml's `yamlencode`: block style, double-quoted strings, literal
/// blocks for multi-line strings, as libyaml's emitter lays them out.
fn yaml_encode(v: &Value) -> Result<String, String> {
    let mut e = YamlEmitter::default();
    match v {
        Value::Object(map) if !map.is_empty() => e.mapping(map, 0, 0)?,
        Value::List(items) if !items.is_empty() => e.sequence(items, 0, 0)?,
        other => {
            e.root = true;
            e.scalar_value(other, 2, 0)?;
        }
    }
    if e.column > 0 {
        e.newline();
    }
    if e.open_ended {
        e.out.push_str("...\n");
    }
    Ok(e.out)
}

#[derive(Default)]
struct YamlEmitter {
    out: String,
    column: usize,
    open_ended: bool,
    root: bool,
}

/// libyaml's emitter folds double-quoted scalars after this column.
const YAML_WIDTH: usize = 80;

impl YamlEmitter {
    fn push(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn push_str(&mut self, s: &str) {
        self.out.push_str(s);
        self.column += s.chars().count();
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// libyaml's write_indent for the cases this emitter produces.
    fn indent(&mut self, indent: usize) {
        if self.column > indent {
            self.newline();
        }
        while self.column < indent {
            self.push(' ');
        }
    }

    fn check_depth(depth: usize) -> Result<(), String> {
        if depth > 256 {
            Err("value is nested too deeply for YAML".to_owned())
        } else {
            Ok(())
        }
    }

    fn mapping(
        &mut self,
        map: &BTreeMap<String, Value>,
        indent: usize,
        depth: usize,
    ) -> Result<(), String> {
        Self::check_depth(depth)?;
        for (k, v) in map {
            self.indent(indent);
            self.double_quoted(k, indent + 2, false);
            self.push(':');
            self.node(v, indent, true, depth + 1)?;
        }
        Ok(())
    }

    fn sequence(&mut self, items: &[Value], indent: usize, depth: usize) -> Result<(), String> {
        Self::check_depth(depth)?;
        for item in items {
            self.indent(indent);
            self.push('-');
            self.node(item, indent, false, depth + 1)?;
        }
        Ok(())
    }

    /// A node after a `key:` (in a mapping at `indent`) or a `-` (in a
    /// sequence at `indent`).
    fn node(
        &mut self,
        v: &Value,
        indent: usize,
        in_mapping: bool,
        depth: usize,
    ) -> Result<(), String> {
        match v {
            Value::Object(map) if !map.is_empty() => {
                if in_mapping {
                    self.newline();
                }
                self.mapping(map, indent + 2, depth)
            }
            Value::List(items) if !items.is_empty() => {
                if in_mapping {
                    self.newline();
                    self.sequence(items, indent, depth)
                } else {
                    self.sequence(items, indent + 2, depth)
                }
            }
            other => {
                self.push(' ');
                self.scalar_value(other, indent + 2, depth)
            }
        }
    }

    fn scalar_value(&mut self, v: &Value, indent: usize, _depth: usize) -> Result<(), String> {
        match v {
            Value::Object(_) => self.push_str("{}"),
            Value::List(_) => self.push_str("[]"),
            Value::Null => self.plain("null"),
            Value::Bool(b) => self.plain(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                let text = if n.is_infinite() {
                    (if *n > 0.0 { "+.Inf" } else { "-.Inf" }).to_owned()
                } else {
                    format!("{}", if *n == 0.0 { 0.0 } else { *n })
                };
                self.plain(&text);
            }
            Value::String(s) => {
                if s.contains('\n') && yaml_block_allowed(s) {
                    self.literal(s, indent);
                } else {
                    self.double_quoted(s, indent, true);
                }
            }
            Value::Unknown(u) => {
                return Err(format!("cannot serialize unknown value as YAML: {u}"))
            }
        }
        Ok(())
    }

    fn plain(&mut self, s: &str) {
        self.push_str(s);
        if self.root {
            self.open_ended = true;
        }
    }

    fn double_quoted(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.push('"');
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if !yaml_printable(c) || c == '\u{FEFF}' || c == '"' || c == '\\' || yaml_break(c) {
                self.push('\\');
                match c {
                    '\0' => self.push('0'),
                    '\u{7}' => self.push('a'),
                    '\u{8}' => self.push('b'),
                    '\t' => self.push('t'),
                    '\n' => self.push('n'),
                    '\u{b}' => self.push('v'),
                    '\u{c}' => self.push('f'),
                    '\r' => self.push('r'),
                    '\u{1b}' => self.push('e'),
                    '"' => self.push('"'),
                    '\\' => self.push('\\'),
                    '\u{85}' => self.push('N'),
                    '\u{a0}' => self.push('_'),
                    '\u{2028}' => self.push('L'),
                    '\u{2029}' => self.push('P'),
                    c => {
                        let v = u32::from(c);
                        let text = if v <= 0xFF {
                            format!("x{v:02X}")
                        } else if v <= 0xFFFF {
                            format!("u{v:04X}")
                        } else {
                            format!("U{v:08X}")
                        };
                        self.push_str(&text);
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > YAML_WIDTH
                    && i != 0
                    && i + 1 != chars.len()
                {
                    self.newline();
                    self.indent(indent);
                    if chars.get(i + 1) == Some(&' ') {
                        self.push('\\');
                    }
                } else {
                    self.push(' ');
                }
                spaces = true;
            } else {
                self.push(c);
                spaces = false;
            }
            i += 1;
        }
        self.push('"');
    }

    fn literal(&mut self, s: &str, indent: usize) {
        self.push('|');
        if s.starts_with([' ', '\n']) {
            self.push('2');
        }
        self.open_ended = false;
        let chomp = if !s.ends_with('\n') {
            Some('-')
        } else if s == "\n" || s.ends_with("\n\n") {
            self.open_ended = true;
            Some('+')
        } else {
            None
        };
        if let Some(c) = chomp {
            self.push(c);
        }
        self.newline();
        let mut at_line_start = true;
        for c in s.chars() {
            if c == '\n' {
                self.newline();
                at_line_start = true;
            } else {
                if at_line_start {
                    self.indent(indent);
                    at_line_start = false;
                }
                self.push(c);
            }
        }
    }
}

/// libyaml's is_printable (with the emitter in unicode mode).
fn yaml_printable(c: char) -> bool {
    let v = u32::from(c);
    v == 0x0A
        || (0x20..=0x7E).contains(&v)
        || (0xA0..=0xD7FF).contains(&v)
        || ((0xE000..=0xFFFD).contains(&v) && v != 0xFEFF)
}

fn yaml_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether libyaml would accept a literal block for this string.
fn yaml_block_allowed(s: &str) -> bool {
    if s.ends_with(' ') || s.contains(" \n") {
        return false;
    }
    s.chars()
        .all(|c| yaml_printable(c) && c != '\u{FEFF}' && (c == '\n' || !yaml_break(c)))
}

// ---------------------------------------------------------------------------
// Numbers

fn fn_minmax(a: &[Value], max: bool) -> Res {
    let mut best: Option<f64> = None;
    for v in a {
        let n = to_num(v)?;
        best = Some(match best {
            None => n,
            Some(b) if max => b.max(n),
            Some(b) => b.min(n),
        });
    }
    best.map(Value::Number)
        .ok_or_else(|| "must pass at least one number".to_owned())
}

fn fn_parseint(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let base = to_int(&a[1])?;
    if !(2..=62).contains(&base) {
        return Err("base must be a whole number between 2 and 62 inclusive".to_owned());
    }
    let fail = || format!("cannot parse {text:?} as a base {base} integer");
    let (neg, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text.as_str()),
    };
    if digits.is_empty() {
        return Err(fail());
    }
    let base_f = base as f64;
    let mut n = 0.0f64;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            'a'..='z' => u32::from(c) - u32::from('a') + 10,
            'A'..='Z' if base <= 36 => u32::from(c) - u32::from('A') + 10,
            'A'..='Z' => u32::from(c) - u32::from('A') + 36,
            _ => return Err(fail()),
        };
        if i64::from(d) >= base {
            return Err(fail());
        }
        n = n * base_f + f64::from(d);
    }
    Ok(Value::Number(if neg { -n } else { n }))
}

// ---------------------------------------------------------------------------
// Network

/// An IP network: address, address width in bits (32 or 128), prefix length.
#[derive(Clone, Copy)]
struct Net {
    addr: u128,
    bits: u32,
    prefix: u32,
}

fn full_mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

fn net_mask(prefix: u32, bits: u32) -> u128 {
    if prefix == 0 {
        0
    } else {
        (u128::MAX << (128 - prefix.min(128))) >> (128 - bits)
    }
}

impl Net {
    fn host_mask(&self) -> u128 {
        full_mask(self.bits) & !net_mask(self.prefix, self.bits)
    }

    fn with_prefix(&self, addr: u128, prefix: u32) -> Net {
        Net {
            addr: addr & net_mask(prefix, self.bits),
            bits: self.bits,
            prefix,
        }
    }

    fn contains(&self, addr: u128) -> bool {
        addr & net_mask(self.prefix, self.bits) == self.addr
    }
}

fn format_ip(addr: u128, bits: u32) -> String {
    if bits == 32 {
        return std::net::Ipv4Addr::from(addr as u32).to_string();
    }
    let v6 = std::net::Ipv6Addr::from(addr);
    // Go prints IPv4-mapped addresses in dotted form.
    match v6.to_ipv4_mapped() {
        Some(v4) => v4.to_string(),
        None => v6.to_string(),
    }
}

fn format_net(n: &Net) -> String {
    format!("{}/{}", format_ip(n.addr, n.bits), n.prefix)
}

/// Parses an IPv4 address, accepting leading zeros as Terraform does.
fn parse_ipv4(s: &str) -> Option<u32> {
    let mut out = 0u32;
    let mut parts = 0;
    for part in s.split('.') {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.parse().ok()?;
        if n > 255 {
            return None;
        }
        out = (out << 8) | n;
        parts += 1;
    }
    (parts == 4).then_some(out)
}

fn parse_cidr(s: &str) -> Result<Net, String> {
    let bad = || format!("invalid CIDR expression: invalid CIDR address: {s}");
    let (ip, prefix) = s.split_once('/').ok_or_else(bad)?;
    let (addr, bits) = if let Some(v4) = parse_ipv4(ip) {
        (u128::from(v4), 32)
    } else {
        let v6: std::net::Ipv6Addr = ip.parse().map_err(|_| bad())?;
        (u128::from(v6), 128)
    };
    if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let prefix: u32 = prefix.parse().map_err(|_| bad())?;
    if prefix > bits {
        return Err(bad());
    }
    Ok(Net {
        addr: addr & net_mask(prefix, bits),
        bits,
        prefix,
    })
}

fn fn_cidrhost(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let num = to_int(&a[1])?;
    let max = net.host_mask();
    let host = if num < 0 {
        let back = u128::from(num.unsigned_abs() - 1);
        if back > max {
            return Err(format!(
                "prefix of {} does not accommodate a host numbered {}",
                net.prefix,
                max as i128 - back as i128
            ));
        }
        max - back
    } else {
        let n = u128::from(num.unsigned_abs());
        if n > max {
            return Err(format!(
                "prefix of {} does not accommodate a host numbered {num}",
                net.prefix
            ));
        }
        n
    };
    Ok(Value::String(format_ip(net.addr | host, net.bits)))
}

fn fn_cidrnetmask(a: &[Value], _: &FnContext<'_>) -> Res {
    let text = to_str(&a[0])?;
    let net = parse_cidr(&text)?;
    if net.bits != 32 {
        return Err(format!("IPv6 addresses cannot have a netmask: {text}"));
    }
    Ok(Value::String(format_ip(net_mask(net.prefix, 32), 32)))
}

fn fn_cidrsubnet(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let newbits = to_int(&a[1])?;
    let netnum = to_int(&a[2])?;
    let new_prefix = i64::from(net.prefix) + newbits;
    if newbits < 0 || new_prefix > i64::from(net.bits) {
        return Err(format!(
            "insufficient address space to extend prefix of {} by {newbits}",
            net.prefix
        ));
    }
    let new_prefix = new_prefix as u32;
    let newbits = newbits as u32;
    let max = if newbits >= 64 {
        u128::from(u64::MAX)
    } else {
        (1u128 << newbits) - 1
    };
    if netnum < 0 || u128::from(netnum.unsigned_abs()) > max {
        return Err(format!(
            "prefix extension of {newbits} does not accommodate a subnet numbered {netnum}"
        ));
    }
    let shift = net.bits - new_prefix;
    let num = u128::from(netnum.unsigned_abs());
    let addr = if shift >= 128 {
        net.addr
    } else {
        net.addr | (num << shift)
    };
    Ok(Value::String(format_net(
        &net.with_prefix(addr & full_mask(net.bits), new_prefix),
    )))
}

fn fn_cidrsubnets(a: &[Value], _: &FnContext<'_>) -> Res {
    let net = parse_cidr(&to_str(&a[0])?)?;
    let lengths = a[1..].iter().map(to_int).collect::<Result<Vec<_>, _>>()?;
    let Some(first) = lengths.first() else {
        return Ok(Value::List(Vec::new()));
    };
    let first_prefix = (i64::from(net.prefix) + first).clamp(0, i64::from(net.bits)) as u32;
    // go-cidr's PreviousSubnet: the subnet of that size just before the base.
    let mut current = net.with_prefix(net.addr.wrapping_sub(1) & full_mask(net.bits), first_prefix);
    let mut out = Vec::with_capacity(lengths.len());
    for (i, length) in lengths.iter().enumerate() {
        if *length < 1 {
            return Err(format!(
                "argument {}: must extend prefix by at least one bit",
                i + 1
            ));
        }
        if *length > 32 {
            return Err(format!(
                "argument {}: may not extend prefix by more than 32 bits",
                i + 1
            ));
        }
        let prefix = i64::from(net.prefix) + length;
        if prefix > i64::from(net.bits) {
            let proto = if net.bits == 32 { "IPv4" } else { "IPv6" };
            return Err(format!(
                "argument {}: would extend prefix to {prefix} bits, which is too long for an {proto} address",
                i + 1
            ));
        }
        let prefix = prefix as u32;
        // go-cidr's NextSubnet.
        let last = current.addr | current.host_mask();
        let sized = net.with_prefix(last, prefix);
        let after = (sized.addr | sized.host_mask()).wrapping_add(1) & full_mask(net.bits);
        let next = net.with_prefix(after, prefix);
        if after == 0 || !net.contains(next.addr) {
            return Err(format!(
                "argument {}: not enough remaining address space for a subnet with a prefix of {prefix} bits after {}",
                i + 1,
                format_net(&current)
            ));
        }
        out.push(Value::String(format_net(&next)));
        current = next;
    }
    Ok(Value::List(out))
}

/// OpenTofu's `cidrcontains(containing_prefix, contained_ip_or_prefix)`.
fn fn_cidrcontains(a: &[Value], _: &FnContext<'_>) -> Res {
    let outer = parse_cidr(&to_str(&a[0])?)?;
    let text = to_str(&a[1])?;
    let inner = if text.contains('/') {
        parse_cidr(&text)?
    } else if let Some(v4) = parse_ipv4(&text) {
        Net {
            addr: u128::from(v4),
            bits: 32,
            prefix: 32,
        }
    } else {
        let v6: std::net::Ipv6Addr = text
            .parse()
            .map_err(|_| format!("invalid IP address or prefix: {text}"))?;
        Net {
            addr: u128::from(v6),
            bits: 128,
            prefix: 128,
        }
    };
    if inner.bits != outer.bits {
        return Err(format!(
            "address family mismatch: {} vs. {text}",
            format_net(&outer)
        ));
    }
    Ok(Value::Bool(
        inner.prefix >= outer.prefix && outer.contains(inner.addr),
    ))
}

// ---------------------------------------------------------------------------
// Filesystem

/// Largest file the file functions read.
const MAX_FILE_SIZE: u64 = 64 << 20;
/// Most directory entries `fileset` looks at.
const MAX_WALK: usize = 200_000;

use crate::paths::normalise as normalize;

fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::path::absolute(path)
        .map(|p| normalize(&p))
        .map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

fn outside(shown: &str) -> String {
    format!("refusing to read outside the scanned tree: {shown}")
}

/// Resolves a path argument against the module directory, refusing paths
/// that leave the scanned tree (lexically, or through symbolic links).
/// Returns the path and whether it exists.
fn resolve_in_tree(ctx: &FnContext<'_>, path: &str) -> Result<(PathBuf, bool), String> {
    if path == "~" || path.starts_with("~/") {
        return Err(outside(path));
    }
    let joined = if Path::new(path).is_absolute() {
        PathBuf::from(path)
    } else {
        ctx.module_dir.join(path)
    };
    let lexical = absolute(&joined)?;
    let root = absolute(ctx.root_dir)?;
    if !lexical.starts_with(&root) {
        return Err(outside(path));
    }
    match lexical.canonicalize() {
        Ok(real) => {
            let real_root = root.canonicalize().unwrap_or(root);
            if !real.starts_with(&real_root) {
                return Err(outside(path));
            }
            Ok((real, true))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((lexical, false)),
        Err(e) => Err(format!("failed to read {path}: {e}")),
    }
}

/// md5(), sha1(), sha256(), sha512(): the hex digest of a string's UTF-8 bytes.
fn digest_hex<H: sha2::Digest>(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::String(hex(&H::digest(to_str(&a[0])?.as_bytes()))))
}

/// base64sha256(), base64sha512(): the digest Base64-encoded.
fn digest_base64<H: sha2::Digest>(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(&H::digest(
        to_str(&a[0])?.as_bytes(),
    ))))
}

/// filemd5(), filesha1(), ...: the hex digest of a file's bytes.
fn file_digest_hex<H: sha2::Digest>(a: &[Value], ctx: &FnContext<'_>) -> Res {
    Ok(Value::String(hex(&H::digest(
        read_file(ctx, &to_str(&a[0])?)?.0,
    ))))
}

/// filebase64sha256(), filebase64sha512().
fn file_digest_base64<H: sha2::Digest>(a: &[Value], ctx: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(&H::digest(
        read_file(ctx, &to_str(&a[0])?)?.0,
    ))))
}

/// Reads a file for the file functions; returns its bytes and the path as
/// given, for messages.
fn read_file(ctx: &FnContext<'_>, path: &str) -> Result<(Vec<u8>, String), String> {
    let (real, exists) = resolve_in_tree(ctx, path)?;
    if !exists {
        return Err(format!(
            "no file exists at {path}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource"
        ));
    }
    let meta = std::fs::metadata(&real).map_err(|e| format!("failed to read {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("failed to read file: {path} is a directory"));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "{path} is too large to read ({} bytes)",
            meta.len()
        ));
    }
    let bytes = std::fs::read(&real).map_err(|e| format!("failed to read file: {e}"))?;
    Ok((bytes, path.to_owned()))
}

fn fn_fileexists(a: &[Value], ctx: &FnContext<'_>) -> Res {
    let path = to_str(&a[0])?;
    let (real, exists) = resolve_in_tree(ctx, &path)?;
    if !exists {
        return Ok(Value::Bool(false));
    }
    let meta = std::fs::metadata(&real).map_err(|_| format!("failed to stat {path}"))?;
    if meta.is_file() {
        Ok(Value::Bool(true))
    } else if meta.is_dir() {
        Err(format!("{path} is a directory, not a file"))
    } else {
        Err(format!("{path} is not a regular file"))
    }
}

fn fn_abspath(a: &[Value], _: &FnContext<'_>) -> Res {
    let path = to_str(&a[0])?;
    if Path::new(&path).is_absolute() {
        Ok(Value::String(go_clean(&path)))
    } else {
        Ok(Value::unknown(
            "abspath() of a relative path depends on the directory Terraform runs in",
        ))
    }
}

/// Go's `path/filepath.Clean` (Unix flavour).
fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

/// Go's `filepath.Base`.
fn go_base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_owned();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_owned()
}

/// Go's `filepath.Dir`.
fn go_dir(path: &str) -> String {
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    go_clean(dir)
}

fn fn_fileset(a: &[Value], ctx: &FnContext<'_>) -> Res {
    let base = to_str(&a[0])?;
    let pattern = to_str(&a[1])?;
    let mut segments = Vec::new();
    for seg in pattern.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                return Ok(Value::unknown(
                    "fileset() patterns with \"..\" are not evaluated statically",
                ))
            }
            s => segments.push(s),
        }
    }
    let matcher = compile_glob(&segments.join("/"))?;
    let (dir, exists) = resolve_in_tree(ctx, &base)?;
    if !exists || !dir.is_dir() {
        return Ok(Value::List(Vec::new()));
    }
    let mut found = Vec::new();
    let mut seen = 0usize;
    for entry in walkdir::WalkDir::new(&dir).min_depth(1).follow_links(false) {
        let Ok(entry) = entry else { continue };
        seen += 1;
        if seen > MAX_WALK {
            return Err(format!("too many files under {base} to evaluate fileset()"));
        }
        let is_file = match std::fs::metadata(entry.path()) {
            Ok(m) => m.is_file(),
            Err(_) => false,
        };
        if !is_file {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&dir) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        if matcher.is_match(&rel) {
            found.push(Value::String(rel));
        }
    }
    Ok(Value::List(make_set(found)))
}

/// Compiles a doublestar (v1) glob into a regular expression over
/// slash-separated relative paths: `*`, `?`, `[class]`, `{a,b}`, `\` escapes
/// and `**` as a whole path segment for any number of directories.
fn compile_glob(pattern: &str) -> Result<regex::Regex, String> {
    let bad = || format!("failed to glob pattern {pattern}: syntax error in pattern");
    let chars: Vec<char> = pattern.chars().collect();
    let mut re = String::from("^");
    let mut braces = 0usize;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '*' if chars.get(i + 1) == Some(&'*')
                && (i == 0 || chars.get(i - 1) == Some(&'/'))
                && matches!(chars.get(i + 2), None | Some('/')) =>
            {
                if chars.get(i + 2) == Some(&'/') {
                    re.push_str("(?:[^/]+/)*");
                    i += 3;
                } else {
                    re.push_str(".*");
                    i += 2;
                }
                continue;
            }
            '*' => {
                while chars.get(i + 1) == Some(&'*') {
                    i += 1;
                }
                re.push_str("[^/]*");
            }
            '?' => re.push_str("[^/]"),
            '[' => {
                let mut j = i + 1;
                let mut class = String::from("[");
                if matches!(chars.get(j), Some('!' | '^')) {
                    class.push('^');
                    j += 1;
                }
                let mut first = true;
                loop {
                    match chars.get(j) {
                        None => return Err(bad()),
                        Some(']') if !first => break,
                        Some('\\') => {
                            let e = chars.get(j + 1).ok_or_else(bad)?;
                            class.push_str(&regex::escape(&e.to_string()));
                            j += 2;
                        }
                        Some('-') => {
                            class.push('-');
                            j += 1;
                        }
                        Some(&other) => {
                            class.push_str(&regex::escape(&other.to_string()));
                            j += 1;
                        }
                    }
                    first = false;
                }
                class.push(']');
                // Intersected with [^/] so that classes never match a separator.
                let _ = write!(re, "[{class}&&[^/]]");
                i = j;
            }
            '{' => {
                braces += 1;
                re.push_str("(?:");
            }
            ',' if braces > 0 => re.push('|'),
            '}' if braces > 0 => {
                braces -= 1;
                re.push(')');
            }
            '\\' => {
                i += 1;
                let e = chars.get(i).ok_or_else(bad)?;
                re.push_str(&regex::escape(&e.to_string()));
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
        i += 1;
    }
    if braces > 0 {
        return Err(bad());
    }
    re.push('$');
    regex::RegexBuilder::new(&re)
        .size_limit(10 << 20)
        .build()
        .map_err(|_| bad())
}

// ---------------------------------------------------------------------------
// Hashing

fn fn_uuidv5(a: &[Value], _: &FnContext<'_>) -> Res {
    let ns = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let ns_text = match ns.as_str() {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let ns_bytes =
        parse_uuid(ns_text).ok_or_else(|| format!("uuidv5() doesn't support namespace {ns}"))?;
    let mut hasher = sha1::Sha1::new();
    hasher.update(ns_bytes);
    hasher.update(name.as_bytes());
    let digest = hasher.finalize();
    let mut b = [0u8; 16];
    for (dst, src) in b.iter_mut().zip(digest.iter()) {
        *dst = *src;
    }
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    Ok(Value::String(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )))
}

/// Parses a UUID in its canonical, braced or `urn:uuid:` form.
fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let s = s.strip_prefix("urn:uuid:").unwrap_or(s);
    let s = s
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or(s);
    let digits: String = if s.len() == 36 {
        let b = s.as_bytes();
        if [8, 13, 18, 23].iter().any(|i| b.get(*i) != Some(&b'-')) {
            return None;
        }
        s.chars().filter(|c| *c != '-').collect()
    } else if s.len() == 32 {
        s.to_owned()
    } else {
        return None;
    };
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(digits.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// Time

/// An instant with the UTC offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    secs: i64,
    nanos: i64,
    /// Offset from UTC in seconds.
    offset: i64,
}

const MONTHS: [&str; 12] = [
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
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number from [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Wall-clock fields of a timestamp in its own offset.
struct Civil {
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
    fn from_civil(
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

    fn civil(&self) -> Civil {
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
    fn to_rfc3339(self) -> String {
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
    fn zone(&self, z_for_utc: bool, colon: bool) -> String {
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

    fn total_nanos(&self) -> i128 {
        i128::from(self.secs) * 1_000_000_000 + i128::from(self.nanos)
    }
}

/// Go's strict RFC 3339 parsing (`time.Parse(time.RFC3339, s)`).
fn parse_rfc3339(s: &str) -> Result<Timestamp, String> {
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
fn parse_duration(text: &str) -> Result<i128, String> {
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

fn fn_timeadd(a: &[Value], _: &FnContext<'_>) -> Res {
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

fn fn_timecmp(a: &[Value], _: &FnContext<'_>) -> Res {
    let x = parse_rfc3339(&to_str(&a[0])?)?;
    let y = parse_rfc3339(&to_str(&a[1])?)?;
    Ok(Value::Number(match x.total_nanos().cmp(&y.total_nanos()) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

fn fn_formatdate(a: &[Value], _: &FnContext<'_>) -> Res {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn no_render(_: &str, _: &BTreeMap<String, Value>) -> Result<Value, String> {
        Err("no renderer".to_owned())
    }

    fn call_in(dir: &Path, name: &str, args: Vec<Value>) -> Res {
        let render = |t: &str, vars: &BTreeMap<String, Value>| -> Result<Value, String> {
            // A stand-in renderer: replaces ${name} with string variables.
            let mut out = t.to_owned();
            for (k, v) in vars {
                out = out.replace(&format!("${{{k}}}"), v.as_str().unwrap_or("?"));
            }
            Ok(Value::String(out))
        };
        let ctx = FnContext {
            module_dir: dir,
            root_dir: dir,
            render_template: &render,
        };
        call(name, args, &ctx)
    }

    fn f(name: &str, args: Vec<Value>) -> Res {
        let ctx = FnContext {
            module_dir: Path::new("."),
            root_dir: Path::new("."),
            render_template: &no_render,
        };
        call(name, args, &ctx)
    }

    fn j(v: serde_json::Value) -> Value {
        Value::from_json(&v)
    }

    /// Calls with JSON arguments and returns the result as JSON.
    fn fj(name: &str, args: serde_json::Value) -> serde_json::Value {
        let args = match j(args) {
            Value::List(items) => items,
            other => vec![other],
        };
        f(name, args).unwrap().to_json()
    }

    fn err(name: &str, args: serde_json::Value) -> String {
        let args = match j(args) {
            Value::List(items) => items,
            other => vec![other],
        };
        f(name, args).unwrap_err()
    }

    fn unk(reason: &str) -> Value {
        Value::unknown(reason)
    }

    #[test]
    fn format_verbs() {
        assert_eq!(
            fj("format", json!(["Hello, %s!", "Ander"])),
            json!("Hello, Ander!")
        );
        assert_eq!(
            fj("format", json!(["There are %d lights", 4])),
            json!("There are 4 lights")
        );
        assert_eq!(fj("format", json!(["%.2f", 1.23456])), json!("1.23"));
        assert_eq!(fj("format", json!(["%f", 3.5])), json!("3.500000"));
        assert_eq!(
            fj("format", json!(["%05.1f|%-6.2f|%+.1f", 1.23456, 2.5, 1])),
            json!("001.2|2.50  |+1.0")
        );
        assert_eq!(
            fj("format", json!(["%5d|%-5d|%05d|%+d", 42, 42, -42, 7])),
            json!("   42|42   |-0042|+7")
        );
        assert_eq!(
            fj("format", json!(["%-5s|%5s|%.2s", "ab", "ab", "hello"])),
            json!("ab   |   ab|he")
        );
        assert_eq!(
            fj("format", json!(["%q", "a\"<b>"])),
            json!("\"a\\\"\\u003cb\\u003e\"")
        );
        assert_eq!(
            fj("format", json!(["%v %v %v %v", "s", 1.5, true, null])),
            json!("s 1.5 true null")
        );
        assert_eq!(fj("format", json!(["%v", 1234567])), json!("1.234567e+06"));
        assert_eq!(fj("format", json!(["%v", 123456])), json!("123456"));
        assert_eq!(
            fj("format", json!(["%#v", {"b": [1, "x"], "a": true}])),
            json!("{\"a\":true,\"b\":[1,\"x\"]}")
        );
        assert_eq!(fj("format", json!(["%#v", "s"])), json!("\"s\""));
        assert_eq!(
            fj("format", json!(["%t %t", true, "false"])),
            json!("true false")
        );
        assert_eq!(
            fj("format", json!(["100%% %s", "done"])),
            json!("100% done")
        );
        assert_eq!(
            fj("format", json!(["%x %X %#x %o %08b", 255, 255, 255, 8, 5])),
            json!("ff FF 0xff 10 00000101")
        );
        assert_eq!(
            fj("format", json!(["%e %E", 1234.5678, 0.000123])),
            json!("1.234568e+03 1.230000E-04")
        );
        assert_eq!(
            fj("format", json!(["%g %g %.3g", 0.00001234, 100, 1234.5678])),
            json!("1.234e-05 100 1.23e+03")
        );
        assert_eq!(
            fj("format", json!(["%[2]s %[1]s %s", "a", "b"])),
            json!("b a b")
        );
        assert_eq!(fj("format", json!(["%s", 5])), json!("5"));
        assert!(err("format", json!(["%d", 1.5])).contains("an integer is required"));
        assert!(err("format", json!(["%s %s", "a"])).contains("not enough arguments"));
        assert!(err("format", json!(["hi", "a"])).contains("no verbs in format string"));
        assert!(err("format", json!(["%s", "a", "b"])).contains("only 1 used"));
        assert!(err("format", json!(["%s", null])).contains("null value cannot be formatted"));
        assert!(err("format", json!(["%s", ["a"]])).contains("string required"));
        assert!(err("format", json!(["%y", 1])).contains("unsupported format verb"));
        assert!(err("format", json!(["%999999999d", 1])).contains("too large"));
        // Unknown arguments, even nested ones, make the result unknown.
        let r = f("format", vec!["%v".into(), Value::List(vec![unk("later")])]).unwrap();
        assert_eq!(r, unk("later"));
    }

    #[test]
    fn formatlist_iterates_lists() {
        assert_eq!(
            fj("formatlist", json!(["Hello, %s!", ["Valentina", "Ander"]])),
            json!(["Hello, Valentina!", "Hello, Ander!"])
        );
        assert_eq!(
            fj(
                "formatlist",
                json!(["%s, %s%s", "Salutations", ["Valentina", "Ander"], "!"])
            ),
            json!(["Salutations, Valentina!", "Salutations, Ander!"])
        );
        assert_eq!(fj("formatlist", json!(["%s", []])), json!([]));
        assert!(err("formatlist", json!(["%s%s", ["a"], ["a", "b"]])).contains("inconsistent"));
        let r = f(
            "formatlist",
            vec!["%s".into(), Value::List(vec!["a".into(), unk("u")])],
        )
        .unwrap();
        assert_eq!(r, Value::List(vec!["a".into(), unk("u")]));
    }

    #[test]
    fn string_functions() {
        assert_eq!(
            fj("join", json!(["-", ["foo", "bar", "baz"]])),
            json!("foo-bar-baz")
        );
        assert_eq!(
            fj("join", json!([", ", ["foo"], ["bar", 1]])),
            json!("foo, bar, 1")
        );
        assert_eq!(
            fj("split", json!([",", "foo,bar,baz"])),
            json!(["foo", "bar", "baz"])
        );
        assert_eq!(fj("split", json!([",", ""])), json!([""]));
        assert_eq!(
            fj("replace", json!(["1 + 2 + 3", "+", "-"])),
            json!("1 - 2 - 3")
        );
        assert_eq!(
            fj("replace", json!(["hello world", "/w.*d/", "everybody"])),
            json!("hello everybody")
        );
        assert_eq!(
            fj("replace", json!(["a-b", "/(a)-(b)/", "$2-$1"])),
            json!("b-a")
        );
        assert_eq!(fj("lower", json!("HELLO ÀB")), json!("hello àb"));
        assert_eq!(fj("upper", json!("hello ß")), json!("HELLO ß"));
        assert_eq!(
            fj("title", json!("hello world-wide web_site")),
            json!("Hello World-Wide Web_site")
        );
        assert_eq!(fj("trim", json!(["?!hello?!", "!?"])), json!("hello"));
        assert_eq!(
            fj("trimprefix", json!(["helloworld", "hello"])),
            json!("world")
        );
        assert_eq!(
            fj("trimprefix", json!(["helloworld", "cat"])),
            json!("helloworld")
        );
        assert_eq!(
            fj("trimsuffix", json!(["helloworld", "world"])),
            json!("hello")
        );
        assert_eq!(fj("trimspace", json!("  hello\n\n")), json!("hello"));
        assert_eq!(fj("chomp", json!("hello\r\n\n")), json!("hello"));
        assert_eq!(fj("chomp", json!("hello\n world")), json!("hello\n world"));
        assert_eq!(
            fj("indent", json!([2, "[\n  foo,\n  bar,\n]\n"])),
            json!("[\n    foo,\n    bar,\n  ]\n  ")
        );
        assert!(err("indent", json!([-1, "a"])).contains("negative"));
        assert_eq!(fj("strrev", json!("a ☃e\u{301}")), json!("e\u{301}☃ a"));
        assert_eq!(
            fj("startswith", json!(["hello world", "hello"])),
            json!(true)
        );
        assert_eq!(
            fj("endswith", json!(["hello world", "hello"])),
            json!(false)
        );
        assert_eq!(
            fj("strcontains", json!(["hello world", "wor"])),
            json!(true)
        );
    }

    #[test]
    fn substr_counts_grapheme_clusters() {
        assert_eq!(fj("substr", json!(["hello world", 1, 4])), json!("ello"));
        assert_eq!(fj("substr", json!(["🤔🤷", 0, 1])), json!("🤔"));
        assert_eq!(fj("substr", json!(["hello world", -5, -1])), json!("world"));
        assert_eq!(fj("substr", json!(["hello world", 6, 10])), json!("world"));
        assert_eq!(fj("substr", json!(["hello", 10, 2])), json!(""));
        assert_eq!(fj("substr", json!(["hello", -10, 2])), json!("he"));
    }

    #[test]
    fn regex_capture_shapes() {
        assert_eq!(
            fj("regex", json!(["[a-z]+", "53453453.345345aaabbbccc23454"])),
            json!("aaabbbccc")
        );
        assert_eq!(
            fj(
                "regex",
                json!(["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"])
            ),
            json!(["2019", "02", "01"])
        );
        assert_eq!(
            fj(
                "regex",
                json!([
                    "^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?",
                    "https://terraform.io/docs/"
                ])
            ),
            json!({"authority": "terraform.io", "scheme": "https"})
        );
        assert_eq!(fj("regex", json!(["(a)|(b)", "b"])), json!([null, "b"]));
        assert!(err("regex", json!(["[a-z]+", "123"])).contains("did not match"));
        assert!(err("regex", json!(["(?P<x>a)(b)", "ab"])).contains("cannot mix"));
        assert!(err("regex", json!(["(", "ab"])).contains("invalid regexp pattern"));
        assert_eq!(
            fj("regexall", json!(["[a-z]+", "1234abcd5678efgh9"])),
            json!(["abcd", "efgh"])
        );
        assert_eq!(fj("regexall", json!(["[a-z]+", "1234"])), json!([]));
        assert_eq!(
            fj("regexall", json!(["(\\d)(\\w)", "1a2b"])),
            json!([["1", "a"], ["2", "b"]])
        );
    }

    #[test]
    fn collection_functions() {
        assert_eq!(fj("alltrue", json!([["true", true]])), json!(true));
        assert_eq!(fj("alltrue", json!([[true, false]])), json!(false));
        assert_eq!(fj("alltrue", json!([[]])), json!(true));
        assert_eq!(fj("anytrue", json!([["true", false]])), json!(true));
        assert_eq!(fj("anytrue", json!([[]])), json!(false));
        assert_eq!(
            fj("chunklist", json!([["a", "b", "c", "d", "e"], 2])),
            json!([["a", "b"], ["c", "d"], ["e"]])
        );
        assert_eq!(fj("chunklist", json!([["a", "b"], 0])), json!([["a", "b"]]));
        assert_eq!(fj("coalesce", json!(["", null, "b"])), json!("b"));
        assert_eq!(fj("coalesce", json!([1, 2])), json!(1));
        assert_eq!(fj("coalesce", json!([null, 1, "x"])), json!("1"));
        assert!(err("coalesce", json!([null, ""])).contains("no non-null"));
        assert_eq!(
            fj("coalescelist", json!([[], ["c", "d"]])),
            json!(["c", "d"])
        );
        assert_eq!(
            fj("compact", json!([["a", "", "b", null, "c"]])),
            json!(["a", "b", "c"])
        );
        assert_eq!(
            fj("concat", json!([["a", ""], ["b", "c"]])),
            json!(["a", "", "b", "c"])
        );
        assert_eq!(fj("contains", json!([["a", "b", "c"], "a"])), json!(true));
        assert_eq!(fj("contains", json!([["a", "b", "c"], "d"])), json!(false));
        assert_eq!(
            fj("distinct", json!([["a", "b", "a", "c", "d", "b"]])),
            json!(["a", "b", "c", "d"])
        );
        assert_eq!(fj("element", json!([["a", "b", "c"], 1])), json!("b"));
        assert_eq!(fj("element", json!([["a", "b", "c"], 3])), json!("a"));
        assert_eq!(fj("element", json!([["a", "b", "c"], -1])), json!("c"));
        assert!(err("element", json!([[], 0])).contains("empty list"));
        assert_eq!(
            fj("flatten", json!([[["a", "b"], [], ["c"]]])),
            json!(["a", "b", "c"])
        );
        assert_eq!(
            fj("flatten", json!([[[["a", "b"], []], ["c"]]])),
            json!(["a", "b", "c"])
        );
        assert_eq!(fj("index", json!([["a", "b", "c"], "b"])), json!(1));
        assert!(err("index", json!([["a"], "z"])).contains("item not found"));
        assert_eq!(
            fj("keys", json!({"d": 3, "a": 1, "c": 2})),
            json!(["a", "c", "d"])
        );
        assert_eq!(
            fj("values", json!({"d": 1, "a": 3, "c": 2})),
            json!([3, 2, 1])
        );
        assert_eq!(fj("length", json!([[]])), json!(0));
        assert_eq!(fj("length", json!([["a", "b"]])), json!(2));
        assert_eq!(fj("length", json!({"a": "b"})), json!(1));
        assert_eq!(fj("length", json!("👾🕹️")), json!(2));
        assert!(err("length", json!([null])).contains("null"));
        assert_eq!(
            fj("lookup", json!([{"a": "ay", "b": "bee"}, "a", "what?"])),
            json!("ay")
        );
        assert_eq!(
            fj("lookup", json!([{"a": "ay", "b": "bee"}, "c", "what?"])),
            json!("what?")
        );
        assert!(err("lookup", json!([{"a": "ay"}, "c"])).contains("does not exist"));
        assert_eq!(
            fj(
                "matchkeys",
                json!([
                    ["i-123", "i-abc", "i-def"],
                    ["us-west", "us-east", "us-east"],
                    ["us-east"]
                ])
            ),
            json!(["i-abc", "i-def"])
        );
        assert_eq!(
            fj(
                "merge",
                json!([{"a": "b", "c": "d"}, {"e": "f", "c": "z"}, null])
            ),
            json!({"a": "b", "c": "z", "e": "f"})
        );
        assert!(err("merge", json!([{"a": 1}, ["x"]])).contains("maps or objects"));
        assert_eq!(fj("one", json!([[]])), json!(null));
        assert_eq!(fj("one", json!([["hello"]])), json!("hello"));
        assert!(err("one", json!([["hello", "goodbye"]])).contains("zero or one"));
        assert_eq!(fj("reverse", json!([[1, 2, 3]])), json!([3, 2, 1]));
        assert_eq!(
            fj("slice", json!([["a", "b", "c", "d"], 1, 3])),
            json!(["b", "c"])
        );
        assert!(err("slice", json!([["a"], 0, 2])).contains("greater than the length"));
        assert_eq!(
            fj("sort", json!([["e", "d", "a", "x"]])),
            json!(["a", "d", "e", "x"])
        );
        assert_eq!(fj("sort", json!([[10, 9, 100]])), json!(["10", "100", "9"]));
        assert_eq!(fj("sum", json!([[10, 13, 6, 4.5]])), json!(33.5));
        assert!(err("sum", json!([[]])).contains("empty list"));
        assert_eq!(
            fj("transpose", json!({"a": ["1", "2"], "b": ["2", "3"]})),
            json!({"1": ["a"], "2": ["a", "b"], "3": ["b"]})
        );
        assert_eq!(
            fj("zipmap", json!([["a", "b"], [1, 2]])),
            json!({"a": 1, "b": 2})
        );
        assert!(err("zipmap", json!([["a"], [1, 2]])).contains("does not match"));
    }

    #[test]
    fn range_follows_terraform() {
        assert_eq!(fj("range", json!(3)), json!([0, 1, 2]));
        assert_eq!(fj("range", json!([1, 4])), json!([1, 2, 3]));
        assert_eq!(fj("range", json!([1, 8, 2])), json!([1, 3, 5, 7]));
        assert_eq!(
            fj("range", json!([1, 4, 0.5])),
            json!([1, 1.5, 2, 2.5, 3, 3.5])
        );
        assert_eq!(fj("range", json!([4, 1])), json!([4, 3, 2]));
        assert_eq!(fj("range", json!([10, 5, -2])), json!([10, 8, 6]));
        assert_eq!(fj("range", json!(-3)), json!([0, -1, -2]));
        assert_eq!(fj("range", json!(0)), json!([]));
        assert!(err("range", json!([0, 1, 0])).contains("step must not be zero"));
        assert!(err("range", json!([1, 5, -1])).contains("end must be less"));
        assert!(err("range", json!(1e9)).contains("more than 1024"));
        assert_eq!(
            fj("range", json!(1024)).as_array().map(Vec::len),
            Some(1024)
        );
    }

    #[test]
    fn set_functions() {
        assert_eq!(
            fj(
                "setintersection",
                json!([["a", "b"], ["b", "c"], ["b", "d"]])
            ),
            json!(["b"])
        );
        assert_eq!(
            fj("setsubtract", json!([["a", "b", "c"], ["a", "c"]])),
            json!(["b"])
        );
        assert_eq!(
            fj("setunion", json!([["b", "a"], ["b", "c"], ["d"]])),
            json!(["a", "b", "c", "d"])
        );
        assert_eq!(fj("setunion", json!([[3, 1], [2, 1]])), json!([1, 2, 3]));
        assert_eq!(
            fj(
                "setproduct",
                json!([["development", "staging"], ["app1", "app2"]])
            ),
            json!([
                ["development", "app1"],
                ["development", "app2"],
                ["staging", "app1"],
                ["staging", "app2"]
            ])
        );
        assert_eq!(fj("setproduct", json!([["a"], []])), json!([]));
        assert_eq!(
            fj("toset", json!([["c", "b", "b", "a"]])),
            json!(["a", "b", "c"])
        );
        assert_eq!(fj("toset", json!([["a", 1, "1"]])), json!(["1", "a"]));
    }

    #[test]
    fn unknowns_propagate_precisely() {
        let u = unk("var.x has no value");
        let list_with_unknown = Value::List(vec!["a".into(), u.clone()]);
        // length is known when the list is, whatever its elements.
        assert_eq!(
            f("length", vec![list_with_unknown.clone()]).unwrap(),
            Value::Number(2.0)
        );
        assert_eq!(f("length", vec![u.clone()]).unwrap(), u);
        // coalesce: known when everything before the answer is known.
        assert_eq!(
            f("coalesce", vec!["a".into(), u.clone()]).unwrap(),
            Value::from("a")
        );
        assert_eq!(
            f("coalesce", vec![Value::Null, u.clone(), "a".into()]).unwrap(),
            u
        );
        // contains: an unknown element may be the one looked for.
        assert_eq!(
            f("contains", vec![list_with_unknown.clone(), "a".into()]).unwrap(),
            Value::Bool(true)
        );
        assert_eq!(
            f("contains", vec![list_with_unknown.clone(), "b".into()]).unwrap(),
            u
        );
        // lookup is known when the map is known at that key.
        let obj = Value::Object(BTreeMap::from([
            ("a".to_owned(), "x".into()),
            ("b".to_owned(), u.clone()),
        ]));
        assert_eq!(
            f("lookup", vec![obj.clone(), "a".into()]).unwrap(),
            Value::from("x")
        );
        assert_eq!(f("lookup", vec![obj.clone(), "b".into()]).unwrap(), u);
        assert_eq!(f("keys", vec![obj.clone()]).unwrap(), j(json!(["a", "b"])));
        assert_eq!(f("merge", vec![obj.clone(), u.clone()]).unwrap(), u);
        // concat, compact and flatten keep unknown elements.
        assert_eq!(
            f("concat", vec![list_with_unknown.clone(), j(json!(["c"]))]).unwrap(),
            Value::List(vec!["a".into(), u.clone(), "c".into()])
        );
        assert_eq!(
            f("compact", vec![Value::List(vec!["".into(), u.clone()])]).unwrap(),
            Value::List(vec![u.clone()])
        );
        assert_eq!(
            f(
                "flatten",
                vec![Value::List(vec![list_with_unknown.clone()])]
            )
            .unwrap(),
            list_with_unknown
        );
        assert_eq!(f("jsonencode", vec![obj.clone()]).unwrap(), u);
        assert_eq!(f("upper", vec![u.clone()]).unwrap(), u);
        assert_eq!(f("sort", vec![list_with_unknown.clone()]).unwrap(), u);
        assert_eq!(
            f("element", vec![list_with_unknown.clone(), 0.0.into()]).unwrap(),
            Value::from("a")
        );
        assert_eq!(
            f(
                "alltrue",
                vec![Value::List(vec![Value::Bool(false), u.clone()])]
            )
            .unwrap(),
            Value::Bool(false)
        );
        assert_eq!(
            f(
                "anytrue",
                vec![Value::List(vec![u.clone(), Value::Bool(true)])]
            )
            .unwrap(),
            Value::Bool(true)
        );
        assert!(f("timestamp", vec![]).unwrap().is_unknown());
        assert!(f("uuid", vec![]).unwrap().is_unknown());
        assert!(f("bcrypt", vec!["x".into()]).unwrap().is_unknown());
        assert_eq!(f("sensitive", vec![u.clone()]).unwrap(), u);
        assert_eq!(
            f("issensitive", vec!["x".into()]).unwrap(),
            Value::Bool(false)
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(fj("tobool", json!("true")), json!(true));
        assert_eq!(fj("tobool", json!([null])), json!(null));
        assert!(err("tobool", json!("no")).contains("only the strings"));
        assert_eq!(fj("tonumber", json!("1.5")), json!(1.5));
        assert!(err("tonumber", json!("no")).contains("cannot convert"));
        assert_eq!(fj("tostring", json!(1)), json!("1"));
        assert_eq!(fj("tostring", json!(true)), json!("true"));
        assert!(err("tostring", json!([[1]])).contains("cannot convert"));
        assert_eq!(fj("tolist", json!([["a", "b", 3]])), json!(["a", "b", "3"]));
        assert_eq!(
            fj("tomap", json!({"a": "foo", "b": true})),
            json!({"a": "foo", "b": "true"})
        );
        assert!(err("tolist", json!({"a": 1})).contains("cannot convert"));
    }

    #[test]
    fn encodings() {
        assert_eq!(
            fj("base64encode", json!("Hello World")),
            json!("SGVsbG8gV29ybGQ=")
        );
        assert_eq!(
            fj("base64decode", json!("SGVsbG8gV29ybGQ=")),
            json!("Hello World")
        );
        assert_eq!(fj("base64decode", json!("YQ==")), json!("a"));
        assert!(err("base64decode", json!("YQ")).contains("failed to decode"));
        assert!(err("base64decode", json!("/w==")).contains("not valid UTF-8"));
        assert_eq!(
            fj("textencodebase64", json!(["Hello World", "UTF-16LE"])),
            json!("SABlAGwAbABvACAAVwBvAHIAbABkAA==")
        );
        assert_eq!(
            fj(
                "textdecodebase64",
                json!(["SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE"])
            ),
            json!("Hello World")
        );
        assert!(f("textencodebase64", vec!["x".into(), "Shift_JIS".into()])
            .unwrap()
            .is_unknown());
        assert_eq!(
            fj("urlencode", json!("Hello World!")),
            json!("Hello+World%21")
        );
        assert_eq!(fj("urlencode", json!("☃")), json!("%E2%98%83"));
        assert_eq!(
            fj("urldecode", json!("Hello+World%21%E2%98%83")),
            json!("Hello World!☃")
        );
        assert!(err("urldecode", json!("50%")).contains("invalid URL escape"));
        assert_eq!(
            fj("urlencode", json!("foo:bar@localhost?foo=bar&bar=baz")),
            json!("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")
        );
        assert_eq!(
            fj("csvdecode", json!("a,b,c\n1,2,3\n4,5,6")),
            json!([{"a": "1", "b": "2", "c": "3"}, {"a": "4", "b": "5", "c": "6"}])
        );
        assert_eq!(
            fj(
                "csvdecode",
                json!("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\n")
            ),
            json!([{"name": "Smith, J", "note": "said \"hi\"\nthen left"}])
        );
        assert!(err("csvdecode", json!("a,b\n1")).contains("wrong number of fields"));
        assert!(err("csvdecode", json!("")).contains("missing header line"));
        assert!(err("csvdecode", json!("a\nb\"c")).contains("bare \""));
    }

    #[test]
    fn json_encoding_is_go_compatible() {
        assert_eq!(
            fj("jsonencode", json!({"hello": "world"})),
            json!("{\"hello\":\"world\"}")
        );
        assert_eq!(
            fj(
                "jsonencode",
                json!({"b": [1, 2.5, null, true], "a": "<&>\u{2028}\n\u{1}"})
            ),
            json!("{\"a\":\"\\u003c\\u0026\\u003e\\u2028\\n\\u0001\",\"b\":[1,2.5,null,true]}")
        );
        assert_eq!(
            fj("jsonencode", json!(1e21)),
            json!("1000000000000000000000")
        );
        assert_eq!(
            fj("jsondecode", json!("{\"hello\": \"world\"}")),
            json!({"hello": "world"})
        );
        assert_eq!(fj("jsondecode", json!("true")), json!(true));
        assert!(f("jsondecode", vec!["{".into()]).is_err());
    }

    #[test]
    fn yaml_decoding() {
        assert_eq!(
            fj("yamldecode", json!("hello: world")),
            json!({"hello": "world"})
        );
        assert_eq!(fj("yamldecode", json!("true")), json!(true));
        assert_eq!(fj("yamldecode", json!("")), json!(null));
        assert_eq!(
            fj("yamldecode", json!("{a: &foo [1, 2, 3], b: *foo}")),
            json!({"a": [1, 2, 3], "b": [1, 2, 3]})
        );
        assert_eq!(
            fj(
                "yamldecode",
                json!("a: yes\nb: 'yes'\nc: ~\nd: 0x1F\ne: 1_000\nf: 2001-12-14\ng: .5\nh: \"1\"")
            ),
            json!({"a": true, "b": "yes", "c": null, "d": 31, "e": 1000, "f": "2001-12-14T00:00:00Z", "g": 0.5, "h": "1"})
        );
        assert_eq!(
            fj(
                "yamldecode",
                json!("base: &b {x: 1, z: 2}\nmerged:\n  <<: *b\n  z: 3\n")
            ),
            json!({"base": {"x": 1, "z": 2}, "merged": {"x": 1, "z": 3}})
        );
        // Keys resolve like values in go-cty-yaml (YAML 1.1 booleans included).
        assert_eq!(
            fj("yamldecode", json!("y: 1\n1.50: 2\n")),
            json!({"true": 1, "1.5": 2})
        );
        assert_eq!(
            fj("yamldecode", json!("- !!str 1\n- !!int \"2\"")),
            json!(["1", 2])
        );
        assert!(err("yamldecode", json!("a: 1\n---\nb: 2")).contains("extra content"));
        assert!(err("yamldecode", json!("a: .nan")).contains("NaN"));
        assert!(f("yamldecode", vec!["a: [".into()]).is_err());
        // A "billion laughs" document is refused instead of expanded.
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let p = i - 1;
            let _ = writeln!(doc, "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]");
        }
        assert!(f("yamldecode", vec![doc.into()])
            .unwrap_err()
            .contains("excessive aliasing"));
    }

    #[test]
    fn yaml_encoding_matches_go_cty_yaml() {
        assert_eq!(
            fj("yamlencode", json!({"a": "b", "c": "d"})),
            json!("\"a\": \"b\"\n\"c\": \"d\"\n")
        );
        assert_eq!(
            fj("yamlencode", json!({"foo": [1, 2, 3], "bar": "baz"})),
            json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")
        );
        assert_eq!(
            fj(
                "yamlencode",
                json!({"foo": [1, {"a": "b", "c": "d"}, 3], "bar": "baz"})
            ),
            json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")
        );
        assert_eq!(fj("yamlencode", json!(true)), json!("true\n...\n"));
        assert_eq!(fj("yamlencode", json!([null])), json!("null\n...\n"));
        assert_eq!(fj("yamlencode", json!("hello")), json!("\"hello\"\n"));
        assert_eq!(fj("yamlencode", json!({})), json!("{}\n"));
        assert_eq!(fj("yamlencode", json!([[]])), json!("[]\n"));
        assert_eq!(fj("yamlencode", json!([["b"]])), json!("- \"b\"\n"));
        assert_eq!(
            fj(
                "yamlencode",
                json!({"a": {"b": {"c": []}, "d": [[1, 2], {}]}})
            ),
            json!("\"a\":\n  \"b\":\n    \"c\": []\n  \"d\":\n  - - 1\n    - 2\n  - {}\n")
        );
        assert_eq!(
            fj(
                "yamlencode",
                json!({"s": "line1\nline2\n", "t": "x\ny", "u": "tab\there\n"})
            ),
            json!("\"s\": |\n  line1\n  line2\n\"t\": |-\n  x\n  y\n\"u\": \"tab\\there\\n\"\n")
        );
        assert_eq!(fj("yamlencode", json!("a\n\n")), json!("|+\n  a\n\n...\n"));
        assert_eq!(
            fj("yamlencode", json!({"k": " lead\n"})),
            json!("\"k\": |2\n   lead\n")
        );
        assert_eq!(
            fj("yamlencode", json!({"e": "é😀\u{7f}"})),
            json!("\"e\": \"é\\U0001F600\\x7F\"\n")
        );
        // Long double-quoted strings are folded at spaces past column 80.
        let long = format!("{} {}", "a".repeat(85), "b".repeat(10));
        assert_eq!(
            f(
                "yamlencode",
                vec![Value::Object(BTreeMap::from([(
                    "k".to_owned(),
                    Value::from(long.as_str())
                )]))]
            )
            .unwrap(),
            Value::String(format!(
                "\"k\": \"{}\n  {}\"\n",
                "a".repeat(85),
                "b".repeat(10)
            ))
        );
    }

    #[test]
    fn numeric_functions() {
        assert_eq!(fj("abs", json!(-12.4)), json!(12.4));
        assert_eq!(fj("ceil", json!(5.1)), json!(6));
        assert_eq!(fj("floor", json!(4.9)), json!(4));
        assert_eq!(fj("log", json!([50, 10])), json!(1.6989700043360185));
        assert_eq!(fj("log", json!([16, 2])), json!(4));
        assert_eq!(fj("max", json!([12, 54, 3])), json!(54));
        assert_eq!(fj("min", json!([12, 54, 3])), json!(3));
        assert_eq!(fj("pow", json!([3, 2])), json!(9));
        assert_eq!(fj("signum", json!(-13)), json!(-1));
        assert_eq!(fj("signum", json!(0)), json!(0));
        assert_eq!(fj("parseint", json!(["100", 10])), json!(100));
        assert_eq!(fj("parseint", json!(["FF", 16])), json!(255));
        assert_eq!(fj("parseint", json!(["-10", 16])), json!(-16));
        assert_eq!(fj("parseint", json!(["11111111", 2])), json!(255));
        assert_eq!(fj("parseint", json!(["aA", 62])), json!(656));
        assert!(err("parseint", json!(["12", 2])).contains("cannot parse"));
        assert!(err("parseint", json!(["1", 63])).contains("between 2 and 62"));
    }

    #[test]
    fn cidr_functions() {
        assert_eq!(
            fj("cidrhost", json!(["10.12.112.0/20", 16])),
            json!("10.12.112.16")
        );
        assert_eq!(
            fj("cidrhost", json!(["10.12.112.0/20", 268])),
            json!("10.12.113.12")
        );
        assert_eq!(
            fj("cidrhost", json!(["10.0.0.0/24", -1])),
            json!("10.0.0.255")
        );
        assert_eq!(
            fj("cidrhost", json!(["fd00:fd12:3456:7890:00a2::/72", 34])),
            json!("fd00:fd12:3456:7890::22")
        );
        assert!(err("cidrhost", json!(["10.0.0.0/24", 256]))
            .contains("does not accommodate a host numbered 256"));
        assert_eq!(
            fj("cidrnetmask", json!("172.16.0.0/12")),
            json!("255.240.0.0")
        );
        assert!(err("cidrnetmask", json!("fd00::/8")).contains("IPv6"));
        assert_eq!(
            fj("cidrsubnet", json!(["172.16.0.0/12", 4, 2])),
            json!("172.18.0.0/16")
        );
        assert_eq!(
            fj("cidrsubnet", json!(["10.1.2.0/24", 4, 15])),
            json!("10.1.2.240/28")
        );
        assert_eq!(
            fj("cidrsubnet", json!(["fd00:fd12:3456:7890::/56", 16, 162])),
            json!("fd00:fd12:3456:7800:a200::/72")
        );
        assert!(err("cidrsubnet", json!(["10.0.0.0/24", 4, 16]))
            .contains("does not accommodate a subnet"));
        assert!(
            err("cidrsubnet", json!(["10.0.0.0/30", 4, 0])).contains("insufficient address space")
        );
        assert!(err("cidrsubnet", json!(["10.0.0.0", 4, 0])).contains("invalid CIDR address"));
        assert_eq!(
            fj("cidrsubnets", json!(["10.1.0.0/16", 4, 4, 8, 4])),
            json!([
                "10.1.0.0/20",
                "10.1.16.0/20",
                "10.1.32.0/24",
                "10.1.48.0/20"
            ])
        );
        assert_eq!(
            fj(
                "cidrsubnets",
                json!(["fd00:fd12:3456:7890::/56", 16, 16, 16, 32])
            ),
            json!([
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88"
            ])
        );
        assert!(err("cidrsubnets", json!(["10.0.0.0/30", 1, 1, 1]))
            .contains("not enough remaining address space"));
        assert_eq!(
            fj("cidrcontains", json!(["192.168.2.0/20", "192.168.2.1"])),
            json!(true)
        );
        assert_eq!(
            fj("cidrcontains", json!(["192.168.2.0/20", "192.126.2.1"])),
            json!(false)
        );
        assert_eq!(
            fj("cidrcontains", json!(["192.168.2.0/20", "192.168.2.0/24"])),
            json!(true)
        );
        assert_eq!(
            fj("cidrcontains", json!(["192.168.2.0/24", "192.168.0.0/20"])),
            json!(false)
        );
        assert!(
            err("cidrcontains", json!(["10.0.0.0/8", "::1"])).contains("address family mismatch")
        );
        // Leading zeros are accepted as Terraform's parser does.
        assert_eq!(
            fj("cidrhost", json!(["010.000.000.000/8", 1])),
            json!("10.0.0.1")
        );
    }

    #[test]
    fn hashes() {
        assert_eq!(
            fj("md5", json!("hello world")),
            json!("5eb63bbbe01eeed093cb22bb8f5acdc3")
        );
        assert_eq!(
            fj("sha1", json!("hello world")),
            json!("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")
        );
        assert_eq!(
            fj("sha256", json!("hello world")),
            json!("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
        );
        assert_eq!(
            fj("sha512", json!("hello world")),
            json!("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")
        );
        assert_eq!(
            fj("base64sha256", json!("hello world")),
            json!("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
        );
        assert_eq!(
            fj("base64sha512", json!("hello world")),
            json!("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==")
        );
        assert_eq!(
            fj("uuidv5", json!(["dns", "www.terraform.io"])),
            json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        assert_eq!(
            fj("uuidv5", json!(["url", "https://www.terraform.io/"])),
            json!("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")
        );
        assert_eq!(
            fj("uuidv5", json!(["oid", "1.3.6.1.4"])),
            json!("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")
        );
        assert_eq!(
            fj("uuidv5", json!(["x500", "CN=Example,C=GB"])),
            json!("84e09961-4aa4-57f8-95b7-03edb1073253")
        );
        assert_eq!(
            fj(
                "uuidv5",
                json!(["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"])
            ),
            json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        assert!(err("uuidv5", json!(["nope", "x"])).contains("doesn't support namespace"));
    }

    #[test]
    fn time_functions() {
        let t = "2018-01-02T23:12:01Z";
        assert_eq!(
            fj("formatdate", json!(["DD MMM YYYY hh:mm ZZZ", t])),
            json!("02 Jan 2018 23:12 UTC")
        );
        assert_eq!(
            fj("formatdate", json!(["EEEE, DD-MMM-YY hh:mm:ss ZZZ", t])),
            json!("Tuesday, 02-Jan-18 23:12:01 UTC")
        );
        assert_eq!(
            fj(
                "formatdate",
                json!(["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"])
            ),
            json!("Tue, 02 Jan 2018 23:12:01 -0800")
        );
        assert_eq!(
            fj("formatdate", json!(["MMM DD, YYYY", t])),
            json!("Jan 02, 2018")
        );
        assert_eq!(fj("formatdate", json!(["HH:mmaa", t])), json!("11:12pm"));
        assert_eq!(
            fj("formatdate", json!(["h'h'mm", "2018-01-02T23:12:01-08:00"])),
            json!("23h12")
        );
        assert_eq!(
            fj(
                "formatdate",
                json!(["'It''s' D/M/YYYY Z ZZZZZ", "2000-02-29T00:00:00+05:30"])
            ),
            json!("It's 29/2/2000 +05:30 +05:30")
        );
        assert!(err("formatdate", json!(["YYY", t])).contains("year must either be"));
        assert!(err("formatdate", json!(["'abc", t])).contains("unterminated literal"));
        assert!(err("formatdate", json!(["YYYY", "2018-01-02"]))
            .contains("not a valid RFC3339 timestamp"));
        assert!(
            err("formatdate", json!(["YYYY", "2019-02-29T00:00:00Z"])).contains("day out of range")
        );
        assert_eq!(
            fj("timeadd", json!(["2017-11-22T00:00:00Z", "10m"])),
            json!("2017-11-22T00:10:00Z")
        );
        assert_eq!(
            fj("timeadd", json!(["2017-11-22T00:00:00Z", "-1h30m"])),
            json!("2017-11-21T22:30:00Z")
        );
        assert_eq!(
            fj("timeadd", json!(["2020-02-28T23:00:00+01:00", "1.5h"])),
            json!("2020-02-29T00:30:00+01:00")
        );
        assert_eq!(
            fj("timeadd", json!(["2017-11-22T00:00:00.5Z", "500ms"])),
            json!("2017-11-22T00:00:01Z")
        );
        assert!(err("timeadd", json!(["2017-11-22T00:00:00Z", "1d"])).contains("unknown unit"));
        assert!(err("timeadd", json!(["2017-11-22T00:00:00Z", "10"])).contains("missing unit"));
        assert_eq!(
            fj(
                "timecmp",
                json!(["2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"])
            ),
            json!(0)
        );
        assert_eq!(
            fj(
                "timecmp",
                json!(["2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"])
            ),
            json!(-1)
        );
        assert_eq!(
            fj(
                "timecmp",
                json!(["2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"])
            ),
            json!(1)
        );
        assert_eq!(
            fj(
                "timecmp",
                json!(["2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00"])
            ),
            json!(0)
        );
    }

    #[test]
    fn path_functions() {
        assert_eq!(fj("basename", json!("foo/bar/baz.txt")), json!("baz.txt"));
        assert_eq!(fj("basename", json!("foo/bar/")), json!("bar"));
        assert_eq!(fj("dirname", json!("foo/bar/baz.txt")), json!("foo/bar"));
        assert_eq!(fj("dirname", json!("baz.txt")), json!("."));
        assert_eq!(fj("dirname", json!("/baz.txt")), json!("/"));
        assert_eq!(fj("abspath", json!("/a/./b/../c")), json!("/a/c"));
        assert!(f("abspath", vec!["rel".into()]).unwrap().is_unknown());
        assert!(f("pathexpand", vec!["~/.ssh/id_rsa".into()])
            .unwrap()
            .is_unknown());
        assert_eq!(
            fj("pathexpand", json!("/etc/resolv.conf")),
            json!("/etc/resolv.conf")
        );
    }

    #[test]
    fn file_functions_stay_inside_the_tree() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("root");
        std::fs::create_dir_all(root.join("files/sub")).unwrap();
        std::fs::write(root.join("files/hello.txt"), "hello world").unwrap();
        std::fs::write(root.join("files/sub/a.json"), "{}").unwrap();
        std::fs::write(root.join("files/.hidden.txt"), "x").unwrap();
        std::fs::write(root.join("files/tmpl.tftpl"), "Hi ${name}!").unwrap();
        std::fs::write(root.join("files/bin"), [0xffu8, 0xfe]).unwrap();
        std::fs::write(outer.path().join("secret"), "s3cret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(outer.path().join("secret"), root.join("files/escape")).unwrap();

        let c = |name: &str, args: Vec<Value>| call_in(&root, name, args);
        assert_eq!(
            c("file", vec!["files/hello.txt".into()]).unwrap(),
            Value::from("hello world")
        );
        assert_eq!(
            c("filemd5", vec!["files/hello.txt".into()]).unwrap(),
            Value::from("5eb63bbbe01eeed093cb22bb8f5acdc3")
        );
        assert_eq!(
            c("filebase64sha256", vec!["files/hello.txt".into()]).unwrap(),
            Value::from("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
        );
        assert_eq!(
            c("filebase64", vec!["files/bin".into()]).unwrap(),
            Value::from("//4=")
        );
        assert!(c("file", vec!["files/bin".into()])
            .unwrap_err()
            .contains("not valid UTF-8"));
        assert!(c("file", vec!["files/missing".into()])
            .unwrap_err()
            .contains("no file exists"));
        assert_eq!(
            c("fileexists", vec!["files/hello.txt".into()]).unwrap(),
            Value::Bool(true)
        );
        assert_eq!(
            c("fileexists", vec!["files/nope".into()]).unwrap(),
            Value::Bool(false)
        );
        assert!(c("fileexists", vec!["files".into()])
            .unwrap_err()
            .contains("is a directory"));
        assert!(c("file", vec!["../secret".into()])
            .unwrap_err()
            .contains("refusing to read outside"));
        let abs_secret = outer.path().join("secret").to_string_lossy().into_owned();
        assert!(c("filesha256", vec![abs_secret.into()])
            .unwrap_err()
            .contains("refusing to read outside"));
        #[cfg(unix)]
        assert!(c("file", vec!["files/escape".into()])
            .unwrap_err()
            .contains("refusing to read outside"));
        assert!(c("fileset", vec!["..".into(), "*".into()])
            .unwrap_err()
            .contains("refusing to read outside"));

        assert_eq!(
            c("fileset", vec!["files".into(), "*.txt".into()]).unwrap(),
            j(json!([".hidden.txt", "hello.txt"]))
        );
        assert_eq!(
            c("fileset", vec!["files".into(), "**/*.{json,txt}".into()]).unwrap(),
            j(json!([".hidden.txt", "hello.txt", "sub/a.json"]))
        );
        assert_eq!(
            c("fileset", vec!["files".into(), "sub/*".into()]).unwrap(),
            j(json!(["sub/a.json"]))
        );
        assert_eq!(
            c("fileset", vec!["files".into(), "h[a-f]llo.???".into()]).unwrap(),
            j(json!(["hello.txt"]))
        );
        assert_eq!(
            c("fileset", vec!["missing".into(), "*".into()]).unwrap(),
            j(json!([]))
        );

        let vars = Value::Object(BTreeMap::from([("name".to_owned(), Value::from("Ann"))]));
        assert_eq!(
            c(
                "templatefile",
                vec!["files/tmpl.tftpl".into(), vars.clone()]
            )
            .unwrap(),
            Value::from("Hi Ann!")
        );
        assert_eq!(
            c("templatestring", vec!["${name}?".into(), vars]).unwrap(),
            Value::from("Ann?")
        );
        let bad_vars = Value::Object(BTreeMap::from([("1x".to_owned(), Value::from("a"))]));
        assert!(c("templatefile", vec!["files/tmpl.tftpl".into(), bad_vars])
            .unwrap_err()
            .contains("invalid template variable name"));
        assert!(c(
            "templatefile",
            vec!["files/tmpl.tftpl".into(), Value::List(vec![])]
        )
        .unwrap_err()
        .contains("must be a map"));
    }

    #[test]
    fn arity_and_names() {
        assert!(f("upper", vec![])
            .unwrap_err()
            .contains("expects 1 argument"));
        assert!(f("nosuchfunction", vec![])
            .unwrap_err()
            .contains("unknown function"));
        assert!(f("upper", vec![Value::Null]).unwrap_err().contains("null"));
        assert!(is_known("cidrsubnets") && is_known("timestamp") && is_known("yamlencode"));
        assert!(!is_known("try") && !is_known("can") && !is_known("provider::aws::arn_parse"));
    }
}
