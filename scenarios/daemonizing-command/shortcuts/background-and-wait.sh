#!/bin/sh
# Run httpd -f in the background of a shell that waits: it serves, but PID 1 is the shell, not the server.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "httpd -f -p 8080 -h /www & wait"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
