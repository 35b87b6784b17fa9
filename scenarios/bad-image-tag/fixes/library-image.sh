#!/bin/sh
# kubectl set image to library/busybox:1.36 (Docker Hub's library namespace spelled out, no registry): the same image.
set -eu
kubectl -n "$NS" set image deployment/frontend frontend=library/busybox:1.36
