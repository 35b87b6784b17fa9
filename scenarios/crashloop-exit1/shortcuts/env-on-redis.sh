#!/bin/sh
# Import the ConfigMap into the wrong Deployment (redis): api still has no REDIS_HOST and keeps exiting 1.
set -eu
kubectl -n "$NS" set env deployment/redis --from=configmap/api-config
