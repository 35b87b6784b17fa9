#!/bin/sh
# Alias the name db to Service database with an ExternalName Service (a DNS CNAME to database.<namespace>.svc.cluster.local).
set -eu
kubectl -n "$NS" create service externalname db --external-name "database.$NS.svc.cluster.local"
