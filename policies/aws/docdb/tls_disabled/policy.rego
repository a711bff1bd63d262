# METADATA
# title: DocumentDB parameter group turns TLS off
# description: >-
#   DocumentDB requires TLS on every connection unless the cluster parameter
#   group sets tls to disabled; then clients may send credentials and documents
#   in clear text. An aws_docdb_cluster_parameter_group whose tls parameter is
#   "disabled" is reported. The default (enabled) and the stricter
#   tls1.2+/tls1.3+ values are not.
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster_parameter_group
# custom:
#   id: TFW-AWS-0349
#   severity: HIGH
#   category: security
#   resource_types: [aws_docdb_cluster_parameter_group]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_90
#   remediation: |
#     Keep TLS on (or require a recent version):
#     ```hcl
#     resource "aws_docdb_cluster_parameter_group" "docs" {
#       family = "docdb5.0"
#       name   = "docs"
#
#       parameter {
#         name  = "tls"
#         value = "tls1.2+"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.tls_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["parameter", i, "value"], sprintf("%s turns TLS off for its clusters", [r.address])) if {
	some r in tf.resources("aws_docdb_cluster_parameter_group")
	some i, p in tf.list(r.values, "parameter")
	lower(tf.val(p, "name", "")) == "tls"
	lower(tf.val(p, "value", "")) == "disabled"
}
