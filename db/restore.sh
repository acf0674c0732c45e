#!/usr/bin/env bash
# Restore a dump made by db/backup.sh into an EMPTY database (create it first: createdb NAME).
#   db/restore.sh "Host=...;Port=...;Username=...;Database=hospital_restored" FILE
# The app must be stopped, or pointed at the restored database only after this finishes.
set -euo pipefail
source "$(dirname "$0")/libpq-env.sh" "${1:-}"
file=${2:?usage: db/restore.sh CONNECTION_STRING FILE}
tables=$(psql -Atc "select count(*) from information_schema.tables where table_schema='public'")
if [ "$tables" != "0" ]; then
  echo "Cơ sở dữ liệu đích không rỗng ($tables bảng); dừng lại để không ghi đè. / Target database is not empty." >&2
  exit 1
fi
pg_restore --no-owner --exit-on-error --single-transaction --dbname="$PGDATABASE" "$file"
echo "Đã khôi phục / restored $file into $PGDATABASE"
