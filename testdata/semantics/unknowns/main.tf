variable "acl" {
  type = string
}

resource "aws_kms_key" "k" {
  description = "key"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = "b"
  acl    = var.acl
}

resource "aws_ebs_volume" "v" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = aws_kms_key.k.arn
  created           = timestamp()
}
