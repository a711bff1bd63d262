variable "secret" {
  type = string
}

resource "aws_ssm_parameter" "c" {
  name  = "child"
  value = "${var.secret}-in-child"
}

output "derived" {
  value     = "${var.secret}-out"
  sensitive = true
}
