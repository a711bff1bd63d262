# METADATA
# title: Project budget is small
# description: Reads [cost] monthly_budget from tfward.toml through data.tfward.config.
# custom:
#   id: TFW-COST-1001
#   severity: LOW
#   category: cost
#   resource_types: [aws_s3_bucket]
#   remediation: Nothing; this policy shows the budget reaches policies.
package tfward.budget

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("the monthly budget is %v", [data.tfward.config.cost.monthly_budget])) if {
	some r in tf.resources("aws_s3_bucket")
	data.tfward.config.cost.monthly_budget < 1000
}
