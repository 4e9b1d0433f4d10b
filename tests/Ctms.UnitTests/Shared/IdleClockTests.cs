using Ctms.Shared.Security;
using Microsoft.Extensions.Time.Testing;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "AccessAudit")]
public sealed class IdleClockTests
{
    [Fact]
    public void Warns_in_the_last_minute_expires_at_the_timeout_and_activity_starts_over()
    {
        var time = new FakeTimeProvider();
        var clock = new IdleClock(time, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1));

        time.Advance(TimeSpan.FromMinutes(18));
        Assert.Equal(IdleState.Active, clock.State);
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(IdleState.Warning, clock.State);
        Assert.Equal(TimeSpan.FromSeconds(59), clock.Remaining);

        clock.Activity();
        time.Advance(TimeSpan.FromMinutes(18));
        Assert.Equal(IdleState.Active, clock.State);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(IdleState.Expired, clock.State);
        Assert.Equal(TimeSpan.Zero, clock.Remaining);
    }

    [Fact]
    public void A_warning_longer_than_the_timeout_is_cut_to_half_of_it()
    {
        var clock = new IdleClock(new FakeTimeProvider(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.Equal(TimeSpan.FromSeconds(5), clock.WarningBefore);
    }
}
