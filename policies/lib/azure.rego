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
	[{"path": ["destination_port_range"], "spec": s} | s := rule.destination_port_range],
	[{"path": ["destination_port_ranges"], "spec": s} | some s in tf.list(rule, "destination_port_ranges")],
)

# TLS version strings below 1.2 as the azurerm provider spells them.
weak_tls := {"TLS1_0", "TLS1_1", "1.0", "1.1", "TLS1.0", "TLS1.1", "Tls10", "Tls11", "tls1_0", "tls1_1"}

# The first attribute in attrs that r sets, for renamed attributes
# (provider 3.x vs 4.x names).
set_attr(r, attrs) := [a | some a in attrs; object.get(r.values, a, null) != null][0]

# App Service sites: web apps and function apps, current and legacy resources.
web_app_types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service"]

function_app_types := ["azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app"]

app_types := array.concat(web_app_types, function_app_types)

# Every web app and function app resource in the module.
apps := [r | some t in app_types; some r in tf.resources(t)]

web_apps := [r | some t in web_app_types; some r in tf.resources(t)]
