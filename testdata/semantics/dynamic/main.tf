locals {
  rules = [
    { port = 22, cidrs = ["10.0.0.0/8"] },
    { port = 443, cidrs = ["0.0.0.0/0", "::/0"] },
  ]
}

resource "aws_security_group" "sg" {
  name = "dyn"

  dynamic "ingress" {
    for_each = local.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      cidr_blocks = rule.value.cidrs
    }
  }
}

resource "aws_lb_listener_rule" "nested" {
  dynamic "action" {
    for_each = ["a", "b"]
    content {
      type = "forward-${action.key}"
      dynamic "forward" {
        for_each = [action.value]
        content {
          target = forward.value
        }
      }
    }
  }
}
