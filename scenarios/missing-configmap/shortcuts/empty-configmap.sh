#!/bin/sh
# Create web-settings with no data just to satisfy the mount: the pods start, find no settings.conf and exit 1.
set -eu
kubectl -n "$NS" create configmap web-settings
