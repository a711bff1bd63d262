# METADATA
# title: Cloud Function accepts traffic from the internet directly
# description: >-
#   Fires on a Cloud Function whose ingress setting allows all traffic:
#   google_cloudfunctions_function ingress_settings, or
#   google_cloudfunctions2_function service_config.ingress_settings, absent
#   (the default is ALLOW_ALL) or ALLOW_ALL. The function's URL is then
#   reachable from anywhere, bypassing the VPC and any load balancer with
#   Cloud Armor in front of it. Use ALLOW_INTERNAL_ONLY or
#   ALLOW_INTERNAL_AND_GCLB. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function#ingress_settings
#   - https://cloud.google.com/functions/docs/networking/network-settings#ingress_settings
# custom:
#   id: TFW-GCP-0270
#   severity: MEDIUM
#   category: security
#   resource_types: [google_cloudfunctions_function, google_cloudfunctions2_function]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_124
#   remediation: |
#     ```hcl
#     resource "google_cloudfunctions2_function" "resize" {
#       name     = "resize"
#       location = "europe-west1"
#       # ...
#       service_config {
#         ingress_settings = "ALLOW_INTERNAL_AND_GCLB"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.functions.ingress_all_traffic

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ingress_settings"], sprintf("%s accepts traffic from the internet (ingress_settings %s)", [r.address, v])) if {
	some r in tf.value_in(["google_cloudfunctions_function"], ["ingress_settings"], {"ALLOW_ALL"}, "ALLOW_ALL")
	v := tf.at(r, ["ingress_settings"], "ALLOW_ALL (the default)")
}

deny contains tf.finding(r, ["service_config", 0, "ingress_settings"], sprintf("%s accepts traffic from the internet (ingress_settings %s)", [r.address, v])) if {
	some r in tf.value_in(["google_cloudfunctions2_function"], ["service_config", 0, "ingress_settings"], {"ALLOW_ALL"}, "ALLOW_ALL")
	not tf.is_unknown(r, ["service_config"])
	v := tf.at(r, ["service_config", 0, "ingress_settings"], "ALLOW_ALL (the default)")
}
