#!/usr/bin/env bash
# Adds a migration with the same name for both database providers (each has its own migrations assembly).
# Usage: ./add-migration.sh NameOfMigration
set -euo pipefail
name=${1:?usage: ./add-migration.sh NameOfMigration}
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/ClusterAtlas.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
