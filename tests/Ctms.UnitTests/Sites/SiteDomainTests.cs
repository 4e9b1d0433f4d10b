using Ctms.Shared.Signatures;
using Ctms.Sites.Domain;

namespace Ctms.UnitTests.Sites;

[Trait("Category", "TrialsSites")]
public sealed class SiteDomainTests
{
    [Fact]
    public void Cycle_times_are_counted_between_reached_milestones_and_from_selection_to_activation()
    {
        var site = new Site(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "SEL09", "Dr. A", 10);
        site.Milestone(MilestoneKind.Selected).Record(null, new DateOnly(2026, 1, 5));
        site.Milestone(MilestoneKind.ContractSigned).Record(null, new DateOnly(2026, 2, 4));
        site.Milestone(MilestoneKind.IrbApproval).Record(new DateOnly(2026, 3, 1), null);

        Assert.Equal([new CycleTime(MilestoneKind.Selected, MilestoneKind.ContractSigned, 30)], CycleTimes.Steps(site.Milestones));
        Assert.Null(CycleTimes.SelectionToActivation(site.Milestones));

        site.Activate(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(60, CycleTimes.SelectionToActivation(site.Milestones));
        Assert.Equal(30, CycleTimes.Steps(site.Milestones)[^1].Days);
    }

    [Fact]
    public void A_site_status_change_outside_the_table_is_refused()
    {
        var site = new Site(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "SEL09", "Dr. A", 10);

        var refused = site.ChangeStatus(SiteStatus.OnHold);

        Assert.NotNull(refused);
        Assert.Equal(SiteStatus.Pending, site.Status);
        Assert.Null(site.ChangeStatus(SiteStatus.Closed));
        Assert.Empty(SiteStatus.AllowedFrom(SiteStatus.Closed));
    }

    [Fact]
    public void Editing_a_signed_delegation_invalidates_the_signature_but_ending_it_does_not()
    {
        var entry = new DelegationEntry(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "user-1", [Responsibility.DataEntry], new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
        entry.Sign(new SignatureManifestation(Guid.NewGuid(), "pi", "Dr. PI", DateTimeOffset.UnixEpoch, SignatureMeaning.Responsibility, SignatureHash.Of(entry.SignedContent())));
        Assert.True(entry.IsSigned);

        Assert.Null(entry.End(new DateOnly(2026, 6, 30)));
        Assert.True(entry.IsSigned);

        var other = new DelegationEntry(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "user-1", [Responsibility.DataEntry], new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
        other.Sign(new SignatureManifestation(Guid.NewGuid(), "pi", "Dr. PI", DateTimeOffset.UnixEpoch, SignatureMeaning.Responsibility, SignatureHash.Of(other.SignedContent())));
        Assert.Null(other.Edit([Responsibility.DataEntry, Responsibility.InformedConsent], new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch.AddDays(1)));

        Assert.False(other.IsSigned);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), other.SignatureInvalidatedAt);
        Assert.Equal("Dr. PI", other.SignedByName); // the old signature stays on record, marked invalid
        Assert.Equal("delegation-ended", entry.Edit([Responsibility.DataEntry], new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch)!.Code);
    }
}
