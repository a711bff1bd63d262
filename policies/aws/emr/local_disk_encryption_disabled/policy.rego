# METADATA
# title: EMR security configuration does not encrypt local disks and EBS volumes
# description: >-
#   At-rest encryption in an EMR security configuration covers the nodes'
#   instance store and EBS volumes (HDFS, spill, temporary files) only with a
#   LocalDiskEncryptionConfiguration that names a key provider, and root and
#   data EBS volumes only with EnableEbsEncryption true. An
#   aws_emr_security_configuration is reported when at-rest encryption is off or
#   has no LocalDiskEncryptionConfiguration, when the key provider is empty, or
#   when EnableEbsEncryption is not true.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_security_configuration
# custom:
#   id: TFW-AWS-0383
#   severity: HIGH
#   category: security
#   resource_types: [aws_emr_security_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_349, CKV_AWS_350]
#     trivy: AWS-0139
#   remediation: |
#     Turn at-rest encryption on in the security configuration:
#     ```hcl
#     resource "aws_emr_security_configuration" "etl" {
#       name = "etl"
#       configuration = jsonencode({
#         EncryptionConfiguration = {
#           EnableAtRestEncryption    = true
#           EnableInTransitEncryption = true
#           AtRestEncryptionConfiguration = {
#             S3EncryptionConfiguration        = { EncryptionMode = "SSE-KMS", AwsKmsKey = aws_kms_key.emr.arn }
#             LocalDiskEncryptionConfiguration = { EncryptionKeyProviderType = "AwsKms", AwsKmsKey = aws_kms_key.emr.arn, EnableEbsEncryption = true }
#           }
#           InTransitEncryptionConfiguration = { TLSCertificateConfiguration = { CertificateProviderType = "PEM", S3Object = "s3://acme-emr/certs.zip" } }
#         }
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.emr.local_disk_encryption_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["configuration"], sprintf("%s does not encrypt the cluster's local disks and EBS volumes (%s)", [r.address, reason])) if {
	some [r, c] in configs
	some reason in problems(enc(c))
}

problems(e) := {"at-rest encryption is off"} if object.get(e, "EnableAtRestEncryption", false) != true

else := {"no LocalDiskEncryptionConfiguration"} if not e.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration

else := local_problems(e.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration)

local_problems(l) := {p |
	some [p, bad] in [
		["no key provider", object.get(l, "EncryptionKeyProviderType", "") == ""],
		["EnableEbsEncryption is not true", object.get(l, "EnableEbsEncryption", false) != true],
	]
	bad
}

# The decoded configuration JSON, when it is known.
configs contains [r, c] if {
	some r in tf.resources("aws_emr_security_configuration")
	is_string(r.values.configuration)
	json.is_valid(r.values.configuration)
	c := json.unmarshal(r.values.configuration)
}

configs contains [r, r.values.configuration] if {
	some r in tf.resources("aws_emr_security_configuration")
	is_object(r.values.configuration)
}

enc(c) := object.get(c, "EncryptionConfiguration", {})
