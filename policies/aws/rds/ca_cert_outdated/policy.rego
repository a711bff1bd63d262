# METADATA
# title: RDS instance uses an expired certificate authority
# description: >-
#   The rds-ca-2019 certificate authority expired in August 2024 (rds-ca-2015 in
#   2020): clients that verify the server certificate, as they should, fail to
#   connect or are pushed to skip verification. An aws_db_instance whose
#   ca_cert_identifier names one of them is reported. Without the setting AWS
#   assigns the current default (rds-ca-rsa2048-g1), so an absent or unknown
#   identifier is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#ca_cert_identifier
# custom:
#   id: TFW-AWS-0327
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_db_instance]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-17]
#     cwe: [CWE-298]
#   equivalents:
#     checkov: CKV_AWS_211
#   remediation: |
#     Move to a current CA (and update the trust store of the clients):
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       ca_cert_identifier = "rds-ca-rsa2048-g1"
#     }
#     ```
#   aliases: []
package tfward.aws.rds.ca_cert_outdated

import rego.v1
import data.lib.aws
import data.lib.tf

expired := {"rds-ca-2019", "rds-ca-2015"}

deny contains tf.finding(r, ["ca_cert_identifier"], sprintf("%s uses the expired certificate authority %s", [r.address, r.values.ca_cert_identifier])) if {
	some r in tf.value_in(["aws_db_instance"], ["ca_cert_identifier"], expired, "")
}
