# METADATA
# title: MemoryDB cluster does not encrypt traffic in transit
# description: >-
#   tls_enabled = false makes a MemoryDB cluster accept clear-text connections,
#   so passwords of its ACL users and the data travel unencrypted. An
#   aws_memorydb_cluster with tls_enabled false is reported; the default is
#   true.
# related_resources:
#   - https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#tls_enabled
# custom:
#   id: TFW-AWS-0361
#   severity: HIGH
#   category: security
#   resource_types: [aws_memorydb_cluster]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_202
#   remediation: |
#     Keep TLS on:
#     ```hcl
#     resource "aws_memorydb_cluster" "store" {
#       # ...
#       tls_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.memorydb.tls_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["tls_enabled"], sprintf("%s accepts connections without TLS", [r.address])) if {
	some r in tf.resources("aws_memorydb_cluster")
	tf.is_false(tf.val(r.values, "tls_enabled", true))
}
