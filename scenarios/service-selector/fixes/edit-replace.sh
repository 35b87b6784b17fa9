#!/bin/sh
# What kubectl edit does: read Service web, change app: web-app to app: webapp in the text, and replace it.
set -eu
kubectl -n "$NS" get service web -o yaml | sed 's/^\(    app: \)web-app$/\1webapp/' | kubectl -n "$NS" replace -f -
