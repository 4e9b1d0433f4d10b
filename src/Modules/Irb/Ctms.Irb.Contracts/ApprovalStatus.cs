namespace Ctms.Irb.Contracts;

/// <summary>
/// The answer to "may this institution run this protocol version on this date?": the approval in force (the
/// institution's own IRB's, or a recognised one), or why there is none.
/// </summary>
public sealed record ApprovalStatus(bool InForce, ApprovalInForce? Approval, string? Reason)
{
    public static ApprovalStatus None(string reason) => new(false, null, reason);
}

/// <param name="Recognised">True when the institution's IRB recognised another IRB's review (mutual recognition).</param>
/// <param name="ReviewingIrbId">The IRB of record that reviewed; the institution's own IRB when not recognised.</param>
public sealed record ApprovalInForce(
    Guid ApprovalId,
    Guid IrbId,
    string IrbName,
    bool Recognised,
    Guid ReviewingIrbId,
    DateOnly ApprovedOn,
    DateOnly ExpiresOn);
