//! Inline ignore comments and what they cover.
//!
//! `# tfward:ignore TFW-AWS-0001,TFW-AWS-0002 reason="public site" until=2027-03-31`
//! (or `//`) on the line above a block or attribute, or at the end of its
//! first line, covers that structure's lines. Anything after a second `#`
//! or `//` is free text. Text that only looks like a directive inside a
//! string or heredoc is not a comment: it lies inside an attribute's span.
//!
//! The peers' comments count too, governed the same way (a reason, a date
//! that has not passed), their ids mapped through METADATA `equivalents`:
//! `#checkov:skip=CKV_AWS_20:reason` anywhere inside a top-level block
//! covers that block (as Checkov reads it); `#tfsec:ignore:ID` and
//! `#trivy:ignore:ID[:exp:YYYY-MM-DD]` are placed like tfward's own, and
//! the text after them is their reason.

use std::ops::Range;

use hcl_edit::repr::Span;
use hcl_edit::structure::{Body, Structure};

use crate::policy::peers::Peer;
use crate::source::SourceFile;
use crate::terraform::parse;

/// The marker that starts a directive inside a comment.
pub const MARKER: &str = "tfward:ignore";

/// The peers' markers, each followed by the ids.
const PEER_MARKERS: [(&str, Peer); 3] = [
    ("checkov:skip=", Peer::Checkov),
    ("tfsec:ignore:", Peer::Tfsec),
    ("trivy:ignore:", Peer::Trivy),
];

/// One `tfward:ignore` comment as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Rule ids as written (upper-cased), in order.
    pub ids: Vec<String>,
    pub reason: Option<String>,
    pub until: Option<String>,
    /// `key=value` pairs other than reason and until, and stray words.
    pub unknown_fields: Vec<String>,
    /// Byte range of the comment, from its `#` or `//` to the end of the
    /// directive.
    pub span: Range<usize>,
    /// True when code precedes the comment on its line.
    pub end_of_line: bool,
    /// The tool whose syntax the comment uses (None: tfward's own); its ids
    /// are that tool's.
    pub peer: Option<Peer>,
}

/// A block or attribute an ignore can cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// 1-based first and last line.
    pub lines: (usize, usize),
    /// The address of the top-level block (`aws_s3_bucket.site`,
    /// `data.aws_iam_policy_document.x`, `module.vpc`, `locals`).
    pub address: String,
    /// Nested block names and attribute keys below the top-level block.
    pub path: Vec<String>,
    pub depth: usize,
}

/// A directive with the structure it covers (None: it covers nothing).
#[derive(Debug, Clone)]
pub struct Placed {
    pub directive: Directive,
    pub target: Option<Target>,
}

/// Finds every ignore directive in an HCL file and the structure each one
/// covers. A file that does not parse has no directives (its parse error is
/// already a diagnostic).
pub fn place(file: &SourceFile) -> Vec<Placed> {
    if !file.text.contains(MARKER) && !PEER_MARKERS.iter().any(|(m, _)| file.text.contains(m)) {
        return Vec::new();
    }
    let Ok(parsed) = parse::parse_hcl(&file.text) else {
        return Vec::new();
    };
    let mut structures = Vec::new();
    let mut attr_spans = Vec::new();
    walk(
        &parsed.body,
        file,
        None,
        &[],
        0,
        &mut structures,
        &mut attr_spans,
    );
    attr_spans.sort_by_key(|r| r.start);
    let commented_out = block_comments(&file.text, &attr_spans);
    let mut out = Vec::new();
    for directive in scan(&file.text) {
        // A "comment" inside an attribute's value is string content; one
        // inside a /* block comment */ is commented out.
        let start = directive.span.start;
        let inside = |r: &Range<usize>| r.contains(&start);
        if attr_spans.iter().any(inside) || commented_out.iter().any(inside) {
            continue;
        }
        let line = file.line_col(start).line;
        // Checkov reads a skip anywhere in the lines of a resource.
        if directive.peer == Some(Peer::Checkov) {
            let enclosing = structures
                .iter()
                .find(|s| s.depth == 0 && s.lines.0 <= line && line <= s.lines.1);
            if let Some(t) = enclosing {
                out.push(Placed {
                    directive,
                    target: Some(t.clone()),
                });
                continue;
            }
        }
        let target_line = if directive.end_of_line {
            Some(line)
        } else {
            next_code_line(file, line)
        };
        let target = target_line.and_then(|l| {
            structures
                .iter()
                .filter(|s| s.lines.0 == l)
                .min_by_key(|s| s.depth)
                .cloned()
        });
        out.push(Placed { directive, target });
    }
    out
}

