#!/bin/sh
# Double the limit to 128Mi without checking what the worker needs: still OOMKilled.
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --limits=memory=128Mi
