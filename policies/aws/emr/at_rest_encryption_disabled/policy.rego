# METADATA
# title: EMR security configuration does not encrypt data at rest
# description: >-
#   An EMR security configuration encrypts EMRFS data in S3 and the cluster's
#   local disks only when EncryptionConfiguration.EnableAtRestEncryption is
#   true; it is false when left out. An aws_emr_security_configuration whose
#   configuration JSON sets it to false or leaves it out is reported. A
#   configuration that is not known (a variable, a file read at apply) is not
#   judged.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_security_configuration
# custom:
#   id: TFW-AWS-0381
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
#     trivy: AWS-0137
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
package tfward.aws.emr.at_rest_encryption_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["configuration"], sprintf("%s does not encrypt data at rest (EnableAtRestEncryption is not true)", [r.address])) if {
	some [r, c] in configs
	object.get(enc(c), "EnableAtRestEncryption", false) != true
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
