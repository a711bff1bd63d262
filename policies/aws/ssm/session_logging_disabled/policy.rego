# METADATA
# title: Session Manager does not keep encrypted session logs
# description: >-
#   Without session logging every command run through Session Manager is lost;
#   with logging to an unencrypted bucket or log group the transcripts - which
#   often hold secrets typed at the prompt - are readable by anyone with access
#   to the store. Reported for an aws_ssm_document of document_type Session
#   whose JSON content neither names an S3 bucket with s3EncryptionEnabled =
#   true nor a CloudWatch log group with cloudWatchEncryptionEnabled = true;
#   YAML documents and unknown content are not read.
# related_resources:
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-logging.html
# custom:
#   id: TFW-AWS-0429
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ssm_document]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-9]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_113
#   remediation: |
#     Log sessions to an encrypted bucket or log group:
#     ```hcl
#     resource "aws_ssm_document" "session_prefs" {
#       name            = "SSM-SessionManagerRunShell"
#       document_type   = "Session"
#       document_format = "JSON"
#       content = jsonencode({
#         schemaVersion = "1.0"
#         sessionType   = "Standard_Stream"
#         inputs = {
#           cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
#           cloudWatchEncryptionEnabled = true
#           kmsKeyId                    = aws_kms_key.sessions.arn
#         }
#       })
#     }
#     ```
#   aliases: []
package tfward.aws.ssm.session_logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["content"], sprintf("%s does not log sessions to an encrypted bucket or log group", [r.address])) if {
	some r in sessions
	inputs := session_inputs(r)
	not encrypted_log(inputs)
}

encrypted_log(inputs) if {
	tf.val(inputs, "s3BucketName", "") != ""
	tf.is_true(tf.val(inputs, "s3EncryptionEnabled", false))
}

encrypted_log(inputs) if {
	tf.val(inputs, "cloudWatchLogGroupName", "") != ""
	tf.is_true(tf.val(inputs, "cloudWatchEncryptionEnabled", false))
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
