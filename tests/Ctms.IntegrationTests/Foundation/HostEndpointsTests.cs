using System.Net;
using System.Text.Json;
using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.Foundation;

[Trait("Category", "Foundation")]
public sealed class HostEndpointsTests
{
    [Fact]
    public async Task Health_live_and_ready_answer_with_the_database_and_bus_checks()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["masstransit-bus"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_Scalar_reference_describe_the_API()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        using var scalar = await client.GetAsync("/scalar/v1");

        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/sites/{siteId}/enrollments", paths);
        Assert.Contains("/api/v1/sites/{siteId}/subjects", paths);
        Assert.DoesNotContain("/account/signin", paths);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_is_served_and_pages_need_a_signed_in_user()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/account/login");
        using var sponsor = await client.GetAsync("/sponsor");

        Assert.Contains("Sign in to Ctms", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sponsor.StatusCode);
        Assert.StartsWith("/account/login", sponsor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
