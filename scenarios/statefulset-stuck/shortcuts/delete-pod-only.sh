#!/bin/sh
# Delete the failing db-2 without rolling back: the controller recreates it from the bad template and it fails again.
set -eu
kubectl -n "$NS" delete pod db-2
