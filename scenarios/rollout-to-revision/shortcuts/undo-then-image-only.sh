#!/bin/sh
# A plain undo, then only the image set back to busybox:1.36: MODE is still experimental, so the template is not revision 1's.
set -eu
kubectl -n "$NS" rollout undo deployment/api
kubectl -n "$NS" set image deployment/api api=busybox:1.36
