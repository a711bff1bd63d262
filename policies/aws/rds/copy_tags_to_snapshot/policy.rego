# METADATA
# title: RDS snapshots do not inherit the database's tags
# description: >-
#   Tags carry the data classification, owner and cost centre that access
#   policies (ABAC), backup plans and cost reports key on. Without
#   copy_tags_to_snapshot, automated and manual snapshots are created untagged
#   and fall outside those controls. aws_db_instance (Aurora members excluded:
#   the cluster decides) and aws_rds_cluster are reported when
#   copy_tags_to_snapshot is false or left out (it defaults to false).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#copy_tags_to_snapshot
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#copy_tags_to_snapshot
# custom:
#   id: TFW-AWS-0323
#   severity: LOW
#   category: compliance
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     nist-800-53-r5: [CM-8]
#   equivalents:
#     checkov: [CKV2_AWS_60, CKV_AWS_313]
#   remediation: |
#     Copy the tags:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       copy_tags_to_snapshot = true
#     }
#     ```
#   aliases: []
package tfward.aws.rds.copy_tags_to_snapshot

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["copy_tags_to_snapshot"], sprintf("%s does not copy its tags to snapshots (copy_tags_to_snapshot defaults to false)", [r.address])) if {
	some r in tf.not_true(["aws_db_instance", "aws_rds_cluster"], ["copy_tags_to_snapshot"], false)
	not aurora_member(r)
}

aurora_member(r) if {
	r.type == "aws_db_instance"
	startswith(tf.val(r.values, "engine", ""), "aurora")
}

aurora_member(r) if {
	r.type == "aws_db_instance"
	tf.is_unknown(r, ["engine"])
}
