//! The change request (`docs/platform/<change-id>.platform.md`): its title,
//! owner, approval status and acceptance criteria checklist.
//!
//! The request is Markdown written by people, so the fields are read the way
//! people write them: the first `# ` heading is the title; `Owner: ...`,
//! `**Owner:** ...`, `- Owner: ...` or a `| Owner | ... |` table row give the
//! owner, and the same for `Status` (or `Approval`, `Approval status`).

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub text: String,
    pub checked: bool,
}

/// `- [ ]` / `- [x]` items under an "Acceptance criteria" heading.
pub fn acceptance_criteria(markdown: &str) -> Vec<Criterion> {
    let mut out = Vec::new();
    let mut level = None;
    for line in markdown.lines() {
        let t = line.trim();
        if t.starts_with('#') {
            let hashes = t.chars().take_while(|c| *c == '#').count();
            let title = t[hashes..]
                .trim()
                .trim_end_matches(':')
                .to_ascii_lowercase();
            if level.is_some_and(|l| hashes <= l) {
                level = None;
            }
            if level.is_none() && title.starts_with("acceptance criteria") {
                level = Some(hashes);
            }
            continue;
        }
        if level.is_none() {
            continue;
        }
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
        let Some(item) = item else { continue };
        let (checked, text) = if let Some(rest) = item.strip_prefix("[ ]") {
            (false, rest)
        } else if let Some(rest) = item
            .strip_prefix("[x]")
            .or_else(|| item.strip_prefix("[X]"))
        {
            (true, rest)
        } else {
            continue;
        };
        out.push(Criterion {
            text: text.trim().to_owned(),
            checked,
        });
    }
    out
}

/// What the report shows of the change request.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRequest {
    pub path: String,
    pub title: Option<String>,
    pub owner: Option<String>,
    /// The status as written (`Approved by J. Doe on 2025-01-10`).
    pub status: Option<String>,
    /// The status says approved (and not "not approved", "unapproved",
    /// "pending approval").
    pub approved: bool,
    pub criteria: Vec<Criterion>,
}

/// A `Key: value` field of the request, in any of the usual spellings.
fn field(markdown: &str, keys: &[&str]) -> Option<String> {
    for line in markdown.lines() {
        let t = line.trim().trim_start_matches(['-', '*', '>']).trim();
        let (k, v) = if let Some(row) = t.strip_prefix('|') {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            match cells.as_slice() {
                [k, v, ..] => (k.to_string(), v.to_string()),
                _ => continue,
            }
        } else if let Some((k, v)) = t.split_once(':') {
            (k.to_owned(), v.to_owned())
        } else {
            continue;
        };
        let k = k.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
        let v = v.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
        if keys.iter().any(|want| k.eq_ignore_ascii_case(want)) && !v.is_empty() {
            return Some(v.to_owned());
        }
    }
    None
}

/// Whether a written status means approved.
pub fn is_approved(status: &str) -> bool {
    let s = status.to_ascii_lowercase();
    let negated = [
        "not approved",
        "unapproved",
        "pending",
        "awaiting",
        "rejected",
        "needs approval",
        "draft",
    ]
    .iter()
    .any(|n| s.contains(n));
    !negated && s.contains("approved")
}

/// Reads the request's fields and its acceptance criteria.
pub fn parse_request(markdown: &str, path: &str) -> ChangeRequest {
    let title = markdown
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_owned());
    let status = field(markdown, &["status", "approval", "approval status"]);
    ChangeRequest {
        path: path.to_owned(),
        title,
        owner: field(markdown, &["owner", "change owner", "requested by"]),
        approved: status.as_deref().is_some_and(is_approved),
        status,
        criteria: acceptance_criteria(markdown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_the_usual_spellings() {
        let md = "# CHG-1: resize\n\n**Owner:** payments (@jdoe)\n\n| Status | Approved by CAB |\n\n## Acceptance criteria\n- [x] done\n";
        let r = parse_request(md, "docs/platform/chg-1.platform.md");
        assert_eq!(r.title.as_deref(), Some("CHG-1: resize"));
        assert_eq!(r.owner.as_deref(), Some("payments (@jdoe)"));
        assert!(r.approved);
        assert_eq!(r.criteria.len(), 1);
        assert!(!is_approved("Pending approval"));
        assert!(!is_approved("not approved"));
        assert!(parse_request("# t\nStatus: draft\n", "p").status.is_some());
    }
}
