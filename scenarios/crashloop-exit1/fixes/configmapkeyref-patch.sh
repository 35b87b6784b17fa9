#!/bin/sh
# Add one env entry with valueFrom.configMapKeyRef through a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{
  "name": "api",
  "env": [{"name": "REDIS_HOST", "valueFrom": {"configMapKeyRef": {"name": "api-config", "key": "REDIS_HOST"}}}]
}]}}}}'
