#!/bin/sh
# Create a ClusterRole with only get, list, watch on pods and a ClusterRoleBinding: exactly the verbs, but in every namespace.
# cluster-wide: creates a ClusterRole and a ClusterRoleBinding
set -eu
kubectl create clusterrole "pod-lister$KD_SUFFIX" --verb=get,list,watch --resource=pods
kubectl create clusterrolebinding "pod-watcher-lister$KD_SUFFIX" --clusterrole="pod-lister$KD_SUFFIX" --serviceaccount="$NS:pod-watcher"
