#!/bin/sh
# Point DB_HOST at the database pod's DNS A record (<dashed-ip>.<namespace>.pod.cluster.local): a name, but one that encodes today's pod address.
set -eu
ip=$(kubectl -n "$NS" get pods -l app=database -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" set env deployment/app -c wait-for-db DB_HOST="$(echo "$ip" | tr . -).$NS.pod.cluster.local"
