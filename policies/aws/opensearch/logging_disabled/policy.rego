# METADATA
# title: OpenSearch domain publishes no logs
# description: >-
#   Without log_publishing_options, a domain's error, slow search, slow indexing
#   and audit logs are not kept anywhere you can read them, so failures and
#   abuse cannot be investigated. aws_opensearch_domain and
#   aws_elasticsearch_domain with no enabled log_publishing_options block are
#   reported (enabled defaults to true inside a block). Missing audit logs alone
#   are TFW-AWS-0364's finding.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
# custom:
#   id: TFW-AWS-0365
#   severity: LOW
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_84
#   remediation: |
#     Publish the application (error) log at least:
#     ```hcl
#     log_publishing_options {
#       log_type                 = "ES_APPLICATION_LOGS"
#       cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.logging_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["log_publishing_options"], sprintf("%s publishes no logs", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	not tf.is_unknown(r, ["log_publishing_options"])
	count([o | some o in tf.list(r.values, "log_publishing_options"); not tf.is_false(tf.val(o, "enabled", true))]) == 0
	count([u | some u in r.unknown; startswith(u, "log_publishing_options.")]) == 0
}
