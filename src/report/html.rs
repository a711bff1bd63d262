//! The Platform Change Report as one self-contained HTML page: inline CSS,
//! charts as inline SVG, no scripts, fonts or images from anywhere else, so
//! it opens the same from an artifact store, a mail attachment or offline.

use std::fmt::Write as _;

use super::platform::PlatformReport;
use super::platform_markdown::{cost_delta, cost_notes, cost_sides};
use crate::analyse::cost::{self, money};
use crate::analyse::diff::show;
use crate::analyse::risk::Level;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Inline `code` spans of Markdown-ish text become <code>.
fn code_spans(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

fn level_color(l: Level) -> &'static str {
    match l {
        Level::Low => "#2e7d32",
        Level::Medium => "#b26a00",
        Level::High => "#d84315",
        Level::Critical => "#b71c1c",
    }
}

fn severity_color(s: &str) -> &'static str {
    match s {
        "CRITICAL" => "#b71c1c",
        "HIGH" => "#d84315",
        "MEDIUM" => "#b26a00",
        _ => "#546e7a",
    }
}

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1c2430; background: #f4f6f8; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
.scroll { overflow-x: auto; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d5dbe1; }
h3 { font-size: 16px; margin: 18px 0 8px; }
.meta { color: #55606e; margin-bottom: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 16px 0 8px; }
.card { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: 12px 14px; }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #55606e; }
.card .value { font-size: 24px; font-weight: 650; }
.card .sub { font-size: 13px; color: #55606e; }
section { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: 4px 18px 16px; margin-top: 18px; }
section h2 { border: 0; margin-top: 14px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e7eb; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef1f4; font-weight: 600; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f4; padding: 1px 4px; border-radius: 3px; overflow-wrap: break-word; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
figure { margin: 8px 0; overflow-x: auto; }
figcaption { font-size: 13px; color: #55606e; margin-bottom: 4px; font-weight: 600; }
ul.reasons li { margin: 2px 0; }
.pts { display: inline-block; min-width: 44px; margin-right: 6px; font-variant-numeric: tabular-nums; color: #55606e; }
.rollback li { margin-bottom: 10px; }
.muted { color: #55606e; }
.check { list-style: none; padding-left: 4px; }
.check li::before { content: "\2610\00a0"; }
.check li.done::before { content: "\2611\00a0"; }
.warn { background: #fff4e5; border: 1px solid #f0b400; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.request { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: 10px 16px; margin: 10px 0; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; }
pre { background: #eef1f4; padding: 8px 10px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.diff { table-layout: fixed; }
table.diff th:first-child { width: 30%; }
.forced { color: #b71c1c; font-weight: 600; font-size: 13px; }
.marker { color: #55606e; font-style: italic; }
td.gap { color: #b71c1c; }
@media (max-width: 600px) {
  main { padding: 14px 10px 32px; }
  section { padding: 2px 10px 12px; }
  table { font-size: 13px; }
  th, td { padding: 4px 5px; }
  td.num, th.num, td.nowrap { white-space: normal; }
  .badge { padding: 1px 5px; }
  h1 { font-size: 22px; }
}
@media print { body { background: #fff; } section, .card { break-inside: avoid; } }
"#;

pub fn render(r: &PlatformReport) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Platform Change Report: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&r.change_id)
    );
    let _ = writeln!(s, "<h1>Platform Change Report: {}</h1>", esc(&r.change_id));
    let request = r
        .request
        .as_ref()
        .map(|q| format!(" · request <code>{}</code>", esc(q)))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "<div class=\"meta\">{} · plan <code>{}</code> (Terraform {}){request} · {} {}</div>",
        esc(&r.date),
        esc(&r.plan),
        esc(if r.terraform_version.is_empty() {
            "?"
        } else {
            &r.terraform_version
        }),
        r.tool.name,
        r.tool.version
    );
    request_block(&mut s, r);
    cards(&mut s, r);
    let _ = writeln!(s, "<div class=\"charts\">");
    let _ = writeln!(
        s,
        "<figure id=\"chart-findings\"><figcaption>Findings by severity</figcaption>{}</figure>",
        findings_chart(r)
    );
    let _ = writeln!(s, "<figure id=\"chart-cost\"><figcaption>Monthly cost before / after ({})</figcaption>{}</figure>", esc(&r.cost.summary.currency), cost_chart(r));
    let _ = writeln!(s, "</div>");
    summary(&mut s, r);
    diffs(&mut s, r);
    risk(&mut s, r);
    findings(&mut s, r);
    drift(&mut s, r);
    cost(&mut s, r);
    optimisation(&mut s, r);
    monitoring(&mut s, r);
    rollback(&mut s, r);
    approvals(&mut s, r);
    checklist(&mut s, r);
    acceptance(&mut s, r);
    unknowns(&mut s, r);
    s.push_str("</main>\n</body>\n</html>\n");
    narrow_friendly(&s)
}

/// Makes the page readable at any width: every table scrolls sideways
/// inside its section instead of widening the page, and text in the body
/// (addresses, paths, values) may wrap after `.`, `/`, `_`, `,` and `:`
/// (browsers already wrap after `-`) rather than in the middle of a word
/// or not at all (never inside a number). Runs on the
/// finished page: escaped text holds no `<`, so every `<` starts a tag
/// written here; charts (SVG text) and commands (`<pre>`) are left alone.
fn narrow_friendly(page: &str) -> String {
    let page = page
        .replace("<table", "<div class=\"scroll\"><table")
        .replace("</table>", "</table></div>");
    let body = page.find("<main>").unwrap_or(page.len());
    let (head, body) = page.split_at(body);
    let mut out = String::with_capacity(page.len() + page.len() / 8);
    out.push_str(head);
    let mut in_tag = false;
    let mut skip: Option<&str> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        // Numbers stay whole: $1,310.68, 2.3.1, 10:30.
        let before_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        match c {
            '<' => {
                in_tag = true;
                let tag = &body[i..];
                if skip.is_none() {
                    skip = ["svg", "pre"]
                        .into_iter()
                        .find(|t| tag[1..].starts_with(t))
                        .map(|t| if t == "svg" { "</svg>" } else { "</pre>" });
                } else if skip.is_some_and(|end| tag.starts_with(end)) {
                    skip = None;
                }
            }
            '>' => in_tag = false,
            '/' | '_' if !in_tag && skip.is_none() => out.push_str("<wbr>"),
            '.' | ',' | ':' if !in_tag && skip.is_none() && !before_digit => {
                out.push_str("<wbr>");
            }
            _ => {}
        }
    }
    out
}

fn cards(s: &mut String, r: &PlatformReport) {
    let f = &r.findings.counts;
    let get = |k: &str| f.get(k).copied().unwrap_or(0);
    let c = &r.cost.summary;
    let order = ["create", "update", "replace", "delete"];
    let actions: Vec<String> = order
        .iter()
        .filter_map(|a| r.summary.by_action.get(*a).map(|n| format!("{n} {a}")))
        .collect();
    let _ = writeln!(
        s,
        "<div class=\"cards\">\
<div class=\"card\" id=\"card-risk\"><div class=\"label\">Overall risk</div><div class=\"value\" style=\"color:{}\">{}/100</div><div class=\"sub\"><span class=\"badge\" style=\"background:{}\">{}</span></div></div>\
<div class=\"card\"><div class=\"label\">Resource changes</div><div class=\"value\">{}</div><div class=\"sub\">{}</div></div>\
<div class=\"card\"><div class=\"label\">Findings</div><div class=\"value\">{}</div><div class=\"sub\">{} critical · {} high · {} medium · {} low</div></div>\
<div class=\"card\" id=\"card-cost\"><div class=\"label\">Monthly cost change</div><div class=\"value\">{}</div><div class=\"sub\">{}</div></div>\
</div>",
        level_color(r.risk.level),
        r.risk.score,
        level_color(r.risk.level),
        r.risk.level.as_str(),
        r.summary.total,
        esc(&if actions.is_empty() { "none".to_owned() } else { actions.join(" · ") }),
        r.findings.findings.len(),
        get("CRITICAL"),
        get("HIGH"),
        get("MEDIUM"),
        get("LOW"),
        esc(&if c.priced == 0 && c.unpriced + c.usage_based > 0 {
            "not priced".to_owned()
        } else {
            money(c.total_delta, true)
        }),
        esc(&cost::headline(c)),
    );
}

/// Horizontal bars: (label, value, colour, value text). The chart scales
/// down with the page, but a chart with long labels (resource addresses)
/// stops at 80% and scrolls sideways instead, so its labels stay readable
/// on a phone.
fn bars(rows: &[(String, f64, &str, String)], max: f64, label_width: u32) -> String {
    let row_h = 26;
    let width = 340 + label_width;
    let min_width = if label_width > 100 { width * 4 / 5 } else { 0 };
    let bar_w = f64::from(width - label_width - 100);
    let height = (rows.len().max(1) as u32) * row_h + 8;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 {width} {height}\" style=\"max-width:{width}px;min-width:{min_width}px\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
    );
    if rows.is_empty() {
        let _ = write!(
            s,
            "<text x=\"4\" y=\"18\" fill=\"#55606e\">nothing to show</text>"
        );
    }
    for (i, (label, value, color, text)) in rows.iter().enumerate() {
        let y = i as u32 * row_h + 4;
        let w = if max > 0.0 {
            (value / max * bar_w).max(if *value > 0.0 { 2.0 } else { 0.0 })
        } else {
            0.0
        };
        // Keep the end of long addresses (the resource name), which tells
        // resources apart; the full address is the tooltip.
        let max_chars = (label_width / 7) as usize;
        let short: String = if label.chars().count() > max_chars {
            let tail: Vec<char> = label.chars().rev().take(max_chars - 1).collect();
            format!("…{}", tail.into_iter().rev().collect::<String>())
        } else {
            label.clone()
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1c2430\"><title>{}</title>{}</text>\
<rect x=\"{}\" y=\"{}\" width=\"{w:.1}\" height=\"18\" rx=\"3\" fill=\"{color}\"/>\
<text x=\"{:.1}\" y=\"{}\" fill=\"#1c2430\">{}</text>",
            label_width - 6,
            y + 13,
            esc(label),
            esc(&short),
            label_width,
            y,
            f64::from(label_width) + w + 5.0,
            y + 13,
            esc(text)
        );
    }
    s.push_str("</svg>");
    s
}

fn findings_chart(r: &PlatformReport) -> String {
    let rows: Vec<(String, f64, &str, String)> = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
        .iter()
        .map(|k| {
            let n = r.findings.counts.get(*k).copied().unwrap_or(0);
            ((*k).to_owned(), n as f64, severity_color(k), n.to_string())
        })
        .collect();
    let max = rows.iter().map(|r| r.1).fold(0.0, f64::max);
    bars(&rows, max, 80)
}

fn risk_chart(r: &PlatformReport) -> String {
    let rows: Vec<(String, f64, &str, String)> = r
        .risk
        .resources
        .iter()
        .take(15)
        .map(|x| {
            (
                x.address.clone(),
                f64::from(x.score),
                level_color(x.level),
                format!("{} {}", x.score, x.level.as_str()),
            )
        })
        .collect();
    bars(&rows, 100.0, 300)
}

fn cost_chart(r: &PlatformReport) -> String {
    let c = &r.cost.summary;
    let rows = vec![
        (
            "before".to_owned(),
            c.total_before,
            "#78909c",
            money(c.total_before, false),
        ),
        (
            "after".to_owned(),
            c.total_after,
            "#1565c0",
            money(c.total_after, false),
        ),
    ];
    let max = c.total_before.max(c.total_after);
    let mut s = bars(&rows, max, 80);
    // Per-resource deltas, largest first.
    let mut changed: Vec<_> = c
        .resources
        .iter()
        .filter(|x| x.delta.is_some_and(|d| d != 0.0))
        .collect();
    changed.sort_by(|a, b| {
        let (da, db) = (a.delta.unwrap_or(0.0).abs(), b.delta.unwrap_or(0.0).abs());
        db.total_cmp(&da).then_with(|| a.address.cmp(&b.address))
    });
    let rows: Vec<(String, f64, &str, String)> = changed
        .iter()
        .take(8)
        .map(|x| {
            let d = x.delta.unwrap_or(0.0);
            (
                x.address.clone(),
                d.abs(),
                if d > 0.0 { "#c62828" } else { "#2e7d32" },
                money(d, true),
            )
        })
        .collect();
    if !rows.is_empty() {
        let max = rows.iter().map(|r| r.1).fold(0.0, f64::max);
        s.push_str("<figcaption>Largest changes per resource</figcaption>");
        s.push_str(&bars(&rows, max, 300));
    }
    s
}

fn summary(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"summary\"><h2>Summary of changes</h2>");
    if r.summary.total == 0 {
        let _ = writeln!(
            s,
            "<p>The plan changes no resources ({} unchanged).</p></section>",
            r.summary.unchanged
        );
        return;
    }
    let _ = writeln!(
        s,
        "<p>{} resource changes; {} unchanged.</p>",
        r.summary.total, r.summary.unchanged
    );
    let _ = writeln!(
        s,
        "<table><tr><th>Module</th><th>Resource</th><th>Action</th></tr>"
    );
    for m in &r.summary.modules {
        let name = if m.module.is_empty() {
            "(root)"
        } else {
            &m.module
        };
        for (address, action) in &m.changes {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                esc(name),
                esc(address),
                esc(action)
            );
        }
    }
    let _ = writeln!(s, "</table></section>");
}

fn risk(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(
        s,
        "<section id=\"risk\"><h2>Overall risk: <span style=\"color:{}\">{}/100 ({})</span></h2><ul class=\"reasons\">",
        level_color(r.risk.level),
        r.risk.score,
        r.risk.level.as_str()
    );
    for x in &r.risk.reasons {
        let _ = writeln!(
            s,
            "<li><span class=\"pts\">+{}</span>{}</li>",
            x.points,
            esc(&x.text)
        );
    }
    let _ = writeln!(s, "</ul>");
    if !r.risk.resources.is_empty() {
        let _ = writeln!(s, "<figure id=\"chart-risk\"><figcaption>Risk per resource (0–100)</figcaption>{}</figure>", risk_chart(r));
        let _ = writeln!(s, "<table><tr><th>Resource</th><th>Action</th><th class=\"num\">Score</th><th>Reasons (points)</th></tr>");
        for x in &r.risk.resources {
            let reasons: Vec<String> = x
                .reasons
                .iter()
                .map(|y| format!("{} (+{})", esc(&y.text), y.points))
                .collect();
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\"><span class=\"badge\" style=\"background:{}\">{} {}</span></td><td>{}</td></tr>",
                esc(&x.address),
                esc(&x.action),
                level_color(x.level),
                x.score,
                x.level.as_str(),
                reasons.join("<br>")
            );
        }
        let _ = writeln!(s, "</table>");
    }
    let _ = writeln!(
        s,
        "<details id=\"risk-formula\"><summary>How the score is computed</summary>"
    );
    for p in super::platform_markdown::RISK_FORMULA {
        let _ = writeln!(s, "<p>{}</p>", esc(p));
    }
    let _ = writeln!(s, "</details></section>");
}

fn findings(s: &mut String, r: &PlatformReport) {
    let f = &r.findings;
    let _ = writeln!(
        s,
        "<section id=\"findings\"><h2>Security and compliance findings</h2>"
    );
    if f.findings.is_empty() {
        let _ = writeln!(s, "<p>No policy finding on the planned state.</p>");
    } else {
        let _ = writeln!(s, "<h3>By severity</h3><table><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Finding</th><th>Where</th></tr>");
        for row in &f.findings {
            let sev = row.severity.as_str();
            let _ = writeln!(
                s,
                "<tr><td><span class=\"badge\" style=\"background:{}\">{}</span></td><td class=\"nowrap\">{}</td><td><code>{}</code></td><td>{}</td><td><code>{}</code></td></tr>",
                severity_color(sev),
                sev,
                esc(&row.rule_id),
                esc(&row.address),
                esc(&row.message),
                esc(&row.location)
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !f.by_control.is_empty() {
        let _ = writeln!(s, "<h3>By framework control</h3><table><tr><th>Framework</th><th>Control</th><th>Rules</th><th>Resources</th></tr>");
        for c in &f.by_control {
            let res: Vec<String> = c
                .resources
                .iter()
                .map(|a| format!("<code>{}</code>", esc(a)))
                .collect();
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&c.framework),
                esc(&c.control),
                esc(&c.rules.join(", ")),
                res.join(" ")
            );
        }
        let _ = writeln!(s, "</table>");
    }
    let _ = writeln!(s, "</section>");
}

fn drift(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"drift\"><h2>Drift detected</h2>");
    if r.drift.is_empty() {
        let _ = writeln!(
            s,
            "<p>None: the refreshed state matches the last applied state.</p></section>"
        );
        return;
    }
    for n in &r.drift_notes {
        let _ = writeln!(
            s,
            "<p><span class=\"badge\" style=\"background:#b71c1c\">exposure</span> {}</p>",
            esc(n)
        );
    }
    let _ = writeln!(s, "<table><tr><th>Resource</th><th>Attribute</th><th>Recorded</th><th>Actual</th><th>This plan</th></tr>");
    for d in &r.drift {
        for e in &d.diff {
            let back = if d.overwritten_by_plan.contains(&e.path) {
                "sets it back"
            } else {
                "keeps the drifted value"
            };
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code> ({})</td><td><code>{}</code></td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
                esc(&d.address),
                d.kind,
                esc(&e.path),
                esc(&super::platform_markdown::before_value(&e.before, e.sensitive)),
                esc(&show(&e.after, e.unknown, e.sensitive)),
                back
            );
        }
    }
    let _ = writeln!(s, "</table></section>");
}

fn cost(s: &mut String, r: &PlatformReport) {
    let c = &r.cost.summary;
    let _ = writeln!(s, "<section id=\"cost\"><h2>Cost implications</h2>");
    let _ = writeln!(
        s,
        "<p>Monthly estimate ({}, on-demand list prices of {}, 730 h/month): <strong>{}</strong>.</p><p>{}. Totals include priced resources only; unpriced and usage-based ones are listed, never counted as zero.</p>",
        esc(&c.currency),
        esc(&c.catalogue_date),
        esc(&cost::headline(c)),
        esc(&cost::coverage(c))
    );
    let rows: Vec<_> = c
        .resources
        .iter()
        .filter(|x| super::platform_markdown::cost_row_shown(x))
        .collect();
    if !rows.is_empty() {
        let _ = writeln!(s, "<table><tr><th>Resource</th><th>Action</th><th class=\"num\">Before</th><th class=\"num\">After</th><th class=\"num\">Delta</th><th>Notes</th></tr>");
        for x in rows {
            let (before, after) = cost_sides(x);
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&x.address),
                esc(&x.action),
                esc(&before),
                esc(&after),
                esc(&cost_delta(x)),
                esc(&cost_notes(x))
            );
        }
        let _ = writeln!(s, "</table>");
    }
    let _ = writeln!(s, "</section>");
}

fn rollback(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"rollback\"><h2>Rollback plan</h2>");
    if r.rollback.is_empty() {
        let _ = writeln!(s, "<p>No resource is deleted or replaced: roll back by reverting the change and applying again.</p></section>");
        return;
    }
    let _ = writeln!(
        s,
        "<p>Destructive changes, in the order to roll them back:</p><ol class=\"rollback\">"
    );
    for item in &r.rollback {
        let _ = writeln!(
            s,
            "<li><strong><code>{}</code></strong> ({})<ul>",
            esc(&item.address),
            esc(&item.action)
        );
        let _ = writeln!(s, "<li>Lost: {}</li>", esc(&item.lost));
        if !item.protections.is_empty() {
            let _ = writeln!(s, "<li>Safeguards and ordering:<ul>");
            for p in &item.protections {
                let _ = writeln!(s, "<li>{}</li>", esc(p));
            }
            let _ = writeln!(s, "</ul></li>");
        }
        let _ = writeln!(s, "<li>Roll back: {}</li>", code_spans(&item.step));
        if !item.commands.is_empty() {
            let cmds: Vec<String> = item.commands.iter().map(|c| esc(c)).collect();
            let _ = writeln!(s, "<li>Commands:<pre>{}</pre></li>", cmds.join("\n"));
        }
        let _ = writeln!(s, "</ul></li>");
    }
    let _ = writeln!(s, "</ol></section>");
}

