# METADATA
# title: VPC endpoint allows full access to the service
# description: >-
#   A gateway VPC endpoint (S3, DynamoDB) without an endpoint policy gets the
#   default policy, which allows any principal every action on every resource of
#   the service through the endpoint - for S3, any bucket in any account, a
#   ready exfiltration path. Fires on an aws_vpc_endpoint of type Gateway (the
#   default) that has no `policy` and no aws_vpc_endpoint_policy pointing at it,
#   and on an endpoint policy of a gateway or interface endpoint (inline or
#   aws_vpc_endpoint_policy, JSON or aws_iam_policy_document) with an Allow
#   statement for any principal, action "*" and resource "*" that no condition
#   restricts to known callers (aws:SourceVpc, aws:SourceVpce,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, ...). An
#   interface endpoint without a policy is not reported (not every service
#   behind one accepts a policy), and Gateway Load Balancer endpoints take none.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
# custom:
#   id: TFW-AWS-0208
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_vpc_endpoint, aws_vpc_endpoint_policy, aws_iam_policy_document]
#   frameworks:
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Limit the endpoint to your own resources:
#     ```hcl
#     resource "aws_vpc_endpoint" "s3" {
#       vpc_id       = aws_vpc.main.id
#       service_name = "com.amazonaws.eu-west-1.s3"
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = "*"
#           Action    = ["s3:GetObject", "s3:PutObject"]
#           Resource  = ["arn:aws:s3:::acme-data/*"]
#         }]
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.vpc_endpoint_full_access

import rego.v1
import data.lib.aws
import data.lib.tf

with_policy := {"Gateway", "Interface"}

endpoints contains r if {
	some r in tf.resources("aws_vpc_endpoint")
	tf.val(r.values, "vpc_endpoint_type", "Gateway") in with_policy
	not tf.is_unknown(r, ["vpc_endpoint_type"])
}

# Gateway endpoints (S3, DynamoDB) always take a policy; some services behind
# interface endpoints take none, so an absent policy is reported on gateway
# endpoints only.
deny contains tf.finding(r, ["policy"], msg) if {
	some r in endpoints
	tf.val(r.values, "vpc_endpoint_type", "Gateway") == "Gateway"
	not tf.is_set(r, ["policy"])
	not tf.has_linked(r, "aws_vpc_endpoint_policy", "vpc_endpoint_id")
	not tf.maybe_linked(r, "aws_vpc_endpoint_policy", "vpc_endpoint_id")
	msg := sprintf("%s has no endpoint policy, so the default policy allows full access to the service through it", [r.address])
}

deny contains tf.finding(x.res, x.path, msg) if {
	some r in endpoints
	some x in aws.policy_statements(r, "policy")
	full_access(x.stmt)
	msg := sprintf("%s has an endpoint policy that allows any principal every action on every resource", [r.address])
}

deny contains tf.finding(x.res, x.path, msg) if {
	some r in tf.resources("aws_vpc_endpoint_policy")
	some x in aws.policy_statements(r, "policy")
	full_access(x.stmt)
	msg := sprintf("%s allows any principal every action on every resource through the endpoint", [r.address])
}

full_access(s) if {
	aws.public_allow(s)
	aws.full_wildcard_action(s)
	aws.full_wildcard_resource(s)
}
