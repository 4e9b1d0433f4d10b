using System.Text;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Identity.Features.Audit;

/// <summary>Audit trail exports for administrators (CSV and CDISC ODM 1.3.2); every export is itself audited.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/audit").RequireAuthorization(p => p.RequireRole(CtmsRoles.Administrator)).ExcludeFromDescription();
        group.MapGet("/export.csv", async (HttpRequest request, AuditTrail trail, CtmsIdentityDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var query = QueryFrom(request);
            var records = await trail.QueryAsync(query, ct);
            await AuditExportAsync(db, user, "csv", query, records.Count, ct);
            return Results.File(Encoding.UTF8.GetBytes(AuditExport.ToCsv(records)), "text/csv; charset=utf-8",
                $"ctms-audit-{clock.GetUtcNow():yyyyMMddHHmmss}.csv");
        });
        group.MapGet("/export.xml", async (HttpRequest request, AuditTrail trail, CtmsIdentityDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var query = QueryFrom(request);
            var records = await trail.QueryAsync(query, ct);
            await AuditExportAsync(db, user, "odm", query, records.Count, ct);
            return Results.File(Encoding.UTF8.GetBytes(AuditExport.ToOdmXml(records, clock.GetUtcNow())), "application/xml; charset=utf-8",
                $"ctms-audit-{clock.GetUtcNow():yyyyMMddHHmmss}.odm.xml");
        });
    }

    /// <summary>The filter as the audit page puts it in the export links.</summary>
    public static string QueryString(AuditQuery query)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("module", query.Module);
        Add("entityType", query.EntityType);
        Add("entityId", query.EntityId);
        Add("user", query.UserId);
        Add("from", query.From?.UtcDateTime.ToString("O"));
        Add("to", query.To?.UtcDateTime.ToString("O"));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static AuditQuery QueryFrom(HttpRequest request)
    {
        string? Get(string key) => request.Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        DateTimeOffset? Date(string key) => DateTimeOffset.TryParse(Get(key), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d.ToUniversalTime() : null;
        return new AuditQuery(Get("module"), Get("entityType"), Get("entityId"), Get("user"), Date("from"), Date("to"), Take: 100_000);
    }

    private static async Task AuditExportAsync(CtmsIdentityDbContext db, ICurrentUser user, string format, AuditQuery query, int count, CancellationToken ct)
    {
        db.AddAuditEvent(IdentityAuditEvents.For(user.UserId ?? "unknown", user.DisplayName, IdentityAuditEvents.AuditExported,
            $"{format} export of {count} entries{QueryString(query)}"));
        await db.SaveChangesAsync(ct);
    }
}
