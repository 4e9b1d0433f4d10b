using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Signatures;
using Ctms.Sites.Contracts;
using Ctms.Sites.Features.CreateSite;
using Ctms.Sites.Features.Delegation;
using Ctms.Sites.Features.SiteActions;
using Ctms.Sites.Persistence;
using Ctms.Trials.Features.RegisterTrial;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.IntegrationTests.TrialsSites.TrialsSitesScopes;

namespace Ctms.IntegrationTests.TrialsSites;

[Trait("Category", "TrialsSites")]
public sealed class SiteActivationAndDelegationTests
{
    private const string Coordinator = "coordinator@demo.ctms";
    private const string Investigator = "investigator@demo.ctms";

    /// <summary>The directory of user accounts is filled from Identity's UserAccountCreated events, asynchronously.</summary>
    private static Task<int> WaitForUserDirectoryAsync(CtmsAppFactory app) =>
        Eventually.Until(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.Get<SitesDbContext>().KnownUsers.CountAsync();
        }, n => n >= 8, "the Sites user directory to hold the demo users");

    private static async Task<string> UserIdAsync(CtmsAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.Get<UserManager<Ctms.Identity.Domain.CtmsUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task Activation_is_refused_naming_every_missing_thing()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, TrialsSitesScopes.WithoutDemoIrbApprovals);
        _ = app.Server;
        await WaitForUserDirectoryAsync(app);
        await using var sponsor = await app.UserScopeAsync("sponsor@demo.ctms");

        // A new trial: its protocol 1.0 is still a draft, so no IRB can have approved anything; the log is empty.
        var trial = await sponsor.SendAsync<RegisterTrialCommand, RegisteredTrial>(new RegisterTrialCommand(new TrialDetailsInput(
            "HB-NEW-101", null, "A first-in-human study", "phase-1", "Oncology", 24, "day-1", 24, false, [new ArmInput("HB-330", "experimental", 1)])));
        var newSite = await sponsor.SendAsync<CreateSiteCommand, Guid>(new CreateSiteCommand(trial.Value.TrialId, DemoIds.InstitutionSeoul, "SEL11", "Dr. Kim", 12));
        Assert.True(newSite.IsSuccess, newSite.Describe());
        var refusedNew = await sponsor.SendAsync<ActivateSiteCommand, string>(new ActivateSiteCommand(newSite.Value));
        Assert.Equal(["no-submitted-protocol", "delegation-log-empty"], refusedNew.Errors.Select(e => e.Code));

        // A new site of a demo trial (protocol 1.0 submitted): the IRB has no approval in force; one entry is unsigned.
        var site = await sponsor.SendAsync<CreateSiteCommand, Guid>(new CreateSiteCommand(DemoIds.TrialOncology, DemoIds.InstitutionBusan, "PUS02", "Dr. Park", 10));
        var duplicateCode = await sponsor.SendAsync<CreateSiteCommand, Guid>(new CreateSiteCommand(DemoIds.TrialOncology, DemoIds.InstitutionBusan, "PUS02", "Dr. Park", 10));
        Assert.Equal("Code", Assert.Single(duplicateCode.Errors).Field);
        var staff = await sponsor.SendAsync<AddStaffMemberCommand, Guid>(new AddStaffMemberCommand(site.Value, "coordinator.busan@demo.ctms", "Study coordinator", Today.AddYears(1)));
        Assert.True(staff.IsSuccess, staff.Describe());
        var entry = await sponsor.SendAsync<AddDelegationCommand, Guid>(new AddDelegationCommand(site.Value, staff.Value, ["informed-consent", "data-entry"], Today));
        Assert.True(entry.IsSuccess, entry.Describe());

        var refused = await sponsor.SendAsync<ActivateSiteCommand, string>(new ActivateSiteCommand(site.Value));

        Assert.Equal(["no-irb-approval", "delegation-log-unsigned"], refused.Errors.Select(e => e.Code));
        Assert.Contains("protocol version 1.0 at Busan University Hospital (demo)", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Bora Coordinator", refused.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("pending", (await sponsor.Get<ISitesQueries>().GetAsync(site.Value))!.Status);

        // The demo sites were seeded active and stay so; their status actions follow the table.
        var held = await sponsor.SendAsync<ChangeSiteStatusCommand, string>(new ChangeSiteStatusCommand(DemoIds.SiteCardiologySeoul, "on-hold"));
        var closedPending = await sponsor.SendAsync<ChangeSiteStatusCommand, string>(new ChangeSiteStatusCommand(site.Value, "closed-to-accrual"));
        Assert.Equal("on-hold", held.Value);
        Assert.Equal("illegal-status-transition", Assert.Single(closedPending.Errors).Code);
        Assert.Equal("active", (await sponsor.Get<ISitesQueries>().GetAsync(DemoIds.SiteOncologySeoul))!.Status);
    }

    [Fact]
    public async Task CanPerform_needs_a_signed_entry_in_date_with_current_training()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, TrialsSitesScopes.WithoutDemoDelegations);
        _ = app.Server;
        await WaitForUserDirectoryAsync(app);
        var coordinatorId = await UserIdAsync(app, Coordinator);
        var site = DemoIds.SiteOncologySeoul;
        var start = Today.AddDays(-10);

        async Task<bool> CanAsync(string responsibility, DateOnly date)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.Get<ISitesQueries>().CanPerformAsync(coordinatorId, site, responsibility, date);
        }

        await using var sponsor = await app.UserScopeAsync("sponsor@demo.ctms");
        var staff = await sponsor.SendAsync<AddStaffMemberCommand, Guid>(new AddStaffMemberCommand(site, Coordinator, "Study coordinator", Today.AddDays(30)));
        var unknown = await sponsor.SendAsync<AddStaffMemberCommand, Guid>(new AddStaffMemberCommand(site, "nobody@demo.ctms", "Nurse", null));
        Assert.Equal("Email", Assert.Single(unknown.Errors).Field);
        var entry = (await sponsor.SendAsync<AddDelegationCommand, Guid>(new AddDelegationCommand(site, staff.Value, ["data-entry", "study-visits"], start))).Value;

        Assert.False(await CanAsync("data-entry", Today)); // not signed yet

        // Only the site's PI signs, re-entering user id and password.
        await using (var coordinator = await app.UserScopeAsync(Coordinator))
        {
            var notPi = await coordinator.SendAsync<SignDelegationCommand, SignatureManifestation>(new SignDelegationCommand(site, entry, Coordinator, CtmsAppFactory.DemoPassword));
            Assert.Equal("forbidden", Assert.Single(notPi.Errors).Code);
        }

        await using (var pi = await app.UserScopeAsync(Investigator))
        {
            var wrong = await pi.SendAsync<SignDelegationCommand, SignatureManifestation>(new SignDelegationCommand(site, entry, Investigator, "wrong-password"));
            Assert.Equal("Password", Assert.Single(wrong.Errors).Field);
            Assert.False(await CanAsync("data-entry", Today));
            var signed = await pi.SendAsync<SignDelegationCommand, SignatureManifestation>(new SignDelegationCommand(site, entry, Investigator, CtmsAppFactory.DemoPassword));
            Assert.True(signed.IsSuccess, signed.Describe());
            Assert.Equal(SignatureMeaning.Responsibility, signed.Value.Meaning);
            Assert.Equal("Dr. Kim Min-jun", signed.Value.PrintedName);
        }

        Assert.True(await CanAsync("data-entry", Today));
        Assert.True(await CanAsync("study-visits", start));
        Assert.False(await CanAsync("informed-consent", Today)); // not delegated
        Assert.False(await CanAsync("data-entry", start.AddDays(-1))); // before the start
        Assert.False(await CanAsync("data-entry", Today.AddDays(31))); // training expired by then

        // Training that has expired stops it today.
        await sponsor.SendAsync<RecordTrainingCommand, Guid>(new RecordTrainingCommand(site, staff.Value, Today.AddDays(-1)));
        Assert.False(await CanAsync("data-entry", Today));
        await sponsor.SendAsync<RecordTrainingCommand, Guid>(new RecordTrainingCommand(site, staff.Value, Today.AddYears(1)));
        Assert.True(await CanAsync("data-entry", Today));

        // Ending keeps the entry (history) and its signature for the period it covered.
        var ended = await sponsor.SendAsync<EndDelegationCommand, Guid>(new EndDelegationCommand(site, entry, Today));
        Assert.True(ended.IsSuccess, ended.Describe());
        Assert.True(await CanAsync("data-entry", Today));
        Assert.False(await CanAsync("data-entry", Today.AddDays(1)));
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.Get<SitesDbContext>().Delegations.CountAsync(d => d.Id == entry));
    }

    [Fact]
    public async Task Editing_a_signed_entry_invalidates_its_signature()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, TrialsSitesScopes.WithoutDemoDelegations);
        _ = app.Server;
        await WaitForUserDirectoryAsync(app);
        var coordinatorId = await UserIdAsync(app, Coordinator);
        var site = DemoIds.SiteOncologySeoul;
        await using var pi = await app.UserScopeAsync(Investigator);
        var staff = await pi.SendAsync<AddStaffMemberCommand, Guid>(new AddStaffMemberCommand(site, Coordinator, "Study coordinator", Today.AddYears(1)));
        var entry = (await pi.SendAsync<AddDelegationCommand, Guid>(new AddDelegationCommand(site, staff.Value, ["data-entry"], Today))).Value;
        var signed = await pi.SendAsync<SignDelegationCommand, SignatureManifestation>(new SignDelegationCommand(site, entry, Investigator, CtmsAppFactory.DemoPassword));
        Assert.True(signed.IsSuccess, signed.Describe());
        Assert.True(await pi.Get<ISitesQueries>().CanPerformAsync(coordinatorId, site, "data-entry", Today));

        var edited = await pi.SendAsync<EditDelegationCommand, Guid>(new EditDelegationCommand(site, entry, ["data-entry", "informed-consent"], Today));

        Assert.True(edited.IsSuccess, edited.Describe());
        await using var check = app.Services.CreateAsyncScope();
        Assert.False(await check.Get<ISitesQueries>().CanPerformAsync(coordinatorId, site, "data-entry", Today));
        var row = await check.Get<SitesDbContext>().Delegations.AsNoTracking().SingleAsync(d => d.Id == entry);
        Assert.NotNull(row.SignatureInvalidatedAt);
        Assert.Equal("Dr. Kim Min-jun", row.SignedByName);
    }
}
