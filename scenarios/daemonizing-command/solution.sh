#!/bin/sh
# Add -f to httpd's args so it stays in the foreground as the container's PID 1.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/args/0", "value": "-f"}
]'
