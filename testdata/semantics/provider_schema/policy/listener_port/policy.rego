# METADATA
# title: Service listener on a privileged port
# description: A test policy for where findings inside map blocks point.
# custom:
#   id: TFW-TST-0013
#   severity: MEDIUM
#   category: security
#   resource_types: [example_service]
#   remediation: Listen on a port from 1024 up.
package tfward.test.listener_port

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["listener", name, "port"], sprintf("%s listens on port %v as %s", [r.address, l.port, name])) if {
	some r in tf.resources("example_service")
	some name, l in r.values.listener
	l.port < 1024
	l.port != 443
}
