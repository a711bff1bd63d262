# METADATA
# title: Plan raises the monthly cost above the budget
# description: >-
#   The plan's estimated monthly cost increase (after minus before, over the
#   resources tfward can price from its offline catalogue) is larger than the
#   team's budget for one change, data.tfward.config.cost.monthly_budget
#   (default 1000, in the catalogue's currency). Unpriced and usage-based
#   resources are not in the total, so a change can cost more than this says,
#   never less. The finding points at the resource with the largest increase.
# related_resources:
#   - https://aws.amazon.com/ec2/pricing/on-demand/
# custom:
#   id: TFW-COST-0001
#   severity: MEDIUM
#   category: cost
#   resource_types: [terraform]
#   frameworks: {}
#   remediation: |
#     Right-size the largest resources of the change, for example:
#     ```hcl
#     resource "aws_instance" "batch" {
#       instance_type = "m6i.large" # was m6i.4xlarge
#     }
#     ```
#     or split the change, or get the increase approved and raise the budget
#     in tfward.toml (`[cost] monthly_budget = 2500`).
#   aliases: []
package tfward.cost.monthly_budget

import rego.v1

budget := object.get(data.tfward.config, ["cost", "monthly_budget"], 1000)

deltas := [r.delta | some r in input.cost.resources; is_number(r.delta)]

# The largest increase, computed once: inside the comprehension below it
# would be recomputed for every resource (quadratic on a large plan).
top_delta := max(deltas)

# The resources with the largest increase, by address (ties are listed once each).
largest := sort([r.address |
	some r in input.cost.resources
	is_number(r.delta)
	r.delta == top_delta
])

deny contains {"address": top, "path": [], "msg": msg} if {
	input.source == "plan"
	input.module == ""
	input.cost.total_delta > budget
	top := largest[0]
	msg := sprintf(
		"this plan adds %v %v a month (%v -> %v), over the budget of %v; the largest increase is %s",
		[input.cost.currency, input.cost.total_delta, input.cost.total_before, input.cost.total_after, budget, top],
	)
}
