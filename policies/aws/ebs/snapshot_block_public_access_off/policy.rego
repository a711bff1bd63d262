# METADATA
# title: EBS snapshot block public access is turned off
# description: >-
#   aws_ebs_snapshot_block_public_access with state = "unblocked" lets EBS
#   snapshots of the account and region be shared publicly, so one
#   createVolumePermission for "all" exposes a disk image to every AWS account.
#   Set state = "block-all-sharing" (or "block-new-sharing").
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html
# custom:
#   id: TFW-AWS-0232
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ebs_snapshot_block_public_access]
#   frameworks:
#     nist-800-53-r5: [AC-3, AC-21]
#     cwe: [CWE-284]
#   remediation: |
#     Block public sharing of snapshots:
#     ```hcl
#     resource "aws_ebs_snapshot_block_public_access" "this" {
#       state = "block-all-sharing"
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.snapshot_block_public_access_off

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["state"], sprintf("%s allows EBS snapshots to be shared publicly", [r.address])) if {
	some r in tf.value_in(["aws_ebs_snapshot_block_public_access"], ["state"], {"unblocked"}, "")
}
