using System.Collections.Concurrent;
using MassTransit;

namespace Ctms.IntegrationTests.Support;

/// <summary>Records every consume that finished or faulted, so a test can wait for a delivery it expects.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid? MessageId, bool Faulted)> _seen = new();

    public int Completed(Guid messageId) => _seen.Count(s => s.MessageId == messageId && !s.Faulted);
    public int Faulted(Guid messageId) => _seen.Count(s => s.MessageId == messageId && s.Faulted);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _seen.Enqueue((context.MessageId, false));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _seen.Enqueue((context.MessageId, true));
        return Task.CompletedTask;
    }
}
