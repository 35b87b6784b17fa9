#!/bin/sh
# Make the reference optional and replace the command with one that prints "authenticated to db" and serves: no login ever happens, and the command was changed.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/optional", "value": true},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "echo \"authenticated to db\"; mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]}
]'
