# METADATA
# title: OpenSearch domain with a public endpoint allows anyone
# description: >-
#   A domain outside a VPC has an endpoint on the internet, and its access
#   policy is then the only control on who may call it. A policy statement that
#   allows a public principal ("*", {"AWS": "*"}, "arn:aws:iam::*:root") with no
#   condition on the caller (aws:SourceIp, aws:PrincipalOrgID, aws:SourceVpce,
#   ...) lets anyone search, read and with es:ESHttp* write or delete the
#   indices. aws_opensearch_domain and aws_elasticsearch_domain without
#   vpc_options are reported for such a statement in their access_policies, or
#   in an aws_opensearch_domain_policy / aws_elasticsearch_domain_policy
#   attached to them (JSON or aws_iam_policy_document). Domains in a VPC are not
#   reported (TFW-AWS-0089 reports the public endpoint itself); an unknown
#   policy is not judged.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain_policy
# custom:
#   id: TFW-AWS-0336
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, aws_opensearch_domain_policy, aws_elasticsearch_domain_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1, CC6.6]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Move the domain into a VPC, or allow named roles (or your IP ranges) only:
#     ```hcl
#     resource "aws_opensearch_domain_policy" "logs" {
#       domain_name = aws_opensearch_domain.logs.domain_name
#       access_policies = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { AWS = aws_iam_role.ingest.arn }
#           Action    = "es:ESHttp*"
#           Resource  = "${aws_opensearch_domain.logs.arn}/*"
#         }]
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.public_access_policy

import rego.v1
import data.lib.aws
import data.lib.tf

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

policy_types := {"aws_opensearch_domain": "aws_opensearch_domain_policy", "aws_elasticsearch_domain": "aws_elasticsearch_domain_policy"}

deny contains tf.finding(x.res, x.path, msg) if {
	some d in tf.of_types(domain_types)
	count(tf.list(d.values, "vpc_options")) == 0
	not tf.is_unknown(d, ["vpc_options"])
	some h in holders(d)
	some x in aws.policy_statements(h, "access_policies")
	aws.public_allow(x.stmt)
	msg := sprintf("%s has a public endpoint and %s allows %v to any principal", [d.address, h.address, x.stmt.Action])
}

holders(d) := array.concat([d], tf.linked(d, policy_types[d.type], "domain_name"))
