#!/bin/sh
# Run the server through the multi-call binary by path: command [/bin/busybox, httpd, -f, -p, 8080, -h, /www].
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
