# METADATA
# title: Configuration manages the default VPC
# description: >-
#   The default VPC comes with public subnets that assign public IPs, an
#   internet gateway and permissive defaults meant for quick experiments.
#   Adopting it with aws_default_vpc usually means workloads are placed in it.
#   Build purpose-made VPCs with private subnets instead, and delete the default
#   VPC where possible.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
# custom:
#   id: TFW-AWS-0034
#   severity: LOW
#   category: security
#   resource_types: [aws_default_vpc]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-1188]
#   equivalents:
#     checkov: CKV_AWS_148
#     trivy: AWS-0101
#     kics: 96ed3526-0179-4c73-b1b2-372fde2e0d13
#   remediation: |
#     Create a dedicated VPC instead:
#     ```hcl
#     resource "aws_vpc" "main" {
#       cidr_block           = "10.0.0.0/16"
#       enable_dns_hostnames = true
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.default_vpc_managed

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s brings the default VPC under management", [r.address])) if {
	some r in tf.resources("aws_default_vpc")
}
