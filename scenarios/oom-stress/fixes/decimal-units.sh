#!/bin/sh
# Use decimal units: requests and limits of 200M (about 190.7Mi), which is within 160Mi..1Gi.
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --requests=memory=200M --limits=memory=200M
