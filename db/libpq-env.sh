# Sourced by backup.sh/restore.sh: turn an Npgsql connection string (ConnectionStrings__Hospital)
# into libpq environment variables. An empty argument keeps the PG* variables already set.
cs=${1:-}
if [ -n "$cs" ]; then
  IFS=';' read -ra parts <<< "$cs"
  for p in "${parts[@]}"; do
    key=$(echo "${p%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' '); val=${p#*=}
    case "$key" in
      host|server) export PGHOST=$val ;;
      port) export PGPORT=$val ;;
      username|userid|user) export PGUSER=$val ;;
      password) export PGPASSWORD=$val ;;
      database) export PGDATABASE=$val ;;
    esac
  done
fi
: "${PGDATABASE:?no database given}"
