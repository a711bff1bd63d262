# METADATA
# title: RDS snapshot is shared with every AWS account
# description: >-
#   shared_accounts = ["all"] makes a manual DB or cluster snapshot public: any
#   AWS account can copy it and restore the full database from it. Encrypted
#   snapshots cannot be made public, so a public snapshot is also an unencrypted
#   one. aws_db_snapshot, aws_db_snapshot_copy and aws_db_cluster_snapshot are
#   reported when shared_accounts holds "all". Sharing with named accounts is
#   not reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html#USER_ShareSnapshot.Public
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_snapshot#shared_accounts
# custom:
#   id: TFW-AWS-0329
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_db_snapshot, aws_db_snapshot_copy, aws_db_cluster_snapshot]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284, CWE-200]
#   equivalents:
#     checkov: CKV_AWS_302
#   remediation: |
#     Share with the accounts that need the snapshot, not with all:
#     ```hcl
#     resource "aws_db_snapshot" "release" {
#       db_instance_identifier = aws_db_instance.app.identifier
#       db_snapshot_identifier = "app-release"
#       shared_accounts        = ["111122223333"]
#     }
#     ```
#   aliases: []
package tfward.aws.rds.snapshot_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["shared_accounts", i], sprintf("%s is shared with every AWS account (shared_accounts holds \"all\")", [r.address])) if {
	some t in ["aws_db_snapshot", "aws_db_snapshot_copy", "aws_db_cluster_snapshot"]
	some r in tf.resources(t)
	some i, a in tf.list(r.values, "shared_accounts")
	a == "all"
}
