# METADATA
# title: Cloud Storage bucket does not enforce public access prevention
# description: >-
#   Fires on a google_storage_bucket whose public_access_prevention is not
#   "enforced". With enforcement the bucket refuses any IAM binding or ACL
#   that grants allUsers or allAuthenticatedUsers, so a later mistake cannot
#   make its data public. The default, "inherited", relies on an organization
#   policy that may not exist, so an absent attribute fires; an unknown one
#   stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention
#   - https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: TFW-GCP-0006
#   severity: MEDIUM
#   category: security
#   resource_types: [google_storage_bucket]
#   frameworks:
#     cis-gcp-2.0: ["5.1"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_114
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#       public_access_prevention = "enforced"
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.public_access_prevention

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_access_prevention"], sprintf("%s does not enforce public access prevention (%s)", [r.address, tf.at(r, ["public_access_prevention"], "inherited")])) if {
	some r in tf.value_not_in(["google_storage_bucket"], ["public_access_prevention"], {"enforced", "ENFORCED"}, "inherited")
}
