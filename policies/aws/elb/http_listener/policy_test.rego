# Rego unit tests: an HTTP listener that forwards, one that redirects to
# HTTPS (explicitly or keeping the protocol), and unknown actions.
package tfward.aws.elb.http_listener_test

import rego.v1

import data.tfward.aws.elb.http_listener as policy

listener(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "http"]), "mode": "managed", "type": type, "name": "http",
	"values": object.union({"port": 80}, values), "unknown": unknown, "references": {},
}]}

forward := {"protocol": "HTTP", "default_action": [{"type": "forward"}]}

redirect(r) := {"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [r]}]}

test_forwarding_http_listener_is_denied if {
	some f in policy.deny with input as listener("config", "aws_lb_listener", forward, [])
	f.address == "aws_lb_listener.http"
	f.path == ["protocol"]
}

test_alb_listener_in_a_plan_is_denied if {
	d := listener("plan", "aws_alb_listener", forward, ["arn", "id"])
	some f in policy.deny with input as d
	f.address == "aws_alb_listener.http"
}

test_redirect_that_keeps_http_is_denied if {
	d := listener("config", "aws_lb_listener", redirect({"status_code": "HTTP_301"}), [])
	count(policy.deny) == 1 with input as d
}

test_redirect_to_https_is_allowed if {
	d := listener("config", "aws_lb_listener", redirect({"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}), [])
	count(policy.deny) == 0 with input as d
}

test_https_listener_is_allowed if {
	d := listener("config", "aws_lb_listener", {"protocol": "HTTPS", "default_action": [{"type": "forward"}]}, [])
	count(policy.deny) == 0 with input as d
}

test_unknown_action_or_protocol_is_silent if {
	count(policy.deny) == 0 with input as listener("config", "aws_lb_listener", {"protocol": "HTTP"}, ["default_action"])
	d := listener("config", "aws_lb_listener", {"default_action": [{"type": "forward"}]}, ["protocol"])
	count(policy.deny) == 0 with input as d
}
