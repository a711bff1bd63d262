# Helpers for azurerm policies: network security rules (standalone and
# inline), public network access, TLS versions.
package lib.azure

import rego.v1

import data.lib.net
import data.lib.tf

# Every NSG rule in the module, standalone or inline, as
# {"resource": r, "prefix": path to the rule inside r, "rule": the rule values}.
nsg_rules contains {"resource": r, "prefix": [], "rule": r.values} if {
	some r in tf.resources("azurerm_network_security_rule")
}

nsg_rules contains {"resource": r, "prefix": ["security_rule", i], "rule": rule} if {
	some r in tf.resources("azurerm_network_security_group")
	some i, rule in tf.list(r.values, "security_rule")
}

# An inbound rule that allows traffic (Azure compares these case-insensitively).
inbound_allow(rule) if {
	lower(tf.val(rule, "direction", "")) == "inbound"
	lower(tf.val(rule, "access", "")) == "allow"
}

# Source prefixes written on the rule (single and plural forms).
source_prefixes(rule) := array.concat(
	[p | p := rule.source_address_prefix; is_string(p)],
	[p | some p in tf.list(rule, "source_address_prefixes")],
)

# True when the rule's source is the whole internet.
source_open(rule) if {
	some p in source_prefixes(rule)
	net.open_cidr(p)
}

# Attribute paths (relative to the rule) and the port spec they hold.
port_entries(rule) := array.concat(
	[{"path": ["destination_port_range"], "spec": s} | s := rule.destination_port_range; s != null],
	[{"path": ["destination_port_ranges"], "spec": s} | some s in tf.list(rule, "destination_port_ranges")],
)

# An outbound rule that allows traffic.
outbound_allow(rule) if {
	lower(tf.val(rule, "direction", "")) == "outbound"
	lower(tf.val(rule, "access", "")) == "allow"
}

# Destination prefixes written on the rule (single and plural forms).
destination_prefixes(rule) := array.concat(
	[p | p := rule.destination_address_prefix; is_string(p)],
	[p | some p in tf.list(rule, "destination_address_prefixes")],
)

# True when the rule's destination is the whole internet.
destination_open(rule) if {
	some p in destination_prefixes(rule)
	net.open_cidr(p)
}

# The rule's protocol ("*" when a plan leaves it null; the attribute is
# required, so this only matters for hand-written documents).
rule_protocol(rule) := tf.val(rule, "protocol", "*")

# True when a rule with `protocol` and port `spec` lets the service on
# `port` through: the spec covers the port and the protocol is "*" or one of
# `protocols`, those the service listens on (pass
# data.lib.net.sensitive_ports[port].protocols). An Azure rule always names its
# ports, so "*" as protocol does not widen the port spec.
spec_reaches(protocol, spec, port, protocols) if {
	net.port_spec_covers(spec, port)
	net.all_protocols(protocol)
	is_set(protocols)
}

spec_reaches(protocol, spec, port, protocols) if {
	net.port_spec_covers(spec, port)
	some name in protocols
	net.protocol_is(protocol, name)
}

# True when a port spec covers every port of a protocol that has ports
# ("*", "0-65535", "1-65535" with protocol "*", "Tcp" or "Udp").
spec_all_ports(rule, spec) if {
	net.port_spec_all(spec)
	net.carries_ports(rule_protocol(rule))
}

# A short label for findings: the rule resource, or the NSG and the rule's name.
rule_label(e) := e.resource.address if e.prefix == []

rule_label(e) := sprintf("%s rule %q", [e.resource.address, object.get(e.rule, "name", "?")]) if e.prefix != []

# TLS version strings below 1.2 as the azurerm provider spells them.
weak_tls := {"TLS1_0", "TLS1_1", "1.0", "1.1", "TLS1.0", "TLS1.1", "Tls10", "Tls11", "tls1_0", "tls1_1"}

# App Service sites: web apps and function apps, current and legacy
# resources, and their deployment slots (a slot is a live site of its own,
# with its own settings, so it carries the same checks).
web_app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot",
]

function_app_types := [
	"azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot",
]

# The legacy (azurerm 2.x/3.x) site resources, whose attribute names differ
# from the linux/windows resources of azurerm 3.x/4.x.
legacy_app_types := {"azurerm_app_service", "azurerm_app_service_slot", "azurerm_function_app", "azurerm_function_app_slot"}

is_legacy_app(r) if r.type in legacy_app_types

app_types := array.concat(web_app_types, function_app_types)

# Every web app and function app resource in the module.
apps := [r | some t in app_types; some r in tf.resources(t)]

web_apps := [r | some t in web_app_types; some r in tf.resources(t)]

# Every resource that creates a virtual machine or a scale set of them.
linux_vm_types := ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"]

windows_vm_types := ["azurerm_windows_virtual_machine", "azurerm_windows_virtual_machine_scale_set"]

# Server resources of the database services, single and flexible.
postgresql_types := ["azurerm_postgresql_server", "azurerm_postgresql_flexible_server"]

mysql_types := ["azurerm_mysql_server", "azurerm_mysql_flexible_server"]

function_apps := [r | some t in function_app_types; some r in tf.resources(t)]

# True when the module's azurerm provider constraints require major version
# 4 or later ("~> 4.0", ">= 4.1", "4.2.0"; lib.tf's provider_min_major).
# Defaults that changed in 4.0 (Redis minimum_tls_version 1.0 -> 1.2,
# storage cross-tenant replication true -> false) follow it; any other
# constraint, or none, is read as 3.x.
provider_v4 if tf.provider_min_major("azurerm") >= 4

# The attribute a finding points at when azurerm renamed it between 3.x and
# 4.x (enable_https_traffic_only -> https_traffic_only_enabled): the first of
# `names` that r sets or leaves unknown, else names[0].
renamed(r, names) := found[0] if {
	found := [n | some n in names; attr_present(r, n)]
	count(found) > 0
} else := names[0]

attr_present(r, n) if object.get(r.values, n, null) != null

attr_present(r, n) if n in tf.list(r, "unknown")
