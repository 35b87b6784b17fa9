#!/bin/sh
# Keep the path in a ConfigMap (LOG=/logs/app.log) and take shipper's LOG from it.
set -eu
kubectl -n "$NS" create configmap shipper-config --from-literal=LOG=/logs/app.log
kubectl -n "$NS" set env deployment/app -c shipper --from=configmap/shipper-config
