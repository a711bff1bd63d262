resource "aws_s3_bucket_acl" "b_" {
  bucket = "acme_"
  acl    = "public-read"
}
