# Rego unit tests: the default compute service account (no email, its
# -compute@ address, or "default") with the cloud-platform scope, on
# instances and templates; dedicated accounts, narrow scopes and an unknown
# email stay silent.
package tfward.gcp.compute.default_sa_full_scope_test

import rego.v1

import data.tfward.gcp.compute.default_sa_full_scope as policy

vm(source, type, sa, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "app"]), "mode": "managed", "type": type, "name": "app",
	"values": {"name": "app", "machine_type": "e2-small", "service_account": [sa]},
	"unknown": unknown, "references": {},
}]}

full := ["cloud-platform"]

test_default_account_with_full_scope_is_denied if {
	some f in policy.deny with input as vm("config", "google_compute_instance", {"scopes": full}, [])
	f.address == "google_compute_instance.app"
	f.path == ["service_account", 0, "scopes"]
}

test_default_email_in_a_plan_is_denied if {
	sa := {"email": "123456789-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}
	count(policy.deny) == 1 with input as vm("plan", "google_compute_instance", sa, ["id"])
}

test_template_with_explicit_default_is_denied if {
	d := vm("config", "google_compute_instance_template", {"email": "default", "scopes": full}, [])
	count(policy.deny) == 1 with input as d
}

test_dedicated_account_is_allowed if {
	sa := {"email": "app@project.iam.gserviceaccount.com", "scopes": full}
	count(policy.deny) == 0 with input as vm("config", "google_compute_instance", sa, [])
}

test_narrow_scopes_are_allowed if {
	d := vm("config", "google_compute_instance", {"scopes": ["logging-write", "monitoring-write"]}, [])
	count(policy.deny) == 0 with input as d
}

test_unknown_email_is_silent if {
	d := vm("config", "google_compute_instance", {"scopes": full}, ["service_account.0.email"])
	count(policy.deny) == 0 with input as d
}
