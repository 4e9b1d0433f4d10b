using Ctms.Irb.Domain;

namespace Ctms.UnitTests.Irb;

[Trait("Category", "IrbRecognition")]
public sealed class ApprovalPeriodTests
{
    [Theory]
    [InlineData("2026-03-15", 12, "2027-03-14")] // the day before the anniversary
    [InlineData("2026-01-01", 12, "2026-12-31")]
    [InlineData("2024-02-29", 12, "2025-02-27")] // no 29 February next year: the anniversary falls on the 28th
    [InlineData("2026-01-31", 6, "2026-07-30")]
    [InlineData("2026-08-31", 6, "2027-02-27")] // month end: 28 February is the six-month date, expiry the day before
    [InlineData("2026-11-28", 3, "2027-02-27")]
    public void Expiry_is_the_day_before_the_anniversary_of_the_approval(string approved, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ApprovalPeriod.ExpiresOn(DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), months));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Continuing_review_is_due_at_least_annually(int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPeriod.ExpiresOn(new DateOnly(2026, 1, 1), months));
}
