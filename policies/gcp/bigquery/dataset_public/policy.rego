# METADATA
# title: BigQuery dataset is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a BigQuery dataset is opened to allUsers or
#   allAuthenticatedUsers, which makes its tables queryable by anyone on the
#   internet or by anyone with any Google account: access blocks of
#   google_bigquery_dataset (special_group or iam_member),
#   google_bigquery_dataset_access, and dataset IAM in member, binding and
#   policy form (google_iam_policy data source, or the JSON a plan renders).
#   Unknown members stay silent.
# related_resources:
#   - https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset_iam
# custom:
#   id: TFW-GCP-0037
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_bigquery_dataset
#     - google_bigquery_dataset_access
#     - google_bigquery_dataset_iam_member
#     - google_bigquery_dataset_iam_binding
#     - google_bigquery_dataset_iam_policy
#     - google_iam_policy
#   frameworks:
#     cis-gcp-2.0: ["7.1"]
#     soc2: ["CC6.1"]
#     hipaa: ["164.312(a)(1)"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_15
#     trivy: GCP-0046
#     kics: e576ce44-dd03-4022-a8c0-3906acca2ab4
#   remediation: |
#     ```hcl
#     resource "google_bigquery_dataset" "analytics" {
#       dataset_id = "analytics"
#       location   = "EU"
#
#       access {
#         role           = "READER"
#         group_by_email = "analysts@example.com"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.bigquery.dataset_public

import rego.v1

import data.lib.gcp
import data.lib.tf

public_fields := ["special_group", "iam_member"]

deny contains tf.finding(r, ["access", i, f], sprintf("%s gives %s access to %s", [r.address, a[f], object.get(a, "role", "some")])) if {
	some r in tf.resources("google_bigquery_dataset")
	some i, a in tf.list(r.values, "access")
	some f in public_fields
	gcp.is_public_member(object.get(a, f, ""))
}

deny contains tf.finding(r, [f], sprintf("%s gives %s access to the dataset", [r.address, r.values[f]])) if {
	some r in tf.resources("google_bigquery_dataset_access")
	some f in public_fields
	gcp.is_public_member(object.get(r.values, f, ""))
}

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(["google_bigquery_dataset"])
}
