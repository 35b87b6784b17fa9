#!/bin/sh
# Set the image of container frontend back to busybox:1.36 (a new revision with the old template).
set -eu
kubectl -n "$NS" set image deployment/frontend frontend=busybox:1.36