fn approvals(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(
        s,
        "<section id=\"approvals\"><h2>Items needing explicit approval</h2>"
    );
    if r.approvals.is_empty() {
        let _ = writeln!(s, "<p>None: no data store or key is lost, no access is widened or exposed, the cost stays within budget, and no new provider, module or service is introduced.</p></section>");
        return;
    }
    let _ = writeln!(
        s,
        "<table><tr><th>Approval</th><th>Subject</th><th>Why</th><th>Approver</th></tr>"
    );
    for a in &r.approvals {
        let _ = writeln!(
            s,
            "<tr><td>&#9744; <strong>{}</strong></td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            esc(a.kind),
            esc(&a.subject),
            esc(&a.detail),
            esc(&a.group)
        );
    }
    let _ = writeln!(s, "</table></section>");
}

/// Diffs longer than this are collapsed.
const DIFF_OPEN_LINES: usize = 12;

fn diffs(s: &mut String, r: &PlatformReport) {
    if r.diffs.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "<section id=\"diffs\"><h2>What changes, attribute by attribute</h2>"
    );
    for d in &r.diffs {
        let open = if d.lines.len() > DIFF_OPEN_LINES {
            ""
        } else {
            " open"
        };
        let forced = d.lines.iter().filter(|l| l.forces_replacement).count();
        let _ = writeln!(
            s,
            "<details class=\"diff\"{open}><summary><code>{}</code> ({}) — {} attribute{}{}</summary>",
            esc(&d.address),
            esc(&d.action),
            d.lines.len(),
            if d.lines.len() == 1 { "" } else { "s" },
            if forced > 0 {
                format!(", {forced} forcing replacement")
            } else {
                String::new()
            }
        );
        if d.lines.is_empty() {
            let _ = writeln!(
                s,
                "<p class=\"muted\">No attribute changes in the plan.</p></details>"
            );
            continue;
        }
        let _ = writeln!(
            s,
            "<table class=\"diff\"><tr><th>Attribute</th><th>Before</th><th>After</th></tr>"
        );
        let value = |v: &str| {
            if v.starts_with('(') && v.ends_with(')') {
                format!("<span class=\"marker\">{}</span>", esc(v))
            } else {
                format!("<code>{}</code>", esc(v))
            }
        };
        for l in &d.lines {
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&l.path),
                if l.forces_replacement {
                    "<br><span class=\"forced\">forces replacement</span>"
                } else {
                    ""
                },
                value(&l.before),
                value(&l.after),
            );
        }
        let _ = writeln!(s, "</table></details>");
    }
    let _ = writeln!(s, "</section>");
}

