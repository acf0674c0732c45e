#!/usr/bin/env bash
# Back up the Hospital PostgreSQL database to a compressed custom-format dump.
#   db/backup.sh "Host=...;Port=...;Username=...;Password=...;Database=hospital" [OUT_FILE]
# or with libpq variables already set (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE):
#   db/backup.sh "" backups/hospital.dump
# Restore with db/restore.sh. For SQLite installations, stop the app and copy
# {Storage__DataDirectory}/hospital.db (with -wal/-shm), or use: sqlite3 hospital.db ".backup out.db".
set -euo pipefail
source "$(dirname "$0")/libpq-env.sh" "${1:-}"
out=${2:-backups/hospital-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$out")"
pg_dump --format=custom --compress=6 --no-owner --file="$out"
echo "Đã sao lưu / backed up: $out ($(du -h "$out" | cut -f1))"
