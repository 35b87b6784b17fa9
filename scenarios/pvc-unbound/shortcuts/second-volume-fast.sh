#!/bin/sh
# Create a second PersistentVolume of class fast and 2Gi on the same directory, pre-bound to claim data: the claim binds, but not to inventory-pv.
set -eu
kubectl apply -f - <<YAML
apiVersion: v1
kind: PersistentVolume
metadata:
  name: inventory-fast$KD_SUFFIX
spec:
  capacity:
    storage: 2Gi
  accessModes: ['ReadWriteOnce']
  persistentVolumeReclaimPolicy: Retain
  storageClassName: fast
  hostPath:
    path: /tmp/kubedrill-inventory$KD_SUFFIX
    type: Directory
  claimRef:
    namespace: $NS
    name: data
YAML
