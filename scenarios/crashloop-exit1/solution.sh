#!/bin/sh
# Import REDIS_HOST from ConfigMap api-config into container api's environment.
set -eu
kubectl -n "$NS" set env deployment/api --from=configmap/api-config
