//! Peer tools' check ids — Checkov (`CKV_AWS_20`), Trivy (`AVD-AWS-0086`,
//! `AWS-0086` or its long id `aws-s3-block-public-acls`), tfsec (the same
//! long ids) and KICS (query uuids) — matched against each policy's
//! METADATA `equivalents`, so ignores, `--only`, `--skip` and tfward.toml
//! written for a peer keep working. METADATA names Trivy checks by their
//! short id; the long ids come from one table (trivy_long_ids.tsv).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Metadata;

/// A tool whose check ids tfward understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Peer {
    Checkov,
    Tfsec,
    Trivy,
    Kics,
}

impl Peer {
    /// The key under `equivalents` in METADATA (tfsec's checks live on in Trivy).
    fn equivalents_key(self) -> &'static str {
        match self {
            Peer::Checkov => "checkov",
            Peer::Tfsec | Peer::Trivy => "trivy",
            Peer::Kics => "kics",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Peer::Checkov => "checkov",
            Peer::Tfsec => "tfsec",
            Peer::Trivy => "trivy",
            Peer::Kics => "kics",
        }
    }

    const ALL: [Peer; 4] = [Peer::Checkov, Peer::Tfsec, Peer::Trivy, Peer::Kics];
}

const LONG_IDS: &str = include_str!("trivy_long_ids.tsv");

/// Upper-cased long id -> Trivy short id (`AWS-0089`).
fn long_ids() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        LONG_IDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, long)| long.trim() != "-")
            .map(|(short, long)| (long.trim().to_ascii_uppercase(), short.trim()))
            .collect()
    })
}

/// The Trivy short id an id written for Trivy or tfsec stands for:
/// `AVD-AWS-0086` and `AWS-0086` as they are, a long id through the table.
fn trivy_short_id(written: &str) -> String {
    let upper = written.trim().to_ascii_uppercase();
    if let Some(short) = long_ids().get(&upper) {
        return (*short).to_owned();
    }
    upper.strip_prefix("AVD-").unwrap_or(&upper).to_owned()
}

/// Whether the policy names `id` as one of `peer`'s checks.
pub fn names(meta: &Metadata, peer: Peer, id: &str) -> bool {
    let Some(ids) = meta.equivalents.get(peer.equivalents_key()) else {
        return false;
    };
    match peer {
        Peer::Tfsec | Peer::Trivy => {
            let wanted = trivy_short_id(id);
            ids.iter().any(|e| trivy_short_id(e) == wanted)
        }
        Peer::Checkov | Peer::Kics => ids.iter().any(|e| e.eq_ignore_ascii_case(id.trim())),
    }
}

/// Whether the policy names `id` as any peer's check.
pub fn names_any(meta: &Metadata, id: &str) -> bool {
    Peer::ALL.iter().any(|&p| names(meta, p, id))
}

/// The long id of a Trivy short id (`-` when the check has none), if the
/// table knows it.
pub fn long_id(short: &str) -> Option<&'static str> {
    LONG_IDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(s, _)| s.eq_ignore_ascii_case(short.trim()))
        .map(|(_, long)| long.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(equivalents: &str) -> Metadata {
        let text = format!(
            "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: TFW-AWS-9999\n\
             #   severity: LOW\n#   category: security\n#   resource_types: [aws_s3_bucket]\n\
             #   equivalents: {equivalents}\n#   remediation: r\npackage tfward.aws.x\n"
        );
        super::super::metadata::parse(&text).expect("metadata")
    }

    #[test]
    fn each_peer_spelling_matches_the_equivalent() {
        let m = meta(
            "{ checkov: CKV_AWS_18, trivy: AWS-0089, kics: f861041c-8c9f-4156-acfc-5e6e524f5884 }",
        );
        assert!(names(&m, Peer::Checkov, "ckv_aws_18"));
        assert!(!names(&m, Peer::Checkov, "CKV_AWS_19"));
        for id in ["AVD-AWS-0089", "AWS-0089", "aws-s3-enable-logging"] {
            assert!(names(&m, Peer::Trivy, id), "{id}");
        }
        assert!(names(&m, Peer::Tfsec, "aws-s3-enable-bucket-logging"));
        assert!(names(
            &m,
            Peer::Kics,
            "F861041C-8C9F-4156-ACFC-5E6E524F5884"
        ));
        assert!(names_any(&m, "CKV_AWS_18"));
        assert!(!names_any(&m, "aws-s3-enable-versioning"));
    }

    #[test]
    fn every_built_in_trivy_equivalent_has_a_long_id() {
        let set = crate::policy::PolicySet::embedded().expect("built-in policies");
        let missing: Vec<String> = set
            .policies
            .iter()
            .flat_map(|p| p.meta.equivalents.get("trivy").into_iter().flatten())
            .filter(|id| long_id(&trivy_short_id(id)).is_none())
            .cloned()
            .collect();
        assert!(
            missing.is_empty(),
            "add these Trivy ids and their long ids to src/policy/trivy_long_ids.tsv: {missing:?}"
        );
    }
}
