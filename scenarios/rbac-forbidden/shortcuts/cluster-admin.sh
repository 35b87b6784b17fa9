#!/bin/sh
# Bind pod-watcher to cluster-admin with a ClusterRoleBinding: it can list pods, and everything else everywhere.
# cluster-wide: creates a ClusterRoleBinding granting cluster-admin
set -eu
kubectl create clusterrolebinding "pod-watcher-admin$KD_SUFFIX" --clusterrole=cluster-admin --serviceaccount="$NS:pod-watcher"
