# METADATA
# title: Transfer Family server has a public endpoint
# description: >-
#   A PUBLIC endpoint accepts connections from anywhere and cannot be
#   restricted with security groups. A VPC endpoint (internet-facing through
#   Elastic IPs or internal) takes security groups and network ACLs. Fires
#   on an aws_transfer_server whose endpoint_type is PUBLIC or absent (the
#   provider's default is PUBLIC); silent for VPC and VPC_ENDPOINT and when
#   the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/transfer/latest/userguide/create-server-in-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#endpoint_type
# custom:
#   id: TFW-AWS-0583
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_transfer_server]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_164
#   remediation: |
#     Host the endpoint in your VPC:
#     ```hcl
#     resource "aws_transfer_server" "partners" {
#       # ...
#       endpoint_type = "VPC"
#
#       endpoint_details {
#         vpc_id                 = aws_vpc.main.id
#         subnet_ids             = [aws_subnet.public.id]
#         address_allocation_ids = [aws_eip.sftp.id]
#         security_group_ids     = [aws_security_group.sftp.id]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.transfer.public_endpoint

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["endpoint_type"], sprintf("%s accepts connections from anywhere (PUBLIC endpoint)", [r.address])) if {
	some r in tf.value_in(["aws_transfer_server"], ["endpoint_type"], {"PUBLIC"}, "PUBLIC")
}
