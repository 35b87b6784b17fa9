#!/bin/sh
# Import every key of app-config with kubectl set env --from: that adds DB_HOST and LOG_LEVEL, but the entry for DATABASE_HOST still asks for the missing key and the pods stay stuck.
set -eu
kubectl -n "$NS" set env deployment/app --from=configmap/app-config
