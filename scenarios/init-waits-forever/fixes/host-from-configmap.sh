#!/bin/sh
# Store the database's address in ConfigMap db-config and let wait-for-db take DB_HOST from it (kubectl set env --from).
set -eu
kubectl -n "$NS" create configmap db-config --from-literal=DB_HOST=database
kubectl -n "$NS" set env deployment/app -c wait-for-db --from=configmap/db-config
