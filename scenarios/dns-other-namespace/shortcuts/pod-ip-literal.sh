#!/bin/sh
# Set BACKEND_HOST to today's backend pod IP: it answers until the pod is replaced.
set -eu
ip=$(kubectl -n "$NS_SERVER" get pods -l app=backend -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" set env deployment/client BACKEND_HOST="$ip"
