# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: >-
#   Search indices are often full copies of application data, logs included.
#   encrypt_at_rest protects indices, automated snapshots, logs and swap with
#   KMS; it is off unless enabled, and enabling it later requires a blue/green
#   migration.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: TFW-AWS-0086
#   severity: HIGH
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_5
#     trivy: AWS-0048
#     kics: 24e16922-4330-4e9d-be8a-caa90299466a
#   remediation: |
#     Encrypt the domain:
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
package tfward.aws.opensearch.encryption_at_rest_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encrypt_at_rest", 0, "enabled"], sprintf("%s does not encrypt its data at rest", [r.address])) if {
	some t in {"aws_opensearch_domain", "aws_elasticsearch_domain"}
	some r in tf.resources(t)
	not on(r)
	not tf.is_unknown(r, ["encrypt_at_rest", 0, "enabled"])
	not tf.is_unknown(r, ["encrypt_at_rest"])
}

on(r) if {
	some b in tf.list(r.values, "encrypt_at_rest")
	tf.is_true(b.enabled)
}