/// The `/* ... */` comments of a file. Attribute spans (values, which may
/// hold `/*` in strings such as `"arn:aws:s3:::b/*"`) are skipped, as are
/// line comments and quoted block labels.
fn block_comments(text: &str, attr_spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut attrs = attr_spans.iter().peekable();
    let mut i = 0;
    while i < bytes.len() {
        while attrs.peek().is_some_and(|r| r.end <= i) {
            attrs.next();
        }
        if let Some(r) = attrs.peek().filter(|r| r.start <= i) {
            i = r.end;
            continue;
        }
        let rest = &bytes[i..];
        if rest.starts_with(b"/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |e| i + 2 + e + 2);
            out.push(i..end);
            i = end;
        } else if rest.starts_with(b"#") || rest.starts_with(b"//") || rest.starts_with(b"\"") {
            let quoted = rest[0] == b'"';
            let line_end = text[i + 1..].find('\n').map_or(bytes.len(), |e| i + 1 + e);
            let end = if quoted {
                text[i + 1..line_end]
                    .find('"')
                    .map_or(line_end, |e| i + 2 + e)
            } else {
                line_end
            };
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The first line after `line` that is neither blank nor only a comment.
fn next_code_line(file: &SourceFile, line: usize) -> Option<usize> {
    (line + 1..=file.line_count()).find(|&l| {
        let t = file.line_text(l).trim_start();
        !(t.is_empty() || t.starts_with('#') || t.starts_with("//") || t.starts_with("/*"))
    })
}

fn walk(
    body: &Body,
    file: &SourceFile,
    top: Option<&str>,
    path: &[String],
    depth: usize,
    out: &mut Vec<Target>,
    attrs: &mut Vec<Range<usize>>,
) {
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => {
                let Some(span) = a.span() else { continue };
                attrs.push(span.clone());
                let key = a.key.value().to_string();
                let (address, mut p) = match top {
                    Some(t) => (t.to_owned(), path.to_vec()),
                    None => (key.clone(), Vec::new()),
                };
                if top.is_some() {
                    p.push(key);
                }
                out.push(Target {
                    lines: lines_of(file, &span),
                    address,
                    path: p,
                    depth,
                });
            }
            Structure::Block(b) => {
                let Some(span) = b.span() else { continue };
                let ident = b.ident.value().as_str();
                let (address, p) = match top {
                    Some(t) => {
                        let mut p = path.to_vec();
                        p.push(ident.to_owned());
                        (t.to_owned(), p)
                    }
                    None => {
                        let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
                        (block_address(ident, &labels), Vec::new())
                    }
                };
                out.push(Target {
                    lines: lines_of(file, &span),
                    address: address.clone(),
                    path: p.clone(),
                    depth,
                });
                walk(&b.body, file, Some(&address), &p, depth + 1, out, attrs);
            }
        }
    }
}

fn lines_of(file: &SourceFile, span: &Range<usize>) -> (usize, usize) {
    let start = file.line_col(span.start).line;
    // The span ends after the last character; a trailing newline is not part
    // of the structure.
    let end = file
        .line_col(span.end.saturating_sub(1).max(span.start))
        .line;
    (start, end.max(start))
}

/// The Terraform address of a top-level block.
pub fn block_address(ident: &str, labels: &[&str]) -> String {
    match (ident, labels) {
        ("resource", [t, n]) | ("ephemeral", [t, n]) => format!("{t}.{n}"),
        ("data", [t, n]) => format!("data.{t}.{n}"),
        ("module", [n]) => format!("module.{n}"),
        (i, []) => i.to_owned(),
        (i, l) => format!("{i}.{}", l.join(".")),
    }
}

/// Every directive in the text, by line.
pub fn scan(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(d) = directive_in_line(line, line_start) {
            out.push(d);
        }
        line_start += line.len();
    }
    out
}

fn directive_in_line(line: &str, line_start: usize) -> Option<Directive> {
    let Some(at) = line.find(MARKER) else {
        return peer_directive_in_line(line, line_start);
    };
    let before = line[..at].trim_end();
    let marker_len = if before.ends_with("//") {
        2
    } else if before.ends_with('#') {
        1
    } else {
        return None;
    };
    let comment_start = before.len() - marker_len;
    let end_of_line = !line[..comment_start].trim().is_empty();
    let rest = line[at + MARKER.len()..].trim_end_matches(['\n', '\r']);
    // The directive stops at a second comment marker (free text after it).
    let (body, body_len) = match [rest.find(" #"), rest.find(" //")]
        .into_iter()
        .flatten()
        .min()
    {
        Some(i) => (&rest[..i], i),
        None => (rest, rest.len()),
    };
    let mut d = parse_body(body);
    d.span = line_start + comment_start..line_start + at + MARKER.len() + body_len;
    d.end_of_line = end_of_line;
    Some(d)
}

