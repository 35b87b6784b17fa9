#!/bin/sh
# Give container worker a 256Mi memory limit (and request what it needs, 160Mi).
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --requests=memory=160Mi --limits=memory=256Mi
