# METADATA
# title: Redshift cluster is not encrypted at rest
# description: >-
#   A data warehouse concentrates an organisation's most sensitive data.
#   encrypted = true protects data blocks, system metadata and snapshots with
#   KMS; without it a copy of the storage is readable. Before provider 6.0,
#   encrypted defaulted to false, so a cluster without it is reported unless
#   the module's hashicorp/aws constraint requires 6.0 or later (then the
#   default is true). Clusters restored from a snapshot keep the snapshot's
#   encryption and are not reported. A cluster encrypted with the AWS managed
#   key is TFW-AWS-0352's finding.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: TFW-AWS-0090
#   severity: HIGH
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_64
#     trivy: AWS-0084
#     kics: cfdcabb0-fc06-427c-865b-c59f13e898ce
#   remediation: |
#     Encrypt the cluster:
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
package tfward.aws.redshift.not_encrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encrypted"], sprintf("%s is not encrypted at rest", [r.address])) if {
	some r in tf.resources("aws_redshift_cluster")
	not tf.is_true(tf.val(r.values, "encrypted", default_encrypted))
	tf.val(r.values, "snapshot_identifier", "") == ""
	not tf.is_unknown(r, ["snapshot_identifier"])
}

# Provider 5.x and earlier default encrypted to false, 6.0 to true.
default_encrypted := true if data.lib.aws.aws_provider_v6

else := false
