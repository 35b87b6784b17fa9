#!/bin/sh
# Point shipper's LOG at the app's log as shipper sees it: the shared volume is mounted at /logs there.
set -eu
kubectl -n "$NS" set env deployment/app -c shipper LOG=/logs/app.log
