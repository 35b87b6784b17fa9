#!/bin/sh
# What kubectl edit does, scripted: fetch the Deployment, correct sdd to ssd in the YAML, and replace it.
set -eu
kubectl -n "$NS" get deployment app -o yaml | sed 's/: sdd$/: ssd/' | kubectl -n "$NS" replace -f -
