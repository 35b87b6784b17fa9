#!/bin/sh
# Point REDIS_HOST at the Service's namespace-qualified name (redis.<namespace>).
set -eu
kubectl -n "$NS" set env deployment/api "REDIS_HOST=redis.$NS"
