#!/bin/sh
# What kubectl edit does: read Deployment app as YAML, change the startup probe's failureThreshold 4 to 20 (40 s), and replace the object.
set -eu
kubectl -n "$NS" get deployment app -o yaml \
  | sed -e 's/^\( *failureThreshold:\) 4$/\1 20/' -e '/^  resourceVersion:/d' \
  | kubectl -n "$NS" replace -f -
