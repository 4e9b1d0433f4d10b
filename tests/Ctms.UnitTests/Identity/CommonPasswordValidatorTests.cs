using Ctms.Identity.Domain;
using Ctms.Identity.Features.Passwords;

namespace Ctms.UnitTests.Identity;

[Trait("Category", "AccessAudit")]
public sealed class CommonPasswordValidatorTests
{
    private static readonly CtmsUser Chloe = new() { Email = "chloe.park@site.example", UserName = "chloe.park@site.example", DisplayName = "Chloe Park" };

    [Theory]
    [InlineData("password123456")]
    [InlineData("Password2026!!")]
    [InlineData("P@ssw0rd20261")]
    [InlineData("Sunshine123456!")]
    [InlineData("qwertyuiop123")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("!!Liverpool1892")]
    [InlineData("123456789012")]
    public void Refuses_common_passwords_and_common_words_padded_with_digits_symbols_or_look_alikes(string password)
    {
        var result = CommonPasswordValidator.Validate(Chloe, password);

        Assert.Equal(CommonPasswordValidator.CommonCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("Chloe-Park-Trial-2026")]
    [InlineData("my name is chl0e!!!")]
    [InlineData("xx chloe.park xx")]
    public void Refuses_passwords_built_from_the_persons_email_or_name(string password)
    {
        var result = CommonPasswordValidator.Validate(Chloe, password);

        Assert.Equal(CommonPasswordValidator.PersonalCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Refuses_passwords_of_very_few_distinct_characters()
    {
        Assert.Equal(CommonPasswordValidator.RepetitiveCode, Assert.Single(CommonPasswordValidator.Validate(Chloe, "abababababab1").Errors).Code);
    }

    [Theory]
    [InlineData("Harbour lights over Gwangan 9")]
    [InlineData("Demo-Password-2026!")]
    [InlineData("tXq7-mPz2-Lw9k")]
    public void Accepts_a_phrase_of_ones_own(string password)
    {
        Assert.True(CommonPasswordValidator.Validate(Chloe, password).Succeeded);
    }
}
