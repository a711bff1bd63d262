# METADATA
# title: Redshift cluster is publicly accessible
# description: >-
#   publicly_accessible = true gives the cluster a public IP address, so its SQL
#   endpoint is reachable from the internet wherever security groups allow.
#   Warehouses should be reached through the VPC (VPN, PrivateLink, bastion).
#   The provider default changed in 6.0: before it publicly_accessible defaulted
#   to true, so a cluster without it is reported unless the module's
#   hashicorp/aws constraint requires 6.0 or later (then the default is false).
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
# custom:
#   id: TFW-AWS-0091
#   severity: HIGH
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_87
#     kics: af173fde-95ea-4584-b904-bb3923ac4bda
#   remediation: |
#     Keep the cluster private:
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
package tfward.aws.redshift.publicly_accessible

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["publicly_accessible"], sprintf("%s is publicly accessible", [r.address])) if {
	some r in tf.set_true(["aws_redshift_cluster"], ["publicly_accessible"], default_public)
}

# Provider 5.x and earlier default publicly_accessible to true, 6.0 to false.
default_public := false if data.lib.aws.aws_provider_v6

else := true
