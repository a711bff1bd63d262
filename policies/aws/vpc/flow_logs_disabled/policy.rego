# METADATA
# title: VPC has no flow log
# description: >-
#   VPC flow logs record accepted and rejected connections at the network
#   interface level. They are the only network evidence available when
#   investigating lateral movement, exfiltration or a misbehaving security
#   group. A VPC is reported when no aws_flow_log in the module points at it
#   through vpc_id.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: TFW-AWS-0033
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_vpc, aws_flow_log]
#   frameworks:
#     cis-aws-1.5: ["3.9"]
#     cis-aws-2.0: ["3.7"]
#     cis-aws-3.0: ["3.7"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV2_AWS_11
#     trivy: AWS-0178
#     kics: f83121ea-03da-434f-9277-9cd247ab3047
#   remediation: |
#     Log the VPC's traffic:
#     ```hcl
#     resource "aws_flow_log" "main" {
#       vpc_id               = aws_vpc.main.id
#       traffic_type         = "ALL"
#       log_destination_type = "s3"
#       log_destination      = aws_s3_bucket.flow_logs.arn
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.flow_logs_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s has no flow log", [r.address])) if {
	some r in tf.resources("aws_vpc")
	count(tf.linked(r, "aws_flow_log", "vpc_id")) == 0
	not aws.link_undecided("aws_flow_log", "vpc_id")
}
