# METADATA
# title: Project is created with the default network
# description: >-
#   Unless `auto_create_network = false`, a new project gets the "default"
#   VPC with a subnet in every region and firewall rules that allow SSH, RDP
#   and ICMP from 0.0.0.0/0 and all traffic between its subnets. Workloads
#   dropped into it are exposed before anyone designs the network.
# related_resources:
#   - https://cloud.google.com/vpc/docs/vpc#default-network
# custom:
#   id: TFW-GCP-0039
#   severity: MEDIUM
#   category: security
#   resource_types: [google_project]
#   frameworks:
#     cis-gcp-2.0: ["3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_27
#     trivy: GCP-0010
#     kics: 59571246-3f62-4965-a96f-c7d97e269351
#   remediation: |
#     ```hcl
#     resource "google_project" "app" {
#       name                = "acme-app"
#       project_id          = "acme-app-prod"
#       org_id              = var.org_id
#       auto_create_network = false
#     }
#     ```
#   aliases: []
package tfward.gcp.network.default_network

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["auto_create_network"], sprintf("%s gets the default network with permissive firewall rules", [r.address])) if {
	some r in tf.resources("google_project")
	not tf.is_false(tf.val(r.values, "auto_create_network", true))
}
