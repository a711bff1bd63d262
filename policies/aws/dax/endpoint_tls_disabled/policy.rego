# METADATA
# title: DAX cluster endpoint does not use TLS
# description: >-
#   cluster_endpoint_encryption_type defaults to NONE: applications then read
#   and write cached DynamoDB items over an unencrypted connection. An
#   aws_dax_cluster whose cluster_endpoint_encryption_type is NONE or left out
#   is reported. The setting cannot be changed after creation.
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#cluster_endpoint_encryption_type
# custom:
#   id: TFW-AWS-0370
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_dax_cluster]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_239
#   remediation: |
#     Create the cluster with a TLS endpoint:
#     ```hcl
#     resource "aws_dax_cluster" "cache" {
#       # ...
#       cluster_endpoint_encryption_type = "TLS"
#     }
#     ```
#   aliases: []
package tfward.aws.dax.endpoint_tls_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["cluster_endpoint_encryption_type"], sprintf("%s serves clients without TLS", [r.address])) if {
	some r in tf.value_not_in(["aws_dax_cluster"], ["cluster_endpoint_encryption_type"], {"TLS"}, "NONE")
}
