using Ctms.Shared.Messaging;
using Ctms.Subjects.Contracts.IntegrationEvents;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    private static SubjectEnrolled SampleEvent() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "SEL01-007", new DateTimeOffset(2026, 11, 28, 9, 29, 0, TimeSpan.FromHours(1)));

    [Fact]
    public void From_records_the_assembly_qualified_type_and_a_fresh_id()
    {
        var message = OutboxMessage.From(SampleEvent(), Now);

        Assert.Equal("Ctms.Subjects.Contracts.IntegrationEvents.SubjectEnrolled, Ctms.Subjects.Contracts", message.Type);
        Assert.NotEqual(Guid.Empty, message.Id);
        Assert.NotEqual(message.Id, OutboxMessage.From(SampleEvent(), Now).Id);
        Assert.Equal(Now, message.OccurredAt);
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.NextAttemptAt);
    }

    [Fact]
    public void Deserialize_round_trips_a_contracts_record()
    {
        var original = SampleEvent();

        var restored = OutboxMessage.From(original, Now).Deserialize();

        var enrolled = Assert.IsType<SubjectEnrolled>(restored);
        Assert.Equal(original, enrolled);
        Assert.Equal(original.EnrolledAt.Offset, enrolled.EnrolledAt.Offset);
    }

    [Fact]
    public void MarkFailed_backs_off_exponentially_from_one_second_capped_at_five_minutes()
    {
        var message = OutboxMessage.From(SampleEvent(), Now);
        var delays = new List<double>();

        for (var i = 0; i < 12; i++)
        {
            message.MarkFailed(Now, $"broker down {i}");
            delays.Add((message.NextAttemptAt!.Value - Now).TotalSeconds);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], delays);
        Assert.Equal(12, message.Attempts);
        Assert.Equal("broker down 11", message.LastError);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void MarkFailed_truncates_a_long_error()
    {
        var message = OutboxMessage.From(SampleEvent(), Now);

        message.MarkFailed(Now, new string('x', 5000));

        Assert.Equal(2000, message.LastError!.Length);
    }

    [Fact]
    public void MarkSent_clears_the_error_and_the_next_attempt()
    {
        var message = OutboxMessage.From(SampleEvent(), Now);
        message.MarkFailed(Now, "broker down");

        message.MarkSent(Now.AddSeconds(3));

        Assert.Equal(Now.AddSeconds(3), message.SentAt);
        Assert.Null(message.LastError);
        Assert.Null(message.NextAttemptAt);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public void Unknown_type_fails_to_deserialize_naming_the_type()
    {
        var message = OutboxMessage.From(SampleEvent(), Now);
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.Type))!
            .SetValue(message, "Ctms.Gone.Contracts.Vanished, Ctms.Gone.Contracts");

        var ex = Assert.Throws<InvalidOperationException>(() => message.Deserialize());

        Assert.Contains("Ctms.Gone.Contracts.Vanished, Ctms.Gone.Contracts", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message.Id.ToString(), ex.Message, StringComparison.Ordinal);
    }
}
