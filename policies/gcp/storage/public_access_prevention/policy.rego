# METADATA
# title: Cloud Storage bucket does not enforce public access prevention
# description: >-
#   With `public_access_prevention = "enforced"` the bucket refuses any IAM
#   binding or ACL that grants allUsers or allAuthenticatedUsers, so a later
#   mistake cannot make its data public. The default, "inherited", relies on
#   an organization policy that may not exist.
# related_resources:
#   - https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: TFW-GCP-0006
#   severity: MEDIUM
#   category: security
#   resource_types: [google_storage_bucket]
#   frameworks:
#     cis-gcp-2.0: ["5.1"]
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name                     = "acme-data"
#       location                 = "EU"
#       public_access_prevention = "enforced"
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.public_access_prevention

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["public_access_prevention"], sprintf("%s does not enforce public access prevention (%s)", [r.address, v])) if {
	some r in tf.resources("google_storage_bucket")
	v := tf.val(r.values, "public_access_prevention", "inherited")
	lower(v) != "enforced"
}
