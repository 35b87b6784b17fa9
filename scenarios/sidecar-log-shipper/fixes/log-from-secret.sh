#!/bin/sh
# Keep the path in a Secret (LOG=/logs/app.log) and take shipper's LOG from it (kubectl set env --from=secret/...).
set -eu
kubectl -n "$NS" create secret generic shipper-config --from-literal=LOG=/logs/app.log
kubectl -n "$NS" set env deployment/app -c shipper --from=secret/shipper-config
