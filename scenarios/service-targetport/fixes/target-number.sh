#!/bin/sh
# Target the container port by number, 8080, instead of by name (strategic merge patch of the port entry).
set -eu
kubectl -n "$NS" patch service web -p '{"spec":{"ports":[{"port":8080,"targetPort":8080}]}}'
