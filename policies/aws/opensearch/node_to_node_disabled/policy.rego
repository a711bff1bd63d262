# METADATA
# title: OpenSearch domain does not encrypt node-to-node traffic
# description: >-
#   Without node_to_node_encryption, shard replication and queries between the
#   domain's nodes travel unencrypted inside the VPC. It is off by default and
#   is also required for fine-grained access control.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: TFW-AWS-0087
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_6
#     trivy: AWS-0043
#   remediation: |
#     Encrypt traffic between nodes:
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
package tfward.aws.opensearch.node_to_node_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["node_to_node_encryption", 0, "enabled"], sprintf("%s does not encrypt traffic between its nodes", [r.address])) if {
	some t in {"aws_opensearch_domain", "aws_elasticsearch_domain"}
	some r in tf.resources(t)
	not on(r)
	not tf.is_unknown(r, ["node_to_node_encryption", 0, "enabled"])
	not tf.is_unknown(r, ["node_to_node_encryption"])
}

on(r) if {
	some b in tf.list(r.values, "node_to_node_encryption")
	tf.is_true(b.enabled)
}
