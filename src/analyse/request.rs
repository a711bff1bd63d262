//! The change request (`docs/platform/<change-id>.platform.md`): its
//! acceptance criteria checklist.

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
