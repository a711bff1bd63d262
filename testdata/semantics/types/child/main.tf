variable "disk" {
  type = object({
    size      = number
    encrypted = optional(bool, true)
  })
}

resource "aws_ebs_volume" "d" {
  availability_zone = "eu-west-1a"
  size              = var.disk.size
  encrypted         = var.disk.encrypted
}
