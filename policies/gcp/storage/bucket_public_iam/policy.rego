# METADATA
# title: Cloud Storage bucket or object is readable by allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a bucket (or managed folder) grants an IAM role to allUsers or
#   allAuthenticatedUsers, or a legacy ACL gives them access: bucket, default
#   object and object access controls (entity), bucket, default object and
#   object ACL role_entity entries ("READER:allUsers"), and the predefined
#   ACLs publicRead, publicReadWrite and authenticatedRead on ACL resources
#   and bucket objects. allUsers means anyone on the internet without signing
#   in, allAuthenticatedUsers any Google account. IAM grants are read in every
#   form (member, binding, and policies from google_iam_policy or rendered in
#   a plan). Unknown members stay silent.
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
#     - google_storage_managed_folder_iam_member
#     - google_storage_managed_folder_iam_binding
#     - google_storage_managed_folder_iam_policy
#     - google_iam_policy
#     - google_storage_bucket_access_control
#     - google_storage_default_object_access_control
#     - google_storage_object_access_control
#     - google_storage_bucket_acl
#     - google_storage_default_object_acl
#     - google_storage_object_acl
#     - google_storage_bucket_object
#   frameworks:
#     cis-gcp-2.0: ["5.1"]
#     pci-dss-4.0: ["7.2.1"]
#     soc2: ["CC6.1"]
#     hipaa: ["164.312(a)(1)"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_28
#     trivy: GCP-0001
#     kics: [c010082c-76e0-4b91-91d9-6e8439e455dd, a6cd52a1-3056-4910-96a5-894de9f3f3b3]
#   remediation: |
#     Grant the role to the identities that need it, and turn on public access
#     prevention:
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

prefixes := ["google_storage_bucket", "google_storage_managed_folder"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}

entity_types := {
	"google_storage_bucket_access_control": "on the bucket",
	"google_storage_default_object_access_control": "on every new object",
	"google_storage_object_access_control": "on the object",
}

deny contains tf.finding(r, ["entity"], sprintf("%s gives %s the %s role %s", [r.address, r.values.entity, tf.val(r.values, "role", "a"), where])) if {
	some t, where in entity_types
	some r in tf.resources(t)
	gcp.is_public_member(r.values.entity)
}

# role_entity entries look like "READER:allUsers".
deny contains tf.finding(r, ["role_entity"], sprintf("%s gives %s through role_entity", [r.address, concat(", ", public)])) if {
	some t in ["google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"]
	some r in tf.resources(t)
	public := sort([e |
		some e in tf.list(r.values, "role_entity")
		is_string(e)
		parts := split(e, ":")
		gcp.is_public_member(parts[count(parts) - 1])
	])
	count(public) > 0
}

public_acl := {"publicread", "publicreadwrite", "authenticatedread"}

deny contains tf.finding(r, ["predefined_acl"], sprintf("%s applies the predefined ACL %s, which opens it to the public", [r.address, r.values.predefined_acl])) if {
	some t in ["google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl", "google_storage_bucket_object"]
	some r in tf.resources(t)
	is_string(r.values.predefined_acl)
	lower(r.values.predefined_acl) in public_acl
}
