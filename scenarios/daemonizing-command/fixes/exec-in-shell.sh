#!/bin/sh
# Start the server from a shell that execs it: sh -c "exec httpd -f ..." (the shell is replaced, httpd becomes PID 1).
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "exec httpd -f -p 8080 -h /www"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
