#!/bin/sh
# Create db-creds with a made-up password: the pods start, the db denies the login and the app exits 1.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=changeme
