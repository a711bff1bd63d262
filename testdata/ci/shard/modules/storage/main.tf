resource "aws_s3_bucket_acl" "bmodules_storage" {
  bucket = "acmemodules_storage"
  acl    = "public-read"
}
