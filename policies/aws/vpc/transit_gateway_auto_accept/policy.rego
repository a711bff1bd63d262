# METADATA
# title: Transit gateway accepts shared attachments automatically
# description: >-
#   An aws_ec2_transit_gateway with auto_accept_shared_attachments = "enable"
#   attaches any VPC from the accounts it is shared with (through RAM) without
#   review, joining their networks to yours. The provider default is "disable",
#   so an absent attribute passes.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html
# custom:
#   id: TFW-AWS-0210
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ec2_transit_gateway]
#   frameworks:
#     nist-800-53-r5: [AC-4, CA-9]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_331
#   remediation: |
#     Accept attachments explicitly:
#     ```hcl
#     resource "aws_ec2_transit_gateway" "core" {
#       auto_accept_shared_attachments = "disable"
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.transit_gateway_auto_accept

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["auto_accept_shared_attachments"], msg) if {
	some r in tf.value_in(["aws_ec2_transit_gateway"], ["auto_accept_shared_attachments"], {"enable"}, "disable")
	msg := sprintf("%s attaches shared VPCs without review", [r.address])
}
