#!/bin/sh
# Change PersistentVolume inventory-pv to class fast and 2Gi so the claim fits it as it is: the volume no longer says what it is.
set -eu
kubectl patch pv "inventory-pv$KD_SUFFIX" -p '{"spec":{"storageClassName":"fast","capacity":{"storage":"2Gi"}}}'
