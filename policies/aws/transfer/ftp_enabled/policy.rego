# METADATA
# title: Transfer Family server accepts plain FTP
# description: >-
#   FTP sends user names, passwords and files in clear text. Fires on an
#   aws_transfer_server whose protocols include FTP; silent when they are
#   SFTP, FTPS or AS2 only, absent (the provider's default is SFTP) or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#protocols
# custom:
#   id: TFW-AWS-0582
#   severity: HIGH
#   category: security
#   resource_types: [aws_transfer_server]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_357
#   remediation: |
#     Accept encrypted protocols only:
#     ```hcl
#     resource "aws_transfer_server" "partners" {
#       # ...
#       protocols = ["SFTP"]
#     }
#     ```
#   aliases: []
package tfward.aws.transfer.ftp_enabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["protocols"], sprintf("%s accepts plain FTP", [r.address])) if {
	some r in tf.resources("aws_transfer_server")
	"FTP" in {upper(p) | some p in tf.list(r.values, "protocols")}
}
