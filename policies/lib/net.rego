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

# A rule's port range as [from, to]. AWS reads from_port = -1 and
# to_port = -1 on a tcp or udp rule (security groups and network ACLs) as
# every port; any other pair is the range it names.
rule_ports(p, from, to) := [0, 65535] if {
	protocol_text(p) in {"tcp", "udp", "6", "17"}
	to_number(from) == -1
	to_number(to) == -1
} else := [from, to]

# ---------------------------------------------------------------------------
# Protocols. The clouds spell them differently: AWS "-1"/"all" and IANA
# numbers ("6"), Azure "*"/"Tcp", GCP "all"/"tcp". A protocol that carries
# every protocol also carries every port.
# ---------------------------------------------------------------------------

protocol_numbers := {"tcp": "6", "udp": "17", "icmp": "1", "icmpv6": "58"}

# The lower-cased text of a protocol value (numbers included).
protocol_text(p) := lower(trim_space(sprintf("%v", [p])))

# True when p means every protocol.
all_protocols(p) if protocol_text(p) in {"-1", "all", "*"}

# True when p is the protocol `name` ("tcp", "udp", "icmp") by name or number.
protocol_is(p, name) if protocol_text(p) == name

protocol_is(p, name) if protocol_text(p) == protocol_numbers[name]

# True when traffic of protocol `name` passes a rule whose protocol is p.
carries(p, name) if all_protocols(p)

carries(p, name) if protocol_is(p, name)

# True when the rule's protocol carries TCP or UDP, the protocols with ports.
carries_ports(p) if carries(p, "tcp")

carries_ports(p) if carries(p, "udp")

# ---------------------------------------------------------------------------
# Port specs: numbers, "22", "20-30", "*" (Azure, GCP). A spec that is not a
# number or range (an expression left as text) never matches.
# ---------------------------------------------------------------------------

port_spec_covers(spec, _) if trim_space(sprintf("%v", [spec])) == "*"

port_spec_covers(spec, port) if {
	s := trim_space(sprintf("%v", [spec]))
	digits(s)
	to_number(s) == port
}

port_spec_covers(spec, port) if {
	[low, high] := range_parts(trim_space(sprintf("%v", [spec])))
	to_number(low) <= port
	port <= to_number(high)
}

# s is digits only, at least one (`^[0-9]+$`). String builtins rather than
# regex.match: regorus hands each call a copy of the compiled expression,
# and with it a new match cache to build, which made port checks a
# twentieth of a configuration scan.
digits(s) if {
	s != ""
	trim_left(s, "0123456789") == ""
}

# The two numbers of a range "low-high", spaces allowed around the dash
# only (`^[0-9]+ *- *[0-9]+$`).
range_parts(s) := [low, high] if {
	parts := split(s, "-")
	count(parts) == 2
	low := trim_right(parts[0], " ")
	high := trim_left(parts[1], " ")
	digits(low)
	digits(high)
}

# The ports a spec names as [low, high]: "*" is every port, "22" one,
# "8000-8100" a range; undefined for anything else. Parsing a spec once and
# comparing numbers is much cheaper than port_spec_covers on every port.
port_spec_range(spec) := [0, 65535] if trim_space(sprintf("%v", [spec])) == "*"

port_spec_range(spec) := [n, n] if {
	s := trim_space(sprintf("%v", [spec]))
	digits(s)
	n := to_number(s)
}

port_spec_range(spec) := [to_number(low), to_number(high)] if {
	[low, high] := range_parts(trim_space(sprintf("%v", [spec])))
}

# True when one of `ranges` ([low, high] pairs) holds `port`.
ranges_cover(ranges, port) if {
	some r in ranges
	r[0] <= port
	port <= r[1]
}

# True when a spec covers every port ("*", "0-65535", "1-65535").
port_spec_all(spec) if trim_space(sprintf("%v", [spec])) == "*"

port_spec_all(spec) if {
	[low, high] := range_parts(trim_space(sprintf("%v", [spec])))
	to_number(low) <= 1
	to_number(high) >= 65535
}

