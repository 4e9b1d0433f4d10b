using Ctms.Irb.Contracts;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Domain.Rules;
using Ctms.Trials.Contracts;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "IrbRecognition")]
public sealed class EnrollmentIrbApprovalRuleTests
{
    private static readonly SiteSummary Site = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Busan University Hospital", "PUS01", "Dr Park", "active", 60);
    private static readonly ProtocolVersionSummary Version = new(Guid.NewGuid(), Site.TrialId, "2.0", "submitted", DateTimeOffset.UtcNow);

    [Fact]
    public void An_approval_in_force_own_or_recognised_allows_enrollment()
    {
        var recognised = new ApprovalStatus(true, new ApprovalInForce(Guid.NewGuid(), Guid.NewGuid(), "Busan IRB", Recognised: true,
            Guid.NewGuid(), new DateOnly(2026, 11, 28), new DateOnly(2027, 11, 27)), null);

        Assert.Null(EnrollmentRules.IrbApproval(Site, Version, recognised));
    }

    [Fact]
    public void Without_an_approval_in_force_the_refusal_names_the_institution_the_version_and_why()
    {
        var error = EnrollmentRules.IrbApproval(Site, Version, ApprovalStatus.None("The IRB approval lapsed on 2026-11-01: period ended."));

        Assert.NotNull(error);
        Assert.Equal("irb-approval-missing", error.Code);
        Assert.Contains("Busan University Hospital", error.Message, StringComparison.Ordinal);
        Assert.Contains("protocol version 2.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("lapsed on 2026-11-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trial_without_a_submitted_protocol_version_cannot_enroll()
    {
        Assert.Equal("no-protocol-version", EnrollmentRules.IrbApproval(Site, null, null)?.Code);
    }
}
