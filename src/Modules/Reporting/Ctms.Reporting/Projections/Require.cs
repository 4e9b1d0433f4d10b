namespace Ctms.Reporting.Projections;

/// <summary>
/// Malformed events are refused loudly (the bus retries, then parks them in the error queue) instead of writing rows that
/// no dashboard could place.
/// </summary>
internal static class Require
{
    public static void Ids(params Guid[] ids)
    {
        if (ids.Any(id => id == Guid.Empty))
        {
            throw new InvalidDataException("The event lacks one of its ids (subject, trial, site, visit …); it cannot be projected.");
        }
    }

    public static void Text(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidDataException($"The event lacks its {what}; it cannot be projected.");
        }
    }
}
