#!/bin/sh
# Recreate claim data naming the volume explicitly (volumeName) and requesting only 500Mi of it, class manual.
set -eu
kubectl -n "$NS" delete pvc data --wait=true
kubectl -n "$NS" create -f - <<YAML
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ['ReadWriteOnce']
  storageClassName: manual
  volumeName: inventory-pv$KD_SUFFIX
  resources:
    requests:
      storage: 500Mi
YAML
