namespace Ctms.IntegrationTests.Support;

/// <summary>
/// The benchmark's copy of the tests' <c>ExternalServices</c> (without the xunit attributes): where the real
/// PostgreSQL and RabbitMQ are, from <c>CTMS_TEST_POSTGRES</c> and <c>CTMS_TEST_RABBITMQ</c>.
/// </summary>
public static class ExternalServices
{
    public static string? Postgres => Environment.GetEnvironmentVariable("CTMS_TEST_POSTGRES");
    public static string? RabbitMq => Environment.GetEnvironmentVariable("CTMS_TEST_RABBITMQ");

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
            : $"{string.Join(" and ", missing)} not set: run `eval \"$(infra/local/services.sh env)\"` first.";
    }
}
