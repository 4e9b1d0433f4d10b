using Ctms.IntegrationTests.Support;
using Ctms.IntegrationTests.TrialsSites;
using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Trials.Features.ProtocolVersions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.IrbRecognition;

/// <summary>The sponsor's submitted amendment reaches the trial's IRB of record as a submission, once.</summary>
[Trait("Category", "IrbRecognition")]
public sealed class SubmissionIntakeTests
{
    [Fact]
    public async Task A_submitted_amendment_becomes_an_amendment_submission_with_its_consents_at_the_IRB_of_record()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using (var sponsor = await app.UserScopeAsync("sponsor@demo.ctms"))
        {
            var amendment = await sponsor.SendAsync<AmendProtocolCommand, Guid>(new AmendProtocolCommand(DemoIds.TrialOncology));
            Assert.True(amendment.IsSuccess, amendment.Describe());
            var submitted = await sponsor.SendAsync<SubmitProtocolVersionCommand, Guid>(new SubmitProtocolVersionCommand(amendment.Value));
            Assert.True(submitted.IsSuccess, submitted.Describe());
        }

        var submission = await Eventually.Until(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IrbDbContext>().Submissions.AsNoTracking()
                .Where(s => s.TrialId == DemoIds.TrialOncology && s.Type == SubmissionTypes.Amendment).ToListAsync();
        }, s => s.Count >= 1, "the amendment to reach the Seoul IRB");

        var received = Assert.Single(submission);
        Assert.Equal(DemoIds.IrbSeoul, received.IrbId);
        Assert.Equal("2.0", received.ProtocolVersion);
        Assert.Equal(SubmissionStatus.Received, received.Status);
        Assert.Contains(received.Documents, d => d.Kind == "protocol");
        Assert.Equal(2, received.Documents.Count(d => d.Kind == "consent")); // English and Korean, carried over from 1.0
    }
}
