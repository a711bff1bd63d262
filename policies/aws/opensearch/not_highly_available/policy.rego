# METADATA
# title: OpenSearch domain is not spread over availability zones with three masters
# description: >-
#   A domain survives the loss of a node or an availability zone only when zone
#   awareness spreads its data nodes over zones and three dedicated master nodes
#   keep a quorum. aws_opensearch_domain and aws_elasticsearch_domain are
#   reported when cluster_config.zone_awareness_enabled is not true (the default
#   is false) or when dedicated masters are off or fewer than three.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#cluster_config
# custom:
#   id: TFW-AWS-0398
#   severity: LOW
#   category: reliability
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-10, SC-36]
#   equivalents:
#     checkov: CKV_AWS_318
#   remediation: |
#     Spread the domain over zones with three masters:
#     ```hcl
#     cluster_config {
#       instance_count           = 3
#       zone_awareness_enabled   = true
#       dedicated_master_enabled = true
#       dedicated_master_count   = 3
#       zone_awareness_config {
#         availability_zone_count = 3
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.not_highly_available

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["cluster_config", i, "zone_awareness_enabled"], sprintf("%s keeps all its nodes in one availability zone", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, c in tf.list(r.values, "cluster_config")
	not tf.is_true(tf.val(c, "zone_awareness_enabled", false))
	not tf.is_unknown(r, ["cluster_config", i, "zone_awareness_enabled"])
}

deny contains tf.finding(r, ["cluster_config", i], sprintf("%s has fewer than three dedicated master nodes", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, c in tf.list(r.values, "cluster_config")
	not tf.is_unknown(r, ["cluster_config", i, "dedicated_master_enabled"])
	not tf.is_unknown(r, ["cluster_config", i, "dedicated_master_count"])
	not three_masters(c)
}

three_masters(c) if {
	tf.is_true(tf.val(c, "dedicated_master_enabled", false))
	to_number(tf.val(c, "dedicated_master_count", 3)) >= 3
}
