#!/bin/sh
# Delete and recreate ConfigMap app-config with both keys, database_host holding the Service's namespace-qualified name.
set -eu
kubectl -n "$NS" delete configmap app-config
kubectl -n "$NS" create configmap app-config \
  --from-literal=db_host=database \
  --from-literal=database_host="database.$NS.svc.cluster.local" \
  --from-literal=log_level=info
