# Rego unit tests: SSH/RDP allowed from the internet by a firewall (listed
# ports, ranges, all protocols without ports); restricted, egress and
# disabled firewalls, and unknown ranges or ports, stay silent.
package tfward.gcp.compute.firewall_admin_ports_internet_test

import rego.v1

import data.tfward.gcp.compute.firewall_admin_ports_internet as policy

firewall(source, values, unknown) := {"source": source, "resources": [{
	"address": "google_compute_firewall.admin", "mode": "managed", "type": "google_compute_firewall", "name": "admin",
	"values": object.union({"name": "admin", "network": "default"}, values), "unknown": unknown, "references": {},
}]}

world := {"source_ranges": ["0.0.0.0/0"]}

allow(blocks) := object.union(world, {"allow": blocks})

test_ssh_from_anywhere_is_denied if {
	d := firewall("config", allow([{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["22"]}]), [])
	findings := policy.deny with input as d
	[[f.address, f.path] | some f in findings] == [["google_compute_firewall.admin", ["allow", 1, "ports"]]]
}

test_all_protocols_in_a_plan_are_denied_on_the_block if {
	d := firewall("plan", allow([{"protocol": "all", "ports": []}]), ["id", "self_link"])
	some f in policy.deny with input as d
	f.path == ["allow", 0]
}

test_rdp_range_is_denied if {
	count(policy.deny) == 1 with input as firewall("config", allow([{"protocol": "tcp", "ports": ["3000-4000"]}]), [])
}

test_restricted_source_is_allowed if {
	d := firewall("config", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}, [])
	count(policy.deny) == 0 with input as d
}

test_egress_and_disabled_firewalls_are_allowed if {
	egress := object.union(allow([{"protocol": "tcp", "ports": ["22"]}]), {"direction": "EGRESS"})
	count(policy.deny) == 0 with input as firewall("config", egress, [])
	disabled := object.union(allow([{"protocol": "tcp", "ports": ["22"]}]), {"disabled": true})
	count(policy.deny) == 0 with input as firewall("config", disabled, [])
}

test_unknown_ranges_or_ports_are_silent if {
	d := firewall("config", {"allow": [{"protocol": "tcp", "ports": ["22"]}]}, ["source_ranges"])
	count(policy.deny) == 0 with input as d
	e := firewall("config", allow([{"protocol": "tcp"}]), ["allow.0.ports"])
	count(policy.deny) == 0 with input as e
}
