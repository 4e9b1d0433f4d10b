#!/usr/bin/env bash
# Generates the idempotent SQL Server script of every module context. No SQL Server runs here: producing the
# scripts proves the SQL Server model and its migrations build. Output: artifacts/sqlserver/<Module>.sql
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/Ctms.Migrations.SqlServer
out=artifacts/sqlserver
mkdir -p "$out"
dotnet build "$project" -nologo -v q
for entry in TrialsDbContext:Trials SitesDbContext:Sites SubjectsDbContext:Subjects IrbDbContext:Irb CtmsIdentityDbContext:Identity ReportingDbContext:Reporting SiteSyncDbContext:SiteSync; do
  context=${entry%%:*}; module=${entry##*:}
  dotnet ef migrations script --idempotent --no-build --project "$project" --startup-project "$project" \
    --context "$context" --output "$out/$module.sql"
  grep -q "CREATE TABLE" "$out/$module.sql" || { echo "$module.sql has no CREATE TABLE" >&2; exit 1; }
done
echo "SQL Server scripts written to $out/" >&2
