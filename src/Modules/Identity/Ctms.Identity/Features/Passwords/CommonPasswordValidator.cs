using System.Reflection;
using Ctms.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Identity.Features.Passwords;

/// <summary>
/// Refuses passwords an attacker tries first: a common password or word dressed up with case, look-alike
/// characters and digits or symbols around it ("P@ssw0rd2026!"), a password built from the person's own email or
/// name, and passwords of very few distinct characters. Length (12+) is Identity's own rule.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<CtmsUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PersonalCode = "PasswordContainsPersonalInfo";
    public const string RepetitiveCode = "PasswordRepetitive";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<CtmsUser> manager, CtmsUser user, string? password) =>
        Task.FromResult(Validate(user, password));

    public static IdentityResult Validate(CtmsUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success; // Identity's length rule reports this one
        }

        if (password.Distinct().Count() < 5)
        {
            return Failed(RepetitiveCode, "The password repeats too few different characters; use a longer phrase.");
        }

        var lower = password.ToLowerInvariant();
        // Digits and symbols around a word are padding, not strength: "Sunshine2026!" is "sunshine".
        var core = lower.Trim(NotLetter);
        string[] readings = [lower, Plain(lower), core, Plain(core)];
        if (readings.Any(Common.Value.Contains))
        {
            return Failed(CommonCode, "This password is too common (it is, or is built from, a frequently used password). Choose a phrase of your own.");
        }

        if (PersonalParts(user).Any(part => readings.Any(r => r.Contains(part, StringComparison.Ordinal))))
        {
            return Failed(PersonalCode, "The password must not contain your email address or name.");
        }

        return IdentityResult.Success;
    }

    /// <summary>Look-alike substitutions undone, so "p@55w0rd" reads as "password".</summary>
    private static string Plain(string lower) => string.Concat(lower.Select(c => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' or '!' or '|' => 'i',
        '3' => 'e',
        '$' or '5' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        _ => c,
    }));

    private static readonly char[] NotLetter = [.. Enumerable.Range(32, 95).Select(i => (char)i).Where(c => !char.IsAsciiLetter(c))];

    /// <summary>The email's local part and the words of the name, four letters or more, lower case.</summary>
    private static IEnumerable<string> PersonalParts(CtmsUser user)
    {
        var email = (user.Email ?? user.UserName ?? "").ToLowerInvariant();
        var local = email.Split('@')[0];
        return new[] { local }.Concat(local.Split('.', '_', '-', '+')).Concat(user.DisplayName.ToLowerInvariant().Split(' ', '.', '-'))
            .Where(p => p.Length >= 4).Distinct();
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ctms.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
