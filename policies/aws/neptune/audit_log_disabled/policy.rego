# METADATA
# title: Neptune cluster does not export its audit log
# description: >-
#   Neptune's audit log records every query and the identity that sent it; it is
#   only kept when exported to CloudWatch Logs. An aws_neptune_cluster is
#   reported when enable_cloudwatch_logs_exports does not include "audit"
#   (nothing is exported by default). Audit logging also needs
#   neptune_enable_audit_log = 1 in the cluster parameter group.
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#enable_cloudwatch_logs_exports
# custom:
#   id: TFW-AWS-0344
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_101
#     trivy: AWS-0075
#   remediation: |
#     Export the audit log:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       enable_cloudwatch_logs_exports = ["audit"]
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.audit_log_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["enable_cloudwatch_logs_exports"], sprintf("%s does not export its audit log to CloudWatch Logs", [r.address])) if {
	some r in tf.resources("aws_neptune_cluster")
	not "audit" in tf.list(r.values, "enable_cloudwatch_logs_exports")
}
