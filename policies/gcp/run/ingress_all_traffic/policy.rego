# METADATA
# title: Cloud Run service accepts traffic from the internet directly
# description: >-
#   Fires on a google_cloud_run_v2_service whose ingress is absent (the
#   default is INGRESS_TRAFFIC_ALL) or INGRESS_TRAFFIC_ALL, and on a
#   google_cloud_run_service whose run.googleapis.com/ingress annotation is
#   absent (default all) or all. The service's run.app URL is then reachable
#   from anywhere, bypassing any load balancer, Cloud Armor policy or IAP in
#   front of it. Use INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER (or internal-and-
#   cloud-load-balancing). Services meant to be public on their run.app URL
#   should suppress the finding. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_service#ingress
#   - https://cloud.google.com/run/docs/securing/ingress
# custom:
#   id: TFW-GCP-0273
#   severity: LOW
#   category: security
#   resource_types: [google_cloud_run_v2_service, google_cloud_run_service]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     ```hcl
#     resource "google_cloud_run_v2_service" "api" {
#       name     = "api"
#       location = "europe-west1"
#       ingress  = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"
#       # ...
#     }
#     ```
#   aliases: []
package tfward.gcp.run.ingress_all_traffic

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ingress"], sprintf("%s accepts traffic from the internet on its run.app URL (ingress %s)", [r.address, tf.at(r, ["ingress"], "INGRESS_TRAFFIC_ALL, the default")])) if {
	some r in tf.value_in(["google_cloud_run_v2_service"], ["ingress"], {"INGRESS_TRAFFIC_ALL"}, "INGRESS_TRAFFIC_ALL")
}

annotation := "run.googleapis.com/ingress"

deny contains tf.finding(r, ["metadata", 0, "annotations", annotation], sprintf("%s accepts traffic from the internet on its run.app URL (ingress %s)", [r.address, v])) if {
	some r in tf.resources("google_cloud_run_service")
	not tf.is_unknown(r, ["metadata"])
	not tf.is_unknown(r, ["metadata", 0, "annotations"])
	v := tf.at(r, ["metadata", 0, "annotations", annotation], "all")
	lower(v) == "all"
}
