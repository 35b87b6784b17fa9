#!/bin/sh
# Replace the command with one that skips the REDIS_HOST check and just serves: green pods, but the app was changed.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]}
]'
