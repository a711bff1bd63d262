# METADATA
# title: Session Manager sessions are not encrypted with a KMS key
# description: >-
#   Session Manager encrypts session traffic with TLS, but only a KMS key named
#   in the preferences document (inputs.kmsKeyId of the SSM-
#   SessionManagerRunShell Session document) adds end-to-end encryption of the
#   session data and lets you control who may start sessions through the key
#   policy. Reported for an aws_ssm_document of document_type Session whose
#   JSON content has no inputs.kmsKeyId; YAML documents and unknown content are
#   not read.
# related_resources:
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/session-preferences-enable-encryption.html
# custom:
#   id: TFW-AWS-0428
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ssm_document]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_112
#   remediation: |
#     Name a KMS key in the session preferences:
#     ```hcl
#     resource "aws_ssm_document" "session_prefs" {
#       name            = "SSM-SessionManagerRunShell"
#       document_type   = "Session"
#       document_format = "JSON"
#       content = jsonencode({
#         schemaVersion = "1.0"
#         sessionType   = "Standard_Stream"
#         inputs = {
#           kmsKeyId               = aws_kms_key.sessions.arn
#           s3BucketName           = aws_s3_bucket.session_logs.id
#           s3EncryptionEnabled    = true
#         }
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.ssm.session_not_encrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["content"], sprintf("%s does not encrypt sessions with a KMS key (inputs.kmsKeyId)", [r.address])) if {
	some r in sessions
	inputs := session_inputs(r)
	tf.val(inputs, "kmsKeyId", "") == ""
}

# The inputs of a Session Manager preferences document (JSON content, as a
# string or a decoded object); undefined when it cannot be read.
session_inputs(r) := object.get(content(r), "inputs", {})

content(r) := json.unmarshal(r.values.content) if {
	tf.val(r.values, "document_format", "JSON") == "JSON"
	is_string(r.values.content)
	json.is_valid(r.values.content)
} else := r.values.content if is_object(r.values.content)

sessions contains r if {
	some r in tf.resources("aws_ssm_document")
	r.values.document_type == "Session"
	not tf.is_unknown(r, ["document_format"])
	content(r)
}
