#!/bin/sh
# Create ClusterRole pod-viewer (get, list, watch pods) and bind it with a RoleBinding in the namespace only.
# cluster-wide: creates a ClusterRole, which stop must clean up
set -eu
kubectl create clusterrole "pod-viewer$KD_SUFFIX" --verb=get,list,watch --resource=pods
kubectl -n "$NS" create rolebinding pod-watcher-viewer --clusterrole="pod-viewer$KD_SUFFIX" --serviceaccount="$NS:pod-watcher"
