namespace Ctms.Shared.Time;

public static class UtcDates
{
    /// <summary>Today's calendar date in UTC from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
