# shellcheck shell=bash
# The database users of docs/operations.md ("Database grants"), made once by the MariaDB image when
# it creates its data directory: compose.yml mounts this folder at /docker-entrypoint-initdb.d.
# The image sources the file (it is not executable), so its docker_process_sql runs the SQL as root.
#
# - the application (API and worker, DATABASE_URL): SELECT, INSERT, UPDATE, DELETE only, so it can
#   neither drop the audit tables' append-only triggers nor truncate the tables;
# - the migration user (the one-shot `setup` service): DDL as well, for the migrations.
#
# Run by hand against an existing server (as root; the tests do this):
#   MARIADB_DATABASE=rodtrad MARIADB_PASSWORD=… MARIADB_MIGRATE_PASSWORD=… bash docker/mariadb/10-rodtrad-users.sh

rodtrad_sql_string() {
  # A MariaDB string literal: backslashes and single quotes doubled.
  local s="${1//\\/\\\\}"
  printf "'%s'" "${s//\'/\'\'}"
}

rodtrad_create_users() {
  local db="${MARIADB_DATABASE:-rodtrad}"
  local app="${RODTRAD_APP_USER:-rodtrad}" migrate="${RODTRAD_MIGRATE_USER:-rodtrad_migrate}"
  if [ -z "${MARIADB_PASSWORD:-}" ] || [ -z "${MARIADB_MIGRATE_PASSWORD:-}" ]; then
    echo "10-rodtrad-users.sh: set MARIADB_PASSWORD and MARIADB_MIGRATE_PASSWORD" >&2
    return 1
  fi
  local run=(mariadb -uroot)
  if declare -F docker_process_sql >/dev/null; then run=(docker_process_sql); fi
  "${run[@]}" <<SQL
CREATE USER IF NOT EXISTS '${app}'@'%' IDENTIFIED BY $(rodtrad_sql_string "$MARIADB_PASSWORD");
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${db}\`.* TO '${app}'@'%';
CREATE USER IF NOT EXISTS '${migrate}'@'%' IDENTIFIED BY $(rodtrad_sql_string "$MARIADB_MIGRATE_PASSWORD");
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, REFERENCES, TRIGGER, DROP ON \`${db}\`.* TO '${migrate}'@'%';
FLUSH PRIVILEGES;
SQL
}

rodtrad_create_users
