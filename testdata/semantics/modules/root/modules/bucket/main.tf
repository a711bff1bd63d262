variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "this" {
  bucket = "acme-${var.name}"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.bucket
  acl    = var.acl
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}
