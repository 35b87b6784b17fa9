#!/bin/sh
# Point wait-for-db's DB_HOST at Service database, the name the database really has; the new pods' init finds it at once.
set -eu
kubectl -n "$NS" set env deployment/app -c wait-for-db DB_HOST=database
