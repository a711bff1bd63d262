# METADATA
# title: Cloud Storage bucket is readable by allUsers or allAuthenticatedUsers
# description: >-
#   Granting a bucket role or ACL entry to allUsers makes its objects readable
#   (or writable) by anyone on the internet without signing in;
#   allAuthenticatedUsers is hardly narrower, since it means any Google
#   account. The rule checks bucket IAM members and bindings, authoritative
#   bucket IAM policies built from google_iam_policy, and legacy bucket and
#   default object ACL entries.
# related_resources:
#   - https://cloud.google.com/storage/docs/access-control/making-data-public
#   - https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: TFW-GCP-0001
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_storage_bucket_iam_member
#     - google_storage_bucket_iam_binding
#     - google_storage_bucket_iam_policy
#     - google_iam_policy
#     - google_storage_bucket_access_control
#     - google_storage_default_object_access_control
#   frameworks:
#     cis-gcp-2.0: ["5.1"]
#     pci-dss-4.0: ["7.2.1"]
#     soc2: [CC6.1]
#     hipaa: ["164.312(a)(1)"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_28
#     trivy: GCP-0001
#     kics: c010082c-76e0-4b91-91d9-6e8439e455dd
#   remediation: |
#     Grant the role to the identities that need it, and turn on public access prevention:
#     ```hcl
#     resource "google_storage_bucket_iam_member" "reader" {
#       bucket = google_storage_bucket.assets.name
#       role   = "roles/storage.objectViewer"
#       member = "group:asset-readers@example.com"
#     }
#
#     resource "google_storage_bucket" "assets" {
#       name                     = "acme-assets"
#       location                 = "EU"
#       public_access_prevention = "enforced"
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.bucket_public_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["member"], sprintf("%s grants %s to %s", [r.address, tf.val(r.values, "role", "a role"), r.values.member])) if {
	some r in tf.resources("google_storage_bucket_iam_member")
	gcp.is_public_member(r.values.member)
}

deny contains tf.finding(r, ["members"], sprintf("%s grants %s to %s", [r.address, tf.val(r.values, "role", "a role"), concat(", ", public)])) if {
	some r in tf.resources("google_storage_bucket_iam_binding")
	public := sort([m | some m in tf.list(r.values, "members"); gcp.is_public_member(m)])
	count(public) > 0
}

# Authoritative policies: the members live in the google_iam_policy data
# source the bucket policy refers to, so the finding points there.
deny contains tf.finding(d, ["binding", i, "members"], sprintf("%s (used by %s) grants %s to %s", [d.address, r.address, object.get(b, "role", "a role"), concat(", ", public)])) if {
	some r in tf.resources("google_storage_bucket_iam_policy")
	some ref in object.get(r.references, "policy_data", [])
	some d in tf.data_sources("google_iam_policy")
	ref == tf.base_address(d.address)
	some i, b in tf.list(d.values, "binding")
	public := sort([m | some m in tf.list(b, "members"); gcp.is_public_member(m)])
	count(public) > 0
}

deny contains tf.finding(r, ["entity"], sprintf("%s gives %s the %s role on the bucket", [r.address, r.values.entity, tf.val(r.values, "role", "a")])) if {
	some r in tf.resources("google_storage_bucket_access_control")
	gcp.is_public_member(r.values.entity)
}

deny contains tf.finding(r, ["entity"], sprintf("%s gives %s the %s role on every new object", [r.address, r.values.entity, tf.val(r.values, "role", "a")])) if {
	some r in tf.resources("google_storage_default_object_access_control")
	gcp.is_public_member(r.values.entity)
}
