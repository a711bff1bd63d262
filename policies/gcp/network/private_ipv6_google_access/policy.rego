# METADATA
# title: Dual-stack subnetwork has IPv6 Private Google Access disabled
# description: >-
#   Fires on a google_compute_subnetwork with stack_type IPV4_IPV6 whose
#   private_ipv6_google_access is not ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE or
#   ENABLE_BIDIRECTIONAL_ACCESS_TO_GOOGLE (the default disables it). IPv6-only
#   traffic from such VMs then needs an external path to reach Google APIs.
#   IPv4-only and special-purpose subnets, and unknown values, stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ipv6_google_access
#   - https://cloud.google.com/vpc/docs/configure-private-google-access#config-pga
# custom:
#   id: TFW-GCP-0292
#   severity: LOW
#   category: security
#   resource_types: [google_compute_subnetwork]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#   equivalents:
#     checkov: CKV_GCP_76
#   remediation: |
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name          = "app-europe-west1"
#       ip_cidr_range = "10.10.0.0/20"
#       region        = "europe-west1"
#       network       = "vpc-main"
#       stack_type                 = "IPV4_IPV6"
#       ipv6_access_type           = "INTERNAL"
#       private_ipv6_google_access = "ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE"
#     }
#     ```
#   aliases: []
package tfward.gcp.network.private_ipv6_google_access

import rego.v1

import data.lib.gcp
import data.lib.tf

enabled := {"ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE", "ENABLE_BIDIRECTIONAL_ACCESS_TO_GOOGLE"}

deny contains tf.finding(r, ["private_ipv6_google_access"], sprintf("%s has IPv6 Private Google Access disabled", [r.address])) if {
	some r in data.lib.gcp.vm_subnets
	upper(tf.val(r.values, "stack_type", "IPV4_ONLY")) == "IPV4_IPV6"
	not upper(tf.at(r, ["private_ipv6_google_access"], "DISABLE_GOOGLE_ACCESS")) in enabled
}
