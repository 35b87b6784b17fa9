#!/bin/sh
# Request 50m and cap the container at 100m (strategic merge patch): more than the app needs, still a fit.
set -eu
kubectl -n "$NS" patch deployment api -p '{"spec":{"template":{"spec":{"containers":[
  {"name": "api", "resources": {"requests": {"cpu": "50m"}, "limits": {"cpu": "100m"}}}
]}}}}'
