# METADATA
# title: DynamoDB table has no point-in-time recovery
# description: >-
#   Point-in-time recovery keeps continuous backups for 35 days so a table can
#   be restored to any second, after a faulty deploy or a malicious bulk delete.
#   It is off unless point_in_time_recovery { enabled = true } is set.
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
# custom:
#   id: TFW-AWS-0043
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_dynamodb_table]
#   frameworks:
#     soc2: [A1.2]
#     hipaa: ["164.308(a)(7)(ii)(A)"]
#   equivalents:
#     checkov: CKV_AWS_28
#     trivy: AWS-0024
#   remediation: |
#     Turn point-in-time recovery on:
#     ```hcl
#     resource "aws_dynamodb_table" "orders" {
#       # ...
#       point_in_time_recovery {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.dynamodb.pitr_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["point_in_time_recovery", 0, "enabled"], msg) if {
	some r in tf.resources("aws_dynamodb_table")
	not pitr_on(r)
	not config_unknown(r)
	msg := sprintf("%s has no point-in-time recovery", [r.address])
}

pitr_on(r) if {
	some p in tf.list(r.values, "point_in_time_recovery")
	tf.is_true(p.enabled)
}

config_unknown(r) if tf.is_unknown(r, ["point_in_time_recovery", 0, "enabled"])
