# A value that does not convert is an error at the value, worded like
# Terraform's ("Invalid default value for variable", "Invalid value for
# input variable: The given value is not suitable for ...").
variable "size" {
  type    = number
  default = "large"
}

variable "tags" {
  type = map(string)
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  size              = var.size
  tags              = var.tags
}
