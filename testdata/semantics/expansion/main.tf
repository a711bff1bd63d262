variable "names" {
  type    = set(string)
  default = ["logs", "data"]
}

variable "unknown_count" {
  type = number
}

resource "aws_instance" "web" {
  count         = 2
  instance_type = "t3.micro"
  tags          = { Name = "web-${count.index}" }
}

resource "aws_s3_bucket" "b" {
  for_each = var.names
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}

resource "aws_instance" "maybe" {
  count         = var.unknown_count
  instance_type = "t3.large"
}

resource "aws_s3_bucket" "map" {
  for_each = { a = "one", b = "two" }
  bucket   = each.value
}
