using Ctms.Shared.Results;

namespace Ctms.Subjects.Domain.Rules;

internal sealed record EligibilityOutcome(bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>Eligible only when every inclusion criterion is met and no exclusion criterion applies; every criterion must be answered.</summary>
internal static class EligibilityRules
{
    /// <param name="answers">Criterion text → true when an inclusion is met / an exclusion applies.</param>
    public static Result<EligibilityOutcome> Evaluate(IReadOnlyList<string> inclusion, IReadOnlyList<string> exclusion, IReadOnlyDictionary<string, bool> answers)
    {
        var lookup = answers.ToDictionary(a => a.Key.Trim(), a => a.Value, StringComparer.OrdinalIgnoreCase);
        var errors = inclusion.Concat(exclusion).Where(c => !lookup.ContainsKey(c.Trim()))
            .Select(c => Error.Validation($"answers[{c}]", $"Answer the criterion \"{c}\".")).ToList();
        errors.AddRange(lookup.Keys.Where(k => !inclusion.Concat(exclusion).Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => Error.Validation($"answers[{k}]", $"\"{k}\" is not a criterion of this protocol version.")));
        if (errors.Count > 0)
        {
            return Result<EligibilityOutcome>.FromErrors(errors);
        }

        var reasons = inclusion.Where(c => !lookup[c.Trim()]).Select(c => $"Inclusion not met: {c}")
            .Concat(exclusion.Where(c => lookup[c.Trim()]).Select(c => $"Exclusion applies: {c}"))
            .ToList();
        return new EligibilityOutcome(reasons.Count == 0, reasons);
    }
}
