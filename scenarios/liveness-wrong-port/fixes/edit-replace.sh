#!/bin/sh
# What kubectl edit does, without an editor: read the Deployment, change port 8081 to 8080, kubectl replace it.
set -eu
kubectl -n "$NS" get deployment web -o yaml | sed 's/port: 8081$/port: 8080/' | kubectl -n "$NS" replace -f -
