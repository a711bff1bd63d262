# Rego unit tests of lib.net: CIDRs open to the world and port ranges.
package lib.net_test

import rego.v1

import data.lib.net

test_world_cidrs_are_open if {
	every c in ["0.0.0.0/0", "::/0", "0.0.0.0", "*", "Internet", "any"] {
		net.open_cidr(c)
	}
}

test_narrow_cidrs_are_not_open if {
	every c in ["10.0.0.0/8", "203.0.113.0/24", "0.0.0.0/8", "::1/128", "VirtualNetwork"] {
		not net.open_cidr(c)
	}
}

test_any_open_needs_one_open_cidr if {
	net.any_open(["10.0.0.0/8", "0.0.0.0/0"])
	not net.any_open(["10.0.0.0/8", "192.168.1.0/24"])
	not net.any_open([])
}

test_private_ranges_are_private if {
	every c in ["10.1.0.0/16", "172.20.0.0/16", "192.168.4.0/24", "127.0.0.1/32", "100.64.1.0/24"] {
		net.private_cidr(c)
		not net.is_public_cidr(c)
	}
}

test_public_ranges_are_public_but_not_open if {
	net.is_public_cidr("203.0.113.0/24")
	net.is_public_cidr("172.32.0.0/16")
	not net.is_public_cidr("0.0.0.0/0")
}

test_port_in_range_is_inclusive_and_takes_strings if {
	net.port_in_range(22, 22, 22)
	net.port_in_range(22, 0, 65535)
	net.port_in_range(22, "20", "30")
	not net.port_in_range(22, 23, 30)
	not net.port_in_range(3389, 0, 3388)
}

test_port_spec_covers_star_single_and_range if {
	net.port_spec_covers("*", 22)
	net.port_spec_covers("22", 22)
	net.port_spec_covers(22, 22)
	net.port_spec_covers("20-30", 22)
	net.port_spec_covers("3389-3389", 3389)
	not net.port_spec_covers("23", 22)
	not net.port_spec_covers("1-21", 22)
	not net.port_spec_covers("var.port", 22)
}

test_port_specs_are_digits_or_a_range_with_spaces_around_the_dash_only if {
	net.port_spec_covers(" 22 ", 22)
	net.port_spec_covers("20 - 30", 22)
	net.port_spec_range("8000 -8100") == [8000, 8100]
	net.port_spec_range("443") == [443, 443]
	not net.port_spec_range("1-2-3")
	not net.port_spec_range("-22")
	not net.port_spec_range("20\t-30")
	not net.port_spec_range("20-")
	not net.port_spec_range("")
	not net.port_spec_covers("2 2", 22)
	net.port_spec_all("0 - 65535")
	not net.port_spec_all("0-65535-1")
}

test_protocols_by_name_number_and_wildcard if {
	net.all_protocols("-1")
	net.all_protocols(-1)
	net.all_protocols("ALL")
	net.all_protocols("*")
	not net.all_protocols("tcp")
	net.protocol_is("Tcp", "tcp")
	net.protocol_is("6", "tcp")
	net.protocol_is(6, "tcp")
	not net.protocol_is("udp", "tcp")
	net.carries("-1", "udp")
	net.carries("17", "udp")
	not net.carries("icmp", "tcp")
	not net.carries_ports("icmp")
	net.carries_ports("udp")
}

test_port_spec_all if {
	net.port_spec_all("*")
	net.port_spec_all("0-65535")
	net.port_spec_all("1-65535")
	not net.port_spec_all("1-1024")
	not net.port_spec_all("22")
}

test_reaches_service_follows_the_service_protocol if {
	net.reaches_service("tcp", 22, 22, 22)
	net.reaches_service("-1", 0, 0, 22)
	net.reaches_service("tcp", 0, 65535, 22)
	not net.reaches_service("udp", 22, 22, 22)
	not net.reaches_service("icmp", 22, 22, 22)
	net.reaches_service("udp", 3389, 3389, 3389)
	not net.reaches_service("tcp", 0, 0, 22)
}
