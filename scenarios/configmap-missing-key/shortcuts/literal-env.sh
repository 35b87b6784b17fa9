#!/bin/sh
# Write DATABASE_HOST=database into the Deployment as a literal: the pods run, but the address no longer comes from ConfigMap app-config.
set -eu
kubectl -n "$NS" set env deployment/app DATABASE_HOST=database
