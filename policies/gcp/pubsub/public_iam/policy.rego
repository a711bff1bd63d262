# METADATA
# title: Pub/Sub topic or subscription is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Pub/Sub topic or subscription grants a role to allUsers or
#   allAuthenticatedUsers: anyone on the internet (or with any Google account)
#   can then publish forged messages, read the stream, or change the resource,
#   depending on the role. Every resource form counts: *_iam_member,
#   *_iam_binding, and *_iam_policy whose policy_data comes from a
#   google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_topic_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_subscription_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0160
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_pubsub_topic_iam_member
#     - google_pubsub_topic_iam_binding
#     - google_pubsub_topic_iam_policy
#     - google_pubsub_subscription_iam_member
#     - google_pubsub_subscription_iam_binding
#     - google_pubsub_subscription_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_99
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_pubsub_topic_iam_member" "readers" {
#       topic  = "orders"
#       role   = "roles/pubsub.publisher"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.pubsub.public_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_pubsub_topic", "google_pubsub_subscription"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use the topic or subscription", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
