#!/bin/sh
# Set REDIS_HOST=redis as a literal env var instead of reading the ConfigMap.
set -eu
kubectl -n "$NS" set env deployment/api REDIS_HOST=redis
