# METADATA
# title: Bucket lacks the project's required tags
# description: Reads required_tags from tfward.toml through data.tfward.config.
# custom:
#   id: TFW-GEN-1001
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: Add the tags listed in tfward.toml.
package tfward.required_tags

import rego.v1
import data.lib.tags
import data.lib.tf

deny contains tf.finding(r, ["tags"], sprintf("%s lacks the required tags %v", [r.address, missing])) if {
	some r in tf.resources("aws_s3_bucket")
	missing := tags.missing(r)
	count(missing) > 0
}
