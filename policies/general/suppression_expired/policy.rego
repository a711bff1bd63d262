# METADATA
# title: Suppression has expired
# description: >-
#   An ignore with `until=YYYY-MM-DD` stops suppressing after that day, and
#   the finding it hid is reported again. This rule says so at the ignore,
#   so the team either fixes the finding or renews the decision on purpose.
# custom:
#   id: TFW-GEN-0903
#   severity: MEDIUM
#   category: compliance
#   resource_types: [tfward_ignore]
#   frameworks:
#     soc2: [CC8.1]
#   remediation: |
#     Fix the finding and delete the ignore, or, if the risk is still
#     accepted, set a new `until=` date and say why in `reason=`:
#     ```hcl
#     # tfward:ignore TFW-AWS-0001 reason="public website bucket" until=2027-03-31
#     resource "aws_s3_bucket_acl" "site" {
#       bucket = aws_s3_bucket.site.id
#       acl    = "public-read"
#     }
#     ```
#   aliases: []
package tfward.general.suppression_expired

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in input.resources
	r.type == "tfward_ignore"
	r.values.expired
	msg := sprintf("this suppression of %s expired on %s (today is %s), so it no longer suppresses anything; fix the finding or renew the decision with a new until= date", [concat(",", r.values.ids), r.values.until, r.values.today])
}