# Ports that should never face the internet, with the protocols their
# service listens on. Used by the "sensitive port" policies of every cloud.
sensitive_ports := {
	20: {"name": "FTP data", "protocols": {"tcp"}},
	21: {"name": "FTP", "protocols": {"tcp"}},
	22: {"name": "SSH", "protocols": {"tcp"}},
	23: {"name": "Telnet", "protocols": {"tcp"}},
	25: {"name": "SMTP", "protocols": {"tcp"}},
	53: {"name": "DNS", "protocols": {"tcp", "udp"}},
	110: {"name": "POP3", "protocols": {"tcp"}},
	135: {"name": "MS RPC", "protocols": {"tcp", "udp"}},
	137: {"name": "NetBIOS name", "protocols": {"udp"}},
	138: {"name": "NetBIOS datagram", "protocols": {"udp"}},
	139: {"name": "NetBIOS session", "protocols": {"tcp"}},
	143: {"name": "IMAP", "protocols": {"tcp"}},
	161: {"name": "SNMP", "protocols": {"udp"}},
	389: {"name": "LDAP", "protocols": {"tcp", "udp"}},
	445: {"name": "SMB", "protocols": {"tcp"}},
	636: {"name": "LDAPS", "protocols": {"tcp"}},
	1433: {"name": "SQL Server", "protocols": {"tcp"}},
	1434: {"name": "SQL Server browser", "protocols": {"udp"}},
	1521: {"name": "Oracle", "protocols": {"tcp"}},
	2375: {"name": "Docker", "protocols": {"tcp"}},
	2376: {"name": "Docker TLS", "protocols": {"tcp"}},
	2379: {"name": "etcd", "protocols": {"tcp"}},
	2383: {"name": "SQL Analysis Services", "protocols": {"tcp"}},
	3000: {"name": "development web servers", "protocols": {"tcp"}},
	3306: {"name": "MySQL", "protocols": {"tcp"}},
	3389: {"name": "RDP", "protocols": {"tcp", "udp"}},
	4333: {"name": "mSQL", "protocols": {"tcp"}},
	5432: {"name": "PostgreSQL", "protocols": {"tcp"}},
	5500: {"name": "VNC listener", "protocols": {"tcp"}},
	5601: {"name": "Kibana", "protocols": {"tcp"}},
	5900: {"name": "VNC", "protocols": {"tcp"}},
	5984: {"name": "CouchDB", "protocols": {"tcp"}},
	6379: {"name": "Redis", "protocols": {"tcp"}},
	6443: {"name": "Kubernetes API", "protocols": {"tcp"}},
	7000: {"name": "Cassandra", "protocols": {"tcp"}},
	7001: {"name": "Cassandra TLS", "protocols": {"tcp"}},
	8020: {"name": "HDFS", "protocols": {"tcp"}},
	8080: {"name": "HTTP proxy", "protocols": {"tcp"}},
	8888: {"name": "HTTP alternate", "protocols": {"tcp"}},
	9000: {"name": "Hadoop", "protocols": {"tcp"}},
	9042: {"name": "Cassandra client", "protocols": {"tcp"}},
	9200: {"name": "Elasticsearch", "protocols": {"tcp"}},
	9300: {"name": "Elasticsearch transport", "protocols": {"tcp"}},
	11211: {"name": "Memcached", "protocols": {"tcp", "udp"}},
	27017: {"name": "MongoDB", "protocols": {"tcp"}},
	27018: {"name": "MongoDB shard", "protocols": {"tcp"}},
	61621: {"name": "Cassandra OpsCenter", "protocols": {"tcp"}},
}

# True when a rule with protocol p and ports [from, to] reaches `port` as
# the service on it listens: every protocol, or one the service uses.
reaches_service(p, from, to, port) if {
	all_protocols(p)
}

reaches_service(p, from, to, port) if {
	some name in sensitive_ports[port].protocols
	protocol_is(p, name)
	port_in_range(port, from, to)
}
