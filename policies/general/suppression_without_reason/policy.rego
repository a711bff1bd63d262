# METADATA
# title: Suppression gives no reason
# description: >-
#   A `tfward:ignore` comment (or a tfward.toml [[ignore]] entry) hides a
#   finding from every report and gate. Reviewers and auditors need to know
#   why each one was accepted, so an ignore without `reason="..."` suppresses
#   nothing and is reported itself.
# custom:
#   id: TFW-GEN-0900
#   severity: MEDIUM
#   category: compliance
#   resource_types: [tfward_ignore]
#   frameworks:
#     soc2: [CC8.1]
#   remediation: |
#     Say why the finding is acceptable, and until when:
#     ```hcl
#     # tfward:ignore TFW-AWS-0001 reason="public website bucket" until=2027-03-31
#     resource "aws_s3_bucket_acl" "site" {
#     ```
#   aliases: []
package tfward.general.suppression_without_reason

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in input.resources
	r.type == "tfward_ignore"
	r.values.reason == ""
	msg := sprintf("this suppression of %s gives no reason; add reason=\"...\" saying why the finding is acceptable (until then it suppresses nothing)", [concat(",", r.values.ids)])
}