fn request_block(s: &mut String, r: &PlatformReport) {
    let Some(q) = &r.change_request else {
        return;
    };
    let _ = writeln!(
        s,
        "<div class=\"request\" id=\"request\"><strong>Change request:</strong> {} — <code>{}</code><br>Owner: {} · Approval status: {}",
        esc(q.title.as_deref().unwrap_or("(no title)")),
        esc(&q.path),
        esc(q.owner.as_deref().unwrap_or("not stated")),
        esc(q.status.as_deref().unwrap_or("not stated"))
    );
    if !q.criteria.is_empty() {
        let done = q.criteria.iter().filter(|c| c.checked).count();
        let _ = write!(
            s,
            " · Acceptance criteria: {done} of {} met",
            q.criteria.len()
        );
    }
    let _ = writeln!(s, "</div>");
    if !q.approved {
        let _ = writeln!(s, "<div class=\"warn\" id=\"request-warning\"><strong>Warning:</strong> the change request is not marked approved. Do not apply until it is.</div>");
    }
}

fn optimisation(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"optimisation\"><h2>Cost optimisation</h2>");
    if r.cost.hints.is_empty() {
        let _ = writeln!(s, "<p>Nothing to suggest for this plan.</p></section>");
        return;
    }
    let total: f64 = r.cost.hints.iter().filter_map(|h| h.monthly_saving).sum();
    if total > 0.0 {
        let _ = writeln!(
            s,
            "<p>Up to <strong>{}/month</strong> (list prices of {}).</p>",
            esc(&money(total, false)),
            esc(&r.cost.summary.catalogue_date)
        );
    }
    let _ = writeln!(
        s,
        "<table><tr><th>Resource</th><th>Suggestion</th><th class=\"num\">Monthly saving</th></tr>"
    );
    for h in &r.cost.hints {
        let saving = h
            .monthly_saving
            .map(|m| money(m, false))
            .unwrap_or_else(|| "not priced".into());
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&h.address),
            code_spans(&h.text),
            esc(&saving)
        );
    }
    let _ = writeln!(s, "</table></section>");
}

