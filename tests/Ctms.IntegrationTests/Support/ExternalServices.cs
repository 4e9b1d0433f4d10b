namespace Ctms.IntegrationTests.Support;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ are, from <c>CTMS_TEST_POSTGRES</c> and <c>CTMS_TEST_RABBITMQ</c>
/// (printed by <c>infra/local/services.sh start</c>).
/// </summary>
public static class ExternalServices
{
    public static string? Postgres => Environment.GetEnvironmentVariable("CTMS_TEST_POSTGRES");
    public static string? RabbitMq => Environment.GetEnvironmentVariable("CTMS_TEST_RABBITMQ");
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? MissingReason(bool postgres, bool rabbitMq)
    {
        var missing = new List<string>();
        if (postgres && string.IsNullOrWhiteSpace(Postgres))
        {
            missing.Add("CTMS_TEST_POSTGRES");
        }

        if (rabbitMq && string.IsNullOrWhiteSpace(RabbitMq))
        {
            missing.Add("CTMS_TEST_RABBITMQ");
        }

        return missing.Count == 0
            ? null
            : $"{string.Join(" and ", missing)} not set: run `eval \"$(infra/local/services.sh start)\"` to start PostgreSQL and RabbitMQ.";
    }
}

/// <summary>
/// A test that needs real PostgreSQL and RabbitMQ. Outside CI it is skipped, naming the script that starts them;
/// in CI (CI=true) it runs, and fails if they are missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresRabbitFactAttribute : FactAttribute
{
    public PostgresRabbitFactAttribute()
    {
        if (!ExternalServices.InCi && ExternalServices.MissingReason(postgres: true, rabbitMq: true) is { } reason)
        {
            Skip = reason;
        }
    }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class RabbitFactAttribute : FactAttribute
{
    public RabbitFactAttribute()
    {
        if (!ExternalServices.InCi && ExternalServices.MissingReason(postgres: false, rabbitMq: true) is { } reason)
        {
            Skip = reason;
        }
    }
}
