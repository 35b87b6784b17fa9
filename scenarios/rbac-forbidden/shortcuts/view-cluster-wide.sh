#!/bin/sh
# Bind pod-watcher to the built-in view ClusterRole with a ClusterRoleBinding: it reads pods, ConfigMaps and Services in every namespace.
# cluster-wide: creates a ClusterRoleBinding
set -eu
kubectl create clusterrolebinding "pod-watcher-view$KD_SUFFIX" --clusterrole=view --serviceaccount="$NS:pod-watcher"
