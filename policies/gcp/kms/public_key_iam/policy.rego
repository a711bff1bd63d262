# METADATA
# title: Cloud KMS key or key ring is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Cloud KMS crypto key or key ring grants a role to allUsers or
#   allAuthenticatedUsers. With roles/cloudkms.cryptoKeyDecrypter (or
#   EncrypterDecrypter) anyone can decrypt the data the key protects; even
#   viewer roles reveal key metadata that helps an attacker. Every resource
#   form counts: *_iam_member, *_iam_binding, and *_iam_policy whose
#   policy_data comes from a google_iam_policy data source (the finding points
#   at the data source's binding) or, in a plan, from the rendered JSON. IAM
#   conditions do not narrow who the public principals are, so a conditional
#   grant still fires. Unknown members stay silent.
# related_resources:
#   - https://cloud.google.com/kms/docs/iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_kms_crypto_key_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0036
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_kms_crypto_key_iam_member
#     - google_kms_crypto_key_iam_binding
#     - google_kms_crypto_key_iam_policy
#     - google_kms_key_ring_iam_member
#     - google_kms_key_ring_iam_binding
#     - google_kms_key_ring_iam_policy
#     - google_iam_policy
#   frameworks:
#     cis-gcp-2.0: ["1.9"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3", "SC-12"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV_GCP_112, CKV2_GCP_6, CKV2_GCP_8]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_kms_crypto_key_iam_member" "readers" {
#       crypto_key_id = "projects/acme-prod/locations/europe/keyRings/main/cryptoKeys/data"
#       role   = "roles/cloudkms.cryptoKeyDecrypter"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.kms.public_key_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_kms_crypto_key", "google_kms_key_ring"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use or inspect the key", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
