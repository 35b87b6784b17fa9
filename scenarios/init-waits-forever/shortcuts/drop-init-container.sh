#!/bin/sh
# Remove the init container: app starts at once, but nothing waits for the database any more.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/initContainers"}
]'
