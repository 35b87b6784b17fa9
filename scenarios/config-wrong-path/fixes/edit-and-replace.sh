#!/bin/sh
# What kubectl edit does, non-interactively: read the Deployment, change mountPath /etc/config to /etc/app, replace it.
set -eu
kubectl -n "$NS" get deployment app -o yaml \
  | sed 's#mountPath: /etc/config$#mountPath: /etc/app#' \
  | kubectl -n "$NS" replace -f -
