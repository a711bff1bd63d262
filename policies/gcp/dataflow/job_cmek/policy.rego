# METADATA
# title: Dataflow job is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_dataflow_job without a customer-managed Cloud KMS key
#   (kms_key_name): Google then encrypts it with a key it manages, and you
#   cannot audit each use of the key, rotate it on your schedule, or make the
#   data unreadable by disabling it, as some regulations require. The key
#   protects the job's state in Persistent Disk, Shuffle and Streaming Engine.
#   Flex template jobs (google_dataflow_flex_template_job) are checked the
#   same way. The key comes from a variable or another resource in most
#   modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataflow_job
#   - https://cloud.google.com/dataflow/docs/guides/customer-managed-encryption-keys
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0131
#   severity: LOW
#   category: compliance
#   resource_types: [google_dataflow_job, google_dataflow_flex_template_job]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_90
#   remediation: |
#     ```hcl
#     resource "google_dataflow_job" "this" {
#       # ...
#       kms_key_name = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.dataflow.job_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["kms_key_name"], sprintf("%s is encrypted with Google-managed keys (kms_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_dataflow_job", "google_dataflow_flex_template_job"], ["kms_key_name"])
}
