# Helpers for network exposure: CIDR blocks open to the world and port ranges.
package lib.net

import rego.v1

world_cidrs := {"0.0.0.0/0", "::/0", "0.0.0.0", "*", "Internet", "internet", "Any", "any"}

# A CIDR (or Azure address prefix keyword) that means "anyone on the internet".
open_cidr(c) if c in world_cidrs

# True when any of the CIDRs is open to the world.
any_open(cidrs) if {
	some c in cidrs
	open_cidr(c)
}

# A public (non RFC 1918, non loopback) IPv4 range that is not the whole internet.
is_public_cidr(c) if {
	not open_cidr(c)
	not private_cidr(c)
}

private_cidr(c) if {
	some p in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "100.64.0.0/10"]
	net.cidr_contains(p, c)
}

# True when port is inside [from, to]; from/to may be numbers or strings.
port_in_range(port, from, to) if {
	to_number(from) <= port
	port <= to_number(to)
}

# Azure port specs: "22", "20-30", "*".
port_spec_contains(spec, _) if spec == "*"

port_spec_contains(spec, port) if {
	spec != "*"
	not contains(sprintf("%v", [spec]), "-")
	to_number(spec) == port
}

port_spec_contains(spec, port) if {
	parts := split(sprintf("%v", [spec]), "-")
	count(parts) == 2
	port_in_range(port, parts[0], parts[1])
}
