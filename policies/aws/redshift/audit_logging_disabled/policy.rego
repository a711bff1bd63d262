# METADATA
# title: Redshift cluster does not export audit logs
# description: >-
#   Connection, user and user-activity logs record who connected and which
#   queries ran - the audit trail for a data warehouse. A cluster is reported
#   when neither an inline logging block with enable = true nor an
#   aws_redshift_logging resource in the module turns audit logging on.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
# custom:
#   id: TFW-AWS-0092
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_redshift_cluster, aws_redshift_logging]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_71
#     kics: 15ffbacc-fa42-4f6f-a57d-2feac7365caa
#   remediation: |
#     Export audit logs:
#     ```hcl
#     resource "aws_redshift_cluster" "dw" {
#       cluster_identifier          = "dw"
#       node_type                   = "ra3.xlplus"
#       number_of_nodes             = 2
#       master_username             = "dwadmin"
#       manage_master_password      = true
#       encrypted                   = true
#       kms_key_id                  = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       publicly_accessible         = false
#       cluster_subnet_group_name   = "dw-private"
#     }
#
#     resource "aws_redshift_logging" "dw" {
#       cluster_identifier   = aws_redshift_cluster.dw.id
#       log_destination_type = "cloudwatch"
#       log_exports          = ["connectionlog", "userlog", "useractivitylog"]
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.audit_logging_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["logging"], sprintf("%s does not export audit logs", [r.address])) if {
	some r in tf.resources("aws_redshift_cluster")
	not inline_logging(r)
	not tf.is_unknown(r, ["logging"])
	count(tf.linked(r, "aws_redshift_logging", "cluster_identifier")) == 0
	not logging_by_identifier(r)
	not aws.link_undecided("aws_redshift_logging", "cluster_identifier")
}

inline_logging(r) if {
	some l in tf.list(r.values, "logging")
	tf.is_true(l.enable)
}

inline_logging(r) if {
	some i, _ in tf.list(r.values, "logging")
	tf.is_unknown(r, ["logging", i, "enable"])
}

# aws_redshift_logging naming the cluster by its identifier.
logging_by_identifier(r) if {
	some l in tf.resources("aws_redshift_logging")
	l.values.cluster_identifier == r.values.cluster_identifier
}