fn monitoring(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(
        s,
        "<section id=\"monitoring\"><h2>Monitoring and alerting</h2>"
    );
    if r.monitoring.is_empty() {
        let _ = writeln!(s, "<p>The plan creates or replaces no database, queue, load balancer, cluster or function.</p></section>");
        return;
    }
    let _ = writeln!(
        s,
        "<table><tr><th>Component</th><th>Kind</th><th>Logs</th><th>Alarms</th><th>Gaps</th></tr>"
    );
    for c in &r.monitoring {
        let alarms: Vec<String> = c
            .alarms
            .iter()
            .chain(&c.diagnostics)
            .map(|a| format!("<code>{}</code>", esc(a)))
            .collect();
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td class=\"gap\">{}</td></tr>",
            esc(&c.address),
            esc(c.kind),
            esc(c.logs.as_deref().unwrap_or("none")),
            if alarms.is_empty() { "none".to_owned() } else { alarms.join(" ") },
            if c.gaps.is_empty() { "—".to_owned() } else { esc(&c.gaps.join("; ")) }
        );
    }
    let _ = writeln!(s, "</table></section>");
}

fn checklist(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(
        s,
        "<section id=\"checklist\"><h2>Before apply</h2><ul class=\"check\">"
    );
    for c in &r.checklist {
        let _ = writeln!(
            s,
            "<li{}>{}</li>",
            if c.done { " class=\"done\"" } else { "" },
            code_spans(&c.text)
        );
    }
    let _ = writeln!(s, "</ul></section>");
}