/// The comment marker (`#` or `//`) that ends right before `at`, with
/// spaces between: where the comment starts.
fn comment_start_before(line: &str, at: usize) -> Option<usize> {
    let before = line[..at].trim_end();
    if before.ends_with("//") {
        Some(before.len() - 2)
    } else if before.ends_with('#') {
        Some(before.len() - 1)
    } else {
        None
    }
}

/// A peer's directive: `checkov:skip=ID[,ID]:reason`, or one or more
/// `tfsec:ignore:ID[:exp:DATE]` / `trivy:ignore:ID[:exp:DATE]` followed by
/// the reason.
fn peer_directive_in_line(line: &str, line_start: usize) -> Option<Directive> {
    let (at, marker, peer) = PEER_MARKERS
        .iter()
        .filter_map(|&(m, p)| Some((line.find(m)?, m, p)))
        .min_by_key(|(at, _, _)| *at)?;
    let comment_start = comment_start_before(line, at)?;
    let mut d = Directive {
        ids: Vec::new(),
        reason: None,
        until: None,
        unknown_fields: Vec::new(),
        span: 0..0,
        end_of_line: !line[..comment_start].trim().is_empty(),
        peer: Some(peer),
    };
    let rest = line[at + marker.len()..].trim_end_matches(['\n', '\r']);
    let reason = if peer == Peer::Checkov {
        let (ids, reason) = rest.split_once(':').unwrap_or((rest, ""));
        d.ids = split_ids(ids.trim());
        reason
    } else {
        let mut rest = rest;
        loop {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let mut parts = rest[..end].split(':');
            d.ids.extend(split_ids(parts.next().unwrap_or_default()));
            while let Some(key) = parts.next() {
                match (key, parts.next()) {
                    ("exp", Some(date)) => d.until = Some(date.to_owned()),
                    (key, value) => d.unknown_fields.push(match value {
                        Some(v) => format!("{key}:{v}"),
                        None => key.to_owned(),
                    }),
                }
            }
            rest = rest[end..].trim_start();
            // Several ignores may share a comment: `tfsec:ignore:a tfsec:ignore:b`.
            match rest.strip_prefix(marker) {
                Some(next) => rest = next,
                None => break rest,
            }
        }
    };
    let reason = reason
        .trim()
        .trim_start_matches(['#', '/', '-', ':'])
        .trim();
    d.reason = match reason.strip_prefix("reason=") {
        Some(quoted) => Some(take_value(quoted).0),
        None => (!reason.is_empty()).then(|| reason.to_owned()),
    };
    d.span = line_start + comment_start..line_start + line.trim_end().len();
    Some(d)
}

/// `A,B` as ids, as written (peers' ids match without regard to case).
fn split_ids(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `ID[,ID...] key=value key="quoted value" ...`
fn parse_body(body: &str) -> Directive {
    let mut d = Directive {
        ids: Vec::new(),
        reason: None,
        until: None,
        unknown_fields: Vec::new(),
        span: 0..0,
        end_of_line: false,
        peer: None,
    };
    let mut rest = body.trim_start();
    let mut first = true;
    while !rest.is_empty() {
        let word_end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let after = &rest[word_end..];
        if let Some(value_text) = after.strip_prefix('=') {
            let (value, remaining) = take_value(value_text);
            match word {
                "reason" => d.reason = Some(value),
                "until" => d.until = Some(value),
                _ => d.unknown_fields.push(format!("{word}={value}")),
            }
            rest = remaining.trim_start();
        } else {
            if first || word.contains(',') || looks_like_id(word) {
                d.ids.extend(
                    word.split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| s.trim().to_ascii_uppercase()),
                );
            } else {
                d.unknown_fields.push(word.to_owned());
            }
            rest = after.trim_start();
        }
        first = false;
    }
    d
}

