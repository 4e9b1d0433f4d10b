namespace Ctms.Sites.Domain;

internal static class SiteStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string OnHold = "on-hold";
    public const string ClosedToAccrual = "closed-to-accrual";
    public const string Closed = "closed";
}
