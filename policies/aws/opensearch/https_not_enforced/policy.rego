# METADATA
# title: OpenSearch domain accepts plain HTTP or old TLS
# description: >-
#   domain_endpoint_options.enforce_https = false lets clients send queries,
#   documents and credentials over HTTP; a tls_security_policy of Policy-Min-TLS-1-0-2019-07
#   still accepts TLS 1.0 and 1.1. Require HTTPS with Policy-Min-TLS-1-2-2019-07
#   or newer.
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

deny contains tf.finding(r, ["domain_endpoint_options", 0, "enforce_https"], sprintf("%s accepts plain HTTP", [r.address])) if {
	some t in {"aws_opensearch_domain", "aws_elasticsearch_domain"}
	some r in tf.resources(t)
	some o in tf.list(r.values, "domain_endpoint_options")
	tf.is_false(o.enforce_https)
}

deny contains tf.finding(r, ["domain_endpoint_options", 0, "tls_security_policy"], sprintf("%s accepts TLS versions below 1.2", [r.address])) if {
	some t in {"aws_opensearch_domain", "aws_elasticsearch_domain"}
	some r in tf.resources(t)
	some o in tf.list(r.values, "domain_endpoint_options")
	o.tls_security_policy == "Policy-Min-TLS-1-0-2019-07"
}
