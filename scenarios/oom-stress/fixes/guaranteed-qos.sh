#!/bin/sh
# Make the pod Guaranteed: memory request = limit = 192Mi, written with a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment worker -p '{"spec":{"template":{"spec":{"containers":[{
  "name": "worker",
  "resources": {"requests": {"memory": "192Mi"}, "limits": {"memory": "192Mi"}}
}]}}}}'
