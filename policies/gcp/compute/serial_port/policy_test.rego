# Rego unit tests: the serial console enabled in instance or template
# metadata (any truthy spelling); disabled, absent and unknown values stay
# silent.
package tfward.gcp.compute.serial_port_test

import rego.v1

import data.tfward.gcp.compute.serial_port as policy

vm(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "app"]), "mode": "managed", "type": type, "name": "app",
	"values": object.union({"name": "app"}, values), "unknown": unknown, "references": {},
}]}

serial(v) := {"metadata": {"serial-port-enable": v}}

test_enabled_serial_port_is_denied if {
	some f in policy.deny with input as vm("config", "google_compute_instance", serial("true"), [])
	f.address == "google_compute_instance.app"
	f.path == ["metadata", "serial-port-enable"]
}

test_template_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as vm("plan", "google_compute_instance_template", serial("TRUE"), ["id"])
	count(policy.deny) == 1 with input as vm("plan", "google_compute_region_instance_template", serial("1"), ["id"])
}

test_disabled_or_absent_is_allowed if {
	count(policy.deny) == 0 with input as vm("config", "google_compute_instance", serial("false"), [])
	count(policy.deny) == 0 with input as vm("config", "google_compute_instance", {"metadata": {"enable-oslogin": "TRUE"}}, [])
	count(policy.deny) == 0 with input as vm("config", "google_compute_instance", {}, [])
}

test_unknown_value_is_silent if {
	d := vm("config", "google_compute_instance", {"metadata": {}}, ["metadata.serial-port-enable"])
	count(policy.deny) == 0 with input as d
	count(policy.deny) == 0 with input as vm("config", "google_compute_instance", {}, ["metadata"])
}
