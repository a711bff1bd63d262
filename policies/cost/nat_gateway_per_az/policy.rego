# METADATA
# title: One NAT gateway per AZ outside production
# description: >-
#   A module whose resources are tagged as a non-production environment
#   (Environment, env or stage: dev, development, test, qa, staging, stage,
#   sandbox) runs more than one NAT gateway. Each costs $0.045 an hour in
#   us-east-1 ($32.85 a month) before data processing; one per AZ buys
#   resilience to an AZ outage, which a development or test environment
#   rarely needs. Production, and modules whose environment is not tagged,
#   are left alone.
# related_resources:
#   - https://aws.amazon.com/vpc/pricing/
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
# custom:
#   id: TFW-COST-0007
#   severity: LOW
#   category: cost
#   resource_types: [aws_nat_gateway]
#   frameworks: {}
#   remediation: |
#     Share one NAT gateway outside production (the terraform-aws-modules/vpc
#     module: `single_nat_gateway = true`), or route every private subnet to
#     one gateway:
#     ```hcl
#     resource "aws_nat_gateway" "main" {
#       allocation_id = aws_eip.nat.id
#       subnet_id     = aws_subnet.public[0].id
#     }
#     ```
#   aliases: []
package tfward.cost.nat_gateway_per_az

import rego.v1
import data.lib.tf

non_production := {"dev", "development", "test", "testing", "qa", "staging", "stage", "sandbox"}

env_keys := {"Environment", "environment", "Env", "env", "Stage", "stage"}

environment(r) := lower(v) if {
	some k in env_keys
	v := object.get(object.get(r.values, "tags_all", object.get(r.values, "tags", {})), k, null)
	is_string(v)
}

nats := sort([r.address | some r in tf.resources("aws_nat_gateway")])

deny contains tf.finding(r, [], msg) if {
	count(nats) > 1
	some r in tf.resources("aws_nat_gateway")
	r.address != nats[0]
	environment(r) in non_production
	msg := sprintf("%s is one of %d NAT gateways in a %s environment; one shared gateway saves $32.85 a month each", [r.address, count(nats), environment(r)])
}
