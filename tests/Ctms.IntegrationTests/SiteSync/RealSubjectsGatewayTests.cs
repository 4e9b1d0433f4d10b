using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Subjects.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>Site messages through the real Subjects module: its domain rules answer, and its data changes exactly once.</summary>
[Trait("Category", "SiteSync")]
public sealed class RealSubjectsGatewayTests
{
    [RabbitFact]
    public async Task A_site_screens_a_subject_is_refused_an_unapproved_consent_version_and_withdraws_the_subject()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        await using var app = GatewayHost.Start(backend, site, log: null);
        await using var link = await SiteLink.OpenAsync(site);
        var answers = new List<JsonElement>();
        async Task<JsonElement> AnswerTo(SiteMessage m)
        {
            await Eventually.Until(async () =>
            {
                answers.AddRange(await link.DrainAnswersAsync());
                return answers;
            }, a => a.Any(x => x.GetProperty("body").GetProperty("messageId").GetString() == m.MessageId.ToString()), $"the answer to {m.Type}", TimeSpan.FromSeconds(40));
            return answers.First(x => x.GetProperty("body").GetProperty("messageId").GetString() == m.MessageId.ToString());
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var screen = SiteMessage.Create(site.Code, "SubjectScreened", new { screenedOn = today, screeningRef = "EMR-1" });
        await link.PublishAsync(screen);
        var screened = await AnswerTo(screen);
        Assert.True(screened.GetProperty("type").GetString() == "MessageAccepted", screened.GetRawText());
        var number = screened.GetProperty("body").GetProperty("subjectNumber").GetString()!;

        var consent = SiteMessage.Create(site.Code, "ConsentSigned", new { consentVersionId = Guid.NewGuid(), signedOn = today }, number, 1);
        await link.PublishAsync(consent);
        var refused = await AnswerTo(consent);
        Assert.Equal("MessageRejected", refused.GetProperty("type").GetString());
        Assert.NotEmpty(refused.GetProperty("body").GetProperty("reasons").EnumerateArray());

        var withdraw = SiteMessage.Create(site.Code, "SubjectWithdrawn", new { reason = "moved away", withdrawnOn = today }, number, 2);
        await link.PublishAsync(withdraw);
        await link.PublishAsync(withdraw); // duplicate
        Assert.Equal("MessageAccepted", (await AnswerTo(withdraw)).GetProperty("type").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var subjects = scope.ServiceProvider.GetRequiredService<ISubjectsQueries>();
        var subject = await subjects.FindByNumberAsync(DemoIds.SiteOncologySeoul, number);
        Assert.NotNull(subject);
        Assert.Equal("withdrawn", subject.Status);
        Assert.Equal("moved away", subject.WithdrawalReason);
        Assert.Null(subject.ConsentVersionId); // the refused consent wrote nothing
        Assert.Single(await subjects.ListForSiteAsync(DemoIds.SiteOncologySeoul), s => s.SubjectNumber == number);
    }
}
