using System.Net;
using System.Xml.Linq;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Ctms.Shared.Signatures;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed class AccountAuditTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_every_attempt_is_in_the_identity_chain()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignIn.TrySignInAsync(client, "monitor@demo.ctms", "not-the-password-123");
            Assert.Contains("error", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var right = await SignIn.TrySignInAsync(client, "monitor@demo.ctms", CtmsAppFactory.DemoPassword);
        Assert.Contains("locked", Uri.UnescapeDataString(right.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var events = await app.AuditAsync(new AuditQuery(Module: "identity", EntityType: "Account"));
        var monitor = events.Where(e => e.UserName == "Mina Monitor" && e.Action != "account-created").OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out", "locked-out"], monitor.Select(e => e.Action));
        Assert.DoesNotContain(monitor, e => e.Action == "sign-in");
        Assert.Contains(await app.AuditAsync(new AuditQuery(Module: "identity", EntityType: "CtmsUser")),
            e => e.Field == "LockoutEnd" && e.NewValue is not null);
        Assert.All(await app.VerifyAsync(), v => Assert.True(v.IsIntact, v.Display));
    }

    [Fact]
    public async Task Sign_ins_and_signing_attempts_are_audited_and_an_administrator_exports_them_as_csv_and_odm()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var admin = await SignIn.AsAsync(app, "admin@demo.ctms");
        await using (var scope = await app.UserScopeAsync("irb.chair@demo.ctms"))
        {
            var signing = scope.ServiceProvider.GetRequiredService<IElectronicSignatureService>();
            await signing.SignAsync(new SignatureRequest("IrbDecision", "d-9", "{}", SignatureMeaning.Approval, "irb.chair@demo.ctms", "wrong-password-xyz"));
            var signed = await signing.SignAsync(new SignatureRequest("IrbDecision", "d-9", "{}", SignatureMeaning.Approval, "irb.chair@demo.ctms", CtmsAppFactory.DemoPassword));
            Assert.True(signed.IsSuccess, signed.Describe());
        }

        var csv = await admin.GetStringAsync("/admin/audit/export.csv?module=identity&entityType=Account");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Module,Sequence,AtUtc,UserId,UserName,EntityType,EntityId,Action", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",Alex Admin,Account,", StringComparison.Ordinal) && l.Contains(",sign-in,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",signing-failed,", StringComparison.Ordinal) && l.Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",signature,", StringComparison.Ordinal) && l.Contains("Signed by Iris IRB Chair", StringComparison.Ordinal));

        var xml = XDocument.Parse(await admin.GetStringAsync("/admin/audit/export.xml?module=trials"));
        XNamespace odm = AuditExport.OdmNamespace;
        Assert.Equal("1.3.2", xml.Root!.Attribute("ODMVersion")!.Value);
        var records = xml.Descendants(odm + "AuditRecord").ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Equal(AuditInterceptor.SystemUser, r.Element(odm + "UserRef")!.Attribute("UserOID")!.Value);
            Assert.NotNull(r.Element(odm + "LocationRef")!.Attribute("LocationOID"));
            Assert.True(DateTimeOffset.TryParse(r.Element(odm + "DateTimeStamp")!.Value, out _));
        });

        // The exports themselves are in the chain.
        Assert.Equal(2, (await app.AuditAsync(new AuditQuery(Module: "identity"))).Count(e => e.Action == "audit-export"));
    }

    [Fact]
    public async Task Only_administrators_export_the_audit_trail()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");

        using var response = await sponsor.GetAsync("/admin/audit/export.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Module,Sequence", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
