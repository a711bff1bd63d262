# METADATA
# title: OpenSearch domain does not publish audit logs
# description: >-
#   Audit logs record who read, wrote or changed what in the domain
#   (authentication, index and document access, security configuration changes).
#   aws_opensearch_domain and aws_elasticsearch_domain are reported unless a
#   log_publishing_options block with log_type AUDIT_LOGS is enabled (enabled
#   defaults to true inside the block). Audit logging also needs fine-grained
#   access control (TFW-AWS-0366).
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
# custom:
#   id: TFW-AWS-0364
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_317
#     trivy: AWS-0042
#   remediation: |
#     Publish the audit log to CloudWatch Logs:
#     ```hcl
#     log_publishing_options {
#       log_type                 = "AUDIT_LOGS"
#       cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.audit_logs_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["log_publishing_options"], sprintf("%s does not publish audit logs", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	not tf.is_unknown(r, ["log_publishing_options"])
	not audited(r)
	count([u | some u in r.unknown; startswith(u, "log_publishing_options.")]) == 0
}

audited(r) if {
	some o in tf.list(r.values, "log_publishing_options")
	tf.val(o, "log_type", "") == "AUDIT_LOGS"
	not tf.is_false(tf.val(o, "enabled", true))
}
