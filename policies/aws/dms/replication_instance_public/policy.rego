# METADATA
# title: DMS replication instance is publicly accessible
# description: >-
#   A replication instance holds the credentials of its source and target
#   endpoints and reads every row it migrates. publicly_accessible = true gives
#   it a public IP address, so it can be reached from the internet whenever its
#   security groups let traffic in. An aws_dms_replication_instance with
#   publicly_accessible true is reported; the provider default is false, so an
#   absent setting is not.
# related_resources:
#   - https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance#publicly_accessible
# custom:
#   id: TFW-AWS-0331
#   severity: HIGH
#   category: security
#   resource_types: [aws_dms_replication_instance]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_89
#     kics: 030d3b18-1821-45b4-9e08-50efbe7becbb
#   remediation: |
#     Keep the instance private and reach the databases through the VPC:
#     ```hcl
#     resource "aws_dms_replication_instance" "migrate" {
#       # ...
#       publicly_accessible = false
#     }
#     ```
#   aliases: []
package tfward.aws.dms.replication_instance_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["publicly_accessible"], sprintf("%s is publicly accessible", [r.address])) if {
	some r in tf.set_true(["aws_dms_replication_instance"], ["publicly_accessible"], false)
}
