namespace Ctms.Irb.Contracts;

/// <summary>An IRB: a review committee at an institution.</summary>
public sealed record IrbSummary(Guid Id, Guid InstitutionId, string Name);