fn looks_like_id(word: &str) -> bool {
    word.split('-').count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A value: `"quoted, with \" escapes"` or a bare word.
fn take_value(s: &str) -> (String, &str) {
    if let Some(inner) = s.strip_prefix('"') {
        let mut value = String::new();
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match (escaped, c) {
                (true, c) => {
                    value.push(c);
                    escaped = false;
                }
                (false, '\\') => escaped = true,
                (false, '"') => return (value, &inner[i + 1..]),
                (false, c) => value.push(c),
            }
        }
        return (value, "");
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (s[..end].to_owned(), &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("main.tf".into(), "main.tf".into(), text)
    }

    #[test]
    fn parses_ids_reason_until() {
        let d = scan("  # tfward:ignore TFW-AWS-0001,tfw-aws-0002 reason=\"public \\\"site\\\"\" until=2027-03-31 # note\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].ids, ["TFW-AWS-0001", "TFW-AWS-0002"]);
        assert_eq!(d[0].reason.as_deref(), Some("public \"site\""));
        assert_eq!(d[0].until.as_deref(), Some("2027-03-31"));
        assert!(d[0].unknown_fields.is_empty());
        assert!(!d[0].end_of_line);
    }

    #[test]
    fn slash_comments_unknown_fields_and_end_of_line() {
        let d = scan("x = 1 // tfward:ignore TFW-AWS-0001 reson=\"typo\" please\n");
        assert!(d[0].end_of_line);
        assert_eq!(d[0].reason, None);
        assert_eq!(d[0].unknown_fields, ["reson=typo", "please"]);
    }

    #[test]
    fn peer_directives_ids_dates_and_reasons() {
        let d = scan("  #checkov:skip=CKV_AWS_20,CKV_AWS_57:public site: by design\n");
        assert_eq!(d[0].peer, Some(Peer::Checkov));
        assert_eq!(d[0].ids, ["CKV_AWS_20", "CKV_AWS_57"]);
        assert_eq!(d[0].reason.as_deref(), Some("public site: by design"));
        let d = scan("x = 1 # tfsec:ignore:aws-s3-enable-bucket-logging:exp:2027-01-31 tfsec:ignore:AVD-AWS-0086 central logs\n");
        assert_eq!(d[0].peer, Some(Peer::Tfsec));
        assert!(d[0].end_of_line);
        assert_eq!(d[0].ids, ["aws-s3-enable-bucket-logging", "AVD-AWS-0086"]);
        assert_eq!(d[0].until.as_deref(), Some("2027-01-31"));
        assert_eq!(d[0].reason.as_deref(), Some("central logs"));
        let d = scan("// trivy:ignore:AVD-AWS-0089\n");
        assert_eq!(d[0].peer, Some(Peer::Trivy));
        assert_eq!(d[0].reason, None);
        assert!(scan("bucket = \"trivy:ignore:AVD-AWS-0089\"\n").is_empty());
    }

    #[test]
    fn checkov_skip_inside_a_block_covers_the_block() {
        let src = "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n  #checkov:skip=CKV_AWS_18:central logs\n  acl = \"private\"\n}\n";
        let placed = place(&file(src));
        let t = placed[0].target.as_ref().expect("a target");
        assert_eq!((t.lines, t.address.as_str()), ((1, 5), "aws_s3_bucket.a"));
    }

    #[test]
    fn targets_block_attribute_and_skips_strings() {
        let src = r#"# tfward:ignore TFW-AWS-0001 reason="a"

# another comment
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read" # tfward:ignore TFW-AWS-0002 reason="b"
  policy = <<EOF
# tfward:ignore TFW-AWS-0003 reason="in a heredoc"
EOF
  versioning {
    # tfward:ignore TFW-AWS-0004 reason="c"
    enabled = false
  }
}
# tfward:ignore TFW-AWS-0005 reason="nothing follows"
/* a commented-out resource:
# tfward:ignore TFW-AWS-0006 reason="commented out"
resource "aws_s3_bucket" "old" {}
*/
"#;
        let placed = place(&file(src));
        type Got = Option<(usize, usize, String, Vec<String>)>;
        let got: Vec<(Vec<String>, Got)> = placed
            .iter()
            .map(|p| {
                let t = p.target.as_ref();
                (
                    p.directive.ids.clone(),
                    t.map(|t| (t.lines.0, t.lines.1, t.address.clone(), t.path.clone())),
                )
            })
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].1, Some((4, 14, "aws_s3_bucket.site".into(), vec![])));
        assert_eq!(
            got[1].1,
            Some((6, 6, "aws_s3_bucket.site".into(), vec!["acl".into()]))
        );
        assert_eq!(
            got[2].1,
            Some((
                12,
                12,
                "aws_s3_bucket.site".into(),
                vec!["versioning".into(), "enabled".into()]
            ))
        );
        assert_eq!(got[3].1, None);
    }
}
