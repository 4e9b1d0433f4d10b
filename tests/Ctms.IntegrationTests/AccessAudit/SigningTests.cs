using Ctms.IntegrationTests.Support;
using Ctms.Shared.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed class SigningTests
{
    [Fact]
    public async Task Signing_re_authenticates_records_the_manifestation_and_detects_a_changed_record()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using var scope = await app.UserScopeAsync("irb.chair@demo.ctms");
        var signing = scope.ServiceProvider.GetRequiredService<IElectronicSignatureService>();
        const string content = """{"decision":"approved","protocol":"2.0"}""";

        Assert.True(signing.RequiresUserName);
        var wrongUser = await signing.SignAsync(new SignatureRequest("IrbDecision", "d-1", content, SignatureMeaning.Approval, "sponsor@demo.ctms", CtmsAppFactory.DemoPassword));
        var wrongPassword = await signing.SignAsync(new SignatureRequest("IrbDecision", "d-1", content, SignatureMeaning.Approval, "irb.chair@demo.ctms", "wrong"));
        var signed = await signing.SignAsync(new SignatureRequest("IrbDecision", "d-1", content, SignatureMeaning.Approval, "irb.chair@demo.ctms", CtmsAppFactory.DemoPassword));

        Assert.Equal("UserName", Assert.Single(wrongUser.Errors).Field);
        Assert.Contains("password is not correct", wrongPassword.Describe(), StringComparison.Ordinal);
        Assert.True(signed.IsSuccess, signed.Describe());
        Assert.Equal("Iris IRB Chair", signed.Value.PrintedName);
        Assert.Equal(SignatureMeaning.Approval, signed.Value.Meaning);
        Assert.StartsWith("Signed by Iris IRB Chair on ", signed.Value.Display, StringComparison.Ordinal);
        Assert.True(signed.Value.Covers(content));
        Assert.False(signed.Value.Covers(content.Replace("2.0", "2.1", StringComparison.Ordinal)));

        // Later in the same session the password alone is enough.
        Assert.False(signing.RequiresUserName);
        var second = await signing.SignAsync(new SignatureRequest("IrbDecision", "d-2", content, SignatureMeaning.Review, null, CtmsAppFactory.DemoPassword));
        Assert.True(second.IsSuccess, second.Describe());
    }
}
