#!/usr/bin/env bash
# Adds a migration named $1 to every module context whose model changed, on every provider
# (7 contexts x 3 providers), so no provider falls behind. Usage: scripts/add-migration.sh AddVisitWindows
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
contexts="TrialsDbContext:Trials SitesDbContext:Sites SubjectsDbContext:Subjects IrbDbContext:Irb CtmsIdentityDbContext:Identity ReportingDbContext:Reporting SiteSyncDbContext:SiteSync"
for provider in Sqlite PostgreSql SqlServer; do
  project=src/Ctms.Migrations.$provider
  dotnet build "$project" -nologo -v q
  for entry in $contexts; do
    context=${entry%%:*}; module=${entry##*:}
    if dotnet ef migrations has-pending-model-changes --no-build --project "$project" --startup-project "$project" \
         --context "$context" >/dev/null 2>&1; then
      echo "== $provider / $module: no model changes" >&2
      continue
    fi
    echo "== $provider / $module: adding $name" >&2
    dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
      --context "$context" --output-dir "$module" --namespace "Ctms.Migrations.$provider.$module"
  done
done
