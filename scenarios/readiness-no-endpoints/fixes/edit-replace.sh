#!/bin/sh
# What kubectl edit does: read the Deployment, change path /ready to /healthz in the text, and replace it.
set -eu
kubectl -n "$NS" get deployment web -o yaml | sed 's#path: /ready$#path: /healthz#' | kubectl -n "$NS" replace -f -
