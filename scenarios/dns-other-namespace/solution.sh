#!/bin/sh
# Qualify the backend's name with its namespace: BACKEND_HOST=backend.<dns-server>.
set -eu
kubectl -n "$NS" set env deployment/client BACKEND_HOST="backend.$NS_SERVER"
