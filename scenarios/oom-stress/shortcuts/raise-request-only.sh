#!/bin/sh
# Raise the request (to the 64Mi limit) instead of the limit: the kernel still kills at 64Mi.
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --requests=memory=64Mi
