tags = { team = ["a"] }
