#!/bin/sh
# kubectl set env without -c: LOG=/logs/app.log lands in both containers; app ignores it, shipper reads it.
set -eu
kubectl -n "$NS" set env deployment/app LOG=/logs/app.log
