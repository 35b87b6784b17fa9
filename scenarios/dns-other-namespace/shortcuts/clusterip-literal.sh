#!/bin/sh
# Set BACKEND_HOST to the backend Service's ClusterIP: the client reaches it, but by an address, not a name.
set -eu
ip=$(kubectl -n "$NS_SERVER" get service backend -o jsonpath='{.spec.clusterIP}')
kubectl -n "$NS" set env deployment/client BACKEND_HOST="$ip"
