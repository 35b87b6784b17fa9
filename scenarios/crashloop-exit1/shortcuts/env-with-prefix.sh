#!/bin/sh
# Import the ConfigMap with a --prefix: the variable becomes CACHE_REDIS_HOST, REDIS_HOST stays unset, api keeps exiting 1.
set -eu
kubectl -n "$NS" set env deployment/api --from=configmap/api-config --prefix=CACHE_
