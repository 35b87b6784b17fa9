#!/bin/sh
# Use the Service's fully qualified name, backend.<dns-server>.svc.cluster.local.
set -eu
kubectl -n "$NS" set env deployment/client BACKEND_HOST="backend.$NS_SERVER.svc.cluster.local"
