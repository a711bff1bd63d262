# METADATA
# title: Suppression is malformed
# description: >-
#   A `tfward:ignore` comment must name rule ids and may carry only
#   `reason="..."` and `until=YYYY-MM-DD`. An until date that is not a real
#   date, an unknown field (often a typo such as `reson=`) or a missing id
#   makes the ignore suppress nothing, and is reported so it gets fixed.
# custom:
#   id: TFW-GEN-0901
#   severity: MEDIUM
#   category: compliance
#   resource_types: [tfward_ignore]
#   frameworks:
#     soc2: [CC8.1]
#   remediation: |
#     Write the ignore as `# tfward:ignore ID[,ID] reason="why" until=YYYY-MM-DD`
#     (until is optional), on the line above the block or attribute or at the
#     end of its first line:
#     ```hcl
#     # tfward:ignore TFW-AWS-0001 reason="public website bucket" until=2027-03-31
#     resource "aws_s3_bucket_acl" "site" {
#       bucket = aws_s3_bucket.site.id
#       acl    = "public-read"
#     }
#     ```
#   aliases: []
package tfward.general.suppression_malformed

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in input.resources
	r.type == "tfward_ignore"
	not r.values.until_valid
	msg := sprintf("until=%q is not a date in YYYY-MM-DD form; this suppression suppresses nothing until it is fixed", [r.values.until])
}

deny contains tf.finding(r, [], msg) if {
	some r in input.resources
	r.type == "tfward_ignore"
	some field in r.values.unknown_fields
	msg := sprintf("%q is not part of a suppression (only reason=\"...\" and until=YYYY-MM-DD are); this suppression suppresses nothing until it is fixed", [field])
}

deny contains tf.finding(r, [], "this suppression names no rule id: write tfward:ignore TFW-XXX-NNNN reason=\"...\"") if {
	some r in input.resources
	r.type == "tfward_ignore"
	count(r.values.ids) == 0
}
