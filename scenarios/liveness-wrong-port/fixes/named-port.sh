#!/bin/sh
# Point the liveness probe at the containerPort named http (8080) through a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{
  "name": "web",
  "livenessProbe": {"httpGet": {"port": "http"}}
}]}}}}'
