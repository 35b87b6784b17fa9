#!/bin/sh
# Keep the daemonizing httpd and hold the container open with sleep after it: it serves, but PID 1 is sleep, so the container outlives a dead server.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "httpd -p 8080 -h /www; sleep 2147483647"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
