# METADATA
# title: OpenSearch domain accepts plain HTTP
# description: >-
#   domain_endpoint_options.enforce_https = false lets clients send queries,
#   documents and credentials over HTTP. aws_opensearch_domain and
#   aws_elasticsearch_domain are reported when enforce_https is false, or when
#   the domain_endpoint_options block is left out: the service then creates the
#   domain without HTTPS enforcement (the provider's default of true only
#   applies inside the block). An old TLS policy is TFW-AWS-0362's finding.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: TFW-AWS-0088
#   severity: HIGH
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_83
#     trivy: AWS-0046
#   remediation: |
#     Require HTTPS with TLS 1.2:
#     ```hcl
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "search"
#       engine_version = "OpenSearch_2.13"
#
#       cluster_config {
#         instance_type = "r6g.large.search"
#       }
#
#       encrypt_at_rest {
#         enabled = true
#       }
#
#       node_to_node_encryption {
#         enabled = true
#       }
#
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
#       }
#
#       vpc_options {
#         subnet_ids         = ["subnet-0a1b2c3d"]
#         security_group_ids = ["sg-0a1b2c3d"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.https_not_enforced

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["domain_endpoint_options", i, "enforce_https"], sprintf("%s accepts plain HTTP (enforce_https = false)", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, o in tf.list(r.values, "domain_endpoint_options")
	tf.is_false(o.enforce_https)
}

deny contains tf.finding(r, ["domain_endpoint_options"], sprintf("%s has no domain_endpoint_options, so HTTPS is not enforced", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	count(tf.list(r.values, "domain_endpoint_options")) == 0
	not tf.is_unknown(r, ["domain_endpoint_options"])
}
