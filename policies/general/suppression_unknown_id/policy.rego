# METADATA
# title: Suppression names an unknown rule id
# description: >-
#   An ignore for a rule id that no policy has suppresses nothing, usually
#   because of a typo or a rule that was never loaded. Renamed rules keep
#   their old ids as aliases, so an old id is still known.
# custom:
#   id: TFW-GEN-0902
#   severity: MEDIUM
#   category: compliance
#   resource_types: [tfward_ignore]
#   frameworks:
#     soc2: [CC8.1]
#   remediation: |
#     Use an id from `tfward policy list` (with `--policy DIR` for your own
#     policies), or delete the ignore:
#     ```hcl
#     # tfward:ignore TFW-AWS-0001 reason="public website bucket" until=2027-03-31
#     resource "aws_s3_bucket_acl" "site" {
#       bucket = aws_s3_bucket.site.id
#       acl    = "public-read"
#     }
#     ```
#   aliases: []
package tfward.general.suppression_unknown_id

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in input.resources
	r.type == "tfward_ignore"
	some id in r.values.unknown_ids
	msg := sprintf("%s is not a policy id, so this suppression of it does nothing; `tfward policy list` shows the ids", [id])
}
