using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Sites.Features.CreateSite;
using Ctms.Sites.Features.SiteActions;
using Ctms.Trials.Contracts;
using Ctms.Trials.Features.ChangeStatus;
using Ctms.Trials.Features.EditTrial;
using Ctms.Trials.Features.ProtocolVersions;
using Ctms.Trials.Features.RegisterTrial;

namespace Ctms.IntegrationTests.TrialsSites;

[Trait("Category", "TrialsSites")]
public sealed class TenantScopeTests
{
    private static TrialDetailsInput Details(string protocolNumber) =>
        new(protocolNumber, "NCT01234567", "An open-label study", "phase-1", "Oncology", 20, "day-1", 24, false, [new ArmInput("Open label", "experimental", 1)]);

    [Fact]
    public async Task Another_tenants_sponsor_neither_sees_nor_changes_the_demo_trials_and_their_sites()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using var other = app.OtherTenantSponsorScope();

        var view = await other.Get<IQueryHandler<TrialViewQuery, TrialView>>().HandleAsync(new TrialViewQuery(DemoIds.TrialOncology));
        var edit = await other.SendAsync<EditTrialCommand, Guid>(new EditTrialCommand(DemoIds.TrialOncology, Details("HIJACK")));
        var status = await other.SendAsync<ChangeTrialStatusCommand, string>(new ChangeTrialStatusCommand(DemoIds.TrialOncology, "temporarily-closed-to-accrual"));
        var amend = await other.SendAsync<AmendProtocolCommand, Guid>(new AmendProtocolCommand(DemoIds.TrialOncology));
        var site = await other.SendAsync<CreateSiteCommand, Guid>(new CreateSiteCommand(DemoIds.TrialOncology, DemoIds.InstitutionSeoul, "XX01", "Dr. X", 5));
        var hold = await other.SendAsync<ChangeSiteStatusCommand, string>(new ChangeSiteStatusCommand(DemoIds.SiteOncologySeoul, "on-hold"));

        Assert.All(new[] { view.Errors, edit.Errors, status.Errors, amend.Errors, site.Errors, hold.Errors }, e => Assert.Equal("not-found", Assert.Single(e).Code));
        Assert.Empty(await other.Get<ITrialsQueries>().ListForTenantAsync("other-sponsor"));
        var trial = (await other.Get<ITrialsQueries>().GetAsync(DemoIds.TrialOncology))!;
        Assert.Equal(("HB-ONC-301", "active"), (trial.ProtocolNumber, trial.Status));
    }

    [Fact]
    public async Task Protocol_numbers_are_unique_per_tenant_not_globally_and_a_registered_trial_lands_in_its_tenant()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using var other = app.OtherTenantSponsorScope();
        await using var demo = await app.UserScopeAsync("sponsor@demo.ctms");

        var sameNumberElsewhere = await other.SendAsync<RegisterTrialCommand, RegisteredTrial>(new RegisterTrialCommand(Details("HB-ONC-301")));
        var duplicate = await demo.SendAsync<RegisterTrialCommand, RegisteredTrial>(new RegisterTrialCommand(Details("HB-ONC-301")));
        var badRegistry = await demo.SendAsync<RegisterTrialCommand, RegisteredTrial>(new RegisterTrialCommand(Details("NEW-1") with { RegistryId = "NCT123" }));
        var coordinator = await (await app.UserScopeAsync("coordinator@demo.ctms")).SendAsync<RegisterTrialCommand, RegisteredTrial>(new RegisterTrialCommand(Details("NEW-2")));

        Assert.True(sameNumberElsewhere.IsSuccess, sameNumberElsewhere.Describe());
        Assert.Equal("Details.ProtocolNumber", Assert.Single(duplicate.Errors).Field);
        Assert.Equal("Details.RegistryId", Assert.Single(badRegistry.Errors).Field);
        Assert.Equal("forbidden", Assert.Single(coordinator.Errors).Code);
        var mine = await other.Get<ITrialsQueries>().ListForTenantAsync("other-sponsor");
        Assert.Equal("in-review", Assert.Single(mine).Status);
        Assert.Equal("1.0", Assert.Single(await other.Get<ITrialsQueries>().ListProtocolVersionsAsync(mine[0].Id)).Version);
        Assert.Equal(2, (await demo.Get<ITrialsQueries>().ListForTenantAsync(DemoIds.TenantId)).Count);

        // The transition table holds through the handler too.
        var illegal = await other.SendAsync<ChangeTrialStatusCommand, string>(new ChangeTrialStatusCommand(mine[0].Id, "active"));
        Assert.Equal("illegal-status-transition", Assert.Single(illegal.Errors).Code);
    }
}
