# METADATA
# title: DocumentDB cluster exports neither audit nor profiler logs
# description: >-
#   DocumentDB keeps its audit events (authentication, DDL, user management) and
#   profiler output (slow operations) only when they are exported to CloudWatch
#   Logs. An aws_docdb_cluster is reported when enabled_cloudwatch_logs_exports
#   holds neither "audit" nor "profiler" (nothing is exported by default). The
#   audit log also needs audit_logs enabled in the cluster parameter group (TFW-
#   AWS-0350).
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#enabled_cloudwatch_logs_exports
# custom:
#   id: TFW-AWS-0348
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_docdb_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_85
#     trivy: AWS-0020
#   remediation: |
#     Export the audit and profiler logs:
#     ```hcl
#     resource "aws_docdb_cluster" "docs" {
#       # ...
#       enabled_cloudwatch_logs_exports = ["audit", "profiler"]
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.log_exports_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["enabled_cloudwatch_logs_exports"], sprintf("%s exports neither its audit nor its profiler log", [r.address])) if {
	some r in tf.resources("aws_docdb_cluster")
	count({"audit", "profiler"} & {x | some x in tf.list(r.values, "enabled_cloudwatch_logs_exports")}) == 0
}
