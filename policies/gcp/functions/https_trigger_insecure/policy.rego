# METADATA
# title: HTTP Cloud Function (1st gen) accepts plain HTTP
# description: >-
#   Fires on a google_cloudfunctions_function with trigger_http = true whose
#   https_trigger_security_level is not SECURE_ALWAYS. With SECURE_OPTIONAL,
#   or when the level is not written and the API applies its legacy default
#   for the function, requests over plain HTTP are served and their payloads
#   and tokens travel unencrypted. 2nd gen functions always redirect to HTTPS.
#   Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function#https_trigger_security_level
#   - https://cloud.google.com/functions/docs/writing/write-http-functions#security_levels
# custom:
#   id: TFW-GCP-0271
#   severity: MEDIUM
#   category: security
#   resource_types: [google_cloudfunctions_function]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
#     cwe: ["CWE-319"]
#   equivalents:
#     checkov: CKV2_GCP_10
#   remediation: |
#     ```hcl
#     resource "google_cloudfunctions_function" "webhook" {
#       name        = "webhook"
#       runtime     = "python312"
#       entry_point = "handle"
#       trigger_http = true
#       source_archive_bucket = "acme-src"
#       source_archive_object = "webhook.zip"
#       https_trigger_security_level = "SECURE_ALWAYS"
#     }
#     ```
#   aliases: []
package tfward.gcp.functions.https_trigger_insecure

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["https_trigger_security_level"], sprintf("%s serves plain HTTP (https_trigger_security_level is %s)", [r.address, tf.at(r, ["https_trigger_security_level"], "not SECURE_ALWAYS")])) if {
	some r in tf.set_true(["google_cloudfunctions_function"], ["trigger_http"], false)
	not upper(tf.at(r, ["https_trigger_security_level"], "")) == "SECURE_ALWAYS"
}
