using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.IrbRecognition;

/// <summary>
/// Two deployments on one RabbitMQ: center A (PostgreSQL) hosts the reviewing Seoul IRB, center B (SQLite) the
/// relying Busan IRB. Each has its own database and center id, so each receives its own copy of every event.
/// Neither seeds the demo IRB approvals: every approval in these tests comes from the real flow.
/// </summary>
public sealed class TwoCenters : IAsyncDisposable
{
    private TwoCenters(TestBackend backendA, TestBackend backendB, CtmsAppFactory a, CtmsAppFactory b)
    {
        BackendA = backendA;
        BackendB = backendB;
        A = a;
        B = b;
    }

    public TestBackend BackendA { get; }
    public TestBackend BackendB { get; }
    public CtmsAppFactory A { get; }
    public CtmsAppFactory B { get; }

    public static async Task<TwoCenters> StartAsync()
    {
        var backendA = await TestBackend.PostgresRabbitAsync();
        var backendB = await TestBackend.SqliteOnSharedRabbitAsync(backendA.Rabbit!);
        var a = new CtmsAppFactory(backendA, new Dictionary<string, string?> { ["Center:Id"] = "center-a", ["Seed:DemoIrbApprovals"] = "false" });
        var b = new CtmsAppFactory(backendB, new Dictionary<string, string?> { ["Center:Id"] = "center-b", ["Seed:DemoIrbApprovals"] = "false" });
        _ = a.Server;
        _ = b.Server;
        return new TwoCenters(backendA, backendB, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await BackendB.DisposeAsync();
        await BackendA.DisposeAsync();
    }
}
