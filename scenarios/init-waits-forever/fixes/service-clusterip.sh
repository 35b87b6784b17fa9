#!/bin/sh
# Point DB_HOST at Service database's ClusterIP: a Service address, stable for the Service's life and load-balanced to whichever database pod exists.
set -eu
ip=$(kubectl -n "$NS" get service database -o jsonpath='{.spec.clusterIP}')
kubectl -n "$NS" set env deployment/app -c wait-for-db DB_HOST="$ip"
