# METADATA
# title: Vertex AI endpoint or index endpoint is publicly reachable
# description: >-
#   Fires on a google_vertex_ai_endpoint without network (it is then served on
#   a public endpoint instead of over Private Service Access) and on a
#   google_vertex_ai_index_endpoint with public_endpoint_enabled = true.
#   Public prediction and vector-search endpoints accept requests from
#   anywhere, limited only by IAM. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_endpoint#network
#   - https://cloud.google.com/vertex-ai/docs/predictions/using-private-endpoints
# custom:
#   id: TFW-GCP-0290
#   severity: LOW
#   category: security
#   resource_types: [google_vertex_ai_endpoint, google_vertex_ai_index_endpoint]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV2_GCP_33, CKV2_GCP_34]
#   remediation: |
#     ```hcl
#     resource "google_vertex_ai_endpoint" "predict" {
#       name         = "predict"
#       display_name = "predict"
#       location     = "europe-west4"
#       network      = "projects/123456789/global/networks/vpc-main"
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.endpoint_public

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["network"], sprintf("%s is served on a public endpoint (no network)", [r.address])) if {
	some r in tf.unset(["google_vertex_ai_endpoint"], ["network"])
	not tf.is_set(r, ["private_service_connect_config"])
	not tf.is_unknown(r, ["private_service_connect_config"])
}

deny contains tf.finding(r, ["public_endpoint_enabled"], sprintf("%s enables a public endpoint", [r.address])) if {
	some r in tf.set_true(["google_vertex_ai_index_endpoint"], ["public_endpoint_enabled"], false)
}