fn acceptance(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"acceptance\"><h2>Acceptance criteria</h2>");
    if r.acceptance.is_empty() {
        let why = match &r.request {
            Some(q) => format!(
                "<code>{}</code> lists no checklist under an \"Acceptance criteria\" heading.",
                esc(q)
            ),
            None => "No change request given (<code>--request</code>).".into(),
        };
        let _ = writeln!(s, "<p>{why}</p></section>");
        return;
    }
    let _ = writeln!(s, "<ul class=\"check\">");
    for c in &r.acceptance {
        let _ = writeln!(
            s,
            "<li{}>{}</li>",
            if c.checked { " class=\"done\"" } else { "" },
            code_spans(&c.text)
        );
    }
    let _ = writeln!(s, "</ul></section>");
}

fn unknowns(s: &mut String, r: &PlatformReport) {
    let _ = writeln!(s, "<section id=\"unknowns\"><h2>Open unknowns</h2>");
    if r.unknowns.is_empty() && r.errors.is_empty() {
        let _ = writeln!(s, "<p>None.</p>");
    } else {
        let _ = writeln!(s, "<ul>");
        for e in &r.errors {
            let _ = writeln!(s, "<li>error: {}</li>", esc(e));
        }
        for u in &r.unknowns {
            let _ = writeln!(s, "<li>{}</li>", code_spans(u));
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(code_spans("run `a<b` now"), "run <code>a&lt;b</code> now");
    }

    #[test]
    fn long_words_wrap_at_dots_and_tables_scroll_in_place() {
        let page = "<head><title>a.b</title></head><main><table><tr><td><code>module.x.aws_s3_bucket.b</code> see a/b</td></tr></table>\
<svg><text>aws_lb.x</text></svg><pre>aws s3 cp a.txt</pre><p>x.y $1,310.68</p></main>";
        let out = narrow_friendly(page);
        assert!(out.contains("<title>a.b</title>"), "{out}");
        assert!(out.contains(
            "<div class=\"scroll\"><table><tr><td><code>module.<wbr>x.<wbr>aws_<wbr>s3_<wbr>bucket.<wbr>b</code> see a/<wbr>b</td></tr></table></div>"
        ), "{out}");
        assert!(
            out.contains(
                "<svg><text>aws_lb.x</text></svg><pre>aws s3 cp a.txt</pre><p>x.<wbr>y $1,310.68</p>"
            ),
            "{out}"
        );
    }
}
