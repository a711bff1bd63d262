# METADATA
# title: OpenSearch domain has a public endpoint
# description: >-
#   A domain without vpc_options gets an internet-facing endpoint guarded only
#   by its access policy; a single permissive policy statement exposes every
#   index. Place the domain in private subnets with vpc_options so network
#   controls apply too.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html
# custom:
#   id: TFW-AWS-0089
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_137
#   remediation: |
#     Launch the domain inside the VPC:
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
package tfward.aws.opensearch.not_in_vpc

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["vpc_options"], sprintf("%s has a public endpoint (no vpc_options)", [r.address])) if {
	some t in {"aws_opensearch_domain", "aws_elasticsearch_domain"}
	some r in tf.resources(t)
	count(tf.list(r.values, "vpc_options")) == 0
	not tf.is_unknown(r, ["vpc_options"])
}
