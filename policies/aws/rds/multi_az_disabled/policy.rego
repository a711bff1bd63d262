# METADATA
# title: RDS instance is not deployed across availability zones
# description: >-
#   A single-AZ instance goes down with its availability zone and during some
#   maintenance, and recovery means restoring from backup. multi_az = true keeps
#   a synchronous standby in another zone with automatic failover. Read replicas
#   and Aurora instances (whose cluster handles availability) are not checked.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html
# custom:
#   id: TFW-AWS-0040
#   severity: LOW
#   category: reliability
#   resource_types: [aws_db_instance]
#   frameworks:
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_AWS_157
#   remediation: |
#     Add a standby in a second zone:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       multi_az = true
#     }
#     ```
#   aliases: []
package tfward.aws.rds.multi_az_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["multi_az"], sprintf("%s runs in a single availability zone", [r.address])) if {
	some r in tf.resources("aws_db_instance")
	not tf.is_true(object.get(r.values, "multi_az", false))
	tf.val(r.values, "replicate_source_db", "") == ""
	not tf.is_unknown(r, ["replicate_source_db"])
	not startswith(tf.val(r.values, "engine", ""), "aurora")
	not tf.is_unknown(r, ["engine"])
}
