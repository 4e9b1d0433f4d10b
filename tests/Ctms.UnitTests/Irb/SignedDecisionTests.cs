using System.Security.Cryptography;
using System.Text;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Signing;

namespace Ctms.UnitTests.Irb;

[Trait("Category", "IrbRecognition")]
public sealed class SignedDecisionTests
{
    private static readonly SignedIrbDecision Decision = new(1, new Guid("11111111-1111-1111-1111-111111111111"), "center-a",
        new Guid("22222222-2222-2222-2222-222222222222"), "Seoul IRB", new Guid("33333333-3333-3333-3333-333333333333"), "HB-ONC-301",
        new Guid("44444444-4444-4444-4444-444444444444"), "1.0", SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal, Decisions.Approved,
        null, new DateOnly(2026, 11, 28), new DateOnly(2027, 11, 27), [], "Iris IRB Chair", new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Canonical_json_is_stable_compact_and_round_trips()
    {
        var json = CanonicalJson.Serialize(Decision);

        Assert.Equal(json, CanonicalJson.Serialize(CanonicalJson.Deserialize<SignedIrbDecision>(json)));
        Assert.DoesNotContain(" \"", json, StringComparison.Ordinal);
        Assert.Contains("\"approvedOn\":\"2026-11-28\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"schemaVersion\":1,\"decisionId\":\"11111111-", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_verifies_only_the_exact_bytes_and_only_with_the_signers_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var json = CanonicalJson.Serialize(Decision);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(json), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        Assert.True(IrbKeyRing.Verify(publicKey, json, signature));
        for (var i = 0; i < json.Length; i += 7)
        {
            var changed = json[..i] + (char)(json[i] ^ 1) + json[(i + 1)..];
            Assert.False(IrbKeyRing.Verify(publicKey, changed, signature), $"a change at byte {i} went unnoticed");
        }

        Assert.False(IrbKeyRing.Verify(Convert.ToBase64String(other.ExportSubjectPublicKeyInfo()), json, signature));
        Assert.False(IrbKeyRing.Verify(publicKey, json, "not base64!"));
        Assert.False(IrbKeyRing.Verify("garbage", json, signature));
    }

    [Fact]
    public void Agreements_are_in_force_only_when_signed_and_in_date_and_cover_only_their_scope()
    {
        var trial = Guid.NewGuid();
        var agreement = new Agreement("A-B", AgreementScopes.MinimalRisk, [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), []);

        Assert.False(agreement.InForceOn(new DateOnly(2026, 6, 1))); // a draft
        Assert.True(agreement.Covers(trial, RiskLevels.Minimal));
        Assert.False(agreement.Covers(trial, RiskLevels.GreaterThanMinimal));

        var listed = new Agreement("A-B listed", AgreementScopes.ListedTrials, [trial], new DateOnly(2026, 1, 1), null, []);
        Assert.True(listed.Covers(trial, RiskLevels.GreaterThanMinimal));
        Assert.False(listed.Covers(Guid.NewGuid(), RiskLevels.Minimal));
    }
}
