# METADATA
# title: EMR security configuration encrypts EMRFS data without a KMS key
# description: >-
#   With S3EncryptionConfiguration EncryptionMode SSE-S3, EMRFS data in S3 is
#   encrypted with S3-managed keys that anyone allowed to read the objects can
#   decrypt; SSE-KMS or CSE-KMS put a KMS key policy in front of the data. An
#   aws_emr_security_configuration with at-rest encryption on is reported when
#   its S3 encryption mode is SSE-S3 or left out.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_security_configuration
# custom:
#   id: TFW-AWS-0384
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_emr_security_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_171
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
package tfward.aws.emr.s3_not_kms

import rego.v1
import data.lib.aws
import data.lib.tf

kms_modes := {"SSE-KMS", "CSE-KMS"}

deny contains tf.finding(r, ["configuration"], sprintf("%s encrypts EMRFS data in S3 with %v instead of a KMS key", [r.address, mode])) if {
	some [r, c] in configs
	e := enc(c)
	object.get(e, "EnableAtRestEncryption", false) == true
	mode := object.get(object.get(object.get(e, "AtRestEncryptionConfiguration", {}), "S3EncryptionConfiguration", {}), "EncryptionMode", "no S3 encryption")
	not mode in kms_modes
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
