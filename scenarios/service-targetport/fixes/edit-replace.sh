#!/bin/sh
# What kubectl edit does: read Service web, change targetPort: http to targetPort: web in the text, and replace it.
set -eu
kubectl -n "$NS" get service web -o yaml | sed 's/targetPort: http$/targetPort: web/' | kubectl -n "$NS" replace -f -
