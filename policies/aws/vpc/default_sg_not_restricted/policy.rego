# METADATA
# title: Default security group allows traffic
# description: >-
#   Every VPC has a default security group that resources join when no group is
#   given. If it allows traffic, anything launched without thought gets that
#   access. Manage it with aws_default_security_group and no ingress or egress
#   blocks, which removes all rules.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: TFW-AWS-0032
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_default_security_group]
#   frameworks:
#     cis-aws-1.5: ["5.4"]
#     cis-aws-2.0: ["5.4"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.2.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV2_AWS_12
#     kics: 46883ce1-dc3e-4b17-9195-c6a601624c73
#   remediation: |
#     Strip every rule from the default group:
#     ```hcl
#     resource "aws_default_security_group" "default" {
#       vpc_id = aws_vpc.main.id
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.default_sg_not_restricted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [dir, i], msg) if {
	some r in tf.resources("aws_default_security_group")
	some dir in ["ingress", "egress"]
	some i, _ in tf.list(r.values, dir)
	msg := sprintf("%s keeps an %s rule; the default security group should allow nothing", [r.address, dir])
}
