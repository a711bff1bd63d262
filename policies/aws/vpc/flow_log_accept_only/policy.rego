# METADATA
# title: VPC flow log records only accepted traffic
# description: >-
#   A flow log with traffic_type = "ACCEPT" leaves out every connection the
#   security groups and network ACLs rejected - the scans, probes and blocked
#   exfiltration attempts CIS asks flow logs to capture (at least REJECT). Fires
#   on aws_flow_log with traffic_type ACCEPT; ALL and REJECT pass.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: TFW-AWS-0214
#   severity: LOW
#   category: compliance
#   resource_types: [aws_flow_log]
#   frameworks:
#     nist-800-53-r5: [AU-12, SI-4]
#     cwe: [CWE-778]
#   remediation: |
#     Capture rejected traffic too:
#     ```hcl
#     resource "aws_flow_log" "main" {
#       vpc_id       = aws_vpc.main.id
#       traffic_type = "ALL"
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.flow_log_accept_only

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["traffic_type"], sprintf("%s records only accepted traffic, not rejected connections", [r.address])) if {
	some r in tf.value_in(["aws_flow_log"], ["traffic_type"], {"ACCEPT"}, "ALL")
}
