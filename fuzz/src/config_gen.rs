//! Structure-aware tfward.toml: the keys tfward knows (and some it does
//! not), with values of the right and the wrong types, policy ids real and
//! not, dates valid and not.

use std::fmt::Write as _;

use arbitrary::{Result, Unstructured};

use super::values;

const IDS: &[&str] = &[
    "TFW-AWS-0001",
    "TFW-AWS-0006",
    "TFW-GEN-0004",
    "tfw-aws-0001",
    " TFW-AWS-0001 ",
    "TFW-AWS-0001,TFW-AWS-0006",
    ",",
    "TFW-NOPE-9999",
    "",
];

const DATES: &[&str] = &[
    "2027-03-31",
    "\"2027-03-31\"",
    "2024-02-29",
    "\"2023-02-29\"",
    "\"9999-12-31\"",
    "\"0000-00-00\"",
    "1979-05-27T07:32:00Z",
    "\"2027-3-1\"",
    "\"-2027-01-01\"",
    "\"2027-13-40\"",
    "\"99999999999999999999-01-01\"",
    "12",
];

const SEVERITIES: &[&str] = &["LOW", "MEDIUM", "HIGH", "CRITICAL", "high", "never", ""];

fn value(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=6u8)? {
        0 => toml_string(&values::string(u)?),
        1 => format!("{}", values::number(u)?),
        2 => "true".into(),
        3 => (*u.choose(DATES)?).to_owned(),
        4 => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                items.push(toml_string(&values::string(u)?));
            }
            format!("[{}]", items.join(", "))
        }
        5 => format!("{{ x = {} }}", toml_string(&values::string(u)?)),
        _ => toml_string(u.choose(IDS)?),
    })
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn config(u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(0..=8)? {
        match u.int_in_range(0..=12u8)? {
            0 => {
                let v = *u.choose(&["low", "medium", "high", "critical", "never", "HIGH", "x"])?;
                let _ = writeln!(out, "fail_on = {}", toml_string(v));
            }
            1 => {
                let g = *u.choose(&["**/examples/**", "[", "{a,b", "*.tf", "\\"])?;
                let _ = writeln!(out, "exclude = [{}]", toml_string(g));
            }
            2 => {
                let d = *u.choose(&[".", "policies", "/proc", "../../..", "missing", ""])?;
                let _ = writeln!(out, "policy_dirs = [{}]", toml_string(d));
            }
            3 => {
                let k = *u.choose(&[
                    "required_tags",
                    "approved_module_sources",
                    "aws_account_ids",
                    "lambda_deprecated_runtimes",
                    "kms_min_deletion_window_days",
                    "unknown_key",
                ])?;
                let v = value(u)?;
                let _ = writeln!(out, "{k} = {v}");
            }
            4 => {
                let k = *u.choose(&["enable", "disable", "frameworks", "other"])?;
                let id = toml_string(u.choose(IDS)?);
                let _ = writeln!(out, "[policies]\n{k} = [{id}]");
            }
            5 => {
                let id = *u.choose(IDS)?;
                let sev = *u.choose(SEVERITIES)?;
                let _ = writeln!(
                    out,
                    "[severity_overrides]\n{} = {}",
                    toml_string(id),
                    toml_string(sev)
                );
            }
            6 => {
                let v = value(u)?;
                let k = *u.choose(&["monthly_budget", "disallowed_instance_families", "x"])?;
                let _ = writeln!(out, "[cost]\n{k} = {v}");
            }
            7 => {
                let v = value(u)?;
                let _ = writeln!(out, "[eks]\nmin_version = {v}");
            }
            8..=10 => {
                let _ = writeln!(out, "[[ignore]]");
                let id = toml_string(u.choose(IDS)?);
                let _ = writeln!(out, "id = {id}");
                if u.ratio(3u8, 4)? {
                    let _ = writeln!(out, "reason = {}", toml_string(&values::string(u)?));
                }
                if u.arbitrary()? {
                    let a = *u.choose(&["aws_s3_bucket.*", "[", "module.a.**", "\u{1b}"])?;
                    let _ = writeln!(out, "address = {}", toml_string(a));
                }
                if u.arbitrary()? {
                    let d = *u.choose(DATES)?;
                    let _ = writeln!(out, "until = {d}");
                }
            }
            11 => {
                let k = values::string(u)?;
                let v = value(u)?;
                let _ = writeln!(out, "{} = {v}", toml_string(&k));
            }
            _ => {
                // Raw bytes between the settings: broken TOML too.
                let s: &str = u.arbitrary()?;
                out.push_str(&s.chars().take(32).collect::<String>());
                out.push('\n');
            }
        }
    }
    Ok(out)
}
