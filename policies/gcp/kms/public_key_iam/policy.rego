# METADATA
# title: Cloud KMS key or key ring is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   An IAM grant to allUsers or allAuthenticatedUsers on a crypto key or key
#   ring lets anyone (with or without a Google account) use or manage the
#   keys, depending on the role: decrypt data protected by them, sign as you,
#   or destroy key versions and with them the data.
# related_resources:
#   - https://cloud.google.com/kms/docs/iam
# custom:
#   id: TFW-GCP-0036
#   severity: CRITICAL
#   category: security
#   resource_types: [google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding]
#   frameworks:
#     cis-gcp-2.0: ["1.9"]
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   remediation: |
#     ```hcl
#     resource "google_kms_crypto_key_iam_member" "app" {
#       crypto_key_id = google_kms_crypto_key.data.id
#       role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
#       member        = "serviceAccount:${google_service_account.app.email}"
#     }
#     ```
#   aliases: []
package tfward.gcp.kms.public_key_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

member_types := ["google_kms_crypto_key_iam_member", "google_kms_key_ring_iam_member"]

binding_types := ["google_kms_crypto_key_iam_binding", "google_kms_key_ring_iam_binding"]

deny contains tf.finding(r, ["member"], sprintf("%s grants %s to %s", [r.address, tf.val(r.values, "role", "a role"), r.values.member])) if {
	some t in member_types
	some r in tf.resources(t)
	gcp.is_public_member(r.values.member)
}

deny contains tf.finding(r, ["members"], sprintf("%s grants %s to %s", [r.address, tf.val(r.values, "role", "a role"), concat(", ", public)])) if {
	some t in binding_types
	some r in tf.resources(t)
	public := sort([m | some m in tf.list(r.values, "members"); gcp.is_public_member(m)])
	count(public) > 0
}
