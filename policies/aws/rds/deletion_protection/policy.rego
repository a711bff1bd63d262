# METADATA
# title: RDS database has no deletion protection
# description: >-
#   Without deletion_protection a single terraform destroy, a renamed resource
#   that forces replacement, or a stray API call deletes the database (and, with
#   skip_final_snapshot, its last backup). Deletion protection makes the delete
#   fail until someone switches it off deliberately. The setting defaults to
#   false.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection
# custom:
#   id: TFW-AWS-0038
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [A1.2]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: [CKV_AWS_139, CKV_AWS_293]
#     trivy: [AWS-0177, AWS-0343]
#   remediation: |
#     Turn deletion protection on:
#     ```hcl
#     resource "aws_rds_cluster" "orders" {
#       # ...
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.aws.rds.deletion_protection

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s can be deleted without turning deletion protection off first", [r.address])) if {
	some t in {"aws_db_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	not tf.is_true(object.get(r.values, "deletion_protection", false))
	not aurora_member(r)
}

# Aurora instances follow their cluster's protection.
aurora_member(r) if {
	r.type == "aws_db_instance"
	startswith(tf.val(r.values, "engine", ""), "aurora")
}
