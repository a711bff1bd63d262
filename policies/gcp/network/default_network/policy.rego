# METADATA
# title: Project is created with the default network
# description: >-
#   Fires on a google_project whose auto_create_network is not false. The
#   provider default is true: the project then gets the default auto-mode VPC
#   with a subnet in every region and permissive pre-populated firewall rules
#   (SSH and RDP from anywhere, all internal traffic). Create projects without
#   it and define the networks you need. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project#auto_create_network
#   - https://cloud.google.com/vpc/docs/vpc#default-network
# custom:
#   id: TFW-GCP-0039
#   severity: MEDIUM
#   category: security
#   resource_types: [google_project]
#   frameworks:
#     cis-gcp-2.0: ["3.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["CM-7", "SC-7"]
#     cwe: ["CWE-1188"]
#   equivalents:
#     checkov: CKV_GCP_27
#     trivy: GCP-0010
#     kics: 59571246-3f62-4965-a96f-c7d97e269351
#   remediation: |
#     ```hcl
#     resource "google_project" "app" {
#       name       = "acme-app"
#       project_id = "acme-app"
#       org_id     = "987654321"
#       auto_create_network = false
#     }
#     ```
#   aliases: []
package tfward.gcp.network.default_network

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["auto_create_network"], sprintf("%s gets the default network with permissive firewall rules", [r.address])) if {
	some r in tf.resources("google_project")
	not tf.is_false(tf.val(r.values, "auto_create_network", true))
}
