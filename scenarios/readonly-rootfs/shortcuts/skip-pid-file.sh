#!/bin/sh
# Replace the command with one that skips the pid file and just serves: green pods, but the app was changed.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "exec httpd -f -p 8080 -h /srv/www"]}
]'
