#!/bin/sh
# Pin the name db in the app pods' /etc/hosts (hostAliases) to Service database's ClusterIP: DB_HOST stays db, and the Service address follows the database pods.
set -eu
ip=$(kubectl -n "$NS" get service database -o jsonpath='{.spec.clusterIP}')
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\": [{\"ip\": \"$ip\", \"hostnames\": [\"db\"]}]}}}}"
