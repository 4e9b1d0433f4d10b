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

        await Eventually.Until(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>().Set<InboxMessage>()
                .CountAsync(m => m.Consumer == "ProtocolAndConsentConsumer" && (m.MessageId == busan || m.MessageId == seoul));
        }, n => n == 2, "both approvals consumed", TimeSpan.FromSeconds(60));

        // The demo seed's own approval at Seoul (English and Korean) may reach the site too, in one transaction. Every
        // approval for the site adds one protocol message and one English consent; had Busan's leaked, there would be a
        // protocol message without an English consent.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbound = await scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>().OutboundMessages.AsNoTracking()
                .Where(m => m.SiteCode == site.Code).ToListAsync();
            var protocols = outbound.Count(m => m.Type == "ProtocolVersionEffective");
            var english = outbound.Count(m => m.Type == "ConsentVersionApproved" && m.Json.Contains(DemoIds.ConsentOncologyV1English.ToString(), StringComparison.Ordinal));
            var korean = outbound.Count(m => m.Type == "ConsentVersionApproved" && m.Json.Contains(DemoIds.ConsentOncologyV1Korean.ToString(), StringComparison.Ordinal));
            Assert.InRange(protocols, 1, 2);
            Assert.Equal(protocols, english);
            Assert.Equal(protocols - 1, korean);
        }

        var received = new List<JsonElement>();
        await Eventually.Until(async () =>
        {
            received.AddRange(await link.DrainAsync());
            return received;
        }, r => r.Any(m => m.GetProperty("type").GetString() == "ConsentVersionApproved"), "a consent approval at the site", TimeSpan.FromSeconds(60));

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
