# METADATA
# title: Neptune snapshots do not inherit the cluster's tags
# description: >-
#   Without copy_tags_to_snapshot, Neptune snapshots are created untagged and
#   fall outside tag-based access control, backup and cost policies. An
#   aws_neptune_cluster is reported when copy_tags_to_snapshot is false or left
#   out (the default).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#copy_tags_to_snapshot
# custom:
#   id: TFW-AWS-0343
#   severity: LOW
#   category: compliance
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     nist-800-53-r5: [CM-8]
#   equivalents:
#     checkov: CKV_AWS_362
#   remediation: |
#     Copy the tags:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       copy_tags_to_snapshot = true
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.copy_tags_to_snapshot

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["copy_tags_to_snapshot"], sprintf("%s does not copy its tags to snapshots", [r.address])) if {
	some r in tf.not_true(["aws_neptune_cluster"], ["copy_tags_to_snapshot"], false)
}
