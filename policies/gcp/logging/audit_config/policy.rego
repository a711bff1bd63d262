# METADATA
# title: Cloud Audit Logs are not configured for all services, log types and users
# description: >-
#   Fires on a project, folder or organization audit config
#   (google_*_iam_audit_config) for allServices that does not enable all three
#   log types ADMIN_READ, DATA_READ and DATA_WRITE, and on any audit config
#   whose audit_log_config exempts members from logging. Data Access logs are
#   off by default, so without them reads and writes of data leave no audit
#   record, and an exempted member can act unrecorded. A google_project
#   created in a module that configures no audit logging at all (no audit
#   config for allServices at any level) fires too; projects whose logging is
#   set at folder or organization level in another module should suppress that
#   finding. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam#google_project_iam_audit_config
#   - https://cloud.google.com/logging/docs/audit/configure-data-access
# custom:
#   id: TFW-GCP-0200
#   severity: MEDIUM
#   category: compliance
#   resource_types:
#     - google_project_iam_audit_config
#     - google_folder_iam_audit_config
#     - google_organization_iam_audit_config
#     - google_project
#   frameworks:
#     cis-gcp-2.0: ["2.1"]
#     soc2: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV2_GCP_5
#     trivy: GCP-0079
#     kics: 89fe890f-b480-460c-8b6b-7d8b1468adb4
#   remediation: |
#     ```hcl
#     resource "google_project_iam_audit_config" "all" {
#       project = "acme-prod"
#       service = "allServices"
#
#       audit_log_config {
#         log_type = "ADMIN_READ"
#       }
#
#       audit_log_config {
#         log_type = "DATA_READ"
#       }
#
#       audit_log_config {
#         log_type = "DATA_WRITE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.logging.audit_config

import rego.v1

import data.lib.tf

audit_types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

configs := [r | some t in audit_types; some r in tf.resources(t)]

required := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

deny contains tf.finding(r, ["service"], sprintf("%s does not enable %s for allServices", [r.address, concat(", ", sort(missing))])) if {
	some r in configs
	r.values.service == "allServices"
	not tf.is_unknown(r, ["audit_log_config"])
	enabled := {upper(c.log_type) | some c in tf.list(r.values, "audit_log_config"); is_string(c.log_type)}
	missing := required - enabled
	count(missing) > 0
	not log_type_unknown(r)
}

log_type_unknown(r) if {
	some u in r.unknown
	startswith(u, "audit_log_config")
	endswith(u, "log_type")
}

deny contains tf.finding(r, ["audit_log_config", i, "exempted_members"], sprintf("%s exempts %s from %s audit logging", [r.address, concat(", ", c.exempted_members), tf.val(c, "log_type", "")])) if {
	some r in configs
	some i, c in tf.list(r.values, "audit_log_config")
	count(tf.list(c, "exempted_members")) > 0
}

# A project created here, in a module that configures audit logging nowhere.
deny contains tf.finding(p, [], sprintf("%s is created without an audit config for allServices in this module", [p.address])) if {
	some p in tf.resources("google_project")
	count([r | some r in configs; not service_unknown_or_all(r)]) == count(configs)
	count([r | some r in configs; service_unknown_or_all(r)]) == 0
}

service_unknown_or_all(r) if r.values.service == "allServices"

service_unknown_or_all(r) if tf.is_unknown(r, ["service"])
