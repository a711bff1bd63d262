//! JUnit XML for CI test viewers: one `<testsuite>` per policy that ran, one
//! `<testcase>` per (policy, resource) with a `<failure>` for its findings,
//! and one passing "no findings" case for a policy that found nothing, so no
//! suite is empty. Files tfward could not read form a last suite of
//! `<error>` cases. Written by hand: the format is small.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Context, Report};
use crate::finding::Finding;

/// The suite holding files tfward could not read or policies that failed.
pub const ERRORS_SUITE: &str = "tfward errors";

/// The suite holding warnings: parts of the configuration left unevaluated.
pub const WARNINGS_SUITE: &str = "tfward warnings";

pub fn render(report: &Report, ctx: &Context<'_>) -> String {
    // rule id -> (file, address) -> findings, in report order.
    let mut by_rule: BTreeMap<&str, BTreeMap<(String, &str), Vec<&Finding>>> = BTreeMap::new();
    for m in &ctx.rules {
        by_rule.entry(m.id.as_str()).or_default();
    }
    for f in &report.findings {
        by_rule
            .entry(f.rule_id.as_str())
            .or_default()
            .entry((ctx.rel_path(&f.file), f.address.as_str()))
            .or_default()
            .push(f);
    }

    let mut suites = String::new();
    let (mut tests, mut failures) = (0usize, 0usize);
    for (rule_id, cases) in &by_rule {
        let title = ctx
            .rule(rule_id)
            .map(|(_, m)| m.title.as_str())
            .or_else(|| cases.values().flatten().next().map(|f| f.title.as_str()));
        let name = match title {
            Some(t) => format!("{rule_id} {t}"),
            None => (*rule_id).to_owned(),
        };
        let n_tests = cases.len().max(1);
        tests += n_tests;
        failures += cases.len();
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{n_tests}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            escape(&name),
            cases.len()
        );
        if cases.is_empty() {
            let _ = writeln!(
                suites,
                "    <testcase name=\"no findings\" classname=\"{}\"/>",
                escape(rule_id)
            );
        }
        for ((file, address), findings) in cases {
            write_failure(&mut suites, rule_id, file, address, findings);
        }
        suites.push_str("  </testsuite>\n");
    }
    let errors = report.errors.len();
    if errors > 0 {
        tests += errors;
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{ERRORS_SUITE}\" tests=\"{errors}\" failures=\"0\" errors=\"{errors}\" skipped=\"0\">"
        );
        for e in &report.errors {
            let file = ctx.rel_path(&e.file);
            let at = if e.line > 0 {
                format!("{file}:{}:{}", e.line, e.column)
            } else {
                file.clone()
            };
            let _ = writeln!(
                suites,
                "    <testcase name=\"{}\" classname=\"tfward\" file=\"{}\">\n      <error message=\"{}\" type=\"error\">{}</error>\n    </testcase>",
                escape(&at),
                escape(&file),
                escape(&e.message),
                escape_text(&format!("{at}: {}", e.message)),
            );
        }
        suites.push_str("  </testsuite>\n");
    }
    // Warnings (modules not installed, configuration left unevaluated) are
    // skipped cases: visible in every JUnit viewer, failing nothing.
    let warnings = report.warnings.len();
    if warnings > 0 {
        tests += warnings;
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{WARNINGS_SUITE}\" tests=\"{warnings}\" failures=\"0\" errors=\"0\" skipped=\"{warnings}\">"
        );
        for w in &report.warnings {
            let file = ctx.rel_path(&w.file);
            let at = if w.line > 0 {
                format!("{file}:{}:{}", w.line, w.column)
            } else {
                file.clone()
            };
            let _ = writeln!(
                suites,
                "    <testcase name=\"{}\" classname=\"tfward\" file=\"{}\">\n      <skipped message=\"{}\"/>\n    </testcase>",
                escape(&at),
                escape(&file),
                escape(&w.message),
            );
        }
        suites.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tfward\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n{suites}</testsuites>\n"
    )
}

fn write_failure(
    out: &mut String,
    rule_id: &str,
    file: &str,
    address: &str,
    findings: &[&Finding],
) {
    let Some(first) = findings.first() else {
        return;
    };
    let line_attr = if first.line > 0 {
        format!(" line=\"{}\"", first.line)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"{line_attr}>",
        escape(address),
        escape(rule_id),
        escape(file)
    );
    let message = if findings.len() > 1 {
        format!("{} (and {} more)", first.message, findings.len() - 1)
    } else {
        first.message.clone()
    };
    let mut body = String::new();
    for f in findings {
        let at = if f.line > 0 {
            format!("{file}:{}:{}", f.line, f.column)
        } else {
            file.to_owned()
        };
        let _ = writeln!(body, "{} [{}] {at}: {}", f.rule_id, f.severity, f.message);
    }
    let _ = writeln!(
        out,
        "      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
        escape(&message),
        first.severity,
        escape_text(body.trim_end())
    );
}

/// Escapes text for a double-quoted XML attribute. Characters XML 1.0
/// cannot carry at all (most C0 controls) become U+FFFD; newlines and tabs
/// become character references, which attribute normalisation keeps.
pub fn escape(s: &str) -> String {
    escape_inner(s, true)
}

/// Escapes element content: as [`escape`], but newlines stay as they are.
pub fn escape_text(s: &str) -> String {
    escape_inner(s, false)
}

fn escape_inner(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if !attribute => out.push('\n'),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\ny\u{1}"), "x&#10;y\u{FFFD}");
        assert_eq!(escape_text("x\ny<"), "x\ny&lt;");
        assert_eq!(
            escape("aws_s3_bucket.b[\"k\"]"),
            "aws_s3_bucket.b[&quot;k&quot;]"
        );
    }
}
