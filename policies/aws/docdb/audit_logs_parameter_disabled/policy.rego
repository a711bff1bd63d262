# METADATA
# title: DocumentDB parameter group does not enable audit logs
# description: >-
#   DocumentDB writes audit events only when the cluster parameter group sets
#   audit_logs to enabled (legacy), ddl, dml_read, dml_write or all; the default
#   is disabled. An aws_docdb_cluster_parameter_group whose audit_logs is left
#   out or set to disabled/none is reported. The events also have to be exported
#   with enabled_cloudwatch_logs_exports (TFW-AWS-0348).
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html#event-auditing-enabling-auditing
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster_parameter_group
# custom:
#   id: TFW-AWS-0350
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_docdb_cluster_parameter_group]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_104
#   remediation: |
#     Turn auditing on:
#     ```hcl
#     resource "aws_docdb_cluster_parameter_group" "docs" {
#       family = "docdb5.0"
#       name   = "docs"
#
#       parameter {
#         name  = "audit_logs"
#         value = "all"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.audit_logs_parameter_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

off_values := {"disabled", "none"}

deny contains tf.finding(r, ["parameter", i, "value"], sprintf("%s leaves audit_logs %s", [r.address, p.value])) if {
	some r in tf.resources("aws_docdb_cluster_parameter_group")
	some i, p in tf.list(r.values, "parameter")
	lower(tf.val(p, "name", "")) == "audit_logs"
	lower(tf.val(p, "value", "")) in off_values
}

deny contains tf.finding(r, [], sprintf("%s does not set audit_logs (it defaults to disabled)", [r.address])) if {
	some r in tf.resources("aws_docdb_cluster_parameter_group")
	not tf.is_unknown(r, ["parameter"])
	count([p | some p in tf.list(r.values, "parameter"); lower(tf.val(p, "name", "")) == "audit_logs"]) == 0
	count([u | some u in r.unknown; startswith(u, "parameter.")]) == 0
}
