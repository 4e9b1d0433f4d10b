using System.Text.Json;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.SiteSync.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>Central → site: an IRB approval in force at the site's institution becomes the protocol version and consent messages.</summary>
[Trait("Category", "SiteSync")]
public sealed class CentralUpdatesTests
{
    [RabbitFact]
    public async Task An_approval_in_force_at_the_site_sends_the_protocol_version_with_its_schedule_and_the_approved_consent_versions()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        await using var app = GatewayHost.Start(backend, site, new EntryLog());
        await using var link = await SiteLink.OpenAsync(site);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Busan's institution only: not the connected site's, so nothing for it.
        var busan = NewId.NextGuid();
        await app.Services.GetRequiredService<IBus>().Publish(new IrbApprovalGranted(Guid.NewGuid(), Guid.NewGuid(), [DemoIds.InstitutionBusan],
            DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1, false, today, today.AddYears(1), DateTimeOffset.UtcNow)
        {
            ConsentVersionIds = [DemoIds.ConsentOncologyV1Korean],
        }, context => context.MessageId = busan);
        var seoul = NewId.NextGuid();
        await app.Services.GetRequiredService<IBus>().Publish(new IrbApprovalGranted(Guid.NewGuid(), Guid.NewGuid(), [DemoIds.InstitutionSeoul],
            DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1, true, today, today.AddYears(1), DateTimeOffset.UtcNow)
        {
            ConsentVersionIds = [DemoIds.ConsentOncologyV1English],
        }, context => context.MessageId = seoul);

        // Both consumed, and the demo seed's own approval at Seoul (English and Korean consents) too.
        await Eventually.Until(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
            var consumed = await db.Set<InboxMessage>().CountAsync(m => m.Consumer == "ProtocolAndConsentConsumer" && (m.MessageId == busan || m.MessageId == seoul));
            var effective = await db.OutboundMessages.CountAsync(m => m.SiteCode == site.Code && m.Type == "ProtocolVersionEffective");
            return (consumed, effective);
        }, r => r is { consumed: 2, effective: >= 2 }, "both approvals consumed", TimeSpan.FromSeconds(60));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbound = await scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>().OutboundMessages.AsNoTracking()
                .Where(m => m.SiteCode == site.Code).ToListAsync();
            Assert.Equal(2, outbound.Count(m => m.Type == "ProtocolVersionEffective"));
            var consents = outbound.Where(m => m.Type == "ConsentVersionApproved").Select(m => m.Json).ToList();
            Assert.Equal(2, consents.Count(j => j.Contains(DemoIds.ConsentOncologyV1English.ToString(), StringComparison.Ordinal)));
            Assert.Single(consents, j => j.Contains(DemoIds.ConsentOncologyV1Korean.ToString(), StringComparison.Ordinal)); // the seed's, not Busan's
        }

        var received = new List<JsonElement>();
        await Eventually.Until(async () =>
        {
            received.AddRange(await link.DrainAnswersAsync());
            return received;
        }, r => r.Count(m => m.GetProperty("type").GetString() == "ConsentVersionApproved") >= 3, "the consent approvals at the site", TimeSpan.FromSeconds(60));

        var protocol = received.Last(m => m.GetProperty("type").GetString() == "ProtocolVersionEffective");
        var body = protocol.GetProperty("body");
        Assert.Equal(DemoIds.ProtocolOncologyV1, body.GetProperty("protocolVersionId").GetGuid());
        Assert.Equal(site.Code, protocol.GetProperty("siteCode").GetString());
        var visits = body.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("visitName").GetString()).ToList();
        Assert.Equal(["Screening", "Baseline", "Week 2", "Week 4", "End of treatment"], visits);
        Assert.All(body.GetProperty("visits").EnumerateArray(), v => Assert.True(v.GetProperty("windowBefore").GetInt32() >= 0));

        var consent = received.Last(m => m.GetProperty("type").GetString() == "ConsentVersionApproved").GetProperty("body");
        Assert.Equal(DemoIds.ProtocolOncologyV1, consent.GetProperty("protocolVersionId").GetGuid());
        Assert.False(string.IsNullOrEmpty(consent.GetProperty("version").GetString()));
    }

    [RabbitFact]
    public async Task The_agent_stores_them_and_its_status_shows_the_protocol_version_in_effect_and_the_approved_consent_versions()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        await using var app = GatewayHost.Start(backend, site, new EntryLog());
        var store = Path.Combine(backend.DataFolder, "agent-site.db");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var agent = AgentProcess.Start(backend.Rabbit!, site, store, "run");
        try
        {
            await app.Services.GetRequiredService<IBus>().Publish(new IrbApprovalGranted(Guid.NewGuid(), Guid.NewGuid(), [DemoIds.InstitutionSeoul],
                DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1, false, today, today.AddYears(1), DateTimeOffset.UtcNow)
            {
                ConsentVersionIds = [DemoIds.ConsentOncologyV1English, DemoIds.ConsentOncologyV1Korean],
            });

            var status = await Eventually.Until(() => AgentProcess.RunAsync(backend.Rabbit!, site, store, "status"),
                s => s.Contains(DemoIds.ConsentOncologyV1Korean.ToString(), StringComparison.Ordinal)
                     && s.Contains(DemoIds.ConsentOncologyV1English.ToString(), StringComparison.Ordinal),
                "the agent's status showing both consent versions", TimeSpan.FromSeconds(60));
            Assert.Contains($"Protocol version in effect: ", status, StringComparison.Ordinal);
            Assert.Contains($"({DemoIds.ProtocolOncologyV1}); visits: Screening day ", status, StringComparison.Ordinal);
            Assert.Contains("Baseline day ", status, StringComparison.Ordinal);
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
        }
    }
}
