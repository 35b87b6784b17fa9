#!/bin/sh
# Use the absolute name with its trailing dot (backend.<dns-server>.svc.cluster.local.): no search domain is tried.
set -eu
kubectl -n "$NS" set env deployment/client BACKEND_HOST="backend.$NS_SERVER.svc.cluster.local."
