#!/bin/sh
# Log a line, then run httpd -f as the last command of sh -c (busybox sh execs its last command, so httpd is PID 1).
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "echo \"web: serving /www on :8080\"; httpd -f -p 8080 -h /www"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
