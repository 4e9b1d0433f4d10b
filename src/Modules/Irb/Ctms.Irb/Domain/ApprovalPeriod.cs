namespace Ctms.Irb.Domain;

/// <summary>
/// Continuing review at least annually: an approval granted on a date expires the day before the anniversary
/// of that date (for a 12-month interval), or the day before the same day N months later for a shorter one.
/// </summary>
internal static class ApprovalPeriod
{
    public const int DefaultMonths = 12;

    public static DateOnly ExpiresOn(DateOnly approvedOn, int intervalMonths = DefaultMonths)
    {
        if (intervalMonths is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMonths), "Continuing review is due at least every 12 months.");
        }

        // AddMonths clamps 29 February to 28 February in a common year; the day before that is 27 February.
        return approvedOn.AddMonths(intervalMonths).AddDays(-1);
    }

    /// <summary>Reminder days before expiry.</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [60, 30, 7];
}
