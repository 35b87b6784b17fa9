#!/bin/sh
# Undo to revision 2 and re-annotate its change-cause as approved: the label says approved, the template is still the unreviewed one.
set -eu
kubectl -n "$NS" rollout undo deployment/api --to-revision=2
kubectl -n "$NS" annotate deployment/api kubernetes.io/change-cause=approved --overwrite
