#!/bin/sh
# Replace Service web with an ExternalName alias for web-internal: the name web now resolves to web-internal, and Service web itself routes nothing.
set -eu
kubectl -n "$NS" delete service web
kubectl -n "$NS" create service externalname web --external-name "web-internal.$NS.svc.cluster.local"
