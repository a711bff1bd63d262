locals {
  ports = { port = 80, port = 443, "port" = 8080 }
  joined = [for p in [1, 2] : p if p > 0 &&
    p < 3]
}
